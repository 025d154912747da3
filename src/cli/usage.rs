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
  kring attendance [--data-dir DIR] [--group G] --from YYYY-MM-DD --to YYYY-MM-DD
                 [--member NAME | --leader NAME] --format csv|html|md [--lang nl|en|de] [--out FILE]
                             proof of attendance over a period: sign-in sheets of every
                             meeting, a member's certificate, or a leader's logbook
  kring demo-data --data-dir DIR [--meetings N] [--group NAME] [--seed S]
                             write an example group with N meetings (default 40) into
                             DIR, for trying Kring out; same seed, same group
  kring bench [--quick]      measure this build (start-up, CPU, memory, frame times, history,
                             saving) against its budgets; see BENCHMARKS.md
  kring COMMAND --help       a command's options (also: kring help COMMAND)
  kring --help               this text
  kring --version            the version

Options:
  --data-dir DIR             the data folder (for the app, export, attendance and demo-data)
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

/// `kring attendance --help`.
pub const ATTENDANCE_USAGE: &str = "\
Usage: kring attendance [--data-dir DIR] [--group G] --from YYYY-MM-DD --to YYYY-MM-DD
                        [--member NAME | --leader NAME] --format csv|html|md
                        [--lang nl|en|de] [--out FILE]

Proof of attendance from a group's meeting records, for registers and training bodies, over
the meetings that started from --from to --to (both days included):

  without --member or --leader   the sign-in sheets: one page per meeting (group, date, start
                                 and end, method, leaders, each person present with room to
                                 sign, the group agreement); as CSV one row per person per
                                 meeting
  --member NAME                  a certificate of attendance: the meetings NAME was at, with
                                 hours and role (member, inbrenger, leader, co-leader), the
                                 total, and lines for the leader's signature and
                                 registration number
  --leader NAME                  the leader's logbook: the meetings NAME led or co-led, with
                                 hours, method, how many were present and whose case it was

HTML prints on A4 (a table's head repeats on every page; no row is split). CSV is UTF-8 with
a byte-order mark; the separator is ; in Dutch (with a decimal comma) and , in English;
dates are YYYY-MM-DD, minutes whole numbers, hours with two decimals; one row per meeting and
no total row. A NAME is matched whatever its case and spacing; an unknown one gets the names
closest to it. Only reads the group folder. Exit status 1 with a message when a date is
wrong, the period is back to front, the name is unknown or the period has no meetings.

Options:
  --data-dir DIR             the data folder (default: $KRING_DATA_DIR, or your data folder)
  --group G                  the group's folder name or its name (default: the only group,
                             or the default one)
  --from YYYY-MM-DD          the first day of the period
  --to YYYY-MM-DD            the last day of the period
  --member NAME              a certificate for this member
  --leader NAME              the logbook of this leader
  --format csv|html|md       may be left out when --out ends in .csv, .html or .md
  --lang nl|en|de            the language of the pages and messages (default: the language
                             chosen in Kring's settings, or Dutch)
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
