//! Backups in a directory on this machine: written beside the target, flushed, renamed over it.

use std::fs::{self, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::error::{CliError, ExitKind};

use super::{backup_name, Stored, SUFFIX};

/// The data directory's `tmcctl/backups`.
pub fn default() -> Result<PathBuf, CliError> {
    dirs::data_dir().map(|d| d.join("tmcctl").join("backups")).ok_or_else(|| {
        CliError::new(ExitKind::Config, "no data directory is known for this user (HOME is not set?)")
            .with_hint("pass --to DIR")
    })
}

fn path_of(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}{SUFFIX}"))
}

/// Writes `bytes` as backup `name` in `dir`, atomically, mode 0600; returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, CliError> {
    let fail = |what: &str, path: &Path, e: std::io::Error| {
        let hint = if e.raw_os_error() == Some(28) { " (the disk is full)" } else { "" };
        CliError::new(ExitKind::Failure, format!("cannot {what} {}: {e}{hint}", path.display()))
    };
    fs::create_dir_all(dir).map_err(|e| fail("create the backup directory", dir, e))?;
    let target = path_of(dir, name);
    let temporary = dir.join(format!(".{name}{SUFFIX}.tmp-{}", std::process::id()));
    let written = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).mode(0o600).open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&temporary);
        return Err(fail("write", &temporary, e));
    }
    if let Err(e) = fs::rename(&temporary, &target) {
        let _ = fs::remove_file(&temporary);
        return Err(fail("rename the new backup to", &target, e));
    }
    // The rename itself is durable only once the directory is.
    if let Ok(directory) = fs::File::open(dir) {
        let _ = directory.sync_all();
    }
    Ok(target)
}

fn open(dir: &Path, name: &str) -> Result<fs::File, CliError> {
    let path = path_of(dir, name);
    fs::File::open(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            CliError::new(ExitKind::NotFound, format!("backup \"{name}\" not found in {}", dir.display()))
                .with_hint("see `tmcctl backup list`")
        }
        _ => CliError::new(ExitKind::Failure, format!("cannot read {}: {e}", path.display())),
    })
}

/// Reads backup `name` from `dir`.
pub fn read(dir: &Path, name: &str) -> Result<Vec<u8>, CliError> {
    let mut bytes = Vec::new();
    open(dir, name)?
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::new(ExitKind::Failure, format!("cannot read {}: {e}", path_of(dir, name).display())))?;
    Ok(bytes)
}

/// The first `limit` bytes of backup `name`.
pub fn head(dir: &Path, name: &str, limit: u64) -> Result<Vec<u8>, CliError> {
    let mut bytes = Vec::new();
    open(dir, name)?
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::new(ExitKind::Failure, format!("cannot read {}: {e}", path_of(dir, name).display())))?;
    Ok(bytes)
}

/// The backups in `dir`; an absent directory holds none.
pub fn list(dir: &Path) -> Result<Vec<Stored>, CliError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(CliError::new(ExitKind::Failure, format!("cannot read {}: {e}", dir.display()))),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(name) = backup_name(&file_name) else { continue };
        let meta = entry.metadata().ok();
        out.push(Stored {
            name: name.to_string(),
            size: meta.as_ref().map_or(0, |m| m.len()),
            modified: meta.and_then(|m| m.modified().ok()).and_then(|m| jiff::Timestamp::try_from(m).ok()),
        });
    }
    Ok(out)
}

/// Deletes backup `name`; `false` when there was none.
pub fn delete(dir: &Path, name: &str) -> Result<bool, CliError> {
    let path = path_of(dir, name);
    match fs::remove_file(&path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(CliError::new(ExitKind::Failure, format!("cannot delete {}: {e}", path.display()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_backup_is_written_whole_with_mode_0600_and_listed() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "nightly", b"first").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        write(dir.path(), "nightly", b"second").unwrap();
        assert_eq!(read(dir.path(), "nightly").unwrap(), b"second");
        assert_eq!(head(dir.path(), "nightly", 3).unwrap(), b"sec");
        let listed = list(dir.path()).unwrap();
        assert_eq!(listed.len(), 1, "no temporary file is left or listed");
        assert_eq!((listed[0].name.as_str(), listed[0].size), ("nightly", 6));
        assert!(delete(dir.path(), "nightly").unwrap());
        assert!(!delete(dir.path(), "nightly").unwrap());
        assert_eq!(read(dir.path(), "nightly").unwrap_err().kind, ExitKind::NotFound);
    }

    #[test]
    fn a_failed_write_leaves_the_earlier_backup_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "nightly", b"good").unwrap();
        // A temporary file that already exists makes the write fail as a full disk would.
        let temporary = dir.path().join(format!(".nightly{SUFFIX}.tmp-{}", std::process::id()));
        fs::create_dir(&temporary).unwrap();
        assert!(write(dir.path(), "nightly", b"new").is_err());
        assert_eq!(read(dir.path(), "nightly").unwrap(), b"good");
    }
}
