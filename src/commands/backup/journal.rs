//! The restore journal: what an interrupted restore had applied, skipped and left pending,
//! written when SIGINT or SIGTERM stops it between writes, so an operator can see where it
//! stood. Re-running the same restore finishes it (what was written is found and skipped) and
//! removes the journal.
//!
//! One file per backup (its name and where it is kept):
//! `<state dir>/tmcctl/restore-journals/<name>-<hash of the location>.json`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::controller::Stop;
use crate::error::{CliError, ExitKind};

/// An interrupted restore.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Journal {
    /// The backup being restored.
    pub backup: String,
    /// Where it is kept (`--from`; empty for the default directory).
    pub location: String,
    /// When it was interrupted (RFC 3339).
    pub interrupted_at: String,
    /// `SIGINT` or `SIGTERM`.
    pub signal: String,
    /// Objects written (created, updated or pruned), as `workspace Kind namespace/name`.
    pub applied: Vec<String>,
    /// Objects left as they were (they existed, or their kind is not served).
    pub skipped: Vec<String>,
    /// Objects not reached.
    pub pending: Vec<String>,
}

fn directory() -> Option<PathBuf> {
    dirs::state_dir().or_else(dirs::data_dir).map(|d| d.join("tmcctl").join("restore-journals"))
}

fn path_of(backup: &str, location: &str) -> Option<PathBuf> {
    use sha2::Digest;
    let hash = sha2::Sha256::digest(location.as_bytes());
    let short: String = hash.iter().take(4).map(|b| format!("{b:02x}")).collect();
    directory().map(|d| d.join(format!("{backup}-{short}.json")))
}

impl Journal {
    /// Writes the journal (mode 0600: it names objects); returns its path.
    pub fn write(&self) -> Result<PathBuf, CliError> {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let path = path_of(&self.backup, &self.location).ok_or_else(|| {
            CliError::new(ExitKind::Config, "no state directory is known for this user (HOME is not set?)")
        })?;
        let fail = |e: std::io::Error| {
            CliError::new(ExitKind::Failure, format!("cannot write the restore journal {}: {e}", path.display()))
        };
        std::fs::create_dir_all(path.parent().expect("a file in a directory")).map_err(fail)?;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&path)
            .map_err(fail)?;
        let text = serde_json::to_vec_pretty(self).expect("a journal serializes");
        file.write_all(&text).and_then(|()| file.sync_all()).map_err(fail)?;
        Ok(path)
    }

    /// The journal an earlier, interrupted restore of `backup` left, if any (an unreadable one
    /// counts as none: the restore itself does not need it).
    pub fn previous(backup: &str, location: &str) -> Option<Journal> {
        let text = std::fs::read(path_of(backup, location)?).ok()?;
        serde_json::from_slice(&text).ok()
    }

    /// Removes `backup`'s journal once a restore of it has finished.
    pub fn finished(backup: &str, location: &str) {
        if let Some(path) = path_of(backup, location) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Which stop signal has arrived, if any; a listener installed before the first write. Between
/// writes the restore looks at it: the write in flight always finishes.
pub(super) struct StopFlag(Arc<AtomicU8>);

impl StopFlag {
    pub(super) fn listen() -> StopFlag {
        let flag = Arc::new(AtomicU8::new(0));
        let set = flag.clone();
        tokio::spawn(async move {
            let signal = match crate::commands::stop_signal().await {
                Stop::Interrupt => 1,
                Stop::Terminate => 2,
            };
            set.store(signal, Ordering::SeqCst);
        });
        StopFlag(flag)
    }

    pub(super) fn received(&self) -> Option<&'static str> {
        match self.0.load(Ordering::SeqCst) {
            1 => Some("SIGINT"),
            2 => Some("SIGTERM"),
            _ => None,
        }
    }
}
