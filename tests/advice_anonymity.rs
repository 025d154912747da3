//! Advice is anonymous: no author, time or entry position is kept, and neither the stored nor
//! the revealed order follows the order in which it was typed. Checked over many runs with the
//! app's own random source, not with a seed the test chooses.

use kring::model::{AdviceBoard, MeetingContent};

const RUNS: usize = 3000;
const PIECES: [&str; 5] = ["een", "twee", "drie", "vier", "vijf"];

fn positions(order: &[&str]) -> Vec<usize> {
    PIECES
        .iter()
        .map(|p| order.iter().position(|o| o == p).expect("present"))
        .collect()
}

#[test]
fn stored_and_revealed_order_do_not_follow_entry_order() {
    let mut rng = rand::rng();
    let mut stored_as_entered = 0;
    let mut revealed_as_entered = 0;
    // first_at[p]: how often the first piece typed ended up at position p.
    let mut first_stored_at = [0usize; 5];
    let mut first_revealed_at = [0usize; 5];
    let mut last_revealed_at = [0usize; 5];
    for _ in 0..RUNS {
        let mut board = AdviceBoard::default();
        for piece in PIECES {
            assert!(board.add(piece, &mut rng));
        }
        let stored: Vec<&str> = board.items().iter().map(|a| a.text.as_str()).collect();
        if stored == PIECES {
            stored_as_entered += 1;
        }
        first_stored_at[positions(&stored)[0]] += 1;

        board.reveal(&mut rng);
        let revealed: Vec<&str> = board.items().iter().map(|a| a.text.as_str()).collect();
        if revealed == PIECES {
            revealed_as_entered += 1;
        }
        let at = positions(&revealed);
        first_revealed_at[at[0]] += 1;
        last_revealed_at[at[4]] += 1;
    }
    // With 5 pieces a random order equals the entry order 1 time in 120 (25 in 3000).
    assert!(
        stored_as_entered < 75,
        "stored in entry order {stored_as_entered}x"
    );
    assert!(
        revealed_as_entered < 75,
        "revealed in entry order {revealed_as_entered}x"
    );
    // Every position is about equally likely (600 each); far from it would give people away.
    for counts in [first_stored_at, first_revealed_at, last_revealed_at] {
        for count in counts {
            assert!((450..=750).contains(&count), "{counts:?}");
        }
    }
}

#[test]
fn a_stored_piece_of_advice_has_only_its_text_and_the_inbrenger_mark() {
    let mut content = MeetingContent::default();
    content.advice.add("Vraag om steun", &mut rand::rng());
    let ron = kring::store::to_ron(&content.advice).expect("ron");
    let fields: Vec<&str> = ron
        .lines()
        .filter_map(|l| l.trim().split_once(':').map(|(k, _)| k.trim()))
        .collect();
    assert_eq!(fields, ["items", "text", "mark", "revealed"], "{ron}");
}
