//! `tmcctl backup …` against the lab: what a backup of a workspace holds, Secrets left out by
//! default and refused unencrypted, encryption to a passphrase or an age recipient, and damaged
//! archives refused, restores, and the same through the lab's S3 store.

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

#[test]
fn a_backup_restores_into_another_workspace_and_skips_what_exists() {
    let _shared = crate::harness::using_clusters();
    let lab = Lab::get();
    let ws = workspace(lab, "unused");
    // The placement's decision, which a restore must keep.
    assert_exit(&lab.tmcctl(&["--workspace", &ws, "controller", "run", "--once", "--leader-elect=false"]), 0);
    let decided =
        lab.kubectl(&ws, &["get", "workloadplacements.tmc.kcp.io", "web", "-o", "jsonpath={.status.decisions}"], None);
    assert!(decided.stdout.contains("pc1"), "no decision to keep: {}", decided.stdout);
    let dir = fresh_dir();
    let passphrase = write_file("passphrase", "restore me\n");
    assert_exit(&backup(lab, &ws, &dir, &["create", "b", "--include-secrets", "--passphrase-file", &passphrase]), 0);

    let (provider, _) = lab.fresh_install();
    let target = format!("root:{}", unique("r"));
    assert_exit(
        &lab.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &target, "--create-workspaces"]),
        0,
    );
    let mapping = format!("{ws}={target}");
    let restore = |extra: &[&str]| {
        let mut args =
            vec!["restore", "b", "--from", &dir, "--passphrase-file", &passphrase, "--workspace-mapping", &mapping];
        args.extend_from_slice(extra);
        lab.tmcctl(&args)
    };
    let planned = restore(&["--plan"]);
    assert_exit(&planned, 0);
    assert!(
        planned.stdout.contains("ClusterRegistration pc1") && planned.stdout.contains("create"),
        "{}",
        planned.stdout
    );
    let nothing = lab.kubectl(&target, &["get", "clusterregistrations.tmc.kcp.io", "-o", "name"], None);
    assert!(nothing.stdout.trim().is_empty(), "--plan wrote: {}", nothing.stdout);
    // Into a workspace that does not exist: the plan says it would be made and bound to the
    // provider the backup recorded, and makes nothing.
    let unborn = unique("unborn");
    let elsewhere = format!("{ws}=root:{unborn}");
    let planned = lab.tmcctl(&[
        "restore",
        "b",
        "--from",
        &dir,
        "--passphrase-file",
        &passphrase,
        "--workspace-mapping",
        &elsewhere,
        "--plan",
    ]);
    assert_exit(&planned, 0);
    assert!(planned.stdout.contains("would create the workspace and bind"), "{}", planned.stdout);
    assert!(
        planned.stdout.contains("ClusterRegistration pc1") && !planned.stdout.contains("skip"),
        "{}",
        planned.stdout
    );
    let workspaces = lab.kubectl("root", &["get", "workspaces", "-o", "name"], None);
    assert!(!workspaces.stdout.contains(&unborn), "--plan created the workspace");

    let restored = restore(&[]);
    assert_exit(&restored, 0);
    assert!(restored.stderr.contains("0 failed"), "{}", restored.stderr);
    let spec = |w: &str, what: &str, path: &str| {
        lab.kubectl(w, &["get", what, "-o", &format!("jsonpath={path}")], None).stdout
    };
    let registration = "clusterregistrations.tmc.kcp.io/pc1";
    assert_eq!(spec(&target, registration, "{.spec}"), spec(&ws, registration, "{.spec}"));
    let placement = "workloadplacements.tmc.kcp.io/web";
    assert_eq!(spec(&target, placement, "{.spec}"), spec(&ws, placement, "{.spec}"));
    assert_eq!(spec(&target, placement, "{.status.decisions}"), decided.stdout, "the decision was not kept");
    let secret = lab.kubectl(
        &target,
        &["get", "secret", "app-secret", "-n", "default", "-o", "jsonpath={.data.password}"],
        None,
    );
    assert_exit(&secret, 0);
    assert!(!secret.stdout.is_empty(), "the Secret was not restored");

    // Again, and into the source itself: everything exists and is left as it is (F22).
    for again in [restore(&[]), lab.tmcctl(&["restore", "b", "--from", &dir, "--passphrase-file", &passphrase])] {
        assert_exit(&again, 0);
        assert!(again.stderr.contains("0 created") && again.stderr.contains("0 failed"), "{}", again.stderr);
        assert!(again.stdout.lines().skip(1).all(|l| l.contains("skip (exists)")), "{}", again.stdout);
    }
}

#[test]
fn a_backup_goes_to_the_s3_store_encrypted_and_comes_back_from_it() {
    let lab = Lab::get();
    let canary = format!("canary{}", unique("pw").replace('-', ""));
    let ws = workspace(lab, &canary);
    let prefix = unique("fleet");
    let url = format!("s3://{}/{prefix}", lab.var("S3_BUCKET"));
    let passphrase = write_file("passphrase", "off to the bucket\n");
    let s3 = |args: &[&str]| {
        let mut all = vec!["--workspace", ws.as_str()];
        all.extend_from_slice(args);
        lab.tmcctl_with_s3(&all)
    };
    let created = s3(&[
        "backup",
        "create",
        "n1",
        "--include-secrets",
        "--passphrase-file",
        &passphrase,
        "--to",
        &url,
        "-o",
        "json",
    ]);
    assert_exit(&created, 0);
    let report: Value = serde_json::from_str(&created.stdout).unwrap();
    assert_eq!(report["path"], format!("{url}/n1.tmcbackup"));
    // What the store holds (its posix backend keeps objects as files): sealed, no Secret value.
    let stored = std::path::Path::new(lab.var("LAB_STATE"))
        .join("s3")
        .join(lab.var("S3_BUCKET"))
        .join(&prefix)
        .join("n1.tmcbackup");
    let bytes = std::fs::read(&stored).unwrap_or_else(|e| panic!("{}: {e}", stored.display()));
    assert!(bytes.starts_with(b"age-encryption.org/v1"), "not sealed with age");
    assert!(!bytes.windows(canary.len()).any(|w| w == canary.as_bytes()));

    let listed = s3(&["backup", "list", "--from", &url]);
    assert_exit(&listed, 0);
    assert!(listed.stdout.lines().any(|l| l.starts_with("n1 ") && l.contains(" yes ")), "{}", listed.stdout);
    let verified = s3(&["backup", "verify", "n1", "--from", &url, "--passphrase-file", &passphrase]);
    assert_exit(&verified, 0);
    let planned = s3(&["restore", "n1", "--from", &url, "--passphrase-file", &passphrase, "--plan"]);
    assert_exit(&planned, 0);
    assert!(planned.stdout.lines().skip(1).all(|l| l.contains("skip (exists)")), "{}", planned.stdout);

    // Wrong keys: refused by the store, named, nothing read; a missing bucket is named.
    let mut wrong = std::process::Command::new(env!("CARGO_BIN_EXE_tmcctl"));
    wrong.args(["backup", "list", "--from", &url]).env("HOME", crate::harness::scratch_dir());
    for key in ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_REGION"] {
        wrong.env(key, lab.var(key));
    }
    let refused = crate::harness::run_command(wrong.env("AWS_SECRET_ACCESS_KEY", "not-the-key"));
    assert_exit(&refused, 5);
    assert!(
        refused.stderr.contains("SignatureDoesNotMatch") && refused.stderr.contains("AWS_SECRET_ACCESS_KEY"),
        "{}",
        refused.stderr
    );
    let missing = s3(&["backup", "list", "--from", "s3://no-such-bucket/x"]);
    assert_exit(&missing, 6);
    assert!(missing.stderr.contains("NoSuchBucket"), "{}", missing.stderr);

    // The same store through a shared profile (keys in credentials, region and endpoint in
    // config), no AWS variable but the profile's name and files; a profile not there is named.
    let profile = |name: &str| {
        let credentials = write_file(
            "aws-credentials",
            &format!(
                "[other]\naws_access_key_id = nobody\naws_secret_access_key = nothing\n\n[lab]\naws_access_key_id = {}\naws_secret_access_key = {}\n",
                lab.var("AWS_ACCESS_KEY_ID"),
                lab.var("AWS_SECRET_ACCESS_KEY")
            ),
        );
        let config = write_file(
            "aws-config",
            &format!(
                "[profile lab]\nregion = {}\nendpoint_url = {}\n",
                lab.var("AWS_REGION"),
                lab.var("AWS_ENDPOINT_URL")
            ),
        );
        let mut command = crate::harness::tmcctl_command();
        command
            .args(["backup", "list", "--from", &url])
            .env("AWS_PROFILE", name)
            .env("AWS_SHARED_CREDENTIALS_FILE", credentials)
            .env("AWS_CONFIG_FILE", config);
        crate::harness::run_command(&mut command)
    };
    let through_profile = profile("lab");
    assert_exit(&through_profile, 0);
    assert!(through_profile.stdout.lines().any(|l| l.starts_with("n1 ")), "{}", through_profile.stdout);
    let no_profile = profile("nope");
    assert_exit(&no_profile, 3);
    assert!(no_profile.stderr.contains("AWS profile \"nope\""), "{}", no_profile.stderr);

    assert_exit(&s3(&["backup", "delete", "n1", "--from", &url, "--yes"]), 0);
    assert!(!stored.exists(), "the object is still in the store");
    assert_exit(&s3(&["backup", "verify", "n1", "--from", &url, "--passphrase-file", &passphrase]), 6);
    for out in [&created, &listed, &verified, &planned] {
        assert!(!out.stdout.contains(&canary) && !out.stderr.contains(&canary), "the Secret's value was printed");
    }
}

#[test]
fn prune_removes_only_what_the_backup_lacks_and_asks_first() {
    let lab = Lab::get();
    let ws = workspace(lab, "unused");
    let kept = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kept, namespace: default}\ndata: {a: b}\n";
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(kept)), 0);
    let dir = fresh_dir();
    assert_exit(&backup(lab, &ws, &dir, &["create", "p"]), 0);
    // Since the backup: a stray ConfigMap and a second placement.
    let stray = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stray, namespace: default}\ndata: {a: b}\n";
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(stray)), 0);
    assert_exit(&lab.tmcctl(&["--workspace", &ws, "placement", "create", "later", "--strategy", "Spread"]), 0);
    let restore = |extra: &[&str]| {
        let mut args = vec!["restore", "p", "--from", &dir, "--prune"];
        args.extend_from_slice(extra);
        lab.tmcctl(&args)
    };
    let planned = restore(&["--plan"]);
    assert_exit(&planned, 0);
    let prunes: Vec<&str> = planned.stdout.lines().filter(|l| l.trim_end().ends_with("prune")).collect();
    assert_eq!(prunes.len(), 2, "{}", planned.stdout);
    assert!(
        prunes[0].contains("WorkloadPlacement later") && prunes[1].contains("ConfigMap default/stray"),
        "{prunes:?}"
    );
    assert!(!planned.stdout.contains("kube-root-ca.crt"), "the server's own ConfigMap is never pruned");
    // No terminal to ask on: refused, nothing deleted.
    assert_exit(&restore(&[]), 2);
    assert_exit(&lab.kubectl(&ws, &["get", "configmap", "stray", "-n", "default"], None), 0);
    let pruned = restore(&["--yes"]);
    assert_exit(&pruned, 0);
    assert!(pruned.stderr.contains("2 pruned") && pruned.stderr.contains("0 failed"), "{}", pruned.stderr);
    assert_exit(&lab.kubectl(&ws, &["get", "configmap", "stray", "-n", "default"], None), 1);
    assert_exit(&lab.kubectl(&ws, &["get", "workloadplacements.tmc.kcp.io", "later"], None), 1);
    assert_exit(&lab.kubectl(&ws, &["get", "workloadplacements.tmc.kcp.io", "web"], None), 0);
    assert_exit(&lab.kubectl(&ws, &["get", "configmap", "kube-root-ca.crt", "-n", "default"], None), 0);
    assert_exit(&lab.kubectl(&ws, &["get", "configmap", "kept", "-n", "default"], None), 0);
    // Secrets are not in this backup: the workspace's Secret is not a candidate.
    assert_exit(&lab.kubectl(&ws, &["get", "secret", "app-secret", "-n", "default"], None), 0);
}

#[test]
fn an_interrupted_restore_leaves_a_journal_and_a_rerun_finishes_it_creating_nothing_twice() {
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let count = 300;
    let maps: String = (0..count)
        .map(|i| format!("apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: m{i}, namespace: default}}\ndata: {{i: \"{i}\"}}\n---\n"))
        .collect();
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", &write_file(&unique("maps"), &maps)], None), 0);
    let dir = fresh_dir();
    assert_exit(&backup(lab, &ws, &dir, &["create", "j"]), 0);
    let (_, target) = lab.fresh_install();
    let mapping = format!("{ws}={target}");
    let args = ["--kubeconfig", lab.kcp_kubeconfig(), "restore", "j", "--from", &dir, "--workspace-mapping", &mapping];
    let count_in_target = || {
        let out = lab.kubectl(&target, &["get", "configmaps", "-n", "default", "-o", "name"], None);
        out.stdout.lines().filter(|l| l.starts_with("configmap/m")).count()
    };
    // Stops a run of the restore once `progress` more objects are in; returns the journal's path
    // and how much it says was applied.
    let interrupt = |signal: &str, code: i32, progress: usize| {
        let before = count_in_target();
        let child = crate::harness::tmcctl_command()
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        crate::harness::eventually("the restore to be under way", std::time::Duration::from_secs(60), || {
            (count_in_target() >= before + progress).then_some(())
        });
        let kill = std::process::Command::new("kill").args([&format!("-{signal}"), &child.id().to_string()]).status();
        assert!(kill.unwrap().success());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(code), "{stderr}");
        let journal_path = stderr
            .split("journal: ")
            .nth(1)
            .and_then(|r| r.lines().next())
            .unwrap_or_else(|| panic!("{stderr}"))
            .to_string();
        let journal: Value = serde_json::from_slice(&std::fs::read(&journal_path).unwrap()).unwrap();
        assert_eq!(journal["signal"], format!("SIG{signal}"));
        let applied = journal["applied"].as_array().unwrap().len();
        let pending = journal["pending"].as_array().unwrap().len();
        assert!(applied > 0 && pending > 0, "applied {applied}, pending {pending}");
        // Nothing after the signal: what is there is what the journals say was written.
        assert_eq!(count_in_target(), before + applied);
        (journal_path, applied)
    };
    let (_, first) = interrupt("INT", 130, 5);
    // A second stop (as a service manager stops it) resumes where the first left off.
    let (journal_path, second) = interrupt("TERM", 143, 5);
    let applied = first + second;

    let rerun = lab.tmcctl(&args[2..]);
    assert_exit(&rerun, 0);
    assert!(rerun.stderr.contains("resuming the restore"), "{}", rerun.stderr);
    assert!(rerun.stderr.contains(&format!("restored {} created", count - applied)), "{}", rerun.stderr);
    assert_eq!(count_in_target(), count);
    assert!(!std::path::Path::new(&journal_path).exists(), "the journal outlived the finished restore");
}

#[test]
fn an_archive_restore_would_refuse_for_its_size_is_not_written_and_the_earlier_one_stays() {
    let lab = Lab::get();
    let ws = workspace(lab, "unused");
    let dir = fresh_dir();
    assert_exit(&backup(lab, &ws, &dir, &["create", "nightly"]), 0);
    let good = std::fs::read(format!("{dir}/nightly.tmcbackup")).unwrap();
    // The limits restore reads within, made small enough for this workspace to exceed.
    let refused = backup(lab, &ws, &dir, &["create", "nightly", "--max-size", "4Ki"]);
    assert_exit(&refused, 1);
    assert!(
        refused.stderr.contains("backup \"nightly\" not written") && refused.stderr.contains("--max-size"),
        "{}",
        refused.stderr
    );
    assert_eq!(std::fs::read(format!("{dir}/nightly.tmcbackup")).unwrap(), good, "the earlier backup changed");
    let left: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    assert_eq!(left, ["nightly.tmcbackup"], "something else was written");
    // And restore refuses what exceeds the size it is given, before writing anything.
    let (provider, _) = lab.fresh_install();
    let target = format!("root:{}", unique("r"));
    assert_exit(
        &lab.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &target, "--create-workspaces"]),
        0,
    );
    let mapping = format!("{ws}={target}");
    let restore = |size: &str| {
        lab.tmcctl(&[
            "restore",
            "nightly",
            "--from",
            &dir,
            "--workspace-mapping",
            &mapping,
            "--yes",
            "--max-size",
            size,
        ])
    };
    let small = restore("4Ki");
    assert_exit(&small, 10);
    assert!(small.stderr.contains("is larger than the 4096 bytes"), "{}", small.stderr);
    let nothing = lab.kubectl(&target, &["get", "clusterregistrations.tmc.kcp.io", "-o", "name"], None);
    assert!(nothing.stdout.trim().is_empty(), "a refused restore wrote: {}", nothing.stdout);
    assert_exit(&restore("2Gi"), 0);
}

#[test]
fn a_full_disk_fails_the_backup_and_leaves_the_earlier_one_intact() {
    let lab = Lab::get();
    let ws = workspace(lab, "unused");
    // A 256 KiB file system of its own, so "full" is real (ENOSPC from the kernel).
    let dir = scratch_dir().join(unique("tiny"));
    std::fs::create_dir_all(&dir).unwrap();
    let mount = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        mount.status.success(),
        "this test mounts a tmpfs (needs root): {}",
        String::from_utf8_lossy(&mount.stderr)
    );
    struct Unmount(std::path::PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(dir.clone());
    let dir_text = dir.display().to_string();
    assert_exit(&backup(lab, &ws, &dir_text, &["create", "nightly"]), 0);
    let good = std::fs::read(dir.join("nightly.tmcbackup")).unwrap();
    // Fill what is left, then try again.
    let filler = std::fs::File::create(dir.join("filler")).unwrap();
    let mut writer = std::io::BufWriter::new(filler);
    while std::io::Write::write_all(&mut writer, &[0u8; 4096]).and_then(|()| std::io::Write::flush(&mut writer)).is_ok()
    {
    }
    drop(writer);
    let full = backup(lab, &ws, &dir_text, &["create", "nightly"]);
    assert_exit(&full, 1);
    assert!(full.stderr.contains("the disk is full"), "{}", full.stderr);
    assert_eq!(std::fs::read(dir.join("nightly.tmcbackup")).unwrap(), good, "the earlier backup changed");
    let left: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    assert!(left.iter().all(|n| n == "nightly.tmcbackup" || n == "filler"), "a temporary file was left: {left:?}");
    assert_exit(&backup(lab, &ws, &dir_text, &["verify", "nightly"]), 0);
}

#[test]
fn a_backup_taken_during_updates_is_a_snapshot_per_kind() {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::SeqCst};
    use std::sync::Arc;
    let lab = Lab::get();
    let ws = workspace(lab, "unused");
    let counter = |name: &str, n: u64| {
        format!("apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {name}, namespace: default}}\ndata: {{count: \"{n}\"}}\n")
    };
    // Three writers, one ConfigMap each, updating as fast as kubectl goes (about 10 a second in all).
    let stop = Arc::new(AtomicBool::new(false));
    let written: Arc<Vec<AtomicU64>> = Arc::new((0..3).map(|_| AtomicU64::new(0)).collect());
    for w in 0..3 {
        assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(&counter(&format!("counter{w}"), 0))), 0);
    }
    let started = std::time::Instant::now();
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let (stop, written, ws) = (stop.clone(), written.clone(), ws.clone());
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(SeqCst) {
                    n += 1;
                    if lab.kubectl(&ws, &["apply", "-f", "-"], Some(&counter(&format!("counter{w}"), n))).code == 0 {
                        written[w].store(n, SeqCst);
                    }
                }
            })
        })
        .collect();
    let dir = fresh_dir();
    let mut seen = Vec::new();
    for round in 0..3 {
        std::thread::sleep(std::time::Duration::from_millis(700));
        let before = written[0].load(SeqCst);
        let name = format!("busy{round}");
        assert_exit(&backup(lab, &ws, &dir, &["create", &name]), 0);
        let after = written[0].load(SeqCst);
        let described = backup(lab, &ws, &dir, &["describe", &name, "-o", "json"]);
        let manifest = &serde_json::from_str::<Value>(&described.stdout).unwrap()["manifest"];
        let configmaps = manifest["kinds"].as_array().unwrap().iter().find(|k| k["kind"] == "ConfigMap").unwrap();
        let resource_version: u64 = configmaps["resourceVersion"].as_str().unwrap().parse().unwrap();
        // The archived counter is one the writer wrote while the backup ran (a write in
        // flight when `after` was read may be in it too).
        let archive = tmcctl::backup::decode(&std::fs::read(format!("{dir}/{name}.tmcbackup")).unwrap()).unwrap();
        let archived = archive.objects.iter().find(|o| o.object["metadata"]["name"] == "counter0").unwrap();
        let n: u64 = archived.object["data"]["count"].as_str().unwrap().parse().unwrap();
        assert!(before <= n && n <= after + 1, "counter {n} outside [{before}, {}]", after + 1);
        seen.push((resource_version, n));
    }
    stop.store(true, SeqCst);
    for writer in writers {
        writer.join().unwrap();
    }
    let total: u64 = written.iter().map(|w| w.load(SeqCst)).sum();
    let rate = total as f64 / started.elapsed().as_secs_f64();
    // (about 10/s alone; less under the whole suite's load, but never a standstill)
    assert!(rate >= 3.0, "the writers managed only {rate:.1} updates/s");
    // Later backups see later states: both the recorded resourceVersion and the counter grow.
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1), "{seen:?}");
}

#[test]
fn a_schedule_is_run_by_the_controller_encrypted_keeping_the_newest_and_its_errors_shown() {
    let lab = Lab::get();
    let (provider, ws) = lab.fresh_install();
    let secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: app-secret, namespace: default}\nstringData: {password: scheduled}\n";
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(secret)), 0);
    assert_exit(&lab.tmcctl(&["--workspace", &ws, "placement", "create", "web", "--strategy", "Spread"]), 0);
    let dir = fresh_dir();
    // Two backups the schedule recorded writing on earlier days, one made by hand, and one
    // named like the schedule's with a date to come (a name anyone can give): with --keep 2,
    // the oldest the schedule wrote goes after the first run; the others stay, as retention
    // goes by the schedule's record, never by names.
    std::fs::create_dir_all(&dir).unwrap();
    for old in ["nightly-20260101-000000", "nightly-20260102-000000", "nightly-by-hand", "nightly-20991231-000000"] {
        std::fs::write(format!("{dir}/{old}.tmcbackup"), b"old").unwrap();
    }
    let identity = age::x25519::Identity::generate();
    let recipient = identity.to_public().to_string();
    let schedule = |args: &[&str]| {
        let mut all = vec!["backup", "schedule"];
        all.extend_from_slice(args);
        all.extend(["--provider-workspace", &provider]);
        lab.tmcctl(&all)
    };
    let refused = schedule(&["create", "nightly", "--every", "1h", "--keep", "2", "--include-secrets"]);
    assert_exit(&refused, 2);
    assert!(refused.stderr.contains("encryptTo"), "{}", refused.stderr);
    let every = schedule(&["create", "nightly", "--every", "5s", "--keep", "2"]);
    assert_exit(&every, 2);
    assert!(every.stderr.contains("every \"5s\"") && every.stderr.contains("1m"), "{}", every.stderr);
    let created = schedule(&[
        "create",
        "nightly",
        "--every",
        "1h",
        "--keep",
        "2",
        "--to",
        &dir,
        "--workspaces",
        &ws,
        "--include-secrets",
        "--encrypt-to",
        &recipient,
    ]);
    assert_exit(&created, 0);
    let record = r#"[{"name":"nightly-20260101-000000","createdAt":"2026-01-01T00:00:00Z"},{"name":"nightly-20260102-000000","createdAt":"2026-01-02T00:00:00Z"}]"#;
    let annotate = ["annotate", "configmap", "nightly", "-n", "tmc-system", &format!("tmc.kcp.io/backups={record}")];
    assert_exit(&lab.kubectl(&provider, &annotate, None), 0);

    let controller = crate::harness::Controller::start_all_bound(lab, &provider, &["--leader-elect=false"]);
    let (rows, _) = crate::harness::eventually("the schedule's first run", std::time::Duration::from_secs(60), || {
        let listed = schedule(&["list", "-o", "json"]);
        let rows: Value = serde_json::from_str(&listed.stdout).ok()?;
        rows[0]["lastBackup"].is_string().then_some(rows)
    });
    let backup_name = rows[0]["lastBackup"].as_str().unwrap().to_string();
    assert!(rows[0]["lastError"].is_null(), "{rows}");
    let mut left: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    left.sort();
    let mut expected = vec![
        "nightly-20260102-000000.tmcbackup".to_string(),
        format!("{backup_name}.tmcbackup"),
        "nightly-by-hand.tmcbackup".into(),
        "nightly-20991231-000000.tmcbackup".into(),
    ];
    expected.sort();
    assert_eq!(left, expected, "retention kept the wrong backups");
    let identity_file = write_file("schedule-identity", &format!("{}\n", identity.to_string().expose_secret()));
    let described =
        backup(lab, &ws, &dir, &["describe", &backup_name, "--identity-file", &identity_file, "-o", "json"]);
    assert_exit(&described, 0);
    let described: Value = serde_json::from_str(&described.stdout).unwrap();
    assert_eq!(described["encrypted"], true);
    assert_eq!(described["manifest"]["includesSecrets"], true);
    assert_eq!(described["manifest"]["workspaces"][0], ws.as_str());
    let (seconds, _) =
        crate::harness::eventually("the last-success metric", std::time::Duration::from_secs(10), || {
            controller.metric("tmc_backup_last_success_timestamp_seconds{schedule=\"nightly\"}")
        });
    assert!(seconds > 1.7e9, "{seconds}");

    // A schedule changed by hand into nonsense: the controller says why on it.
    let patch = r#"{"data":{"every":"soon"}}"#;
    let ns = "tmc-system";
    assert_exit(
        &lab.kubectl(&provider, &["patch", "configmap", "nightly", "-n", ns, "--type", "merge", "-p", patch], None),
        0,
    );
    crate::harness::eventually("the schedule's error shown", std::time::Duration::from_secs(40), || {
        let listed = schedule(&["list"]);
        listed.stdout.contains("every \"soon\" is invalid").then_some(())
    });
    assert_exit(&schedule(&["delete", "nightly"]), 2);
    assert_exit(&schedule(&["delete", "nightly", "--yes"]), 0);
    assert!(schedule(&["list"]).stderr.contains("No backup schedules"));
    assert_exit(&schedule(&["delete", "nightly", "--yes"]), 6);
}
