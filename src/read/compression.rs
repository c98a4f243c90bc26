//! Compressed standard input: gzip and zstd recognised by their first
//! bytes, since a pipe has no extension to tell (files are told by their
//! `.gz` extension, in [`super`]).

use std::io::{self, Read};

use flate2::read::MultiGzDecoder;

/// Reads the first bytes of a stream and, when they are those of gzip or
/// zstd, decompresses it. Returns the bytes already taken from what is
/// read (none when decompressing: the decoder was given them back) and
/// the rest of the stream to read after them.
pub(crate) fn decompress<'a, R: Read + 'a>(
    mut reader: R,
) -> io::Result<(Vec<u8>, Box<dyn Read + 'a>)> {
    let magic = read_magic(&mut reader)?;
    let Some(compression) = sniff_compression(&magic) else {
        return Ok((magic, Box::new(reader)));
    };
    let whole = io::Cursor::new(magic).chain(reader);
    let decompressed: Box<dyn Read + 'a> = match compression {
        Compression::Gzip => Box::new(MultiGzDecoder::new(whole)),
        Compression::Zstd => {
            let decoder = zstd::stream::read::Decoder::new(whole)?;
            Box::new(ZstdErrorsAsData(decoder))
        }
    };
    Ok((Vec::new(), decompressed))
}

/// A compression recognised on standard input by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    /// gzip: `1f 8b`.
    Gzip,
    /// Zstandard: `28 b5 2f fd`.
    Zstd,
}

/// A zstd decoder whose failures (of no kind, worded as `Unknown frame
/// descriptor`) are told as corrupt data, as gzip's are.
struct ZstdErrorsAsData<R>(R);

impl<R: Read> Read for ZstdErrorsAsData<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        self.0.read(buffer).map_err(|error| match error.kind() {
            io::ErrorKind::Other => {
                let message = format!("zstd: {}", error.to_string().to_lowercase());
                io::Error::new(io::ErrorKind::InvalidData, message)
            }
            _ => error,
        })
    }
}

/// The most bytes [`sniff_compression`] looks at.
const MAGIC_LENGTH: usize = 4;

/// Reads the first [`MAGIC_LENGTH`] bytes of a stream (fewer when it is
/// shorter), however few bytes each read of a pipe gives.
fn read_magic(reader: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut magic = Vec::with_capacity(MAGIC_LENGTH);
    reader.take(MAGIC_LENGTH as u64).read_to_end(&mut magic)?;
    Ok(magic)
}

/// The compression a stream's first bytes announce, or `None` for bytes
/// read as they are.
fn sniff_compression(start: &[u8]) -> Option<Compression> {
    if start.starts_with(&[0x1f, 0x8b]) {
        return Some(Compression::Gzip);
    }
    if start.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        return Some(Compression::Zstd);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compression_is_told_by_the_first_bytes() {
        assert_eq!(
            sniff_compression(b"\x1f\x8b\x08\x00"),
            Some(Compression::Gzip)
        );
        assert_eq!(
            sniff_compression(b"\x28\xb5\x2f\xfd"),
            Some(Compression::Zstd)
        );
        assert_eq!(sniff_compression(b"\x28\xb5"), None);
        assert_eq!(sniff_compression(b"{\"ti"), None);
        assert_eq!(sniff_compression(b""), None);
    }

    #[test]
    fn the_magic_bytes_are_read_whatever_each_read_gives() {
        let mut one_byte_at_a_time = io::BufReader::with_capacity(1, &b"\x1f\x8b\x08\x00rest"[..]);
        assert_eq!(
            read_magic(&mut one_byte_at_a_time).unwrap(),
            b"\x1f\x8b\x08\x00"
        );
        assert_eq!(read_magic(&mut &b"ab"[..]).unwrap(), b"ab");
    }

    #[test]
    fn a_stream_is_decompressed_or_given_back_whole() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(b"{\"title\": \"a\"}\n").unwrap();
        let zipped = encoder.finish().unwrap();
        let read_all = |bytes: Vec<u8>| {
            let (mut taken, mut rest) = decompress(io::Cursor::new(bytes)).unwrap();
            rest.read_to_end(&mut taken).unwrap();
            taken
        };
        assert_eq!(read_all(zipped), b"{\"title\": \"a\"}\n");
        let zstd = zstd::encode_all(&b"plain text"[..], 1).unwrap();
        assert_eq!(read_all(zstd), b"plain text");
        assert_eq!(read_all(b"plain text".to_vec()), b"plain text");
        assert_eq!(read_all(b"ab".to_vec()), b"ab");
    }
}
