//! `kring check`: protocol files checked as Kring would load them, one line per problem in
//! the user's language.

use std::io::Write;
use std::path::PathBuf;

use crate::model::Protocol;

/// The language `kring check` writes in: `--lang` when given; else the language chosen in the
/// settings of the data folder (`--data-dir`, `$KRING_DATA_DIR`, or the user's own), when it
/// has a readable settings file; else Dutch. The settings file is only read, never moved or
/// changed.
pub fn check_lang(
    lang: Option<crate::model::Lang>,
    data_dir: Option<PathBuf>,
) -> crate::model::Lang {
    lang.or_else(|| {
        let data = crate::store::DataDir::resolve(data_dir).ok()?;
        crate::store::settings_language(&data.settings_file())
    })
    .unwrap_or(crate::model::Lang::Nl)
}

/// Checks protocol files and writes one line per problem (or one "ok" line per good file,
/// then its warnings: texts without German) to `out`, in `lang`. Returns whether every file
/// was good; warnings do not count against it.
pub fn check(files: &[PathBuf], lang: crate::model::Lang, out: &mut dyn Write) -> bool {
    use crate::model::{ProtocolIssue, ProtocolProblem};
    let mut all_good = true;
    for file in files {
        let name = file.display().to_string();
        let whole_file = |problem| vec![ProtocolIssue::new(&name, (1, 1), problem)];
        let result = match std::fs::read(file) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Protocol::from_ron(&name, &text)
                    .map(|protocol| (protocol.warnings(&name, &text), protocol)),
                Err(_) => Err(whole_file(ProtocolProblem::NotText)),
            },
            Err(err) => Err(whole_file(ProtocolProblem::Unreadable {
                os: err.to_string(),
            })),
        };
        match result {
            Ok((warnings, protocol)) => {
                let ok = crate::i18n::fill(
                    crate::i18n::strings(lang).check_ok.get(protocol.parts),
                    &[
                        ("file", &name),
                        ("id", &protocol.id),
                        ("phases", &protocol.phases.len()),
                        ("minutes", &protocol.planned_minutes()),
                    ],
                );
                writeln!(out, "{ok}").ok();
                for warning in warnings {
                    writeln!(out, "{}", crate::i18n::protocol_issue(lang, &warning)).ok();
                }
            }
            Err(issues) => {
                all_good = false;
                for issue in issues {
                    writeln!(out, "{}", crate::i18n::protocol_issue(lang, &issue)).ok();
                }
            }
        }
    }
    all_good
}
