//! What `nps serve`, `token`, `user`, `watch` and `backup` tell their operator comes
//! from `locales/` in the chosen language; every `cli-` message exists in both
//! languages with the same variables, and the Persian ones have no English words.

use std::collections::BTreeMap;

use super::serve::{serve_command, start};
use super::{nps, nps_with_stdin};

/// `id → (text, variables)` of the messages of `locales/<lang>/cli.ftl`.
fn messages(lang: &str) -> BTreeMap<String, (String, Vec<String>)> {
    let path = format!(
        "{}/../../locales/{lang}/cli.ftl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let Some((id, value)) = line.split_once(" = ") else {
            continue;
        };
        if line.starts_with('#') || id.contains(' ') {
            continue;
        }
        let mut vars: Vec<String> = value
            .split("{ $")
            .skip(1)
            .filter_map(|rest| rest.split_once(" }").map(|(v, _)| v.to_string()))
            .collect();
        vars.sort();
        out.insert(id.to_string(), (value.to_string(), vars));
    }
    out
}

#[test]
fn every_message_is_in_both_languages_with_the_same_variables() {
    let (en, fa) = (messages("en"), messages("fa"));
    assert!(en.len() > 100, "{} messages", en.len());
    assert_eq!(en.keys().collect::<Vec<_>>(), fa.keys().collect::<Vec<_>>());
    for (id, (_, vars)) in &en {
        assert_eq!(&fa[id].1, vars, "{id}");
    }
}

#[test]
fn persian_messages_name_only_commands_flags_and_codes_in_latin() {
    // Words that stay Latin in Persian text: commands, flags, environment variables,
    // formats, units of --ttl, and the names of standards.
    let allowed = [
        "nps",
        "watch",
        "ttl",
        "force",
        "user",
        // nps serve --tls-cert/--tls-key, --behind-proxy
        "tls",
        "cert",
        "key",
        "behind",
        "proxy",
        "NPS_JWT_SECRET",
        "FC60",
        "ISO",
        "UTC",
        "pdf",
        "png",
        "md",
        "json",
        "m",
        "h",
        "d",
        "NAME",
        "YYYY",
        "MM",
        "DD",
        "person",
        "data",
        "dir",
        "NPS",
        // nps backup on a cluster: the command, the databases and their backup tool
        "backup",
        "SQLite",
        "PostgreSQL",
        "pg_dump",
    ];
    for (id, (text, _)) in messages("fa") {
        let without_vars: String = text
            .split("{ $")
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once(" }").map_or("", |p| p.1)
                }
            })
            .collect();
        for word in without_vars.split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
            if word.chars().any(|c| c.is_ascii_alphabetic()) {
                let bare = word.trim_start_matches(|c: char| c.is_ascii_digit());
                assert!(allowed.contains(&bare), "fa {id}: Latin {word:?} in {text}");
            }
        }
    }
}

#[test]
fn serve_says_where_it_listens_in_persian() {
    let dir = tempfile::tempdir().unwrap();
    let command = serve_command(dir.path(), "fa");
    let (mut child, line) = start(command);
    let _ = child.kill();
    let _ = child.wait();
    let url = line
        .trim()
        .strip_prefix("سرور روی http://127.0.0.1:")
        .and_then(|rest| rest.strip_suffix(" آمادهٔ پاسخ است"));
    assert!(
        url.is_some_and(|port| port.parse::<u16>().is_ok()),
        "{line}"
    );
}

#[test]
fn token_user_and_backup_errors_speak_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let err = |args: &[&str]| {
        let out = nps(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    assert_eq!(
        err(&[
            "--locale",
            "fa",
            "token",
            "--user",
            "a",
            "--ttl",
            "forever",
            "--data-dir",
            d
        ]),
        "nps: خطا: --ttl «forever» مدتی میان یک ثانیه و یک سال نیست (برای نمونه 30m، 24h یا 7d)\n"
    );
    assert_eq!(
        err(&["token", "--user", "a", "--ttl", "400d", "--data-dir", d]),
        "nps: error: --ttl “400d” is not a lifetime from 1 second to a year (try 30m, 24h or 7d)\n"
    );
    let add = |locale: &str, name: &str, password: &[u8]| {
        nps_with_stdin(
            &["--locale", locale, "user", "add", name, "--data-dir", d],
            password,
        )
    };
    let created = add("fa", "sara", b"pass word\n");
    assert_eq!(
        String::from_utf8_lossy(&created.stdout),
        "کاربر sara ساخته شد\n"
    );
    let taken = add("fa", "SARA", b"x\n");
    assert_eq!(taken.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&taken.stderr),
        "nps: خطا: کاربری با نام «SARA» از پیش وجود دارد\n"
    );
    let taken = add("en", "Sara", b"x\n");
    assert_eq!(
        String::from_utf8_lossy(&taken.stderr),
        "nps: error: a user named “Sara” exists already\n"
    );
    let long = add("en", "omid", &[b'x'; 1100]);
    assert_eq!(long.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&long.stderr),
        "nps: error: the password is longer than 1024 bytes\n"
    );
}

/// `nps backup` on PostgreSQL points to pg_dump (exit 2, one line, both languages),
/// and a database URL's password never reaches the output.
#[test]
fn backup_on_postgres_points_to_pg_dump_and_passwords_stay_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("copy.db");
    let to = to.to_str().unwrap();
    let url = "postgres://nps:hunter2-secret@127.0.0.1:1/nps";
    for (locale, line) in [
        (
            "en",
            "nps: error: nps backup copies SQLite only; back up PostgreSQL with pg_dump\n",
        ),
        (
            "fa",
            "nps: خطا: nps backup تنها از SQLite پشتیبان می‌گیرد؛ از PostgreSQL با pg_dump پشتیبان بگیرید\n",
        ),
    ] {
        let out = nps(&[
            "--locale",
            locale,
            "backup",
            "--to",
            to,
            "--database-url",
            url,
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(String::from_utf8_lossy(&out.stderr), line);
    }
    assert!(!std::path::Path::new(to).exists());
    // Nothing listens on port 1: the history cannot be opened, and the message names
    // the database without its password.
    let out = nps(&["history", "list", "--database-url", url]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(
            "nps: error: cannot open the database postgres://nps:***@127.0.0.1:1/nps: "
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("hunter2"), "{stderr}");
}
