//! The home screen: choose a protocol, see its phases and time, and start.

use egui::{RichText, ScrollArea, Ui};

use super::app::{AppCommand, KringApp};
use super::theme::{self, Palette};
use crate::i18n::fill;
use crate::model::Lang;
use crate::store::{ProtocolSource, Theme};

pub fn home_ui(app: &mut KringApp, ui: &mut Ui) {
    let s = app.strings();
    let lang = app.lang();
    let palette = Palette::for_theme(app.settings.theme);
    let mut commands = Vec::new();

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
                    let mut theme_choice = app.settings.theme;
                    for (choice, label) in
                        [(Theme::Dark, s.theme_dark), (Theme::Light, s.theme_light)]
                    {
                        if ui
                            .selectable_value(&mut theme_choice, choice, label)
                            .clicked()
                        {
                            commands.push(AppCommand::SetTheme(choice));
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
                            commands.push(AppCommand::SetLanguage(*choice));
                        }
                    }
                    ui.label(s.home_language);
                });
            });
        });

    egui::Panel::bottom("home_bottom")
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(20, 8)))
        .show(ui, |ui| {
            if let Some(read_only) = &app.read_only {
                ui.add(
                    egui::Label::new(
                        RichText::new(read_only)
                            .strong()
                            .color(palette.warning_text),
                    )
                    .wrap(),
                );
            }
            for notice in &app.notices {
                ui.label(RichText::new(notice).color(palette.warning_text));
            }
            if !app.catalog.problems.is_empty() {
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
                        for problem in &app.catalog.problems {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(problem.to_string()).color(palette.warning_text),
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
                    app.data.root().display()
                ))
                .small()
                .color(palette.muted),
            );
        });

    egui::Panel::left("protocol_list")
        .resizable(false)
        .default_size(340.0)
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(16, 16)))
        .show(ui, |ui| {
            ui.label(RichText::new(s.home_choose_protocol).font(theme::bold(20.0)));
            ui.add_space(6.0);
            if app.catalog.entries.is_empty() {
                ui.label(RichText::new(s.home_no_protocols).color(palette.warning_text));
            }
            ScrollArea::vertical().id_salt("protocols").show(ui, |ui| {
                for entry in &app.catalog.entries {
                    let protocol = &entry.protocol;
                    let selected = app.selected.as_deref() == Some(protocol.id.as_str());
                    let mut text = format!(
                        "{}\n{} {} · {} {}",
                        protocol.name.get(lang),
                        protocol.phases.len(),
                        s.home_phases.to_lowercase(),
                        protocol.planned_minutes(),
                        s.home_minutes_short
                    );
                    if entry.replaces_builtin {
                        text.push_str(&format!("\n{}", s.home_replaces_builtin));
                    } else if matches!(entry.source, ProtocolSource::File(_)) {
                        text.push_str(&format!("\n{}", s.home_own_protocol));
                    }
                    let button = egui::Button::selectable(selected, text)
                        .min_size(egui::vec2(ui.available_width(), 0.0));
                    if ui.add(button).clicked() {
                        commands.push(AppCommand::SelectProtocol(protocol.id.clone()));
                    }
                    ui.add_space(4.0);
                }
            });
        });

    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(24, 16)))
        .show(ui, |ui| {
            let Some(entry) = app.selected.as_deref().and_then(|id| app.catalog.get(id)) else {
                return;
            };
            let protocol = &entry.protocol;
            ui.heading(protocol.name.get(lang));
            ui.add(egui::Label::new(protocol.description.get(lang)).wrap());
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(fill(
                        s.home_planned,
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
            let mut intro_first = app.intro_first;
            if ui.checkbox(&mut intro_first, s.home_intro_first).changed() {
                commands.push(AppCommand::SetIntroFirst(intro_first));
            }
            ui.add_space(4.0);
            let start = egui::Button::new(RichText::new(s.home_start).font(theme::bold(22.0)))
                .fill(palette.badge_fill)
                .stroke(egui::Stroke::new(2.0, palette.accent))
                .min_size(egui::vec2(260.0, 48.0));
            let can_start = app.read_only.is_none() && app.resume_offer.is_none();
            if ui
                .add_enabled(can_start, start)
                .on_hover_text("Enter")
                .clicked()
            {
                commands.push(AppCommand::StartMeeting);
            }
            ui.add_space(12.0);
            ui.label(RichText::new(s.home_phases).font(theme::bold(20.0)));
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

    for command in commands {
        app.send(command);
    }
}
