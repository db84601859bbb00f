//! The quote number: a fingerprint of the estimate's content, so the same inputs and price book
//! version always give the same number, and any change to what prints gives another.

/// `prefix`, a dash, and the 64-bit fingerprint as 13 Crockford base-32 characters, grouped 4-4-4-1
/// so staff can read it over the phone: `GFE-7KD3-9XQ2-M4TA-B`.
pub(crate) fn written(prefix: &str, fingerprint: u64) -> String {
    let code = crockford(fingerprint);
    format!(
        "{prefix}-{}-{}-{}-{}",
        &code[0..4],
        &code[4..8],
        &code[8..12],
        &code[12..13]
    )
}

/// 64-bit FNV-1a: small, stable across platforms and releases (unlike `std`'s `DefaultHasher`).
pub(crate) struct Fnv1a(u64);

impl Fnv1a {
    pub(crate) fn new() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}

/// 13 Crockford base-32 digits (no I, L, O, U: nothing to misread on the phone).
fn crockford(mut value: u64) -> String {
    const DIGITS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut out = [b'0'; 13];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(value % 32) as usize];
        value /= 32;
    }
    out.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_its_published_test_vectors() {
        // From the FNV reference test suite: FNV-1a 64 of "" and of "a".
        assert_eq!(Fnv1a::new().finish(), 0xcbf2_9ce4_8422_2325);
        let mut a = Fnv1a::new();
        a.write(b"a");
        assert_eq!(a.finish(), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn crockford_digits() {
        assert_eq!(crockford(0), "0000000000000");
        assert_eq!(crockford(31), "000000000000Z");
        assert_eq!(crockford(32), "0000000000010");
        assert_eq!(crockford(u64::MAX), "FZZZZZZZZZZZZ"); // 2^64 - 1 = 15 × 32^12 + ...
    }
}
