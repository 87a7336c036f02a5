//! Structure: the numbered clause hierarchy of each document in a file.
//!
//! Input is a [`SourceText`]; output is an [`Analysis`]: the documents found in the file,
//! each with its clauses as a flat arena of [`Node`]s in document order (tree links via
//! `parent`/`children`). Later stages (extraction, lint, output) read only these types.
//!
//! Sub-modules: [`marker`] recognises a marker at a position and reads its number.

pub mod marker;

use crate::model::Diagnostic;
use crate::text::{MappedText, SourceText};
pub use marker::{Marker, Style};

/// Everything the structure stage found in one file.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The documents in the file, in order.
    pub documents: Vec<DocTree>,
}

/// One document: its extent, title and clause tree.
#[derive(Debug, Clone, Default)]
pub struct DocTree {
    /// The title, when one was recognised.
    pub title: Option<String>,
    /// First line (1-based).
    pub line_start: usize,
    /// Last line (1-based).
    pub line_end: usize,
    /// Decoded byte range of the document.
    pub start: usize,
    /// End of the document's decoded byte range.
    pub end: usize,
    /// The document's own text before its first marker (path `""`), cleaned.
    pub preamble: MappedText,
    /// Clauses in document order; `nodes[i].parent` is an index into this vector.
    pub nodes: Vec<Node>,
    /// Recovery notes (garbled markers, declared vs found document count, …).
    pub diagnostics: Vec<Diagnostic>,
}

/// One clause.
#[derive(Debug, Clone)]
pub struct Node {
    /// The marker exactly as it stands in the source (spaces included).
    pub marker: String,
    /// The marker's number (recovered number for a garbled marker).
    pub number: u32,
    /// The numbering style.
    pub style: Style,
    /// The punctuation written right after the marker (、 . ． , ： …), if any.
    pub punct: Option<char>,
    /// 1-based depth in the document's hierarchy.
    pub level: u32,
    /// Path per the contract (`三/（二）`, `第一章/第八条`, with `#2` for repeats).
    pub path: String,
    /// Parent node index.
    pub parent: Option<usize>,
    /// Child node indices, in order.
    pub children: Vec<usize>,
    /// Decoded offset of the marker's first character.
    pub start: usize,
    /// Decoded offset just past the marker (and its punctuation).
    pub marker_end: usize,
    /// Decoded offset of the end of the clause's span (children included).
    pub end: usize,
    /// 1-based line of the marker.
    pub line: usize,
    /// 1-based column of the marker (characters).
    pub column: usize,
    /// True when the marker does not start its line.
    pub inline: bool,
    /// True when the marker was damaged and its number recovered from the sequence.
    pub garbled: bool,
    /// The clause's heading, if any.
    pub heading: Option<String>,
    /// The clause's own text (marker excluded, children excluded), cleaned: wrapped lines
    /// joined, OCR spaces removed; each byte maps back to the source.
    pub own: MappedText,
}

impl DocTree {
    /// Indices of the top-level nodes.
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.parent.is_none())
            .map(|(i, _)| i)
    }
}

/// Analyse a whole file.
pub fn analyse(src: &SourceText) -> Analysis {
    let text = src.as_str();
    let mut doc = DocTree {
        line_start: 1,
        line_end: src.line_count(),
        start: 0,
        end: text.len(),
        ..DocTree::default()
    };
    // Line-start markers only (v1): every line whose first non-blank text is a marker.
    let mut found: Vec<(usize, Marker)> = Vec::new();
    for line in src.lines() {
        let l = &text[line.start..line.end];
        let trimmed = l.trim_start_matches([' ', '\t', '\u{3000}', '\u{FEFF}']);
        let off = line.start + (l.len() - trimmed.len());
        if let Some(m) = marker::parse_at(trimmed) {
            found.push((off, m));
        }
    }
    // Hierarchy from the document's own order of styles: a style seen before closes the
    // deeper levels; a new style opens a level below the current one.
    let mut stack: Vec<(Style, usize)> = Vec::new(); // (style family, node index)
    for (k, (off, m)) in found.iter().enumerate() {
        let fam = m.style.family();
        if let Some(pos) = stack.iter().position(|(s, _)| *s == fam) {
            stack.truncate(pos);
        }
        let parent = stack.last().map(|&(_, i)| i);
        let level = stack.len() as u32 + 1;
        let idx = doc.nodes.len();
        let (line, column) = src.line_col(*off);
        let own_start = off + m.len;
        let own_end = found.get(k + 1).map_or(text.len(), |(o, _)| *o);
        doc.nodes.push(Node {
            marker: m.text.clone(),
            number: m.number,
            style: m.style,
            punct: m.punct,
            level,
            path: String::new(),
            parent,
            children: Vec::new(),
            start: *off,
            marker_end: own_start,
            end: own_end,
            line,
            column,
            inline: false,
            garbled: false,
            heading: None,
            own: MappedText::from_source(text, own_start, own_end.max(own_start)),
        });
        if let Some(p) = parent {
            doc.nodes[p].children.push(idx);
        }
        stack.push((fam, idx));
    }
    if let Some((first, _)) = found.first() {
        doc.preamble = MappedText::from_source(text, 0, *first);
    } else {
        doc.preamble = MappedText::from_source(text, 0, text.len());
    }
    finish_tree(&mut doc);
    Analysis {
        documents: vec![doc],
    }
}

/// Compute paths (with `#n` for a repeated component under one parent) and span ends
/// (a parent's span runs to the end of its last descendant).
pub fn finish_tree(doc: &mut DocTree) {
    let n = doc.nodes.len();
    for i in 0..n {
        let comp = doc.nodes[i].component();
        let siblings: Vec<usize> = match doc.nodes[i].parent {
            Some(p) => doc.nodes[p].children.clone(),
            None => doc.roots().collect(),
        };
        let earlier = siblings
            .iter()
            .take_while(|&&s| s != i)
            .filter(|&&s| doc.nodes[s].component() == comp)
            .count();
        let own = if earlier > 0 {
            format!("{comp}#{}", earlier + 1)
        } else {
            comp
        };
        doc.nodes[i].path = match doc.nodes[i].parent {
            Some(p) => format!("{}/{own}", doc.nodes[p].path),
            None => own,
        };
    }
    for i in (0..n).rev() {
        if let Some(&last) = doc.nodes[i].children.last() {
            let e = doc.nodes[last].end;
            if e > doc.nodes[i].end {
                doc.nodes[i].end = e;
            }
        }
    }
}

impl Node {
    /// The path component of this node: the marker without whitespace and without a
    /// trailing 、 . ． (a garbled marker uses the component it should have).
    pub fn component(&self) -> String {
        if self.garbled {
            return self.style.render(self.number);
        }
        let c: String = self.marker.chars().filter(|c| !c.is_whitespace()).collect();
        c.trim_end_matches(['、', '.', '．']).to_string()
    }
}
