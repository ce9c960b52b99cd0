//! Job state in `SQLite`: one row per job and per document. A restarted server
//! reads it back and resumes unfinished jobs.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::ErrorBody;
use crate::models::{JobSpec, State, Summary};

const SCHEMA: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    spec TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    created_at TEXT NOT NULL,
    started_at TEXT,
    last_updated_at TEXT NOT NULL,
    surrogate_key BLOB NOT NULL,
    enumerated INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    job INTEGER NOT NULL,
    id TEXT NOT NULL,
    input_name TEXT NOT NULL,
    output_name TEXT NOT NULL,
    input_etag TEXT NOT NULL,
    output_etag TEXT,
    size INTEGER NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    UNIQUE (job, input_name)
);
CREATE INDEX IF NOT EXISTS documents_by_job ON documents (job, seq);
";

/// A job as stored.
pub struct JobRow {
    pub seq: i64,
    pub name: String,
    pub spec: JobSpec,
    pub status: State,
    pub error: Option<ErrorBody>,
    pub created_at: String,
    pub started_at: Option<String>,
    pub last_updated_at: String,
    pub key: [u8; 32],
    pub enumerated: bool,
}

/// A document as stored. The names are storage paths, not document text.
pub struct DocRow {
    pub seq: i64,
    pub id: String,
    pub input_name: String,
    pub output_name: String,
    pub input_etag: String,
    pub output_etag: Option<String>,
    pub size: u64,
    pub status: State,
    pub error: Option<ErrorBody>,
}

/// A document found when a job enumerates its source.
pub struct NewDoc {
    pub input_name: String,
    pub output_name: String,
    pub input_etag: String,
    pub size: u64,
}

/// The database; every call is short and holds the lock only for itself.
pub struct Store(Mutex<Connection>);

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Store")
    }
}

const JOB_COLS: &str = "seq, name, spec, status, error, created_at, started_at, last_updated_at, surrogate_key, enumerated";
const DOC_COLS: &str =
    "seq, id, input_name, output_name, input_etag, output_etag, size, status, error";

fn job_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<JobRow> {
    let spec: String = r.get(2)?;
    let key: Vec<u8> = r.get(8)?;
    Ok(JobRow {
        seq: r.get(0)?,
        name: r.get(1)?,
        spec: serde_json::from_str(&spec).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, e.into())
        })?,
        status: State::from_db(&r.get::<_, String>(3)?),
        error: error_of(r.get(4)?),
        created_at: r.get(5)?,
        started_at: r.get(6)?,
        last_updated_at: r.get(7)?,
        key: key.try_into().unwrap_or([0; 32]),
        enumerated: r.get::<_, i64>(9)? != 0,
    })
}

fn doc_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocRow> {
    Ok(DocRow {
        seq: r.get(0)?,
        id: r.get(1)?,
        input_name: r.get(2)?,
        output_name: r.get(3)?,
        input_etag: r.get(4)?,
        output_etag: r.get(5)?,
        size: r.get::<_, i64>(6)? as u64,
        status: State::from_db(&r.get::<_, String>(7)?),
        error: error_of(r.get(8)?),
    })
}

fn error_of(s: Option<String>) -> Option<ErrorBody> {
    s.and_then(|s| serde_json::from_str(&s).ok())
}

fn error_json(e: Option<&ErrorBody>) -> Option<String> {
    e.and_then(|e| serde_json::to_string(e).ok())
}

impl Store {
    pub fn open(path: &Path) -> anyhow::Result<Store> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let conn = Connection::open(path)?;
        conn.execute_batch(SCHEMA)?;
        Ok(Store(Mutex::new(conn)))
    }

    pub fn in_memory() -> anyhow::Result<Store> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(SCHEMA)?;
        Ok(Store(Mutex::new(conn)))
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Adds a job; `None` when the name is taken.
    pub fn insert_job(
        &self,
        name: &str,
        spec: &JobSpec,
        key: &[u8; 32],
        now: &str,
    ) -> rusqlite::Result<Option<i64>> {
        let spec = serde_json::to_string(spec).unwrap_or_default();
        let n = self.conn().execute(
            "INSERT OR IGNORE INTO jobs (name, spec, status, created_at, last_updated_at, surrogate_key)
             VALUES (?1, ?2, 'NotStarted', ?3, ?3, ?4)",
            params![name, spec, now, key.as_slice()],
        )?;
        if n == 0 {
            return Ok(None);
        }
        Ok(Some(self.conn().last_insert_rowid()))
    }

    pub fn job(&self, name: &str) -> rusqlite::Result<Option<JobRow>> {
        self.conn()
            .query_row(
                &format!("SELECT {JOB_COLS} FROM jobs WHERE name = ?1"),
                [name],
                job_row,
            )
            .optional()
    }

    pub fn job_by_seq(&self, seq: i64) -> rusqlite::Result<Option<JobRow>> {
        self.conn()
            .query_row(
                &format!("SELECT {JOB_COLS} FROM jobs WHERE seq = ?1"),
                [seq],
                job_row,
            )
            .optional()
    }

    /// Jobs after `after` in creation order, at most `limit`.
    pub fn jobs(&self, after: i64, limit: usize) -> rusqlite::Result<Vec<JobRow>> {
        let conn = self.conn();
        let mut st = conn.prepare(&format!(
            "SELECT {JOB_COLS} FROM jobs WHERE seq > ?1 ORDER BY seq LIMIT ?2"
        ))?;
        st.query_map(
            params![after, i64::try_from(limit).unwrap_or(i64::MAX)],
            job_row,
        )?
        .collect()
    }

    /// Jobs a restarted server must resume, oldest first.
    pub fn unfinished(&self) -> rusqlite::Result<Vec<i64>> {
        let conn = self.conn();
        let mut st = conn.prepare(
            "SELECT seq FROM jobs WHERE status IN ('NotStarted', 'Running') ORDER BY seq",
        )?;
        st.query_map([], |r| r.get(0))?.collect()
    }

    pub fn count_waiting(&self) -> rusqlite::Result<usize> {
        self.conn().query_row(
            "SELECT COUNT(*) FROM jobs WHERE status = 'NotStarted'",
            [],
            |r| r.get::<_, i64>(0).map(|n| n as usize),
        )
    }

    /// Sets a job's state; `started` also stamps `started_at`.
    pub fn set_status(
        &self,
        seq: i64,
        status: State,
        error: Option<&ErrorBody>,
        now: &str,
        started: bool,
    ) -> rusqlite::Result<()> {
        self.conn().execute(
            "UPDATE jobs SET status = ?2, error = ?3, last_updated_at = ?4,
                 started_at = CASE WHEN ?5 THEN ?4 ELSE started_at END
             WHERE seq = ?1",
            params![seq, status.as_str(), error_json(error), now, started],
        )?;
        Ok(())
    }

    /// Cancels a job that is not finished and every document not yet done.
    /// Returns false when the job had already finished.
    pub fn cancel(&self, seq: i64, now: &str) -> rusqlite::Result<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let n = tx.execute(
            "UPDATE jobs SET status = 'Canceled', last_updated_at = ?2
             WHERE seq = ?1 AND status IN ('NotStarted', 'Running')",
            params![seq, now],
        )?;
        if n > 0 {
            tx.execute(
                "UPDATE documents SET status = 'Canceled' WHERE job = ?1 AND status = 'NotStarted'",
                [seq],
            )?;
        }
        tx.commit()?;
        Ok(n > 0)
    }

    pub fn delete(&self, seq: i64) -> rusqlite::Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute("DELETE FROM documents WHERE job = ?1", [seq])?;
        tx.execute("DELETE FROM jobs WHERE seq = ?1", [seq])?;
        tx.commit()
    }

    /// Records the documents a job found, once.
    pub fn add_documents(&self, seq: i64, docs: &[NewDoc], now: &str) -> rusqlite::Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        {
            let mut st = tx.prepare(
                "INSERT OR IGNORE INTO documents
                   (job, id, input_name, output_name, input_etag, size, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'NotStarted')",
            )?;
            for d in docs {
                st.execute(params![
                    seq,
                    uuid::Uuid::new_v4().to_string(),
                    d.input_name,
                    d.output_name,
                    d.input_etag,
                    i64::try_from(d.size).unwrap_or(i64::MAX)
                ])?;
            }
        }
        tx.execute(
            "UPDATE jobs SET enumerated = 1, last_updated_at = ?2 WHERE seq = ?1",
            params![seq, now],
        )?;
        tx.commit()
    }

    pub fn documents(&self, job: i64, after: i64, limit: usize) -> rusqlite::Result<Vec<DocRow>> {
        let conn = self.conn();
        let mut st = conn.prepare(&format!(
            "SELECT {DOC_COLS} FROM documents WHERE job = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3"
        ))?;
        st.query_map(
            params![job, after, i64::try_from(limit).unwrap_or(i64::MAX)],
            doc_row,
        )?
        .collect()
    }

    /// Records what became of a document; only a document of a job that still
    /// runs changes (a canceled one keeps `Canceled`).
    pub fn set_document(
        &self,
        doc: i64,
        status: State,
        output_etag: Option<&str>,
        error: Option<&ErrorBody>,
    ) -> rusqlite::Result<()> {
        self.conn().execute(
            "UPDATE documents SET status = ?2, output_etag = ?3, error = ?4
             WHERE seq = ?1 AND status != 'Canceled'",
            params![doc, status.as_str(), output_etag, error_json(error)],
        )?;
        Ok(())
    }

    /// Counts by state and bytes of finished documents; `None` before the
    /// job has listed its source.
    pub fn summary(&self, job: &JobRow) -> rusqlite::Result<Option<Summary>> {
        if !job.enumerated {
            return Ok(None);
        }
        let conn = self.conn();
        let mut st = conn.prepare(
            "SELECT status, COUNT(*), SUM(size) FROM documents WHERE job = ?1 GROUP BY status",
        )?;
        let mut s = Summary::default();
        let rows = st.query_map([job.seq], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<i64>>(2)?,
            ))
        })?;
        for row in rows {
            let (status, n, bytes) = row?;
            let n = n as u32;
            s.total += n;
            match State::from_db(&status) {
                State::Succeeded => {
                    s.successful += n;
                    s.bytes_processed += bytes.unwrap_or(0) as u64;
                }
                State::Failed => s.failed += n,
                State::Canceled => s.canceled += n,
                State::NotStarted | State::Running => {}
            }
        }
        Ok(Some(s))
    }
}
