//! Checks for the identifiers a provider is known by on a Good Faith Estimate: NPI and TIN.

/// Whether `npi` is a National Provider Identifier: 10 digits whose last is the Luhn check digit
/// computed over the `80840` prefix and the first 9 digits (the CMS NPI standard).
///
/// ```
/// use amnion_estimator::price_book::is_valid_npi;
/// assert!(is_valid_npi("1234567893")); // the example NPI in the CMS standard
/// assert!(!is_valid_npi("1234567890"));
/// ```
pub fn is_valid_npi(npi: &str) -> bool {
    if npi.len() != 10 || !npi.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let digits: Vec<u32> = npi.bytes().map(|b| u32::from(b - b'0')).collect();
    // Luhn over "80840" + the 9 base digits. Doubling starts at the rightmost base digit, so in
    // the prefix only the 4 and the first 0 are doubled: 8 + 0 + 8 + 8 + 0 = 24, a constant.
    let base_sum: u32 = digits[..9]
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| if i % 2 == 0 { luhn_double(d) } else { d })
        .sum();
    let check = (10 - (base_sum + 24) % 10) % 10;
    check == digits[9]
}

/// What is wrong with `npi` as a National Provider Identifier, in words that follow its label, or
/// `None` if nothing is. Ten digits with the wrong last digit are most likely a typo, and the
/// message says so.
///
/// ```
/// use amnion_estimator::price_book::npi_problem;
/// assert_eq!(npi_problem("1234567893"), None);
/// assert_eq!(
///     npi_problem("1234567890").as_deref(),
///     Some("has a last digit that does not match the other nine: check \"1234567890\" for a typo")
/// );
/// assert_eq!(npi_problem("12345").as_deref(), Some("must be 10 digits; it is \"12345\""));
/// ```
pub fn npi_problem(npi: &str) -> Option<String> {
    if is_valid_npi(npi) {
        return None;
    }
    Some(
        match npi.len() == 10 && npi.bytes().all(|b| b.is_ascii_digit()) {
            true => format!(
                "has a last digit that does not match the other nine: check \"{npi}\" for a typo"
            ),
            false => format!("must be 10 digits; {}", crate::error::it_is(npi)),
        },
    )
}

/// Doubles a Luhn digit, subtracting 9 when the result has two digits.
fn luhn_double(digit: u32) -> u32 {
    let doubled = digit * 2;
    if doubled > 9 {
        doubled - 9
    } else {
        doubled
    }
}

/// Whether `tin` is a Taxpayer Identification Number: exactly 9 digits, no separators.
pub fn is_valid_tin(tin: &str) -> bool {
    tin.len() == 9 && tin.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npi_check_digit_by_hand() {
        // 123456789 with prefix 80840: doubling every other digit from the right of the base
        // (9,7,5,3,1 -> 18-9=9, 14-9=5, 10-9=1, 6, 2) gives 9+5+1+6+2 = 23; the others
        // 8+6+4+2 = 20; 23+20+24 = 67; next multiple of 10 is 70, so the check digit is 3.
        assert!(is_valid_npi("1234567893"));
        for wrong in 0..=9 {
            if wrong != 3 {
                assert!(!is_valid_npi(&format!("123456789{wrong}")));
            }
        }
    }

    #[test]
    fn npi_shape() {
        assert!(!is_valid_npi("123456789"));
        assert!(!is_valid_npi("12345678931"));
        assert!(!is_valid_npi("12345678a3"));
        assert!(!is_valid_npi(""));
    }

    #[test]
    fn tin_is_nine_digits() {
        assert!(is_valid_tin("123456789"));
        assert!(!is_valid_tin("12-3456789"));
        assert!(!is_valid_tin("12345678"));
        assert!(!is_valid_tin("12345678x"));
    }
}
