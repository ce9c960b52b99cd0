//! `deid surrogate`, `deid batch` and `deid mapping` end to end, on real files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_fs::TempDir;
use assert_fs::prelude::*;
use predicates::prelude::*;
use serde_json::Value;

fn deid(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("deid").unwrap();
    c.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("DEID_KEY");
    c
}

const NOTE: &str = "Patient John Smith (MRN 00123456) was seen by Dr. Alice Brennan on 03/01/2021.\n\
Mr. Smith returned on 04/15/2021. Call 617-555-1234. Lives in Springfield, IL 62704.\n";

fn stdout(c: &mut Command) -> String {
    String::from_utf8(c.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn surrogate_replaces_every_name_and_the_key_decides_the_output() {
    let dir = TempDir::new().unwrap();
    let a = stdout(
        deid(dir.path())
            .args(["surrogate", "--key", "one"])
            .write_stdin(NOTE),
    );
    let a2 = stdout(
        deid(dir.path())
            .args(["surrogate", "--key", "one"])
            .write_stdin(NOTE),
    );
    let b = stdout(
        deid(dir.path())
            .args(["surrogate", "--key", "two"])
            .write_stdin(NOTE),
    );
    let r1 = stdout(deid(dir.path()).arg("surrogate").write_stdin(NOTE));
    let r2 = stdout(deid(dir.path()).arg("surrogate").write_stdin(NOTE));
    assert_eq!(a, a2);
    assert_ne!(a, b);
    assert_ne!(r1, r2, "without a key every run draws a fresh one");
    for original in [
        "John",
        "Smith",
        "Alice",
        "Brennan",
        "00123456",
        "617-555-1234",
        "03/01/2021",
        "Springfield",
        "62704",
    ] {
        assert!(!a.contains(original), "{original} survived");
    }
    // "Mr. Smith" gets the same surname as "John Smith".
    let words: Vec<&str> = a.split_whitespace().collect();
    let surname = words[2];
    assert!(a.contains(&format!("Mr. {surname} returned")), "{a}");
    // The key never shows up.
    assert!(!a.contains("one"));
    let j: Value = serde_json::from_str(&stdout(
        deid(dir.path())
            .args(["surrogate", "--json", "--key", "one"])
            .write_stdin(NOTE),
    ))
    .unwrap();
    assert_eq!(j["outputText"], a);
}

/// Days between the first two m/d/Y dates of a text.
fn interval(text: &str) -> i64 {
    let d = dates(text);
    assert!(d.len() >= 2, "{text}");
    d[1] - d[0]
}

/// Every m/d/Y date in `text`, as days since 1970.
fn dates(text: &str) -> Vec<i64> {
    let mut out = Vec::new();
    for w in text.split_whitespace() {
        let w = w.trim_end_matches(['.', ',', ';', ')']);
        let p: Vec<&str> = w.split('/').collect();
        if p.len() == 3
            && p.iter()
                .all(|x| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit()))
        {
            let num = |i: usize| -> i64 { p[i].parse().unwrap() };
            out.push(days(num(2), num(0), num(1)));
        }
    }
    out
}

fn days(y: i64, m: i64, d: i64) -> i64 {
    deid_core::calendar::days_from_civil(y, u32::try_from(m).unwrap(), u32::try_from(d).unwrap())
}

#[test]
fn jsonl_patients_keep_their_intervals() {
    let dir = TempDir::new().unwrap();
    let lines = "{\"id\":1,\"patient\":\"p1\",\"text\":\"Seen 03/01/2021 and again 04/15/2021.\"}\n\
                 {\"id\":2,\"patient\":\"p1\",\"text\":\"Labs 03/10/2021, follow-up 05/01/2021.\"}\n\
                 {\"id\":3,\"patient\":\"p2\",\"text\":\"Seen 03/01/2021 and again 04/15/2021.\"}\n";
    let out = stdout(
        deid(dir.path())
            .args(["surrogate", "--jsonl", "--key", "k"])
            .write_stdin(lines),
    );
    let docs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 3);
    let texts: Vec<&str> = docs
        .iter()
        .map(|d| d["outputText"].as_str().unwrap())
        .collect();
    let d1 = dates(texts[0]);
    let d2 = dates(texts[1]);
    // Within and across documents of one patient, every interval is kept.
    assert_eq!(d1[1] - d1[0], days(2021, 4, 15) - days(2021, 3, 1));
    assert_eq!(d2[0] - d1[0], days(2021, 3, 10) - days(2021, 3, 1));
    assert_eq!(d2[1] - d1[1], days(2021, 5, 1) - days(2021, 4, 15));
    assert_eq!(interval(texts[2]), 45);
    assert_ne!(d1[0], days(2021, 3, 1));
}

fn write_tree(root: &Path, files: &[(&str, &[u8])]) {
    for (rel, bytes) in files {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walk(root)
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(root).unwrap().to_path_buf(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

fn walk(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(root) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn batch_mirrors_the_tree_keeps_intervals_and_reports_failures() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("in");
    write_tree(
        &input,
        &[
            (
                "a/visit1.txt",
                b"Patient Maria Gonzalez seen 03/01/2021 by Dr. Alan Reyes." as &[u8],
            ),
            (
                "a/visit2.txt",
                b"Patient Maria Gonzalez back on 04/15/2021; Dr. Reyes notified.",
            ),
            ("b/deep/note.txt", b"MRN 00123456, phone 617-555-1234."),
            ("b/bad.txt", b"caf\xe9 Maria Gonzalez"),
            ("b/skip.md", b"Patient Maria Gonzalez"),
        ],
    );
    let before = tree(&input);
    let out = dir.path().join("out");
    deid(dir.path())
        .args(["batch", "in", "out", "--key", "k", "--json"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("b/bad.txt").and(predicate::str::contains("not valid UTF-8")),
        )
        .stdout(
            predicate::str::contains("\"failed\": 1")
                .and(predicate::str::contains("\"processed\": 3")),
        );
    assert_eq!(tree(&input), before, "the input tree is untouched");
    let got = tree(&out);
    let names: Vec<String> = got.keys().map(|p| p.display().to_string()).collect();
    assert_eq!(names, ["a/visit1.txt", "a/visit2.txt", "b/deep/note.txt"]);
    let v1 = String::from_utf8(got[Path::new("a/visit1.txt")].clone()).unwrap();
    let v2 = String::from_utf8(got[Path::new("a/visit2.txt")].clone()).unwrap();
    assert!(!v1.contains("Maria") && !v1.contains("Reyes"), "{v1}");
    // One name, one surrogate, in every file of the batch.
    let fake = v1.split(" seen").next().unwrap();
    assert!(fake.starts_with("Patient ") && fake.len() > 12, "{v1}");
    assert!(v2.starts_with(fake), "{v1} / {v2}");
    // One shift for the batch: the 45 days between the visits survive.
    assert_eq!(dates(&v2)[0] - dates(&v1)[0], 45);

    // A folder per patient: each patient's intervals survive under its own shift.
    deid(dir.path())
        .args(["batch", "in", "per", "--key", "k", "--per-patient"])
        .assert()
        .code(1);
    let per = tree(&dir.path().join("per"));
    let p1 = String::from_utf8(per[Path::new("a/visit1.txt")].clone()).unwrap();
    let p2 = String::from_utf8(per[Path::new("a/visit2.txt")].clone()).unwrap();
    assert_eq!(dates(&p2)[0] - dates(&p1)[0], 45);
    assert_ne!(
        dates(&p1)[0],
        dates(&v1)[0],
        "the patient's shift differs from the batch's"
    );

    // Tag writes JSON per file; the ext filter picks markdown too.
    deid(dir.path())
        .args([
            "batch",
            "in",
            "tags",
            "--operation",
            "tag",
            "--ext",
            "txt,md",
        ])
        .assert()
        .code(1);
    let tags = tree(&dir.path().join("tags"));
    let v: Value = serde_json::from_slice(&tags[Path::new("b/skip.md.json")]).unwrap();
    assert_eq!(v["entities"][0]["category"], "Patient");
}

#[test]
fn batch_refuses_to_write_into_its_input() {
    let dir = TempDir::new().unwrap();
    dir.child("in/a.txt").write_str("Jane Doe").unwrap();
    deid(dir.path())
        .args(["batch", "in", "in/out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("must not be inside the input"));
    assert!(!dir.path().join("in/out").exists());
}

#[test]
fn same_key_same_bytes_other_key_other_bytes() {
    let dir = TempDir::new().unwrap();
    deid(dir.path())
        .args([
            "generate",
            "--count",
            "30",
            "--seed",
            "4",
            "--out-dir",
            "in",
        ])
        .assert()
        .success();
    for (out, key) in [("o1", "alpha"), ("o2", "alpha"), ("o3", "beta")] {
        deid(dir.path())
            .args(["batch", "in", out, "--key", key, "--jobs", "2"])
            .assert()
            .success();
    }
    let (o1, o2, o3) = (
        tree(&dir.path().join("o1")),
        tree(&dir.path().join("o2")),
        tree(&dir.path().join("o3")),
    );
    assert_eq!(o1.len(), 30);
    assert_eq!(o1, o2);
    assert!(o1.iter().zip(&o3).all(|((_, a), (_, b))| a != b));
}

#[test]
fn an_interrupted_batch_resumes_without_redoing_or_losing_files() {
    let dir = TempDir::new().unwrap();
    deid(dir.path())
        .args([
            "generate",
            "--count",
            "4000",
            "--seed",
            "9",
            "--out-dir",
            "in",
        ])
        .assert()
        .success();
    // The reference: one uninterrupted run with the same key.
    deid(dir.path())
        .args(["batch", "in", "full", "--key", "k"])
        .assert()
        .success();

    let bin = assert_cmd::cargo::cargo_bin("deid");
    let mut child = std::process::Command::new(&bin)
        .current_dir(dir.path())
        .args(["batch", "in", "part", "--key", "k", "--jobs", "1"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let part = dir.path().join("part");
    let started = std::time::Instant::now();
    while walk(&part).iter().filter(|p| !is_temp(p)).count() < 5
        && started.elapsed().as_secs() < 120
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let done: Vec<PathBuf> = walk(&part).into_iter().filter(|p| !is_temp(p)).collect();
    assert!(
        done.len() >= 5 && done.len() < 4000,
        "interrupted after {} files",
        done.len()
    );
    let stamps: Vec<_> = done
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().modified().unwrap())
        .collect();

    // Resuming without the key is refused: the surrogates would not match.
    deid(dir.path())
        .args(["batch", "in", "part"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("same key"));
    deid(dir.path())
        .args(["batch", "in", "part", "--key", "k"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "{} already done",
            done.len()
        )));
    for (p, t) in done.iter().zip(&stamps) {
        assert_eq!(
            &std::fs::metadata(p).unwrap().modified().unwrap(),
            t,
            "{} was redone",
            p.display()
        );
    }
    assert!(
        walk(&part).iter().all(|p| !is_temp(p)),
        "temporary files were cleaned"
    );
    assert_eq!(tree(&part), tree(&dir.path().join("full")));
}

fn is_temp(p: &Path) -> bool {
    p.file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with(".deid-tmp-")
}

#[test]
fn mapping_is_encrypted_and_reads_back_with_the_key_only() {
    let dir = TempDir::new().unwrap();
    dir.child("note.txt").write_str(NOTE).unwrap();
    deid(dir.path())
        .args(["surrogate", "note.txt", "--mapping-out", "map.bin"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs a key"));
    dir.child("secret.key").write_str("s3cret\n").unwrap();
    let out = stdout(deid(dir.path()).args([
        "surrogate",
        "note.txt",
        "--key-file",
        "secret.key",
        "--mapping-out",
        "map.bin",
    ]));
    let raw = std::fs::read(dir.path().join("map.bin")).unwrap();
    assert!(
        !raw.windows(5).any(|w| w == b"Smith"),
        "the mapping is not plain text"
    );
    let plain = stdout(deid(dir.path()).args(["mapping", "map.bin", "--key", "s3cret"]));
    let pairs: Vec<Value> = plain
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let smith = pairs
        .iter()
        .find(|p| p["original"] == "John Smith")
        .expect("John Smith mapped");
    assert_eq!(smith["category"], "Patient");
    assert!(out.contains(smith["surrogate"].as_str().unwrap()));
    deid(dir.path())
        .args(["mapping", "map.bin", "--key", "wrong"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("wrong key"));
    // The same key from the configuration file.
    dir.child("deid.toml")
        .write_str("[surrogate]\nkey_file = \"secret.key\"\n")
        .unwrap();
    let again = stdout(deid(dir.path()).args(["surrogate", "note.txt"]));
    assert_eq!(again, out);
}
