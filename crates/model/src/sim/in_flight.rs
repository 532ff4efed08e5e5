//! Messages in flight by id. Ids are handed out in increasing order and most messages arrive in that order,
//! so they sit in a queue of slots indexed by `id - first id` (no allocation per message, unlike a map of boxes).

use std::collections::VecDeque;

use crate::net::Message;

#[derive(Clone, Debug, Default)]
pub struct InFlight {
    /// The id of the front slot.
    first: u64,
    /// One slot per id from `first` on; `None` once delivered or dropped.
    slots: VecDeque<Option<Message>>,
    len: usize,
}

impl InFlight {
    /// Adds a message; its id must be above every id added before.
    pub fn insert(&mut self, msg: Message) {
        if self.slots.is_empty() {
            self.first = msg.id;
        }
        let at = msg.id.saturating_sub(self.first) as usize;
        debug_assert!(
            msg.id >= self.first && at >= self.slots.len(),
            "message ids must increase"
        );
        if at >= self.slots.len() {
            self.slots.resize_with(at, || None);
            self.slots.push_back(Some(msg));
            self.len += 1;
        }
    }

    /// Takes the message with this id out, if it is still in flight.
    pub fn remove(&mut self, id: u64) -> Option<Message> {
        let at = usize::try_from(id.checked_sub(self.first)?).ok()?;
        let msg = self.slots.get_mut(at)?.take()?;
        self.len -= 1;
        self.trim();
        Some(msg)
    }

    /// Keeps only the messages for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&Message) -> bool) {
        for slot in &mut self.slots {
            if slot.as_ref().is_some_and(|m| !keep(m)) {
                *slot = None;
                self.len -= 1;
            }
        }
        self.trim();
    }

    /// The messages in flight, by id.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Message> {
        self.slots.iter().flatten()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Drops the empty slots at the front.
    fn trim(&mut self) {
        while let Some(None) = self.slots.front() {
            self.slots.pop_front();
            self.first += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::{Endpoint, ErrorCode, Payload};

    fn msg(id: u64, to: u32) -> Message {
        Message {
            id,
            from: Endpoint::Broker(0),
            to: Endpoint::Consumer(to),
            sent_at_ms: 0,
            arrives_at_ms: 1,
            payload: Payload::HeartbeatResponse {
                error: ErrorCode::None,
            },
        }
    }

    #[test]
    fn removes_in_any_order_and_keeps_id_order() {
        let mut f = InFlight::default();
        for id in 1..=5 {
            f.insert(msg(id, id as u32 % 2));
        }
        assert_eq!(f.remove(3).map(|m| m.id), Some(3));
        assert!(f.remove(3).is_none());
        assert_eq!(f.remove(1).map(|m| m.id), Some(1));
        f.retain(|m| m.to != Endpoint::Consumer(0));
        assert_eq!(f.values().map(|m| m.id).collect::<Vec<_>>(), vec![5]);
        assert_eq!(f.len(), 1);
        assert!(f.remove(0).is_none() && f.remove(9).is_none());
        f.insert(msg(7, 1));
        assert_eq!(f.remove(5).map(|m| m.id), Some(5));
        assert_eq!(f.values().map(|m| m.id).collect::<Vec<_>>(), vec![7]);
        assert_eq!(f.remove(7).map(|m| m.id), Some(7));
        assert!(f.is_empty());
    }
}
