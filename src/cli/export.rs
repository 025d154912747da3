//! `kring export`: one meeting record as Markdown or HTML, found by path or by name in the
//! groups' meetings folders, never written over a Kring file.

use std::io::Write;
use std::path::PathBuf;

use super::ExportArgs;

/// Runs `kring export`: writes the meeting to `out` (or to the `--out` file, and then a line
/// saying so to `out`). The error says what went wrong, where, and what to do.
pub fn export(args: &ExportArgs, out: &mut dyn Write) -> Result<(), String> {
    let path = find_meeting_file(args)?;
    let record = crate::store::load_record(&path)
        .map_err(|err| format!("{err} Nothing was exported; the file is left as it is."))?;
    let text = args.format.render(&record, args.lang);
    let Some(target) = &args.out else {
        return out
            .write_all(text.as_bytes())
            .map_err(|err| format!("the export could not be written to standard output ({err})."));
    };
    // Never write an export over a meeting record (or any other Kring file).
    let same_file = std::fs::canonicalize(target)
        .ok()
        .zip(std::fs::canonicalize(&path).ok())
        .is_some_and(|(a, b)| a == b);
    if same_file || (target.is_file() && target.extension().is_some_and(|e| e == "ron")) {
        return Err(format!(
            "{}: --out would overwrite a Kring file; choose a new file name, e.g. verslag.{}",
            target.display(),
            args.format.extension()
        ));
    }
    crate::store::write_atomic(target, text.as_bytes()).map_err(|err| {
        format!(
            "{}: the export could not be written ({err}); check that the folder exists and \
             that you may write there.",
            target.display()
        )
    })?;
    writeln!(out, "Wrote {}", target.display()).ok();
    Ok(())
}

/// The meeting file: the path as given, or a file name in the default group's meetings
/// folder (then in the other groups' folders, when exactly one has it).
fn find_meeting_file(args: &ExportArgs) -> Result<PathBuf, String> {
    use crate::store::{DEFAULT_GROUP, DataDir, list_groups};
    let given = &args.meeting;
    if given.is_file() {
        return Ok(given.clone());
    }
    let bare = given
        .parent()
        .is_none_or(|parent| parent.as_os_str().is_empty());
    if !bare {
        return Err(format!(
            "{}: there is no such meeting file; check the path.",
            given.display()
        ));
    }
    let data = DataDir::resolve(args.data_dir.clone()).map_err(|err| err.to_string())?;
    let mut names = vec![given.clone()];
    if given.extension().is_none() {
        names.push(given.with_extension("ron"));
    }
    let default_dir = data.meetings_dir(DEFAULT_GROUP);
    for name in &names {
        let candidate = default_dir.join(name);
        if candidate.is_file() {
            return Ok(candidate);
        }
    }
    let found: Vec<PathBuf> = list_groups(&data)
        .groups
        .iter()
        .flat_map(|(id, _)| {
            let dir = data.meetings_dir(id);
            names.iter().map(move |n| dir.join(n))
        })
        .filter(|p| p.is_file())
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!(
            "{}: there is no such meeting file, and no file of that name in {}; give the path \
             of a meeting file, or the name of one in that folder.",
            given.display(),
            default_dir.display()
        )),
        several => Err(format!(
            "{}: several groups have a meeting file of that name ({}); give its full path.",
            given.display(),
            several
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}
