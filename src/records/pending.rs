//! Records the database refused (a full disk, a server down), kept until it
//! takes them: in memory, and beside an SQLite file as JSON lines, so that
//! a restart loses none where that disk allows.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use super::AccountRecord;
use crate::signup::Slug;

pub(super) struct Pending {
    queue: Mutex<Vec<AccountRecord>>,
    file: Option<PathBuf>,
}

impl Pending {
    /// The queue, with what `file` kept from an earlier run.
    pub fn open(file: Option<PathBuf>) -> Pending {
        let kept: Vec<AccountRecord> = file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .map(|text| text.lines().filter_map(|line| serde_json::from_str(line).ok()).collect())
            .unwrap_or_default();
        if !kept.is_empty() {
            tracing::warn!(records = kept.len(), "records an earlier run could not write wait for the database");
        }
        Pending { queue: Mutex::new(kept), file }
    }

    pub fn push(&self, record: AccountRecord) {
        if let Some(file) = &self.file {
            let line = serde_json::to_string(&record).unwrap_or_default();
            let appended = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(file)
                .and_then(|mut f| writeln!(f, "{line}"));
            if let Err(e) = appended {
                tracing::warn!(error = %e, "the waiting record is kept in memory only");
            }
        }
        self.queue.lock().expect("pending lock").push(record);
    }

    pub fn take_all(&self) -> Vec<AccountRecord> {
        std::mem::take(&mut *self.queue.lock().expect("pending lock"))
    }

    /// `waiting` wait on (and what was pushed meanwhile); the file says the
    /// same. How many wait.
    pub fn put_back(&self, waiting: Vec<AccountRecord>) -> usize {
        let mut queue = self.queue.lock().expect("pending lock");
        let pushed_meanwhile = std::mem::take(&mut *queue);
        queue.extend(waiting);
        queue.extend(pushed_meanwhile);
        if let Some(file) = &self.file {
            let lines: String = queue.iter().filter_map(|r| serde_json::to_string(r).ok()).map(|l| l + "\n").collect();
            let rewritten = if lines.is_empty() { std::fs::remove_file(file) } else { std::fs::write(file, lines) };
            if let Err(e) = rewritten
                && e.kind() != std::io::ErrorKind::NotFound
            {
                tracing::warn!(error = %e, "the file of waiting records could not be brought up to date");
            }
        }
        queue.len()
    }

    pub fn count(&self, event: Option<&Slug>) -> usize {
        let queue = self.queue.lock().expect("pending lock");
        queue.iter().filter(|r| event.is_none_or(|e| r.event == *e)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::Via;

    fn made(name: &str) -> AccountRecord {
        AccountRecord {
            event: "walk".parse().unwrap(),
            username: name.into(),
            wiki: "https://commons.wikimedia.org/w/api.php".into(),
            created_at: 1_700_000_000,
            via: Via::Organizer,
        }
    }

    #[test]
    fn waiting_records_outlive_a_restart_and_the_file_goes_when_they_are_written() {
        let file = std::env::temp_dir().join(format!("wikisignup-pending-{}.jsonl", std::process::id()));
        let pending = Pending::open(Some(file.clone()));
        pending.push(made("Ada"));
        pending.push(made("Grace"));
        drop(pending);
        let again = Pending::open(Some(file.clone()));
        assert_eq!(again.count(Some(&"walk".parse().unwrap())), 2);
        assert_eq!(again.count(Some(&"other".parse().unwrap())), 0);
        let taken = again.take_all();
        assert_eq!(taken, [made("Ada"), made("Grace")]);
        assert_eq!(again.put_back(vec![made("Grace")]), 1);
        assert_eq!(Pending::open(Some(file.clone())).count(None), 1);
        assert_eq!(again.put_back(Vec::new()), 1, "Grace still waits");
        again.take_all();
        assert_eq!(again.put_back(Vec::new()), 0);
        assert!(!file.exists(), "an empty queue leaves no file");
    }
}
