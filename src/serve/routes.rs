//! One request in, one response out, without sockets: the host check, the token, the routes,
//! the limits. [`super::server`] reads the request off the network and writes the answer.

use std::sync::mpsc::Sender;
use std::time::Instant;

use serde::Deserialize;
use serde_json::json;

use super::limits::{ADVICE_LIMIT_CHARS, LINE_LIMIT_CHARS, Refusal, valid_device_id};
use super::texts::page_texts;
use super::{MemberTool, Open, State, Submission};
use crate::export::escape_html;
use crate::i18n;

const PAGE_HTML: &str = include_str!("page/member.html");
const CLOSED_HTML: &str = include_str!("page/closed.html");
const PAGE_JS: &str = include_str!("page/member.js");
const PAGE_CSS: &str = include_str!("page/member.css");

/// A request as the routes need it.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    pub method: &'a str,
    /// The path with its query, as sent.
    pub url: &'a str,
    pub host: Option<&'a str>,
    /// The page's own random id for this device (`X-Kring-Device`).
    pub device: Option<&'a str>,
    pub body: &'a [u8],
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Response {
    fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            content_type,
            body: body.into(),
        }
    }

    pub fn text(status: u16, text: &str) -> Self {
        Self::new(status, "text/plain; charset=utf-8", text)
    }

    fn json(status: u16, value: &serde_json::Value) -> Self {
        Self::new(status, "application/json; charset=utf-8", value.to_string())
    }

    fn ok() -> Self {
        Self::json(200, &json!({ "ok": true }))
    }
}

/// The page a device gets when the meeting is not open: ended, phones off, or an old link.
pub fn closed_page(status: u16, state: &State) -> Response {
    let s = i18n::phone_strings(state.lang);
    let html = CLOSED_HTML
        .replace("{lang}", super::view::lang_code(state.lang))
        .replace("{title}", &escape_html(s.phone_closed_title))
        .replace("{text}", &escape_html(s.phone_closed_text));
    Response::new(status, "text/html; charset=utf-8", html)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProblemBody {
    title: String,
    #[serde(default)]
    line: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VoteBody {
    problem: u32,
    delta: i32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdviceBody {
    text: String,
}

/// The path's token and what follows it, for `/m/<token>/<tail>`.
fn token_and_tail(url: &str) -> Option<(&str, &str)> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    path.strip_prefix("/m/")
        .map(|rest| rest.split_once('/').unwrap_or((rest, "")))
}

/// The answer for a request with an unknown host or without this meeting's token, or `None`
/// when it may go on. The server asks this before it reads a body, so that without the link
/// nobody can make it read anything.
pub fn refusal(request: &Request, state: &State) -> Option<Response> {
    if !request
        .host
        .is_some_and(|host| state.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)))
    {
        return Some(Response::text(421, "Unknown host"));
    }
    let Some((token, _)) = token_and_tail(request.url) else {
        return Some(Response::text(404, "Not found"));
    };
    match &state.open {
        None => Some(closed_page(410, state)),
        Some(open) if !open.token.matches(token) => Some(closed_page(403, state)),
        Some(_) => None,
    }
}

/// Answers one request. Submissions go to `submit`; the view and the devices live in `state`.
pub fn handle(
    request: &Request,
    state: &mut State,
    submit: &Sender<Submission>,
    now: Instant,
) -> Response {
    if let Some(refused) = refusal(request, state) {
        return refused;
    }
    let (Some((_, tail)), Some(open)) = (token_and_tail(request.url), &mut state.open) else {
        return Response::text(404, "Not found");
    };
    let get = request.method == "GET";
    let post = request.method == "POST";
    match (tail, get, post) {
        ("", true, _) => {
            let s = i18n::phone_strings(open.lang);
            let html = PAGE_HTML
                .replace("{lang}", super::view::lang_code(open.lang))
                .replace("{title}", &escape_html(s.phones_title));
            Response::new(200, "text/html; charset=utf-8", html)
        }
        ("app.js", true, _) => Response::new(200, "text/javascript; charset=utf-8", PAGE_JS),
        ("app.css", true, _) => Response::new(200, "text/css; charset=utf-8", PAGE_CSS),
        ("texts", true, _) => Response::json(
            200,
            &page_texts(i18n::strings(open.lang), i18n::phone_strings(open.lang)),
        ),
        ("state", true, _) => with_device(request, open, false, now, |open, device| {
            let view = open.view_now(now);
            let dots: serde_json::Map<String, serde_json::Value> = open
                .devices
                .dots_of(device)
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(id, n)| (id.to_string(), json!(n)))
                .collect();
            Response::json(200, &json!({ "view": view, "my_dots": dots }))
        }),
        ("problem", _, true) => with_device(request, open, true, now, |open, _| {
            let Ok(body) = serde_json::from_slice::<ProblemBody>(request.body) else {
                return Response::text(400, "Malformed body");
            };
            let (title, line) = (body.title.trim(), body.line.trim());
            if title.is_empty()
                || too_long(title, LINE_LIMIT_CHARS)
                || too_long(line, LINE_LIMIT_CHARS)
            {
                return Response::text(422, "Title empty or text too long");
            }
            if open.view.tool != MemberTool::Problem {
                return Response::text(409, "Not in this phase");
            }
            send(
                submit,
                &open.wake,
                Submission::Problem {
                    title: title.to_owned(),
                    line: line.to_owned(),
                },
            )
        }),
        ("vote", _, true) => with_device(request, open, true, now, |open, device| {
            let Ok(body) = serde_json::from_slice::<VoteBody>(request.body) else {
                return Response::text(400, "Malformed body");
            };
            if open.view.tool != MemberTool::Vote
                || !open.view.problems.iter().any(|p| p.id == body.problem)
            {
                return Response::text(409, "Not in this phase");
            }
            if !matches!(body.delta, 1 | -1) {
                return Response::text(400, "A dot at a time");
            }
            let budget = open.view.dots;
            if !open.devices.dot(device, body.problem, body.delta, budget) {
                return Response::text(409, "No dot left to give or take back");
            }
            send(
                submit,
                &open.wake,
                Submission::Vote {
                    problem: body.problem,
                    delta: body.delta,
                },
            )
        }),
        ("advice", _, true) => with_device(request, open, true, now, |open, _| {
            let Ok(body) = serde_json::from_slice::<AdviceBody>(request.body) else {
                return Response::text(400, "Malformed body");
            };
            let text = body.text.trim();
            if text.is_empty() || too_long(text, ADVICE_LIMIT_CHARS) {
                return Response::text(422, "Advice empty or too long");
            }
            if open.view.tool != MemberTool::Advice {
                return Response::text(409, "Not in this phase");
            }
            send(submit, &open.wake, Submission::Advice(text.to_owned()))
        }),
        ("" | "app.js" | "app.css" | "texts" | "state" | "problem" | "vote" | "advice", _, _) => {
            Response::text(405, "Method not allowed")
        }
        _ => Response::text(404, "Not found"),
    }
}

fn too_long(text: &str, limit: usize) -> bool {
    text.chars().count() > limit
}

/// A request that needs the device's id: it must be one, and the device must be let in.
fn with_device(
    request: &Request,
    open: &mut Open,
    submit: bool,
    now: Instant,
    answer: impl FnOnce(&mut Open, &str) -> Response,
) -> Response {
    let Some(device) = request.device.filter(|d| valid_device_id(d)) else {
        return Response::text(400, "No device id");
    };
    match open.devices.admit(device, submit, now) {
        Ok(()) => answer(open, device),
        Err(Refusal::Full) => Response::json(503, &json!({ "error": "full" })),
        Err(Refusal::TooFast) => Response::json(429, &json!({ "error": "too_fast" })),
    }
}

fn send(submit: &Sender<Submission>, wake: &super::Waker, submission: Submission) -> Response {
    if submit.send(submission).is_err() {
        // The app has stopped listening: it is closing.
        return Response::text(503, "Closing");
    }
    wake();
    Response::ok()
}
