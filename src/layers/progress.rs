//! Reading with a byte count for the progress bar and a flag that cancels the import.

use std::io::{self, Read};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// How often, in bytes read, the progress callback is called.
pub const PROGRESS_STEP: u64 = 1 << 20;

/// What the caller watches and steers an import with.
pub struct Control<'a> {
    /// Called with the bytes read so far, about every [`PROGRESS_STEP`] and once at the end.
    pub progress: &'a mut dyn FnMut(u64),
    /// Set (from any thread) to stop the import; it then returns `ImportError::Cancelled`.
    pub cancel: &'a AtomicBool,
}

impl<'a> Control<'a> {
    /// Progress and cancellation.
    pub fn new(progress: &'a mut dyn FnMut(u64), cancel: &'a AtomicBool) -> Self {
        Self { progress, cancel }
    }

    /// Whether the caller asked to stop.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// The error a [`Counting`] reader returns once cancelled; the importer turns it into
/// `ImportError::Cancelled` by looking at the flag.
#[derive(Debug, thiserror::Error)]
#[error("the import was cancelled")]
pub struct CancelledRead;

/// A reader that counts the bytes it passes on and stops when the cancel flag is set.
pub struct Counting<'a, R> {
    inner: R,
    count: &'a AtomicU64,
    cancel: &'a AtomicBool,
}

impl<'a, R: Read> Counting<'a, R> {
    /// Counts into `count`, stops when `cancel` is set.
    pub fn new(inner: R, count: &'a AtomicU64, cancel: &'a AtomicBool) -> Self {
        Self {
            inner,
            count,
            cancel,
        }
    }
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(io::Error::other(CancelledRead));
        }
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Calls the progress callback when another [`PROGRESS_STEP`] bytes have been read.
pub struct Reporter {
    last: u64,
}

impl Reporter {
    /// Nothing reported yet.
    pub fn new() -> Self {
        Self { last: 0 }
    }

    /// Reports the bytes read so far if they are a step past the last report.
    pub fn tick(&mut self, control: &mut Control<'_>, count: &AtomicU64) {
        self.tick_at(control, count.load(Ordering::Relaxed));
    }

    /// Reports `now` bytes if that is a step past the last report.
    pub fn tick_at(&mut self, control: &mut Control<'_>, now: u64) {
        if now >= self.last + PROGRESS_STEP {
            self.last = now;
            (control.progress)(now);
        }
    }

    /// Reports the final count.
    pub fn finish(&mut self, control: &mut Control<'_>, count: &AtomicU64) {
        let now = count.load(Ordering::Relaxed);
        self.last = now;
        (control.progress)(now);
    }
}

impl Default for Reporter {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_follows_the_bytes_and_the_flag_stops_reading() {
        let (count, cancel) = (AtomicU64::new(0), AtomicBool::new(false));
        let data = vec![7u8; 3000];
        let mut reader = Counting::new(data.as_slice(), &count, &cancel);
        let mut buf = [0u8; 1000];
        assert_eq!(reader.read(&mut buf).unwrap(), 1000);
        assert_eq!(count.load(Ordering::Relaxed), 1000);
        cancel.store(true, Ordering::Relaxed);
        assert!(reader.read(&mut buf).is_err());
        assert_eq!(count.load(Ordering::Relaxed), 1000);
    }
}
