//! Ladder rules: `level-skip` (a rung of the profile's ladder left out: 一、 directly
//! above `1.` in a 公文; 条 directly above 目 in a statute) and `level-back` (a higher
//! rung nested under a lower one: （一） under `1.`). The `generic` profile has no ladder.

use super::Ctx;
use crate::model::Rule;

/// Run the ladder rules over a document.
pub fn check(cx: &mut Ctx) {
    let doc = cx.doc;
    let profile = cx.profile;
    // `listed[p]`: the style families (one bit each) whose list under node `p` is checked.
    let mut listed = vec![0u32; doc.nodes.len()];
    for (i, n) in doc.nodes.iter().enumerate() {
        let Some(p) = n.parent else { continue };
        // An annex's list is not nested in the body clause it follows.
        if !cx.live(i) || !cx.live(p) || cx.scope[i] != cx.scope[p] {
            continue;
        }
        // One finding per list, at its first marker.
        let bit = 1 << n.style.family() as u32;
        if listed[p] & bit != 0 {
            continue;
        }
        listed[p] |= bit;
        let parent = &doc.nodes[p];
        let (Some(rp), Some(rc)) = (profile.rung(parent.style), profile.rung(n.style)) else {
            continue;
        };
        if rc < rp {
            let d = cx.at_node(
                Rule::LevelBack,
                i,
                format!(
                    "`{}` nests under `{}`, a lower level of the {} ladder",
                    n.marker.trim(),
                    parent.marker.trim(),
                    profile.name()
                ),
            );
            cx.out.push(d);
        } else if rc > rp && !profile.may_nest(rp, rc) {
            let between = (rp + 1..rc)
                .filter_map(|r| ladder_example(profile, r))
                .collect::<Vec<_>>()
                .join(" ");
            let mut d = cx.at_node(
                Rule::LevelSkip,
                i,
                format!(
                    "`{}` sits directly under `{}`: the level {between} is skipped",
                    n.marker.trim(),
                    parent.marker.trim()
                ),
            );
            d.expected = ladder_example(profile, rp + 1);
            cx.out.push(d);
        }
    }
}

fn ladder_example(profile: super::Profile, rung: u32) -> Option<String> {
    use super::Profile::*;
    Some(
        match (profile, rung) {
            (Gongwen, 1) => "一、",
            (Gongwen, 2) => "（一）",
            (Gongwen, 3) => "1.",
            (Gongwen, 4) => "（1）",
            (Statute | PartyRule, 1) => "第一编",
            (Statute | PartyRule, 2) => "第一分编",
            (Statute | PartyRule, 3) => "第一章",
            (Statute | PartyRule, 4) => "第一节",
            (Statute | PartyRule, 5) => "第一条",
            (Statute | PartyRule, 6) => "（一）",
            (Statute | PartyRule, 7) => "1.",
            _ => return None,
        }
        .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use crate::lint::testutil::{lint, rules_of};

    #[test]
    fn skip_must_hit() {
        let t = "关于开展检查的通知\n一、总体要求\n1.甲。\n2.乙。\n二、主要任务\n（一）丙。\n";
        assert_eq!(lint(t), vec![("level-skip".into(), 3)]);
        let t = "第一条 单位应当：\n1.甲；\n2.乙。\n第二条 内容。\n";
        assert_eq!(lint(t), vec![("level-skip".into(), 2)]);
    }

    #[test]
    fn skip_must_pass() {
        // 节, 分编 and 编 are optional in a statute; a 公文 may start below 一、.
        for t in [
            "某法典\n第一编 总则\n第一分编 通则\n第一章 一般规定\n第一条 甲。\n第二分编 分则\n第二章 乙类\n第二条 乙：\n（一）丙；\n（二）丁。\n",
            "某法典\n第一分编 通则\n第一条 甲。\n第二分编 分则\n第一节 乙类\n第二条 乙。\n",
            "第一章 总则\n第一条 甲。\n第二条 乙：\n（一）丙；\n（二）丁。\n",
            "（一）甲。\n1.乙。\n2.丙。\n（二）丁。\n",
            "一、甲\n（一）乙\n1.丙。\n（1）丁。\n",
        ] {
            assert!(!rules_of(t).iter().any(|r| r.starts_with("level")), "{t}");
        }
    }

    #[test]
    fn back_must_hit() {
        let t = "一、总体要求\n1.甲\n（一）乙。\n（二）丙。\n2.丁。\n";
        assert!(lint(t).contains(&("level-back".into(), 3)), "{:?}", lint(t));
    }
}
