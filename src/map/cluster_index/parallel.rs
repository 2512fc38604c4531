//! The thread helpers: how many threads a level gets, and scoped runs over jobs or chunks.

use std::num::NonZero;

/// Levels with fewer items than this are done on one thread (in tests, small levels too,
/// so that the tests' few thousand points go through the threaded paths).
const PARALLEL_MIN: usize = if cfg!(test) { 1 << 9 } else { 1 << 15 };

/// At most this many threads are used.
pub(super) const MAX_THREADS: usize = 8;

/// How many threads to use for a level of `m` items.
pub(super) fn threads_for(m: usize) -> usize {
    if m < PARALLEL_MIN || !crate::platform::HAS_THREADS {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, NonZero::get)
            .min(MAX_THREADS)
    }
}

/// Runs `f` on each job, each on its own thread (the first on this one); one after the other
/// where there are no threads (the browser).
pub(super) fn par_each<T: Send>(jobs: Vec<T>, f: impl Fn(T) + Sync) {
    if jobs.len() <= 1 || !crate::platform::HAS_THREADS {
        jobs.into_iter().for_each(f);
        return;
    }
    std::thread::scope(|scope| {
        let f = &f;
        let mut jobs = jobs.into_iter();
        let first = jobs.next();
        for job in jobs {
            scope.spawn(move || f(job));
        }
        if let Some(job) = first {
            f(job);
        }
    });
}

/// Runs `f(start, chunk)` on `threads` contiguous chunks of `out` at once.
pub(super) fn par_chunks<T: Send>(
    out: &mut [T],
    threads: usize,
    f: impl Fn(usize, &mut [T]) + Sync,
) {
    par_chunks_aligned(out, threads, 1, f);
}

/// [`par_chunks`] with chunks whose lengths (but the last's) are multiples of `align`.
pub(super) fn par_chunks_aligned<T: Send>(
    out: &mut [T],
    threads: usize,
    align: usize,
    f: impl Fn(usize, &mut [T]) + Sync,
) {
    if threads <= 1 || out.len() < 2 || !crate::platform::HAS_THREADS {
        f(0, out);
        return;
    }
    let size = out.len().div_ceil(threads).next_multiple_of(align.max(1));
    std::thread::scope(|scope| {
        let f = &f;
        let mut chunks = out.chunks_mut(size).enumerate();
        let first = chunks.next();
        for (k, chunk) in chunks {
            scope.spawn(move || f(k * size, chunk));
        }
        if let Some((_, chunk)) = first {
            f(0, chunk);
        }
    });
}
