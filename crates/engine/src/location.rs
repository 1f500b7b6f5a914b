//! The location signature of a latitude/longitude.

use serde::Serialize;

use crate::error::{EngineError, Result};
use crate::tokens::Element;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LocationSignature {
    pub latitude: f64,
    pub longitude: f64,
    pub element: &'static str,
    /// round(longitude / 15), ties to even.
    pub timezone_estimate: i32,
    pub lat_hemisphere: &'static str,
    pub lon_hemisphere: &'static str,
    pub lat_polarity: &'static str,
    pub lon_polarity: &'static str,
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
