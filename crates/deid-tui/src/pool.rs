//! Worker threads that run the engine, so the screen never waits on it. Jobs
//! go in through a channel; each result comes back as an [`Event`].

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use anyhow::Context;

use crate::event::Event;
use crate::pipeline::Pipeline;

/// One file to process with one pipeline.
pub struct Job {
    /// Relative to the input folder.
    pub rel: PathBuf,
    pub pipeline: Arc<Pipeline>,
}

/// A fixed set of worker threads. Dropping it lets each worker finish the file
/// it has, drops the rest of the queue and joins the threads.
pub struct Pool {
    jobs: Option<Sender<Job>>,
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
}

impl Pool {
    /// `threads` workers (at least one) that report to `events`.
    pub fn new(threads: usize, events: &Sender<Event>) -> anyhow::Result<Self> {
        let (tx, rx) = channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        let stop = Arc::new(AtomicBool::new(false));
        let mut handles = Vec::new();
        for n in 0..threads.max(1) {
            let (rx, events, stop) = (rx.clone(), events.clone(), stop.clone());
            let handle = std::thread::Builder::new()
                .name(format!("deid-worker-{n}"))
                .spawn(move || work(&rx, &events, &stop))
                .context("starting worker threads")?;
            handles.push(handle);
        }
        Ok(Pool {
            jobs: Some(tx),
            stop,
            threads: handles,
        })
    }

    pub fn submit(&self, job: Job) {
        if let Some(tx) = &self.jobs {
            // Fails only once every worker has stopped, when nothing is waiting for results.
            let _ = tx.send(job);
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.jobs = None;
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

fn work(jobs: &Mutex<Receiver<Job>>, events: &Sender<Event>, stop: &AtomicBool) {
    loop {
        let job = {
            let Ok(rx) = jobs.lock() else { return };
            match rx.recv() {
                Ok(job) => job,
                Err(_) => return,
            }
        };
        if stop.load(Ordering::Relaxed) {
            return;
        }
        if events.send(Event::Started(job.rel.clone())).is_err() {
            return;
        }
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            job.pipeline.process(&job.rel)
        }));
        let result = match result {
            Ok(Ok(doc)) => Ok(Arc::new(doc)),
            Ok(Err(e)) => Err(format!("{e:#}")),
            Err(_) => Err("internal error while processing this file".to_owned()),
        };
        if events.send(Event::Processed(job.rel, result)).is_err() {
            return;
        }
    }
}
