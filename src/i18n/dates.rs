//! The reasoning behind a date read from a passage, in the user's language.

use super::Lang;
use crate::model::date_expr::{Basis, DateGuess};
use crate::tr;

/// Where a prefilled date came from: `aus „am Montag“ und dem Artikeldatum 2024-04-22`,
/// `from “in December 1991”`.
#[must_use]
pub fn date_reasoning(guess: &DateGuess, lang: Lang) -> String {
    let words = guess.expression.as_str();
    match guess.basis {
        Basis::Explicit => tr!(lang, "date-from-words", words = words),
        Basis::RelativeToArticle { article } => tr!(
            lang,
            "date-from-words-and-article",
            words = words,
            article = article.to_string()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::model::date_expr::date_in_passage;

    #[test]
    fn a_relative_date_names_the_words_and_the_article_date() {
        let article = Date::Day {
            year: 2024,
            month: 4,
            day: 24,
        };
        let guess = date_in_passage(
            "Am Montag trafen sich die Außenminister in Astana.",
            article,
            "de",
        )
        .expect("a date");
        assert_eq!(
            date_reasoning(&guess, Lang::De),
            "aus „Am Montag“ und dem Artikeldatum 2024-04-24"
        );
        assert_eq!(
            date_reasoning(&guess, Lang::En),
            "from “Am Montag” and the article's date 2024-04-24"
        );
    }

    #[test]
    fn an_explicit_date_names_only_the_words() {
        let guess = date_in_passage("It was signed in December 1991.", Date::Unknown, "en")
            .expect("a date");
        assert_eq!(date_reasoning(&guess, Lang::En), "from “in December 1991”");
        assert_eq!(date_reasoning(&guess, Lang::De), "aus „in December 1991“");
    }
}
