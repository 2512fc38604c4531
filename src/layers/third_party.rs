//! PA-X's `ThrdPart`: the third parties to an agreement, written as free text ("Russian
//! Federation (mediator); OSCE (observer)", "Mediating mission, led by the African Union High
//! Level Implementation Panel"). Split into participants with the role the text gives.
//!
//! Items are separated by `;`, `,` and ` and ` outside parentheses, except inside names that
//! contain "and" (Trinidad and Tobago, the Organization for Security and Co-operation in
//! Europe). A role comes from a parenthesis after the name ("(observer)", "(as guarantor)"), a
//! trailing "as observer", or a phrase that leads the items ("mediated by", "facilitated by",
//! "witnessed by", "in the presence of", "Observers:"); what says no role has `None`.

use super::records::{Participant, Role};

/// Phrases (lower case) that give every item after them a role, longest first so that
/// "mediating mission, led by" wins over "led by".
const PHRASES: &[(&str, Role)] = &[
    ("mediating mission, led by", Role::Mediator),
    ("mediation mission, led by", Role::Mediator),
    ("mediating mission led by", Role::Mediator),
    ("mediation mission led by", Role::Mediator),
    ("mediation led by", Role::Mediator),
    ("under the mediation of", Role::Mediator),
    ("with the mediation of", Role::Mediator),
    ("with the facilitation of", Role::Facilitator),
    ("in the presence of", Role::Witness),
    ("mediated by", Role::Mediator),
    ("facilitated by", Role::Facilitator),
    ("witnessed by", Role::Witness),
    ("observed by", Role::Observer),
    ("guaranteed by", Role::Guarantor),
    ("hosted by", Role::Host),
    ("mediators:", Role::Mediator),
    ("mediator:", Role::Mediator),
    ("facilitators:", Role::Facilitator),
    ("facilitator:", Role::Facilitator),
    ("witnesses:", Role::Witness),
    ("witness:", Role::Witness),
    ("observers:", Role::Observer),
    ("observer:", Role::Observer),
    ("guarantors:", Role::Guarantor),
    ("guarantor:", Role::Guarantor),
];

/// Names with " and " in them that are one party (lower case).
const AND_NAMES: &[&str] = &[
    "trinidad and tobago",
    "bosnia and herzegovina",
    "antigua and barbuda",
    "saint kitts and nevis",
    "st kitts and nevis",
    "sao tome and principe",
    "são tomé and príncipe",
    "saint vincent and the grenadines",
    "great britain and northern ireland",
    "turks and caicos",
    "wallis and futuna",
    "security and co-operation",
    "security and cooperation",
    "peace and security",
    "justice and peace",
    "peace and development",
    "truth and reconciliation",
    "economic and social",
];

/// The third parties named in a `ThrdPart` text, in order.
pub fn parse_third_parties(text: &str) -> Vec<Participant> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = text.to_lowercase();
    if matches!(
        lower.trim_matches('.'),
        "" | "none" | "n/a" | "na" | "-" | "no"
    ) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for clause in split_outside_parentheses(&text, |_, rest| rest.starts_with(';').then_some(1)) {
        let (lead, items, role) = match find_phrase(clause) {
            Some((start, end, role)) => (&clause[..start], &clause[end..], Some(role)),
            None => ("", clause, None),
        };
        // A lead-in of a few words before the phrase ("Talks", "Signed") names nobody; a list
        // before it does ("Norway, Qatar, facilitated by ...").
        if lead.contains(',') || lead.contains('(') {
            push_items(&mut out, lead, None);
        }
        push_items(&mut out, items, role);
    }
    out
}

/// The first role phrase in a clause: where it starts, where it ends and its role.
fn find_phrase(clause: &str) -> Option<(usize, usize, Role)> {
    let lower = clause.to_lowercase();
    if lower.len() != clause.len() {
        // Lower-casing changed byte lengths (rare letters); positions would not match.
        return None;
    }
    PHRASES
        .iter()
        .filter_map(|(phrase, role)| lower.find(phrase).map(|at| (at, at + phrase.len(), *role)))
        .min_by_key(|&(at, end, _)| (at, usize::MAX - end))
}

fn push_items(out: &mut Vec<Participant>, text: &str, role: Option<Role>) {
    let first = out.len();
    for item in split_items(text) {
        let (name, own, plural) = trailing_role(item);
        let name = clean(name);
        if name.is_empty() {
            continue;
        }
        // "Kazakhstan, Turkey and Russia (guarantors)": a plural role closes a list of items
        // that had none of their own.
        if plural {
            for earlier in out.iter_mut().skip(first).filter(|p| p.role == role) {
                earlier.role = own;
            }
        }
        out.push(Participant::new(name, own.or(role)));
    }
}

/// Splits where `separator` (given the byte offset and the rest of the text) finds one outside
/// parentheses, dropping the separator of the length it returns.
fn split_outside_parentheses(
    text: &str,
    separator: impl Fn(usize, &str) -> Option<usize>,
) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 0usize, 0usize);
    while let Some(rest) = text.get(i..) {
        let Some(c) = rest.chars().next() else { break };
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => {
                if let Some(n) = separator(i, rest) {
                    parts.extend(text.get(start..i));
                    i += n;
                    start = i;
                    continue;
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    parts.extend(text.get(start..));
    parts
}

/// The items of a clause: split at commas and at " and " / " & " before a name.
fn split_items(text: &str) -> Vec<&str> {
    let lower = text.to_lowercase();
    let protected: Vec<(usize, usize)> = if lower.len() == text.len() {
        AND_NAMES
            .iter()
            .flat_map(|name| lower.match_indices(name).map(|(at, n)| (at, at + n.len())))
            .collect()
    } else {
        Vec::new()
    };
    split_outside_parentheses(text, |at, rest| {
        if rest.starts_with(',') {
            return Some(1);
        }
        let n = [" and ", " & "]
            .iter()
            .find(|c| rest.starts_with(**c))?
            .len();
        let next = rest.get(n..).unwrap_or_default();
        let next = next.strip_prefix("the ").unwrap_or(next);
        (next.starts_with(char::is_uppercase)
            && !protected.iter().any(|&(from, to)| from < at && at < to))
        .then_some(n)
    })
}

/// A role at the end of an item, "(observer)", "(as guarantor)", "as observer", the name
/// without it and whether the role was plural ("(observers)"); a parenthesis that names no
/// role stays in the name.
fn trailing_role(item: &str) -> (&str, Option<Role>, bool) {
    let item = item.trim().trim_end_matches(['.', ':']);
    let role = |word: &str| Role::from_name(word).map(|r| (r, word.len() > r.name().len()));
    if let Some((name, words)) = item
        .strip_suffix(')')
        .and_then(|inner| inner.rsplit_once('('))
        && let Some((r, plural)) = words.split(|c: char| !c.is_alphabetic()).find_map(role)
    {
        return (name, Some(r), plural);
    }
    if let Some((name, word)) = item.rsplit_once(" as ")
        && let Some((r, plural)) = role(word)
    {
        return (name, Some(r), plural);
    }
    (item, None, false)
}

/// A name without leftover connectors and punctuation.
fn clean(name: &str) -> String {
    let mut name = name.trim().trim_matches([',', '.', ':', '-', ' ']);
    for lead in ["and ", "& ", "the ", "by "] {
        name = name.strip_prefix(lead).unwrap_or(name);
    }
    name.trim().to_owned()
}

#[cfg(test)]
#[path = "third_party_tests.rs"]
mod tests;
