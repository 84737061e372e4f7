use proptest::prelude::*;
use serde_json::json;

use super::*;

fn capture() -> Capture {
    let mut resource_versions = BTreeMap::new();
    resource_versions
        .insert(("root:a".into(), "tmc.kcp.io/v1alpha1".into(), "ClusterRegistration".into()), "41".into());
    Capture {
        source: "https://kcp.example:6443".into(),
        created_at: "2026-12-02T10:00:00Z".into(),
        workspaces: vec!["root:a".into()],
        resource_versions,
        downstream_identities: BTreeMap::new(),
        bound_apis: BTreeMap::new(),
    }
}

fn object(kind: &str, api_version: &str, name: &str, namespace: Option<&str>) -> ArchivedObject {
    let mut object =
        json!({"apiVersion": api_version, "kind": kind, "metadata": {"name": name}, "spec": {"location": name}});
    if let Some(ns) = namespace {
        object["metadata"]["namespace"] = json!(ns);
    }
    ArchivedObject { workspace: "root:a".into(), object }
}

fn sample() -> Vec<ArchivedObject> {
    vec![
        object("ClusterRegistration", "tmc.kcp.io/v1alpha1", "pc1", None),
        object("ClusterRegistration", "tmc.kcp.io/v1alpha1", "pc2", None),
        object("ConfigMap", "v1", "settings", Some("default")),
    ]
}

/// A zstd-compressed tar of raw entries, written without the tar crate's path checks.
fn raw_archive(entries: &[(&[u8], tar::EntryType, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (path, kind, data) in entries {
        let mut header = tar::Header::new_gnu();
        header.as_gnu_mut().unwrap().name[..path.len()].copy_from_slice(path);
        header.set_entry_type(*kind);
        header.set_size(data.len() as u64);
        header.set_mode(0o600);
        if *kind == tar::EntryType::Symlink {
            header.set_link_name("/etc/passwd").unwrap();
        }
        header.set_cksum();
        out.extend_from_slice(header.as_bytes());
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out.extend_from_slice(&[0; 1024]);
    with_trailer(zstd::encode_all(&out[..], 3).unwrap())
}

/// A compressed stream with the closing checksum frame `encode` writes.
fn with_trailer(mut stream: Vec<u8>) -> Vec<u8> {
    let digest = Sha256::digest(&stream);
    stream.extend_from_slice(&TRAILER_MAGIC.to_le_bytes());
    stream.extend_from_slice(&40u32.to_le_bytes());
    stream.extend_from_slice(TRAILER_TAG);
    stream.extend_from_slice(&digest);
    stream
}

/// The raw entries of a valid archive, to tamper with.
fn entries_of(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    read_entries(bytes, Limits::RESTORE).unwrap()
}

fn rebuilt(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let raw: Vec<(&[u8], tar::EntryType, Vec<u8>)> =
        entries.iter().map(|(p, d)| (p.as_bytes(), tar::EntryType::Regular, d.clone())).collect();
    raw_archive(&raw)
}

#[test]
fn an_archive_round_trips_with_its_manifest() {
    let bytes = encode(&capture(), &sample()).unwrap();
    let archive = decode(&bytes).unwrap();
    assert_eq!(archive.objects, sample());
    let manifest = &archive.manifest;
    assert_eq!(manifest.format_version, FORMAT_VERSION);
    assert_eq!(manifest.total_objects, 3);
    assert!(!manifest.includes_secrets);
    let regs = manifest.kinds.iter().find(|k| k.kind == "ClusterRegistration").unwrap();
    assert_eq!((regs.resource_version.as_str(), regs.count), ("41", 2));
    let configmaps = manifest.kinds.iter().find(|k| k.kind == "ConfigMap").unwrap();
    assert_eq!(configmaps.count, 1);
    assert!(manifest.entries.iter().all(|e| e.sha256.len() == 64));
}

#[test]
fn objects_that_would_share_a_path_or_have_none_are_refused() {
    let twice = vec![sample()[0].clone(), sample()[0].clone()];
    assert!(matches!(encode(&capture(), &twice), Err(ArchiveError::Duplicate { .. })));
    let unnamed = vec![ArchivedObject { workspace: "root:a".into(), object: json!({"kind": "ConfigMap"}) }];
    assert!(matches!(encode(&capture(), &unnamed), Err(ArchiveError::Unnamed { .. })));
}

#[test]
fn every_flipped_byte_of_the_compressed_archive_is_detected() {
    let bytes = encode(&capture(), &sample()).unwrap();
    for at in 0..bytes.len() {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x01;
        assert!(decode(&damaged).is_err(), "a flipped bit at byte {at} of {} went unnoticed", bytes.len());
    }
}

#[test]
fn standard_zstd_tools_read_the_archive_past_its_checksum_frame() {
    let bytes = encode(&capture(), &sample()).unwrap();
    let tar = zstd::decode_all(&bytes[..]).unwrap();
    assert!(tar.starts_with(b"manifest.json"));
}

#[test]
fn a_truncated_archive_is_refused() {
    let bytes = encode(&capture(), &sample()).unwrap();
    for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
        assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
    }
}

#[test]
fn a_changed_entry_fails_its_digest() {
    let mut entries = entries_of(&encode(&capture(), &sample()).unwrap());
    let last = entries.last_mut().unwrap();
    last.1[0] = b' ';
    let path = last.0.clone();
    assert_eq!(decode(&rebuilt(&entries)), Err(ArchiveError::Digest { path }));
}

#[test]
fn missing_and_unlisted_entries_are_refused() {
    let entries = entries_of(&encode(&capture(), &sample()).unwrap());
    let without_last = &entries[..entries.len() - 1];
    assert!(matches!(decode(&rebuilt(without_last)), Err(ArchiveError::Missing { .. })));
    let mut extra = entries.clone();
    extra.push(("objects/root:a/core/ConfigMap/default/x.json".into(), b"{}".to_vec()));
    assert!(matches!(decode(&rebuilt(&extra)), Err(ArchiveError::Unlisted { .. })));
    assert_eq!(decode(&rebuilt(&entries[1..])), Err(ArchiveError::MissingManifest));
}

#[test]
fn hostile_entries_are_refused_before_anything_is_read_from_them() {
    let manifest = entries_of(&encode(&capture(), &sample()).unwrap())[0].1.clone();
    let cases: Vec<(&[u8], tar::EntryType, Vec<u8>, &str)> = vec![
        (b"../../etc/passwd", tar::EntryType::Regular, b"root".to_vec(), "(..)"),
        (b"/etc/passwd", tar::EntryType::Regular, b"root".to_vec(), "absolute"),
        (b"objects/link", tar::EntryType::Symlink, Vec::new(), "symbolic link"),
        (b"objects/hard", tar::EntryType::Link, Vec::new(), "hard link"),
        (b"objects/dev", tar::EntryType::Char, Vec::new(), "device"),
        (b"elsewhere.json", tar::EntryType::Regular, b"{}".to_vec(), "not under objects/"),
    ];
    for (path, kind, data, why) in cases {
        let bytes = raw_archive(&[(b"manifest.json", tar::EntryType::Regular, manifest.clone()), (path, kind, data)]);
        let err = decode(&bytes).unwrap_err();
        assert!(matches!(err, ArchiveError::UnsafeEntry { .. }), "{path:?}: {err}");
        assert!(err.to_string().contains(why), "{path:?}: {err}");
    }
}

#[test]
fn an_oversized_entry_is_refused() {
    let big = vec![b' '; MAX_ENTRY_BYTES as usize + 1];
    let bytes = raw_archive(&[(b"objects/root:a/core/ConfigMap/default/big.json", tar::EntryType::Regular, big)]);
    assert!(matches!(decode(&bytes), Err(ArchiveError::TooLarge { .. })));
}

#[test]
fn a_newer_format_is_refused_naming_both_versions() {
    let manifest = json!({"formatVersion": FORMAT_VERSION + 1, "whatever": "a future field"});
    let bytes = raw_archive(&[(b"manifest.json", tar::EntryType::Regular, serde_json::to_vec(&manifest).unwrap())]);
    let err = decode(&bytes).unwrap_err();
    assert_eq!(err, ArchiveError::NewerFormat { found: FORMAT_VERSION + 1, supported: FORMAT_VERSION });
    assert!(err.to_string().contains(&format!("format version {}", FORMAT_VERSION + 1)), "{err}");
}

#[test]
fn an_entry_holding_another_object_than_its_path_names_is_refused() {
    let mut entries = entries_of(&encode(&capture(), &sample()).unwrap());
    // Swap the contents of two entries and fix the digests in the manifest: only the identity
    // check can catch it.
    let (a, b) = (entries[1].1.clone(), entries[2].1.clone());
    entries[1].1 = b;
    entries[2].1 = a;
    let mut manifest: Manifest = serde_json::from_slice(&entries[0].1).unwrap();
    for (record, (_, content)) in manifest.entries.iter_mut().zip(&entries[1..]) {
        record.sha256 = sha256_hex(content);
        record.size = content.len() as u64;
    }
    entries[0].1 = serde_json::to_vec(&manifest).unwrap();
    assert!(matches!(decode(&rebuilt(&entries)), Err(ArchiveError::BadObject { .. })));
}

#[test]
fn an_object_that_does_not_match_its_kinds_schema_is_refused_naming_it() {
    let mut entries = entries_of(&encode(&capture(), &sample()).unwrap());
    // A ConfigMap whose data is a number: well-formed JSON, digests fixed, wrong schema.
    let mut object: serde_json::Value = serde_json::from_slice(&entries[3].1).unwrap();
    assert_eq!(object["kind"], "ConfigMap");
    object["data"] = json!(42);
    entries[3].1 = serde_json::to_vec(&object).unwrap();
    let mut manifest: Manifest = serde_json::from_slice(&entries[0].1).unwrap();
    manifest.entries[2].sha256 = sha256_hex(&entries[3].1);
    manifest.entries[2].size = entries[3].1.len() as u64;
    entries[0].1 = serde_json::to_vec(&manifest).unwrap();
    match decode(&rebuilt(&entries)) {
        Err(ArchiveError::BadObject { path, cause }) => {
            assert!(path.ends_with("settings.json"), "{path}");
            assert!(cause.contains("does not match its kind's schema"), "{cause}");
        }
        other => panic!("accepted or refused for another reason: {other:?}"),
    }
}

proptest! {
    #[test]
    fn any_set_of_named_objects_round_trips(names in proptest::collection::btree_set("[a-z][a-z0-9-]{0,20}", 0..40),
                                            namespaced in any::<bool>()) {
        let objects: Vec<ArchivedObject> = names
            .iter()
            .map(|n| object("ConfigMap", "v1", n, namespaced.then_some("default")))
            .collect();
        let archive = decode(&encode(&capture(), &objects).unwrap()).unwrap();
        prop_assert_eq!(archive.manifest.total_objects, objects.len());
        prop_assert_eq!(archive.objects, objects);
    }
}

#[test]
fn an_archive_restore_would_refuse_for_its_size_is_not_written() {
    let objects = sample();
    let fits = encode_within(&capture(), &objects, Limits { entry_bytes: 1 << 20, total_bytes: 1 << 20 });
    assert!(fits.is_ok());
    let entry = encode_within(&capture(), &objects, Limits { entry_bytes: 40, total_bytes: 1 << 20 });
    assert!(matches!(entry, Err(ArchiveError::TooLarge { ref what, .. }) if what.starts_with("entry ")), "{entry:?}");
    // Headers count: the tar stream of a few small objects is several kilobytes.
    let total = encode_within(&capture(), &objects, Limits { entry_bytes: 1 << 20, total_bytes: 2048 });
    assert!(matches!(total, Err(ArchiveError::TooLarge { ref what, .. }) if what == "the archive"), "{total:?}");
    assert_eq!(Limits::RESTORE, Limits { entry_bytes: MAX_ENTRY_BYTES, total_bytes: MAX_TOTAL_BYTES });
}

#[test]
fn an_archive_above_the_limits_given_is_refused_and_within_them_read() {
    let objects = sample();
    let bytes = encode(&capture(), &objects).unwrap();
    assert!(matches!(
        decode_within(&bytes, Limits { entry_bytes: 40, total_bytes: 1 << 20 }),
        Err(ArchiveError::TooLarge { .. })
    ));
    let total = decode_within(&bytes, Limits { entry_bytes: 1 << 20, total_bytes: 2048 });
    assert!(
        matches!(total, Err(ArchiveError::TooLarge { ref what, limit: 2048 }) if what == "the archive"),
        "{total:?}"
    );
    assert_eq!(decode_within(&bytes, Limits { entry_bytes: 1 << 20, total_bytes: 1 << 20 }).unwrap().objects, objects);
}
