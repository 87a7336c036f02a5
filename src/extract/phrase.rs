//! Noun phrases that name a holder (a body or a person), found on the jieba-rs
//! segmentation of a sentence: where a subject ends (at a modal, a preposition, a
//! predicate verb), where the noun phrase before or after a verb starts, and whether a
//! phrase ends in a head noun that can bear a duty (…部门, …党委, …书记, …人员).

use crate::segment;

/// A token with its part-of-speech tag; offsets are bytes of the tagged text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    /// The word.
    pub word: &'a str,
    /// jieba POS tag (n, nt, v, p, d, uj, x …).
    pub tag: &'a str,
    /// Byte offset of the word's start.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
}

/// Segment and tag `text`.
pub fn tokens(text: &str) -> Vec<Tok<'_>> {
    segment::tag(text)
        .into_iter()
        .map(|(t, tag)| Tok {
            word: t.word,
            tag,
            start: t.start,
            end: t.end,
        })
        .collect()
}

/// Index of the token that contains byte `pos`.
pub fn token_at(toks: &[Tok<'_>], pos: usize) -> Option<usize> {
    toks.iter().position(|t| t.start <= pos && pos < t.end)
}

/// Words that end a subject: modals, prepositions, predicate verbs of duties, time words.
const STOPS: &[&str] = &[
    "应当",
    "应",
    "应该",
    "要",
    "必须",
    "须",
    "需",
    "需要",
    "可以",
    "可",
    "能够",
    "将",
    "会",
    "还",
    "也",
    "都",
    "均",
    "亦",
    "负责",
    "负",
    "承担",
    "履行",
    "落实",
    "压实",
    "担负",
    "肩负",
    "扛起",
    "负起",
    "担起",
    "是",
    "为",
    "作为",
    "系",
    "对",
    "对于",
    "在",
    "根据",
    "按照",
    "依照",
    "依据",
    "依法",
    "通过",
    "向",
    "于",
    "就",
    "从",
    "会同",
    "配合",
    "协助",
    "牵头",
    "参与",
    "指导",
    "每年",
    "每半年",
    "每季度",
    "每月",
    "年初",
    "年底",
    "切实",
    "认真",
    "统一",
    "分别",
    "共同",
    "积极",
    "及时",
    "严格",
    "不得",
    "不",
    "未",
    "由",
    "经",
    "把",
    "将",
    "被",
    "以",
    "结合",
    "坚持",
    "加强",
    "自觉",
    "带头",
    "按",
    "依",
    "定期",
    "要求",
    "各自",
    "负总责",
    "当好",
    "担任",
    "接受",
    "督促",
    "支持",
    "领导下",
    "统筹",
    "做好",
    "抓好",
    "建立",
    "制定",
    "开展",
    "推进",
    "实行",
    "实施",
    "有",
    "没有",
    "违反",
    "给予",
    "予以",
    "追究",
    "造成",
    "发现",
    "出现",
    "同时",
];

/// Whether `w` is one of [`STOPS`]. This is asked for nearly every token of a tagged
/// sentence: the words are compared as integers (their bytes and length packed into a
/// `u128`, for a binary search of a sorted table).
fn is_stop(w: &str) -> bool {
    fn key(w: &str) -> Option<u128> {
        let b = w.as_bytes();
        (b.len() < 16).then(|| {
            let packed = b.iter().fold(0u128, |k, &x| (k << 8) | u128::from(x));
            ((b.len() as u128) << 120) | packed
        })
    }
    static KEYS: std::sync::OnceLock<Vec<u128>> = std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        let mut v: Vec<u128> = STOPS
            .iter()
            .map(|w| key(w).expect("short stop word"))
            .collect();
        v.sort_unstable();
        v
    });
    key(w).is_some_and(|k| keys.binary_search(&k).is_ok())
}

/// Adverbs and modals that may stand between a subject and its verb.
const ADVERBS: &[&str] = &[
    "应当",
    "应",
    "要",
    "必须",
    "须",
    "切实",
    "认真",
    "全面",
    "主要",
    "具体",
    "自觉",
    "积极",
    "依法",
    "共同",
    "分别",
    "严格",
    "还",
    "也",
    "都",
    "均",
    "要切实",
    "应切实",
    "负责",
];

/// Leading connectives skipped before a subject.
const CONNECTIVES: &[&str] = &[
    "同时", "其中", "此外", "另外", "并", "并且", "而", "对此", "为此", "因此", "另", "也",
];

/// Characters a holder's head noun may end with (…部, …党委, …书记, …人员, 河长 …).
const HEAD_CHARS: &str =
    "委会组部局厅办处室署院校社所站队团司行府关构位门心记长员子导人支馆织业市县区镇乡村省厂志";

fn is_punct_break(w: &str) -> bool {
    w.chars().all(|c| {
        matches!(
            c,
            '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '!' | '？' | '?'
        )
    })
}

/// Tokens that can sit inside a noun phrase.
pub fn np_like(t: &Tok<'_>) -> bool {
    matches!(
        t.word,
        "、" | "（" | "）" | "(" | ")" | "和" | "及" | "以及" | "与" | "等"
    ) || t.word.starts_with('各') && t.word.chars().count() <= 3
        || matches!(
            t.word,
            "其他" | "各" | "各级" | "有关" | "相关" | "其余" | "所属" | "下属" | "上级" | "下级"
        )
        || matches!(
            t.tag,
            "n" | "nt" | "nr" | "ns" | "nz" | "nrt" | "nrfg" | "j" | "b" | "zg" | "vn" | "l"
        ) && !is_stop(t.word)
}

/// The words that end the name of a body (卫生健康**局**, 卫生健康**委员会**, 巡察**组**).
const BODY_HEADS: [&str; 16] = [
    "局",
    "委",
    "委员会",
    "厅",
    "部",
    "办",
    "办公室",
    "中心",
    "署",
    "院",
    "所",
    "站",
    "处",
    "科",
    "组",
    "队",
];

/// Strip trailing bracket groups ((单位), （党组）) and a trailing 等.
fn core(np: &str) -> &str {
    let mut s = np;
    loop {
        let before = s;
        s = s.trim_end_matches('等');
        if let Some(stripped) = s.strip_suffix(['）', ')'])
            && let Some(open) = stripped.rfind(['（', '('])
        {
            s = &stripped[..open];
        }
        if s == before {
            return s;
        }
    }
}

fn scope_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new("本(?:地区|部门|单位|机关|系统|行业|领域|区域|行政区域|级)|对本|对其")
            .expect("regex")
    })
}

/// Whether `np` can name a holder: at least two characters, not a scope word (本单位,
/// 本规定), not a pronoun, and ending in a head noun.
pub fn is_holder(np: &str) -> bool {
    let c = core(np);
    // A person as a report names one (县财政局科长钱某某, 孙某某).
    if name_end(c) == Some(c.len()) && !c.starts_with(['对', '由', '在', '向', '被', '的']) {
        return true;
    }
    // The head noun first: most phrases asked about end in none.
    let Some(last) = c.chars().next_back() else {
        return false;
    };
    // Characters that end a body only as part of certain words.
    let head = match last {
        '关' => c.ends_with("机关") || c.ends_with("海关"),
        // 领导 the leaders, not 统一领导 the leadership.
        '导' => {
            c.ends_with("领导")
                && !["统一领导", "全面领导", "集中领导", "组织领导", "绝对领导"]
                    .iter()
                    .any(|w| c.ends_with(w))
        }
        '子' => c.ends_with("班子"),
        '记' => c.ends_with("书记"),
        '心' => c.ends_with("中心"),
        '业' => c.ends_with("企业") || c.ends_with("事业"),
        '任' => c.ends_with("主任"),
        // 生产经营者, 经营者: a party of the market, not 违反者 or 使用者.
        '者' => ["经营者", "生产者", "销售者", "运营者"]
            .iter()
            .any(|w| c.ends_with(w)),
        '署' => !c.ends_with("部署"),
        // 城建科, 财务科: an office of a body (not 学科, 本科 …).
        '科' => {
            c.chars().count() >= 3
                && !["学科", "本科", "专科", "文科", "理科", "工科", "百科"]
                    .iter()
                    .any(|w| c.ends_with(w))
        }
        '行' => ["银行", "分行", "支行", "总行"]
            .iter()
            .any(|w| c.ends_with(w)),
        l => HEAD_CHARS.contains(l),
    };
    if !head {
        return false;
    }
    // 被审计单位, 被巡视党组织主要负责人: a passive verb naming which body, before one.
    if let Some(rest) = c.strip_prefix('被')
        && let Some((i, _)) = rest.char_indices().nth(2)
        && !rest[..i].contains(['的', '，', '、'])
    {
        return is_holder(&rest[i..]);
    }
    if c.chars().count() < 2
        || c.starts_with('其') && !c.starts_with("其他") && !c.starts_with("其余")
        || c.starts_with([
            '本', '谁', '该', '对', '由', '在', '向', '把', '被', '仍', '、', '，', '（', '(', '的',
        ])
        || c.contains("所称")
        || c.contains("责任人")
        || scope_re().is_match(c)
    {
        return false;
    }
    !matches!(
        c,
        "各地" | "全民" | "社会" | "群众" | "领导" | "人人" | "专人" | "个人" | "有关"
    )
}

/// The byte offset just after the first name in `x` that a report gives (张某某, 李某): a
/// surname and 某 or 某某.
pub fn name_end(x: &str) -> Option<usize> {
    let surnames = super::vocab::triggers().of(super::vocab::Trigger::Surname);
    let mut prev: Option<&str> = None;
    for (i, c) in x.char_indices() {
        if c == '某'
            && let Some(p) = prev
            && surnames.contains(&p)
        {
            let end = i + '某'.len_utf8();
            return Some(if x[end..].starts_with('某') {
                end + '某'.len_utf8()
            } else {
                end
            });
        }
        prev = Some(&x[i..i + c.len_utf8()]);
    }
    None
}

/// Byte range of the longest prefix of tokens `from..to` that is a holder.
fn longest_holder(text: &str, toks: &[Tok<'_>], from: usize, to: usize) -> Option<(usize, usize)> {
    let start = toks[from].start;
    (from..to)
        .rev()
        .map(|k| (start, toks[k].end))
        .find(|&(a, b)| is_holder(&text[a..b]))
}

/// The subject at the start of tokens `from..to` (a comma clause or sentence): from its
/// first word to the first modal, preposition or predicate; a relative clause
/// (以X为组长的小组, 负责X工作的机构) stays inside. `（以下简称X）` makes `X` the holder.
pub fn subject(text: &str, toks: &[Tok<'_>], from: usize, to: usize) -> Option<(usize, usize)> {
    let mut i = from;
    while i < to && CONNECTIVES.contains(&toks[i].word) {
        i += 1;
    }
    // 其主要负责人 (its principal person in charge): the holder is what follows 其.
    if i + 1 < to && toks[i].word == "其" && toks[i + 1].tag.starts_with('n') {
        i += 1;
    }
    let first = i;
    // （以下简称X） names the holder, whatever precedes it.
    if let Some(a) = alias_in(text, toks, first, to) {
        return Some(a);
    }
    let mut k = i;
    let mut alias = None;
    let mut has_de = false;
    while k < to {
        let t = &toks[k];
        if is_punct_break(t.word) {
            break;
        }
        if matches!(t.word, "（" | "(")
            && toks
                .get(k + 1)
                .is_some_and(|n| matches!(n.word, "以下简称" | "简称" | "以下"))
        {
            // （以下简称X）: the holder is X.
            let close = (k + 1..to).find(|&j| matches!(toks[j].word, "）" | ")"));
            if let Some(close) = close {
                let mut a = k + 2;
                if toks.get(k + 1).is_some_and(|n| n.word == "以下") && a < close {
                    a += 1; // 以下 / 简称 cut apart
                }
                if a < close {
                    alias = Some((toks[a].start, toks[close - 1].end));
                }
                k = close + 1;
                continue;
            }
        }
        // 火场所在县政府, 事发地所在乡镇: …所在 says where the body is, inside its name
        // (jieba may cut it 场所/在).
        if located_at(toks, k) {
            has_de = true;
            k += 1;
            continue;
        }
        let stop = is_stop(t.word)
            || matches!(t.tag, "p" | "d" | "t")
            || t.tag == "r" && t.word.starts_with(['对', '在', '由', '向']);
        // A verb right after a complete holder starts the predicate (X指定…, X成立…).
        // But a verb with 工作 before a noun (省委巡视工作领导小组), or before the head of
        // a body (市委巡察组), names a body.
        // A verb of placing (设在, 设于, 位于) says where the holder is, and names none.
        let names_a_body = !t.word.ends_with(['在', '于'])
            && (toks.get(k + 1).is_some_and(|n| n.word == "工作")
                && toks.get(k + 2).is_some_and(|n| n.tag.starts_with('n'))
                || toks
                    .get(k + 1)
                    .is_some_and(|n| BODY_HEADS.contains(&n.word)));
        let verb_after_holder = t.tag.starts_with('v')
            && t.tag != "vn"
            && !matches!(t.word, "相关" | "统计" | "有关")
            && !names_a_body
            && k > first
            && is_holder(&text[toks[first].start..toks[k - 1].end]);
        if verb_after_holder {
            break;
        }
        if stop {
            let opens_relative = !matches!(
                t.word,
                "是" | "为"
                    | "作为"
                    | "系"
                    | "应当"
                    | "应"
                    | "要"
                    | "必须"
                    | "须"
                    | "可以"
                    | "可"
                    | "将"
                    | "会"
                    | "负总责"
                    | "在"
                    | "对"
                    | "对于"
                    | "向"
                    | "根据"
                    | "按照"
                    | "依法"
                    | "依照"
                    | "依据"
                    | "通过"
                    | "于"
                    | "就"
                    | "从"
                    | "经"
                    | "把"
                    | "被"
            );
            match opens_relative
                .then(|| relative_clause_end(text, toks, k, to))
                .flatten()
            {
                Some(next) => {
                    has_de = true;
                    k = next;
                    continue;
                }
                None => break,
            }
        }
        if t.word == "的" {
            has_de = true;
        }
        k += 1;
    }
    if k == first {
        return alias.filter(|&(a, b)| is_holder(&text[a..b]));
    }
    // jieba may glue a head character to the preposition after it (局对, 委在).
    if k < to {
        let w = toks[k].word;
        let mut cs = w.chars();
        if let (Some(h), Some(p), None) = (cs.next(), cs.next(), cs.next()) {
            let span = &text[toks[first].start..toks[k].start + h.len_utf8()];
            if "对在向由按从为".contains(p) && is_holder(span) {
                return Some((toks[first].start, toks[k].start + h.len_utf8()));
            }
        }
    }
    // A verb-initial phrase is a predicate (加强领导), not a subject, unless it is a
    // relative clause.
    let lead = &toks[first];
    if !has_de
        && (lead.tag.starts_with('v') && lead.tag != "vn" && !is_holder(lead.word)
            || lead.tag == "p")
    {
        return None;
    }
    if let Some(a) = alias.filter(|&(a, b)| is_holder(&text[a..b])) {
        return Some(a);
    }
    let (a, mut b) = longest_holder(text, toks, first, k)?;
    // Trailing adverbs (省级河长主要负责) are not part of the holder.
    for adv in ["主要", "具体"] {
        if text[a..b].ends_with(adv) && is_holder(&text[a..b - adv.len()]) {
            b -= adv.len();
        }
    }
    Some((a, b))
}

/// Whether token `k` is the 所在 of a place named inside a body's name (火场所在县政府:
/// the county where the fire is). jieba may glue its 所 to the character before and leave
/// a lone one before that (火/场所/在); a body ending in 所 before 在 (派出所在辖区内) is no
/// such name.
fn located_at(toks: &[Tok<'_>], k: usize) -> bool {
    toks[k].word == "所在"
        || toks[k].word == "在"
            && k >= 2
            && toks[k - 1].word.chars().count() == 2
            && toks[k - 1].word.ends_with('所')
            && toks[k - 2].word.chars().count() == 1
            && toks[k - 2].tag.starts_with('n')
}

/// `（以下简称X）` in tokens `from..to` before any punctuation: the range of X.
fn alias_in(text: &str, toks: &[Tok<'_>], from: usize, to: usize) -> Option<(usize, usize)> {
    let k = (from..to)
        .take_while(|&k| !is_punct_break(toks[k].word))
        .find(|&k| matches!(toks[k].word, "（" | "("))?;
    let rest = &text[toks[k].end..];
    let close = rest.find(['）', ')'])?;
    let inner = &rest[..close];
    let at = ["以下简称", "以下统称", "简称", "统称"]
        .iter()
        .find_map(|w| inner.find(w).map(|i| i + w.len()))?;
    let name = inner[at..].trim_matches(['“', '”', '"']);
    let start = toks[k].end + rest.find(name)?;
    is_holder(name).then_some((start, start + name.len()))
}

/// If the stop word at `k` opens a relative clause that ends in `的` followed by a holder
/// noun, the index just past that `的`.
fn relative_clause_end(text: &str, toks: &[Tok<'_>], k: usize, to: usize) -> Option<usize> {
    let mut j = k;
    while j < to {
        let w = toks[j].word;
        if is_punct_break(w) || matches!(w, "应当" | "应" | "要" | "必须" | "须") {
            return None;
        }
        if w == "的" {
            break;
        }
        j += 1;
    }
    if j >= to || toks[j].word != "的" {
        return None;
    }
    let mut e = j + 1;
    while e < to && np_like(&toks[e]) {
        e += 1;
    }
    (e > j + 1 && longest_holder(text, toks, j + 1, e).is_some()).then_some(j + 1)
}

/// The noun phrase that ends right before token `v` (a verb), skipping adverbs: `支持X履行`,
/// `对X落实`, `A、B等落实`. Returns its byte range and the index of its first token.
pub fn before(
    text: &str,
    toks: &[Tok<'_>],
    v: usize,
    from: usize,
) -> Option<(usize, usize, usize)> {
    let mut k = v;
    while k > from && ADVERBS.contains(&toks[k - 1].word) {
        k -= 1;
    }
    let end = k;
    while k > from {
        let t = &toks[k - 1];
        let party_of = t.word == "的" && k >= 2 && toks[k - 2].word == "党";
        // 巡视工作领导小组, 市委巡察组: a verb with 工作 or a body's head inside its name.
        let of_work = t.tag.starts_with('v')
            && k < end
            && (toks[k].word == "工作" || BODY_HEADS.contains(&toks[k].word));
        // 卫生健康局, 卫生健康委员会: adjectives inside a body's name.
        let of_body = matches!(t.tag, "a" | "an")
            && (k..end.min(k + 2)).any(|j| BODY_HEADS.contains(&toks[j].word));
        if located_at(toks, k - 1) {
            // 火场所在县（区）政府: the place before 所在 is part of the name, whatever its
            // words' tags (事发/地所在), up to a preposition, adverb or stop word.
            k -= 1;
            while k > from
                && !is_stop(toks[k - 1].word)
                && !is_punct_break(toks[k - 1].word)
                && !matches!(toks[k - 1].tag, "p" | "d" | "r" | "c" | "x")
            {
                k -= 1;
            }
        } else if np_like(t) || party_of || t.word == "党" || of_work || of_body {
            k -= 1;
        } else if t.tag.starts_with('v')
            && t.word.chars().count() == 2
            && k < end
            && k >= from + 2
            && toks[k - 2].word == "被"
        {
            // 被巡视党组织: a passive verb names which body.
            k -= 2;
        } else {
            break;
        }
    }
    // 本单位落实…: a scope, not a holder.
    if k > from && toks[k - 1].word.ends_with(['本', '其', '该']) && k < end {
        return None;
    }
    if k == end {
        // A lone pronoun (对其履行…) is reported as an empty range at its position.
        if k > from && toks[k - 1].word == "其" {
            return Some((toks[k - 1].start, toks[k - 1].start, k - 1));
        }
        return None;
    }
    // Verbal nouns that govern the phrase (监督下级党组织; 支持和监督…) are not part of
    // it, nor a 、 or 和 before or between them.
    while k < end
        && matches!(
            toks[k].word,
            "监督"
                | "支持"
                | "领导"
                | "指导"
                | "督促"
                | "推动"
                | "加强"
                | "协调"
                | "检查"
                | "组织"
                | "、"
                | "和"
                | "及"
                | "与"
                | "以及"
        )
    {
        k += 1;
    }
    if k == end {
        return None;
    }
    // A list whose first parts are not bodies (统一领导、省委): keep the bodies at its end.
    let mut a = toks[k].start;
    let b = toks[end - 1].end;
    while !is_holder(&text[a..b]) {
        match top_level_comma(&text[a..b]) {
            Some(i) => {
                a += i + '、'.len_utf8();
                while k < end && toks[k].start < a {
                    k += 1;
                }
            }
            None => return None,
        }
    }
    (a < b).then_some((a, b, k))
}

/// Byte offset of the first 、 outside brackets.
fn top_level_comma(s: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            '、' if depth <= 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// The noun phrase right after token `v` (落实X…主体责任): the longest holder prefix of the
/// noun-like tokens that follow, before token `limit`.
pub fn after(text: &str, toks: &[Tok<'_>], v: usize, limit: usize) -> Option<(usize, usize)> {
    let from = v + 1;
    let mut e = from;
    while e < limit && (np_like(&toks[e]) || toks[e].word == "党") {
        e += 1;
    }
    if e == from {
        return None;
    }
    longest_holder(text, toks, from, e)
}

/// Characters that end the name of a party a penalty can hit, beyond the heads of bodies
/// ([`is_holder`]): 经营者, 当事人, 个体工商户, 食品摊贩, 承包方 …
const PARTY_HEADS: &str = "者人员位业构户贩坊商方主东长船舶社所站店厂师家";

/// Whether `np` ends in a character that can end a party's name ([`PARTY_HEADS`]).
pub fn ends_in_party_head(np: &str) -> bool {
    np.chars()
        .next_back()
        .is_some_and(|c| PARTY_HEADS.contains(c))
}

/// The party a statute's violation names at the start of a clause (经营者未取得许可…的,
/// 生产经营单位的主要负责人未履行…的): the leading run of noun-like tokens, a 的 between
/// nouns allowed, ending in a noun whose last character can end a party's name. A wider
/// net than [`subject`], for the targets of penalties, where citizens and companies, not
/// only bodies, are named.
pub fn party(text: &str, toks: &[Tok<'_>]) -> Option<(usize, usize)> {
    let mut i = 0;
    while i < toks.len() && CONNECTIVES.contains(&toks[i].word) {
        i += 1;
    }
    let first = i;
    let mut end = None;
    // 被约谈方, 被检查单位: a party named by what is done to it.
    if toks.get(i).is_some_and(|t| t.word == "被")
        && let Some(v) = toks.get(i + 1).filter(|t| t.tag.starts_with('v'))
        && let Some(next) = toks.get(i + 2)
    {
        if np_like(next) {
            i += 2;
        } else if let Some(h) = text[v.end..]
            .chars()
            .next()
            .filter(|&c| PARTY_HEADS.contains(c))
        {
            // 方 cut with the word after it (被约谈方拒不整改): the head ends the party.
            return Some((toks[first].start, v.end + h.len_utf8()));
        }
    }
    while i < toks.len() {
        let t = &toks[i];
        // Place words open a party's name too (场内经营者).
        let nounish = (np_like(t) || matches!(t.tag, "s" | "f") && i == first)
            && !matches!(t.word, "等" | "和" | "及" | "与" | "以及");
        if t.word == "的" && i > first && toks.get(i + 1).is_some_and(np_like) {
            i += 1;
            continue;
        }
        if !nounish && !matches!(t.word, "、" | "和" | "及" | "或者" | "与") {
            break;
        }
        if nounish
            && t.tag.starts_with('n')
            && t.word
                .chars()
                .next_back()
                .is_some_and(|c| PARTY_HEADS.contains(c))
        {
            end = Some(i);
        }
        i += 1;
    }
    let e = end?;
    let (a, b) = (toks[first].start, toks[e].end);
    let n = text[a..b].chars().count();
    (2..=30).contains(&n).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subj(s: &str) -> Option<String> {
        let t = tokens(s);
        subject(s, &t, 0, t.len()).map(|(a, b)| s[a..b].to_string())
    }

    #[test]
    fn subjects_end_at_the_predicate() {
        assert_eq!(
            subj("市农业农村局应当负责").as_deref(),
            Some("市农业农村局")
        );
        assert_eq!(
            subj("区卫生健康委、区民政局等相关部门（单位）按照职责负责").as_deref(),
            Some("区卫生健康委、区民政局等相关部门（单位）")
        );
        assert_eq!(subj("镇级河长主要负责").as_deref(), Some("镇级河长"));
        assert_eq!(
            subj("分管安全生产工作的副局长是直接责任人").as_deref(),
            Some("分管安全生产工作的副局长")
        );
        assert_eq!(subj("加强领导").as_deref(), None);
        assert_eq!(subj("本单位负责").as_deref(), None);
    }

    /// The noun phrase before the verb 负责 of `s`.
    fn before_verb(s: &str) -> Option<String> {
        let t = tokens(s);
        let v = t.iter().position(|x| x.word == "负责")?;
        before(s, &t, v, 0).map(|(a, b, _)| s[a..b].to_string())
    }

    #[test]
    fn a_place_inside_a_body_name_stays_in_it() {
        assert_eq!(
            before_verb("事发地所在县（区）政府负责先期处置").as_deref(),
            Some("事发地所在县（区）政府")
        );
        assert_eq!(
            before_verb("火场所在乡镇政府负责组织群众转移").as_deref(),
            Some("火场所在乡镇政府")
        );
        assert_eq!(
            subj("火场所在乡镇政府负责组织群众转移").as_deref(),
            Some("火场所在乡镇政府")
        );
        // A body ending in 所 before 在 is the body, and 在 opens a place of action.
        assert_eq!(subj("派出所在辖区内负责巡查").as_deref(), Some("派出所"));
        // 设在 says where the office sits, it names no body.
        assert_eq!(
            subj("领导小组办公室设在局办公室").as_deref(),
            Some("领导小组办公室")
        );
    }

    #[test]
    fn alias_replaces_the_long_name() {
        assert_eq!(
            subj("设区的市负责数据管理工作的机构（以下简称数据机构）履行下列职责").as_deref(),
            Some("数据机构")
        );
        assert_eq!(
            subj("本区从事餐饮服务的单位（含个体户，以下统称经营单位）履行食品安全主体责任")
                .as_deref(),
            Some("经营单位")
        );
    }

    #[test]
    fn a_party_named_by_what_is_done_to_it() {
        let party_of = |s: &str| {
            let toks = tokens(s);
            party(s, &toks).map(|(a, b)| s[a..b].to_string())
        };
        assert_eq!(party_of("被约谈方拒不整改的").as_deref(), Some("被约谈方"));
        assert_eq!(
            party_of("被检查单位拒绝提供资料的").as_deref(),
            Some("被检查单位")
        );
        assert_eq!(party_of("被告知后仍不改正的"), None);
    }

    #[test]
    fn holders_need_a_head_noun() {
        assert!(is_holder("区教育局"));
        assert!(is_holder("党委（党组）"));
        assert!(is_holder("各有关单位（部门）"));
        assert!(is_holder("经营单位"));
        assert!(is_holder("应急管理部门"));
        assert!(is_holder("从业人员"));
        assert!(!is_holder("本地区本单位"));
        assert!(!is_holder("意识形态工作"));
        assert!(!is_holder("其"));
    }
}
