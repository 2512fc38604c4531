//! The quiz in the side panel: the question in large type, the choices, and after an answer
//! the right place, the error in kilometres and the source quote; the score at the end.

use egui::{Color32, RichText, ScrollArea, Ui};

use super::{Action, ViewCtx};
use crate::i18n;
use crate::model::EventIdx;
use crate::model::quiz::{Answer, Question, QuestionKind, Score, Verdict, source_quote};
use crate::style;

/// A quiz under way.
#[derive(Debug, Clone)]
pub struct QuizState {
    pub questions: Vec<Question>,
    /// 0-based; `questions.len()` when finished.
    pub index: usize,
    pub score: Score,
    /// The verdict on the current question, once answered, and the map click if it was one.
    pub verdict: Option<(Verdict, Option<(f64, f64)>)>,
    /// Events clicked so far in an ordering question.
    pub order: Vec<EventIdx>,
    /// The process chosen in a process question, once answered (shown marked).
    pub chosen: Option<crate::model::ProcessIdx>,
}

impl QuizState {
    #[must_use]
    pub fn new(questions: Vec<Question>) -> Self {
        Self {
            questions,
            index: 0,
            score: Score::default(),
            verdict: None,
            order: Vec::new(),
            chosen: None,
        }
    }

    /// The question being asked, if the quiz is not over.
    #[must_use]
    pub fn current(&self) -> Option<&Question> {
        self.questions.get(self.index)
    }

    /// Whether the map should take a click as the answer (a "where" question, unanswered).
    #[must_use]
    pub fn wants_map_click(&self) -> bool {
        self.verdict.is_none()
            && self
                .current()
                .is_some_and(|q| matches!(q.kind, QuestionKind::Where { .. }))
    }
}

const PROMPT_SIZE: f32 = 24.0;
const CHOICE_SIZE: f32 = 19.0;

/// The quiz panel.
pub fn quiz_ui(ui: &mut Ui, ctx: ViewCtx<'_>, quiz: &QuizState) -> Vec<Action> {
    let t = ctx.lang.t();
    let atlas = ctx.atlas;
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(crate::tr!(
                ctx.lang,
                "quiz-progress",
                i = (quiz.index + 1).min(quiz.questions.len()),
                n = quiz.questions.len()
            ))
            .strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("✖").on_hover_text(t.quiz_end).clicked() {
                actions.push(Action::StopQuiz);
            }
            if ui
                .button(t.fullscreen)
                .on_hover_text(t.quiz_fullscreen)
                .clicked()
            {
                actions.push(Action::ToggleFullscreen);
            }
            ui.label(
                RichText::new(crate::i18n::count_points(quiz.score.right, ctx.lang))
                    .color(style::MUTED_TEXT),
            );
        });
    });
    ui.separator();
    let Some(question) = quiz.current() else {
        ui.label(RichText::new(t.quiz_done).size(PROMPT_SIZE).strong());
        ui.label(
            RichText::new(crate::tr!(
                ctx.lang,
                "quiz-score",
                right = quiz.score.right,
                answered = quiz.score.answered
            ))
            .size(PROMPT_SIZE),
        );
        ui.add_space(12.0);
        if ui
            .button(RichText::new(t.quiz_again).size(CHOICE_SIZE))
            .clicked()
        {
            actions.push(Action::StartQuiz);
        }
        return actions;
    };
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            crate::ui::focus_into_view(ui);
            ui.label(
                RichText::new(question.prompt(ctx.lang))
                    .size(PROMPT_SIZE)
                    .strong(),
            );
            ui.add_space(10.0);
            let answered = quiz.verdict.is_some();
            match &question.kind {
                QuestionKind::Where { .. } => {
                    if !answered {
                        ui.label(
                            RichText::new(t.quiz_click_map)
                                .size(CHOICE_SIZE)
                                .color(style::MUTED_TEXT),
                        );
                    }
                }
                QuestionKind::Process { event, options, .. } => {
                    ui.label(
                        RichText::new(atlas.event(*event).title(ctx.lang))
                            .size(CHOICE_SIZE)
                            .italics(),
                    );
                    ui.add_space(6.0);
                    let right = match &question.kind {
                        QuestionKind::Process { answer, .. } => Some(*answer),
                        _ => None,
                    };
                    for &p in options {
                        let process = atlas.process(p);
                        let name = i18n::pick(ctx.lang, &process.name_de, &process.name_en);
                        // Once answered: the choice marked, green if right, red if not, and
                        // the right answer green too.
                        let chosen = answered && quiz.chosen == Some(p);
                        let (mark, fill) = match (answered, right == Some(p), chosen) {
                            (true, true, _) => ("✔ ", Some(style::QUIZ_RIGHT_BG)),
                            (true, false, true) => ("✖ ", Some(style::QUIZ_WRONG_BG)),
                            _ => ("", None),
                        };
                        let mut button = egui::Button::new(
                            RichText::new(format!("{mark}{name}")).size(CHOICE_SIZE),
                        )
                        .selected(chosen);
                        if let Some(fill) = fill {
                            button = button.fill(fill);
                        }
                        if ui.add(button).clicked() && !answered {
                            actions.push(Action::QuizAnswer(Answer::Process(p)));
                        }
                    }
                }
                QuestionKind::Order { events, .. } => {
                    ui.label(RichText::new(t.quiz_order_hint).color(style::MUTED_TEXT));
                    for &e in events {
                        let position = quiz.order.iter().position(|&o| o == e);
                        let label = match position {
                            Some(i) => format!("{}. {}", i + 1, atlas.event(e).title(ctx.lang)),
                            None => atlas.event(e).title(ctx.lang).to_owned(),
                        };
                        let button =
                            egui::Button::new(RichText::new(label).size(CHOICE_SIZE)).wrap();
                        if ui
                            .add_enabled(!answered && position.is_none(), button)
                            .clicked()
                        {
                            actions.push(Action::QuizOrderClick(e));
                        }
                    }
                }
            }
            if let Some((verdict, _)) = &quiz.verdict {
                ui.add_space(10.0);
                let (text, color) = if verdict.correct {
                    (t.quiz_right_answer, Color32::from_rgb(0x1E, 0x7B, 0x34))
                } else {
                    (t.quiz_wrong_answer, style::PROBLEM_ERROR)
                };
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(text).size(PROMPT_SIZE).strong().color(color));
                    ui.add_space(12.0);
                    // Right beside the verdict, so that it is in view whatever follows.
                    if ui
                        .button(RichText::new(t.step_next).size(CHOICE_SIZE))
                        .clicked()
                    {
                        actions.push(Action::QuizNext);
                    }
                });
                if let (Some(place), Some(km)) = (verdict.nearest, verdict.error_km) {
                    ui.label(
                        RichText::new(crate::tr!(
                            ctx.lang,
                            "quiz-answer-distance",
                            place = atlas.place(place).name(ctx.lang),
                            km = format!("{km:.0}")
                        ))
                        .size(CHOICE_SIZE),
                    );
                }
                match &question.kind {
                    QuestionKind::Process { answer, .. } => {
                        let p = atlas.process(*answer);
                        ui.label(
                            RichText::new(format!(
                                "{}: {}",
                                t.quiz_answer,
                                i18n::pick(ctx.lang, &p.name_de, &p.name_en)
                            ))
                            .size(CHOICE_SIZE),
                        );
                    }
                    QuestionKind::Order { answer, .. } => {
                        for (i, &e) in answer.iter().enumerate() {
                            let event = atlas.event(e);
                            ui.label(format!(
                                "{}. {} ({})",
                                i + 1,
                                event.title(ctx.lang),
                                i18n::format_when(event.when, ctx.lang)
                            ));
                        }
                    }
                    QuestionKind::Where { .. } => {}
                }
                if let Some((article, quote)) = source_quote(atlas, question) {
                    ui.add_space(8.0);
                    egui::Frame::new()
                        .fill(style::QUOTE_BG)
                        .inner_margin(8.0)
                        .corner_radius(4.0)
                        .show(ui, |ui| {
                            ui.label(RichText::new(format!("„{quote}“")).italics().size(16.0));
                            ui.label(
                                RichText::new(atlas.article(article).title(ctx.lang))
                                    .small()
                                    .color(style::MUTED_TEXT),
                            );
                        });
                }
            }
        });
    actions
}
