//! `kring attendance`: proof of attendance over a period, from a group's meeting records. Only
//! reads the group folder; writes to standard output or to the `--out` file.

use std::io::Write;
use std::path::PathBuf;

use crate::export::{Proof, ProofFormat, ProofInput, find_person_or_say, parse_day, proof};
use crate::i18n::{fill, format_date, strings};
use crate::model::{GroupSettings, Lang, MeetingRecord, name_key};
use crate::store::{DEFAULT_GROUP, DataDir, list_groups, list_records, load_record};

/// What `kring attendance` was asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttendanceArgs {
    pub data_dir: Option<PathBuf>,
    /// The group's folder name or its name; without it the only group, or the default one.
    pub group: Option<String>,
    /// The dates as typed: checked when the language of the messages is known.
    pub from: String,
    pub to: String,
    pub member: Option<String>,
    pub leader: Option<String>,
    pub format: ProofFormat,
    /// `--lang`; without it, the language of Kring's settings (see `check_lang`).
    pub lang: Option<Lang>,
    /// Where to write; standard output when `None`.
    pub out: Option<PathBuf>,
}

/// Runs `kring attendance`. The error is a sentence in the user's language: what is wrong
/// and what to do.
pub fn attendance(args: &AttendanceArgs, out: &mut dyn Write) -> Result<(), String> {
    let lang = super::check_lang(args.lang, args.data_dir.clone());
    let w = strings(lang).attendance;
    let from = parse_day(lang, "--from", &args.from)?;
    let to = parse_day(lang, "--to", &args.to)?;
    if from > to {
        return Err(fill(
            w.from_after_to,
            &[
                ("from", &format_date(lang, from)),
                ("to", &format_date(lang, to)),
            ],
        ));
    }
    if args.member.is_some() && args.leader.is_some() {
        return Err(w.member_and_leader.to_owned());
    }
    let data = DataDir::resolve(args.data_dir.clone())
        .map_err(|err| crate::i18n::data_dir_error(lang, &err))?;
    let (id, group) = choose_group(&data, args.group.as_deref(), lang)?;
    let records: Vec<MeetingRecord> = list_records(&data.meetings_dir(&id))
        .iter()
        .filter_map(|path| match load_record(path) {
            Ok(record) => Some(record),
            Err(err) => {
                log::warn!("left out of the attendance: {err}");
                None
            }
        })
        .collect();
    let person = |name: &str| find_person_or_say(lang, &group, &records, name);
    let what = match (&args.member, &args.leader) {
        (Some(name), _) => Proof::Certificate(person(name)?),
        (None, Some(name)) => Proof::Logbook(person(name)?),
        (None, None) => Proof::Sheets,
    };
    let input = ProofInput {
        group: &group,
        records: &records,
        from,
        to,
        lang,
    };
    let text = proof(&input, &what, args.format)?;
    let Some(target) = &args.out else {
        return out
            .write_all(text.as_bytes())
            .map_err(|err| format!("{} ({err})", fill(w.cannot_write, &[("path", &"stdout")])));
    };
    let cannot_write = || fill(w.cannot_write, &[("path", &target.display())]);
    // Never over a Kring file.
    if target.extension().is_some_and(|e| e == "ron") {
        return Err(cannot_write());
    }
    crate::store::write_atomic(target, text.as_bytes())
        .map_err(|err| format!("{} ({err})", cannot_write()))?;
    writeln!(out, "{}", fill(w.wrote, &[("path", &target.display())])).ok();
    Ok(())
}

/// The group asked for (by folder name or by name); without one, the only group there is,
/// or the default group.
fn choose_group(
    data: &DataDir,
    asked: Option<&str>,
    lang: Lang,
) -> Result<(String, GroupSettings), String> {
    let list = list_groups(data);
    let found = match asked {
        Some(asked) => list
            .groups
            .iter()
            .find(|(id, g)| id == asked || name_key(&g.name) == name_key(asked)),
        None if list.groups.len() == 1 => list.groups.first(),
        None => list.groups.iter().find(|(id, _)| id == DEFAULT_GROUP),
    };
    found.cloned().ok_or_else(|| {
        let names: Vec<String> = list
            .groups
            .iter()
            .map(|(id, g)| format!("{} ({id})", g.name))
            .collect();
        fill(
            strings(lang).attendance.no_such_group,
            &[
                ("group", &asked.unwrap_or(DEFAULT_GROUP)),
                ("path", &data.root().join("groups").display()),
                ("names", &names.join(", ")),
            ],
        )
    })
}
