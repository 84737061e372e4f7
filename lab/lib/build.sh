# shellcheck shell=bash
# `lab build`: builds every lab binary from Go modules (Go module proxy only) and caches it.
#
# Layout under $LAB_CACHE:
#   components/<name>-<key>/bin/   binaries of one component; <key> hashes its versions + recipe
#   components/<name>-<key>/.done  written last; a component with .done is never rebuilt
#   work/<name>-<key>/             generated wrapper module (go.mod/go.sum), kept for rebuilds
#   go-build/                      Go build cache used by these builds (removed after a CI build)
#   <versions-hash>/bin/           symlinks to all binaries of the pinned set  (= LAB_BIN)

# Bump when the recipe changes in a way that must rebuild binaries.
BUILD_RECIPE_REV=2

# The Go module proxy as this machine's Go is set up for it (`go env GOPROXY`), with `direct`
# and `off` dropped: direct would try to reach source hosts, which the lab must never need.
lab_goproxy() {
  local list p out=()
  list="$(go env GOPROXY)"
  IFS=',|' read -ra parts <<<"$list"
  for p in "${parts[@]}"; do
    case "$p" in direct | off | "") ;; *) out+=("$p") ;; esac
  done
  ((${#out[@]} > 0)) || die "go env GOPROXY is '$list': no module proxy to build from (set GOPROXY to a proxy URL)"
  (IFS=,; echo "${out[*]}")
}

go_env() {
  GOPROXY="$(lab_goproxy)"
  export GOPROXY
  export GONOSUMDB="$LAB_GONOSUMDB"
  export GOTOOLCHAIN=local
  export CGO_ENABLED=0
  export GOCACHE="${TMCCTL_LAB_GOCACHE:-$LAB_CACHE/go-build}"
  export GOFLAGS="-buildvcs=false"
}

ALL_COMPONENTS=(kwok etcd versitygw helm jaeger kubernetes kcp) # build order: quick ones first

# comp_id NAME -> "<name>-<version>-<key>", <key> hashing the versions it depends on + recipe rev
comp_id() {
  local v deps
  case "$1" in
    kwok) v="$KWOK_VERSION"; deps="$KWOK_VERSION $KUBERNETES_VERSION" ;;
    etcd) v="$ETCD_VERSION"; deps="$ETCD_VERSION" ;;
    kubernetes) v="$KUBERNETES_VERSION"; deps="$KUBERNETES_VERSION $KUBERNETES_STAGING_VERSION" ;;
    kcp) v="$KCP_VERSION"; deps="$KCP_VERSION $KCP_STAGING_REPLACES" ;;
    versitygw) v="$VERSITYGW_VERSION"; deps="$VERSITYGW_VERSION" ;;
    helm) v="$HELM_VERSION"; deps="$HELM_VERSION" ;;
    jaeger) v="$JAEGER_VERSION"; deps="$JAEGER_VERSION" ;;
    *) die "unknown component '$1' (${ALL_COMPONENTS[*]})" ;;
  esac
  echo "$1-$v-$(printf '%s\n' "$BUILD_RECIPE_REV" "$deps" | short_hash)"
}
comp_dir() { echo "$LAB_CACHE/components/$(comp_id "$1")"; }
comp_work() { echo "$LAB_CACHE/work/$(comp_id "$1")"; }

# go_mod_file MODULE VERSION -> path of that module's go.mod in the module cache (downloads it).
go_mod_file() {
  local f
  f="$(cd "$LAB_CACHE" && go mod download -json "$1@$2" | awk -F'"' '/"GoMod":/ {print $4}')"
  [[ -n "$f" && -f "$f" ]] || die "could not download go.mod of $1@$2"
  echo "$f"
}

# mod_field MODULE VERSION Time|Hash -> the module's commit time / commit hash, as the proxy reports
# them (the hash is often not reported: then empty)
mod_field() {
  (cd "$LAB_CACHE" && go list -m -json "$1@$2") | awk -F'"' -v k="$3" '$2 == k {print $4; exit}'
}

# go_mod_directive FILE -> the `go` version line of a go.mod
go_mod_directive() { awk '$1 == "go" {print $2; exit}' "$1"; }

# go_mod_replaces FILE -> "OLD => NEW [VERSION]" for every replace directive (blocks and single lines)
go_mod_replaces() {
  awk '
    /^replace[ \t]*\(/ { inblock = 1; next }
    inblock && /^\)/   { inblock = 0; next }
    inblock            { sub(/\/\/.*/, ""); if ($0 ~ /=>/) print; next }
    /^replace[ \t]/    { sub(/^replace[ \t]+/, ""); sub(/\/\/.*/, ""); print }
  ' "$1" | sed -E 's/^[ \t]+//; s/[ \t]+$//'
}

# run_go_build WORKDIR OUTDIR LDFLAGS PKG... : nice'd, trimmed, static build inside a wrapper module
run_go_build() {
  local work="$1" out="$2" ldflags="$3"; shift 3
  mkdir -p "$out"
  (cd "$work" && nice -n 10 go build -mod=mod -trimpath -ldflags "$ldflags" -o "$out/" "$@")
}

finish_component() { # dir name seconds
  date -u +%FT%TZ >"$1/.done"
  echo "$3" >"$1/.build-seconds"
  log "built $2 in $3s -> $1/bin"
}

# --- kwok, kwokctl --------------------------------------------------------------------------------
build_kwok() {
  local dir start
  dir="$(comp_dir kwok)"
  [[ -f "$dir/.done" ]] && { log "kwok $KWOK_VERSION: cached"; return 0; }
  log "kwok $KWOK_VERSION: building kwok, kwokctl"
  start=$SECONDS
  rm -rf "$dir"; mkdir -p "$dir/bin"
  # kwok's go.mod has no replace directives, so plain `go install pkg@version` works.
  local ldflags="-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${KWOK_VERSION#v} -X sigs.k8s.io/kwok/pkg/consts.KubeVersion=${KUBERNETES_VERSION#v}"
  (cd "$LAB_CACHE" && GOBIN="$dir/bin" nice -n 10 go install -trimpath -ldflags "$ldflags" \
    "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION" "sigs.k8s.io/kwok/cmd/kwokctl@$KWOK_VERSION")
  finish_component "$dir" kwok $((SECONDS - start))
}

# --- etcd -----------------------------------------------------------------------------------------
build_etcd() {
  local dir work start gomod
  dir="$(comp_dir etcd)"; work="$(comp_work etcd)"
  [[ -f "$dir/.done" ]] && { log "etcd $ETCD_VERSION: cached"; return 0; }
  log "etcd $ETCD_VERSION: building etcd (wrapper module: server/v3 has local replace directives)"
  start=$SECONDS
  rm -rf "$dir" "$work"; mkdir -p "$dir/bin" "$work"
  gomod="$(go_mod_file go.etcd.io/etcd/server/v3 "$ETCD_VERSION")"
  cat >"$work/go.mod" <<EOF
module tmcctl.lab/etcd-build

go $(go_mod_directive "$gomod")

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
EOF
  # (the proxy gives no commit hash, so Git SHA reads "unknown"; the version itself is compiled in)
  run_go_build "$work" "$dir/bin" "-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=unknown" go.etcd.io/etcd/server/v3
  mv "$dir/bin/server" "$dir/bin/etcd" # `go build` names it after the module path, minus /v3
  [[ -x "$dir/bin/etcd" ]] || die "etcd binary missing after build"
  finish_component "$dir" etcd $((SECONDS - start))
}

# --- versitygw (the S3 store backups are tested against) -----------------------------------------
build_versitygw() {
  local dir start
  dir="$(comp_dir versitygw)"
  [[ -f "$dir/.done" ]] && { log "versitygw $VERSITYGW_VERSION: cached"; return 0; }
  log "versitygw $VERSITYGW_VERSION: building versitygw (~1.5 min cold on 2 cores)"
  start=$SECONDS
  rm -rf "$dir"; mkdir -p "$dir/bin"
  # its go.mod has no replace directives, so plain `go install pkg@version` works.
  (cd "$LAB_CACHE" && GOBIN="$dir/bin" nice -n 10 go install -trimpath -ldflags "-s -w" \
    "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION")
  finish_component "$dir" versitygw $((SECONDS - start))
}

# --- helm (lints, renders and installs the tmc-operator chart in tests) ---------------------------
build_helm() {
  local dir start
  dir="$(comp_dir helm)"
  [[ -f "$dir/.done" ]] && { log "helm $HELM_VERSION: cached"; return 0; }
  log "helm $HELM_VERSION: building helm"
  start=$SECONDS
  rm -rf "$dir"; mkdir -p "$dir/bin"
  # its go.mod has no replace directives, so plain `go install pkg@version` works; the version
  # is stamped as helm's Makefile does.
  (cd "$LAB_CACHE" && GOBIN="$dir/bin" nice -n 10 go install -trimpath \
    -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION" \
    "helm.sh/helm/v3/cmd/helm@$HELM_VERSION")
  finish_component "$dir" helm $((SECONDS - start))
}

# --- jaeger (the OTLP receiver of the tracing tests) -------------------------------------------
build_jaeger() {
  local dir work start
  dir="$(comp_dir jaeger)"; work="$(comp_work jaeger)"
  [[ -f "$dir/.done" ]] && { log "jaeger $JAEGER_VERSION: cached"; return 0; }
  log "jaeger $JAEGER_VERSION: building jaeger (~7 min cold on 2 cores)"
  start=$SECONDS
  rm -rf "$dir" "$work"; mkdir -p "$dir/bin" "$work"
  # A wrapper module that requires it as a tool: its go.mod is resolved as a dependency
  # (`go install pkg@version` refuses modules with replace directives).
  (cd "$work" && go mod init tmcctl.lab/jaeger-build >/dev/null 2>&1 &&
    go get -tool "github.com/jaegertracing/jaeger/cmd/jaeger@$JAEGER_VERSION")
  run_go_build "$work" "$dir/bin" "-s -w" github.com/jaegertracing/jaeger/cmd/jaeger
  [[ -x "$dir/bin/jaeger" ]] || die "jaeger binary missing after build"
  finish_component "$dir" jaeger $((SECONDS - start))
}

# --- kube-apiserver, kube-controller-manager, kube-scheduler, kubectl -----------------------------
build_kubernetes() {
  local dir work start gomod v major minor ldflags
  dir="$(comp_dir kubernetes)"; work="$(comp_work kubernetes)"
  [[ -f "$dir/.done" ]] && { log "kubernetes $KUBERNETES_VERSION: cached"; return 0; }
  log "kubernetes $KUBERNETES_VERSION: building kube-apiserver, kube-controller-manager, kube-scheduler, kubectl (the slow one: ~8 min cold on 2 cores)"
  start=$SECONDS
  rm -rf "$dir"; mkdir -p "$dir/bin" "$work"
  gomod="$(go_mod_file k8s.io/kubernetes "$KUBERNETES_VERSION")"
  {
    echo "module tmcctl.lab/kubernetes-build"
    echo
    echo "go $(go_mod_directive "$gomod")"
    echo
    echo "require k8s.io/kubernetes $KUBERNETES_VERSION"
    echo
    echo "// k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them with ./staging/...;"
    echo "// point each at its published version instead (generated from kubernetes' own go.mod)."
    echo "replace ("
    go_mod_replaces "$gomod" | awk -v v="$KUBERNETES_STAGING_VERSION" '$3 ~ /^\.\.?\// {printf "\t%s => %s %s\n", $1, $1, v}'
    echo ")"
  } >"$work/go.mod.new"
  # Keep go.sum across retries when the module definition did not change.
  if ! cmp -s "$work/go.mod.new" "$work/go.mod.gen" 2>/dev/null; then
    cp "$work/go.mod.new" "$work/go.mod"; mv "$work/go.mod.new" "$work/go.mod.gen"; rm -f "$work/go.sum"
  fi
  rm -f "$work/go.mod.new"
  v="$KUBERNETES_VERSION"; major="${v#v}"; major="${major%%.*}"; minor="$(echo "$v" | cut -d. -f2)"
  # buildDate: the release's commit time (reproducible), not the time of this build
  ldflags="$(version_ldflags "$v" "$major" "$minor" "$(mod_field k8s.io/kubernetes "$v" Time)" \
    "$(mod_field k8s.io/kubernetes "$v" Hash)") -s -w"
  run_go_build "$work" "$dir/bin" "$ldflags" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl
  finish_component "$dir" kubernetes $((SECONDS - start))
}

# version_ldflags GITVERSION MAJOR MINOR BUILDDATE GITCOMMIT -> -X flags for component-base and client-go
version_ldflags() {
  local p out=""
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    out+=" -X $p.gitVersion=$1 -X $p.gitMajor=$2 -X $p.gitMinor=$3 -X $p.buildDate=$4 -X $p.gitCommit=${5:-unknown} -X $p.gitTreeState=clean"
  done
  echo "$out"
}

# --- kcp ------------------------------------------------------------------------------------------
build_kcp() {
  local dir work start gomod kubever major minor ldflags r
  dir="$(comp_dir kcp)"; work="$(comp_work kcp)"
  [[ -f "$dir/.done" ]] && { log "kcp $KCP_VERSION: cached"; return 0; }
  log "kcp $KCP_VERSION: building kcp (~10 min cold on 2 cores)"
  start=$SECONDS
  rm -rf "$dir"; mkdir -p "$dir/bin" "$work"
  gomod="$(go_mod_file github.com/kcp-dev/kcp "$KCP_VERSION")"
  {
    echo "module tmcctl.lab/kcp-build"
    echo
    echo "go $(go_mod_directive "$gomod")"
    echo
    echo "require github.com/kcp-dev/kcp $KCP_VERSION"
    echo
    echo "// kcp's own replace directives, verbatim, except those pointing into its ./staging tree."
    echo "replace ("
    go_mod_replaces "$gomod" | awk '$3 !~ /^\.\.?\// {printf "\t%s\n", $0}'
    echo ")"
    echo
    echo "// kcp's ./staging modules -> published versions (KCP_STAGING_REPLACES in versions.env)."
    echo "replace ("
    for r in $KCP_STAGING_REPLACES; do printf '\t%s => %s %s\n' "${r%%=*}" "${r%%=*}" "${r#*=}"; done
    echo ")"
  } >"$work/go.mod.new"
  if ! cmp -s "$work/go.mod.new" "$work/go.mod.gen" 2>/dev/null; then
    cp "$work/go.mod.new" "$work/go.mod"; mv "$work/go.mod.new" "$work/go.mod.gen"; rm -f "$work/go.sum"
  fi
  rm -f "$work/go.mod.new"
  # kcp's Makefile: gitVersion = <k8s.io/kubernetes version it is based on>+kcp-<kcp tag>
  kubever="$(awk '$1 == "k8s.io/kubernetes" && $2 ~ /^v/ {print $2; exit}' "$gomod")"
  major="${kubever#v}"; major="${major%%.*}"; minor="$(echo "$kubever" | cut -d. -f2)"
  ldflags="$(version_ldflags "$kubever+kcp-$KCP_VERSION" "$major" "$minor" \
    "$(mod_field github.com/kcp-dev/kcp "$KCP_VERSION" Time)" "$(mod_field github.com/kcp-dev/kcp "$KCP_VERSION" Hash)") -s -w"
  run_go_build "$work" "$dir/bin" "$ldflags" github.com/kcp-dev/kcp/cmd/kcp
  finish_component "$dir" kcp $((SECONDS - start))
}

# --- all ------------------------------------------------------------------------------------------
# Prometheus and promtool from Debian's packages (the metrics tests run their own Prometheus
# against the controller and lint its output with promtool); installed once per machine.
ensure_prometheus() {
  if command -v prometheus >/dev/null && command -v promtool >/dev/null; then
    log "prometheus $(prometheus --version 2>&1 | awk 'NR==1 {print $3}'): installed"
    return 0
  fi
  command -v apt-get >/dev/null || die "prometheus and promtool are missing and apt-get is not here: install Debian's prometheus package"
  log "prometheus: installing Debian's package"
  local apt=(apt-get install -y --no-install-recommends prometheus)
  [[ $(id -u) == 0 ]] || apt=(sudo "${apt[@]}")
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" >"$LAB_CACHE/apt-prometheus.log" 2>&1 || {
    # A stale package index: refresh it once.
    if [[ $(id -u) == 0 ]]; then apt-get update; else sudo apt-get update; fi >>"$LAB_CACHE/apt-prometheus.log" 2>&1
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" >>"$LAB_CACHE/apt-prometheus.log" 2>&1
  } || die "could not install Debian's prometheus package (see $LAB_CACHE/apt-prometheus.log)"
  # The package enables a service; the lab runs its own instances only.
  command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1 && systemctl disable --now prometheus >/dev/null 2>&1 || true
}

lab_build() {
  local comps=("$@") c rc failed=() start=$SECONDS bin b
  [[ ${#comps[@]} -gt 0 ]] || comps=("${ALL_COMPONENTS[@]}")
  command -v go >/dev/null || die "go is not on PATH"
  go_env
  mkdir -p "$LAB_CACHE"
  log "cache: $LAB_CACHE ($(go version | awk '{print $3}'), GOPROXY=$GOPROXY)"
  for c in "${comps[@]}"; do
    comp_id "$c" >/dev/null
    # Each component in a subshell with errexit on (an `if ! (...)` would switch errexit off
    # inside it), so that one failure does not stop the others and nothing half-built is marked done.
    set +e
    (set -e; "build_$c")
    rc=$?
    set -e
    ((rc == 0)) || { failed+=("$c"); log "FAILED: $c (exit $rc)"; }
  done
  # Symlink farm for the pinned set (= LAB_BIN).
  bin="$(lab_bin_dir)"; mkdir -p "$bin"
  for b in "$LAB_CACHE"/[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]; do
    # symlink farms of older pinned sets (binaries stay in components/), unless a running lab uses it
    [[ "$b/bin" == "$bin" ]] || grep -qsF "$b/bin" "$LAB_ENV_FILE" || rm -rf "$b"
  done
  for c in "${ALL_COMPONENTS[@]}"; do
    [[ -f "$(comp_dir "$c")/.done" ]] || continue
    for b in "$(comp_dir "$c")"/bin/*; do ln -sfn "$b" "$bin/$(basename "$b")"; done
  done
  # Binaries of older recipe revisions of the same component version, unless a lab is up.
  if [[ ! -f "$LAB_ENV_FILE" ]]; then
    for c in "${ALL_COMPONENTS[@]}"; do
      for b in "$(dirname "$(comp_dir "$c")")/$(comp_id "$c" | sed 's/-[0-9a-f]*$//')"-*; do
        [[ -d "$b" && "$b" != "$(comp_dir "$c")" ]] && { log "pruning stale $b"; rm -rf "$b"; }
      done
    done
  fi
  if [[ -n "${CI:-}" && ${#failed[@]} -eq 0 ]]; then
    log "CI: removing the Go build cache $GOCACHE (binaries stay cached)"
    rm -rf "$GOCACHE"
  fi
  # Not a Go component: only with a whole build (as scripts/test.sh runs it).
  if [[ $# -eq 0 ]]; then ensure_prometheus || failed+=(prometheus); fi
  log "build finished in $((SECONDS - start))s; binaries in $bin"
  [[ ${#failed[@]} -eq 0 ]] || die "failed to build: ${failed[*]}"
}
