//! The similarity fingerprint of a body as the records and the index hold
//! it: [`BANDS`] band values (`band << 16 | hash`, with a hash of
//! [`BAND_HASH_BITS`] bits) and their packing into the numbers of the
//! index's `minhash` column.
//!
//! It is a plain type below every stage that carries it: enrichment
//! computes it (`enrich::minhash`), [`crate::article::Enriched`] carries
//! it, the index writer stores it, and story grouping reads it back.

/// How many band values a body's fingerprint has.
pub const BANDS: usize = 16;

/// The band values of a body: `band << 16 | hash`, band by band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bands(pub [u32; BANDS]);

/// The bits of a band's hash.
pub const BAND_HASH_BITS: u32 = 15;

/// How many band values one stored number packs.
const PER_STORED: usize = 4;

/// How many numbers the index keeps for one body's bands.
pub const STORED_VALUES: usize = BANDS / PER_STORED;

impl Bands {
    /// Packs the bands into the numbers the index keeps: four 15-bit
    /// hashes each, and the number's place in the top two bits, so that
    /// the order the index gives them back in does not matter. Reading
    /// four numbers instead of sixteen is most of what grouping a large
    /// result into stories costs.
    pub fn to_stored(&self) -> [u64; STORED_VALUES] {
        std::array::from_fn(|place| {
            let mut packed = (place as u64) << 62;
            for (slot, value) in self.0[place * PER_STORED..][..PER_STORED]
                .iter()
                .enumerate()
            {
                let hash = u64::from(value & ((1 << BAND_HASH_BITS) - 1));
                packed |= hash << (slot as u32 * BAND_HASH_BITS);
            }
            packed
        })
    }

    /// Unpacks the numbers [`Bands::to_stored`] made; `None` unless there
    /// is exactly one number for each place.
    pub fn from_stored(stored: impl Iterator<Item = u64>) -> Option<Bands> {
        let mut bands = [0u32; BANDS];
        let mut seen = 0u8;
        for packed in stored {
            let place = (packed >> 62) as usize;
            if seen & (1 << place) != 0 {
                return None;
            }
            seen |= 1 << place;
            for slot in 0..PER_STORED {
                let band = place * PER_STORED + slot;
                let hash =
                    (packed >> (slot as u32 * BAND_HASH_BITS)) as u32 & ((1 << BAND_HASH_BITS) - 1);
                bands[band] = ((band as u32) << 16) | hash;
            }
        }
        (seen == (1 << STORED_VALUES) - 1).then_some(Bands(bands))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_bands_unpack_in_any_order_and_only_when_whole() {
        let bands = Bands(std::array::from_fn(|band| {
            ((band as u32) << 16) | (band as u32 * 2_011) & 0x7fff
        }));
        let mut stored = bands.to_stored();
        assert_eq!(Bands::from_stored(stored.into_iter()), Some(bands));
        stored.reverse();
        assert_eq!(Bands::from_stored(stored.into_iter()), Some(bands));
        assert_eq!(Bands::from_stored(stored[..3].iter().copied()), None);
        let twice = [stored[0], stored[0], stored[1], stored[2]];
        assert_eq!(Bands::from_stored(twice.into_iter()), None);
    }
}
