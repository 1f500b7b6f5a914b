//! One line of `data/places.tsv`, split and checked. Shared by `build.rs` (which rejects
//! the whole file at compile time if any line is wrong) and the library (which then
//! reads the embedded file on first use).

/// Columns of a data line, in order.
pub const COLUMNS: [&str; 10] = [
    "id",
    "name_en",
    "name_fa",
    "country",
    "latitude",
    "longitude",
    "time_zone",
    "population",
    "capital",
    "aliases",
];

/// Whether a place is the capital of a country or of an Iranian province.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Capital {
    /// The capital of its country.
    National,
    /// The capital of one of Iran's provinces (Tehran is marked [`Capital::National`]).
    Province,
}

/// The fields of one line (the library's [`Place`](crate::Place) is a line of the
/// embedded file).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row<'a> {
    /// A stable id: the lower-case country code and the English name, e.g. `ir-tehran`.
    pub id: &'a str,
    pub name_en: &'a str,
    pub name_fa: &'a str,
    /// ISO 3166-1 alpha-2 country code, e.g. `IR`.
    pub country: &'a str,
    /// Degrees north (negative: south), −90 to 90, up to 4 decimals.
    pub latitude: f64,
    /// Degrees east (negative: west), −180 to 180, up to 4 decimals.
    pub longitude: f64,
    /// IANA time zone, e.g. `Asia/Tehran`.
    pub time_zone: &'a str,
    /// Inhabitants as GeoNames counts them; used only to rank search results.
    pub population: u32,
    pub capital: Option<Capital>,
    /// Other spellings, `|`-separated, possibly empty (the library's `Place::aliases`
    /// lists them).
    pub aliases: &'a str,
}

/// Whether `line` holds a place (not a comment or a blank line).
pub fn is_data(line: &str) -> bool {
    !line.trim().is_empty() && !line.starts_with('#')
}

/// The fields of a data line, or what is wrong with it.
pub fn parse(line: &str) -> Result<Row<'_>, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    let [
        id,
        name_en,
        name_fa,
        country,
        lat,
        lon,
        time_zone,
        population,
        capital,
        aliases,
    ] = fields[..]
    else {
        return Err(format!(
            "{} fields, expected {} ({})",
            fields.len(),
            COLUMNS.len(),
            COLUMNS.join(", ")
        ));
    };
    let id_ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id_ok {
        return Err(format!(
            "id {id:?} is not lower-case ASCII letters, digits and '-'"
        ));
    }
    for (name, value) in [
        ("name_en", name_en),
        ("name_fa", name_fa),
        ("time_zone", time_zone),
    ] {
        if value.is_empty() || value.trim() != value {
            return Err(format!("{name} {value:?} is empty or has spaces around it"));
        }
    }
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!(
            "country {country:?} is not an ISO 3166-1 alpha-2 code"
        ));
    }
    let capital = match capital {
        "national" => Some(Capital::National),
        "province" => Some(Capital::Province),
        "-" => None,
        other => return Err(format!("capital {other:?} is not national, province or -")),
    };
    Ok(Row {
        id,
        name_en,
        name_fa,
        country,
        latitude: coordinate(lat, 90.0, "latitude")?,
        longitude: coordinate(lon, 180.0, "longitude")?,
        time_zone,
        population: population
            .parse()
            .map_err(|e| format!("population {population:?}: {e}"))?,
        capital,
        aliases,
    })
}

/// A coordinate within ±`bound` written with 1 to 4 decimals.
fn coordinate(text: &str, bound: f64, name: &str) -> Result<f64, String> {
    let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
    if !(1..=4).contains(&decimals) {
        return Err(format!("{name} {text:?} needs 1 to 4 decimals"));
    }
    let value: f64 = text.parse().map_err(|e| format!("{name} {text:?}: {e}"))?;
    if !(-bound..=bound).contains(&value) {
        return Err(format!("{name} {value} is outside ±{bound}"));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str =
        "ir-tehran\tTehran\tتهران\tIR\t35.6944\t51.4215\tAsia/Tehran\t7153309\tnational\t";

    #[test]
    fn a_good_line_parses() {
        let row = parse(GOOD).expect("parses");
        assert_eq!(
            (row.id, row.name_fa, row.capital),
            ("ir-tehran", "تهران", Some(Capital::National))
        );
        assert_eq!(
            (row.latitude, row.longitude, row.population),
            (35.6944, 51.4215, 7_153_309)
        );
        assert_eq!(row.aliases, "");
    }

    #[test]
    fn each_defect_is_named() {
        let with = |column: usize, value: &str| {
            let mut fields: Vec<&str> = GOOD.split('\t').collect();
            fields[column] = value;
            parse(&fields.join("\t")).expect_err("rejected")
        };
        assert!(
            parse("ir-tehran\tTehran")
                .expect_err("short")
                .starts_with("2 fields, expected 10")
        );
        assert!(with(0, "IR Tehran").contains("id \"IR Tehran\""));
        assert!(with(2, " تهران").contains("name_fa"));
        assert!(with(3, "IRN").contains("ISO 3166-1"));
        assert!(with(4, "95.0").contains("latitude 95 is outside ±90"));
        assert!(with(4, "35.69441").contains("needs 1 to 4 decimals"));
        assert!(with(5, "51").contains("needs 1 to 4 decimals"));
        assert!(with(5, "-180.5").contains("outside ±180"));
        assert!(with(7, "-3").contains("population"));
        assert!(with(8, "yes").contains("capital \"yes\""));
        assert!(!is_data("# a comment") && !is_data("   ") && is_data(GOOD));
    }
}
