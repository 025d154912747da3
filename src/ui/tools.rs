//! The meeting tools on the leader's screen: presence, problems and choice, question log,
//! advice board, decision, notes, insights, and the private scratchpad.

use egui::{RichText, TextEdit, Ui};

use super::app::{AppCommand, KringApp};
use super::theme::{self, Palette};
use crate::i18n::{Strings, fill};
use crate::meeting::ContentCommand;
use crate::model::{AdviceMark, FollowUp, QuestionFocus, QuestionKind, Tool};
use crate::room::mark_text;

/// Something private that the leader can open during a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrivateThing {
    /// The leader's own association scratchpad.
    Scratchpad,
    /// The screen where members take turns to write advice.
    AdviceEntry,
    /// The leader's phase notes.
    Notes,
}

/// Proof that opening something private now does not put it in front of the room by surprise:
/// the group screen has a window of its own, or the leader has just chosen, in a question that
/// says the room sees this window, to show it here. [`LeaderState`] opens private things only
/// against one of these, so no code path can open them on a mirrored projector unasked.
#[derive(Clone, Copy, Debug)]
pub struct PrivateOk(());

impl PrivateOk {
    /// When the group screen has its own window, this window is the leader's alone.
    pub fn room_has_own_window(room_window: bool) -> Option<Self> {
        room_window.then_some(Self(()))
    }

    /// The leader answered "show it here" to the question that says the room sees this
    /// window. Only that answer's command may call this.
    pub fn chosen_by_leader() -> Self {
        Self(())
    }
}

/// Drafts and switches of the leader screen. Lives only in memory; the scratchpad text is
/// here and nowhere else.
#[derive(Debug)]
pub struct LeaderState {
    pub scratchpad: String,
    scratchpad_open: bool,
    /// Opened by the phase (not by the leader): closes when the phase is over.
    scratchpad_auto: bool,
    /// The private advice entry: while open, only its field and *hand in* work.
    advice_entry_open: bool,
    /// The phase notes are shown (on one window only after the leader chose so).
    notes_open: bool,
    pub name_draft: String,
    pub problem_title: String,
    pub problem_line: String,
    pub problem_owner: Option<String>,
    pub question_text: String,
    pub question_kind: QuestionKind,
    pub question_focus: QuestionFocus,
    pub advice_draft: String,
    pub advice_thanks: bool,
    /// The name field got the cursor when the setup screen opened.
    pub setup_focused: bool,
    pub subgroup_size: usize,
    pub insight_draft: String,
    pub follow_up: FollowUp,
}

impl Default for LeaderState {
    fn default() -> Self {
        Self {
            scratchpad: String::new(),
            scratchpad_open: false,
            scratchpad_auto: false,
            name_draft: String::new(),
            problem_title: String::new(),
            problem_line: String::new(),
            problem_owner: None,
            question_text: String::new(),
            question_kind: QuestionKind::Open,
            question_focus: QuestionFocus::Facts,
            advice_draft: String::new(),
            advice_entry_open: false,
            notes_open: false,
            advice_thanks: false,
            setup_focused: false,
            subgroup_size: 3,
            insight_draft: String::new(),
            follow_up: FollowUp::default(),
        }
    }
}

impl LeaderState {
    /// The privacy curtain: private things disappear from the screen at once. An unfinished
    /// piece of advice is dropped, so the next person cannot read it.
    pub fn curtain(&mut self) {
        self.scratchpad_open = false;
        self.scratchpad_auto = false;
        self.advice_entry_open = false;
        self.notes_open = false;
        self.advice_draft.clear();
        self.advice_thanks = false;
    }

    pub fn is_open(&self, thing: PrivateThing) -> bool {
        match thing {
            PrivateThing::Scratchpad => self.scratchpad_open,
            PrivateThing::AdviceEntry => self.advice_entry_open,
            PrivateThing::Notes => self.notes_open,
        }
    }

    /// Opens something private; `auto` marks a scratchpad opened by the phase, which closes
    /// again when the phase is over.
    pub fn open(&mut self, thing: PrivateThing, _ok: PrivateOk, auto: bool) {
        match thing {
            PrivateThing::Scratchpad => {
                self.scratchpad_open = true;
                self.scratchpad_auto = auto;
            }
            PrivateThing::AdviceEntry => {
                self.advice_entry_open = true;
                self.advice_thanks = false;
                self.advice_draft.clear();
            }
            PrivateThing::Notes => self.notes_open = true,
        }
    }

    pub fn close_scratchpad(&mut self) {
        self.scratchpad_open = false;
        self.scratchpad_auto = false;
    }

    /// A new phase: a scratchpad the previous phase opened by itself closes.
    pub fn phase_changed(&mut self) {
        if self.scratchpad_auto {
            self.close_scratchpad();
        }
    }
}

fn tool_frame(ui: &mut Ui, palette: &Palette, title: &str, add: impl FnOnce(&mut Ui)) {
    egui::Frame::new()
        .fill(palette.surface)
        .corner_radius(8)
        .inner_margin(12)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).font(theme::bold(19.0)));
            ui.add_space(4.0);
            add(ui);
        });
    ui.add_space(10.0);
}

/// A single-line text field with a visible label, named for screen readers and tests.
fn labelled_field(ui: &mut Ui, label: &str, text: &mut String, width: f32) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(
            TextEdit::singleline(text)
                .desired_width(width)
                .char_limit(super::library::LINE_LIMIT),
        )
        .labelled_by(label.id)
    })
    .inner
}

/// Gives a small button (a "+", a "×") a full name for screen readers and tests.
fn name(response: egui::Response, name: &str) -> egui::Response {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name.to_owned()));
    response
}

fn enter_pressed(response: &egui::Response) -> bool {
    response.lost_focus() && response.ctx.input(|i| i.key_pressed(egui::Key::Enter))
}

/// Who is present: names or initials, or just a count; the inbrenger; names on the wall.
/// Returns the name field, so the setup screen can put the cursor in it.
pub fn presence_ui(
    app: &mut KringApp,
    ui: &mut Ui,
    commands: &mut Vec<AppCommand>,
) -> egui::Response {
    let s = app.strings();
    let palette = Palette::for_theme(app.settings.theme);
    let content = &app.content;
    let label = ui.label(s.present_add_label);
    let (response, add_clicked) = ui
        .horizontal(|ui| {
            let field = ui
                .add(TextEdit::singleline(&mut app.leader.name_draft).desired_width(130.0))
                .labelled_by(label.id);
            (field, ui.button(s.present_add).clicked())
        })
        .inner;
    if (add_clicked || enter_pressed(&response)) && !app.leader.name_draft.trim().is_empty() {
        commands.push(tool(ContentCommand::AddPresent(std::mem::take(
            &mut app.leader.name_draft,
        ))));
        response.request_focus();
    }
    ui.horizontal_wrapped(|ui| {
        for (index, name) in content.present.iter().enumerate() {
            if ui
                .button(format!("{name}  ×"))
                .on_hover_text(s.present_remove)
                .clicked()
            {
                commands.push(tool(ContentCommand::RemovePresent(index)));
            }
        }
    });
    if content.present.is_empty() {
        let mut count = content.present_count;
        ui.horizontal(|ui| {
            let label = ui.label(s.present_count_label);
            if ui
                .add(egui::DragValue::new(&mut count).range(0..=60))
                .labelled_by(label.id)
                .changed()
            {
                commands.push(tool(ContentCommand::SetPresentCount(count)));
            }
        });
    }
    ui.label(RichText::new(fill(s.present_total, &[("count", &content.group_size())])).strong());
    if content.is_large_group() {
        ui.label(
            RichText::new(fill(
                s.large_group_title,
                &[("count", &content.group_size())],
            ))
            .strong()
            .color(palette.warning_text),
        );
        ui.add(egui::Label::new(s.large_group_body).wrap());
    }
    let mut names = content.names_on_wall;
    if ui.checkbox(&mut names, s.names_on_wall).changed() {
        commands.push(tool(ContentCommand::SetNamesOnWall(names)));
    }
    if !content.present.is_empty() {
        let current = content.inbrenger.clone();
        let shown = current
            .clone()
            .unwrap_or_else(|| s.inbrenger_none.to_owned());
        ui.horizontal(|ui| {
            let label = ui.label(s.inbrenger_label);
            egui::ComboBox::from_id_salt("inbrenger")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(current.is_none(), s.inbrenger_none)
                        .clicked()
                    {
                        commands.push(tool(ContentCommand::SetInbrenger(None)));
                    }
                    for name in &content.present {
                        if ui
                            .selectable_label(current.as_deref() == Some(name), name)
                            .clicked()
                        {
                            commands.push(tool(ContentCommand::SetInbrenger(Some(name.clone()))));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
    response
}

fn tool(command: ContentCommand) -> AppCommand {
    AppCommand::Content(command)
}

/// The tools of the current phase, in the central area of the leader screen.
pub fn phase_tools_ui(
    app: &mut KringApp,
    ui: &mut Ui,
    tools: &[Tool],
    commands: &mut Vec<AppCommand>,
) {
    let palette = Palette::for_theme(app.settings.theme);
    let s = app.strings();
    for tool in tools {
        match tool {
            Tool::ProblemList => tool_frame(ui, &palette, s.tool_problems, |ui| {
                problems_ui(app, ui, commands, false);
            }),
            Tool::Choice => tool_frame(ui, &palette, s.tool_choice, |ui| {
                problems_ui(app, ui, commands, true);
            }),
            Tool::QuestionLog => tool_frame(ui, &palette, s.tool_questions, |ui| {
                questions_ui(app, ui, commands);
            }),
            Tool::AdviceBoard => tool_frame(ui, &palette, s.tool_advice, |ui| {
                advice_ui(app, ui, commands);
            }),
            Tool::Decision => tool_frame(ui, &palette, s.tool_decision, |ui| {
                decision_ui(app, ui, commands);
            }),
            Tool::Notes => tool_frame(ui, &palette, s.tool_notes, |ui| notes_ui(app, ui)),
            Tool::Insights => tool_frame(ui, &palette, s.tool_insights, |ui| {
                insights_ui(app, ui, commands);
            }),
            // The scratchpad has its own panel: it is private.
            Tool::Scratchpad => {}
        }
    }
}

fn problems_ui(app: &mut KringApp, ui: &mut Ui, commands: &mut Vec<AppCommand>, choosing: bool) {
    let s = app.strings();
    let palette = Palette::for_theme(app.settings.theme);
    if !choosing || app.content.problems.is_empty() {
        let title = labelled_field(ui, s.problem_title, &mut app.leader.problem_title, 320.0);
        let line = labelled_field(ui, s.problem_line, &mut app.leader.problem_line, 420.0);
        if !app.content.present.is_empty() {
            ui.horizontal(|ui| {
                let label = ui.label(s.problem_owner);
                let shown = app
                    .leader
                    .problem_owner
                    .clone()
                    .unwrap_or_else(|| s.problem_owner_none.to_owned());
                egui::ComboBox::from_id_salt("problem_owner")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(
                            &mut app.leader.problem_owner,
                            None,
                            s.problem_owner_none,
                        );
                        for name in &app.content.present {
                            ui.selectable_value(
                                &mut app.leader.problem_owner,
                                Some(name.clone()),
                                name,
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
        }
        let add = ui
            .horizontal(|ui| {
                let add = ui.button(s.problem_add).clicked();
                if ui.button(s.bring_in_case).clicked() {
                    commands.push(AppCommand::BringInCaseDialog);
                }
                app.ensure_cases_loaded();
                let mine = app.cases_list();
                if !mine.is_empty() {
                    ui.menu_button(s.bring_in_mine, |ui| {
                        for (_, case) in mine {
                            if ui.button(&case.title).clicked() {
                                commands.push(AppCommand::BringInCase(case));
                            }
                        }
                    });
                }
                add
            })
            .inner;
        if (add || enter_pressed(&title) || enter_pressed(&line))
            && !app.leader.problem_title.trim().is_empty()
        {
            commands.push(tool(ContentCommand::AddProblem {
                title: std::mem::take(&mut app.leader.problem_title),
                line: std::mem::take(&mut app.leader.problem_line),
                owner: app.leader.problem_owner.take(),
            }));
            title.request_focus();
        }
        ui.add_space(6.0);
    }
    if choosing {
        if app.content.problems.is_empty() {
            ui.label(s.choice_none_yet);
            return;
        }
        let mut dots = app.content.dots_per_member;
        ui.horizontal(|ui| {
            let label = ui.label(s.choice_dots);
            if ui
                .add(egui::DragValue::new(&mut dots).range(1..=10))
                .labelled_by(label.id)
                .changed()
            {
                commands.push(tool(ContentCommand::SetDots(dots)));
            }
            let total = app.content.dots_available();
            if total > 0 {
                ui.label(fill(
                    s.choice_dots_left.get(total),
                    &[
                        ("left", &total.saturating_sub(app.content.dots_used())),
                        ("total", &total),
                    ],
                ));
            }
        });
    }
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    egui::Grid::new(("problems", choosing))
        .num_columns(if choosing { 4 } else { 2 })
        .spacing([12.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for problem in &app.content.problems {
                let chosen = app.content.chosen_problem == Some(problem.id);
                ui.vertical(|ui| {
                    let mut title = RichText::new(&problem.title).strong();
                    if chosen {
                        title = title.color(palette.accent);
                    }
                    ui.label(title);
                    let mut detail = problem.line.clone();
                    if let Some(owner) = &problem.owner {
                        if !detail.is_empty() {
                            detail.push_str(" · ");
                        }
                        detail.push_str(owner);
                    }
                    if !detail.is_empty() {
                        ui.label(RichText::new(detail).color(palette.muted));
                    }
                });
                if choosing {
                    ui.horizontal(|ui| {
                        let minus = format!("-1 {}", problem.title);
                        if name(ui.button("−"), &minus).on_hover_text(&minus).clicked() {
                            commands.push(tool(ContentCommand::Vote(problem.id, -1)));
                        }
                        ui.label(RichText::new(problem.votes.to_string()).font(theme::bold(20.0)));
                        let plus = format!("+1 {}", problem.title);
                        if name(ui.button("+"), &plus).on_hover_text(&plus).clicked() {
                            commands.push(tool(ContentCommand::Vote(problem.id, 1)));
                        }
                    });
                    if chosen {
                        ui.label(RichText::new(s.room_chosen).strong());
                    } else if ui
                        .button(s.choice_pick)
                        .on_hover_text(&problem.title)
                        .clicked()
                    {
                        commands.push(tool(ContentCommand::Choose(problem.id)));
                    }
                }
                if ui
                    .small_button("×")
                    .on_hover_text(s.advice_remove)
                    .clicked()
                {
                    commands.push(tool(ContentCommand::RemoveProblem(problem.id)));
                }
                ui.end_row();
            }
        });
    // Below the list, so the rows do not move while the group votes.
    if choosing {
        let leaders = app.content.vote_leaders();
        if !leaders.is_empty() {
            let titles: Vec<&str> = leaders
                .iter()
                .filter_map(|id| app.content.problem(*id).map(|p| p.title.as_str()))
                .collect();
            ui.label(fill(s.choice_leaders, &[("titles", &titles.join(", "))]));
        }
    }
}

fn questions_ui(app: &mut KringApp, ui: &mut Ui, commands: &mut Vec<AppCommand>) {
    let s = app.strings();
    let palette = Palette::for_theme(app.settings.theme);
    let response = labelled_field(ui, s.question_text, &mut app.leader.question_text, 460.0);
    ui.horizontal(|ui| {
        for (kind, label) in [
            (QuestionKind::Open, s.kind_open),
            (QuestionKind::Closed, s.kind_closed),
            (QuestionKind::Suggestive, s.kind_suggestive),
        ] {
            ui.selectable_value(&mut app.leader.question_kind, kind, label);
        }
        ui.separator();
        for (focus, label) in [
            (QuestionFocus::Facts, s.focus_facts),
            (QuestionFocus::Experience, s.focus_experience),
        ] {
            ui.selectable_value(&mut app.leader.question_focus, focus, label);
        }
    });
    ui.horizontal(|ui| {
        let add = ui.button(s.question_add).clicked();
        if (add || enter_pressed(&response)) && !app.leader.question_text.trim().is_empty() {
            commands.push(tool(ContentCommand::AddQuestion {
                text: std::mem::take(&mut app.leader.question_text),
                kind: app.leader.question_kind,
                focus: app.leader.question_focus,
            }));
            response.request_focus();
        }
        ui.separator();
        if ui.button(s.early_advice).clicked() {
            commands.push(tool(ContentCommand::EarlyAdvice));
        }
        ui.label(
            RichText::new(fill(
                s.early_advice_count,
                &[("count", &app.content.early_advice)],
            ))
            .color(palette.warning_text),
        );
    });
    let c = &app.content;
    ui.label(fill(
        s.question_summary.get(c.questions.len()),
        &[
            ("count", &c.questions.len()),
            ("open", &c.question_count(QuestionKind::Open)),
            ("closed", &c.question_count(QuestionKind::Closed)),
            ("suggestive", &c.question_count(QuestionKind::Suggestive)),
            ("facts", &c.focus_count(QuestionFocus::Facts)),
            ("experience", &c.focus_count(QuestionFocus::Experience)),
        ],
    ));
    for (index, question) in c.questions.iter().enumerate().rev() {
        ui.horizontal(|ui| {
            let kind = match question.kind {
                QuestionKind::Open => s.kind_open,
                QuestionKind::Closed => s.kind_closed,
                QuestionKind::Suggestive => s.kind_suggestive,
            };
            let focus = match question.focus {
                QuestionFocus::Facts => s.focus_facts,
                QuestionFocus::Experience => s.focus_experience,
            };
            if ui
                .small_button("×")
                .on_hover_text(s.advice_remove)
                .clicked()
            {
                commands.push(tool(ContentCommand::RemoveQuestion(index)));
            }
            ui.label(format!("{}. {}", index + 1, question.text));
            ui.label(RichText::new(format!("{kind} · {focus}")).color(palette.muted));
        });
    }
}

fn advice_form_id(app: &KringApp) -> Option<String> {
    app.content.advice_form.clone().or_else(|| {
        app.meeting
            .as_ref()
            .and_then(|m| m.current_phase())
            .and_then(|p| p.variants.first())
            .map(|v| v.id.clone())
    })
}

fn advice_ui(app: &mut KringApp, ui: &mut Ui, commands: &mut Vec<AppCommand>) {
    let s = app.strings();
    let lang = app.lang();
    let palette = Palette::for_theme(app.settings.theme);
    let variants = app
        .meeting
        .as_ref()
        .and_then(|m| m.current_phase())
        .map(|p| p.variants.clone())
        .unwrap_or_default();
    let form = advice_form_id(app);
    if !variants.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(s.advice_form);
            for variant in &variants {
                let selected = form.as_deref() == Some(variant.id.as_str());
                if ui
                    .selectable_label(selected, variant.title.get(lang))
                    .on_hover_text(variant.description.get(lang))
                    .clicked()
                {
                    commands.push(tool(ContentCommand::SetAdviceForm(variant.id.clone())));
                }
            }
        });
    }
    let form = form.unwrap_or_default();
    let oral = form.contains("mondeling") || form.contains("oral");
    let subgroups = form.contains("subgroep") || form.contains("subgroup");
    let board = &app.content.advice;

    if subgroups {
        ui.horizontal(|ui| {
            let label = ui.label(s.advice_subgroup_size);
            ui.add(egui::DragValue::new(&mut app.leader.subgroup_size).range(2..=8))
                .labelled_by(label.id);
            if ui.button(s.advice_subgroups_make).clicked() {
                commands.push(tool(ContentCommand::MakeSubgroups(
                    app.leader.subgroup_size,
                )));
            }
        });
        for (i, group) in app.content.subgroups.iter().enumerate() {
            ui.label(format!(
                "{}: {}",
                fill(s.room_subgroup, &[("n", &(i + 1))]),
                group.join(", ")
            ));
        }
    }

    if oral {
        let response = labelled_field(ui, s.advice_text, &mut app.leader.advice_draft, 460.0);
        let add = ui.button(s.advice_oral_add).clicked();
        if (add || enter_pressed(&response)) && !app.leader.advice_draft.trim().is_empty() {
            commands.push(tool(ContentCommand::AddOralAdvice(std::mem::take(
                &mut app.leader.advice_draft,
            ))));
            response.request_focus();
        }
    } else if ui.button(s.advice_private_entry).clicked() {
        commands.push(AppCommand::OpenPrivate(PrivateThing::AdviceEntry));
    }

    let expected = app.content.advice_expected();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(if expected > 0 {
                fill(s.advice_count, &[("n", &board.len()), ("total", &expected)])
            } else {
                fill(s.advice_count_open, &[("n", &board.len())])
            })
            .strong(),
        );
        // The private entry stops at the number expected; when more advice comes (a guest, a
        // second idea), the leader raises it here, outside the members' screen.
        if expected > 0 && ui.button(s.advice_expect_more).clicked() {
            commands.push(tool(ContentCommand::ExpectMoreAdvice));
        }
    });
    if board.revealed || oral {
        for (index, advice) in board.items().iter().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .small_button("×")
                    .on_hover_text(s.advice_remove)
                    .clicked()
                {
                    commands.push(tool(ContentCommand::RemoveAdvice(index)));
                }
                ui.add(egui::Label::new(&advice.text).wrap());
            });
        }
        if !board.revealed && !board.is_empty() && ui.button(s.advice_reveal).clicked() {
            commands.push(tool(ContentCommand::RevealAdvice));
        }
    } else {
        ui.label(RichText::new(s.advice_hidden).color(palette.muted));
        if !board.is_empty() && ui.button(s.advice_reveal).clicked() {
            commands.push(tool(ContentCommand::RevealAdvice));
        }
    }
}

/// The private entry screen for write-then-tell: one member at a time types, hands in, and
/// the text is gone from the screen. A locked mode: nothing else is on the screen, no shortcut
/// works but Ctrl+Enter (hand in) and the leader's F4 (close). Nothing moves when a member
/// starts typing: the field keeps its id and its place, so no key is lost.
pub fn advice_entry_ui(app: &mut KringApp, ui: &mut Ui) {
    let s = app.strings();
    let palette = Palette::for_theme(app.settings.theme);
    let mut commands = Vec::new();
    let expected = app.content.advice_expected();
    let count = app.content.advice.len();
    let full = app.content.advice_full();
    ui.set_max_width(900.0);
    ui.add_space(12.0);
    ui.label(RichText::new(s.advice_entry_title).font(theme::bold(30.0)));
    ui.add(egui::Label::new(RichText::new(s.advice_entry_hint).size(19.0)).wrap());
    ui.add_space(8.0);
    // One status line of fixed height: thanks after handing in, otherwise the count.
    let status = if full {
        fill(s.advice_entry_full, &[("total", &expected)])
    } else if app.leader.advice_thanks {
        s.advice_thanks.to_owned()
    } else if expected > 0 {
        fill(s.advice_count, &[("n", &count), ("total", &expected)])
    } else {
        fill(s.advice_count_open, &[("n", &count)])
    };
    let color = if app.leader.advice_thanks || full {
        palette.accent
    } else {
        palette.muted
    };
    ui.add_sized(
        [ui.available_width(), 56.0],
        egui::Label::new(RichText::new(status).size(19.0).color(color)).wrap(),
    );
    let label = ui.label(RichText::new(s.advice_text).strong());
    let response = ui
        .add_enabled(
            !full,
            TextEdit::multiline(&mut app.leader.advice_draft)
                .id_salt("private_advice_entry")
                .char_limit(super::library::TEXT_LIMIT)
                .desired_rows(6)
                .desired_width(f32::INFINITY)
                .font(theme::regular(20.0)),
        )
        .labelled_by(label.id);
    if response.changed() {
        app.leader.advice_thanks = false;
    }
    // The cursor stays in the field: whatever a member types goes into their advice, never
    // into a leader's shortcut.
    if !full && !response.has_focus() {
        response.request_focus();
    }
    let submit = egui::Button::new(RichText::new(s.advice_submit).font(theme::bold(20.0)))
        .fill(palette.badge_fill)
        .stroke(egui::Stroke::new(2.0, palette.accent));
    let submit_key = ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter));
    let clicked = ui
        .add_enabled(!full, submit)
        .on_hover_text("Ctrl+Enter")
        .clicked();
    if (clicked || submit_key) && !full && !app.leader.advice_draft.trim().is_empty() {
        commands.push(tool(ContentCommand::SubmitAdvice(std::mem::take(
            &mut app.leader.advice_draft,
        ))));
        app.leader.advice_thanks = true;
        response.request_focus();
    }
    for command in commands {
        app.send(command);
    }
}

fn decision_ui(app: &mut KringApp, ui: &mut Ui, commands: &mut Vec<AppCommand>) {
    let s = app.strings();
    for (index, advice) in app.content.advice.items().iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            for mark in [AdviceMark::WillUse, AdviceMark::Maybe, AdviceMark::NotNow] {
                let selected = advice.mark == Some(mark);
                if ui
                    .selectable_label(selected, mark_text(mark, s))
                    .on_hover_text(&advice.text)
                    .clicked()
                {
                    let new = if selected { None } else { Some(mark) };
                    commands.push(tool(ContentCommand::Mark(index, new)));
                }
            }
            ui.add(egui::Label::new(&advice.text).wrap());
        });
    }
    if !app.content.advice.is_empty() {
        ui.separator();
    }
    let label = ui.label(RichText::new(s.decision_text).strong());
    ui.add(
        TextEdit::multiline(&mut app.content.decision)
            .char_limit(super::library::TEXT_LIMIT)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.add_space(6.0);
    ui.label(RichText::new(s.room_follow_ups).strong());
    let mut follow = std::mem::take(&mut app.leader.follow_up);
    ui.horizontal_wrapped(|ui| {
        labelled_field(ui, s.follow_what, &mut follow.what, 260.0);
        labelled_field(ui, s.follow_who, &mut follow.who, 120.0);
        labelled_field(ui, s.follow_when, &mut follow.by_when, 120.0);
        if ui.button(s.follow_add).clicked() && !follow.what.trim().is_empty() {
            commands.push(tool(ContentCommand::AddFollowUp(std::mem::take(
                &mut follow,
            ))));
        }
    });
    app.leader.follow_up = follow;
    for (index, step) in app.content.follow_ups.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .small_button("×")
                .on_hover_text(s.advice_remove)
                .clicked()
            {
                commands.push(tool(ContentCommand::RemoveFollowUp(index)));
            }
            ui.label(format!("{} · {} · {}", step.what, step.who, step.by_when));
        });
    }
}

fn notes_ui(app: &mut KringApp, ui: &mut Ui) {
    let s = app.strings();
    let Some(phase_id) = app
        .meeting
        .as_ref()
        .and_then(|m| m.current_phase())
        .map(|p| p.id.clone())
    else {
        return;
    };
    if !app.leader.is_open(PrivateThing::Notes) && !app.room_window {
        // One window: the room sees this screen, so the notes stay closed until the leader
        // chooses to show them here.
        if ui.button(s.notes_show).clicked() {
            app.send(AppCommand::OpenPrivate(PrivateThing::Notes));
        }
        return;
    }
    let label = ui.label(s.notes_hint);
    let notes = app.content.notes.entry(phase_id).or_default();
    ui.add(
        TextEdit::multiline(notes)
            .char_limit(super::library::TEXT_LIMIT)
            .desired_rows(4)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
}

fn insights_ui(app: &mut KringApp, ui: &mut Ui, commands: &mut Vec<AppCommand>) {
    let s = app.strings();
    let response = labelled_field(ui, s.insight_text, &mut app.leader.insight_draft, 360.0);
    let add = ui.button(s.insight_add).clicked();
    if (add || enter_pressed(&response)) && !app.leader.insight_draft.trim().is_empty() {
        commands.push(tool(ContentCommand::AddInsight(std::mem::take(
            &mut app.leader.insight_draft,
        ))));
        response.request_focus();
    }
    let mut on_wall = app.content.insights_on_wall;
    if ui.checkbox(&mut on_wall, s.insights_on_wall).changed() {
        commands.push(tool(ContentCommand::SetInsightsOnWall(on_wall)));
    }
    ui.horizontal_wrapped(|ui| {
        for (index, insight) in app.content.insights.iter().enumerate() {
            if ui
                .button(format!("{insight}  ×"))
                .on_hover_text(s.advice_remove)
                .clicked()
            {
                commands.push(tool(ContentCommand::RemoveInsight(index)));
            }
        }
    });
}

/// The private scratchpad panel.
pub fn scratchpad_ui(app: &mut KringApp, ui: &mut Ui) {
    let s: &Strings = app.strings();
    let palette = Palette::for_theme(app.settings.theme);
    let title = ui.label(RichText::new(s.tool_scratchpad).font(theme::bold(19.0)));
    ui.add(egui::Label::new(RichText::new(s.scratch_hint).color(palette.muted)).wrap());
    ui.horizontal(|ui| {
        if ui.button(s.scratch_hide).clicked() {
            app.leader.curtain();
        }
        if ui.button(s.scratch_clear).clicked() {
            app.leader.scratchpad.clear();
        }
    });
    ui.add(
        TextEdit::multiline(&mut app.leader.scratchpad)
            .char_limit(super::library::TEXT_LIMIT)
            .desired_rows(18)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(title.id);
}
