//! `tmcctl backup …` against the lab: what a backup of a workspace holds, Secrets left out by
//! default and refused unencrypted, encryption to a passphrase or an age recipient, and damaged
//! archives refused. (`restore` is not built yet.)

use std::os::unix::fs::PermissionsExt;

use age::secrecy::ExposeSecret;
use serde_json::Value;

use crate::harness::{assert_exit, scratch_dir, unique, write_file, Lab, Output};

/// A workspace with a registration, a placement and a Secret holding `canary`; returns it.
fn workspace(lab: &Lab, canary: &str) -> String {
    let (_, ws) = lab.fresh_install();
    let pc1 = lab.var("PC1_KUBECONFIG");
    let on = |args: &[&str]| {
        let mut all = vec!["--workspace", ws.as_str()];
        all.extend_from_slice(args);
        assert_exit(&lab.tmcctl(&all), 0);
    };
    on(&["cluster", "register", "pc1", "--location", "eu", "--skip-verify", "--cluster-kubeconfig", pc1]);
    on(&["placement", "create", "web", "--strategy", "Spread"]);
    let secret = format!(
        "apiVersion: v1\nkind: Secret\nmetadata: {{name: app-secret, namespace: default}}\nstringData: {{password: {canary}}}\n"
    );
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(&secret)), 0);
    ws
}

fn backup(lab: &Lab, ws: &str, dir: &str, args: &[&str]) -> Output {
    let mut all = vec!["--workspace", ws, "backup"];
    all.extend_from_slice(args);
    if args[0] == "create" {
        all.extend(["--to", dir]);
    } else {
        all.extend(["--from", dir]);
    }
    lab.tmcctl(&all)
}

fn fresh_dir() -> String {
    let dir = scratch_dir().join(unique("backups"));
    dir.display().to_string()
}

#[test]
fn a_workspace_is_backed_up_verified_described_listed_and_deleted() {
    let lab = Lab::get();
    let canary = format!("canary{}", unique("pw").replace('-', ""));
    let ws = workspace(lab, &canary);
    let dir = fresh_dir();
    let created = backup(lab, &ws, &dir, &["create", "nightly", "-o", "json"]);
    assert_exit(&created, 0);
    let report: Value = serde_json::from_str(&created.stdout).unwrap();
    assert_eq!(report["encrypted"], false);
    let file = format!("{dir}/nightly.tmcbackup");
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);

    let verified = backup(lab, &ws, &dir, &["verify", "nightly"]);
    assert_exit(&verified, 0);
    assert!(verified.stdout.contains("every digest and the manifest match"), "{}", verified.stdout);
    let described = backup(lab, &ws, &dir, &["describe", "nightly", "-o", "json"]);
    assert_exit(&described, 0);
    let manifest = &serde_json::from_str::<Value>(&described.stdout).unwrap()["manifest"];
    let count = |kind: &str| {
        manifest["kinds"].as_array().unwrap().iter().find(|k| k["kind"] == kind).map(|k| k["count"].as_u64().unwrap())
    };
    assert_eq!(count("ClusterRegistration"), Some(1));
    assert_eq!(count("WorkloadPlacement"), Some(1));
    assert_eq!(count("Secret"), None, "Secrets are left out unless asked for");
    assert_eq!(manifest["includesSecrets"], false);
    assert!(manifest["kinds"].as_array().unwrap().iter().all(|k| !k["resourceVersion"].as_str().unwrap().is_empty()));
    assert!(!std::fs::read(&file).unwrap().windows(canary.len()).any(|w| w == canary.as_bytes()));

    let listed = backup(lab, &ws, &dir, &["list"]);
    assert!(listed.stdout.lines().any(|l| l.starts_with("nightly ") && l.contains(" no ")), "{}", listed.stdout);
    let refused = backup(lab, &ws, &dir, &["delete", "nightly"]);
    assert_exit(&refused, 2);
    assert_exit(&backup(lab, &ws, &dir, &["delete", "nightly", "--yes"]), 0);
    assert!(!std::path::Path::new(&file).exists());
    assert_exit(&backup(lab, &ws, &dir, &["verify", "nightly"]), 6);
}

#[test]
fn secrets_are_refused_in_plaintext_and_sealed_to_a_passphrase_or_a_recipient() {
    let lab = Lab::get();
    let canary = format!("canary{}", unique("pw").replace('-', ""));
    let ws = workspace(lab, &canary);
    let dir = fresh_dir();
    let plaintext = backup(lab, &ws, &dir, &["create", "s", "--include-secrets"]);
    assert_exit(&plaintext, 2);
    assert!(plaintext.stderr.contains("must be encrypted"), "{}", plaintext.stderr);
    assert!(!std::path::Path::new(&format!("{dir}/s.tmcbackup")).exists(), "a refused backup wrote a file");

    let passphrase = write_file("passphrase", "correct horse battery\n");
    let sealed = backup(lab, &ws, &dir, &["create", "s", "--include-secrets", "--passphrase-file", &passphrase]);
    assert_exit(&sealed, 0);
    let bytes = std::fs::read(format!("{dir}/s.tmcbackup")).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"), "not sealed with age");
    assert_exit(&backup(lab, &ws, &dir, &["verify", "s"]), 2);
    let wrong = write_file("wrong", "not it\n");
    assert_exit(&backup(lab, &ws, &dir, &["verify", "s", "--passphrase-file", &wrong]), 5);
    let described = backup(lab, &ws, &dir, &["describe", "s", "--passphrase-file", &passphrase, "-o", "json"]);
    assert_exit(&described, 0);
    let manifest = &serde_json::from_str::<Value>(&described.stdout).unwrap()["manifest"];
    assert_eq!(manifest["includesSecrets"], true);

    let identity = age::x25519::Identity::generate();
    let recipient = identity.to_public().to_string();
    let to_key = backup(lab, &ws, &dir, &["create", "k", "--include-secrets", "--encrypt-to", &recipient]);
    assert_exit(&to_key, 0);
    let identity_file = write_file("identity", &format!("{}\n", identity.to_string().expose_secret()));
    assert_exit(&backup(lab, &ws, &dir, &["verify", "k", "--identity-file", &identity_file]), 0);
    for out in [&plaintext, &sealed, &described, &to_key] {
        assert!(!out.stdout.contains(&canary) && !out.stderr.contains(&canary), "the Secret's value was printed");
    }
}

#[test]
fn a_damaged_or_truncated_backup_fails_verification_naming_the_cause() {
    let lab = Lab::get();
    let ws = workspace(lab, "unused");
    let dir = fresh_dir();
    assert_exit(&backup(lab, &ws, &dir, &["create", "good"]), 0);
    let file = format!("{dir}/good.tmcbackup");
    let bytes = std::fs::read(&file).unwrap();
    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 0x10;
    std::fs::write(format!("{dir}/flipped.tmcbackup"), flipped).unwrap();
    std::fs::write(format!("{dir}/cut.tmcbackup"), &bytes[..bytes.len() - 10]).unwrap();
    for name in ["flipped", "cut"] {
        let out = backup(lab, &ws, &dir, &["verify", name]);
        assert_exit(&out, 10);
        assert!(out.stderr.contains(&format!("backup \"{name}\" failed verification")), "{}", out.stderr);
        assert!(out.stderr.contains("damaged or truncated"), "{}", out.stderr);
    }
    assert_exit(&backup(lab, &ws, &dir, &["verify", "good"]), 0);
}
