//! One writer per group folder: a Kring that opens a folder another running Kring is
//! writing to opens it read-only.
//!
//! The lock is the operating system's advisory lock on `<group>/.kring.lock` (`flock` on
//! Unix, `LockFileEx` on Windows), so a Kring that crashes releases it automatically and a
//! leftover file means nothing. Who holds the lock is written beside it, in
//! `<group>/.kring-holder.ron`, for the message the other Kring shows; it is a separate file
//! because Windows does not let anyone else read a locked file.
//!
//! **Writing needs the lock, by type.** Every function in `store` that writes, moves or
//! deletes a file inside a group folder takes `&GroupLock` (the write handle) or is a method
//! on it: [`GroupLock::write_file`], [`GroupLock::remove_file`], [`GroupLock::set_aside`],
//! `save_record`, `save_group`, `History::mark_follow_up`, and `load_dir` with
//! `SetAside::Group`. Only [`GroupLock::acquire`] makes one, so a Kring that opened a group
//! read-only has none and cannot even call them: it reads, and lists damaged files in place.
//!
//! The lock works between programs on one computer, and on network folders whose file system
//! passes locks on. It cannot work through sync tools (Syncthing, Nextcloud, ...): they copy
//! files, not locks. Conflict copies catch what two computers write at once.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::{create_private_dir, write_ron};
use super::error::{StoreError, StoreErrorKind};
use super::quarantine::{LeftBecause, LoadProblem, LoadReason, quarantine};
use super::write_atomic;

/// The file the operating system lock is taken on.
pub const LOCK_FILE: &str = ".kring.lock";
/// The file that says who holds the lock.
pub const HOLDER_FILE: &str = ".kring-holder.ron";

const HOLDER_FORMAT_VERSION: u32 = 1;

/// Who holds a group folder's lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockInfo {
    /// The holder's process id.
    pub pid: u32,
    /// The name of the holder's computer.
    pub host: String,
    /// When the holder took the lock, milliseconds since the Unix epoch (UTC).
    pub since_ms: i64,
}

impl std::fmt::Display for LockInfo {
    /// `Kring (process 4242) on LAPTOP-JAN since 2026-11-23 19:30`, in local time.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Kring (process {}) on {}", self.pid, self.host)?;
        if let Ok(at) = jiff::Timestamp::from_millisecond(self.since_ms) {
            let local = at.to_zoned(jiff::tz::TimeZone::system());
            write!(f, " since {}", local.strftime("%Y-%m-%d %H:%M"))?;
        }
        Ok(())
    }
}

/// The holder file as written on disk.
#[derive(Serialize, Deserialize)]
struct HolderFile {
    format_version: u32,
    pid: u32,
    host: String,
    since_ms: i64,
}

/// What [`GroupLock::acquire`] found.
#[derive(Debug)]
pub enum LockOutcome {
    /// This Kring may write to the folder until the lock is dropped.
    Acquired(GroupLock),
    /// Another Kring is writing to the folder: open it read-only. `holder` is `None` when
    /// the holder has not said who it is (yet), or its file cannot be read.
    ReadOnly { holder: Option<LockInfo> },
    /// The folder could not be locked at all (it cannot be written, or its file system has no
    /// locks). The reason says what happened and what to do. `unlocked` is a write handle
    /// without the operating system's lock: the app decides whether to write anyway (Kring
    /// does, and says so, rather than refuse to save meetings on such a file system). It is
    /// never handed out when another Kring holds the lock.
    Unavailable {
        error: StoreError,
        unlocked: GroupLock,
    },
}

/// The right to write to a group folder: the write handle. Dropping it releases the lock.
#[derive(Debug)]
pub struct GroupLock {
    /// The locked file; `None` for the handle of [`LockOutcome::Unavailable`].
    file: Option<File>,
    dir: PathBuf,
    info: LockInfo,
    previous: Option<LockInfo>,
}

impl GroupLock {
    /// Takes the folder's lock without waiting. Creates the folder (owner-only) if needed.
    /// A lock file left behind by a Kring that crashed is taken over: only the operating
    /// system's lock counts, and it died with that Kring.
    pub fn acquire(dir: &Path, now_ms: i64) -> LockOutcome {
        let path = dir.join(LOCK_FILE);
        let info = LockInfo {
            pid: std::process::id(),
            host: host_name(),
            since_ms: now_ms,
        };
        let unlocked = || Self {
            file: None,
            dir: dir.to_owned(),
            info: info.clone(),
            previous: None,
        };
        let file = match create_private_dir(dir).and_then(|()| open_lock_file(&path)) {
            Ok(file) => file,
            Err(err) => {
                return LockOutcome::Unavailable {
                    unlocked: unlocked(),
                    error: StoreError::os(StoreErrorKind::LockCannotOpen, path, err),
                };
            }
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return LockOutcome::ReadOnly {
                    holder: read_holder(dir),
                };
            }
            Err(TryLockError::Error(err)) => {
                return LockOutcome::Unavailable {
                    unlocked: unlocked(),
                    error: StoreError::os(StoreErrorKind::LockNotSupported, path, err),
                };
            }
        }
        // Left by a Kring that did not close cleanly, or synced from another computer.
        let previous = read_holder(dir);
        if let Err(err) = write_holder(dir, &info) {
            // The lock holds without it; only the other Kring's message is poorer.
            log::warn!(
                "{}: could not say who holds the lock: {err}",
                dir.join(HOLDER_FILE).display()
            );
        }
        LockOutcome::Acquired(Self {
            file: Some(file),
            dir: dir.to_owned(),
            info,
            previous,
        })
    }

    /// Who holds the lock: this Kring.
    pub fn info(&self) -> &LockInfo {
        &self.info
    }

    /// The locked folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Who held the lock before, if a Kring left word of it: one that crashed, or, when its
    /// `host` is another computer's, one that may still be writing to this folder through a
    /// sync tool (which the lock cannot see). Worth a warning in that case.
    pub fn previous_holder(&self) -> Option<&LockInfo> {
        self.previous.as_ref()
    }

    /// Whether the operating system's lock is held (`false` only for the handle of
    /// [`LockOutcome::Unavailable`]).
    pub fn is_locked(&self) -> bool {
        self.file.is_some()
    }

    /// `path`, if it is inside the locked folder; an error that says so otherwise. The path
    /// is compared as written (Kring builds every path from the folder's own).
    fn inside<'p>(&self, path: &'p Path) -> Result<&'p Path, StoreError> {
        if path.starts_with(&self.dir) && path != self.dir {
            Ok(path)
        } else {
            Err(StoreError::new(
                StoreErrorKind::OutsideGroup {
                    group: self.dir.clone(),
                },
                path,
            ))
        }
    }

    /// Writes a file inside the group folder through the store's one write function
    /// ([`super::write_file`]: atomic, private, and a file already there that a newer Kring
    /// made is never replaced).
    pub fn write_file(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        write_atomic(self.inside(path)?, bytes)
    }

    /// Deletes a file inside the group folder (the retention clear-out).
    pub fn remove_file(&self, path: &Path) -> Result<(), StoreError> {
        fs::remove_file(self.inside(path)?)
            .map_err(|err| StoreError::os(StoreErrorKind::CannotRemove, path, err))
    }

    /// Moves a damaged file from inside the group folder into `<quarantine_root>/quarantine/`
    /// (see [`quarantine`]); a path outside the folder is not moved and the reason says why.
    pub fn set_aside(
        &self,
        quarantine_root: &Path,
        path: &Path,
        reason: LoadReason,
    ) -> LoadProblem {
        match self.inside(path) {
            Ok(path) => quarantine(quarantine_root, path, reason),
            Err(_) => LoadProblem {
                left: Some(LeftBecause::OutsideGroup {
                    group: self.dir.clone(),
                }),
                ..LoadProblem::left(path, reason)
            },
        }
    }
}

impl Drop for GroupLock {
    fn drop(&mut self) {
        let Some(file) = &self.file else {
            return; // Never locked: the holder file, if any, is not ours.
        };
        // Still locked here, so no other Kring has written its own holder file yet.
        fs::remove_file(self.dir.join(HOLDER_FILE)).ok();
        // Closing the file releases the lock too; unlocking first makes it immediate.
        file.unlock().ok();
    }
}

fn open_lock_file(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    // Never truncate: the file may be another Kring's, locked.
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path)
}

fn write_holder(dir: &Path, info: &LockInfo) -> Result<(), StoreError> {
    let holder = HolderFile {
        format_version: HOLDER_FORMAT_VERSION,
        pid: info.pid,
        host: info.host.clone(),
        since_ms: info.since_ms,
    };
    write_ron(&dir.join(HOLDER_FILE), &holder)
}

fn read_holder(dir: &Path) -> Option<LockInfo> {
    let text = fs::read_to_string(dir.join(HOLDER_FILE)).ok()?;
    let holder: HolderFile = ron::from_str(&text).ok()?;
    Some(LockInfo {
        pid: holder.pid,
        host: holder.host,
        since_ms: holder.since_ms,
    })
}

/// This computer's name, as well as the standard library lets us know it.
fn host_name() -> String {
    let from_env = |name: &str| std::env::var(name).ok();
    let from_file = |path: &str| fs::read_to_string(path).ok();
    from_env("COMPUTERNAME")
        .or_else(|| from_file("/proc/sys/kernel/hostname"))
        .or_else(|| from_file("/etc/hostname"))
        .or_else(|| from_env("HOSTNAME"))
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "an unknown computer".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW_MS: i64 = 1_795_000_000_000;

    fn acquired(outcome: LockOutcome) -> GroupLock {
        match outcome {
            LockOutcome::Acquired(lock) => lock,
            other => panic!("expected the lock, got {other:?}"),
        }
    }

    #[test]
    fn a_second_kring_gets_read_only_until_the_first_lets_go() {
        let dir = tempfile::tempdir().expect("tempdir");
        let group = dir.path().join("groups/mijn-groep");
        let first = acquired(GroupLock::acquire(&group, NOW_MS));
        assert_eq!(first.info().pid, std::process::id());
        assert_eq!(first.info().since_ms, NOW_MS);
        assert_eq!(first.dir(), group);

        // flock locks belong to an open file description, so a second open in the same
        // process conflicts, just as a second process would.
        match GroupLock::acquire(&group, NOW_MS + 1000) {
            LockOutcome::ReadOnly { holder } => {
                assert_eq!(holder.as_ref(), Some(first.info()));
            }
            other => panic!("expected read-only, got {other:?}"),
        }

        assert_eq!(first.previous_holder(), None);
        drop(first);
        assert!(!group.join(HOLDER_FILE).exists(), "the holder file goes");
        let second = acquired(GroupLock::acquire(&group, NOW_MS + 2000));
        assert_eq!(
            second.previous_holder(),
            None,
            "a clean exit leaves no word"
        );
        assert_eq!(second.info().since_ms, NOW_MS + 2000);
        assert_eq!(read_holder(&group).as_ref(), Some(second.info()));
    }

    #[test]
    fn a_lock_left_by_a_crashed_kring_is_taken_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join(LOCK_FILE), "left behind").expect("write");
        fs::write(
            dir.path().join(HOLDER_FILE),
            "(format_version: 1, pid: 99999, host: \"OLD-PC\", since_ms: 1)",
        )
        .expect("write");
        let lock = acquired(GroupLock::acquire(dir.path(), NOW_MS));
        let previous = lock.previous_holder().expect("previous holder");
        assert_eq!((previous.pid, previous.host.as_str()), (99999, "OLD-PC"));
        let holder = read_holder(dir.path()).expect("holder written");
        assert_eq!(&holder, lock.info());
        assert_ne!(holder.host, "OLD-PC");
    }

    #[test]
    fn an_unreadable_holder_file_still_means_read_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let _first = acquired(GroupLock::acquire(dir.path(), NOW_MS));
        fs::write(dir.path().join(HOLDER_FILE), "(garbage").expect("write");
        assert!(matches!(
            GroupLock::acquire(dir.path(), NOW_MS),
            LockOutcome::ReadOnly { holder: None }
        ));
    }

    #[test]
    fn a_folder_that_cannot_be_created_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("not-a-folder");
        fs::write(&file, "").expect("write");
        match GroupLock::acquire(&file.join("group"), NOW_MS) {
            LockOutcome::Unavailable { error, unlocked } => {
                assert_eq!(error.kind, StoreErrorKind::LockCannotOpen);
                let reason = error.to_string();
                assert!(reason.contains(LOCK_FILE), "{reason}");
                assert!(reason.contains("Check that you may write"), "{reason}");
                assert!(!unlocked.is_locked());
            }
            other => panic!("expected unavailable, got {other:?}"),
        }
    }

    #[test]
    fn the_holder_reads_as_a_sentence() {
        let info = LockInfo {
            pid: 4242,
            host: "LAPTOP-JAN".to_owned(),
            since_ms: NOW_MS,
        };
        let text = info.to_string();
        assert!(
            text.starts_with("Kring (process 4242) on LAPTOP-JAN since 20"),
            "{text}"
        );
    }
}
