//! The `deid` binary end to end: output shapes, exit codes and bad input.

use assert_cmd::Command;
use assert_fs::TempDir;
use assert_fs::prelude::*;
use predicates::prelude::*;
use serde_json::Value;

fn deid(dir: &TempDir) -> Command {
    let mut c = Command::cargo_bin("deid").unwrap();
    c.current_dir(dir.path()).env("NO_COLOR", "1");
    c
}

const NOTE: &str = "Seen by Dr. Smith on 03/14/2021. 👍🏽 MRN: 00123456.";

#[test]
fn tag_json_has_azure_shape_and_exit_1() {
    let dir = TempDir::new().unwrap();
    let out = deid(&dir)
        .args(["tag", "--json"])
        .write_stdin(NOTE)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let ents = v["entities"].as_array().unwrap();
    let cats: Vec<&str> = ents
        .iter()
        .map(|e| e["category"].as_str().unwrap())
        .collect();
    assert_eq!(cats, ["Doctor", "Date", "MedicalRecord"]);
    let mrn = &ents[2];
    let start = NOTE.find("00123456").unwrap();
    assert_eq!(mrn["offset"]["utf8"], start);
    assert_eq!(mrn["offset"]["codePoint"], NOTE[..start].chars().count());
    assert_eq!(mrn["offset"]["utf16"], NOTE[..start].encode_utf16().count());
    assert_eq!(mrn["length"]["utf8"], 8);
    assert_eq!(mrn["text"], "00123456");
    assert!(mrn["confidenceScore"].as_f64().unwrap() > 0.5);
    assert!(mrn["reasons"][0].as_str().unwrap().contains("mrn"));
}

#[test]
fn tag_without_phi_exits_0() {
    let dir = TempDir::new().unwrap();
    deid(&dir)
        .arg("tag")
        .write_stdin("BP 120/80, GCS 15/15, Foley catheter in place.")
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn redact_default_and_custom_format() {
    let dir = TempDir::new().unwrap();
    deid(&dir)
        .arg("redact")
        .write_stdin(NOTE)
        .assert()
        .success()
        .stdout("Seen by [doctor] on [date]. 👍🏽 MRN: [medicalrecord].");
    deid(&dir)
        .args(["redact", "--format", "*{len}"])
        .write_stdin("Seen by Dr. Smith.")
        .assert()
        .stdout("Seen by *********.");
    deid(&dir)
        .args(["redact", "--format", "{type}{type}"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("more than once"));
}

#[test]
fn jsonl_keeps_ids_and_reports_bad_lines_without_text() {
    let dir = TempDir::new().unwrap();
    let input = "{\"id\": \"a\", \"text\": \"Dr. Smith\"}\n{\"id\": 2, \"text\": 5}\nnot json Garcia\n{\"id\": \"c\", \"text\": \"nothing here\"}\n";
    let assert = deid(&dir)
        .args(["redact", "--jsonl"])
        .write_stdin(input)
        .assert()
        .code(2);
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["outputText"], "[doctor]");
    assert_eq!(lines[1]["id"], "c");
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("line 2") && err.contains("line 3"), "{err}");
    assert!(!err.contains("Garcia"), "stderr leaked input text: {err}");
}

#[test]
fn invalid_utf8_names_file_and_offset_and_lossy_works() {
    let dir = TempDir::new().unwrap();
    let f = dir.child("bad.txt");
    f.write_binary(b"Seen by Dr. Smith \xff\xfe today").unwrap();
    deid(&dir)
        .args(["tag", "bad.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.txt is not valid UTF-8 (first invalid byte at offset 18)",
        ));
    deid(&dir)
        .args(["redact", "--lossy", "bad.txt"])
        .assert()
        .success()
        .stdout("Seen by [doctor] \u{fffd}\u{fffd} today");
    // The input is never touched.
    assert_eq!(
        std::fs::read(f.path()).unwrap(),
        b"Seen by Dr. Smith \xff\xfe today"
    );
}

#[test]
fn binary_and_missing_files_are_refused() {
    let dir = TempDir::new().unwrap();
    dir.child("x.bin").write_binary(b"\x00\x01\x02PK").unwrap();
    deid(&dir)
        .args(["tag", "x.bin"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("binary"));
    deid(&dir)
        .args(["tag", "missing.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("reading missing.txt"));
}

#[test]
fn empty_input_gives_empty_output() {
    let dir = TempDir::new().unwrap();
    deid(&dir)
        .arg("redact")
        .write_stdin("")
        .assert()
        .success()
        .stdout("");
}

#[test]
fn config_is_found_in_parents_and_bad_keys_are_named() {
    let dir = TempDir::new().unwrap();
    dir.child("deid.toml")
        .write_str("categories = [\"Date\"]\nredaction_format = \"<{TYPE}>\"\n")
        .unwrap();
    dir.child("sub").create_dir_all().unwrap();
    let mut c = Command::cargo_bin("deid").unwrap();
    c.current_dir(dir.child("sub").path())
        .arg("redact")
        .write_stdin(NOTE)
        .assert()
        .stdout("Seen by Dr. Smith on <DATE>. 👍🏽 MRN: 00123456.");
    dir.child("deid.toml")
        .write_str("min_confidense = 0.3\n")
        .unwrap();
    deid(&dir)
        .arg("tag")
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("min_confidense"));
}

#[test]
fn eval_scores_a_gold_file() {
    let dir = TempDir::new().unwrap();
    let gold = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/eval/tiny.jsonl"
    );
    let out = deid(&dir)
        .args(["eval", "--gold", gold, "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["documents"], 3);
}

#[test]
fn generate_is_deterministic() {
    let dir = TempDir::new().unwrap();
    let a = deid(&dir)
        .args(["generate", "--seed", "3", "--count", "5"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let b = deid(&dir)
        .args(["generate", "--seed", "3", "--count", "5"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(a, b);
    assert_eq!(String::from_utf8(a).unwrap().lines().count(), 5);
}
