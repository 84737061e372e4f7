# shellcheck shell=bash
# `lab up|down|env|status`: run kcp and the kwok clusters from the cached binaries.
#
# State under $LAB_STATE (removed by `down`):
#   lab.env             the env file (written last by `up`, removed first by `down`)
#   pids/*.pid          every process the lab started (kcp; each kwok cluster's components)
#   kcp/                kcp --root-directory (admin.kubeconfig, embedded etcd data)
#   kcp-users.csv       kcp --token-auth-file: the test users' bearer tokens (made once per lab)
#   s3/                 the S3 store's data (one directory per bucket); s3-credentials its keys
#   kwok/               KWOK_WORKDIR: kwokctl's clusters (clusters/<name>/kubeconfig.yaml, ...)
#   jaeger.yaml         the trace receiver's configuration (in memory: traces go with it)
#   apiserver-tracing.yaml  the clusters' kube-apiserver TracingConfiguration (to the receiver)
#   logs/               kcp.log, kwokctl-<name>.log, jaeger.log

KCP_ROOT="$LAB_STATE/kcp"
KCP_KUBECONFIG_PATH="$KCP_ROOT/admin.kubeconfig"
KCP_USERS_FILE="$LAB_STATE/kcp-users.csv"
# Test users kcp knows by bearer token (RBAC tests), as user:group,group (groups may be empty).
# No RBAC object names them: what they may do is what a test grants them.
KCP_TEST_USERS="alice:lab:team-a bob:lab:team-b carol:lab:auditors dave:"
S3_ROOT="$LAB_STATE/s3"
S3_CREDENTIALS_FILE="$LAB_STATE/s3-credentials"
# The bucket backup tests write to (made by `up`).
S3_BUCKET=tmc-backups
PID_DIR="$LAB_STATE/pids"
LOG_DIR="$LAB_STATE/logs"
export KWOK_WORKDIR="$LAB_STATE/kwok"

upper() { echo "$1" | tr '[:lower:]-' '[:upper:]_'; }
cluster_kubeconfig() { echo "$KWOK_WORKDIR/clusters/$1/kubeconfig.yaml"; }

# proc_running PID: the process exists and is not a zombie (kwokctl's children, once stopped,
# linger as zombies until init reaps them)
proc_running() {
  kill -0 "$1" 2>/dev/null && [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]]
}

# pid_alive FILE: the process recorded in FILE still runs
pid_alive() {
  local pid
  [[ -f "$1" ]] || return 1
  pid="$(cat "$1")"
  [[ -n "$pid" ]] && proc_running "$pid" &&
    # guard against a recycled PID: every lab process has the lab state dir in its command line
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$LAB_STATE"
}

port_busy() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }

# Wait until CMD... succeeds, at most $1 seconds; $2 names what we wait for.
wait_for() {
  local timeout="$1" what="$2" start=$SECONDS; shift 2
  until "$@" >/dev/null 2>&1; do
    ((SECONDS - start < timeout)) || { log "timed out after ${timeout}s waiting for $what"; return 1; }
    sleep 1
  done
  log "$what: ok after $((SECONDS - start))s"
}

kubectl_lab() { "$LAB_BIN/kubectl" "$@"; }

kcp_healthy() {
  pid_alive "$PID_DIR/kcp.pid" && [[ -f "$KCP_KUBECONFIG_PATH" ]] &&
    # a kcp started before the lab had test users is stale: restart it with them
    tr '\0' ' ' <"/proc/$(cat "$PID_DIR/kcp.pid")/cmdline" | grep -qF -- "--token-auth-file" &&
    kubectl_lab --kubeconfig "$KCP_KUBECONFIG_PATH" --request-timeout=5s get --raw /readyz >/dev/null 2>&1
}

cluster_healthy() {
  [[ -f "$(cluster_kubeconfig "$1")" ]] &&
    kubectl_lab --kubeconfig "$(cluster_kubeconfig "$1")" --request-timeout=5s get --raw /readyz >/dev/null 2>&1
}

traces_healthy() {
  pid_alive "$PID_DIR/jaeger.pid" && curl -fsS "http://127.0.0.1:$JAEGER_QUERY_PORT/api/services" >/dev/null
}

s3_healthy() {
  pid_alive "$PID_DIR/s3.pid" && [[ -s "$S3_CREDENTIALS_FILE" ]] && (: </dev/tcp/127.0.0.1/"$S3_PORT") 2>/dev/null
}

lab_healthy() {
  local c
  [[ -f "$LAB_ENV_FILE" ]] || return 1
  kcp_healthy || return 1
  s3_healthy || return 1
  traces_healthy || return 1
  for c in $LAB_CLUSTERS; do cluster_healthy "$c" || return 1; done
}

# --- kcp --------------------------------------------------------------------------------------------
start_kcp() {
  local p
  for p in "$KCP_PORT" "$KCP_ETCD_CLIENT_PORT" "$KCP_ETCD_PEER_PORT"; do
    port_busy "$p" && die "port $p is already in use (kcp needs $KCP_PORT, $KCP_ETCD_CLIENT_PORT, $KCP_ETCD_PEER_PORT; set TMCCTL_LAB_KCP_PORT / TMCCTL_LAB_KCP_ETCD_CLIENT_PORT / TMCCTL_LAB_KCP_ETCD_PEER_PORT)"
  done
  mkdir -p "$KCP_ROOT"
  rm -f "$KCP_KUBECONFIG_PATH" # rewritten on every start, with a new token
  write_users_file
  log "starting kcp $("$LAB_BIN/kcp" --version 2>/dev/null | awk '{print $NF}') on https://127.0.0.1:$KCP_PORT (log: $LOG_DIR/kcp.log)"
  setsid "$LAB_BIN/kcp" start \
    --root-directory "$KCP_ROOT" \
    --bind-address=127.0.0.1 \
    --secure-port="$KCP_PORT" \
    --embedded-etcd-client-port="$KCP_ETCD_CLIENT_PORT" \
    --embedded-etcd-peer-port="$KCP_ETCD_PEER_PORT" \
    --token-auth-file="$KCP_USERS_FILE" \
    </dev/null >"$LOG_DIR/kcp.log" 2>&1 &
  echo $! >"$PID_DIR/kcp.pid"
  wait_for 120 "kcp admin.kubeconfig" test -s "$KCP_KUBECONFIG_PATH" || { tail -20 "$LOG_DIR/kcp.log" >&2; return 1; }
  wait_for 120 "kcp /livez" kubectl_lab --kubeconfig "$KCP_KUBECONFIG_PATH" --request-timeout=5s get --raw /livez || { tail -20 "$LOG_DIR/kcp.log" >&2; return 1; }
  wait_for 180 "kcp /readyz" kubectl_lab --kubeconfig "$KCP_KUBECONFIG_PATH" --request-timeout=5s get --raw /readyz || { tail -20 "$LOG_DIR/kcp.log" >&2; return 1; }
  # The root workspace's APIs are served a moment after /readyz.
  wait_for 60 "kcp root workspace API" kubectl_lab --kubeconfig "$KCP_KUBECONFIG_PATH" --request-timeout=5s get --raw /apis/tenancy.kcp.io/v1alpha1/workspaces
}

# kube-apiserver's static token file: token,user,uid,"group,group". Random tokens, kept for the
# lab's life so that a restarted kcp accepts the ones in the env file.
write_users_file() {
  local entry user groups
  [[ -s "$KCP_USERS_FILE" ]] && return 0
  (
    umask 077
    for entry in $KCP_TEST_USERS; do
      user="${entry%%:*}" groups="${entry#*:}"
      printf '%s,%s,%s,"%s"\n' "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" "$user" "$user" "$groups"
    done >"$KCP_USERS_FILE"
  )
}

# --- the S3 store ----------------------------------------------------------------------------------
# versitygw's posix backend: a bucket is a directory under its root. Keys are random, made once
# per lab, and passed in its environment (not on its command line).
start_s3() {
  port_busy "$S3_PORT" && die "port $S3_PORT is already in use (the S3 store needs it; set TMCCTL_LAB_S3_PORT)"
  mkdir -p "$S3_ROOT/$S3_BUCKET"
  if [[ ! -s "$S3_CREDENTIALS_FILE" ]]; then
    (umask 077; printf 'lab%s %s\n' "$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
      "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$S3_CREDENTIALS_FILE")
  fi
  local access secret
  read -r access secret <"$S3_CREDENTIALS_FILE"
  log "starting the S3 store (versitygw) on http://127.0.0.1:$S3_PORT (log: $LOG_DIR/s3.log)"
  ROOT_ACCESS_KEY="$access" ROOT_SECRET_KEY="$secret" setsid "$LAB_BIN/versitygw" \
    --port "127.0.0.1:$S3_PORT" posix "$S3_ROOT" </dev/null >"$LOG_DIR/s3.log" 2>&1 &
  echo $! >"$PID_DIR/s3.pid"
  wait_for 30 "S3 store" s3_healthy || { tail -20 "$LOG_DIR/s3.log" >&2; return 1; }
}

# --- the trace receiver --------------------------------------------------------------------------
# Jaeger v2 with its in-memory store: OTLP in (gRPC from the clusters' API servers, HTTP from
# tmcctl), the query API out; every port on loopback, no other receiver or exporter.
start_traces() {
  local p
  for p in "$OTLP_GRPC_PORT" "$OTLP_HTTP_PORT" "$JAEGER_QUERY_PORT" $((JAEGER_QUERY_PORT - 1)); do
    port_busy "$p" && die "port $p is already in use (the trace receiver needs $OTLP_GRPC_PORT, $OTLP_HTTP_PORT, $JAEGER_QUERY_PORT and $((JAEGER_QUERY_PORT - 1)); set TMCCTL_LAB_OTLP_GRPC_PORT / TMCCTL_LAB_OTLP_HTTP_PORT / TMCCTL_LAB_JAEGER_QUERY_PORT)"
  done
  cat >"$LAB_STATE/jaeger.yaml" <<YAML
service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
extensions:
  jaeger_query:
    storage:
      traces: memstore
    http:
      endpoint: 127.0.0.1:$JAEGER_QUERY_PORT
    grpc:
      endpoint: 127.0.0.1:$((JAEGER_QUERY_PORT - 1))
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 100000
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:$OTLP_GRPC_PORT
      http:
        endpoint: 127.0.0.1:$OTLP_HTTP_PORT
processors:
  batch:
    timeout: 200ms
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
YAML
  log "starting the trace receiver (jaeger): OTLP http://127.0.0.1:$OTLP_HTTP_PORT, query http://127.0.0.1:$JAEGER_QUERY_PORT (log: $LOG_DIR/jaeger.log)"
  setsid "$LAB_BIN/jaeger" --config "$LAB_STATE/jaeger.yaml" </dev/null >"$LOG_DIR/jaeger.log" 2>&1 &
  echo $! >"$PID_DIR/jaeger.pid"
  wait_for 30 "trace receiver" traces_healthy || { tail -20 "$LOG_DIR/jaeger.log" >&2; return 1; }
}

# --- kwok clusters ----------------------------------------------------------------------------------
start_cluster() {
  local name="$1" kc f
  kc="$(cluster_kubeconfig "$name")"
  log "creating kwok cluster $name (log: $LOG_DIR/kwokctl-$name.log)"
  # --kubeconfig= : do not touch ~/.kube/config; the cluster's own kubeconfig is $kc.
  # --heartbeat-factor 1: node leases of 40 s renewed every 10 s, as a kubelet's (kwokctl's
  # default of 5 makes them 200 s). Each start of kwok's controller holds the leases under a
  # new identity and takes a node over only once its old lease expires: with 200 s, a cluster
  # stopped and started again ran no pod for minutes.
  if ! "$LAB_BIN/kwokctl" create cluster --name "$name" --runtime binary --heartbeat-factor 1 \
    --kube-apiserver-binary "$LAB_BIN/kube-apiserver" \
    --kube-controller-manager-binary "$LAB_BIN/kube-controller-manager" \
    --kube-scheduler-binary "$LAB_BIN/kube-scheduler" \
    --etcd-binary "$LAB_BIN/etcd" \
    --kwok-controller-binary "$LAB_BIN/kwok" \
    --kubeconfig= --wait 2m </dev/null >"$LOG_DIR/kwokctl-$name.log" 2>&1; then
    tail -30 "$LOG_DIR/kwokctl-$name.log" >&2
    return 1
  fi
  record_cluster_pids "$name"
  [[ -f "$kc" ]] || die "kwokctl did not write $kc"
  log "$name: scaling to $LAB_NODES kwok nodes"
  "$LAB_BIN/kwokctl" scale node --name "$name" --replicas "$LAB_NODES" </dev/null >>"$LOG_DIR/kwokctl-$name.log" 2>&1 ||
    { tail -30 "$LOG_DIR/kwokctl-$name.log" >&2; return 1; }
  wait_for 120 "$name: $LAB_NODES nodes Ready" nodes_ready "$kc" "$LAB_NODES"
  wait_for 60 "$name: default service account" kubectl_lab --kubeconfig "$kc" get serviceaccount default -n default
}

nodes_ready() { # kubeconfig count
  local n
  n="$(kubectl_lab --kubeconfig "$1" get nodes -o jsonpath='{range .items[*]}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}' | grep -c '^True$')"
  ((n >= $2))
}

# kwokctl's binary runtime keeps a pid file per component; copy them so `down` can stop
# everything by PID even when kwokctl itself fails.
record_cluster_pids() {
  local name="$1" f
  for f in "$KWOK_WORKDIR/clusters/$name"/pids/*.pid; do
    [[ -f "$f" ]] && cp "$f" "$PID_DIR/$name-$(basename "$f")"
  done
}

write_env_file() {
  local c tmp
  tmp="$LAB_ENV_FILE.tmp"
  {
    echo "# tmcctl lab, written by lab/lab up at $(date -u +%FT%TZ). Source it: set -a; . $LAB_ENV_FILE; set +a"
    echo "LAB_TIER=1"
    echo "LAB_STATE=$LAB_STATE"
    echo "LAB_BIN=$LAB_BIN"
    echo "KCP_KUBECONFIG=$KCP_KUBECONFIG_PATH"
    echo "KCP_URL=https://127.0.0.1:$KCP_PORT"
    # kcp-admin's bearer token; kcp makes a new one on every start (so does this file)
    echo "KCP_ADMIN_TOKEN=$(kubectl_lab --kubeconfig "$KCP_KUBECONFIG_PATH" config view --raw -o jsonpath='{.users[?(@.name=="kcp-admin")].user.token}')"
    # the test users' tokens: KCP_TOKEN_ALICE=... (see KCP_TEST_USERS)
    awk -F, '{ printf "KCP_TOKEN_%s=%s\n", toupper($2), $1 }' "$KCP_USERS_FILE"
    echo "KCP_VERSION=$KCP_VERSION"
    echo "KUBERNETES_VERSION=$KUBERNETES_VERSION"
    echo "LAB_CLUSTERS=\"$LAB_CLUSTERS\""
    for c in $LAB_CLUSTERS; do
      echo "$(upper "$c")_KUBECONFIG=$(cluster_kubeconfig "$c")"
      echo "$(upper "$c")_URL=$(kubectl_lab --kubeconfig "$(cluster_kubeconfig "$c")" config view --minify -o jsonpath='{.clusters[0].cluster.server}')"
    done
    echo "KWOK_WORKDIR=$KWOK_WORKDIR"
    # the S3 store: the AWS variables tmcctl reads, and the bucket made for tests
    echo "AWS_ENDPOINT_URL=http://127.0.0.1:$S3_PORT"
    echo "AWS_ACCESS_KEY_ID=$(cut -d' ' -f1 "$S3_CREDENTIALS_FILE")"
    echo "AWS_SECRET_ACCESS_KEY=$(cut -d' ' -f2 "$S3_CREDENTIALS_FILE")"
    echo "AWS_REGION=us-east-1"
    echo "S3_BUCKET=$S3_BUCKET"
    # the trace receiver: tmcctl sends OTLP/HTTP here; tests read traces back from the query API
    echo "OTLP_HTTP_URL=http://127.0.0.1:$OTLP_HTTP_PORT"
    echo "JAEGER_QUERY_URL=http://127.0.0.1:$JAEGER_QUERY_PORT"
  } >"$tmp"
  mv "$tmp" "$LAB_ENV_FILE"
}

lab_up() {
  local c start=$SECONDS
  if ! lab_bin_complete; then
    log "binaries missing in $(lab_bin_dir): building (a cold build takes 30-50 minutes)"
    lab_build
  fi
  LAB_BIN="$(lab_bin_dir)"
  export PATH="$LAB_BIN:$PATH"                # kwokctl looks kubectl up on PATH (else it downloads)
  export KWOK_KUBECTL_BINARY="$LAB_BIN/kubectl" # ... and this is where it would download it from
  if lab_healthy; then
    log "lab already up and healthy; reusing it"
    write_env_file # refresh (kcp's token may have changed if kcp was restarted by hand)
    echo "$LAB_ENV_FILE"
    return 0
  fi
  if [[ -d "$LAB_STATE" ]]; then
    log "found a stale or partial lab in $LAB_STATE: tearing it down first"
    lab_down
  fi
  mkdir -p "$PID_DIR" "$LOG_DIR" "$KWOK_WORKDIR"
  # kwokctl reads $KWOK_WORKDIR/kwok.yaml: bind every cluster component to loopback (default 0.0.0.0).
  # The clusters' API servers trace a request when its caller's trace context says so (no
  # sampling of their own), to the lab's receiver: a sync step's spans get theirs as children.
  cat >"$LAB_STATE/apiserver-tracing.yaml" <<YAML
apiVersion: apiserver.config.k8s.io/v1
kind: TracingConfiguration
endpoint: 127.0.0.1:$OTLP_GRPC_PORT
samplingRatePerMillion: 0
YAML
  cat >"$KWOK_WORKDIR/kwok.yaml" <<YAML
apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokctlConfiguration
options:
  bindAddress: 127.0.0.1
componentsPatches:
- name: kube-apiserver
  extraArgs:
  - key: tracing-config-file
    value: $LAB_STATE/apiserver-tracing.yaml
YAML
  start_kcp || { log "kcp did not come up; stopping what was started"; lab_down; die "lab up failed (kcp)"; }
  start_s3 || { log "the S3 store did not come up; stopping what was started"; lab_down; die "lab up failed (S3 store)"; }
  start_traces || { log "the trace receiver did not come up; stopping what was started"; lab_down; die "lab up failed (trace receiver)"; }
  for c in $LAB_CLUSTERS; do
    start_cluster "$c" || { log "cluster $c did not come up; stopping what was started"; lab_down; die "lab up failed ($c)"; }
  done
  write_env_file
  log "lab up in $((SECONDS - start))s"
  echo "$LAB_ENV_FILE"
}

# stop_pid FILE: TERM, wait up to 20s, then KILL. Only touches the PID recorded in FILE.
stop_pid() {
  local f="$1" pid i
  pid_alive "$f" || return 0
  pid="$(cat "$f")"
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 40); do proc_running "$pid" || return 0; sleep 0.5; done
  log "pid $pid ($(basename "$f" .pid)) did not stop after TERM; sending KILL"
  kill -KILL "$pid" 2>/dev/null || true
}

lab_down() {
  local c f
  rm -f "$LAB_ENV_FILE"
  mkdir -p "$LOG_DIR"
  if [[ -d "$KWOK_WORKDIR/clusters" ]]; then
    LAB_BIN="$(lab_bin_dir)"
    for c in "$KWOK_WORKDIR"/clusters/*/; do
      c="$(basename "$c")"
      log "deleting kwok cluster $c"
      if [[ -x "$LAB_BIN/kwokctl" ]]; then
        # (delete refuses an empty --kubeconfig; this file does not exist and is not created)
        "$LAB_BIN/kwokctl" delete cluster --name "$c" --kubeconfig "$LAB_STATE/no-such.kubeconfig" </dev/null >>"$LOG_DIR/kwokctl-$c.log" 2>&1 ||
          log "kwokctl delete cluster $c failed; stopping its processes by PID"
      fi
    done
  fi
  # Whatever is still running from our pid files (kcp, or cluster components kwokctl missed).
  for f in "$PID_DIR"/*.pid; do [[ -f "$f" ]] && stop_pid "$f"; done
  rm -rf "$LAB_STATE"
  log "lab down"
}

lab_env() {
  [[ -f "$LAB_ENV_FILE" ]] || die "the lab is not up (no $LAB_ENV_FILE); run lab/lab up"
  pid_alive "$PID_DIR/kcp.pid" || die "the lab is not running (kcp is gone); run lab/lab up"
  echo "$LAB_ENV_FILE"
}

lab_status() {
  local f c rc=0
  LAB_BIN="$(lab_bin_dir)"
  echo "binaries: $LAB_BIN ($(lab_bin_complete && echo complete || echo INCOMPLETE: run lab/lab build))"
  echo "state:    $LAB_STATE"
  [[ -f "$LAB_ENV_FILE" ]] && echo "env file: $LAB_ENV_FILE" || { echo "env file: none (lab not up)"; rc=1; }
  for f in "$PID_DIR"/*.pid; do
    [[ -f "$f" ]] || continue
    printf '  %-40s pid %-8s %s\n' "$(basename "$f" .pid)" "$(cat "$f")" "$(pid_alive "$f" && echo running || echo DEAD)"
  done
  if [[ -x "$LAB_BIN/kubectl" ]]; then
    kcp_healthy && echo "kcp:      ready (https://127.0.0.1:$KCP_PORT)" || { echo "kcp:      NOT ready"; rc=1; }
    s3_healthy && echo "s3:       ready (http://127.0.0.1:$S3_PORT)" || { echo "s3:       NOT ready"; rc=1; }
    traces_healthy && echo "traces:   ready (OTLP http://127.0.0.1:$OTLP_HTTP_PORT, query http://127.0.0.1:$JAEGER_QUERY_PORT)" || { echo "traces:   NOT ready"; rc=1; }
    for c in $LAB_CLUSTERS; do
      if cluster_healthy "$c"; then
        echo "$c:      ready, $(kubectl_lab --kubeconfig "$(cluster_kubeconfig "$c")" get nodes --no-headers 2>/dev/null | grep -c ' Ready ') Ready nodes"
      else
        echo "$c:      NOT ready"; rc=1
      fi
    done
  fi
  return $rc
}
