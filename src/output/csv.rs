//! CSV output of hits (`query --format csv`): a header row, then one row
//! per hit with its main fields; multi-valued fields are joined with `; `.
//! With `--collapse`, two columns end each row: `copies`, the number of the
//! story's other articles, and `copy_ids`, their ids.

use std::io::Write;

use crate::kinds::Kind;
use crate::query::collect::Hit;

/// The columns before the extracted kinds, in order.
const LEADING_COLUMNS: [&str; 6] = ["id", "date", "score", "title", "source", "url"];

/// Writes hits as CSV with a header row: the leading columns, then one
/// column per extracted kind, named by its key, in
/// [`Kind::LISTING_ORDER`]. A failed write comes back as the stream's own
/// error, so a closed pipe is still told apart as one.
pub fn write_hits(out: &mut dyn Write, hits: &[Hit]) -> std::io::Result<()> {
    write_records(out, hits).map_err(into_io_error)
}

/// Unwraps the stream's error from a CSV error; the csv crate's own
/// conversion would turn every failure, a broken pipe too, into `Other`.
fn into_io_error(error: ::csv::Error) -> std::io::Error {
    if !matches!(error.kind(), ::csv::ErrorKind::Io(_)) {
        return std::io::Error::other(error);
    }
    match error.into_kind() {
        ::csv::ErrorKind::Io(io_error) => io_error,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

fn write_records(out: &mut dyn Write, hits: &[Hit]) -> ::csv::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    let mut header = LEADING_COLUMNS.to_vec();
    for kind in Kind::LISTING_ORDER {
        header.push(kind.key());
    }
    let collapsed = hits.iter().any(|hit| hit.copy_ids.is_some());
    if collapsed {
        header.extend(["copies", "copy_ids"]);
    }
    writer.write_record(&header)?;
    for hit in hits {
        let score = hit.score.map(|score| score.to_string()).unwrap_or_default();
        let mut record = vec![
            hit.id.clone(),
            hit.date.clone().unwrap_or_default(),
            score,
            hit.title.clone(),
            hit.source.clone().unwrap_or_default(),
            hit.url.clone().unwrap_or_default(),
        ];
        for kind in Kind::LISTING_ORDER {
            record.push(hit.entities[kind].join("; "));
        }
        if collapsed {
            let ids = hit.copy_ids.clone().unwrap_or_default();
            record.push(ids.len().to_string());
            record.push(ids.join("; "));
        }
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;

    #[test]
    fn writes_a_header_and_quoted_rows() {
        let hit = Hit {
            id: "a".into(),
            score: None,
            date: Some("2024-10-14".into()),
            title: "Oil, gas and \"coal\"".into(),
            snippet: String::new(),
            highlights: Vec::new(),
            source: None,
            url: None,
            entities: Entities::default()
                .with(Kind::Person, &["Xi Jinping", "Vladimir Putin"])
                .with(Kind::Country, &["CN"])
                .with(Kind::CountryMentioned, &["CN", "RU"]),
            copies: None,
            copy_ids: None,
        };
        let mut out = Vec::new();
        write_hits(&mut out, &[hit]).unwrap();
        let expected = "id,date,score,title,source,url,countries,countries_mentioned,persons,organizations,locations,keywords,language\n\
                        a,2024-10-14,,\"Oil, gas and \"\"coal\"\"\",,,CN,CN; RU,Xi Jinping; Vladimir Putin,,,,\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn a_closed_pipe_stays_a_broken_pipe() {
        struct ClosedPipe;
        impl Write for ClosedPipe {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let error = write_hits(&mut ClosedPipe, &[]).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe);
    }
}
