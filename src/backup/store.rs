//! Where backups live: one object per backup, `<name>.tmcbackup`, either in a directory on this
//! machine (the data directory's `tmcctl/backups` unless `--to DIR`) or under a prefix of an
//! S3-compatible bucket (`--to s3://BUCKET/PREFIX`).
//!
//! A directory backup is written to a temporary file beside its target, flushed to disk and
//! renamed over it, mode 0600: a failed write (a full disk) leaves any earlier backup of that
//! name as it was. An S3 backup is one PUT, which the store makes visible whole or not at all.
//! S3 credentials, region and endpoint come from the usual AWS environment variables
//! (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_REGION`,
//! `AWS_ENDPOINT_URL`) or, for what they leave unset, a shared profile (`AWS_PROFILE` in
//! `~/.aws/credentials` and `~/.aws/config`, see [`profile`]); an `http://` endpoint is allowed
//! because it was named explicitly.

mod bucket;
mod directory;
mod profile;

use std::path::PathBuf;

use crate::error::CliError;

pub use bucket::Bucket;

/// The file name suffix of a backup.
pub const SUFFIX: &str = ".tmcbackup";

/// The bytes [`Location::head`] returns: enough to tell an age file from a plain archive.
const HEAD_BYTES: u64 = 64;

/// Where backups are read from and written to.
pub enum Location {
    /// A directory on this machine.
    Directory(PathBuf),
    /// A prefix in an S3-compatible bucket.
    Bucket(Bucket),
}

/// One stored backup.
pub struct Stored {
    /// Its name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// When it was written.
    pub modified: Option<jiff::Timestamp>,
}

impl Location {
    /// `s3://BUCKET[/PREFIX]`, a directory, or (none) the data directory's `tmcctl/backups`.
    pub fn parse(arg: Option<&str>) -> Result<Self, CliError> {
        match arg {
            Some(url) if url.starts_with("s3://") => Ok(Self::Bucket(Bucket::parse(url)?)),
            Some(url) if url.contains("://") => Err(CliError::usage(format!(
                "backup location {url:?} is not supported: use a directory or s3://BUCKET/PREFIX"
            ))),
            Some(dir) => Ok(Self::Directory(PathBuf::from(dir))),
            None => directory::default().map(Self::Directory),
        }
    }

    /// The location as a user would write it.
    pub fn display(&self) -> String {
        match self {
            Self::Directory(dir) => dir.display().to_string(),
            Self::Bucket(bucket) => bucket.url(),
        }
    }

    /// Writes `bytes` as backup `name`, whole or not at all; returns where it went.
    pub async fn write(&self, name: &str, bytes: Vec<u8>) -> Result<String, CliError> {
        check_name(name)?;
        match self {
            // Write, fsync and rename block: off the async threads, which renew leases.
            Self::Directory(dir) => {
                let (dir, name) = (dir.clone(), name.to_string());
                tokio::task::spawn_blocking(move || directory::write(&dir, &name, &bytes))
                    .await
                    .map_err(|e| {
                        CliError::new(crate::error::ExitKind::Failure, format!("writing the backup stopped: {e}"))
                    })?
                    .map(|p| p.display().to_string())
            }
            Self::Bucket(bucket) => bucket.write(name, bytes).await,
        }
    }

    /// Reads backup `name`.
    pub async fn read(&self, name: &str) -> Result<Vec<u8>, CliError> {
        check_name(name)?;
        match self {
            Self::Directory(dir) => directory::read(dir, name),
            Self::Bucket(bucket) => bucket.read(name, None).await,
        }
    }

    /// The first bytes of backup `name` (to tell whether it is encrypted without reading it).
    pub async fn head(&self, name: &str) -> Result<Vec<u8>, CliError> {
        check_name(name)?;
        match self {
            Self::Directory(dir) => directory::head(dir, name, HEAD_BYTES),
            Self::Bucket(bucket) => bucket.read(name, Some(HEAD_BYTES)).await,
        }
    }

    /// The backups stored here, by name; an absent directory or prefix holds none.
    pub async fn list(&self) -> Result<Vec<Stored>, CliError> {
        let mut out = match self {
            Self::Directory(dir) => directory::list(dir)?,
            Self::Bucket(bucket) => bucket.list().await?,
        };
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Deletes backup `name`; `false` when there was none.
    pub async fn delete(&self, name: &str) -> Result<bool, CliError> {
        check_name(name)?;
        match self {
            Self::Directory(dir) => directory::delete(dir, name),
            Self::Bucket(bucket) => bucket.delete(name).await,
        }
    }
}

/// Checks a backup name: it becomes a file or object name.
pub fn check_name(name: &str) -> Result<(), CliError> {
    let valid = !name.is_empty()
        && name.len() <= 200
        && !name.starts_with(['.', '-'])
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if valid {
        Ok(())
    } else {
        Err(CliError::usage(format!(
            "backup name {name:?} is invalid: use up to 200 letters, digits, '-', '_' or '.', not starting with '.' or '-'"
        )))
    }
}

/// The backup name a file or object name stands for, if it is one.
fn backup_name(file_name: &str) -> Option<&str> {
    file_name.strip_suffix(SUFFIX).filter(|name| check_name(name).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_not_plain_file_names_are_refused() {
        for bad in ["", "../x", "a/b", ".hidden", "-flag", "spa ce"] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
        assert!(check_name("backup-2026-12-02T10.00").is_ok());
    }

    #[test]
    fn only_backup_files_are_taken_for_backups() {
        assert_eq!(backup_name("nightly.tmcbackup"), Some("nightly"));
        assert_eq!(backup_name(".nightly.tmcbackup.tmp-42"), None);
        assert_eq!(backup_name(".hidden.tmcbackup"), None);
        assert_eq!(backup_name("notes.txt"), None);
    }

    #[test]
    fn a_location_is_a_directory_or_an_s3_url() {
        assert!(matches!(Location::parse(Some("/var/backups")).unwrap(), Location::Directory(_)));
        assert!(matches!(Location::parse(Some("s3://fleet/tmc")).unwrap(), Location::Bucket(_)));
        let e = Location::parse(Some("gs://fleet")).err().unwrap();
        assert!(e.message.contains("not supported"), "{}", e.message);
    }
}
