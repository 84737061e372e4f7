//! The checked-in completions and man pages must match the command tree.
//! Regenerate with `TMCCTL_UPDATE_GENERATED=1 cargo test --test cli docs`.

use std::path::Path;

#[test]
fn generated_completions_and_man_pages_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("TMCCTL_UPDATE_GENERATED").is_some();
    let mut stale = Vec::new();
    for (path, content) in tmcctl::docs::generated_files() {
        let file = root.join(&path);
        if update {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, &content).unwrap();
        } else if std::fs::read(&file).ok().as_deref() != Some(content.as_slice()) {
            stale.push(path);
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files (run TMCCTL_UPDATE_GENERATED=1 cargo test --test cli docs): {stale:?}"
    );
}

#[test]
fn completion_command_prints_the_checked_in_script() {
    let out = crate::harness::tmcctl(&["completion", "bash"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let checked_in =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/tmcctl.bash")).unwrap();
    assert_eq!(out.stdout, checked_in);
    let bad = crate::harness::tmcctl(&["completion", "tcsh"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("tcsh"), "{}", bad.stderr);
}
