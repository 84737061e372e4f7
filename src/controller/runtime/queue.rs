//! A de-duplicating work queue of keys, as client-go's: a key waits in the queue at most
//! once, is handed to one worker at a time (a key added while it is being reconciled waits
//! until that reconcile is done), and a failed key comes back after a per-key exponential
//! back-off with jitter.
//!
//! ```text
//! add(key) ──► fresh ──┐                 ┌─► done(key) ──► (dirty? back into fresh)
//! resync(key) ► resync ┴─► next() ──► worker ─► retry(key) ─► timer (back-off) ─► fresh
//! add_after(key, d) ─────────────── timer ────┘
//! ```
//!
//! Fresh keys (watch events, timers) are always handed out before resync keys, so a periodic
//! resync of ten thousand objects never delays a user's edit.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::hash::Hash;
use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::Instant;

use crate::backoff::exponential;

/// The first retry of a failed key comes after about this long…
const FIRST_RETRY: Duration = Duration::from_millis(200);
/// …doubling up to this (F2: a lost kcp is retried at most every minute, not hammered).
const MAX_RETRY: Duration = Duration::from_secs(60);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Priority {
    Fresh,
    Resync,
}

struct State<K> {
    fresh: VecDeque<K>,
    resync: VecDeque<K>,
    /// Keys waiting in `fresh` or `resync`, with the queue they count in.
    queued: HashMap<K, Priority>,
    /// Keys a worker holds.
    processing: HashSet<K>,
    /// Keys added while being processed: queued again when done.
    dirty: HashMap<K, Priority>,
    /// Failures in a row, per key.
    failures: HashMap<K, u32>,
    /// Timers: when each waiting key is due. One timer per key, the earliest asked for.
    due: BTreeMap<(Instant, u64), K>,
    due_of: HashMap<K, (Instant, u64)>,
    sequence: u64,
    closed: bool,
}

/// The queue. Cheap to share behind an `Arc`.
pub struct WorkQueue<K> {
    state: Mutex<State<K>>,
    ready: Notify,
    timers: Notify,
}

impl<K: Clone + Eq + Hash + Send + 'static> Default for WorkQueue<K> {
    fn default() -> Self {
        WorkQueue {
            state: Mutex::new(State {
                fresh: VecDeque::new(),
                resync: VecDeque::new(),
                queued: HashMap::new(),
                processing: HashSet::new(),
                dirty: HashMap::new(),
                failures: HashMap::new(),
                due: BTreeMap::new(),
                due_of: HashMap::new(),
                sequence: 0,
                closed: false,
            }),
            ready: Notify::new(),
            timers: Notify::new(),
        }
    }
}

impl<K: Clone + Eq + Hash + Send + 'static> WorkQueue<K> {
    /// Queues `key` ahead of any resync backlog.
    pub fn add(&self, key: K) {
        self.push(key, Priority::Fresh);
    }

    /// Queues `key` behind every fresh key (a periodic resync).
    pub fn add_resync(&self, key: K) {
        self.push(key, Priority::Resync);
    }

    /// Queues `key` after `delay`; a key with an earlier timer keeps that one.
    pub fn add_after(&self, key: K, delay: Duration) {
        let at = Instant::now() + delay;
        let mut state = self.lock();
        if state.closed {
            return;
        }
        if let Some(&(existing, _)) = state.due_of.get(&key) {
            if existing <= at {
                return;
            }
            let old = state.due_of.remove(&key).expect("just seen");
            state.due.remove(&old);
        }
        state.sequence += 1;
        let slot = (at, state.sequence);
        state.due.insert(slot, key.clone());
        state.due_of.insert(key, slot);
        drop(state);
        self.timers.notify_one();
    }

    /// Queues `key` again after its back-off (which grows with each failure in a row).
    pub fn retry(&self, key: K) -> Duration {
        let failures = {
            let mut state = self.lock();
            let n = state.failures.entry(key.clone()).or_default();
            *n += 1;
            *n
        };
        let delay = exponential(failures, FIRST_RETRY, MAX_RETRY);
        self.add_after(key, delay);
        delay
    }

    /// Forgets `key`'s failures (after it succeeded).
    pub fn forget(&self, key: &K) {
        self.lock().failures.remove(key);
    }

    /// The next key to reconcile; `None` once the queue is closed.
    pub async fn next(&self) -> Option<K> {
        loop {
            let notified = self.ready.notified();
            {
                let mut state = self.lock();
                if state.closed {
                    return None;
                }
                if let Some(key) = state.pop() {
                    return Some(key);
                }
            }
            notified.await;
        }
    }

    /// Marks `key` as no longer held by a worker; a key added meanwhile is queued again.
    pub fn done(&self, key: &K) {
        let mut state = self.lock();
        state.processing.remove(key);
        if let Some(priority) = state.dirty.remove(key) {
            drop(state);
            self.push(key.clone(), priority);
        }
    }

    /// Keys waiting to be handed out (not counting timers and keys being reconciled).
    pub fn len(&self) -> usize {
        self.lock().queued.len()
    }

    /// Whether no key waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether nothing waits, nothing is held, and no timer is due within `horizon`.
    pub fn is_idle(&self, horizon: Duration) -> bool {
        let state = self.lock();
        let soon = Instant::now() + horizon;
        state.queued.is_empty()
            && state.processing.is_empty()
            && state.dirty.is_empty()
            && state.due.keys().next().is_none_or(|(at, _)| *at > soon)
    }

    /// Stops handing out keys; workers waiting in [`WorkQueue::next`] get `None`.
    pub fn close(&self) {
        self.lock().closed = true;
        self.ready.notify_waiters();
        self.timers.notify_waiters();
    }

    /// Moves keys whose timers are due into the queue, until the queue is closed. Run it in
    /// its own task.
    pub async fn run_timers(&self) {
        loop {
            let notified = self.timers.notified();
            let next = {
                let mut state = self.lock();
                if state.closed {
                    return;
                }
                let now = Instant::now();
                let mut due = Vec::new();
                while let Some(entry) = state.due.first_entry() {
                    if entry.key().0 > now {
                        break;
                    }
                    let key = entry.remove();
                    state.due_of.remove(&key);
                    due.push(key);
                }
                let next = state.due.keys().next().map(|(at, _)| *at);
                drop(state);
                for key in due {
                    self.add(key);
                }
                next
            };
            match next {
                Some(at) => {
                    tokio::select! {
                        _ = tokio::time::sleep_until(at) => {}
                        _ = notified => {}
                    }
                }
                None => notified.await,
            }
        }
    }

    fn push(&self, key: K, priority: Priority) {
        let mut state = self.lock();
        if state.closed {
            return;
        }
        if state.processing.contains(&key) {
            let entry = state.dirty.entry(key).or_insert(priority);
            if priority == Priority::Fresh {
                *entry = Priority::Fresh;
            }
            return;
        }
        match state.queued.get(&key) {
            Some(Priority::Fresh) => return,
            Some(Priority::Resync) if priority == Priority::Resync => return,
            _ => {}
        }
        state.queued.insert(key.clone(), priority);
        match priority {
            Priority::Fresh => state.fresh.push_back(key),
            Priority::Resync => state.resync.push_back(key),
        }
        drop(state);
        self.ready.notify_one();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State<K>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<K: Clone + Eq + Hash> State<K> {
    /// The next key, fresh ones first; entries superseded by a promotion are skipped.
    fn pop(&mut self) -> Option<K> {
        while let Some(key) = self.fresh.pop_front() {
            if self.queued.get(&key) == Some(&Priority::Fresh) {
                return Some(self.hand_out(key));
            }
        }
        while let Some(key) = self.resync.pop_front() {
            if self.queued.get(&key) == Some(&Priority::Resync) {
                return Some(self.hand_out(key));
            }
        }
        None
    }

    fn hand_out(&mut self, key: K) -> K {
        self.queued.remove(&key);
        self.processing.insert(key.clone());
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    async fn drain(queue: &WorkQueue<&'static str>) -> Vec<&'static str> {
        let mut out = Vec::new();
        while !queue.is_empty() {
            let key = queue.next().await.unwrap();
            queue.done(&key);
            out.push(key);
        }
        out
    }

    #[tokio::test]
    async fn a_key_waits_once_however_often_it_is_added() {
        let queue = WorkQueue::default();
        for _ in 0..3 {
            queue.add("a");
            queue.add("b");
        }
        assert_eq!(drain(&queue).await, ["a", "b"]);
    }

    #[tokio::test]
    async fn fresh_keys_overtake_a_resync_backlog() {
        let queue = WorkQueue::default();
        for key in ["r1", "r2", "r3"] {
            queue.add_resync(key);
        }
        queue.add("edit");
        queue.add("r3"); // promoted: it is fresh now, and handed out once
        assert_eq!(drain(&queue).await, ["edit", "r3", "r1", "r2"]);
    }

    #[tokio::test]
    async fn a_key_added_while_processed_comes_back_after_done() {
        let queue = WorkQueue::default();
        queue.add("a");
        let key = queue.next().await.unwrap();
        queue.add("a");
        assert!(queue.is_empty(), "not handed to a second worker meanwhile");
        queue.done(&key);
        assert_eq!(drain(&queue).await, ["a"]);
    }

    #[tokio::test(start_paused = true)]
    async fn failures_back_off_exponentially_and_reset_on_success() {
        let queue = Arc::new(WorkQueue::default());
        let timers = tokio::spawn({
            let queue = queue.clone();
            async move { queue.run_timers().await }
        });
        let first = queue.retry("a");
        let second = queue.retry("a");
        assert!(second > first, "{second:?} > {first:?}");
        let started = Instant::now();
        let key = queue.next().await.unwrap();
        assert_eq!(key, "a");
        assert!(started.elapsed() >= first.min(second) && started.elapsed() < Duration::from_secs(1));
        queue.forget(&"a");
        queue.done(&"a");
        let again = queue.retry("a");
        assert!(again < Duration::from_millis(300), "back to the first step: {again:?}");
        queue.close();
        timers.await.unwrap();
        assert_eq!(queue.next().await, None);
    }

    #[tokio::test(start_paused = true)]
    async fn the_earliest_timer_of_a_key_wins() {
        let queue = Arc::new(WorkQueue::default());
        let timers = tokio::spawn({
            let queue = queue.clone();
            async move { queue.run_timers().await }
        });
        queue.add_after("a", Duration::from_secs(10));
        queue.add_after("a", Duration::from_secs(1));
        queue.add_after("a", Duration::from_secs(5));
        let started = Instant::now();
        assert_eq!(queue.next().await, Some("a"));
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
        queue.done(&"a");
        assert!(queue.is_idle(Duration::from_secs(60)), "the later timers were dropped");
        queue.close();
        timers.await.unwrap();
    }
}
