//! A read-only map from 64-bit word keys to packed entries, in one flat array
//! with linear probing: a look-up usually touches a single cache line, where a
//! general hash map touches its control bytes and then its buckets.

/// Keys are hashes of words; 0 marks an empty slot, so a key of 0 is stored as 1.
pub(crate) struct FlatMap {
    slots: Box<[(u64, u64)]>,
    shift: u32,
    len: usize,
}

fn stored(key: u64) -> u64 {
    key.max(1)
}

impl FlatMap {
    /// Builds the map at most half full.
    pub(crate) fn new(entries: impl ExactSizeIterator<Item = (u64, u64)>) -> Self {
        let bits = (entries.len().max(1) * 2)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let mut map = FlatMap {
            slots: vec![(0, 0); 1 << bits].into_boxed_slice(),
            shift: 64 - bits,
            len: 0,
        };
        for (k, v) in entries {
            let k = stored(k);
            let mut i = map.home(k);
            while map.slots[i].0 != 0 && map.slots[i].0 != k {
                i = (i + 1) & (map.slots.len() - 1);
            }
            if map.slots[i].0 == 0 {
                map.len += 1;
            }
            map.slots[i] = (k, v);
        }
        map
    }

    fn home(&self, key: u64) -> usize {
        // Fibonacci hashing spreads keys whose low bits are alike.
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    pub(crate) fn get(&self, key: u64) -> Option<u64> {
        let k = stored(key);
        let mask = self.slots.len() - 1;
        let mut i = self.home(k);
        loop {
            let (sk, v) = self.slots[i];
            if sk == k {
                return Some(v);
            }
            if sk == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let entries: Vec<(u64, u64)> = (0..1000u64).map(|k| (k * 7919, k + 10)).collect();
        let map = FlatMap::new(entries.iter().copied());
        for &(k, v) in &entries {
            assert_eq!(map.get(k), Some(v));
        }
        assert_eq!(map.get(3), None);
        assert_eq!(map.len(), 1000);
        // Key 0 is stored as 1 and still found.
        let zero = FlatMap::new([(0u64, 5u64)].into_iter());
        assert_eq!(zero.get(0), Some(5));
    }
}
