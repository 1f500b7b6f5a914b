//! `GET /api/oracle/readings/{id}/export`: a stored reading as a PDF, a PNG card,
//! Markdown or JSON, in its language or `?locale=`; owner-scoped; a bad format is a
//! localized 400.

use serde_json::json;

use crate::support::*;

/// A server with one full reading of alice's, made in `locale`: the server, the
/// reading's id and its export path.
async fn server_with_reading(locale: &str) -> (Server, i64, String) {
    let server = Server::start().await;
    let profile = json!({"name": "Alice Johnson", "birth_date": "1990-07-15"});
    let (status, body) = server
        .post(
            "/api/oracle/full",
            "alice",
            json!({"profile": profile, "datetime": "2026-02-09T14:30:00-05:00", "locale": locale}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let id = body["reading_id"].as_i64().expect("an id");
    (server, id, format!("/api/oracle/readings/{id}/export"))
}

/// GET `path` as `user` (raw bytes, any extra headers).
async fn fetch(server: &Server, path: &str, user: &str, extra: &[(&str, &str)]) -> Reply {
    let auth = format!("Bearer {}", token(user));
    let mut headers = vec![("Authorization", auth.as_str())];
    headers.extend_from_slice(extra);
    http(server.addr, "GET", path, &headers, None).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_format_downloads_with_its_type_name_and_signature() {
    let (server, id, base) = server_with_reading("en").await;

    let pdf = fetch(&server, &format!("{base}?format=pdf"), "alice", &[]).await;
    assert_eq!(pdf.status, 200, "{}", pdf.head);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert_eq!(
        pdf.header("content-disposition"),
        Some(format!("attachment; filename=\"nps-reading-{id}.pdf\"").as_str())
    );
    assert_eq!(pdf.header("cache-control"), Some("private, no-store"));
    assert!(pdf.body.starts_with(b"%PDF-"), "a PDF");
    assert!(pdf.body.len() > 5_000, "{} bytes", pdf.body.len());

    let png = fetch(&server, &format!("{base}?format=png"), "alice", &[]).await;
    assert_eq!(png.status, 200, "{}", png.head);
    assert_eq!(png.header("content-type"), Some("image/png"));
    assert!(png.body.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    // The card is 1080×1350 (IHDR: width and height, big-endian, after the signature).
    assert_eq!(&png.body[16..24], &[0, 0, 4, 56, 0, 0, 5, 70]);
    assert_eq!(
        png.header("content-disposition"),
        Some(format!("attachment; filename=\"nps-reading-{id}.png\"").as_str())
    );

    let md = fetch(&server, &format!("{base}?format=md"), "alice", &[]).await;
    assert_eq!(md.status, 200);
    assert_eq!(
        md.header("content-type"),
        Some("text/markdown; charset=utf-8")
    );
    let text = String::from_utf8(md.body).expect("UTF-8");
    assert!(text.starts_with("# "), "{text}");
    assert!(text.contains("Alice Johnson"), "{text}");
    assert!(text.contains("## In short"), "{text}");
    assert!(!text.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']));

    let (status, json) = server.get(&format!("{base}?format=json"), "alice").await;
    assert_eq!(status, 200);
    assert_eq!(json["reading_id"], id);
    assert_eq!(json["text"]["locale"], "en");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_export_speaks_the_readings_language_or_the_one_asked_for() {
    let (server, _, base) = server_with_reading("fa").await;
    let md = fetch(&server, &format!("{base}?format=md"), "alice", &[]).await;
    let text = String::from_utf8(md.body).expect("UTF-8");
    assert!(text.contains("## به‌طور خلاصه"), "{text}");
    assert!(text.contains("زادهٔ"), "{text}");
    let md = fetch(
        &server,
        &format!("{base}?format=md&locale=en"),
        "alice",
        &[],
    )
    .await;
    let text = String::from_utf8(md.body).expect("UTF-8");
    assert!(text.contains("## In short"), "{text}");
    assert!(text.contains("born"), "{text}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_user_gets_a_404_and_a_bad_format_a_localized_400() {
    let (server, _, base) = server_with_reading("en").await;

    let (status, body) = server.get(&format!("{base}?format=pdf"), "bob").await;
    assert_eq!(status, 404, "{body}");
    assert_eq!(body["error"]["code"], "not_found");
    let (status, _) = server
        .get("/api/oracle/readings/999999/export?format=pdf", "alice")
        .await;
    assert_eq!(status, 404);

    let (status, body) = server.get(&format!("{base}?format=docx"), "alice").await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["code"], "bad_request");
    let message = body["error"]["message"].as_str().expect("a message");
    assert!(
        message.contains("docx") && message.contains("pdf, png, md or json"),
        "{message}"
    );

    let (status, body) = server
        .call_with(
            "GET",
            &format!("{base}?format=docx"),
            Some(&token("alice")),
            &[("Accept-Language", "fa")],
            None,
        )
        .await;
    assert_eq!(status, 400);
    let message = body["error"]["message"].as_str().expect("a message");
    assert!(
        message.contains("پشتیبانی نمی‌شود") && message.contains("docx"),
        "{message}"
    );

    let (status, _) = server.get(&base, "alice").await;
    assert_eq!(status, 400, "no format at all");
    let (status, body) = server
        .get(&format!("{base}?format=pdf&locale=de"), "alice")
        .await;
    assert_eq!(status, 422, "{body}");

    // Without a token: 401.
    let (status, _) = server
        .call("GET", &format!("{base}?format=pdf"), None, None)
        .await;
    assert_eq!(status, 401);
    server.stop().await;
}
