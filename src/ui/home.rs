//! The home screen: choose a protocol, see its phases and time, and start.

use egui::{RichText, ScrollArea, Ui};

use super::command::{AppAction, CasesCommand, GroupCommand, HomeCommand};
use super::context::ViewCtx;
use super::keys::UiCommand;
use super::library;
use super::state::{CasesState, Env, GroupState, HistoryState, HomeState, HomeTab, UnsavedRecords};
use super::theme;
use crate::i18n::fill;
use crate::model::Lang;
use crate::store::{ProtocolSource, Theme};

/// What the home screen draws: its own state, the tabs' states, and what it only shows.
pub struct HomeParts<'a> {
    pub env: &'a Env,
    pub home: &'a mut HomeState,
    pub cases: &'a mut CasesState,
    pub history: &'a mut HistoryState,
    pub group: &'a mut GroupState,
    pub unsaved: &'a UnsavedRecords,
    /// This Kring may start a meeting (it holds the group, no crashed meeting waits).
    pub can_start: bool,
}

pub fn home_ui(ui: &mut Ui, view: &mut ViewCtx, parts: HomeParts) {
    let HomeParts {
        env,
        home,
        cases,
        history,
        group,
        unsaved,
        can_start,
    } = parts;
    let s = view.s;
    let lang = view.lang;
    let palette = view.palette;

    egui::Panel::top("home_top")
        .frame(
            egui::Frame::new()
                .fill(palette.surface)
                .inner_margin(egui::Margin::symmetric(20, 12)),
        )
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(s.app_name).font(theme::bold(30.0)));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    settings_row_ui(ui, view, env, group);
                });
            });
            ui.horizontal(|ui| {
                for (tab, label) in [
                    (HomeTab::Meeting, s.tab_meeting),
                    (HomeTab::Cases, s.tab_cases),
                    (HomeTab::History, s.tab_history),
                    (HomeTab::Reflection, s.tab_reflection),
                    (HomeTab::Group, s.tab_group),
                ] {
                    if ui
                        .selectable_label(home.tab == tab, RichText::new(label).size(18.0))
                        .clicked()
                    {
                        view.send(HomeCommand::SetTab(tab));
                    }
                }
            });
        });

    egui::Panel::bottom("home_bottom")
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(20, 8)))
        .show(ui, |ui| {
            if let Some(read_only) = &env.read_only {
                ui.add(
                    egui::Label::new(
                        RichText::new(read_only)
                            .strong()
                            .color(palette.warning_text),
                    )
                    .wrap(),
                );
            }
            if !unsaved.is_empty() {
                ui.add(
                    egui::Label::new(RichText::new(s.unsaved_offered).color(palette.warning_text))
                        .wrap(),
                );
            }
            for unsaved in unsaved.list() {
                let date = crate::i18n::format_date_text(lang, &unsaved.record.started_local);
                ui.label(
                    RichText::new(fill(
                        s.unsaved_banner,
                        &[
                            ("date", &date),
                            ("protocol", &unsaved.record.protocol_name.get(lang)),
                        ],
                    ))
                    .strong()
                    .color(palette.warning_text),
                );
                if !unsaved.error.is_empty() {
                    ui.add(
                        egui::Label::new(RichText::new(&unsaved.error).color(palette.muted)).wrap(),
                    );
                }
                super::overlays::unsaved_actions_ui(ui, view, unsaved.record.started_at_ms);
            }
            for notice in &env.notices {
                ui.label(RichText::new(notice).color(palette.warning_text));
            }
            if !env.catalog.problems.is_empty() {
                ui.label(
                    RichText::new(s.home_problems_title)
                        .strong()
                        .color(palette.warning_text),
                );
                ui.label(s.home_problems_hint);
                ScrollArea::vertical()
                    .id_salt("problems")
                    .max_height(120.0)
                    .show(ui, |ui| {
                        for problem in &env.catalog.problems {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(crate::i18n::protocol_issue(lang, problem))
                                        .color(palette.warning_text),
                                )
                                .wrap(),
                            );
                        }
                    });
            }
            ui.label(
                RichText::new(format!(
                    "{}: {}",
                    s.home_data_folder,
                    env.data.root().display()
                ))
                .small()
                .color(palette.muted),
            );
        });

    if cases.confirm_export {
        confirm_case_export_ui(ui.ctx(), view, cases.findings.len());
    }
    if let Some(files) = &group.retention_pending {
        retention_ui(ui.ctx(), view, files);
    }
    match home.tab {
        HomeTab::Meeting => {}
        HomeTab::Cases => library::cases_ui(ui, view, cases, env),
        HomeTab::History => library::history_ui(ui, view, history, env),
        HomeTab::Reflection => library::reflection_ui(ui, view, history, group, env),
        HomeTab::Group => library::group_ui(ui, view, group, history, env),
    }
    if home.tab != HomeTab::Meeting {
        return;
    }

    egui::Panel::left("protocol_list")
        .resizable(false)
        .default_size(340.0)
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(16, 16)))
        .show(ui, |ui| {
            ui.label(RichText::new(s.home_choose_protocol).font(theme::bold(20.0)));
            ui.add_space(6.0);
            if env.catalog.entries.is_empty() {
                ui.label(RichText::new(s.home_no_protocols).color(palette.warning_text));
            }
            ScrollArea::vertical().id_salt("protocols").show(ui, |ui| {
                for entry in &env.catalog.entries {
                    let protocol = &entry.protocol;
                    let selected = home.selected.as_deref() == Some(protocol.id.as_str());
                    let line = crate::i18n::fill(
                        s.home_list_line.get(protocol.parts),
                        &[
                            ("count", &protocol.phases.len()),
                            ("minutes", &protocol.planned_minutes()),
                        ],
                    );
                    let mut text = format!("{}\n{line}", protocol.name.get(lang));
                    if entry.replaces_builtin {
                        text.push_str(&format!("\n{}", s.home_replaces_builtin));
                    } else if matches!(entry.source, ProtocolSource::File(_)) {
                        text.push_str(&format!("\n{}", s.home_own_protocol));
                    }
                    let button = egui::Button::selectable(selected, text)
                        .min_size(egui::vec2(ui.available_width(), 0.0));
                    if ui.add(button).clicked() {
                        view.send(HomeCommand::SelectProtocol(protocol.id.clone()));
                    }
                    ui.add_space(4.0);
                }
            });
        });

    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(24, 16)))
        .show(ui, |ui| {
            let Some(entry) = home.selected.as_deref().and_then(|id| env.catalog.get(id)) else {
                return;
            };
            let protocol = &entry.protocol;
            ui.heading(protocol.name.get(lang));
            ui.add(egui::Label::new(protocol.description.get(lang)).wrap());
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(fill(
                        s.home_planned.get(protocol.planned_minutes()),
                        &[("minutes", &protocol.planned_minutes())],
                    ))
                    .strong(),
                );
                ui.label("·");
                ui.label(fill(
                    s.home_total_time,
                    &[
                        ("min", &protocol.total_minutes.min),
                        ("max", &protocol.total_minutes.max),
                    ],
                ));
                ui.label("·");
                ui.label(fill(
                    s.home_group_size,
                    &[
                        ("min", &protocol.group_size.min),
                        ("max", &protocol.group_size.max),
                    ],
                ));
            });
            ui.add_space(8.0);
            let mut intro_first = home.intro_first;
            if ui.checkbox(&mut intro_first, s.home_intro_first).changed() {
                view.send(HomeCommand::SetIntroFirst(intro_first));
            }
            ui.add_space(4.0);
            let start = egui::Button::new(RichText::new(s.home_start).font(theme::bold(22.0)))
                .fill(palette.badge_fill)
                .stroke(egui::Stroke::new(2.0, palette.accent))
                .min_size(egui::vec2(260.0, 48.0));
            if ui
                .add_enabled(can_start, start)
                .on_hover_text(UiCommand::StartMeeting.tooltip(s, protocol.parts))
                .clicked()
            {
                view.send(AppAction::StartMeeting);
            }
            ui.add_space(12.0);
            ui.label(RichText::new(s.home_phases.get(protocol.parts)).font(theme::bold(20.0)));
            ScrollArea::vertical().id_salt("phases").show(ui, |ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                egui::Grid::new("phase_grid")
                    .num_columns(3)
                    .striped(true)
                    .spacing([16.0, 6.0])
                    .show(ui, |ui| {
                        for (index, phase) in protocol.phases.iter().enumerate() {
                            ui.label(format!("{}.", index + 1));
                            ui.vertical(|ui| {
                                ui.label(RichText::new(phase.title.get(lang)).strong());
                                if !phase.variants.is_empty() {
                                    let names: Vec<&str> =
                                        phase.variants.iter().map(|v| v.title.get(lang)).collect();
                                    ui.label(
                                        RichText::new(format!(
                                            "{}: {}",
                                            s.home_variants,
                                            names.join(" · ")
                                        ))
                                        .color(palette.muted),
                                    );
                                }
                            });
                            let mut minutes =
                                format!("{} {}", phase.planned_minutes, s.home_minutes_short);
                            if phase.prepare_minutes > 0 {
                                minutes.push_str(&format!(
                                    "  ({})",
                                    fill(
                                        s.home_prepare_short,
                                        &[("minutes", &phase.prepare_minutes)]
                                    )
                                ));
                            }
                            ui.label(minutes);
                            ui.end_row();
                        }
                    });
            });
        });
}

/// Which group's folder is used; a leader of several groups picks one here.
fn group_picker_ui(ui: &mut Ui, view: &mut ViewCtx, env: &Env, group: &GroupState) {
    let s = view.s;
    let current = group
        .groups
        .groups
        .iter()
        .find(|(id, _)| *id == env.group)
        .map_or_else(|| group.settings.name.clone(), |(_, g)| g.name.clone());
    ui.horizontal(|ui| {
        let response = egui::ComboBox::from_id_salt("group")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for (id, g) in &group.groups.groups {
                    if ui.selectable_label(*id == env.group, &g.name).clicked() {
                        view.send(GroupCommand::Select(id.clone()));
                    }
                }
                ui.separator();
                let id = egui::Id::unique("new_group_name");
                let mut name: String = ui.data_mut(|d| d.get_temp(id).unwrap_or_default());
                let label = ui.label(s.group_new_name);
                ui.add(egui::TextEdit::singleline(&mut name).char_limit(library::LINE_LIMIT))
                    .labelled_by(label.id);
                if ui.button(s.group_create).clicked() && !name.trim().is_empty() {
                    view.send(GroupCommand::Create(std::mem::take(&mut name)));
                }
                ui.data_mut(|d| d.insert_temp(id, name));
            })
            .response;
        response.on_hover_text(s.group_label);
    });
}

fn confirm_case_export_ui(egui_ctx: &egui::Context, view: &mut ViewCtx, findings: usize) {
    let s = view.s;
    egui::Modal::new(egui::Id::unique("confirm_case_export")).show(egui_ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(s.export_warn_title);
        ui.add(
            egui::Label::new(fill(
                s.export_warn_body.get(findings),
                &[("count", &findings)],
            ))
            .wrap(),
        );
        ui.horizontal(|ui| {
            if ui.button(s.export_cancel).clicked() {
                view.send(CasesCommand::CancelExport);
            }
            if ui.button(s.export_anyway).clicked() {
                view.send(CasesCommand::Export { confirmed: true });
            }
        });
    });
}

/// Lists what expired before anything is deleted.
fn retention_ui(egui_ctx: &egui::Context, view: &mut ViewCtx, files: &[std::path::PathBuf]) {
    let s = view.s;
    egui::Modal::new(egui::Id::unique("retention")).show(egui_ctx, |ui| {
        ui.set_max_width(560.0);
        if files.is_empty() {
            ui.label(s.retention_none);
            if ui.button(s.help_close).clicked() {
                view.send(GroupCommand::RetentionCancel);
            }
            return;
        }
        ui.heading(s.retention_title);
        ui.label(s.retention_body.n(files.len()));
        ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
            for path in files {
                ui.label(
                    path.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                );
            }
        });
        ui.horizontal(|ui| {
            if ui.button(s.retention_cancel).clicked() {
                view.send(GroupCommand::RetentionCancel);
            }
            if ui.button(s.retention_confirm).clicked() {
                view.send(GroupCommand::RetentionConfirm);
            }
        });
    });
}

/// Theme, language and group, at the right of the top bar.
fn settings_row_ui(ui: &mut Ui, view: &mut ViewCtx, env: &Env, group: &GroupState) {
    let s = view.s;
    let lang = view.lang;

    let mut theme_choice = env.settings.theme;
    for (choice, label) in [(Theme::Dark, s.theme_dark), (Theme::Light, s.theme_light)] {
        if ui
            .selectable_value(&mut theme_choice, choice, label)
            .clicked()
        {
            view.send(AppAction::SetTheme(choice));
        }
    }
    ui.label(s.home_theme);
    ui.add_space(16.0);
    let mut lang_choice = lang;
    for choice in Lang::ALL.iter().rev() {
        if ui
            .selectable_value(&mut lang_choice, *choice, choice.native_name())
            .clicked()
        {
            view.send(AppAction::SetLanguage(*choice));
        }
    }
    ui.label(s.home_language);
    ui.add_space(16.0);
    group_picker_ui(ui, view, env, group);
}
