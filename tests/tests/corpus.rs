//! The golden corpus from other kernels (testdata/kernels/, made by
//! testdata/kernels/regen.sh under qemu): every message of every kernel's
//! capture decodes with no error and re-encodes byte for byte in its own byte
//! order; decoded strictly, no attribute and no kind is unknown; and the decoded values
//! agree with the guest's own `ip -j` views of the same state.
//!
//! Comparing with iproute2 is table driven: each typed family adds one
//! [`View`] mapping its messages and `ip -j` objects to rows of shared fields.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rtnl_core::addr::AddrAttr;
use rtnl_core::link::{LinkAttr, LinkInfoAttr};
use rtnl_core::message::{Message, RtnlMessage};
use rtnl_core::neigh;
use rtnl_core::net::Address;
use rtnl_core::route::{Encap, LwtIpAttr, MplsIptunnelAttr, RouteAttr, RouteTable, RouteType, Seg6IptunnelAttr};
use rtnl_core::typed::AttrSet;
use rtnl_core::wire::{BigEndian, ByteOrder, LittleEndian, Messages};
use rtnl_tests::testdata;
use serde_json::Value;

struct Corpus {
    name: String,
    dir: PathBuf,
    big: bool,
    kernel: String,
}

/// The kernels' captures (testdata/kernels/*, made under qemu) and this
/// machine's (testdata/host-links, host-l3 and host-tc, made by
/// testdata/capture-links.sh, capture-l3.sh and capture-tc.sh).
fn corpora() -> Vec<Corpus> {
    let root = testdata().join("kernels");
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(&root).map(|rd| rd.flatten().map(|e| e.path()).collect::<Vec<_>>()).unwrap_or_default();
    dirs.push(testdata().join("host-links"));
    dirs.push(testdata().join("host-l3"));
    dirs.push(testdata().join("host-tc"));
    let mut v: Vec<Corpus> = dirs
        .into_iter()
        .filter(|p| p.join("manifest.json").exists())
        .map(|dir| {
            let m: Value = serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
            Corpus {
                name: m["name"].as_str().unwrap().to_owned(),
                big: m["byte_order"] == "big",
                kernel: m["kernel"].as_str().unwrap().to_owned(),
                dir,
            }
        })
        .collect();
    v.sort_by(|a, b| a.name.cmp(&b.name));
    v
}

fn bins(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "bin"))
        .collect();
    v.sort();
    v
}

#[test]
fn corpus_covers_seven_kernels_in_both_byte_orders() {
    let c = corpora();
    let names: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
    for want in ["5.10-amd64", "6.1-amd64", "6.1-s390x", "6.12-amd64", "6.12-s390x", "7.2-amd64", "7.2-s390x"] {
        assert!(names.contains(&want), "no capture for {want}: {names:?}");
    }
    assert!(c.iter().any(|c| c.big) && c.iter().any(|c| !c.big));
}

fn check_file<O: ByteOrder>(c: &Corpus, f: &Path) -> usize {
    let data = std::fs::read(f).unwrap();
    let mut n = 0;
    for m in Messages::<O>::with_order(&data) {
        let raw = m.unwrap_or_else(|e| panic!("{}/{}: {e}", c.name, f.display()));
        let msg = Message::decode(raw);
        assert_eq!(msg.first_error(), None, "{}: {} at byte {}", c.name, f.display(), raw.offset());
        // strictly decoded, no attribute and no kind is unknown, at any depth
        let strict = Message::decode_strict(raw);
        if let Some(e) = strict.first_error() {
            let mut path = Vec::new();
            strict.locate(e.offset, &mut |p| path.push(p.to_string()));
            panic!("{} ({}): {} byte {}: {e} at {}", c.name, c.kernel, f.display(), e.offset, path.join("/"));
        }
        n += 1;
    }
    n
}

#[test]
fn every_message_decodes_and_reencodes_byte_exact_in_its_own_byte_order() {
    let mut total = 0;
    for c in corpora() {
        for f in bins(&c.dir) {
            total += if c.big { check_file::<BigEndian>(&c, &f) } else { check_file::<LittleEndian>(&c, &f) };
        }
    }
    assert!(total > 1000, "only {total} messages in the corpus");
}

/// The one-pass statistics view of every qdisc and class message, against
/// the full typed decode of the same message: the same kind and the same
/// statistics, the extended ones typed alike. Returns how many messages
/// held each of (basic counters, queue, extended statistics typed by kind).
/// `Some(v)` when `opt` holds a value matching `pat`.
macro_rules! pick {
    ($opt:expr, $pat:pat => $v:expr) => {
        match $opt {
            Some($pat) => Some($v),
            _ => None,
        }
    };
}

fn poll_file<O: ByteOrder>(c: &Corpus, f: &Path) -> [usize; 3] {
    use rtnl_core::tc::{
        AppStats, TcAttr, TcMessage, TcXstats, RTM_NEWQDISC, RTM_NEWTCLASS, TCA_STATS, TCA_STATS2, TCA_XSTATS,
    };
    let data = std::fs::read(f).unwrap();
    let mut seen = [0; 3];
    for m in Messages::<O>::with_order(&data).flatten() {
        if m.ty() != RTM_NEWQDISC && m.ty() != RTM_NEWTCLASS {
            continue;
        }
        let t = TcMessage::<O>::parse(&m).unwrap();
        let at = format!("{} {} at byte {}", c.name, f.display(), m.offset());
        let s = t.statistics().unwrap_or_else(|e| panic!("{at}: {e}"));
        assert_eq!(s.kind(), t.kind(), "{at}");
        let stats = pick!(t.find(TCA_STATS), TcAttr::Stats(g) => g.bytes());
        assert_eq!(s.stats().map(|g| g.bytes()), stats, "{at}");
        let xstats = pick!(t.find(TCA_XSTATS), TcAttr::Xstats(x) => x);
        assert_eq!(s.xstats().map(Result::unwrap), xstats, "{at}");
        if matches!(xstats, Some(TcXstats::Qdisc(_) | TcXstats::Class(_))) {
            seen[2] += 1;
        }
        let nest = pick!(t.find(TCA_STATS2), TcAttr::Stats2(n) => n);
        let find = |id| nest.as_ref().and_then(|n| n.find(id));
        use rtnl_core::tc::stats::*;
        let basic = pick!(find(TCA_STATS_BASIC), StatsAttr::Basic(g) => g.bytes());
        assert_eq!(s.basic().map(|g| g.bytes()), basic, "{at}");
        let basic_hw = pick!(find(TCA_STATS_BASIC_HW), StatsAttr::BasicHw(g) => g.bytes());
        assert_eq!(s.basic_hw().map(|g| g.bytes()), basic_hw, "{at}");
        let queue = pick!(find(TCA_STATS_QUEUE), StatsAttr::Queue(q) => q);
        assert_eq!(s.queue(), queue, "{at}");
        let rate = pick!(find(TCA_STATS_RATE_EST), StatsAttr::RateEst(r) => r);
        assert_eq!(s.rate_est(), rate, "{at}");
        let rate64 = pick!(find(TCA_STATS_RATE_EST64), StatsAttr::RateEst64(r) => r);
        assert_eq!(s.rate_est64(), rate64, "{at}");
        let pkt64 = pick!(find(TCA_STATS_PKT64), StatsAttr::Pkt64(v) => v);
        assert_eq!(s.pkt64(), pkt64, "{at}");
        let app = pick!(find(TCA_STATS_APP), StatsAttr::App(AppStats(x)) => x);
        assert_eq!(s.app().map(Result::unwrap), app, "{at}");
        seen[0] += usize::from(basic.is_some());
        seen[1] += usize::from(queue.is_some());
    }
    seen
}

#[test]
fn the_statistics_view_agrees_with_the_typed_decode_on_every_qdisc_and_class() {
    let mut seen = [0; 3];
    for c in corpora() {
        for f in bins(&c.dir) {
            let s = if c.big { poll_file::<BigEndian>(&c, &f) } else { poll_file::<LittleEndian>(&c, &f) };
            seen.iter_mut().zip(s).for_each(|(a, b)| *a += b);
        }
    }
    // basic counters, queues and kinds' extended statistics were compared
    assert!(seen.iter().all(|&n| n >= 20), "too little compared: {seen:?}");
    eprintln!("compared: {seen:?}");
}

// ---- comparison with iproute2's views ----

type Row = BTreeMap<&'static str, String>;

/// One family's mapping: which capture and which `ip -j` file hold the same
/// objects, and how each side becomes rows of shared fields.
struct View {
    capture: &'static [&'static str],
    json: &'static str,
    /// Rows from the capture files, in the corpus's byte order: `rows_of::<F>`.
    rows: fn(&Corpus, &[&str]) -> Vec<Row>,
    from_json: fn(&Value) -> Vec<Row>,
}

/// A typed family's mapping from a decoded message to a row.
trait Mapping {
    fn row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row>;
}

struct Links;
impl Mapping for Links {
    fn row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row> {
        link_row(m, names)
    }
}

/// The fields of a link that `ip -j -d link show` prints in the same form.
fn link_row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row> {
    let RtnlMessage::Link(l) = m.body() else { return None };
    let h = l.header();
    let mut row = Row::new();
    row.insert("ifindex", h.ifi_index.get().to_string());
    row.insert("link_type", h.link_type().to_string());
    let ether = h.link_type() == rtnl_core::link::LinkType::ETHER;
    for a in l.attrs().flatten() {
        let (k, v) = match a {
            LinkAttr::Ifname(n) => ("ifname", n.to_owned()),
            LinkAttr::Mtu(v) => ("mtu", v.to_string()),
            LinkAttr::Txqlen(v) => ("txqlen", v.to_string()),
            LinkAttr::MinMtu(v) => ("min_mtu", v.to_string()),
            LinkAttr::MaxMtu(v) => ("max_mtu", v.to_string()),
            LinkAttr::NumTxQueues(v) => ("num_tx_queues", v.to_string()),
            LinkAttr::NumRxQueues(v) => ("num_rx_queues", v.to_string()),
            LinkAttr::GsoMaxSize(v) => ("gso_max_size", v.to_string()),
            LinkAttr::GsoMaxSegs(v) => ("gso_max_segs", v.to_string()),
            LinkAttr::Promiscuity(v) => ("promiscuity", v.to_string()),
            LinkAttr::Qdisc(q) => ("qdisc", q.to_owned()),
            LinkAttr::Master(i) => ("master", names.get(&i).cloned().unwrap_or_default()),
            LinkAttr::Operstate(o) => (
                "operstate",
                ["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"]
                    .get(usize::from(o))
                    .map(|s| (*s).to_owned())
                    .unwrap_or_else(|| o.to_string()),
            ),
            LinkAttr::Address(b) if ether => {
                ("address", b.0.iter().map(|x| format!("{x:02x}")).collect::<Vec<_>>().join(":"))
            }
            LinkAttr::Linkinfo(n) => {
                for i in n.iter().flatten() {
                    match i {
                        LinkInfoAttr::Kind(k) => _ = row.insert("info_kind", k.to_owned()),
                        LinkInfoAttr::SlaveKind(k) => _ = row.insert("info_slave_kind", k.to_owned()),
                        _ => {}
                    }
                }
                continue;
            }
            _ => continue,
        };
        row.insert(k, v);
    }
    Some(row)
}

fn link_json(v: &Value) -> Option<Row> {
    let mut row = Row::new();
    for k in [
        "ifindex",
        "ifname",
        "mtu",
        "link_type",
        "txqlen",
        "min_mtu",
        "max_mtu",
        "num_tx_queues",
        "num_rx_queues",
        "gso_max_size",
        "gso_max_segs",
        "promiscuity",
        "qdisc",
        "master",
        "operstate",
    ] {
        if let Some(x) = v.get(k).filter(|x| !x.is_null()) {
            row.insert(k, s(x));
        }
    }
    if v["link_type"] == "ether" {
        if let Some(a) = v.get("address") {
            row.insert("address", s(a));
        }
    }
    let info = &v["linkinfo"];
    for (k, j) in [("info_kind", "info_kind"), ("info_slave_kind", "info_slave_kind")] {
        if let Some(x) = info.get(j).filter(|x| !x.is_null()) {
            row.insert(k, s(x));
        }
    }
    Some(row)
}

struct Addrs;
impl Mapping for Addrs {
    fn row<O: ByteOrder>(m: &Message<'_, O>, _: &Names) -> Option<Row> {
        addr_row(m)
    }
}

/// The lifetime `ip` prints as `forever` (kept in the rows only then: a
/// finite one runs down between the capture and `ip -j`).
const FOREVER: u32 = u32::MAX;

/// The fields of an address that `ip -j addr show` prints in the same form.
fn addr_row<O: ByteOrder>(m: &Message<'_, O>) -> Option<Row> {
    let RtnlMessage::Addr(a) = m.body() else { return None };
    if m.ty() != rtnl_core::addr::RTM_NEWADDR {
        return None;
    }
    let h = a.header();
    let family = h.ifa_family;
    let mut row = Row::new();
    row.insert("ifindex", h.ifa_index.get().to_string());
    row.insert("family", if family == 2 { "inet" } else { "inet6" }.into());
    row.insert("prefixlen", h.ifa_prefixlen.to_string());
    let scope = match h.ifa_scope {
        0 => "global".to_owned(),
        200 => "site".into(),
        253 => "link".into(),
        254 => "host".into(),
        n => n.to_string(),
    };
    row.insert("scope", scope);
    let local = a.address()?;
    row.insert("local", addr(&local));
    for x in a.attrs().flatten() {
        match x {
            // a point-to-point peer: IFA_ADDRESS other than IFA_LOCAL
            AddrAttr::Address(p) if p != local => _ = row.insert("address", addr(&p)),
            AddrAttr::RtPriority(m) => _ = row.insert("metric", m.to_string()),
            AddrAttr::Broadcast(b) => _ = row.insert("broadcast", addr(&b)),
            AddrAttr::Label(l) if family == 2 => _ = row.insert("label", l.to_owned()),
            AddrAttr::Proto(p) if p.0 != 0 => _ = row.insert("protocol", p.to_string()),
            AddrAttr::CacheInfo(c) => {
                for (k, v) in [("valid_life_time", c.ifa_valid.get()), ("preferred_life_time", c.ifa_prefered.get())] {
                    if v == FOREVER {
                        row.insert(k, v.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    let flags = a.flags();
    if !flags.has(rtnl_core::addr::IfaFlags::PERMANENT) {
        row.insert("dynamic", "true".into());
    }
    for (_, word) in flags.words(family).filter(|(k, _)| *k != "IFA_F_PERMANENT") {
        row.insert(word, "true".into());
    }
    Some(row)
}

/// One row per entry of each link's `addr_info`.
fn addr_json(link: &Value) -> Vec<Row> {
    let mut rows = Vec::new();
    for a in link["addr_info"].as_array().into_iter().flatten() {
        let mut row = Row::new();
        row.insert("ifindex", s(&link["ifindex"]));
        for (k, v) in a.as_object().into_iter().flatten() {
            let k: &'static str = match k.as_str() {
                "valid_life_time" | "preferred_life_time" if v.as_u64() != Some(FOREVER.into()) => continue,
                k => Box::leak(k.to_owned().into_boxed_str()),
            };
            row.insert(k, s(v));
        }
        rows.push(row);
    }
    rows
}

struct Neighs;
impl Mapping for Neighs {
    fn row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row> {
        neigh_row(m, names)
    }
}

/// The fields of a neighbour that `ip -j neigh show` prints, for the
/// entries it prints (any state but `noarp` or none, or a proxy or
/// externally learned entry).
fn neigh_row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row> {
    use neigh::{NtfExtFlags, NtfFlags, NudState};
    let RtnlMessage::Neigh(n) = m.body() else { return None };
    let h = n.header();
    let (state, flags) = (h.state(), h.flags());
    let shown = u32::from(0xff & !NudState::NOARP);
    if u32::from(state.0) & shown == 0 && !flags.has(NtfFlags::PROXY) && !flags.has(NtfFlags::EXT_LEARNED) {
        return None;
    }
    let mut row = Row::new();
    if let Some(d) = n.destination() {
        row.insert("dst", addr(&d));
    }
    let index = u32::try_from(h.ndm_ifindex.get()).ok()?;
    row.insert("dev", names.get(&index).cloned().unwrap_or_else(|| format!("if{index}")));
    if let Some(l) = n.lladdr() {
        row.insert("lladdr", l.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":"));
    }
    for (set, key) in [
        (flags.has(NtfFlags::ROUTER), "router"),
        (flags.has(NtfFlags::PROXY), "proxy"),
        (n.flags_ext().has(NtfExtFlags::MANAGED), "managed"),
        (flags.has(NtfFlags::EXT_LEARNED), "extern_learn"),
        (flags.has(NtfFlags::OFFLOADED), "offload"),
    ] {
        if set {
            row.insert(key, String::new());
        }
    }
    if state.0 != 0 {
        let words: Vec<String> = state.names().map(|(_, w)| format!("\"{}\"", w.to_ascii_uppercase())).collect();
        row.insert("state", format!("[{}]", words.join(",")));
    }
    for a in n.attrs().flatten() {
        if let neigh::NeighAttr::Protocol(p) = a {
            if p.0 != 0 {
                row.insert("protocol", p.to_string());
            }
        }
    }
    neigh_stable(row)
}

/// A neighbour row as it stays between the capture and `ip -j`: entries
/// being resolved (incomplete, failed) come and go, and a resolved
/// entry's state moves on (reachable, stale, delay, probe) while its
/// address and flags stay; a permanent or noarp entry stays whole.
fn neigh_stable(mut row: Row) -> Option<Row> {
    let st = row.get("state").cloned().unwrap_or_default();
    if st.contains("INCOMPLETE") || st.contains("FAILED") {
        return None;
    }
    if !st.contains("PERMANENT") && !st.contains("NOARP") {
        row.insert("state", "resolved".into());
    }
    Some(row)
}

struct Fdb;
impl Mapping for Fdb {
    fn row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row> {
        fdb_row(m, names)
    }
}

/// The fields of a bridge FDB entry that `bridge -j fdb show` prints in
/// the same form; learned entries (state reachable) come and go with
/// traffic and are left out on both sides.
fn fdb_row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row> {
    use neigh::{NtfFlags, NudState};
    let RtnlMessage::Neigh(n) = m.body() else { return None };
    let h = n.header();
    let name = |i: u32| names.get(&i).cloned().unwrap_or_else(|| format!("if{i}"));
    let mut row = Row::new();
    row.insert("ifname", name(u32::try_from(h.ndm_ifindex.get()).ok()?));
    let st = h.state();
    let state = if st.has(NudState::PERMANENT) {
        "permanent".to_owned()
    } else if st.has(NudState::NOARP) {
        "static".into()
    } else if st.has(NudState::STALE) {
        "stale".into()
    } else if st.has(NudState::REACHABLE) {
        return None;
    } else {
        format!("{:#x}", st.0)
    };
    row.insert("state", state);
    let f = h.flags();
    let words: Vec<String> = [
        (NtfFlags::SELF, "self"),
        (NtfFlags::ROUTER, "router"),
        (NtfFlags::EXT_LEARNED, "extern_learn"),
        (NtfFlags::OFFLOADED, "offload"),
        (NtfFlags::MASTER, "master"),
        (NtfFlags::STICKY, "sticky"),
    ]
    .iter()
    .filter(|(b, _)| f.has(*b))
    .map(|(_, w)| format!("\"{w}\""))
    .collect();
    row.insert("flags", format!("[{}]", words.join(",")));
    for a in n.attrs().flatten() {
        match a {
            neigh::NeighAttr::Lladdr(b) => {
                row.insert("mac", b.0.iter().map(|x| format!("{x:02x}")).collect::<Vec<_>>().join(":"));
            }
            neigh::NeighAttr::Dst(d) => _ = row.insert("dst", addr(&d.0)),
            neigh::NeighAttr::Vlan(v) => _ = row.insert("vlan", v.to_string()),
            neigh::NeighAttr::Master(i) => _ = row.insert("master", name(i)),
            _ => {}
        }
    }
    Some(row)
}

fn fdb_json(v: &Value) -> Vec<Row> {
    let keep = ["mac", "ifname", "vlan", "dst", "flags", "master", "state"];
    let row: Row = v
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| keep.contains(&k.as_str()))
        .map(|(k, v)| (leak(k), s(v)))
        .collect();
    if row.get("state").is_some_and(String::is_empty) {
        return Vec::new();
    }
    vec![row]
}

struct Rules;
impl Mapping for Rules {
    fn row<O: ByteOrder>(m: &Message<'_, O>, _: &Names) -> Option<Row> {
        rule_row(m)
    }
}

/// The fields of a rule that `ip -j rule show` prints (`print_rule`), but
/// the IP protocol's name (from the guest's /etc/protocols) and the rule's
/// protocol (printed only with -d).
fn rule_row<O: ByteOrder>(m: &Message<'_, O>) -> Option<Row> {
    use rtnl_core::rule::{RuleAction, RuleAttr, RuleFlags};
    let RtnlMessage::Rule(r) = m.body() else { return None };
    let h = r.header();
    let host_len = if h.family == 10 { 128 } else { 32 };
    let mut row = Row::new();
    row.insert("priority", r.priority().to_string());
    let flags = h.flags();
    if flags.has(RuleFlags::INVERT) {
        row.insert("not", String::new());
    }
    let (mut src, mut dst) = (None, None);
    for a in r.attrs().flatten() {
        match a {
            RuleAttr::Src(x) => src = Some(addr(&x)),
            RuleAttr::Dst(x) => dst = Some(addr(&x)),
            RuleAttr::Fwmark(v) => _ = row.insert("fwmark", format!("{v:#x}")),
            RuleAttr::Fwmask(v) if v != 0xffff_ffff => _ = row.insert("fwmask", format!("{v:#x}")),
            RuleAttr::Iifname(n) => _ = row.insert("iif", n.to_owned()),
            RuleAttr::Oifname(n) => _ = row.insert("oif", n.to_owned()),
            RuleAttr::L3mdev(v) if v != 0 => _ = row.insert("l3mdev", String::new()),
            RuleAttr::UidRange(u) => {
                row.insert("uid_start", u.start.get().to_string());
                row.insert("uid_end", u.end.get().to_string());
            }
            RuleAttr::SportRange(p) | RuleAttr::DportRange(p) => {
                let k = if matches!(a, RuleAttr::SportRange(_)) { "sport" } else { "dport" };
                if p.start.get() == p.end.get() {
                    row.insert(leak(k), p.start.get().to_string());
                } else {
                    row.insert(leak(&format!("{k}_start")), p.start.get().to_string());
                    row.insert(leak(&format!("{k}_end")), p.end.get().to_string());
                }
            }
            RuleAttr::TunId(t) => _ = row.insert("tun_id", t.0.to_string()),
            // newer ip (the 7.2 guest's) prints the masks 7.x kernels send
            RuleAttr::SportMask(m) => _ = row.insert("sport_mask", format!("{m:#x}")),
            RuleAttr::DportMask(m) => _ = row.insert("dport_mask", format!("{m:#x}")),
            RuleAttr::Goto(g) => _ = row.insert("goto", g.to_string()),
            RuleAttr::Flow(f) => {
                if f >> 16 != 0 {
                    row.insert("flow_from", (f >> 16).to_string());
                }
                row.insert("flow_to", (f & 0xffff).to_string());
            }
            RuleAttr::SuppressPrefixlen(p) if p != u32::MAX => _ = row.insert("suppress_prefixlen", p.to_string()),
            _ => {}
        }
    }
    match src {
        Some(a) => {
            row.insert("src", a);
            if h.src_len != host_len {
                row.insert("srclen", h.src_len.to_string());
            }
        }
        None if h.src_len != 0 => {
            row.insert("src", "0".into());
            row.insert("srclen", h.src_len.to_string());
        }
        None => _ = row.insert("src", "all".into()),
    }
    match dst {
        Some(a) => {
            row.insert("dst", a);
            if h.dst_len != host_len {
                row.insert("dstlen", h.dst_len.to_string());
            }
        }
        None if h.dst_len != 0 => {
            row.insert("dst", "0".into());
            row.insert("dstlen", h.dst_len.to_string());
        }
        None => {}
    }
    if h.tos != 0 {
        row.insert("tos", format!("{:#x}", h.tos));
    }
    match r.table() {
        0 => {}
        253 => _ = row.insert("table", "default".into()),
        254 => _ = row.insert("table", "main".into()),
        255 => _ = row.insert("table", "local".into()),
        t => _ = row.insert("table", t.to_string()),
    }
    match h.action() {
        RuleAction::GOTO => {
            row.entry("goto").or_insert_with(|| "none".into());
        }
        RuleAction::NOP => _ = row.insert("nop", String::new()),
        RuleAction::TO_TBL => {}
        a => _ = row.insert("action", a.to_string()),
    }
    Some(row)
}

fn rule_json(v: &Value) -> Vec<Row> {
    let skip = ["ipproto", "protocol"];
    vec![v
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| !skip.contains(&k.as_str()))
        .map(|(k, v)| (leak(k), s(v)))
        .collect()]
}

struct Nexthops;
impl Mapping for Nexthops {
    fn row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row> {
        nexthop_row(m, names)
    }
}

/// The fields of a next hop that `ip -j nexthop show` prints
/// (`__print_nexthop_entry`), the group as `id*weight` joined by `/`, the
/// flags joined by `,`, the resilient group's timers in clock ticks.
fn nexthop_row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row> {
    use rtnl_core::nexthop::{GroupType, NexthopAttr, ResGroupAttr};
    let RtnlMessage::Nexthop(n) = m.body() else { return None };
    let h = n.header();
    let mut row = Row::new();
    row.insert("id", n.id().to_string());
    for a in n.attrs().flatten() {
        match a {
            NexthopAttr::Group(g) => {
                let ms: Vec<String> = g.iter().map(|m| format!("{}*{}", m.id.get(), m.weight())).collect();
                row.insert("group", ms.join("/"));
            }
            NexthopAttr::GroupType(t) if t != GroupType::MPATH => {
                row.insert("type", t.short_name().unwrap_or("<unknown type>").into());
            }
            NexthopAttr::ResGroup(r) => {
                for x in r.iter().flatten() {
                    let (k, v) = match x {
                        ResGroupAttr::Buckets(v) => ("buckets", u64::from(v)),
                        ResGroupAttr::IdleTimer(v) => ("idle_timer", u64::from(v)),
                        ResGroupAttr::UnbalancedTimer(v) => ("unbalanced_timer", u64::from(v)),
                        ResGroupAttr::UnbalancedTime(v) => ("unbalanced_time", v),
                        _ => continue,
                    };
                    row.insert(k, v.to_string());
                }
            }
            NexthopAttr::Encap(e) => encap_row(e.get(), &mut row),
            NexthopAttr::Gateway(g) => _ = row.insert("gateway", addr(&g)),
            NexthopAttr::Oif(i) => _ = row.insert("dev", names.get(&i).cloned().unwrap_or_default()),
            NexthopAttr::Blackhole(_) => _ = row.insert("blackhole", String::new()),
            NexthopAttr::Fdb(_) => _ = row.insert("fdb", String::new()),
            _ => {}
        }
    }
    if h.nh_scope != 0 {
        row.insert("scope", h.scope().to_string());
    }
    if h.nh_protocol != 0 {
        row.insert("protocol", h.protocol().to_string());
    }
    // iproute2 5.10 omits an empty list for groups and blackholes
    let fl: Vec<&str> = h.flags().names().map(|(_, short)| short).collect();
    if !fl.is_empty() {
        row.insert("flags", fl.join(","));
    }
    Some(row)
}

fn nexthop_json(v: &Value) -> Vec<Row> {
    let mut row = Row::new();
    encap_json(v, &mut row);
    // iproute2 6.1 prints an encap's fields among the next hop's (an ip
    // encap's "id" then replaces the next hop's: the capture gives both one
    // value)
    let encap_keys: &[&str] = if v["encap"].is_string() { &["src", "dst", "ttl", "tos", "mode", "segs"] } else { &[] };
    for (k, x) in v.as_object().unwrap() {
        match k.as_str() {
            k if encap_keys.contains(&k) || k == "encap" => {}
            "group" => {
                let ms: Vec<String> = x
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| format!("{}*{}", s(&m["id"]), m["weight"].as_u64().unwrap_or(1)))
                    .collect();
                row.insert("group", ms.join("/"));
            }
            "resilient_args" => {
                // printed in seconds; the kernel sends clock ticks (USER_HZ 100)
                for (k, t) in x.as_object().unwrap() {
                    let v =
                        if k == "buckets" { t.as_u64().unwrap() } else { (t.as_f64().unwrap() * 100.0).round() as u64 };
                    row.insert(leak(k), v.to_string());
                }
            }
            "flags" => {
                let fl: Vec<String> = x.as_array().unwrap().iter().map(s).collect();
                if !fl.is_empty() {
                    row.insert("flags", fl.join(","));
                }
            }
            _ => _ = row.insert(leak(k), s(x)),
        }
    }
    vec![row]
}

struct Mroutes;
impl Mapping for Mroutes {
    fn row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row> {
        mroute_row(m, names)
    }
}

/// The fields of a multicast cache entry that `ip -j mroute show` prints
/// (`print_mroute`): source, group, input device (or `unresolved`), the
/// output devices with their TTL thresholds above 1 (`oif` or `oif:ttl`,
/// joined by `,`), the state.
fn mroute_row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row> {
    let RtnlMessage::Route(r) = m.body() else { return None };
    let e = rtnl_core::mroute::MfcEntry::of(r)?;
    let mut row = Row::new();
    let a = |x: Option<Address<'_>>| x.map_or_else(|| "unknown".to_owned(), |x| addr(&x));
    row.insert("src", a(e.src));
    row.insert("dst", a(e.group));
    let iif = e.iif.filter(|&i| i != 0).map(|i| names.get(&i).cloned().unwrap_or_default());
    row.insert("iif", iif.unwrap_or_else(|| "unresolved".into()));
    if let Some(mp) = &e.oifs {
        let oifs: Vec<String> = mp
            .hops()
            .map_while(Result::ok)
            .map(|h| {
                let n = names.get(&(h.ifindex() as u32)).cloned().unwrap_or_default();
                if h.header.rtnh_hops > 1 {
                    format!("{n}:{}", h.header.rtnh_hops)
                } else {
                    n
                }
            })
            .collect();
        row.insert("multipath", oifs.join(","));
    }
    let unresolved = r.header().rtm_flags.get() & u32::from(rtnl_core::route::RTNH_F_UNRESOLVED) != 0;
    row.insert("state", if unresolved { "unresolved" } else { "resolved" }.into());
    Some(row)
}

fn mroute_json(v: &Value) -> Vec<Row> {
    let mut row = Row::new();
    for k in ["src", "dst", "iif", "state"] {
        row.insert(k, s(&v[k]));
    }
    if let Some(mp) = v["multipath"].as_array() {
        let oifs: Vec<String> = mp
            .iter()
            .map(|o| match o["ttl"].as_u64() {
                Some(t) => format!("{}:{t}", s(&o["oif"])),
                None => s(&o["oif"]),
            })
            .collect();
        row.insert("multipath", oifs.join(","));
    }
    vec![row]
}

struct Routes;
impl Mapping for Routes {
    fn row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row> {
        route_row(m, names)
    }
}

fn rows_in<O: ByteOrder, F: Mapping>(dir: &Path, files: &[&str]) -> Vec<Row> {
    let names = link_names::<O>(dir);
    let mut rows = Vec::new();
    for file in files {
        // a capture older guests did not make (route-ip6mr.bin)
        let Ok(data) = std::fs::read(dir.join(file)) else { continue };
        for m in Messages::<O>::with_order(&data).flatten() {
            rows.extend(F::row(&Message::decode(m), &names));
        }
    }
    rows
}

fn rows_of<F: Mapping>(c: &Corpus, files: &[&str]) -> Vec<Row> {
    if c.big {
        rows_in::<BigEndian, F>(&c.dir, files)
    } else {
        rows_in::<LittleEndian, F>(&c.dir, files)
    }
}

/// Interface names by index, from the corpus's link dump.
type Names = HashMap<u32, String>;

fn link_names<O: ByteOrder>(dir: &Path) -> Names {
    let data = std::fs::read(dir.join("link.bin")).unwrap();
    Messages::<O>::with_order(&data)
        .flatten()
        .filter_map(|m| rtnl_io::link_index_and_name(&Message::decode(m)).map(|(i, n)| (i, n.to_owned())))
        .collect()
}

fn addr(a: &Address<'_>) -> String {
    match a {
        Address::V4(a) => a.to_string(),
        Address::V6(a) => a.to_string(),
        Address::Mpls(l) => l.iter().map(|x| x.label.to_string()).collect::<Vec<_>>().join("/"),
        Address::Other(b) => format!("{b:02x?}"),
    }
}

fn route_row<O: ByteOrder>(m: &Message<'_, O>, names: &Names) -> Option<Row> {
    let RtnlMessage::Route(r) = m.body() else { return None };
    let h = r.header();
    if h.rtm_flags.get() & rtnl_core::route::RTM_F_CLONED != 0 {
        return None;
    }
    let host = match h.rtm_family {
        2 => 32,
        10 => 128,
        _ => 20,
    };
    let mut row = Row::new();
    let attrs: Vec<RouteAttr<'_, O>> = r.attrs().flatten().collect();
    for a in &attrs {
        if let RouteAttr::Encap(e) = a {
            encap_row(e, &mut row);
        }
    }
    let dst = attrs.iter().find_map(|a| if let RouteAttr::Dst(d) = a { Some(addr(d)) } else { None });
    let dst = match dst {
        Some(d) if h.rtm_dst_len == host || h.rtm_family == 28 => d,
        Some(d) => format!("{d}/{}", h.rtm_dst_len),
        None => "default".into(),
    };
    row.insert("dst", dst);
    let t = r.table();
    row.insert(
        "table",
        match t {
            RouteTable::MAIN | RouteTable::LOCAL | RouteTable::DEFAULT => t.to_string(),
            _ => t.0.to_string(),
        },
    );
    row.insert("type", h.kind().to_string());
    // iproute2 (6.1 and the guests' others) has no name for mrouted (17)
    // and ovn (84)
    let p = h.protocol();
    row.insert("protocol", if matches!(p.0, 17 | 84) { p.0.to_string() } else { p.to_string() });
    let mut gw = String::new();
    for a in &attrs {
        match a {
            RouteAttr::Gateway(g) => gw = addr(g),
            RouteAttr::Via(v) => gw = addr(&v.addr),
            RouteAttr::Oif(i) => {
                row.insert("dev", names.get(i).cloned().unwrap_or_else(|| format!("if{i}")));
            }
            RouteAttr::Priority(p) => {
                row.insert("metric", p.to_string());
            }
            RouteAttr::NewDst(l) => {
                row.insert("to", addr(&Address::Mpls(*l)));
            }
            RouteAttr::Multipath(mp) => {
                let hops: Vec<String> = mp
                    .hops()
                    .flatten()
                    .map(|hop| {
                        let g = hop
                            .attrs()
                            .flatten()
                            .find_map(|a| match a {
                                RouteAttr::Gateway(g) => Some(addr(&g)),
                                RouteAttr::Via(v) => Some(addr(&v.addr)),
                                _ => None,
                            })
                            .unwrap_or_default();
                        let dev = names.get(&(hop.ifindex() as u32)).cloned().unwrap_or_default();
                        format!("{g}@{dev}*{}", hop.weight())
                    })
                    .collect();
                row.insert("nexthops", hops.join(","));
            }
            _ => {}
        }
    }
    row.insert("gateway", gw);
    let _ = RouteType::UNICAST;
    Some(row)
}

/// The encapsulation's fields that `ip -j` shows for the corpus's routes
/// (MPLS labels; seg6 mode and segments, in ip's order).
fn encap_row<O: ByteOrder>(e: &Encap<'_, O>, row: &mut Row) {
    let ty = Encap::<'_, O>::kind_name(e.kind()).unwrap_or("?").trim_start_matches("LWTUNNEL_ENCAP_").to_lowercase();
    row.insert("encap", ty.replace('_', ""));
    match e {
        Encap::Mpls(n) => {
            if let Some(MplsIptunnelAttr::Dst(l)) = n.find(rtnl_core::route::MPLS_IPTUNNEL_DST) {
                row.insert("encap_dst", addr(&Address::Mpls(l)));
            }
        }
        Encap::Seg6(n) => {
            if let Some(Seg6IptunnelAttr::Srh(x)) = n.find(rtnl_core::route::SEG6_IPTUNNEL_SRH) {
                row.insert("encap_mode", x.mode.to_string());
                let segs: Vec<String> = x.srh.segments().map(|a| a.to_string()).collect();
                row.insert("encap_segs", segs.into_iter().rev().collect::<Vec<_>>().join(","));
            }
        }
        Encap::Ip(n) => {
            for a in n.iter().flatten() {
                let (k, v) = match a {
                    LwtIpAttr::Src(x) => ("encap_src", x.to_string()),
                    LwtIpAttr::Dst(x) => ("encap_dst", x.to_string()),
                    LwtIpAttr::Ttl(x) => ("encap_ttl", x.to_string()),
                    LwtIpAttr::Tos(x) => ("encap_tos", x.to_string()),
                    _ => continue,
                };
                row.insert(k, v);
            }
        }
        _ => {}
    }
}

/// The encapsulation of an `ip -j` object `v` (a route or a next hop): its
/// fields beside the object's (iproute2 6.1) or in an "encap" object.
fn encap_json(v: &Value, row: &mut Row) {
    let (e, ty) = match &v["encap"] {
        Value::Object(_) => (&v["encap"], s(&v["encap"]["encap_type"])),
        Value::String(t) => (v, t.clone()),
        _ => (&Value::Null, String::new()),
    };
    if !ty.is_empty() {
        row.insert("encap", ty.clone());
        if ty == "mpls" {
            row.insert("encap_dst", s(&e["dst"]));
        }
        if ty == "ip" {
            for k in ["src", "dst", "ttl", "tos"] {
                if !e[k].is_null() {
                    row.insert(leak(&format!("encap_{k}")), s(&e[k]));
                }
            }
        }
        if let Some(segs) = e["segs"].as_array() {
            row.insert("encap_mode", s(&e["mode"]));
            row.insert("encap_segs", segs.iter().map(s).collect::<Vec<_>>().join(","));
        }
    }
}

fn leak(k: &str) -> &'static str {
    Box::leak(k.to_owned().into_boxed_str())
}

fn s(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn route_json(v: &Value) -> Option<Row> {
    let mut row = Row::new();
    // iproute2 6.1 prints the encap's fields beside the route's (an MPLS
    // encap's "dst" then replaces the route's: see `flat_mpls`), newer
    // ones in an "encap" object
    encap_json(v, &mut row);
    row.insert("dst", s(&v["dst"]));
    row.insert("table", if v["table"].is_null() { "main".into() } else { s(&v["table"]) });
    row.insert("type", if v["type"].is_null() { "unicast".into() } else { s(&v["type"]) });
    row.insert("protocol", if v["protocol"].is_null() { "boot".into() } else { s(&v["protocol"]) });
    let gw = if !v["gateway"].is_null() { s(&v["gateway"]) } else { s(&v["via"]["host"]) };
    row.insert("gateway", gw);
    if !v["dev"].is_null() {
        row.insert("dev", s(&v["dev"]));
    }
    if !v["metric"].is_null() {
        row.insert("metric", s(&v["metric"]));
    }
    if !v["to"].is_null() {
        row.insert("to", s(&v["to"]));
    }
    if let Some(hops) = v["nexthops"].as_array() {
        let hops: Vec<String> = hops
            .iter()
            .map(|h| {
                let g = if !h["gateway"].is_null() { s(&h["gateway"]) } else { s(&h["via"]["host"]) };
                format!("{g}@{}*{}", s(&h["dev"]), h["weight"].as_u64().unwrap_or(1))
            })
            .collect();
        row.insert("nexthops", hops.join(","));
    }
    Some(row)
}

const VIEWS: &[View] = &[
    View {
        capture: &["link.bin"],
        json: "ip-link.json",
        rows: rows_of::<Links>,
        from_json: |v| link_json(v).into_iter().collect(),
    },
    View {
        // `ip route show table all` without -4 lists every family, the
        // multicast caches too
        capture: &["route-v4.bin", "route-v6.bin", "route-mpls.bin", "route-ipmr.bin", "route-ip6mr.bin"],
        json: "ip-route-v4.json",
        rows: rows_of::<Routes>,
        from_json: |v| route_json(v).into_iter().collect(),
    },
    View {
        capture: &["route-v6.bin"],
        json: "ip-route-v6.json",
        rows: rows_of::<Routes>,
        from_json: |v| route_json(v).into_iter().collect(),
    },
    View {
        capture: &["route-mpls.bin"],
        json: "ip-route-mpls.json",
        rows: rows_of::<Routes>,
        from_json: |v| route_json(v).into_iter().collect(),
    },
    View { capture: &["addr.bin"], json: "ip-addr.json", rows: rows_of::<Addrs>, from_json: addr_json },
    View { capture: &["rule-v4.bin"], json: "ip-rule.json", rows: rows_of::<Rules>, from_json: rule_json },
    View { capture: &["nexthop.bin"], json: "ip-nexthop.json", rows: rows_of::<Nexthops>, from_json: nexthop_json },
    View { capture: &["fdb.bin"], json: "bridge-fdb.json", rows: rows_of::<Fdb>, from_json: fdb_json },
    View { capture: &["route-ipmr.bin"], json: "ip-mroute-v4.json", rows: rows_of::<Mroutes>, from_json: mroute_json },
    View { capture: &["route-ip6mr.bin"], json: "ip-mroute-v6.json", rows: rows_of::<Mroutes>, from_json: mroute_json },
    View {
        capture: &["neigh.bin"],
        json: "ip-neigh.json",
        rows: rows_of::<Neighs>,
        from_json: |v| {
            neigh_stable(v.as_object().unwrap().iter().map(|(k, v)| (leak(k), s(v))).collect()).into_iter().collect()
        },
    },
];

#[test]
fn decoded_values_agree_with_iproute2() {
    let mut compared = 0;
    for c in corpora() {
        for v in VIEWS {
            let Ok(json) = std::fs::read(c.dir.join(v.json)) else { continue };
            let Ok(Value::Array(objs)) = serde_json::from_slice::<Value>(&json) else { continue };
            let mut theirs: Vec<Row> = objs.iter().flat_map(v.from_json).collect();
            let mut ours = (v.rows)(&c, v.capture);
            if objs.iter().any(|o| o["encap"] == "mpls") {
                // iproute2 6.1: the route's "dst" was overwritten by the encap's
                for r in
                    theirs.iter_mut().chain(ours.iter_mut()).filter(|r| r.get("encap").is_some_and(|e| e == "mpls"))
                {
                    r.remove("dst");
                }
            }
            if v.json == "ip-rule.json" && !theirs.iter().any(|r| r.keys().any(|k| k.ends_with("port_mask"))) {
                // iproute2 before 6.15 does not print FRA_*PORT_MASK (6.18 sends them)
                ours.iter_mut().for_each(|r| r.retain(|k, _| !k.ends_with("port_mask")));
            }
            if v.json == "ip-addr.json" && !theirs.iter().any(|r| r.contains_key("protocol")) {
                // iproute2 before 6.2 does not print IFA_PROTO
                ours.iter_mut().for_each(|r| _ = r.remove("protocol"));
            }
            // an unresolved multicast cache entry lives ten seconds: it may
            // have expired between the capture and ip's view (or come after)
            let unresolved = |r: &Row| {
                r.get("state").is_some_and(|s| s == "unresolved")
                    || (r.get("protocol").is_some_and(|p| p == "17") && !r.contains_key("nexthops"))
            };
            let count = |rs: &[Row]| rs.iter().filter(|r| unresolved(r)).count();
            if count(&ours) != count(&theirs) {
                ours.retain(|r| !unresolved(r));
                theirs.retain(|r| !unresolved(r));
            }
            theirs.sort();
            ours.sort();
            if ours != theirs {
                let only_ours: Vec<&Row> = ours.iter().filter(|r| !theirs.contains(r)).collect();
                let only_theirs: Vec<&Row> = theirs.iter().filter(|r| !ours.contains(r)).collect();
                panic!(
                    "{} ({}): {} vs {}: {} rows against {}\nonly decoded: {only_ours:?}\nonly iproute2's: {only_theirs:?}",
                    c.name,
                    c.kernel,
                    v.capture.join("+"),
                    v.json,
                    ours.len(),
                    theirs.len()
                );
            }
            compared += ours.len();
        }
    }
    assert!(compared > 100, "only {compared} objects compared");
    let _ = <RouteAttr<'_> as AttrSet<'_, rtnl_core::wire::NativeEndian>>::name_of(1);
}

#[test]
fn the_host_capture_holds_a_router_advertisements_notifications() {
    // testdata/capture-l3.sh sends a router advertisement with a prefix and
    // an RDNSS option: the kernel's RTM_NEWPREFIX and RTM_NEWNDUSEROPT decode
    // typed, with the advertised values
    let data = std::fs::read(rtnl_tests::testdata().join("host-l3/ra-notify.bin")).unwrap();
    let (mut prefixes, mut rdnss) = (0, 0);
    for m in Messages::new(&data) {
        let m = Message::decode(m.unwrap());
        match m.body() {
            RtnlMessage::Prefix(p) => {
                let a = p.attrs().flatten().find_map(|a| match a {
                    rtnl_core::prefix::PrefixAttr::Address(a) => Some(addr(&a)),
                    _ => None,
                });
                assert_eq!((a.as_deref(), p.header().prefix_len), (Some("fd00:77::"), 64));
                prefixes += 1;
            }
            RtnlMessage::NdUserOpt(u) => {
                for o in u.options().flatten().filter(|o| o.ty == 25) {
                    // lifetime 600, then the server's address
                    assert_eq!(o.bytes.get(4..8), Some(&600u32.to_be_bytes()[..]));
                    assert_eq!(
                        o.bytes.get(8..24),
                        Some(&"fd00:77::53".parse::<std::net::Ipv6Addr>().unwrap().octets()[..])
                    );
                    rdnss += 1;
                }
            }
            _ => {}
        }
    }
    assert!(prefixes >= 1 && rdnss >= 1, "{prefixes} prefixes, {rdnss} RDNSS options");
}

/// What of a traffic-control message is not typed, from its rendering:
/// attributes whose name is a number and a hex payload (unknown ids), and
/// options or statistics rendered as one hex string (a kind not typed).
fn untyped_tc(v: &Value, out: &mut Vec<String>) {
    const SELECTED: &[&str] = &["TCA_OPTIONS", "TCA_ACT_OPTIONS", "TCA_XSTATS", "TCA_STATS_APP"];
    match v {
        Value::Array(a) => {
            match a.as_slice() {
                [Value::Number(id), Value::String(hex)] => out.push(format!("attribute {id} ({hex})")),
                [Value::String(n), Value::String(hex)] if SELECTED.contains(&n.as_str()) => {
                    out.push(format!("{n} of an untyped kind ({hex})"))
                }
                _ => {}
            }
            a.iter().for_each(|x| untyped_tc(x, out));
        }
        Value::Object(m) => m.values().for_each(|x| untyped_tc(x, out)),
        _ => {}
    }
}

fn tc_untyped_in(bytes: &[u8], big: bool) -> Vec<String> {
    fn go<O: ByteOrder>(bytes: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        for raw in Messages::<O>::with_order(bytes).flatten() {
            let msg = Message::decode(raw);
            if matches!(msg.body(), RtnlMessage::Tc(_) | RtnlMessage::Action(_)) {
                let v: Value = serde_json::from_str(&rtnl_io::json::to_json(&msg)).unwrap();
                untyped_tc(&v, &mut out);
            }
        }
        out
    }
    if big {
        go::<BigEndian>(bytes)
    } else {
        go::<LittleEndian>(bytes)
    }
}

#[test]
fn every_tc_attribute_and_kind_in_the_corpus_is_typed() {
    // the check sees what it looks for: an unknown TCA id, an untyped qdisc kind
    let mut w = rtnl_core::wire::Writer::<_, LittleEndian>::with_order(rtnl_io::VecBuffer::default());
    let m = w.begin_msg(rtnl_core::tc::RTM_NEWQDISC, 2, 1, 0).unwrap();
    w.header(&rtnl_core::tc::TcMsg::<LittleEndian>::default()).unwrap();
    w.attr_str(1, "choke-ish").unwrap();
    w.attr(2, &[4, 0, 1, 0]).unwrap();
    w.attr_u32(99, 7).unwrap();
    w.end_msg(m).unwrap();
    let found = tc_untyped_in(&w.into_inner().0, false);
    assert_eq!(found.len(), 2, "{found:?}");
    let mut seen = 0;
    for c in corpora() {
        for f in bins(&c.dir) {
            let data = std::fs::read(&f).unwrap();
            let found = tc_untyped_in(&data, c.big);
            assert!(found.is_empty(), "{} ({}): {}: {found:?}", c.name, c.kernel, f.display());
            seen += usize::from(f.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with("qdisc") || n.starts_with("class") || n.starts_with("filter") || n.starts_with("action")
            }));
        }
    }
    assert!(seen >= 40, "only {seen} tc captures");
}

/// A qdisc as both views show it: device index (or name), kind, handle,
/// parent, the fifo kinds' limit, and the byte and packet counters.
type QdiscRow = (String, String, String, Option<u64>, Option<(u64, u64)>);

fn qdisc_rows<O: ByteOrder>(data: &[u8], with_stats: bool) -> Vec<QdiscRow> {
    use rtnl_core::tc::qdisc::QdiscOptions;
    use rtnl_core::tc::stats::StatsAttr;
    use rtnl_core::tc::{TcAttr, TcHandle, TcOptions};
    let mut rows = Vec::new();
    for raw in Messages::<O>::with_order(data).flatten() {
        let msg = Message::decode(raw);
        let RtnlMessage::Tc(q) = msg.body() else { continue };
        let h = q.header();
        let parent = if h.parent() == TcHandle::ROOT { "root".to_owned() } else { h.parent().to_string() };
        let mut limit = None;
        let mut stats = None;
        for a in q.attrs().flatten() {
            match a {
                TcAttr::Options(TcOptions::Qdisc(
                    QdiscOptions::Pfifo(o) | QdiscOptions::Bfifo(o) | QdiscOptions::PfifoHeadDrop(o),
                )) => limit = Some(u64::from(o.limit.get())),
                TcAttr::Stats2(s) if with_stats => {
                    for x in s.iter().flatten() {
                        if let StatsAttr::Basic(b) = x {
                            stats = Some((b.get().bytes.get(), u64::from(b.get().packets.get())));
                        }
                    }
                }
                _ => {}
            }
        }
        let kind = q.kind().unwrap_or("").to_owned();
        rows.push((kind, format!("{:x}:", h.handle().major()), parent, limit, stats));
    }
    rows.sort();
    rows
}

#[test]
fn every_captured_qdisc_agrees_with_tc() {
    let mut compared = 0;
    for c in corpora() {
        let (Ok(bin), Ok(json)) = (std::fs::read(c.dir.join("qdisc.bin")), std::fs::read(c.dir.join("tc-qdisc.json")))
        else {
            continue;
        };
        // this machine's captures are quiet between the dump and tc's view; the guests' are not
        let with_stats = c.name.starts_with("host-");
        let ours = if c.big {
            qdisc_rows::<BigEndian>(&bin, with_stats)
        } else {
            qdisc_rows::<LittleEndian>(&bin, with_stats)
        };
        let tc: Value = serde_json::from_slice(&json).unwrap();
        let mut theirs: Vec<QdiscRow> = tc
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let parent =
                    if q["root"] == true { "root".to_owned() } else { q["parent"].as_str().unwrap_or("").to_owned() };
                let limit = match q["kind"].as_str() {
                    Some("pfifo" | "bfifo" | "pfifo_head_drop") => q["options"]["limit"].as_u64(),
                    _ => None,
                };
                let stats = with_stats.then(|| (q["bytes"].as_u64().unwrap(), q["packets"].as_u64().unwrap()));
                (q["kind"].as_str().unwrap().to_owned(), q["handle"].as_str().unwrap().to_owned(), parent, limit, stats)
            })
            .collect();
        theirs.sort();
        assert_eq!(ours, theirs, "{} ({})", c.name, c.kernel);
        compared += ours.len();
    }
    assert!(compared > 50, "only {compared} qdiscs compared");
}
