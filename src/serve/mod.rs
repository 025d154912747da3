//! Members take part from their own phones, over the room's own network, with no cloud.
//!
//! While a meeting runs and the leader has turned it on, Kring serves one small page on the
//! local network. The app publishes a [`MemberView`] (the phase, what it asks of members, the
//! time, the tool, the revealed advice) each time it changes; phones poll it about once a
//! second. What members send comes back to the app as [`Submission`]s, which carry no device,
//! address, browser or time: the app applies them through the meeting's content commands, so
//! phone advice joins the same board and the same shuffled reveal as advice typed on the PC.
//! The scratchpad stays in the phone's browser: no route accepts it.
//!
//! The server runs on its own threads and talks to the app only through a shared state and a
//! channel; a failing handler is caught and logged and never reaches the app.
//!
//! - `token.rs`: the per-meeting secret, compared in constant time;
//! - `limits.rs`: devices, rates, dots and text lengths;
//! - `routes.rs`: one request to one response, without sockets;
//! - `server.rs`: the threads and the socket;
//! - `view.rs`, `texts.rs`, `page/`: what the phone shows, in the meeting's language;
//! - `batch.rs`: how phone advice reaches the board without giving away who just sent it.

mod batch;
mod limits;
mod routes;
mod server;
mod texts;
mod token;
mod view;

use std::sync::Arc;
use std::time::Instant;

pub use batch::AdviceBatch;
pub use limits::{ADVICE_LIMIT_CHARS, LINE_LIMIT_CHARS, MAX_BODY_BYTES, MAX_DEVICES};
pub use routes::{Request, Response, handle};
pub use server::{ServeConfig, Serving, lan_address};
pub use token::Token;
pub use view::{MemberProblem, MemberTool, MemberView};

use crate::model::Lang;
use limits::Devices;

/// Wakes the app when a submission is waiting (the app does not repaint on its own).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Sees every request body the server reads (tests: to prove the scratchpad is never sent).
pub type BodyHook = Box<dyn FnMut(&[u8]) + Send>;

/// What a member sent. By design it says nothing about who, from where or when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Submission {
    Problem { title: String, line: String },
    Vote { problem: u32, delta: i32 },
    Advice(String),
}

/// What the server threads share with the app.
pub struct State {
    /// The meeting being served; `None`: every device gets the "not open" page.
    open: Option<Open>,
    /// The language of the "not open" page: the last meeting's.
    lang: Lang,
    /// The `Host` values accepted: the address phones are given, and loopback.
    hosts: Vec<String>,
    max_devices: usize,
    wake: Waker,
    body_hook: Option<BodyHook>,
}

impl State {
    pub fn new(hosts: Vec<String>, max_devices: usize, wake: Waker) -> Self {
        Self {
            open: None,
            lang: Lang::Nl,
            hosts,
            max_devices,
            wake,
            body_hook: None,
        }
    }

    /// Opens a meeting with `token`: devices of an earlier one are forgotten.
    pub fn open(&mut self, token: Token, view: MemberView, lang: Lang) {
        self.lang = lang;
        self.open = Some(Open {
            token,
            lang,
            view,
            view_at: Instant::now(),
            devices: Devices::new(self.max_devices),
            wake: self.wake.clone(),
        });
    }

    pub fn publish(&mut self, view: MemberView, lang: Lang) {
        self.lang = lang;
        if let Some(open) = &mut self.open {
            open.view = view;
            open.lang = lang;
            open.view_at = Instant::now();
        }
    }

    pub fn close(&mut self) {
        self.open = None;
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    pub fn devices(&self) -> usize {
        self.open.as_ref().map_or(0, |o| o.devices.len())
    }
}

struct Open {
    token: Token,
    lang: Lang,
    view: MemberView,
    /// When the view was published: a running countdown moves on from there.
    view_at: Instant,
    devices: Devices,
    wake: Waker,
}

impl Open {
    fn view_now(&self, now: Instant) -> MemberView {
        let mut view = self.view.clone();
        if view.running
            && let Some(ms) = &mut view.remaining_ms
        {
            let elapsed = now.saturating_duration_since(self.view_at).as_millis();
            *ms -= i64::try_from(elapsed).unwrap_or(i64::MAX / 2);
        }
        view
    }
}
