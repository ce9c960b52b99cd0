//! The jobs API: create (`PUT`), get, list, list documents, cancel and delete.

pub mod runner;
pub mod storage;
pub mod store;

use std::collections::HashMap;

type QueryMap = HashMap<String, String>;

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::models::{
    Customizations, DocumentLocation, DocumentOut, JobIn, JobOut, JobSpec, LocationIn, Operation,
    Page, Source, Target, json_body, parse_body,
};
use crate::realtime::{check_customizations, fresh_bytes, read_body};
use crate::{API_VERSION, AppState, time};
use store::JobRow;

/// Largest `PUT /jobs/{name}` body.
const MAX_JOB_BODY: usize = 64 * 1024;
/// Page size when the client gives none, and the most it may ask for.
const DEFAULT_PAGE: usize = 20;
const MAX_PAGE: usize = 1000;
/// Seconds a poller waits between polls of a running job.
const RETRY_AFTER_SECS: u32 = 1;

/// Checks a job name: 3 to 36 characters, `^[a-zA-Z0-9][a-zA-Z0-9-_]+[a-zA-Z0-9]$`.
pub fn check_name(name: &str) -> Result<(), ApiError> {
    let ok_len = (3..=36).contains(&name.len());
    let b = name.as_bytes();
    let ends = b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric);
    let body = b
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_');
    if ok_len && ends && body {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "name",
            "A job name has 3 to 36 characters: letters, digits, '-' and '_', starting and ending with a letter or digit.",
        ))
    }
}

fn job_out(state: &AppState, row: JobRow) -> Result<JobOut, ApiError> {
    let summary = state.inner.store.summary(&row)?;
    Ok(JobOut {
        name: row.name,
        spec: row.spec,
        status: row.status,
        error: row.error,
        created_at: row.created_at,
        started_at: row.started_at,
        last_updated_at: row.last_updated_at,
        summary,
    })
}

fn find(state: &AppState, name: &str) -> Result<JobRow, ApiError> {
    check_name(name).map_err(|_| ApiError::job_not_found())?;
    state
        .inner
        .store
        .job(name)?
        .ok_or_else(ApiError::job_not_found)
}

/// `scheme://host` of this request, for `Operation-Location` and `nextLink`.
fn origin(state: &AppState, headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("{}://{host}", state.inner.scheme)
}

fn spec_of(state: &AppState, body: JobIn) -> Result<JobSpec, ApiError> {
    let operation = Operation::parse(body.operation.as_deref())?;
    let custom = body.customizations.unwrap_or_default();
    check_customizations(operation, &custom)?;
    let src = location(state, body.source_location, "sourceLocation")?;
    let dst = location(state, body.target_location, "targetLocation")?;
    let extensions = match src.extensions {
        None => vec!["*".to_owned()],
        Some(e) if e.is_empty() => {
            return Err(ApiError::invalid(
                "sourceLocation.extensions",
                "sourceLocation.extensions must list at least one extension.",
            ));
        }
        Some(e) => e,
    };
    Ok(JobSpec {
        operation,
        source_location: Source {
            location: src.location.unwrap_or_default(),
            prefix: src.prefix.unwrap_or_default(),
            extensions,
        },
        target_location: Target {
            location: dst.location.unwrap_or_default(),
            prefix: dst.prefix.unwrap_or_default(),
            overwrite: dst.overwrite.unwrap_or(false),
        },
        customizations: Customizations {
            redaction_format: custom.redaction_format,
            surrogate_locale: (operation == Operation::Surrogate).then(|| {
                custom
                    .surrogate_locale
                    .unwrap_or_else(|| "en-US".to_owned())
            }),
        },
    })
}

fn location(state: &AppState, l: Option<LocationIn>, field: &str) -> Result<LocationIn, ApiError> {
    let l = l.ok_or_else(|| ApiError::invalid(field, format!("{field} is required.")))?;
    let Some(loc) = &l.location else {
        return Err(ApiError::invalid(
            &format!("{field}.location"),
            format!("{field}.location is required."),
        ));
    };
    let Some(prefix) = &l.prefix else {
        return Err(ApiError::invalid(
            &format!("{field}.prefix"),
            format!("{field}.prefix is required."),
        ));
    };
    if prefix.len() > 1024 {
        return Err(ApiError::invalid(
            &format!("{field}.prefix"),
            format!(
                "{field}.prefix has {} characters; the limit is 1024.",
                prefix.len()
            ),
        ));
    }
    if prefix.split('/').any(|p| p == "..") || prefix.starts_with('/') {
        return Err(ApiError::invalid(
            &format!("{field}.prefix"),
            format!("{field}.prefix may not start with '/' or contain '..'."),
        ));
    }
    if let Err(e) = state.inner.storage.check(loc) {
        return Err(ApiError::invalid(
            &format!("{field}.location"),
            format!("{field}.location {e}."),
        ));
    }
    Ok(l)
}

pub async fn create(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    check_name(&name)?;
    let bytes = read_body(body, MAX_JOB_BODY).await?;
    let spec = spec_of(&state, parse_body(&bytes)?)?;
    let store = &state.inner.store;
    if store.job(&name)?.is_some() {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "JobAlreadyExists",
            "A job with this name already exists; jobs cannot be replaced. Delete it first or choose another name.",
        ));
    }
    if store.count_waiting()? >= state.inner.limits.queued_jobs {
        return Err(ApiError::overloaded("queued jobs"));
    }
    let key = fresh_bytes()?;
    let Some(seq) = store.insert_job(&name, &spec, &key, &time::now())? else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "JobAlreadyExists",
            "A job with this name already exists.",
        ));
    };
    tracing::info!(job = %name, operation = ?spec.operation, "job created");
    runner::spawn(state.clone(), seq);
    let row = store.job_by_seq(seq)?.ok_or_else(ApiError::job_not_found)?;
    let mut res = json_body(&job_out(&state, row)?);
    *res.status_mut() = StatusCode::CREATED;
    let op_loc = format!(
        "{}/jobs/{name}?api-version={API_VERSION}",
        origin(&state, &headers)
    );
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&op_loc) {
        h.insert("operation-location", v);
    }
    if let Ok(v) = HeaderValue::from_str(&name) {
        h.insert("operation-id", v);
    }
    Ok(res)
}

pub async fn get(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let row = find(&state, &name)?;
    let running = !row.status.is_terminal();
    let mut res = json_body(&job_out(&state, row)?);
    if running {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECS));
    }
    Ok(res)
}

/// `POST /jobs/{name}:cancel` (the route sees `name:cancel` as the name).
pub async fn post(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let Some(name) = name.strip_suffix(":cancel") else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "NotFound",
            "No such operation; POST /jobs/{name}:cancel cancels a job.",
        ));
    };
    let row = find(&state, name)?;
    if state.inner.store.cancel(row.seq, &time::now())? {
        tracing::info!(job = %name, "job canceled");
    }
    let row = find(&state, name)?;
    Ok(json_body(&job_out(&state, row)?))
}

pub async fn delete(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let row = find(&state, &name)?;
    state.inner.store.delete(row.seq)?;
    tracing::info!(job = %name, "job deleted");
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `maxpagesize` and `continuationToken`.
struct Paging {
    size: usize,
    after: i64,
}

fn paging(q: &QueryMap) -> Result<Paging, ApiError> {
    let size = match q.get("maxpagesize") {
        None => DEFAULT_PAGE,
        Some(s) => match s.parse::<usize>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
            _ => {
                return Err(ApiError::invalid(
                    "maxpagesize",
                    format!("maxpagesize must be a whole number from 1 to {MAX_PAGE}."),
                ));
            }
        },
    };
    let after = match q.get("continuationToken") {
        None => 0,
        Some(t) => decode_token(t).ok_or_else(|| {
            ApiError::invalid(
                "continuationToken",
                "continuationToken is not one this server issued.",
            )
        })?,
    };
    Ok(Paging { size, after })
}

/// Opaque to clients: the position after which the next page starts.
fn encode_token(seq: i64) -> String {
    format!("p{seq:x}")
}

fn decode_token(t: &str) -> Option<i64> {
    i64::from_str_radix(t.strip_prefix('p')?, 16).ok()
}

fn next_link(base: &str, size: usize, last: Option<i64>, more: bool) -> Option<String> {
    let last = last.filter(|_| more)?;
    Some(format!(
        "{base}?api-version={API_VERSION}&maxpagesize={size}&continuationToken={}",
        encode_token(last)
    ))
}

pub async fn list(
    State(state): State<AppState>,
    Query(q): Query<QueryMap>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let p = paging(&q)?;
    let mut rows = state.inner.store.jobs(p.after, p.size + 1)?;
    let more = rows.len() > p.size;
    rows.truncate(p.size);
    let last = rows.last().map(|r| r.seq);
    let value = rows
        .into_iter()
        .map(|r| job_out(&state, r))
        .collect::<Result<Vec<_>, _>>()?;
    let base = format!("{}/jobs", origin(&state, &headers));
    Ok(json_body(&Page {
        value,
        next_link: next_link(&base, p.size, last, more),
    }))
}

pub async fn documents(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(q): Query<QueryMap>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let row = find(&state, &name)?;
    let p = paging(&q)?;
    let mut docs = state.inner.store.documents(row.seq, p.after, p.size + 1)?;
    let more = docs.len() > p.size;
    docs.truncate(p.size);
    let last = docs.last().map(|d| d.seq);
    let src = display(&state, &row.spec.source_location.location);
    let dst = display(&state, &row.spec.target_location.location);
    let value = docs
        .into_iter()
        .map(|d| DocumentOut {
            id: d.id,
            input: DocumentLocation {
                location: format!("{src}/{}", d.input_name),
                etag: d.input_etag,
            },
            output: d.output_etag.map(|etag| DocumentLocation {
                location: format!("{dst}/{}", d.output_name),
                etag,
            }),
            status: d.status,
            error: d.error,
        })
        .collect();
    let base = format!("{}/jobs/{name}/documents", origin(&state, &headers));
    Ok(json_body(&Page {
        value,
        next_link: next_link(&base, p.size, last, more),
    }))
}

/// A location as shown in document URLs: no query (a SAS), no trailing slash.
fn display(_state: &AppState, location: &str) -> String {
    let cut = location.find('?').unwrap_or(location.len());
    location[..cut].trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_pattern() {
        for ok in ["abc", "job-1", "a_b-c", "A1b", &"x".repeat(36)] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "ab",
            "-ab",
            "ab-",
            "a b",
            "a.bc",
            &"x".repeat(37),
            "ab:cancel",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tokens_round_trip() {
        assert_eq!(decode_token(&encode_token(42)), Some(42));
        assert_eq!(decode_token("garbage"), None);
    }
}
