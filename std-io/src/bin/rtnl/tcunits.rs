//! tc's units: rates, sizes and times parsed and printed as iproute2 6.1's
//! `tc` does (`1mbit`, `32kb`, `400ms`; `10Mbit`, `15Kb`, `400ms`), the
//! scheduler clock of `/proc/net/psched` that turns times into the
//! kernel's ticks, and the rate tables (`TCA_HTB_RTAB`, `TCA_TBF_RTAB`, …)
//! computed as `tc_calc_rtable` computes them.

use crate::ipjson::float_gp;

/// `TIME_UNITS_PER_SEC`: tc's times are microseconds.
pub const TIME_UNITS_PER_SEC: f64 = 1_000_000.0;

/// `TC_LINKLAYER_ETHERNET`.
pub const LINKLAYER_ETHERNET: u8 = 1;
/// `TC_LINKLAYER_ATM`.
pub const LINKLAYER_ATM: u8 = 2;
/// `TC_LINKLAYER_MASK`.
pub const LINKLAYER_MASK: u8 = 0x0f;

/// The longest prefix of `s` that C's `strtod` reads as a decimal number,
/// its value and the rest (`None` when there is no number).
fn strtod(s: &str) -> Option<(f64, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    i += int;
    let mut frac = 0;
    if b.get(i) == Some(&b'.') {
        frac = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if int + frac > 0 {
            i += 1 + frac;
        }
    }
    if int + frac == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let digits = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 {
            i = j + digits;
        }
    }
    Some((s[..i].parse().ok()?, &s[i..]))
}

/// The rate suffixes of tc (`lib/utils_math.c`), matched ignoring case,
/// and their bits.
const RATE_SUFFIXES: &[(&str, f64)] = &[
    ("bit", 1.),
    ("Kibit", 1024.),
    ("kbit", 1000.),
    ("mibit", 1024. * 1024.),
    ("mbit", 1_000_000.),
    ("gibit", 1024. * 1024. * 1024.),
    ("gbit", 1_000_000_000.),
    ("tibit", 1024. * 1024. * 1024. * 1024.),
    ("tbit", 1_000_000_000_000.),
    ("Bps", 8.),
    ("KiBps", 8. * 1024.),
    ("KBps", 8000.),
    ("MiBps", 8. * 1024. * 1024.),
    ("MBps", 8_000_000.),
    ("GiBps", 8. * 1024. * 1024. * 1024.),
    ("GBps", 8_000_000_000.),
    ("TiBps", 8. * 1024. * 1024. * 1024. * 1024.),
    ("TBps", 8_000_000_000_000.),
];

/// `get_rate64`: a rate (`10mbit`, `1.5Gbit`, `100KBps`; a bare number is
/// bits per second) in bytes per second.
pub fn parse_rate64(s: &str) -> Option<u64> {
    let (mut bps, rest) = strtod(s)?;
    if !rest.is_empty() {
        let (_, scale) = RATE_SUFFIXES.iter().find(|(n, _)| n.eq_ignore_ascii_case(rest))?;
        bps *= scale;
    }
    if bps < 0.0 {
        return None;
    }
    Some((bps / 8.0) as u64)
}

/// `get_size`: a size (`32kb`, `1.5m`, `1600`, `2mbit`) in bytes.
pub fn parse_size(s: &str) -> Option<u32> {
    let (mut sz, rest) = strtod(s)?;
    let is = |w: &str| rest.eq_ignore_ascii_case(w);
    if !rest.is_empty() {
        sz *= if is("kb") || is("k") {
            1024.
        } else if is("gb") || is("g") {
            1024. * 1024. * 1024.
        } else if is("gbit") {
            1024. * 1024. * 1024. / 8.
        } else if is("mb") || is("m") {
            1024. * 1024.
        } else if is("mbit") {
            1024. * 1024. / 8.
        } else if is("kbit") {
            1024. / 8.
        } else if is("b") {
            1.
        } else {
            return None;
        };
    }
    // tc's overflow check: the value must survive the conversion
    if !(0.0..=f64::from(u32::MAX)).contains(&sz.floor()) {
        return None;
    }
    Some(sz as u32)
}

/// `get_size_and_cell`: `SIZE[/CELL]`, the cell a power of two (its log).
pub fn parse_size_and_cell(s: &str) -> Option<(u32, Option<u8>)> {
    let Some((size, cell)) = s.split_once('/') else {
        return Some((parse_size(s)?, None));
    };
    let size = parse_size(size)?;
    let cell: u32 = crate::route::parse_u32(cell, "cell").ok()?;
    (0..32u8).find(|&i| 1u32 << i == cell).map(|log| (size, Some(log)))
}

/// `get_time`: a time (`400ms`, `1s`, `10us`; a bare number is
/// microseconds) in microseconds.
pub fn parse_time(s: &str) -> Option<u32> {
    let (mut t, rest) = strtod(s)?;
    let any = |ws: &[&str]| ws.iter().any(|w| rest.eq_ignore_ascii_case(w));
    if !rest.is_empty() {
        t *= if any(&["s", "sec", "secs"]) {
            TIME_UNITS_PER_SEC
        } else if any(&["ms", "msec", "msecs"]) {
            TIME_UNITS_PER_SEC / 1000.
        } else if any(&["us", "usec", "usecs"]) {
            TIME_UNITS_PER_SEC / 1_000_000.
        } else {
            return None;
        };
    }
    Some(t as u32)
}

/// `get_linklayer`: `ethernet`, `atm` or `adsl` (any prefix).
pub fn parse_linklayer(s: &str) -> Option<u8> {
    let m = |w: &str| crate::matches(s, w);
    if m("ethernet") {
        Some(LINKLAYER_ETHERNET)
    } else if m("atm") || m("adsl") {
        Some(LINKLAYER_ATM)
    } else {
        None
    }
}

/// `sprint_linklayer`.
pub fn linklayer_name(l: u8) -> &'static str {
    match l {
        0 => "unspec",
        LINKLAYER_ETHERNET => "ethernet",
        LINKLAYER_ATM => "atm",
        _ => "unknown",
    }
}

/// `tc_print_rate` (SI units): `rate` bytes per second as `10Mbit`.
pub fn rate(rate: u64) -> String {
    const UNITS: [&str; 5] = ["", "K", "M", "G", "T"];
    let kilo = 1000u64;
    let mut r = rate.wrapping_shl(3);
    let mut i = 0;
    while i < UNITS.len() - 1 {
        if r < kilo || (!r.is_multiple_of(kilo) && r < 1000 * kilo) {
            break;
        }
        r /= kilo;
        i += 1;
    }
    format!("{:.0}{}bit", r as f64, UNITS[i])
}

/// `sprint_size`: `sz` bytes as `1600b`, `15Kb`, `2Mb`.
pub fn size(sz: u32) -> String {
    let (kilo, mega) = (1024.0f64, 1024.0f64 * 1024.0);
    let t = f64::from(sz);
    if t >= mega && (mega * (t / mega).round_ties_even() - t).abs() < 1024.0 {
        format!("{}Mb", float_gp((t / mega).round_ties_even(), 6))
    } else if t >= kilo && (kilo * (t / kilo).round_ties_even() - t).abs() < 16.0 {
        format!("{}Kb", float_gp((t / kilo).round_ties_even(), 6))
    } else {
        format!("{sz}b")
    }
}

/// `sprint_time`: `t` microseconds as `400ms`, `1.5s`, `10us`.
pub fn time(t: u32) -> String {
    let x = f64::from(t);
    if x >= TIME_UNITS_PER_SEC {
        format!("{}s", float_gp(x / TIME_UNITS_PER_SEC, 3))
    } else if x >= TIME_UNITS_PER_SEC / 1000. {
        format!("{}ms", float_gp(x / (TIME_UNITS_PER_SEC / 1000.), 3))
    } else {
        format!("{t}us")
    }
}

/// `sprint_time64`: `t` nanoseconds as `1.5s`, `10ms`, `40us`, `500ns`.
pub fn time64(t: i64) -> String {
    let x = t as f64;
    if t >= 1_000_000_000 {
        format!("{}s", float_gp(x / 1e9, 3))
    } else if t >= 1_000_000 {
        format!("{}ms", float_gp(x / 1e6, 3))
    } else if t >= 1_000 {
        format!("{}us", float_gp(x / 1e3, 3))
    } else {
        format!("{t}ns")
    }
}

/// The packet scheduler's clock (`/proc/net/psched`, as `tc_core_init`
/// and `get_hz` read it): kernel ticks per microsecond and the timer
/// frequency.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    /// `tick_in_usec`.
    pub tick_in_usec: f64,
    /// `get_hz()`.
    pub hz: u32,
}

impl Clock {
    /// From `/proc/net/psched`'s four hex words.
    pub fn from_psched(text: &str) -> Option<Self> {
        let w: Vec<u32> = text.split_whitespace().map(|x| u32::from_str_radix(x, 16).ok()).collect::<Option<_>>()?;
        let [t2us, us2t, clock_res, denom] = w[..] else { return None };
        let t2us = if clock_res == 1_000_000_000 { us2t } else { t2us };
        if us2t == 0 {
            return None;
        }
        let clock_factor = f64::from(clock_res) / TIME_UNITS_PER_SEC;
        let hz = if clock_res == 1_000_000 && denom != 0 { denom } else { 100 };
        Some(Clock { tick_in_usec: f64::from(t2us) / f64::from(us2t) * clock_factor, hz })
    }
    /// This host's (as tc defaults when the file cannot be read: a tick a
    /// microsecond, `HZ` 100).
    pub fn host() -> Self {
        std::fs::read_to_string("/proc/net/psched")
            .ok()
            .and_then(|t| Self::from_psched(&t))
            .unwrap_or(Clock { tick_in_usec: 1.0, hz: 100 })
    }
    /// `tc_core_time2tick`.
    pub fn time2tick(&self, t: u32) -> u32 {
        (f64::from(t) * self.tick_in_usec) as u32
    }
    /// `tc_core_tick2time`.
    pub fn tick2time(&self, tick: u32) -> u32 {
        (f64::from(tick) / self.tick_in_usec) as u32
    }
    /// `tc_calc_xmittime`: the ticks `size` bytes take at `rate` bytes/s.
    pub fn xmittime(&self, rate: u64, size: u32) -> u32 {
        self.time2tick((TIME_UNITS_PER_SEC * (f64::from(size) / rate as f64)) as u32)
    }
    /// `tc_calc_xmitsize`: the bytes sent at `rate` in `ticks`.
    pub fn xmitsize(&self, rate: u64, ticks: u32) -> u32 {
        ((rate as f64 * f64::from(self.tick2time(ticks))) / TIME_UNITS_PER_SEC) as u32
    }
    /// `tc_calc_rtable`: the table of 256 transmit times for packet sizes
    /// `(i + 1) << cell_log` at `rate` (`cell_log` chosen from `mtu` when
    /// not given, `mtu` 0 meaning 2047), and the cell log used.
    pub fn rtable(&self, rate: u64, mpu: u16, cell_log: Option<u8>, mtu: u32, linklayer: u8) -> ([u32; 256], u8) {
        let mtu = if mtu == 0 { 2047 } else { mtu };
        let cell_log = cell_log.unwrap_or_else(|| {
            let mut c = 0u8;
            while c < 31 && (mtu >> c) > 255 {
                c += 1;
            }
            c
        });
        let mut t = [0u32; 256];
        for (i, x) in t.iter_mut().enumerate() {
            let mut sz = ((i as u32) + 1).wrapping_shl(u32::from(cell_log)).max(u32::from(mpu));
            if linklayer == LINKLAYER_ATM {
                sz = sz.div_ceil(48) * 53;
            }
            *x = self.xmittime(rate, sz);
        }
        (t, cell_log)
    }
}

/// A table of `u32`s as the bytes of an attribute (native order).
pub fn table_bytes(t: &[u32]) -> Vec<u8> {
    t.iter().flat_map(|x| x.to_ne_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_sizes_and_times_parse_and_print_as_tc_does() {
        assert_eq!(parse_rate64("1mbit"), Some(125_000));
        assert_eq!(parse_rate64("10Mbit"), Some(1_250_000));
        assert_eq!(parse_rate64("100KBps"), Some(100_000));
        assert_eq!(parse_rate64("8"), Some(1));
        assert_eq!(parse_rate64("1.5gbit"), Some(187_500_000));
        assert_eq!(parse_rate64("1kibit"), Some(128));
        assert_eq!(parse_rate64("mbit"), None);
        assert_eq!(parse_rate64("1mbits"), None);
        assert_eq!(parse_size("32kb"), Some(32768));
        assert_eq!(parse_size("15k"), Some(15360));
        assert_eq!(parse_size("1600"), Some(1600));
        assert_eq!(parse_size("1.5m"), Some(1_572_864));
        assert_eq!(parse_size("1kbit"), Some(128));
        assert_eq!(parse_size("5gb"), None);
        assert_eq!(parse_size("1x"), None);
        assert_eq!(parse_size_and_cell("1600/8"), Some((1600, Some(3))));
        assert_eq!(parse_size_and_cell("1600/7"), None);
        assert_eq!(parse_time("400ms"), Some(400_000));
        assert_eq!(parse_time("1s"), Some(1_000_000));
        assert_eq!(parse_time("10"), Some(10));
        assert_eq!(parse_time("1h"), None);
        assert_eq!(rate(125_000), "1Mbit");
        assert_eq!(rate(1_250_000), "10Mbit");
        assert_eq!(rate(312_500), "2500Kbit");
        assert_eq!(rate(12), "96bit");
        assert_eq!(rate(1_000_000_000_000), "8Tbit");
        assert_eq!(size(1600), "1600b");
        assert_eq!(size(15360), "15Kb");
        assert_eq!(size(32768), "32Kb");
        assert_eq!(size(2 * 1024 * 1024 + 100), "2Mb");
        assert_eq!(size(0), "0b");
        assert_eq!(time(400_000), "400ms");
        assert_eq!(time(1_500_000), "1.5s");
        assert_eq!(time(999), "999us");
        assert_eq!(time(12_345), "12.3ms");
    }

    #[test]
    fn the_clock_and_the_rate_table_follow_tc_core() {
        // this VM's /proc/net/psched: 64 ns ticks, a 1 ns timer
        let c = Clock::from_psched("000003e8 00000040 000f4240 3b9aca00\n").unwrap();
        assert_eq!((c.tick_in_usec, c.hz), (15.625, 1_000_000_000));
        // htb's default burst for 5mbit is 1600 bytes: 2560 us, the
        // 40000 tokens tc -s shows for such a class
        assert_eq!(c.xmittime(625_000, 1600), 40_000);
        assert_eq!(c.xmitsize(625_000, 40_000), 1600);
        let (t, log) = c.rtable(625_000, 0, None, 1600, LINKLAYER_ETHERNET);
        assert_eq!(log, 3);
        assert_eq!((t[0], t[255]), (c.xmittime(625_000, 8), c.xmittime(625_000, 2048)));
        let (t, _) = c.rtable(625_000, 0, Some(0), 0, LINKLAYER_ATM);
        assert_eq!(t[0], c.xmittime(625_000, 53));
        assert!(Clock::from_psched("1 2").is_none());
    }
}
