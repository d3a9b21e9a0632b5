//! Calendar arithmetic without a date library: vendors' epoch times as dates.

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Unix milliseconds as RFC 3339 in UTC (ThousandEyes' `lastModifiedDate`), so they show like
/// every other vendor's times.
pub fn rfc3339_of_epoch_ms(ms: i64) -> String {
    let seconds = ms.div_euclid(1000);
    let (days, of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_milliseconds_read_as_utc_dates() {
        assert_eq!(rfc3339_of_epoch_ms(0), "1970-01-01T00:00:00Z");
        // The spec's example lastModifiedDate.
        assert_eq!(
            rfc3339_of_epoch_ms(1_770_293_655_756),
            "2026-02-05T12:14:15Z"
        );
        assert_eq!(rfc3339_of_epoch_ms(951_782_400_000), "2000-02-29T00:00:00Z");
    }
}
