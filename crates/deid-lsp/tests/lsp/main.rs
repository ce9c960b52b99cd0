//! The server driven over in-memory streams as an editor drives it.

mod support;

use std::time::Duration;

use ropey::Rope;
use serde_json::{Value, json};
use support::TestServer;
use tower_lsp_server::ls_types::notification::PublishDiagnostics;

const NOTE: &str = "Patient John Smith was seen by Dr. Alan Jones on 3/4/2021.\n\nSmith denies chest pain. Call 555-123-4567.\n";

/// `text` with LSP `edits` applied, positions counted in `encoding`.
fn apply(text: &str, edits: &[Value], encoding: &str) -> String {
    let mut rope = Rope::from_str(text);
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let at = |p: &Value| char_at(&rope, p, encoding);
            (
                at(&e["range"]["start"]),
                at(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (a, b, t) in spans {
        rope.remove(a..b);
        rope.insert(a, &t);
    }
    rope.to_string()
}

fn char_at(rope: &Rope, p: &Value, encoding: &str) -> usize {
    let line = p["line"].as_u64().unwrap() as usize;
    let col = p["character"].as_u64().unwrap() as usize;
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    start
        + match encoding {
            "utf-8" => slice.byte_to_char(col),
            "utf-32" => col,
            _ => slice.utf16_cu_to_char(col),
        }
}

/// The edits of a workspace edit for its only document.
fn edits_of(edit: &Value) -> Vec<Value> {
    if let Some(dc) = edit.get("documentChanges") {
        return dc[0]["edits"].as_array().unwrap().clone();
    }
    let changes = edit["changes"].as_object().unwrap();
    changes.values().next().unwrap().as_array().unwrap().clone()
}

fn by_code<'a>(diags: &'a Value, code: &str) -> Vec<&'a Value> {
    diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

fn kind<'a>(actions: &'a [Value], kind: &str) -> Vec<&'a Value> {
    actions.iter().filter(|a| a["kind"] == kind).collect()
}

fn assert_no_phi(s: &TestServer, words: &[&str]) {
    let rec = s.recorded.lock().unwrap();
    for line in rec.logs.iter().chain(&rec.shown) {
        for w in words {
            assert!(!line.contains(w), "PHI in a log line: {line}");
        }
    }
}

#[tokio::test]
async fn a_rules_only_launch_never_runs_the_model() {
    let mut s = TestServer::launched(
        json!({ "workspace": { "workspaceEdit": { "documentChanges": true } } }),
        json!({}),
        deid_lsp::Launch { rules_only: true },
    )
    .await;
    s.open("note.txt", NOTE).await;
    let p = s.recv::<PublishDiagnostics>().await;
    let d = serde_json::to_value(&p).unwrap();
    let messages: Vec<&str> = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(messages.len() >= 4, "{messages:?}");
    assert!(
        messages.iter().all(|m| !m.contains("model")),
        "{messages:?}"
    );
}

#[tokio::test]
async fn open_gives_diagnostics() {
    let mut s = TestServer::new(json!({})).await;
    let uri = s.open("note.txt", NOTE).await;
    let p = s.recv::<PublishDiagnostics>().await;
    assert_eq!(p.uri.as_str(), uri);
    assert_eq!(p.version, Some(1));
    let d = serde_json::to_value(&p).unwrap();
    let codes: Vec<&str> = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["Patient", "Doctor", "Date", "Patient", "Phone"]);
    let first = &d["diagnostics"][0];
    assert_eq!(first["source"], "deid");
    assert_eq!(first["severity"], 2);
    assert_eq!(
        first["range"],
        json!({ "start": { "line": 0, "character": 8 }, "end": { "line": 0, "character": 18 } })
    );
    assert_eq!(
        first["message"],
        "Patient name, 0.97, model token classifier + rule name.context (patient)"
    );
    assert_eq!(first["data"]["category"], "Patient");
    assert_eq!(first["data"]["redaction"], "[patient]");
    assert!(
        !first["data"]["surrogate"]
            .as_str()
            .unwrap()
            .contains("Smith")
    );
    // The second "Smith", alone at the start of another paragraph, is found too
    // (by the model, and by the rules through the first mention).
    let repeat = &d["diagnostics"][3];
    assert_eq!(
        repeat["range"]["start"],
        json!({ "line": 2, "character": 0 })
    );
    assert!(
        repeat["message"]
            .as_str()
            .unwrap()
            .starts_with("Patient name"),
        "{repeat}"
    );
    // Not-checked languages get nothing.
    s.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": s.uri("main.rs"), "languageId": "rust", "version": 1, "text": NOTE } }),
    )
    .await;
    s.quiet(Duration::from_millis(300)).await;
    // Closing clears.
    s.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    )
    .await;
    let cleared = s.diagnostics().await;
    assert_eq!(cleared["diagnostics"], json!([]));
    assert_no_phi(&s, &["Smith", "Jones", "555"]);
}

#[tokio::test]
async fn edit_gives_diagnostics_for_the_new_version_only() {
    let mut s = TestServer::new(json!({ "debounceMs": 80 })).await;
    let uri = s.open("note.txt", NOTE).await;
    assert_eq!(s.diagnostics().await["version"], 1);
    // Two quick edits: only the second is analysed and published.
    s.change(&uri, 2, [(2, 0), (2, 0)], "Mother Mary Smith visited. ")
        .await;
    s.change(&uri, 3, [(2, 0), (2, 0)], "Email jsmith@example.org. ")
        .await;
    let d = s.diagnostics().await;
    assert_eq!(d["version"], 3);
    assert_eq!(by_code(&d, "Email").len(), 1);
    assert_eq!(
        by_code(&d, "Email")[0]["range"]["start"],
        json!({ "line": 2, "character": 6 })
    );
    s.quiet(Duration::from_millis(400)).await;
    // Only the edited paragraph was analysed again.
    let sum = s
        .request(
            "workspace/executeCommand",
            json!({ "command": "deid.summary", "arguments": [uri] }),
        )
        .await
        .unwrap();
    assert_eq!(sum["version"], 3);
    assert_eq!(sum["paragraphs"]["reused"], 1, "{sum}");
    assert_eq!(sum["categories"]["Email"], 1);
    // Deleting the text drops its diagnostic.
    s.change(&uri, 4, [(2, 0), (2, 26)], "").await;
    let d = s.diagnostics().await;
    assert_eq!(d["version"], 4);
    assert!(by_code(&d, "Email").is_empty());
}

#[tokio::test]
async fn each_code_action_returns_the_right_edit() {
    let mut s = TestServer::new(json!({})).await;
    let uri = s.open("note.txt", NOTE).await;
    let d = s.diagnostics().await;
    let patient = by_code(&d, "Patient")[0].clone();
    let actions = s
        .code_actions(&uri, patient["range"].clone(), json!([patient.clone()]))
        .await;

    let redact = kind(&actions, "quickfix.deid.redact");
    assert_eq!(redact.len(), 1);
    let edit = &redact[0]["edit"];
    assert_eq!(edit["documentChanges"][0]["textDocument"]["version"], 1);
    let out = apply(NOTE, &edits_of(edit), "utf-16");
    assert!(
        out.starts_with("Patient [patient] was seen by Dr. Alan Jones"),
        "{out}"
    );

    let surrogate = kind(&actions, "quickfix.deid.surrogate");
    let fake = patient["data"]["surrogate"].as_str().unwrap();
    let out = apply(NOTE, &edits_of(&surrogate[0]["edit"]), "utf-16");
    assert!(
        out.starts_with(&format!("Patient {fake} was seen")),
        "{out}"
    );

    let allow = kind(&actions, "quickfix.deid.allow");
    assert_eq!(allow[0]["command"]["command"], "deid.allow");
    assert_eq!(
        allow[0]["command"]["arguments"][0]["range"],
        patient["range"]
    );
    let deny = kind(&actions, "quickfix.deid.deny");
    assert_eq!(deny[0]["command"]["arguments"][0]["category"], "Patient");

    // Whole-document fixes: the same text the CLI's `redact` writes.
    let all = kind(&actions, "quickfix.deid.redactAll");
    let out = apply(NOTE, &edits_of(&all[0]["edit"]), "utf-16");
    assert_eq!(
        out,
        deid_core::Engine::new(deid_core::Settings::default()).redact(NOTE)
    );
    let all = kind(&actions, "quickfix.deid.surrogateAll");
    let out = apply(NOTE, &edits_of(&all[0]["edit"]), "utf-16");
    for phi in ["John", "Smith", "Alan Jones", "3/4/2021", "555-123-4567"] {
        assert!(!out.contains(phi), "{phi} left in {out}");
    }

    // `only` narrows the list.
    let only = s
        .request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": patient["range"],
                    "context": { "diagnostics": [patient], "only": ["quickfix.deid.redactAll"] } }),
        )
        .await
        .unwrap();
    assert_eq!(only.as_array().unwrap().len(), 1);

    // The redact-all command applies the edit through the client.
    let r = s
        .request(
            "workspace/executeCommand",
            json!({ "command": "deid.redactAll", "arguments": [uri] }),
        )
        .await
        .unwrap();
    assert_eq!(r["applied"], true);
    let applied = s.recorded.lock().unwrap().applied.clone();
    let out = apply(NOTE, &edits_of(&applied[0]["edit"]), "utf-16");
    assert!(
        out.contains("[patient] denies chest pain. Call [phone]."),
        "{out}"
    );
}

#[tokio::test]
async fn surrogates_agree_across_open_notes() {
    let mut s = TestServer::new(json!({})).await;
    let a = s.open("a.txt", "Patient John Smith was admitted.\n").await;
    let da = s.diagnostics().await;
    let b = s
        .open(
            "b.txt",
            "Discharge summary. Patient John Smith, seen by Dr. Alan Jones.\n",
        )
        .await;
    let db = s.diagnostics().await;
    assert_eq!(da["uri"], a);
    assert_eq!(db["uri"], b);
    let fa = &by_code(&da, "Patient")[0]["data"]["surrogate"];
    let fb = &by_code(&db, "Patient")[0]["data"]["surrogate"];
    assert_eq!(fa, fb);
}

#[tokio::test]
async fn allow_and_deny_lists_change_later_diagnostics() {
    let mut s = TestServer::new(json!({})).await;
    let toml = s.root.path().join("deid.toml");
    std::fs::write(&toml, "# ward settings\nmin_confidence = 0.5 # tuned\n").unwrap();
    let text = "Seen by Dr. Alan Jones today.\nNightingale reviewed the chart.\n";
    let uri = s.open("note.txt", text).await;
    let d = s.diagnostics().await;
    let doctor = by_code(&d, "Doctor")[0].clone();
    let actions = s
        .code_actions(&uri, doctor["range"].clone(), json!([doctor]))
        .await;
    let cmd = kind(&actions, "quickfix.deid.allow")[0]["command"].clone();
    let r = s
        .request(
            "workspace/executeCommand",
            json!({ "command": cmd["command"], "arguments": cmd["arguments"] }),
        )
        .await
        .unwrap();
    assert_eq!(r["changed"], true);
    let d = s.diagnostics().await;
    assert!(by_code(&d, "Doctor").is_empty(), "{d}");
    let file = std::fs::read_to_string(&toml).unwrap();
    assert!(
        file.starts_with("# ward settings\nmin_confidence = 0.5 # tuned\n"),
        "{file}"
    );
    assert!(file.contains("allow = [\"Dr. Alan Jones\"]"), "{file}");

    // A selection nothing was found in: "always PHI" with a category.
    let range =
        json!({ "start": { "line": 1, "character": 0 }, "end": { "line": 1, "character": 11 } });
    let actions = s.code_actions(&uri, range, json!([])).await;
    let deny = kind(&actions, "quickfix.deid.deny");
    let patient = deny
        .iter()
        .find(|a| a["command"]["arguments"][0]["category"] == "Patient")
        .unwrap();
    let cmd = patient["command"].clone();
    s.request(
        "workspace/executeCommand",
        json!({ "command": cmd["command"], "arguments": cmd["arguments"] }),
    )
    .await
    .unwrap();
    let d = s.diagnostics().await;
    let p = by_code(&d, "Patient");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0]["range"]["start"], json!({ "line": 1, "character": 0 }));
    assert!(p[0]["message"].as_str().unwrap().contains("deny-list"));
    let file = std::fs::read_to_string(&toml).unwrap();
    assert!(file.contains("[deny]\nNightingale = \"Patient\""), "{file}");
    assert_no_phi(&s, &["Nightingale", "Jones"]);
}

#[tokio::test]
async fn configuration_changes_take_effect() {
    let mut s = TestServer::new(json!({ "severity": "information" })).await;
    let uri = s.open("note.txt", NOTE).await;
    let d = s.diagnostics().await;
    assert_eq!(d["diagnostics"][0]["severity"], 3);
    assert_eq!(by_code(&d, "Date").len(), 1);

    s.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "deid": { "excludeCategories": ["Date"], "severity": "hint", "redactionFormat": "<{TYPE}>" } } }),
    )
    .await;
    let d = s.diagnostics().await;
    assert!(by_code(&d, "Date").is_empty());
    assert_eq!(d["diagnostics"][0]["severity"], 4);
    assert_eq!(d["diagnostics"][0]["data"]["redaction"], "<PATIENT>");

    // A bad value is reported and changes nothing.
    s.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "deid": { "severity": "loud" } } }),
    )
    .await;
    s.quiet(Duration::from_millis(300)).await;
    assert!(
        s.recorded
            .lock()
            .unwrap()
            .shown
            .iter()
            .any(|m| m.contains("loud"))
    );

    // The checked languages are configurable: plain text no longer is.
    s.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "languages": ["markdown"], "extensions": [] } }),
    )
    .await;
    let d = s.diagnostics().await;
    assert_eq!(d["uri"], uri);
    assert_eq!(d["diagnostics"], json!([]));
}

#[tokio::test]
async fn watched_deid_toml_reanalyses_open_notes() {
    let caps = json!({ "workspace": {
        "didChangeWatchedFiles": { "dynamicRegistration": true },
        "workspaceEdit": { "documentChanges": false } } });
    let mut s = TestServer::with_capabilities(caps, json!({})).await;
    let uri = s.open("note.txt", NOTE).await;
    let d = s.diagnostics().await;
    assert!(by_code(&d, "Date").len() == 1);
    let regs = s.recorded.lock().unwrap().registrations.clone();
    assert_eq!(
        regs[0]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );

    let toml = s.root.path().join("deid.toml");
    std::fs::write(&toml, "exclude_categories = [\"Date\", \"Phone\"]\n").unwrap();
    let toml_uri = tower_lsp_server::ls_types::Uri::from_file_path(&toml).unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": toml_uri.as_str(), "type": 2 }] }),
    )
    .await;
    let d = s.diagnostics().await;
    assert!(by_code(&d, "Date").is_empty() && by_code(&d, "Phone").is_empty());

    // Without versioned edits the client gets plain `changes`.
    let patient = by_code(&d, "Patient")[0].clone();
    let actions = s
        .code_actions(&uri, patient["range"].clone(), json!([patient]))
        .await;
    assert!(kind(&actions, "quickfix.deid.redact")[0]["edit"]["changes"][&uri].is_array());

    // A broken file is reported; the last good configuration stays.
    std::fs::write(&toml, "min_confidense = 0.5\n").unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": toml_uri.as_str(), "type": 2 }] }),
    )
    .await;
    s.quiet(Duration::from_millis(300)).await;
    assert!(
        s.recorded
            .lock()
            .unwrap()
            .shown
            .iter()
            .any(|m| m.contains("min_confidense"))
    );
}

#[tokio::test]
async fn invalid_requests_get_errors_never_a_crash() {
    let mut s = TestServer::start();
    let e = s
        .request("textDocument/hover", json!({}))
        .await
        .unwrap_err();
    assert_eq!(e["code"], -32002, "not initialized: {e}");
    drop(s);

    let mut s = TestServer::new(json!({ "severity": 7 })).await;
    let missing = s.uri("missing.txt");
    let pos = json!({ "line": 0, "character": 0 });
    let e = s
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": missing }, "position": pos }),
        )
        .await
        .unwrap_err();
    assert_eq!(e["code"], -32602);
    let e = s
        .request("textDocument/codeAction", json!({ "textDocument": {} }))
        .await
        .unwrap_err();
    assert_eq!(e["code"], -32602);
    let e = s
        .request(
            "workspace/executeCommand",
            json!({ "command": "deid.nope", "arguments": [] }),
        )
        .await
        .unwrap_err();
    assert_eq!(e["code"], -32602);
    let e = s
        .request(
            "workspace/executeCommand",
            json!({ "command": "deid.summary", "arguments": [42] }),
        )
        .await
        .unwrap_err();
    assert_eq!(e["code"], -32602);
    let e = s
        .request(
            "workspace/executeCommand",
            json!({ "command": "deid.summary" }),
        )
        .await
        .unwrap_err();
    assert_eq!(e["code"], -32602);
    let e = s
        .request(
            "textDocument/definition",
            json!({ "textDocument": { "uri": missing }, "position": pos }),
        )
        .await
        .unwrap_err();
    assert_eq!(e["code"], -32601);
    // Edits to unknown documents and out-of-range positions are tolerated.
    s.change(&missing, 2, [(0, 0), (0, 0)], "x").await;
    let uri = s.open("note.txt", "Patient John Smith.\n").await;
    assert_eq!(s.diagnostics().await["version"], 1);
    s.change(&uri, 2, [(40, 99), (50, 3)], "\nCall 555-123-4567.")
        .await;
    let d = s.diagnostics().await;
    assert_eq!(d["version"], 2);
    assert_eq!(by_code(&d, "Phone").len(), 1);
    // Still serving.
    let r = s
        .request(
            "workspace/executeCommand",
            json!({ "command": "deid.summary", "arguments": [{ "uri": uri }] }),
        )
        .await
        .unwrap();
    assert_eq!(r["total"], 2);
    assert!(
        s.logs().iter().any(|l| l.contains("invalid deid settings")),
        "bad initializationOptions are logged"
    );
}

/// Emoji (two UTF-16 units, four bytes) and a combining mark before the name.
const WIDE: &str = "😀 e\u{301} Patient John Smith, MRN 1234567.\n";

async fn check_encoding(offered: Option<&str>, expect: &str, start: u64) {
    let mut caps = json!({ "workspace": { "workspaceEdit": { "documentChanges": true } } });
    if let Some(enc) = offered {
        caps["general"] = json!({ "positionEncodings": [enc, "utf-16"] });
    }
    let mut s = TestServer::start();
    let root = tower_lsp_server::ls_types::Uri::from_file_path(s.root.path()).unwrap();
    let init = s
        .request("initialize", json!({ "capabilities": caps, "workspaceFolders": [{ "uri": root.as_str(), "name": "w" }] }))
        .await
        .unwrap();
    assert_eq!(init["capabilities"]["positionEncoding"], expect);
    s.notify("initialized", json!({})).await;
    let uri = s.open("wide.txt", WIDE).await;
    let d = s.diagnostics().await;
    let p = by_code(&d, "Patient")[0].clone();
    assert_eq!(p["range"]["start"]["character"], start, "{expect}");
    assert_eq!(p["range"]["end"]["character"], start + 10, "{expect}");
    // An edit in the same encoding lands where the client meant it.
    let span = &p["range"];
    let range = [
        (0, span["start"]["character"].as_u64().unwrap() as u32),
        (0, span["start"]["character"].as_u64().unwrap() as u32 + 4),
    ];
    s.change(&uri, 2, range, "Jane").await;
    let d = s.diagnostics().await;
    assert_eq!(by_code(&d, "Patient")[0]["range"], p["range"]);
    s.request(
        "workspace/executeCommand",
        json!({ "command": "deid.redactAll", "arguments": [uri] }),
    )
    .await
    .unwrap();
    let applied = s.recorded.lock().unwrap().applied.clone();
    let edited = WIDE.replace("John", "Jane");
    let out = apply(&edited, &edits_of(&applied[0]["edit"]), expect);
    assert_eq!(out, "😀 e\u{301} Patient [patient], MRN [medicalrecord].\n");
    // Hover finds the span by its position in this encoding.
    let hover = s
        .request("textDocument/hover", json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": start + 1 } }))
        .await
        .unwrap();
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("**Patient name**"),
        "{hover}"
    );
    assert_eq!(hover["range"], p["range"]);
}

#[tokio::test]
async fn position_encodings() {
    check_encoding(None, "utf-16", 14).await;
    check_encoding(Some("utf-8"), "utf-8", 17).await;
    check_encoding(Some("utf-32"), "utf-32", 13).await;
}

#[tokio::test]
async fn hover_and_commands() {
    let mut s = TestServer::new(json!({})).await;
    let uri = s.open("visit.txt", NOTE).await;
    let d = s.diagnostics().await;
    let doc = by_code(&d, "Doctor")[0].clone();
    let h = s
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": doc["range"]["start"] }),
        )
        .await
        .unwrap();
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("**Doctor name** (`Doctor`), confidence 1.00"),
        "{md}"
    );
    assert!(md.contains("- rule `name.title`: Dr."), "{md}");
    let h = s
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 2 } }),
        )
        .await
        .unwrap();
    assert!(h.is_null());

    let sum = s
        .request(
            "workspace/executeCommand",
            json!({ "command": "deid.summary", "arguments": [uri] }),
        )
        .await
        .unwrap();
    assert_eq!(sum["total"], 5);
    assert_eq!(
        sum["categories"],
        json!({ "Date": 1, "Doctor": 1, "Patient": 2, "Phone": 1 })
    );

    let r = s
        .request("workspace/executeCommand", json!({ "command": "deid.deidentify", "arguments": [{ "uri": uri, "mode": "redact" }] }))
        .await
        .unwrap();
    assert!(
        r["uri"].as_str().unwrap().ends_with("/visit.deid.txt"),
        "{r}"
    );
    let written = std::fs::read_to_string(s.root.path().join("visit.deid.txt")).unwrap();
    assert_eq!(
        written,
        deid_core::Engine::new(deid_core::Settings::default()).redact(NOTE)
    );
    s.request(
        "workspace/executeCommand",
        json!({ "command": "deid.deidentify", "arguments": [{ "uri": uri, "mode": "surrogate" }] }),
    )
    .await
    .unwrap();
    let written = std::fs::read_to_string(s.root.path().join("visit.deid.txt")).unwrap();
    assert!(
        !written.contains("Smith") && written.contains("denies chest pain"),
        "{written}"
    );
}

#[tokio::test]
async fn key_file_makes_surrogates_reproducible() {
    let keys = tempfile::tempdir().unwrap();
    let key = keys.path().join("site.key");
    std::fs::write(&key, "a site secret").unwrap();
    let mut surrogates = Vec::new();
    for _ in 0..2 {
        let mut s = TestServer::new(json!({ "keyFile": key })).await;
        let _ = s.open("n.txt", NOTE).await;
        let d = s.diagnostics().await;
        surrogates.push(d["diagnostics"][0]["data"]["surrogate"].clone());
    }
    assert_eq!(surrogates[0], surrogates[1]);
    // Without a key, each session draws its own.
    let mut s = TestServer::new(json!({})).await;
    let _ = s.open("n.txt", NOTE).await;
    let d = s.diagnostics().await;
    assert_ne!(d["diagnostics"][0]["data"]["surrogate"], surrogates[0]);
}
