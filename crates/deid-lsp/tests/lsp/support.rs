//! An in-process client: the server runs on in-memory streams, and the test
//! speaks JSON-RPC to it as an editor would. Server requests (applyEdit,
//! registerCapability, configuration) are answered automatically and recorded;
//! log messages are kept aside. Dropping a `TestServer` with an unread message
//! fails the test.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc;
use tower_lsp_server::ls_types::notification::Notification;

const TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Default)]
pub(crate) struct Recorded {
    pub(crate) logs: Vec<String>,
    pub(crate) shown: Vec<String>,
    pub(crate) applied: Vec<Value>,
    pub(crate) registrations: Vec<Value>,
    /// What `workspace/configuration` answers (one value per item).
    pub(crate) configuration: Value,
}

pub(crate) struct TestServer {
    writer: Arc<tokio::sync::Mutex<DuplexStream>>,
    rx: mpsc::UnboundedReceiver<Value>,
    pending: VecDeque<Value>,
    next_id: i64,
    pub(crate) recorded: Arc<Mutex<Recorded>>,
    pub(crate) root: tempfile::TempDir,
}

impl TestServer {
    /// A server initialized with UTF-16, versioned workspace edits, and
    /// `options` as `initializationOptions`.
    pub(crate) async fn new(options: Value) -> Self {
        Self::with_capabilities(
            json!({ "workspace": { "workspaceEdit": { "documentChanges": true } } }),
            options,
        )
        .await
    }

    pub(crate) async fn with_capabilities(capabilities: Value, options: Value) -> Self {
        Self::launched(capabilities, options, deid_lsp::Launch::default()).await
    }

    /// [`with_capabilities`](Self::with_capabilities) for a server started
    /// with `launch`.
    pub(crate) async fn launched(
        capabilities: Value,
        options: Value,
        launch: deid_lsp::Launch,
    ) -> Self {
        let mut s = Self::start_with(launch);
        let root = s.root.path().to_path_buf();
        let folder = tower_lsp_server::ls_types::Uri::from_file_path(&root).unwrap();
        let result = s
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "capabilities": capabilities,
                    "workspaceFolders": [{ "uri": folder.as_str(), "name": "ws" }],
                    "initializationOptions": options,
                }),
            )
            .await
            .expect("initialize succeeds");
        assert_eq!(result["serverInfo"]["name"], "deid");
        s.notify("initialized", json!({})).await;
        s
    }

    /// A server not yet initialized.
    pub(crate) fn start() -> Self {
        Self::start_with(deid_lsp::Launch::default())
    }

    fn start_with(launch: deid_lsp::Launch) -> Self {
        let (req_client, req_server) = tokio::io::duplex(1 << 20);
        let (resp_server, resp_client) = tokio::io::duplex(1 << 20);
        let (service, socket) = deid_lsp::service_with(launch);
        tokio::spawn(tower_lsp_server::Server::new(req_server, resp_server, socket).serve(service));
        let writer = Arc::new(tokio::sync::Mutex::new(req_client));
        let recorded = Arc::new(Mutex::new(Recorded {
            configuration: Value::Null,
            ..Recorded::default()
        }));
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(read_loop(
            resp_client,
            Arc::clone(&writer),
            Arc::clone(&recorded),
            tx,
        ));
        TestServer {
            writer,
            rx,
            pending: VecDeque::new(),
            next_id: 0,
            recorded,
            root: tempfile::tempdir().unwrap(),
        }
    }

    pub(crate) async fn notify(&mut self, method: &str, params: Value) {
        send(
            &self.writer,
            &json!({ "jsonrpc": "2.0", "method": method, "params": params }),
        )
        .await;
    }

    /// Sends a request and waits for its answer: `Ok(result)` or `Err(error)`.
    /// Notifications that arrive meanwhile are kept for `recv`.
    pub(crate) async fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        send(
            &self.writer,
            &json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }),
        )
        .await;
        loop {
            let msg = self.next_raw().await;
            if msg.get("method").is_none() && msg["id"] == id {
                return match msg.get("error") {
                    Some(e) => Err(e.clone()),
                    None => Ok(msg["result"].clone()),
                };
            }
            self.pending.push_back(msg);
        }
    }

    async fn next_raw(&mut self) -> Value {
        tokio::time::timeout(TIMEOUT, self.rx.recv())
            .await
            .expect("a message from the server in time")
            .expect("the server is running")
    }

    /// The next message, which must be notification `N`; its params.
    pub(crate) async fn recv<N: Notification>(&mut self) -> N::Params {
        let msg = match self.pending.pop_front() {
            Some(m) => m,
            None => self.next_raw().await,
        };
        assert_eq!(msg["method"], N::METHOD, "unexpected message: {msg}");
        serde_json::from_value(msg["params"].clone()).expect("params of the right shape")
    }

    /// The next `publishDiagnostics`, as JSON.
    pub(crate) async fn diagnostics(&mut self) -> Value {
        let msg = match self.pending.pop_front() {
            Some(m) => m,
            None => self.next_raw().await,
        };
        assert_eq!(
            msg["method"], "textDocument/publishDiagnostics",
            "unexpected message: {msg}"
        );
        msg["params"].clone()
    }

    /// Asserts that the server sends nothing for `wait`.
    pub(crate) async fn quiet(&mut self, wait: Duration) {
        assert!(self.pending.is_empty(), "unread: {:?}", self.pending);
        if let Ok(Some(msg)) = tokio::time::timeout(wait, self.rx.recv()).await {
            panic!("unexpected message: {msg}");
        }
    }

    pub(crate) fn uri(&self, name: &str) -> String {
        let path = self.root.path().join(name);
        std::fs::write(&path, "").unwrap();
        tower_lsp_server::ls_types::Uri::from_file_path(&path)
            .unwrap()
            .as_str()
            .to_owned()
    }

    /// Opens `text` as `name` (plain text, version 1); returns its URI.
    pub(crate) async fn open(&mut self, name: &str, text: &str) -> String {
        let uri = self.uri(name);
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 1, "text": text } }),
        )
        .await;
        uri
    }

    /// Replaces `range` ((line, col) pairs) of `uri` with `text` as `version`.
    pub(crate) async fn change(
        &mut self,
        uri: &str,
        version: i32,
        range: [(u32, u32); 2],
        text: &str,
    ) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "range": {
                    "start": { "line": range[0].0, "character": range[0].1 },
                    "end": { "line": range[1].0, "character": range[1].1 } }, "text": text }]
            }),
        )
        .await;
    }

    pub(crate) async fn code_actions(
        &mut self,
        uri: &str,
        range: Value,
        diagnostics: Value,
    ) -> Vec<Value> {
        let r = self
            .request(
                "textDocument/codeAction",
                json!({ "textDocument": { "uri": uri }, "range": range, "context": { "diagnostics": diagnostics } }),
            )
            .await
            .expect("code actions");
        r.as_array().cloned().unwrap_or_default()
    }

    pub(crate) fn logs(&self) -> Vec<String> {
        self.recorded.lock().unwrap().logs.clone()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let unread: Vec<Value> = self
            .pending
            .drain(..)
            .chain(std::iter::from_fn(|| self.rx.try_recv().ok()))
            .collect();
        assert!(
            unread.is_empty(),
            "messages from the server went unread: {unread:?}"
        );
    }
}

async fn send(writer: &tokio::sync::Mutex<DuplexStream>, msg: &Value) {
    let body = serde_json::to_string(msg).unwrap();
    let mut w = writer.lock().await;
    w.write_all(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes())
        .await
        .unwrap();
    w.flush().await.unwrap();
}

async fn read_loop(
    stream: DuplexStream,
    writer: Arc<tokio::sync::Mutex<DuplexStream>>,
    recorded: Arc<Mutex<Recorded>>,
    tx: mpsc::UnboundedSender<Value>,
) {
    let mut reader = BufReader::new(stream);
    loop {
        let mut len = 0;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length:") {
                len = v.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; len];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        let msg: Value = serde_json::from_slice(&body).unwrap();
        let method = msg["method"].as_str().unwrap_or_default().to_owned();
        let is_request = msg.get("id").is_some() && !method.is_empty();
        match method.as_str() {
            "window/logMessage" => {
                recorded.lock().unwrap().logs.push(
                    msg["params"]["message"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                );
                continue;
            }
            "window/showMessage" => {
                recorded.lock().unwrap().shown.push(
                    msg["params"]["message"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                );
                continue;
            }
            _ => {}
        }
        if is_request {
            let result = {
                let mut r = recorded.lock().unwrap();
                match method.as_str() {
                    "workspace/applyEdit" => {
                        r.applied.push(msg["params"].clone());
                        json!({ "applied": true })
                    }
                    "client/registerCapability" => {
                        r.registrations.push(msg["params"].clone());
                        Value::Null
                    }
                    "workspace/configuration" => json!([r.configuration.clone()]),
                    _ => Value::Null,
                }
            };
            send(
                &writer,
                &json!({ "jsonrpc": "2.0", "id": msg["id"], "result": result }),
            )
            .await;
            continue;
        }
        if tx.send(msg).is_err() {
            return;
        }
    }
}
