//! Keys no one can guess: session keys, CSRF tokens, a flow's return key.

use rand::RngExt;

/// The letters a key is spelled with: safe as they are in cookies, URLs,
/// HTML attributes and Redis key names.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `N` random letters of a 64-letter alphabet, 6 bits each. Every first
/// visit mints two, so it costs one fill of random bytes, not a draw per
/// letter.
pub fn random_key<const N: usize>() -> String {
    let mut bytes = [0u8; N];
    rand::rng().fill(&mut bytes[..]);
    // The low 6 bits of a random byte: every letter equally likely.
    let letters = bytes.map(|b| ALPHABET[usize::from(b & 63)]);
    String::from_utf8(letters.to_vec()).expect("the alphabet is ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_as_long_as_asked_spelled_with_the_alphabet_and_differ() {
        let (a, b) = (random_key::<64>(), random_key::<64>());
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|c| ALPHABET.contains(&c)), "{a}");
        assert_ne!(a, b);
    }

    #[test]
    fn every_letter_turns_up() {
        // 4,096 letters: each of the 64 is missing with odds of about e^-64.
        let seen: std::collections::HashSet<u8> = (0..64).flat_map(|_| random_key::<64>().into_bytes()).collect();
        assert_eq!(seen.len(), ALPHABET.len());
    }
}
