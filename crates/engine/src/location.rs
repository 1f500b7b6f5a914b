//! The location signature of a latitude/longitude.

use serde::{Deserialize, Serialize};

use crate::error::{EngineError, Result};
use crate::tokens::{self, Element};
use crate::vocab::{self, Word};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LocationSignature {
    pub latitude: f64,
    pub longitude: f64,
    #[serde(deserialize_with = "tokens::words::element_name")]
    pub element: Word,
    /// round(longitude / 15), ties to even.
    pub timezone_estimate: i32,
    #[serde(deserialize_with = "vocab::latitude_hemisphere")]
    pub lat_hemisphere: Word,
    #[serde(deserialize_with = "vocab::longitude_hemisphere")]
    pub lon_hemisphere: Word,
    #[serde(deserialize_with = "vocab::polarity_name")]
    pub lat_polarity: Word,
    #[serde(deserialize_with = "vocab::polarity_name")]
    pub lon_polarity: Word,
}

impl LocationSignature {
    /// Latitude −90–90 and longitude −180–180, both finite.
    pub fn new(latitude: f64, longitude: f64) -> Result<Self> {
        if !(-90.0..=90.0).contains(&latitude) {
            return Err(EngineError::LatitudeOutOfRange(latitude));
        }
        if !(-180.0..=180.0).contains(&longitude) {
            return Err(EngineError::LongitudeOutOfRange(longitude));
        }
        let band = latitude.abs();
        let element = if band <= 15.0 {
            Element::FIRE
        } else if band <= 30.0 {
            Element::EARTH
        } else if band <= 45.0 {
            Element::METAL
        } else if band <= 60.0 {
            Element::WATER
        } else {
            Element::WOOD
        };
        let north = latitude >= 0.0;
        let east = longitude >= 0.0;
        Ok(LocationSignature {
            latitude,
            longitude,
            element: element.name(),
            timezone_estimate: (longitude / 15.0).round_ties_even() as i32,
            lat_hemisphere: if north { "N" } else { "S" },
            lon_hemisphere: if east { "E" } else { "W" },
            lat_polarity: if north { "Yang" } else { "Yin" },
            lon_polarity: if east { "Yang" } else { "Yin" },
        })
    }
}
