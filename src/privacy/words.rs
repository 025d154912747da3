//! The built-in word lists, all lowercase. Compact on purpose: they hold the words that are
//! often written with a capital in a case description but are not a person's name, plus the
//! small closed sets the detectors need (months, particles, cue words).

/// Capitalised words that are not names. A word is looked up in lowercase, as a whole and per
/// hyphenated part. Abbreviations in capitals (GGZ, UWV, POH) need no entry: a word without a
/// lowercase letter is never taken for a name.
#[rustfmt::skip]
const NOT_NAMES: &[&[&str]] = &[
    // Days, months and holidays, Dutch and English.
    &[
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
        "oktober", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "may", "june", "july",
        "august", "october", "kerst", "kerstmis", "pasen", "pinksteren", "sinterklaas",
        "koningsdag", "oudjaar", "nieuwjaar", "hemelvaart", "ramadan", "suikerfeest",
        "christmas", "easter",
    ],
    // Dutch function words and sentence openers.
    &[
        "aan", "achter", "achteraf", "afgelopen", "al", "alle", "allebei", "alleen", "als",
        "alsof", "altijd", "ander", "andere", "beide", "beste", "bij", "binnen", "boven",
        "bovendien", "buiten", "daar", "daarbij", "daardoor", "daarna", "daarom", "dan", "dat",
        "de", "deze", "die", "dit", "doordat", "door", "dus", "echter", "een", "eerst",
        "eigenlijk", "elk", "elke", "en", "er", "gelukkig", "geen", "gisteren", "graag", "haar",
        "hallo", "helaas", "hem", "hen", "het", "hier", "hierna", "hij", "hoe", "hoewel", "hun",
        "ieder", "iedere", "iedereen", "iemand", "iets", "ik", "in", "inmiddels", "ineens",
        "ja", "je", "jij", "jouw", "jullie", "kortom", "laatst", "later", "maar", "meer", "men",
        "met", "mij", "mijn", "misschien", "morgen", "na", "naar", "naast", "nadat",
        "natuurlijk", "nee", "niemand", "niet", "niets", "nog", "nooit", "nu", "of", "oké",
        "om", "omdat", "ondanks", "onder", "ons", "onze", "ook", "op", "opeens", "over",
        "overigens", "plotseling", "samen", "sinds", "soms", "straks", "tegen", "terwijl",
        "tijdens", "toch", "toen", "tot", "u", "uit", "uiteindelijk", "vaak", "van", "vanaf",
        "vandaag", "vanmiddag", "vanmorgen", "vanochtend", "vanavond", "veel", "verder",
        "vervolgens", "via", "volgende", "volgens", "voor", "voorafgaand", "vooral", "voordat",
        "vorig", "vorige", "waar", "waarom", "wanneer", "want", "wat", "we", "wel", "welk",
        "welke", "wie", "wij", "ze", "zelf", "zij", "zijn", "zo", "zoals", "zodat", "zodra",
        "zonder", "zou",
    ],
    // English function words and sentence openers.
    &[
        "about", "after", "afterwards", "again", "all", "also", "although", "an", "and",
        "another", "any", "as", "at", "because", "before", "both", "but", "by", "dear",
        "during", "each", "eventually", "every", "finally", "for", "from", "he", "hello", "her",
        "here", "his", "how", "however", "if", "into", "it", "its", "last", "later",
        "meanwhile", "my", "next", "no", "not", "now", "often", "on", "once", "one", "only",
        "or", "our", "perhaps", "she", "since", "so", "some", "sometimes", "still", "suddenly",
        "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
        "those", "though", "to", "today", "tomorrow", "unfortunately", "until", "was", "what",
        "when", "where", "which", "while", "who", "why", "with", "without", "yes", "yesterday",
        "you", "your",
    ],
    // Forms of address and titles.
    &[
        "dame", "dhr", "dokter", "dr", "drs", "heer", "hr", "ing", "ir", "juffrouw", "madam",
        "mej", "meneer", "mevr", "mevrouw", "miss", "mr", "mrs", "ms", "mw", "prof", "sir",
    ],
    // Care, social work and intervision.
    &[
        "apotheek", "apotheker", "arts", "balint", "behandelaar", "behandeling",
        "bewindvoerder", "buurtteam", "casemanager", "casus", "casuïstiek", "client", "clients",
        "cliënt", "cliënten", "consulent", "crisisdienst", "curator", "diagnose", "diëtist",
        "dienst", "ergotherapeut", "fysiotherapeut", "gespreksleider", "ggz", "huisarts",
        "huisartsen", "huisartsenpost", "huisartsenpraktijk", "hulpverlener", "hulpverlening",
        "indicatie", "inbrenger", "intervisie", "jeugdhulp", "jeugdwet", "jeugdzorg",
        "kinderbescherming", "kliniek", "kring", "logopedist", "maatschappelijk", "mantelzorg",
        "mantelzorger", "mentor", "orthopedagoog", "participatiewet", "patient", "patients",
        "patiënt", "patiënten", "pedagoog", "polikliniek", "praktijk", "praktijkondersteuner",
        "psychiater", "psycholoog", "psychotherapeut", "regiebehandelaar", "specialist",
        "supervisie", "therapeut", "therapie", "thuiszorg", "verpleeghuis", "verpleegkundige",
        "verpleging", "verzorgende", "verzorgingshuis", "wijkteam", "wijkverpleegkundige",
        "wlz", "wmo", "zorg", "zorginstelling", "zorgverlener", "zorgverzekeraar", "zvw",
        "angst", "dementie", "depressie", "protocol", "richtlijn", "standaard", "care",
        "clinic", "doctor", "gp", "hospital", "nurse", "psychiatrist", "psychologist", "social",
        "therapist", "worker",
    ],
    // Organisations and roles, as types rather than names.
    &[
        "advocaat", "afdeling", "basisschool", "bedrijf", "belastingdienst", "centrum", "coach",
        "collega", "directeur", "docent", "gemeente", "instelling", "leerkracht",
        "leidinggevende", "manager", "organisatie", "politie", "raad", "rechtbank", "rechter",
        "school", "stichting", "team", "teamleider", "thuis", "vereniging", "veilig", "werk",
        "ziekenhuis", "council", "trust", "court", "police", "teacher",
    ],
    // Family and other relations.
    &[
        "broer", "buurman", "buurvrouw", "dochter", "echtgenoot", "echtgenote", "kind",
        "kinderen", "man", "moeder", "neef", "nicht", "oma", "oom", "opa", "ouder", "ouders",
        "partner", "tante", "vader", "vriend", "vriendin", "vrouw", "zoon", "zus", "zuster",
        "aunt", "brother", "daughter", "father", "friend", "grandfather", "grandmother",
        "husband", "mother", "sister", "son", "uncle", "wife",
    ],
    // Countries, languages, regions and other proper nouns that name no one.
    &[
        "belgie", "belgië", "duits", "duitse", "duitsland", "engeland", "engels", "engelse",
        "europa", "europese", "frans", "franse", "holland", "marokkaans", "marokkaanse",
        "nederland", "nederlander", "nederlands", "nederlandse", "noord", "oost", "randstad",
        "surinaams", "surinaamse", "turks", "turkse", "west", "zuid", "dutch", "english",
        "europe", "european", "netherlands", "corona", "covid", "digid", "email", "facebook",
        "god", "google", "instagram", "internet", "mail", "signal", "teams", "whatsapp", "zoom",
    ],
];

/// Whether a (lowercase) word is on the list of capitalised words that are not names.
pub(super) fn is_not_name(lower: &str) -> bool {
    NOT_NAMES.iter().any(|list| list.contains(&lower))
}

/// Abbreviations whose full stop does not end a sentence ("dhr. Jansen", "geb. 1985").
const ABBREVIATIONS: &[&str] = &[
    "afd", "bijv", "bv", "ca", "dhr", "dr", "drs", "evt", "excl", "geb", "hr", "incl", "ing", "ir",
    "ivm", "jr", "mbt", "mej", "mevr", "mob", "mr", "mrs", "ms", "mw", "nr", "ong", "prof", "resp",
    "sr", "st", "tel", "vgl", "vs", "zgn",
];

pub(super) fn is_abbreviation(lower: &str) -> bool {
    ABBREVIATIONS.contains(&lower)
}

/// Words after which a colon introduces a name ("Naam: Jan"), not a new sentence.
const NAME_CUES: &[&str] = &[
    "achternaam",
    "client",
    "cliënt",
    "name",
    "naam",
    "patient",
    "patiënt",
    "voornaam",
];

pub(super) fn is_name_cue(lower: &str) -> bool {
    NAME_CUES.contains(&lower)
}

/// Particles of Dutch and other surnames ("Jan de Vries", "Anne van der Berg", "Jan 't Hart").
const PARTICLES: &[&str] = &[
    "van",
    "de",
    "der",
    "den",
    "ter",
    "ten",
    "'t",
    "\u{2019}t",
    "von",
    "la",
    "le",
    "du",
    "da",
    "di",
    "del",
    "dos",
];

pub(super) fn is_particle(lower: &str) -> bool {
    PARTICLES.contains(&lower)
}

/// Words before a place name. After these a capitalised word is read as a place and not as
/// a person ("woont in Ede", "een vrouw uit Arnhem", "wonend te Zwolle").
const PLACE_CUES: &[&str] = &[
    "in",
    "uit",
    "te",
    "nabij",
    "near",
    "regio",
    "omgeving",
    "woonplaats",
];

/// Words before a place that also come before people ("a 52-year-old from Leeds", "a call
/// from John", "verhuisd naar Zwolle", "ging naar Jan"): what follows counts as both.
const PLACE_OR_PERSON_CUES: &[&str] = &["from", "naar"];

/// How a word before a capitalised group reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cue {
    Place,
    PlaceOrPerson,
}

pub(super) fn place_cue(lower: &str) -> Option<Cue> {
    if PLACE_CUES.contains(&lower) {
        Some(Cue::Place)
    } else if PLACE_OR_PERSON_CUES.contains(&lower) {
        Some(Cue::PlaceOrPerson)
    } else {
        None
    }
}

/// Nouns for a person, as in "een man van 45" or "vrouw (45)".
const PERSON_NOUNS: &[&str] = &[
    "baby",
    "client",
    "cliënt",
    "dame",
    "dochter",
    "heer",
    "jongen",
    "jongeman",
    "jongere",
    "kind",
    "man",
    "meisje",
    "meneer",
    "mevrouw",
    "moeder",
    "oma",
    "opa",
    "oudere",
    "patient",
    "patiënt",
    "persoon",
    "puber",
    "student",
    "studente",
    "tiener",
    "vader",
    "vrouw",
    "weduwe",
    "weduwnaar",
    "zoon",
    "zus",
];

pub(super) fn is_person_noun(lower: &str) -> bool {
    PERSON_NOUNS.contains(&lower)
}

/// Words before "N jaar" that make it a duration, not an age ("al 10 jaar", "na 3 jaar").
const DURATION_BEFORE: &[&str] = &[
    "al",
    "afgelopen",
    "binnen",
    "de",
    "deze",
    "die",
    "eerste",
    "elk",
    "elke",
    "gedurende",
    "laatste",
    "na",
    "nog",
    "om",
    "over",
    "pas",
    "per",
    "sinds",
    "tijdens",
    "tot",
    "vanaf",
    "voor",
];

/// Words after "N jaar" that make it a duration ("10 jaar geleden", "20 jaar getrouwd").
const DURATION_AFTER: &[&str] = &[
    "daarna", "eerder", "geleden", "getrouwd", "gewerkt", "gewoond", "lang", "later", "samen",
    "terug", "werkzaam",
];

pub(super) fn is_duration_before(lower: &str) -> bool {
    DURATION_BEFORE.contains(&lower)
}

pub(super) fn is_duration_after(lower: &str) -> bool {
    DURATION_AFTER.contains(&lower)
}

/// Month names, Dutch and English: number, full names, abbreviations (which may carry a
/// full stop: "mrt.").
const MONTHS: &[(u32, &[&str], &[&str])] = &[
    (1, &["januari", "january"], &["jan"]),
    (2, &["februari", "february"], &["feb", "febr"]),
    (3, &["maart", "march"], &["mrt", "mar"]),
    (4, &["april"], &["apr"]),
    (5, &["mei", "may"], &[]),
    (6, &["juni", "june"], &["jun"]),
    (7, &["juli", "july"], &["jul"]),
    (8, &["augustus", "august"], &["aug"]),
    (9, &["september"], &["sep", "sept"]),
    (10, &["oktober", "october"], &["okt", "oct"]),
    (11, &["november"], &["nov"]),
    (12, &["december"], &["dec"]),
];

/// The number of a month name, and whether it is an abbreviation.
pub(super) fn month_number(lower: &str) -> Option<(u32, bool)> {
    MONTHS.iter().find_map(|&(n, full, short)| {
        if full.contains(&lower) {
            Some((n, false))
        } else if short.contains(&lower) {
            Some((n, true))
        } else {
            None
        }
    })
}

/// Ordinal endings written against a day number ("12th", "1st", "3e", "1ste").
const ORDINALS: &[&str] = &["st", "nd", "rd", "th", "e", "ste", "de"];

pub(super) fn is_ordinal(lower: &str) -> bool {
    ORDINALS.contains(&lower)
}

/// Words that announce a date of birth ("geboren op", "geb.", "born on", "date of birth").
/// "geb" counts only with its full stop; the detector checks that.
const BIRTH_CUES: &[&str] = &[
    "birth",
    "birthdate",
    "birthday",
    "born",
    "dob",
    "geboortedatum",
    "geboortejaar",
    "geboren",
    "jarig",
    "verjaardag",
];

pub(super) fn is_birth_cue(lower: &str) -> bool {
    BIRTH_CUES.contains(&lower)
}

/// Words that may stand between a birth cue and the date ("geboren op", "born on the").
const BIRTH_FILLERS: &[&str] = &[
    "anno",
    "around",
    "at",
    "ca",
    "circa",
    "date",
    "datum",
    "de",
    "het",
    "in",
    "is",
    "of",
    "omstreeks",
    "on",
    "op",
    "rond",
    "the",
    "van",
    "was",
];

pub(super) fn is_birth_filler(lower: &str) -> bool {
    BIRTH_FILLERS.contains(&lower)
}

/// All lists, for the test that they are lowercase and without stray spaces.
#[cfg(test)]
pub(super) fn all_lists() -> Vec<&'static [&'static str]> {
    let mut lists: Vec<&'static [&'static str]> = NOT_NAMES.to_vec();
    lists.extend([
        ABBREVIATIONS,
        NAME_CUES,
        PARTICLES,
        PLACE_CUES,
        PLACE_OR_PERSON_CUES,
        PERSON_NOUNS,
        DURATION_BEFORE,
        DURATION_AFTER,
        ORDINALS,
        BIRTH_CUES,
        BIRTH_FILLERS,
    ]);
    for (_, full, short) in MONTHS {
        lists.push(full);
        lists.push(short);
    }
    lists
}
