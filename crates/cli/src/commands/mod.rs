//! One module per subcommand: its flags (a clap `Args` struct) and its `run`, which
//! parses the typed inputs, calls the libraries and prints. `main` dispatches to them.

pub mod backup;
pub mod full;
pub mod history;
pub mod numerology;
pub mod read;
pub mod serve;
pub mod stamp;
pub mod token;
pub mod user;
pub mod watch;
