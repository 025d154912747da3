//! Members' phones under load: 40 simulated devices on loopback against a headless app with a
//! running meeting in the judgement phase, next to the same meeting without phones.
//!
//! Each device is a thread with its own HTTP connection (kept open, as a browser does): it asks for the state once a second (as
//! the page does) and sends a piece of advice about every half minute. The app runs on the
//! bench's thread as eframe would run it: a frame when it asked for one (its countdown's next
//! second, or a phone's wake-up). Figures:
//! - the app's CPU: the process's CPU time less what the device threads used themselves
//!   (each reads its own from `/proc/thread-self/stat` before it ends), against the same
//!   meeting without phones for as long;
//! - memory: the process's RSS at the end of each run (the devices' own clients count in it,
//!   so this is an upper bound);
//! - the time from a piece of advice accepted by the server to the count the wall shows: the
//!   n-th piece sent against the n-th step of the board's count. It includes the batch that
//!   keeps a lone piece from showing at once (`serve::batch`), so it depends on how often
//!   pieces arrive.
//!
//! Bounded: a fixed number of devices, each stopping at the run's deadline.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::{Pos2, Rect, vec2};

use super::procfs;
use super::report::{Row, Verdict};
use crate::meeting::{Command, Step, SystemClock};
use crate::model::Tool;
use crate::serve::{MAX_DEVICES, ServeConfig};
use crate::store::DataDir;
use crate::ui::{AppAction, AppCommand, KringApp, Screen};

const CPU_EXTRA_PERCENT: f64 = 2.0;
const MEMORY_EXTRA_MB: f64 = 20.0;
const COUNT_P99_MS: f64 = 1000.0;
/// How often a device sends a piece of advice, on average.
const ADVICE_EVERY: Duration = Duration::from_secs(30);

struct Run {
    cpu_percent: f64,
    rss_kib: u64,
    frames: usize,
    /// Submission to the wall's count, in ms, sorted.
    latencies_ms: Vec<f64>,
    sent: usize,
    refused: usize,
}

/// The bench's rows for phones: `secs` per run (two runs).
pub fn phone_rows(work: &Path, secs: u64, rows: &mut Vec<Row>) {
    let devices = MAX_DEVICES;
    let duration = Duration::from_secs(secs);
    eprintln!("kring bench: a meeting without phones, {secs} s…");
    let without = match run(work, 0, duration) {
        Ok(run) => run,
        Err(why) => {
            rows.push(Row::skipped("phones", "—", &why));
            return;
        }
    };
    eprintln!("kring bench: the same meeting with {devices} phones, {secs} s…");
    let with = match run(work, devices, duration) {
        Ok(run) => run,
        Err(why) => {
            rows.push(Row::skipped("phones", "—", &why));
            return;
        }
    };
    let extra = with.cpu_percent - without.cpu_percent;
    rows.push(Row::new(
        format!("phones: app CPU with {devices} devices on loopback, {secs} s"),
        format!(
            "{:.2} % of a core (+{extra:.2} over {:.2} % without; {} frames)",
            with.cpu_percent, without.cpu_percent, with.frames
        ),
        format!("≤ +{CPU_EXTRA_PERCENT} % of a core"),
        Verdict::within(extra <= CPU_EXTRA_PERCENT),
    ));
    let extra_mb = (with.rss_kib as f64 - without.rss_kib as f64) / 1024.0;
    rows.push(Row::new(
        format!("phones: memory (RSS) with {devices} devices (their clients included)"),
        format!("+{extra_mb:.1} MB"),
        format!("≤ +{MEMORY_EXTRA_MB} MB"),
        Verdict::within(extra_mb <= MEMORY_EXTRA_MB),
    ));
    let p = |q: f64| super::frames::Stats::new(with.latencies_ms.clone()).percentile(q);
    rows.push(Row::new(
        format!(
            "phones: advice sent to the wall's count, p99 ({} pieces, {} refused)",
            with.sent, with.refused
        ),
        format!("{:.0} ms (median {:.0} ms)", p(99.0), p(50.0)),
        format!("≤ {COUNT_P99_MS:.0} ms"),
        Verdict::within(p(99.0) <= COUNT_P99_MS),
    ));
}

/// The app's own thread CPU, in ticks, as `/proc/thread-self/stat` says.
fn own_thread_ticks() -> u64 {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return 0;
    };
    let Some(after) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
        return 0;
    };
    let fields: Vec<&str> = after.split_whitespace().collect();
    let field = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    field(11) + field(12)
}

fn run(work: &Path, devices: usize, duration: Duration) -> Result<Run, String> {
    let dir = work.join(format!("phones-{devices}"));
    let data = DataDir::new(&dir).map_err(|e| e.to_string())?;
    let mut app = KringApp::new(data, Arc::new(SystemClock));
    app.set_phone_config(ServeConfig::loopback());
    let ctx = egui::Context::default();
    let (wake_tx, wake_rx) = mpsc::channel::<Duration>();
    let wake_tx = Mutex::new(wake_tx);
    ctx.set_request_repaint_callback(move |info| {
        if let Ok(tx) = wake_tx.lock() {
            let _ = tx.send(info.delay);
        }
    });
    let started_at = Instant::now();
    let screen = Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0));
    let mut frames = 0usize;
    let mut frame = |app: &mut KringApp| {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(started_at.elapsed().as_secs_f64()),
            focused: true,
            ..Default::default()
        };
        let output = ctx.run_ui(input, |ui| app.frame(ui));
        let delay = output
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .map_or(Duration::from_secs(1), |v| v.repaint_delay);
        std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
        frames += 1;
        delay
    };
    let _ = frame(&mut app);
    to_judgement(&mut app, &ctx, &mut frame)?;
    if devices > 0 {
        app.apply(&ctx, AppAction::TogglePhones.into());
        let _ = frame(&mut app);
    }
    let url = app.phones_url();
    if devices > 0 && url.is_none() {
        return Err("the phone server did not start".to_owned());
    }

    let stop = Arc::new(AtomicBool::new(false));
    let sent = Arc::new(Mutex::new(Vec::<Instant>::new()));
    let refused = Arc::new(Mutex::new(0usize));
    let device_ticks = Arc::new(Mutex::new(0u64));
    let ticks_before = procfs::cpu_ticks(None).unwrap_or(0);
    let begun = Instant::now();
    let deadline = begun + duration;
    let threads: Vec<_> = (0..devices)
        .filter_map(|n| {
            let url = url.clone()?;
            let (stop, sent, refused, device_ticks) = (
                stop.clone(),
                sent.clone(),
                refused.clone(),
                device_ticks.clone(),
            );
            std::thread::Builder::new()
                .name(format!("bench-device-{n}"))
                .spawn(move || {
                    device(n, &url, deadline, &stop, &sent, &refused);
                    if let Ok(mut ticks) = device_ticks.lock() {
                        *ticks += own_thread_ticks();
                    }
                })
                .ok()
        })
        .collect();

    let mut counted = Vec::<Instant>::new();
    let mut count = app.content().advice.len();
    let mut next_at = Instant::now();
    while Instant::now() < deadline {
        let now = Instant::now();
        let timeout = next_at
            .saturating_duration_since(now)
            .min(deadline.saturating_duration_since(now));
        match wake_rx.recv_timeout(timeout) {
            Ok(delay) => next_at = next_at.min(Instant::now() + delay),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        if Instant::now() < next_at {
            continue;
        }
        let delay = frame(&mut app);
        let now_count = app.content().advice.len();
        let at = Instant::now();
        counted.extend(std::iter::repeat_n(at, now_count.saturating_sub(count)));
        count = now_count;
        next_at = at + delay.min(Duration::from_secs(5));
    }
    stop.store(true, Ordering::SeqCst);
    for thread in threads {
        let _ = thread.join();
    }
    let wall = begun.elapsed().as_secs_f64();
    let ticks = procfs::cpu_ticks(None)
        .unwrap_or(0)
        .saturating_sub(ticks_before)
        .saturating_sub(device_ticks.lock().map(|t| *t).unwrap_or(0));
    let rss_kib = procfs::rss_kib(None).unwrap_or(0);
    let mut sent = sent.lock().map(|s| s.clone()).unwrap_or_default();
    sent.sort();
    let latencies_ms = sent
        .iter()
        .zip(&counted)
        .map(|(s, c)| c.saturating_duration_since(*s).as_secs_f64() * 1000.0)
        .collect();
    let refused = refused.lock().map(|r| *r).unwrap_or(0);
    drop(app);
    std::fs::remove_dir_all(&dir).ok();
    Ok(Run {
        cpu_percent: ticks as f64 / procfs::ticks_per_sec() as f64 / wall * 100.0,
        rss_kib,
        frames,
        sent: sent.len(),
        refused,
        latencies_ms,
    })
}

/// Starts the default protocol and walks to its judgement phase, its countdown running.
fn to_judgement(
    app: &mut KringApp,
    ctx: &egui::Context,
    frame: &mut impl FnMut(&mut KringApp) -> Duration,
) -> Result<(), String> {
    app.apply(ctx, AppAction::StartMeeting.into());
    app.apply(ctx, AppAction::FinishSetup.into());
    if app.screen() == Screen::Intro {
        let _ = frame(app);
        app.apply(ctx, AppAction::BeginPhases.into());
    }
    for _ in 0..80 {
        let Some(meeting) = app.meeting() else {
            break;
        };
        let judging = meeting
            .current_phase()
            .is_some_and(|p| p.tools.contains(&Tool::AdviceBoard));
        if judging && meeting.step() == Step::Run && !meeting.is_paused() {
            return Ok(());
        }
        let command = if judging && meeting.step() != Step::Run {
            Command::Next
        } else if judging {
            Command::StartPause
        } else {
            Command::SkipCurrent
        };
        app.apply(ctx, AppCommand::Meeting(command));
        let _ = frame(app);
    }
    Err("the headless app did not reach the judgement phase".to_owned())
}

/// One simulated phone until `deadline`.
fn device(
    n: usize,
    url: &str,
    deadline: Instant,
    stop: &AtomicBool,
    sent: &Mutex<Vec<Instant>>,
    refused: &Mutex<usize>,
) {
    let id = format!("{:032x}", 0xbe9c_0000_u64 + n as u64);
    // Spread over the first second and the first advice period, as people are.
    let offset = |period: Duration, salt: u64| {
        let spread = (n as u64).wrapping_mul(2_654_435_761).wrapping_add(salt) % 1000;
        period.mul_f64(spread as f64 / 1000.0)
    };
    let begun = Instant::now();
    let mut next_poll = begun + offset(Duration::from_secs(1), 1);
    let mut next_advice = begun + offset(ADVICE_EVERY, 7);
    let mut pieces = 0u32;
    let mut connection = Connection::default();
    while !stop.load(Ordering::SeqCst) && Instant::now() < deadline {
        let now = Instant::now();
        if now >= next_advice {
            pieces += 1;
            let body = format!("{{\"text\":\"advies {n}-{pieces}\"}}");
            let ok = connection.request(url, "POST", "advice", &id, &body) == Some(200);
            if ok {
                if let Ok(mut sent) = sent.lock() {
                    sent.push(Instant::now());
                }
            } else if let Ok(mut refused) = refused.lock() {
                *refused += 1;
            }
            next_advice += ADVICE_EVERY;
        } else if now >= next_poll {
            let _ = connection.request(url, "GET", "state", &id, "");
            next_poll += Duration::from_secs(1);
        } else {
            let wait = next_poll.min(next_advice).min(deadline) - now;
            std::thread::sleep(wait.min(Duration::from_millis(200)));
        }
    }
}

/// A device's HTTP/1.1 connection, kept open between requests as a browser keeps it.
#[derive(Default)]
struct Connection {
    stream: Option<std::net::TcpStream>,
}

impl Connection {
    /// One request; the status, or `None`. A broken connection is opened again once.
    fn request(
        &mut self,
        url: &str,
        method: &str,
        route: &str,
        device: &str,
        body: &str,
    ) -> Option<u16> {
        for _ in 0..2 {
            if let Some(status) = self.try_request(url, method, route, device, body) {
                return Some(status);
            }
            self.stream = None;
        }
        None
    }

    fn try_request(
        &mut self,
        url: &str,
        method: &str,
        route: &str,
        device: &str,
        body: &str,
    ) -> Option<u16> {
        use std::io::{BufRead as _, Read as _, Write as _};
        let rest = url.strip_prefix("http://")?;
        let (host, path) = rest.split_once('/')?;
        if self.stream.is_none() {
            let stream = std::net::TcpStream::connect(host).ok()?;
            stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
            self.stream = Some(stream);
        }
        let stream = self.stream.as_mut()?;
        let request = format!(
            "{method} /{path}{route} HTTP/1.1\r\nHost: {host}\r\nX-Kring-Device: {device}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).ok()?;
        let mut reader = std::io::BufReader::new(stream.try_clone().ok()?);
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let status: u16 = line.split_whitespace().nth(1)?.parse().ok()?;
        let mut length = 0usize;
        loop {
            line.clear();
            reader.read_line(&mut line).ok()?;
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().ok()?;
            }
        }
        let mut body = vec![0u8; length];
        reader.read_exact(&mut body).ok()?;
        Some(status)
    }
}
