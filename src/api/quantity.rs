//! Kubernetes resource quantities (`"250m"`, `"4"`, `"16Gi"`, `"1e3"`) as integers the health
//! loop can add up: CPU in millicores, memory in bytes, pods as a count.

/// A quantity that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a Kubernetes quantity (examples: 250m, 4, 16Gi, 1e3)")]
pub struct QuantityError(pub String);

/// Parses a quantity into thousandths of its base unit (so `"250m"` is 250 and `"2"` is 2000).
pub fn parse_milli(text: &str) -> Result<u128, QuantityError> {
    let bad = || QuantityError(text.to_string());
    let trimmed = text.trim();
    let split = trimmed.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '+')).unwrap_or(trimmed.len());
    let (number, suffix) = trimmed.split_at(split);
    if number.is_empty() || number.matches('.').count() > 1 {
        return Err(bad());
    }
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let whole: u128 = if whole.is_empty() { 0 } else { whole.trim_start_matches('+').parse().map_err(|_| bad())? };
    // Keep fractions to a billionth: finer than any real request, and exact for 'm'.
    let fraction_digits: String = fraction.chars().chain(std::iter::repeat('0')).take(9).collect();
    let fraction: u128 = fraction_digits.parse().map_err(|_| bad())?;
    let nanos = whole * 1_000_000_000 + fraction;
    let (multiplier, divisor): (u128, u128) = match suffix {
        "" => (1, 1),
        "n" => (1, 1_000_000_000),
        "u" => (1, 1_000_000),
        "m" => (1, 1_000),
        "k" => (1_000, 1),
        "M" => (1_000_000, 1),
        "G" => (1_000_000_000, 1),
        "T" => (1_000_000_000_000, 1),
        "P" => (1_000_000_000_000_000, 1),
        "Ki" => (1 << 10, 1),
        "Mi" => (1 << 20, 1),
        "Gi" => (1 << 30, 1),
        "Ti" => (1 << 40, 1),
        "Pi" => (1 << 50, 1),
        s if s.starts_with(['e', 'E']) => {
            let exp: u32 = s[1..].parse().map_err(|_| bad())?;
            (10u128.checked_pow(exp).ok_or_else(bad)?, 1)
        }
        _ => return Err(bad()),
    };
    // nanos × multiplier / divisor gives base-unit nanos; / 1e6 gives milli, rounded up as
    // Kubernetes does for requests.
    let base_nanos = nanos.checked_mul(multiplier).ok_or_else(bad)? / divisor;
    Ok(base_nanos.div_ceil(1_000_000))
}

/// Parses a quantity into whole base units, rounding up (`"1500m"` → 2).
pub fn parse_units(text: &str) -> Result<u128, QuantityError> {
    parse_milli(text).map(|m| m.div_ceil(1000))
}

/// CPU millicores as a quantity: whole cores when exact (`"4"`), else millicores (`"2500m"`).
pub fn format_cpu(milli: u128) -> String {
    if milli.is_multiple_of(1000) {
        (milli / 1000).to_string()
    } else {
        format!("{milli}m")
    }
}

/// Bytes as a binary quantity, to the largest unit that keeps it whole (`"16Gi"`, `"1536Mi"`).
pub fn format_bytes(bytes: u128) -> String {
    for (suffix, size) in [("Ti", 1u128 << 40), ("Gi", 1 << 30), ("Mi", 1 << 20), ("Ki", 1 << 10)] {
        if bytes >= size && bytes.is_multiple_of(size) {
            return format!("{}{suffix}", bytes / size);
        }
    }
    if bytes >= 1 << 20 {
        return format!("{}Mi", bytes.div_ceil(1 << 20));
    }
    bytes.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_the_forms_kubernetes_writes() {
        assert_eq!(parse_milli("250m"), Ok(250));
        assert_eq!(parse_milli("2"), Ok(2000));
        assert_eq!(parse_milli("0.5"), Ok(500));
        assert_eq!(parse_units("16Gi"), Ok(16 << 30));
        assert_eq!(parse_units("1k"), Ok(1000));
        assert_eq!(parse_units("1e3"), Ok(1000));
        assert_eq!(parse_units("1500m"), Ok(2));
        assert_eq!(parse_milli("100n"), Ok(1), "tiny requests round up, never to zero");
        for bad in ["", "m", "1.2.3", "12Q", "1e", "abc", "1e99"] {
            assert!(parse_milli(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn formats_back_readably() {
        assert_eq!(format_cpu(4000), "4");
        assert_eq!(format_cpu(2500), "2500m");
        assert_eq!(format_bytes(16 << 30), "16Gi");
        assert_eq!(format_bytes(1536 << 20), "1536Mi");
        assert_eq!(format_bytes(512), "512");
    }

    proptest! {
        #[test]
        fn never_panics(text in ".{0,24}") {
            let _ = parse_milli(&text);
        }

        #[test]
        fn formatted_values_parse_back(milli in 0u128..10_000_000, bytes in 0u128..(1u128 << 50)) {
            prop_assert_eq!(parse_milli(&format_cpu(milli)), Ok(milli));
            let back = parse_units(&format_bytes(bytes)).unwrap();
            prop_assert!(back >= bytes && back - bytes < (1 << 20));
        }
    }
}
