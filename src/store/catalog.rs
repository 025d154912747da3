use std::path::{Path, PathBuf};

use crate::model::{PROTOCOL_FORMAT_VERSION, Protocol, ProtocolIssue, ProtocolProblem};

use super::version::read_format_version;

/// The protocols shipped with Kring, embedded so the app works from any folder.
/// (file name, text) pairs; the same files are in `protocols/` in the source tree.
pub fn builtin_protocol_sources() -> [(&'static str, &'static str); 9] {
    [
        (
            "balint-9-fasen.ron",
            include_str!("../../protocols/balint-9-fasen.ron"),
        ),
        (
            "balint-8-stappen.ron",
            include_str!("../../protocols/balint-8-stappen.ron"),
        ),
        (
            "uitpluizen.ron",
            include_str!("../../protocols/uitpluizen.ron"),
        ),
        (
            "geen-oplossing-geven.ron",
            include_str!("../../protocols/geen-oplossing-geven.ron"),
        ),
        (
            "hoe-zou-ik-het-doen.ron",
            include_str!("../../protocols/hoe-zou-ik-het-doen.ron"),
        ),
        (
            "balint-internationaal.ron",
            include_str!("../../protocols/balint-internationaal.ron"),
        ),
        (
            "balintgruppe-doppelstunde.ron",
            include_str!("../../protocols/balintgruppe-doppelstunde.ron"),
        ),
        (
            "incidentmethode.ron",
            include_str!("../../protocols/incidentmethode.ron"),
        ),
        (
            "roddelmethode.ron",
            include_str!("../../protocols/roddelmethode.ron"),
        ),
    ]
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProtocolSource {
    BuiltIn,
    File(PathBuf),
}

#[derive(Clone, Debug)]
pub struct ProtocolEntry {
    pub protocol: Protocol,
    pub source: ProtocolSource,
    /// A group's own file that replaces the built-in protocol with the same id.
    pub replaces_builtin: bool,
}

/// All protocols the app can offer, and the problems met while loading them. A bad file is
/// reported here and skipped: it never stops the app.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub entries: Vec<ProtocolEntry>,
    pub problems: Vec<ProtocolIssue>,
}

impl Catalog {
    /// The built-in protocols plus every `*.ron` in `user_dir` (if given and present).
    pub fn load(user_dir: Option<&Path>) -> Self {
        let mut catalog = Self::default();
        for (name, source) in builtin_protocol_sources() {
            match Protocol::from_ron(&format!("(built in) {name}"), source) {
                Ok(protocol) => catalog.entries.push(ProtocolEntry {
                    protocol,
                    source: ProtocolSource::BuiltIn,
                    replaces_builtin: false,
                }),
                Err(issues) => catalog.problems.extend(issues),
            }
        }
        if let Some(dir) = user_dir {
            catalog.load_dir(dir);
        }
        catalog
    }

    fn load_dir(&mut self, dir: &Path) {
        let listing = match std::fs::read_dir(dir) {
            Ok(listing) => listing,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return,
            Err(err) => {
                self.problems.push(file_problem(
                    dir,
                    ProtocolProblem::FolderUnreadable {
                        os: err.to_string(),
                    },
                ));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = listing
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|ext| ext == "ron") && p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let display = path.display().to_string();
            let text = match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => text,
                    Err(_) => {
                        self.problems
                            .push(file_problem(&path, ProtocolProblem::NotText));
                        continue;
                    }
                },
                Err(err) => {
                    self.problems.push(file_problem(
                        &path,
                        ProtocolProblem::Unreadable {
                            os: err.to_string(),
                        },
                    ));
                    continue;
                }
            };
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            // The version first: a newer protocol may use fields and variants this Kring does
            // not know; it is listed as newer (and, like every protocol file, left alone).
            // Any other trouble is reported by the full parse, with its line and column.
            if let Err(rejection) = read_format_version(text, PROTOCOL_FORMAT_VERSION, None)
                && let Some(found) = rejection.newer_format()
            {
                let current = PROTOCOL_FORMAT_VERSION;
                self.problems.push(file_problem(
                    &path,
                    ProtocolProblem::NewerFormat { found, current },
                ));
                continue;
            }
            match Protocol::from_ron(&display, text) {
                Ok(protocol) => self.add_user_protocol(protocol, path),
                Err(issues) => self.problems.extend(issues),
            }
        }
    }

    fn add_user_protocol(&mut self, protocol: Protocol, path: PathBuf) {
        let existing = self
            .entries
            .iter()
            .position(|e| e.protocol.id == protocol.id);
        match existing {
            Some(index) if self.entries[index].source == ProtocolSource::BuiltIn => {
                self.entries[index] = ProtocolEntry {
                    protocol,
                    source: ProtocolSource::File(path),
                    replaces_builtin: true,
                };
            }
            Some(index) => {
                let other = match &self.entries[index].source {
                    ProtocolSource::File(other) => other.display().to_string(),
                    ProtocolSource::BuiltIn => String::new(),
                };
                self.problems.push(file_problem(
                    &path,
                    ProtocolProblem::IdTaken {
                        id: protocol.id.clone(),
                        other,
                    },
                ));
            }
            None => self.entries.push(ProtocolEntry {
                protocol,
                source: ProtocolSource::File(path),
                replaces_builtin: false,
            }),
        }
    }

    pub fn get(&self, id: &str) -> Option<&ProtocolEntry> {
        self.entries.iter().find(|e| e.protocol.id == id)
    }
}

fn file_problem(path: &Path, problem: ProtocolProblem) -> ProtocolIssue {
    ProtocolIssue::new(&path.display().to_string(), (1, 1), problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_protocols_are_valid_and_match_the_seed_documents() {
        let catalog = Catalog::load(None);
        assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
        assert_eq!(catalog.entries.len(), 9);

        let nine = &catalog.get("balint-9-fasen").expect("9 phases").protocol;
        assert_eq!(nine.phases.len(), 9);
        let total = nine.planned_minutes();
        assert!((90..=120).contains(&total), "9 phases plan {total} minutes");
        let judgement = &nine.phases[5];
        assert_eq!(judgement.variants.len(), 3, "phase 6 has three forms");

        let eight = &catalog.get("balint-8-stappen").expect("8 steps").protocol;
        let minutes: Vec<i32> = eight.phases.iter().map(|p| p.planned_minutes).collect();
        assert_eq!(minutes, [5, 10, 15, 10, 10, 10, 5, 5]);
        assert!((60..=90).contains(&eight.planned_minutes()));
        // Issue 12, point 5: the seed and the name say "stappen"; the others have phases.
        assert_eq!(eight.parts, crate::model::Parts::Steps);
        for entry in &catalog.entries {
            if entry.protocol.id != "balint-8-stappen" {
                assert_eq!(entry.protocol.parts, crate::model::Parts::Phases);
            }
        }

        for id in ["uitpluizen", "geen-oplossing-geven", "hoe-zou-ik-het-doen"] {
            assert!(catalog.get(id).is_some(), "{id} is shipped");
        }
    }

    /// Issue 14, point 7: the four further protocols are shipped, their phases in the order
    /// the methods have, their minutes adding up to the length each method stands for.
    #[test]
    fn the_further_protocols_have_their_shape_and_length() {
        let catalog = Catalog::load(None);
        let shape = |id: &str| {
            let protocol = &catalog.get(id).expect(id).protocol;
            let ids: Vec<&str> = protocol.phases.iter().map(|p| p.id.as_str()).collect();
            let minutes: Vec<i32> = protocol
                .phases
                .iter()
                .map(|p| p.planned_minutes + p.prepare_minutes)
                .collect();
            (protocol.clone(), ids, minutes)
        };

        // One case: told without notes, factual questions, a long discussion with the
        // presenter outside the circle, the presenter back, the process.
        let (international, ids, minutes) = shape("balint-internationaal");
        assert_eq!(
            ids,
            [
                "casus-vertellen",
                "feitelijke-vragen",
                "groepsbespreking",
                "inbrenger-terug",
                "proces"
            ]
        );
        assert!((10..=15).contains(&minutes[0]), "{minutes:?}");
        assert_eq!(minutes[1], 10);
        assert!((30..=45).contains(&minutes[2]), "{minutes:?}");
        assert!((5..=10).contains(&minutes[3]), "{minutes:?}");
        assert_eq!(minutes[4], 5);
        let total = international.planned_minutes();
        assert!((60..=75).contains(&total), "{total}");
        assert_eq!(
            (
                international.total_minutes.min,
                international.total_minutes.max
            ),
            (60, 75)
        );

        // The same shape in one Doppelstunde of 90 minutes, for 8-12 participants.
        let (german, ids, minutes) = shape("balintgruppe-doppelstunde");
        assert_eq!(ids.len(), 5);
        assert_eq!(german.planned_minutes(), 90);
        assert_eq!(minutes, [15, 15, 45, 10, 5]);
        assert_eq!((german.group_size.min, german.group_size.max), (8, 12));

        // In both, the discussion phase shows on the wall that the presenter sits outside
        // the circle and does not chip in: badges (rules) and the guard line.
        for protocol in [&international, &german] {
            let discussion = &protocol.phases[2];
            let rules: Vec<&str> = discussion.rules.iter().map(|r| r.en.as_str()).collect();
            assert!(
                rules.contains(&"The presenter sits outside the circle and listens")
                    && rules.contains(&"The presenter does not chip in"),
                "{rules:?}"
            );
            let guard = discussion.guard.as_ref().expect("guard");
            assert_eq!(guard.de, "Fallgeber/in hört von außerhalb des Kreises zu");
        }

        // Hendriksen's ten rounds.
        let (incident, ids, minutes) = shape("incidentmethode");
        assert_eq!(
            ids,
            [
                "incident-kiezen",
                "incident-schetsen",
                "vragen-noteren",
                "informatieronde",
                "analyse",
                "eigen-standpunt",
                "standpunten-delen",
                "wat-er-gebeurde",
                "bespreking",
                "evaluatie"
            ]
        );
        assert_eq!(minutes.iter().sum::<i32>(), incident.planned_minutes());
        assert!((60..=90).contains(&incident.planned_minutes()));
        // Questions are noted and positions written privately, then shared.
        use crate::model::Tool;
        assert_eq!(incident.phases[2].tools, [Tool::Scratchpad]);
        assert_eq!(incident.phases[3].tools, [Tool::QuestionLog]);
        assert_eq!(incident.phases[5].tools, [Tool::Scratchpad]);
        assert_eq!(incident.phases[6].tools, [Tool::AdviceBoard]);

        // Introduction, questions, a gossip round of about 15 minutes with the inbrenger
        // outside the circle and their back turned, the inbrenger's experience, evaluation.
        let (gossip, ids, minutes) = shape("roddelmethode");
        assert_eq!(
            ids,
            [
                "inleiding",
                "vragen",
                "roddelronde",
                "ervaring-inbrenger",
                "evaluatie"
            ]
        );
        assert_eq!(minutes[2], 15);
        let rules: Vec<&str> = gossip.phases[2]
            .rules
            .iter()
            .map(|r| r.nl.as_str())
            .collect();
        assert!(
            rules.contains(&"De inbrenger zit buiten de kring, met de rug naar de groep"),
            "{rules:?}"
        );
        assert!((45..=60).contains(&gossip.planned_minutes()));
    }

    /// Issue 14, point 6: every text of every shipped protocol is in German too, so
    /// `kring check` has no warning for them and nothing falls back to English.
    #[test]
    fn every_shipped_protocol_speaks_german() {
        for (name, source) in builtin_protocol_sources() {
            let protocol = Protocol::from_ron(name, source).expect("valid");
            assert_eq!(protocol.warnings(name, source), [], "{name}");
            let german = protocol.name.get(crate::model::Lang::De);
            assert_ne!(german, protocol.name.en, "{name}: {german}");
        }
    }

    #[test]
    fn user_folder_adds_replaces_and_reports_without_stopping() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, nine) = builtin_protocol_sources()[0];
        let own = nine
            .replacen("id: \"balint-9-fasen\"", "id: \"onze-balint\"", 1)
            .replacen("\n    version: 1,", "\n    version: 2,", 1);
        std::fs::write(dir.path().join("own.ron"), own).expect("write");
        std::fs::write(dir.path().join("replaced.ron"), nine).expect("write");
        std::fs::write(dir.path().join("broken.ron"), "(format_version: 1, id: ").expect("write");
        std::fs::write(dir.path().join("binary.ron"), [0xff, 0xfe, 0x00]).expect("write");
        std::fs::write(dir.path().join("notes.txt"), "not a protocol").expect("write");

        let catalog = Catalog::load(Some(dir.path()));
        assert_eq!(catalog.entries.len(), builtin_protocol_sources().len() + 1);
        assert!(catalog.get("onze-balint").is_some());
        assert!(
            catalog
                .get("balint-9-fasen")
                .expect("replaced")
                .replaces_builtin
        );
        assert_eq!(catalog.problems.len(), 2, "{:?}", catalog.problems);
        assert!(
            catalog
                .problems
                .iter()
                .any(|p| p.file.ends_with("broken.ron"))
        );
        assert!(
            catalog
                .problems
                .iter()
                .any(|p| p.problem == ProtocolProblem::NotText)
        );
    }

    /// Issue 9, point 4: a protocol from a newer Kring with a tool this Kring does not know is
    /// listed as newer, not as a broken file.
    #[test]
    fn a_newer_protocol_is_listed_as_newer() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("toekomst.ron");
        let text = "(format_version: 3, id: \"toekomst\", phases: [(tools: [Hologram])])";
        std::fs::write(&path, text).expect("write");
        let catalog = Catalog::load(Some(dir.path()));
        assert_eq!(catalog.problems.len(), 1, "{:?}", catalog.problems);
        let problem = &catalog.problems[0];
        assert_eq!(
            problem.problem,
            ProtocolProblem::NewerFormat {
                found: 3,
                current: PROTOCOL_FORMAT_VERSION
            }
        );
        let words = problem.to_string();
        assert!(words.contains("newer Kring"), "{words}");
        assert!(words.contains("Update Kring"), "{words}");
        assert_eq!(std::fs::read_to_string(&path).expect("there"), text);
    }
}
