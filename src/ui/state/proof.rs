//! Proof of attendance from the Groep tab (issue 14, point 5): the period, what to make
//! (sign-in sheets, a member's certificate, a leader's logbook) and the format, saved through
//! the export path (a file dialog, or `exports/` where none can open).

use super::env::{DialogResult, Env};
use super::group::GroupState;
use super::history::HistoryState;
use crate::export::{Proof, ProofFormat, ProofInput, find_person_or_say, proof};
use crate::i18n::fill;
use crate::model::MeetingRecord;
use crate::ui::save_dialog::SaveRequest;

/// What the proof is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProofKind {
    #[default]
    Sheets,
    Certificate,
    Logbook,
}

impl ProofKind {
    pub const ALL: [Self; 3] = [Self::Sheets, Self::Certificate, Self::Logbook];
}

/// The choices on the Groep tab.
#[derive(Clone, Debug, Default)]
pub struct ProofChoice {
    /// The period as typed, `YYYY-MM-DD`; filled with this year up to today when first shown.
    pub from: String,
    pub to: String,
    pub kind: ProofKind,
    /// The member or leader, for a certificate or a logbook.
    pub name: String,
    pub format: Option<ProofFormat>,
    /// Why the last proof could not be made, under the button.
    pub error: Option<String>,
}

impl GroupState {
    /// This year so far, when no period has been chosen yet.
    pub fn proof_defaults(&mut self, env: &Env) {
        if self.proof.from.is_empty() && self.proof.to.is_empty() {
            let today = jiff::Timestamp::from_millisecond(env.now_ms())
                .map(|t| t.to_zoned(env.tz.clone()).date())
                .unwrap_or_default();
            self.proof.from = today.first_of_year().strftime("%Y-%m-%d").to_string();
            self.proof.to = today.strftime("%Y-%m-%d").to_string();
        }
    }

    /// Makes the chosen proof and saves it where the leader picks; a problem (a date, an
    /// unknown name, no meetings) is said on the tab and nothing is saved.
    pub fn export_proof(&mut self, env: &Env, ctx: &egui::Context, history: &mut HistoryState) {
        self.proof.error = None;
        match self.make_proof(env, history) {
            Ok((text, name, format)) => {
                let request = SaveRequest {
                    file_name: name.clone(),
                    filter: (format.extension().into(), format.extension().into()),
                };
                env.spawn_save(ctx, request, move |choice| {
                    DialogResult::WriteText(text, name, choice)
                });
            }
            Err(error) => self.proof.error = Some(error),
        }
    }

    fn make_proof(
        &self,
        env: &Env,
        history: &mut HistoryState,
    ) -> Result<(String, String, ProofFormat), String> {
        let lang = env.lang();
        let w = env.strings().attendance;
        let choice = &self.proof;
        let from = crate::export::parse_day(lang, w.export_from, &choice.from)?;
        let to = crate::export::parse_day(lang, w.export_to, &choice.to)?;
        if from > to {
            return Err(fill(
                w.from_after_to,
                &[
                    ("from", &crate::i18n::format_date(lang, from)),
                    ("to", &crate::i18n::format_date(lang, to)),
                ],
            ));
        }
        let (first, last) = (
            from.strftime("%Y-%m-%d").to_string(),
            to.strftime("%Y-%m-%d").to_string(),
        );
        let history = history.ensure_loaded(env);
        // Only the meetings of the period are read in full.
        let records: Vec<MeetingRecord> = history
            .summaries()
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                let day = s.started_local.get(..10).unwrap_or("");
                first.as_str() <= day && day <= last.as_str()
            })
            .filter_map(|(index, _)| history.record(index).ok())
            .collect();
        let person = || find_person_or_say(lang, &self.settings, &records, &choice.name);
        let (what, slug) = match choice.kind {
            ProofKind::Sheets => (Proof::Sheets, "presentielijsten".to_owned()),
            ProofKind::Certificate => {
                let person = person()?;
                let slug = format!("deelname-{}", file_word(&person.name));
                (Proof::Certificate(person), slug)
            }
            ProofKind::Logbook => {
                let person = person()?;
                let slug = format!("logboek-{}", file_word(&person.name));
                (Proof::Logbook(person), slug)
            }
        };
        let format = choice.format.unwrap_or(ProofFormat::Html);
        let input = ProofInput {
            group: &self.settings,
            records: &records,
            from,
            to,
            lang,
        };
        let text = proof(&input, &what, format)?;
        let name = format!("{slug}-{first}-{last}.{}", format.extension());
        Ok((text, name, format))
    }
}

/// A name as part of a file name: letters and digits, the rest a dash.
fn file_word(name: &str) -> String {
    let word: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    word.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase()
}
