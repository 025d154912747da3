//! The sentences of attendance proof (issue 14): sign-in sheets, certificates, the leader's
//! logbook, `kring attendance` and the screens that make them. A list of its own, so that
//! the main one stays readable; [`super::Strings::attendance`] holds it, so a language
//! without it does not compile, and the test that walks every sentence walks these too.

mod de;
mod en;
mod nl;

pub use de::DE_ATTENDANCE;
pub use en::EN_ATTENDANCE;
pub use nl::NL_ATTENDANCE;

use super::{Plural, Sentence, Text};

super::sentences! {
    struct AttendanceStrings;
    // The pages
    sheet_title: Text,
    certificate_title: Text,
    logbook_title: Text,
    group: Text,
    period: Text,
    /// {from} {to}: dates written out
    period_value: Text,
    date: Text,
    start: Text,
    end: Text,
    hours: Text,
    minutes: Text,
    protocol: Text,
    leader: Text,
    co_leader: Text,
    leaders: Text,
    name: Text,
    role: Text,
    signature: Text,
    note: Text,
    present_count: Text,
    case_by: Text,
    total: Text,
    participant: Text,
    /// {minutes}
    came_late: Text,
    /// {minutes}
    left_early: Text,
    /// The group's agreement on a sign-in sheet and a certificate.
    agreement: Text,
    agreement_signed: Text,
    meets: Text,
    meeting_length: Text,
    /// {minutes}
    meeting_length_value: Plural,
    registration: Text,
    leader_signs: Text,
    place_date: Text,
    /// {name} {count} {group} {hours}
    certificate_intro: Plural,
    /// {name} {count} {hours}
    logbook_intro: Plural,
    made_by: Text,
    role_member: Text,
    role_inbrenger: Text,
    role_leader: Text,
    role_co_leader: Text,
    nobody: Text,
    // Bad input, on the command line and on the Groep tab
    /// {option} {value} {example}
    bad_date: Text,
    /// {from} {to}
    from_after_to: Text,
    /// {name} {group}
    unknown_member: Text,
    /// {names}: near names
    did_you_mean: Text,
    /// {names}: the roster
    members_are: Text,
    /// {group} {from} {to}
    empty_period: Text,
    /// {name} {group} {from} {to}
    empty_for_member: Text,
    /// {name} {group} {from} {to}
    empty_for_leader: Text,
    /// {group} {path} {names}
    no_such_group: Text,
    /// {path}
    cannot_write: Text,
    /// {path}
    wrote: Text,
    member_and_leader: Text,
    // Correcting a meeting's attendance in the history
    correct: Text,
    correct_title: Text,
    start_time: Text,
    end_time: Text,
    late_label: Text,
    early_label: Text,
    /// {field}
    bad_time: Text,
    corrected: Text,
    // Choosing the leader during the meeting
    choose_leader: Text,
    choose_co_leader: Text,
    // The Groep tab's export
    export_title: Text,
    export_from: Text,
    export_to: Text,
    export_what: Text,
    what_sheets: Text,
    what_certificate: Text,
    what_logbook: Text,
    export_format: Text,
    export_button: Text,
}

impl Sentence for &'static AttendanceStrings {
    fn forms(&self) -> Vec<Text> {
        self.all()
            .into_iter()
            .flat_map(|(_, forms)| forms)
            .collect()
    }
}
