//! The client code that creates the situation on screen, generated from the command log: confluent-kafka
//! (Python, as in the course notes), the Java client, and the Kafka CLI. Plain text only; the UI shows it in
//! `<pre>` as text, never as HTML.

mod cli;
mod client;
mod config;
mod names;
mod programs;
#[cfg(test)]
mod tests;

use std::fmt::Write;

use grouplab_model::command::{Command, KeySpec};
use grouplab_model::config::{AutoOffsetReset, ClientProfile, ConsumerConfig};
use grouplab_model::timeline::LoggedCommand;

use cli::*;
use client::*;
use config::*;
use names::*;
use programs::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    Python,
    Java,
    Cli,
}

impl Flavour {
    pub const ALL: [Flavour; 3] = [Flavour::Python, Flavour::Java, Flavour::Cli];

    pub fn label(self) -> &'static str {
        match self {
            Flavour::Python => "Python",
            Flavour::Java => "Java",
            Flavour::Cli => "CLI",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Flavour::Python => "python",
            Flavour::Java => "java",
            Flavour::Cli => "cli",
        }
    }
}

const BOOTSTRAP: &str = "localhost:9092";

fn join(xs: &[String], sep: &str) -> String {
    let mut s = String::new();
    for (i, x) in xs.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        s.push_str(x);
    }
    s
}

/// The code for the commands applied up to `now_ms`.
pub fn generate(flavour: Flavour, log: &[LoggedCommand], now_ms: u64) -> String {
    // Clients added without a name get the model's: the first free `<prefix><n>`.
    let mut names: Vec<String> = Vec::new();
    let mut steps: Vec<(u64, Command)> = Vec::new();
    for c in log.iter().filter(|c| c.at_ms <= now_ms) {
        let mut cmd = c.command.clone();
        // A restored group's consumers are named in the command.
        if let Command::RestoreGroup { members, .. } = &cmd {
            names.extend(members.iter().map(|m| m.consumer.clone()));
        }
        let (name, prefix) = match &mut cmd {
            Command::AddConsumer { name, .. } => (Some(name), "consumer"),
            Command::AddProducer { name, .. } => (Some(name), "producer"),
            Command::RunConsoleConsumer { .. } => (None, "console"),
            _ => (None, ""),
        };
        if !prefix.is_empty() {
            let given = name.as_ref().and_then(|n| (**n).clone());
            let n = given.unwrap_or_else(|| {
                (1..)
                    .map(|i| format!("{prefix}{i}"))
                    .find(|n| !names.contains(n))
                    .unwrap_or_default()
            });
            if let Some(slot) = name {
                *slot = Some(n.clone());
            }
            names.push(n);
        }
        steps.push((c.at_ms, cmd));
    }
    let mut out = String::new();
    if flavour == Flavour::Cli {
        for (_, cmd) in &steps {
            cli(&mut out, cmd);
        }
        return out;
    }
    let java = flavour == Flavour::Java;
    let steps: Vec<(u64, Command)> = steps
        .into_iter()
        .map(|(at, cmd)| (at, with_identifiers(cmd)))
        .collect();
    // The poll loop commits itself only where some consumer turned auto commit off.
    let manual = steps.iter().any(|(_, c)| {
        matches!(c, Command::AddConsumer { config, .. } if config.enable_auto_commit == Some(false))
    });
    let assigns = steps.iter().any(|(_, c)| {
        matches!(
            c,
            Command::AddConsumer {
                assign: Some(_),
                ..
            }
        )
    });
    let has_rate = |keys: fn(&KeySpec) -> bool| {
        steps
            .iter()
            .any(|(_, c)| matches!(c, Command::SetProduceRate { keys: k, .. } if keys(k)))
    };
    let rates = Rates {
        any: has_rate(|_| true),
        random: has_rate(|k| matches!(k, KeySpec::Random { .. })),
        cycle: has_rate(|k| matches!(k, KeySpec::Cycle { .. })),
    };
    let mut body = String::new();
    let mut clock = 0;
    for (at, cmd) in &steps {
        if *at > clock {
            sleep(&mut body, at - clock, java);
            clock = *at;
        }
        client(&mut body, cmd, java, manual);
    }
    if java {
        java_program(&mut out, &body, manual, assigns, rates);
    } else {
        python_program(&mut out, &body, manual, assigns, rates);
    }
    out
}

/// Waiting until the next command's moment, so the code replays the timeline.
fn sleep(o: &mut String, ms: u64, java: bool) {
    // 2000 ms is "2", 2500 ms "2.5", by integer arithmetic (no float formatting in the wasm: docs/size.md).
    let frac = format!("{:03}", ms % 1000);
    let frac = frac.trim_end_matches('0');
    let secs = if frac.is_empty() {
        (ms / 1000).to_string()
    } else {
        format!("{}.{frac}", ms / 1000)
    };
    if java {
        let _ = writeln!(o, "\nThread.sleep({ms}); // {secs} s later:");
    } else {
        let _ = writeln!(o, "\ntime.sleep({secs})  # {secs} s later:");
    }
}
