//! `deid serve` as a process, killed with SIGKILL in the middle of a job and
//! started again on the same job state: the job finishes with every document
//! processed exactly once, and documents finished before the kill are not
//! redone.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const V: &str = "api-version=2024-11-15";
const TOKEN: &str = "restart-test-token";
/// `printf %s restart-test-token | sha256sum`
const TOKEN_SHA256: &str = "2a10ada6f667f2ed490290723bcb9ef570a623284353a1b6b649600dea6db714";
const NOTES: usize = 300;
const JOB: &str = "restart-job";

struct Server {
    child: Child,
    port: u16,
    log: mpsc::Receiver<String>,
    reader: Option<std::thread::JoinHandle<()>>,
    start_log: Vec<String>,
}

impl Server {
    // The child is waited for in `kill` or on drop.
    #[allow(clippy::zombie_processes)]
    fn start(dir: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_deid"))
            .current_dir(dir)
            .args([
                "serve",
                "--plain-http",
                "--listen",
                "127.0.0.1:0",
                "--server-config",
                "server.toml",
                "--job-workers",
                "1",
            ])
            .env("DEID_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, log) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut start_log = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = log.recv_timeout(left).expect("deid serve did not start");
            if let Some(rest) = line.split("listening on http://127.0.0.1:").nth(1) {
                let port = rest.split_whitespace().next().unwrap().parse().unwrap();
                return Server {
                    child,
                    port,
                    log,
                    reader: Some(reader),
                    start_log,
                };
            }
            start_log.push(line);
        }
    }

    fn kill(mut self) -> Vec<String> {
        let ok = Command::new("kill")
            .args(["-KILL", &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -KILL {}", self.child.id());
        self.child.wait().unwrap();
        // The pipe closes with the process; the reader then ends.
        self.reader.take().unwrap().join().unwrap();
        let mut lines = std::mem::take(&mut self.start_log);
        lines.extend(self.log.try_iter());
        lines
    }

    /// One request; answers the status and the JSON body.
    fn call(&self, method: &str, uri: &str, body: Option<&Value>) -> (u16, Value) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let body = body.map(Value::to_string).unwrap_or_default();
        let req = format!(
            "{method} {uri} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAuthorization: Bearer {TOKEN}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        s.write_all(req.as_bytes()).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let raw = String::from_utf8(raw).unwrap();
        let (head, rest) = raw.split_once("\r\n\r\n").unwrap();
        let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
        let body = if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            dechunk(rest)
        } else {
            rest.to_owned()
        };
        let json = if body.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&body).unwrap()
        };
        (status, json)
    }

    fn job(&self) -> Value {
        let (s, j) = self.call("GET", &format!("/jobs/{JOB}?{V}"), None);
        assert_eq!(s, 200, "{j}");
        j
    }

    /// Every document of the job, following nextLink.
    fn documents(&self) -> Vec<Value> {
        let mut uri = format!("/jobs/{JOB}/documents?{V}&maxpagesize=100");
        let mut docs = Vec::new();
        loop {
            let (s, j) = self.call("GET", &uri, None);
            assert_eq!(s, 200, "{j}");
            docs.extend(j["value"].as_array().unwrap().iter().cloned());
            match j["nextLink"].as_str() {
                Some(next) => {
                    let after_scheme = next.split_once("://").unwrap().1;
                    after_scheme[after_scheme.find('/').unwrap()..].clone_into(&mut uri);
                }
                None => return docs,
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = Command::new("kill")
                .args(["-KILL", &self.child.id().to_string()])
                .status();
            let _ = self.child.wait();
        }
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    loop {
        let (size, rest) = s.split_once("\r\n").unwrap();
        let n = usize::from_str_radix(size.trim(), 16).unwrap();
        if n == 0 {
            return out;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
}

fn wait_for(what: &str, secs: u64, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Document input name → (status, output etag).
fn by_input(docs: &[Value]) -> BTreeMap<String, (String, String)> {
    let mut m = BTreeMap::new();
    for d in docs {
        let input = d["input"]["location"].as_str().unwrap().to_owned();
        let out = d["output"]["etag"].as_str().unwrap_or_default().to_owned();
        let status = d["status"].as_str().unwrap().to_owned();
        assert!(
            m.insert(input.clone(), (status, out)).is_none(),
            "{input} listed twice"
        );
    }
    m
}

#[test]
fn a_job_killed_mid_run_resumes_and_processes_every_document_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let notes = dir.join("notes");
    let input = notes.join("in");
    let ok = Command::new(env!("CARGO_BIN_EXE_deid"))
        .args(["generate", "--seed", "7", "--count", &NOTES.to_string()])
        .arg("--out-dir")
        .arg(&input)
        .status()
        .unwrap()
        .success();
    assert!(ok);
    // The same notes with their PHI spans, for the names to look for.
    let jsonl = Command::new(env!("CARGO_BIN_EXE_deid"))
        .args(["generate", "--seed", "7", "--count", &NOTES.to_string()])
        .output()
        .unwrap();
    assert!(jsonl.status.success());
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    for (i, line) in String::from_utf8(jsonl.stdout).unwrap().lines().enumerate() {
        let note: Value = serde_json::from_str(line).unwrap();
        let file = format!("note-{:05}.txt", i + 1);
        assert_eq!(
            std::fs::read_to_string(input.join(&file)).unwrap(),
            note["text"].as_str().unwrap()
        );
        let spans = note["spans"].as_array().unwrap();
        names.insert(
            file,
            spans
                .iter()
                .filter(|s| matches!(s["category"].as_str(), Some("Patient" | "Doctor")))
                .map(|s| s["text"].as_str().unwrap().to_owned())
                .collect(),
        );
    }
    assert_eq!(names.len(), NOTES);
    std::fs::write(
        dir.join("server.toml"),
        format!(
            "state = \"state/jobs.db\"\nroots = [{:?}]\n\n[[tokens]]\nname = \"test\"\n\
             role = \"DeID Data Owner\"\nsha256 = \"{TOKEN_SHA256}\"\n",
            notes.to_str().unwrap()
        ),
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("state")).unwrap();

    let server = Server::start(dir);
    let url = format!("file://{}/", notes.to_str().unwrap());
    let (s, j) = server.call(
        "PUT",
        &format!("/jobs/{JOB}?{V}"),
        Some(&json!({
            "operation": "Surrogate",
            "sourceLocation": {"location": url, "prefix": "in/", "extensions": ["txt"]},
            "targetLocation": {"location": url, "prefix": "out/"}
        })),
    );
    assert_eq!(s, 201, "{j}");

    // Kill it once some documents are done and some are not.
    let mut before = Value::Null;
    wait_for("the job to be half done", 600, || {
        before = server.job();
        assert!(
            before["status"] == "NotStarted" || before["status"] == "Running",
            "{before}"
        );
        let done = before["summary"]["successful"].as_u64().unwrap_or(0);
        done >= 20
    });
    let docs_before = server.documents();
    let log_before = server.kill();
    let done_before = by_input(&docs_before)
        .into_iter()
        .filter(|(_, (status, _))| status == "Succeeded")
        .collect::<BTreeMap<_, _>>();
    assert!(
        done_before.len() < NOTES,
        "the job finished before the kill; raise NOTES"
    );

    let server = Server::start(dir);
    let mut after = Value::Null;
    wait_for("the resumed job to finish", 600, || {
        after = server.job();
        after["status"] != "Running" && after["status"] != "NotStarted"
    });
    assert_eq!(after["status"], "Succeeded", "{after}");
    let total = u64::try_from(NOTES).unwrap();
    assert_eq!(after["summary"]["total"], total, "{after}");
    assert_eq!(after["summary"]["successful"], total, "{after}");
    assert_eq!(after["summary"]["failed"], 0, "{after}");
    assert_eq!(after["summary"]["canceled"], 0, "{after}");
    assert_eq!(after["createdAt"], before["createdAt"]);

    // Each document listed once, succeeded; those done before the kill kept
    // their output untouched.
    let docs = by_input(&server.documents());
    assert_eq!(docs.len(), NOTES);
    for (input, (status, etag)) in &docs {
        assert_eq!(status, "Succeeded", "{input}");
        if let Some((_, old)) = done_before.get(input) {
            assert_eq!(etag, old, "{input} was processed again after the restart");
        }
    }

    // Every output exists, complete, without the notes' names.
    let outputs: BTreeSet<String> = std::fs::read_dir(notes.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "txt"))
        .collect();
    let inputs: BTreeSet<String> = names.keys().cloned().collect();
    assert_eq!(outputs, inputs);
    let mut checked = 0;
    for (file, people) in &names {
        let original = std::fs::read_to_string(input.join(file)).unwrap();
        let out = std::fs::read_to_string(notes.join("out").join(file)).unwrap();
        assert_eq!(
            out.lines().count(),
            original.lines().count(),
            "{file} is incomplete"
        );
        assert_eq!(out.ends_with('\n'), original.ends_with('\n'), "{file}");
        // The names the rules find in the original (their recall is not
        // what this test measures) are gone from the output.
        let (s, tagged) = server.call(
            "POST",
            &format!("/deid?{V}"),
            Some(&json!({"inputText": original, "operation": "Tag"})),
        );
        assert_eq!(s, 200, "{tagged}");
        let found: Vec<&str> = tagged["taggerResult"]["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| matches!(e["category"].as_str(), Some("Patient" | "Doctor")))
            .filter_map(|e| e["text"].as_str())
            .filter(|t| t.len() >= 4)
            // A title alone (a name wrapped onto the next line) keeps its form.
            .filter(|t| {
                !matches!(
                    t.trim_end_matches('.'),
                    "Mr" | "Mrs" | "Ms" | "Miss" | "Mx" | "Dr"
                )
            })
            .collect();
        if !people.is_empty() && !found.is_empty() {
            checked += 1;
        }
        for &name in &found {
            // Only a name found at every occurrence must be gone.
            let tagged = found.iter().filter(|&&f| f == name).count();
            if original.matches(name).count() > tagged {
                continue;
            }
            // As a whole word: a different surrogate name may contain it
            // ("Juana" for someone else where the note names "Juan").
            assert!(!names_word(&out, name), "{file} still names {name}");
        }
    }
    assert!(checked > NOTES / 2, "names found in {checked} notes only");
    let log_after = server.kill();

    // The logs name no one.
    let logs = [log_before, log_after].concat().join("\n");
    assert!(logs.contains("resuming unfinished jobs"), "{logs}");
    for name in names.values().flatten().filter(|n| n.len() >= 5) {
        assert!(!logs.contains(name.as_str()), "the log names {name}");
    }
}

/// Whether `name` occurs in `text` as a whole word (not inside a longer one).
fn names_word(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn whole_word_names_ignore_longer_names() {
    assert!(names_word("Seen by Juan today.", "Juan"));
    assert!(names_word("Juan", "Juan"));
    assert!(!names_word("his sister Juana Dinkins", "Juan"));
    assert!(!names_word("San Juanito", "Juan"));
    assert!(names_word("Juana and Juan", "Juan"));
}
