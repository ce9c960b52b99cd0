//! `deid tui` end to end in a real terminal: tmux runs it on a temporary
//! folder, a file is added, the screen is read with `capture-pane` (with
//! escape sequences, to see the highlights), keys are pressed, and after `q`
//! (or Ctrl-C) the terminal must be back as it was. Skipped without tmux
//! unless `DEID_REQUIRE_TMUX` is set; `.ci/run` installs tmux and sets it.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const NOTE: &str = "Seen by Dr. John Smith on 3/4/2021.\nPatient Mary Jones, age 45.\n";

/// A tmux server of our own, killed when the test ends.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(dir: &Path, name: &str) -> Self {
        let tmux = Tmux {
            socket: format!("deid-e2e-{}-{name}", std::process::id()),
        };
        let out = tmux.cmd(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "100",
            "-y",
            "30",
            "-c",
            &dir.display().to_string(),
            "bash --norc --noprofile",
        ]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        tmux.type_line("PS1='READY$ '");
        tmux.wait("the shell prompt", |s| s.contains("READY$ "));
        tmux
    }

    fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux is required for this test (.ci/run installs it)")
    }

    fn type_line(&self, line: &str) {
        self.cmd(&["send-keys", "-t", "e2e", "-l", line]);
        self.keys("Enter");
    }

    fn keys(&self, keys: &str) {
        self.cmd(&["send-keys", "-t", "e2e", keys]);
    }

    /// The screen as text, or with escape sequences (`-e`).
    fn screen(&self, escapes: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", "e2e"];
        if escapes {
            args.push("-e");
        }
        String::from_utf8_lossy(&self.cmd(&args).stdout).into_owned()
    }

    fn display(&self, format: &str) -> String {
        let out = self.cmd(&["display-message", "-p", "-t", "e2e", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Waits until the plain screen satisfies `ok`; returns it.
    fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_on(what, false, ok)
    }

    fn wait_on(&self, what: &str, escapes: bool, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let s = self.screen(escapes);
            if ok(&s) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; the screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn start_tui(&self) {
        let deid = env!("CARGO_BIN_EXE_deid");
        self.type_line(&format!(
            "env -u NO_COLOR '{deid}' tui in --out out --key e2e --jobs 1; echo EXIT=$?"
        ));
        self.wait("the TUI", |s| s.contains("Files 0/0"));
        assert_eq!(
            self.display("#{alternate_on}"),
            "1",
            "on the alternate screen"
        );
    }

    /// The terminal is back: main screen, cursor shown, the shell prompt after the exit line.
    fn assert_restored(&self) {
        let s = self.wait("the shell", |s| s.contains("EXIT=0\nREADY$"));
        assert!(
            !s.contains("Files"),
            "the TUI is gone from the screen:\n{s}"
        );
        assert_eq!(
            self.display("#{alternate_on}"),
            "0",
            "alternate screen left"
        );
        assert_eq!(self.display("#{cursor_flag}"), "1", "cursor visible");
        // The shell reads lines again (cooked mode, echo on).
        self.type_line("echo back-$((40+2))");
        self.wait("the shell to answer", |s| s.contains("back-42"));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

/// The SGR parameters right before `text` on its line of an `-e` capture.
fn style_before(screen: &str, text: &str) -> String {
    let line = screen.lines().find(|l| l.contains(text)).unwrap_or("");
    let at = line.find(text).unwrap_or(0);
    let before = &line[..at];
    let mut params = Vec::new();
    let mut rest = before;
    // The escape sequences directly before the text, last first.
    while let Some(stripped) = rest.strip_suffix('m') {
        let Some(start) = stripped.rfind("\x1b[") else {
            break;
        };
        params.push(stripped[start + 2..].to_owned());
        rest = &stripped[..start];
    }
    params.join(";")
}

/// False (with a note) when tmux is missing, unless `DEID_REQUIRE_TMUX` is
/// set, as `.ci/run` sets it: then a missing tmux fails the test.
#[allow(clippy::print_stderr)]
fn have_tmux() -> bool {
    if Command::new("tmux").arg("-V").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("DEID_REQUIRE_TMUX").is_none(),
        "tmux is required (DEID_REQUIRE_TMUX is set)"
    );
    eprintln!("skipped: tmux is not installed");
    false
}

#[test]
fn tui_processes_highlights_reacts_to_keys_and_restores_the_terminal() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    let tmux = Tmux::start(dir.path(), "main");
    tmux.start_tui();

    std::fs::write(dir.path().join("in/note.txt"), NOTE).unwrap();
    let s = tmux.wait("the file to be processed", |s| {
        s.contains("✓") && s.contains("note.txt") && s.contains("Entities 4")
    });
    assert!(s.contains("1/1"), "the gauge counts it:\n{s}");
    assert_eq!(
        s.matches("John Smith").count(),
        2,
        "in the original pane and the entity list, not the output:\n{s}"
    );
    let colored = tmux.screen(true);
    let style = style_before(&colored, "Dr. John Smith");
    assert!(
        style.contains("38;5;5") || style.contains("35"),
        "the doctor's name is magenta: {style:?}"
    );
    let style = style_before(&colored, "3/4/2021");
    assert!(
        style.contains("38;5;3") || style.contains("33"),
        "the date is yellow: {style:?}"
    );
    let out = std::fs::read_to_string(dir.path().join("out/note.txt")).unwrap();
    assert!(
        out.starts_with("Seen by Dr. ") && !out.contains("John Smith"),
        "{out}"
    );

    tmux.keys("o");
    tmux.wait("the tag view", |s| {
        s.contains("Output: tag") && s.contains("Smith[Doctor]")
    });
    tmux.keys("e");
    tmux.wait_on("the first entity reversed", true, |s| {
        style_before(s, "Dr. John Smith").contains('7')
    });
    tmux.keys("?");
    tmux.wait("the help", |s| {
        s.contains("Help") && s.contains("mark file reviewed")
    });
    tmux.keys("x");
    tmux.wait("the help to close", |s| !s.contains("mark file reviewed"));

    let out = tmux.cmd(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    assert!(out.status.success(), "{out:?}");
    tmux.wait("the screen to follow the resize", |s| {
        let lines: Vec<&str> = s.lines().collect();
        lines.len() >= 24
            && lines[23].contains("q quit")
            && lines.iter().all(|l| l.chars().count() <= 80)
    });

    tmux.keys("q");
    tmux.assert_restored();
}

#[test]
fn tui_restores_the_terminal_on_ctrl_c() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(dir.path().join("in/note.txt"), NOTE).unwrap();
    let tmux = Tmux::start(dir.path(), "ctrl-c");
    let deid = env!("CARGO_BIN_EXE_deid");
    tmux.type_line(&format!("'{deid}' tui in --key e2e; echo EXIT=$?"));
    tmux.wait("the file", |s| {
        s.contains("Entities 4") && s.contains("preview only")
    });
    tmux.keys("C-c");
    tmux.assert_restored();
    assert!(
        !dir.path().join("out").exists(),
        "no --out, nothing written"
    );
}
