//! The simulated network link: one token bucket shared by every channel, so that N
//! connections together get the `--link` bandwidth, as parallel connections over one
//! NIC do. Loopback TCP itself is far faster than the links simulated here.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// `--link`: bytes per second, or no limit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bandwidth(pub Option<f64>);

impl Bandwidth {
    /// Parses `10Gbit`, `2.5Gbit`, `100Mbit`, `500MB/s`, `unlimited` (case-insensitive;
    /// bit units are decimal, `MB/s` is 10^6 bytes per second).
    pub fn parse(s: &str) -> Result<Bandwidth, String> {
        let t = s.trim().to_ascii_lowercase();
        if t == "unlimited" || t == "none" {
            return Ok(Bandwidth(None));
        }
        let units: [(&str, f64); 8] = [
            ("gbit", 1e9 / 8.0),
            ("mbit", 1e6 / 8.0),
            ("kbit", 1e3 / 8.0),
            ("gb/s", 1e9),
            ("mb/s", 1e6),
            ("kb/s", 1e3),
            ("gbps", 1e9 / 8.0),
            ("mbps", 1e6 / 8.0),
        ];
        let bad =
            || format!("invalid link {s:?} (e.g. 10Gbit, 1Gbit, 100Mbit, 500MB/s, unlimited)");
        let (num, mul) = units
            .iter()
            .find_map(|(u, m)| t.strip_suffix(u).map(|n| (n, *m)))
            .ok_or_else(bad)?;
        let v: f64 = num.trim().parse().map_err(|_| bad())?;
        if !(v.is_finite() && v > 0.0) {
            return Err(bad());
        }
        Ok(Bandwidth(Some(v * mul)))
    }

    /// As people say it: `10 Gbit/s`, `unlimited`.
    pub fn label(&self) -> String {
        match self.0 {
            None => "unlimited".into(),
            Some(b) if b * 8.0 >= 1e9 => format!("{} Gbit/s", b * 8.0 / 1e9),
            Some(b) => format!("{} Mbit/s", b * 8.0 / 1e6),
        }
    }
}

struct Bucket {
    /// May go negative: a sender that takes more than is there owes it, and sleeps until
    /// the debt would be repaid. Concurrent senders queue up behind each other's debt, so
    /// the aggregate rate is exact without a scheduler.
    tokens: f64,
    last: Instant,
}

/// A token bucket of `rate` bytes per second with a small burst (2 ms of traffic, at
/// least 64 KiB), so an idle link does not save up a large burst.
pub struct Link {
    rate: Option<f64>,
    burst: f64,
    bucket: Mutex<Bucket>,
}

impl Link {
    pub fn new(bw: Bandwidth) -> Link {
        let burst = bw.0.map_or(0.0, |r| (r * 0.002).max(65536.0));
        Link {
            rate: bw.0,
            burst,
            bucket: Mutex::new(Bucket {
                tokens: burst,
                last: Instant::now(),
            }),
        }
    }

    /// Blocks until `bytes` may go on the wire.
    pub fn send(&self, bytes: usize) {
        let Some(rate) = self.rate else { return };
        let wait = {
            let mut b = self.bucket.lock().expect("link lock");
            let now = Instant::now();
            let refill = now.duration_since(b.last).as_secs_f64() * rate;
            b.tokens = (b.tokens + refill).min(self.burst) - bytes as f64;
            b.last = now;
            if b.tokens >= 0.0 {
                return;
            }
            -b.tokens / rate
        };
        std::thread::sleep(Duration::from_secs_f64(wait));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_links() {
        assert_eq!(Bandwidth::parse("10Gbit").unwrap().0, Some(1.25e9));
        assert_eq!(Bandwidth::parse("1gbit").unwrap().0, Some(1.25e8));
        assert_eq!(Bandwidth::parse("500MB/s").unwrap().0, Some(5e8));
        assert_eq!(Bandwidth::parse("unlimited").unwrap().0, None);
        assert!(Bandwidth::parse("fast").is_err());
        assert!(Bandwidth::parse("0Gbit").is_err());
        assert_eq!(Bandwidth::parse("10Gbit").unwrap().label(), "10 Gbit/s");
    }

    #[test]
    fn rate_is_kept() {
        let link = Link::new(Bandwidth(Some(50e6)));
        let t = Instant::now();
        for _ in 0..20 {
            link.send(250_000); // 5 MB at 50 MB/s: 0.1 s
        }
        let s = t.elapsed().as_secs_f64();
        assert!((0.08..0.5).contains(&s), "{s}");
    }
}
