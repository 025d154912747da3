//! Real windows for the bench: a private X display (Xvfb, software GL) with a window manager
//! (openbox), the programs under test started on it, keys typed into them with xdotool, and
//! their first-frame line read from standard error.

use std::ffi::OsStr;
use std::io::{BufRead as _, BufReader, Read as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::first_frame::{
    CREATED_PREFIX, FIRST_FRAME_ENV, FRAME_PREFIX, FRAMES_ENV, WALL_FRAME_PREFIX,
    parse_first_frame_line,
};

/// The size of the X screen; the apps open at 1280 × 800.
const SCREEN: &str = "1280x800x24";

/// The programs the window rows need, with the Debian package that has each.
const TOOLS: [(&str, &str); 3] = [
    ("Xvfb", "xvfb"),
    ("xdotool", "xdotool"),
    ("openbox", "openbox"),
];

/// Whether a program is on the `PATH`.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Makes sure Xvfb, xdotool and openbox are there, installing them with apt-get (as
/// `../shared/tools/window-shot` does) when they are not. The error says what is missing.
pub fn ensure_tools() -> Result<(), String> {
    let missing: Vec<&str> = TOOLS
        .iter()
        .filter(|(program, _)| !on_path(program))
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("bench: installing {} with apt-get", missing.join(" "));
    let installed = on_path("apt-get")
        && Command::new("apt-get")
            .args(["update", "-qq"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
        && Command::new("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    let still: Vec<&str> = TOOLS
        .iter()
        .filter(|(program, _)| !on_path(program))
        .map(|(program, _)| *program)
        .collect();
    if installed && still.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} missing and could not be installed (apt-get install {})",
            still.join(", "),
            missing.join(" ")
        ))
    }
}

/// A private X display with a window manager; both stop when this is dropped.
pub struct Display {
    name: String,
    xvfb: Child,
    window_manager: Child,
    /// XDG folders for the programs, so nothing is written into the user's own.
    home: PathBuf,
}

impl Display {
    /// Starts Xvfb on a free display number (Xvfb picks it and tells us with `-displayfd`)
    /// and openbox on it.
    pub fn start(work: &Path) -> Result<Self, String> {
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                SCREEN,
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|err| format!("Xvfb could not be started: {err}"))?;
        let number = xvfb.stdout.take().and_then(|mut out| {
            // Xvfb writes the display number and a newline once it accepts connections.
            let mut text = String::new();
            let mut byte = [0u8; 1];
            while out.read(&mut byte).is_ok_and(|n| n == 1) && byte[0] != b'\n' {
                text.push(char::from(byte[0]));
            }
            text.trim().parse::<u32>().ok()
        });
        let Some(number) = number else {
            xvfb.kill().ok();
            xvfb.wait().ok();
            return Err("Xvfb started but did not report a display number".to_owned());
        };
        let name = format!(":{number}");
        let home = work.join("xdg");
        for sub in ["runtime", "data", "config", "cache"] {
            std::fs::create_dir_all(home.join(sub))
                .map_err(|err| format!("{}: cannot be made: {err}", home.display()))?;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(home.join("runtime"), std::fs::Permissions::from_mode(0o700))
                .ok();
        }
        let window_manager = match Command::new("openbox")
            .env("DISPLAY", &name)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(child) => child,
            Err(err) => {
                xvfb.kill().ok();
                xvfb.wait().ok();
                return Err(format!("openbox could not be started: {err}"));
            }
        };
        std::thread::sleep(Duration::from_millis(500));
        Ok(Self {
            name,
            xvfb,
            window_manager,
            home,
        })
    }

    /// Starts `program` with `args` in a window on this display, with the first-frame line
    /// switched on. Standard error is read on a thread of its own.
    pub fn launch(&self, program: &Path, args: &[impl AsRef<OsStr>]) -> Result<Program, String> {
        let spawned = Instant::now();
        let mut child = Command::new(program)
            .args(args)
            .env("DISPLAY", &self.name)
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .env("XDG_RUNTIME_DIR", self.home.join("runtime"))
            .env("XDG_DATA_HOME", self.home.join("data"))
            .env("XDG_CONFIG_HOME", self.home.join("config"))
            // Shared by all runs: the warm-up run fills Mesa's shader cache, as on a PC in use.
            .env("XDG_CACHE_HOME", self.home.join("cache"))
            .env(FIRST_FRAME_ENV, "1")
            .env(FRAMES_ENV, "1")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("KRING_DATA_DIR")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|err| format!("{} could not be started: {err}", program.display()))?;
        let (sender, first_frame) = mpsc::channel();
        let log = Arc::new(Mutex::new(Vec::new()));
        let frames = Arc::new(AtomicUsize::new(0));
        let wall_frames = Arc::new(AtomicUsize::new(0));
        if let Some(stderr) = child.stderr.take() {
            let log = Arc::clone(&log);
            let frames = Arc::clone(&frames);
            let wall_frames = Arc::clone(&wall_frames);
            std::thread::spawn(move || {
                let mut created_ms = None;
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    if line.starts_with(FRAME_PREFIX) {
                        frames.fetch_add(1, Ordering::Relaxed);
                        continue;
                    }
                    if line.starts_with(WALL_FRAME_PREFIX) {
                        wall_frames.fetch_add(1, Ordering::Relaxed);
                        continue;
                    }
                    if let Some(ms) = line.strip_prefix(CREATED_PREFIX) {
                        created_ms = ms.trim().parse().ok();
                    }
                    if let Some(ms) = parse_first_frame_line(&line) {
                        sender.send((created_ms, ms, spawned.elapsed())).ok();
                    }
                    let mut log = log.lock().unwrap_or_else(PoisonError::into_inner);
                    if log.len() < 200 {
                        log.push(line);
                    }
                }
            });
        }
        Ok(Program {
            name: program
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            child,
            first_frame,
            log,
            frames,
            wall_frames,
            display: self.name.clone(),
            window: None,
        })
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        for child in [&mut self.window_manager, &mut self.xvfb] {
            child.kill().ok();
            child.wait().ok();
        }
    }
}

/// A program under test in a window; killed when dropped.
pub struct Program {
    name: String,
    child: Child,
    first_frame: Receiver<(Option<f64>, f64, Duration)>,
    log: Arc<Mutex<Vec<String>>>,
    /// Frames drawn after the first.
    frames: Arc<AtomicUsize>,
    /// Frames of the group screen's own window.
    wall_frames: Arc<AtomicUsize>,
    /// The X display it runs on.
    display: String,
    window: Option<String>,
}

/// When the first frame was built.
#[derive(Clone, Copy, Debug)]
pub struct FirstFrameTimes {
    /// When the app value was made (window and GL context ready, the app's own set-up done).
    pub created_ms: Option<f64>,
    /// As the program logged it: from the top of its `main` to its first `ui` call.
    pub logged_ms: f64,
    /// As the bench saw it: from just before starting the process to reading the line.
    pub seen_ms: f64,
}

impl Program {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the first-frame line.
    pub fn wait_first_frame(&mut self, timeout: Duration) -> Result<FirstFrameTimes, String> {
        match self.first_frame.recv_timeout(timeout) {
            Ok((created_ms, logged_ms, seen)) => Ok(FirstFrameTimes {
                created_ms,
                logged_ms,
                seen_ms: seen.as_secs_f64() * 1000.0,
            }),
            Err(RecvTimeoutError::Timeout) => Err(format!(
                "{} showed no first frame within {} s; its output:\n{}",
                self.name,
                timeout.as_secs(),
                self.log_text()
            )),
            Err(RecvTimeoutError::Disconnected) => Err(format!(
                "{} stopped before its first frame; its output:\n{}",
                self.name,
                self.log_text()
            )),
        }
    }

    /// What the program wrote to standard error so far.
    pub fn log_text(&self) -> String {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .join("\n")
    }

    /// Finds the program's window and gives it the keyboard focus.
    pub fn activate(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.window.is_none() && Instant::now() < deadline {
            let found = Command::new("xdotool")
                .args(["search", "--onlyvisible", "--pid", &self.pid().to_string()])
                .env("DISPLAY", &self.display)
                .output()
                .ok()
                .and_then(|out| String::from_utf8(out.stdout).ok())
                .and_then(|text| text.lines().next().map(str::to_owned));
            match found {
                Some(window) => self.window = Some(window),
                None => std::thread::sleep(Duration::from_millis(100)),
            }
        }
        let Some(window) = &self.window else {
            return Err(format!("no window of {} was found with xdotool", self.name));
        };
        self.xdotool(&["windowactivate", window.as_str()]);
        std::thread::sleep(Duration::from_millis(300));
        Ok(())
    }

    /// Types one key (an xdotool key name such as `Return`, `space`, `Right`, `F2`).
    pub fn key(&self, key: &str) {
        self.xdotool(&["key", key]);
    }

    fn xdotool(&self, args: &[&str]) {
        Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok();
    }

    /// How many frames the program drew after its first.
    pub fn frames(&self) -> usize {
        self.frames.load(Ordering::Relaxed)
    }

    /// How many frames the group screen's own window drew.
    pub fn wall_frames(&self) -> usize {
        self.wall_frames.load(Ordering::Relaxed)
    }

    /// Whether the program is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Program {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}
