use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Lang;

use super::{to_ron, write_atomic};

pub const SETTINGS_FORMAT_VERSION: u32 = 1;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// For bright rooms and most projectors.
    #[default]
    Light,
    Dark,
}

/// What the app remembers between runs on this computer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub format_version: u32,
    pub language: Lang,
    pub theme: Theme,
    /// The protocol chosen last, preselected on the home screen.
    pub last_protocol: Option<String>,
    /// The group chosen last.
    pub last_group: Option<String>,
    /// Show the wall in a window of its own (a projector as a second screen).
    pub separate_room_window: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            format_version: SETTINGS_FORMAT_VERSION,
            language: Lang::Nl,
            theme: Theme::Light,
            last_protocol: None,
            last_group: None,
            separate_room_window: false,
        }
    }
}

/// Settings as found on disk, and what happened to a damaged file.
#[derive(Debug)]
pub struct SettingsLoad {
    pub settings: Settings,
    /// A file that could not be read, moved aside to this path, with the reason.
    pub set_aside: Option<(PathBuf, String)>,
}

/// Reads the settings. A missing file gives the defaults; a damaged one is renamed to
/// `settings.ron.damaged-<time>` (never overwritten) and reported.
pub fn load_settings(path: &Path) -> SettingsLoad {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return SettingsLoad {
                settings: Settings::default(),
                set_aside: None,
            };
        }
        Err(err) => {
            return set_aside(path, format!("cannot be read: {err}"));
        }
    };
    match ron::from_str::<Settings>(&text) {
        Ok(settings) if settings.format_version <= SETTINGS_FORMAT_VERSION => SettingsLoad {
            settings,
            set_aside: None,
        },
        Ok(settings) => set_aside(
            path,
            format!(
                "written by a newer Kring (format {})",
                settings.format_version
            ),
        ),
        Err(err) => set_aside(
            path,
            format!(
                "line {}, column {}: {}",
                err.span.start.line, err.span.start.col, err.code
            ),
        ),
    }
}

fn set_aside(path: &Path, reason: String) -> SettingsLoad {
    let stamp = jiff::Timestamp::now().as_second();
    let aside = path.with_extension(format!("ron.damaged-{stamp}"));
    let moved = std::fs::rename(path, &aside).is_ok();
    SettingsLoad {
        settings: Settings::default(),
        set_aside: Some((if moved { aside } else { path.to_owned() }, reason)),
    }
}

pub fn save_settings(path: &Path, settings: &Settings) -> std::io::Result<()> {
    let text = to_ron(settings).map_err(std::io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_damaged_file_is_set_aside_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("settings.ron");
        assert_eq!(load_settings(&path).settings, Settings::default());

        let settings = Settings {
            language: Lang::En,
            theme: Theme::Dark,
            last_protocol: Some("uitpluizen".to_owned()),
            ..Settings::default()
        };
        save_settings(&path, &settings).expect("save");
        assert_eq!(load_settings(&path).settings, settings);

        std::fs::write(&path, "(language: Klingon").expect("write");
        let loaded = load_settings(&path);
        assert_eq!(loaded.settings, Settings::default());
        let (aside, reason) = loaded.set_aside.expect("set aside");
        assert!(reason.contains("line 1"), "{reason}");
        assert_eq!(
            std::fs::read_to_string(aside).expect("kept"),
            "(language: Klingon"
        );
        assert!(!path.exists());
    }
}
