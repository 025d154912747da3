//! Damaged files are set aside, never deleted or overwritten: they are moved into a
//! `quarantine/` folder where a person can look at them, and reported.
//!
//! What could not be loaded and why ([`LoadProblem`]), how a parser turns a file down
//! ([`Rejection`]), reading a whole folder ([`load_dir`]) and moving a file aside
//! ([`quarantine`]).

mod load_dir;
mod move_aside;
mod problem;
mod rejection;
#[cfg(test)]
mod tests;

pub use load_dir::{ConflictFile, DirLoad, SetAside, load_dir};
pub(crate) use move_aside::quarantine;
pub use problem::{LeftBecause, LoadProblem, LoadReason};
pub use rejection::{Rejection, parse_error_reason};

/// The name of the folder, inside a data or group folder, that holds set-aside files.
pub const QUARANTINE_DIR: &str = "quarantine";
