//! Bearer tokens bound to the service's four roles. Tokens are kept as
//! SHA-256 digests only and never logged; a token's label is.

use std::collections::HashMap;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::ApiError;

/// The built-in roles of the de-identification service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// `DeID Data Owner`: everything.
    DataOwner,
    /// `DeID Realtime Data User`: `POST /deid`.
    RealtimeDataUser,
    /// `DeID Batch Data Owner`: create, read, cancel and delete jobs.
    BatchDataOwner,
    /// `DeID Batch Data Reader`: read jobs.
    BatchDataReader,
}

/// What a request needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    Realtime,
    BatchRead,
    BatchWrite,
}

impl Role {
    /// Accepts the Azure names (`DeID Data Owner`), the older `DeID Batch
    /// Owner/Reader`, and short forms (`data-owner`, `batch_reader`).
    pub fn parse(s: &str) -> Option<Role> {
        let norm: String = s
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match norm.trim_start_matches("deid") {
            "dataowner" | "owner" => Some(Role::DataOwner),
            "realtimedatauser" | "realtimeuser" | "realtime" => Some(Role::RealtimeDataUser),
            "batchdataowner" | "batchowner" => Some(Role::BatchDataOwner),
            "batchdatareader" | "batchreader" => Some(Role::BatchDataReader),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Role::DataOwner => "DeID Data Owner",
            Role::RealtimeDataUser => "DeID Realtime Data User",
            Role::BatchDataOwner => "DeID Batch Data Owner",
            Role::BatchDataReader => "DeID Batch Data Reader",
        }
    }

    pub fn allows(self, p: Permission) -> bool {
        match self {
            Role::DataOwner => true,
            Role::RealtimeDataUser => p == Permission::Realtime,
            Role::BatchDataOwner => p != Permission::Realtime,
            Role::BatchDataReader => p == Permission::BatchRead,
        }
    }
}

/// The SHA-256 digest of a token, as stored.
pub fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Lower-case hex of a token's digest, as written in configuration files.
pub fn digest_hex(token: &str) -> String {
    hex(&digest(token))
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Known tokens by digest, or none when authentication is off.
#[derive(Clone, Default)]
pub struct Tokens {
    by_digest: HashMap<[u8; 32], (Role, String)>,
    pub open: bool,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Tokens({} known, open={})",
            self.by_digest.len(),
            self.open
        )
    }
}

impl Tokens {
    /// No authentication at all (only when asked for explicitly).
    pub fn open() -> Self {
        Tokens {
            by_digest: HashMap::new(),
            open: true,
        }
    }

    pub fn add_digest(&mut self, digest: [u8; 32], role: Role, label: &str) {
        self.by_digest.insert(digest, (role, label.to_owned()));
    }

    pub fn len(&self) -> usize {
        self.by_digest.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_digest.is_empty()
    }

    fn lookup(&self, token: &str) -> Option<&(Role, String)> {
        self.by_digest.get(&digest(token))
    }
}

/// Parses 64 hex digits.
pub fn parse_hex_digest(s: &str) -> Option<[u8; 32]> {
    let s = s.trim();
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

fn permission(method: &Method, path: &str) -> Permission {
    if path.ends_with("/deid") {
        Permission::Realtime
    } else if method == Method::GET || method == Method::HEAD {
        Permission::BatchRead
    } else {
        Permission::BatchWrite
    }
}

/// Checks the bearer token and the role it is bound to.
pub async fn require(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let tokens = &state.inner.tokens;
    if tokens.open {
        return next.run(req).await;
    }
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, rest) = v.split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        });
    let Some((role, label)) = presented.and_then(|t| tokens.lookup(t)) else {
        tracing::info!(route = %req.uri().path(), "rejected: missing or unknown token");
        let mut res = ApiError::new(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "A valid bearer token is required.",
        )
        .into_response();
        res.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return res;
    };
    let need = permission(req.method(), req.uri().path());
    if !role.allows(need) {
        tracing::info!(token = %label, role = role.name(), ?need, "rejected: role");
        return ApiError::new(
            StatusCode::FORBIDDEN,
            "Forbidden",
            format!(
                "The token's role ({}) does not permit this operation.",
                role.name()
            ),
        )
        .into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_and_allow() {
        assert_eq!(Role::parse("DeID Data Owner"), Some(Role::DataOwner));
        assert_eq!(
            Role::parse("DeID Batch Reader"),
            Some(Role::BatchDataReader)
        );
        assert_eq!(
            Role::parse("realtime-data-user"),
            Some(Role::RealtimeDataUser)
        );
        assert_eq!(Role::parse("admin"), None);
        assert!(Role::BatchDataOwner.allows(Permission::BatchWrite));
        assert!(!Role::BatchDataOwner.allows(Permission::Realtime));
        assert!(!Role::BatchDataReader.allows(Permission::BatchWrite));
        assert!(!Role::RealtimeDataUser.allows(Permission::BatchRead));
    }

    #[test]
    fn hex_digests_round_trip() {
        let hex = digest_hex("secret");
        assert_eq!(parse_hex_digest(&hex), Some(digest("secret")));
        assert_eq!(parse_hex_digest("zz"), None);
    }
}
