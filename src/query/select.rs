//! Selects the documents an export or a delete by query reads: the
//! addresses of every document a query matches, in address order (segment
//! by segment, then document by document), which is the order the
//! document store reads best.
//!
//! Only addresses are collected (eight bytes a document); the stored
//! documents are read one at a time afterwards.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Query;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

/// Collects the addresses of every matching document.
struct AddressCollector;

/// Collects the matching documents of one segment.
struct SegmentAddresses {
    /// The segment's ordinal in the searcher.
    segment: SegmentOrdinal,
    /// Its matching documents, in increasing order.
    addresses: Vec<DocAddress>,
}

impl Collector for AddressCollector {
    type Fruit = Vec<DocAddress>;
    type Child = SegmentAddresses;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _reader: &SegmentReader,
    ) -> tantivy::Result<SegmentAddresses> {
        Ok(SegmentAddresses {
            segment,
            addresses: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Vec<DocAddress>>) -> tantivy::Result<Vec<DocAddress>> {
        let total = segments.iter().map(Vec::len).sum();
        let mut addresses = Vec::with_capacity(total);
        for segment in segments {
            addresses.extend(segment);
        }
        addresses.sort_unstable();
        Ok(addresses)
    }
}

impl SegmentCollector for SegmentAddresses {
    type Fruit = Vec<DocAddress>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.addresses.push(DocAddress::new(self.segment, doc));
    }

    fn harvest(self) -> Vec<DocAddress> {
        self.addresses
    }
}

/// Returns the address of every live document the query matches, in
/// address order.
pub fn matching_addresses(
    searcher: &Searcher,
    query: &dyn Query,
) -> tantivy::Result<Vec<DocAddress>> {
    searcher.search(query, &AddressCollector)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;
    use crate::index::test_index::{article, index_of};
    use crate::query::{SearchRequest, build_query};

    #[test]
    fn collects_every_match_in_address_order() {
        let open = index_of(&[
            article("a", "2024-10-14", "Oil", "Oil talks.", Entities::default()),
            article(
                "b",
                "2023-01-02",
                "Coffee",
                "Coffee crop.",
                Entities::default(),
            ),
            article(
                "c",
                "2022-06-30",
                "Oil again",
                "More oil.",
                Entities::default(),
            ),
        ]);
        let searcher = open.index.reader().unwrap().searcher();
        let request = SearchRequest {
            query: "oil".into(),
            ..SearchRequest::default()
        };
        let query = build_query(&open, &request).unwrap();
        let addresses = matching_addresses(&searcher, &*query).unwrap();
        assert_eq!(addresses.len(), 2);
        assert!(addresses.windows(2).all(|pair| pair[0] < pair[1]));
        let everything = build_query(&open, &SearchRequest::default()).unwrap();
        assert_eq!(
            matching_addresses(&searcher, &*everything).unwrap().len(),
            3
        );
    }
}
