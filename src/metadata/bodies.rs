//! Lists of bodies as a 公文 writes them (主送, 抄送: 省发展改革委、省财政厅，各县（市、区）人民
//! 政府) and a title glued before such a list: read by the metadata and by the structure
//! stage's title finder alike.

use super::vocab;

/// Where a title glued before a list of bodies ends (关于做好某某工作的通知|各县人民政府，
/// 市政府各部门): after the last genre word (通知, 意见, 批复 …) of a title (关于…的) whose
/// rest opens with a body's name (the glued whole may read as a body's name too: it ends
/// with one). `None` when no title stands there.
pub fn glued_title_end(head: &str) -> Option<usize> {
    let about = head.find(vocab::TITLE_ABOUT)?;
    vocab::GENRE_WORDS
        .iter()
        .flat_map(|w| head.match_indices(w).map(move |(k, _)| k + w.len()))
        .filter(|&end| end > about && end < head.len())
        .filter(|&end| {
            split_list(&head[end..])
                .first()
                .is_some_and(|i| vocab::is_body(i) || is_body_group(i))
        })
        .max()
}

/// A group of bodies joined by 、 (各省、自治区、直辖市人民政府): its last member names the
/// kind of body.
pub fn is_body_group(s: &str) -> bool {
    s.rsplit('、').next().is_some_and(vocab::is_body)
}

/// A list of bodies as written: split at ， and ；, the closing 。 dropped. A 、 parts
/// bodies too when every part names one (省发展改革委、省财政厅), but joins the members of
/// one group that 各 opens (各省、自治区、直辖市人民政府) or shares (国务院各部委、各直属机构)
/// and stays inside brackets (各县（市、区）人民政府).
pub fn split_list(s: &str) -> Vec<String> {
    s.trim_end_matches(['。', '.', '；', ';', '，', ','])
        .split(['，', '；', ';', ','])
        .map(|x| {
            x.trim_matches(|c: char| crate::normalize::is_blank(c))
                .to_string()
        })
        .filter(|x| !x.is_empty())
        .flat_map(|x| split_enumeration(&x))
        .collect()
}

/// The bodies of an item joined by 、 outside brackets, when each names a body and no 各
/// before the first governs the rest; else the item whole.
fn split_enumeration(item: &str) -> Vec<String> {
    let mut parts: Vec<String> = vec![String::new()];
    let mut depth = 0usize;
    for c in item.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '、' if depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    // 各 before the first governs the rest (各省、自治区); a body before 各 in the first
    // governs the 各 of the rest (国务院各部委、各直属机构).
    let governed = (parts[0].starts_with('各') && parts[1..].iter().any(|p| !p.starts_with('各')))
        || (parts[0].contains('各') && parts[1..].iter().all(|p| p.starts_with('各')));
    if parts.len() < 2 || governed || !parts.iter().all(|p| vocab::is_body(p)) {
        return vec![item.to_string()];
    }
    parts
}
