//! The `ThrdPart` texts here are invented in the style of PA-X's (its mix of semicolons,
//! commas, parenthesised roles and lead-in phrases); they are not quoted from the database.

use super::*;

fn parsed(text: &str) -> Vec<(String, Option<Role>)> {
    parse_third_parties(text)
        .into_iter()
        .map(|p| (p.name, p.role))
        .collect()
}

fn p(name: &str, role: Option<Role>) -> (String, Option<Role>) {
    (name.to_owned(), role)
}

#[test]
fn parenthesised_roles_follow_their_names() {
    assert_eq!(
        parsed("Russian Federation (mediator); Islamic Republic of Iran (observer); UN (observer)"),
        [
            p("Russian Federation", Some(Role::Mediator)),
            p("Islamic Republic of Iran", Some(Role::Observer)),
            p("UN", Some(Role::Observer)),
        ]
    );
    assert_eq!(
        parsed("OSCE (as guarantor), Pakistan, Turkmenistan (Observers)"),
        [
            p("OSCE", Some(Role::Guarantor)),
            p("Pakistan", Some(Role::Observer)),
            p("Turkmenistan", Some(Role::Observer)),
        ]
    );
}

#[test]
fn a_leading_phrase_gives_its_role_to_every_item() {
    assert_eq!(
        parsed("Mediating mission, led by the African Union High Level Implementation Panel"),
        [p(
            "African Union High Level Implementation Panel",
            Some(Role::Mediator)
        )]
    );
    assert_eq!(
        parsed(
            "Agreement mediated by the Government of Norway and the Centre for Humanitarian Dialogue"
        ),
        [
            p("Government of Norway", Some(Role::Mediator)),
            p("Centre for Humanitarian Dialogue", Some(Role::Mediator)),
        ]
    );
    assert_eq!(
        parsed(
            "Witnessed by: Ambassador of the United States, Special Envoy of the United Kingdom; facilitated by Switzerland"
        ),
        [
            p("Ambassador of the United States", Some(Role::Witness)),
            p("Special Envoy of the United Kingdom", Some(Role::Witness)),
            p("Switzerland", Some(Role::Facilitator)),
        ]
    );
    assert_eq!(
        parsed("Signed in the presence of the UN Secretary-General"),
        [p("UN Secretary-General", Some(Role::Witness))]
    );
}

#[test]
fn names_with_and_in_them_stay_whole_and_a_plural_role_closes_a_list() {
    assert_eq!(
        parsed(
            "Organization for Security and Co-operation in Europe (observer) and Trinidad and Tobago"
        ),
        [
            p(
                "Organization for Security and Co-operation in Europe",
                Some(Role::Observer)
            ),
            p("Trinidad and Tobago", None),
        ]
    );
    assert_eq!(
        parsed("Kazakhstan, Turkey and the Russian Federation (guarantors)"),
        [
            p("Kazakhstan", Some(Role::Guarantor)),
            p("Turkey", Some(Role::Guarantor)),
            p("Russian Federation", Some(Role::Guarantor)),
        ]
    );
}

#[test]
fn a_parenthesis_that_is_no_role_stays_in_the_name_and_empty_texts_name_nobody() {
    assert_eq!(
        parsed("Intergovernmental Authority on Development (IGAD) (facilitator)"),
        [p(
            "Intergovernmental Authority on Development (IGAD)",
            Some(Role::Facilitator)
        )]
    );
    assert_eq!(
        parsed("Community of Sant'Egidio (Rome)"),
        [p("Community of Sant'Egidio (Rome)", None)]
    );
    assert!(parsed("").is_empty());
    assert!(parsed("None").is_empty());
    assert!(parsed("  n/a ").is_empty());
}
