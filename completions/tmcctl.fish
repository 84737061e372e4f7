# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_tmcctl_global_optspecs
    string join \n kubeconfig= context= workspace= request-timeout= v/verbose log-format= h/help V/version
end

function __fish_tmcctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_tmcctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_tmcctl_using_subcommand
    set -l cmd (__fish_tmcctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c tmcctl -n "__fish_tmcctl_needs_command" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_needs_command" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_needs_command" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_needs_command" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_needs_command" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_needs_command" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "status" -d 'The fleet on one screen: kcp, the TMC API, the controller, clusters, placements, workloads, drift and backups; exits 11 when anything is wrong'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "doctor" -d 'Check kcp, the TMC API binding, the controller and every cluster (reachable, allowed what the controller does there, clock in step), each failure with its fix'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "cluster" -d 'Register, list, inspect, cordon, drain and unregister physical clusters'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "placement" -d 'Create, inspect, explain and simulate workload placement policies'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "workload" -d 'See where workloads run and how they are doing on each cluster'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "rbac" -d 'Manage the TMC roles (tmc:cluster-admin, tmc:operator, tmc:viewer), who holds them, and check access across the workspace and every cluster'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "backup" -d 'Archives of workspaces on this machine: create, list, describe, verify, delete'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "restore" -d 'Restore a backup into its workspaces (or others): --plan first; existing objects are skipped unless --existing update; nothing is deleted'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "metrics" -d 'Serve Prometheus metrics, /healthz and /readyz'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "controller" -d 'Run the in-process reconcile loops (health, placement, sync, status)'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "install" -d 'Publish the TMC API: in kcp as an APIExport (and bind it), else as CRDs'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "uninstall" -d 'Remove what `install` published; refuses while TMC objects exist unless --force'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "version" -d 'Print the client version, and the server\'s when it can be reached'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "completion" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "config" -d 'Show the settings in effect and where each comes from (flag, environment, config file)'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "plugin" -d 'Use tmcctl as a kubectl plugin: `kubectl tmc …`'
complete -c tmcctl -n "__fish_tmcctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand status" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand status" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand status" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand status" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand status" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand status" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand status" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand status" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand status" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand status" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand doctor" -l provider-workspace -d 'The workspace that publishes the TMC API (with --all-bound)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand doctor" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand doctor" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand doctor" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand doctor" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand doctor" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand doctor" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand doctor" -l all-bound -d 'Check every workspace bound to the TMC API of --provider-workspace, not only the current one'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand doctor" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand doctor" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -f -a "list" -d 'List registered clusters with their location, health and heartbeat'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -f -a "ls" -d 'List registered clusters with their location, health and heartbeat'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -f -a "register" -d 'Register a physical cluster (re-running updates the registration in place)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -f -a "status" -d 'Show a cluster\'s conditions, capacity, health score, taints and workloads'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -f -a "describe" -d 'Show a cluster\'s conditions, capacity, health score, taints and workloads'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -f -a "update" -d 'Change a cluster\'s labels, location, capabilities or credentials'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -f -a "cordon" -d 'Stop placing new workloads on a cluster'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -f -a "uncordon" -d 'Allow placing workloads on a cluster again (also ends a drain)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -f -a "drain" -d 'Cordon a cluster so its workloads move elsewhere (checked first: the others must take them)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -f -a "unregister" -d 'Remove a cluster\'s registration and its stored credentials'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -f -a "rotate-credentials" -d 'Replace the stored ServiceAccount token of a cluster without downtime'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and not __fish_seen_subcommand_from list ls register status describe update cordon uncordon drain unregister rotate-credentials help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from list" -s l -l selector -d 'Only clusters whose labels match this selector (e.g. env=prod,tier!=edge)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from list" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from list" -s w -l watch -d 'After listing, keep printing clusters as they change'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from list" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from ls" -s l -l selector -d 'Only clusters whose labels match this selector (e.g. env=prod,tier!=edge)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from ls" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from ls" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from ls" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from ls" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from ls" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from ls" -s w -l watch -d 'After listing, keep printing clusters as they change'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from ls" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l cluster-kubeconfig -d 'Kubeconfig of the physical cluster (the global --kubeconfig is the kcp one)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l cluster-context -d 'Context in --cluster-kubeconfig (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l location -d 'Where the cluster runs (a region, zone or site), e.g. eu-west-1' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l labels -d 'Labels for placement selectors: key=value,…' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l capabilities -d 'Capabilities as type:true|false,… (e.g. gpu:true,arm64:false)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l deletion-policy -d 'What happens to the copies on the cluster when it is unregistered: Retain them (the default; workloads report them as left behind) or Delete them first' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l dry-run -d 'client: print what would be written; server: also have the server validate it' -r -f -a "client\t''
server\t''
none\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l allow-exec -d 'Store credentials that run an exec plugin (the controller would run that program)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l skip-verify -d 'Do not connect to the cluster before registering it'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l create-service-account -d 'Create a ServiceAccount in the cluster with only the permissions tmcctl needs there, and store its token instead of the credentials given (which are then never stored)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l allow-insecure -d 'Accept credentials that turn TLS verification off (insecure-skip-tls-verify); `cluster status` shows it'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -s y -l yes -d 'Register without the confirmation asked after the questions on a terminal'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from register" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from status" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from status" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from status" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from status" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from status" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from status" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l location -d 'New location' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l labels -d 'Label changes: key=value sets, key- removes (comma-separated)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l capabilities -d 'Replace the capabilities: type:true|false,…' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l cluster-kubeconfig -d 'Rotate credentials from this kubeconfig of the physical cluster' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l cluster-context -d 'Context in --cluster-kubeconfig' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l deletion-policy -d 'What happens to the copies on the cluster when it is unregistered: Retain or Delete' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l allow-exec -d 'Store credentials that run an exec plugin'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l allow-insecure -d 'Store credentials for a plain-HTTP server or with TLS verification off'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l skip-verify -d 'Do not connect to the cluster with the new credentials before storing them'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l force-conflicts -d 'Take ownership of fields another manager (kubectl, another tool) set differently'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from cordon" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from cordon" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from cordon" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from cordon" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from cordon" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from cordon" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from cordon" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from cordon" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from uncordon" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from uncordon" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from uncordon" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from uncordon" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from uncordon" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from uncordon" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from uncordon" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from uncordon" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from drain" -l timeout -d 'How long --wait waits' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from drain" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from drain" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from drain" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from drain" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from drain" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from drain" -l wait -d 'Wait until no placement places workloads on the cluster and no workload copy is left there'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from drain" -l force -d 'Drain even when some placement would be left with no cluster (its workloads then stay where they are until a cluster can take them)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from drain" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from drain" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from drain" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -l deletion-policy -d 'What becomes of the copies on the cluster: Retain them, or Delete them before the registration goes (default: the registration\'s own deletion policy, else Retain)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -l timeout -d 'How long to wait for the controller to remove the copies (deletion policy Delete)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -s y -l yes -d 'Do not ask for confirmation (needed without a terminal)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -l force -d 'Unregister even though placements still place workloads on the cluster; run again on a registration waiting for its copies to be removed, let it go at once (the copies left stay, and their workloads report them)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from unregister" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -l cluster-kubeconfig -d 'Admin kubeconfig of the physical cluster, used to make the new token (never stored)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -l cluster-context -d 'Context in --cluster-kubeconfig (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -l grace -d 'How long the old tokens stay valid after the new one is stored' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from rotate-credentials" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "list" -d 'List registered clusters with their location, health and heartbeat'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "register" -d 'Register a physical cluster (re-running updates the registration in place)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show a cluster\'s conditions, capacity, health score, taints and workloads'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a cluster\'s labels, location, capabilities or credentials'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "cordon" -d 'Stop placing new workloads on a cluster'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "uncordon" -d 'Allow placing workloads on a cluster again (also ends a drain)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "drain" -d 'Cordon a cluster so its workloads move elsewhere (checked first: the others must take them)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "unregister" -d 'Remove a cluster\'s registration and its stored credentials'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "rotate-credentials" -d 'Replace the stored ServiceAccount token of a cluster without downtime'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -f -a "create" -d 'Create a placement policy'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -f -a "list" -d 'List placements with their strategy and decision'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -f -a "ls" -d 'List placements with their strategy and decision'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -f -a "describe" -d 'Show a placement\'s decision and, for every cluster, why it was chosen or rejected'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -f -a "explain" -d 'Run the engine against the live inventory now and explain the outcome, with the difference from the current decision'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -f -a "simulate" -d 'Run the engine on a placement file, against the live inventory or a file of clusters (no server needed), and show what it would decide'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -f -a "update" -d 'Change a placement\'s policy (only the flags given)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -f -a "delete" -d 'Delete a placement'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and not __fish_seen_subcommand_from create list ls describe explain simulate update delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l strategy -d 'RoundRobin, Spread or Affinity' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l location-selector -d 'Eligible clusters, as a label selector over cluster labels and `location` (e.g. env=production or "location in (eu-west,eu-north),tier!=edge")' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l capabilities -d 'Capabilities as type:required,… where true means required and false preferred' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l namespace-selector -d 'Namespaces this placement governs (label selector over namespace labels)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l workload-selector -d 'Workloads this placement governs (label selector over workload labels)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l clusters -d 'How many clusters to choose' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l replicas -d 'duplicated (every cluster runs all replicas) or divided' -r -f -a "duplicated\t'Every chosen cluster runs all replicas'
divided\t'Replicas are divided between the chosen clusters'"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l max-skew -d 'Spread: largest replica difference allowed between locations or clusters' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l takeover -d 'An object at a copy\'s name that tmcctl did not create: Never adopt it (report a conflict), adopt it IfNoDiff (it already matches the copy), or Always' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l deletion-policy -d 'When this placement stops governing a workload (deleted, or its selectors no longer match): Retain its copies, reported as orphaned, or Delete them at the eviction rate' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l dry-run -d 'client: print the object; server: also have the server validate it' -r -f -a "client\t''
server\t''
none\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l spread-by-location -d 'Spread: pick clusters in rounds over locations'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -s y -l yes -d 'Save without the questions asked on a terminal (the strategy when --strategy is left out, and whether to save after the engine\'s decision is shown)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from list" -s l -l selector -d 'Only placements whose labels match this selector' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from list" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from list" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from ls" -s l -l selector -d 'Only placements whose labels match this selector' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from ls" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from ls" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from ls" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from ls" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from ls" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from ls" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from describe" -l replicas -d 'Explain for a workload of this many replicas (shows the division); 0 decides clusters only' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from describe" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from describe" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from describe" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from describe" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from describe" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from describe" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from explain" -l replicas -d 'Explain for a workload of this many replicas (shows the division); 0 decides clusters only' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from explain" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from explain" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from explain" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from explain" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from explain" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from explain" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from explain" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from explain" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from explain" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from explain" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -s f -l filename -d 'The WorkloadPlacement manifest (YAML or JSON, at most 16 MiB)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -l clusters-from -d '`live` (the workspace\'s registered clusters) or a file of ClusterRegistrations (a List, or a YAML stream of objects; at most 16 MiB)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -l replicas -d 'Simulate a workload with this many replicas (shows the division)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -l workload -d 'The workload identity the hash uses (RoundRobin); default: the placement\'s name' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from simulate" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l strategy -d 'RoundRobin, Spread or Affinity' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l location-selector -d 'Eligible clusters, as a label selector over cluster labels and `location` (e.g. env=production or "location in (eu-west,eu-north),tier!=edge")' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l capabilities -d 'Capabilities as type:required,… where true means required and false preferred' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l namespace-selector -d 'Namespaces this placement governs (label selector over namespace labels)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l workload-selector -d 'Workloads this placement governs (label selector over workload labels)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l clusters -d 'How many clusters to choose' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l replicas -d 'duplicated (every cluster runs all replicas) or divided' -r -f -a "duplicated\t'Every chosen cluster runs all replicas'
divided\t'Replicas are divided between the chosen clusters'"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l max-skew -d 'Spread: largest replica difference allowed between locations or clusters' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l takeover -d 'An object at a copy\'s name that tmcctl did not create: Never adopt it (report a conflict), adopt it IfNoDiff (it already matches the copy), or Always' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l deletion-policy -d 'When this placement stops governing a workload (deleted, or its selectors no longer match): Retain its copies, reported as orphaned, or Delete them at the eviction rate' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l spread-by-location -d 'Spread: pick clusters in rounds over locations'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from delete" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from delete" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from delete" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from delete" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation (needed without a terminal)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a placement policy'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from help" -f -a "list" -d 'List placements with their strategy and decision'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a placement\'s decision and, for every cluster, why it was chosen or rejected'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from help" -f -a "explain" -d 'Run the engine against the live inventory now and explain the outcome, with the difference from the current decision'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from help" -f -a "simulate" -d 'Run the engine on a placement file, against the live inventory or a file of clusters (no server needed), and show what it would decide'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a placement\'s policy (only the flags given)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a placement'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand placement; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -f -a "list" -d 'List workloads with their placement, clusters and readiness'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -f -a "ls" -d 'List workloads with their placement, clusters and readiness'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -f -a "status" -d 'Summarise workloads (or one): where they run and whether they are ready on each cluster'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -f -a "where" -d 'Show every cluster, namespace and object that holds a copy of a workload (or, with --cluster and --downstream-namespace, which workloads a downstream namespace holds)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -f -a "sync" -d 'Ask the controller to sync a workload now; --force-cleanup releases a deleted one'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -f -a "wait" -d 'Wait until a workload is ready on every chosen cluster'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -f -a "diff" -d 'Show what tmcctl intends each cluster to hold against what it holds'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and not __fish_seen_subcommand_from list ls status where sync wait diff help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -s n -l namespace -d 'The namespace (default: `default`)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -s A -l all-namespaces -d 'Across all namespaces of the workspace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -s w -l watch -d 'After listing, keep printing workloads as they change'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -s n -l namespace -d 'The namespace (default: `default`)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -s A -l all-namespaces -d 'Across all namespaces of the workspace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -s w -l watch -d 'After listing, keep printing workloads as they change'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -s n -l namespace -d 'The namespace (default: `default`)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -s A -l all-namespaces -d 'Across all namespaces of the workspace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -s w -l watch -d 'After listing, keep printing workloads as they change'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -s n -l namespace -d 'The namespace (default: `default`)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -l cluster -d 'The other way round: the cluster (registration name) that holds the namespace' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -l downstream-namespace -d 'The other way round: a namespace on a physical cluster' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -s A -l all-namespaces -d 'Across all namespaces of the workspace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from where" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from sync" -s n -l namespace -d 'The namespace (default: `default`)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from sync" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from sync" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from sync" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from sync" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from sync" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from sync" -s A -l all-namespaces -d 'Across all namespaces of the workspace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from sync" -l force-cleanup -d 'For a workload being deleted: release its finalizer now, leaving any copies on clusters that are gone for good (copies on reachable clusters should be removed first)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from sync" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from wait" -s n -l namespace -d 'The namespace (default: `default`)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from wait" -l for -d 'What to wait for: `ready` (every chosen cluster Available)' -r -f -a "ready\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from wait" -l timeout -d 'How long to wait; 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from wait" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from wait" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from wait" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from wait" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from wait" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from wait" -s A -l all-namespaces -d 'Across all namespaces of the workspace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from wait" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from diff" -s n -l namespace -d 'The namespace (default: `default`)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from diff" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from diff" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from diff" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from diff" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from diff" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from diff" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from diff" -s A -l all-namespaces -d 'Across all namespaces of the workspace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from diff" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from diff" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from help" -f -a "list" -d 'List workloads with their placement, clusters and readiness'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from help" -f -a "status" -d 'Summarise workloads (or one): where they run and whether they are ready on each cluster'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from help" -f -a "where" -d 'Show every cluster, namespace and object that holds a copy of a workload (or, with --cluster and --downstream-namespace, which workloads a downstream namespace holds)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Ask the controller to sync a workload now; --force-cleanup releases a deleted one'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until a workload is ready on every chosen cluster'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Show what tmcctl intends each cluster to hold against what it holds'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand workload; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -f -a "setup" -d 'Create or update the roles tmc:cluster-admin, tmc:operator and tmc:viewer (and the controller\'s role and binding in the provider workspace)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -f -a "grant" -d 'Bind a TMC role to a user, group or service account in the workspace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -f -a "revoke" -d 'Remove a binding `grant` made (and the workspace access it gave, once unused)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -f -a "list" -d 'List who holds which TMC role'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -f -a "ls" -d 'List who holds which TMC role'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -f -a "check" -d 'Ask the workspace and every registered cluster whether a subject may do something'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -f -a "who-can" -d 'List the subjects that RBAC objects in the workspace allow to do something'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and not __fish_seen_subcommand_from setup grant revoke list ls check who-can help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -l provider-workspace -d 'The workspace that publishes the TMC API, where the controller runs; always set up' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -l all-bound -d 'Every workspace that binds the TMC API of the provider workspace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -l dry-run -d 'Print what would be written (with -o yaml or json, the objects themselves); write nothing'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from setup" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -l user -d 'A user, as kcp authenticates it' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -l group -d 'A group' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -l serviceaccount -d 'A ServiceAccount of the workspace, as NAMESPACE/NAME' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from grant" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -l user -d 'A user, as kcp authenticates it' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -l group -d 'A group' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -l serviceaccount -d 'A ServiceAccount of the workspace, as NAMESPACE/NAME' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from list" -l provider-workspace -d 'The workspace that publishes the TMC API (for -A)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from list" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from list" -s A -l all-workspaces -d 'Every workspace that binds the TMC API (of --provider-workspace)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from list" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from ls" -l provider-workspace -d 'The workspace that publishes the TMC API (for -A)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from ls" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from ls" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from ls" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from ls" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from ls" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from ls" -s A -l all-workspaces -d 'Every workspace that binds the TMC API (of --provider-workspace)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from ls" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -l user -d 'The user to ask about' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -l group -d 'A group of the user (repeatable); groups alone ask about any member' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -s n -l namespace -d 'The namespace the request would be in' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -l clusters -d 'Which registered clusters to ask: all, none, or NAME,NAME' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -l as-me -d 'Ask about your own credentials (and, on clusters, about the credentials stored for them)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from who-can" -s n -l namespace -d 'The namespace asked about (RoleBindings elsewhere do not count)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from who-can" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from who-can" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from who-can" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from who-can" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from who-can" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from who-can" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from who-can" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from who-can" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from who-can" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from who-can" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from help" -f -a "setup" -d 'Create or update the roles tmc:cluster-admin, tmc:operator and tmc:viewer (and the controller\'s role and binding in the provider workspace)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Bind a TMC role to a user, group or service account in the workspace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Remove a binding `grant` made (and the workspace access it gave, once unused)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from help" -f -a "list" -d 'List who holds which TMC role'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from help" -f -a "check" -d 'Ask the workspace and every registered cluster whether a subject may do something'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from help" -f -a "who-can" -d 'List the subjects that RBAC objects in the workspace allow to do something'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand rbac; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -f -a "create" -d 'Write the TMC objects of a workspace (or every bound one), its workloads and what they refer to, to an archive'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -f -a "list" -d 'List the backups in a directory or S3 bucket'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -f -a "ls" -d 'List the backups in a directory or S3 bucket'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -f -a "describe" -d 'Show a backup\'s workspaces, kinds, counts, size and whether it is encrypted'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -f -a "verify" -d 'Decrypt a backup and check every entry\'s digest and the manifest; touches no server'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -f -a "delete" -d 'Delete a backup (asks first on a terminal; --yes otherwise)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -f -a "schedule" -d 'Backups the controller\'s leader takes at an interval, keeping the newest few'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and not __fish_seen_subcommand_from create list ls describe verify delete schedule help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l provider-workspace -d 'The workspace that publishes the TMC API (for --all-bound)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l encrypt-to -d 'Encrypt to this age recipient (age1…; repeatable)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l passphrase-file -d 'Encrypt with the passphrase in this file (its first line)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l to -d 'Where to write: a directory or s3://BUCKET/PREFIX (default: the data directory\'s tmcctl/backups)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l max-size -d 'The largest archive, uncompressed with its headers (a quantity: 512Mi, 2Gi). `backup create` writes none larger; `restore` reads none larger' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l all-bound -d 'Every workspace that binds the TMC API (default: --workspace, else the context\'s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l include-secrets -d 'Include Secrets (cluster credentials among them); the archive must then be encrypted'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l insecure-plaintext -d 'Write Secrets unencrypted (not recommended)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l from -d 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory\'s tmcctl/backups)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from ls" -l from -d 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory\'s tmcctl/backups)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from ls" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from ls" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from ls" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from ls" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from ls" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from ls" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -l from -d 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory\'s tmcctl/backups)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -l passphrase-file -d 'The passphrase file it was encrypted with' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -l identity-file -d 'An age identity file (AGE-SECRET-KEY-1…) of one of its recipients' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l from -d 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory\'s tmcctl/backups)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l passphrase-file -d 'The passphrase file it was encrypted with' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l identity-file -d 'An age identity file (AGE-SECRET-KEY-1…) of one of its recipients' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from delete" -l from -d 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory\'s tmcctl/backups)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from delete" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from delete" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from delete" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from delete" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -f -a "create" -d 'Create or change a schedule the controller\'s leader runs'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -f -a "list" -d 'List the schedules with their last run'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -f -a "ls" -d 'List the schedules with their last run'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -f -a "delete" -d 'Delete a schedule (its backups stay)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from schedule" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "create" -d 'Write the TMC objects of a workspace (or every bound one), its workloads and what they refer to, to an archive'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the backups in a directory or S3 bucket'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a backup\'s workspaces, kinds, counts, size and whether it is encrypted'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Decrypt a backup and check every entry\'s digest and the manifest; touches no server'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a backup (asks first on a terminal; --yes otherwise)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "schedule" -d 'Backups the controller\'s leader takes at an interval, keeping the newest few'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l from -d 'Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory\'s tmcctl/backups)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l passphrase-file -d 'The passphrase file it was encrypted with' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l identity-file -d 'An age identity file (AGE-SECRET-KEY-1…) of one of its recipients' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l max-size -d 'The largest archive, uncompressed with its headers (a quantity: 512Mi, 2Gi). `backup create` writes none larger; `restore` reads none larger' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l workspace-mapping -d 'Restore workspace OLD into NEW (repeatable)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l include-kinds -d 'Only these kinds (comma-separated, such as ClusterRegistration,WorkloadPlacement)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l exclude-kinds -d 'Not these kinds (comma-separated)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l existing -d 'What to do with objects that exist: skip (default) or update (server-side apply)' -r -f -a "skip\t''
update\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l plan -d 'Print what would be created, skipped, updated or pruned; write nothing'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l adopt-downstream -d 'Take over the objects the backed-up workspaces run on their clusters (fleet recovery onto a new kcp): restored registrations claim the old workspaces\' downstream identity, so the controller adopts those copies instead of making new ones. Refused while the old workspace still exists on this kcp'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l prune -d 'Delete what the target workspaces hold beyond the backup, in the kinds the backup holds (not Namespaces, nor what the server makes itself); asks first (--yes to skip)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -s y -l yes -d 'Do not ask for confirmation (--prune)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand restore" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and not __fish_seen_subcommand_from serve help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and not __fish_seen_subcommand_from serve help" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and not __fish_seen_subcommand_from serve help" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and not __fish_seen_subcommand_from serve help" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and not __fish_seen_subcommand_from serve help" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and not __fish_seen_subcommand_from serve help" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and not __fish_seen_subcommand_from serve help" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and not __fish_seen_subcommand_from serve help" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and not __fish_seen_subcommand_from serve help" -f -a "serve" -d 'Serve /metrics, /healthz and /readyz until SIGINT or SIGTERM'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and not __fish_seen_subcommand_from serve help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -l listen -d 'The address to listen on' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -l refresh -d 'How often to re-read the registrations' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -l tls-cert-file -d 'Serve over TLS (1.2 or 1.3) with this PEM certificate chain; read again when the file changes, without a restart' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -l tls-private-key-file -d 'The PEM private key of --tls-cert-file' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -l client-ca-file -d 'Require a client certificate signed by a CA in this PEM file (mutual TLS)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -l authn-authz-kubeconfig -d 'Send those reviews to the API server of this kubeconfig\'s current context (where the scrapers\' ServiceAccounts live) instead of the one tmcctl connects to' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -l authn-authz -d 'Let only authorized scrapers read /metrics: a bearer token is checked with a TokenReview (a client certificate names its user itself), then `get /metrics` with a SubjectAccessReview. /healthz and /readyz stay open. Needs TLS'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from serve" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Serve /metrics, /healthz and /readyz until SIGINT or SIGTERM'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and not __fish_seen_subcommand_from run help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and not __fish_seen_subcommand_from run help" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and not __fish_seen_subcommand_from run help" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and not __fish_seen_subcommand_from run help" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and not __fish_seen_subcommand_from run help" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and not __fish_seen_subcommand_from run help" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and not __fish_seen_subcommand_from run help" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Run the reconcile loops until SIGINT or SIGTERM'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l provider-workspace -d 'The workspace holding the TMC APIExport; the controller serves every workspace bound to it, unless the global --workspace names one' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l probe-interval -d 'How often every registered cluster is probed' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l probe-timeout -d 'How long one probe may take' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l heartbeat-grace -d 'How long a cluster may go unheard before it becomes Unknown' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l resync-period -d 'How often every placement is decided again, in case a watch missed a change' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l metrics-addr -d 'Where to serve /metrics, /healthz and /readyz' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l tls-cert-file -d 'Serve over TLS (1.2 or 1.3) with this PEM certificate chain; read again when the file changes, without a restart' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l tls-private-key-file -d 'The PEM private key of --tls-cert-file' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l client-ca-file -d 'Require a client certificate signed by a CA in this PEM file (mutual TLS)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l authn-authz-kubeconfig -d 'Send those reviews to the API server of this kubeconfig\'s current context (where the scrapers\' ServiceAccounts live) instead of the one tmcctl connects to' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l otlp-endpoint -d 'Send OpenTelemetry traces over OTLP/HTTP to this receiver, such as http://otel-collector:4318 or Jaeger\'s http://jaeger:4318 (/v1/traces is appended). Default: $OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else $OTEL_EXPORTER_OTLP_ENDPOINT; none: no traces' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l trace-sampling-ratio -d 'Keep this share of new traces, 0 to 1 (a trace continued from a sampled parent is always kept). Default: $OTEL_TRACES_SAMPLER and $OTEL_TRACES_SAMPLER_ARG, else 1' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l leader-elect -d 'Elect a leader among replicas through a Lease (tmc-system/tmcctl-controller in the provider workspace); only the leader writes. `--leader-elect=false` runs without' -r -f -a "true\t''
false\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l leader-elect-lease-duration -d 'How long a leader\'s claim lasts without renewal' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l leader-elect-renew-deadline -d 'How long a leader tries to renew before it stops writing and exits' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l leader-elect-retry-period -d 'How often standbys try to take the lease and the leader renews it' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l kube-api-qps -d 'Requests per second to kcp and to each cluster' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l kube-api-burst -d 'Requests allowed at once above --kube-api-qps' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l max-requests-in-flight -d 'Requests waiting for an answer at once, per server (watches not counted)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l probe-workers -d 'Clusters probed at the same time' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l placement-workers -d 'Placements decided at the same time' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l sync-workers -d 'Workloads synced at the same time' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l move-timeout -d 'How long an old copy is kept at most while its replacement on another cluster does not become Available (it goes as soon as the replacement is Available)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l eviction-grace -d 'How long a chosen cluster may be Unknown before its workloads are placed elsewhere' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l eviction-rate -d 'Old copies removed after moves and evictions, at most this many a second (copies of deleted workloads are not limited)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l once -d 'Do one pass of every loop, print what it saw, and exit (no leader election)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l authn-authz -d 'Let only authorized scrapers read /metrics: a bearer token is checked with a TokenReview (a client certificate names its user itself), then `get /metrics` with a SubjectAccessReview. /healthz and /readyz stay open. Needs TLS'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -l allow-exec -d 'Allow cluster credentials that run an exec plugin'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run the reconcile loops until SIGINT or SIGTERM'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand controller; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l provider-workspace -d 'The kcp workspace that publishes the TMC API; created when missing' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l bind -d 'Bind the TMC API in this workspace (repeatable); it must exist unless --create-workspaces' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l workload-apis -d 'Publish these workload types in the TMC API, their schemas imported from the clusters registered in the --bind workspaces (and --schema-kubeconfig): comma-separated plural.group, or plural alone for the core group. Without a value: deployments.apps,statefulsets.apps,daemonsets.apps,jobs.batch,services,ingresses.networking.k8s.io. Types published before stay published, with or without this flag' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l schema-kubeconfig -d 'Also import --workload-apis schemas from the cluster of this kubeconfig (its current context; repeatable). Every cluster must serve each type; where their schemas differ, only the fields all of them serve are published (each one left out is named)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l dry-run -d 'Only print what would be done (client-side); change nothing' -r -f -a "client\t''
none\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l timeout -d 'How long to wait for workspaces to be Ready, bindings Bound and CRDs Established' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l create-workspaces -d 'Create --bind workspaces (and their parents) that do not exist yet'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand install" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -l provider-workspace -d 'The kcp workspace that publishes the TMC API' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -l bind -d 'Remove the APIBinding from this workspace too (repeatable)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -l timeout -d 'How long to wait for bindings to be gone' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -l force -d 'Remove the API even though ClusterRegistrations or WorkloadPlacements exist'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand uninstall" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand version" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand version" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand version" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand version" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand version" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand version" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand version" -l client -d 'Only the client version; make no network call'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand version" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand version" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand version" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand version" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand completion" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand completion" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand completion" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand completion" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand completion" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand completion" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand completion" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand completion" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and not __fish_seen_subcommand_from view help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and not __fish_seen_subcommand_from view help" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and not __fish_seen_subcommand_from view help" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and not __fish_seen_subcommand_from view help" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and not __fish_seen_subcommand_from view help" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and not __fish_seen_subcommand_from view help" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and not __fish_seen_subcommand_from view help" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and not __fish_seen_subcommand_from view help" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and not __fish_seen_subcommand_from view help" -f -a "view" -d 'Every setting the config file may hold, its value now and its source: a flag, an environment variable, the config file or the built-in default'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and not __fish_seen_subcommand_from view help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and __fish_seen_subcommand_from view" -s o -l output -d 'Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and __fish_seen_subcommand_from view" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and __fish_seen_subcommand_from view" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and __fish_seen_subcommand_from view" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and __fish_seen_subcommand_from view" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and __fish_seen_subcommand_from view" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and __fish_seen_subcommand_from view" -l no-headers -d 'Leave out the header row of tables'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and __fish_seen_subcommand_from view" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "view" -d 'Every setting the config file may hold, its value now and its source: a flag, an environment variable, the config file or the built-in default'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and not __fish_seen_subcommand_from install help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and not __fish_seen_subcommand_from install help" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and not __fish_seen_subcommand_from install help" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and not __fish_seen_subcommand_from install help" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and not __fish_seen_subcommand_from install help" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and not __fish_seen_subcommand_from install help" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and not __fish_seen_subcommand_from install help" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and not __fish_seen_subcommand_from install help" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and not __fish_seen_subcommand_from install help" -f -a "install" -d 'Link kubectl-tmc (and its completer, kubectl_complete-tmc) to this binary, so that `kubectl tmc …` runs tmcctl and completes its words'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and not __fish_seen_subcommand_from install help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and __fish_seen_subcommand_from install" -l dir -d 'The directory for the links; it must be on PATH for kubectl to find them (default: the directory holding this binary)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and __fish_seen_subcommand_from install" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config)' -r -F
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and __fish_seen_subcommand_from install" -l context -d 'The kubeconfig context to use (default: its current-context)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and __fish_seen_subcommand_from install" -l workspace -d 'The kcp workspace to act in, such as root:org:team (default: the one in the context\'s server URL)' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and __fish_seen_subcommand_from install" -l request-timeout -d 'How long to wait for each server request (e.g. 30s, 2m); 0 waits forever' -r
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and __fish_seen_subcommand_from install" -l log-format -d 'Log lines as text, or as one JSON object per line (for log collectors)' -r -f -a "text\t''
json\t''"
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and __fish_seen_subcommand_from install" -l force -d 'Replace files of those names that are not links to this binary'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and __fish_seen_subcommand_from install" -s v -l verbose -d 'More log output on stderr: -v info, -vv debug, -vvv trace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and __fish_seen_subcommand_from install" -s V -l version -d 'Print version'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and __fish_seen_subcommand_from help" -f -a "install" -d 'Link kubectl-tmc (and its completer, kubectl_complete-tmc) to this binary, so that `kubectl tmc …` runs tmcctl and completes its words'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand plugin; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "status" -d 'The fleet on one screen: kcp, the TMC API, the controller, clusters, placements, workloads, drift and backups; exits 11 when anything is wrong'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "doctor" -d 'Check kcp, the TMC API binding, the controller and every cluster (reachable, allowed what the controller does there, clock in step), each failure with its fix'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "cluster" -d 'Register, list, inspect, cordon, drain and unregister physical clusters'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "placement" -d 'Create, inspect, explain and simulate workload placement policies'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "workload" -d 'See where workloads run and how they are doing on each cluster'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "rbac" -d 'Manage the TMC roles (tmc:cluster-admin, tmc:operator, tmc:viewer), who holds them, and check access across the workspace and every cluster'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "backup" -d 'Archives of workspaces on this machine: create, list, describe, verify, delete'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "restore" -d 'Restore a backup into its workspaces (or others): --plan first; existing objects are skipped unless --existing update; nothing is deleted'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "metrics" -d 'Serve Prometheus metrics, /healthz and /readyz'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "controller" -d 'Run the in-process reconcile loops (health, placement, sync, status)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "install" -d 'Publish the TMC API: in kcp as an APIExport (and bind it), else as CRDs'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "uninstall" -d 'Remove what `install` published; refuses while TMC objects exist unless --force'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "version" -d 'Print the client version, and the server\'s when it can be reached'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "completion" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "config" -d 'Show the settings in effect and where each comes from (flag, environment, config file)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "plugin" -d 'Use tmcctl as a kubectl plugin: `kubectl tmc …`'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and not __fish_seen_subcommand_from status doctor cluster placement workload rbac backup restore metrics controller install uninstall version completion config plugin help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "list" -d 'List registered clusters with their location, health and heartbeat'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "register" -d 'Register a physical cluster (re-running updates the registration in place)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "status" -d 'Show a cluster\'s conditions, capacity, health score, taints and workloads'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "update" -d 'Change a cluster\'s labels, location, capabilities or credentials'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "cordon" -d 'Stop placing new workloads on a cluster'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "uncordon" -d 'Allow placing workloads on a cluster again (also ends a drain)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "drain" -d 'Cordon a cluster so its workloads move elsewhere (checked first: the others must take them)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "unregister" -d 'Remove a cluster\'s registration and its stored credentials'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "rotate-credentials" -d 'Replace the stored ServiceAccount token of a cluster without downtime'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from placement" -f -a "create" -d 'Create a placement policy'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from placement" -f -a "list" -d 'List placements with their strategy and decision'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from placement" -f -a "describe" -d 'Show a placement\'s decision and, for every cluster, why it was chosen or rejected'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from placement" -f -a "explain" -d 'Run the engine against the live inventory now and explain the outcome, with the difference from the current decision'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from placement" -f -a "simulate" -d 'Run the engine on a placement file, against the live inventory or a file of clusters (no server needed), and show what it would decide'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from placement" -f -a "update" -d 'Change a placement\'s policy (only the flags given)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from placement" -f -a "delete" -d 'Delete a placement'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from workload" -f -a "list" -d 'List workloads with their placement, clusters and readiness'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from workload" -f -a "status" -d 'Summarise workloads (or one): where they run and whether they are ready on each cluster'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from workload" -f -a "where" -d 'Show every cluster, namespace and object that holds a copy of a workload (or, with --cluster and --downstream-namespace, which workloads a downstream namespace holds)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from workload" -f -a "sync" -d 'Ask the controller to sync a workload now; --force-cleanup releases a deleted one'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from workload" -f -a "wait" -d 'Wait until a workload is ready on every chosen cluster'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from workload" -f -a "diff" -d 'Show what tmcctl intends each cluster to hold against what it holds'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from rbac" -f -a "setup" -d 'Create or update the roles tmc:cluster-admin, tmc:operator and tmc:viewer (and the controller\'s role and binding in the provider workspace)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from rbac" -f -a "grant" -d 'Bind a TMC role to a user, group or service account in the workspace'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from rbac" -f -a "revoke" -d 'Remove a binding `grant` made (and the workspace access it gave, once unused)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from rbac" -f -a "list" -d 'List who holds which TMC role'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from rbac" -f -a "check" -d 'Ask the workspace and every registered cluster whether a subject may do something'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from rbac" -f -a "who-can" -d 'List the subjects that RBAC objects in the workspace allow to do something'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "create" -d 'Write the TMC objects of a workspace (or every bound one), its workloads and what they refer to, to an archive'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "list" -d 'List the backups in a directory or S3 bucket'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "describe" -d 'Show a backup\'s workspaces, kinds, counts, size and whether it is encrypted'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "verify" -d 'Decrypt a backup and check every entry\'s digest and the manifest; touches no server'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "delete" -d 'Delete a backup (asks first on a terminal; --yes otherwise)'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "schedule" -d 'Backups the controller\'s leader takes at an interval, keeping the newest few'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from metrics" -f -a "serve" -d 'Serve /metrics, /healthz and /readyz until SIGINT or SIGTERM'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from controller" -f -a "run" -d 'Run the reconcile loops until SIGINT or SIGTERM'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "view" -d 'Every setting the config file may hold, its value now and its source: a flag, an environment variable, the config file or the built-in default'
complete -c tmcctl -n "__fish_tmcctl_using_subcommand help; and __fish_seen_subcommand_from plugin" -f -a "install" -d 'Link kubectl-tmc (and its completer, kubectl_complete-tmc) to this binary, so that `kubectl tmc …` runs tmcctl and completes its words'
