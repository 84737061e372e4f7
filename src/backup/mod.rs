//! Backups: the archive format, its sealing, the restore plan and schedules — pure — and the
//! two parts that do I/O: [`capture`] (reads workspaces through the client) and [`store`]
//! (where backups are kept: a directory or an S3 bucket). `commands::backup` and the
//! controller's scheduled backups use them.
//!
//! ```text
//! objects read per (workspace, kind) at one resourceVersion ─► strip_server_fields
//!   ─► archive::encode: manifest.json (digests) + one JSON entry per object ─► tar ─► zstd ─► bytes
//!   ─► seal::seal (age, to recipients or a passphrase) when it holds Secrets
//! bytes ─► seal::open when sealed ─► archive::decode: closing checksum ─► zstd (bounded)
//!   ─► tar entries in memory, each checked (path, type, size) ─► manifest (format version)
//!   ─► every digest and size ─► every object's identity
//! ```
//!
//! An archive is hostile until verified: nothing is unpacked to disk, paths with `..`, absolute
//! paths, links and device entries are refused, and entries and the whole expansion are capped
//! ([`archive::MAX_ENTRY_BYTES`], [`archive::MAX_TOTAL_BYTES`]).

pub mod archive;
pub mod capture;
pub mod manifest;
pub mod objects;
pub mod plan;
pub mod schedule;
pub mod seal;
pub mod store;

pub use archive::{
    decode, decode_within, encode, encode_within, Archive, ArchiveError, ArchivedObject, Capture, Limits,
};
pub use manifest::{BoundApi, EntryRecord, KindRecord, Manifest, TypeRecord, FORMAT_VERSION};
pub use objects::{entry_path, strip_server_fields};
pub use seal::{is_sealed, open, seal, OpenWith, SealError, SealTo};
