//! `GET /api/places`: the location picker's search over real HTTP — names in the
//! request's language, the limit clamped, a token required, a bad locale refused.

use serde_json::json;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cities_are_found_in_either_language_with_their_coordinates() {
    let server = Server::start().await;
    let (status, got) = server.get("/api/places?q=teh&limit=3", "alice").await;
    assert_eq!(status, 200, "{got}");
    assert_eq!(
        got["places"][0],
        json!({ "id": "ir-tehran", "name": "Tehran", "country": "IR", "latitude": 35.6944,
                "longitude": 51.4215, "time_zone": "Asia/Tehran" })
    );
    assert!(got["places"].as_array().unwrap().len() <= 3);

    // «شیر» in Persian finds Shiraz, named in Persian.
    let (status, got) = server
        .get("/api/places?q=%D8%B4%DB%8C%D8%B1&locale=fa", "alice")
        .await;
    assert_eq!(status, 200, "{got}");
    assert_eq!(got["places"][0]["id"], "ir-shiraz");
    assert_eq!(got["places"][0]["name"], "شیراز");

    // Nothing typed finds nothing; the default is eight at most.
    let (_, got) = server.get("/api/places?q=", "alice").await;
    assert_eq!(got, json!({ "places": [] }));
    let (_, got) = server.get("/api/places?q=a", "alice").await;
    assert_eq!(got["places"].as_array().unwrap().len(), 8);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_limit_is_clamped_and_bad_requests_are_refused() {
    let server = Server::start().await;
    let (_, got) = server.get("/api/places?q=a&limit=5000", "alice").await;
    assert_eq!(
        got["places"].as_array().unwrap().len(),
        50,
        "MAX_RESULTS caps a large limit"
    );
    let (_, got) = server.get("/api/places?q=tehran&limit=0", "alice").await;
    assert_eq!(got["places"].as_array().unwrap().len(), 1);

    let (status, got) = server.call("GET", "/api/places?q=teh", None, None).await;
    assert_eq!(status, 401, "{got}");
    let (status, got) = server.get("/api/places?q=teh&locale=de", "alice").await;
    assert_eq!(status, 422, "{got}");
    assert_eq!(got["error"]["code"], "invalid_input");
    let (status, got) = server.get("/api/places?limit=many", "alice").await;
    assert_eq!(status, 422, "{got}");
    assert_eq!(
        got["error"]["message"],
        "The query parameter limit has the wrong type or value"
    );
}
