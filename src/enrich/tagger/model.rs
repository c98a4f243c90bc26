//! The weights of the name tagger: for each feature key, one weight per
//! tag, stored as 16-bit integers times a scale.
//!
//! The file (`data/tagger.bin`, written by [`super::train`]) is:
//! the magic `NDXTAG01`, the tag count (u32), the scale (f32), the feature
//! count `n` (u32), then `n` keys (u32, ascending) and `n` rows of
//! tag-count weights (i16), all little-endian. It holds feature hashes and
//! weights only, never words of the training text.

use super::TAGS;

const MAGIC: &[u8; 8] = b"NDXTAG01";

/// The tagger's weights, in an open-addressing table keyed by feature.
///
/// The keys are kept apart from the weights, and the table is at most a
/// third full: most lookups are of features the model never saw, and
/// those probe only a few keys, in a small array, before finding a gap.
#[derive(Debug)]
pub struct Model {
    /// The feature key in each slot, 0 where the slot is empty.
    keys: Vec<u32>,
    /// The weights of the feature in the same slot.
    rows: Vec<[i16; TAGS]>,
    mask: usize,
    scale: f32,
}

/// Why a model file could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct BadModel(pub &'static str);

impl Model {
    /// Reads a model file.
    pub fn read(bytes: &[u8]) -> Result<Model, BadModel> {
        let mut reader = Reader { bytes, position: 0 };
        if reader.take(8)? != MAGIC {
            return Err(BadModel("not a newsdex tagger model"));
        }
        if reader.u32()? as usize != TAGS {
            return Err(BadModel("the model has another tag set"));
        }
        let scale = f32::from_bits(reader.u32()?);
        let count = reader.u32()? as usize;
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            entries.push(reader.u32()?);
        }
        let capacity = (count * 3).next_power_of_two().max(16);
        let mut model = Model {
            keys: vec![0; capacity],
            rows: vec![[0; TAGS]; capacity],
            mask: capacity - 1,
            scale,
        };
        for key in entries {
            let mut row = [0i16; TAGS];
            for weight in &mut row {
                *weight = reader.i16()?;
            }
            model.insert(key, row);
        }
        if reader.position != bytes.len() {
            return Err(BadModel("trailing bytes after the weights"));
        }
        Ok(model)
    }

    /// Writes weights (already scaled to 16 bits) as a model file.
    pub fn write(weights: &[(u32, [i16; TAGS])], scale: f32) -> Vec<u8> {
        let mut sorted = weights.to_vec();
        sorted.sort_by_key(|(key, _)| *key);
        let mut bytes = Vec::with_capacity(20 + sorted.len() * (4 + 2 * TAGS));
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&(TAGS as u32).to_le_bytes());
        bytes.extend_from_slice(&scale.to_bits().to_le_bytes());
        bytes.extend_from_slice(&(sorted.len() as u32).to_le_bytes());
        for (key, _) in &sorted {
            bytes.extend_from_slice(&key.to_le_bytes());
        }
        for (_, row) in &sorted {
            for weight in row {
                bytes.extend_from_slice(&weight.to_le_bytes());
            }
        }
        bytes
    }

    fn insert(&mut self, key: u32, row: [i16; TAGS]) {
        let mut slot = slot_of(key) & self.mask;
        while self.keys[slot] != 0 && self.keys[slot] != key {
            slot = (slot + 1) & self.mask;
        }
        self.keys[slot] = key;
        self.rows[slot] = row;
    }

    fn row(&self, key: u32) -> Option<&[i16; TAGS]> {
        let mut slot = slot_of(key) & self.mask;
        loop {
            let found = self.keys[slot];
            if found == key {
                return Some(&self.rows[slot]);
            }
            if found == 0 {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Scores each tag: the sum of the weights of the features, in the
    /// units training gave them.
    pub fn scores(&self, features: &[u32]) -> [f32; TAGS] {
        let mut sums = [0i32; TAGS];
        self.add_scores(features, &mut sums);
        sums.map(|sum| sum as f32 * self.scale)
    }

    /// Adds the weights of the features to the scores.
    fn add_scores(&self, features: &[u32], scores: &mut [i32; TAGS]) {
        for &key in features {
            if let Some(row) = self.row(key) {
                for (score, weight) in scores.iter_mut().zip(row) {
                    *score += i32::from(*weight);
                }
            }
        }
    }
}

fn slot_of(key: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b1) >> 7) as usize
}

struct Reader<'b> {
    bytes: &'b [u8],
    position: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, length: usize) -> Result<&'b [u8], BadModel> {
        let end = self.position + length;
        let taken = self
            .bytes
            .get(self.position..end)
            .ok_or(BadModel("the model file is cut short"))?;
        self.position = end;
        Ok(taken)
    }

    fn u32(&mut self) -> Result<u32, BadModel> {
        let bytes = self.take(4)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    fn i16(&mut self) -> Result<i16, BadModel> {
        let bytes = self.take(2)?;
        Ok(i16::from_le_bytes([bytes[0], bytes[1]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_survive_a_round_trip() {
        let mut row = [0i16; TAGS];
        row[1] = 300;
        row[0] = -7;
        let bytes = Model::write(&[(42, row), (7, [1; TAGS])], 0.5);
        let model = Model::read(&bytes).unwrap();
        let mut scores = [0i32; TAGS];
        model.add_scores(&[42, 42, 99], &mut scores);
        assert_eq!(scores[1], 600);
        assert_eq!(scores[0], -14);
        assert_eq!(scores[2], 0);
        assert_eq!(
            Model::read(&bytes[..bytes.len() - 1]).unwrap_err(),
            BadModel("the model file is cut short")
        );
        assert_eq!(
            Model::read(b"something else").unwrap_err(),
            BadModel("not a newsdex tagger model")
        );
    }
}
