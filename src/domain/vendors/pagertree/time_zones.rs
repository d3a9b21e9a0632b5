//! What PagerTree's Microsoft Teams adapter takes as `time_zone`: whatever
//! `ActiveSupport::TimeZone[name]` finds, that is one of Rails' friendly zone names or a tz
//! database identifier. The friendly names are listed (Rails' `MAPPING`); identifiers are
//! checked by their form, so no zone the server knows is refused here.

/// Rails' friendly zone names, as `ActiveSupport::TimeZone::MAPPING` lists them.
const RAILS_NAMES: [&str; 151] = [
    "International Date Line West",
    "Midway Island",
    "American Samoa",
    "Hawaii",
    "Alaska",
    "Pacific Time (US & Canada)",
    "Tijuana",
    "Mountain Time (US & Canada)",
    "Arizona",
    "Chihuahua",
    "Mazatlan",
    "Central Time (US & Canada)",
    "Saskatchewan",
    "Guadalajara",
    "Mexico City",
    "Monterrey",
    "Central America",
    "Eastern Time (US & Canada)",
    "Indiana (East)",
    "Bogota",
    "Lima",
    "Quito",
    "Atlantic Time (Canada)",
    "Caracas",
    "La Paz",
    "Santiago",
    "Newfoundland",
    "Brasilia",
    "Buenos Aires",
    "Montevideo",
    "Georgetown",
    "Puerto Rico",
    "Greenland",
    "Mid-Atlantic",
    "Azores",
    "Cape Verde Is.",
    "Dublin",
    "Edinburgh",
    "Lisbon",
    "London",
    "Casablanca",
    "Monrovia",
    "UTC",
    "Belgrade",
    "Bratislava",
    "Budapest",
    "Ljubljana",
    "Prague",
    "Sarajevo",
    "Skopje",
    "Warsaw",
    "Zagreb",
    "Brussels",
    "Copenhagen",
    "Madrid",
    "Paris",
    "Amsterdam",
    "Berlin",
    "Bern",
    "Zurich",
    "Rome",
    "Stockholm",
    "Vienna",
    "West Central Africa",
    "Bucharest",
    "Cairo",
    "Helsinki",
    "Kyiv",
    "Riga",
    "Sofia",
    "Tallinn",
    "Vilnius",
    "Athens",
    "Istanbul",
    "Minsk",
    "Jerusalem",
    "Harare",
    "Pretoria",
    "Kaliningrad",
    "Moscow",
    "St. Petersburg",
    "Volgograd",
    "Samara",
    "Kuwait",
    "Riyadh",
    "Nairobi",
    "Baghdad",
    "Tehran",
    "Abu Dhabi",
    "Muscat",
    "Baku",
    "Tbilisi",
    "Yerevan",
    "Kabul",
    "Ekaterinburg",
    "Islamabad",
    "Karachi",
    "Tashkent",
    "Chennai",
    "Kolkata",
    "Mumbai",
    "New Delhi",
    "Kathmandu",
    "Astana",
    "Dhaka",
    "Sri Jayawardenepura",
    "Almaty",
    "Novosibirsk",
    "Rangoon",
    "Bangkok",
    "Hanoi",
    "Jakarta",
    "Krasnoyarsk",
    "Beijing",
    "Chongqing",
    "Hong Kong",
    "Urumqi",
    "Kuala Lumpur",
    "Singapore",
    "Taipei",
    "Perth",
    "Irkutsk",
    "Ulaanbaatar",
    "Seoul",
    "Osaka",
    "Sapporo",
    "Tokyo",
    "Yakutsk",
    "Darwin",
    "Adelaide",
    "Canberra",
    "Melbourne",
    "Sydney",
    "Brisbane",
    "Hobart",
    "Vladivostok",
    "Guam",
    "Port Moresby",
    "Magadan",
    "Srednekolymsk",
    "Solomon Is.",
    "New Caledonia",
    "Fiji",
    "Kamchatka",
    "Marshall Is.",
    "Auckland",
    "Wellington",
    "Nuku'alofa",
    "Tokelau Is.",
    "Chatham Is.",
    "Samoa",
];

/// The areas tz database identifiers start with (`Europe/Paris`), including the old country
/// areas tzdata still links (`US/Eastern`).
const AREAS: [&str; 16] = [
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
    "Etc",
    "US",
    "Canada",
    "Brazil",
    "Mexico",
    "Chile",
];

/// tz database identifiers without an area that tzdata still links.
const BARE: [&str; 20] = [
    "UTC",
    "GMT",
    "UCT",
    "Zulu",
    "Universal",
    "Greenwich",
    "CET",
    "EET",
    "MET",
    "WET",
    "EST",
    "MST",
    "HST",
    "EST5EDT",
    "CST6CDT",
    "MST7MDT",
    "PST8PDT",
    "Japan",
    "Singapore",
    "Hongkong",
];

/// `Ok` for a name the server's check can find; otherwise what to type instead.
pub(super) fn time_zone(text: &str) -> Result<(), String> {
    let identifier = text.split_once('/').is_some_and(|(area, place)| {
        AREAS.contains(&area)
            && !place.is_empty()
            && place
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+' | '/'))
    });
    if identifier || RAILS_NAMES.contains(&text) || BARE.contains(&text) {
        return Ok(());
    }
    Err("not a time zone PagerTree knows: use a name such as “Eastern Time (US & Canada)”, “UTC” or “Europe/Paris”".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rails_names_tz_identifiers_and_utc_pass_and_the_rest_is_refused() {
        for good in [
            "UTC",
            "Eastern Time (US & Canada)",
            "Nuku'alofa",
            "Europe/Paris",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+5",
            "US/Eastern",
        ] {
            assert_eq!(time_zone(good), Ok(()), "{good}");
        }
        for bad in [
            "Eastern",
            "eastern time (us & canada)",
            "Mars/Olympus",
            "Europe/",
            "utc",
            " UTC",
        ] {
            assert!(time_zone(bad).is_err(), "{bad}");
        }
    }
}
