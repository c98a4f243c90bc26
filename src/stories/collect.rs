//! The collectors of story grouping: [`MemberCollector`] gathers every
//! matching article with its date and either its fingerprint or its story
//! kept in `stories.bin`, and [`OnlyDocuments`] wraps another collector so
//! that it sees only the first article of each story (the facets of
//! `--count stories`).

use rustc_hash::FxHashMap as HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::file::{SegmentStories, StoryCache};
use super::{Member, Story};
use crate::bands::Bands;
use crate::schema::Fields;

/// Collects every matching article as a [`Member`], with its score when
/// the search is ranked by relevance, and either its story in the whole
/// index, when the stories kept beside it are given, or its fingerprint.
pub struct MemberCollector {
    /// Whether to compute relevance scores.
    pub scoring: bool,
    /// The stories kept beside the index, to read instead of fingerprints.
    pub stories: Option<StoryCache>,
}

/// The per-segment half of [`MemberCollector`].
pub struct MemberSegmentCollector {
    segment: SegmentOrdinal,
    dates: Column<tantivy::DateTime>,
    reads: Reads,
    members: Vec<Member>,
}

/// What a segment's members are grouped by.
enum Reads {
    Fingerprints(Column<u64>),
    Stories(SegmentStories),
}

impl Collector for MemberCollector {
    type Fruit = Vec<Member>;
    type Child = MemberSegmentCollector;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<MemberSegmentCollector> {
        let reads = match &self.stories {
            Some(stories) => Reads::Stories(stories.segment(segment as usize)),
            None => Reads::Fingerprints(reader.fast_fields().u64(Fields::MINHASH)?),
        };
        Ok(MemberSegmentCollector {
            segment,
            dates: reader.fast_fields().date(Fields::DATE)?,
            reads,
            members: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Member>>) -> tantivy::Result<Vec<Member>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for MemberSegmentCollector {
    type Fruit = Vec<Member>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let (bands, story) = match &self.reads {
            Reads::Fingerprints(column) => {
                (Bands::from_stored(column.values_for_doc(doc)), u32::MAX)
            }
            Reads::Stories(stories) => (None, stories.story(doc)),
        };
        self.members.push(Member {
            address: DocAddress::new(self.segment, doc),
            seconds: self.dates.first(doc).map(|date| date.into_timestamp_secs()),
            score,
            bands,
            story,
        });
    }

    fn harvest(self) -> Vec<Member> {
        self.members
    }
}

/// Wraps a collector so that it sees only some documents: the first
/// article of each story, for facets that count stories.
pub struct OnlyDocuments<C> {
    inner: C,
    /// For each segment, the sorted documents to let through; `None` lets
    /// every document through.
    documents: Option<HashMap<SegmentOrdinal, Vec<DocId>>>,
}

impl<C> OnlyDocuments<C> {
    /// Lets every document through.
    pub fn all(inner: C) -> OnlyDocuments<C> {
        OnlyDocuments {
            inner,
            documents: None,
        }
    }

    /// Lets through the first article of each story.
    pub fn first_articles(inner: C, stories: &[Story]) -> OnlyDocuments<C> {
        let mut documents: HashMap<SegmentOrdinal, Vec<DocId>> = HashMap::default();
        for story in stories {
            let address = story.first.address;
            documents
                .entry(address.segment_ord)
                .or_default()
                .push(address.doc_id);
        }
        for docs in documents.values_mut() {
            docs.sort_unstable();
        }
        OnlyDocuments {
            inner,
            documents: Some(documents),
        }
    }
}

/// The per-segment half of [`OnlyDocuments`].
pub struct OnlySegmentDocuments<S> {
    inner: S,
    documents: Option<Vec<DocId>>,
    next: usize,
}

impl<C: Collector> Collector for OnlyDocuments<C> {
    type Fruit = C::Fruit;
    type Child = OnlySegmentDocuments<C::Child>;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(OnlySegmentDocuments {
            inner: self.inner.for_segment(segment, reader)?,
            documents: self
                .documents
                .as_ref()
                .map(|documents| documents.get(&segment).cloned().unwrap_or_default()),
            next: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<C::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<C::Fruit> {
        self.inner.merge_fruits(fruits)
    }
}

impl<S: SegmentCollector> SegmentCollector for OnlySegmentDocuments<S> {
    type Fruit = S::Fruit;

    /// Documents come in increasing order, so one cursor walks the list.
    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(documents) = &self.documents else {
            return self.inner.collect(doc, score);
        };
        while self.next < documents.len() && documents[self.next] < doc {
            self.next += 1;
        }
        if documents.get(self.next) == Some(&doc) {
            self.inner.collect(doc, score);
        }
    }

    fn harvest(self) -> S::Fruit {
        self.inner.harvest()
    }
}
