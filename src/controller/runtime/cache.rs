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
//!
//! An object that does not decode (edited past what this version understands, or written
//! before an upgrade) is never taken for deleted: the store keeps its last good version, marks
//! the key invalid with the reason ([`Store::invalid`]), and sends a [`Change`] whose `invalid`
//! says so. With no good version known (a restart), the key is only marked: loops that could
//! act on what it says must hold still while it is ([`Store::invalid_in`]).

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
    /// Set when the object's newest version did not decode (the reason): `old` and `new` are
    /// then both the last good version the store keeps, or `None` when it knows none.
    pub invalid: Option<String>,
}

/// Objects of one type from every workspace, keyed by (logical cluster, namespace, name).
pub struct Store<T> {
    objects: RwLock<BTreeMap<ObjectKey, Arc<T>>>,
    synced: AtomicBool,
    /// Bumped on every change of a logical cluster's objects, so readers can reuse what they
    /// derived from them (the placement loop's inventories) until it moves.
    revisions: RwLock<BTreeMap<Arc<str>, u64>>,
    /// Objects whose newest version did not decode, and why.
    invalid: RwLock<BTreeMap<ObjectKey, String>>,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl<T> Default for Store<T> {
    fn default() -> Self {
        Store {
            objects: RwLock::default(),
            synced: AtomicBool::new(false),
            revisions: RwLock::default(),
            invalid: RwLock::default(),
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

    /// Every object of one namespace of one logical cluster, in key order.
    pub fn in_namespace(&self, cluster: &Arc<str>, namespace: &str) -> Vec<(ObjectKey, Arc<T>)> {
        self.hits.fetch_add(1, Ordering::Relaxed);
        let start = ObjectKey { cluster: cluster.clone(), namespace: namespace.to_string(), name: String::new() };
        self.read()
            .range((Bound::Included(start), Bound::Unbounded))
            .take_while(|(k, _)| k.cluster == *cluster && k.namespace == namespace)
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

    /// Why the newest version of `key` did not decode, while it does not.
    pub fn invalid(&self, key: &ObjectKey) -> Option<String> {
        self.invalid.read().unwrap_or_else(|e| e.into_inner()).get(key).cloned()
    }

    /// The objects of one logical cluster whose newest version did not decode, with why.
    pub fn invalid_in(&self, cluster: &Arc<str>) -> Vec<(ObjectKey, String)> {
        self.invalid
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|(k, _)| k.cluster == *cluster)
            .map(|(k, why)| (k.clone(), why.clone()))
            .collect()
    }

    /// Records that `key`'s newest version does not decode; the store keeps what it holds.
    /// Returns the change to report, or `None` when the same reason was already recorded.
    fn mark_invalid(&self, key: ObjectKey, why: String) -> Option<Change<T>> {
        let mut invalid = self.invalid.write().unwrap_or_else(|e| e.into_inner());
        if invalid.get(&key) == Some(&why) {
            return None;
        }
        invalid.insert(key.clone(), why.clone());
        drop(invalid);
        let kept = self.read().get(&key).cloned();
        Some(Change { key, old: kept.clone(), new: kept, invalid: Some(why) })
    }

    /// `key` decoded (or went away): it is no longer invalid. Returns whether it was.
    fn clear_invalid(&self, key: &ObjectKey) -> bool {
        let mut invalid = self.invalid.write().unwrap_or_else(|e| e.into_inner());
        !invalid.is_empty() && invalid.remove(key).is_some()
    }

    /// The changes of an event on `key`: `change` if the store moved; if it did not but the
    /// key `was_invalid`, a report of what the store now holds, so loops hear it is valid
    /// again (or gone).
    fn valid_again(&self, key: ObjectKey, change: Option<Change<T>>, was_invalid: bool) -> Vec<Change<T>> {
        match change {
            Some(change) => vec![change],
            None if was_invalid => {
                let kept = self.read().get(&key).cloned();
                vec![Change { key, old: kept.clone(), new: kept, invalid: None }]
            }
            None => Vec::new(),
        }
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
        Some(Change { key, old, new: Some(new), invalid: None })
    }

    fn remove(&self, key: &ObjectKey) -> Option<Change<T>> {
        let old = self.objects.write().unwrap_or_else(|e| e.into_inner()).remove(key)?;
        self.bump([key.cluster.clone()]);
        Some(Change { key: key.clone(), old: Some(old), new: None, invalid: None })
    }

    /// Replaces the whole contents with a relist's, returning the differences.
    fn swap(&self, fresh: BTreeMap<ObjectKey, Arc<T>>) -> Vec<Change<T>> {
        let old = std::mem::replace(&mut *self.objects.write().unwrap_or_else(|e| e.into_inner()), fresh);
        let current = self.read();
        let mut changes = Vec::new();
        for (key, new) in current.iter() {
            match old.get(key) {
                Some(before) if **before == **new => {}
                before => changes.push(Change {
                    key: key.clone(),
                    old: before.cloned(),
                    new: Some(new.clone()),
                    invalid: None,
                }),
            }
        }
        for (key, before) in &old {
            if !current.contains_key(key) {
                changes.push(Change { key: key.clone(), old: Some(before.clone()), new: None, invalid: None });
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
            let mut listing = Listing::default();
            while let Some(event) = events.next().await {
                if let WatchEvent::Failed(e) = &event {
                    tracing::warn!(kind = %kind, error = %e, "watch failed; retrying");
                    continue;
                }
                for change in listing.apply(&self.store, event, &self.default_cluster) {
                    if let Some(why) = &change.invalid {
                        tracing::warn!(kind = %kind, object = %change.key, error = %why,
                            kept = change.new.is_some(), "an object does not decode; its last good version is kept");
                    }
                    if changes.send(change).is_err() {
                        return;
                    }
                }
            }
        }))
    }
}

/// A relist in progress: the contents being built aside, and the keys that did not decode.
struct Listing<T> {
    fresh: Option<BTreeMap<ObjectKey, Arc<T>>>,
    invalid: Vec<(ObjectKey, String)>,
}

impl<T> Default for Listing<T> {
    fn default() -> Self {
        Listing { fresh: None, invalid: Vec::new() }
    }
}

impl<T: Cached> Listing<T> {
    /// Applies one watch event to `store`, returning the changes to report.
    fn apply(&mut self, store: &Store<T>, event: WatchEvent, default_cluster: &Arc<str>) -> Vec<Change<T>> {
        match event {
            WatchEvent::Relisting => {
                self.fresh = Some(BTreeMap::new());
                self.invalid.clear();
                Vec::new()
            }
            WatchEvent::Listed(object) => {
                let fresh = self.fresh.get_or_insert_with(BTreeMap::new);
                let key = ObjectKey::of(&object, default_cluster);
                match decode::<T>(object, default_cluster) {
                    Ok((key, value)) => {
                        fresh.insert(key, Arc::new(value));
                    }
                    Err(why) => {
                        if let Some(key) = key {
                            // Not a delete: the last good version stays in the new contents.
                            if let Some(kept) = store.read().get(&key).cloned() {
                                fresh.insert(key.clone(), kept);
                            }
                            self.invalid.push((key, why));
                        }
                    }
                }
                Vec::new()
            }
            WatchEvent::ListDone => {
                let mut out = store.swap(self.fresh.take().unwrap_or_default());
                let invalid: BTreeMap<ObjectKey, String> = std::mem::take(&mut self.invalid).into_iter().collect();
                // Keys listed fine (or gone) are valid again; those that failed are reported.
                store.invalid.write().unwrap_or_else(|e| e.into_inner()).retain(|key, _| invalid.contains_key(key));
                out.extend(invalid.into_iter().filter_map(|(key, why)| store.mark_invalid(key, why)));
                tracing::debug!(objects = store.len(), changes = out.len(), "cache (re)listed");
                out
            }
            WatchEvent::Changed(object) => {
                let key = ObjectKey::of(&object, default_cluster);
                match decode::<T>(object, default_cluster) {
                    Ok((key, value)) => {
                        let was_invalid = store.clear_invalid(&key);
                        let change = store.upsert(key.clone(), value);
                        // Fixed back to the last good version: loops must hear it is valid.
                        store.valid_again(key, change, was_invalid)
                    }
                    Err(why) => key.and_then(|key| store.mark_invalid(key, why)).into_iter().collect(),
                }
            }
            WatchEvent::Deleted(object) => {
                // The key alone: an object that does not decode can still be deleted.
                let Some(key) = ObjectKey::of(&object, default_cluster) else { return Vec::new() };
                let was_invalid = store.clear_invalid(&key);
                let change = store.remove(&key);
                store.valid_again(key, change, was_invalid)
            }
            WatchEvent::Failed(_) => Vec::new(),
        }
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
            match object["spec"].as_str() {
                Some("bad") => Err("spec is bad".into()),
                _ => Ok(Named(object["spec"].to_string())),
            }
        }
    }

    fn object(name: &str, spec: &str) -> Value {
        json!({"metadata": {"name": name, "annotations": {"kcp.io/cluster": "a"}}, "spec": spec})
    }

    #[test]
    fn an_object_that_stops_decoding_keeps_its_last_good_version_and_is_reported() {
        let store = Store::<Named>::default();
        let mut listing = Listing::default();
        let cluster: Arc<str> = Arc::from("");
        listing.apply(&store, WatchEvent::Relisting, &cluster);
        listing.apply(&store, WatchEvent::Listed(object("p", "good")), &cluster);
        listing.apply(&store, WatchEvent::ListDone, &cluster);
        let changes = listing.apply(&store, WatchEvent::Changed(object("p", "bad")), &cluster);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].invalid.as_deref(), Some("a|p: spec is bad"));
        assert_eq!(changes[0].new.as_ref().unwrap().0, "\"good\"", "the last good version is kept");
        assert_eq!(store.get(&key("a", "p")).unwrap().0, "\"good\"");
        // A relist that still cannot decode it does not take it for deleted.
        listing.apply(&store, WatchEvent::Relisting, &cluster);
        listing.apply(&store, WatchEvent::Listed(object("p", "bad")), &cluster);
        let changes = listing.apply(&store, WatchEvent::ListDone, &cluster);
        assert!(changes.iter().all(|c| c.new.is_some()), "no delete: {changes:?}");
        assert!(store.get(&key("a", "p")).is_some());
        assert_eq!(store.invalid_in(&Arc::from("a")).len(), 1);
        // Fixed back to the same version: valid again, and said so.
        let changes = listing.apply(&store, WatchEvent::Changed(object("p", "good")), &cluster);
        assert_eq!(changes.len(), 1);
        assert!(changes[0].invalid.is_none());
        assert_eq!(store.invalid(&key("a", "p")), None);
    }

    #[test]
    fn an_object_never_decoded_is_only_marked_and_can_still_be_deleted() {
        let store = Store::<Named>::default();
        let mut listing = Listing::default();
        let cluster: Arc<str> = Arc::from("");
        listing.apply(&store, WatchEvent::Relisting, &cluster);
        listing.apply(&store, WatchEvent::Listed(object("p", "bad")), &cluster);
        let changes = listing.apply(&store, WatchEvent::ListDone, &cluster);
        assert_eq!(changes.len(), 1);
        assert!(changes[0].new.is_none() && changes[0].invalid.is_some());
        assert!(store.get(&key("a", "p")).is_none());
        assert_eq!(store.invalid_in(&Arc::from("a"))[0].0, key("a", "p"));
        let changes = listing.apply(&store, WatchEvent::Deleted(object("p", "bad")), &cluster);
        assert_eq!(changes.len(), 1);
        assert!(changes[0].invalid.is_none());
        assert!(store.invalid_in(&Arc::from("a")).is_empty());
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
        let namespaced =
            |ns: &str, name: &str| ObjectKey { cluster: Arc::from("a"), namespace: ns.into(), name: name.into() };
        store.upsert(namespaced("shop", "x"), Named("shop".into()));
        store.upsert(namespaced("shopping", "y"), Named("shopping".into()));
        let in_shop: Vec<_> =
            store.in_namespace(&Arc::from("a"), "shop").into_iter().map(|(_, v)| v.0.clone()).collect();
        assert_eq!(in_shop, ["shop"]);
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
