//! Measures how fast one `PgStore` appends events (and hears them back).
//!
//! ```sh
//! url=$(scripts/postgres.sh start)         # add --no-fsync to take the disk out
//! cargo run --release -p nps-store --example append_rate -- "$url" 16
//! scripts/postgres.sh stop "$url"
//! ```
//!
//! Appends 2,000 `reading_progress`-sized events for 500 users from N concurrent
//! callers, then waits until its own subscription has heard every id.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use nps_store::PgStore;
use nps_store::postgres::EventNotice;

const EVENTS: usize = 2_000;
const USERS: usize = 500;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(url), Some(Ok(callers))) = (args.next(), args.next().map(|c| c.parse::<usize>()))
    else {
        eprintln!("usage: append_rate POSTGRES_URL CONCURRENT_CALLERS");
        return ExitCode::from(2);
    };
    match run(&url, callers.max(1)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("append_rate: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(url: &str, callers: usize) -> nps_store::Result<()> {
    let store = Arc::new(PgStore::connect(url).await?);
    let mut subscription = store.subscribe().await?;
    let per_caller = EVENTS / callers;
    let payload = serde_json::json!({
        "request_id": "r-1", "step": "calculating", "progress": 50,
        "message": "Calculating…", "user_id": "u"
    });
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for caller in 0..callers {
        let (store, payload) = (Arc::clone(&store), payload.clone());
        tasks.spawn(async move {
            for i in 0..per_caller {
                let user = format!("user-{}", (caller * 7 + i) % USERS);
                store
                    .append_event(&user, "reading_progress", &payload)
                    .await?;
            }
            Ok::<_, nps_store::StoreError>(())
        });
    }
    for result in tasks.join_all().await {
        result?;
    }
    let appended = started.elapsed();
    let total = per_caller * callers;
    let mut heard = 0;
    while heard < total {
        if let Some(EventNotice::Event(_)) = subscription.recv().await {
            heard += 1;
        }
    }
    println!(
        "{callers} callers: {total} appends in {appended:.2?} = {:.0}/s; all heard after {:.2?}",
        total as f64 / appended.as_secs_f64(),
        started.elapsed()
    );
    Ok(())
}
