//! The socket and the threads: a few workers take requests off `tiny_http`, each answered by
//! [`super::routes::handle`] inside `catch_unwind`, so a failing handler is logged and answered
//! with a 500 and never reaches the app. Every response carries a strict Content-Security-
//! Policy and is never cached.

use std::io::Read as _;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::limits::{MAX_BODY_BYTES, MAX_DEVICES};
use super::routes::{Request, Response, handle, refusal};
use super::{BodyHook, MemberView, State, Submission, Token, Waker};
use crate::model::Lang;

const WORKERS: usize = 3;
/// How long a worker waits for a request before it looks whether it should stop.
const POLL: Duration = Duration::from_millis(200);

const HEADERS: [(&str, &str); 6] = [
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
         img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Cache-Control", "no-store"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
];

/// Where to listen and what to call it.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    /// The address to bind: all interfaces in the app, loopback in tests.
    pub bind: IpAddr,
    /// 0: a free port the system picks.
    pub port: u16,
    /// The address phones are given (the room network's); loopback is accepted too.
    pub advertise: IpAddr,
    pub max_devices: usize,
}

impl ServeConfig {
    /// The app: every interface, phones given this computer's address on the room network.
    pub fn lan(port: u16) -> Self {
        Self {
            bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            port,
            advertise: lan_address().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST)),
            max_devices: MAX_DEVICES,
        }
    }

    /// Tests and the bench: loopback only.
    pub fn loopback() -> Self {
        Self {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            advertise: IpAddr::V4(Ipv4Addr::LOCALHOST),
            max_devices: MAX_DEVICES,
        }
    }
}

/// This computer's address on the network its default route goes through: a UDP socket
/// "connected" to a documentation address sends nothing, but the system picks the interface.
pub fn lan_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified()).then_some(ip)
}

/// The running server. Dropping it stops the threads.
pub struct Serving {
    state: Arc<Mutex<State>>,
    server: Arc<tiny_http::Server>,
    stop: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
    address: SocketAddr,
    submissions: Receiver<Submission>,
    token: Option<String>,
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Serving {
    pub fn start(config: &ServeConfig, wake: Waker) -> std::io::Result<Self> {
        let server = tiny_http::Server::http(SocketAddr::new(config.bind, config.port))
            .map_err(std::io::Error::other)?;
        let port = server
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .ok_or_else(|| std::io::Error::other("no TCP address"))?;
        let address = SocketAddr::new(config.advertise, port);
        let hosts = vec![
            address.to_string(),
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ];
        let state = Arc::new(Mutex::new(State::new(hosts, config.max_devices, wake)));
        let server = Arc::new(server);
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, submissions) = channel();
        let workers = (0..WORKERS)
            .map(|n| {
                let (server, state, stop, tx) =
                    (server.clone(), state.clone(), stop.clone(), tx.clone());
                std::thread::Builder::new()
                    .name(format!("kring-serve-{n}"))
                    .spawn(move || worker(&server, &state, &stop, &tx))
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        Ok(Self {
            state,
            server,
            stop,
            workers,
            address,
            submissions,
            token: None,
        })
    }

    /// Opens a meeting under a fresh token; `false` when the system gave no random numbers
    /// (then nothing is served: a guessable token would be worse than none).
    pub fn open(&mut self, view: MemberView, lang: Lang) -> bool {
        let Some(token) = Token::fresh() else {
            return false;
        };
        self.token = Some(token.as_hex());
        lock(&self.state).open(token, view, lang);
        // Whatever an earlier meeting's devices sent and the app did not take is not this one's.
        while self.submissions.try_recv().is_ok() {}
        true
    }

    pub fn publish(&self, view: MemberView, lang: Lang) {
        lock(&self.state).publish(view, lang);
    }

    /// Stops serving this meeting; devices get the "not open" page from now on.
    pub fn close(&mut self) {
        self.token = None;
        lock(&self.state).close();
    }

    pub fn is_open(&self) -> bool {
        self.token.is_some()
    }

    /// The address and port phones reach.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The link of the open meeting, with its token.
    pub fn url(&self) -> Option<String> {
        self.token
            .as_ref()
            .map(|token| format!("http://{}/m/{token}/", self.address))
    }

    /// How many devices take part.
    pub fn devices(&self) -> usize {
        lock(&self.state).devices()
    }

    /// What members sent since the last call.
    pub fn take_submissions(&self) -> Vec<Submission> {
        self.submissions.try_iter().collect()
    }

    /// Every request body read from now on goes through `hook` too (tests).
    pub fn record_bodies(&self, hook: BodyHook) {
        lock(&self.state).body_hook = Some(hook);
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        for _ in 0..self.workers.len() {
            self.server.unblock();
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

fn worker(
    server: &tiny_http::Server,
    state: &Arc<Mutex<State>>,
    stop: &AtomicBool,
    tx: &Sender<Submission>,
) {
    while !stop.load(Ordering::SeqCst) {
        match server.recv_timeout(POLL) {
            Ok(Some(request)) if body_still_on_the_socket(&request) => {
                // Reading it (or, after the answer, skipping it) waits on the sender, so it is
                // done on a thread of its own: a body that never comes holds only that thread
                // (as `tiny_http` holds one per connection), never a worker.
                let (state, tx) = (state.clone(), tx.clone());
                let spawned = std::thread::Builder::new()
                    .name("kring-serve-body".into())
                    .spawn(move || serve_one(request, &state, &tx));
                if let Err(error) = spawned {
                    log::warn!("phone server: no thread for a request: {error}");
                }
            }
            Ok(Some(request)) => serve_one(request, state, tx),
            Ok(None) => {}
            Err(error) => {
                log::warn!("phone server: {error}");
                std::thread::sleep(POLL);
            }
        }
    }
}

/// Whether the request's body is still to be read from the socket: `tiny_http` reads a body
/// of up to 1 KB (without `Expect: 100-continue`) before it hands the request over.
fn body_still_on_the_socket(request: &tiny_http::Request) -> bool {
    let expects_continue = header(request, "Expect").is_some();
    match request.body_length() {
        Some(0) => false,
        Some(n) => n > 1024 || expects_continue,
        // No length: chunked, or no body at all.
        None => header(request, "Transfer-Encoding").is_some(),
    }
}

fn header<'a>(request: &'a tiny_http::Request, name: &str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

fn serve_one(mut request: tiny_http::Request, state: &Mutex<State>, tx: &Sender<Submission>) {
    let response = answer(&mut request, state, tx);
    let mut out = tiny_http::Response::from_data(response.body).with_status_code(response.status);
    let headers = HEADERS
        .iter()
        .copied()
        .chain([("Content-Type", response.content_type)]);
    for (name, value) in headers {
        if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            out.add_header(header);
        }
    }
    if let Err(error) = request.respond(out) {
        log::debug!("phone server: the answer did not arrive: {error}");
    }
}

fn answer(
    request: &mut tiny_http::Request,
    state: &Mutex<State>,
    tx: &Sender<Submission>,
) -> Response {
    let method = request.method().as_str().to_owned();
    let url = request.url().to_owned();
    let host = header(request, "Host").map(str::to_owned);
    let device = header(request, "X-Kring-Device").map(str::to_owned);
    let mut routed = Request {
        method: &method,
        url: &url,
        host: host.as_deref(),
        device: device.as_deref(),
        body: &[],
    };
    // The host and the token first: without the link nothing is read.
    if let Some(refused) = refusal(&routed, &lock(state)) {
        return refused;
    }
    if request.body_length().is_some_and(|n| n > MAX_BODY_BYTES) {
        return Response::text(413, "Body too large");
    }
    let mut body = Vec::new();
    if request
        .as_reader()
        .take(MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut body)
        .is_err()
    {
        return Response::text(400, "Body unreadable");
    }
    if body.len() > MAX_BODY_BYTES {
        return Response::text(413, "Body too large");
    }
    let handled = catch_unwind(AssertUnwindSafe(|| {
        let mut state = lock(state);
        if let Some(hook) = &mut state.body_hook {
            hook(&body);
        }
        routed.body = &body;
        handle(&routed, &mut state, tx, Instant::now())
    }));
    handled.unwrap_or_else(|_| {
        log::error!(
            "phone server: a request failed ({method} {})",
            path_only(&url)
        );
        Response::text(500, "Internal error")
    })
}

/// The path without the token, for the log.
fn path_only(url: &str) -> String {
    match url
        .strip_prefix("/m/")
        .and_then(|rest| rest.split_once('/'))
    {
        Some((_, tail)) => format!("/m/…/{tail}"),
        None => url.chars().take(64).collect(),
    }
}
