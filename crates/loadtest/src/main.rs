//! `nps-loadtest`: parse the flags, run the benchmark (or, with the hidden
//! `--serve-on-stdout`, be its server; with `--hold-sockets`, one of its socket
//! holders), print the table, write the JSON.
//! Exit 0 when every phase completed, 1 when one failed outright (sockets
//! refused, readings that errored, a broadcast that did not arrive), 2 when the
//! run could not start. A missed goal is not a failure.

use std::process::ExitCode;

use clap::Parser;
use nps_loadtest::{Args, holder, report, serve};

fn main() -> ExitCode {
    let args = Args::parse();
    if args.serve_on_stdout {
        return match serve::serve_main(args.max_connections) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("nps-loadtest server: {e}");
                ExitCode::from(2)
            }
        };
    }
    if args.hold_sockets {
        return match holder::hold_main(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("nps-loadtest socket holder: {e}");
                ExitCode::from(2)
            }
        };
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("nps-loadtest: tokio runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let report = match runtime.block_on(nps_loadtest::run(&args)) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("nps-loadtest: {e}");
            return ExitCode::from(2);
        }
    };
    print!("{}", report::table(&report));
    if let Some(path) = &args.json_out {
        let written = serde_json::to_string_pretty(&report)
            .map_err(|e| e.to_string())
            .and_then(|json| std::fs::write(path, json + "\n").map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("nps-loadtest: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    if report.ok {
        ExitCode::SUCCESS
    } else {
        eprintln!("nps-loadtest: a phase failed (see the errors above and in the JSON)");
        ExitCode::FAILURE
    }
}
