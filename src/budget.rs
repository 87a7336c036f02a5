//! The memory budget of one input: no input may hold more than a bounded multiple of its
//! size (by default 50× its bytes + 64 MiB, `--max-memory`), so that one pathological file
//! can never take the memory of a whole batch.
//!
//! How it is enforced: the binary's global allocator is [`CountingAlloc`], mimalloc with
//! every allocation and release counted on the thread that makes it (thread-local counters,
//! no atomics, no lock). [`pipeline::process_bytes`](crate::pipeline::process_bytes) opens
//! an [`Account`] for its input, which sets this thread's limit; the stages call
//! [`checkpoint`] in their loops (per line, per candidate, per clause, per finding), and a
//! checkpoint past the limit unwinds with an [`Exceeded`] payload (without the panic hook:
//! nothing is printed) that `process_bytes` turns into a `too-large` error record naming
//! the budget and the stage. The batch goes on with the next input.
//!
//! Every loop the checkpoints sit in is linear in its input, so what one iteration
//! allocates is bounded, and an input is stopped within one iteration of crossing its
//! budget. The time budget (`--timeout`) and the watchdog cover loops that take time
//! without memory.
//!
//! Without [`CountingAlloc`] installed (a library user with another allocator) nothing is
//! counted and no checkpoint ever fails. The counters also give tests and benchmarks the
//! bytes a piece of work allocated ([`Account::allocated`]) and the most it held at once
//! ([`Account::peak`]): measures of work that a faster machine cannot change.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::fmt;
use std::str::FromStr;

use crate::model::Stage;

/// The default budget: 50 bytes per input byte plus 64 MiB.
pub const DEFAULT: Budget = Budget {
    per_byte: 50,
    base: 64 << 20,
};

/// A memory budget per input: `per_byte` × the input's size + `base` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Bytes allowed per byte of input.
    pub per_byte: u64,
    /// Bytes allowed whatever the input's size.
    pub base: u64,
}

impl Budget {
    /// The bytes an input of `len` bytes may hold.
    pub fn for_input(&self, len: usize) -> u64 {
        self.per_byte
            .saturating_mul(len as u64)
            .saturating_add(self.base)
    }
}

impl Default for Budget {
    fn default() -> Self {
        DEFAULT
    }
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}x+{}", self.per_byte, Size(self.base))
    }
}

/// A byte count written with the largest binary unit that divides it (64M, 1536K, 7).
struct Size(u64);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (shift, unit) in [(30, "G"), (20, "M"), (10, "K")] {
            if self.0 != 0 && self.0.is_multiple_of(1 << shift) {
                return write!(f, "{}{unit}", self.0 >> shift);
            }
        }
        write!(f, "{}", self.0)
    }
}

/// A budget that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a memory budget (e.g. 50x+64M: 50 bytes per input byte plus 64 MiB)")]
pub struct BadBudget(String);

impl FromStr for Budget {
    type Err = BadBudget;

    /// `Nx+SIZE`, `Nx` or `SIZE` (SIZE: bytes with an optional K, M or G binary suffix).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadBudget(s.to_string());
        let t = s.trim();
        let (factor, base) = match t.split_once(['x', 'X']) {
            Some((f, rest)) => {
                let rest = rest.trim();
                let base = match rest.strip_prefix('+') {
                    Some(b) => parse_size(b).ok_or_else(bad)?,
                    None if rest.is_empty() => 0,
                    None => return Err(bad()),
                };
                (f.trim().parse().map_err(|_| bad())?, base)
            }
            None => (0, parse_size(t).ok_or_else(bad)?),
        };
        Ok(Budget {
            per_byte: factor,
            base,
        })
    }
}

/// Bytes with an optional binary suffix: `64M`, `512K`, `1G`, `4096`.
fn parse_size(s: &str) -> Option<u64> {
    let t = s.trim().to_ascii_uppercase();
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let shift = match &t[digits.len()..] {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return None,
    };
    digits.trim().parse::<u64>().ok()?.checked_mul(1 << shift)
}

/// This thread's counters. One thread-local with a constant initialiser and no destructor:
/// reading it never allocates, so the allocator itself may use it.
struct Counters {
    /// Bytes allocated minus bytes released on this thread (negative on a thread that frees
    /// what others allocated).
    live: Cell<isize>,
    /// The highest `live` since the innermost account opened.
    peak: Cell<isize>,
    /// Bytes allocated on this thread (a reallocation counts what it grew by).
    total: Cell<u64>,
    /// Allocations and reallocations on this thread.
    count: Cell<u64>,
    /// `live` at which the innermost account opened.
    base: Cell<isize>,
    /// `live` above which [`checkpoint`] fails (`isize::MAX`: no account).
    limit: Cell<isize>,
}

thread_local! {
    static COUNTERS: Counters = const {
        Counters {
            live: Cell::new(0),
            peak: Cell::new(0),
            total: Cell::new(0),
            count: Cell::new(0),
            base: Cell::new(0),
            limit: Cell::new(isize::MAX),
        }
    };
}

/// Count an allocation (or reallocation) that changed the bytes held by `grown` and
/// allocated `fresh` new bytes; with `measure`, the peak, the bytes and the allocations
/// too.
#[inline(always)]
fn allocated(grown: isize, fresh: u64, measure: bool) {
    // `try_with` fails only while the thread is being torn down; nothing to count then.
    let _ = COUNTERS.try_with(|c| {
        let live = c.live.get().wrapping_add(grown);
        c.live.set(live);
        if measure {
            if live > c.peak.get() {
                c.peak.set(live);
            }
            c.total.set(c.total.get().wrapping_add(fresh));
            c.count.set(c.count.get().wrapping_add(1));
        }
    });
}

/// Count `n` bytes released.
#[inline(always)]
fn released(n: usize) {
    let _ = COUNTERS.try_with(|c| c.live.set(c.live.get().wrapping_sub(n as isize)));
}

/// The global allocator of the binary: mimalloc, with the bytes each thread holds counted
/// (see the module documentation). [`CountingAlloc::MEASURING`] also counts the peak, the
/// bytes allocated and the allocations ([`Usage`]): the allocator of the tests, the fuzz
/// targets and the memory example, at a few more instructions per allocation.
#[derive(Debug, Default, Clone, Copy)]
pub struct CountingAlloc {
    measure: bool,
}

impl CountingAlloc {
    /// The bytes held, per thread: what the budget needs.
    pub const COUNTING: CountingAlloc = CountingAlloc { measure: false };
    /// The bytes held, the peak, the bytes allocated and the allocations, per thread.
    pub const MEASURING: CountingAlloc = CountingAlloc { measure: true };
}

static INNER: mimalloc::MiMalloc = mimalloc::MiMalloc;

// SAFETY: every method forwards to mimalloc with the caller's arguments unchanged and
// returns its result; the counting around it only touches a constant-initialised
// thread-local without a destructor, which neither allocates nor unwinds.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for CountingAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded as received (the caller upholds `alloc`'s contract).
        let p = unsafe { INNER.alloc(layout) };
        if !p.is_null() {
            allocated(layout.size() as isize, layout.size() as u64, self.measure);
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded as received.
        let p = unsafe { INNER.alloc_zeroed(layout) };
        if !p.is_null() {
            allocated(layout.size() as isize, layout.size() as u64, self.measure);
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded as received.
        unsafe { INNER.dealloc(ptr, layout) };
        released(layout.size());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded as received.
        let p = unsafe { INNER.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            let grown = new_size as isize - layout.size() as isize;
            allocated(grown, grown.max(0) as u64, self.measure);
        }
        p
    }
}

/// The budget of one input was exceeded: the payload a failing [`checkpoint`] unwinds
/// with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exceeded {
    /// The stage that was running.
    pub stage: Stage,
    /// Bytes the input held at the checkpoint.
    pub held: u64,
    /// Its budget in bytes.
    pub limit: u64,
}

/// Stop the current input when it holds more than its budget: unwinds with [`Exceeded`]
/// (caught by [`pipeline::process_bytes`](crate::pipeline::process_bytes)). Cheap: one
/// thread-local read and a comparison.
#[inline]
pub fn checkpoint(stage: Stage) {
    if let Some(e) = exceeded(stage) {
        // `resume_unwind` skips the panic hook: a budget stop prints nothing.
        std::panic::resume_unwind(Box::new(e));
    }
}

/// [`checkpoint`] without the unwinding: what was exceeded, if anything.
pub fn exceeded(stage: Stage) -> Option<Exceeded> {
    COUNTERS
        .try_with(|c| {
            let live = c.live.get();
            (live > c.limit.get()).then(|| Exceeded {
                stage,
                held: live.saturating_sub(c.base.get()).max(0) as u64,
                limit: c.limit.get().saturating_sub(c.base.get()).max(0) as u64,
            })
        })
        .ok()
        .flatten()
}

/// This thread's allocation counters (all zero unless [`CountingAlloc::MEASURING`] is
/// installed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Usage {
    /// Bytes allocated (reallocations count what they grew by).
    pub allocated: u64,
    /// Allocations and reallocations.
    pub allocations: u64,
    /// The most bytes held at once, above what was held when the account opened.
    pub peak: u64,
}

/// The memory account of one piece of work on this thread (one input): from
/// [`Account::open`] until it is dropped, [`checkpoint`] fails once the thread holds more
/// than `limit` bytes above what it held at the opening. Accounts nest: dropping one
/// restores the enclosing account's limit.
#[derive(Debug)]
pub struct Account {
    saved_base: isize,
    saved_limit: isize,
    saved_peak: isize,
    total0: u64,
    count0: u64,
    base: isize,
}

impl Account {
    /// Open an account on this thread with a limit of `limit` bytes (`None`: count only).
    pub fn open(limit: Option<u64>) -> Account {
        COUNTERS.with(|c| {
            let live = c.live.get();
            let a = Account {
                saved_base: c.base.get(),
                saved_limit: c.limit.get(),
                saved_peak: c.peak.get(),
                total0: c.total.get(),
                count0: c.count.get(),
                base: live,
            };
            let own = limit.map_or(isize::MAX, |l| {
                live.saturating_add(isize::try_from(l).unwrap_or(isize::MAX))
            });
            // An enclosing account's limit still holds.
            c.limit.set(own.min(a.saved_limit));
            c.base.set(live);
            c.peak.set(live);
            a
        })
    }

    /// What this account has counted so far.
    pub fn usage(&self) -> Usage {
        COUNTERS.with(|c| Usage {
            allocated: c.total.get().wrapping_sub(self.total0),
            allocations: c.count.get().wrapping_sub(self.count0),
            peak: c.peak.get().saturating_sub(self.base).max(0) as u64,
        })
    }

    /// Bytes allocated since the account opened.
    pub fn allocated(&self) -> u64 {
        self.usage().allocated
    }

    /// The most bytes held at once since the account opened.
    pub fn peak(&self) -> u64 {
        self.usage().peak
    }
}

impl Drop for Account {
    fn drop(&mut self) {
        let _ = COUNTERS.try_with(|c| {
            c.base.set(self.saved_base);
            c.limit.set(self.saved_limit);
            c.peak.set(c.peak.get().max(self.saved_peak));
        });
    }
}

/// Whether [`CountingAlloc`] is this process's allocator (the bytes held move).
pub fn counting() -> bool {
    let held = || COUNTERS.with(|c| c.live.get());
    let before = held();
    let v = std::hint::black_box(vec![0u8; 64]);
    let counted = held() >= before + 64;
    drop(v);
    counted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_read_and_print() {
        assert_eq!(DEFAULT.to_string(), "50x+64M");
        for (s, want) in [
            ("50x+64M", (50, 64 << 20)),
            (" 10X + 1G ", (10, 1 << 30)),
            ("3x", (3, 0)),
            ("512K", (0, 512 << 10)),
            ("0", (0, 0)),
        ] {
            let b: Budget = s.parse().unwrap();
            assert_eq!((b.per_byte, b.base), want, "{s}");
            assert_eq!(b.to_string().parse::<Budget>(), Ok(b));
        }
        for s in ["", "x", "50x64M", "50x+", "ax+1M", "50x+1T", "-1"] {
            assert!(s.parse::<Budget>().is_err(), "{s}");
        }
        assert_eq!(DEFAULT.for_input(1000), 50_000 + (64 << 20));
        assert_eq!(
            Budget {
                per_byte: u64::MAX,
                base: 1
            }
            .for_input(2),
            u64::MAX
        );
    }

    #[test]
    fn no_account_never_stops() {
        assert_eq!(exceeded(Stage::Analyse), None);
        // The unit-test binary runs on the system allocator: nothing is counted.
        let a = Account::open(Some(0));
        let v = std::hint::black_box(vec![1u8; 1 << 16]);
        assert_eq!(exceeded(Stage::Analyse), None);
        drop(v);
        drop(a);
    }
}
