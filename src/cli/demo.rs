//! `kring demo-data`: a realistic example group with years of meetings, for trying the app,
//! showing it to others, and testing history screens and exports with real amounts of data.
//!
//! Everything is made up from small built-in phrase lists: members have first names only, and
//! cases name no clients. The same seed, number of meetings, end time and time zone give the
//! same files, byte for byte.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use jiff::civil::Weekday;
use jiff::tz::TimeZone;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom as _, SliceRandom as _};
use rand::{Rng, SeedableRng as _};

use crate::model::{
    AdviceMark, BreakRecord, FollowUp, GroupSettings, MeetingContent, MeetingRecord, PhaseOutcome,
    PhaseRecord, Protocol, Question, QuestionFocus, QuestionKind, RECORD_FORMAT_VERSION, Retention,
    Tool,
};
use crate::store::{
    Catalog, DataDir, GroupLock, LockOutcome, group_id_for, record_file_name, save_group, to_ron,
    write_atomic_no_sync,
};

/// The seed used when none is given, so that two runs give the same group.
pub const DEFAULT_SEED: u64 = 1957;

/// The number of meetings written when none is given: about four years.
pub const DEFAULT_MEETINGS: usize = 40;

/// The group name used when none is given. Its id is the default group's, so the app shows
/// the example meetings straight away.
pub const DEFAULT_GROUP_NAME: &str = "Mijn groep";

/// What `kring demo-data` makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoOptions {
    pub meetings: usize,
    pub group_name: String,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        Self {
            meetings: DEFAULT_MEETINGS,
            group_name: DEFAULT_GROUP_NAME.to_owned(),
            seed: DEFAULT_SEED,
        }
    }
}

/// What [`write_demo`] wrote.
#[derive(Clone, Debug)]
pub struct DemoReport {
    pub group_name: String,
    pub group_id: String,
    pub group_dir: PathBuf,
    pub meetings: usize,
    /// Local start of the oldest and the newest meeting.
    pub first_local: String,
    pub last_local: String,
    /// Meetings per protocol id.
    pub by_protocol: BTreeMap<String, usize>,
    /// Everyone who was present at some meeting, in name order.
    pub members: Vec<String>,
    pub open_follow_ups: usize,
    pub elapsed_secs: f64,
}

impl std::fmt::Display for DemoReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "Wrote the example group \"{}\" (id {}) to {}:",
            self.group_name,
            self.group_id,
            self.group_dir.display()
        )?;
        writeln!(f, "  group.ron with the group agreement")?;
        writeln!(
            f,
            "  {} meetings in meetings/, from {} to {}",
            self.meetings, self.first_local, self.last_local
        )?;
        let protocols: Vec<String> = self
            .by_protocol
            .iter()
            .map(|(id, n)| format!("{id} {n}"))
            .collect();
        writeln!(f, "  protocols: {}", protocols.join(", "))?;
        writeln!(
            f,
            "  {} members over the years: {}",
            self.members.len(),
            self.members.join(", ")
        )?;
        writeln!(f, "  {} follow-up steps still open", self.open_follow_ups)?;
        write!(f, "  took {:.2} s", self.elapsed_secs)
    }
}

/// Writes an example group into `data`: `groups/<id>/group.ron` and one record per meeting,
/// the newest a few days before `now_ms`, times in `tz`. Refuses to write into a group
/// folder that already has something in it, so real meetings are never mixed with made-up
/// ones.
///
/// The meeting files are written without waiting for the disk after each one (see
/// [`write_atomic_no_sync`]): example files need no crash safety, and that wait (about 0.8 ms
/// a file on a fast SSD, often far more on laptops and Windows) would be most of the time
/// taken for ten thousand meetings. The group settings are written the ordinary, durable way.
pub fn write_demo(
    data: &DataDir,
    options: &DemoOptions,
    now_ms: i64,
    tz: &TimeZone,
) -> Result<DemoReport, String> {
    let started = Instant::now();
    let name = options.group_name.trim();
    if name.is_empty() {
        return Err("demo-data needs a group name: leave out --group, or give one, e.g. --group \"Team Noord\".".to_owned());
    }
    if options.meetings == 0 {
        return Err(
            "demo-data needs at least one meeting: leave out --meetings, or give e.g. --meetings 40."
                .to_owned(),
        );
    }
    let id = group_id_for(name);
    let group_dir = data.group_dir(&id);
    let has_content = std::fs::read_dir(&group_dir)
        .map(|mut listing| listing.next().is_some())
        .unwrap_or(false);
    if has_content {
        return Err(format!(
            "{} already exists and is not empty: example meetings are only written into a new \
             group. Choose another name with --group NAME, or another --data-dir.",
            group_dir.display()
        ));
    }
    let catalog = Catalog::load(None);
    let mut generator = DemoGenerator::new(&catalog, options, now_ms, tz.clone())?;
    let mut members = std::collections::BTreeSet::new();

    // Written with the group folder's write handle, as the app writes.
    let lock = match GroupLock::acquire(&data.group_dir(&id), now_ms) {
        LockOutcome::Acquired(lock) | LockOutcome::Unavailable { unlocked: lock, .. } => lock,
        LockOutcome::ReadOnly { .. } => {
            return Err(format!(
                "{}: a running Kring has this group open; close it and try again.",
                data.group_dir(&id).display()
            ));
        }
    };
    save_group(&lock, &demo_group_settings(name)).map_err(|err| err.to_string())?;
    let meetings_dir = data.meetings_dir(&id);
    let mut report = DemoReport {
        group_name: name.to_owned(),
        group_id: id,
        group_dir,
        meetings: 0,
        first_local: String::new(),
        last_local: String::new(),
        by_protocol: BTreeMap::new(),
        members: Vec::new(),
        open_follow_ups: 0,
        elapsed_secs: 0.0,
    };
    for _ in 0..options.meetings {
        let record = generator.next_meeting();
        let path = meetings_dir.join(record_file_name(&record));
        let text = to_ron(&record).map_err(|err| {
            format!(
                "{}: the example meeting could not be put into words ({err}); please report this.",
                path.display()
            )
        })?;
        write_atomic_no_sync(&path, text.as_bytes()).map_err(|err| {
            format!(
                "{}: could not be written ({err}); check that there is room on the disk and that \
                 you may write there.",
                path.display()
            )
        })?;
        if report.meetings == 0 {
            report.last_local = record.started_local.clone();
        }
        report.first_local = record.started_local.clone();
        report.meetings += 1;
        *report
            .by_protocol
            .entry(record.protocol_id.clone())
            .or_default() += 1;
        members.extend(record.content.present.iter().cloned());
        report.open_follow_ups += record.content.follow_ups.iter().filter(|f| !f.done).count();
    }
    // One flush of the folder at the end, instead of one per file.
    if let Ok(dir) = std::fs::File::open(&meetings_dir) {
        dir.sync_all().ok();
    }
    report.members = members.into_iter().collect();
    report.elapsed_secs = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Who led the example meeting, whether someone co-led, came late or left early: chosen from
/// the day, not the random generator, so the rest of the example stays as it was.
fn lead_and_lateness(content: &mut MeetingContent, start_ms: i64) {
    let day = usize::try_from(start_ms.div_euclid(86_400_000)).unwrap_or(0);
    let others: Vec<String> = content
        .present
        .iter()
        .filter(|n| content.inbrenger.as_deref() != Some(n.as_str()))
        .cloned()
        .collect();
    let Some(leader) = others.get(day % others.len().max(1)).cloned() else {
        return;
    };
    content.leader = Some(leader.clone());
    if day % 3 == 0 && others.len() > 2 {
        content.co_leader = others.get((day + 1) % others.len()).cloned();
    }
    let not_leading: Vec<&String> = others
        .iter()
        .filter(|n| **n != leader && content.co_leader.as_ref() != Some(*n))
        .collect();
    if day % 4 == 1
        && let Some(name) = not_leading.first()
    {
        content.came_late.insert((*name).clone(), 15);
    }
    if day % 5 == 2
        && let Some(name) = not_leading.last()
    {
        content.left_early.insert((*name).clone(), 20);
    }
}

/// The example group's settings, with a Dutch group agreement.
pub fn demo_group_settings(name: &str) -> GroupSettings {
    GroupSettings {
        name: name.to_owned(),
        agreements: AGREEMENTS.to_owned(),
        meets_how_often: "Ongeveer elke vijf weken, meestal op dinsdagavond van 19.30 tot \
                          21.30 uur; tien keer per jaar."
            .to_owned(),
        meets_where: "In de vergaderruimte van het wijkcentrum, eerste verdieping. Wie het \
                      verslag maakt, neemt de laptop mee."
            .to_owned(),
        meeting_minutes: 120,
        costs: "Geen kosten voor de bijeenkomsten. Eén keer per jaar komt een externe \
                begeleider; die kosten (ongeveer € 450) delen we gelijk."
            .to_owned(),
        retention: Retention::Months24,
        ..GroupSettings::default()
    }
}

const AGREEMENTS: &str = "\
Intervisieovereenkomst

1. Vertrouwelijkheid. Wat in de groep besproken wordt, blijft in de groep. We praten er niet \
over met anderen, ook niet met collega's of leidinggevenden, tenzij de inbrenger daar zelf \
toestemming voor geeft.
2. Anonimiteit. We bespreken casussen zonder namen, geboortedata, adressen of andere gegevens \
waaraan een cliënt, patiënt of collega te herkennen is.
3. Aanwezigheid. We zijn er elke bijeenkomst en op tijd. Wie niet kan komen, meldt zich vooraf \
af bij de gespreksleider. Wie drie keer achter elkaar ontbreekt, bespreekt met de groep of \
deelname nog past.
4. Inbreng. Ieder brengt per jaar minstens twee casussen in. Een casus gaat over je eigen \
handelen en je eigen vraag, niet over het gedrag van een ander.
5. Werkwijze. We werken met de Balint-methode en houden de fasen strikt uit elkaar. De \
gespreksleider wisselt per bijeenkomst.
6. Verslag. Van elke bijeenkomst bewaren we een kort verslag zonder herleidbare gegevens. \
Verslagen worden na twee jaar verwijderd. Persoonlijke aantekeningen blijven van jezelf.
7. Registratie. De bijeenkomsten tellen als intervisie-uren voor de beroepsregistratie; ieder \
houdt zelf zijn of haar uren bij en de groep bevestigt ze.
8. Evaluatie. Eén keer per jaar bespreken we hoe de groep werkt en of deze afspraken nog passen.

Ondertekend door alle leden bij de start van de groep en bij elke nieuwe deelnemer opnieuw.";

/// First names only; members come and go over the years.
const NAMES: [&str; 18] = [
    "Anouk", "Bram", "Carla", "Dewi", "Eva", "Fatima", "Gert", "Hanneke", "Ilse", "Jeroen",
    "Karin", "Lotte", "Mehmet", "Noor", "Pieter", "Roos", "Sanne", "Thijs",
];

/// One kind of case, with what tends to be said about it.
struct Theme {
    title: &'static str,
    lines: [&'static str; 2],
    question: [&'static str; 2],
    questions: [&'static str; 2],
    advice: [&'static str; 3],
    decisions: [&'static str; 2],
    follow_ups: [&'static str; 2],
    insights: [&'static str; 2],
}

static THEMES: [Theme; 16] = [
    Theme {
        title: "Een boze vader bij het oudergesprek",
        lines: [
            "Hij verhief zijn stem en dreigde met een klacht toen ik over de zorgen op school begon.",
            "Halverwege het gesprek stond hij op en sloeg met zijn hand op tafel.",
        ],
        question: [
            "Hoe blijf ik in gesprek met een ouder die boos wordt, zonder mezelf kwijt te raken?",
            "Hoe breng ik zorgen over een kind zo ter sprake dat een ouder niet meteen in de verdediging gaat?",
        ],
        questions: [
            "Wat zei hij precies op het moment dat hij opstond?",
            "Wat gebeurde er in jou toen hij met een klacht dreigde?",
        ],
        advice: [
            "Benoem de boosheid hardop en vraag wat eronder zit, voordat je verder gaat met de inhoud.",
            "Spreek af dat je het gesprek stopt als hij blijft schreeuwen, en zeg dat aan het begin.",
            "Nodig hem uit voor een tweede gesprek samen met een collega.",
        ],
        decisions: [
            "Ik bel de vader deze week en stel een nieuw gesprek voor, met mijn teamleider erbij.",
            "Ik ga het volgende gesprek beginnen met wat we allebei willen voor het kind.",
        ],
        follow_ups: [
            "Nieuw gesprek met de vader plannen",
            "Afspraken over veiligheid bij oudergesprekken navragen bij de teamleider",
        ],
        insights: [
            "Boosheid is vaak machteloosheid",
            "Ik ga te snel uitleggen als iemand boos wordt",
        ],
    },
    Theme {
        title: "Een cliënt die steeds niet op afspraken komt",
        lines: [
            "Al vier keer op rij niet verschenen, en elke keer achteraf een nieuw verhaal.",
            "Ze belt na elke gemiste afspraak in paniek op en wil meteen een nieuwe.",
        ],
        question: [
            "Wanneer stop ik met opnieuw afspreken, en hoe doe ik dat zonder haar te laten vallen?",
            "Waarom ergert dit me zo, terwijl ik weet hoe moeilijk haar leven is?",
        ],
        questions: [
            "Wat gebeurt er vlak voor een afspraak die ze mist, weet je dat?",
            "Welk gevoel blijft er bij jou achter als ze weer niet komt?",
        ],
        advice: [
            "Vraag haar wat haar helpt om wel te komen, in plaats van wat haar tegenhoudt.",
            "Maak de afspraken korter en op een vaste dag en tijd.",
            "Bespreek openlijk dat je je zorgen maakt en wat jouw grens is.",
        ],
        decisions: [
            "Ik stel haar voor om een maand lang elke week op hetzelfde uur kort af te spreken.",
            "Ik bespreek in het volgende gesprek eerlijk wat het uitblijven met de hulp doet.",
        ],
        follow_ups: [
            "Vaste wekelijkse afspraak voorstellen",
            "Met de praktijkondersteuner overleggen over een herinnering per sms",
        ],
        insights: [
            "Niet komen is ook een boodschap",
            "Mijn ergernis zegt iets over mijn eigen verwachtingen",
        ],
    },
    Theme {
        title: "Conflict met een collega over de werkverdeling",
        lines: [
            "Een collega schuift stelselmatig de zware cliënten naar mij door en ik zeg er niets van.",
            "In het teamoverleg werd ik afgebrand over een dossier dat niet af was.",
        ],
        question: [
            "Hoe spreek ik een collega aan zonder dat de sfeer in het team verder verslechtert?",
            "Waarom durf ik in het team niet te zeggen wat ik vind?",
        ],
        questions: [
            "Hoe lang speelt dit al tussen jullie?",
            "Wat maakt het zo spannend om het hem rechtstreeks te zeggen?",
        ],
        advice: [
            "Vraag je collega om een gesprek onder vier ogen, en begin bij wat jij merkt.",
            "Leg de werkverdeling op de agenda van het teamoverleg als vast punt.",
            "Schrijf voor jezelf op wat je precies wilt bereiken voordat je het gesprek aangaat.",
        ],
        decisions: [
            "Ik vraag mijn collega volgende week om een gesprek onder vier ogen.",
            "Ik zet de verdeling van nieuwe aanmeldingen op de agenda van het teamoverleg.",
        ],
        follow_ups: [
            "Gesprek met de collega plannen",
            "Agendapunt werkverdeling aanleveren",
        ],
        insights: [
            "Zwijgen is ook kiezen",
            "Ik wacht tot ik boos ben voordat ik iets zeg",
        ],
    },
    Theme {
        title: "Grenzen stellen bij een cliënt die steeds belt",
        lines: [
            "Hij belt bijna elke avond naar mijn werktelefoon en ik neem toch op.",
            "Hij stuurt berichten in het weekend en wordt boos als ik niet snel antwoord.",
        ],
        question: [
            "Hoe stel ik een grens aan bereikbaarheid zonder dat de vertrouwensband breekt?",
            "Waarom voel ik me schuldig als ik niet opneem?",
        ],
        questions: [
            "Wat gebeurt er als je een avond niet opneemt?",
            "Wat zou je voelen als hij een ander zou bellen in plaats van jou?",
        ],
        advice: [
            "Spreek samen vaste belmomenten af en zeg wie hij buiten die tijden kan bellen.",
            "Zet je werktelefoon na werktijd uit en zeg dat vooraf.",
            "Vraag je af wat jij zelf haalt uit het altijd bereikbaar zijn.",
        ],
        decisions: [
            "Ik spreek twee vaste belmomenten per week af en geef het nummer van de crisisdienst.",
            "Vanaf volgende week staat mijn werktelefoon na zes uur uit.",
        ],
        follow_ups: [
            "Belafspraken vastleggen in het zorgplan",
            "Bereikbaarheid na werktijd bespreken met het team",
        ],
        insights: [
            "Een grens is ook zorg",
            "Altijd bereikbaar zijn helpt de cliënt niet echt",
        ],
    },
    Theme {
        title: "Een cliënt die over zelfdoding begint",
        lines: [
            "Aan het eind van een gewoon gesprek zei ze dat ze er soms geen zin meer in heeft.",
            "Ze vertelde dat ze pillen spaart, en vroeg me het aan niemand te vertellen.",
        ],
        question: [
            "Hoe vraag ik door over suïcidegedachten zonder zelf in paniek te raken?",
            "Hoe ga ik om met haar vraag om geheimhouding, nu ik me zo'n zorgen maak?",
        ],
        questions: [
            "Heb je haar gevraagd of ze concrete plannen heeft?",
            "Wat deed het met je dat ze het juist aan jou vertelde?",
        ],
        advice: [
            "Vraag rechtstreeks naar gedachten, plannen en middelen: dat vergroot het risico niet.",
            "Overleg dezelfde dag nog met een collega of de huisarts en leg het vast.",
            "Zeg eerlijk dat je dit niet alleen kunt dragen en waarom je anderen inschakelt.",
        ],
        decisions: [
            "Ik maak samen met haar een veiligheidsplan en overleg morgen met de huisarts.",
            "Ik volg de suïcidepreventietraining die in het voorjaar wordt gegeven.",
        ],
        follow_ups: [
            "Veiligheidsplan opstellen met de cliënt",
            "Aanmelden voor de training suïcidepreventie",
        ],
        insights: [
            "Doorvragen is zorgen, geen gevaar",
            "Ik hoef dit niet alleen te dragen",
        ],
    },
    Theme {
        title: "De familie van een stervende patiënt",
        lines: [
            "De kinderen willen dat alles wordt gedaan, terwijl de patiënt zelf heeft gezegd dat het genoeg is.",
            "Een dochter controleert elke dienst wat we doen en schrijft alles op.",
        ],
        question: [
            "Hoe sta ik naast de patiënt zonder de familie tegen me in het harnas te jagen?",
            "Hoe ga ik om met mijn eigen machteloosheid bij dit sterfbed?",
        ],
        questions: [
            "Wat heeft de patiënt zelf vastgelegd over zijn wensen?",
            "Wat raakt jou het meest als je aan deze familie denkt?",
        ],
        advice: [
            "Organiseer een familiegesprek met de arts erbij, waarin de wens van de patiënt centraal staat.",
            "Vraag de dochter wat ze nodig heeft om de zorg een beetje los te kunnen laten.",
            "Zoek na de dienst even een collega op om het van je af te praten.",
        ],
        decisions: [
            "Ik vraag de arts om deze week een familiegesprek te houden.",
            "Ik ga de dochter vragen om samen een dagstructuur op te schrijven.",
        ],
        follow_ups: [
            "Familiegesprek met de arts plannen",
            "Nagesprek met het team na het overlijden",
        ],
        insights: [
            "Controle is vaak angst om tekort te schieten",
            "Rouw begint al voor het overlijden",
        ],
    },
    Theme {
        title: "Een jongere die zich niet aan de afspraken houdt",
        lines: [
            "Hij komt steeds later terug op de groep en lacht als ik hem erop aanspreek.",
            "Hij blowt op zijn kamer en de andere jongeren kijken wat ik ga doen.",
        ],
        question: [
            "Hoe blijf ik consequent zonder dat het een machtsstrijd wordt?",
            "Hoe houd ik contact met een jongere die me steeds uitdaagt?",
        ],
        questions: [
            "Welke afspraken zijn er precies gemaakt, en door wie?",
            "Wat voelde je op het moment dat hij lachte?",
        ],
        advice: [
            "Zoek een moment waarop het rustig is en vraag wat hij zelf wil bereiken.",
            "Spreek met het hele team af hoe jullie reageren, zodat je er niet alleen voor staat.",
            "Geef een kleine, haalbare afspraak en beloon het als het lukt.",
        ],
        decisions: [
            "Ik stel voor dat het team één lijn afspreekt over te laat komen.",
            "Ik plan een wandeling met hem om los van de regels contact te maken.",
        ],
        follow_ups: [
            "Eén lijn over huisregels bespreken in het teamoverleg",
            "Wandelafspraak met de jongere maken",
        ],
        insights: [
            "Grenzen testen is ook contact zoeken",
            "Ik neem het te persoonlijk op",
        ],
    },
    Theme {
        title: "Een cliënt die een cadeau wil geven",
        lines: [
            "Bij het afsluiten van de begeleiding kreeg ik een duur horloge aangeboden.",
            "Een oudere cliënt stopt me steeds geld toe voor een kopje koffie onderweg.",
        ],
        question: [
            "Hoe weiger ik een cadeau zonder de cliënt te kwetsen?",
            "Waar ligt voor mij de grens tussen een gebaar en afhankelijkheid?",
        ],
        questions: [
            "Wat zijn de regels van je organisatie over cadeaus?",
            "Hoe voelde het om het aangeboden te krijgen?",
        ],
        advice: [
            "Bedank hartelijk voor het gebaar en leg uit waarom je het niet aanneemt.",
            "Stel voor om iets kleins voor het hele team te geven.",
            "Vraag wat het cadeau voor de cliënt betekent.",
        ],
        decisions: [
            "Ik geef het cadeau terug met een kaart waarin ik uitleg waarom.",
            "Ik bespreek de regels over cadeaus met mijn leidinggevende.",
        ],
        follow_ups: [
            "Kaart schrijven aan de cliënt",
            "Beleid over geschenken opvragen",
        ],
        insights: [
            "Dankbaarheid mag er zijn, ook als ik nee zeg",
            "Duidelijke regels beschermen ook mij",
        ],
    },
    Theme {
        title: "Een beslissing over mijn hoofd heen",
        lines: [
            "Mijn leidinggevende heeft de begeleiding van een gezin beëindigd zonder mij te vragen.",
            "Het zorgplan werd aangepast in een overleg waar ik niet bij was.",
        ],
        question: [
            "Hoe kaart ik dit aan zonder dat het een conflict met mijn leidinggevende wordt?",
            "Hoe ga ik om met het gevoel dat mijn vakmanschap niet telt?",
        ],
        questions: [
            "Weet je waarom de beslissing zo snel genomen is?",
            "Wat was je eerste gedachte toen je het hoorde?",
        ],
        advice: [
            "Vraag om uitleg voordat je je oordeel klaar hebt.",
            "Zeg concreet wat het besluit betekent voor het gezin en voor jouw werk.",
            "Maak afspraken over hoe je in het vervolg betrokken wordt.",
        ],
        decisions: [
            "Ik vraag mijn leidinggevende om een gesprek over hoe dit besluit tot stand kwam.",
            "Ik stel voor dat de casushouder voortaan altijd bij zulke overleggen is.",
        ],
        follow_ups: [
            "Gesprek met de leidinggevende aanvragen",
            "Voorstel voor werkafspraak schrijven",
        ],
        insights: [
            "Gekwetst zijn is iets anders dan gelijk hebben",
            "Ik vraag pas om ruimte als het al te laat is",
        ],
    },
    Theme {
        title: "Een huisbezoek waar ik me niet veilig voelde",
        lines: [
            "Er was een grote hond los in huis en de partner van de cliënt was onder invloed.",
            "De deur werd achter me op slot gedraaid en ik wist niet hoe ik weg moest komen.",
        ],
        question: [
            "Hoe zorg ik voor mijn eigen veiligheid zonder de cliënt te wantrouwen?",
            "Waarom ben ik toch gebleven, terwijl ik weg wilde?",
        ],
        questions: [
            "Wist iemand op kantoor waar je was?",
            "Wat zei je gevoel op het moment dat de deur op slot ging?",
        ],
        advice: [
            "Ga de volgende keer met z'n tweeën en spreek een codewoord af.",
            "Meld het incident, ook als er niets is gebeurd.",
            "Vertrouw op je eerste gevoel en vertrek als het niet goed voelt.",
        ],
        decisions: [
            "Ik meld het incident en ga voortaan met een collega naar dit adres.",
            "Ik stel voor om een vast veiligheidsprotocol voor huisbezoeken te maken.",
        ],
        follow_ups: [
            "Incidentmelding doen",
            "Veiligheidsafspraken huisbezoek bespreken in het team",
        ],
        insights: [
            "Mijn veiligheid gaat voor",
            "Ik wil te graag een goede hulpverlener zijn",
        ],
    },
    Theme {
        title: "Een mantelzorger die overbelast raakt",
        lines: [
            "Ze zorgt al jaren alleen voor haar man met dementie en wil geen hulp van buiten.",
            "Ze huilde aan de telefoon maar zei meteen daarna dat het wel ging.",
        ],
        question: [
            "Hoe help ik iemand die geen hulp wil aannemen?",
            "Hoe ver mag ik gaan als ik zie dat het thuis niet meer gaat?",
        ],
        questions: [
            "Wat heeft ze al geprobeerd aan hulp?",
            "Wat maakt het voor jou zo moeilijk om dit los te laten?",
        ],
        advice: [
            "Vraag wat ze voor zichzelf zou willen, niet wat haar man nodig heeft.",
            "Stel een kleine stap voor, zoals één dagdeel dagbesteding.",
            "Betrek de huisarts, zodat zij niet de enige is die het signaal geeft.",
        ],
        decisions: [
            "Ik bied haar aan om samen één dagdeel respijtzorg te regelen.",
            "Ik vraag de huisarts om bij het volgende bezoek naar de mantelzorger te vragen.",
        ],
        follow_ups: [
            "Mogelijkheden voor respijtzorg uitzoeken",
            "Huisarts inlichten over de zorgen",
        ],
        insights: [
            "Hulp aannemen voelt als tekortschieten",
            "Ik kan het tempo van een ander niet bepalen",
        ],
    },
    Theme {
        title: "Een oudere die zorg weigert",
        lines: [
            "Het huis is vervuild, hij eet slecht, maar hij wil niemand binnenlaten.",
            "Hij is verward en wil toch alleen blijven wonen; de buren bellen steeds vaker.",
        ],
        question: [
            "Waar ligt de grens tussen zelfbeschikking en verwaarlozing?",
            "Hoe houd ik contact met iemand die me eigenlijk niet wil zien?",
        ],
        questions: [
            "Is zijn wilsbekwaamheid ooit beoordeeld?",
            "Wat doet het met je om weg te gaan terwijl je weet hoe het daar is?",
        ],
        advice: [
            "Kom vaker kort langs zonder iets te willen, om vertrouwen op te bouwen.",
            "Bespreek de situatie in een multidisciplinair overleg.",
            "Zoek iemand uit zijn netwerk die hij wel vertrouwt.",
        ],
        decisions: [
            "Ik breng de situatie in bij het wijkoverleg en vraag om een huisbezoek met de huisarts.",
            "Ik ga elke week even langs, zonder agenda.",
        ],
        follow_ups: [
            "Casus inbrengen in het wijkoverleg",
            "Contact zoeken met de zus van de cliënt",
        ],
        insights: [
            "Zelfbeschikking betekent ook verdragen",
            "Vertrouwen kost tijd die ik niet krijg",
        ],
    },
    Theme {
        title: "Twijfel over een melding bij Veilig Thuis",
        lines: [
            "Een kind vertelde iets over thuis waar ik van schrok, maar het is vaag.",
            "Ik zie blauwe plekken en de verklaringen van moeder kloppen niet helemaal.",
        ],
        question: [
            "Wanneer is twijfel genoeg om te melden, en hoe blijf ik in contact met het gezin?",
            "Hoe ga ik om met mijn angst om het gezin kwijt te raken als ik meld?",
        ],
        questions: [
            "Welke stappen van de meldcode heb je al gezet?",
            "Wat houdt je tegen om te bellen?",
        ],
        advice: [
            "Bel Veilig Thuis eerst voor advies; dat is nog geen melding.",
            "Loop de meldcode stap voor stap door met de aandachtsfunctionaris.",
            "Vertel de ouders eerlijk wat je zorgen zijn, als dat veilig kan.",
        ],
        decisions: [
            "Ik vraag morgen advies bij Veilig Thuis en leg dat vast in het dossier.",
            "Ik bespreek mijn zorgen met de aandachtsfunctionaris en daarna met moeder.",
        ],
        follow_ups: [
            "Adviesgesprek met Veilig Thuis",
            "Gesprek met de aandachtsfunctionaris",
        ],
        insights: [
            "Advies vragen is nog geen melden",
            "Twijfel hoort bij dit werk",
        ],
    },
    Theme {
        title: "Een stagiaire die niet goed functioneert",
        lines: [
            "Ze komt onvoorbereid bij cliënten en neemt feedback niet aan.",
            "Ze is vriendelijk en betrokken, maar maakt steeds dezelfde fouten in de rapportage.",
        ],
        question: [
            "Hoe geef ik eerlijke feedback zonder haar te ontmoedigen?",
            "Hoe beoordeel ik haar streng genoeg, terwijl ik haar zo aardig vind?",
        ],
        questions: [
            "Wat staat er in de leerdoelen van de stage?",
            "Hoe voelt het om haar een onvoldoende te moeten geven?",
        ],
        advice: [
            "Maak de verwachtingen concreet en schrijf ze samen op.",
            "Plan een driegesprek met de stagedocent.",
            "Geef na elke dienst een paar minuten feedback, niet alleen bij de evaluatie.",
        ],
        decisions: [
            "Ik plan een driegesprek met de stagedocent en schrijf de verwachtingen op.",
            "Ik geef vanaf nu na elke dienst kort feedback.",
        ],
        follow_ups: [
            "Driegesprek met de stagedocent plannen",
            "Verwachtingen op papier zetten",
        ],
        insights: [
            "Aardig zijn en duidelijk zijn gaan samen",
            "Ik vind het moeilijk om iemand teleur te stellen",
        ],
    },
    Theme {
        title: "Een fout in de overdracht",
        lines: [
            "Door een onvolledige overdracht kreeg een patiënt zijn medicatie te laat.",
            "Ik vergat een afspraak door te geven en de cliënt stond voor een dichte deur.",
        ],
        question: [
            "Hoe ga ik om met mijn schuldgevoel na een fout?",
            "Hoe vertel ik eerlijk wat er misging zonder mezelf af te branden?",
        ],
        questions: [
            "Hoe is de overdracht op jullie afdeling geregeld?",
            "Wat zei je tegen jezelf op de weg naar huis?",
        ],
        advice: [
            "Meld het als incident, zodat het een leermoment voor het team wordt.",
            "Bied de patiënt excuses aan en vertel wat je gaat veranderen.",
            "Wees net zo mild voor jezelf als je voor een collega zou zijn.",
        ],
        decisions: [
            "Ik meld het incident en stel een vaste checklist voor de overdracht voor.",
            "Ik ga met de patiënt in gesprek en bied mijn excuses aan.",
        ],
        follow_ups: ["Incident melden", "Voorstel checklist overdracht maken"],
        insights: [
            "Een fout maken is iets anders dan falen",
            "Openheid over fouten maakt het team veiliger",
        ],
    },
    Theme {
        title: "Een cliënt die verliefd lijkt te worden",
        lines: [
            "Hij maakt complimenten over mijn uiterlijk en wil het gesprek steeds verlengen.",
            "Hij stuurt berichten met hartjes en vraagt of we eens koffie gaan drinken buiten het werk.",
        ],
        question: [
            "Hoe maak ik de grens duidelijk zonder hem af te wijzen als mens?",
            "Hoe ga ik om met mijn eigen ongemak in deze gesprekken?",
        ],
        questions: [
            "Sinds wanneer merk je dit?",
            "Wat gebeurt er in jou als hij een compliment geeft?",
        ],
        advice: [
            "Benoem rustig wat je merkt en wat de grenzen van jullie contact zijn.",
            "Bespreek het met je leidinggevende en overweeg een collega erbij.",
            "Leg het vast, ook om jezelf te beschermen.",
        ],
        decisions: [
            "Ik benoem in het volgende gesprek wat ik merk en wat de grens is.",
            "Ik overleg met mijn leidinggevende of een collega de begeleiding kan overnemen.",
        ],
        follow_ups: [
            "Gesprek over de grenzen van het contact",
            "Overleg met de leidinggevende",
        ],
        insights: [
            "Een grens trekken is professioneel, niet afwijzend",
            "Mijn ongemak is informatie",
        ],
    },
];

/// Questions that fit any case, with their tags.
const QUESTIONS: [(&str, QuestionKind, QuestionFocus); 28] = [
    (
        "Wat gebeurde er precies, van begin tot eind?",
        QuestionKind::Open,
        QuestionFocus::Facts,
    ),
    (
        "Wie waren er nog meer bij betrokken?",
        QuestionKind::Open,
        QuestionFocus::Facts,
    ),
    (
        "Hoe lang werk je al met deze cliënt?",
        QuestionKind::Open,
        QuestionFocus::Facts,
    ),
    (
        "Wat heb je tot nu toe zelf geprobeerd?",
        QuestionKind::Open,
        QuestionFocus::Facts,
    ),
    (
        "Wat is je opdracht in deze situatie?",
        QuestionKind::Open,
        QuestionFocus::Facts,
    ),
    (
        "Welke afspraken zijn er in je team over zulke situaties?",
        QuestionKind::Open,
        QuestionFocus::Facts,
    ),
    (
        "Wanneer merkte je voor het eerst dat het niet goed ging?",
        QuestionKind::Open,
        QuestionFocus::Facts,
    ),
    (
        "Wat zei je daarna?",
        QuestionKind::Open,
        QuestionFocus::Facts,
    ),
    (
        "Is dit eerder gebeurd?",
        QuestionKind::Closed,
        QuestionFocus::Facts,
    ),
    (
        "Weet je leidinggevende hiervan?",
        QuestionKind::Closed,
        QuestionFocus::Facts,
    ),
    (
        "Staat dit in het dossier?",
        QuestionKind::Closed,
        QuestionFocus::Facts,
    ),
    (
        "Was je alleen op dat moment?",
        QuestionKind::Closed,
        QuestionFocus::Facts,
    ),
    (
        "Wat voelde je op dat moment?",
        QuestionKind::Open,
        QuestionFocus::Experience,
    ),
    (
        "Wat raakt je het meest in deze situatie?",
        QuestionKind::Open,
        QuestionFocus::Experience,
    ),
    (
        "Waar dacht je aan toen je naar huis fietste?",
        QuestionKind::Open,
        QuestionFocus::Experience,
    ),
    (
        "Aan wie of wat doet dit je denken?",
        QuestionKind::Open,
        QuestionFocus::Experience,
    ),
    (
        "Wat zou je het liefst tegen hem of haar willen zeggen?",
        QuestionKind::Open,
        QuestionFocus::Experience,
    ),
    (
        "Wat maakt dit voor jou anders dan andere situaties?",
        QuestionKind::Open,
        QuestionFocus::Experience,
    ),
    (
        "Wat is je grootste zorg?",
        QuestionKind::Open,
        QuestionFocus::Experience,
    ),
    (
        "Welke overtuiging over goed werk speelt hier voor jou mee?",
        QuestionKind::Open,
        QuestionFocus::Experience,
    ),
    (
        "Wat heb je nodig om dit los te kunnen laten?",
        QuestionKind::Open,
        QuestionFocus::Experience,
    ),
    (
        "Voelde je je machteloos?",
        QuestionKind::Closed,
        QuestionFocus::Experience,
    ),
    (
        "Was je boos?",
        QuestionKind::Closed,
        QuestionFocus::Experience,
    ),
    (
        "Slaap je er slecht van?",
        QuestionKind::Closed,
        QuestionFocus::Experience,
    ),
    (
        "Heb je er al aan gedacht om het met je leidinggevende te bespreken?",
        QuestionKind::Suggestive,
        QuestionFocus::Facts,
    ),
    (
        "Zou het niet helpen om een collega mee te nemen?",
        QuestionKind::Suggestive,
        QuestionFocus::Facts,
    ),
    (
        "Is het niet gewoon te veel voor één persoon?",
        QuestionKind::Suggestive,
        QuestionFocus::Experience,
    ),
    (
        "Voel je je niet gewoon te verantwoordelijk?",
        QuestionKind::Suggestive,
        QuestionFocus::Experience,
    ),
];

/// Advice that fits almost any case.
const ADVICE: [&str; 14] = [
    "Bespreek het met je leidinggevende voordat je een volgende stap zet.",
    "Schrijf op wat je precies hebt gezien en gehoord, los van je interpretatie.",
    "Neem een collega mee naar het volgende gesprek.",
    "Vraag de cliënt zelf wat hij of zij nodig heeft.",
    "Gun jezelf tijd: je hoeft niet meteen een oplossing te hebben.",
    "Maak één kleine, concrete afspraak in plaats van een groot plan.",
    "Zoek na afloop iemand op om het van je af te praten.",
    "Leg vast wat je hebt afgesproken en met wie.",
    "Benoem je eigen gevoel in het gesprek, dat maakt het eerlijker.",
    "Vraag intervisie of supervisie aan als dit blijft knagen.",
    "Kijk wie er in het netwerk van de cliënt kan helpen.",
    "Check de regels en afspraken van je organisatie hierover.",
    "Oefen het gesprek eerst met een collega.",
    "Stel jezelf de vraag wat je over een jaar gedaan wilt hebben.",
];

/// Notes a leader writes down about a phase.
const NOTES: [&str; 12] = [
    "Kernvraag op het flip-over gezet.",
    "De inbrenger had moeite om het kort te houden; twee minuten extra gegeven.",
    "Veel herkenning in de groep.",
    "De groep ging snel naar oplossingen; teruggebracht naar vragen.",
    "Het werd even stil na het verhaal, dat gaf ruimte.",
    "Iemand vertelde over een vergelijkbare situatie uit het eigen werk.",
    "Vragen gingen vooral over de feiten, weinig over de beleving.",
    "Goede sfeer, iedereen kwam aan het woord.",
    "De inbrenger werd geraakt; even pauze genomen.",
    "Afgesproken om hier een volgende keer op terug te komen.",
    "Twee leden herkenden het patroon uit hun eigen team.",
    "Het tempo lag hoog; volgende keer meer tijd voor de vraagstelling.",
];

/// Insights and key words that fit any case.
const INSIGHTS: [&str; 12] = [
    "Eerst begrijpen, dan pas handelen",
    "Niet alles is mijn verantwoordelijkheid",
    "Stilte mag er zijn",
    "Mijn eerste indruk was niet de hele waarheid",
    "Vragen stellen zonder advies is moeilijker dan gedacht",
    "Ik herken mijn eigen patroon van redden",
    "Onderstroom: schuld en schaamte",
    "Professionele afstand en nabijheid",
    "Het helpt om hardop te zeggen wat ik voel",
    "De vraag achter de vraag",
    "Samen staan we sterker dan alleen",
    "Zorg voor jezelf is ook zorg voor de cliënt",
];

/// Generic follow-up steps.
const FOLLOW_UPS: [&str; 5] = [
    "Terugkoppelen in de volgende bijeenkomst",
    "Gesprek voorbereiden met een collega",
    "Afspraken vastleggen in het dossier",
    "Vraag voorleggen aan de leidinggevende",
    "Eigen reflectie opschrijven",
];

/// A time as local text in `tz`, e.g. `2026-11-23 19:30` for `%Y-%m-%d %H:%M`.
fn local(tz: &TimeZone, ms: i64, format: &str) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| t.to_zoned(tz.clone()).strftime(format).to_string())
        .unwrap_or_default()
}

/// How often each protocol is used, relative: mostly the full forms.
fn protocol_weight(id: &str) -> u32 {
    match id {
        "balint-9-fasen" => 46,
        "balint-8-stappen" => 34,
        "uitpluizen" | "geen-oplossing-geven" | "hoe-zou-ik-het-doen" => 7,
        _ => 3,
    }
}

/// Makes one meeting after another, newest first, going back in time.
pub struct DemoGenerator {
    rng: StdRng,
    protocols: Vec<(Protocol, u32)>,
    tz: TimeZone,
    /// Average seconds between two meetings.
    interval_secs: i64,
    /// Snap starts to usual meeting times (when meetings are weeks apart).
    snap_to_slots: bool,
    /// Start of the meeting made last; the next one is earlier.
    previous_start_ms: i64,
    roster: Vec<&'static str>,
    now_ms: i64,
    change_chance: f64,
    /// Meetings with follow-ups made so far (newer ones).
    follow_up_meetings: usize,
    made: usize,
}

impl DemoGenerator {
    /// A generator for `options.meetings` meetings ending a few days before `now_ms`, using
    /// the protocols of `catalog`.
    pub fn new(
        catalog: &Catalog,
        options: &DemoOptions,
        now_ms: i64,
        tz: TimeZone,
    ) -> Result<Self, String> {
        let protocols: Vec<(Protocol, u32)> = catalog
            .entries
            .iter()
            .map(|e| (e.protocol.clone(), protocol_weight(&e.protocol.id)))
            .collect();
        if protocols.is_empty() {
            return Err(
                "no protocols could be loaded, so no example meetings can be made; run kring \
                 check on the protocols folder."
                    .to_owned(),
            );
        }
        let mut rng = StdRng::seed_from_u64(options.seed);
        const DAY: i64 = 24 * 3600;
        // About every five weeks; with many meetings, compress them into about ten years.
        let usual = 35 * DAY;
        let span_cap = 10 * 365 * DAY;
        let count = i64::try_from(options.meetings.max(1)).unwrap_or(i64::MAX);
        let interval_secs = if usual.saturating_mul(count) <= span_cap {
            usual
        } else {
            (span_cap / count).max(4 * 3600)
        };
        let mut pool = NAMES.to_vec();
        pool.shuffle(&mut rng);
        let size = rng.random_range(6..=9);
        let roster: Vec<&'static str> = pool.into_iter().take(size).collect();
        let meetings_per_year = (365 * DAY) as f64 / interval_secs as f64;
        let first_gap_ms = rng.random_range(2..=9) * DAY * 1000;
        Ok(Self {
            rng,
            protocols,
            tz,
            interval_secs,
            snap_to_slots: interval_secs >= 7 * DAY,
            previous_start_ms: now_ms.saturating_sub(first_gap_ms),
            roster,
            now_ms,
            change_chance: (1.3 / meetings_per_year).clamp(0.0005, 0.3),
            follow_up_meetings: 0,
            made: 0,
        })
    }

    /// The next meeting, earlier than the one before.
    pub fn next_meeting(&mut self) -> MeetingRecord {
        if self.made > 0 {
            self.change_members();
        }
        let start_ms = self.next_start_ms();
        self.previous_start_ms = start_ms;
        self.made += 1;

        let total: u32 = self.protocols.iter().map(|(_, w)| w).sum();
        let mut pick = self.rng.random_range(0..total.max(1));
        let mut index = 0;
        for (i, (_, weight)) in self.protocols.iter().enumerate() {
            if pick < *weight {
                index = i;
                break;
            }
            pick -= weight;
        }
        let protocol = self.protocols[index].0.clone();
        let (phases, breaks, ended_early) = self.phases(&protocol);
        let phase_ms: i64 = phases.iter().map(|p| p.actual_secs * 1000).sum();
        let break_ms: i64 = breaks.iter().map(|b| b.actual_secs * 1000).sum();
        let mut content = self.content(&protocol, &phases, start_ms);
        lead_and_lateness(&mut content, start_ms);
        MeetingRecord {
            format_version: RECORD_FORMAT_VERSION,
            protocol_id: protocol.id.clone(),
            protocol_version: protocol.version,
            protocol_name: protocol.name.clone(),
            parts: protocol.parts,
            started_at_ms: start_ms,
            ended_at_ms: start_ms + phase_ms + break_ms,
            started_local: local(&self.tz, start_ms, "%Y-%m-%d %H:%M"),
            ended_early,
            planned_minutes: protocol.planned_minutes(),
            phases,
            breaks,
            content,
        }
    }

    /// Members come and go: going back in time, someone who left later is still there, or
    /// someone who joined later is not there yet. Always 6 to 9 members.
    fn change_members(&mut self) {
        if !self.rng.random_bool(self.change_chance) {
            return;
        }
        let outsiders: Vec<&'static str> = NAMES
            .iter()
            .copied()
            .filter(|n| !self.roster.contains(n))
            .collect();
        let add = self.roster.len() < 9 && (self.roster.len() <= 6 || self.rng.random_bool(0.5));
        if add {
            if let Some(name) = outsiders.choose(&mut self.rng) {
                self.roster.push(name);
            }
        } else {
            let at = self.rng.random_range(0..self.roster.len());
            self.roster.remove(at);
        }
    }

    fn next_start_ms(&mut self) -> i64 {
        const HOUR_MS: i64 = 3600 * 1000;
        // The newest meeting starts at `previous_start_ms` as set up by `new`.
        let (gap_ms, latest_ms) = if self.made == 0 {
            (0, self.now_ms)
        } else {
            // Snapping to a weekday below moves a meeting back 1 to 7 days more: 3 to 6 weeks.
            let jitter = if self.snap_to_slots {
                self.rng.random_range(0.6..1.0)
            } else {
                self.rng.random_range(0.75..1.25)
            };
            let gap_ms = ((self.interval_secs as f64 * jitter) as i64 * 1000).max(4 * HOUR_MS);
            (gap_ms, self.previous_start_ms - 4 * HOUR_MS)
        };
        let candidate = self.previous_start_ms - gap_ms;
        if !self.snap_to_slots {
            // Many meetings close together: any time, on five minutes.
            return candidate - candidate.rem_euclid(5 * 60 * 1000);
        }
        let Ok(at) = jiff::Timestamp::from_millisecond(candidate) else {
            return candidate;
        };
        // Usually Tuesday evening, as agreed; now and then moved to another weekday.
        let date = at.to_zoned(self.tz.clone()).date();
        let weekday = *[
            Weekday::Tuesday,
            Weekday::Tuesday,
            Weekday::Tuesday,
            Weekday::Tuesday,
            Weekday::Tuesday,
            Weekday::Tuesday,
            Weekday::Monday,
            Weekday::Wednesday,
            Weekday::Thursday,
        ]
        .choose(&mut self.rng)
        .unwrap_or(&Weekday::Tuesday);
        let date = date.nth_weekday(-1, weekday).unwrap_or(date);
        let (hour, minute) = *[(19, 30), (19, 30), (19, 30), (19, 30), (19, 0), (20, 0)]
            .choose(&mut self.rng)
            .unwrap_or(&(19, 30));
        let start = date
            .at(hour, minute, 0, 0)
            .to_zoned(self.tz.clone())
            .map(|z| z.timestamp().as_millisecond())
            .unwrap_or(candidate);
        // Never on or after the meeting made before (or after now).
        if start < latest_ms {
            start
        } else {
            candidate - candidate.rem_euclid(5 * 60 * 1000)
        }
    }

    /// The phases as they went: around the plan, some over time, now and then one skipped,
    /// a break, or a meeting ended before its last phase.
    fn phases(&mut self, protocol: &Protocol) -> (Vec<PhaseRecord>, Vec<BreakRecord>, bool) {
        let rng = &mut self.rng;
        let count = protocol.phases.len();
        let ended_early_at = if count > 3 && rng.random_bool(0.04) {
            Some(rng.random_range(count - 3..count))
        } else {
            None
        };
        let break_after = if count > 4 && rng.random_bool(if count >= 9 { 0.18 } else { 0.06 }) {
            Some(rng.random_range(2..count - 1))
        } else {
            None
        };
        let mut phases = Vec::with_capacity(count);
        let mut breaks = Vec::new();
        for (index, phase) in protocol.phases.iter().enumerate() {
            let mut record = PhaseRecord {
                id: phase.id.clone(),
                title: phase.title.clone(),
                outcome: PhaseOutcome::Done,
                planned_minutes: phase.planned_minutes,
                prepare_minutes: phase.prepare_minutes,
                adjusted_minutes: 0,
                actual_secs: 0,
                run_secs: 0,
                overrun_secs: 0,
            };
            let essential = phase.tools.iter().any(|t| {
                matches!(
                    t,
                    Tool::ProblemList
                        | Tool::Choice
                        | Tool::QuestionLog
                        | Tool::AdviceBoard
                        | Tool::Decision
                )
            });
            if ended_early_at.is_some_and(|at| index > at) {
                record.outcome = PhaseOutcome::NotReached;
                phases.push(record);
                continue;
            }
            if index >= 2 && !essential && rng.random_bool(0.05) {
                record.outcome = PhaseOutcome::Skipped;
                phases.push(record);
                continue;
            }
            let planned_secs = i64::from(phase.planned_minutes) * 60;
            let roll: f64 = rng.random();
            let factor = if roll < 0.68 {
                rng.random_range(0.8..1.08)
            } else if roll < 0.9 {
                rng.random_range(1.08..1.5)
            } else {
                rng.random_range(0.5..0.8)
            };
            let mut run_secs = (planned_secs as f64 * factor) as i64;
            if factor > 1.15 && rng.random_bool(0.35) {
                record.adjusted_minutes = rng.random_range(1..=5);
            }
            if ended_early_at == Some(index) {
                record.outcome = PhaseOutcome::Interrupted;
                run_secs = (planned_secs as f64 * rng.random_range(0.2..0.8)) as i64;
            }
            let prepare_secs = if phase.prepare_minutes > 0 {
                (i64::from(phase.prepare_minutes) * 60) * rng.random_range(60..=140) / 100
            } else {
                0
            };
            let explain_close_secs = rng.random_range(20..=100);
            record.run_secs = run_secs;
            record.actual_secs = prepare_secs + run_secs + explain_close_secs;
            record.overrun_secs =
                (run_secs - planned_secs - i64::from(record.adjusted_minutes) * 60).max(0);
            if break_after == Some(index) {
                let planned_secs = if rng.random_bool(0.8) { 600 } else { 900 };
                breaks.push(BreakRecord {
                    during_phase: phase.id.clone(),
                    planned_secs,
                    actual_secs: planned_secs + rng.random_range(-120..=300),
                });
            }
            phases.push(record);
        }
        (phases, breaks, ended_early_at.is_some())
    }

    /// What the group produced, as far as the protocol's tools go.
    fn content(
        &mut self,
        protocol: &Protocol,
        phases: &[PhaseRecord],
        start_ms: i64,
    ) -> MeetingContent {
        let reached = |tool: Tool| {
            protocol.phases.iter().zip(phases).any(|(p, r)| {
                p.tools.contains(&tool)
                    && matches!(r.outcome, PhaseOutcome::Done | PhaseOutcome::Interrupted)
            })
        };
        let rng = &mut self.rng;
        let mut content = MeetingContent::default();

        // Who was there: usually everyone, now and then one or two missing.
        for name in &self.roster {
            if !rng.random_bool(0.12) {
                content.add_present(name);
            }
        }
        while content.present.len() < 4 {
            let missing: Vec<&&str> = self
                .roster
                .iter()
                .filter(|n| !content.present.iter().any(|p| p == **n))
                .collect();
            let Some(name) = missing.choose(rng) else {
                break;
            };
            content.add_present(name);
        }
        content.present_count = content.present.len() as u32;
        content.names_on_wall = rng.random_bool(0.3);

        // Two to four problems, each from another member.
        let mut owners = content.present.clone();
        owners.shuffle(rng);
        let mut themes: Vec<usize> = (0..THEMES.len()).collect();
        themes.shuffle(rng);
        let problem_count = rng.random_range(2..=4).min(owners.len());
        let mut ids = Vec::new();
        for (owner, &theme) in owners.iter().zip(&themes).take(problem_count) {
            let theme = &THEMES[theme];
            let line = theme.lines.choose(rng).copied().unwrap_or_default();
            if let Some(id) = content.add_problem(theme.title, line, Some(owner.clone())) {
                ids.push(id);
            }
        }
        for problem in &mut content.problems {
            if rng.random_bool(0.5) {
                problem.question = THEMES
                    .iter()
                    .find(|t| t.title == problem.title)
                    .and_then(|t| t.question.choose(rng))
                    .map(|q| (*q).to_owned());
            }
        }
        let dots = content.dots_available();
        for _ in 0..dots {
            if let Some(&id) = ids.choose(rng) {
                content.vote(id, 1);
            }
        }
        let chosen = content
            .vote_leaders()
            .first()
            .copied()
            .or(ids.first().copied());
        let theme = chosen
            .and_then(|id| content.problem(id))
            .and_then(|p| THEMES.iter().find(|t| t.title == p.title))
            .unwrap_or(&THEMES[0]);
        if let Some(id) = chosen {
            content.choose(id);
            let question = theme.question.choose(rng).copied().unwrap_or_default();
            if let Some(problem) = content.problems.iter_mut().find(|p| p.id == id)
                && problem.question.is_none()
            {
                problem.question = Some(question.to_owned());
            }
        }
        let inbrenger = content.inbrenger.clone().unwrap_or_default();

        // Questions, mostly open; a few closed or suggestive ones slip in.
        if reached(Tool::QuestionLog) {
            let count = rng.random_range(3..=10);
            let mut pool: Vec<(&str, QuestionKind, QuestionFocus)> = vec![
                (theme.questions[0], QuestionKind::Open, QuestionFocus::Facts),
                (
                    theme.questions[1],
                    QuestionKind::Open,
                    QuestionFocus::Experience,
                ),
            ];
            let mut generic = QUESTIONS.to_vec();
            generic.shuffle(rng);
            pool.extend(generic);
            pool.truncate(count.max(2) + 2);
            pool.shuffle(rng);
            content.questions = pool
                .into_iter()
                .take(count)
                .map(|(text, kind, focus)| Question {
                    text: text.to_owned(),
                    kind,
                    focus,
                })
                .collect();
            content.early_advice = *[0, 0, 0, 0, 0, 1, 1, 1, 2, 3].choose(rng).unwrap_or(&0);
        }

        // Anonymous advice, entered in random places and revealed in a fresh order.
        if reached(Tool::AdviceBoard) {
            if let Some(phase) = protocol
                .phases
                .iter()
                .find(|p| p.tools.contains(&Tool::AdviceBoard))
                && let Some(variant) = phase.variants.choose(rng)
            {
                content.advice_form = Some(variant.id.clone());
                if variant.id == "subgroepen" {
                    content.make_subgroups(3, rng);
                }
            }
            let count = rng.random_range(3..=7);
            for text in pick_texts(&theme.advice, &ADVICE, count, rng) {
                content.advice.add(text, rng);
            }
            content.advice.reveal(rng);
            let marks = [
                Some(AdviceMark::WillUse),
                Some(AdviceMark::WillUse),
                Some(AdviceMark::Maybe),
                Some(AdviceMark::Maybe),
                Some(AdviceMark::NotNow),
                None,
            ];
            for index in 0..content.advice.len() {
                let mark = marks.choose(rng).copied().flatten();
                content.advice.set_mark(index, mark);
            }
            if !content
                .advice
                .items()
                .iter()
                .any(|a| a.mark == Some(AdviceMark::WillUse))
            {
                content.advice.set_mark(0, Some(AdviceMark::WillUse));
            }
        }

        // The decision and what follows from it.
        if reached(Tool::Decision) {
            content.decision = theme
                .decisions
                .choose(rng)
                .copied()
                .unwrap_or_default()
                .to_owned();
            let newer = self.follow_up_meetings;
            self.follow_up_meetings += 1;
            let done_chance = match newer {
                0 => 0.0,
                1 => 0.4,
                2..=3 => 0.7,
                _ => 0.93,
            };
            let count = rng.random_range(1..=3);
            let mut whats: Vec<&str> = theme.follow_ups.to_vec();
            whats.push(FOLLOW_UPS.choose(rng).copied().unwrap_or_default());
            for what in whats.into_iter().take(count) {
                let who = if rng.random_bool(0.85) || inbrenger.is_empty() {
                    inbrenger.clone()
                } else {
                    content
                        .present
                        .choose(rng)
                        .cloned()
                        .unwrap_or_else(|| inbrenger.clone())
                };
                let by_when = if rng.random_bool(0.4) {
                    "volgende bijeenkomst".to_owned()
                } else {
                    let days = rng.random_range(7..=28);
                    let by = start_ms + days * 24 * 3600 * 1000;
                    format!("vóór {}", local(&self.tz, by, "%d-%m-%Y"))
                };
                content.follow_ups.push(FollowUp {
                    what: what.to_owned(),
                    who,
                    by_when,
                    done: rng.random_bool(done_chance),
                });
            }
        }

        // Notes on some phases, insights at the end.
        for (phase, record) in protocol.phases.iter().zip(phases) {
            if phase.tools.contains(&Tool::Notes)
                && record.outcome == PhaseOutcome::Done
                && rng.random_bool(0.55)
                && let Some(note) = NOTES.choose(rng)
            {
                content.notes.insert(phase.id.clone(), (*note).to_owned());
            }
        }
        if reached(Tool::Insights) {
            let count = rng.random_range(2..=5);
            content.insights = pick_texts(&theme.insights, &INSIGHTS, count, rng)
                .into_iter()
                .map(str::to_owned)
                .collect();
            content.insights_on_wall = rng.random_bool(0.5);
        }
        content
    }
}

/// `count` texts for a meeting (advice, insights): the theme's own, topped up with generic
/// ones in a random order, then shuffled together.
fn pick_texts(
    own: &[&'static str],
    generic: &[&'static str],
    count: usize,
    rng: &mut StdRng,
) -> Vec<&'static str> {
    let mut pool = own.to_vec();
    let mut generic = generic.to_vec();
    generic.shuffle(rng);
    pool.extend(generic);
    pool.truncate(count + 1);
    pool.shuffle(rng);
    pool.truncate(count);
    pool
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW_MS: i64 = 1_767_225_600_000; // 2026-01-01 00:00 UTC

    fn generate(n: usize, seed: u64) -> Vec<MeetingRecord> {
        let catalog = Catalog::load(None);
        let options = DemoOptions {
            meetings: n,
            seed,
            ..DemoOptions::default()
        };
        let mut generator =
            DemoGenerator::new(&catalog, &options, NOW_MS, TimeZone::UTC).expect("generator");
        (0..n).map(|_| generator.next_meeting()).collect()
    }

    #[test]
    fn meetings_go_back_in_time_and_are_filled_in() {
        let meetings = generate(60, 3);
        for pair in meetings.windows(2) {
            let gap_days = (pair[0].started_at_ms - pair[1].started_at_ms) / 86_400_000;
            assert!((20..=43).contains(&gap_days), "{gap_days} days apart");
        }
        let tuesdays = meetings
            .iter()
            .filter(|m| {
                jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M", &m.started_local)
                    .is_ok_and(|at| at.weekday() == Weekday::Tuesday && at.hour() >= 19)
            })
            .count();
        assert!(
            tuesdays * 2 > meetings.len(),
            "{tuesdays} on Tuesday evening"
        );
        let newest = &meetings[0];
        let days_ago = (NOW_MS - newest.started_at_ms) / 86_400_000;
        assert!((1..=10).contains(&days_ago), "newest {days_ago} days ago");
        for record in &meetings {
            let c = &record.content;
            assert!((4..=9).contains(&c.present.len()), "{:?}", c.present);
            assert!((2..=4).contains(&c.problems.len()));
            assert!(c.chosen().is_some() && c.inbrenger.is_some());
            assert!(record.ended_at_ms > record.started_at_ms);
            let actual_minutes = record.duration_minutes();
            assert!(
                (20..=200).contains(&actual_minutes),
                "{} took {actual_minutes} min",
                record.protocol_id
            );
            if record.protocol_id == "balint-9-fasen" && !record.ended_early {
                assert!((3..=10).contains(&c.questions.len()));
                assert!((3..=7).contains(&c.advice.len()));
                assert!(!c.decision.is_empty());
                assert!((1..=3).contains(&c.follow_ups.len()));
            }
        }
        let overrun = meetings
            .iter()
            .flat_map(|m| &m.phases)
            .filter(|p| p.overrun_secs > 60)
            .count();
        let skipped = meetings.iter().flat_map(|m| m.skipped_phases()).count();
        let breaks: usize = meetings.iter().map(|m| m.breaks.len()).sum();
        assert!(
            overrun > 0 && skipped > 0 && breaks > 0,
            "{overrun} {skipped} {breaks}"
        );
        // Members change a little over the years.
        let first: std::collections::BTreeSet<_> = meetings[0].content.present.iter().collect();
        let everyone: std::collections::BTreeSet<_> =
            meetings.iter().flat_map(|m| &m.content.present).collect();
        assert!(everyone.len() > first.len(), "{everyone:?}");
        assert!(everyone.len() <= 14, "{everyone:?}");
    }

    #[test]
    fn many_meetings_are_compressed_into_about_ten_years() {
        let meetings = generate(3000, 1);
        let span_days = (meetings[0].started_at_ms - meetings[2999].started_at_ms) / 86_400_000;
        assert!((2000..=4000).contains(&span_days), "{span_days} days");
        let mut names: Vec<String> = meetings.iter().map(record_file_name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 3000, "every meeting has its own file name");
    }

    #[test]
    fn the_same_seed_gives_the_same_meetings() {
        assert_eq!(generate(15, 9), generate(15, 9));
        assert_ne!(generate(15, 9), generate(15, 10));
    }
}
