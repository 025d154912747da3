//! Issue 13: the phone server on loopback, with a real HTTP client. The token, the host, the
//! body limits, the devices and the pace; what a submission carries.

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kring::model::Lang;
use kring::serve::{MemberProblem, MemberTool, MemberView, ServeConfig, Serving, Submission};

fn view(tool: MemberTool) -> MemberView {
    MemberView {
        lang: "nl",
        position: "Fase 6 van 9".into(),
        title: "Oordeelsvorming".into(),
        asks: "Schrijf je advies op.".into(),
        step: "Uitvoeren".into(),
        remaining_ms: Some(600_000),
        running: true,
        on_break: false,
        tool,
        problems: vec![
            MemberProblem {
                id: 1,
                title: "Grenzen".into(),
                line: String::new(),
                votes: 0,
            },
            MemberProblem {
                id: 2,
                title: "Werkdruk".into(),
                line: String::new(),
                votes: 0,
            },
        ],
        dots: 2,
        advice: Vec::new(),
    }
}

fn serving(tool: MemberTool) -> Serving {
    let mut serving = Serving::start(&ServeConfig::loopback(), Arc::new(|| {})).expect("bind");
    assert!(serving.open(view(tool), Lang::Nl));
    serving
}

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build()
}

/// Status and body, whatever the status.
fn answer(result: Result<ureq::Response, ureq::Error>) -> (u16, String) {
    match result {
        Ok(r) => (r.status(), r.into_string().unwrap_or_default()),
        Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap_or_default()),
        Err(e) => panic!("no answer: {e}"),
    }
}

fn get(url: &str, device: Option<&str>) -> (u16, String) {
    let mut request = agent().get(url);
    if let Some(device) = device {
        request = request.set("X-Kring-Device", device);
    }
    answer(request.call())
}

fn post(url: &str, device: &str, body: &str) -> (u16, String) {
    answer(
        agent()
            .post(url)
            .set("X-Kring-Device", device)
            .set("Content-Type", "application/json")
            .send_string(body),
    )
}

fn device(n: usize) -> String {
    format!("{n:032x}")
}

#[test]
fn only_the_meetings_own_token_opens_the_page_and_an_old_one_gets_a_clear_page() {
    let mut serving = serving(MemberTool::Advice);
    let url = serving.url().expect("open");
    let base = format!("http://{}", serving.address());

    let response = agent().get(&url).call().expect("the page");
    assert_eq!(response.status(), 200);
    let csp = response.header("Content-Security-Policy").unwrap_or("");
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(response.header("X-Content-Type-Options"), Some("nosniff"));
    assert_eq!(response.header("Cache-Control"), Some("no-store"));
    let page = response.into_string().unwrap();
    assert!(
        page.contains("src=\"app.js\""),
        "the script is its own route"
    );
    assert!(!page.contains("<script>"), "no inline script");
    assert!(!page.contains("http"), "nothing from outside: {page}");
    let (status, js) = get(&format!("{url}app.js"), None);
    assert_eq!(status, 200);
    assert!(js.contains("textContent") && !js.contains("innerHTML"));
    assert!(!js.contains("scratch\", {") && !js.contains("\"scratchpad\", {"));
    let (status, state) = get(&format!("{url}state"), Some(&device(1)));
    assert_eq!(status, 200);
    assert!(state.contains("Oordeelsvorming"), "{state}");

    // No token, a wrong one, none at all, a listing.
    for path in [
        "/m//",
        "/m/",
        "/m/00112233445566778899aabbccddeeff/",
        "/m/x/state",
    ] {
        let (status, body) = get(&format!("{base}{path}"), Some(&device(1)));
        assert_eq!(status, 403, "{path}");
        assert!(
            body.contains("Deze bijeenkomst is niet open"),
            "{path}: {body}"
        );
    }
    for path in ["/", "/src/main.rs", "/../Cargo.toml", "/m"] {
        assert_eq!(get(&format!("{base}{path}"), None).0, 404, "{path}");
    }

    // The next meeting has its own token: the old link says the meeting is not open.
    serving.close();
    let (status, body) = get(&url, None);
    assert_eq!(status, 410);
    assert!(body.contains("niet open"), "{body}");
    assert!(serving.open(view(MemberTool::Advice), Lang::En));
    let new_url = serving.url().unwrap();
    assert_ne!(new_url, url);
    let (status, body) = get(&url, None);
    assert_eq!(status, 403, "an expired token");
    assert!(body.contains("This meeting is not open"), "{body}");
    assert_eq!(get(&new_url, None).0, 200);
}

#[test]
fn a_request_for_another_host_is_refused() {
    let serving = serving(MemberTool::Advice);
    let url = serving.url().unwrap();
    let path = url.split_once(&serving.address().to_string()).unwrap().1;
    for host in ["Host: evil.example:80\r\n", "Host: 10.0.0.1\r\n", ""] {
        let mut stream = TcpStream::connect(serving.address()).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\n{host}Connection: close\r\n\r\n"
        )
        .unwrap();
        let mut reply = String::new();
        let _ = stream.read_to_string(&mut reply);
        assert!(
            reply.starts_with("HTTP/1.1 421") || reply.starts_with("HTTP/1.1 400"),
            "{host:?}: {reply}"
        );
    }
}

/// A request that promises a body of 2 KB (more than the server's library reads before it
/// hands a request over) and never sends it.
fn promise_a_body(serving: &Serving, path: &str) -> TcpStream {
    let mut stream = TcpStream::connect(serving.address()).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a timeout");
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
         Content-Length: 2000\r\n\r\n",
        serving.address()
    )
    .expect("the head sent");
    stream
}

#[test]
fn a_body_that_never_comes_holds_up_nobody() {
    let serving = serving(MemberTool::Advice);
    let url = serving.url().unwrap();
    let path = url.split_once(&serving.address().to_string()).unwrap().1;
    // More such requests than the server has workers: without the link, and with it.
    let without_link: Vec<TcpStream> = (0..4)
        .map(|_| promise_a_body(&serving, "/m/00000000000000000000000000000000/advice"))
        .collect();
    let _with_link: Vec<TcpStream> = (0..4)
        .map(|_| promise_a_body(&serving, &format!("{path}advice")))
        .collect();
    // Without the link the answer comes without the body being waited for.
    for mut stream in without_link {
        let mut reply = [0_u8; 12];
        stream.read_exact(&mut reply).expect("an answer");
        assert_eq!(
            &reply,
            b"HTTP/1.1 403",
            "{}",
            String::from_utf8_lossy(&reply)
        );
    }
    // And the members are served meanwhile.
    assert_eq!(get(&url, None).0, 200);
    let (status, _) = post(
        &format!("{url}advice"),
        &device(1),
        r#"{"text":"Vraag het team"}"#,
    );
    assert_eq!(status, 200);
}

#[test]
fn oversized_and_malformed_bodies_are_refused_and_nothing_arrives() {
    let serving = serving(MemberTool::Advice);
    let url = serving.url().unwrap();
    // A fresh device for each request, so the pace limit is not what answers.
    let counter = std::cell::Cell::new(100);
    let next = || {
        counter.set(counter.get() + 1);
        device(counter.get())
    };
    let big = format!("{{\"text\":\"{}\"}}", "a".repeat(5000));
    assert_eq!(post(&format!("{url}advice"), &next(), &big).0, 413);
    for body in [
        "",
        "{",
        "not json",
        "{\"text\": 5}",
        "{\"text\":\"ok\",\"device\":\"x\"}",
        "[1, 2]",
    ] {
        assert_eq!(
            post(&format!("{url}advice"), &next(), body).0,
            400,
            "{body}"
        );
    }
    let long = format!("{{\"text\":\"{}\"}}", "é".repeat(1001));
    assert!(long.len() <= 4096);
    assert_eq!(post(&format!("{url}advice"), &next(), &long).0, 422);
    assert_eq!(
        post(&format!("{url}advice"), &next(), "{\"text\":\"  \"}").0,
        422
    );
    // Another phase's tool is refused, as is a request without a device id.
    assert_eq!(
        post(&format!("{url}problem"), &next(), "{\"title\":\"x\"}").0,
        409
    );
    assert_eq!(
        answer(
            agent()
                .post(&format!("{url}advice"))
                .send_string("{\"text\":\"x\"}")
        )
        .0,
        400
    );
    assert!(serving.take_submissions().is_empty());
}

#[test]
fn advice_arrives_as_its_text_alone() {
    let serving = serving(MemberTool::Advice);
    let url = serving.url().unwrap();
    let (status, _) = post(
        &format!("{url}advice"),
        &device(1),
        "{\"text\":\"  <script>alert(1)</script> bel je teamleider  \"}",
    );
    assert_eq!(status, 200);
    assert_eq!(
        serving.take_submissions(),
        [Submission::Advice(
            "<script>alert(1)</script> bel je teamleider".into()
        )]
    );
}

#[test]
fn each_device_gives_its_own_dots_and_no_more() {
    let serving = serving(MemberTool::Vote);
    let url = serving.url().unwrap();
    let vote = |d: usize, problem: u32, delta: i32| {
        post(
            &format!("{url}vote"),
            &device(d),
            &format!("{{\"problem\":{problem},\"delta\":{delta}}}"),
        )
        .0
    };
    assert_eq!(vote(1, 1, 1), 200);
    assert_eq!(vote(1, 2, 1), 200);
    assert_eq!(vote(1, 2, 1), 409, "two dots each");
    assert_eq!(vote(1, 1, -1), 200);
    assert_eq!(vote(1, 1, -1), 409, "nothing left there to take back");
    assert_eq!(vote(1, 9, 1), 409, "no such problem");
    assert_eq!(vote(1, 1, 3), 400, "a dot at a time");
    assert_eq!(vote(2, 1, 1), 200, "another phone has its own dots");
    assert_eq!(
        serving.take_submissions(),
        [
            Submission::Vote {
                problem: 1,
                delta: 1
            },
            Submission::Vote {
                problem: 2,
                delta: 1
            },
            Submission::Vote {
                problem: 1,
                delta: -1
            },
            Submission::Vote {
                problem: 1,
                delta: 1
            },
        ]
    );
}

#[test]
fn forty_devices_take_part_and_the_forty_first_is_told() {
    let serving = serving(MemberTool::Advice);
    let url = serving.url().unwrap();
    for n in 0..40 {
        assert_eq!(get(&format!("{url}state"), Some(&device(n))).0, 200, "{n}");
    }
    assert_eq!(serving.devices(), 40);
    let (status, body) = get(&format!("{url}state"), Some(&device(40)));
    assert_eq!(status, 503);
    assert!(body.contains("full"));
    assert_eq!(get(&format!("{url}state"), Some(&device(3))).0, 200);
}

#[test]
fn a_device_that_asks_too_often_is_slowed_down() {
    let serving = serving(MemberTool::Advice);
    let url = serving.url().unwrap();
    let statuses: Vec<u16> = (0..40)
        .map(|_| get(&format!("{url}state"), Some(&device(1))).0)
        .collect();
    assert_eq!(statuses[0], 200);
    assert!(
        statuses.iter().filter(|s| **s == 429).count() >= 15,
        "{statuses:?}"
    );
    // Others are not slowed down by it.
    assert_eq!(get(&format!("{url}state"), Some(&device(2))).0, 200);
    // Sending is limited more tightly than asking.
    let sent: Vec<u16> = (0..12)
        .map(|n| {
            post(
                &format!("{url}advice"),
                &device(3),
                &format!("{{\"text\":\"idee {n}\"}}"),
            )
            .0
        })
        .collect();
    assert!(sent.contains(&429), "{sent:?}");
}

#[test]
fn every_body_read_can_be_seen_by_a_test_hook() {
    let serving = serving(MemberTool::Advice);
    let url = serving.url().unwrap();
    let seen = Arc::new(Mutex::new(Vec::<Vec<u8>>::new()));
    let sink = seen.clone();
    serving.record_bodies(Box::new(move |body| {
        sink.lock().unwrap().push(body.to_vec())
    }));
    post(&format!("{url}advice"), &device(1), "{\"text\":\"hallo\"}");
    assert_eq!(seen.lock().unwrap().len(), 1);
    assert!(String::from_utf8_lossy(&seen.lock().unwrap()[0]).contains("hallo"));
}

#[test]
fn a_failing_handler_is_answered_with_500_and_the_server_goes_on() {
    let serving = serving(MemberTool::Advice);
    let url = serving.url().unwrap();
    // The body hook runs inside the handler: make it fail once.
    let failed = Arc::new(Mutex::new(false));
    let once = failed.clone();
    serving.record_bodies(Box::new(move |_| {
        let first = {
            let mut failed = once.lock().unwrap();
            let first = !*failed;
            *failed = true;
            first
        };
        assert!(!first, "a handler fails");
    }));
    assert_eq!(get(&format!("{url}state"), Some(&device(1))).0, 500);
    assert_eq!(get(&format!("{url}state"), Some(&device(1))).0, 200);
    assert_eq!(
        post(
            &format!("{url}advice"),
            &device(1),
            "{\"text\":\"nog steeds\"}"
        )
        .0,
        200
    );
    assert_eq!(serving.take_submissions().len(), 1);
}
