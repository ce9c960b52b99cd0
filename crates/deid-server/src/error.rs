//! The one error type of the HTTP layer, answered as the Azure error body
//! `{"error": {"code", "message"}}` with `x-ms-error-code`.
//!
//! Messages name fields, limits and counts, never request text.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

/// An Azure `Error`: also the `error` of a failed job or document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

impl ErrorBody {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        ErrorBody {
            code: code.to_owned(),
            message: message.into(),
            target: None,
        }
    }
}

/// A failed request.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: ErrorBody,
    /// Seconds for `Retry-After` (429 and 503).
    pub retry_after: Option<u32>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            body: ErrorBody::new(code, message),
            retry_after: None,
        }
    }

    /// 400 for a request whose body or parameters break the contract.
    pub fn invalid(target: &str, message: impl Into<String>) -> Self {
        let mut e = ApiError::new(StatusCode::BAD_REQUEST, "InvalidParameter", message);
        e.body.target = Some(target.to_owned());
        e
    }

    pub fn job_not_found() -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "JobNotFound", "Job not found.")
    }

    /// 429 with `Retry-After`, when the server has no room for more work.
    pub fn overloaded(what: &str) -> Self {
        let mut e = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "TooManyRequests",
            format!("The server is busy with {what}; retry after the delay in Retry-After."),
        );
        e.retry_after = Some(1);
        e
    }

    /// 500 with a generic message; the cause goes to the log only (it must
    /// not hold document text).
    pub fn internal(cause: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalServerError",
            "The server failed to process the request.",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let code = HeaderValue::from_str(&self.body.code)
            .unwrap_or_else(|_| HeaderValue::from_static("InternalServerError"));
        let body = serde_json::json!({ "error": self.body });
        let mut res = (self.status, crate::models::json_body(&body)).into_response();
        let h = res.headers_mut();
        h.insert("x-ms-error-code", code);
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store, no-cache"),
        );
        if let Some(s) = self.retry_after {
            h.insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        res
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::internal(&e)
    }
}
