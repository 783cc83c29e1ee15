//! Audit entries of reads, written off the request path: a read puts its `view` entry into a
//! bounded in-process queue, and a background task writes what has queued up once a second in
//! one transaction (multi-row INSERTs). Writes keep their entry in their own transaction.
//!
//! - Nothing is dropped: when the queue is full, the read writes its entry itself.
//! - Reading the audit log ([`Store::audit_entries`]) flushes the queue first.
//! - [`Store::close`] (a clean stop) stops the task and writes everything queued.
//! - A crash loses at most the entries of the last second (and of a failed flush that had
//!   not been retried yet).
//! - Without a started flusher ([`Store::start_audit_flusher`]: the command line, the tests of
//!   the store and application crates) reads write their entry directly, as before.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::{Mutex, Notify, mpsc};
use tokio::task::JoinHandle;
use uuid::Uuid;

use crate::audit::{self, NewAuditEntry};
use crate::{Store, StoreError, time};

/// Entries the queue holds before reads write their own.
pub const AUDIT_QUEUE_CAPACITY: usize = 4096;
/// How often the background task writes the queue.
const FLUSH_EVERY: Duration = Duration::from_secs(1);
/// Rows per INSERT (9 parameters each: well under both databases' limits).
const ROWS_PER_INSERT: usize = 100;
/// Entries kept for a retry after failed flushes before the oldest are given up (logged).
const RETRY_MAX: usize = 100_000;

/// An entry with its id and time, fixed when it was queued.
struct Queued {
    id: String,
    at: String,
    entry: NewAuditEntry,
}

pub(crate) struct AuditQueue {
    tx: mpsc::Sender<Queued>,
    /// The receiver and the entries of a failed flush, to be written first next time.
    rx: Mutex<(mpsc::Receiver<Queued>, Vec<Queued>)>,
    running: AtomicBool,
    stop: Notify,
    task: std::sync::Mutex<Option<JoinHandle<()>>>,
}

impl Default for AuditQueue {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel(AUDIT_QUEUE_CAPACITY);
        AuditQueue {
            tx,
            rx: Mutex::new((rx, Vec::new())),
            running: AtomicBool::new(false),
            stop: Notify::new(),
            task: std::sync::Mutex::new(None),
        }
    }
}

impl Store {
    /// Records the `view` entry of a read: queued for the background writer when it runs
    /// (and the queue has room), otherwise written at once.
    pub async fn audit_read(&self, entry: &NewAuditEntry) -> Result<(), StoreError> {
        let queue = &self.audit_queue;
        if queue.running.load(Ordering::Acquire) {
            let queued = Queued {
                id: Uuid::now_v7().to_string(),
                at: time::fmt(self.now()),
                entry: entry.clone(),
            };
            match queue.tx.try_send(queued) {
                Ok(()) => return Ok(()),
                Err(mpsc::error::TrySendError::Full(q) | mpsc::error::TrySendError::Closed(q)) => {
                    return insert(self, vec![q]).await.map(|_| ());
                }
            }
        }
        self.audit(entry).await
    }

    /// Writes every queued read entry now, in one transaction. Returns how many.
    pub async fn flush_audit(&self) -> Result<usize, StoreError> {
        let mut guard = self.audit_queue.rx.lock().await;
        let (rx, retry) = &mut *guard;
        let mut batch = std::mem::take(retry);
        while let Ok(q) = rx.try_recv() {
            batch.push(q);
        }
        if batch.is_empty() {
            return Ok(0);
        }
        let n = batch.len();
        match insert_all(self, &batch).await {
            Ok(()) => Ok(n),
            Err(e) => {
                if batch.len() > RETRY_MAX {
                    let lost = batch.len() - RETRY_MAX;
                    tracing::error!(lost, "audit entries of reads given up after failed writes");
                    batch.drain(..lost);
                }
                *retry = batch;
                Err(e)
            }
        }
    }

    /// Starts the background task that writes queued read entries once a second (needs a
    /// Tokio runtime; without one, or when it runs already, nothing happens).
    pub fn start_audit_flusher(&self) {
        let queue = Arc::clone(&self.audit_queue);
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        if queue.running.swap(true, Ordering::AcqRel) {
            return;
        }
        let store = self.clone();
        let task = runtime.spawn(async move {
            loop {
                let stopped = tokio::select! {
                    () = tokio::time::sleep(FLUSH_EVERY) => false,
                    () = store.audit_queue.stop.notified() => true,
                };
                if let Err(e) = store.flush_audit().await {
                    tracing::error!(error = %e, "writing the audit entries of reads failed; retrying");
                }
                if stopped {
                    break;
                }
            }
        });
        *queue.task.lock().unwrap_or_else(|e| e.into_inner()) = Some(task);
    }

    /// Stops the background task and writes everything queued; reads write directly again.
    pub async fn close_audit(&self) -> Result<(), StoreError> {
        let queue = &self.audit_queue;
        if queue.running.swap(false, Ordering::AcqRel) {
            queue.stop.notify_one();
            let task = queue.task.lock().unwrap_or_else(|e| e.into_inner()).take();
            if let Some(task) = task {
                let _ = task.await;
            }
        }
        self.flush_audit().await.map(|_| ())
    }
}

async fn insert(store: &Store, batch: Vec<Queued>) -> Result<usize, StoreError> {
    insert_all(store, &batch).await.map(|()| batch.len())
}

/// One transaction, multi-row INSERTs of [`ROWS_PER_INSERT`].
async fn insert_all(store: &Store, batch: &[Queued]) -> Result<(), StoreError> {
    let mut tx = store.pool.begin().await?;
    for chunk in batch.chunks(ROWS_PER_INSERT) {
        let mut sql = String::from(audit::INSERT_HEAD);
        for i in 0..chunk.len() {
            let b = i * 9;
            if i > 0 {
                sql.push_str(", ");
            }
            let params: Vec<String> = (1..=9).map(|k| format!("${}", b + k)).collect();
            sql.push_str(&format!("({})", params.join(", ")));
        }
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for Queued { id, at, entry } in chunk {
            q = audit::bind_entry(q.bind(id.clone()).bind(at.clone()), entry);
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}
