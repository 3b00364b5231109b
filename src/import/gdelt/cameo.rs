//! CAMEO event codes: which are visits, and which kind of Legation event
//! the others are, with a short label for each.
//!
//! CAMEO (Conflict and Mediation Event Observations) codes have two to four
//! digits: the first two are the root (`04` consult), the third the base
//! code (`042` make a visit), the fourth a refinement (`0421`).

use crate::model::EventKind;

/// What a CAMEO code means for Legation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coded {
    /// `042`: Actor1 makes a visit (to Actor2).
    MakeVisit,
    /// `043`: Actor1 hosts a visit (of Actor2).
    HostVisit,
    /// `044`: the actors meet at a third location.
    MeetElsewhere,
    /// Anything else, as an event of this kind.
    Event(EventKind),
}

impl Coded {
    /// Whether this is a visit (`042` or `043`).
    pub fn is_visit(self) -> bool {
        matches!(self, Self::MakeVisit | Self::HostVisit)
    }
}

/// What `code` means, or `None` when it is not a CAMEO code (two to four
/// digits, a known root).
pub fn classify(code: &str) -> Option<Coded> {
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let root: u8 = code[..2].parse().ok()?;
    if !(1..=20).contains(&root) {
        return None;
    }
    let base = code.get(..3).unwrap_or(code);
    Some(match base {
        "042" => Coded::MakeVisit,
        "043" => Coded::HostVisit,
        "044" => Coded::MeetElsewhere,
        _ => Coded::Event(kind(root, base)),
    })
}

/// The kind of event a root and base code are.
fn kind(root: u8, base: &str) -> EventKind {
    match (root, base) {
        // Sign formal agreement.
        (_, "057") => EventKind::Agreement,
        // Make public statement, appeal, express intent, discuss by
        // telephone, the verbal kinds of diplomatic cooperation, demand,
        // disapprove, reject, threaten.
        (_, "041") | (1..=3 | 5 | 10..=13, _) => EventKind::Statement,
        // Consult, mediate, negotiate: people meet.
        (4, _) => EventKind::Meeting,
        // Exhibit force posture: mobilizing armed forces is a deployment,
        // the rest (demonstrations of power, alerts) an exercise.
        (_, "154") => EventKind::Deployment,
        (15, _) => EventKind::MilitaryExercise,
        // Reduce relations: stopping aid and embargoes are sanctions.
        (_, "162" | "163") => EventKind::Sanctions,
        _ => EventKind::Other,
    }
}

/// A short label for people: the base code's where Legation names it, else
/// the root's ("make a visit", "threaten").
pub fn label(code: &str) -> &'static str {
    let base = code.get(..3).unwrap_or(code);
    let specific = match base {
        "040" => Some("consult"),
        "041" => Some("discuss by telephone"),
        "042" => Some("make a visit"),
        "043" => Some("host a visit"),
        "044" => Some("meet at a third location"),
        "045" => Some("mediate"),
        "046" => Some("engage in negotiation"),
        "057" => Some("sign a formal agreement"),
        "150" => Some("demonstrate military or police power"),
        "151" => Some("increase police alert status"),
        "152" => Some("increase military alert status"),
        "153" => Some("mobilize or increase police power"),
        "154" => Some("mobilize or increase armed forces"),
        "162" => Some("reduce or stop aid"),
        "163" => Some("impose embargo, boycott or sanctions"),
        _ => None,
    };
    specific.unwrap_or_else(|| match code.get(..2) {
        Some("01") => "make a public statement",
        Some("02") => "appeal",
        Some("03") => "express intent to cooperate",
        Some("04") => "consult",
        Some("05") => "engage in diplomatic cooperation",
        Some("06") => "engage in material cooperation",
        Some("07") => "provide aid",
        Some("08") => "yield",
        Some("09") => "investigate",
        Some("10") => "demand",
        Some("11") => "disapprove",
        Some("12") => "reject",
        Some("13") => "threaten",
        Some("14") => "protest",
        Some("15") => "exhibit force posture",
        Some("16") => "reduce relations",
        Some("17") => "coerce",
        Some("18") => "assault",
        Some("19") => "fight",
        Some("20") => "use unconventional mass violence",
        _ => "unknown CAMEO code",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visit_codes_are_told_apart() {
        assert_eq!(classify("042"), Some(Coded::MakeVisit));
        assert_eq!(classify("043"), Some(Coded::HostVisit));
        assert_eq!(classify("044"), Some(Coded::MeetElsewhere));
        assert!(classify("042").unwrap().is_visit());
        assert!(!classify("044").unwrap().is_visit());
    }

    #[test]
    fn roots_map_to_event_kinds() {
        let kind = |code| match classify(code) {
            Some(Coded::Event(kind)) => kind,
            other => panic!("{code}: {other:?}"),
        };
        assert_eq!(kind("010"), EventKind::Statement);
        assert_eq!(kind("0311"), EventKind::Statement);
        assert_eq!(kind("046"), EventKind::Meeting);
        assert_eq!(kind("041"), EventKind::Statement);
        assert_eq!(kind("057"), EventKind::Agreement);
        assert_eq!(kind("051"), EventKind::Statement);
        assert_eq!(kind("138"), EventKind::Statement);
        assert_eq!(kind("150"), EventKind::MilitaryExercise);
        assert_eq!(kind("154"), EventKind::Deployment);
        assert_eq!(kind("163"), EventKind::Sanctions);
        assert_eq!(kind("1621"), EventKind::Sanctions);
        assert_eq!(kind("161"), EventKind::Other);
        assert_eq!(kind("190"), EventKind::Other);
        assert_eq!(kind("20"), EventKind::Other);
    }

    #[test]
    fn malformed_codes_are_none() {
        for bad in ["", "4", "00", "21", "210", "04a", "04200", "--"] {
            assert_eq!(classify(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn labels_prefer_the_base_code() {
        assert_eq!(label("042"), "make a visit");
        assert_eq!(label("0421"), "make a visit");
        assert_eq!(label("0831"), "yield");
        assert_eq!(label("13"), "threaten");
    }
}
