//! Ranking the candidates of each name found, and deciding how sure a link is.
//!
//! The score of a candidate is a sum of additive evidence, in the spirit of CLIFF-CLAVIN's
//! and Mordecai's heuristics but using only what is at hand offline:
//!
//! | signal | points | why |
//! |---|---|---|
//! | curated place | +4 | the app's own gazetteer was made for these texts |
//! | country / capital or region | +3 / +1.5 | texts on diplomacy name states and capitals far more often than same-named towns |
//! | population | +0.5 per power of ten | a big place is named more often (the CLAVIN prior) |
//! | its country named elsewhere in the text | +2.5 | the article's countries frame its towns |
//! | a parent right after it ("Osch, Kirgisistan", "Paris, Texas") or a country adjective right before ("im russischen Kasan") | +6, others −4 | the writer disambiguated on purpose |
//! | its country holds a place linked surely elsewhere (pass 2) | +1 | weaker than naming the country |
//! | near places linked surely elsewhere (pass 2) | up to +2, decaying over 400 km | places in one story cluster |
//! | the same name linked surely to it elsewhere (pass 2) | +2 | one sense per discourse |
//! | after a preposition of place ("in", "nach", "from") | +1 | a place's typical slot |
//!
//! Signals that the word is a common word rather than a name count against towns only (a
//! country named with an article, "die Türkei", is normal; a curated name is trusted):
//!
//! | signal | points | why |
//! |---|---|---|
//! | after a determiner, perhaps with adjectives between ("beim Essen", "the European Union") | −4 (−2 right after a comma, where "die" may be a relative pronoun) | a noun phrase, not a bare town name |
//! | the same word written in lowercase elsewhere in the text ("split", "essen") | −3.5 | then it is a word of the language |
//! | first word of a sentence or quotation | −2 | its capital letter says nothing |
//! | right after or before another capitalized word ("World Bank", "Central Asia") | −2.5 | likely inside a longer name |
//! | a town under 100 000 named by one of its alternate names only | −1 | GeoNames lists odd variants for small places ("Central" for Radford, Virginia) |
//! | three letters or fewer | −1 | short names collide with words and abbreviations |
//!
//! A mention is linked if its best score reaches [`LINK_AT`]; it is sure if that score
//! reaches [`SURE_AT`] and beats the second candidate by [`SURE_MARGIN`]. In between it is
//! linked for review; below, rejected (reported, not linked). Capitals take half the
//! common-word penalties: "Die Delegation aus Kabul" should not cost Kabul much.

use std::collections::HashMap;
use std::ops::Range;

use super::context::{Context, contexts};
use super::fold::{fold, haversine_km};
use super::mention::{Candidate, Decisions, LinkStatus, LinkedMention, MAX_CANDIDATES, PlaceKey};
use super::parser::{Geoparser, Target};
use super::place::{CountryCode, FeatureKind};

/// The lowest best score that links a mention (for review).
pub const LINK_AT: f32 = 3.5;
/// The lowest best score of a sure link.
pub const SURE_AT: f32 = 5.5;
/// How far a sure link's candidate must lead the second one.
pub const SURE_MARGIN: f32 = 1.0;

/// A name as the automaton found it.
#[derive(Debug, Clone)]
pub(super) struct RawMention {
    pub range: Range<usize>,
    /// The name without its ending, as written in the text.
    pub base: String,
    /// The name group (see `Geoparser::senses`).
    pub group: usize,
}

/// A candidate before scoring, with what the signals need.
#[derive(Debug, Clone)]
pub(super) struct Option_ {
    pub target: Target,
    pub candidate: Candidate,
    pub code: Option<CountryCode>,
    pub admin1: String,
    pub adjective: bool,
    pub curated: bool,
}

/// Links found names: scores candidates in two passes (the second adds what the first
/// linked surely), then applies the user's decisions.
pub(super) fn rank(
    p: &Geoparser,
    text: &str,
    raw: &[RawMention],
    decisions: &Decisions,
) -> Vec<LinkedMention> {
    let options: Vec<Vec<Option_>> = raw.iter().map(|m| options_of(p, m)).collect();
    let contexts = contexts(text, raw, &options);
    let keys: Vec<String> = raw.iter().map(|m| fold(&m.base)).collect();

    // Countries named in the text: by their name, an adjective, or a region of theirs.
    let mut named: HashMap<CountryCode, usize> = HashMap::new();
    for opts in &options {
        let mut codes: Vec<CountryCode> = opts
            .iter()
            .filter(|o| matches!(o.candidate.kind, FeatureKind::Country | FeatureKind::Region))
            .filter_map(|o| o.code)
            .collect();
        codes.dedup();
        for c in codes {
            *named.entry(c).or_default() += 1;
        }
    }

    let first = Pass {
        p,
        named: &named,
        anchors: &[],
        discourse: &HashMap::new(),
    };
    // One mention ranked in one pass: the same inputs, only the context of the pass differs.
    let rank_in = |pass: &Pass<'_>, i: usize| {
        pass.mention(
            text,
            &raw[i],
            &keys[i],
            &options[i],
            &contexts[i],
            decisions,
        )
    };
    let mut mentions: Vec<LinkedMention> = (0..raw.len()).map(|i| rank_in(&first, i)).collect();

    // Pass 2: what pass 1 linked surely becomes context for the rest.
    let mut anchors = Vec::new();
    let mut discourse = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.status != LinkStatus::Sure {
            continue;
        }
        if let Some(c) = m.chosen.and_then(|c| m.candidates.get(c)) {
            let anchor = (keys[i].clone(), c.lat, c.lon, CountryCode::new(&c.country));
            // Each place once: a long text names its capital dozens of times.
            if !matches!(c.kind, FeatureKind::Country | FeatureKind::Region)
                && !anchors.contains(&anchor)
            {
                anchors.push(anchor);
            }
            discourse
                .entry(keys[i].clone())
                .or_insert_with(|| c.place.clone());
        }
    }
    let second = Pass {
        p,
        named: &named,
        anchors: &anchors,
        discourse: &discourse,
    };
    for (i, m) in mentions.iter_mut().enumerate() {
        if decisions.contains_key(&keys[i]) {
            continue;
        }
        *m = rank_in(&second, i);
    }
    mentions
}

/// The distinct places a mention's name may stand for.
fn options_of(p: &Geoparser, m: &RawMention) -> Vec<Option_> {
    let mut out: Vec<Option_> = Vec::new();
    for sense in p.senses(m.group) {
        if let Some(o) = out.iter_mut().find(|o| o.target == sense.target()) {
            o.adjective &= sense.adjective();
            continue;
        }
        if let Some(o) = option_for(p, sense.target(), sense.adjective()) {
            out.push(o);
        }
    }
    out
}

/// The candidate for one target, unscored.
pub(super) fn option_for(p: &Geoparser, target: Target, adjective: bool) -> Option<Option_> {
    Some(match target {
        Target::Curated(i) => {
            let e = p.curated.get(i as usize)?;
            let key = e.place.key.clone();
            Option_ {
                target,
                candidate: Candidate {
                    place: if e.user {
                        PlaceKey::User(key)
                    } else {
                        PlaceKey::Curated(key)
                    },
                    name: e.place.names.first().cloned().unwrap_or_default(),
                    country: e.place.country.clone(),
                    lat: e.place.lat,
                    lon: e.place.lon,
                    population: e.population,
                    kind: e.place.kind,
                    score: 0.0,
                },
                code: e.country,
                admin1: String::new(),
                adjective,
                curated: true,
            }
        }
        Target::World(id) => {
            let g = p.world.place(id);
            Option_ {
                target,
                candidate: Candidate {
                    place: PlaceKey::GeoNames(g.geonameid),
                    name: p.world.name(id).to_owned(),
                    country: g.country.as_str().to_owned(),
                    lat: g.lat.into(),
                    lon: g.lon.into(),
                    population: g.population,
                    kind: g.kind,
                    score: 0.0,
                },
                code: Some(g.country),
                admin1: g.admin1().to_owned(),
                adjective,
                curated: false,
            }
        }
    })
}

/// The evidence one pass scores with.
struct Pass<'a> {
    p: &'a Geoparser,
    named: &'a HashMap<CountryCode, usize>,
    /// (folded name, lat, lon, country) of the places linked surely in pass 1.
    anchors: &'a [(String, f64, f64, Option<CountryCode>)],
    /// Folded name -> the place a sure mention of it chose.
    discourse: &'a HashMap<String, PlaceKey>,
}

impl Pass<'_> {
    // Scores are sums of small numbers; f32 is plenty for them.
    #[allow(clippy::cast_possible_truncation)]
    fn score(&self, key: &str, o: &Option_, ctx: &Context) -> f32 {
        let c = &o.candidate;
        let mut s = 0.0;
        s += match c.kind {
            FeatureKind::Country => 3.0,
            FeatureKind::Capital | FeatureKind::Region => 1.5,
            FeatureKind::City | FeatureKind::Site => 0.0,
        };
        if o.curated {
            s += 4.0;
        }
        // Curated places without a GeoNames twin count as a town of 300 000.
        let population = if o.curated && c.population == 0 {
            300_000
        } else {
            c.population
        };
        s += 0.5 * (f64::from(population.max(1))).log10() as f32;
        if o.code.is_some_and(|code| self.named.contains_key(&code)) {
            s += 2.5;
        } else if self.anchors.iter().any(|a| a.3.is_some() && a.3 == o.code) {
            s += 1.0;
        }
        if !ctx.parents.is_empty() {
            let inside = ctx.parents.iter().any(|(code, admin1)| {
                *code == o.code && (admin1.is_empty() || *admin1 == o.admin1)
            });
            s += if inside { 6.0 } else { -4.0 };
        }
        let nearest = self
            .anchors
            .iter()
            .filter(|a| a.0 != key)
            .map(|a| haversine_km(a.1, a.2, c.lat, c.lon))
            .fold(f64::INFINITY, f64::min);
        if nearest.is_finite() {
            s += 2.0 * (-nearest / 400.0).exp() as f32;
        }
        // A mention with its own parent needs no help from the others ("Paris, Texas"
        // after "Paris").
        if ctx.parents.is_empty() && self.discourse.get(key) == Some(&c.place) {
            s += 2.0;
        }
        if ctx.position.after_locative {
            s += 1.0;
        }
        if !o.curated && !o.adjective && c.kind != FeatureKind::Country {
            let mut penalty = 0.0;
            if ctx.position.after_determiner {
                penalty += if ctx.position.determiner_after_comma {
                    2.0
                } else {
                    4.0
                };
            }
            if ctx.lowercase_elsewhere {
                penalty += 3.5;
            }
            if ctx.position.sentence_initial {
                penalty += 2.0;
            }
            if ctx.position.inside_capitalized_run || ctx.position.before_capitalized {
                penalty += 2.5;
            }
            if c.population < 100_000 && fold(&c.name) != key {
                penalty += 1.0;
            }
            if ctx.short {
                penalty += 1.0;
            }
            if c.kind == FeatureKind::Capital {
                penalty /= 2.0;
            }
            s -= penalty;
        }
        s
    }

    /// Scores, sorts and judges one mention; a user's decision overrides.
    fn mention(
        &self,
        text: &str,
        m: &RawMention,
        key: &str,
        options: &[Option_],
        ctx: &Context,
        decisions: &Decisions,
    ) -> LinkedMention {
        let mut candidates: Vec<Candidate> = options
            .iter()
            .map(|o| Candidate {
                score: self.score(key, o, ctx),
                ..o.candidate.clone()
            })
            .collect();
        candidates.sort_by(|a, b| b.score.total_cmp(&a.score));
        candidates.truncate(MAX_CANDIDATES);
        let best = candidates.first().map_or(f32::NEG_INFINITY, |c| c.score);
        let second = candidates.get(1).map_or(f32::NEG_INFINITY, |c| c.score);
        let margin = best - second;
        let status = if best < LINK_AT {
            LinkStatus::Rejected
        } else if best >= SURE_AT && margin >= SURE_MARGIN {
            LinkStatus::Sure
        } else {
            LinkStatus::Review
        };
        // A logistic in the score, discounted when the runner-up is close.
        let confidence =
            (1.0 / (1.0 + (-(best - SURE_AT) * 0.8).exp())) * (1.0 - (-margin.max(0.0)).exp());
        let mut out = LinkedMention {
            range: m.range.clone(),
            surface: text.get(m.range.clone()).unwrap_or_default().to_owned(),
            key: key.to_owned(),
            candidates,
            chosen: (status != LinkStatus::Rejected).then_some(0),
            confidence: if confidence.is_finite() {
                confidence
            } else {
                0.0
            },
            status,
        };
        if let Some(d) = decisions.get(key) {
            super::decide::apply(self.p, &mut out, d);
        }
        out
    }
}
