//! The ordered parallel run: work over a stream of items on a rayon thread pool, results
//! handed on in input order.
//!
//! A feeder thread pulls items lazily (at most `window` ahead of the writer, so a driver
//! that waits for each answer before sending the next request never deadlocks, and memory
//! stays flat however long the stream; a full window is refilled once half of it is
//! written) and spawns each on the pool; the calling thread is
//! the writer: it puts finished results back in input order (the reorder buffer holds at
//! most `window`) and hands each to the sink the moment its turn comes. `-j1` and `-jN`
//! give the same sequence.
//!
//! A panic in `work` becomes `fail(item, Failure::Panic)`. With a time budget, a watchdog
//! in the writer answers for an item still running after it with
//! `fail(item, Failure::Timeout)`; its thread cannot be killed (it ends with the process),
//! so new items and those still queued behind it go to a fresh pool of the same size, and
//! one pathological input never stalls the run.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::error_record::panic_message;

/// Why an item's result was made by `fail` instead of `work`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// `work` panicked; the panic message.
    Panic(String),
    /// `work` was still running after the time budget.
    Timeout(Duration),
}

/// How a run is set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    /// Worker threads.
    pub threads: usize,
    /// Most items pulled but not yet handed to the sink (at least `threads`).
    pub window: usize,
    /// Time budget per item, enforced by the watchdog (`None`: no watchdog).
    pub timeout: Option<Duration>,
}

enum Msg<T, R> {
    /// Item `i` and what `work` made of it.
    Done(usize, Arc<T>, Result<R, Failure>),
    /// The source is exhausted after this many items.
    End(usize),
}

/// What the feeder, the workers and the writer share.
struct Shared<T> {
    gate: Mutex<Gate>,
    cv: Condvar,
    /// The pool new items go to (replaced when the watchdog abandons a thread).
    pool: Mutex<Arc<ThreadPool>>,
    /// Items spawned on a pool but not started yet.
    queued: Mutex<HashMap<usize, Arc<T>>>,
    /// Items being processed: when they started and the item.
    running: Mutex<HashMap<usize, (Instant, Arc<T>)>>,
    /// Items the watchdog has answered for.
    abandoned: Mutex<HashSet<usize>>,
}

struct Gate {
    /// Items pulled whose result has not been handed to the sink.
    in_flight: usize,
    stop: bool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn pool(threads: usize) -> io::Result<Arc<ThreadPool>> {
    ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("gongwen-worker-{i}"))
        .build()
        .map(Arc::new)
        .map_err(io::Error::other)
}

/// Stops the feeder however the writer returns (a sink error, a panic in the sink).
struct StopOnDrop<'s, T>(&'s Shared<T>);

impl<T> Drop for StopOnDrop<'_, T> {
    fn drop(&mut self) {
        lock(&self.0.gate).stop = true;
        self.0.cv.notify_all();
    }
}

/// Run `work` over the items of `source` and hand each result to `sink` with its item, in
/// input order. A panic in `work` or an item past the time budget gets `fail`'s result.
/// Returns the sink's first error, which ends the run.
pub fn run<I, R, W, F, S>(setup: Setup, source: I, work: W, fail: F, mut sink: S) -> io::Result<()>
where
    I: Iterator + Send + 'static,
    I::Item: Send + Sync + 'static,
    R: Send + 'static,
    W: Fn(&I::Item) -> R + Send + Sync + 'static,
    F: Fn(&I::Item, Failure) -> R,
    S: FnMut(&I::Item, R) -> io::Result<()>,
{
    let threads = setup.threads.max(1);
    let window = setup.window.max(threads);
    let low_water = window / 2;
    let shared = Arc::new(Shared {
        gate: Mutex::new(Gate {
            in_flight: 0,
            stop: false,
        }),
        cv: Condvar::new(),
        pool: Mutex::new(pool(threads)?),
        queued: Mutex::new(HashMap::new()),
        running: Mutex::new(HashMap::new()),
        abandoned: Mutex::new(HashSet::new()),
    });
    let _stop = StopOnDrop(&shared);
    let (tx, rx) = mpsc::channel::<Msg<I::Item, R>>();
    let tasks = Tasks {
        shared: Arc::clone(&shared),
        work: Arc::new(work),
        tx,
    };
    // The writer keeps a handle to move queued items to a fresh pool (watchdog only: without
    // one, the channel reports it when the feeder and every task are gone).
    let respawn = setup.timeout.map(|_| tasks.clone());
    // Detached: it may wait on a source that never ends (a stdin nobody closes).
    std::thread::Builder::new()
        .name("gongwen-feeder".into())
        .spawn(move || feed(source, window, &tasks))?;
    let mut pending: BTreeMap<usize, (R, Arc<I::Item>)> = BTreeMap::new();
    let mut next_out = 0usize;
    let mut total: Option<usize> = None;
    loop {
        if total.is_some_and(|t| next_out >= t) {
            return Ok(());
        }
        let msg = match setup.timeout {
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(_) => rx.recv_timeout(Duration::from_millis(200)),
        };
        match msg {
            Ok(Msg::Done(i, item, r)) => {
                if i >= next_out {
                    let r = r.unwrap_or_else(|f| fail(&item, f));
                    pending.entry(i).or_insert((r, item));
                }
            }
            Ok(Msg::End(t)) => total = Some(t),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                // The feeder and every task are gone without answering: a bug.
                return Err(io::Error::other("the worker threads ended unexpectedly"));
            }
        }
        if let Some(limit) = setup.timeout {
            let late = expired(&shared, limit);
            if let Some(tasks) = respawn.as_ref().filter(|_| !late.is_empty()) {
                // The late items keep their threads: new items, and those still queued
                // behind them, go to a fresh pool.
                *lock(&shared.pool) = pool(threads)?;
                tasks.requeue();
            }
            for (i, item) in late.into_iter().filter(|&(i, _)| i >= next_out) {
                let r = fail(&item, Failure::Timeout(limit));
                pending.entry(i).or_insert((r, item));
            }
        }
        while let Some((r, item)) = pending.remove(&next_out) {
            next_out += 1;
            let refill = {
                let mut g = lock(&shared.gate);
                g.in_flight -= 1;
                g.in_flight == low_water
            };
            if refill {
                // The feeder waits for a full window to drain to half before it pulls
                // again: one wake-up per half window, not one per item.
                shared.cv.notify_all();
            }
            sink(&item, r)?;
        }
    }
}

/// What it takes to run an item on the current pool.
struct Tasks<T, R, W> {
    shared: Arc<Shared<T>>,
    work: Arc<W>,
    tx: Sender<Msg<T, R>>,
}

impl<T, R, W> Clone for Tasks<T, R, W> {
    fn clone(&self) -> Self {
        Tasks {
            shared: Arc::clone(&self.shared),
            work: Arc::clone(&self.work),
            tx: self.tx.clone(),
        }
    }
}

impl<T, R, W> Tasks<T, R, W>
where
    T: Send + Sync + 'static,
    R: Send + 'static,
    W: Fn(&T) -> R + Send + Sync + 'static,
{
    /// Queue item `i` on the current pool. An item may be queued twice (moved to a fresh
    /// pool while still queued on an old one): whichever copy starts first runs it.
    fn spawn(&self, i: usize, item: Arc<T>) {
        lock(&self.shared.queued).insert(i, Arc::clone(&item));
        let task = self.clone();
        lock(&self.shared.pool).spawn(move || task.run(i, item));
    }

    /// Queue every item not started yet on the current pool too (after the watchdog
    /// replaced a pool whose threads may all be stuck).
    fn requeue(&self) {
        let queued = lock(&self.shared.queued);
        let pool = lock(&self.shared.pool);
        for (&i, item) in queued.iter() {
            let (task, item) = (self.clone(), Arc::clone(item));
            pool.spawn(move || task.run(i, item));
        }
    }

    fn run(&self, i: usize, item: Arc<T>) {
        let shared = &self.shared;
        if lock(&shared.queued).remove(&i).is_none() {
            return;
        }
        lock(&shared.running).insert(i, (Instant::now(), Arc::clone(&item)));
        let r = catch_unwind(AssertUnwindSafe(|| (self.work)(&item)))
            .map_err(|panic| Failure::Panic(panic_message(&*panic)));
        lock(&shared.running).remove(&i);
        if lock(&shared.abandoned).contains(&i) {
            return;
        }
        let _ = self.tx.send(Msg::Done(i, item, r));
    }
}

/// The feeder: pull items while fewer than `window` are in flight and queue each on the
/// current pool; a panic in the source ends it like its end.
fn feed<I, R, W>(mut source: I, window: usize, tasks: &Tasks<I::Item, R, W>)
where
    I: Iterator,
    I::Item: Send + Sync + 'static,
    R: Send + 'static,
    W: Fn(&I::Item) -> R + Send + Sync + 'static,
{
    let shared = &tasks.shared;
    let mut index = 0usize;
    loop {
        {
            let mut g = lock(&shared.gate);
            while !g.stop && g.in_flight >= window {
                g = shared.cv.wait(g).unwrap_or_else(|e| e.into_inner());
            }
            if g.stop {
                return;
            }
        }
        let Ok(Some(item)) = catch_unwind(AssertUnwindSafe(|| source.next())) else {
            let _ = tasks.tx.send(Msg::End(index));
            return;
        };
        lock(&shared.gate).in_flight += 1;
        tasks.spawn(index, Arc::new(item));
        index += 1;
    }
}

/// Items running longer than `limit` (plus a grace period that lets the pipeline's own
/// cooperative deadline answer first): marked abandoned and no longer running.
fn expired<T>(shared: &Shared<T>, limit: Duration) -> Vec<(usize, Arc<T>)> {
    let hard = limit + limit / 10 + Duration::from_millis(500);
    let mut running = lock(&shared.running);
    let late: Vec<usize> = running
        .iter()
        .filter(|(_, (t, _))| t.elapsed() > hard)
        .map(|(&i, _)| i)
        .collect();
    let mut abandoned = lock(&shared.abandoned);
    late.into_iter()
        .filter_map(|i| {
            abandoned.insert(i);
            running.remove(&i).map(|(_, item)| (i, item))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(threads: usize, window: usize, timeout: Option<Duration>) -> Setup {
        Setup {
            threads,
            window,
            timeout,
        }
    }

    #[test]
    fn ordered_output_regardless_of_completion_order() {
        let mut got = Vec::new();
        run(
            setup(4, 8, None),
            0..200u64,
            |&x| {
                if x % 7 == 0 {
                    std::thread::sleep(Duration::from_millis(2));
                }
                x * 2
            },
            |_, f| panic!("{f:?}"),
            |&x, r| {
                assert_eq!(r, x * 2);
                got.push(x);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(got, (0..200).collect::<Vec<_>>());
    }

    #[test]
    fn panics_become_failures_and_order_is_kept() {
        let mut got = Vec::new();
        run(
            setup(3, 6, None),
            0..50u32,
            |&x| {
                assert!(x != 17, "boom at seventeen");
                Ok(x)
            },
            |&x, f| Err((x, f)),
            |_, r| {
                got.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(got.len(), 50);
        for (i, r) in got.iter().enumerate() {
            match r {
                Ok(x) => assert_eq!(*x as usize, i),
                Err((x, Failure::Panic(m))) => {
                    assert_eq!(*x, 17);
                    assert!(m.contains("boom at seventeen"));
                }
                Err(other) => panic!("unexpected {other:?}"),
            }
        }
    }

    /// Run `count` items on `threads` threads with a 10 ms budget, item `stuck` never
    /// finishing on its own (it waits for a channel nobody sends on): the watchdog answers
    /// for it and every other item completes, in order.
    fn one_stuck(threads: usize, count: u32, stuck: u32) {
        let (_keep, rx) = mpsc::channel::<()>();
        let rx = Mutex::new(rx);
        let mut got = Vec::new();
        run(
            setup(threads, 4, Some(Duration::from_millis(10))),
            0..count,
            move |&x| {
                if x == stuck {
                    let _ = lock(&rx).recv();
                }
                Ok(x)
            },
            |&x, f| Err((x, f)),
            |_, r| {
                got.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(got.len(), count as usize);
        assert!(matches!(&got[stuck as usize], Err((x, Failure::Timeout(_))) if *x == stuck));
        assert!(
            got.iter()
                .enumerate()
                .all(|(i, r)| i == stuck as usize || *r == Ok(i as u32))
        );
    }

    #[test]
    fn watchdog_answers_for_a_stuck_item_and_the_rest_completes() {
        one_stuck(2, 10, 3);
    }

    #[test]
    fn with_one_thread_the_items_queued_behind_a_stuck_one_still_run() {
        one_stuck(1, 8, 1);
    }

    #[test]
    fn sink_error_stops_the_run() {
        let pulled = Arc::new(Mutex::new(0u32));
        let counter = Arc::clone(&pulled);
        let source = (0..1_000_000u32).inspect(move |_| *lock(&counter) += 1);
        let r = run(
            setup(2, 4, None),
            source,
            |&x| x,
            |&x, _| x,
            |&x, _| {
                if x == 5 {
                    Err(io::Error::other("closed"))
                } else {
                    Ok(())
                }
            },
        );
        assert!(r.is_err());
        // The feeder stops within a window of the writer.
        std::thread::sleep(Duration::from_millis(50));
        assert!(*lock(&pulled) < 100, "{}", *lock(&pulled));
    }

    #[test]
    fn the_source_is_pulled_at_most_a_window_ahead() {
        let pulled = Arc::new(Mutex::new(0usize));
        let counter = Arc::clone(&pulled);
        let source = (0..100usize).inspect(move |_| *lock(&counter) += 1);
        let seen = Arc::clone(&pulled);
        run(
            setup(2, 5, None),
            source,
            |&x| x,
            |&x, _| x,
            |&x, _| {
                // Item x is being written: at most x + 1 written or in flight, plus the
                // window.
                assert!(*lock(&seen) <= x + 1 + 5, "{} pulled at {x}", *lock(&seen));
                Ok(())
            },
        )
        .unwrap();
    }
}
