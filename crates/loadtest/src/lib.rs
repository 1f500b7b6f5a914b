#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
//! The NPS Oracle load benchmark (issue 4, deliverable 6; the cluster mode is
//! issue 11, item 5): how much memory the server needs per socket, how fast a
//! reading reaches its requester at a fixed rate, and how long a broadcast
//! takes to reach every socket — on one server, or on `--nodes N` cluster
//! nodes sharing one PostgreSQL (`--database-url`), where each reading is
//! posted to a node other than the one holding its user's socket.
//!
//! The binary is glue (`src/main.rs`); [`run`] does the work. The server runs
//! in its own process — this executable again, with `--serve-on-stdout` — so
//! its memory is measured apart from the client's. Everything is on loopback
//! and bounded in count and time.
//!
//! [`run`] reads as the run's steps: check the flags, fit the settings to the
//! open-file limit (the sockets beyond the client's room go to socket holders), create the run's database (cluster mode), start the nodes,
//! mint the users' tokens, run the phases ([`phases::run`]), close, drop the
//! database, and build the [`Report`](report::Report) with
//! [`Report::new`](report::Report::new).
//!
//! # Layout
//!
//! - [`Args`]: the flags, and [`run`], the steps of a run.
//! - [`database`]: the cluster mode's `--database-url` (loopback only) and the
//!   run's own database.
//! - [`phases`]: the three phases in order against the nodes, and the end of the
//!   run (sockets closed, nodes stopped).
//! - [`serve`]: the child side: `nps_server` on `127.0.0.1:0` until stdin closes.
//! - [`server_process`]: the parent's handle on each child (address, RSS, CPU,
//!   stop) and [`Nodes`](server_process::Nodes), which node serves which user.
//! - [`holder`]: socket holders, the child processes holding the sockets that
//!   do not fit the client's open-file limit (and the parent's handle on them).
//! - [`sockets`]: phase 1, N authenticated sockets and the task serving each
//!   (answers `ping`, stamps event arrivals into the [`sockets::Recorder`]).
//! - [`readings`]: phase 2, readings at a fixed rate over keep-alive HTTP/1.1.
//! - [`broadcast`]: phase 3, one `POST /api/admin/daily` to every socket.
//! - [`http`]: the minimal HTTP/1.1 client.
//! - [`procfs`]: `VmRSS`, CPU time and load average from `/proc`.
//! - [`report`]: the figures (JSON), the table, the goals.

pub mod broadcast;
pub mod database;
pub mod holder;
pub mod http;
pub mod phases;
pub mod procfs;
pub mod readings;
pub mod report;
pub mod serve;
pub mod server_process;
pub mod sockets;

use std::net::SocketAddr;
use std::ops::Range;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use database::{DatabaseUrl, RunDatabase};
use report::{Machine, Report, Settings};
use server_process::{Nodes, post_node, socket_node};
use sockets::User;

/// Open files each process keeps besides the sockets (stdio, epoll, pipes,
/// SQLite files, the HTTP connections' slack).
const FD_MARGIN: u64 = 128;
/// The server's `max_connections` beyond the sockets and HTTP connections.
const SERVER_CONNECTION_MARGIN: usize = 100;
/// The most socket-holder processes a run starts (beyond them, the sockets
/// are clamped).
const MAX_HOLDERS: usize = 8;
/// Lifetime of the benchmark's tokens (a run takes well under an hour).
const TOKEN_TTL: Duration = Duration::from_secs(3600);

/// The flags of `nps-loadtest`.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "nps-loadtest",
    version,
    about = "Load benchmark of the NPS Oracle server, on loopback: N sockets (server RSS), \
             readings at a fixed rate (latency to reading_complete), one broadcast (latency \
             to the last socket); on one server or on a cluster of nodes sharing one \
             PostgreSQL."
)]
pub struct Args {
    /// Sockets to open, one per user (u0, u1, ...).
    #[arg(long, default_value_t = 10_000, value_parser = positive_usize)]
    pub sockets: usize,
    /// Readings per second in phase 2.
    #[arg(long, default_value_t = 500.0, value_parser = positive_f64)]
    pub rate: f64,
    /// Length of phase 2, in seconds.
    #[arg(long, default_value_t = 10.0, value_parser = positive_f64)]
    pub duration_secs: f64,
    /// Also write the figures as JSON to this file.
    #[arg(long, value_name = "PATH")]
    pub json_out: Option<PathBuf>,
    /// Socket connects in flight at once (phase 1).
    #[arg(long, default_value_t = 256, value_parser = positive_usize)]
    pub connect_concurrency: usize,
    /// Keep-alive HTTP/1.1 connections for the readings (phase 2), to each node.
    #[arg(long, default_value_t = 32, value_parser = positive_usize)]
    pub http_connections: usize,
    /// Server nodes: 1 is one server (SQLite, unless --database-url); more are a
    /// cluster sharing the PostgreSQL of --database-url.
    #[arg(long, default_value_t = 1, value_parser = positive_usize)]
    pub nodes: usize,
    /// The PostgreSQL server of the cluster, on loopback (its user must be allowed
    /// to create databases: each run creates its own and drops it at the end).
    #[arg(long, value_name = "URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// The most sockets one client process holds; the rest are held by socket
    /// holder processes (this executable again). Default: what the open-file
    /// limit leaves room for. Lower it to spread the client over processes.
    #[arg(long, value_name = "N", value_parser = positive_usize)]
    pub client_sockets_max: Option<usize>,
    /// Internal: hold sockets for the parent (a socket holder process).
    #[arg(long, hide = true)]
    pub hold_sockets: bool,
    /// Internal: the holder's first user index.
    #[arg(long, hide = true, default_value_t = 0)]
    pub hold_first: usize,
    /// Internal: how many sockets the holder opens.
    #[arg(long, hide = true, default_value_t = 0)]
    pub hold_count: usize,
    /// Internal: the nodes' addresses, node 0 first (one flag each).
    #[arg(long, hide = true)]
    pub hold_node: Vec<SocketAddr>,
    /// Internal: run the server and print its address (the child process).
    #[arg(long, hide = true)]
    pub serve_on_stdout: bool,
    /// Internal: the child's `max_connections`.
    #[arg(long, hide = true, default_value_t = 1024)]
    pub max_connections: usize,
}

fn positive_usize(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(v) if v > 0 => Ok(v),
        _ => Err(format!("{s:?} is not a positive whole number")),
    }
}

fn positive_f64(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(format!("{s:?} is not a positive number")),
    }
}

/// Raises this process's open-file limit as far as the hard limit allows and
/// returns the limit now in force.
pub fn raise_nofile_limit() -> std::io::Result<u64> {
    rlimit::increase_nofile_limit(u64::MAX)
}

/// The cluster flags, checked: more than one node needs `--database-url`, and a
/// database URL must be on loopback. `Some` for a run on PostgreSQL.
pub fn database_url(args: &Args) -> Result<Option<DatabaseUrl>, String> {
    match &args.database_url {
        Some(url) => DatabaseUrl::parse(url).map(Some),
        None if args.nodes > 1 => Err(format!(
            "--nodes {} needs --database-url (the nodes share one PostgreSQL)",
            args.nodes
        )),
        None => Ok(None),
    }
}

/// Room for sockets under the open-file `limit` beside `kept` other files.
fn room(limit: u64, kept: u64) -> usize {
    usize::try_from(limit.saturating_sub(kept)).unwrap_or(usize::MAX)
}

/// The settings of a run: the flags, fitted to the open-file limit (`None`:
/// unknown), with notes saying how. The client needs one file per socket and
/// HTTP connection (to every node); the sockets that do not fit its limit (or
/// `--client-sockets-max`) go to up to [`MAX_HOLDERS`] socket holders; each
/// node needs one file per socket of its share and HTTP connection. All run
/// with the same (raised) limit; what fits nowhere is clamped.
pub fn fit_settings(args: &Args, nofile: Option<u64>, mut notes: Vec<String>) -> Settings {
    let http_connections = (args.http_connections * args.nodes) as u64;
    let most = args.client_sockets_max.unwrap_or(usize::MAX);
    let (client_room, holder_room, node_room) = match nofile {
        Some(limit) => (
            room(limit, FD_MARGIN + http_connections + 2).min(most),
            room(limit, FD_MARGIN + 2).min(most),
            room(limit, FD_MARGIN + args.http_connections as u64 + 2).saturating_mul(args.nodes),
        ),
        None => (most, most, usize::MAX),
    };
    let room_all = client_room.saturating_add(holder_room.saturating_mul(MAX_HOLDERS));
    let sockets = args.sockets.min(room_all).min(node_room);
    if sockets < args.sockets {
        notes.push(match nofile {
            Some(limit) => format!(
                "the open-file limit is {limit} (hard limit reached): {} sockets do not fit; \
                 clamped to {sockets}",
                args.sockets
            ),
            None => format!(
                "{} sockets do not fit 1 + {MAX_HOLDERS} client processes of at most \
                 {client_room}: clamped to {sockets}",
                args.sockets
            ),
        });
    }
    let client_sockets = sockets.min(client_room);
    let mut holder_sockets = Vec::new();
    let mut left = sockets - client_sockets;
    while left > 0 && holder_room > 0 {
        let held = left.min(holder_room);
        holder_sockets.push(held);
        left -= held;
    }
    if !holder_sockets.is_empty() {
        let limit = nofile.map_or_else(|| "unknown".to_string(), |l| l.to_string());
        notes.push(format!(
            "the open-file limit is {limit}, one client process holds at most {client_room} \
             sockets: this process holds {client_sockets}, {} socket holder process(es) hold {:?}",
            holder_sockets.len(),
            holder_sockets
        ));
    }
    Settings {
        sockets_requested: args.sockets,
        sockets,
        rate_per_sec: args.rate,
        duration_secs: args.duration_secs,
        connect_concurrency: args.connect_concurrency,
        http_connections: args.http_connections,
        nodes: args.nodes,
        database: None,
        server_max_connections: sockets.div_ceil(args.nodes)
            + args.http_connections
            + SERVER_CONNECTION_MARGIN,
        client_sockets,
        holder_sockets,
        notes,
    }
}

/// Tokens for users `u{first}..u{end-1}` of `indices`, signed with `secret`,
/// spread over `nodes`.
pub fn mint_users(secret: &[u8], indices: Range<usize>, nodes: usize) -> Result<Vec<User>, String> {
    indices
        .map(|index| {
            let user_id = format!("u{index}");
            nps_server::mint_token(secret, &user_id, &user_id, "user", TOKEN_TTL)
                .map(|token| User {
                    index,
                    user_id,
                    token,
                    socket_node: socket_node(index, nodes),
                    post_node: post_node(index, nodes),
                })
                .map_err(|e| format!("mint token: {e}"))
        })
        .collect()
}

/// Runs the three phases and returns the figures. `Err` only when the run
/// could not start at all (bad cluster flags, no database, no server, no secret).
pub async fn run(args: &Args) -> Result<Report, String> {
    let database_url = database_url(args)?;
    let started = Machine::at_start();
    let (nofile, notes) = match raise_nofile_limit() {
        Ok(n) => (Some(n), Vec::new()),
        Err(e) => (None, vec![format!("cannot raise the open-file limit: {e}")]),
    };
    let mut settings = fit_settings(args, nofile, notes);
    for note in &settings.notes {
        eprintln!("nps-loadtest: {note}");
    }
    let database = match &database_url {
        Some(url) => Some(RunDatabase::create(url).await?),
        None => None,
    };
    settings.database = database.as_ref().map(|d| d.name().to_owned());
    let ran = run_on_nodes(&settings, database.as_ref()).await;
    if let Some(database) = database
        && let Err(e) = database.drop_database().await
    {
        eprintln!("nps-loadtest: {e}");
    }
    let (figures, end) = ran?;
    Ok(Report::new(started.finish(nofile), settings, figures, end))
}

/// Starts the nodes (on `database`, if any), runs the phases, stops the nodes.
async fn run_on_nodes(
    settings: &Settings,
    database: Option<&RunDatabase>,
) -> Result<(report::PhaseFigures, report::EndFigures), String> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| format!("no randomness for the secret: {e}"))?;
    let url = database.map(RunDatabase::url);
    let nodes = Nodes::start(
        settings.nodes,
        &hex::encode(secret),
        settings.server_max_connections,
        url.as_deref(),
    )
    .await?;
    for (index, node) in nodes.nodes().iter().enumerate() {
        eprintln!(
            "nps-loadtest: node {index}: pid {} on http://{}",
            node.pid(),
            node.addr()
        );
    }
    eprintln!(
        "nps-loadtest: {} sockets over {} node(s), {} readings/s for {} s",
        settings.sockets, settings.nodes, settings.rate_per_sec, settings.duration_secs
    );
    let users = mint_users(&secret, 0..settings.client_sockets, settings.nodes)?;
    let admin = nps_server::mint_token(
        &secret,
        "admin",
        "admin",
        nps_protocol::ROLE_ADMIN,
        TOKEN_TTL,
    )
    .map_err(|e| format!("mint token: {e}"))?;

    let secret_hex = hex::encode(secret);
    let holders = holder::Plan {
        secret_hex: &secret_hex,
        addrs: nodes.nodes().iter().map(|n| n.addr()).collect(),
        concurrency: settings.connect_concurrency,
        first: settings.client_sockets,
        counts: &settings.holder_sockets,
    };
    let (figures, open) = phases::run(&nodes, users, &holders, &admin, settings).await;
    let end = open.close(nodes).await;
    Ok((figures, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse() {
        let a = Args::try_parse_from(["nps-loadtest", "--sockets", "50", "--rate", "20"])
            .expect("parses");
        assert_eq!((a.sockets, a.rate, a.duration_secs), (50, 20.0, 10.0));
        assert!(Args::try_parse_from(["nps-loadtest", "--rate", "0"]).is_err());
        assert!(Args::try_parse_from(["nps-loadtest", "--connect-concurrency", "0"]).is_err());
        assert!(Args::try_parse_from(["nps-loadtest", "--nodes", "0"]).is_err());
    }

    #[test]
    fn a_cluster_needs_a_database_on_loopback() {
        let parse = |flags: &[&str]| {
            let args =
                Args::try_parse_from(std::iter::once("nps-loadtest").chain(flags.iter().copied()))
                    .expect("parses");
            database_url(&args).map(|url| url.is_some())
        };
        assert_eq!(parse(&[]), Ok(false));
        assert_eq!(
            parse(&["--nodes", "2"]),
            Err("--nodes 2 needs --database-url (the nodes share one PostgreSQL)".into())
        );
        let local = "postgres://postgres@127.0.0.1:5432/nps";
        assert_eq!(parse(&["--nodes", "2", "--database-url", local]), Ok(true));
        // One node on PostgreSQL is a cluster of one.
        assert_eq!(parse(&["--database-url", local]), Ok(true));
        assert_eq!(
            parse(&[
                "--nodes",
                "3",
                "--database-url",
                "postgres://u:pw@db.example/nps"
            ]),
            Err(
                "--database-url names the host db.example: the load test only talks to \
                 loopback addresses"
                    .into()
            )
        );
    }

    #[test]
    fn sockets_are_clamped_to_the_open_file_limit() {
        let args = Args::try_parse_from(["nps-loadtest", "--sockets", "10000"]).expect("parses");
        let fits = fit_settings(&args, Some(1_048_576), Vec::new());
        assert_eq!(
            (fits.sockets, fits.server_max_connections),
            (10_000, 10_132)
        );
        assert!(fits.notes.is_empty());
        let unknown = fit_settings(&args, None, vec!["no limit".into()]);
        assert_eq!((unknown.sockets, unknown.notes.len()), (10_000, 1));

        // 1000 files: 128 kept aside, 32 HTTP connections, 2 spare.
        // Two nodes: each holds half the sockets; the client has 32 HTTP
        // connections to each.
        let two = Args::try_parse_from(["nps-loadtest", "--sockets", "20001", "--nodes", "2"])
            .expect("parses");
        // The client has room for 806 sockets, each socket holder (no HTTP
        // connections) for 870; each node for 838: 1676 in all.
        let cluster = fit_settings(&two, Some(1000), Vec::new());
        assert_eq!(
            (cluster.sockets, cluster.server_max_connections),
            (2 * (1000 - 128 - 32 - 2), 838 + 32 + 100)
        );
        assert_eq!(
            (cluster.client_sockets, cluster.holder_sockets.clone()),
            (1000 - 128 - 64 - 2, vec![870])
        );
        assert_eq!(
            cluster.notes,
            [
                "the open-file limit is 1000 (hard limit reached): 20001 sockets do not fit; \
                 clamped to 1676",
                "the open-file limit is 1000, one client process holds at most 806 sockets: \
                 this process holds 806, 1 socket holder process(es) hold [870]"
            ]
        );

        // This machine: 20,000 open files; two nodes with 20,000 sockets: the
        // client holds 19,806 (32 HTTP connections to each node), a holder 194.
        let goal = Args::try_parse_from(["nps-loadtest", "--sockets", "20000", "--nodes", "2"])
            .expect("parses");
        let split = fit_settings(&goal, Some(20_000), Vec::new());
        assert_eq!(
            (
                split.sockets,
                split.client_sockets,
                split.holder_sockets.clone()
            ),
            (20_000, 19_806, vec![194])
        );
        // --client-sockets-max spreads the client over more processes; at most
        // 8 holders: 50 + 8 × 50 = 450 sockets.
        let small = Args::try_parse_from([
            "nps-loadtest",
            "--sockets",
            "1000",
            "--client-sockets-max",
            "50",
        ])
        .expect("parses");
        let spread = fit_settings(&small, Some(20_000), Vec::new());
        assert_eq!(
            (
                spread.sockets,
                spread.client_sockets,
                spread.holder_sockets.len()
            ),
            (450, 50, 8)
        );
        assert!(spread.holder_sockets.iter().all(|&n| n == 50));
        let unknown_limit = fit_settings(&small, None, Vec::new());
        assert_eq!(unknown_limit.sockets, 450);
        assert_eq!(
            unknown_limit.notes[0],
            "1000 sockets do not fit 1 + 8 client processes of at most 50: clamped to 450"
        );

        let clamped = fit_settings(&args, Some(1000), Vec::new());
        assert_eq!(clamped.sockets_requested, 10_000);
        assert_eq!(clamped.sockets, 838);
        assert_eq!(clamped.server_max_connections, 838 + 32 + 100);
        assert_eq!(
            clamped.notes,
            [
                "the open-file limit is 1000 (hard limit reached): 10000 sockets do not fit; \
              clamped to 838"
            ]
        );
    }
}
