//! A kcp of a test's own, for tests that freeze or restart the hub (the lab's kcp is shared by
//! every test running in parallel). It is the lab's kcp binary on free ports, with a static
//! admin token (kcp makes a new one on every start otherwise, and a restart must not change
//! the credentials a running controller holds).

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::harness::{eventually, free_port, scratch_dir, unique, Lab};

// The groups of kcp's own admin user (not system:masters: kcp records no workspace owner for
// those, and a workspace without one never initializes).
const TOKEN_GROUPS: &str = "system:kcp:admin";

/// A running private kcp; stopped (and its processes killed) when dropped.
pub struct PrivateKcp {
    child: Option<Child>,
    root: PathBuf,
    ports: [u16; 3],
    token: String,
    /// A kubeconfig for it (server `…/clusters/root`, the static token).
    pub kubeconfig: String,
}

impl PrivateKcp {
    /// Starts one and waits until it serves the root workspace.
    pub fn start(lab: &Lab) -> PrivateKcp {
        let root = scratch_dir().join(unique("kcp"));
        std::fs::create_dir_all(&root).unwrap();
        let token = unique("token");
        std::fs::write(root.join("tokens.csv"), format!("{token},tmc-test-admin,tmc-test-admin,\"{TOKEN_GROUPS}\"\n"))
            .unwrap();
        let kubeconfig = root.join("kubeconfig").display().to_string();
        let mut kcp =
            PrivateKcp { child: None, root, ports: [free_port(), free_port(), free_port()], token, kubeconfig };
        kcp.run(lab);
        let config = format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: kcp\n  cluster:\n    server: https://127.0.0.1:{}/clusters/root\n    certificate-authority: {}\nusers:\n- name: admin\n  user:\n    token: {}\ncontexts:\n- name: root\n  context: {{cluster: kcp, user: admin}}\ncurrent-context: root\n",
            kcp.ports[0],
            kcp.root.join("data/apiserver.crt").display(),
            kcp.token
        );
        std::fs::write(&kcp.kubeconfig, config).unwrap();
        kcp.wait_ready();
        kcp
    }

    fn run(&mut self, lab: &Lab) {
        let log = std::fs::OpenOptions::new().create(true).append(true).open(self.root.join("kcp.log")).unwrap();
        let child = Command::new(PathBuf::from(lab.var("LAB_BIN")).join("kcp"))
            .arg("start")
            .arg("--root-directory")
            .arg(self.root.join("data"))
            .args(["--bind-address", "127.0.0.1"])
            .arg(format!("--secure-port={}", self.ports[0]))
            .arg(format!("--embedded-etcd-client-port={}", self.ports[1]))
            .arg(format!("--embedded-etcd-peer-port={}", self.ports[2]))
            .arg("--token-auth-file")
            .arg(self.root.join("tokens.csv"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start a private kcp");
        self.child = Some(child);
    }

    /// Waits until the root workspace type is served (asked with the static token).
    pub fn wait_ready(&self) {
        // The root workspace type comes a moment after the API: workspaces cannot be made before it.
        let url = format!(
            "https://127.0.0.1:{}/clusters/root/apis/tenancy.kcp.io/v1alpha1/workspacetypes/root",
            self.ports[0]
        );
        eventually("the private kcp to serve", Duration::from_secs(180), || {
            let out = Command::new("curl")
                .args(["-sk", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "3"])
                .arg("-H")
                .arg(format!("Authorization: Bearer {}", self.token))
                .arg(&url)
                .output()
                .ok()?;
            (String::from_utf8_lossy(&out.stdout) == "200").then_some(())
        });
    }

    /// Sends a signal (`STOP`, `CONT`, …) to kcp.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.as_ref().expect("kcp runs").id();
        assert!(Command::new("kill").arg(format!("-{signal}")).arg(pid.to_string()).status().unwrap().success());
    }

    /// Stops kcp (SIGTERM, then waits) and starts it again on the same data and ports.
    pub fn restart(&mut self, lab: &Lab) {
        self.stop();
        self.run(lab);
        self.wait_ready();
    }

    /// Loses everything: stops kcp, removes its state directory and starts a new, empty kcp on
    /// the same ports with the same admin token (the fleet disaster).
    pub fn wipe(&mut self, lab: &Lab) {
        self.stop();
        std::fs::remove_dir_all(self.root.join("data")).unwrap();
        self.run(lab);
        self.wait_ready();
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill").arg("-CONT").arg(child.id().to_string()).status();
            let _ = Command::new("kill").arg("-TERM").arg(child.id().to_string()).status();
            for _ in 0..100 {
                if child.try_wait().ok().flatten().is_some() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Installs the TMC API in `provider` and binds it in `workspace` (created). A fresh kcp
    /// bootstraps its workspace types for a while after it answers: retried (install is
    /// idempotent).
    pub fn install_bound(&self, provider: &str, workspace: &str) {
        eventually("install into the private kcp", Duration::from_secs(90), || {
            let out =
                self.tmcctl(&["install", "--provider-workspace", provider, "--bind", workspace, "--create-workspaces"]);
            (out.code == 0).then_some(())
        });
    }

    /// Runs the lab's kubectl against `workspace` of this kcp.
    pub fn kubectl(&self, lab: &Lab, workspace: &str, args: &[&str]) -> crate::harness::Output {
        let mut command = std::process::Command::new(PathBuf::from(lab.var("LAB_BIN")).join("kubectl"));
        command
            .arg("--kubeconfig")
            .arg(&self.kubeconfig)
            .arg("--server")
            .arg(format!("https://127.0.0.1:{}/clusters/{workspace}", self.ports[0]))
            .args(args);
        crate::harness::run_command(&mut command)
    }

    /// Runs tmcctl against this kcp.
    pub fn tmcctl(&self, args: &[&str]) -> crate::harness::Output {
        let mut command = crate::harness::tmcctl_command();
        command.arg("--kubeconfig").arg(&self.kubeconfig).args(args);
        crate::harness::run_command(&mut command)
    }
}

impl Drop for PrivateKcp {
    fn drop(&mut self) {
        self.stop();
    }
}
