use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Lang;

use super::atomic::write_ron;
use super::error::StoreError;
use super::quarantine::LoadReason;
use super::version::read_format_version;

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
    /// Where the group screen's own window was last (its top-left corner, in points), so it
    /// opens there again: on the projector, not on the leader's screen.
    pub room_window_position: Option<[i32; 2]>,
    /// Whether that window was full screen.
    pub room_window_fullscreen: bool,
    /// Its size (in points) when it was not full screen.
    pub room_window_size: Option<[i32; 2]>,
    /// The port members' phones connect to; none: a free one each time Kring starts serving.
    /// Set it (in settings.ron) when a firewall rule names one port.
    pub phones_port: Option<u16>,
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
            room_window_position: None,
            room_window_fullscreen: true,
            room_window_size: None,
            phones_port: None,
        }
    }
}

/// Settings as found on disk, and what happened to a damaged file.
#[derive(Debug)]
pub struct SettingsLoad {
    pub settings: Settings,
    /// A file that could not be read, moved aside to this path, with the reason.
    pub set_aside: Option<(PathBuf, LoadReason)>,
    /// The file was made by a newer Kring: it is left as it is (and never overwritten, see
    /// [`save_settings`]).
    pub newer: Option<LoadReason>,
}

/// Reads the settings. A missing file gives the defaults; a damaged one is renamed to
/// `settings.ron.damaged-<time>` (never overwritten) and reported. One from a newer Kring
/// (its version is read first, whatever else it holds) is left where it is and reported;
/// this Kring then runs on the defaults.
pub fn load_settings(path: &Path) -> SettingsLoad {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return SettingsLoad {
                settings: Settings::default(),
                set_aside: None,
                newer: None,
            };
        }
        Err(err) => {
            let os = err.to_string();
            return set_aside(path, LoadReason::CannotRead { os });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match read_format_version(text, SETTINGS_FORMAT_VERSION, Some(1)) {
        Ok(_) => {}
        Err(rejection) if !rejection.set_aside => {
            return SettingsLoad {
                settings: Settings::default(),
                set_aside: None,
                newer: Some(rejection.reason),
            };
        }
        Err(rejection) => return set_aside(path, rejection.reason),
    }
    match ron::from_str::<Settings>(text) {
        Ok(mut settings) => {
            settings.format_version = SETTINGS_FORMAT_VERSION;
            SettingsLoad {
                settings,
                set_aside: None,
                newer: None,
            }
        }
        Err(err) => set_aside(path, super::parse_error_reason(&err)),
    }
}

fn set_aside(path: &Path, reason: LoadReason) -> SettingsLoad {
    let stamp = jiff::Timestamp::now().as_second();
    let aside = path.with_extension(format!("ron.damaged-{stamp}"));
    let moved = std::fs::rename(path, &aside).is_ok();
    SettingsLoad {
        settings: Settings::default(),
        set_aside: Some((if moved { aside } else { path.to_owned() }, reason)),
        newer: None,
    }
}

/// The language chosen in the settings file at `path`, when there is a readable one of a
/// format this Kring knows. Only reads: a damaged file is left where it is (the app sets it
/// aside when it starts). For `kring check`.
pub fn settings_language(path: &Path) -> Option<Lang> {
    let text = std::fs::read_to_string(path).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    read_format_version(text, SETTINGS_FORMAT_VERSION, Some(1)).ok()?;
    ron::from_str::<Settings>(text).ok().map(|s| s.language)
}

/// Writes the settings atomically, in the current format. A settings file from a newer Kring
/// is not overwritten: the error says so.
pub fn save_settings(path: &Path, settings: &Settings) -> Result<(), StoreError> {
    let current = Settings {
        format_version: SETTINGS_FORMAT_VERSION,
        ..settings.clone()
    };
    write_ron(path, &current)
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
        assert!(reason.to_string().contains("line 1"), "{reason}");
        assert_eq!(
            std::fs::read_to_string(aside).expect("kept"),
            "(language: Klingon"
        );
        assert!(!path.exists());
    }

    /// Issue 9, point 4: a settings file from a newer Kring, with a setting and a theme this
    /// Kring does not know, is left where it is, reported, and not overwritten.
    #[test]
    fn newer_settings_are_left_alone_and_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("settings.ron");
        let text = "(format_version: 5, theme: HighContrast, font_scale: 1.5, language: Nl)";
        std::fs::write(&path, text).expect("write");
        let loaded = load_settings(&path);
        assert_eq!(loaded.settings, Settings::default());
        assert!(loaded.set_aside.is_none(), "not moved");
        let newer = loaded.newer.expect("reported");
        assert!(newer.to_string().contains("newer Kring"), "{newer}");
        assert!(save_settings(&path, &Settings::default()).is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("there"), text);
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }
}
