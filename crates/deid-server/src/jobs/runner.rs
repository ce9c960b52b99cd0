//! Runs jobs: lists the source once, records every document, then processes
//! the documents not yet done. One surrogate key (and so one date shift) per
//! job, stored with it, so a resumed job stays consistent.
//!
//! A document is marked `Running` before its output is written and
//! `Succeeded` after; a restart redoes only `NotStarted` and `Running` ones,
//! and may replace its own half-finished output even without `overwrite`.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use deid_core::{Finding, SurrogateKey, Surrogator};
use futures_util::StreamExt;
use object_store::{PutMode, PutOptions, PutPayload};

use super::storage::Location;
use super::store::{DocRow, JobRow, NewDoc};
use crate::error::ErrorBody;
use crate::models::{Operation, State};
use crate::{AppState, realtime, time};

/// Most documents in one job.
pub const MAX_DOCUMENTS: usize = 10_000;
/// Largest document a job takes.
pub const MAX_DOCUMENT_BYTES: u64 = 2 * 1024 * 1024;

/// Starts `seq` in the background; it waits for a free job slot.
pub fn spawn(state: AppState, seq: i64) {
    tokio::spawn(async move {
        let Ok(_slot) = state.inner.job_slots.acquire().await else {
            return;
        };
        if state.inner.stopping.load(Ordering::SeqCst) {
            return;
        }
        if let Err(e) = run(&state, seq).await {
            tracing::error!(job = seq, error = %e, "job stopped by an internal error");
            let err = ErrorBody::new("InternalServerError", "The job failed on the server.");
            let _ =
                state
                    .inner
                    .store
                    .set_status(seq, State::Failed, Some(&err), &time::now(), false);
        }
    });
}

/// Why the loop over documents ended early.
enum Stop {
    Gone,
    Canceled,
    ShuttingDown,
}

async fn run(state: &AppState, seq: i64) -> anyhow::Result<()> {
    let store = &state.inner.store;
    let Some(job) = store.job_by_seq(seq)? else {
        return Ok(());
    };
    if job.status.is_terminal() {
        return Ok(());
    }
    let started = job.status == State::NotStarted;
    store.set_status(seq, State::Running, None, &time::now(), started)?;
    tracing::info!(job = %job.name, operation = ?job.spec.operation, "job running");

    let storage = &state.inner.storage;
    let opened = storage
        .open(&job.spec.source_location.location, false)
        .and_then(|s| Ok((s, storage.open(&job.spec.target_location.location, true)?)));
    let (source, target) = match opened {
        Ok(pair) => pair,
        Err(e) => {
            tracing::warn!(job = %job.name, error = %e, "storage not reachable");
            return fail(
                state,
                seq,
                "StorageAccessDenied",
                "Unable to access the Source or Target Storage.",
            );
        }
    };
    if !job.enumerated {
        match enumerate(&job, &source).await {
            Ok(docs) if docs.is_empty() => {
                return fail(
                    state,
                    seq,
                    "EmptyJob",
                    "No files found in the source location with specified prefix.",
                );
            }
            Ok(docs) if docs.len() > MAX_DOCUMENTS => {
                let msg = format!(
                    "The source location holds {} matching documents; a job takes at most {MAX_DOCUMENTS}.",
                    docs.len()
                );
                return fail(state, seq, "TooManyDocuments", &msg);
            }
            Ok(docs) => store.add_documents(seq, &docs, &time::now())?,
            Err(e) => {
                tracing::warn!(job = %job.name, error = %e, "listing the source failed");
                return fail(
                    state,
                    seq,
                    "StorageAccessDenied",
                    "Unable to access the Source or Target Storage.",
                );
            }
        }
    }
    let docs = store.documents(seq, 0, usize::MAX >> 1)?;
    tracing::info!(job = %job.name, documents = docs.len(), "job documents listed");

    let mut surrogator = Surrogator::new(
        SurrogateKey::from_bytes(job.key),
        state.inner.engine.settings().surrogate,
    );
    // Surrogates avoid every original of the job, finished documents
    // included, so a first pass reads them all.
    let mut cached: HashMap<i64, Vec<Finding>> = HashMap::new();
    if job.spec.operation == Operation::Surrogate {
        for d in docs.iter().filter(|d| d.size <= MAX_DOCUMENT_BYTES) {
            let Ok(text) = read(&source, d).await else {
                continue;
            };
            let engine = Arc::clone(&state.inner.engine);
            let key = SurrogateKey::from_bytes(job.key);
            let options = engine.settings().surrogate;
            let (findings, originals) = tokio::task::spawn_blocking(move || {
                let findings = engine.analyze(&text);
                let originals = Surrogator::new(key, options).originals_of(&text, &findings);
                (findings, originals)
            })
            .await?;
            surrogator.add_originals(originals);
            if matches!(d.status, State::NotStarted | State::Running) {
                cached.insert(d.seq, findings);
            }
        }
    }
    let surrogator = Arc::new(surrogator);

    let mut stop = None;
    for d in docs
        .iter()
        .filter(|d| matches!(d.status, State::NotStarted | State::Running))
    {
        if let Some(s) = should_stop(state, seq)? {
            stop = Some(s);
            break;
        }
        let resumed = d.status == State::Running;
        store.set_document(d.seq, State::Running, None, None)?;
        let findings = cached.remove(&d.seq);
        match process(
            state,
            &job,
            d,
            &source,
            &target,
            &surrogator,
            findings,
            resumed,
        )
        .await
        {
            Ok(etag) => store.set_document(d.seq, State::Succeeded, Some(&etag), None)?,
            Err(e) => {
                tracing::info!(job = %job.name, document = %d.id, code = %e.code, "document failed");
                store.set_document(d.seq, State::Failed, None, Some(&e))?;
            }
        }
    }
    match stop {
        Some(Stop::Gone | Stop::Canceled) => Ok(()),
        Some(Stop::ShuttingDown) => {
            tracing::info!(job = %job.name, "job paused for shutdown; it resumes on restart");
            Ok(())
        }
        None => finish(state, &job),
    }
}

fn should_stop(state: &AppState, seq: i64) -> anyhow::Result<Option<Stop>> {
    if state.inner.stopping.load(Ordering::SeqCst) {
        return Ok(Some(Stop::ShuttingDown));
    }
    Ok(match state.inner.store.job_by_seq(seq)? {
        None => Some(Stop::Gone),
        Some(j) if j.status == State::Canceled => Some(Stop::Canceled),
        Some(_) => None,
    })
}

fn finish(state: &AppState, job: &JobRow) -> anyhow::Result<()> {
    let store = &state.inner.store;
    let Some(now_job) = store.job_by_seq(job.seq)? else {
        return Ok(());
    };
    if now_job.status != State::Running {
        return Ok(());
    }
    let summary = store.summary(&now_job)?.unwrap_or_default();
    let (status, error) = if summary.total > 0 && summary.failed == summary.total {
        (
            State::Failed,
            Some(ErrorBody::new(
                "AllDocumentsFailed",
                "Every document of the job failed; see the documents' errors.",
            )),
        )
    } else {
        (State::Succeeded, None)
    };
    store.set_status(job.seq, status, error.as_ref(), &time::now(), false)?;
    tracing::info!(
        job = %job.name,
        status = status.as_str(),
        successful = summary.successful,
        failed = summary.failed,
        bytes = summary.bytes_processed,
        "job finished"
    );
    Ok(())
}

fn fail(state: &AppState, seq: i64, code: &str, message: &str) -> anyhow::Result<()> {
    let err = ErrorBody::new(code, message);
    state
        .inner
        .store
        .set_status(seq, State::Failed, Some(&err), &time::now(), false)?;
    Ok(())
}

/// Every document under the source prefix with a wanted extension, in name order.
async fn enumerate(job: &JobRow, source: &Location) -> anyhow::Result<Vec<NewDoc>> {
    let src = &job.spec.source_location;
    let dst = &job.spec.target_location;
    let full_prefix = format!("{}{}", source.base, src.prefix);
    // object_store lists by whole path segments; the prefix is a plain string.
    let dir = full_prefix.rfind('/').map(|i| &full_prefix[..i]);
    let mut list = source.store.list(
        dir.filter(|d| !d.is_empty())
            .map(object_store::path::Path::from)
            .as_ref(),
    );
    let mut docs = Vec::new();
    while let Some(meta) = list.next().await {
        let meta = meta?;
        let full = meta.location.to_string();
        let Some(rel) = full.strip_prefix(&source.base) else {
            continue;
        };
        if !rel.starts_with(&src.prefix) || !wanted(rel, &src.extensions) {
            continue;
        }
        if rel
            .rsplit('/')
            .next()
            .is_some_and(|n| n.starts_with(".deid-tmp-"))
        {
            continue;
        }
        let mut output_name = format!("{}{}", dst.prefix, &rel[src.prefix.len()..]);
        if job.spec.operation == Operation::Tag {
            output_name.push_str(".json");
        }
        docs.push(NewDoc {
            input_name: rel.to_owned(),
            output_name,
            input_etag: meta.e_tag.unwrap_or_default(),
            size: meta.size,
        });
        if docs.len() > MAX_DOCUMENTS {
            break;
        }
    }
    docs.sort_by(|a, b| a.input_name.cmp(&b.input_name));
    Ok(docs)
}

/// `*` takes everything; `txt`, `.txt` and `*.txt` take names ending in `.txt`.
pub fn wanted(name: &str, extensions: &[String]) -> bool {
    let lower = name.to_ascii_lowercase();
    extensions.iter().any(|e| {
        let e = e.trim().trim_start_matches('*').trim_start_matches('.');
        e.is_empty() || lower.ends_with(&format!(".{}", e.to_ascii_lowercase()))
    })
}

fn doc_error(code: &str, message: &str, target: &str) -> ErrorBody {
    let mut e = ErrorBody::new(code, message);
    e.target = Some(target.to_owned());
    e
}

/// Reads and decodes a document.
async fn read(source: &Location, d: &DocRow) -> Result<String, ErrorBody> {
    let path = object_store::path::Path::from(format!("{}{}", source.base, d.input_name));
    if let Some(dir) = &source.dir {
        // A link must not lead a job outside its folder.
        let file = dir.join(&d.input_name);
        let dir = dir.clone();
        let inside = tokio::task::spawn_blocking(move || {
            std::fs::canonicalize(&file).is_ok_and(|c| c.starts_with(&dir))
        })
        .await
        .unwrap_or(false);
        if !inside {
            return Err(doc_error(
                "FileNotFound",
                "File was moved after job started.",
                "SourceFile",
            ));
        }
    }
    let got = source.store.get(&path).await.map_err(|e| match e {
        object_store::Error::NotFound { .. } => doc_error(
            "FileNotFound",
            "File was moved after job started.",
            "SourceFile",
        ),
        _ => doc_error(
            "StorageAccessDenied",
            "Unable to read the source document.",
            "SourceFile",
        ),
    })?;
    if got.meta.size > MAX_DOCUMENT_BYTES {
        return Err(too_large(got.meta.size));
    }
    let bytes = got.bytes().await.map_err(|_| {
        doc_error(
            "StorageAccessDenied",
            "Unable to read the source document.",
            "SourceFile",
        )
    })?;
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        doc_error(
            "InvalidDocument",
            &format!(
                "The document is not UTF-8 text (invalid byte at offset {}).",
                e.utf8_error().valid_up_to()
            ),
            "SourceFile",
        )
    })
}

fn too_large(size: u64) -> ErrorBody {
    doc_error(
        "DocumentTooLarge",
        &format!(
            "The document has {size} bytes; a job takes documents of at most {MAX_DOCUMENT_BYTES} bytes (2 MB)."
        ),
        "SourceFile",
    )
}

#[allow(clippy::too_many_arguments)]
async fn process(
    state: &AppState,
    job: &JobRow,
    d: &DocRow,
    source: &Location,
    target: &Location,
    surrogator: &Arc<Surrogator>,
    findings: Option<Vec<Finding>>,
    resumed: bool,
) -> Result<String, ErrorBody> {
    if d.size > MAX_DOCUMENT_BYTES {
        return Err(too_large(d.size));
    }
    let text = read(source, d).await?;
    let engine = Arc::clone(&state.inner.engine);
    let surrogator = Arc::clone(surrogator);
    let op = job.spec.operation;
    let format = job.spec.customizations.redaction_format.clone();
    let out = tokio::task::spawn_blocking(move || {
        let findings = findings.unwrap_or_else(|| engine.analyze(&text));
        realtime::transform(
            &engine,
            &text,
            &findings,
            op,
            format.as_deref(),
            &surrogator,
        )
    })
    .await
    .map_err(|_| ErrorBody::new("InternalServerError", "The document failed on the server."))?;
    let path = object_store::path::Path::from(format!("{}{}", target.base, d.output_name));
    let mode = if job.spec.target_location.overwrite || resumed {
        PutMode::Overwrite
    } else {
        PutMode::Create
    };
    let put = target
        .store
        .put_opts(
            &path,
            PutPayload::from(out.into_bytes()),
            PutOptions::from(mode),
        )
        .await
        .map_err(|e| match e {
            object_store::Error::AlreadyExists { .. } => doc_error(
                "OutputAlreadyExists",
                "The output document already exists and overwrite is false.",
                "TargetFile",
            ),
            _ => doc_error(
                "StorageAccessDenied",
                "Unable to write the output document.",
                "TargetFile",
            ),
        })?;
    Ok(put.e_tag.unwrap_or_default())
}
