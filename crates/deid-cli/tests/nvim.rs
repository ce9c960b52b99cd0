//! End to end with a real editor: headless Neovim runs the plugin from
//! `editors/nvim` against `deid lsp`, waits for diagnostics, runs
//! `:DeidRedact` and the buffer must read as `deid redact` writes the note.
//!
//! Skipped (with a note) when `nvim` is not installed, unless
//! `DEID_REQUIRE_NVIM` is set, as CI sets it.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

const NOTE: &str = "Patient John Smith was seen by Dr. Alan Jones on 3/4/2021.\n\nSmith denies chest pain. Call 555-123-4567.\n";

#[test]
#[allow(clippy::print_stderr)]
fn neovim_redacts_a_note_through_the_plugin() {
    if Command::new("nvim").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("DEID_REQUIRE_NVIM").is_none(),
            "nvim is required (DEID_REQUIRE_NVIM is set)"
        );
        eprintln!("skipped: nvim is not installed");
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let plugin = repo.join("editors/nvim");
    let dir = tempfile::tempdir().unwrap();
    let note = dir.path().join("note.txt");
    std::fs::write(&note, NOTE).unwrap();
    let out = dir.path().join("out.txt");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-i", "NONE", "-u"])
        .arg(plugin.join("tests/e2e.lua"))
        .env("DEID_BIN", env!("CARGO_BIN_EXE_deid"))
        .env("DEID_PLUGIN", &plugin)
        .env("DEID_NOTE", &note)
        .env("DEID_OUT", &out)
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .current_dir(dir.path())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("starting nvim");
    // Neovim waits at most 2 × 20 s inside the script.
    let deadline = std::time::Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish in 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let result = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(status.success(), "nvim failed: {result}");
    let mut lines = result.lines();
    assert_eq!(lines.next(), Some("diagnostics 5"), "{result}");
    let text: Vec<&str> = lines.collect();
    assert_eq!(
        text.join("\n") + "\n",
        "Patient [patient] was seen by [doctor] on [date].\n\n[patient] denies chest pain. Call [phone].\n"
    );
}
