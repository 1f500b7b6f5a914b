//! The shared application state (the routes are in `router`).
//!
//! [`AppState`] is the one state type of every handler: a cheap clone of
//! `Arc<App>`. Handlers reach the hub with `state.hub()` and the caller with the
//! [`crate::AuthUser`] extractor.

use std::ops::Deref;
use std::sync::Arc;

use nps_store::{PgStore, SqliteStore, Store};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::auth::Keys;
use crate::config::{Config, ConfigError, Storage};
use crate::daily::published::PublishedDays;
use crate::hub::{Bus, Hub};
use crate::throttle::Throttle;

/// Everything the handlers share. Built once per server by [`AppState::new`].
pub struct App {
    config: Config,
    store: Arc<dyn Store>,
    /// The temporary data directory of a server without `data_dir`, removed on drop.
    ephemeral_dir: Option<std::path::PathBuf>,
    hub: Hub,
    keys: Keys,
    published: PublishedDays,
    throttle: Throttle,
    shutdown: CancellationToken,
    tracker: TaskTracker,
}

impl App {
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Users, readings and daily insights.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// Per-user routing, broadcast and resume buffer.
    pub fn hub(&self) -> &Hub {
        &self.hub
    }

    /// The signing secret, prepared (verify and mint tokens).
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// Login throttling, the password-check gate and reading rates.
    pub fn throttle(&self) -> &Throttle {
        &self.throttle
    }

    /// The (date, locale) pairs of the daily insight this process has published
    /// (see [`crate::daily::claim_publication`]).
    pub fn published_days(&self) -> &PublishedDays {
        &self.published
    }

    /// Cancelled when the server starts shutting down; long-running handler
    /// work may `select!` on it.
    pub fn shutdown_token(&self) -> &CancellationToken {
        &self.shutdown
    }

    /// Tracks work that shutdown must wait for (every WebSocket task). Spawn
    /// background work with `tracker().spawn(..)` to be waited for too.
    pub fn tracker(&self) -> &TaskTracker {
        &self.tracker
    }
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("config", &self.config)
            .field("hub", &self.hub)
            .finish_non_exhaustive()
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if let Some(dir) = &self.ephemeral_dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// The state of every handler: `Arc<App>`. One `AppState` serves once; after
/// its shutdown it stays shut down.
#[derive(Clone, Debug)]
pub struct AppState(pub Arc<App>);

impl AppState {
    /// Validates `config`, opens its SQLite store and builds the hub and keys.
    /// A PostgreSQL config needs [`AppState::open`] (connecting is async).
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        config.validate()?;
        if let Storage::Postgres(_) = config.storage {
            return Err(ConfigError::PostgresNeedsOpen);
        }
        let (dir, ephemeral_dir) = match &config.data_dir {
            Some(dir) => (dir.clone(), None),
            None => {
                let suffix = crate::accounts::random_hex(8).map_err(ConfigError::Storage)?;
                let dir = std::env::temp_dir().join(format!("nps-server-{suffix}"));
                (dir.clone(), Some(dir))
            }
        };
        let store = SqliteStore::open_in_dir(&dir)
            .map_err(|e| ConfigError::Storage(e.to_string()))?
            .with_max_readings_per_owner(config.max_readings_per_user);
        Ok(Self::build(
            config,
            Arc::new(store),
            ephemeral_dir,
            Bus::Local,
        ))
    }

    /// [`AppState::new`] for either storage: on [`Storage::Postgres`] connects
    /// (migrating the schema) and puts the hub on the cluster's bus. Fails with
    /// [`ConfigError::Storage`] (never showing the password) if the database
    /// cannot be reached or used.
    pub async fn open(config: Config) -> Result<Self, ConfigError> {
        let Storage::Postgres(url) = &config.storage else {
            return Self::new(config);
        };
        config.validate()?;
        let store = PgStore::connect(url)
            .await
            .map_err(|e| ConfigError::Storage(e.to_string()))?
            .with_max_readings_per_owner(config.max_readings_per_user);
        let store = Arc::new(store);
        let bus = Bus::Postgres(Arc::clone(&store));
        Ok(Self::build(config, store, None, bus))
    }

    fn build(
        config: Config,
        store: Arc<dyn Store>,
        ephemeral_dir: Option<std::path::PathBuf>,
        bus: Bus,
    ) -> Self {
        Self(Arc::new(App {
            store,
            ephemeral_dir,
            hub: Hub::with_bus(&config, bus),
            keys: Keys::new(&config.jwt_secret),
            published: PublishedDays::default(),
            throttle: Throttle::new(&config),
            config,
            shutdown: CancellationToken::new(),
            tracker: TaskTracker::new(),
        }))
    }
}

impl Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.0
    }
}
