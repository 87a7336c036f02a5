//! Segmentation: one jieba-rs instance, built once and shared across threads (it is
//! `Sync`), with gongwen's domain dictionary (`dict/domain.txt`) loaded on top of the
//! default one so that terms such as 第一责任人, 主体责任, 一岗双责 and 党委（党组） stay whole.
//!
//! Hands on tokens with byte offsets into the string that was cut.

use std::sync::OnceLock;

use jieba_rs::Jieba;

/// The domain dictionary shipped with gongwen (jieba format: word, frequency, POS tag).
pub const DOMAIN_DICT: &str = include_str!("../dict/domain.txt");

static JIEBA: OnceLock<Jieba> = OnceLock::new();

/// The shared segmenter (default dictionary + domain dictionary), built on first use.
pub fn jieba() -> &'static Jieba {
    JIEBA.get_or_init(build)
}

/// Build a fresh segmenter: jieba-rs's default dictionary plus the domain dictionary.
/// This is most of gongwen's start-up time; [`jieba`] builds it once per process.
pub fn build() -> Jieba {
    let mut j = Jieba::new();
    let mut retag = Vec::new();
    for line in DOMAIN_DICT.lines() {
        let mut it = line.split_whitespace();
        let Some(word) = it.next() else { continue };
        let freq = it.next().and_then(|f| f.parse().ok());
        let tag = it.next();
        // jieba-rs keeps the tag a word already has (组长 is a verb in its dictionary):
        // note where the domain dictionary says otherwise.
        if let Some(tag) = tag
            && j.has_word(word)
            && let [t] = j.tag(word, false).as_slice()
            && t.word == word
            && t.tag != tag
        {
            retag.push((word, tag));
        }
        j.add_word(word, freq, tag);
    }
    let _ = RETAG.set(Retag::new(retag));
    j
}

/// Words of the default dictionary whose part of speech the domain dictionary corrects,
/// with the correct tag (found while [`build`] loads the domain words).
static RETAG: OnceLock<Retag> = OnceLock::new();

/// The corrected words, asked about every token the tagger gives: a mask of their byte
/// lengths turns single characters and punctuation away before any comparison.
#[derive(Debug)]
struct Retag {
    words: Vec<(&'static str, &'static str)>,
    /// Bit `n`: some word is `n` bytes long (words of 63 bytes and more share bit 63).
    lengths: u64,
}

impl Retag {
    fn new(words: Vec<(&'static str, &'static str)>) -> Retag {
        let lengths = words.iter().fold(0, |m, (w, _)| m | Retag::bit(w));
        Retag { words, lengths }
    }

    fn bit(w: &str) -> u64 {
        1 << w.len().min(63)
    }

    /// The corrected tag of `word`, if the domain dictionary corrects it.
    fn of(&self, word: &str) -> Option<&'static str> {
        if self.lengths & Retag::bit(word) == 0 {
            return None;
        }
        // Most tokens of a word's length differ from it in the last byte already: compare
        // that before calling on a comparison of the whole.
        let last = word.as_bytes().last();
        self.words
            .iter()
            .find(|&&(w, _)| w.len() == word.len() && w.as_bytes().last() == last && w == word)
            .map(|&(_, t)| t)
    }
}

/// Load jieba-rs's part-of-speech model, which its tagger reads for words outside the
/// dictionary and otherwise loads on first use. An empty segmenter is enough to load it,
/// so this does not wait for [`jieba`].
pub fn load_tagger_model() {
    std::hint::black_box(Jieba::empty().tag("张晓峰", true));
}

/// A token: the word and its byte range in the text that was cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word.
    pub word: &'a str,
    /// Byte offset of the word's start.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
}

static PROTECTED: OnceLock<regex::Regex> = OnceLock::new();

/// Domain terms that contain brackets. jieba splits at every non-Han character, so these
/// (党委（党组） …) are found first and kept as one token.
fn protected() -> &'static regex::Regex {
    PROTECTED.get_or_init(|| {
        let mut terms: Vec<&str> = DOMAIN_DICT
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .filter(|w| w.chars().any(|c| !('\u{4E00}'..='\u{9FFF}').contains(&c)))
            .collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let alt: Vec<String> = terms.iter().map(|t| regex::escape(t)).collect();
        regex::Regex::new(&alt.join("|")).expect("protected terms form a valid regex")
    })
}

/// Cut `text` into words (HMM on, for unknown names of bodies and people).
pub fn cut(text: &str) -> Vec<Token<'_>> {
    fn push_cut<'a>(text: &'a str, from: usize, to: usize, out: &mut Vec<Token<'a>>) {
        if from < to {
            out.extend(
                jieba()
                    .cut(&text[from..to], true)
                    .into_iter()
                    .map(|t| Token {
                        word: t.word,
                        start: from + t.byte_start,
                        end: from + t.byte_end,
                    }),
            );
        }
    }
    let mut out = Vec::new();
    let mut last = 0;
    for m in protected().find_iter(text) {
        push_cut(text, last, m.start(), &mut out);
        out.push(Token {
            word: m.as_str(),
            start: m.start(),
            end: m.end(),
        });
        last = m.end();
    }
    push_cut(text, last, text.len(), &mut out);
    out
}

/// Cut `text` into words with part-of-speech tags.
pub fn tag(text: &str) -> Vec<(Token<'_>, &str)> {
    let tagged = jieba().tag(text, true);
    let retag = RETAG.get();
    tagged
        .into_iter()
        .map(|t| {
            let tag = retag.and_then(|r| r.of(t.word)).unwrap_or(t.tag);
            (
                Token {
                    word: t.word,
                    start: t.byte_start,
                    end: t.byte_end,
                },
                tag,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        cut(s).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn domain_terms_stay_whole() {
        let w = words("党委（党组）书记是第一责任人，班子成员落实一岗双责，承担主体责任。");
        for term in ["党委（党组）", "第一责任人", "一岗双责", "主体责任"] {
            assert!(w.contains(&term), "{term} split in {w:?}");
        }
    }

    #[test]
    fn the_domain_dictionary_corrects_a_part_of_speech() {
        // jieba's own dictionary has 组长 as a verb; the domain dictionary says noun.
        let tags: Vec<(&str, &str)> = tag("检查组组长负责全面工作")
            .into_iter()
            .map(|(t, tag)| (t.word, tag))
            .collect();
        assert!(tags.contains(&("组长", "n")), "{tags:?}");
        let retag = RETAG.get().expect("set when the segmenter was built");
        // Each correction is the domain dictionary's own entry (word, frequency, tag).
        for &(w, t) in &retag.words {
            assert_eq!(retag.of(w), Some(t));
            assert!(DOMAIN_DICT.lines().any(|l| {
                let mut it = l.split_whitespace();
                it.next() == Some(w) && it.nth(1) == Some(t)
            }));
            // A word that only shares the length, or only the start, is not corrected.
            let other = format!("{}{}", &w[..w.len() - 3], "甲");
            assert_eq!(retag.of(&other), None);
            assert_eq!(retag.of(&w[..3]), None);
            assert_eq!(retag.of(&format!("{w}{}", "x".repeat(64))), None);
        }
    }

    #[test]
    fn offsets_are_bytes_of_the_input() {
        let s = "给予诫勉谈话";
        for t in cut(s) {
            assert_eq!(&s[t.start..t.end], t.word);
        }
    }
}
