//! What a member relies on while typing a case: each detector finds what it should and stays
//! quiet on ordinary text; replacing findings leaves nothing identifying behind.

use super::*;
use crate::model::Lang;

/// The texts of the findings of `kind` in `text`.
fn found(text: &str, kind: FindingKind) -> Vec<String> {
    scan(text)
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.text)
        .collect()
}

/// Each text yields exactly the listed findings of `kind`; each negative yields none.
fn check(kind: FindingKind, positives: &[(&str, &[&str])], negatives: &[&str]) {
    for (text, expected) in positives {
        assert_eq!(
            found(text, kind),
            expected.to_vec(),
            "{kind:?} in {text:?}; all findings: {:?}",
            scan(text)
        );
    }
    for text in negatives {
        assert_eq!(
            found(text, kind),
            Vec::<String>::new(),
            "no {kind:?} expected in {text:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Elfproef

#[test]
fn elfproef_accepts_valid_numbers() {
    // 1·9 + 1·8 + 1·7 + 2·6 + 2·5 + 2·4 + 3·3 + 3·2 − 3 = 66 = 6·11
    assert!(bsn_elfproef("111222333"));
    // 9 + 16 + 21 + 24 + 25 + 24 + 21 + 16 − 2 = 154 = 14·11
    assert!(bsn_elfproef("123456782"));
    // 9·(9+8+7+6+5+4+3+2) − 0 = 396 = 36·11
    assert!(bsn_elfproef("999999990"));
    // Eight digits get a leading zero: 012345672 gives 0 + 8 + 14 + 18 + 20 + 20 + 18 + 14 − 2 = 110.
    assert!(bsn_elfproef("012345672"));
    assert!(bsn_elfproef("12345672"));
}

#[test]
fn elfproef_rejects_invalid_numbers() {
    // 9 + 16 + 21 + 24 + 25 + 24 + 21 + 16 − 9 = 147 = 13·11 + 4
    assert!(!bsn_elfproef("123456789"));
    // The sum 0 is divisible by 11, but all zeros is no number.
    assert!(!bsn_elfproef("000000000"));
    assert!(!bsn_elfproef("00000000"));
    // 012345678: 8 + 14 + 18 + 20 + 20 + 18 + 14 − 8 = 104 = 9·11 + 5
    assert!(!bsn_elfproef("12345678"));
    // Wrong lengths and characters.
    assert!(!bsn_elfproef(""));
    assert!(!bsn_elfproef("1234567"));
    assert!(!bsn_elfproef("1234567820"));
    assert!(!bsn_elfproef("12345678a"));
    assert!(!bsn_elfproef("123.456.782"));
    assert!(!bsn_elfproef("-12345678"));
}

#[test]
fn elfproef_catches_every_single_digit_typo() {
    // What the weights are for: changing any one digit of a valid number breaks it.
    let valid = "123456782";
    for pos in 0..9 {
        for digit in b'0'..=b'9' {
            let mut bytes = valid.as_bytes().to_vec();
            if bytes[pos] == digit {
                continue;
            }
            bytes[pos] = digit;
            let typo = String::from_utf8(bytes).expect("ascii");
            assert!(!bsn_elfproef(&typo), "{typo} should fail");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Person names

#[test]
fn names_found() {
    check(
        FindingKind::PersonName,
        &[
            (
                "Vandaag sprak ik met Jan de Vries over haar zorgen.",
                &["Jan de Vries"],
            ),
            ("Ik sprak met Jan en Piet.", &["Jan", "Piet"]),
            ("Gisteren belde mevr. Jansen weer.", &["Jansen"]),
            (
                "Het gesprek met J. de Vries verliep rustig.",
                &["J. de Vries"],
            ),
            (
                "Het gesprek met mevrouw De Vries verliep rustig.",
                &["De Vries"],
            ),
            (
                "Haar zoon Jan-Willem van der Berg belde.",
                &["Jan-Willem van der Berg"],
            ),
            ("Ik sprak met Anne 't Hart.", &["Anne 't Hart"]),
            ("Ik zag Özlem gisteren.", &["Özlem"]),
            // Two name words at a sentence start are a name.
            ("Jan de Vries kwam binnen.", &["Jan de Vries"]),
            ("Jan Jansen kwam binnen.", &["Jan Jansen"]),
            // A sentence-start word counts once it also appears mid-sentence.
            (
                "Marieke kwam binnen. Later belde Marieke opnieuw.",
                &["Marieke", "Marieke"],
            ),
            // After "Naam:" a word is meant as a name.
            ("Naam: Marieke", &["Marieke"]),
            ("Toen Jan binnenkwam, was ze stil.", &["Jan"]),
            ("Yesterday I met John Smith at the clinic.", &["John Smith"]),
            ("I had a call from John.", &["John"]),
        ],
        &[],
    );
}

#[test]
fn ordinary_capitals_are_not_names() {
    for text in [
        "In maart zagen we de cliënt.",
        "De huisarts belde.",
        "De Huisarts belde over de Cliënt en de GGZ.",
        "Op Maandag 3 Juni besprak de Kring de casus volgens Balint.",
        "Ze werkt bij een GGZ-instelling en krijgt Wmo via de Jeugdzorg.",
        "Het UWV, de POH en Veilig Thuis waren betrokken.",
        "Vorige week belde ze. Daarna hoorde ik niets meer.",
        "On Monday the Client called the GP.",
        // A place on its own is not reported.
        "Hij woont in Arnhem.",
        // The placeholder itself.
        "Toen kwam cliënt A binnen, en later cliënt B.",
    ] {
        assert_eq!(scan(text), Vec::new(), "nothing expected in {text:?}");
    }
}

#[test]
fn lone_sentence_start_name_is_not_found() {
    // Decision: a capital at a sentence start says nothing, and flagging every unknown first
    // word would bury real findings in noise. A first name that opens a sentence and never
    // recurs mid-sentence is therefore missed (documented in `names`).
    assert_eq!(
        found("Marieke kwam binnen.", FindingKind::PersonName),
        Vec::<String>::new()
    );
    // ... but found as soon as it recurs mid-sentence.
    assert_eq!(
        found(
            "Marieke kwam binnen. Ik vroeg Marieke te gaan zitten.",
            FindingKind::PersonName
        ),
        vec!["Marieke", "Marieke"]
    );
}

// ---------------------------------------------------------------------------------------------
// Dates of birth

#[test]
fn dates_found() {
    check(
        FindingKind::DateOfBirth,
        &[
            ("Zij is geboren op 12-03-1985 in Zwolle.", &["12-03-1985"]),
            ("Cliënt, geb. 12/3/85, woont alleen.", &["12/3/85"]),
            ("Hij is geboren op 3 maart 1985.", &["3 maart 1985"]),
            ("She was born on 12 March 1985.", &["12 March 1985"]),
            ("Born on March 12, 1985.", &["March 12, 1985"]),
            (
                "She was born on the 12th of March 1990.",
                &["12th of March 1990"],
            ),
            ("Geboortedatum: 1985-03-12", &["1985-03-12"]),
            ("geb. 3 mrt. '85", &["3 mrt. '85"]),
            // With a birth cue a partial date counts.
            ("Ze is geboren in 1985.", &["1985"]),
            ("Hij is jarig op 3 maart.", &["3 maart"]),
            ("Zij is geboren in maart 1985.", &["maart 1985"]),
            // Without a cue: a full date with a year from 1900 to 2025.
            ("Op 14-02-2024 werd hij opgenomen.", &["14-02-2024"]),
            ("Sinds 29.02.2000 woont ze hier.", &["29.02.2000"]),
            ("Opname 12/25/1985.", &["12/25/1985"]),
        ],
        &[
            "In maart zagen we de cliënt.",
            "In 2019 begon de behandeling.",
            "De volgende intervisie is op 12-03-2030.",
            "We spraken elkaar op 3 maart.",
            "In maart 2019 begon ze.",
            "Het gesprek begon om 12.30 uur.",
            "Op 31-02-1985 kan niet.",
            "Op 29-02-2001 kan ook niet.",
            "Code 13-13-1985.",
            "Ze is geboren in Arnhem.",
            "Bel 06-12-34-56-78.",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Age with place

#[test]
fn ages_with_places_found() {
    check(
        FindingKind::AgeWithPlace,
        &[
            (
                "Het gaat om een 78-jarige vrouw uit Arnhem.",
                &["78-jarige vrouw uit Arnhem"],
            ),
            ("Een man van 45 uit Zwolle belde.", &["van 45 uit Zwolle"]),
            (
                "Hij is 45 jaar, woont in Ede en werkt parttime.",
                &["45 jaar, woont in Ede"],
            ),
            (
                "It concerns a 52-year-old from Leeds.",
                &["52-year-old from Leeds"],
            ),
            (
                "A woman aged 52 years old, living in York.",
                &["aged 52 years old, living in York"],
            ),
            (
                "She is 52 years old and lives in York.",
                &["52 years old and lives in York"],
            ),
            ("Een cliënt van 8 jaar uit Ede.", &["van 8 jaar uit Ede"]),
            (
                "Leeftijd van 45 jr., wonend te Ede.",
                &["Leeftijd van 45 jr., wonend te Ede"],
            ),
            ("Jan (45) uit Zwolle belde.", &["(45) uit Zwolle"]),
            (
                "In Den Haag woont een vrouw van 80 jaar oud.",
                &["Den Haag woont een vrouw van 80 jaar oud"],
            ),
            (
                "Leeftijd: 45, woonplaats: Arnhem",
                &["Leeftijd: 45, woonplaats: Arnhem"],
            ),
            (
                "Een 16-jarig meisje verhuisde naar Zwolle.",
                &["16-jarig meisje verhuisde naar Zwolle"],
            ),
        ],
        &[
            "Een 78-jarige vrouw belde.",
            "Ze woont in Arnhem.",
            "Ze werkt al 10 jaar in Utrecht.",
            "Na 3 jaar in Zwolle stopte ze.",
            "Ze verhuisde 10 jaar geleden naar Arnhem.",
            "Hij is 45 jaar. Hij woont in Ede.",
            "De groep van 12 in Amersfoort kwam bijeen.",
            "In 2019 werkte ze in Arnhem.",
        ],
    );
}

#[test]
fn age_with_place_hides_the_place_as_name() {
    // The place is not reported a second time as a person's name.
    let findings = scan("Het gaat om een 78-jarige vrouw uit Arnhem.");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].kind, FindingKind::AgeWithPlace);
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

#[test]
fn phones_found() {
    let numbers = [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "020-1234567",
        "020 123 4567",
        "(020) 123 45 67",
        "+31 6 12345678",
        "+31 (0)6 12345678",
        "+31612345678",
        "0031 6 12345678",
        "+44 20 7946 0958",
    ];
    for number in numbers {
        let text = format!("Bel haar op {number}.");
        assert_eq!(
            found(&text, FindingKind::Phone),
            vec![number],
            "in {text:?}"
        );
    }
}

#[test]
fn phones_not_found() {
    check(
        FindingKind::Phone,
        &[],
        &[
            "In 2019 begon het.",
            "BSN 123456782.",
            "Geboren op 12-03-1985.",
            "Bel 06-1234567.",
            "Bel 020-12345678.",
            "Om 10.30 uur.",
            "Van 09.30-10.30 uur.",
            "Een huis van € 1.250.000.",
            "Dat scheelde +5 punten.",
            "Postcode 1234 AB.",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// E-mail addresses

#[test]
fn emails() {
    check(
        FindingKind::Email,
        &[
            (
                "Mail jan.devries@example.nl of bel.",
                &["jan.devries@example.nl"],
            ),
            ("Stuur het naar j+werk@mail.co.uk.", &["j+werk@mail.co.uk"]),
            (
                "Via Jan.Jansen@Zorg-Noord.nl",
                &["Jan.Jansen@Zorg-Noord.nl"],
            ),
        ],
        &[
            "Ik werk @home.",
            "Mail naar jan@",
            "Om 10 @ kantoor.",
            "test@localhost",
            "a@b.c",
        ],
    );
    // The name inside the address is not reported separately.
    assert_eq!(scan("Via Jan.Jansen@Zorg-Noord.nl").len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Postcodes

#[test]
fn postcodes() {
    check(
        FindingKind::Postcode,
        &[
            ("Adres: 1234 AB.", &["1234 AB"]),
            ("Adres: 1234AB.", &["1234AB"]),
            ("adres 1234ab", &["1234ab"]),
            ("Ze woont op 9999 ZZ.", &["9999 ZZ"]),
        ],
        &[
            "Adres: 1234 SS.",
            "Adres: 1234 SA.",
            "Adres: 1234SD.",
            "Adres: 0123 AB.",
            "adres 1234 ab",
            "In 2019 op vakantie.",
            "Nummer 12345 AB.",
            "Code 1234 ABC.",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// BSN

#[test]
fn bsns() {
    check(
        FindingKind::Bsn,
        &[
            ("BSN 123456782.", &["123456782"]),
            ("Nummer 111222333 staat op de brief.", &["111222333"]),
            ("BSN: 123.456.782", &["123.456.782"]),
            ("BSN 123 456 782", &["123 456 782"]),
            ("BSN 1234 56 782", &["1234 56 782"]),
            // Eight digits only after a BSN cue.
            ("BSN: 12345672", &["12345672"]),
        ],
        &[
            "Nummer 123456789 fails the elfproef.",
            "Nummer 000000000.",
            "Nummer 12345672.",
            "In 2019 begon het.",
            "Bel 0612345678.",
            "Nummer 1234567820.",
            "Bedrag € 123456782,50.",
            "Factuur 1.123.456.782.",
        ],
    );
    // A valid BSN is not also a phone number.
    assert_eq!(
        scan("BSN 123456782.")
            .iter()
            .map(|f| f.kind)
            .collect::<Vec<_>>(),
        vec![FindingKind::Bsn]
    );
}

// ---------------------------------------------------------------------------------------------
// The whole scan

const CASE: &str = "Casus: Marieke de Boer (45) uit Zwolle, geb. 12-03-1979, BSN 123.456.782.\n\
    Bereikbaar op 06-12345678 of marieke@example.nl, adres 8011 AB.\n\
    Ze belde mevr. Özdemir, een 78-jarige vrouw uit Ede. Daarna sprak ik Marieke.\n\
    In maart besprak de Kring het met de huisarts en de GGZ.";

#[test]
fn scan_finds_every_kind_in_a_case() {
    let kinds: Vec<(FindingKind, String)> =
        scan(CASE).into_iter().map(|f| (f.kind, f.text)).collect();
    let expected = [
        (FindingKind::PersonName, "Marieke de Boer"),
        (FindingKind::AgeWithPlace, "(45) uit Zwolle"),
        (FindingKind::DateOfBirth, "12-03-1979"),
        (FindingKind::Bsn, "123.456.782"),
        (FindingKind::Phone, "06-12345678"),
        (FindingKind::Email, "marieke@example.nl"),
        (FindingKind::Postcode, "8011 AB"),
        (FindingKind::PersonName, "Özdemir"),
        (FindingKind::AgeWithPlace, "78-jarige vrouw uit Ede"),
        (FindingKind::PersonName, "Marieke"),
    ];
    let expected: Vec<(FindingKind, String)> =
        expected.iter().map(|&(k, t)| (k, t.to_owned())).collect();
    assert_eq!(kinds, expected);
    // Every kind is covered by this case.
    for kind in FindingKind::ALL {
        assert!(kinds.iter().any(|(k, _)| *k == kind), "{kind:?}");
    }
}

#[test]
fn findings_are_sorted_disjoint_and_point_into_the_text() {
    let text =
        format!("{CASE}\nÉén café in Zürich: Ümit Şahin, tel. +31 (0)6 12345678, ’s avonds.");
    let findings = scan(&text);
    assert!(findings.len() >= 10);
    for pair in findings.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
    for f in &findings {
        assert!(f.start < f.end);
        assert_eq!(text.get(f.start..f.end), Some(f.text.as_str()), "{f:?}");
    }
    assert!(findings.iter().any(|f| f.text == "Ümit Şahin"));
    assert!(findings.iter().any(|f| f.text == "+31 (0)6 12345678"));
}

#[test]
fn empty_and_plain_texts_give_nothing() {
    assert_eq!(scan(""), Vec::new());
    assert_eq!(scan("   \n\n "), Vec::new());
    assert_eq!(
        scan("Ik merkte dat ik boos werd en wilde weten waarom. Wat kan ik anders doen?"),
        Vec::new()
    );
}

// ---------------------------------------------------------------------------------------------
// Placeholders and replacing

#[test]
fn placeholder_numbers_names_with_letters() {
    let name = |n| placeholder(Lang::Nl, FindingKind::PersonName, n);
    assert_eq!(name(0), "cliënt A");
    assert_eq!(name(1), "cliënt B");
    assert_eq!(name(25), "cliënt Z");
    assert_eq!(name(26), "cliënt AA");
    assert_eq!(name(27), "cliënt AB");
    assert_eq!(name(701), "cliënt ZZ");
    assert_eq!(name(702), "cliënt AAA");
}

#[test]
fn placeholder_texts_for_other_kinds() {
    assert_eq!(
        placeholder(Lang::Nl, FindingKind::DateOfBirth, 3),
        "[geboortedatum]"
    );
    assert_eq!(
        placeholder(Lang::Nl, FindingKind::AgeWithPlace, 0),
        "[leeftijd en plaats]"
    );
    assert_eq!(
        placeholder(Lang::Nl, FindingKind::Phone, 0),
        "[telefoonnummer]"
    );
    assert_eq!(
        placeholder(Lang::Nl, FindingKind::Email, 0),
        "[e-mailadres]"
    );
    assert_eq!(
        placeholder(Lang::Nl, FindingKind::Postcode, 0),
        "[postcode]"
    );
    assert_eq!(placeholder(Lang::Nl, FindingKind::Bsn, 0), "[BSN]");
    // No placeholder is itself reported.
    for kind in FindingKind::ALL {
        let text = format!("Het gaat om {} hier.", placeholder(Lang::Nl, kind, 0));
        assert_eq!(scan(&text), Vec::new(), "{text:?}");
    }
}

#[test]
fn replace_round_trip() {
    let text = "Vandaag sprak ik met Jan de Vries over zijn moeder.";
    let findings = scan(text);
    assert_eq!(findings.len(), 1);
    let replaced = replace(
        text,
        &findings[0],
        &placeholder(Lang::Nl, findings[0].kind, 0),
    );
    assert_eq!(replaced, "Vandaag sprak ik met cliënt A over zijn moeder.");
    assert_eq!(scan(&replaced), Vec::new());
}

#[test]
fn replace_after_an_edit_finds_the_text_again() {
    let findings = scan("Ik belde Özlem.");
    assert_eq!(findings.len(), 1);
    // The member typed in front of the name since the scan.
    let edited = "Gisteren om drie uur belde ik Özlem.";
    assert_eq!(
        replace(edited, &findings[0], "cliënt A"),
        "Gisteren om drie uur belde ik cliënt A."
    );
    // The name is gone: nothing to replace.
    assert_eq!(
        replace("Ik belde haar.", &findings[0], "cliënt A"),
        "Ik belde haar."
    );
}

#[test]
fn replace_each_finding_then_nothing_is_left() {
    let mut text = CASE.to_owned();
    // Replace one at a time, scanning again in between, as a member clicking "replace" would.
    for _ in 0..50 {
        let Some(first) = scan(&text).into_iter().next() else {
            break;
        };
        text = replace(&text, &first, &placeholder(Lang::Nl, first.kind, 0));
    }
    assert_eq!(scan(&text), Vec::new(), "{text}");
    assert!(!text.contains("Marieke"));
    assert!(!text.contains("123.456.782"));
}

#[test]
fn anonymise_gives_each_person_their_own_letter() {
    let text = "Jan belde. Daarna belde Piet, en toen Jan weer via 06-12345678.";
    assert_eq!(
        anonymise(Lang::Nl, text),
        "cliënt A belde. Daarna belde cliënt B, en toen cliënt A weer via [telefoonnummer]."
    );
    let case = anonymise(Lang::Nl, CASE);
    assert_eq!(scan(&case), Vec::new(), "{case}");
}

/// Issue 10, point 5: the placeholders speak the user's language.
#[test]
fn placeholders_in_english() {
    let text = "Jan belde. Daarna belde Piet, en toen Jan weer via 06-12345678.";
    assert_eq!(
        anonymise(Lang::En, text),
        "client A belde. Daarna belde client B, en toen client A weer via [phone number]."
    );
    assert_eq!(
        placeholder(Lang::En, FindingKind::DateOfBirth, 0),
        "[date of birth]"
    );
    for kind in FindingKind::ALL {
        let text = format!("It is about {} here.", placeholder(Lang::En, kind, 3));
        assert_eq!(scan(&text), Vec::new(), "{text:?}");
    }
}

#[test]
fn word_lists_are_lowercase() {
    for list in words::all_lists() {
        for word in list {
            assert!(!word.is_empty());
            assert_eq!(*word, word.to_lowercase(), "{word}");
            assert!(!word.contains(char::is_whitespace), "{word:?}");
        }
    }
}

/// Issue 12, point 8: after "Jansen" became "cliënt A", his daughter "Marieke de Vries" is
/// not offered "cliënt A" too: she is a relative ("naaste A"), another client gets "cliënt
/// B", and each person keeps theirs throughout the case.
#[test]
fn one_placeholder_per_person() {
    let lang = Lang::Nl;
    let names = |text: &str| -> Vec<Finding> {
        scan(text)
            .into_iter()
            .filter(|f| f.kind == FindingKind::PersonName)
            .collect()
    };
    let mut people = People::default();
    let text = "Meneer Jansen is boos. Haar dochter Marieke de Vries belt mij elke dag.";
    people.note_placeholders(lang, [text]);
    let found = names(text);
    let jansen = found
        .iter()
        .find(|f| f.text.contains("Jansen"))
        .expect("Jansen");
    assert_eq!(people.placeholder_for(lang, text, jansen), "cliënt A");
    let text = replace(text, jansen, "cliënt A");
    people.note_placeholders(lang, [text.as_str()]);
    let marieke = names(&text);
    let marieke = marieke
        .iter()
        .find(|f| f.text.contains("Marieke"))
        .expect("Marieke");
    assert_eq!(people.placeholder_for(lang, &text, marieke), "naaste A");

    // The same person keeps theirs, also in another field and by part of the name.
    let later = "Later belde Marieke nog eens, en Jansen ook.";
    let found = names(later);
    let got: Vec<String> = found
        .iter()
        .map(|f| people.placeholder_for(lang, later, f))
        .collect();
    assert_eq!(got, ["naaste A", "cliënt A"]);

    // A fresh look at a case where "cliënt A" already stands: a new client gets B.
    let mut fresh = People::default();
    let text = "Ik sprak cliënt A. Daarna kwam Pieter Bakker binnen.";
    fresh.note_placeholders(lang, [text]);
    let pieter = names(text);
    let pieter = pieter.first().expect("Pieter Bakker");
    assert_eq!(fresh.placeholder_for(lang, text, pieter), "cliënt B");
    assert_eq!(person_role(text, pieter), PersonRole::Client);
    assert_eq!(
        anonymise(Lang::En, "Ik zag Jan met zijn vrouw Els. Toen belde Jan."),
        "Ik zag client A met zijn vrouw relative A. Toen belde client A."
    );
}
