//! A partition's log: records with exact offsets, of which only the newest are kept in memory.

use std::collections::VecDeque;
use std::rc::Rc;

/// One record in a partition.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub offset: u64,
    pub key: Option<Rc<str>>,
    pub value: Rc<str>,
    pub timestamp_ms: u64,
    pub producer: u32,
}

#[derive(Clone, Debug)]
pub struct PartitionLog {
    /// The first offset still in the log (retention here is in records, not time).
    log_start_offset: u64,
    /// The offset the next appended record gets: the high watermark (all replicas are in sync here).
    log_end_offset: u64,
    /// Newest records, at most `retained` of them; offsets stay exact beyond that.
    records: VecDeque<Record>,
    retained: usize,
}

impl PartitionLog {
    pub fn new(retained: u32) -> Self {
        PartitionLog {
            log_start_offset: 0,
            log_end_offset: 0,
            records: VecDeque::new(),
            retained: retained.max(1) as usize,
        }
    }

    pub fn log_start_offset(&self) -> u64 {
        self.log_start_offset
    }

    pub fn log_end_offset(&self) -> u64 {
        self.log_end_offset
    }

    /// Appends a record and returns its offset.
    pub fn append(
        &mut self,
        key: Option<Rc<str>>,
        value: Rc<str>,
        timestamp_ms: u64,
        producer: u32,
    ) -> u64 {
        let offset = self.log_end_offset;
        if self.records.len() == self.retained {
            self.records.pop_front();
        }
        self.records.push_back(Record {
            offset,
            key,
            value,
            timestamp_ms,
            producer,
        });
        self.log_end_offset += 1;
        offset
    }

    /// The records still in memory, oldest first.
    pub fn records(&self) -> impl DoubleEndedIterator<Item = &Record> + ExactSizeIterator {
        self.records.iter()
    }

    /// The record at `offset`, if it is still in memory.
    pub fn get(&self, offset: u64) -> Option<&Record> {
        let first = self.records.front()?.offset;
        offset
            .checked_sub(first)
            .and_then(|i| self.records.get(i as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_stay_exact_beyond_retention() {
        let mut log = PartitionLog::new(3);
        for i in 0..10u64 {
            assert_eq!(
                log.append(None, Rc::from(format!("v{i}").as_str()), i, 0),
                i
            );
        }
        assert_eq!(log.log_end_offset(), 10);
        assert_eq!(log.records().len(), 3);
        assert_eq!(log.records().next().map(|r| r.offset), Some(7));
        assert_eq!(log.get(8).map(|r| &*r.value), Some("v8"));
        assert!(log.get(2).is_none());
        assert!(log.get(10).is_none());
    }
}
