//! Grouping points by position: the same groups on any thread count, and a timing against
//! std's `HashMap` and sorting.

use crate::platform::Instant;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::super::groups::{Groups, HashPart, Key, key_of, share_of};
use super::super::parallel::par_chunks;
use super::{lcg_points, repeated_points, uniform_points};

#[test]
fn groups_are_numbered_by_first_point_on_any_thread_count() {
    let points = repeated_points(20_000, 3000);
    let one = Groups::find(&points, 1);
    for threads in [2, 3, 8] {
        let many = Groups::find_all(&points, threads);
        assert_eq!(one.spans.len(), many.spans.len());
        for g in 0..one.spans.len() as u32 {
            assert_eq!(
                one.members(g, &0),
                many.members(g, &0),
                "group {g}, {threads} threads"
            );
        }
    }
    let mut firsts: Vec<u32> = (0..one.spans.len() as u32).map(|g| one.first(g)).collect();
    assert!(firsts.windows(2).all(|w| w[0] < w[1]));
    firsts.dedup();
    for g in 0..one.spans.len() as u32 {
        let m = one.members(g, &0);
        assert!(m.windows(2).all(|w| w[0] < w[1]));
        assert!(
            m.iter().all(|&i| points[i as usize].map(f64::to_bits)
                == points[m[0] as usize].map(f64::to_bits))
        );
    }
    // -0.0 and 0.0 differ in bits: two groups (still a cluster, as they coincide).
    assert_eq!(
        Groups::find(&[[0.0, 0.0], [-0.0, 0.0], [0.0, 0.0]], 1)
            .spans
            .len(),
        2
    );
    assert!(Groups::find_all(&uniform_points(1000), 2).is_identity());
    // Repeats too rare to be worth grouping: left as they are.
    let mut few = uniform_points(10_000);
    few[5000] = few[10];
    assert_eq!(Groups::find_all(&few, 2).spans.len(), 9999);
    assert!(Groups::find(&few, 2).is_identity());
}

impl std::hash::Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(Key::hash(*self));
    }
}

/// Passes on the hash that [`Key`] computes.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// [`HashPart::fill`] with std's `HashMap` and [`KeyHasher`], for comparison.
fn fill_std(part: &mut HashPart, points: &[[f64; 2]], share: usize, threads: usize) {
    let mut table: HashMap<Key, u32, BuildHasherDefault<KeyHasher>> = HashMap::default();
    for (i, &p) in points.iter().enumerate() {
        let key = key_of(p);
        // Shares by bits std's table does not use (it takes the low and the top bits).
        if threads > 1 && share_of(key.hash() >> 32, threads) != share {
            continue;
        }
        let next = part.firsts.len() as u32;
        let g = *table.entry(key).or_insert(next);
        if g == next {
            part.firsts.push(i as u32);
            part.sizes.push(0);
        }
        part.sizes[g as usize] += 1;
        part.points.push([i as u32, g]);
    }
}

/// Grouping by sorting `(bits, index)` pairs (for comparison): sorted in two halves on two
/// threads, merged, and the runs numbered by first point.
fn find_by_sort(points: &[[f64; 2]]) -> Groups {
    let mut keyed: Vec<(Key, u32)> = points
        .iter()
        .enumerate()
        .map(|(i, &p)| (key_of(p), i as u32))
        .collect();
    par_chunks(&mut keyed, 2, |_, half| {
        half.sort_unstable_by_key(|a| (a.0.0, a.1));
    });
    let mid = keyed.len().div_ceil(2);
    let (a, b) = keyed.split_at(mid);
    let (mut i, mut j) = (0, 0);
    let mut merged = Vec::with_capacity(keyed.len());
    while i < a.len() || j < b.len() {
        if j >= b.len() || (i < a.len() && (a[i].0.0, a[i].1) <= (b[j].0.0, b[j].1)) {
            merged.push(a[i]);
            i += 1;
        } else {
            merged.push(b[j]);
            j += 1;
        }
    }
    let mut runs: Vec<[u32; 2]> = Vec::new();
    for (k, e) in merged.iter().enumerate() {
        if k == 0 || merged[k - 1].0 != e.0 {
            runs.push([k as u32, 0]);
        }
        runs.last_mut().unwrap()[1] += 1;
    }
    if runs.len() == points.len() {
        return Groups::default();
    }
    runs.sort_unstable_by_key(|r| merged[r[0] as usize].1);
    let members = merged.iter().map(|e| e.1).collect();
    Groups {
        spans: runs,
        members,
    }
}

/// Times the grouping of 1 M points by the open-addressing table, std's `HashMap` and
/// sorting: `cargo test --release -- --ignored grouping_speed --nocapture`.
#[test]
#[ignore = "a timing, not a test"]
fn grouping_speed() {
    for (name, points) in [
        ("bench.mjs", lcg_points(1_000_000)),
        ("uniform", uniform_points(1_000_000)),
    ] {
        for threads in [1, 2] {
            let mut best = [f64::MAX; 3];
            for _ in 0..5 {
                let t = Instant::now();
                let open = Groups::find_all(&points, threads);
                best[0] = best[0].min(t.elapsed().as_secs_f64() * 1e3);
                let t = Instant::now();
                let mut parts: Vec<HashPart> = (0..threads).map(|_| HashPart::default()).collect();
                par_chunks(&mut parts, threads, |start, chunk| {
                    for (k, part) in chunk.iter_mut().enumerate() {
                        fill_std(part, &points, start + k, threads);
                    }
                });
                let std = Groups::number(points.len(), parts);
                best[1] = best[1].min(t.elapsed().as_secs_f64() * 1e3);
                if threads == 2 {
                    let t = Instant::now();
                    let sorted = find_by_sort(&points);
                    best[2] = best[2].min(t.elapsed().as_secs_f64() * 1e3);
                    assert_eq!(sorted.spans.len(), open.spans.len());
                }
                assert_eq!(open.spans.len(), std.spans.len());
            }
            eprintln!(
                "{name}, {threads} thread(s), best of 5: open table {:.1} ms, std HashMap {:.1} ms, sort {:.1} ms",
                best[0], best[1], best[2]
            );
        }
    }
}
