//! Stories: the matching articles grouped so that near copies of one text
//! count once (`query --collapse`, `--count stories`, and the near copies
//! `stats` reports).
//!
//! Each article carries the MinHash bands of its body
//! ([`crate::enrich::minhash`]). The articles are taken in date order,
//! oldest first; an article joins the story of an earlier one when it
//! shares at least [`MIN_SHARED_BANDS`] of its bands with the story's first
//! article and is dated at most the window after it. Otherwise it starts a
//! story of its own. A story is thus represented by its first report, every
//! copy is alike to it (not only to another copy), and no story spans more
//! than the window: the same text sent again a month later is a new story.
//! Undated articles form stories among themselves, with no window. An
//! article whose body is too short to fingerprint is a story alone.
//!
//! Candidates are found through the band values (an index from band value
//! to the stories whose first article has it), so grouping takes time in
//! proportion to the number of articles, not its square.
//!
//! The module sits just above [`crate::index`], whose fields it reads, and
//! below `query`, `facets` and the operations, which use it: grouping is
//! here, the collectors that gather the members and let only each story's
//! first article through are in [`collect`], and the stories of the whole
//! index kept beside it in `stories.bin` are in [`file`](mod@file), refreshed by
//! [`refresh`] when an ingest or a delete has finished.

pub mod collect;
pub mod file;

use std::path::Path;

use rustc_hash::FxHashMap as HashMap;

use tantivy::query::Query;
use tantivy::{DocAddress, Score, Searcher};

use crate::bands::{BAND_HASH_BITS, BANDS, Bands};
use crate::error::{Error, Result};
use crate::index::OpenIndex;
use collect::MemberCollector;
use file::{STORIES_FILE, read_stories, write_stories};

/// How many band values an article must share with a story's first
/// article to be its copy. Sharing a band has the probability `J²` for
/// the Jaccard similarity `J` of the two bodies' shingles, so 6 of 16
/// takes bodies that share about 60 % or more of the shingles around
/// their names and figures (a copy with a new headline, a correction or a
/// paragraph more or less), and leaves out stories that follow a common
/// template about other companies or other figures. Chosen on 30 pairs of
/// Reuters-21578 articles read by hand: at 5, four of them were such
/// templates.
pub const MIN_SHARED_BANDS: usize = 6;

/// The window of `--collapse-window` when none is given: three days.
pub const DEFAULT_WINDOW_SECONDS: i64 = 3 * 24 * 3600;

/// One matching article, as story grouping sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Where the article is in the index.
    pub address: DocAddress,
    /// Its date, in seconds since the epoch.
    pub seconds: Option<i64>,
    /// Its relevance score, when the search computes one.
    pub score: Score,
    /// Its body's fingerprint, when it has one and was read.
    pub bands: Option<Bands>,
    /// Its story in the whole index, when the stories kept beside the
    /// index were read ([`file`](mod@file)); `u32::MAX` if not.
    pub story: u32,
}

impl Member {
    /// What is left in a member's place once it is moved into its story.
    const TAKEN: Member = Member {
        address: DocAddress {
            segment_ord: 0,
            doc_id: 0,
        },
        seconds: None,
        score: 0.0,
        bands: None,
        story: u32::MAX,
    };
}

/// Articles found to be one story.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// The first article of the story, which stands for it.
    pub first: Member,
    /// The other articles, oldest first.
    pub copies: Vec<Member>,
    /// The best score among all its articles.
    pub best_score: Score,
}

/// Finds the stories of a query's matches in an index kept in `folder`:
/// from the stories kept beside it ([`file`](mod@file)) when
/// the window is the default one and they describe the searcher's
/// segments, else by comparing the matches' fingerprints.
pub fn find_stories(
    folder: &Path,
    searcher: &Searcher,
    query: &dyn Query,
    scoring: bool,
    window_seconds: i64,
) -> tantivy::Result<Vec<Story>> {
    let kept = match window_seconds == DEFAULT_WINDOW_SECONDS {
        true => read_stories(folder, searcher),
        false => None,
    };
    let by_kept_stories = kept.is_some();
    let collector = MemberCollector {
        scoring,
        stories: kept,
    };
    let members = searcher.search(query, &collector)?;
    Ok(match by_kept_stories {
        true => group_by_story(members),
        false => group_stories(members, window_seconds),
    })
}

/// Works out the stories of the whole index as last committed and keeps
/// them beside it ([`file`](mod@file)): called once an ingest or a delete has
/// finished writing, so that later queries read them.
pub fn refresh(open: &OpenIndex) -> Result<()> {
    write_stories(&open.path, &open.searcher()?).map_err(|error| Error::WriteFailed {
        path: open.path.join(STORIES_FILE),
        reason: error.to_string(),
    })
}

/// Groups articles into stories; returns them in the order of their first
/// articles' dates, undated stories last.
pub fn group_stories(members: Vec<Member>, window_seconds: i64) -> Vec<Story> {
    let (order, story_of) = number_stories(&members, window_seconds);
    let mut members = members;
    let mut stories: Vec<Story> = Vec::new();
    for position in order {
        let story = story_of[position as usize] as usize;
        let member = std::mem::replace(&mut members[position as usize], Member::TAKEN);
        match story == stories.len() {
            true => stories.push(Story::new(member)),
            false => stories[story].add(member),
        }
    }
    stories
}

/// Numbers the stories of some articles, as [`group_stories`] groups
/// them: returns the articles' positions in date order, and the story
/// number of each article, stories numbered in the order of their first
/// articles. Nothing but numbers is built, so a whole index can be
/// numbered without holding its stories.
pub fn number_stories(members: &[Member], window_seconds: i64) -> (Vec<u32>, Vec<u32>) {
    // Sorting small keys, not the members, and keeping the first
    // articles' dates in a vector of their own keeps the walk in cache.
    let mut keys: Vec<(bool, i64, DocAddress, u32)> = members
        .iter()
        .enumerate()
        .map(|(position, member)| {
            let seconds = member.seconds.unwrap_or_default();
            (
                member.seconds.is_none(),
                seconds,
                member.address,
                position as u32,
            )
        })
        .collect();
    keys.sort_unstable();
    let order: Vec<u32> = keys
        .into_iter()
        .map(|(_, _, _, position)| position)
        .collect();
    let mut first_dates: Vec<Option<i64>> = Vec::new();
    let mut story_of: Vec<u32> = vec![0; members.len()];
    let mut index = BandIndex::with_capacity(members.len() * BANDS);
    let mut shared: Vec<(u32, usize)> = Vec::new();
    for &position in &order {
        let member = &members[position as usize];
        let best = member.bands.as_ref().and_then(|bands| {
            shared.clear();
            for &band in &bands.0 {
                index.visit(
                    band,
                    &first_dates,
                    member.seconds,
                    window_seconds,
                    |story| match shared.iter_mut().find(|(known, _)| *known == story) {
                        Some((_, count)) => *count += 1,
                        None => shared.push((story, 1)),
                    },
                );
            }
            shared
                .iter()
                .filter(|&&(_, count)| count >= MIN_SHARED_BANDS)
                .max_by_key(|&&(story, count)| (count, std::cmp::Reverse(story)))
                .map(|&(story, _)| story)
        });
        story_of[position as usize] = match best {
            Some(story) => story,
            None => {
                let story = first_dates.len() as u32;
                for &band in member.bands.iter().flat_map(|bands| bands.0.iter()) {
                    index.add(band, story);
                }
                first_dates.push(member.seconds);
                story
            }
        };
    }
    (order, story_of)
}

/// For each band value, the stories whose first article has it: a chain
/// per value through one vector of links, newest first, with no allocation
/// per value.
struct BandIndex {
    /// The newest link of each band value, at its [`slot`], or `NONE`.
    heads: Vec<u32>,
    /// Each link: a story, and the next older link of the same value.
    links: Vec<(u32, u32)>,
}

/// The end of a chain.
const NONE: u32 = u32::MAX;

/// The place of a band value (`band << 16 | hash`) among the chain heads.
fn slot(band: u32) -> usize {
    (((band >> 16) << BAND_HASH_BITS) | (band & ((1 << BAND_HASH_BITS) - 1))) as usize
}

impl BandIndex {
    /// An index with room for some links: one per band of each first
    /// article, at most, so that a whole index's are never copied to grow.
    fn with_capacity(links: usize) -> BandIndex {
        BandIndex {
            heads: vec![NONE; BANDS << BAND_HASH_BITS],
            links: Vec::with_capacity(links),
        }
    }

    fn add(&mut self, band: u32, story: u32) {
        let head = &mut self.heads[slot(band)];
        self.links.push((story, *head));
        *head = (self.links.len() - 1) as u32;
    }

    /// Calls `visit` with each story whose first article has a band value
    /// and is within the window of an article. Articles come in date order,
    /// so the first story found beyond the window ends the chain for good:
    /// every older one is beyond it too.
    fn visit(
        &mut self,
        band: u32,
        first_dates: &[Option<i64>],
        seconds: Option<i64>,
        window_seconds: i64,
        mut visit: impl FnMut(u32),
    ) {
        let mut link = self.heads[slot(band)];
        let mut previous: Option<u32> = None;
        while link != NONE {
            let (story, next) = self.links[link as usize];
            if !within_window(first_dates[story as usize], seconds, window_seconds) {
                match previous {
                    Some(previous) => self.links[previous as usize].1 = NONE,
                    None => self.heads[slot(band)] = NONE,
                }
                return;
            }
            visit(story);
            previous = Some(link);
            link = next;
        }
    }
}

/// Tells whether an article is close enough in time to a story's first
/// article to be its copy: both undated, or dated at most the window after.
fn within_window(first: Option<i64>, seconds: Option<i64>, window_seconds: i64) -> bool {
    match (first, seconds) {
        (Some(first), Some(later)) => later - first <= window_seconds,
        (None, None) => true,
        _ => false,
    }
}

impl Story {
    fn new(first: Member) -> Story {
        Story {
            best_score: first.score,
            first,
            copies: Vec::new(),
        }
    }

    fn add(&mut self, copy: Member) {
        self.best_score = self.best_score.max(copy.score);
        self.copies.push(copy);
    }
}

/// Groups articles by the story each belongs to in the whole index
/// ([`file`](mod@file)): each story's earliest matching article
/// stands for it (the lowest address among equal dates, as members come
/// in address order). Returns the stories in no particular order: the
/// caller orders only the ones it shows ([`story_order`]).
pub fn group_by_story(members: Vec<Member>) -> Vec<Story> {
    let mut stories: Vec<Story> = Vec::new();
    let mut index_of: HashMap<u32, u32> = HashMap::default();
    index_of.reserve(members.len());
    for member in members {
        let next = stories.len() as u32;
        let index = *index_of.entry(member.story).or_insert(next);
        if index == next {
            stories.push(Story::new(member));
            continue;
        }
        let grouped = &mut stories[index as usize];
        if date_key(member.seconds) < date_key(grouped.first.seconds) {
            let later = std::mem::replace(&mut grouped.first, member);
            grouped.add(later);
            grouped.best_score = grouped.best_score.max(grouped.first.score);
        } else {
            grouped.add(member);
        }
    }
    for story in &mut stories {
        if story.copies.len() > 1 {
            story
                .copies
                .sort_by_key(|copy| (date_key(copy.seconds), copy.address));
        }
    }
    stories
}

/// The order of stories by their first articles: oldest first, undated
/// last, then by address.
pub fn story_order(story: &Story) -> (u64, DocAddress) {
    (date_key(story.first.seconds), story.first.address)
}

/// Orders dates oldest first, undated last.
fn date_key(seconds: Option<i64>) -> u64 {
    match seconds {
        Some(seconds) => ((seconds as u64) ^ (1 << 63)).min(u64::MAX - 1),
        None => u64::MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::DocId;

    const DAY: i64 = 24 * 3600;

    fn bands(seed: u32) -> Bands {
        Bands(std::array::from_fn(|band| {
            ((band as u32) << 16) | (seed * 7 + band as u32) & 0x7fff
        }))
    }

    /// Bands that share the first `shared` bands with `bands(seed)`.
    fn partly(seed: u32, shared: usize) -> Bands {
        let mut copy = bands(seed);
        for value in copy.0.iter_mut().skip(shared) {
            *value ^= 0x4000;
        }
        copy
    }

    fn member(doc: DocId, day: Option<i64>, bands: Option<Bands>) -> Member {
        Member {
            address: DocAddress::new(0, doc),
            seconds: day.map(|day| day * DAY),
            score: doc as Score,
            bands,
            story: u32::MAX,
        }
    }

    fn grouped(members: Vec<Member>) -> Vec<Vec<DocId>> {
        group_stories(members, DEFAULT_WINDOW_SECONDS)
            .into_iter()
            .map(|story| {
                let mut docs = vec![story.first.address.doc_id];
                docs.extend(story.copies.iter().map(|copy| copy.address.doc_id));
                docs
            })
            .collect()
    }

    #[test]
    fn copies_within_the_window_are_one_story_led_by_the_earliest() {
        let members = vec![
            member(0, Some(12), Some(bands(1))),
            member(1, Some(10), Some(bands(1))),
            member(2, Some(11), Some(partly(1, MIN_SHARED_BANDS))),
            member(3, Some(10), Some(bands(2))),
        ];
        assert_eq!(grouped(members), vec![vec![1, 2, 0], vec![3]]);
    }

    #[test]
    fn sharing_too_few_bands_is_not_a_copy() {
        let members = vec![
            member(0, Some(10), Some(bands(1))),
            member(1, Some(10), Some(partly(1, MIN_SHARED_BANDS - 1))),
        ];
        assert_eq!(grouped(members), vec![vec![0], vec![1]]);
    }

    #[test]
    fn the_same_text_beyond_the_window_is_a_new_story() {
        let members = vec![
            member(0, Some(10), Some(bands(1))),
            member(1, Some(13), Some(bands(1))),
            member(2, Some(14), Some(bands(1))),
            member(3, Some(16), Some(bands(1))),
        ];
        assert_eq!(grouped(members), vec![vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn undated_articles_are_stories_among_themselves() {
        let members = vec![
            member(0, None, Some(bands(1))),
            member(1, Some(10), Some(bands(1))),
            member(2, None, Some(bands(1))),
        ];
        assert_eq!(grouped(members), vec![vec![1], vec![0, 2]]);
    }

    #[test]
    fn articles_without_a_fingerprint_stand_alone() {
        let members = vec![member(0, Some(10), None), member(1, Some(10), None)];
        assert_eq!(grouped(members), vec![vec![0], vec![1]]);
    }

    #[test]
    fn a_story_keeps_the_best_score_of_its_articles() {
        let members = vec![
            member(0, Some(10), Some(bands(1))),
            member(5, Some(11), Some(bands(1))),
        ];
        let stories = group_stories(members, DEFAULT_WINDOW_SECONDS);
        assert_eq!(stories[0].best_score, 5.0);
    }

    #[test]
    fn kept_stories_group_by_number_led_by_the_earliest_match() {
        let kept = |doc: DocId, day: Option<i64>, story: u32| Member {
            story,
            ..member(doc, day, None)
        };
        let members = vec![
            kept(0, Some(12), 7),
            kept(1, Some(10), 3),
            kept(2, Some(11), 7),
            kept(3, Some(13), 7),
            kept(4, None, 3),
        ];
        let mut stories = group_by_story(members);
        stories.sort_by_key(story_order);
        let docs: Vec<(DocId, Vec<DocId>)> = stories
            .iter()
            .map(|story| {
                let copies = story.copies.iter().map(|copy| copy.address.doc_id);
                (story.first.address.doc_id, copies.collect())
            })
            .collect();
        assert_eq!(docs, [(1, vec![4]), (2, vec![0, 3])]);
        assert_eq!(stories[1].best_score, 3.0, "the best score of its articles");
    }

    #[test]
    fn a_copy_joins_the_story_it_shares_most_with() {
        let members = vec![
            member(0, Some(10), Some(bands(1))),
            member(1, Some(10), Some(partly(1, 4))),
            member(2, Some(11), Some(partly(1, 6))),
        ];
        // 1 shares 4 bands with 0, too few: a story of its own. 2 shares 6
        // bands with 0, and 14 with 1 (the first 4, and the 10 changed in both).
        assert_eq!(grouped(members), vec![vec![0], vec![1, 2]]);
    }
}
