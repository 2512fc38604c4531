//! Sebastiano Vigna's `SplitMix64`: a few lines, deterministic, and plenty for shuffling a quiz
//! or making up a synthetic corpus. Not for anything that needs real randomness.

/// The generator; the same seed always gives the same sequence.
pub(crate) struct SplitMix64(pub(crate) u64);

impl SplitMix64 {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` for `n == 0`); the modulo bias is irrelevant here.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).unwrap_or(u64::MAX).max(1);
        usize::try_from(self.next() % n).unwrap_or(0)
    }

    /// A number in `lo..hi`, with 32 bits of resolution.
    pub(crate) fn between(&mut self, (lo, hi): (f64, f64)) -> f64 {
        let high = u32::try_from(self.next() >> 32).unwrap_or(u32::MAX);
        lo + f64::from(high) / f64::from(u32::MAX) * (hi - lo)
    }

    /// Fisher–Yates.
    pub(crate) fn shuffle<T>(&mut self, list: &mut [T]) {
        for i in (1..list.len()).rev() {
            list.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_sequence_within_bounds() {
        let (mut first, mut second) = (SplitMix64(7), SplitMix64(7));
        for _ in 0..100 {
            let drawn = first.below(10);
            assert_eq!(drawn, second.below(10));
            assert!(drawn < 10);
            let unit = first.between((2.0, 3.0));
            assert!((2.0..=3.0).contains(&unit));
            second.between((2.0, 3.0));
        }
        assert_eq!(SplitMix64(1).below(0), 0);
    }
}
