//! Every route in process, through the axum router with tower's `oneshot`.
#![allow(clippy::many_single_char_names)]

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use deid_core::{Engine, Settings};
use deid_server::auth::{Role, Tokens, digest};
use deid_server::jobs::storage::{Root, Storage};
use deid_server::jobs::store::Store;
use deid_server::{AppState, Limits, router};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

const V: &str = "api-version=2024-11-15";

struct Harness {
    state: AppState,
    dir: tempfile::TempDir,
}

fn harness() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let mut tokens = Tokens::default();
    tokens.add_digest(digest("owner"), Role::DataOwner, "owner");
    tokens.add_digest(digest("reader"), Role::BatchDataReader, "reader");
    tokens.add_digest(digest("realtime"), Role::RealtimeDataUser, "realtime");
    let storage = Storage {
        roots: vec![Root::parse(dir.path().to_str().unwrap()).unwrap()],
        azure: vec![],
    };
    let state = AppState::new(
        Engine::new(Settings::default()),
        tokens,
        Store::in_memory().unwrap(),
        storage,
        Limits::default(),
        "https",
    );
    Harness { state, dir }
}

async fn call(
    h: &Harness,
    method: &str,
    uri: &str,
    token: &str,
    body: Option<Value>,
) -> (StatusCode, axum::http::HeaderMap, Value) {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header("host", "localhost:8443")
        .header(
            "x-ms-client-request-id",
            "c0ffee00-0000-0000-0000-000000000000",
        );
    if !token.is_empty() {
        req = req.header("authorization", format!("Bearer {token}"));
    }
    let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
    let res = router(h.state.clone())
        .oneshot(req.body(body).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, headers, json)
}

#[tokio::test]
async fn deid_tags_redacts_and_surrogates() {
    let h = harness();
    let text = "😀 Hello, my name is John Smith.";
    let (s, hd, j) = call(
        &h,
        "POST",
        &format!("/deid?{V}"),
        "owner",
        Some(json!({"inputText": text, "operation": "Tag"})),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        hd["x-ms-client-request-id"],
        "c0ffee00-0000-0000-0000-000000000000"
    );
    let e = &j["taggerResult"]["entities"][0];
    assert_eq!(e["category"], "Patient");
    assert_eq!(
        e["offset"],
        json!({"utf8": 23, "utf16": 21, "codePoint": 20})
    );
    assert_eq!(
        e["length"],
        json!({"utf8": 10, "utf16": 10, "codePoint": 10})
    );
    assert!(j.get("outputText").is_none());

    let (_, _, j) = call(
        &h,
        "POST",
        &format!("/deid?{V}"),
        "owner",
        Some(json!({"inputText": text, "operation": "Redact"})),
    )
    .await;
    assert_eq!(j["outputText"], "😀 Hello, my name is [patient].");
    let (_, _, j) = call(&h, "POST", &format!("/deid?{V}"), "realtime", Some(json!({"inputText": text, "operation": "redact", "customizations": {"redactionFormat": "*{len}"}}))).await;
    assert_eq!(j["outputText"], "😀 Hello, my name is **********.");
    let (s, _, j) = call(
        &h,
        "POST",
        &format!("/deid?{V}"),
        "owner",
        Some(json!({"inputText": text})),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let out = j["outputText"].as_str().unwrap();
    assert!(!out.contains("John Smith") && out.starts_with("😀 Hello, my name is "));
    assert!(j.get("taggerResult").is_none());
}

#[tokio::test]
async fn deid_errors() {
    let h = harness();
    let cases: Vec<(&str, &str, Option<Value>, StatusCode, &str)> = vec![
        (
            "/deid",
            "owner",
            Some(json!({"inputText": "x"})),
            StatusCode::BAD_REQUEST,
            "MissingApiVersionParameter",
        ),
        (
            "/deid?api-version=2024-07-12-preview",
            "owner",
            Some(json!({"inputText": "x"})),
            StatusCode::BAD_REQUEST,
            "UnsupportedApiVersionValue",
        ),
        (
            "/deid?api-version=2024-11-15",
            "",
            Some(json!({"inputText": "x"})),
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
        ),
        (
            "/deid?api-version=2024-11-15",
            "nope",
            Some(json!({"inputText": "x"})),
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
        ),
        (
            "/deid?api-version=2024-11-15",
            "reader",
            Some(json!({"inputText": "x"})),
            StatusCode::FORBIDDEN,
            "Forbidden",
        ),
        (
            "/deid?api-version=2024-11-15",
            "owner",
            Some(json!({})),
            StatusCode::BAD_REQUEST,
            "InvalidParameter",
        ),
        (
            "/deid?api-version=2024-11-15",
            "owner",
            Some(json!({"inputText": "x", "operation": "Shred"})),
            StatusCode::BAD_REQUEST,
            "InvalidParameter",
        ),
        (
            "/deid?api-version=2024-11-15",
            "owner",
            Some(json!({"inputText": "x", "customizations": {"redactionFormat": "[{type}]"}})),
            StatusCode::BAD_REQUEST,
            "InvalidParameter",
        ),
        (
            "/deid?api-version=2024-11-15",
            "owner",
            Some(
                json!({"inputText": "x", "operation": "Redact", "customizations": {"redactionFormat": "x".repeat(17)}}),
            ),
            StatusCode::BAD_REQUEST,
            "InvalidParameter",
        ),
        (
            "/deid?api-version=2024-11-15",
            "owner",
            Some(json!({"inputText": "é".repeat(48_001)})),
            StatusCode::BAD_REQUEST,
            "InvalidParameter",
        ),
        (
            "/deid?api-version=2024-11-15",
            "owner",
            Some(json!({"inputText": 5})),
            StatusCode::BAD_REQUEST,
            "InvalidRequestBody",
        ),
        (
            "/nowhere?api-version=2024-11-15",
            "owner",
            None,
            StatusCode::NOT_FOUND,
            "NotFound",
        ),
    ];
    for (uri, token, body, status, code) in cases {
        let (s, hd, j) = call(&h, "POST", uri, token, body).await;
        assert_eq!(s, status, "{uri} {token}");
        assert_eq!(j["error"]["code"], code, "{uri} {token}");
        assert_eq!(hd["x-ms-error-code"], code);
        assert!(!j["error"]["message"].as_str().unwrap().is_empty());
    }
    // 48,000 characters exactly is fine.
    let (s, _, _) = call(
        &h,
        "POST",
        &format!("/deid?{V}"),
        "owner",
        Some(json!({"inputText": "a ".repeat(24_000), "operation": "Tag"})),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn health_and_openapi_need_no_token() {
    let h = harness();
    let (s, _, j) = call(&h, "GET", "/health", "", None).await;
    assert_eq!((s, j["status"].as_str()), (StatusCode::OK, Some("ok")));
    let (s, _, j) = call(&h, "GET", "/openapi.json", "", None).await;
    assert_eq!(s, StatusCode::OK);
    for p in [
        "/deid",
        "/jobs",
        "/jobs/{name}",
        "/jobs/{name}:cancel",
        "/jobs/{name}/documents",
    ] {
        assert!(j["paths"].get(p).is_some(), "{p}");
    }
}

async fn wait_terminal(h: &Harness, name: &str) -> Value {
    for _ in 0..200 {
        let (s, hd, j) = call(h, "GET", &format!("/jobs/{name}?{V}"), "reader", None).await;
        assert_eq!(s, StatusCode::OK);
        match j["status"].as_str().unwrap() {
            "NotStarted" | "Running" => assert_eq!(hd["retry-after"], "1"),
            _ => return j,
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("job {name} did not finish");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jobs_lifecycle() {
    let h = harness();
    let root = h.dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(root.join("notes/in/sub")).unwrap();
    for (i, p) in [
        "in/a.txt",
        "in/b.txt",
        "in/sub/c.txt",
        "in/skip.md",
        "other.txt",
    ]
    .iter()
    .enumerate()
    {
        std::fs::write(
            root.join("notes").join(p),
            format!("Note {i}: Patient John Smith seen 03/04/2021.\n"),
        )
        .unwrap();
    }
    std::fs::write(
        root.join("notes/in/big.txt"),
        vec![b'a'; 2 * 1024 * 1024 + 1],
    )
    .unwrap();
    let url = url::Url::from_directory_path(root.join("notes"))
        .unwrap()
        .to_string();
    let body = json!({
        "sourceLocation": {"location": url, "prefix": "in/", "extensions": ["txt"]},
        "targetLocation": {"location": url, "prefix": "out/"}
    });
    let (s, hd, j) = call(
        &h,
        "PUT",
        &format!("/jobs/job-1?{V}"),
        "owner",
        Some(body.clone()),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{j}");
    assert_eq!(
        hd["operation-location"],
        format!("https://localhost:8443/jobs/job-1?{V}")
    );
    assert_eq!(j["operation"], "Surrogate");
    assert_eq!(j["sourceLocation"]["extensions"], json!(["txt"]));
    assert_eq!(j["targetLocation"]["overwrite"], false);
    assert_eq!(j["customizations"]["surrogateLocale"], "en-US");
    let j = wait_terminal(&h, "job-1").await;
    assert_eq!(j["status"], "Succeeded", "{j}");
    assert_eq!(j["summary"]["total"], 4);
    assert_eq!(j["summary"]["successful"], 3);
    assert_eq!(j["summary"]["failed"], 1);
    assert!(j["startedAt"].is_string());
    let out = std::fs::read_to_string(root.join("notes/out/sub/c.txt")).unwrap();
    assert!(!out.contains("John Smith"));
    let a = std::fs::read_to_string(root.join("notes/out/a.txt")).unwrap();
    assert_eq!(
        a.split_once(':').unwrap().1,
        out.split_once(':').unwrap().1,
        "one mapping per job"
    );

    // Documents, two per page, following nextLink.
    let mut uri = format!("/jobs/job-1/documents?{V}&maxpagesize=2");
    let mut docs = Vec::new();
    loop {
        let (s, _, j) = call(&h, "GET", &uri, "reader", None).await;
        assert_eq!(s, StatusCode::OK);
        docs.extend(j["value"].as_array().unwrap().clone());
        match j["nextLink"].as_str() {
            Some(next) => {
                uri = next
                    .strip_prefix("https://localhost:8443")
                    .unwrap()
                    .to_owned();
            }
            None => break,
        }
    }
    assert_eq!(docs.len(), 4);
    let big = docs
        .iter()
        .find(|d| {
            d["input"]["location"]
                .as_str()
                .unwrap()
                .ends_with("in/big.txt")
        })
        .unwrap();
    assert_eq!(big["status"], "Failed");
    assert_eq!(big["error"]["code"], "DocumentTooLarge");
    for d in docs.iter().filter(|d| d["status"] == "Succeeded") {
        assert_eq!(d["id"].as_str().unwrap().len(), 36);
        assert!(!d["input"]["etag"].as_str().unwrap().is_empty());
        assert!(
            d["output"]["location"]
                .as_str()
                .unwrap()
                .contains("/notes/out/")
        );
    }

    // Same name again: 409. Overwrite false: a second job's documents fail.
    let (s, _, j) = call(
        &h,
        "PUT",
        &format!("/jobs/job-1?{V}"),
        "owner",
        Some(body.clone()),
    )
    .await;
    assert_eq!(
        (s, j["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("JobAlreadyExists"))
    );
    let (s, _, _) = call(
        &h,
        "PUT",
        &format!("/jobs/job-2?{V}"),
        "owner",
        Some(body.clone()),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    let j = wait_terminal(&h, "job-2").await;
    assert_eq!(j["status"], "Failed", "every document failed: {j}");
    let (_, _, d) = call(
        &h,
        "GET",
        &format!("/jobs/job-2/documents?{V}"),
        "reader",
        None,
    )
    .await;
    assert!(
        d["value"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["error"]["code"] == "OutputAlreadyExists")
    );

    // List jobs with paging.
    let (_, _, j) = call(
        &h,
        "GET",
        &format!("/jobs?{V}&maxpagesize=1"),
        "reader",
        None,
    )
    .await;
    assert_eq!(j["value"].as_array().unwrap().len(), 1);
    assert!(
        j["nextLink"]
            .as_str()
            .unwrap()
            .contains("continuationToken=")
    );
    let (s, _, _) = call(
        &h,
        "GET",
        &format!("/jobs?{V}&maxpagesize=0"),
        "reader",
        None,
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);

    // Cancel a finished job: no effect. Reader may not cancel or delete.
    let (s, _, j) = call(
        &h,
        "POST",
        &format!("/jobs/job-1:cancel?{V}"),
        "owner",
        None,
    )
    .await;
    assert_eq!(
        (s, j["status"].as_str()),
        (StatusCode::OK, Some("Succeeded"))
    );
    let (s, _, _) = call(
        &h,
        "POST",
        &format!("/jobs/job-1:cancel?{V}"),
        "reader",
        None,
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = call(&h, "DELETE", &format!("/jobs/job-1?{V}"), "reader", None).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = call(&h, "DELETE", &format!("/jobs/job-1?{V}"), "owner", None).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, hd, _) = call(&h, "GET", &format!("/jobs/job-1?{V}"), "owner", None).await;
    assert_eq!(
        (s, &hd["x-ms-error-code"]),
        (StatusCode::NOT_FOUND, &"JobNotFound".parse().unwrap())
    );
}

#[tokio::test]
async fn job_validation() {
    let h = harness();
    let inside = url::Url::from_directory_path(h.dir.path().canonicalize().unwrap())
        .unwrap()
        .to_string();
    let ok_src = json!({"location": inside, "prefix": "in/"});
    let cases = vec![
        (
            "ab",
            json!({"sourceLocation": ok_src, "targetLocation": ok_src}),
            "name",
        ),
        ("job-x", json!({"targetLocation": ok_src}), "sourceLocation"),
        (
            "job-x",
            json!({"sourceLocation": {"location": "file:///etc", "prefix": ""}, "targetLocation": ok_src}),
            "sourceLocation.location",
        ),
        (
            "job-x",
            json!({"sourceLocation": {"location": inside}, "targetLocation": ok_src}),
            "sourceLocation.prefix",
        ),
        (
            "job-x",
            json!({"sourceLocation": ok_src, "targetLocation": {"location": inside, "prefix": "../x"}}),
            "targetLocation.prefix",
        ),
        (
            "job-x",
            json!({"sourceLocation": {"location": inside, "prefix": "", "extensions": []}, "targetLocation": ok_src}),
            "sourceLocation.extensions",
        ),
    ];
    for (name, body, target) in cases {
        let (s, _, j) = call(&h, "PUT", &format!("/jobs/{name}?{V}"), "owner", Some(body)).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{target}");
        assert_eq!(j["error"]["target"], target, "{j}");
    }
    // An empty source fails the job with EmptyJob.
    let (s, _, _) = call(&h, "PUT", &format!("/jobs/empty?{V}"), "owner", Some(json!({"sourceLocation": {"location": inside, "prefix": "none/"}, "targetLocation": ok_src}))).await;
    assert_eq!(s, StatusCode::CREATED);
    let j = wait_terminal(&h, "empty").await;
    assert_eq!(
        (j["status"].as_str(), j["error"]["code"].as_str()),
        (Some("Failed"), Some("EmptyJob"))
    );
}
