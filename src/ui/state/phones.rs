//! Members' phones during a meeting, on the app's side: the server (bound once, then opened
//! for each meeting under a fresh token), what it was last given to show, the advice waiting
//! for its batch, and the join card the wall and the leader's screen show.

use crate::meeting::ContentCommand;
use crate::model::Lang;
use crate::room::JoinCard;
use crate::serve::{AdviceBatch, MemberView, ServeConfig, Serving, Submission, Waker};

#[derive(Default)]
pub struct Phones {
    serving: Option<Serving>,
    /// Where to serve; `None`: the room's network (tests set loopback).
    config: Option<ServeConfig>,
    /// The leader wants phones in this meeting.
    pub on: bool,
    batch: AdviceBatch,
    published: Option<MemberView>,
    card: Option<JoinCard>,
    /// The leader took the card off the group screen (everyone is in); back on for the next
    /// meeting.
    card_off_wall: bool,
    /// Why serving could not start (shown to the leader).
    pub error: Option<String>,
}

impl Phones {
    pub fn set_config(&mut self, config: ServeConfig) {
        self.config = Some(config);
    }

    pub fn card(&self) -> Option<&JoinCard> {
        self.card.as_ref()
    }

    /// The card the group screen shows: none when the leader took it off.
    pub fn wall_card(&self) -> Option<&JoinCard> {
        self.card.as_ref().filter(|_| !self.card_off_wall)
    }

    /// Takes the card off the group screen, or puts it back (only while serving).
    pub fn toggle_wall_card(&mut self) {
        if self.card.is_some() {
            self.card_off_wall = !self.card_off_wall;
        }
    }

    /// The link of the open meeting.
    pub fn url(&self) -> Option<String> {
        self.serving.as_ref().and_then(Serving::url)
    }

    /// Serves this meeting with `view`: starts the server the first time, opens the meeting
    /// under a fresh token, and publishes the view when it changed. `Err`: the system's reason.
    pub fn serve(
        &mut self,
        view: MemberView,
        lang: Lang,
        port: Option<u16>,
        wake: impl Fn() -> Waker,
    ) -> Result<(), String> {
        if self.serving.is_none() {
            let config = self
                .config
                .clone()
                .unwrap_or_else(|| ServeConfig::lan(port.unwrap_or(0)));
            let serving = Serving::start(&config, wake()).map_err(|e| e.to_string())?;
            self.serving = Some(serving);
        }
        let Some(serving) = &mut self.serving else {
            return Ok(());
        };
        if !serving.is_open() {
            if !serving.open(view.clone(), lang) {
                return Err(crate::i18n::phone_strings(lang).phones_no_random.to_owned());
            }
            self.published = Some(view);
            let url = serving.url().unwrap_or_default();
            // The leader's log: where phones join (the token is this meeting's only).
            log::warn!("Members' phones can join this meeting at {url}");
            self.card = JoinCard::new(&url);
            self.card_off_wall = false;
        } else if self.published.as_ref() != Some(&view) {
            serving.publish(view.clone(), lang);
            self.published = Some(view);
        }
        if let Some(card) = &mut self.card {
            card.devices = serving.devices();
        }
        Ok(())
    }

    /// Stops serving: devices get the "not open" page. What still waits is handed back.
    pub fn stop(&mut self) -> Option<ContentCommand> {
        if let Some(serving) = &mut self.serving
            && serving.is_open()
        {
            serving.close();
        }
        self.card = None;
        self.published = None;
        self.flush()
    }

    /// What members sent, as content commands; advice waits for its batch.
    pub fn take(&mut self, now_ms: i64) -> Vec<ContentCommand> {
        let submissions = self
            .serving
            .as_ref()
            .map(Serving::take_submissions)
            .unwrap_or_default();
        let mut commands = Vec::new();
        for submission in submissions {
            match submission {
                Submission::Problem { title, line } => commands.push(ContentCommand::AddProblem {
                    title,
                    line,
                    owner: None,
                }),
                Submission::Vote { problem, delta } => {
                    commands.push(ContentCommand::Vote(problem, delta));
                }
                Submission::Advice(text) => self.batch.push(text, now_ms),
            }
        }
        let due = self.batch.due(now_ms);
        if !due.is_empty() {
            commands.push(ContentCommand::AdviceFromPhones(due));
        }
        commands
    }

    /// Every piece of advice still waiting (before the reveal, a phase change, the end).
    pub fn flush(&mut self) -> Option<ContentCommand> {
        let all = self.batch.take_all();
        (!all.is_empty()).then_some(ContentCommand::AdviceFromPhones(all))
    }

    /// When the advice waiting falls due, in ms.
    pub fn due_in_ms(&self, now_ms: i64) -> Option<i64> {
        self.batch.due_in_ms(now_ms)
    }

    /// Every request body the server reads goes through `hook` too (tests).
    pub fn record_bodies(&self, hook: crate::serve::BodyHook) -> bool {
        match &self.serving {
            Some(serving) => {
                serving.record_bodies(hook);
                true
            }
            None => false,
        }
    }
}
