//! Numbers and dates as a person writes them in each language: "0,8 uur" and
//! "2 december 2026" in Dutch, "0.8 hours" and "2 December 2026" in English, "0,8 Stunden",
//! "2. Dezember 2026" and "19:30 Uhr" in German. Used on screen and in exports alike; file
//! names keep ISO dates (`2026-12-02_1930_...`), which sort.

use jiff::civil::{Date, DateTime};

use super::{fill, strings};
use crate::model::Lang;

/// `value` with `decimals` digits after the decimal sign: a comma in Dutch and German, a
/// point in English.
pub fn format_decimal(lang: Lang, value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    match lang {
        Lang::Nl | Lang::De => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Minutes as hours with one decimal and the unit: "0,8 uur", "1.5 hours", "0,8 Stunden".
pub fn format_hours(lang: Lang, minutes: i64) -> String {
    let tenths = (minutes * 10 + 30).div_euclid(60);
    let hours = format_decimal(lang, tenths as f64 / 10.0, 1);
    let one = if tenths == 10 { 1 } else { 0 };
    fill(strings(lang).hours.get(one), &[("hours", &hours)])
}

/// "2 december 2026", "2 December 2026", "2. Dezember 2026".
pub fn format_date(lang: Lang, date: Date) -> String {
    let day_mark = match lang {
        Lang::De => ".",
        Lang::Nl | Lang::En => "",
    };
    format!(
        "{}{day_mark} {} {}",
        date.day(),
        month(lang, date),
        date.year()
    )
}

/// A stored local date text (`2026-12-02`, or the start of `2026-12-02 19:30`) as
/// [`format_date`] writes it; any other text as it is.
pub fn format_date_text(lang: Lang, text: &str) -> String {
    let head = text.trim().get(..10).unwrap_or(text);
    match Date::strptime("%Y-%m-%d", head) {
        Ok(date) => format_date(lang, date),
        Err(_) => text.to_owned(),
    }
}

/// A stored local start time (`2026-12-02 19:30`) as "2 december 2026, 19:30" (German:
/// "2. Dezember 2026, 19:30 Uhr"); any other text as it is.
pub fn format_date_time_text(lang: Lang, text: &str) -> String {
    match parse_date_time(text) {
        Some(at) => format!("{}, {}", format_date(lang, at.date()), clock(lang, at)),
        None => text.to_owned(),
    }
}

/// As [`format_date_time_text`], with the weekday first: "woensdag 2 december 2026, 19:30",
/// "Mittwoch, 2. Dezember 2026, 19:30 Uhr".
pub fn format_long_date_time_text(lang: Lang, text: &str) -> String {
    match parse_date_time(text) {
        Some(at) => {
            let weekday = strings(lang).weekdays
                [usize::from(at.weekday().to_monday_zero_offset().unsigned_abs()) % 7];
            let comma = match lang {
                Lang::De => ",",
                Lang::Nl | Lang::En => "",
            };
            format!(
                "{weekday}{comma} {}, {}",
                format_date(lang, at.date()),
                clock(lang, at)
            )
        }
        None => text.to_owned(),
    }
}

fn parse_date_time(text: &str) -> Option<DateTime> {
    DateTime::strptime("%Y-%m-%d %H:%M", text.trim()).ok()
}

/// "19:30"; in German with "Uhr" after it, as a date line writes it.
fn clock(lang: Lang, at: DateTime) -> String {
    let time = format!("{:02}:{:02}", at.hour(), at.minute());
    match lang {
        Lang::De => format!("{time} Uhr"),
        Lang::Nl | Lang::En => time,
    }
}

fn month(lang: Lang, date: Date) -> &'static str {
    strings(lang).months[usize::from(date.month().unsigned_abs()).saturating_sub(1) % 12]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numbers_have_a_decimal_comma() {
        assert_eq!(format_hours(Lang::Nl, 45), "0,8 uur");
        assert_eq!(format_hours(Lang::En, 45), "0.8 hours");
        assert_eq!(format_hours(Lang::Nl, 60), "1,0 uur");
        assert_eq!(format_hours(Lang::En, 60), "1.0 hour");
        assert_eq!(format_hours(Lang::En, 0), "0.0 hours");
        assert_eq!(format_hours(Lang::Nl, 150), "2,5 uur");
        assert_eq!(format_decimal(Lang::Nl, 12.25, 2), "12,25");
    }

    #[test]
    fn german_numbers_and_dates() {
        assert_eq!(format_hours(Lang::De, 45), "0,8 Stunden");
        assert_eq!(format_hours(Lang::De, 60), "1,0 Stunde");
        assert_eq!(format_hours(Lang::De, 90), "1,5 Stunden");
        assert_eq!(format_decimal(Lang::De, 12.25, 2), "12,25");
        let date = jiff::civil::date(2026, 12, 2);
        assert_eq!(format_date(Lang::De, date), "2. Dezember 2026");
        assert_eq!(
            format_date(Lang::De, jiff::civil::date(2027, 3, 14)),
            "14. März 2027"
        );
        assert_eq!(
            format_date_time_text(Lang::De, "2026-12-02 14:30"),
            "2. Dezember 2026, 14:30 Uhr"
        );
        assert_eq!(
            format_long_date_time_text(Lang::De, "2026-12-02 09:05"),
            "Mittwoch, 2. Dezember 2026, 09:05 Uhr"
        );
        assert_eq!(format_date_text(Lang::De, "nächste Woche"), "nächste Woche");
    }

    #[test]
    fn dates_are_written_out() {
        let date = jiff::civil::date(2026, 12, 2);
        assert_eq!(format_date(Lang::Nl, date), "2 december 2026");
        assert_eq!(format_date(Lang::En, date), "2 December 2026");
        assert_eq!(format_date_text(Lang::Nl, "2026-12-02"), "2 december 2026");
        assert_eq!(
            format_date_text(Lang::Nl, "2026-12-02 19:30"),
            "2 december 2026"
        );
        assert_eq!(
            format_date_time_text(Lang::Nl, "2026-12-02 19:30"),
            "2 december 2026, 19:30"
        );
        assert_eq!(
            format_long_date_time_text(Lang::Nl, "2026-12-02 19:30"),
            "woensdag 2 december 2026, 19:30"
        );
        assert_eq!(
            format_long_date_time_text(Lang::En, "2026-12-02 19:30"),
            "Wednesday 2 December 2026, 19:30"
        );
        assert_eq!(format_date_text(Lang::Nl, "volgende week"), "volgende week");
        assert_eq!(format_date_time_text(Lang::En, "ooit"), "ooit");
    }
}
