//! The checked-in completions, man pages and CLI reference must match the command tree, and
//! the guides must build with no broken link.
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

/// The mdBook to build the guides with: `TMCCTL_MDBOOK` (scripts/test.sh sets it), else the
/// one scripts/docs.sh caches (the version pinned there), else `mdbook` on PATH.
fn mdbook() -> String {
    if let Ok(path) = std::env::var("TMCCTL_MDBOOK") {
        return path;
    }
    let script = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/docs.sh")).unwrap();
    let version = script.lines().find_map(|l| l.strip_prefix("MDBOOK_VERSION=")).unwrap_or_default();
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(&std::env::var_os("HOME").unwrap_or_default()).join(".cache"));
    let cached = cache.join(format!("tmcctl-tools/mdbook-{version}/bin/mdbook"));
    if cached.exists() {
        cached.display().to_string()
    } else {
        "mdbook".into()
    }
}

/// Every value of `attribute="…"` in an HTML text.
fn attribute_values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let marker = format!("{attribute}=\"");
    let mut values = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&marker) {
        let after = &rest[start + marker.len()..];
        let Some(end) = after.find('"') else { break };
        values.push(&after[..end]);
        rest = &after[end..];
    }
    values
}

fn html_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            html_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "html") {
            found.push(path);
        }
    }
}

#[test]
fn the_guides_build_with_mdbook_and_no_link_is_broken() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let built = std::process::Command::new(mdbook())
        .args(["build", "docs", "--dest-dir"])
        .arg(out.path())
        .current_dir(root)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} ({e}); install it with scripts/docs.sh", mdbook()));
    assert!(built.status.success(), "mdbook build failed: {}", String::from_utf8_lossy(&built.stderr));
    let mut pages = Vec::new();
    html_files(out.path(), &mut pages);
    assert!(pages.len() > 15, "the book has only {} pages", pages.len());
    let ids = |path: &Path| -> Vec<String> {
        let html = std::fs::read_to_string(path).unwrap_or_default();
        attribute_values(&html, "id").into_iter().map(String::from).collect()
    };
    let mut broken = Vec::new();
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        let links = attribute_values(&html, "href").into_iter().chain(attribute_values(&html, "src"));
        for link in links {
            if link.is_empty() || link.contains("://") || link.starts_with("mailto:") || link.starts_with("javascript:")
            {
                continue;
            }
            let (file, fragment) = link.split_once('#').unwrap_or((link, ""));
            let file = file.split('?').next().unwrap_or_default();
            let target = match file {
                "" => page.clone(),
                // The 404 page links from the site's root (mdBook's site-url, "/").
                absolute if absolute.starts_with('/') => out.path().join(absolute.trim_start_matches('/')),
                relative => page.parent().unwrap().join(relative),
            };
            let target = if target.is_dir() { target.join("index.html") } else { target };
            let name = page.strip_prefix(out.path()).unwrap().display().to_string();
            if !target.exists() {
                broken.push(format!("{name}: {link} (no such file)"));
            } else if !fragment.is_empty()
                && target.extension().is_some_and(|e| e == "html")
                && !ids(&target).iter().any(|id| id == fragment)
            {
                broken.push(format!("{name}: {link} (no such anchor)"));
            }
        }
    }
    assert!(broken.is_empty(), "broken links in the guides:\n{}", broken.join("\n"));
}
