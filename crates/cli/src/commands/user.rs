//! `nps user add NAME [--role R]`: a login for `/api/auth/login`; the password is the
//! first line of stdin (`echo 'a password' | nps user add alice`).

use std::io::BufRead;

use clap::{Args, Subcommand};
use nps_i18n::Locale;
use nps_server::accounts::{self, MAX_PASSWORD_BYTES};
use nps_store::StoreError;

use crate::error::{CliError, Message, Result};
use crate::output::say;
use crate::storage::StorageArgs;

#[derive(Debug, Args)]
pub struct UserArgs {
    #[command(subcommand)]
    pub action: UserAction,
}

#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Create a login; the password is read from the first line of stdin.
    Add {
        name: String,
        #[arg(long, default_value = "user")]
        role: String,
        #[command(flatten)]
        storage: StorageArgs,
    },
}

pub fn run(locale: Locale, args: &UserArgs) -> Result<()> {
    match &args.action {
        UserAction::Add {
            name,
            role,
            storage,
        } => add(locale, name.trim(), role, storage),
    }
}

fn add(locale: Locale, name: &str, role: &str, storage: &StorageArgs) -> Result<()> {
    if name.is_empty() {
        return Err(CliError::input(Message::new("cli-error-empty-user")));
    }
    if accounts::is_reserved_username(name) {
        return Err(CliError::input(
            Message::new("cli-error-user-reserved").with("name", name),
        ));
    }
    let hash =
        accounts::hash_password(&password()?).map_err(|e| CliError::failed("cli-error-hash", e))?;
    let store = storage.open()?;
    let user = store
        .run(store.create_user(name, &hash, role))
        .map_err(|e| match e {
            StoreError::Conflict(_) => {
                CliError::input(Message::new("cli-error-user-taken").with("name", name))
            }
            other => CliError::Store(other),
        })?;
    say(
        locale,
        Message::new("cli-user-created").with("name", user.username),
    )
}

/// The first line of stdin, without its line ending; empty or over
/// [`MAX_PASSWORD_BYTES`] is bad input.
fn password() -> Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(|e| {
        CliError::input(Message::new("cli-error-read-password").with("error", e.to_string()))
    })?;
    let password = line.trim_end_matches(['\n', '\r']);
    if password.is_empty() {
        return Err(CliError::input(Message::new("cli-error-password-empty")));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(CliError::input(
            Message::new("cli-error-password-long").number("max", MAX_PASSWORD_BYTES as i64),
        ));
    }
    Ok(password.to_string())
}
