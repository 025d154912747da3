//! The sentences of members' phones (issue 13): the page a phone shows, in the meeting's
//! language, and the join card on the wall and the leader's screen. A table of its own beside
//! [`super::Strings`], made with the same macro, so the main tables stay readable; the same
//! tests walk it (see `tests` in `mod.rs`).

use super::{Plural, Text};

super::sentences! {
    struct PhoneStrings;
    /// Members take part from their own phones: the heading on the wall, the leader screen and the group tab.
    phones_title: Text,
    /// Under the QR code: scan it, or type the address below it.
    phones_scan: Text,
    /// Under the address: phones need the room's own network.
    phones_same_wifi: Text,
    /// Beside the leader's screen: take the card off the group screen; names its key (Q).
    phones_card_hide: Text,
    /// Beside the leader's screen: put the card back on the group screen; names its key (Q).
    phones_card_show: Text,
    /// Serving could not start. {error}: the system's reason.
    phones_failed: Text,
    /// The operating system gave no random numbers for the secret code.
    phones_no_random: Text,
    /// How many phones take part, on the leader screen. {count}
    phones_devices: Plural,
    /// The group tab's checkbox: start meetings of this group with phones on.
    phones_group_setting: Text,
    /// The phone page: the field for a problem's title.
    phone_problem_title: Text,
    /// The phone page: the field for one sentence about the problem (may stay empty).
    phone_problem_line: Text,
    /// The phone page: the button that adds a problem.
    phone_problem_send: Text,
    /// The phone page: the problem is on the list.
    phone_problem_sent: Text,
    /// The phone page: dots this phone can still give. {count}, {total}
    phone_dots_left: Plural,
    /// The phone page: every dot this phone has is given. {total}
    phone_dots_none: Text,
    /// The phone page: give a dot to this problem.
    phone_dot_give: Text,
    /// The phone page: take a dot back from this problem.
    phone_dot_take: Text,
    /// The phone page: the private scratchpad's heading.
    phone_scratch_title: Text,
    /// The phone page: what happens with the scratchpad's text.
    phone_scratch_hint: Text,
    /// The phone page: empty the scratchpad.
    phone_scratch_clear: Text,
    /// The phone page: the advice field.
    phone_advice_label: Text,
    /// The phone page: nobody sees advice before the reveal.
    phone_advice_hint: Text,
    /// The phone page: the button that hands in advice.
    phone_advice_send: Text,
    /// The phone page: advice was handed in; more is allowed.
    phone_advice_in: Text,
    /// The phone page: the heading over the revealed advice.
    phone_revealed: Text,
    /// The phone page: a phase without anything to do on the phone.
    phone_nothing: Text,
    /// The page a device gets when the meeting is not open (ended, phones off, or an old link).
    phone_closed_title: Text,
    /// Under that title: why, and what to do.
    phone_closed_text: Text,
    /// The phone page: the meeting has as many devices as it takes. {max}
    phone_full: Text,
    /// The phone page: too many requests; try again shortly.
    phone_too_fast: Text,
    /// The phone page: the leader's computer does not answer.
    phone_offline: Text,
    /// The phone page: the text is longer than the field takes.
    phone_too_long: Text,
    /// The phone page: a submission for a phase that has moved on.
    phone_not_now: Text,
}

/// The phones' sentences in Dutch.
pub const PHONES_NL: PhoneStrings = PhoneStrings {
    phones_title: "Meedoen met je telefoon",
    phones_scan: "Scan de code of typ het adres:",
    phones_same_wifi: "Alleen via de wifi van deze ruimte.",
    phones_card_hide: "Van het groepsscherm (Q)",
    phones_card_show: "Op het groepsscherm (Q)",
    phones_failed: "Kring kan de telefoons niet laten meedoen: {error}. Zonder telefoons werkt alles zoals altijd.",
    phones_no_random: "het systeem gaf geen willekeurige code",
    phones_devices: Plural {
        one: "{count} telefoon doet mee",
        other: "{count} telefoons doen mee",
    },
    phones_group_setting: "Leden doen mee met hun telefoon (via het netwerk van de ruimte; staat uit tot je het aanzet)",
    phone_problem_title: "Jouw probleem in een paar woorden",
    phone_problem_line: "In één zin (mag leeg blijven)",
    phone_problem_send: "Probleem toevoegen",
    phone_problem_sent: "Je probleem staat op de lijst.",
    phone_dots_left: Plural {
        one: "Je hebt nog {count} van je {total} stippen.",
        other: "Je hebt nog {count} van je {total} stippen.",
    },
    phone_dots_none: "Je hebt al je {total} stippen gegeven.",
    phone_dot_give: "Stip geven",
    phone_dot_take: "Stip terug",
    phone_scratch_title: "Je eigen kladblok",
    phone_scratch_hint: "Wat je hier schrijft, blijft in deze browser op je telefoon. Het gaat niet naar Kring, ook niet naar de gespreksleider.",
    phone_scratch_clear: "Kladblok leegmaken",
    phone_advice_label: "Jouw advies",
    phone_advice_hint: "Niemand ziet je advies voordat de gespreksleider alle adviezen tegelijk laat zien, zonder namen en in willekeurige volgorde.",
    phone_advice_send: "Advies insturen",
    phone_advice_in: "Je advies is binnen. Heb je nog een idee, stuur het gerust ook.",
    phone_revealed: "Alle adviezen",
    phone_nothing: "In deze fase hoef je op je telefoon niets te doen.",
    phone_closed_title: "Deze bijeenkomst is niet open",
    phone_closed_text: "De bijeenkomst is afgelopen, de gespreksleider heeft de telefoons uitgezet, of deze link hoort bij een eerdere bijeenkomst. Loopt de bijeenkomst nog? Scan dan de code op het groepsscherm opnieuw.",
    phone_full: "Er doen al {max} apparaten mee; meer kunnen er niet bij.",
    phone_too_fast: "Even rustig aan: probeer het over een paar seconden opnieuw.",
    phone_offline: "Geen verbinding met de computer van de gespreksleider. Kring probeert het steeds opnieuw.",
    phone_too_long: "Deze tekst is te lang; maak hem korter.",
    phone_not_now: "Dat kan nu niet meer: de bijeenkomst is verder gegaan.",
};

/// The phones' sentences in English.
pub const PHONES_EN: PhoneStrings = PhoneStrings {
    phones_title: "Take part from your phone",
    phones_scan: "Scan the code or type the address:",
    phones_same_wifi: "Only over this room's Wi-Fi.",
    phones_card_hide: "Off the group screen (Q)",
    phones_card_show: "On the group screen (Q)",
    phones_failed: "Kring cannot let phones take part: {error}. Without phones everything works as always.",
    phones_no_random: "the system gave no random code",
    phones_devices: Plural {
        one: "{count} phone takes part",
        other: "{count} phones take part",
    },
    phones_group_setting: "Members take part from their phones (over the room's network; off until you turn it on)",
    phone_problem_title: "Your problem in a few words",
    phone_problem_line: "In one sentence (may stay empty)",
    phone_problem_send: "Add problem",
    phone_problem_sent: "Your problem is on the list.",
    phone_dots_left: Plural {
        one: "You have {count} of your {total} dots left.",
        other: "You have {count} of your {total} dots left.",
    },
    phone_dots_none: "You have given all {total} of your dots.",
    phone_dot_give: "Give a dot",
    phone_dot_take: "Take a dot back",
    phone_scratch_title: "Your own scratchpad",
    phone_scratch_hint: "What you write here stays in this browser on your phone. It never goes to Kring, nor to the leader.",
    phone_scratch_clear: "Clear the scratchpad",
    phone_advice_label: "Your advice",
    phone_advice_hint: "Nobody sees your advice until the leader shows all advice at once, without names and in a random order.",
    phone_advice_send: "Hand in advice",
    phone_advice_in: "Your advice is in. If you have another idea, send that too.",
    phone_revealed: "All advice",
    phone_nothing: "There is nothing to do on your phone in this phase.",
    phone_closed_title: "This meeting is not open",
    phone_closed_text: "The meeting has ended, the leader turned phones off, or this link belongs to an earlier meeting. Is the meeting still going? Then scan the code on the group screen again.",
    phone_full: "{max} devices take part already; no more can join.",
    phone_too_fast: "Not so fast: try again in a few seconds.",
    phone_offline: "No connection with the leader's computer. Kring keeps trying.",
    phone_too_long: "This text is too long; make it shorter.",
    phone_not_now: "That is no longer possible: the meeting has moved on.",
};

/// The phones' sentences in German.
pub const PHONES_DE: PhoneStrings = PhoneStrings {
    phones_title: "Mit dem eigenen Telefon teilnehmen",
    phones_scan: "Scannen Sie den Code oder tippen Sie die Adresse ein:",
    phones_same_wifi: "Nur über das WLAN dieses Raums.",
    phones_card_hide: "Vom Gruppenbildschirm nehmen (Q)",
    phones_card_show: "Auf den Gruppenbildschirm (Q)",
    phones_failed: "Kring kann die Telefone nicht teilnehmen lassen: {error}. Ohne Telefone funktioniert alles wie immer.",
    phones_no_random: "das System lieferte keinen zufälligen Code",
    phones_devices: Plural {
        one: "{count} Telefon nimmt teil",
        other: "{count} Telefone nehmen teil",
    },
    phones_group_setting: "Mitglieder nehmen mit ihrem Telefon teil (über das Netz des Raums; aus, bis Sie es einschalten)",
    phone_problem_title: "Ihr Problem in wenigen Worten",
    phone_problem_line: "In einem Satz (darf leer bleiben)",
    phone_problem_send: "Problem hinzufügen",
    phone_problem_sent: "Ihr Problem steht auf der Liste.",
    phone_dots_left: Plural {
        one: "Sie haben noch {count} von Ihren {total} Punkten.",
        other: "Sie haben noch {count} von Ihren {total} Punkten.",
    },
    phone_dots_none: "Sie haben alle {total} Punkte vergeben.",
    phone_dot_give: "Punkt vergeben",
    phone_dot_take: "Punkt zurücknehmen",
    phone_scratch_title: "Ihr eigener Notizzettel",
    phone_scratch_hint: "Was Sie hier schreiben, bleibt in diesem Browser auf Ihrem Telefon. Es geht nicht an Kring und auch nicht an die Leitung.",
    phone_scratch_clear: "Notizzettel leeren",
    phone_advice_label: "Ihr Ratschlag",
    phone_advice_hint: "Niemand sieht Ihren Ratschlag, bevor die Leitung alle Ratschläge auf einmal aufdeckt, ohne Namen und in zufälliger Reihenfolge.",
    phone_advice_send: "Ratschlag abgeben",
    phone_advice_in: "Ihr Ratschlag ist angekommen. Haben Sie noch eine Idee, schicken Sie sie gern auch.",
    phone_revealed: "Alle Ratschläge",
    phone_nothing: "In dieser Phase gibt es auf Ihrem Telefon nichts zu tun.",
    phone_closed_title: "Diese Sitzung ist nicht geöffnet",
    phone_closed_text: "Die Sitzung ist zu Ende, die Leitung hat die Telefone ausgeschaltet, oder dieser Link gehört zu einer früheren Sitzung. Läuft die Sitzung noch? Dann scannen Sie den Code auf dem Gruppenbildschirm erneut.",
    phone_full: "Es nehmen schon {max} Geräte teil; mehr gehen nicht.",
    phone_too_fast: "Langsam bitte: versuchen Sie es in ein paar Sekunden noch einmal.",
    phone_offline: "Keine Verbindung zum Computer der Leitung. Kring versucht es immer wieder.",
    phone_too_long: "Dieser Text ist zu lang; kürzen Sie ihn bitte.",
    phone_not_now: "Das geht jetzt nicht mehr: die Sitzung ist weitergegangen.",
};
