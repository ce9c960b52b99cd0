//! `POST /deid`: one text, tagged, redacted or surrogated on a blocking
//! thread, with a fresh surrogate key per request.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::response::Response;
use deid_core::{Engine, Finding, RedactionFormat, SurrogateKey, Surrogator, entities};

use crate::AppState;
use crate::error::ApiError;
use crate::models::{
    ContentIn, CustomizationsIn, Operation, PhiEntity, ResultOut, TaggerResult, json_body,
    parse_body,
};

/// Most characters (UTF-16 code units, as the service counts) in `inputText`.
pub const MAX_INPUT_CHARS: usize = 48_000;
/// Largest request body read; the text limit decides before this one.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// A text with its findings, tagged, redacted or surrogated.
pub fn transform(
    engine: &Engine,
    text: &str,
    findings: &[Finding],
    op: Operation,
    format: Option<&str>,
    surrogator: &Surrogator,
) -> String {
    match op {
        Operation::Tag => {
            let result = TaggerResult {
                entities: tagged(text, findings),
            };
            serde_json::to_string(&result).unwrap_or_default()
        }
        Operation::Redact => {
            let format = format
                .and_then(|f| RedactionFormat::new(f).ok())
                .unwrap_or_else(|| engine.settings().redaction_format.clone());
            deid_core::redact::redact(text, findings, &format)
        }
        Operation::Surrogate => surrogator.surrogate(text, findings, None).text,
    }
}

fn tagged(text: &str, findings: &[Finding]) -> Vec<PhiEntity> {
    entities(text, findings)
        .into_iter()
        .map(|e| PhiEntity {
            category: e.category.name(),
            offset: e.offset.into(),
            length: e.length.into(),
            text: e.text,
            confidence_score: (f64::from(e.confidence) * 1000.0).round() / 1000.0,
        })
        .collect()
}

/// Checks `redactionFormat` and `surrogateLocale` as the service does.
pub fn check_customizations(op: Operation, c: &CustomizationsIn) -> Result<(), ApiError> {
    if let Some(f) = &c.redaction_format {
        if op != Operation::Redact {
            return Err(ApiError::invalid(
                "customizations.redactionFormat",
                "redactionFormat is only valid when operation is Redact.",
            ));
        }
        let n = f.chars().count();
        if !(1..=16).contains(&n) {
            return Err(ApiError::invalid(
                "customizations.redactionFormat",
                format!("redactionFormat has {n} characters; it must have 1 to 16."),
            ));
        }
        RedactionFormat::new(f)
            .map_err(|e| ApiError::invalid("customizations.redactionFormat", format!("{e}.")))?;
    }
    for (field, v) in [
        ("customizations.surrogateLocale", &c.surrogate_locale),
        ("customizations.inputLocale", &c.input_locale),
    ] {
        if let Some(l) = v
            && !l.eq_ignore_ascii_case("en-US")
        {
            return Err(ApiError::invalid(
                field,
                format!("{field} supports only en-US on this server."),
            ));
        }
    }
    Ok(())
}

/// Reads a body of at most `limit` bytes.
pub async fn read_body(body: Body, limit: usize) -> Result<bytes::Bytes, ApiError> {
    axum::body::to_bytes(body, limit).await.map_err(|_| {
        ApiError::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "RequestTooLarge",
            format!("The request body exceeds {limit} bytes."),
        )
    })
}

pub async fn deidentify(State(state): State<AppState>, body: Body) -> Result<Response, ApiError> {
    let bytes = read_body(body, MAX_BODY_BYTES).await?;
    let req: ContentIn = parse_body(&bytes)?;
    let text = req
        .input_text
        .ok_or_else(|| ApiError::invalid("inputText", "inputText is required."))?;
    let units = text.encode_utf16().count();
    if units > MAX_INPUT_CHARS {
        return Err(ApiError::invalid(
            "inputText",
            format!("inputText has {units} characters; the limit is {MAX_INPUT_CHARS}."),
        ));
    }
    let op = Operation::parse(req.operation.as_deref())?;
    let custom = req.customizations.unwrap_or_default();
    check_customizations(op, &custom)?;

    let inner = &state.inner;
    let _slot = inner
        .realtime
        .try_acquire()
        .map_err(|_| ApiError::overloaded("other requests"))?;
    let _cpu = inner
        .cpu
        .acquire()
        .await
        .map_err(|e| ApiError::internal(&e))?;
    let engine = Arc::clone(&inner.engine);
    let len = text.len();
    let out = tokio::task::spawn_blocking(move || {
        run(&engine, &text, op, custom.redaction_format.as_deref())
    })
    .await
    .map_err(|e| ApiError::internal(&e))??;
    tracing::debug!(bytes = len, operation = ?op, "deidentified");
    Ok(json_body(&out))
}

fn run(
    engine: &Engine,
    text: &str,
    op: Operation,
    format: Option<&str>,
) -> Result<ResultOut, ApiError> {
    let findings = engine.analyze(text);
    Ok(match op {
        Operation::Tag => ResultOut {
            output_text: None,
            tagger_result: Some(TaggerResult {
                entities: tagged(text, &findings),
            }),
        },
        Operation::Redact | Operation::Surrogate => {
            let mut surrogator = Surrogator::new(fresh_key()?, engine.settings().surrogate);
            if op == Operation::Surrogate {
                surrogator.add_originals(surrogator.originals_of(text, &findings));
            }
            ResultOut {
                output_text: Some(transform(engine, text, &findings, op, format, &surrogator)),
                tagger_result: None,
            }
        }
    })
}

/// A new random surrogate key.
pub fn fresh_key() -> Result<SurrogateKey, ApiError> {
    fresh_bytes().map(SurrogateKey::from_bytes)
}

/// 32 random bytes, for a key or a token.
pub fn fresh_bytes() -> Result<[u8; 32], ApiError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| ApiError::internal(&e))?;
    Ok(bytes)
}
