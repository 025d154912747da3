//! Folding text for search: the one way queries, searched texts and member names are made
//! comparable (case, accents, ligatures, quotes and whitespace do not matter).

/// Folds text for searching: lower case, accents and other marks removed (é, ë, è → e), a few
/// ligatures spelled out (ß → ss, æ → ae, ĳ → ij), curly quotes made straight and every
/// whitespace a single space. Search queries and texts are folded the same way.
pub fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

pub(super) fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        fold_char(c, out);
    }
}

pub(super) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(if c.is_ascii_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    if c.is_whitespace() {
        out.push(' ');
        return;
    }
    for lower in c.to_lowercase() {
        let folded: &str = match lower {
            // Combining marks (a decomposed "é" is "e" and U+0301).
            '\u{300}'..='\u{36f}' => "",
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
            'ĥ' | 'ħ' => "h",
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
            'ĵ' => "j",
            'ķ' => "k",
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
            'ñ' | 'ń' | 'ņ' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
            'ŕ' | 'ŗ' | 'ř' => "r",
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
            'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
            'ŵ' => "w",
            'ý' | 'ÿ' | 'ŷ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ĳ' => "ij",
            'þ' => "th",
            '‘' | '’' | '‚' | '′' => "'",
            '“' | '”' | '„' | '″' => "\"",
            '‐' | '‑' | '‒' | '–' | '—' => "-",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(folded);
    }
}
