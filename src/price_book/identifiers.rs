//! Checks for the identifiers a provider is known by on a Good Faith Estimate: NPI and TIN.

use crate::error::NpiFault;

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
    npi_fault(npi).map(|fault| fault.in_english(npi))
}

/// What is wrong with `npi`, or `None` if it is a National Provider Identifier.
pub fn npi_fault(npi: &str) -> Option<NpiFault> {
    if is_valid_npi(npi) {
        None
    } else if npi.len() == 10 && npi.bytes().all(|b| b.is_ascii_digit()) {
        Some(NpiFault::CheckDigit)
    } else {
        Some(NpiFault::NotTenDigits)
    }
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

/// The two-letter codes USPS addresses use for the states, the District of Columbia, the
/// territories (AS, GU, MP, PR, VI, and the freely associated FM, MH, PW) and military mail (AA, AE,
/// AP), in order.
const STATES: [&str; 62] = [
    "AA", "AE", "AK", "AL", "AP", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "FM", "GA",
    "GU", "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MH", "MI", "MN", "MO",
    "MP", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR",
    "PW", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY",
];

/// Whether `code` is a USPS state code, in capitals: `TX` is, `ZZ` and `tx` are not.
///
/// ```
/// use amnion_estimator::price_book::is_state;
/// assert!(is_state("TX") && is_state("DC") && is_state("PR"));
/// assert!(!is_state("ZZ") && !is_state("tx") && !is_state("Texas"));
/// ```
pub fn is_state(code: &str) -> bool {
    STATES.binary_search(&code).is_ok()
}

/// Whether `zip` is a ZIP code: `78701` or ZIP+4, `78701-1234`.
///
/// ```
/// use amnion_estimator::price_book::is_zip;
/// assert!(is_zip("78701") && is_zip("78701-1234"));
/// assert!(!is_zip("7870") && !is_zip("78701-12") && !is_zip("787011234"));
/// ```
pub fn is_zip(zip: &str) -> bool {
    let (five, plus_four) = zip.split_once('-').unwrap_or((zip, "0000"));
    five.len() == 5
        && plus_four.len() == 4
        && five
            .bytes()
            .chain(plus_four.bytes())
            .all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_states_are_in_order_for_the_search() {
        assert!(STATES.windows(2).all(|pair| pair[0] < pair[1]));
    }

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
