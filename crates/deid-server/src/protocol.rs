//! What every response shares: the echoed `x-ms-client-request-id`, a
//! request id, the supported versions, the `api-version` check, and one log
//! line per request (method, route, status, size, time; never a body).

use std::time::Instant;

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::API_VERSION;
use crate::error::ApiError;

pub(crate) async fn envelope(req: Request, next: Next) -> Response {
    let client_id = req.headers().get("x-ms-client-request-id").cloned();
    let method = req.method().clone();
    let route = req.uri().path().to_owned();
    let size = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let started = Instant::now();
    let request_id = uuid::Uuid::new_v4().to_string();
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if let Some(id) = client_id {
        h.insert("x-ms-client-request-id", id);
    }
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        h.insert("x-ms-request-id", v);
    }
    h.insert(
        "api-supported-versions",
        HeaderValue::from_static(API_VERSION),
    );
    tracing::info!(
        request_id = %request_id,
        %method,
        route = %route,
        status = res.status().as_u16(),
        bytes_in = size,
        ms = started.elapsed().as_millis() as u64,
        "request"
    );
    res
}

/// Rejects a missing or unsupported `api-version` with the Azure error.
pub(crate) async fn api_version(req: Request, next: Next) -> Response {
    let version = req.uri().query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "api-version")
            .map(|(_, v)| v.into_owned())
    });
    match version.as_deref() {
        Some(API_VERSION) => next.run(req).await,
        None | Some("") => ApiError::new(
            StatusCode::BAD_REQUEST,
            "MissingApiVersionParameter",
            format!(
                "The api-version query parameter is required; this server supports {API_VERSION}."
            ),
        )
        .into_response(),
        Some(v) => ApiError::new(
            StatusCode::BAD_REQUEST,
            "UnsupportedApiVersionValue",
            format!(
                "Unsupported api-version '{}'; this server supports {API_VERSION}.",
                v.chars().take(40).collect::<String>()
            ),
        )
        .into_response(),
    }
}

pub(crate) async fn not_found() -> Response {
    ApiError::new(StatusCode::NOT_FOUND, "NotFound", "No such route.").into_response()
}
