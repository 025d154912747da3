//! How members join from their phones, as the wall and the leader's screen show it: the link
//! as a QR code (its modules, drawn by `ui::phones`) and as text.

/// The link to the open meeting, as a QR code and as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinCard {
    pub url: String,
    /// Modules per side.
    pub width: usize,
    /// Row by row, `true` for a dark module.
    pub dark: Vec<bool>,
    /// How many phones take part (shown to the leader only).
    pub devices: usize,
}

impl JoinCard {
    /// `None` when the link does not fit in a QR code (it always does: it is short).
    pub fn new(url: &str) -> Option<Self> {
        let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
        Some(Self {
            url: url.to_owned(),
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect(),
            devices: 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_of_modules() {
        let card =
            JoinCard::new("http://192.168.1.20:40123/m/0123456789abcdef0123456789abcdef/").unwrap();
        assert_eq!(card.dark.len(), card.width * card.width);
        assert!(card.width >= 21);
        // The finder pattern: the top-left corner is dark.
        assert!(card.dark[0]);
    }
}
