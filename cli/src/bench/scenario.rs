//! The scenarios: docs/format.md §7's four patterns plus UNCHANGED, ALL-CHANGED and RANDOM, each
//! built over a whole memory region (never per page).

use xbzrle_testkit::scenario::{fill_random, Pattern};

/// Seed of the old region (the same for every scenario).
pub const OLD_SEED: u64 = 0x0123_4567_89ab_cdef;
/// Seed of RANDOM's new region (unrelated to the old one).
pub const NEW_SEED: u64 = 0xfedc_ba98_7654_3210;

/// A benchmark scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// A docs/format.md §7 pattern: `len` changed bytes every `stride` bytes, across pages.
    Pattern(Pattern),
    /// New = old: nothing to send.
    Unchanged,
    /// Every byte changed (XOR 0xa5): every page overflows and is sent raw.
    AllChanged,
    /// Old and new unrelated random bytes: every page overflows and is sent raw.
    Random,
}

/// `--scenario` takes the lower-case names; `very_dense` and `all_changed` work too.
impl clap::ValueEnum for Scenario {
    fn value_variants<'a>() -> &'a [Self] {
        &Scenario::ALL
    }
    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let name = self.arg_name();
        let v = clap::builder::PossibleValue::new(name);
        Some(match name {
            "very-dense" => v.alias("very_dense"),
            "all-changed" => v.alias("all_changed"),
            _ => v,
        })
    }
}

impl Scenario {
    /// All scenarios, in the order the benchmark runs them.
    pub const ALL: [Scenario; 7] = [
        Scenario::Pattern(Pattern::SPARSE),
        Scenario::Pattern(Pattern::MEDIUM),
        Scenario::Pattern(Pattern::DENSE),
        Scenario::Pattern(Pattern::VERY_DENSE),
        Scenario::Unchanged,
        Scenario::AllChanged,
        Scenario::Random,
    ];

    /// Upper-case name as printed.
    pub fn name(self) -> &'static str {
        match self {
            Scenario::Pattern(p) => p.name,
            Scenario::Unchanged => "UNCHANGED",
            Scenario::AllChanged => "ALL-CHANGED",
            Scenario::Random => "RANDOM",
        }
    }

    /// Lower-case name, as given to `--scenario`.
    pub fn arg_name(self) -> &'static str {
        match self.name() {
            "SPARSE" => "sparse",
            "MEDIUM" => "medium",
            "DENSE" => "dense",
            "VERY-DENSE" => "very-dense",
            "UNCHANGED" => "unchanged",
            "ALL-CHANGED" => "all-changed",
            "RANDOM" => "random",
            other => unreachable!("scenario {other} has no argument name"),
        }
    }

    /// Fills `new` from `old` (the whole region at once; areas continue across pages).
    pub fn build(self, old: &[u8], new: &mut [u8]) {
        assert_eq!(old.len(), new.len());
        match self {
            Scenario::Pattern(p) => {
                new.copy_from_slice(old);
                // Apply the pattern area by area: same bytes as applying it to the whole
                // region, without visiting the unchanged ones.
                let mut start = 0;
                while start < new.len() {
                    let end = (start + p.len).min(new.len());
                    p.apply_in_place(&mut new[start..end], start);
                    start += p.stride;
                }
            }
            Scenario::Unchanged => new.copy_from_slice(old),
            Scenario::AllChanged => {
                for (n, o) in new.iter_mut().zip(old) {
                    *n = *o ^ 0xa5;
                }
            }
            Scenario::Random => fill_random(new, NEW_SEED),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_build_matches_whole_region_apply() {
        let mut old = vec![0u8; 3 * 4096 + 77];
        fill_random(&mut old, 5);
        for p in Pattern::ALL {
            let mut new = vec![0u8; old.len()];
            Scenario::Pattern(p).build(&old, &mut new);
            assert_eq!(new, p.apply(&old), "{}", p.name);
        }
    }

    #[test]
    fn other_scenarios() {
        let mut old = vec![0u8; 8192];
        fill_random(&mut old, 5);
        let mut new = vec![0u8; old.len()];
        Scenario::Unchanged.build(&old, &mut new);
        assert_eq!(new, old);
        Scenario::AllChanged.build(&old, &mut new);
        assert!(new.iter().zip(&old).all(|(a, b)| a != b));
        Scenario::Random.build(&old, &mut new);
        let same = new.iter().zip(&old).filter(|(a, b)| a == b).count();
        assert!(same < 100, "{same}");
        use clap::ValueEnum;
        assert_eq!(Scenario::from_str("very_dense", true), Ok(Scenario::ALL[3]));
        assert_eq!(
            Scenario::from_str("All-Changed", true),
            Ok(Scenario::AllChanged)
        );
        assert!(Scenario::from_str("nope", true).is_err());
        for s in Scenario::ALL {
            assert_eq!(s.arg_name().to_uppercase(), s.name());
        }
    }
}
