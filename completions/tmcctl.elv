
use builtin;
use str;

set edit:completion:arg-completer[tmcctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'tmcctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'tmcctl'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'The fleet on one screen: kcp, the TMC API, the controller, clusters, placements, workloads, drift and backups; exits 11 when anything is wrong'
            cand doctor 'Check kcp, the TMC API binding, the controller and every cluster (reachable, allowed what the controller does there, clock in step), each failure with its fix'
            cand cluster 'Register, list, inspect, cordon, drain and unregister physical clusters'
            cand placement 'Create, inspect, explain and simulate workload placement policies'
            cand workload 'See where workloads run and how they are doing on each cluster'
            cand rbac 'Manage the TMC roles (tmc:cluster-admin, tmc:operator, tmc:viewer), who holds them, and check access across the workspace and every cluster'
            cand backup 'Archives of workspaces on this machine: create, list, describe, verify, delete'
            cand restore 'Restore a backup into its workspaces (or others): --plan first; existing objects are skipped unless --existing update; nothing is deleted'
            cand metrics 'Serve Prometheus metrics, /healthz and /readyz'
            cand controller 'Run the in-process reconcile loops (health, placement, sync, status)'
            cand install 'Publish the TMC API: in kcp as an APIExport (and bind it), else as CRDs'
            cand uninstall 'Remove what `install` published; refuses while TMC objects exist unless --force'
            cand version 'Print the client version, and the server''s when it can be reached'
            cand completion 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand config 'Show the settings in effect and where each comes from (flag, environment, config file)'
            cand plugin 'Use tmcctl as a kubectl plugin: `kubectl tmc …`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;status'= {
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;doctor'= {
            cand --provider-workspace 'The workspace that publishes the TMC API (with --all-bound)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --all-bound 'Check every workspace bound to the TMC API of --provider-workspace, not only the current one'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;cluster'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List registered clusters with their location, health and heartbeat'
            cand ls 'List registered clusters with their location, health and heartbeat'
            cand register 'Register a physical cluster (re-running updates the registration in place)'
            cand status 'Show a cluster''s conditions, capacity, health score, taints and workloads'
            cand describe 'Show a cluster''s conditions, capacity, health score, taints and workloads'
            cand update 'Change a cluster''s labels, location, capabilities or credentials'
            cand cordon 'Stop placing new workloads on a cluster'
            cand uncordon 'Allow placing workloads on a cluster again (also ends a drain)'
            cand drain 'Cordon a cluster so its workloads move elsewhere (checked first: the others must take them)'
            cand unregister 'Remove a cluster''s registration and its stored credentials'
            cand rotate-credentials 'Replace the stored ServiceAccount token of a cluster without downtime'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;cluster;list'= {
            cand -l 'Only clusters whose labels match this selector (e.g. env=prod,tier!=edge)'
            cand --selector 'Only clusters whose labels match this selector (e.g. env=prod,tier!=edge)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -w 'After listing, keep printing clusters as they change'
            cand --watch 'After listing, keep printing clusters as they change'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;cluster;ls'= {
            cand -l 'Only clusters whose labels match this selector (e.g. env=prod,tier!=edge)'
            cand --selector 'Only clusters whose labels match this selector (e.g. env=prod,tier!=edge)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -w 'After listing, keep printing clusters as they change'
            cand --watch 'After listing, keep printing clusters as they change'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;cluster;register'= {
            cand --cluster-kubeconfig 'Kubeconfig of the physical cluster (the global --kubeconfig is the kcp one)'
            cand --cluster-context 'Context in --cluster-kubeconfig (default: its current-context)'
            cand --location 'Where the cluster runs (a region, zone or site), e.g. eu-west-1'
            cand --labels 'Labels for placement selectors: key=value,…'
            cand --capabilities 'Capabilities as type:true|false,… (e.g. gpu:true,arm64:false)'
            cand --deletion-policy 'What happens to the copies on the cluster when it is unregistered: Retain them (the default; workloads report them as left behind) or Delete them first'
            cand --dry-run 'client: print what would be written; server: also have the server validate it'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --allow-exec 'Store credentials that run an exec plugin (the controller would run that program)'
            cand --skip-verify 'Do not connect to the cluster before registering it'
            cand --create-service-account 'Create a ServiceAccount in the cluster with only the permissions tmcctl needs there, and store its token instead of the credentials given (which are then never stored)'
            cand --allow-insecure 'Accept credentials that turn TLS verification off (insecure-skip-tls-verify); `cluster status` shows it'
            cand -y 'Register without the confirmation asked after the questions on a terminal'
            cand --yes 'Register without the confirmation asked after the questions on a terminal'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;cluster;status'= {
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;cluster;describe'= {
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;cluster;update'= {
            cand --location 'New location'
            cand --labels 'Label changes: key=value sets, key- removes (comma-separated)'
            cand --capabilities 'Replace the capabilities: type:true|false,…'
            cand --cluster-kubeconfig 'Rotate credentials from this kubeconfig of the physical cluster'
            cand --cluster-context 'Context in --cluster-kubeconfig'
            cand --deletion-policy 'What happens to the copies on the cluster when it is unregistered: Retain or Delete'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --allow-exec 'Store credentials that run an exec plugin'
            cand --allow-insecure 'Store credentials for a plain-HTTP server or with TLS verification off'
            cand --skip-verify 'Do not connect to the cluster with the new credentials before storing them'
            cand --force-conflicts 'Take ownership of fields another manager (kubectl, another tool) set differently'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;cluster;cordon'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;cluster;uncordon'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;cluster;drain'= {
            cand --timeout 'How long --wait waits'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --wait 'Wait until no placement places workloads on the cluster and no workload copy is left there'
            cand --force 'Drain even when some placement would be left with no cluster (its workloads then stay where they are until a cluster can take them)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;cluster;unregister'= {
            cand --deletion-policy 'What becomes of the copies on the cluster: Retain them, or Delete them before the registration goes (default: the registration''s own deletion policy, else Retain)'
            cand --timeout 'How long to wait for the controller to remove the copies (deletion policy Delete)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -y 'Do not ask for confirmation (needed without a terminal)'
            cand --yes 'Do not ask for confirmation (needed without a terminal)'
            cand --force 'Unregister even though placements still place workloads on the cluster; run again on a registration waiting for its copies to be removed, let it go at once (the copies left stay, and their workloads report them)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;cluster;rotate-credentials'= {
            cand --cluster-kubeconfig 'Admin kubeconfig of the physical cluster, used to make the new token (never stored)'
            cand --cluster-context 'Context in --cluster-kubeconfig (default: its current-context)'
            cand --grace 'How long the old tokens stay valid after the new one is stored'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;cluster;help'= {
            cand list 'List registered clusters with their location, health and heartbeat'
            cand register 'Register a physical cluster (re-running updates the registration in place)'
            cand status 'Show a cluster''s conditions, capacity, health score, taints and workloads'
            cand update 'Change a cluster''s labels, location, capabilities or credentials'
            cand cordon 'Stop placing new workloads on a cluster'
            cand uncordon 'Allow placing workloads on a cluster again (also ends a drain)'
            cand drain 'Cordon a cluster so its workloads move elsewhere (checked first: the others must take them)'
            cand unregister 'Remove a cluster''s registration and its stored credentials'
            cand rotate-credentials 'Replace the stored ServiceAccount token of a cluster without downtime'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;cluster;help;list'= {
        }
        &'tmcctl;cluster;help;register'= {
        }
        &'tmcctl;cluster;help;status'= {
        }
        &'tmcctl;cluster;help;update'= {
        }
        &'tmcctl;cluster;help;cordon'= {
        }
        &'tmcctl;cluster;help;uncordon'= {
        }
        &'tmcctl;cluster;help;drain'= {
        }
        &'tmcctl;cluster;help;unregister'= {
        }
        &'tmcctl;cluster;help;rotate-credentials'= {
        }
        &'tmcctl;cluster;help;help'= {
        }
        &'tmcctl;placement'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a placement policy'
            cand list 'List placements with their strategy and decision'
            cand ls 'List placements with their strategy and decision'
            cand describe 'Show a placement''s decision and, for every cluster, why it was chosen or rejected'
            cand explain 'Run the engine against the live inventory now and explain the outcome, with the difference from the current decision'
            cand simulate 'Run the engine on a placement file, against the live inventory or a file of clusters (no server needed), and show what it would decide'
            cand update 'Change a placement''s policy (only the flags given)'
            cand delete 'Delete a placement'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;placement;create'= {
            cand --strategy 'RoundRobin, Spread or Affinity'
            cand --location-selector 'Eligible clusters, as a label selector over cluster labels and `location` (e.g. env=production or "location in (eu-west,eu-north),tier!=edge")'
            cand --capabilities 'Capabilities as type:required,… where true means required and false preferred'
            cand --namespace-selector 'Namespaces this placement governs (label selector over namespace labels)'
            cand --workload-selector 'Workloads this placement governs (label selector over workload labels)'
            cand --clusters 'How many clusters to choose'
            cand --replicas 'duplicated (every cluster runs all replicas) or divided'
            cand --max-skew 'Spread: largest replica difference allowed between locations or clusters'
            cand --takeover 'An object at a copy''s name that tmcctl did not create: Never adopt it (report a conflict), adopt it IfNoDiff (it already matches the copy), or Always'
            cand --deletion-policy 'When this placement stops governing a workload (deleted, or its selectors no longer match): Retain its copies, reported as orphaned, or Delete them at the eviction rate'
            cand --dry-run 'client: print the object; server: also have the server validate it'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --spread-by-location 'Spread: pick clusters in rounds over locations'
            cand -y 'Save without the questions asked on a terminal (the strategy when --strategy is left out, and whether to save after the engine''s decision is shown)'
            cand --yes 'Save without the questions asked on a terminal (the strategy when --strategy is left out, and whether to save after the engine''s decision is shown)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;placement;list'= {
            cand -l 'Only placements whose labels match this selector'
            cand --selector 'Only placements whose labels match this selector'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;placement;ls'= {
            cand -l 'Only placements whose labels match this selector'
            cand --selector 'Only placements whose labels match this selector'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;placement;describe'= {
            cand --replicas 'Explain for a workload of this many replicas (shows the division); 0 decides clusters only'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;placement;explain'= {
            cand --replicas 'Explain for a workload of this many replicas (shows the division); 0 decides clusters only'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;placement;simulate'= {
            cand -f 'The WorkloadPlacement manifest (YAML or JSON, at most 16 MiB)'
            cand --filename 'The WorkloadPlacement manifest (YAML or JSON, at most 16 MiB)'
            cand --clusters-from '`live` (the workspace''s registered clusters) or a file of ClusterRegistrations (a List, or a YAML stream of objects; at most 16 MiB)'
            cand --replicas 'Simulate a workload with this many replicas (shows the division)'
            cand --workload 'The workload identity the hash uses (RoundRobin); default: the placement''s name'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;placement;update'= {
            cand --strategy 'RoundRobin, Spread or Affinity'
            cand --location-selector 'Eligible clusters, as a label selector over cluster labels and `location` (e.g. env=production or "location in (eu-west,eu-north),tier!=edge")'
            cand --capabilities 'Capabilities as type:required,… where true means required and false preferred'
            cand --namespace-selector 'Namespaces this placement governs (label selector over namespace labels)'
            cand --workload-selector 'Workloads this placement governs (label selector over workload labels)'
            cand --clusters 'How many clusters to choose'
            cand --replicas 'duplicated (every cluster runs all replicas) or divided'
            cand --max-skew 'Spread: largest replica difference allowed between locations or clusters'
            cand --takeover 'An object at a copy''s name that tmcctl did not create: Never adopt it (report a conflict), adopt it IfNoDiff (it already matches the copy), or Always'
            cand --deletion-policy 'When this placement stops governing a workload (deleted, or its selectors no longer match): Retain its copies, reported as orphaned, or Delete them at the eviction rate'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --spread-by-location 'Spread: pick clusters in rounds over locations'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;placement;delete'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -y 'Do not ask for confirmation (needed without a terminal)'
            cand --yes 'Do not ask for confirmation (needed without a terminal)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;placement;help'= {
            cand create 'Create a placement policy'
            cand list 'List placements with their strategy and decision'
            cand describe 'Show a placement''s decision and, for every cluster, why it was chosen or rejected'
            cand explain 'Run the engine against the live inventory now and explain the outcome, with the difference from the current decision'
            cand simulate 'Run the engine on a placement file, against the live inventory or a file of clusters (no server needed), and show what it would decide'
            cand update 'Change a placement''s policy (only the flags given)'
            cand delete 'Delete a placement'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;placement;help;create'= {
        }
        &'tmcctl;placement;help;list'= {
        }
        &'tmcctl;placement;help;describe'= {
        }
        &'tmcctl;placement;help;explain'= {
        }
        &'tmcctl;placement;help;simulate'= {
        }
        &'tmcctl;placement;help;update'= {
        }
        &'tmcctl;placement;help;delete'= {
        }
        &'tmcctl;placement;help;help'= {
        }
        &'tmcctl;workload'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List workloads with their placement, clusters and readiness'
            cand ls 'List workloads with their placement, clusters and readiness'
            cand status 'Summarise workloads (or one): where they run and whether they are ready on each cluster'
            cand where 'Show every cluster, namespace and object that holds a copy of a workload (or, with --cluster and --downstream-namespace, which workloads a downstream namespace holds)'
            cand sync 'Ask the controller to sync a workload now; --force-cleanup releases a deleted one'
            cand wait 'Wait until a workload is ready on every chosen cluster'
            cand diff 'Show what tmcctl intends each cluster to hold against what it holds'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;workload;list'= {
            cand -n 'The namespace (default: `default`)'
            cand --namespace 'The namespace (default: `default`)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -A 'Across all namespaces of the workspace'
            cand --all-namespaces 'Across all namespaces of the workspace'
            cand -w 'After listing, keep printing workloads as they change'
            cand --watch 'After listing, keep printing workloads as they change'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;workload;ls'= {
            cand -n 'The namespace (default: `default`)'
            cand --namespace 'The namespace (default: `default`)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -A 'Across all namespaces of the workspace'
            cand --all-namespaces 'Across all namespaces of the workspace'
            cand -w 'After listing, keep printing workloads as they change'
            cand --watch 'After listing, keep printing workloads as they change'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;workload;status'= {
            cand -n 'The namespace (default: `default`)'
            cand --namespace 'The namespace (default: `default`)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -A 'Across all namespaces of the workspace'
            cand --all-namespaces 'Across all namespaces of the workspace'
            cand -w 'After listing, keep printing workloads as they change'
            cand --watch 'After listing, keep printing workloads as they change'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;workload;where'= {
            cand -n 'The namespace (default: `default`)'
            cand --namespace 'The namespace (default: `default`)'
            cand --cluster 'The other way round: the cluster (registration name) that holds the namespace'
            cand --downstream-namespace 'The other way round: a namespace on a physical cluster'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -A 'Across all namespaces of the workspace'
            cand --all-namespaces 'Across all namespaces of the workspace'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;workload;sync'= {
            cand -n 'The namespace (default: `default`)'
            cand --namespace 'The namespace (default: `default`)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -A 'Across all namespaces of the workspace'
            cand --all-namespaces 'Across all namespaces of the workspace'
            cand --force-cleanup 'For a workload being deleted: release its finalizer now, leaving any copies on clusters that are gone for good (copies on reachable clusters should be removed first)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;workload;wait'= {
            cand -n 'The namespace (default: `default`)'
            cand --namespace 'The namespace (default: `default`)'
            cand --for 'What to wait for: `ready` (every chosen cluster Available)'
            cand --timeout 'How long to wait; 0 waits forever'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -A 'Across all namespaces of the workspace'
            cand --all-namespaces 'Across all namespaces of the workspace'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;workload;diff'= {
            cand -n 'The namespace (default: `default`)'
            cand --namespace 'The namespace (default: `default`)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -A 'Across all namespaces of the workspace'
            cand --all-namespaces 'Across all namespaces of the workspace'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;workload;help'= {
            cand list 'List workloads with their placement, clusters and readiness'
            cand status 'Summarise workloads (or one): where they run and whether they are ready on each cluster'
            cand where 'Show every cluster, namespace and object that holds a copy of a workload (or, with --cluster and --downstream-namespace, which workloads a downstream namespace holds)'
            cand sync 'Ask the controller to sync a workload now; --force-cleanup releases a deleted one'
            cand wait 'Wait until a workload is ready on every chosen cluster'
            cand diff 'Show what tmcctl intends each cluster to hold against what it holds'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;workload;help;list'= {
        }
        &'tmcctl;workload;help;status'= {
        }
        &'tmcctl;workload;help;where'= {
        }
        &'tmcctl;workload;help;sync'= {
        }
        &'tmcctl;workload;help;wait'= {
        }
        &'tmcctl;workload;help;diff'= {
        }
        &'tmcctl;workload;help;help'= {
        }
        &'tmcctl;rbac'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand setup 'Create or update the roles tmc:cluster-admin, tmc:operator and tmc:viewer (and the controller''s role and binding in the provider workspace)'
            cand grant 'Bind a TMC role to a user, group or service account in the workspace'
            cand revoke 'Remove a binding `grant` made (and the workspace access it gave, once unused)'
            cand list 'List who holds which TMC role'
            cand ls 'List who holds which TMC role'
            cand check 'Ask the workspace and every registered cluster whether a subject may do something'
            cand who-can 'List the subjects that RBAC objects in the workspace allow to do something'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;rbac;setup'= {
            cand --provider-workspace 'The workspace that publishes the TMC API, where the controller runs; always set up'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --all-bound 'Every workspace that binds the TMC API of the provider workspace'
            cand --dry-run 'Print what would be written (with -o yaml or json, the objects themselves); write nothing'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;rbac;grant'= {
            cand --user 'A user, as kcp authenticates it'
            cand --group 'A group'
            cand --serviceaccount 'A ServiceAccount of the workspace, as NAMESPACE/NAME'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;rbac;revoke'= {
            cand --user 'A user, as kcp authenticates it'
            cand --group 'A group'
            cand --serviceaccount 'A ServiceAccount of the workspace, as NAMESPACE/NAME'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;rbac;list'= {
            cand --provider-workspace 'The workspace that publishes the TMC API (for -A)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -A 'Every workspace that binds the TMC API (of --provider-workspace)'
            cand --all-workspaces 'Every workspace that binds the TMC API (of --provider-workspace)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;rbac;ls'= {
            cand --provider-workspace 'The workspace that publishes the TMC API (for -A)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -A 'Every workspace that binds the TMC API (of --provider-workspace)'
            cand --all-workspaces 'Every workspace that binds the TMC API (of --provider-workspace)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;rbac;check'= {
            cand --user 'The user to ask about'
            cand --group 'A group of the user (repeatable); groups alone ask about any member'
            cand -n 'The namespace the request would be in'
            cand --namespace 'The namespace the request would be in'
            cand --clusters 'Which registered clusters to ask: all, none, or NAME,NAME'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --as-me 'Ask about your own credentials (and, on clusters, about the credentials stored for them)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;rbac;who-can'= {
            cand -n 'The namespace asked about (RoleBindings elsewhere do not count)'
            cand --namespace 'The namespace asked about (RoleBindings elsewhere do not count)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;rbac;help'= {
            cand setup 'Create or update the roles tmc:cluster-admin, tmc:operator and tmc:viewer (and the controller''s role and binding in the provider workspace)'
            cand grant 'Bind a TMC role to a user, group or service account in the workspace'
            cand revoke 'Remove a binding `grant` made (and the workspace access it gave, once unused)'
            cand list 'List who holds which TMC role'
            cand check 'Ask the workspace and every registered cluster whether a subject may do something'
            cand who-can 'List the subjects that RBAC objects in the workspace allow to do something'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;rbac;help;setup'= {
        }
        &'tmcctl;rbac;help;grant'= {
        }
        &'tmcctl;rbac;help;revoke'= {
        }
        &'tmcctl;rbac;help;list'= {
        }
        &'tmcctl;rbac;help;check'= {
        }
        &'tmcctl;rbac;help;who-can'= {
        }
        &'tmcctl;rbac;help;help'= {
        }
        &'tmcctl;backup'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Write the TMC objects of a workspace (or every bound one), its workloads and what they refer to, to an archive'
            cand list 'List the backups in a directory or S3 bucket'
            cand ls 'List the backups in a directory or S3 bucket'
            cand describe 'Show a backup''s workspaces, kinds, counts, size and whether it is encrypted'
            cand verify 'Decrypt a backup and check every entry''s digest and the manifest; touches no server'
            cand delete 'Delete a backup (asks first on a terminal; --yes otherwise)'
            cand schedule 'Backups the controller''s leader takes at an interval, keeping the newest few'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;backup;create'= {
            cand --provider-workspace 'The workspace that publishes the TMC API (for --all-bound)'
            cand --encrypt-to 'Encrypt to this age recipient (age1…; repeatable)'
            cand --passphrase-file 'Encrypt with the passphrase in this file (its first line)'
            cand --to 'Where to write: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)'
            cand --max-size 'The largest archive, uncompressed with its headers (a quantity: 512Mi, 2Gi). `backup create` writes none larger; `restore` reads none larger'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --all-bound 'Every workspace that binds the TMC API (default: --workspace, else the context''s)'
            cand --include-secrets 'Include Secrets (cluster credentials among them); the archive must then be encrypted'
            cand --insecure-plaintext 'Write Secrets unencrypted (not recommended)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;backup;list'= {
            cand --from 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;backup;ls'= {
            cand --from 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;backup;describe'= {
            cand --from 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)'
            cand --passphrase-file 'The passphrase file it was encrypted with'
            cand --identity-file 'An age identity file (AGE-SECRET-KEY-1…) of one of its recipients'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;backup;verify'= {
            cand --from 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)'
            cand --passphrase-file 'The passphrase file it was encrypted with'
            cand --identity-file 'An age identity file (AGE-SECRET-KEY-1…) of one of its recipients'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;backup;delete'= {
            cand --from 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;backup;schedule'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create or change a schedule the controller''s leader runs'
            cand list 'List the schedules with their last run'
            cand ls 'List the schedules with their last run'
            cand delete 'Delete a schedule (its backups stay)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;backup;schedule;create'= {
            cand --every 'How often it runs (such as 6h or 1d; at least 1m)'
            cand --keep 'How many of its backups are kept; older ones are deleted after each run'
            cand --to 'Where its backups go: a directory (the controller''s) or s3://BUCKET/PREFIX (default: the controller''s data directory)'
            cand --workspaces 'Back up these workspaces (comma-separated; default: every bound workspace)'
            cand --encrypt-to 'Encrypt its backups to this age recipient (age1…; repeatable)'
            cand --provider-workspace 'The workspace that publishes the TMC API; schedules live in its tmc-system'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --include-secrets 'Include Secrets (cluster credentials among them); needs --encrypt-to'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;backup;schedule;list'= {
            cand --provider-workspace 'The workspace that publishes the TMC API; schedules live in its tmc-system'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;backup;schedule;ls'= {
            cand --provider-workspace 'The workspace that publishes the TMC API; schedules live in its tmc-system'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;backup;schedule;delete'= {
            cand --provider-workspace 'The workspace that publishes the TMC API; schedules live in its tmc-system'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;backup;schedule;help'= {
            cand create 'Create or change a schedule the controller''s leader runs'
            cand list 'List the schedules with their last run'
            cand delete 'Delete a schedule (its backups stay)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;backup;schedule;help;create'= {
        }
        &'tmcctl;backup;schedule;help;list'= {
        }
        &'tmcctl;backup;schedule;help;delete'= {
        }
        &'tmcctl;backup;schedule;help;help'= {
        }
        &'tmcctl;backup;help'= {
            cand create 'Write the TMC objects of a workspace (or every bound one), its workloads and what they refer to, to an archive'
            cand list 'List the backups in a directory or S3 bucket'
            cand describe 'Show a backup''s workspaces, kinds, counts, size and whether it is encrypted'
            cand verify 'Decrypt a backup and check every entry''s digest and the manifest; touches no server'
            cand delete 'Delete a backup (asks first on a terminal; --yes otherwise)'
            cand schedule 'Backups the controller''s leader takes at an interval, keeping the newest few'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;backup;help;create'= {
        }
        &'tmcctl;backup;help;list'= {
        }
        &'tmcctl;backup;help;describe'= {
        }
        &'tmcctl;backup;help;verify'= {
        }
        &'tmcctl;backup;help;delete'= {
        }
        &'tmcctl;backup;help;schedule'= {
            cand create 'Create or change a schedule the controller''s leader runs'
            cand list 'List the schedules with their last run'
            cand delete 'Delete a schedule (its backups stay)'
        }
        &'tmcctl;backup;help;schedule;create'= {
        }
        &'tmcctl;backup;help;schedule;list'= {
        }
        &'tmcctl;backup;help;schedule;delete'= {
        }
        &'tmcctl;backup;help;help'= {
        }
        &'tmcctl;restore'= {
            cand --from 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)'
            cand --passphrase-file 'The passphrase file it was encrypted with'
            cand --identity-file 'An age identity file (AGE-SECRET-KEY-1…) of one of its recipients'
            cand --max-size 'The largest archive, uncompressed with its headers (a quantity: 512Mi, 2Gi). `backup create` writes none larger; `restore` reads none larger'
            cand --workspace-mapping 'Restore workspace OLD into NEW (repeatable)'
            cand --include-kinds 'Only these kinds (comma-separated, such as ClusterRegistration,WorkloadPlacement)'
            cand --exclude-kinds 'Not these kinds (comma-separated)'
            cand --existing 'What to do with objects that exist: skip (default) or update (server-side apply)'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --plan 'Print what would be created, skipped, updated or pruned; write nothing'
            cand --adopt-downstream 'Take over the objects the backed-up workspaces run on their clusters (fleet recovery onto a new kcp): restored registrations claim the old workspaces'' downstream identity, so the controller adopts those copies instead of making new ones. Refused while the old workspace still exists on this kcp'
            cand --prune 'Delete what the target workspaces hold beyond the backup, in the kinds the backup holds (not Namespaces, nor what the server makes itself); asks first (--yes to skip)'
            cand -y 'Do not ask for confirmation (--prune)'
            cand --yes 'Do not ask for confirmation (--prune)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;metrics'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Serve /metrics, /healthz and /readyz until SIGINT or SIGTERM'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;metrics;serve'= {
            cand --listen 'The address to listen on'
            cand --refresh 'How often to re-read the registrations'
            cand --tls-cert-file 'Serve over TLS (1.2 or 1.3) with this PEM certificate chain; read again when the file changes, without a restart'
            cand --tls-private-key-file 'The PEM private key of --tls-cert-file'
            cand --client-ca-file 'Require a client certificate signed by a CA in this PEM file (mutual TLS)'
            cand --authn-authz-kubeconfig 'Send those reviews to the API server of this kubeconfig''s current context (where the scrapers'' ServiceAccounts live) instead of the one tmcctl connects to'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --authn-authz 'Let only authorized scrapers read /metrics: a bearer token is checked with a TokenReview (a client certificate names its user itself), then `get /metrics` with a SubjectAccessReview. /healthz and /readyz stay open. Needs TLS'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;metrics;help'= {
            cand serve 'Serve /metrics, /healthz and /readyz until SIGINT or SIGTERM'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;metrics;help;serve'= {
        }
        &'tmcctl;metrics;help;help'= {
        }
        &'tmcctl;controller'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand run 'Run the reconcile loops until SIGINT or SIGTERM'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;controller;run'= {
            cand --provider-workspace 'The workspace holding the TMC APIExport; the controller serves every workspace bound to it, unless the global --workspace names one'
            cand --probe-interval 'How often every registered cluster is probed'
            cand --probe-timeout 'How long one probe may take'
            cand --heartbeat-grace 'How long a cluster may go unheard before it becomes Unknown'
            cand --resync-period 'How often every placement is decided again, in case a watch missed a change'
            cand --metrics-addr 'Where to serve /metrics, /healthz and /readyz'
            cand --tls-cert-file 'Serve over TLS (1.2 or 1.3) with this PEM certificate chain; read again when the file changes, without a restart'
            cand --tls-private-key-file 'The PEM private key of --tls-cert-file'
            cand --client-ca-file 'Require a client certificate signed by a CA in this PEM file (mutual TLS)'
            cand --authn-authz-kubeconfig 'Send those reviews to the API server of this kubeconfig''s current context (where the scrapers'' ServiceAccounts live) instead of the one tmcctl connects to'
            cand --otlp-endpoint 'Send OpenTelemetry traces over OTLP/HTTP to this receiver, such as http://otel-collector:4318 or Jaeger''s http://jaeger:4318 (/v1/traces is appended). Default: $OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else $OTEL_EXPORTER_OTLP_ENDPOINT; none: no traces'
            cand --trace-sampling-ratio 'Keep this share of new traces, 0 to 1 (a trace continued from a sampled parent is always kept). Default: $OTEL_TRACES_SAMPLER and $OTEL_TRACES_SAMPLER_ARG, else 1'
            cand --leader-elect 'Elect a leader among replicas through a Lease (tmc-system/tmcctl-controller in the provider workspace); only the leader writes. `--leader-elect=false` runs without'
            cand --leader-elect-lease-duration 'How long a leader''s claim lasts without renewal'
            cand --leader-elect-renew-deadline 'How long a leader tries to renew before it stops writing and exits'
            cand --leader-elect-retry-period 'How often standbys try to take the lease and the leader renews it'
            cand --kube-api-qps 'Requests per second to kcp and to each cluster'
            cand --kube-api-burst 'Requests allowed at once above --kube-api-qps'
            cand --max-requests-in-flight 'Requests waiting for an answer at once, per server (watches not counted)'
            cand --probe-workers 'Clusters probed at the same time'
            cand --placement-workers 'Placements decided at the same time'
            cand --sync-workers 'Workloads synced at the same time'
            cand --move-timeout 'How long an old copy is kept at most while its replacement on another cluster does not become Available (it goes as soon as the replacement is Available)'
            cand --eviction-grace 'How long a chosen cluster may be Unknown before its workloads are placed elsewhere'
            cand --eviction-rate 'Old copies removed after moves and evictions, at most this many a second (copies of deleted workloads are not limited)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --once 'Do one pass of every loop, print what it saw, and exit (no leader election)'
            cand --authn-authz 'Let only authorized scrapers read /metrics: a bearer token is checked with a TokenReview (a client certificate names its user itself), then `get /metrics` with a SubjectAccessReview. /healthz and /readyz stay open. Needs TLS'
            cand --allow-exec 'Allow cluster credentials that run an exec plugin'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;controller;help'= {
            cand run 'Run the reconcile loops until SIGINT or SIGTERM'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;controller;help;run'= {
        }
        &'tmcctl;controller;help;help'= {
        }
        &'tmcctl;install'= {
            cand --provider-workspace 'The kcp workspace that publishes the TMC API; created when missing'
            cand --bind 'Bind the TMC API in this workspace (repeatable); it must exist unless --create-workspaces'
            cand --workload-apis 'Publish these workload types in the TMC API, their schemas imported from the clusters registered in the --bind workspaces (and --schema-kubeconfig): comma-separated plural.group, or plural alone for the core group. Without a value: deployments.apps,statefulsets.apps,daemonsets.apps,jobs.batch,services,ingresses.networking.k8s.io. Types published before stay published, with or without this flag'
            cand --schema-kubeconfig 'Also import --workload-apis schemas from the cluster of this kubeconfig (its current context; repeatable). Every cluster must serve each type; where their schemas differ, only the fields all of them serve are published (each one left out is named)'
            cand --dry-run 'Only print what would be done (client-side); change nothing'
            cand --timeout 'How long to wait for workspaces to be Ready, bindings Bound and CRDs Established'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --create-workspaces 'Create --bind workspaces (and their parents) that do not exist yet'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;uninstall'= {
            cand --provider-workspace 'The kcp workspace that publishes the TMC API'
            cand --bind 'Remove the APIBinding from this workspace too (repeatable)'
            cand --timeout 'How long to wait for bindings to be gone'
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --force 'Remove the API even though ClusterRegistrations or WorkloadPlacements exist'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;version'= {
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --client 'Only the client version; make no network call'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;completion'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;config'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand view 'Every setting the config file may hold, its value now and its source: a flag, an environment variable, the config file or the built-in default'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;config;view'= {
            cand -o 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --output 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --no-headers 'Leave out the header row of tables'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;config;help'= {
            cand view 'Every setting the config file may hold, its value now and its source: a flag, an environment variable, the config file or the built-in default'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;config;help;view'= {
        }
        &'tmcctl;config;help;help'= {
        }
        &'tmcctl;plugin'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand install 'Link kubectl-tmc (and its completer, kubectl_complete-tmc) to this binary, so that `kubectl tmc …` runs tmcctl and completes its words'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;plugin;install'= {
            cand --dir 'The directory for the links; it must be on PATH for kubectl to find them (default: the directory holding this binary)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current-context)'
            cand --workspace 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)'
            cand --request-timeout 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever'
            cand --log-format 'Log lines as text, or as one JSON object per line (for log collectors)'
            cand --force 'Replace files of those names that are not links to this binary'
            cand -v 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand --verbose 'More log output on stderr: -v info, -vv debug, -vvv trace'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tmcctl;plugin;help'= {
            cand install 'Link kubectl-tmc (and its completer, kubectl_complete-tmc) to this binary, so that `kubectl tmc …` runs tmcctl and completes its words'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;plugin;help;install'= {
        }
        &'tmcctl;plugin;help;help'= {
        }
        &'tmcctl;help'= {
            cand status 'The fleet on one screen: kcp, the TMC API, the controller, clusters, placements, workloads, drift and backups; exits 11 when anything is wrong'
            cand doctor 'Check kcp, the TMC API binding, the controller and every cluster (reachable, allowed what the controller does there, clock in step), each failure with its fix'
            cand cluster 'Register, list, inspect, cordon, drain and unregister physical clusters'
            cand placement 'Create, inspect, explain and simulate workload placement policies'
            cand workload 'See where workloads run and how they are doing on each cluster'
            cand rbac 'Manage the TMC roles (tmc:cluster-admin, tmc:operator, tmc:viewer), who holds them, and check access across the workspace and every cluster'
            cand backup 'Archives of workspaces on this machine: create, list, describe, verify, delete'
            cand restore 'Restore a backup into its workspaces (or others): --plan first; existing objects are skipped unless --existing update; nothing is deleted'
            cand metrics 'Serve Prometheus metrics, /healthz and /readyz'
            cand controller 'Run the in-process reconcile loops (health, placement, sync, status)'
            cand install 'Publish the TMC API: in kcp as an APIExport (and bind it), else as CRDs'
            cand uninstall 'Remove what `install` published; refuses while TMC objects exist unless --force'
            cand version 'Print the client version, and the server''s when it can be reached'
            cand completion 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand config 'Show the settings in effect and where each comes from (flag, environment, config file)'
            cand plugin 'Use tmcctl as a kubectl plugin: `kubectl tmc …`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tmcctl;help;status'= {
        }
        &'tmcctl;help;doctor'= {
        }
        &'tmcctl;help;cluster'= {
            cand list 'List registered clusters with their location, health and heartbeat'
            cand register 'Register a physical cluster (re-running updates the registration in place)'
            cand status 'Show a cluster''s conditions, capacity, health score, taints and workloads'
            cand update 'Change a cluster''s labels, location, capabilities or credentials'
            cand cordon 'Stop placing new workloads on a cluster'
            cand uncordon 'Allow placing workloads on a cluster again (also ends a drain)'
            cand drain 'Cordon a cluster so its workloads move elsewhere (checked first: the others must take them)'
            cand unregister 'Remove a cluster''s registration and its stored credentials'
            cand rotate-credentials 'Replace the stored ServiceAccount token of a cluster without downtime'
        }
        &'tmcctl;help;cluster;list'= {
        }
        &'tmcctl;help;cluster;register'= {
        }
        &'tmcctl;help;cluster;status'= {
        }
        &'tmcctl;help;cluster;update'= {
        }
        &'tmcctl;help;cluster;cordon'= {
        }
        &'tmcctl;help;cluster;uncordon'= {
        }
        &'tmcctl;help;cluster;drain'= {
        }
        &'tmcctl;help;cluster;unregister'= {
        }
        &'tmcctl;help;cluster;rotate-credentials'= {
        }
        &'tmcctl;help;placement'= {
            cand create 'Create a placement policy'
            cand list 'List placements with their strategy and decision'
            cand describe 'Show a placement''s decision and, for every cluster, why it was chosen or rejected'
            cand explain 'Run the engine against the live inventory now and explain the outcome, with the difference from the current decision'
            cand simulate 'Run the engine on a placement file, against the live inventory or a file of clusters (no server needed), and show what it would decide'
            cand update 'Change a placement''s policy (only the flags given)'
            cand delete 'Delete a placement'
        }
        &'tmcctl;help;placement;create'= {
        }
        &'tmcctl;help;placement;list'= {
        }
        &'tmcctl;help;placement;describe'= {
        }
        &'tmcctl;help;placement;explain'= {
        }
        &'tmcctl;help;placement;simulate'= {
        }
        &'tmcctl;help;placement;update'= {
        }
        &'tmcctl;help;placement;delete'= {
        }
        &'tmcctl;help;workload'= {
            cand list 'List workloads with their placement, clusters and readiness'
            cand status 'Summarise workloads (or one): where they run and whether they are ready on each cluster'
            cand where 'Show every cluster, namespace and object that holds a copy of a workload (or, with --cluster and --downstream-namespace, which workloads a downstream namespace holds)'
            cand sync 'Ask the controller to sync a workload now; --force-cleanup releases a deleted one'
            cand wait 'Wait until a workload is ready on every chosen cluster'
            cand diff 'Show what tmcctl intends each cluster to hold against what it holds'
        }
        &'tmcctl;help;workload;list'= {
        }
        &'tmcctl;help;workload;status'= {
        }
        &'tmcctl;help;workload;where'= {
        }
        &'tmcctl;help;workload;sync'= {
        }
        &'tmcctl;help;workload;wait'= {
        }
        &'tmcctl;help;workload;diff'= {
        }
        &'tmcctl;help;rbac'= {
            cand setup 'Create or update the roles tmc:cluster-admin, tmc:operator and tmc:viewer (and the controller''s role and binding in the provider workspace)'
            cand grant 'Bind a TMC role to a user, group or service account in the workspace'
            cand revoke 'Remove a binding `grant` made (and the workspace access it gave, once unused)'
            cand list 'List who holds which TMC role'
            cand check 'Ask the workspace and every registered cluster whether a subject may do something'
            cand who-can 'List the subjects that RBAC objects in the workspace allow to do something'
        }
        &'tmcctl;help;rbac;setup'= {
        }
        &'tmcctl;help;rbac;grant'= {
        }
        &'tmcctl;help;rbac;revoke'= {
        }
        &'tmcctl;help;rbac;list'= {
        }
        &'tmcctl;help;rbac;check'= {
        }
        &'tmcctl;help;rbac;who-can'= {
        }
        &'tmcctl;help;backup'= {
            cand create 'Write the TMC objects of a workspace (or every bound one), its workloads and what they refer to, to an archive'
            cand list 'List the backups in a directory or S3 bucket'
            cand describe 'Show a backup''s workspaces, kinds, counts, size and whether it is encrypted'
            cand verify 'Decrypt a backup and check every entry''s digest and the manifest; touches no server'
            cand delete 'Delete a backup (asks first on a terminal; --yes otherwise)'
            cand schedule 'Backups the controller''s leader takes at an interval, keeping the newest few'
        }
        &'tmcctl;help;backup;create'= {
        }
        &'tmcctl;help;backup;list'= {
        }
        &'tmcctl;help;backup;describe'= {
        }
        &'tmcctl;help;backup;verify'= {
        }
        &'tmcctl;help;backup;delete'= {
        }
        &'tmcctl;help;backup;schedule'= {
            cand create 'Create or change a schedule the controller''s leader runs'
            cand list 'List the schedules with their last run'
            cand delete 'Delete a schedule (its backups stay)'
        }
        &'tmcctl;help;backup;schedule;create'= {
        }
        &'tmcctl;help;backup;schedule;list'= {
        }
        &'tmcctl;help;backup;schedule;delete'= {
        }
        &'tmcctl;help;restore'= {
        }
        &'tmcctl;help;metrics'= {
            cand serve 'Serve /metrics, /healthz and /readyz until SIGINT or SIGTERM'
        }
        &'tmcctl;help;metrics;serve'= {
        }
        &'tmcctl;help;controller'= {
            cand run 'Run the reconcile loops until SIGINT or SIGTERM'
        }
        &'tmcctl;help;controller;run'= {
        }
        &'tmcctl;help;install'= {
        }
        &'tmcctl;help;uninstall'= {
        }
        &'tmcctl;help;version'= {
        }
        &'tmcctl;help;completion'= {
        }
        &'tmcctl;help;config'= {
            cand view 'Every setting the config file may hold, its value now and its source: a flag, an environment variable, the config file or the built-in default'
        }
        &'tmcctl;help;config;view'= {
        }
        &'tmcctl;help;plugin'= {
            cand install 'Link kubectl-tmc (and its completer, kubectl_complete-tmc) to this binary, so that `kubectl tmc …` runs tmcctl and completes its words'
        }
        &'tmcctl;help;plugin;install'= {
        }
        &'tmcctl;help;help'= {
        }
    ]
    $completions[$command]
}
