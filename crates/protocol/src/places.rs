//! `GET /api/places?q=&locale=&limit=`: the offline place list behind the location
//! picker (the server's `nps-places`, so the browser's wasm does not carry the list).

use serde::{Deserialize, Serialize};

/// The query of `GET /api/places`.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct PlaceQuery {
    /// What was typed: part of a city's English or Persian name, or an alias.
    pub q: Option<String>,
    /// The language of the names returned (and of the ranking); default English.
    pub locale: Option<String>,
    /// How many places at most; default [`DEFAULT_PLACE_RESULTS`].
    pub limit: Option<u32>,
}

/// How many places a query returns when it names no `limit`.
pub const DEFAULT_PLACE_RESULTS: u32 = 8;

/// One place found, named in the query's language.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PlaceHit {
    /// Stable id (`ir-tehran`).
    pub id: String,
    pub name: String,
    /// ISO 3166-1 alpha-2 (`IR`).
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
    /// IANA time zone (`Asia/Tehran`).
    pub time_zone: String,
}

/// The answer of `GET /api/places`, best match first.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct PlaceList {
    pub places: Vec<PlaceHit>,
}
