//! The secret key and the keyed draws every surrogate is derived from.
//! User secrets become keys through BLAKE3's key derivation; per-value draws
//! use `SipHash` keys derived from the key, fast enough to run for every span.
//!
//! A surrogate is a pure function of (key, category, normalized original):
//! nothing is remembered between documents, so any number of processes that
//! share a key produce the same replacements without talking to each other.

/// A 256-bit secret. Its `Debug` output never shows the bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct SurrogateKey {
    bytes: [u8; 32],
    /// `SipHash` keys for the draws, derived from `bytes`.
    sip: (u64, u64),
}

impl std::fmt::Debug for SurrogateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SurrogateKey(<secret>)")
    }
}

/// Context string for deriving keys from user secrets (BLAKE3 `derive_key`).
const DERIVE: &str = "deid 2026-11 surrogate key v1";
/// Context string for the keys of the per-value draws.
const DRAWS: &str = "deid 2026-11 surrogate draws v1";
/// Context string for the key that encrypts mapping files.
const MAPPING: &str = "deid 2026-11 mapping encryption v1";

impl SurrogateKey {
    /// A key from 32 random bytes (the caller draws them from the OS).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        let d = blake3::derive_key(DRAWS, &bytes);
        let word = |i: usize| u64::from_le_bytes(d[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
        SurrogateKey {
            bytes,
            sip: (word(0), word(1)),
        }
    }

    /// A key derived from a secret of any length (a passphrase or a key file's
    /// contents). Surrounding whitespace is ignored, so a trailing newline in a
    /// key file does not change the key.
    pub fn from_secret(secret: &[u8]) -> Self {
        SurrogateKey::from_bytes(blake3::derive_key(DERIVE, secret.trim_ascii()))
    }

    /// A separate key for encrypting original-to-surrogate mappings.
    pub fn mapping_key(&self) -> [u8; 32] {
        blake3::derive_key(MAPPING, &self.bytes)
    }

    /// A stream of keyed pseudo-random numbers for `value` in `domain`.
    pub(crate) fn draw(&self, domain: &str, value: &str) -> Draw {
        self.draw_n(domain, value, 0)
    }

    /// Like [`draw`](Self::draw), for the `attempt`-th retry.
    pub(crate) fn draw_n(&self, domain: &str, value: &str, attempt: u32) -> Draw {
        use std::hash::Hasher;
        let mut h = siphasher::sip128::SipHasher13::new_with_keys(self.sip.0, self.sip.1);
        h.write(domain.as_bytes());
        h.write_u8(0xff);
        h.write(value.as_bytes());
        h.write_u32(attempt);
        let seed = siphasher::sip128::Hasher128::finish128(&h);
        // Spread the 128-bit seed over the generator's 256-bit state.
        let mut s = [
            seed.h1,
            seed.h2,
            seed.h1 ^ 0x9e37_79b9_7f4a_7c15,
            seed.h2.rotate_left(32),
        ];
        if s == [0; 4] {
            s[0] = 1;
        }
        let mut d = Draw { s };
        d.next_u64();
        d
    }

    /// A 64-bit keyed fingerprint of `value` in `domain`, for telling
    /// whether a candidate equals an original of the run. Fingerprints stay in
    /// memory, so a fast hash seeded from the key is enough.
    ///
    /// The value is normalized on the fly: lower case, runs of white space as
    /// one space, no leading or trailing space.
    pub(crate) fn fingerprint(&self, domain: &str, value: &str) -> u64 {
        use std::hash::Hasher;
        let mut h = rustc_hash::FxHasher::default();
        h.write_u64(self.sip.0 ^ 0x5bd1_e995);
        h.write(domain.as_bytes());
        h.write_u8(0xff);
        // Normalize into a small buffer and hash it in one go; long or
        // non-ASCII values take the general path.
        let mut buf = [0u8; 96];
        let mut n = 0;
        let mut space = false;
        let mut ascii = value.len() <= buf.len();
        for &b in value.trim_ascii().as_bytes() {
            if !ascii || !b.is_ascii() {
                ascii = false;
                break;
            }
            if b.is_ascii_whitespace() {
                space = true;
                continue;
            }
            if space {
                buf[n] = b' ';
                n += 1;
                space = false;
            }
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
        if ascii {
            h.write(&buf[..n]);
            return h.finish();
        }
        let mut out = String::with_capacity(value.len());
        for (i, w) in value.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.extend(w.chars().flat_map(char::to_lowercase));
        }
        h.write(out.as_bytes());
        h.finish()
    }
}

/// Deterministic pseudo-random numbers: a keyed hash of the value (SipHash-1-3
/// with 128-bit output, a pseudo-random function under its key) seeds a
/// xoshiro256** generator. The key stays secret behind the hash; the
/// generator only spreads one seed over the few numbers a surrogate needs.
pub(crate) struct Draw {
    s: [u64; 4],
}

impl Draw {
    pub(crate) fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let out = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        out
    }

    /// Uniform in `0..n` (`n > 0`), by rejection so there is no modulo bias.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "below(0)");
        let n = n as u64;
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next_u64();
            if x < zone {
                return (x % n) as usize;
            }
        }
    }

    /// Uniform in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + i64::try_from(self.below(usize::try_from(hi - lo + 1).unwrap_or(1))).unwrap_or(0)
    }

    pub(crate) fn digit(&mut self) -> char {
        char::from(b'0' + self.below(10) as u8)
    }

    pub(crate) fn nonzero_digit(&mut self) -> char {
        char::from(b'1' + self.below(9) as u8)
    }

    pub(crate) fn upper(&mut self) -> char {
        char::from(b'A' + self.below(26) as u8)
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_key_same_draws_different_key_different_draws() {
        let a = SurrogateKey::from_secret(b"alpha\n");
        let a2 = SurrogateKey::from_secret(b"alpha");
        let b = SurrogateKey::from_secret(b"beta");
        assert_eq!(a, a2);
        let xs = |k: &SurrogateKey| -> Vec<u64> {
            let mut d = k.draw("name", "smith");
            (0..4).map(|_| d.next_u64()).collect()
        };
        assert_eq!(xs(&a), xs(&a2));
        assert_ne!(xs(&a), xs(&b));
        assert_ne!(
            a.fingerprint("name", "smith"),
            a.fingerprint("city", "smith")
        );
        assert_eq!(
            a.fingerprint("name", " New   YORK "),
            a.fingerprint("name", "new york")
        );
        assert_eq!(
            a.fingerprint("name", "ZOË  Brontë"),
            a.fingerprint("name", "zoë brontë")
        );
        assert_eq!(format!("{a:?}"), "SurrogateKey(<secret>)");
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let k = SurrogateKey::from_bytes([7; 32]);
        let mut d = k.draw("t", "v");
        let mut seen = [false; 7];
        for _ in 0..500 {
            seen[d.below(7)] = true;
        }
        assert!(seen.iter().all(|&s| s));
    }
}
