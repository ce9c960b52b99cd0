//! `deid watch` as a process: outputs appear as files arrive, the log names
//! files and counts only, and SIGTERM stops it cleanly.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOTE: &str = "Seen by Dr. John Smith on 3/4/2021.\nPatient Mary Jones, age 45.\n";

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn signal(pid: u32, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill {sig} {pid}");
}

fn watch(dir: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_deid"))
        .current_dir(dir)
        .args(["watch", "in", "out", "--key", "watch test", "--jobs", "2"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn watch_deidentifies_arrivals_logs_without_phi_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(dir.path().join("in/old.txt"), NOTE).unwrap();
    let child = watch(dir.path());
    let out = dir.path().join("out");
    wait_for("the existing file", || out.join("old.txt").exists());
    std::fs::create_dir(dir.path().join("in/ward")).unwrap();
    std::fs::write(dir.path().join("in/ward/new.txt"), NOTE).unwrap();
    std::fs::write(dir.path().join("in/bad.txt"), b"bad \xff\n").unwrap();
    wait_for("the new file", || out.join("ward/new.txt").exists());
    let new = std::fs::read_to_string(out.join("ward/new.txt")).unwrap();
    assert!(!new.contains("Smith") && !new.contains("Mary"), "{new}");
    assert_eq!(
        std::fs::read_to_string(out.join("old.txt")).unwrap(),
        new,
        "one key for the session"
    );
    std::thread::sleep(Duration::from_millis(800));
    signal(child.id(), "-TERM");
    let output = child.wait_with_output().unwrap();
    let log = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{:?}\n{log}", output.status);
    assert!(output.stdout.is_empty());
    assert!(log.contains("deid: watch: watching in → "), "{log}");
    assert!(log.contains("old.txt: 4 PHI span(s)"), "{log}");
    assert!(log.contains("ward/new.txt: 4 PHI span(s)"), "{log}");
    assert!(
        log.contains(
            "bad.txt: failed: bad.txt is not valid UTF-8 (first invalid byte at offset 4)"
        ),
        "{log}"
    );
    assert!(log.contains("deid: watch: stopping"), "{log}");
    assert!(
        log.contains("deid: watch: stopped: 2 done, 1 failed, 0 left in the queue"),
        "{log}"
    );
    for phi in ["Smith", "Mary", "Jones", "3/4/2021"] {
        assert!(!log.contains(phi), "the log holds {phi}:\n{log}");
    }
}

#[test]
fn watch_stops_on_ctrl_c_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    let child = watch(dir.path());
    wait_for("the output folder", || dir.path().join("out").exists());
    std::thread::sleep(Duration::from_millis(500));
    signal(child.id(), "-INT");
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
}

#[test]
fn watch_refuses_an_output_inside_the_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_deid"))
        .current_dir(dir.path())
        .args(["watch", "in", "in/out"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.contains("must not be inside the input folder"), "{err}");
}
