//! Integration tests for nps-store: real SQLite files in temporary directories
//! and a real PostgreSQL server, no mocks.
//!
//! Every behaviour the `Store` trait promises is written once and run on both
//! backends (`on_both_backends!`: tests named `<topic>::<test>::sqlite` and
//! `::postgres`). Backend-specific tests live in `sqlite` (the file, crash
//! durability) and `postgres`, `events`, `subscription` (migrations, the pool,
//! outages, cross-node fan-out). PostgreSQL comes from `scripts/postgres.sh`
//! (see `support::postgres`).

mod support;

mod accounts;
mod concurrency;
mod events;
mod filters;
mod invalid;
mod notes;
mod postgres;
mod profiles;
mod readings;
mod scoping;
mod sqlite;
mod subscription;
