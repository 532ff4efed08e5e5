//! What an actor (a group coordinator, a consumer, a producer) may do while handling an input: send messages,
//! set timers, emit events and draw from the world's random source. The simulation routes all of it.

use crate::event::EventKind;
use crate::net::{Endpoint, Payload};
use crate::rng::SimRng;

/// A timer an actor asks for; stale ones are recognised by the actor's own bookkeeping when they fire.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Wake {
    Deliver(u64),
    Poll { consumer: u32, epoch: u32 },
    Heartbeat { consumer: u32, epoch: u32 },
    AutoCommit { consumer: u32, epoch: u32 },
    ConsumerMetadata { consumer: u32, epoch: u32 },
    ProducerTick { producer: u32 },
    GroupJoin { group: u32 },
    GroupSession { group: u32 },
    LeaderImbalanceCheck,
}

/// Outputs collected while handling one input; the simulation drains it after every step (no allocation
/// per step once warmed up).
#[derive(Clone, Debug, Default)]
pub struct Outbox {
    pub sends: Vec<(Endpoint, Endpoint, Payload)>,
    pub timers: Vec<(u64, Wake)>,
    pub events: Vec<EventKind>,
}

pub struct Ctx<'a> {
    pub now: u64,
    pub rng: &'a mut SimRng,
    pub out: &'a mut Outbox,
}

impl Ctx<'_> {
    pub fn send(&mut self, from: Endpoint, to: Endpoint, payload: Payload) {
        self.out.sends.push((from, to, payload));
    }

    pub fn at(&mut self, at: u64, wake: Wake) {
        self.out.timers.push((at, wake));
    }

    pub fn emit(&mut self, event: EventKind) {
        self.out.events.push(event);
    }
}
