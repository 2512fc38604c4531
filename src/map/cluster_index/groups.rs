//! Grouping the input points by exact position, before anything is projected.

use super::convert::{to_u32, to_u64_low};
use super::parallel::{MAX_THREADS, par_chunks, par_each};

/// The most points sampled to decide whether to group points by position.
const GROUPING_SAMPLE: usize = 1 << 16;

/// Points are grouped by position when at least one in this many of the sample repeats.
const GROUPING_MIN_REPEATS: usize = 8;

/// The input points grouped by exact position. Groups are numbered in order of their first
/// point; group `g` holds the `spans[g][1]` points `members[spans[g][0] ..]`, ascending. When
/// no two points share a position both are empty, and group `g` is point `g`.
///
/// Why clustering the groups gives supercluster's clusters of the points: take the points of
/// one group. Their `f64` inputs are bit-identical, so their `f32` Mercator positions are
/// too, and every distance test against any query position (a seed's) has the same outcome
/// for all of them. By induction over the levels, at every level either all of them are
/// inside one item (a cluster), or each is a single point and all have the same visited
/// state: a seed that reaches one of them reaches all (same test, all unvisited), absorbing
/// all or, failing `min_points`, marking all visited and keeping all as points; and when the
/// first of them (the lowest index, so the lowest rank) is itself the first seed among them,
/// the others are at distance 0 from it, so it finds them all. So, in supercluster, a group
/// of `k` points moves as one: one entry of weight `k` at the rank of its first point. The
/// one case where the entry's own weight matters for the seed test is that a lone group of
/// `k` is, to supercluster, a seed with `k - 1` neighbours: it becomes a cluster of `k` at the
/// first level when `k >= min_points`, and stays `k` points (at every zoom) when not. Such a
/// cluster's children are the `k` points, as in supercluster. The only numerical difference
/// is the centroid: a group adds `x * k` where supercluster adds `x` `k` times (in k-d tree
/// order), which, like the summation order already, can change a centroid's last bits.
#[derive(Debug, Clone, Default)]
pub(super) struct Groups {
    pub(super) spans: Vec<[u32; 2]>,
    pub(super) members: Vec<u32>,
}

impl Groups {
    /// Whether every point is its own group.
    pub(super) fn is_identity(&self) -> bool {
        self.spans.is_empty()
    }

    /// How many points group `g` holds.
    pub(super) fn size(&self, g: u32) -> u32 {
        self.spans.get(g as usize).map_or(1, |s| s[1])
    }

    /// The points of group `g`; `id` is the group's first point (its entry's id).
    pub(super) fn members<'a>(&'a self, g: u32, id: &'a u32) -> &'a [u32] {
        match self.spans.get(g as usize) {
            Some(&[at, len]) => self
                .members
                .get(at as usize..(at + len) as usize)
                .unwrap_or_default(),
            None => std::slice::from_ref(id),
        }
    }

    /// The first point of group `g`.
    pub(super) fn first(&self, g: u32) -> u32 {
        self.spans
            .get(g as usize)
            .and_then(|s| self.members.get(s[0] as usize))
            .map_or(g, |&i| i)
    }

    /// How many groups there are, for `n` points.
    pub(super) fn count(&self, n: usize) -> usize {
        if self.is_identity() {
            n
        } else {
            self.spans.len()
        }
    }

    /// Groups `points` by the bits of their coordinates. Each of `threads` threads reads all
    /// the points and groups those whose hash falls in its share, so the threads' groups are
    /// disjoint; the groups are then numbered in order of first point, and each thread lists
    /// the members of its own groups in its own stretch of `members`.
    ///
    /// Unless a sample of the points shows repeats worth it: see [`Groups::worth_finding`].
    pub(super) fn find(points: &[[f64; 2]], threads: usize) -> Self {
        if !Self::worth_finding(points) {
            return Self::default();
        }
        Self::find_all(points, threads)
    }

    /// Whether at least one in [`GROUPING_MIN_REPEATS`] of a sample of the points (up to
    /// [`GROUPING_SAMPLE`], evenly spaced) repeats a position of the sample. Grouping is
    /// only a saving: the clusters are the same either way, so when repeats are rare the
    /// points are left as they are rather than paying for a table of them all.
    fn worth_finding(points: &[[f64; 2]]) -> bool {
        let m = points.len().min(GROUPING_SAMPLE);
        if m < 2 {
            return false;
        }
        let stride = points.len() / m;
        let sample: Vec<[f64; 2]> = points.iter().step_by(stride).take(m).copied().collect();
        let mut part = HashPart::default();
        part.fill(&sample, 0, 1);
        (m - part.firsts.len()) * GROUPING_MIN_REPEATS >= m
    }

    /// [`Groups::find`] without the sample.
    pub(super) fn find_all(points: &[[f64; 2]], threads: usize) -> Self {
        let threads = threads.clamp(1, MAX_THREADS);
        let mut parts: Vec<HashPart> = (0..threads).map(|_| HashPart::default()).collect();
        par_chunks(&mut parts, threads, |start, chunk| {
            for (k, part) in chunk.iter_mut().enumerate() {
                part.fill(points, start + k, threads);
            }
        });
        Self::number(points.len(), parts)
    }

    /// Numbers the groups found by the `parts` in order of first point, and lists their
    /// members.
    pub(super) fn number(n: usize, mut parts: Vec<HashPart>) -> Self {
        let total: usize = parts.iter().map(|p| p.firsts.len()).sum();
        if total == n {
            return Self::default();
        }
        // Each part's members go after the previous part's, its groups in its own order.
        let mut offset = 0_u32;
        for part in &mut parts {
            part.starts.reserve(part.sizes.len());
            for &size in &part.sizes {
                part.starts.push(offset);
                offset += size;
            }
        }
        let mut spans = Vec::with_capacity(total);
        let mut heads = vec![0_usize; parts.len()];
        loop {
            let mut best: Option<(usize, u32)> = None;
            for (t, part) in parts.iter().enumerate() {
                if let Some(&first) = part.firsts.get(heads[t])
                    && best.is_none_or(|(_, f)| first < f)
                {
                    best = Some((t, first));
                }
            }
            let Some((t, _)) = best else { break };
            spans.push([parts[t].starts[heads[t]], parts[t].sizes[heads[t]]]);
            heads[t] += 1;
        }
        let mut members = vec![0_u32; n];
        let mut rest: &mut [u32] = &mut members;
        let mut jobs = Vec::with_capacity(parts.len());
        for part in &mut parts {
            let (mine, tail) = rest.split_at_mut(part.points.len());
            jobs.push((part, mine));
            rest = tail;
        }
        par_each(jobs, |(part, mine)| {
            let base = part.starts.first().map_or(0, |&s| s as usize);
            for &[i, g] in &part.points {
                let at = &mut part.starts[g as usize];
                mine[*at as usize - base] = i;
                *at += 1;
            }
        });
        Self { spans, members }
    }
}

/// One thread's share of [`Groups::find`]: per group (in order of first point) its first
/// point, size and (once numbered) where its members start; per point of the share (in input
/// order) its index and group.
#[derive(Debug, Default)]
pub(super) struct HashPart {
    pub(super) firsts: Vec<u32>,
    pub(super) sizes: Vec<u32>,
    starts: Vec<u32>,
    pub(super) points: Vec<[u32; 2]>,
}

impl HashPart {
    /// Groups the points of share `share` of `threads`, with an open-addressing table of
    /// group numbers (linear probing, at most half full) over a dense list of the groups'
    /// keys: small enough to stay in cache when positions repeat.
    fn fill(&mut self, points: &[[f64; 2]], share: usize, threads: usize) {
        let mut keys: Vec<Key> = Vec::new();
        let mut bits = 10;
        let mut table = vec![0_u32; 1 << bits];
        for (i, &p) in points.iter().enumerate() {
            let key = key_of(p);
            let hash = key.hash();
            if threads > 1 && share_of(hash, threads) != share {
                continue;
            }
            if 2 * (keys.len() + 1) > table.len() {
                bits += 1;
                table = vec![0_u32; 1 << bits];
                for (g, k) in keys.iter().enumerate() {
                    let mut at = slot_of(k.hash(), bits);
                    while table[at] != 0 {
                        at = (at + 1) & ((1 << bits) - 1);
                    }
                    table[at] = to_u32(g + 1);
                }
            }
            let mut at = slot_of(hash, bits);
            let g = loop {
                match table[at] {
                    0 => {
                        let g = to_u32(keys.len());
                        table[at] = g + 1;
                        keys.push(key);
                        self.firsts.push(to_u32(i));
                        self.sizes.push(0);
                        break g;
                    }
                    e if keys[e as usize - 1] == key => break e - 1,
                    _ => at = (at + 1) & ((1 << bits) - 1),
                }
            };
            self.sizes[g as usize] += 1;
            self.points.push([to_u32(i), g]);
        }
    }
}

/// The bits of a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Key(pub(super) [u64; 2]);

pub(super) fn key_of([lon, lat]: [f64; 2]) -> Key {
    Key([lon.to_bits(), lat.to_bits()])
}

impl Key {
    /// A folded multiply of the two halves (as in wyhash): every input bit reaches the high
    /// and the low bits.
    pub(super) fn hash(self) -> u64 {
        let [a, b] = self.0;
        let p = u128::from(a ^ 0x243F_6A88_85A3_08D3) * u128::from(b ^ 0x1319_8A2E_0370_7344);
        to_u64_low(p) ^ to_u64_low(p >> 64)
    }
}

/// Which of `threads` shares a hash falls in, by its low 16 bits.
pub(super) fn share_of(hash: u64, threads: usize) -> usize {
    ((hash & 0xFFFF) as usize * threads) >> 16
}

/// The home slot of a hash in a table of `2^bits` slots, by its top bits.
#[allow(clippy::cast_possible_truncation)] // `bits` is below 32.
fn slot_of(hash: u64, bits: u32) -> usize {
    (hash >> (64 - bits)) as usize
}
