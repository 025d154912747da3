//! [`Protocol::validate`]: the rules the method and the app depend on, each broken one a
//! [`ProtocolProblem`] at the line and column of the field.

use super::{
    Locator, MAX_PHASE_MINUTES, MinutesField, PROTOCOL_FORMAT_VERSION, PhaseRef, Protocol,
    ProtocolIssue, ProtocolProblem, RangeField, Text,
};

impl Protocol {
    /// Checks the rules the method and the app depend on. `source` is the file's text, used
    /// only to point at the line and column of each problem.
    pub fn validate(&self, file: &str, source: &str) -> Vec<ProtocolIssue> {
        use ProtocolProblem as P;
        let locator = Locator::new(source);
        let mut issues = Vec::new();
        let mut push = |pos: (usize, usize), problem: ProtocolProblem| {
            issues.push(ProtocolIssue::new(file, pos, problem));
        };

        if self.format_version != PROTOCOL_FORMAT_VERSION {
            push(
                locator.field(None, "format_version"),
                P::FormatVersion {
                    found: self.format_version,
                    current: PROTOCOL_FORMAT_VERSION,
                },
            );
        }
        if !is_valid_id(&self.id) {
            push(
                locator.field(None, "id"),
                P::BadId {
                    id: self.id.clone(),
                },
            );
        }
        if self.name.is_blank() {
            push(locator.field(None, "name"), P::MissingName);
        }
        for (range, field) in [
            (self.group_size, RangeField::GroupSize),
            (self.total_minutes, RangeField::TotalMinutes),
        ] {
            if range.min < 1 || range.max < range.min {
                push(
                    locator.field(None, field.name()),
                    P::BadRange {
                        field,
                        min: range.min,
                        max: range.max,
                    },
                );
            }
        }
        if self.phases.is_empty() {
            push(locator.field(None, "phases"), P::NoPhases);
        }

        let mut seen_ids: Vec<&str> = Vec::new();
        for (index, phase) in self.phases.iter().enumerate() {
            let here = |field: &str| locator.field(Some(index), field);
            let at = || PhaseRef {
                number: index + 1,
                title: phase.title.clone(),
            };
            if !is_valid_id(&phase.id) {
                push(
                    here("id"),
                    P::BadPhaseId {
                        phase: at(),
                        id: phase.id.clone(),
                    },
                );
            } else if seen_ids.contains(&phase.id.as_str()) {
                push(
                    here("id"),
                    P::DuplicatePhaseId {
                        phase: at(),
                        id: phase.id.clone(),
                    },
                );
            }
            seen_ids.push(&phase.id);
            if phase.title.is_blank() {
                push(here("title"), P::EmptyPhaseTitle { phase: at() });
            }
            for (field, value, least) in [
                (MinutesField::Planned, phase.planned_minutes, 1),
                (MinutesField::Prepare, phase.prepare_minutes, 0),
            ] {
                if value < least || value > MAX_PHASE_MINUTES {
                    push(
                        here(field.name()),
                        P::MinutesOutOfRange {
                            phase: at(),
                            field,
                            value,
                        },
                    );
                }
            }
            if phase.rules.iter().any(Text::is_blank) {
                push(here("rules"), P::EmptyRule { phase: at() });
            }
            let mut variant_ids: Vec<&str> = Vec::new();
            for variant in &phase.variants {
                if variant_ids.contains(&variant.id.as_str()) {
                    push(
                        here("variants"),
                        P::DuplicateVariantId {
                            phase: at(),
                            id: variant.id.clone(),
                        },
                    );
                } else if variant.title.is_blank() {
                    push(
                        here("variants"),
                        P::EmptyVariantTitle {
                            phase: at(),
                            id: variant.id.clone(),
                        },
                    );
                }
                variant_ids.push(&variant.id);
            }
        }
        issues
    }
}

impl Protocol {
    /// What `kring check` warns about in a protocol that loads: texts without German (one
    /// warning for the file, at the first such text, with how many there are).
    pub fn warnings(&self, file: &str, source: &str) -> Vec<ProtocolIssue> {
        let mut texts: Vec<(Option<usize>, &'static str, &Text)> = vec![
            (None, "name", &self.name),
            (None, "description", &self.description),
            (None, "introduction", &self.introduction),
        ];
        for (index, phase) in self.phases.iter().enumerate() {
            let at = Some(index);
            let i = &phase.instructions;
            texts.extend([
                (at, "title", &phase.title),
                (at, "purpose", &phase.purpose),
                (at, "leader", &i.leader),
                (at, "inbrenger", &i.inbrenger),
                (at, "members", &i.members),
            ]);
            texts.extend(phase.rules.iter().map(|rule| (at, "rules", rule)));
            texts.extend(phase.guard.iter().map(|guard| (at, "guard", guard)));
            for variant in &phase.variants {
                texts.push((at, "variants", &variant.title));
                texts.push((at, "variants", &variant.description));
            }
        }
        // An empty text (an optional description left blank) needs no German either.
        let needs: Vec<_> = texts
            .into_iter()
            .filter(|(_, _, text)| !text.nl.trim().is_empty() || !text.en.trim().is_empty())
            .collect();
        let missing: Vec<_> = needs
            .iter()
            .filter(|(_, _, text)| text.lacks_de())
            .collect();
        let Some((phase, field, _)) = missing.first() else {
            return Vec::new();
        };
        let locator = Locator::new(source);
        let problem = ProtocolProblem::NoGerman {
            count: missing.len(),
            total: needs.len(),
            field: (*field).to_owned(),
            phase: phase.map(|index| PhaseRef {
                number: index + 1,
                title: self.phases[index].title.clone(),
            }),
        };
        vec![ProtocolIssue::new(
            file,
            locator.field(*phase, field),
            problem,
        )]
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
