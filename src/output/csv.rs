//! CSV output of hits (`query --format csv`): a header row, then one row
//! per hit with its main fields; multi-valued fields are joined with `; `.

use std::io::Write;

use crate::query::collect::Hit;

/// The columns, in order.
const HEADER: [&str; 12] = [
    "id",
    "date",
    "score",
    "title",
    "source",
    "url",
    "countries",
    "countries_mentioned",
    "persons",
    "organizations",
    "locations",
    "keywords",
];

/// Writes hits as CSV with a header row.
pub fn write_hits(out: &mut dyn Write, hits: &[Hit]) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for hit in hits {
        let score = hit.score.map(|score| score.to_string()).unwrap_or_default();
        let record = [
            hit.id.clone(),
            hit.date.clone().unwrap_or_default(),
            score,
            hit.title.clone(),
            hit.source.clone().unwrap_or_default(),
            hit.url.clone().unwrap_or_default(),
            hit.countries.join("; "),
            hit.countries_mentioned.join("; "),
            hit.persons.join("; "),
            hit.organizations.join("; "),
            hit.locations.join("; "),
            hit.keywords.join("; "),
        ];
        writer.write_record(&record)?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

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
            persons: vec!["Xi Jinping".into(), "Vladimir Putin".into()],
            organizations: Vec::new(),
            locations: Vec::new(),
            countries: vec!["CN".into()],
            countries_mentioned: vec!["CN".into(), "RU".into()],
            keywords: Vec::new(),
        };
        let mut out = Vec::new();
        write_hits(&mut out, &[hit]).unwrap();
        let expected = "id,date,score,title,source,url,countries,countries_mentioned,persons,organizations,locations,keywords\n\
                        a,2024-10-14,,\"Oil, gas and \"\"coal\"\"\",,,CN,CN; RU,Xi Jinping; Vladimir Putin,,,\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
