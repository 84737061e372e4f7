//! Caches: one list-and-watch per resource type feeds one [`Store`], which every loop reads
//! instead of asking the server. Objects are decoded once, with the fields no loop reads
//! (`managedFields` first of all) dropped before they are stored.
//!
//! ```text
//! watch_events ─► Relisting · Listed… · ListDone ─► build a fresh map ─► swap ─► Change per diff
//!              └► Changed / Deleted ───────────────► update in place ───────► Change
//! ```
//!
//! A relist (after a 410 Gone, a lost connection or a restart) builds the new contents aside
//! and swaps them in at once, then reports only real differences: an object present before
//! and after is never reported deleted, so no loop acts on a spurious delete.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use futures::StreamExt;
use serde_json::Value;
use tokio::sync::mpsc;

use crate::client::{Connection, Resource, WatchEvent};

use super::key::ObjectKey;

/// A type a cache can hold: decoded from the server's JSON, keeping only what loops read.
pub trait Cached: Sized + Send + Sync + PartialEq + 'static {
    /// Decodes an object whose `metadata.managedFields` is already gone.
    fn decode(object: Value) -> Result<Self, String>;
}

/// A change a store saw, for the loops to turn into keys to reconcile.
#[derive(Debug)]
pub struct Change<T> {
    /// Which object.
    pub key: ObjectKey,
    /// Its value before, if it existed.
    pub old: Option<Arc<T>>,
    /// Its value now; `None` when it was deleted.
    pub new: Option<Arc<T>>,
}

/// Objects of one type from every workspace, keyed by (logical cluster, namespace, name).
pub struct Store<T> {
    objects: RwLock<BTreeMap<ObjectKey, Arc<T>>>,
    synced: AtomicBool,
    /// Bumped on every change of a logical cluster's objects, so readers can reuse what they
    /// derived from them (the placement loop's inventories) until it moves.
    revisions: RwLock<BTreeMap<Arc<str>, u64>>,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl<T> Default for Store<T> {
    fn default() -> Self {
        Store {
            objects: RwLock::default(),
            synced: AtomicBool::new(false),
            revisions: RwLock::default(),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }
}

impl<T: Cached> Store<T> {
    /// One object, counted as a read served by the cache.
    pub fn get(&self, key: &ObjectKey) -> Option<Arc<T>> {
        self.hits.fetch_add(1, Ordering::Relaxed);
        self.read().get(key).cloned()
    }

    /// Every object of one logical cluster, in key order.
    pub fn in_cluster(&self, cluster: &Arc<str>) -> Vec<(ObjectKey, Arc<T>)> {
        self.hits.fetch_add(1, Ordering::Relaxed);
        let start = ObjectKey { cluster: cluster.clone(), namespace: String::new(), name: String::new() };
        self.read()
            .range((Bound::Included(start), Bound::Unbounded))
            .take_while(|(k, _)| k.cluster == *cluster)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// Every key, for a periodic resync.
    pub fn keys(&self) -> Vec<ObjectKey> {
        self.read().keys().cloned().collect()
    }

    /// How many objects the store holds.
    pub fn len(&self) -> usize {
        self.read().len()
    }

    /// Whether the store holds nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the first list has completed.
    pub fn is_synced(&self) -> bool {
        self.synced.load(Ordering::Acquire)
    }

    /// The revision of a logical cluster's objects (see the field).
    pub fn revision(&self, cluster: &Arc<str>) -> u64 {
        self.revisions.read().unwrap_or_else(|e| e.into_inner()).get(cluster).copied().unwrap_or(0)
    }

    /// Counts a read the cache could not answer, which went to the server instead.
    pub fn count_miss(&self) {
        self.misses.fetch_add(1, Ordering::Relaxed);
    }

    /// (reads served by the cache, reads that went to the server).
    pub fn reads(&self) -> (u64, u64) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, BTreeMap<ObjectKey, Arc<T>>> {
        self.objects.read().unwrap_or_else(|e| e.into_inner())
    }

    fn bump(&self, clusters: impl IntoIterator<Item = Arc<str>>) {
        let mut revisions = self.revisions.write().unwrap_or_else(|e| e.into_inner());
        for cluster in clusters {
            *revisions.entry(cluster).or_default() += 1;
        }
    }

    /// Applies one event, returning what changed.
    fn upsert(&self, key: ObjectKey, value: T) -> Option<Change<T>> {
        let new = Arc::new(value);
        let old = self.objects.write().unwrap_or_else(|e| e.into_inner()).insert(key.clone(), new.clone());
        if old.as_deref() == Some(&*new) {
            return None;
        }
        self.bump([key.cluster.clone()]);
        Some(Change { key, old, new: Some(new) })
    }

    fn remove(&self, key: &ObjectKey) -> Option<Change<T>> {
        let old = self.objects.write().unwrap_or_else(|e| e.into_inner()).remove(key)?;
        self.bump([key.cluster.clone()]);
        Some(Change { key: key.clone(), old: Some(old), new: None })
    }

    /// Replaces the whole contents with a relist's, returning the differences.
    fn swap(&self, fresh: BTreeMap<ObjectKey, Arc<T>>) -> Vec<Change<T>> {
        let old = std::mem::replace(&mut *self.objects.write().unwrap_or_else(|e| e.into_inner()), fresh);
        let current = self.read();
        let mut changes = Vec::new();
        for (key, new) in current.iter() {
            match old.get(key) {
                Some(before) if **before == **new => {}
                before => changes.push(Change { key: key.clone(), old: before.cloned(), new: Some(new.clone()) }),
            }
        }
        for (key, before) in &old {
            if !current.contains_key(key) {
                changes.push(Change { key: key.clone(), old: Some(before.clone()), new: None });
            }
        }
        drop(current);
        self.bump(changes.iter().map(|c| c.key.cluster.clone()).collect::<Vec<_>>());
        self.synced.store(true, Ordering::Release);
        changes
    }
}

/// Decodes a watched object for a store: drops `managedFields`, finds its key.
pub fn decode<T: Cached>(mut object: Value, default_cluster: &Arc<str>) -> Result<(ObjectKey, T), String> {
    if let Some(metadata) = object.get_mut("metadata").and_then(Value::as_object_mut) {
        metadata.remove("managedFields");
    }
    let key = ObjectKey::of(&object, default_cluster).ok_or("the object has no metadata.name")?;
    let value = T::decode(object).map_err(|e| format!("{key}: {e}"))?;
    Ok((key, value))
}

/// What a reflector watches and where it reports.
pub struct Reflector<T> {
    /// The store it fills.
    pub store: Arc<Store<T>>,
    /// The connection to watch through (a workspace, or a virtual workspace's `/clusters/*`).
    pub connection: Connection,
    /// The resource type.
    pub resource: Resource,
    /// Only objects with these labels.
    pub label_selector: Option<String>,
    /// The logical cluster of objects that carry no `kcp.io/cluster` annotation.
    pub default_cluster: Arc<str>,
}

impl<T: Cached> Reflector<T> {
    /// Lists and watches until the task is dropped, keeping the store current and sending
    /// every change to `changes`.
    pub fn spawn(
        self,
        changes: mpsc::UnboundedSender<Change<T>>,
    ) -> Result<tokio::task::JoinHandle<()>, crate::client::ClientError> {
        let events = self.connection.watch_events(&self.resource, self.label_selector.as_deref())?;
        let kind = self.resource.kind.clone();
        Ok(tokio::spawn(async move {
            futures::pin_mut!(events);
            let mut fresh: Option<BTreeMap<ObjectKey, Arc<T>>> = None;
            while let Some(event) = events.next().await {
                let mut out = Vec::new();
                match event {
                    WatchEvent::Relisting => fresh = Some(BTreeMap::new()),
                    WatchEvent::Listed(object) => match decode::<T>(object, &self.default_cluster) {
                        Ok((key, value)) => {
                            fresh.get_or_insert_with(BTreeMap::new).insert(key, Arc::new(value));
                        }
                        Err(e) => tracing::warn!(kind = %kind, error = %e, "skipping an object that does not decode"),
                    },
                    WatchEvent::ListDone => {
                        out = self.store.swap(fresh.take().unwrap_or_default());
                        tracing::debug!(kind = %kind, objects = self.store.len(), changes = out.len(), "cache (re)listed");
                    }
                    WatchEvent::Changed(object) => match decode::<T>(object, &self.default_cluster) {
                        Ok((key, value)) => out.extend(self.store.upsert(key, value)),
                        Err(e) => tracing::warn!(kind = %kind, error = %e, "skipping an object that does not decode"),
                    },
                    WatchEvent::Deleted(object) => {
                        if let Ok((key, _)) = decode::<T>(object, &self.default_cluster) {
                            out.extend(self.store.remove(&key));
                        }
                    }
                    WatchEvent::Failed(e) => tracing::warn!(kind = %kind, error = %e, "watch failed; retrying"),
                }
                for change in out {
                    if changes.send(change).is_err() {
                        return;
                    }
                }
            }
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, PartialEq)]
    struct Named(String);

    impl Cached for Named {
        fn decode(object: Value) -> Result<Self, String> {
            Ok(Named(object["spec"].to_string()))
        }
    }

    fn key(cluster: &str, name: &str) -> ObjectKey {
        ObjectKey::cluster_scoped(&Arc::from(cluster), name)
    }

    #[test]
    fn a_relist_reports_only_real_differences() {
        let store = Store::<Named>::default();
        let first: BTreeMap<_, _> =
            [(key("a", "x"), Arc::new(Named("1".into()))), (key("a", "y"), Arc::new(Named("1".into())))].into();
        assert_eq!(store.swap(first).len(), 2);
        assert!(store.is_synced());
        // y is unchanged, x changed, z is new, nothing of the old list vanished but w… which never was.
        let second: BTreeMap<_, _> = [
            (key("a", "x"), Arc::new(Named("2".into()))),
            (key("a", "y"), Arc::new(Named("1".into()))),
            (key("b", "z"), Arc::new(Named("1".into()))),
        ]
        .into();
        let changes = store.swap(second);
        let changed: Vec<String> = changes.iter().map(|c| c.key.to_string()).collect();
        assert_eq!(changed, ["a|x", "b|z"]);
        assert!(changes.iter().all(|c| c.new.is_some()), "no spurious delete");
        let third: BTreeMap<_, _> = [(key("b", "z"), Arc::new(Named("1".into())))].into();
        let deleted: Vec<String> =
            store.swap(third).iter().filter(|c| c.new.is_none()).map(|c| c.key.to_string()).collect();
        assert_eq!(deleted, ["a|x", "a|y"]);
    }

    #[test]
    fn reads_are_per_logical_cluster() {
        let store = Store::<Named>::default();
        store.upsert(key("a", "web"), Named("a".into()));
        store.upsert(key("b", "web"), Named("b".into()));
        store.upsert(key("ab", "web"), Named("ab".into()));
        let in_a: Vec<_> = store.in_cluster(&Arc::from("a")).into_iter().map(|(_, v)| v.0.clone()).collect();
        assert_eq!(in_a, ["a"]);
        assert_eq!(store.get(&key("b", "web")).unwrap().0, "b");
    }

    #[test]
    fn unchanged_updates_are_not_changes_and_keep_the_revision() {
        let store = Store::<Named>::default();
        assert!(store.upsert(key("a", "x"), Named("1".into())).is_some());
        let revision = store.revision(&Arc::from("a"));
        assert!(store.upsert(key("a", "x"), Named("1".into())).is_none());
        assert_eq!(store.revision(&Arc::from("a")), revision);
        assert!(store.remove(&key("a", "x")).is_some());
        assert!(store.revision(&Arc::from("a")) > revision);
    }

    #[test]
    fn decoding_drops_managed_fields_and_keys_by_the_annotation() {
        let object = json!({"metadata": {"name": "pc1", "annotations": {"kcp.io/cluster": "w1"},
                            "managedFields": [{"manager": "x"}]}, "spec": 1});
        let (key, value) = decode::<Named>(object, &Arc::from("")).unwrap();
        assert_eq!(key.to_string(), "w1|pc1");
        assert_eq!(value.0, "1");
    }
}
