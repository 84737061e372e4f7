//! One backup as bytes: a tar of `manifest.json` and one JSON entry per object, compressed with
//! zstd. Decoding reads everything in memory and checks it all — entry types and paths, sizes,
//! the format version, every digest, every object's identity — before handing anything out.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;

use serde_json::Value;
use sha2::{Digest, Sha256};
use thiserror::Error;

use super::manifest::{BoundApi, EntryRecord, KindRecord, Manifest, FORMAT_VERSION};
use super::objects::entry_path;

/// The largest entry accepted (the API server's own limit on an object is about 1.5 MiB).
pub const MAX_ENTRY_BYTES: u64 = 8 << 20;
/// The largest expansion of a whole archive accepted.
pub const MAX_TOTAL_BYTES: u64 = 2 << 30;
/// zstd level: fast, and backups are mostly small JSON objects.
const COMPRESSION_LEVEL: i32 = 3;
const MANIFEST: &str = "manifest.json";
/// The archive ends in a zstd skippable frame (which zstd tools pass over) holding this tag and
/// the SHA-256 of every byte before it: zstd's own checksum covers the content, not the frame
/// headers, so only this catches every changed byte.
const TRAILER_MAGIC: u32 = 0x184D_2A5E;
const TRAILER_TAG: &[u8; 8] = b"tmcctl01";
const TRAILER_LEN: usize = 8 + 8 + 32;

/// An object and the workspace it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct ArchivedObject {
    /// The workspace (path) it was read from, or is restored to.
    pub workspace: String,
    /// The object, server fields stripped.
    pub object: Value,
}

/// What a capture knew besides the objects.
#[derive(Clone, Debug)]
pub struct Capture {
    /// The server read from.
    pub source: String,
    /// When the capture started (RFC 3339).
    pub created_at: String,
    /// The workspaces captured.
    pub workspaces: Vec<String>,
    /// (workspace, apiVersion, kind) → the LIST's resourceVersion.
    pub resource_versions: BTreeMap<(String, String, String), String>,
    /// Workspace → the name its objects carry downstream (for `restore --adopt-downstream`).
    pub downstream_identities: BTreeMap<String, String>,
    /// Workspace → the TMC API it had bound (for restore to bind it again first).
    pub bound_apis: BTreeMap<String, BoundApi>,
}

/// A decoded, verified archive.
#[derive(Clone, Debug, PartialEq)]
pub struct Archive {
    /// Its manifest.
    pub manifest: Manifest,
    /// Its objects, in manifest order.
    pub objects: Vec<ArchivedObject>,
}

/// Why an archive could not be written or was refused.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ArchiveError {
    /// An object lacks what names it (apiVersion, kind, metadata.name) or a part of its name
    /// could leave its directory.
    #[error("object {described} of workspace {workspace} cannot be archived: it lacks apiVersion, kind or metadata.name, or a part of its name is unsafe in a path")]
    Unnamed {
        /// The workspace.
        workspace: String,
        /// What is known of it.
        described: String,
    },
    /// Two objects would have the same path.
    #[error("entry {path} appears twice")]
    Duplicate {
        /// The path.
        path: String,
    },
    /// The archive's bytes do not match the digest in its trailer, or it has none.
    #[error("the archive is damaged or truncated: {cause}")]
    Integrity {
        /// What does not match.
        cause: String,
    },
    /// The bytes are not zstd, or are cut short.
    #[error("the archive is not a zstd stream or is truncated: {cause}")]
    Compression {
        /// The decoder's reason.
        cause: String,
    },
    /// The tar inside is malformed or cut short.
    #[error("the archive's tar is malformed or truncated: {cause}")]
    Tar {
        /// The reader's reason.
        cause: String,
    },
    /// An entry that is not a regular file, or whose path is absolute or climbs out.
    #[error("entry {path:?} is refused: {why}")]
    UnsafeEntry {
        /// The path as stored.
        path: String,
        /// Why.
        why: &'static str,
    },
    /// An entry above [`MAX_ENTRY_BYTES`], or an expansion above [`MAX_TOTAL_BYTES`].
    #[error("{what} is larger than the {limit} bytes an archive may hold")]
    TooLarge {
        /// The entry, or "the archive".
        what: String,
        /// The limit.
        limit: u64,
    },
    /// No `manifest.json` first.
    #[error("the archive does not start with manifest.json")]
    MissingManifest,
    /// The manifest does not parse.
    #[error("manifest.json is invalid: {cause}")]
    BadManifest {
        /// The parser's reason.
        cause: String,
    },
    /// Written by a newer tmcctl.
    #[error(
        "the archive has format version {found}; this tmcctl reads versions up to {supported}: use a newer tmcctl"
    )]
    NewerFormat {
        /// The archive's version.
        found: u32,
        /// What this tmcctl reads.
        supported: u32,
    },
    /// An entry's bytes do not match its digest or size in the manifest.
    #[error("entry {path} does not match its digest in the manifest: the archive was changed or damaged")]
    Digest {
        /// The path.
        path: String,
    },
    /// The manifest lists an entry the archive lacks.
    #[error("entry {path} is listed in the manifest but missing from the archive")]
    Missing {
        /// The path.
        path: String,
    },
    /// The archive holds an entry the manifest does not list.
    #[error("entry {path} is not listed in the manifest")]
    Unlisted {
        /// The path.
        path: String,
    },
    /// An entry is not a JSON object, or not the object its path names.
    #[error("entry {path} is not a valid object: {cause}")]
    BadObject {
        /// The path.
        path: String,
        /// What is wrong.
        cause: String,
    },
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn describe(object: &Value) -> String {
    format!(
        "{}/{} {}",
        object["apiVersion"].as_str().unwrap_or("?"),
        object["kind"].as_str().unwrap_or("?"),
        object["metadata"]["name"].as_str().unwrap_or("?")
    )
}

/// What an archive may hold: restore refuses more, so a backup refuses to write more.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest entry (the manifest included).
    pub entry_bytes: u64,
    /// The largest expansion of the whole tar stream.
    pub total_bytes: u64,
}

impl Limits {
    /// What [`decode`] accepts.
    pub const RESTORE: Limits = Limits { entry_bytes: MAX_ENTRY_BYTES, total_bytes: MAX_TOTAL_BYTES };
}

/// Writes `objects` and their manifest as a compressed archive; refuses one that [`decode`]
/// would refuse for its size, so that no backup is written that cannot be restored.
pub fn encode(capture: &Capture, objects: &[ArchivedObject]) -> Result<Vec<u8>, ArchiveError> {
    encode_within(capture, objects, Limits::RESTORE)
}

/// [`encode`] within `limits`.
pub fn encode_within(capture: &Capture, objects: &[ArchivedObject], limits: Limits) -> Result<Vec<u8>, ArchiveError> {
    let mut entries = Vec::with_capacity(objects.len());
    let mut seen = HashSet::with_capacity(objects.len());
    let mut counts: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for archived in objects {
        let path = entry_path(&archived.workspace, &archived.object).ok_or_else(|| ArchiveError::Unnamed {
            workspace: archived.workspace.clone(),
            described: describe(&archived.object),
        })?;
        if !seen.insert(path.clone()) {
            return Err(ArchiveError::Duplicate { path });
        }
        let bytes = serde_json::to_vec(&archived.object).expect("JSON values always serialize");
        let key = (
            archived.workspace.clone(),
            archived.object["apiVersion"].as_str().unwrap_or_default().to_string(),
            archived.object["kind"].as_str().unwrap_or_default().to_string(),
        );
        *counts.entry(key).or_default() += 1;
        entries.push((EntryRecord { sha256: sha256_hex(&bytes), size: bytes.len() as u64, path }, bytes));
    }
    let mut kinds: Vec<KindRecord> = capture
        .resource_versions
        .iter()
        .map(|((workspace, api_version, kind), rv)| KindRecord {
            workspace: workspace.clone(),
            api_version: api_version.clone(),
            kind: kind.clone(),
            resource_version: rv.clone(),
            count: counts.get(&(workspace.clone(), api_version.clone(), kind.clone())).copied().unwrap_or(0),
        })
        .collect();
    // A kind with objects but no recorded LIST still gets its count.
    for ((workspace, api_version, kind), count) in &counts {
        if !capture.resource_versions.contains_key(&(workspace.clone(), api_version.clone(), kind.clone())) {
            kinds.push(KindRecord {
                workspace: workspace.clone(),
                api_version: api_version.clone(),
                kind: kind.clone(),
                resource_version: String::new(),
                count: *count,
            });
        }
    }
    let manifest = Manifest {
        format_version: FORMAT_VERSION,
        tmcctl_version: env!("CARGO_PKG_VERSION").to_string(),
        source: capture.source.clone(),
        created_at: capture.created_at.clone(),
        workspaces: capture.workspaces.clone(),
        kinds,
        entries: entries.iter().map(|(record, _)| record.clone()).collect(),
        total_objects: entries.len(),
        includes_secrets: objects.iter().any(|o| o.object["kind"] == "Secret" && o.object["apiVersion"] == "v1"),
        downstream_identities: capture.downstream_identities.clone(),
        bound_apis: capture.bound_apis.clone(),
    };
    let manifest_bytes = serde_json::to_vec_pretty(&manifest).expect("the manifest serializes");
    let too_large = |what: String, limit: u64| ArchiveError::TooLarge { what, limit };
    if manifest_bytes.len() as u64 > limits.entry_bytes {
        return Err(too_large(format!("entry {MANIFEST}"), limits.entry_bytes));
    }
    if let Some((record, _)) = entries.iter().find(|(record, _)| record.size > limits.entry_bytes) {
        return Err(too_large(format!("entry {}", record.path), limits.entry_bytes));
    }

    let mut encoder = zstd::stream::Encoder::new(Vec::new(), COMPRESSION_LEVEL)
        .map_err(|e| ArchiveError::Compression { cause: e.to_string() })?;
    // The frame checksum makes any changed byte of the compressed stream detectable.
    encoder.include_checksum(true).map_err(|e| ArchiveError::Compression { cause: e.to_string() })?;
    let mut tar = tar::Builder::new(Counted { inner: encoder, written: 0 });
    let mut append = |path: &str, bytes: &[u8]| {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o600);
        header.set_entry_type(tar::EntryType::Regular);
        tar.append_data(&mut header, path, bytes).map_err(|e| ArchiveError::Tar { cause: e.to_string() })
    };
    append(MANIFEST, &manifest_bytes)?;
    for (record, bytes) in &entries {
        append(&record.path, bytes)?;
    }
    let counted = tar.into_inner().map_err(|e| ArchiveError::Tar { cause: e.to_string() })?;
    // What restore bounds is the tar stream's expansion, headers included.
    if counted.written > limits.total_bytes {
        return Err(too_large("the archive".into(), limits.total_bytes));
    }
    let mut bytes = counted.inner.finish().map_err(|e| ArchiveError::Compression { cause: e.to_string() })?;
    let digest = Sha256::digest(&bytes);
    bytes.extend_from_slice(&TRAILER_MAGIC.to_le_bytes());
    bytes.extend_from_slice(&((TRAILER_TAG.len() + digest.len()) as u32).to_le_bytes());
    bytes.extend_from_slice(TRAILER_TAG);
    bytes.extend_from_slice(&digest);
    Ok(bytes)
}

/// A writer that counts what passes through it.
struct Counted<W> {
    inner: W,
    written: u64,
}

impl<W: std::io::Write> std::io::Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The compressed stream of an archive, once its trailer's digest matches.
fn checked_stream(bytes: &[u8]) -> Result<&[u8], ArchiveError> {
    let damaged = |cause: &str| ArchiveError::Integrity { cause: cause.to_string() };
    if bytes.len() < TRAILER_LEN {
        return Err(damaged("it is too short to be an archive"));
    }
    let (stream, trailer) = bytes.split_at(bytes.len() - TRAILER_LEN);
    let expected_size = ((TRAILER_TAG.len() + 32) as u32).to_le_bytes();
    if trailer[..4] != TRAILER_MAGIC.to_le_bytes() || trailer[4..8] != expected_size || &trailer[8..16] != TRAILER_TAG {
        return Err(damaged("its closing checksum frame is missing (cut short?)"));
    }
    if Sha256::digest(stream)[..] != trailer[16..] {
        return Err(damaged("its bytes do not match its closing checksum"));
    }
    Ok(stream)
}

/// Why a path may not be an entry; `None` when it is fine.
fn unsafe_path(path: &str) -> Option<&'static str> {
    if path.starts_with('/') || path.starts_with('\\') {
        return Some("absolute path");
    }
    if path.split(['/', '\\']).any(|part| part == "..") {
        return Some("path leaves the archive (..)");
    }
    if path.split('/').any(|part| part.is_empty() || part == ".") {
        return Some("empty or `.` path component");
    }
    if path != MANIFEST && !path.starts_with("objects/") {
        return Some("not manifest.json and not under objects/");
    }
    None
}

/// Reads every entry into memory, refusing anything unsafe; returns (path, bytes) in order.
fn read_entries(bytes: &[u8], limits: Limits) -> Result<Vec<(String, Vec<u8>)>, ArchiveError> {
    let decoder = zstd::stream::Decoder::new(checked_stream(bytes)?)
        .map_err(|e| ArchiveError::Compression { cause: e.to_string() })?;
    // The whole expansion is bounded, not only each entry: a small archive may expand a lot.
    // What cuts a stream short at the bound is its size, not damage: said so.
    let read = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let bound = limits.total_bytes.saturating_add(1);
    let metered = Metered { inner: decoder, read: read.clone() }.take(bound);
    let entries = read_tar(metered, limits);
    if read.get() >= bound {
        return Err(ArchiveError::TooLarge { what: "the archive".into(), limit: limits.total_bytes });
    }
    entries
}

/// A reader that counts what it reads.
struct Metered<R> {
    inner: R,
    read: std::rc::Rc<std::cell::Cell<u64>>,
}

impl<R: Read> Read for Metered<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// The entries of a decompressed tar stream, each checked for type, path and `limits`.
fn read_tar(stream: impl Read, limits: Limits) -> Result<Vec<(String, Vec<u8>)>, ArchiveError> {
    let mut tar = tar::Archive::new(stream);
    let mut out = Vec::new();
    let mut total: u64 = 0;
    let tar_error = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => ArchiveError::Tar { cause: "unexpected end of data".into() },
        _ if e.to_string().contains("zstd") || e.to_string().contains("Unknown frame") => {
            ArchiveError::Compression { cause: e.to_string() }
        }
        _ => ArchiveError::Tar { cause: e.to_string() },
    };
    for entry in tar.entries().map_err(tar_error)? {
        let mut entry = entry.map_err(tar_error)?;
        let path = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        match entry.header().entry_type() {
            tar::EntryType::Regular | tar::EntryType::Continuous => {}
            tar::EntryType::Symlink => return Err(ArchiveError::UnsafeEntry { path, why: "symbolic link" }),
            tar::EntryType::Link => return Err(ArchiveError::UnsafeEntry { path, why: "hard link" }),
            tar::EntryType::Char | tar::EntryType::Block | tar::EntryType::Fifo => {
                return Err(ArchiveError::UnsafeEntry { path, why: "device or pipe" })
            }
            _ => return Err(ArchiveError::UnsafeEntry { path, why: "not a regular file" }),
        }
        if let Some(why) = unsafe_path(&path) {
            return Err(ArchiveError::UnsafeEntry { path, why });
        }
        let size = entry.header().size().map_err(tar_error)?;
        if size > limits.entry_bytes {
            return Err(ArchiveError::TooLarge { what: format!("entry {path}"), limit: limits.entry_bytes });
        }
        total += size;
        if total > limits.total_bytes {
            return Err(ArchiveError::TooLarge { what: "the archive".into(), limit: limits.total_bytes });
        }
        let mut content = Vec::with_capacity(size as usize);
        entry.read_to_end(&mut content).map_err(tar_error)?;
        if content.len() as u64 != size {
            return Err(ArchiveError::Tar { cause: format!("entry {path} is cut short") });
        }
        out.push((path, content));
    }
    // Read to the end, so that zstd checks its frame checksum and nothing follows the tar.
    let mut rest = Vec::new();
    tar.into_inner().read_to_end(&mut rest).map_err(|e| ArchiveError::Compression { cause: e.to_string() })?;
    if rest.iter().any(|b| *b != 0) {
        return Err(ArchiveError::Tar { cause: "data after the end of the archive".into() });
    }
    Ok(out)
}

/// Decodes and verifies an archive; touches no server.
pub fn decode(bytes: &[u8]) -> Result<Archive, ArchiveError> {
    decode_within(bytes, Limits::RESTORE)
}

/// [`decode`] within `limits`.
pub fn decode_within(bytes: &[u8], limits: Limits) -> Result<Archive, ArchiveError> {
    let mut entries = read_entries(bytes, limits)?.into_iter();
    let (path, manifest_bytes) = entries.next().ok_or(ArchiveError::MissingManifest)?;
    if path != MANIFEST {
        return Err(ArchiveError::MissingManifest);
    }
    // The version first, so that a newer manifest is refused as newer rather than as invalid.
    let raw: Value =
        serde_json::from_slice(&manifest_bytes).map_err(|e| ArchiveError::BadManifest { cause: e.to_string() })?;
    if let Some(found) = raw["formatVersion"].as_u64() {
        if found > u64::from(FORMAT_VERSION) {
            return Err(ArchiveError::NewerFormat { found: found as u32, supported: FORMAT_VERSION });
        }
    }
    let manifest: Manifest =
        serde_json::from_value(raw).map_err(|e| ArchiveError::BadManifest { cause: e.to_string() })?;
    let listed: BTreeMap<&str, &EntryRecord> = manifest.entries.iter().map(|e| (e.path.as_str(), e)).collect();
    let mut found: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (path, content) in entries {
        let Some(record) = listed.get(path.as_str()) else { return Err(ArchiveError::Unlisted { path }) };
        if content.len() as u64 != record.size || sha256_hex(&content) != record.sha256 {
            return Err(ArchiveError::Digest { path });
        }
        if found.insert(path.clone(), content).is_some() {
            return Err(ArchiveError::Duplicate { path });
        }
    }
    let mut objects = Vec::with_capacity(manifest.entries.len());
    for record in &manifest.entries {
        let content = found.remove(&record.path).ok_or_else(|| ArchiveError::Missing { path: record.path.clone() })?;
        let bad = |cause: String| ArchiveError::BadObject { path: record.path.clone(), cause };
        let object: Value = serde_json::from_slice(&content).map_err(|e| bad(e.to_string()))?;
        if !object.is_object() {
            return Err(bad("not a JSON object".into()));
        }
        let workspace = record.path.split('/').nth(1).unwrap_or_default().to_string();
        if entry_path(&workspace, &object).as_deref() != Some(record.path.as_str()) {
            return Err(bad(format!("it holds {}, which belongs elsewhere", describe(&object))));
        }
        super::objects::check_schema(&object).map_err(bad)?;
        objects.push(ArchivedObject { workspace, object });
    }
    Ok(Archive { manifest, objects })
}

#[cfg(test)]
#[path = "archive_tests.rs"]
mod tests;
