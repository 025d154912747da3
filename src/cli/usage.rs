//! The help texts: the overview (`kring --help`) and each command's.

pub const USAGE: &str = "\
Kring: guides an intervision group through a Balint meeting.

Usage:
  kring [--data-dir DIR]     start the app (data in DIR, $KRING_DATA_DIR, or your data folder)
  kring check [--data-dir DIR] [--lang nl|en|de] FILE...
                             check protocol files; one line per problem, exit 1 if any
  kring export [--data-dir DIR] MEETING_FILE --format md|html [--lang nl|en|de] [--out FILE]
                             a meeting as Markdown or a printable HTML page (stdout
                             without --out); MEETING_FILE is a path, or a file name in
                             the default group's meetings folder
  kring demo-data --data-dir DIR [--meetings N] [--group NAME] [--seed S]
                             write an example group with N meetings (default 40) into
                             DIR, for trying Kring out; same seed, same group
  kring bench [--quick]      measure this build (start-up, CPU, memory, frame times, history,
                             saving) against its budgets; see BENCHMARKS.md
  kring COMMAND --help       a command's options (also: kring help COMMAND)
  kring --help               this text
  kring --version            the version

Options:
  --data-dir DIR             the data folder (for the app, export and demo-data)
  -h, --help                 this text
  -V, --version              the version
";

/// `kring check --help`.
pub const CHECK_USAGE: &str = "\
Usage: kring check [--data-dir DIR] [--lang nl|en|de] FILE...

Checks protocol files as Kring would load them. Prints one line per problem,
FILE:LINE:COLUMN: what to change, or one \"ok\" line per good file. A good file whose texts
lack German (`de`) gets a warning line after its \"ok\": Kring shows English there. Exit
status 1 when any file has a problem; warnings alone leave it 0.

Options:
  --lang nl|en|de            the language of the messages (default: the language chosen in
                             Kring's settings in the data folder, or Dutch when there are none)
  --data-dir DIR             the data folder whose settings give the default language
                             (default: $KRING_DATA_DIR, or your data folder); only read
  -h, --help                 this text
";

/// `kring export --help`.
pub const EXPORT_USAGE: &str = "\
Usage: kring export [--data-dir DIR] MEETING_FILE --format md|html [--lang nl|en|de] [--out FILE]

Writes one meeting as Markdown or as a printable HTML page (A4, no outside files). Everything
typed into the meeting is escaped: it shows as typed, never as markup. MEETING_FILE is a path,
or the name of a file in the default group's meetings folder (then in the other groups').

Options:
  --data-dir DIR             the data folder to look for MEETING_FILE in (default:
                             $KRING_DATA_DIR, or your data folder)
  --format md|html           Markdown or HTML; may be left out when --out ends in .md or .html
  --lang nl|en|de            the language of headings and labels (default: nl)
  --out FILE                 write to FILE instead of standard output (never over a .ron file)
  -h, --help                 this text
";

/// `kring demo-data --help`.
pub const DEMO_USAGE: &str = "\
Usage: kring demo-data --data-dir DIR [--meetings N] [--group NAME] [--seed S]

Writes an example group with made-up meetings into DIR, for trying Kring out or testing its
history with real amounts of data. Refuses a group folder that already has files.

Options:
  --data-dir DIR             where to write (required, so that example meetings never mix
                             with a group's real ones)
  --meetings N               how many meetings, 1 to 1000000 (default: 40)
  --group NAME               the group's name (default: Mijn groep)
  --seed S                   a whole number; the same seed gives the same files (default: 1957)
  -h, --help                 this text
";
