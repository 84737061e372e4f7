//! `placement create` and `placement update`: a policy from flags, validated before any write
//! (strategy, selectors, capabilities, counts), written with server-side apply.

use clap::{Args, ValueEnum};
use serde_json::{json, Value};

use crate::api::input::parse_typed_flags;
use crate::api::names::check_object_name;
use crate::api::{
    CapabilityRequirement, ClusterRegistration, DeletionPolicy, PlacementStrategy, Takeover, WorkloadPlacementSpec,
};
use crate::cli::{parse_selector, OutputArgs};
use crate::client::{ApplyOptions, ClientError, Connection, ConnectionSettings, Resource};
use crate::error::{CliError, ExitKind};
use crate::install::FIELD_MANAGER;
use crate::output::{OutputFormat, Printer};
use crate::placement::from_api::{api_selector, policy};
use crate::selector::LabelSelector;

use super::shared::{decision_page, explain_spec, kind_group, live_inventory, placements, require};
use crate::commands::{confirm, explain_tmc_error};
use crate::output::Describe;
use crate::placement::WorkloadDemand;

/// `--replicas`: how replicas are shared between chosen clusters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReplicasFlag {
    /// Every chosen cluster runs all replicas.
    Duplicated,
    /// Replicas are divided between the chosen clusters.
    Divided,
}

/// The policy flags of `create` and `update`.
#[derive(Debug, Args, Clone, Default)]
pub struct PolicyFlags {
    /// RoundRobin, Spread or Affinity.
    #[arg(long, value_parser = parse_strategy)]
    pub strategy: Option<PlacementStrategy>,
    /// Eligible clusters, as a label selector over cluster labels and `location`
    /// (e.g. env=production or "location in (eu-west,eu-north),tier!=edge").
    #[arg(long, value_name = "SELECTOR", value_parser = parse_selector)]
    pub location_selector: Option<LabelSelector>,
    /// Capabilities as type:required,… where true means required and false preferred.
    #[arg(long, value_name = "TYPE:BOOL,…", value_parser = parse_requirements)]
    pub capabilities: Option<Requirements>,
    /// Namespaces this placement governs (label selector over namespace labels).
    #[arg(long, value_name = "SELECTOR", value_parser = parse_selector)]
    pub namespace_selector: Option<LabelSelector>,
    /// Workloads this placement governs (label selector over workload labels).
    #[arg(long, value_name = "SELECTOR", value_parser = parse_selector)]
    pub workload_selector: Option<LabelSelector>,
    /// How many clusters to choose.
    #[arg(long = "clusters", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub number_of_clusters: Option<u32>,
    /// duplicated (every cluster runs all replicas) or divided.
    #[arg(long, value_enum)]
    pub replicas: Option<ReplicasFlag>,
    /// Spread: pick clusters in rounds over locations.
    #[arg(long)]
    pub spread_by_location: bool,
    /// Spread: largest replica difference allowed between locations or clusters.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_skew: Option<u32>,
    /// An object at a copy's name that tmcctl did not create: Never adopt it (report a
    /// conflict), adopt it IfNoDiff (it already matches the copy), or Always.
    #[arg(long, value_name = "Never|IfNoDiff|Always", value_parser = parse_takeover)]
    pub takeover: Option<Takeover>,
    /// When this placement stops governing a workload (deleted, or its selectors no longer
    /// match): Retain its copies, reported as orphaned, or Delete them at the eviction rate.
    #[arg(long, value_name = "Retain|Delete")]
    pub deletion_policy: Option<DeletionPolicy>,
}

fn parse_takeover(text: &str) -> Result<Takeover, String> {
    let all = [Takeover::Never, Takeover::IfNoDiff, Takeover::Always];
    all.into_iter()
        .find(|t| format!("{t:?}").eq_ignore_ascii_case(text))
        .ok_or_else(|| format!("unknown takeover policy \"{text}\"; allowed: Never, IfNoDiff, Always"))
}

/// The capability requirements of one `--capabilities` flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirements(pub Vec<CapabilityRequirement>);

/// Arguments of `placement create`.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The placement's name.
    pub name: String,
    #[command(flatten)]
    pub policy: PolicyFlags,
    /// client: print the object; server: also have the server validate it.
    #[arg(long, value_name = "MODE", num_args = 0..=1, default_missing_value = "client", value_parser = ["client", "server", "none"])]
    pub dry_run: Option<String>,
    /// Save without the questions asked on a terminal (the strategy when --strategy is left
    /// out, and whether to save after the engine's decision is shown).
    #[arg(short = 'y', long)]
    pub yes: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `placement update`.
#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The placement's name.
    pub name: String,
    #[command(flatten)]
    pub policy: PolicyFlags,
    #[command(flatten)]
    pub output: OutputArgs,
}

fn parse_strategy(text: &str) -> Result<PlacementStrategy, String> {
    PlacementStrategy::ALL.into_iter().find(|s| s.as_str().eq_ignore_ascii_case(text)).ok_or_else(|| {
        let allowed: Vec<&str> = PlacementStrategy::ALL.iter().map(|s| s.as_str()).collect();
        format!("unknown strategy \"{text}\"; allowed: {}", allowed.join(", "))
    })
}

/// The strategy, picked on the terminal (the built-in default first).
fn ask_strategy(printer: &Printer, default: PlacementStrategy) -> Result<PlacementStrategy, CliError> {
    let items: Vec<String> = PlacementStrategy::ALL
        .iter()
        .map(|s| {
            let what = match s {
                PlacementStrategy::RoundRobin => "one home per workload, spread by hashing",
                PlacementStrategy::Spread => "across locations, replicas divided or duplicated",
                PlacementStrategy::Affinity => "clusters matching required terms, ranked by preferred ones",
            };
            format!("{:<11} {what}", s.as_str())
        })
        .collect();
    let start = PlacementStrategy::ALL.iter().position(|s| *s == default).unwrap_or(0);
    match printer.choose("Strategy", &items, start)? {
        Some(index) => Ok(PlacementStrategy::ALL[index]),
        None => Err(CliError::new(ExitKind::Conflict, "did not create the placement: no strategy chosen")),
    }
}

fn parse_requirements(text: &str) -> Result<Requirements, String> {
    let pairs = parse_typed_flags(text, "required")?;
    Ok(Requirements(pairs.into_iter().map(|(type_, required)| CapabilityRequirement { type_, required }).collect()))
}

impl PolicyFlags {
    /// Applies the flags that were given on top of `spec`.
    fn apply_to(&self, spec: &mut WorkloadPlacementSpec) {
        if let Some(s) = self.strategy {
            spec.strategy = s;
        }
        if let Some(s) = &self.location_selector {
            spec.location_selector = Some(api_selector(s));
        }
        if let Some(Requirements(r)) = &self.capabilities {
            spec.capability_requirements = r.clone();
        }
        if let Some(s) = &self.namespace_selector {
            spec.namespace_selector = Some(api_selector(s));
        }
        if let Some(s) = &self.workload_selector {
            spec.workload_selector = Some(api_selector(s));
        }
        if let Some(n) = self.number_of_clusters {
            spec.number_of_clusters = Some(n);
        }
        if let Some(r) = self.replicas {
            let mut division = spec.replica_division.clone().unwrap_or_default();
            division.type_ = match r {
                ReplicasFlag::Duplicated => crate::api::ReplicaDivisionType::Duplicated,
                ReplicasFlag::Divided => crate::api::ReplicaDivisionType::Divided,
            };
            spec.replica_division = Some(division);
        }
        if let Some(t) = self.takeover {
            spec.takeover = Some(t);
        }
        if let Some(p) = self.deletion_policy {
            spec.deletion_policy = Some(p);
        }
        if self.spread_by_location || self.max_skew.is_some() {
            let mut spread = spec.spread.clone().unwrap_or_default();
            spread.by_location |= self.spread_by_location;
            spread.max_skew = self.max_skew.or(spread.max_skew);
            spec.spread = Some(spread);
        }
    }
}

/// Checks a spec the way the engine will read it, and its capabilities against those the
/// workspace's clusters offer (a typo would otherwise match nothing, silently).
async fn validate(connection: &Connection, spec: &WorkloadPlacementSpec) -> Result<(), CliError> {
    let engine_policy = policy(spec).map_err(|e| CliError::usage(format!("placement policy: {e}")))?;
    engine_policy.validate().map_err(|e| CliError::usage(format!("placement policy: {e}")))?;
    let clusters = match connection.list(&Resource::of::<ClusterRegistration>(), None, None).await {
        Ok(list) => list.items,
        Err(ClientError::NotFound { .. }) => Vec::new(),
        Err(e) => return Err(explain_tmc_error(connection, e).await),
    };
    let known: std::collections::BTreeSet<String> = clusters
        .iter()
        .filter_map(|c| c["spec"]["capabilities"].as_array())
        .flatten()
        .filter_map(|c| c["type"].as_str().map(String::from))
        .collect();
    if clusters.is_empty() {
        return Ok(());
    }
    for requirement in &spec.capability_requirements {
        if !known.contains(&requirement.type_) {
            let allowed = if known.is_empty() {
                "none".to_string()
            } else {
                known.iter().cloned().collect::<Vec<_>>().join(", ")
            };
            return Err(CliError::usage(format!(
                "capability \"{}\" is offered by no registered cluster; capabilities registered: {allowed}",
                requirement.type_
            ))
            .with_hint("fix the name, or register a cluster with that capability first"));
        }
    }
    Ok(())
}

fn object(name: &str, spec: &WorkloadPlacementSpec, resource_version: Option<&Value>) -> Value {
    let mut object = json!({
        "apiVersion": "tmc.kcp.io/v1alpha1",
        "kind": "WorkloadPlacement",
        "metadata": {"name": name},
        "spec": spec,
    });
    if let Some(rv) = resource_version {
        object["metadata"]["resourceVersion"] = rv.clone();
    }
    object
}

fn report(printer: &Printer, applied: &Value, verb: &str) -> Result<(), CliError> {
    if matches!(printer.format(), OutputFormat::Table | OutputFormat::Wide) {
        let name = applied["metadata"]["name"].as_str().unwrap_or_default();
        printer.write_out(&format!("{}/{name} {verb}\n", kind_group()))?;
    } else {
        printer.objects(std::slice::from_ref(applied), true, &kind_group(), |_| Default::default())?;
    }
    Ok(())
}

/// Runs `placement create`.
pub async fn create(args: CreateArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    check_object_name("placement", &args.name).map_err(CliError::usage)?;
    let mut spec = WorkloadPlacementSpec::default();
    args.policy.apply_to(&mut spec);
    if args.dry_run.as_deref() == Some("client") {
        policy(&spec).map_err(|e| CliError::usage(format!("placement policy: {e}")))?;
        return report(&printer, &object(&args.name, &spec, None), "created (dry run)");
    }
    let connection = Connection::open(settings).await?;
    if connection.get(&placements(), None, &args.name).await.map_err(CliError::from)?.is_some() {
        return Err(CliError::new(ExitKind::Conflict, format!("placement \"{}\" already exists", args.name))
            .with_hint(format!("change it with `tmcctl placement update {}`", args.name)));
    }
    let guided = Printer::interactive() && !args.yes && args.dry_run.is_none();
    if guided && args.policy.strategy.is_none() {
        spec.strategy = ask_strategy(&printer, spec.strategy)?;
    }
    validate(&connection, &spec).await?;
    if guided {
        // What the engine would choose on the live clusters, before anything is saved.
        let explanation = explain_spec(&live_inventory(&connection).await?, &spec, &WorkloadDemand::default())?;
        for line in decision_page(Describe::new(), &explanation, &[], "Versus stored").lines() {
            printer.status(line)?;
        }
        confirm(
            &printer,
            &format!("Save placement \"{}\"?", args.name),
            &format!("create placement \"{}\"", args.name),
        )?;
    }
    let desired = object(&args.name, &spec, None);
    let options = ApplyOptions { dry_run: args.dry_run.as_deref() == Some("server"), force: false };
    let applied = connection.apply(&placements(), &desired, FIELD_MANAGER, options).await?;
    report(&printer, &applied, if options.dry_run { "created (server dry run)" } else { "created" })
}

/// Runs `placement update`.
pub async fn update(args: UpdateArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let connection = Connection::open(settings).await?;
    for attempt in 1..=5 {
        let current = require(&connection, &args.name).await?;
        let mut spec: WorkloadPlacementSpec = serde_json::from_value(current["spec"].clone()).map_err(|e| {
            CliError::new(ExitKind::Failure, format!("placement \"{}\" does not match the schema: {e}", args.name))
        })?;
        args.policy.apply_to(&mut spec);
        validate(&connection, &spec).await?;
        let desired = object(&args.name, &spec, Some(&current["metadata"]["resourceVersion"]));
        match connection.apply(&placements(), &desired, FIELD_MANAGER, ApplyOptions::default()).await {
            Ok(applied) => return report(&printer, &applied, "updated"),
            Err(ClientError::Conflict { message }) if message.contains("Apply failed") => {
                return Err(CliError::new(ExitKind::Conflict, format!("placement \"{}\": {message}", args.name)));
            }
            Err(ClientError::Conflict { .. }) if attempt < 5 => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(CliError::new(ExitKind::Conflict, format!("placement \"{}\" changed concurrently 5 times; re-run", args.name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strategies_and_requirements_parse_strictly() {
        assert_eq!(parse_strategy("spread"), Ok(PlacementStrategy::Spread));
        let err = parse_strategy("Random").unwrap_err();
        assert!(err.contains("\"Random\"") && err.contains("RoundRobin, Spread, Affinity"), "{err}");
        let Requirements(r) = parse_requirements("gpu:true,ssd:false").unwrap();
        assert!(r[0].required && !r[1].required);
        assert!(parse_requirements("gpu:required").unwrap_err().contains("\"required\""));
        assert!(parse_selector("env in (prod").unwrap_err().contains("position"));
    }
}
