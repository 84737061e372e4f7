
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'tmcctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'tmcctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'tmcctl' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The fleet on one screen: kcp, the TMC API, the controller, clusters, placements, workloads, drift and backups; exits 11 when anything is wrong')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check kcp, the TMC API binding, the controller and every cluster (reachable, allowed what the controller does there, clock in step), each failure with its fix')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Register, list, inspect, cordon, drain and unregister physical clusters')
            [CompletionResult]::new('placement', 'placement', [CompletionResultType]::ParameterValue, 'Create, inspect, explain and simulate workload placement policies')
            [CompletionResult]::new('workload', 'workload', [CompletionResultType]::ParameterValue, 'See where workloads run and how they are doing on each cluster')
            [CompletionResult]::new('rbac', 'rbac', [CompletionResultType]::ParameterValue, 'Manage the TMC roles (tmc:cluster-admin, tmc:operator, tmc:viewer), who holds them, and check access across the workspace and every cluster')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Archives of workspaces on this machine: create, list, describe, verify, delete')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup into its workspaces (or others): --plan first; existing objects are skipped unless --existing update; nothing is deleted')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Serve Prometheus metrics, /healthz and /readyz')
            [CompletionResult]::new('controller', 'controller', [CompletionResultType]::ParameterValue, 'Run the in-process reconcile loops (health, placement, sync, status)')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Publish the TMC API: in kcp as an APIExport (and bind it), else as CRDs')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove what `install` published; refuses while TMC objects exist unless --force')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the client version, and the server''s when it can be reached')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the settings in effect and where each comes from (flag, environment, config file)')
            [CompletionResult]::new('plugin', 'plugin', [CompletionResultType]::ParameterValue, 'Use tmcctl as a kubectl plugin: `kubectl tmc …`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;status' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;doctor' {
            [CompletionResult]::new('--provider-workspace', '--provider-workspace', [CompletionResultType]::ParameterName, 'The workspace that publishes the TMC API (with --all-bound)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--all-bound', '--all-bound', [CompletionResultType]::ParameterName, 'Check every workspace bound to the TMC API of --provider-workspace, not only the current one')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;cluster' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List registered clusters with their location, health and heartbeat')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List registered clusters with their location, health and heartbeat')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a physical cluster (re-running updates the registration in place)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a cluster''s conditions, capacity, health score, taints and workloads')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a cluster''s conditions, capacity, health score, taints and workloads')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a cluster''s labels, location, capabilities or credentials')
            [CompletionResult]::new('cordon', 'cordon', [CompletionResultType]::ParameterValue, 'Stop placing new workloads on a cluster')
            [CompletionResult]::new('uncordon', 'uncordon', [CompletionResultType]::ParameterValue, 'Allow placing workloads on a cluster again (also ends a drain)')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Cordon a cluster so its workloads move elsewhere (checked first: the others must take them)')
            [CompletionResult]::new('unregister', 'unregister', [CompletionResultType]::ParameterValue, 'Remove a cluster''s registration and its stored credentials')
            [CompletionResult]::new('rotate-credentials', 'rotate-credentials', [CompletionResultType]::ParameterValue, 'Replace the stored ServiceAccount token of a cluster without downtime')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;cluster;list' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Only clusters whose labels match this selector (e.g. env=prod,tier!=edge)')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Only clusters whose labels match this selector (e.g. env=prod,tier!=edge)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, keep printing clusters as they change')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, keep printing clusters as they change')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;cluster;ls' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Only clusters whose labels match this selector (e.g. env=prod,tier!=edge)')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Only clusters whose labels match this selector (e.g. env=prod,tier!=edge)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, keep printing clusters as they change')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, keep printing clusters as they change')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;cluster;register' {
            [CompletionResult]::new('--cluster-kubeconfig', '--cluster-kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig of the physical cluster (the global --kubeconfig is the kcp one)')
            [CompletionResult]::new('--cluster-context', '--cluster-context', [CompletionResultType]::ParameterName, 'Context in --cluster-kubeconfig (default: its current-context)')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Where the cluster runs (a region, zone or site), e.g. eu-west-1')
            [CompletionResult]::new('--labels', '--labels', [CompletionResultType]::ParameterName, 'Labels for placement selectors: key=value,…')
            [CompletionResult]::new('--capabilities', '--capabilities', [CompletionResultType]::ParameterName, 'Capabilities as type:true|false,… (e.g. gpu:true,arm64:false)')
            [CompletionResult]::new('--deletion-policy', '--deletion-policy', [CompletionResultType]::ParameterName, 'What happens to the copies on the cluster when it is unregistered: Retain them (the default; workloads report them as left behind) or Delete them first')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'client: print what would be written; server: also have the server validate it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--allow-exec', '--allow-exec', [CompletionResultType]::ParameterName, 'Store credentials that run an exec plugin (the controller would run that program)')
            [CompletionResult]::new('--skip-verify', '--skip-verify', [CompletionResultType]::ParameterName, 'Do not connect to the cluster before registering it')
            [CompletionResult]::new('--create-service-account', '--create-service-account', [CompletionResultType]::ParameterName, 'Create a ServiceAccount in the cluster with only the permissions tmcctl needs there, and store its token instead of the credentials given (which are then never stored)')
            [CompletionResult]::new('--allow-insecure', '--allow-insecure', [CompletionResultType]::ParameterName, 'Accept credentials that turn TLS verification off (insecure-skip-tls-verify); `cluster status` shows it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Register without the confirmation asked after the questions on a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Register without the confirmation asked after the questions on a terminal')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;cluster;status' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;cluster;describe' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;cluster;update' {
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'New location')
            [CompletionResult]::new('--labels', '--labels', [CompletionResultType]::ParameterName, 'Label changes: key=value sets, key- removes (comma-separated)')
            [CompletionResult]::new('--capabilities', '--capabilities', [CompletionResultType]::ParameterName, 'Replace the capabilities: type:true|false,…')
            [CompletionResult]::new('--cluster-kubeconfig', '--cluster-kubeconfig', [CompletionResultType]::ParameterName, 'Rotate credentials from this kubeconfig of the physical cluster')
            [CompletionResult]::new('--cluster-context', '--cluster-context', [CompletionResultType]::ParameterName, 'Context in --cluster-kubeconfig')
            [CompletionResult]::new('--deletion-policy', '--deletion-policy', [CompletionResultType]::ParameterName, 'What happens to the copies on the cluster when it is unregistered: Retain or Delete')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--allow-exec', '--allow-exec', [CompletionResultType]::ParameterName, 'Store credentials that run an exec plugin')
            [CompletionResult]::new('--allow-insecure', '--allow-insecure', [CompletionResultType]::ParameterName, 'Store credentials for a plain-HTTP server or with TLS verification off')
            [CompletionResult]::new('--skip-verify', '--skip-verify', [CompletionResultType]::ParameterName, 'Do not connect to the cluster with the new credentials before storing them')
            [CompletionResult]::new('--force-conflicts', '--force-conflicts', [CompletionResultType]::ParameterName, 'Take ownership of fields another manager (kubectl, another tool) set differently')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;cluster;cordon' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;cluster;uncordon' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;cluster;drain' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long --wait waits')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until no placement places workloads on the cluster and no workload copy is left there')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Drain even when some placement would be left with no cluster (its workloads then stay where they are until a cluster can take them)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;cluster;unregister' {
            [CompletionResult]::new('--deletion-policy', '--deletion-policy', [CompletionResultType]::ParameterName, 'What becomes of the copies on the cluster: Retain them, or Delete them before the registration goes (default: the registration''s own deletion policy, else Retain)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the controller to remove the copies (deletion policy Delete)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Unregister even though placements still place workloads on the cluster; run again on a registration waiting for its copies to be removed, let it go at once (the copies left stay, and their workloads report them)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;cluster;rotate-credentials' {
            [CompletionResult]::new('--cluster-kubeconfig', '--cluster-kubeconfig', [CompletionResultType]::ParameterName, 'Admin kubeconfig of the physical cluster, used to make the new token (never stored)')
            [CompletionResult]::new('--cluster-context', '--cluster-context', [CompletionResultType]::ParameterName, 'Context in --cluster-kubeconfig (default: its current-context)')
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'How long the old tokens stay valid after the new one is stored')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;cluster;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List registered clusters with their location, health and heartbeat')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a physical cluster (re-running updates the registration in place)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a cluster''s conditions, capacity, health score, taints and workloads')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a cluster''s labels, location, capabilities or credentials')
            [CompletionResult]::new('cordon', 'cordon', [CompletionResultType]::ParameterValue, 'Stop placing new workloads on a cluster')
            [CompletionResult]::new('uncordon', 'uncordon', [CompletionResultType]::ParameterValue, 'Allow placing workloads on a cluster again (also ends a drain)')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Cordon a cluster so its workloads move elsewhere (checked first: the others must take them)')
            [CompletionResult]::new('unregister', 'unregister', [CompletionResultType]::ParameterValue, 'Remove a cluster''s registration and its stored credentials')
            [CompletionResult]::new('rotate-credentials', 'rotate-credentials', [CompletionResultType]::ParameterValue, 'Replace the stored ServiceAccount token of a cluster without downtime')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;cluster;help;list' {
            break
        }
        'tmcctl;cluster;help;register' {
            break
        }
        'tmcctl;cluster;help;status' {
            break
        }
        'tmcctl;cluster;help;update' {
            break
        }
        'tmcctl;cluster;help;cordon' {
            break
        }
        'tmcctl;cluster;help;uncordon' {
            break
        }
        'tmcctl;cluster;help;drain' {
            break
        }
        'tmcctl;cluster;help;unregister' {
            break
        }
        'tmcctl;cluster;help;rotate-credentials' {
            break
        }
        'tmcctl;cluster;help;help' {
            break
        }
        'tmcctl;placement' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a placement policy')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List placements with their strategy and decision')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List placements with their strategy and decision')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a placement''s decision and, for every cluster, why it was chosen or rejected')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Run the engine against the live inventory now and explain the outcome, with the difference from the current decision')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Run the engine on a placement file, against the live inventory or a file of clusters (no server needed), and show what it would decide')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a placement''s policy (only the flags given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a placement')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;placement;create' {
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'RoundRobin, Spread or Affinity')
            [CompletionResult]::new('--location-selector', '--location-selector', [CompletionResultType]::ParameterName, 'Eligible clusters, as a label selector over cluster labels and `location` (e.g. env=production or "location in (eu-west,eu-north),tier!=edge")')
            [CompletionResult]::new('--capabilities', '--capabilities', [CompletionResultType]::ParameterName, 'Capabilities as type:required,… where true means required and false preferred')
            [CompletionResult]::new('--namespace-selector', '--namespace-selector', [CompletionResultType]::ParameterName, 'Namespaces this placement governs (label selector over namespace labels)')
            [CompletionResult]::new('--workload-selector', '--workload-selector', [CompletionResultType]::ParameterName, 'Workloads this placement governs (label selector over workload labels)')
            [CompletionResult]::new('--clusters', '--clusters', [CompletionResultType]::ParameterName, 'How many clusters to choose')
            [CompletionResult]::new('--replicas', '--replicas', [CompletionResultType]::ParameterName, 'duplicated (every cluster runs all replicas) or divided')
            [CompletionResult]::new('--max-skew', '--max-skew', [CompletionResultType]::ParameterName, 'Spread: largest replica difference allowed between locations or clusters')
            [CompletionResult]::new('--takeover', '--takeover', [CompletionResultType]::ParameterName, 'An object at a copy''s name that tmcctl did not create: Never adopt it (report a conflict), adopt it IfNoDiff (it already matches the copy), or Always')
            [CompletionResult]::new('--deletion-policy', '--deletion-policy', [CompletionResultType]::ParameterName, 'When this placement stops governing a workload (deleted, or its selectors no longer match): Retain its copies, reported as orphaned, or Delete them at the eviction rate')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'client: print the object; server: also have the server validate it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--spread-by-location', '--spread-by-location', [CompletionResultType]::ParameterName, 'Spread: pick clusters in rounds over locations')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Save without the questions asked on a terminal (the strategy when --strategy is left out, and whether to save after the engine''s decision is shown)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Save without the questions asked on a terminal (the strategy when --strategy is left out, and whether to save after the engine''s decision is shown)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;placement;list' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Only placements whose labels match this selector')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Only placements whose labels match this selector')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;placement;ls' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Only placements whose labels match this selector')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Only placements whose labels match this selector')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;placement;describe' {
            [CompletionResult]::new('--replicas', '--replicas', [CompletionResultType]::ParameterName, 'Explain for a workload of this many replicas (shows the division); 0 decides clusters only')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;placement;explain' {
            [CompletionResult]::new('--replicas', '--replicas', [CompletionResultType]::ParameterName, 'Explain for a workload of this many replicas (shows the division); 0 decides clusters only')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;placement;simulate' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The WorkloadPlacement manifest (YAML or JSON, at most 16 MiB)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'The WorkloadPlacement manifest (YAML or JSON, at most 16 MiB)')
            [CompletionResult]::new('--clusters-from', '--clusters-from', [CompletionResultType]::ParameterName, '`live` (the workspace''s registered clusters) or a file of ClusterRegistrations (a List, or a YAML stream of objects; at most 16 MiB)')
            [CompletionResult]::new('--replicas', '--replicas', [CompletionResultType]::ParameterName, 'Simulate a workload with this many replicas (shows the division)')
            [CompletionResult]::new('--workload', '--workload', [CompletionResultType]::ParameterName, 'The workload identity the hash uses (RoundRobin); default: the placement''s name')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;placement;update' {
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'RoundRobin, Spread or Affinity')
            [CompletionResult]::new('--location-selector', '--location-selector', [CompletionResultType]::ParameterName, 'Eligible clusters, as a label selector over cluster labels and `location` (e.g. env=production or "location in (eu-west,eu-north),tier!=edge")')
            [CompletionResult]::new('--capabilities', '--capabilities', [CompletionResultType]::ParameterName, 'Capabilities as type:required,… where true means required and false preferred')
            [CompletionResult]::new('--namespace-selector', '--namespace-selector', [CompletionResultType]::ParameterName, 'Namespaces this placement governs (label selector over namespace labels)')
            [CompletionResult]::new('--workload-selector', '--workload-selector', [CompletionResultType]::ParameterName, 'Workloads this placement governs (label selector over workload labels)')
            [CompletionResult]::new('--clusters', '--clusters', [CompletionResultType]::ParameterName, 'How many clusters to choose')
            [CompletionResult]::new('--replicas', '--replicas', [CompletionResultType]::ParameterName, 'duplicated (every cluster runs all replicas) or divided')
            [CompletionResult]::new('--max-skew', '--max-skew', [CompletionResultType]::ParameterName, 'Spread: largest replica difference allowed between locations or clusters')
            [CompletionResult]::new('--takeover', '--takeover', [CompletionResultType]::ParameterName, 'An object at a copy''s name that tmcctl did not create: Never adopt it (report a conflict), adopt it IfNoDiff (it already matches the copy), or Always')
            [CompletionResult]::new('--deletion-policy', '--deletion-policy', [CompletionResultType]::ParameterName, 'When this placement stops governing a workload (deleted, or its selectors no longer match): Retain its copies, reported as orphaned, or Delete them at the eviction rate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--spread-by-location', '--spread-by-location', [CompletionResultType]::ParameterName, 'Spread: pick clusters in rounds over locations')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;placement;delete' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;placement;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a placement policy')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List placements with their strategy and decision')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a placement''s decision and, for every cluster, why it was chosen or rejected')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Run the engine against the live inventory now and explain the outcome, with the difference from the current decision')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Run the engine on a placement file, against the live inventory or a file of clusters (no server needed), and show what it would decide')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a placement''s policy (only the flags given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a placement')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;placement;help;create' {
            break
        }
        'tmcctl;placement;help;list' {
            break
        }
        'tmcctl;placement;help;describe' {
            break
        }
        'tmcctl;placement;help;explain' {
            break
        }
        'tmcctl;placement;help;simulate' {
            break
        }
        'tmcctl;placement;help;update' {
            break
        }
        'tmcctl;placement;help;delete' {
            break
        }
        'tmcctl;placement;help;help' {
            break
        }
        'tmcctl;workload' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List workloads with their placement, clusters and readiness')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List workloads with their placement, clusters and readiness')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Summarise workloads (or one): where they run and whether they are ready on each cluster')
            [CompletionResult]::new('where', 'where', [CompletionResultType]::ParameterValue, 'Show every cluster, namespace and object that holds a copy of a workload (or, with --cluster and --downstream-namespace, which workloads a downstream namespace holds)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Ask the controller to sync a workload now; --force-cleanup releases a deleted one')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a workload is ready on every chosen cluster')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what tmcctl intends each cluster to hold against what it holds')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;workload;list' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, keep printing workloads as they change')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, keep printing workloads as they change')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;workload;ls' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, keep printing workloads as they change')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, keep printing workloads as they change')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;workload;status' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, keep printing workloads as they change')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, keep printing workloads as they change')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;workload;where' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The other way round: the cluster (registration name) that holds the namespace')
            [CompletionResult]::new('--downstream-namespace', '--downstream-namespace', [CompletionResultType]::ParameterName, 'The other way round: a namespace on a physical cluster')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;workload;sync' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('--force-cleanup', '--force-cleanup', [CompletionResultType]::ParameterName, 'For a workload being deleted: release its finalizer now, leaving any copies on clusters that are gone for good (copies on reachable clusters should be removed first)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;workload;wait' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'What to wait for: `ready` (every chosen cluster Available)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait; 0 waits forever')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;workload;diff' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace (default: `default`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Across all namespaces of the workspace')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;workload;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List workloads with their placement, clusters and readiness')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Summarise workloads (or one): where they run and whether they are ready on each cluster')
            [CompletionResult]::new('where', 'where', [CompletionResultType]::ParameterValue, 'Show every cluster, namespace and object that holds a copy of a workload (or, with --cluster and --downstream-namespace, which workloads a downstream namespace holds)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Ask the controller to sync a workload now; --force-cleanup releases a deleted one')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a workload is ready on every chosen cluster')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what tmcctl intends each cluster to hold against what it holds')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;workload;help;list' {
            break
        }
        'tmcctl;workload;help;status' {
            break
        }
        'tmcctl;workload;help;where' {
            break
        }
        'tmcctl;workload;help;sync' {
            break
        }
        'tmcctl;workload;help;wait' {
            break
        }
        'tmcctl;workload;help;diff' {
            break
        }
        'tmcctl;workload;help;help' {
            break
        }
        'tmcctl;rbac' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Create or update the roles tmc:cluster-admin, tmc:operator and tmc:viewer (and the controller''s role and binding in the provider workspace)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Bind a TMC role to a user, group or service account in the workspace')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove a binding `grant` made (and the workspace access it gave, once unused)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List who holds which TMC role')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List who holds which TMC role')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Ask the workspace and every registered cluster whether a subject may do something')
            [CompletionResult]::new('who-can', 'who-can', [CompletionResultType]::ParameterValue, 'List the subjects that RBAC objects in the workspace allow to do something')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;rbac;setup' {
            [CompletionResult]::new('--provider-workspace', '--provider-workspace', [CompletionResultType]::ParameterName, 'The workspace that publishes the TMC API, where the controller runs; always set up')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--all-bound', '--all-bound', [CompletionResultType]::ParameterName, 'Every workspace that binds the TMC API of the provider workspace')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written (with -o yaml or json, the objects themselves); write nothing')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;rbac;grant' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'A user, as kcp authenticates it')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'A group')
            [CompletionResult]::new('--serviceaccount', '--serviceaccount', [CompletionResultType]::ParameterName, 'A ServiceAccount of the workspace, as NAMESPACE/NAME')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;rbac;revoke' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'A user, as kcp authenticates it')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'A group')
            [CompletionResult]::new('--serviceaccount', '--serviceaccount', [CompletionResultType]::ParameterName, 'A ServiceAccount of the workspace, as NAMESPACE/NAME')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;rbac;list' {
            [CompletionResult]::new('--provider-workspace', '--provider-workspace', [CompletionResultType]::ParameterName, 'The workspace that publishes the TMC API (for -A)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Every workspace that binds the TMC API (of --provider-workspace)')
            [CompletionResult]::new('--all-workspaces', '--all-workspaces', [CompletionResultType]::ParameterName, 'Every workspace that binds the TMC API (of --provider-workspace)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;rbac;ls' {
            [CompletionResult]::new('--provider-workspace', '--provider-workspace', [CompletionResultType]::ParameterName, 'The workspace that publishes the TMC API (for -A)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Every workspace that binds the TMC API (of --provider-workspace)')
            [CompletionResult]::new('--all-workspaces', '--all-workspaces', [CompletionResultType]::ParameterName, 'Every workspace that binds the TMC API (of --provider-workspace)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;rbac;check' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user to ask about')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'A group of the user (repeatable); groups alone ask about any member')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace the request would be in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace the request would be in')
            [CompletionResult]::new('--clusters', '--clusters', [CompletionResultType]::ParameterName, 'Which registered clusters to ask: all, none, or NAME,NAME')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--as-me', '--as-me', [CompletionResultType]::ParameterName, 'Ask about your own credentials (and, on clusters, about the credentials stored for them)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;rbac;who-can' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace asked about (RoleBindings elsewhere do not count)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace asked about (RoleBindings elsewhere do not count)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;rbac;help' {
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Create or update the roles tmc:cluster-admin, tmc:operator and tmc:viewer (and the controller''s role and binding in the provider workspace)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Bind a TMC role to a user, group or service account in the workspace')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove a binding `grant` made (and the workspace access it gave, once unused)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List who holds which TMC role')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Ask the workspace and every registered cluster whether a subject may do something')
            [CompletionResult]::new('who-can', 'who-can', [CompletionResultType]::ParameterValue, 'List the subjects that RBAC objects in the workspace allow to do something')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;rbac;help;setup' {
            break
        }
        'tmcctl;rbac;help;grant' {
            break
        }
        'tmcctl;rbac;help;revoke' {
            break
        }
        'tmcctl;rbac;help;list' {
            break
        }
        'tmcctl;rbac;help;check' {
            break
        }
        'tmcctl;rbac;help;who-can' {
            break
        }
        'tmcctl;rbac;help;help' {
            break
        }
        'tmcctl;backup' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Write the TMC objects of a workspace (or every bound one), its workloads and what they refer to, to an archive')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the backups in a directory or S3 bucket')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the backups in a directory or S3 bucket')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a backup''s workspaces, kinds, counts, size and whether it is encrypted')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Decrypt a backup and check every entry''s digest and the manifest; touches no server')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a backup (asks first on a terminal; --yes otherwise)')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'Backups the controller''s leader takes at an interval, keeping the newest few')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;backup;create' {
            [CompletionResult]::new('--provider-workspace', '--provider-workspace', [CompletionResultType]::ParameterName, 'The workspace that publishes the TMC API (for --all-bound)')
            [CompletionResult]::new('--encrypt-to', '--encrypt-to', [CompletionResultType]::ParameterName, 'Encrypt to this age recipient (age1…; repeatable)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Encrypt with the passphrase in this file (its first line)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where to write: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'The largest archive, uncompressed with its headers (a quantity: 512Mi, 2Gi). `backup create` writes none larger; `restore` reads none larger')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--all-bound', '--all-bound', [CompletionResultType]::ParameterName, 'Every workspace that binds the TMC API (default: --workspace, else the context''s)')
            [CompletionResult]::new('--include-secrets', '--include-secrets', [CompletionResultType]::ParameterName, 'Include Secrets (cluster credentials among them); the archive must then be encrypted')
            [CompletionResult]::new('--insecure-plaintext', '--insecure-plaintext', [CompletionResultType]::ParameterName, 'Write Secrets unencrypted (not recommended)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;backup;list' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;backup;ls' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;backup;describe' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'The passphrase file it was encrypted with')
            [CompletionResult]::new('--identity-file', '--identity-file', [CompletionResultType]::ParameterName, 'An age identity file (AGE-SECRET-KEY-1…) of one of its recipients')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;backup;verify' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'The passphrase file it was encrypted with')
            [CompletionResult]::new('--identity-file', '--identity-file', [CompletionResultType]::ParameterName, 'An age identity file (AGE-SECRET-KEY-1…) of one of its recipients')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;backup;delete' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;backup;schedule' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create or change a schedule the controller''s leader runs')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the schedules with their last run')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the schedules with their last run')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a schedule (its backups stay)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;backup;schedule;create' {
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'How often it runs (such as 6h or 1d; at least 1m)')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'How many of its backups are kept; older ones are deleted after each run')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where its backups go: a directory (the controller''s) or s3://BUCKET/PREFIX (default: the controller''s data directory)')
            [CompletionResult]::new('--workspaces', '--workspaces', [CompletionResultType]::ParameterName, 'Back up these workspaces (comma-separated; default: every bound workspace)')
            [CompletionResult]::new('--encrypt-to', '--encrypt-to', [CompletionResultType]::ParameterName, 'Encrypt its backups to this age recipient (age1…; repeatable)')
            [CompletionResult]::new('--provider-workspace', '--provider-workspace', [CompletionResultType]::ParameterName, 'The workspace that publishes the TMC API; schedules live in its tmc-system')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--include-secrets', '--include-secrets', [CompletionResultType]::ParameterName, 'Include Secrets (cluster credentials among them); needs --encrypt-to')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;backup;schedule;list' {
            [CompletionResult]::new('--provider-workspace', '--provider-workspace', [CompletionResultType]::ParameterName, 'The workspace that publishes the TMC API; schedules live in its tmc-system')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;backup;schedule;ls' {
            [CompletionResult]::new('--provider-workspace', '--provider-workspace', [CompletionResultType]::ParameterName, 'The workspace that publishes the TMC API; schedules live in its tmc-system')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;backup;schedule;delete' {
            [CompletionResult]::new('--provider-workspace', '--provider-workspace', [CompletionResultType]::ParameterName, 'The workspace that publishes the TMC API; schedules live in its tmc-system')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;backup;schedule;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create or change a schedule the controller''s leader runs')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the schedules with their last run')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a schedule (its backups stay)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;backup;schedule;help;create' {
            break
        }
        'tmcctl;backup;schedule;help;list' {
            break
        }
        'tmcctl;backup;schedule;help;delete' {
            break
        }
        'tmcctl;backup;schedule;help;help' {
            break
        }
        'tmcctl;backup;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Write the TMC objects of a workspace (or every bound one), its workloads and what they refer to, to an archive')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the backups in a directory or S3 bucket')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a backup''s workspaces, kinds, counts, size and whether it is encrypted')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Decrypt a backup and check every entry''s digest and the manifest; touches no server')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a backup (asks first on a terminal; --yes otherwise)')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'Backups the controller''s leader takes at an interval, keeping the newest few')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;backup;help;create' {
            break
        }
        'tmcctl;backup;help;list' {
            break
        }
        'tmcctl;backup;help;describe' {
            break
        }
        'tmcctl;backup;help;verify' {
            break
        }
        'tmcctl;backup;help;delete' {
            break
        }
        'tmcctl;backup;help;schedule' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create or change a schedule the controller''s leader runs')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the schedules with their last run')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a schedule (its backups stay)')
            break
        }
        'tmcctl;backup;help;schedule;create' {
            break
        }
        'tmcctl;backup;help;schedule;list' {
            break
        }
        'tmcctl;backup;help;schedule;delete' {
            break
        }
        'tmcctl;backup;help;help' {
            break
        }
        'tmcctl;restore' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory''s tmcctl/backups)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'The passphrase file it was encrypted with')
            [CompletionResult]::new('--identity-file', '--identity-file', [CompletionResultType]::ParameterName, 'An age identity file (AGE-SECRET-KEY-1…) of one of its recipients')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'The largest archive, uncompressed with its headers (a quantity: 512Mi, 2Gi). `backup create` writes none larger; `restore` reads none larger')
            [CompletionResult]::new('--workspace-mapping', '--workspace-mapping', [CompletionResultType]::ParameterName, 'Restore workspace OLD into NEW (repeatable)')
            [CompletionResult]::new('--include-kinds', '--include-kinds', [CompletionResultType]::ParameterName, 'Only these kinds (comma-separated, such as ClusterRegistration,WorkloadPlacement)')
            [CompletionResult]::new('--exclude-kinds', '--exclude-kinds', [CompletionResultType]::ParameterName, 'Not these kinds (comma-separated)')
            [CompletionResult]::new('--existing', '--existing', [CompletionResultType]::ParameterName, 'What to do with objects that exist: skip (default) or update (server-side apply)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Print what would be created, skipped, updated or pruned; write nothing')
            [CompletionResult]::new('--adopt-downstream', '--adopt-downstream', [CompletionResultType]::ParameterName, 'Take over the objects the backed-up workspaces run on their clusters (fleet recovery onto a new kcp): restored registrations claim the old workspaces'' downstream identity, so the controller adopts those copies instead of making new ones. Refused while the old workspace still exists on this kcp')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Delete what the target workspaces hold beyond the backup, in the kinds the backup holds (not Namespaces, nor what the server makes itself); asks first (--yes to skip)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (--prune)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (--prune)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;metrics' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve /metrics, /healthz and /readyz until SIGINT or SIGTERM')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;metrics;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'The address to listen on')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'How often to re-read the registrations')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Serve over TLS (1.2 or 1.3) with this PEM certificate chain; read again when the file changes, without a restart')
            [CompletionResult]::new('--tls-private-key-file', '--tls-private-key-file', [CompletionResultType]::ParameterName, 'The PEM private key of --tls-cert-file')
            [CompletionResult]::new('--client-ca-file', '--client-ca-file', [CompletionResultType]::ParameterName, 'Require a client certificate signed by a CA in this PEM file (mutual TLS)')
            [CompletionResult]::new('--authn-authz-kubeconfig', '--authn-authz-kubeconfig', [CompletionResultType]::ParameterName, 'Send those reviews to the API server of this kubeconfig''s current context (where the scrapers'' ServiceAccounts live) instead of the one tmcctl connects to')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--authn-authz', '--authn-authz', [CompletionResultType]::ParameterName, 'Let only authorized scrapers read /metrics: a bearer token is checked with a TokenReview (a client certificate names its user itself), then `get /metrics` with a SubjectAccessReview. /healthz and /readyz stay open. Needs TLS')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;metrics;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve /metrics, /healthz and /readyz until SIGINT or SIGTERM')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;metrics;help;serve' {
            break
        }
        'tmcctl;metrics;help;help' {
            break
        }
        'tmcctl;controller' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the reconcile loops until SIGINT or SIGTERM')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;controller;run' {
            [CompletionResult]::new('--provider-workspace', '--provider-workspace', [CompletionResultType]::ParameterName, 'The workspace holding the TMC APIExport; the controller serves every workspace bound to it, unless the global --workspace names one')
            [CompletionResult]::new('--probe-interval', '--probe-interval', [CompletionResultType]::ParameterName, 'How often every registered cluster is probed')
            [CompletionResult]::new('--probe-timeout', '--probe-timeout', [CompletionResultType]::ParameterName, 'How long one probe may take')
            [CompletionResult]::new('--heartbeat-grace', '--heartbeat-grace', [CompletionResultType]::ParameterName, 'How long a cluster may go unheard before it becomes Unknown')
            [CompletionResult]::new('--resync-period', '--resync-period', [CompletionResultType]::ParameterName, 'How often every placement is decided again, in case a watch missed a change')
            [CompletionResult]::new('--metrics-addr', '--metrics-addr', [CompletionResultType]::ParameterName, 'Where to serve /metrics, /healthz and /readyz')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Serve over TLS (1.2 or 1.3) with this PEM certificate chain; read again when the file changes, without a restart')
            [CompletionResult]::new('--tls-private-key-file', '--tls-private-key-file', [CompletionResultType]::ParameterName, 'The PEM private key of --tls-cert-file')
            [CompletionResult]::new('--client-ca-file', '--client-ca-file', [CompletionResultType]::ParameterName, 'Require a client certificate signed by a CA in this PEM file (mutual TLS)')
            [CompletionResult]::new('--authn-authz-kubeconfig', '--authn-authz-kubeconfig', [CompletionResultType]::ParameterName, 'Send those reviews to the API server of this kubeconfig''s current context (where the scrapers'' ServiceAccounts live) instead of the one tmcctl connects to')
            [CompletionResult]::new('--otlp-endpoint', '--otlp-endpoint', [CompletionResultType]::ParameterName, 'Send OpenTelemetry traces over OTLP/HTTP to this receiver, such as http://otel-collector:4318 or Jaeger''s http://jaeger:4318 (/v1/traces is appended). Default: $OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else $OTEL_EXPORTER_OTLP_ENDPOINT; none: no traces')
            [CompletionResult]::new('--trace-sampling-ratio', '--trace-sampling-ratio', [CompletionResultType]::ParameterName, 'Keep this share of new traces, 0 to 1 (a trace continued from a sampled parent is always kept). Default: $OTEL_TRACES_SAMPLER and $OTEL_TRACES_SAMPLER_ARG, else 1')
            [CompletionResult]::new('--leader-elect', '--leader-elect', [CompletionResultType]::ParameterName, 'Elect a leader among replicas through a Lease (tmc-system/tmcctl-controller in the provider workspace); only the leader writes. `--leader-elect=false` runs without')
            [CompletionResult]::new('--leader-elect-lease-duration', '--leader-elect-lease-duration', [CompletionResultType]::ParameterName, 'How long a leader''s claim lasts without renewal')
            [CompletionResult]::new('--leader-elect-renew-deadline', '--leader-elect-renew-deadline', [CompletionResultType]::ParameterName, 'How long a leader tries to renew before it stops writing and exits')
            [CompletionResult]::new('--leader-elect-retry-period', '--leader-elect-retry-period', [CompletionResultType]::ParameterName, 'How often standbys try to take the lease and the leader renews it')
            [CompletionResult]::new('--kube-api-qps', '--kube-api-qps', [CompletionResultType]::ParameterName, 'Requests per second to kcp and to each cluster')
            [CompletionResult]::new('--kube-api-burst', '--kube-api-burst', [CompletionResultType]::ParameterName, 'Requests allowed at once above --kube-api-qps')
            [CompletionResult]::new('--max-requests-in-flight', '--max-requests-in-flight', [CompletionResultType]::ParameterName, 'Requests waiting for an answer at once, per server (watches not counted)')
            [CompletionResult]::new('--probe-workers', '--probe-workers', [CompletionResultType]::ParameterName, 'Clusters probed at the same time')
            [CompletionResult]::new('--placement-workers', '--placement-workers', [CompletionResultType]::ParameterName, 'Placements decided at the same time')
            [CompletionResult]::new('--sync-workers', '--sync-workers', [CompletionResultType]::ParameterName, 'Workloads synced at the same time')
            [CompletionResult]::new('--move-timeout', '--move-timeout', [CompletionResultType]::ParameterName, 'How long an old copy is kept at most while its replacement on another cluster does not become Available (it goes as soon as the replacement is Available)')
            [CompletionResult]::new('--eviction-grace', '--eviction-grace', [CompletionResultType]::ParameterName, 'How long a chosen cluster may be Unknown before its workloads are placed elsewhere')
            [CompletionResult]::new('--eviction-rate', '--eviction-rate', [CompletionResultType]::ParameterName, 'Old copies removed after moves and evictions, at most this many a second (copies of deleted workloads are not limited)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Do one pass of every loop, print what it saw, and exit (no leader election)')
            [CompletionResult]::new('--authn-authz', '--authn-authz', [CompletionResultType]::ParameterName, 'Let only authorized scrapers read /metrics: a bearer token is checked with a TokenReview (a client certificate names its user itself), then `get /metrics` with a SubjectAccessReview. /healthz and /readyz stay open. Needs TLS')
            [CompletionResult]::new('--allow-exec', '--allow-exec', [CompletionResultType]::ParameterName, 'Allow cluster credentials that run an exec plugin')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;controller;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the reconcile loops until SIGINT or SIGTERM')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;controller;help;run' {
            break
        }
        'tmcctl;controller;help;help' {
            break
        }
        'tmcctl;install' {
            [CompletionResult]::new('--provider-workspace', '--provider-workspace', [CompletionResultType]::ParameterName, 'The kcp workspace that publishes the TMC API; created when missing')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Bind the TMC API in this workspace (repeatable); it must exist unless --create-workspaces')
            [CompletionResult]::new('--workload-apis', '--workload-apis', [CompletionResultType]::ParameterName, 'Publish these workload types in the TMC API, their schemas imported from the clusters registered in the --bind workspaces (and --schema-kubeconfig): comma-separated plural.group, or plural alone for the core group. Without a value: deployments.apps,statefulsets.apps,daemonsets.apps,jobs.batch,services,ingresses.networking.k8s.io. Types published before stay published, with or without this flag')
            [CompletionResult]::new('--schema-kubeconfig', '--schema-kubeconfig', [CompletionResultType]::ParameterName, 'Also import --workload-apis schemas from the cluster of this kubeconfig (its current context; repeatable). Every cluster must serve each type; where their schemas differ, only the fields all of them serve are published (each one left out is named)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only print what would be done (client-side); change nothing')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for workspaces to be Ready, bindings Bound and CRDs Established')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--create-workspaces', '--create-workspaces', [CompletionResultType]::ParameterName, 'Create --bind workspaces (and their parents) that do not exist yet')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;uninstall' {
            [CompletionResult]::new('--provider-workspace', '--provider-workspace', [CompletionResultType]::ParameterName, 'The kcp workspace that publishes the TMC API')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Remove the APIBinding from this workspace too (repeatable)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for bindings to be gone')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Remove the API even though ClusterRegistrations or WorkloadPlacements exist')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;version' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Only the client version; make no network call')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;completion' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;config' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Every setting the config file may hold, its value now and its source: a flag, an environment variable, the config file or the built-in default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;config;view' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header row of tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;config;help' {
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Every setting the config file may hold, its value now and its source: a flag, an environment variable, the config file or the built-in default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;config;help;view' {
            break
        }
        'tmcctl;config;help;help' {
            break
        }
        'tmcctl;plugin' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Link kubectl-tmc (and its completer, kubectl_complete-tmc) to this binary, so that `kubectl tmc …` runs tmcctl and completes its words')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;plugin;install' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The directory for the links; it must be on PATH for kubectl to find them (default: the directory holding this binary)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current-context)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The kcp workspace to act in, such as root:org:team (default: the one in the context''s server URL)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text, or as one JSON object per line (for log collectors)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace files of those names that are not links to this binary')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr: -v info, -vv debug, -vvv trace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'tmcctl;plugin;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Link kubectl-tmc (and its completer, kubectl_complete-tmc) to this binary, so that `kubectl tmc …` runs tmcctl and completes its words')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;plugin;help;install' {
            break
        }
        'tmcctl;plugin;help;help' {
            break
        }
        'tmcctl;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The fleet on one screen: kcp, the TMC API, the controller, clusters, placements, workloads, drift and backups; exits 11 when anything is wrong')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check kcp, the TMC API binding, the controller and every cluster (reachable, allowed what the controller does there, clock in step), each failure with its fix')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Register, list, inspect, cordon, drain and unregister physical clusters')
            [CompletionResult]::new('placement', 'placement', [CompletionResultType]::ParameterValue, 'Create, inspect, explain and simulate workload placement policies')
            [CompletionResult]::new('workload', 'workload', [CompletionResultType]::ParameterValue, 'See where workloads run and how they are doing on each cluster')
            [CompletionResult]::new('rbac', 'rbac', [CompletionResultType]::ParameterValue, 'Manage the TMC roles (tmc:cluster-admin, tmc:operator, tmc:viewer), who holds them, and check access across the workspace and every cluster')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Archives of workspaces on this machine: create, list, describe, verify, delete')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup into its workspaces (or others): --plan first; existing objects are skipped unless --existing update; nothing is deleted')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Serve Prometheus metrics, /healthz and /readyz')
            [CompletionResult]::new('controller', 'controller', [CompletionResultType]::ParameterValue, 'Run the in-process reconcile loops (health, placement, sync, status)')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Publish the TMC API: in kcp as an APIExport (and bind it), else as CRDs')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove what `install` published; refuses while TMC objects exist unless --force')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the client version, and the server''s when it can be reached')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the settings in effect and where each comes from (flag, environment, config file)')
            [CompletionResult]::new('plugin', 'plugin', [CompletionResultType]::ParameterValue, 'Use tmcctl as a kubectl plugin: `kubectl tmc …`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tmcctl;help;status' {
            break
        }
        'tmcctl;help;doctor' {
            break
        }
        'tmcctl;help;cluster' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List registered clusters with their location, health and heartbeat')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a physical cluster (re-running updates the registration in place)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a cluster''s conditions, capacity, health score, taints and workloads')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a cluster''s labels, location, capabilities or credentials')
            [CompletionResult]::new('cordon', 'cordon', [CompletionResultType]::ParameterValue, 'Stop placing new workloads on a cluster')
            [CompletionResult]::new('uncordon', 'uncordon', [CompletionResultType]::ParameterValue, 'Allow placing workloads on a cluster again (also ends a drain)')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Cordon a cluster so its workloads move elsewhere (checked first: the others must take them)')
            [CompletionResult]::new('unregister', 'unregister', [CompletionResultType]::ParameterValue, 'Remove a cluster''s registration and its stored credentials')
            [CompletionResult]::new('rotate-credentials', 'rotate-credentials', [CompletionResultType]::ParameterValue, 'Replace the stored ServiceAccount token of a cluster without downtime')
            break
        }
        'tmcctl;help;cluster;list' {
            break
        }
        'tmcctl;help;cluster;register' {
            break
        }
        'tmcctl;help;cluster;status' {
            break
        }
        'tmcctl;help;cluster;update' {
            break
        }
        'tmcctl;help;cluster;cordon' {
            break
        }
        'tmcctl;help;cluster;uncordon' {
            break
        }
        'tmcctl;help;cluster;drain' {
            break
        }
        'tmcctl;help;cluster;unregister' {
            break
        }
        'tmcctl;help;cluster;rotate-credentials' {
            break
        }
        'tmcctl;help;placement' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a placement policy')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List placements with their strategy and decision')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a placement''s decision and, for every cluster, why it was chosen or rejected')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Run the engine against the live inventory now and explain the outcome, with the difference from the current decision')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Run the engine on a placement file, against the live inventory or a file of clusters (no server needed), and show what it would decide')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a placement''s policy (only the flags given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a placement')
            break
        }
        'tmcctl;help;placement;create' {
            break
        }
        'tmcctl;help;placement;list' {
            break
        }
        'tmcctl;help;placement;describe' {
            break
        }
        'tmcctl;help;placement;explain' {
            break
        }
        'tmcctl;help;placement;simulate' {
            break
        }
        'tmcctl;help;placement;update' {
            break
        }
        'tmcctl;help;placement;delete' {
            break
        }
        'tmcctl;help;workload' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List workloads with their placement, clusters and readiness')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Summarise workloads (or one): where they run and whether they are ready on each cluster')
            [CompletionResult]::new('where', 'where', [CompletionResultType]::ParameterValue, 'Show every cluster, namespace and object that holds a copy of a workload (or, with --cluster and --downstream-namespace, which workloads a downstream namespace holds)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Ask the controller to sync a workload now; --force-cleanup releases a deleted one')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a workload is ready on every chosen cluster')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what tmcctl intends each cluster to hold against what it holds')
            break
        }
        'tmcctl;help;workload;list' {
            break
        }
        'tmcctl;help;workload;status' {
            break
        }
        'tmcctl;help;workload;where' {
            break
        }
        'tmcctl;help;workload;sync' {
            break
        }
        'tmcctl;help;workload;wait' {
            break
        }
        'tmcctl;help;workload;diff' {
            break
        }
        'tmcctl;help;rbac' {
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Create or update the roles tmc:cluster-admin, tmc:operator and tmc:viewer (and the controller''s role and binding in the provider workspace)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Bind a TMC role to a user, group or service account in the workspace')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove a binding `grant` made (and the workspace access it gave, once unused)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List who holds which TMC role')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Ask the workspace and every registered cluster whether a subject may do something')
            [CompletionResult]::new('who-can', 'who-can', [CompletionResultType]::ParameterValue, 'List the subjects that RBAC objects in the workspace allow to do something')
            break
        }
        'tmcctl;help;rbac;setup' {
            break
        }
        'tmcctl;help;rbac;grant' {
            break
        }
        'tmcctl;help;rbac;revoke' {
            break
        }
        'tmcctl;help;rbac;list' {
            break
        }
        'tmcctl;help;rbac;check' {
            break
        }
        'tmcctl;help;rbac;who-can' {
            break
        }
        'tmcctl;help;backup' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Write the TMC objects of a workspace (or every bound one), its workloads and what they refer to, to an archive')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the backups in a directory or S3 bucket')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a backup''s workspaces, kinds, counts, size and whether it is encrypted')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Decrypt a backup and check every entry''s digest and the manifest; touches no server')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a backup (asks first on a terminal; --yes otherwise)')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'Backups the controller''s leader takes at an interval, keeping the newest few')
            break
        }
        'tmcctl;help;backup;create' {
            break
        }
        'tmcctl;help;backup;list' {
            break
        }
        'tmcctl;help;backup;describe' {
            break
        }
        'tmcctl;help;backup;verify' {
            break
        }
        'tmcctl;help;backup;delete' {
            break
        }
        'tmcctl;help;backup;schedule' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create or change a schedule the controller''s leader runs')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the schedules with their last run')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a schedule (its backups stay)')
            break
        }
        'tmcctl;help;backup;schedule;create' {
            break
        }
        'tmcctl;help;backup;schedule;list' {
            break
        }
        'tmcctl;help;backup;schedule;delete' {
            break
        }
        'tmcctl;help;restore' {
            break
        }
        'tmcctl;help;metrics' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve /metrics, /healthz and /readyz until SIGINT or SIGTERM')
            break
        }
        'tmcctl;help;metrics;serve' {
            break
        }
        'tmcctl;help;controller' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the reconcile loops until SIGINT or SIGTERM')
            break
        }
        'tmcctl;help;controller;run' {
            break
        }
        'tmcctl;help;install' {
            break
        }
        'tmcctl;help;uninstall' {
            break
        }
        'tmcctl;help;version' {
            break
        }
        'tmcctl;help;completion' {
            break
        }
        'tmcctl;help;config' {
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Every setting the config file may hold, its value now and its source: a flag, an environment variable, the config file or the built-in default')
            break
        }
        'tmcctl;help;config;view' {
            break
        }
        'tmcctl;help;plugin' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Link kubectl-tmc (and its completer, kubectl_complete-tmc) to this binary, so that `kubectl tmc …` runs tmcctl and completes its words')
            break
        }
        'tmcctl;help;plugin;install' {
            break
        }
        'tmcctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
