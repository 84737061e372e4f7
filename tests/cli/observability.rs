//! The metrics endpoint's protection against the lab: TLS from files (replaced while serving),
//! client certificates, and scrapers authenticated and authorized by a real kube-apiserver
//! (pc1's: TokenReview and SubjectAccessReview), with curl and openssl as the clients.

use std::path::PathBuf;
use std::time::Duration;

use crate::harness::{assert_exit, eventually, run_command, scratch_dir, unique, write_file, Background, Lab};
use crate::workloads::on_cluster;

/// A CA and certificates it signs, made with openssl (P-256 keys).
pub(crate) struct Pki {
    dir: PathBuf,
}

fn openssl(args: &[&str]) {
    let out = run_command(std::process::Command::new("openssl").args(args));
    assert_exit(&out, 0);
}

impl Pki {
    pub(crate) fn new() -> Pki {
        let dir = scratch_dir().join(unique("pki"));
        std::fs::create_dir_all(&dir).unwrap();
        let pki = Pki { dir };
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=metrics-test-ca",
            "-keyout",
            &pki.path("ca.key"),
            "-out",
            &pki.path("ca.crt"),
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ]);
        pki
    }

    pub(crate) fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }

    /// `name.crt` and `name.key` for `subject`: a server certificate for 127.0.0.1, or a
    /// client one.
    pub(crate) fn issue(&self, name: &str, subject: &str, server: bool) -> (String, String) {
        let (key, csr, crt) =
            (self.path(&format!("{name}.key")), self.path(&format!("{name}.csr")), self.path(&format!("{name}.crt")));
        openssl(&[
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-subj",
            subject,
            "-keyout",
            &key,
            "-out",
            &csr,
        ]);
        let usage = if server {
            "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n"
        } else {
            "extendedKeyUsage=clientAuth\n"
        };
        let ext = write_file(
            &format!("{name}.ext"),
            &format!("basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n{usage}"),
        );
        openssl(&[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            &self.path("ca.crt"),
            "-CAkey",
            &self.path("ca.key"),
            "-days",
            "1",
            "-extfile",
            &ext,
            "-out",
            &crt,
        ]);
        (crt, key)
    }
}

/// curl `path` on `port` over TLS trusting the test CA: (curl's exit code, HTTP status, body).
pub(crate) fn curl(pki: &Pki, port: u16, path: &str, extra: &[&str]) -> (i32, String, String) {
    let body = scratch_dir().join(unique("body"));
    let mut command = std::process::Command::new("curl");
    command
        .args(["-sS", "--max-time", "10", "-o"])
        .arg(&body)
        .args(["-w", "%{http_code}", "--cacert", &pki.path("ca.crt")])
        .args(extra)
        .arg(format!("https://127.0.0.1:{port}{path}"));
    let out = run_command(&mut command);
    (out.code, out.stdout.trim().to_string(), std::fs::read_to_string(&body).unwrap_or_default())
}

/// The subject of the certificate the server on `port` presents.
fn served_subject(port: u16) -> String {
    let script =
        format!("openssl s_client -connect 127.0.0.1:{port} </dev/null 2>/dev/null | openssl x509 -noout -subject");
    run_command(std::process::Command::new("sh").args(["-c", &script])).stdout
}

fn serve(lab: &Lab, ws: &str, flags: Vec<String>) -> Background {
    Background::start(lab, ws, |port| {
        let mut args: Vec<String> =
            ["metrics", "serve", "--listen", &format!("127.0.0.1:{port}")].map(String::from).to_vec();
        args.extend(flags);
        args
    })
}

/// `get /metrics` on pc1 for ServiceAccount `reader` and user `<ns>-scraper`, not for
/// `stranger`; returns their tokens.
pub(crate) fn scrapers_on_pc1(lab: &Lab, ns: &str) -> (String, String) {
    let manifest = format!(
        "apiVersion: v1\nkind: Namespace\nmetadata: {{name: {ns}}}\n---\n\
         apiVersion: v1\nkind: ServiceAccount\nmetadata: {{name: reader, namespace: {ns}}}\n---\n\
         apiVersion: v1\nkind: ServiceAccount\nmetadata: {{name: stranger, namespace: {ns}}}\n---\n\
         apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {{name: {ns}-metrics}}\n\
         rules: [{{nonResourceURLs: [/metrics], verbs: [get]}}]\n---\n\
         apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {{name: {ns}-metrics}}\n\
         roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: {ns}-metrics}}\n\
         subjects:\n- {{kind: ServiceAccount, name: reader, namespace: {ns}}}\n- {{kind: User, name: {ns}-scraper, apiGroup: rbac.authorization.k8s.io}}\n"
    );
    assert_exit(&on_cluster(lab, "PC1_KUBECONFIG", &["apply", "-f", &write_file(&unique("scrapers"), &manifest)]), 0);
    let token = |sa: &str| {
        let out = on_cluster(lab, "PC1_KUBECONFIG", &["create", "token", sa, "-n", ns, "--duration", "1h"]);
        assert_exit(&out, 0);
        out.stdout.trim().to_string()
    };
    (token("reader"), token("stranger"))
}

#[test]
fn only_authorized_scrapers_read_metrics_over_tls_and_a_replaced_certificate_is_served_without_restart() {
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let pki = Pki::new();
    let (crt, key) = pki.issue("server", "/CN=metrics-one", true);
    let ns = unique("scrape");
    let (reader, stranger) = scrapers_on_pc1(lab, &ns);
    let flags = vec![
        "--tls-cert-file".to_string(),
        crt.clone(),
        "--tls-private-key-file".into(),
        key.clone(),
        "--authn-authz".into(),
        "--authn-authz-kubeconfig".into(),
        lab.var("PC1_KUBECONFIG").into(),
    ];
    let server = serve(lab, &ws, flags);
    let port = server.metrics_port;
    eventually("the endpoint to serve TLS", Duration::from_secs(20), || {
        (curl(&pki, port, "/healthz", &[]).1 == "200").then_some(())
    });

    let (_, anonymous, why) = curl(&pki, port, "/metrics", &[]);
    assert_eq!(anonymous, "401", "{why}");
    let bearer = |token: &str| format!("Authorization: Bearer {token}");
    let (_, bogus, _) = curl(&pki, port, "/metrics", &["-H", &bearer("not-a-token")]);
    assert_eq!(bogus, "401");
    let (_, forbidden, why) = curl(&pki, port, "/metrics", &["-H", &bearer(&stranger)]);
    assert_eq!(forbidden, "403", "{why}");
    assert!(why.contains(&format!("system:serviceaccount:{ns}:stranger")), "{why}");
    let (_, allowed, body) = curl(&pki, port, "/metrics", &["-H", &bearer(&reader)]);
    assert_eq!(allowed, "200", "{body}");
    assert!(body.contains("# TYPE tmc_"), "{body}");
    // Readiness is not behind authorization: no token, yet 200 once a listing of kcp has worked
    // (a listing that failed under load makes it 503 until the next refresh, never 401).
    eventually("/readyz to answer 200 without a token", Duration::from_secs(30), || {
        let status = curl(&pki, port, "/readyz", &[]).1;
        assert!(status == "200" || status == "503", "readiness answered {status} without a token");
        (status == "200").then_some(())
    });
    // A scraper that takes gzip (as Prometheus does) gets it; curl --compressed unpacks it.
    let ca = pki.path("ca.crt");
    let size = |extra: &[&str]| {
        let mut args = vec!["-sS", "--cacert", ca.as_str(), "-o", "/dev/null", "-w", "%{size_download}"];
        args.extend_from_slice(extra);
        let url = format!("https://127.0.0.1:{port}/metrics");
        let mut command = std::process::Command::new("curl");
        let out = run_command(command.args(&args).args(["-H", &bearer(&reader), &url]));
        out.stdout.trim().parse::<usize>().unwrap_or_else(|_| panic!("{}{}", out.stdout, out.stderr))
    };
    let (plain, packed) = (size(&[]), size(&["-H", "Accept-Encoding: gzip"]));
    assert!(packed * 2 < plain, "gzip {packed} bytes, plain {plain}");
    let (_, status, unpacked) = curl(&pki, port, "/metrics", &["--compressed", "-H", &bearer(&reader)]);
    assert!(status == "200" && unpacked.contains("# TYPE tmc_"), "{unpacked}");
    // Plain HTTP to the TLS port gets no metrics.
    let plain = run_command(std::process::Command::new("curl").args([
        "-sS",
        "--max-time",
        "5",
        &format!("http://127.0.0.1:{port}/metrics"),
    ]));
    assert!(!plain.stdout.contains("tmc_"), "served over plain HTTP: {}", plain.stdout);

    // A renewed certificate replaces the files (as a mounted Secret changes): served at once.
    assert!(served_subject(port).contains("CN = metrics-one"), "{}", served_subject(port));
    let (new_crt, new_key) = pki.issue("renewed", "/CN=metrics-two", true);
    std::fs::rename(&new_key, &key).unwrap();
    std::fs::rename(&new_crt, &crt).unwrap();
    eventually("the renewed certificate to be served", Duration::from_secs(10), || {
        served_subject(port).contains("CN = metrics-two").then_some(())
    });
    assert_eq!(curl(&pki, port, "/metrics", &["-H", &bearer(&reader)]).1, "200");
    let log = server.log_text();
    assert!(!log.contains(&reader) && !log.contains(&stranger), "a token was logged");
}

#[test]
fn mutual_tls_refuses_a_client_without_a_certificate_and_authorizes_the_certificates_user() {
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let pki = Pki::new();
    let (crt, key) = pki.issue("server", "/CN=metrics", true);
    let ns = unique("mtls");
    scrapers_on_pc1(lab, &ns);
    let (scraper_crt, scraper_key) = pki.issue("scraper", &format!("/CN={ns}-scraper/O=monitoring"), false);
    let (other_crt, other_key) = pki.issue("other", "/CN=someone-else", false);
    let flags = vec![
        "--tls-cert-file".to_string(),
        crt,
        "--tls-private-key-file".into(),
        key,
        "--client-ca-file".into(),
        pki.path("ca.crt"),
        "--authn-authz".into(),
        "--authn-authz-kubeconfig".into(),
        lab.var("PC1_KUBECONFIG").into(),
    ];
    let server = serve(lab, &ws, flags);
    let port = server.metrics_port;
    let with = |crt: &str, key: &str, path: &str| curl(&pki, port, path, &["--cert", crt, "--key", key]);
    eventually("the endpoint to serve mutual TLS", Duration::from_secs(20), || {
        (with(&scraper_crt, &scraper_key, "/healthz").1 == "200").then_some(())
    });

    let (code, status, _) = curl(&pki, port, "/metrics", &[]);
    assert!(code != 0 && status == "000", "a client without a certificate got through: curl {code}, HTTP {status}");
    let (_, status, body) = with(&scraper_crt, &scraper_key, "/metrics");
    assert_eq!(status, "200", "{body}");
    assert!(body.contains("# TYPE tmc_"));
    let (_, status, why) = with(&other_crt, &other_key, "/metrics");
    assert_eq!(status, "403", "{why}");
    assert!(why.contains("someone-else"), "{why}");
    // A certificate of another CA is refused in the handshake.
    let stranger_pki = Pki::new();
    let (foreign_crt, foreign_key) = stranger_pki.issue("foreign", "/CN=forger", false);
    let (code, status, _) = with(&foreign_crt, &foreign_key, "/healthz");
    assert!(code != 0 && status == "000", "a certificate of an unknown CA got through: curl {code}, HTTP {status}");
}

#[test]
fn bad_certificate_files_are_refused_at_start_naming_the_file() {
    let lab = Lab::get();
    let pki = Pki::new();
    let (crt, _) = pki.issue("server", "/CN=metrics", true);
    let (_, other_key) = pki.issue("unrelated", "/CN=unrelated", true);
    let garbage = write_file("not-a-cert.pem", "hello\n");
    let run = |cert: &str, key: &str| {
        lab.tmcctl(&[
            "metrics",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--tls-cert-file",
            cert,
            "--tls-private-key-file",
            key,
        ])
    };
    let mismatch = run(&crt, &other_key);
    assert_exit(&mismatch, 3);
    assert!(mismatch.stderr.contains("does not belong to the certificate"), "{}", mismatch.stderr);
    let unreadable = run(&garbage, &other_key);
    assert_exit(&unreadable, 3);
    assert!(unreadable.stderr.contains(&format!("{garbage} holds no PEM certificate")), "{}", unreadable.stderr);
    let missing = run("/nonexistent/tls.crt", &other_key);
    assert_exit(&missing, 3);
    assert!(missing.stderr.contains("cannot read /nonexistent/tls.crt"), "{}", missing.stderr);
    // With JSON logs the error is a log object too.
    let as_json = lab.tmcctl(&[
        "--log-format",
        "json",
        "metrics",
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--tls-cert-file",
        &crt,
        "--tls-private-key-file",
        &other_key,
    ]);
    assert_exit(&as_json, 3);
    let line: serde_json::Value =
        serde_json::from_str(as_json.stderr.trim()).unwrap_or_else(|e| panic!("{e}: {}", as_json.stderr));
    assert_eq!(line["level"], "ERROR");
    assert!(line["message"].as_str().unwrap().contains("does not belong to the certificate"), "{line}");
    assert_exit(&lab.tmcctl(&["--log-format", "yaml", "version"]), 2);
    let half = lab.tmcctl(&["metrics", "serve", "--tls-cert-file", &crt]);
    assert_exit(&half, 2);
    let no_tls = lab.tmcctl(&["metrics", "serve", "--authn-authz"]);
    assert_exit(&no_tls, 2);
}

/// `--log-format json`: every line is one JSON object; a reconcile's lines carry its key
/// (logical cluster, name); the registered cluster's private key appears nowhere, even at the
/// highest verbosity.
#[test]
fn json_logs_name_the_reconciled_object_on_every_line_and_never_a_secret() {
    let _shared = crate::harness::using_clusters();
    let lab = Lab::get();
    let (provider, ws) = lab.fresh_install();
    let on_ws = |args: &[&str]| lab.tmcctl(&[&["--workspace", ws.as_str()][..], args].concat());
    let pc1 = lab.var("PC1_KUBECONFIG");
    assert_exit(
        &on_ws(&[
            "cluster",
            "register",
            "pc1",
            "--location",
            "eu",
            "--labels",
            "name=pc1",
            "--cluster-kubeconfig",
            pc1,
        ]),
        0,
    );
    assert_exit(&on_ws(&["placement", "create", "web", "--location-selector", "name=pc1"]), 0);
    let flags = ["-vv", "--log-format", "json", "--probe-interval", "1s", "--leader-elect=false"];
    let controller = crate::harness::Controller::start_all_bound(lab, &provider, &flags);
    let (decided, _) = eventually("a placement decided, in the log", Duration::from_secs(60), || {
        let log = controller.log_text();
        let line = log.lines().find(|l| l.contains("placement decided") && l.contains("|web"))?.to_string();
        Some(line)
    });
    let decided: serde_json::Value = serde_json::from_str(&decided).unwrap();
    assert_eq!(decided["level"], "INFO", "{decided}");
    assert!(decided["span"]["key"].as_str().is_some_and(|k| k.ends_with("|web")), "{decided}");
    assert_eq!(decided["span"]["controller"], "placement", "{decided}");
    let log = controller.log_text();
    for line in log.lines().filter(|l| !l.trim().is_empty()) {
        let parsed: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
        assert!(parsed["timestamp"].is_string() && parsed["level"].is_string(), "{line}");
    }
    // The credential tmcctl stored for pc1: its client key's base64, as in the kubeconfig.
    let kubeconfig = std::fs::read_to_string(pc1).unwrap();
    let key_file = kubeconfig
        .lines()
        .find_map(|l| l.trim().strip_prefix("client-key: "))
        .map(|path| std::fs::read_to_string(path.trim()).unwrap());
    let key_data = kubeconfig.lines().find_map(|l| l.trim().strip_prefix("client-key-data: ")).map(str::to_string);
    let secret = key_data.or(key_file).expect("pc1's kubeconfig has a client key");
    let canary: String = secret.lines().filter(|l| !l.starts_with("-----")).collect::<Vec<_>>().join("");
    assert!(canary.len() > 40, "no key material to look for");
    assert!(!log.contains(&canary[..40]), "the cluster's private key is in the log");
}
