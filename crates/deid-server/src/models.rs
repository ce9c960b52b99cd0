//! Wire types of the 2024-11-15 API, with the service's camelCase names.
//!
//! Requests are read into loose `*In` structs (every field optional, unknown
//! fields ignored) and then checked, so each broken rule gets its own message
//! and serde's messages, which may quote input, never reach a client.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ErrorBody};

/// `DeidentificationOperationType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Operation {
    Tag,
    Redact,
    Surrogate,
}

impl Operation {
    /// Case-insensitive, as the SDKs compare enums; `None` means the default.
    pub fn parse(s: Option<&str>) -> Result<Self, ApiError> {
        match s.map(str::to_ascii_lowercase).as_deref() {
            None | Some("surrogate") => Ok(Operation::Surrogate),
            Some("tag") => Ok(Operation::Tag),
            Some("redact") => Ok(Operation::Redact),
            Some(_) => Err(ApiError::invalid(
                "operation",
                "operation must be one of Tag, Redact or Surrogate.",
            )),
        }
    }
}

/// `OperationState`, for jobs and documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum State {
    NotStarted,
    Running,
    Succeeded,
    Failed,
    Canceled,
}

impl State {
    pub fn is_terminal(self) -> bool {
        matches!(self, State::Succeeded | State::Failed | State::Canceled)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            State::NotStarted => "NotStarted",
            State::Running => "Running",
            State::Succeeded => "Succeeded",
            State::Failed => "Failed",
            State::Canceled => "Canceled",
        }
    }

    pub fn from_db(s: &str) -> Self {
        match s {
            "Running" => State::Running,
            "Succeeded" => State::Succeeded,
            "Failed" => State::Failed,
            "Canceled" => State::Canceled,
            _ => State::NotStarted,
        }
    }
}

/// `DeidentificationCustomizationOptions` as sent.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomizationsIn {
    pub redaction_format: Option<String>,
    pub surrogate_locale: Option<String>,
    pub input_locale: Option<String>,
}

/// `DeidentificationContent` as sent.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContentIn {
    pub input_text: Option<String>,
    pub operation: Option<String>,
    pub customizations: Option<CustomizationsIn>,
}

/// `DeidentificationResult`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tagger_result: Option<TaggerResult>,
}

#[derive(Serialize)]
pub struct TaggerResult {
    pub entities: Vec<PhiEntity>,
}

/// `StringIndex`: one position counted three ways.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StringIndex {
    pub utf8: usize,
    pub utf16: usize,
    pub code_point: usize,
}

impl From<deid_core::Offsets> for StringIndex {
    fn from(o: deid_core::Offsets) -> Self {
        StringIndex {
            utf8: o.utf8,
            utf16: o.utf16,
            code_point: o.code_point,
        }
    }
}

/// `PhiEntity`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhiEntity {
    pub category: &'static str,
    pub offset: StringIndex,
    pub length: StringIndex,
    pub text: deid_core::PhiText,
    pub confidence_score: f64,
}

/// Source and target of a job as sent.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocationIn {
    pub location: Option<String>,
    pub prefix: Option<String>,
    pub extensions: Option<Vec<String>>,
    pub overwrite: Option<bool>,
}

/// `DeidentificationJob` as sent.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobIn {
    pub operation: Option<String>,
    pub source_location: Option<LocationIn>,
    pub target_location: Option<LocationIn>,
    pub customizations: Option<CustomizationsIn>,
}

/// `SourceStorageLocation`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub location: String,
    pub prefix: String,
    pub extensions: Vec<String>,
}

/// `TargetStorageLocation`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    pub location: String,
    pub prefix: String,
    pub overwrite: bool,
}

/// `DeidentificationJobCustomizationOptions`, with defaults filled in.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Customizations {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redaction_format: Option<String>,
    pub surrogate_locale: Option<String>,
}

/// What a job was asked to do: the writable part of `DeidentificationJob`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobSpec {
    pub operation: Operation,
    pub source_location: Source,
    pub target_location: Target,
    pub customizations: Customizations,
}

/// `DeidentificationJobSummary`.
#[derive(Clone, Copy, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub successful: u32,
    pub failed: u32,
    pub canceled: u32,
    pub total: u32,
    pub bytes_processed: u64,
}

/// `DeidentificationJob` as answered.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobOut {
    pub name: String,
    #[serde(flatten)]
    pub spec: JobSpec,
    pub status: State,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorBody>,
    pub created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    pub last_updated_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
}

/// `DeidentificationDocumentLocation`.
#[derive(Serialize)]
pub struct DocumentLocation {
    pub location: String,
    pub etag: String,
}

/// `DeidentificationDocumentDetails`.
#[derive(Serialize)]
pub struct DocumentOut {
    pub id: String,
    pub input: DocumentLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<DocumentLocation>,
    pub status: State,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorBody>,
}

/// A page of a list.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    pub value: Vec<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
}

/// A JSON body with the service's content type.
pub fn json_body<T: Serialize>(value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => {
            let mut res = bytes.into_response();
            res.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            );
            res
        }
        Err(e) => ApiError::internal(&e).into_response(),
    }
}

/// Reads a JSON request body into `T`, with a message that never quotes it.
pub fn parse_body<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Data => "has a field of the wrong type",
            serde_json::error::Category::Eof => "ends early",
            serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
                "is not valid JSON"
            }
        };
        let mut err = ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "InvalidRequestBody",
            format!(
                "The request body {what} (line {}, column {}).",
                e.line(),
                e.column()
            ),
        );
        err.body.target = Some("body".to_owned());
        err
    })
}
