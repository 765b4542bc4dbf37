//! `rtnl route`: show and change routes.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::IpAddr;
use std::process::ExitCode;

use rtnl_core::message::Message;
use rtnl_core::net::{Address, Labels, AF_INET, AF_INET6, AF_MPLS};
use rtnl_core::route::{
    self as rt, MetricAttr, RouteAttr, RouteMessage, RouteProtocol, RouteScope, RouteTable, RouteType, RtMsg,
};
use rtnl_core::wire::flags::*;
use rtnl_core::wire::{ByteOrder, Writer};
use rtnl_io::VecBuffer;

use crate::grammar::{self, kw, todo, verb, Arg, KwSet, Object, M};
use crate::{route_cmds, Fail, Global};

pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (cmd, rest) = match args.split_first() {
        None => ("show", &[][..]),
        Some((c, r)) => (c.as_str(), r),
    };
    let Some(verb) = ROUTE.verb(cmd) else {
        return Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl route help\".")));
    };
    if !verb.kw.ready {
        return Err(Fail::usage(format!(
            "\"{}\" is not implemented in rtnl yet, try \"rtnl route help\".",
            verb.kw.name()
        )));
    }
    if rest.first().is_some_and(|w| w == "help" || w == "--help") {
        return Ok(grammar::print_usage(&ROUTE));
    }
    match verb.kw.name() {
        "list" => route_cmds::show(g, rest),
        "get" => route_cmds::get(g, rest),
        "flush" => route_cmds::flush(g, rest),
        "save" => route_cmds::save(g, rest),
        "restore" => route_cmds::restore(g, rest),
        "showdump" => route_cmds::showdump(g, rest),
        "help" => Ok(grammar::print_usage(&ROUTE)),
        v => match RouteOp::from_command(v) {
            Some(op) => modify(g, rest, op),
            None => Err(Fail::usage(grammar::no_case(v))),
        },
    }
}

const TABLES: Arg = Arg::OneOf("TABLE", &["main", "local", "default", "all"]);
const PROTOS: Arg = Arg::OneOf("RTPROTO", &["kernel", "boot", "static", "dhcp", "ra", "redirect", "all"]);
const SCOPES: Arg = Arg::OneOf("SCOPE", &["host", "link", "global", "site", "nowhere", "all"]);
const TYPES: Arg = Arg::OneOf(
    "TYPE",
    &["unicast", "local", "broadcast", "multicast", "throw", "unreachable", "prohibit", "blackhole", "nat", "anycast"],
);

/// `route show`'s keywords (also `flush` and `save`'s), in ip's order.
pub const SELECTOR: KwSet = KwSet {
    name: "SELECTOR",
    keywords: &[
        kw(&[("table", M::Prefix)], TABLES, "routes of table TABLE (all: every table; default main)"),
        todo(&[("vrf", M::Prefix)], Arg::Value("NAME")),
        todo(&[("cached", M::Prefix), ("cloned", M::Prefix)], Arg::None),
        kw(&[("tos", M::Exact), ("dsfield", M::Prefix)], Arg::Value("TOS"), "routes with this TOS"),
        kw(&[("protocol", M::Prefix)], PROTOS, "routes installed by RTPROTO"),
        kw(&[("scope", M::Prefix)], SCOPES, "routes of scope SCOPE"),
        kw(&[("type", M::Prefix)], TYPES, "routes of type TYPE"),
        kw(&[("dev", M::Exact), ("oif", M::Exact)], Arg::Dev, "routes out of device STRING (any next hop)"),
        kw(&[("iif", M::Exact)], Arg::Dev, "routes with input device STRING"),
        kw(&[("mark", M::Exact)], Arg::Value("NUMBER"), "routes with firewall mark NUMBER"),
        kw(
            &[("metric", M::Prefix), ("priority", M::Prefix), ("preference", M::Exact)],
            Arg::Value("NUMBER"),
            "routes of metric NUMBER",
        ),
        kw(&[("via", M::Exact)], Arg::Value("[ FAMILY ] PREFIX"), "routes through a gateway in PREFIX"),
        kw(&[("src", M::Exact)], Arg::Value("PREFIX"), "routes whose preferred source is in PREFIX"),
        todo(&[("realms", M::Prefix)], Arg::Value("REALM")),
        kw(
            &[("from", M::Prefix)],
            Arg::Value("[ root | match | exact ] PREFIX"),
            "routes by source prefix, as for the destination",
        ),
        kw(
            &[("to", M::Prefix)],
            Arg::Value("[ root | match | exact ] PREFIX"),
            "routes by destination: root P those inside P, match P those that cover P, exact P (or P) P itself",
        ),
    ],
    positional: Some(("PREFIX", "exact PREFIX (default: the default route)")),
};

/// `route add`'s keywords (and `del`, `replace`, …), in ip's order.
pub const ROUTE_SPEC: KwSet = KwSet {
    name: "ROUTE",
    keywords: &[
        kw(&[("src", M::Exact)], Arg::Value("ADDRESS"), "the preferred source address"),
        kw(&[("as", M::Exact)], Arg::Value("[ to ] LABEL[/LABEL...]"), "MPLS: the labels to swap in"),
        kw(&[("via", M::Exact)], Arg::Value("[ inet | inet6 ] ADDRESS"), "the gateway (another family's with inet or inet6)"),
        todo(&[("from", M::Exact)], Arg::Value("PREFIX")),
        kw(&[("tos", M::Exact), ("dsfield", M::Prefix)], Arg::Value("TOS"), "the TOS the route matches"),
        todo(&[("expires", M::Exact)], Arg::Value("TIME")),
        kw(
            &[("metric", M::Prefix), ("priority", M::Prefix), ("preference", M::Exact)],
            Arg::Value("NUMBER"),
            "the metric (priority)",
        ),
        kw(&[("scope", M::Exact)], SCOPES, "the scope (default: link without a gateway, else global)"),
        kw(&[("mtu", M::Exact)], Arg::Value("[ lock ] NUMBER"), "the path MTU"),
        kw(&[("hoplimit", M::Exact)], Arg::Value("[ lock ] NUMBER"), "the hop limit"),
        kw(&[("advmss", M::Exact)], Arg::Value("[ lock ] NUMBER"), "the MSS advertised"),
        kw(&[("reordering", M::Prefix)], Arg::Value("[ lock ] NUMBER"), "the reordering metric"),
        todo(&[("rtt", M::Exact)], Arg::Value("TIME")),
        todo(&[("rto_min", M::Exact)], Arg::Value("TIME")),
        kw(&[("window", M::Prefix)], Arg::Value("[ lock ] NUMBER"), "the largest TCP window"),
        kw(&[("cwnd", M::Prefix)], Arg::Value("[ lock ] NUMBER"), "the congestion window clamp"),
        kw(&[("initcwnd", M::Prefix)], Arg::Value("[ lock ] NUMBER"), "the initial congestion window"),
        kw(&[("initrwnd", M::Prefix)], Arg::Value("[ lock ] NUMBER"), "the initial receive window"),
        kw(&[("features", M::Prefix)], Arg::OneOf("FEATURES", &["ecn"]), "TCP features: ecn"),
        kw(&[("quickack", M::Prefix)], Arg::OneOf("BOOL", &["0", "1"]), "TCP quick acks"),
        kw(&[("congctl", M::Prefix)], Arg::Value("[ lock ] NAME"), "the TCP congestion control algorithm"),
        todo(&[("rttvar", M::Prefix)], Arg::Value("TIME")),
        kw(&[("ssthresh", M::Prefix)], Arg::Value("[ lock ] NUMBER"), "the slow-start threshold"),
        todo(&[("realms", M::Prefix)], Arg::Value("REALM")),
        kw(&[("onlink", M::Exact)], Arg::None, "the gateway is on the link even without a route to it"),
        kw(
            &[("nexthop", M::Exact)],
            Arg::Value("NH"),
            "a next hop of a multipath route: [ encap ENCAP ] [ via [ FAMILY ] ADDRESS ] [ dev STRING ] [ weight NUMBER ] [ onlink ]",
        ),
        kw(&[("nhid", M::Exact)], Arg::Value("ID"), "the next-hop object ID"),
        kw(&[("protocol", M::Prefix)], PROTOS, "the protocol that installs it (default boot)"),
        kw(&[("table", M::Prefix)], TABLES, "the table (default main; local for local, broadcast, nat and anycast)"),
        todo(&[("vrf", M::Prefix)], Arg::Value("NAME")),
        kw(&[("dev", M::Exact), ("oif", M::Exact)], Arg::Dev, "the output device"),
        kw(&[("pref", M::Prefix)], Arg::OneOf("PREF", &["low", "medium", "high"]), "IPv6 router preference"),
        kw(
            &[("encap", M::Exact)],
            Arg::OneOf("ENCAP", &["mpls", "ip", "ip6", "seg6", "seg6local", "rpl", "ila", "xfrm"]),
            "a lightweight-tunnel encapsulation (ENCAP below)",
        ),
        kw(
            &[("ttl-propagate", M::Exact)],
            Arg::OneOf("STATE", &["enabled", "disabled"]),
            "MPLS: propagate the TTL",
        ),
        kw(&[("fastopen_no_cookie", M::Prefix)], Arg::OneOf("BOOL", &["0", "1"]), "TCP fast open without a cookie"),
        kw(&[("to", M::Exact)], Arg::Value("PREFIX"), "the destination (also without the keyword)"),
    ],
    positional: Some(("[ TYPE ] PREFIX", "the destination (-M: an incoming label), after its type")),
};

/// `route get`'s keywords, in ip's order.
pub const GET: KwSet = KwSet {
    name: "GET",
    keywords: &[
        kw(&[("tos", M::Exact), ("dsfield", M::Prefix)], Arg::Value("TOS"), "the TOS of the packet"),
        kw(&[("from", M::Prefix)], Arg::Value("ADDRESS"), "its source address"),
        kw(&[("iif", M::Prefix)], Arg::Dev, "the device it came in on"),
        kw(&[("mark", M::Prefix)], Arg::Value("NUMBER"), "its firewall mark"),
        kw(&[("oif", M::Prefix), ("dev", M::Exact)], Arg::Dev, "the device it must leave by"),
        kw(&[("notify", M::Prefix)], Arg::None, "ask for a notification of the lookup"),
        kw(&[("connected", M::Prefix)], Arg::None, "look up again from the source the first lookup chose"),
        todo(&[("vrf", M::Prefix)], Arg::Value("NAME")),
        kw(&[("uid", M::Prefix)], Arg::Value("NUMBER"), "the user id of the socket"),
        kw(&[("fibmatch", M::Prefix)], Arg::None, "print the FIB entry that matched, not the result"),
        kw(&[("as", M::Exact)], Arg::Value("[ to ] ADDRESS"), "MPLS: the labels to swap in"),
        kw(&[("sport", M::Prefix)], Arg::Value("NUMBER"), "its source port"),
        kw(&[("dport", M::Prefix)], Arg::Value("NUMBER"), "its destination port"),
        kw(&[("ipproto", M::Prefix)], Arg::Value("PROTOCOL"), "its IP protocol (tcp, udp, icmp, … or a number)"),
        kw(&[("flowlabel", M::Exact)], Arg::Value("NUMBER"), "its IPv6 flow label"),
        kw(&[("to", M::Exact)], Arg::Value("ADDRESS"), "the destination (also without the keyword)"),
    ],
    positional: Some(("ADDRESS", "the destination")),
};

/// `ip route`'s verbs in the order ip tries them (so that an abbreviation
/// means what it means to ip: `r` is replace, `s` show, `d` delete).
pub const ROUTE: Object = Object {
    name: "route",
    help: "routes: show, look up, add, change, delete, flush, save and restore them (like ip route)",
    verbs: &[
        verb(&[("add", M::Prefix)], "ROUTE", &[&ROUTE_SPEC], "add a route (it must not exist)", true),
        verb(&[("change", M::Prefix), ("chg", M::Exact)], "ROUTE", &[&ROUTE_SPEC], "change an existing route", true),
        verb(&[("replace", M::Prefix)], "ROUTE", &[&ROUTE_SPEC], "add a route or change it", true),
        verb(&[("prepend", M::Prefix)], "ROUTE", &[&ROUTE_SPEC], "add a route before others of its prefix", true),
        verb(&[("append", M::Prefix)], "ROUTE", &[&ROUTE_SPEC], "add a route after others of its prefix", true),
        verb(
            &[("test", M::Prefix)],
            "ROUTE",
            &[&ROUTE_SPEC],
            "ask whether a route could be changed, changing nothing",
            true,
        ),
        verb(&[("delete", M::Prefix)], "ROUTE", &[&ROUTE_SPEC], "delete a route", true),
        verb(
            &[("list", M::Prefix), ("show", M::Prefix), ("lst", M::Prefix)],
            "SELECTOR",
            &[&SELECTOR],
            "list routes (the selector is sent to the kernel where it can filter)",
            true,
        ),
        verb(&[("get", M::Prefix)], "[ ROUTE_GET_FLAGS ] GET", &[&GET], "look up the route a packet would take", true),
        verb(&[("flush", M::Prefix)], "SELECTOR", &[&SELECTOR], "delete the routes selected", true),
        verb(
            &[("save", M::Prefix)],
            "SELECTOR",
            &[&SELECTOR],
            "write the routes selected to stdout, in ip's binary form",
            true,
        ),
        verb(&[("restore", M::Prefix)], "< FILE", &[], "add the routes of a saved file (stdin)", true),
        verb(&[("showdump", M::Prefix)], "< FILE", &[], "print the routes of a saved file (stdin)", true),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "TYPE := { unicast | local | broadcast | multicast | throw | unreachable | prohibit |
          blackhole | nat | anycast }
TABLE := { main | local | default | all | NUMBER }
ENCAP := { mpls LABEL[/LABEL...] [ ttl TTL ]
         | ip | ip6 [ id N ] [ dst A ] [ src A ] [ tos | tc N ] [ ttl | hoplimit N ] [ key ] [ csum ] [ seq ]
         | seg6 mode { inline | encap | l2encap | encap.red | l2encap.red } segs A,B,... [ hmac K ]
         | seg6local action ACTION [ table T ] [ vrftable T ] [ nh4 A ] [ nh6 A ] [ iif D ] [ oif D ]
                     [ srh segs A,B,... [ hmac K ] ] [ count ]
         | rpl segs A,B,... | ila LOCATOR [ csum-mode M ] [ ident-type T ] [ hook-type H ]
         | xfrm if_id N [ link_dev D ] }
ROUTE_GET_FLAGS := [ connected | fibmatch | notify ]
-M (or -family mpls): PREFIX is an incoming label.
Abbreviations as ip takes them: r s = route show, route repl = route replace.",
};

pub(crate) fn parse_table(s: &str) -> Result<u32, String> {
    RouteTable::from_name(s)
        .map(|t| t.0)
        .ok_or_else(|| format!("Error: argument \"{s}\" is wrong: table id value is invalid"))
}

/// A line being printed: bytes, written as text (`write!`, `push_str`)
/// without the UTF-8 checks a `String` makes of pushed digits.
#[derive(Debug, Default)]
pub struct Line(pub Vec<u8>);

impl Line {
    fn push_str(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }
    fn push(&mut self, c: char) {
        let mut b = [0u8; 4];
        self.push_str(c.encode_utf8(&mut b));
    }
    /// The text (only `str`s were pushed, so it is valid UTF-8).
    pub fn into_string(self) -> String {
        String::from_utf8(self.0).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

impl std::fmt::Write for Line {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

/// Appends `a` as ip prints it (IPv4 without the formatting machinery:
/// it is most of what a large table prints).
fn push_addr(s: &mut Line, a: &Address<'_>) {
    match a {
        Address::V4(a) => {
            let mut b = [0u8; 16];
            let mut n = 0;
            for o in a.octets() {
                let (digits, len) = DECIMAL[usize::from(o)];
                b[n..n + 4].copy_from_slice(&digits);
                n += usize::from(len);
            }
            // each octet was written with a '.' after it
            s.0.extend_from_slice(&b[..n - 1]);
        }
        Address::V6(a) => {
            let _ = write!(s, "{a}");
        }
        Address::Mpls(l) => push_labels(s, l),
        Address::Other(b) => {
            for x in b.iter() {
                let _ = write!(s, "{x:02x}");
            }
        }
    }
}

/// Each byte value in decimal followed by a '.', and how many of the four
/// bytes that is.
const DECIMAL: [([u8; 4], u8); 256] = {
    let mut t = [([0u8; 4], 0u8); 256];
    let mut v = 0;
    while v < 256 {
        let (h, d, u) = ((v / 100) as u8, (v / 10 % 10) as u8, (v % 10) as u8);
        t[v] = if v >= 100 {
            ([b'0' + h, b'0' + d, b'0' + u, b'.'], 4)
        } else if v >= 10 {
            ([b'0' + d, b'0' + u, b'.', 0], 3)
        } else {
            ([b'0' + u, b'.', 0, 0], 2)
        };
        v += 1;
    }
    t
};

/// Appends `v` in decimal.
fn push_u32(s: &mut Line, mut v: u32) {
    let mut d = [0u8; 10];
    let mut i = d.len();
    loop {
        i -= 1;
        d[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    s.0.extend_from_slice(&d[i..]);
}

fn push_labels(s: &mut Line, l: &Labels<'_>) {
    for (i, x) in l.iter().enumerate() {
        if i > 0 {
            s.push('/');
        }
        push_u32(s, x.label);
    }
}

/// Interface names by index, for printing: a table indexed by the
/// (small, dense) ifindex, falling back to a map for large ones.
#[derive(Debug, Default)]
pub struct DevNames {
    dense: Vec<Option<String>>,
    sparse: HashMap<u32, String>,
}

impl DevNames {
    const DENSE: u32 = 1 << 12;
    /// The names of `map` (from [`rtnl_io::link_names`]).
    pub fn new(map: HashMap<u32, String>) -> Self {
        let mut n = DevNames::default();
        for (i, name) in map {
            if i < Self::DENSE {
                let i = i as usize;
                if n.dense.len() <= i {
                    n.dense.resize(i + 1, None);
                }
                n.dense[i] = Some(name);
            } else {
                n.sparse.insert(i, name);
            }
        }
        n
    }
    /// The name of device `idx`, if it has one.
    pub fn get(&self, idx: u32) -> Option<&str> {
        match self.dense.get(idx as usize) {
            Some(n) => n.as_deref(),
            None => self.sparse.get(&idx).map(String::as_str),
        }
    }
}

/// The name ip prints for device `idx` (`ll_index_to_name`: `if<N>` when
/// it has none).
pub(crate) fn dev_name(names: &DevNames, idx: u32) -> String {
    // (ll_index_to_name's name for no device)
    if idx == 0 {
        return "*".into();
    }
    names.get(idx).map(str::to_owned).unwrap_or_else(|| format!("if{idx}"))
}

/// Appends the name of device `idx` (`if<N>` when it has none).
fn push_dev(s: &mut Line, names: &DevNames, idx: u32) {
    match names.get(idx) {
        Some(n) => s.push_str(n),
        None => {
            s.push_str("if");
            push_u32(s, idx);
        }
    }
}

/// `print_rt_flags`: the words of the `RTNH_F_*` and `RTM_F_*` bits, in
/// ip's order (routes, their next hops, and next-hop objects).
pub(crate) const FLAG_NAMES: [(u32, &str); 11] = [
    (rt::RTNH_F_DEAD as u32, "dead"),
    (rt::RTNH_F_ONLINK as u32, "onlink"),
    (rt::RTNH_F_PERVASIVE as u32, "pervasive"),
    (rt::RTNH_F_OFFLOAD as u32, "offload"),
    (rt::RTNH_F_TRAP as u32, "trap"),
    (rt::RTM_F_NOTIFY, "notify"),
    (rt::RTNH_F_LINKDOWN as u32, "linkdown"),
    (rt::RTNH_F_UNRESOLVED as u32, "unresolved"),
    (rt::RTM_F_OFFLOAD, "rt_offload"),
    (rt::RTM_F_TRAP, "rt_trap"),
    (rt::RTM_F_OFFLOAD_FAILED, "rt_offload_failed"),
];

/// How routes are printed: what ip's options (`-d`, `-s`, `-o`) add, and
/// what a `route show` selector leaves out (ip does not print what every
/// route shown has: the device of `dev D`, the protocol of `proto P`, …).
#[derive(Debug, Clone, Copy, Default)]
pub struct Show {
    /// Name the table (when routes of every table are shown).
    pub table: bool,
    /// `-d`: the type, protocol and scope even when they are the defaults.
    pub details: bool,
    /// `-s`: a cache entry's users, uses and age.
    pub stats: bool,
    /// `-o`: one line per route (`\` where ip breaks lines).
    pub oneline: bool,
    /// `HIDE_*`: fields a selector fixed.
    pub hide: u16,
    /// The length of `via P`: the `RTA_GATEWAY` of a route whose host
    /// length it is goes unprinted (as in ip).
    pub via_len: Option<u8>,
    /// The same for `src P` and `RTA_PREFSRC`.
    pub src_len: Option<u8>,
}

/// [`Show::hide`]: the output device (`dev D`).
pub const HIDE_DEV: u16 = 1;
/// The protocol (`proto P`).
pub const HIDE_PROTO: u16 = 2;
/// The scope (`scope S`).
pub const HIDE_SCOPE: u16 = 4;
/// The metric (`metric N`).
pub const HIDE_METRIC: u16 = 32;
/// The TOS (`tos T`).
pub const HIDE_TOS: u16 = 64;
/// The input device (`iif D`).
pub const HIDE_IIF: u16 = 128;

impl Show {
    /// Naming the table or not, nothing else.
    pub fn tables(table: bool) -> Self {
        Show { table, ..Default::default() }
    }
    fn hides(&self, what: u16) -> bool {
        self.hide & what != 0
    }
    /// ip's `_SL_`: a line break, or `\` with `-o`.
    fn sl(&self) -> &'static str {
        if self.oneline {
            "\\"
        } else {
            "\n"
        }
    }
}

/// The attributes `ip route show` prints of most routes, found in one pass
/// (the first of each; a route with several gateways or preferred sources,
/// which the kernel never sends, is printed from a second pass, as is one
/// with any of the others, [`Rare`]).
struct Seen<'a> {
    dst: Option<Address<'a>>,
    // RTA_GATEWAY, or RTA_VIA (true)
    gateway: Option<(bool, Address<'a>)>,
    gateways: u32,
    oif: Option<u32>,
    prefsrc: Option<Address<'a>>,
    prefsrcs: u32,
    priority: Option<u32>,
    rare: bool,
}

impl<'a> Seen<'a> {
    fn of<O: ByteOrder>(attrs: RouteAttrs<'a, O>) -> Self {
        let mut v = Seen {
            dst: None,
            gateway: None,
            gateways: 0,
            oif: None,
            prefsrc: None,
            prefsrcs: 0,
            priority: None,
            rare: false,
        };
        let mut attrs = attrs;
        while let Some(Ok(a)) = attrs.next() {
            match a {
                RouteAttr::Dst(x) => _ = v.dst.get_or_insert(x),
                RouteAttr::Gateway(x) => {
                    v.gateways += 1;
                    _ = v.gateway.get_or_insert((false, x));
                }
                RouteAttr::Via(x) => {
                    v.gateways += 1;
                    _ = v.gateway.get_or_insert((true, x.addr));
                }
                RouteAttr::Oif(x) => _ = v.oif.get_or_insert(x),
                RouteAttr::PrefSrc(x) => {
                    v.prefsrcs += 1;
                    _ = v.prefsrc.get_or_insert(x);
                }
                RouteAttr::Priority(x) => _ = v.priority.get_or_insert(x),
                RouteAttr::Src(_)
                | RouteAttr::NhId(_)
                | RouteAttr::NewDst(_)
                | RouteAttr::Encap(_)
                | RouteAttr::Mark(_)
                | RouteAttr::CacheInfo(_)
                | RouteAttr::Metrics(_)
                | RouteAttr::Pref(_)
                | RouteAttr::Iif(_)
                | RouteAttr::Uid(_)
                | RouteAttr::Multipath(_) => v.rare = true,
                _ => {}
            }
        }
        v
    }
}

/// The attributes fewer routes have (the first of each).
struct Rare<'a, O: ByteOrder> {
    src: Option<Address<'a>>,
    nhid: Option<u32>,
    newdst: Option<Labels<'a>>,
    encap: Option<rt::Encap<'a, O>>,
    mark: Option<u32>,
    expires: Option<i32>,
    cacheinfo: Option<rt::RtaCacheInfo<O>>,
    iif: Option<u32>,
    uid: Option<u32>,
    metrics: Option<rtnl_core::typed::Nest<'a, O, MetricAttr<'a, O>>>,
    pref: Option<u8>,
    multipath: Option<rt::Multipath<'a, O>>,
}

impl<'a, O: ByteOrder> Rare<'a, O> {
    fn none() -> Self {
        Rare {
            src: None,
            nhid: None,
            newdst: None,
            encap: None,
            mark: None,
            expires: None,
            cacheinfo: None,
            iif: None,
            uid: None,
            metrics: None,
            pref: None,
            multipath: None,
        }
    }
    fn of(attrs: RouteAttrs<'a, O>) -> Self {
        let mut v = Self::none();
        let mut attrs = attrs;
        while let Some(Ok(a)) = attrs.next() {
            match a {
                RouteAttr::Src(x) => _ = v.src.get_or_insert(x),
                RouteAttr::NhId(x) => _ = v.nhid.get_or_insert(x),
                RouteAttr::NewDst(x) => _ = v.newdst.get_or_insert(x),
                RouteAttr::Encap(x) => _ = v.encap.get_or_insert(x),
                RouteAttr::Mark(x) => _ = v.mark.get_or_insert(x),
                RouteAttr::CacheInfo(ci) => {
                    _ = v.expires.get_or_insert(ci.rta_expires.get());
                    _ = v.cacheinfo.get_or_insert(ci);
                }
                RouteAttr::Iif(x) => _ = v.iif.get_or_insert(x),
                RouteAttr::Uid(x) => _ = v.uid.get_or_insert(x),
                RouteAttr::Metrics(x) => _ = v.metrics.get_or_insert(x),
                RouteAttr::Pref(x) => _ = v.pref.get_or_insert(x),
                RouteAttr::Multipath(x) => _ = v.multipath.get_or_insert(x),
                _ => {}
            }
        }
        v
    }
}

/// One route as `ip route show` prints it (each word followed by a space;
/// next hops of a multipath route on their own tab-indented lines).
pub fn format_route<O: ByteOrder>(r: &RouteMessage<'_, O>, names: &DevNames, show: &Show) -> String {
    let mut s = Line::default();
    write_route(&mut s, r, names, show);
    s.into_string()
}

/// [`format_route`], appended to `s` (which a caller printing many routes
/// reuses, so that printing allocates nothing per route).
pub fn write_route<O: ByteOrder>(s: &mut Line, r: &RouteMessage<'_, O>, names: &DevNames, show: &Show) {
    let h = r.header();
    let host_len = host_len(h.rtm_family);
    let kind = h.kind();
    if kind != RouteType::UNICAST || show.details {
        let _ = write!(s, "{kind} ");
    }
    let (all, seen, rare) = printed_attrs(r);
    write_seen(s, r, &seen, &rare, &all, names, show, host_len);
}

type RouteAttrs<'a, O> = rtnl_core::typed::TypedAttrs<'a, O, RouteAttr<'a, O>>;

#[allow(clippy::too_many_arguments)]
fn write_seen<O: ByteOrder>(
    s: &mut Line,
    r: &RouteMessage<'_, O>,
    seen: &Seen<'_>,
    rare: &Rare<'_, O>,
    all: &RouteAttrs<'_, O>,
    names: &DevNames,
    show: &Show,
    host_len: u8,
) {
    let h = r.header();
    push_dst(s, seen.dst.as_ref(), h.rtm_dst_len, host_len);
    s.push(' ');
    if let Some(a) = &rare.src {
        s.push_str("from ");
        push_addr(s, a);
        if h.rtm_src_len != host_len {
            s.push('/');
            push_u32(s, h.rtm_src_len.into());
        }
        s.push(' ');
    } else if h.rtm_src_len != 0 {
        let _ = write!(s, "from 0/{} ", h.rtm_src_len);
    }
    // ip's order: nhid, as to, encap, tos, then the gateway
    if let Some(id) = rare.nhid {
        let _ = write!(s, "nhid {id} ");
    }
    if let Some(l) = &rare.newdst {
        s.push_str("as to ");
        push_labels(s, l);
        s.push(' ');
    }
    let dev = |i: u32| dev_name(names, i);
    if let Some(e) = &rare.encap {
        s.push_str(&crate::encap::format_encap(e, &dev, show.stats));
    }
    if h.rtm_tos != 0 && !show.hides(HIDE_TOS) {
        let _ = write!(s, "tos {} ", crate::names::dsfield(h.rtm_tos));
    }
    match &seen.gateway {
        Some((false, _)) if show.via_len == Some(host_len) => {}
        Some((via, a)) if seen.gateways == 1 => write_via(s, *via, a, false),
        Some(_) => write_gateways(s, all.clone(), false),
        None => {}
    }
    if let Some(i) = seen.oif.filter(|_| !show.hides(HIDE_DEV)) {
        s.push_str("dev ");
        push_dev(s, names, i);
        s.push(' ');
    }
    let table = r.table();
    if show.table && (table != RouteTable::MAIN || show.details) {
        let _ = write!(s, "table {table} ");
    }
    let cloned = h.rtm_flags.get() & rt::RTM_F_CLONED != 0;
    if cloned {
        // a cache entry (route get's answer) names neither
    } else if show.hides(HIDE_PROTO) {
    } else if h.protocol() != RouteProtocol::BOOT || show.details {
        s.push_str("proto ");
        s.push_str(&crate::names::rt_proto(h.rtm_protocol));
        s.push(' ');
    }
    if !cloned && !show.hides(HIDE_SCOPE) && (h.scope() != RouteScope::UNIVERSE || show.details) {
        s.push_str("scope ");
        match h.scope().short_name() {
            Some(n) => s.push_str(n),
            None => push_u32(s, h.rtm_scope.into()),
        }
        s.push(' ');
    }
    match &seen.prefsrc {
        _ if show.src_len == Some(host_len) => {}
        Some(p) if seen.prefsrcs == 1 => {
            s.push_str("src ");
            push_addr(s, p);
            s.push(' ');
        }
        Some(_) => {
            for a in all.clone().map_while(Result::ok) {
                if let RouteAttr::PrefSrc(p) = a {
                    s.push_str("src ");
                    push_addr(s, &p);
                    s.push(' ');
                }
            }
        }
        None => {}
    }
    if let Some(m) = seen.priority.filter(|_| !show.hides(HIDE_METRIC)) {
        s.push_str("metric ");
        push_u32(s, m);
        s.push(' ');
    }
    let flags = h.rtm_flags.get();
    if flags != 0 {
        for (bit, name) in FLAG_NAMES {
            if flags & bit != 0 {
                s.push_str(name);
                s.push(' ');
            }
        }
    }
    match rare.mark {
        Some(0) | None => {}
        Some(m) if m < 16 => {
            let _ = write!(s, "mark {m} ");
        }
        Some(m) => {
            let _ = write!(s, "mark 0x{m:x} ");
        }
    }
    if let Some(u) = rare.uid {
        let _ = write!(s, "uid {u} ");
    }
    if h.rtm_family == AF_INET && cloned {
        write_cache_flags(s, h.rtm_flags.get(), show);
    }
    if let Some(ci) = &rare.cacheinfo {
        if h.rtm_family == AF_INET || h.rtm_family == AF_INET6 {
            write_cacheinfo(s, ci, show);
        }
    } else if let Some(e) = rare.expires.filter(|e| *e != 0) {
        // in clock ticks (USER_HZ = 100), as ip prints it
        let _ = write!(s, "expires {}sec ", e / 100);
    }
    if let Some(n) = &rare.metrics {
        write_metrics(s, n);
    }
    if let Some(i) = rare.iif.filter(|_| !show.hides(HIDE_IIF)) {
        s.push_str("iif ");
        push_dev(s, names, i);
        s.push(' ');
    }
    if h.rtm_family == AF_INET6 {
        if let Some(p) = rare.pref {
            match p {
                0 => s.push_str("pref medium"),
                1 => s.push_str("pref high"),
                3 => s.push_str("pref low"),
                n => {
                    let _ = write!(s, "pref {n}");
                }
            }
        }
    }
    if let Some(mp) = &rare.multipath {
        for hop in mp.hops().map_while(Result::ok) {
            s.push_str(show.sl());
            s.push_str("\tnexthop ");
            // ip's order for a hop: encap, as to, via
            for a in hop.attrs().map_while(Result::ok) {
                if let RouteAttr::Encap(e) = &a {
                    s.push_str(&crate::encap::format_encap(e, &dev, show.stats));
                }
            }
            for a in hop.attrs().map_while(Result::ok) {
                if let RouteAttr::NewDst(l) = &a {
                    s.push_str("as to ");
                    push_labels(s, l);
                    s.push(' ');
                }
            }
            write_gateways(s, hop.attrs(), true);
            s.push_str("dev ");
            push_dev(s, names, hop.ifindex() as u32);
            s.push(' ');
            if h.rtm_family != rtnl_core::net::AF_MPLS {
                let _ = write!(s, "weight {} ", hop.weight());
            }
            for (bit, name) in FLAG_NAMES {
                if u32::from(hop.header.rtnh_flags) & bit != 0 {
                    s.push_str(name);
                    s.push(' ');
                }
            }
        }
    }
    s.push('\n');
}

/// `RTCF_*` (`linux/in_route.h`): the flags of an IPv4 cache entry, in
/// the order ip prints them.
const CACHE_FLAGS: [(u32, &str); 14] = [
    (0x8000_0000, "local"),
    (0x4000_0000, "reject"),
    (0x2000_0000, "mc"),
    (0x1000_0000, "brd"),
    (0x0800_0000, "dst-nat"),
    (0x0080_0000, "src-nat"),
    (0x0040_0000, "masq"),
    (0x0002_0000, "dst-direct"),
    (0x0400_0000, "src-direct"),
    (0x0004_0000, "redirected"),
    (0x0100_0000, "redirect"),
    (0x0020_0000, "fastroute"),
    (0x0001_0000, "notify"),
    (0x0008_0000, "proxy"),
];

/// `cache <local,…>` on its own line, as ip prints an IPv4 cache entry.
fn write_cache_flags(s: &mut Line, flags: u32, show: &Show) {
    let mut flags = flags & !0xFFFF;
    s.push_str(show.sl());
    s.push_str("    cache ");
    if flags == 0 {
        return;
    }
    s.push('<');
    for (bit, name) in CACHE_FLAGS {
        if flags & bit != 0 {
            flags &= !bit;
            s.push_str(name);
            s.push_str(if flags != 0 { "," } else { "> " });
        }
    }
    if flags != 0 {
        let _ = write!(s, "{flags:x}>");
    }
}

fn json_cache_flags(out: &mut Line, f: &mut bool, flags: u32) {
    let mut flags = flags & !0xFFFF;
    json_key(out, f, "cache");
    out.push('[');
    let mut n = 0;
    for (bit, name) in CACHE_FLAGS {
        if flags & bit != 0 {
            flags &= !bit;
            if n > 0 {
                out.push(',');
            }
            push_json_str(out, name);
            n += 1;
        }
    }
    out.push(']');
    if flags != 0 {
        json_text(out, f, "flags", &format!("{flags:x}"));
    }
}

/// The clock ticks of `rta_cacheinfo` (`USER_HZ`).
const USER_HZ: u32 = 100;

/// `struct rta_cacheinfo` as ip prints it: what is not zero (users, uses
/// and age only with `-s`).
fn write_cacheinfo<O: ByteOrder>(s: &mut Line, ci: &rt::RtaCacheInfo<O>, show: &Show) {
    let e = ci.rta_expires.get();
    if e != 0 {
        let _ = write!(s, "expires {}sec ", e / USER_HZ as i32);
    }
    if ci.rta_error.get() != 0 {
        let _ = write!(s, "error {} ", ci.rta_error.get());
    }
    if show.stats {
        if ci.rta_clntref.get() != 0 {
            let _ = write!(s, "users {} ", ci.rta_clntref.get());
        }
        if ci.rta_used.get() != 0 {
            let _ = write!(s, "used {} ", ci.rta_used.get());
        }
        if ci.rta_lastuse.get() != 0 {
            let _ = write!(s, "age {}sec ", ci.rta_lastuse.get() / USER_HZ);
        }
    }
    if ci.rta_id.get() != 0 {
        let _ = write!(s, "ipid 0x{:04x} ", ci.rta_id.get());
    }
    if ci.rta_ts.get() != 0 || ci.rta_tsage.get() != 0 {
        let _ = write!(s, "ts 0x{:x}tsage {}sec ", ci.rta_ts.get(), ci.rta_tsage.get());
    }
}

fn json_cacheinfo<O: ByteOrder>(out: &mut Line, f: &mut bool, ci: &rt::RtaCacheInfo<O>, show: &Show) {
    let num = |out: &mut Line, f: &mut bool, key: &str, v: i64| {
        json_key(out, f, key);
        let _ = write!(out, "{v}");
    };
    let e = ci.rta_expires.get();
    if e != 0 {
        num(out, f, "expires", i64::from(e / USER_HZ as i32));
    }
    if ci.rta_error.get() != 0 {
        num(out, f, "error", ci.rta_error.get().into());
    }
    if show.stats {
        if ci.rta_clntref.get() != 0 {
            num(out, f, "users", ci.rta_clntref.get().into());
        }
        if ci.rta_used.get() != 0 {
            num(out, f, "used", ci.rta_used.get().into());
        }
        if ci.rta_lastuse.get() != 0 {
            num(out, f, "age", (ci.rta_lastuse.get() / USER_HZ).into());
        }
    }
    if ci.rta_id.get() != 0 {
        json_text(out, f, "ipid", &format!("0x{:04x}", ci.rta_id.get()));
    }
    if ci.rta_ts.get() != 0 || ci.rta_tsage.get() != 0 {
        json_text(out, f, "ts", &format!("0x{:x}", ci.rta_ts.get()));
        num(out, f, "tsage", ci.rta_tsage.get().into());
    }
}

/// The prefix length of a host route of `family`.
pub(crate) fn host_len(family: u8) -> u8 {
    match family {
        AF_INET6 => 128,
        AF_MPLS => 20,
        _ => 32,
    }
}

/// A route's attributes, and the ones printed found in them (the rarer
/// ones only when there are any).
fn printed_attrs<'a, O: ByteOrder>(r: &RouteMessage<'a, O>) -> (RouteAttrs<'a, O>, Seen<'a>, Rare<'a, O>) {
    let all = r.attrs();
    let seen = Seen::of(all.clone());
    let rare = if seen.rare { Rare::of(all.clone()) } else { Rare::none() };
    (all, seen, rare)
}

/// The destination as ip prints it: `10.0.0.0/24`, a host's address
/// alone, `0/8` without an address, or `default`.
fn push_dst(s: &mut Line, dst: Option<&Address<'_>>, len: u8, host_len: u8) {
    match dst {
        Some(a) => {
            push_addr(s, a);
            if len != host_len {
                s.push('/');
                push_u32(s, len.into());
            }
        }
        None if len != 0 => {
            s.push_str("0/");
            push_u32(s, len.into());
        }
        None => s.push_str("default"),
    }
}

/// `"dev":"NAME"` (`"if<N>"` for a device without a name).
fn json_dev(out: &mut Line, first: &mut bool, names: &DevNames, i: u32) {
    json_key(out, first, "dev");
    match names.get(i) {
        Some(n) => push_json_str(out, n),
        None => {
            out.push_str("\"if");
            push_u32(out, i);
            out.push('"');
        }
    }
}

/// Appends `s` as a JSON string.
fn push_json_str(out: &mut Line, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends `,"key":` (or `"key":` first in an object).
fn json_key(out: &mut Line, first: &mut bool, key: &str) {
    if !*first {
        out.push(',');
    }
    *first = false;
    push_json_str(out, key);
    out.push(':');
}

fn json_text(out: &mut Line, first: &mut bool, key: &str, value: &str) {
    json_key(out, first, key);
    push_json_str(out, value);
}

fn json_addr(out: &mut Line, first: &mut bool, key: &str, a: &Address<'_>) {
    json_key(out, first, key);
    out.push('"');
    push_addr(out, a);
    out.push('"');
}

/// Appends JSON members written elsewhere (`"a":1,"b":2`).
fn json_members(out: &mut Line, first: &mut bool, members: &str) {
    if members.is_empty() {
        return;
    }
    if !*first {
        out.push(',');
    }
    *first = false;
    out.push_str(members);
}

/// `"gateway":"A"` or `"via":{"family":"inet6","host":"A"}`, as ip -j.
fn json_via(out: &mut Line, first: &mut bool, via: bool, a: &Address<'_>) {
    if !via {
        return json_addr(out, first, "gateway", a);
    }
    json_key(out, first, "via");
    let fam = match a {
        Address::V6(_) => "inet6",
        _ => "inet",
    };
    out.push_str("{\"family\":\"");
    out.push_str(fam);
    out.push_str("\",\"host\":\"");
    push_addr(out, a);
    out.push_str("\"}");
}

fn json_flags(out: &mut Line, first: &mut bool, flags: u32) {
    json_key(out, first, "flags");
    out.push('[');
    let mut n = 0;
    for (bit, name) in FLAG_NAMES {
        if flags & bit != 0 {
            if n > 0 {
                out.push(',');
            }
            push_json_str(out, name);
            n += 1;
        }
    }
    out.push(']');
}

/// One route as `ip -j route show` prints it: the same keys, in the same
/// order, with the same value forms.
pub fn write_route_json<O: ByteOrder>(out: &mut Line, r: &RouteMessage<'_, O>, names: &DevNames, show: &Show) {
    let h = r.header();
    let host_len = host_len(h.rtm_family);
    let (all, seen, rare) = printed_attrs(r);
    let mut first = true;
    let f = &mut first;
    out.push('{');
    let kind = h.kind();
    if kind != RouteType::UNICAST || show.details {
        json_text(out, f, "type", &kind.to_string());
    }
    json_key(out, f, "dst");
    out.push('"');
    push_dst(out, seen.dst.as_ref(), h.rtm_dst_len, host_len);
    out.push('"');
    if let Some(a) = &rare.src {
        json_key(out, f, "from");
        out.push('"');
        push_addr(out, a);
        if h.rtm_src_len != host_len {
            out.push('/');
            push_u32(out, h.rtm_src_len.into());
        }
        out.push('"');
    } else if h.rtm_src_len != 0 {
        json_text(out, f, "src", &format!("0/{}", h.rtm_src_len));
    }
    if let Some(id) = rare.nhid {
        json_key(out, f, "nhid");
        push_u32(out, id);
    }
    if let Some(l) = &rare.newdst {
        json_key(out, f, "as");
        out.push_str("{\"to\":\"");
        push_labels(out, l);
        out.push_str("\"}");
    }
    let dev = |i: u32| dev_name(names, i);
    if let Some(e) = &rare.encap {
        json_members(out, f, &crate::encap::json_encap(e, &dev, show.stats));
    }
    if h.rtm_tos != 0 && !show.hides(HIDE_TOS) {
        json_text(out, f, "tos", &crate::names::dsfield(h.rtm_tos));
    }
    match &seen.gateway {
        Some((false, _)) if show.via_len == Some(host_len) => {}
        Some((via, a)) if seen.gateways == 1 => json_via(out, f, *via, a),
        Some(_) => {
            let mut it = all.clone();
            while let Some(Ok(a)) = it.next() {
                match &a {
                    RouteAttr::Gateway(gw) => json_via(out, f, false, gw),
                    RouteAttr::Via(v) => json_via(out, f, true, &v.addr),
                    _ => {}
                }
            }
        }
        None => {}
    }
    if let Some(i) = seen.oif.filter(|_| !show.hides(HIDE_DEV)) {
        json_dev(out, f, names, i);
    }
    // ip names a table other than main when it shows every table
    let table = r.table();
    if show.table && (table != RouteTable::MAIN || show.details) {
        json_text(out, f, "table", &table.to_string());
    }
    let cloned = h.rtm_flags.get() & rt::RTM_F_CLONED != 0;
    if !cloned && !show.hides(HIDE_PROTO) && (h.protocol() != RouteProtocol::BOOT || show.details) {
        json_text(out, f, "protocol", &crate::names::rt_proto(h.rtm_protocol));
    }
    if !cloned && !show.hides(HIDE_SCOPE) && (h.scope() != RouteScope::UNIVERSE || show.details) {
        json_text(out, f, "scope", &h.scope().to_string());
    }
    if let Some(p) = seen.prefsrc.as_ref().filter(|_| show.src_len != Some(host_len)) {
        json_addr(out, f, "prefsrc", p);
    }
    if let Some(m) = seen.priority.filter(|_| !show.hides(HIDE_METRIC)) {
        json_key(out, f, "metric");
        push_u32(out, m);
    }
    json_flags(out, f, h.rtm_flags.get());
    if let Some(m) = rare.mark.filter(|m| *m != 0) {
        json_key(out, f, "mark");
        push_u32(out, m);
    }
    if let Some(u) = rare.uid {
        json_key(out, f, "uid");
        push_u32(out, u);
    }
    if h.rtm_family == AF_INET && cloned {
        json_cache_flags(out, f, h.rtm_flags.get());
    }
    if let Some(ci) = rare.cacheinfo.as_ref().filter(|_| h.rtm_family == AF_INET || h.rtm_family == AF_INET6) {
        json_cacheinfo(out, f, ci, show);
    } else if let Some(e) = rare.expires.filter(|e| *e != 0) {
        json_key(out, f, "expires");
        let _ = write!(out, "{}", e / 100);
    }
    if let Some(n) = &rare.metrics {
        json_key(out, f, "metrics");
        out.push_str("[{");
        let mut mf = true;
        for m in n.iter().map_while(Result::ok) {
            match m {
                MetricAttr::Lock(_) | MetricAttr::Unknown(_) | MetricAttr::Invalid(..) => {}
                MetricAttr::CcAlgo(c) => json_text(out, &mut mf, "congestion", c),
                MetricAttr::Features(v) => {
                    json_key(out, &mut mf, "features");
                    push_u32(out, v);
                }
                MetricAttr::Rtt(v) | MetricAttr::RttVar(v) | MetricAttr::RtoMin(v) => {
                    json_key(out, &mut mf, &metric_short_name(m.id()));
                    push_u32(out, v);
                }
                other => {
                    if let Some(v) = metric_u32(&other) {
                        json_key(out, &mut mf, &metric_short_name(other.id()));
                        push_u32(out, v);
                    }
                }
            }
        }
        out.push_str("}]");
    }
    if let Some(i) = rare.iif.filter(|_| !show.hides(HIDE_IIF)) {
        json_key(out, f, "iif");
        match names.get(i) {
            Some(n) => push_json_str(out, n),
            None => push_json_str(out, &format!("if{i}")),
        }
    }
    if h.rtm_family == AF_INET6 {
        if let Some(p) = rare.pref {
            let p = match p {
                0 => "medium".to_owned(),
                1 => "high".to_owned(),
                3 => "low".to_owned(),
                n => n.to_string(),
            };
            json_text(out, f, "pref", &p);
        }
    }
    if let Some(mp) = &rare.multipath {
        json_key(out, f, "nexthops");
        out.push('[');
        for (k, hop) in mp.hops().map_while(Result::ok).enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push('{');
            let mut hf = true;
            // ip's order for a hop: encap, as to, gateway, via
            for a in hop.attrs().map_while(Result::ok) {
                if let RouteAttr::Encap(e) = &a {
                    json_members(out, &mut hf, &crate::encap::json_encap(e, &dev, show.stats));
                }
            }
            for a in hop.attrs().map_while(Result::ok) {
                if let RouteAttr::NewDst(l) = &a {
                    json_key(out, &mut hf, "to");
                    out.push('"');
                    push_labels(out, l);
                    out.push('"');
                }
            }
            let mut it = hop.attrs();
            while let Some(Ok(a)) = it.next() {
                match &a {
                    RouteAttr::Gateway(gw) => json_via(out, &mut hf, false, gw),
                    RouteAttr::Via(v) => json_via(out, &mut hf, true, &v.addr),
                    _ => {}
                }
            }
            json_dev(out, &mut hf, names, hop.ifindex() as u32);
            if h.rtm_family != AF_MPLS {
                json_key(out, &mut hf, "weight");
                push_u32(out, hop.weight().into());
            }
            json_flags(out, &mut hf, hop.header.rtnh_flags.into());
            out.push('}');
        }
        out.push(']');
    }
    out.push('}');
}

/// `via ADDR` for each `RTA_GATEWAY`, `via [inet|inet6] ADDR` for each
/// `RTA_VIA` (a hop's via always names its family).
fn write_gateways<O: ByteOrder>(s: &mut Line, attrs: RouteAttrs<'_, O>, hop: bool) {
    for a in attrs.map_while(Result::ok) {
        write_gateway(s, &a, hop);
    }
}

fn write_gateway<O: ByteOrder>(s: &mut Line, a: &RouteAttr<'_, O>, hop: bool) {
    match a {
        RouteAttr::Gateway(gw) => write_via(s, false, gw, hop),
        RouteAttr::Via(v) => write_via(s, true, &v.addr, hop),
        _ => {}
    }
}

/// `via ADDR` (`RTA_GATEWAY`) or `via [inet|inet6] ADDR` (`RTA_VIA`; a
/// hop's via always names its family).
fn write_via(s: &mut Line, via: bool, a: &Address<'_>, hop: bool) {
    s.push_str("via ");
    if via {
        s.push_str(match a {
            Address::V4(_) => "inet ",
            Address::V6(_) => "inet6 ",
            _ if hop => "inet ",
            _ => "",
        });
    }
    push_addr(s, a);
    s.push(' ');
}

fn write_metrics<O: ByteOrder>(s: &mut Line, n: &rtnl_core::typed::Nest<'_, O, MetricAttr<'_, O>>) {
    let lock = n
        .iter()
        .map_while(Result::ok)
        .find_map(|m| if let MetricAttr::Lock(l) = m { Some(l) } else { None })
        .unwrap_or(0);
    for m in n.iter().map_while(Result::ok) {
        let id = m.id();
        if matches!(m, MetricAttr::Lock(_)) {
            continue;
        }
        let name = metric_short_name(id);
        if lock & (1 << id) != 0 {
            s.push_str("lock ");
        }
        match m {
            MetricAttr::CcAlgo(c) => {
                let _ = write!(s, "congctl {c} ");
            }
            MetricAttr::Rtt(v) => {
                let _ = write!(s, "{name} {}ms ", v / 8);
            }
            MetricAttr::RttVar(v) => {
                let _ = write!(s, "{name} {}ms ", v / 4);
            }
            MetricAttr::RtoMin(v) => {
                let _ = write!(s, "{name} {v}ms ");
            }
            MetricAttr::Features(v) => {
                if v & 1 != 0 {
                    s.push_str("features ecn ");
                }
            }
            MetricAttr::Unknown(a) | MetricAttr::Invalid(a, _) => {
                let _ = write!(s, "metric{} 0x", a.id());
                for b in a.payload() {
                    let _ = write!(s, "{b:02x}");
                }
                s.push(' ');
            }
            other => {
                if let Some(v) = metric_u32(&other) {
                    let _ = write!(s, "{name} {v} ");
                }
            }
        }
    }
}

/// The `RTAX_*` id of the metric ip names `name` (`mtu` → `RTAX_MTU`).
fn metric_id(name: &str) -> u16 {
    let k = format!("RTAX_{}", name.to_ascii_uppercase());
    <MetricAttr<'_>>::NAMES.iter().find(|(_, n)| *n == k).map(|(i, _)| *i).unwrap_or(0)
}

/// The name `ip` gives a metric: its kernel name without `RTAX_`, in
/// lower case (`RTAX_RTO_MIN` → `rto_min`), but `congctl` for `RTAX_CC_ALGO`.
fn metric_short_name(id: u16) -> String {
    if id == rt::RTAX_CC_ALGO {
        return "congctl".into();
    }
    match <MetricAttr<'_>>::NAMES.iter().find(|(i, _)| *i == id) {
        Some((_, n)) => n.trim_start_matches("RTAX_").to_ascii_lowercase(),
        None => format!("metric{id}"),
    }
}

fn metric_u32<O: ByteOrder>(m: &MetricAttr<'_, O>) -> Option<u32> {
    use MetricAttr::*;
    match *m {
        Mtu(v) | Window(v) | Ssthresh(v) | Cwnd(v) | AdvMss(v) | Reordering(v) | HopLimit(v) | InitCwnd(v)
        | InitRwnd(v) | QuickAck(v) | FastopenNoCookie(v) => Some(v),
        _ => None,
    }
}

/// The command of `route add` and friends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteOp {
    Add,
    Del,
    Replace,
    Change,
    Append,
    Prepend,
    /// `test`: `NLM_F_EXCL` alone (the kernel checks, creates nothing).
    Test,
}

impl RouteOp {
    /// The command a word names (`add`, `del`, …), abbreviated as `ip
    /// route` takes it.
    pub fn from_command(c: &str) -> Option<Self> {
        let v = ROUTE.verb(c)?;
        Some(match v.kw.name() {
            "test" => RouteOp::Test,
            "add" => RouteOp::Add,
            "delete" => RouteOp::Del,
            "replace" => RouteOp::Replace,
            "change" => RouteOp::Change,
            "append" => RouteOp::Append,
            "prepend" => RouteOp::Prepend,
            _ => return None,
        })
    }
    fn type_and_flags(self) -> (u16, u16) {
        let (ty, req) = match self {
            RouteOp::Add => (rt::RTM_NEWROUTE, Request::Add),
            RouteOp::Del => (rt::RTM_DELROUTE, Request::Plain),
            RouteOp::Replace => (rt::RTM_NEWROUTE, Request::Replace),
            RouteOp::Change => (rt::RTM_NEWROUTE, Request::Change),
            RouteOp::Append => (rt::RTM_NEWROUTE, Request::Append),
            RouteOp::Prepend => (rt::RTM_NEWROUTE, Request::Prepend),
            RouteOp::Test => return (rt::RTM_NEWROUTE, Request::Plain.flags() | NLM_F_EXCL),
        };
        (ty, req.flags())
    }
}

/// A next hop of a multipath route, parsed from the command line.
#[derive(Debug, Default, Clone)]
struct Hop {
    via: Option<IpAddr>,
    dev: Option<u32>,
    weight: u8,
    onlink: bool,
    encap: Option<crate::encap::EncapSpec>,
}

/// A route request parsed from `route add|del|... ARGS`.
#[derive(Debug, Default, Clone)]
pub struct RouteSpec {
    family: u8,
    kind: Option<RouteType>,
    dst: Option<(IpAddr, u8)>,
    /// An MPLS route's incoming label (`-M route add 100 ...`).
    label: Option<Vec<u32>>,
    /// `as [to] LABEL[/LABEL...]`: the labels an MPLS route swaps in.
    newdst: Option<Vec<u32>>,
    via: Option<IpAddr>,
    dev: Option<u32>,
    table: Option<u32>,
    metric: Option<u32>,
    proto: Option<RouteProtocol>,
    scope: Option<RouteScope>,
    src: Option<IpAddr>,
    /// `RTAX_*` metrics given (id, value), and the locked ones.
    metrics: Vec<(u16, u32)>,
    lock: u32,
    congctl: Option<String>,
    tos: Option<u8>,
    pref: Option<u8>,
    nhid: Option<u32>,
    ttl_propagate: Option<u8>,
    onlink: bool,
    encap: Option<crate::encap::EncapSpec>,
    hops: Vec<Hop>,
}

/// `tos 0x10` or `tos 16`: a DS field value (names from `rt_dsfield` are
/// not read).
pub(crate) fn parse_tos(s: &str) -> Result<u8, String> {
    let v = match s.strip_prefix("0x") {
        Some(h) => u8::from_str_radix(h, 16).ok(),
        None => u8::from_str_radix(s, 16).ok(),
    };
    v.ok_or_else(|| format!("Error: argument \"{s}\" is wrong: TOS value is invalid"))
}

/// A number as ip's `get_unsigned` reads it (decimal, `0x` hex, `0` octal).
pub(crate) fn parse_u32(s: &str, what: &str) -> Result<u32, String> {
    let v = if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        u32::from_str_radix(h, 16).ok()
    } else if s.len() > 1 && s.starts_with('0') {
        u32::from_str_radix(&s[1..], 8).ok()
    } else {
        s.parse().ok()
    };
    v.ok_or_else(|| format!("Error: argument \"{s}\" is wrong: \"{what}\" value is invalid"))
}

fn parse_addr(s: &str) -> Result<IpAddr, String> {
    parse_ip(s).ok_or_else(|| format!("Error: any valid address is expected rather than \"{s}\"."))
}

/// An address as ip reads one: IPv6 when it has a colon, else IPv4 with
/// ip's shorthand (`10` is 10.0.0.0, `10.1` 10.1.0.0; each part decimal,
/// `0x` hex or `0` octal, as `strtoul` reads it).
pub(crate) fn parse_ip(s: &str) -> Option<IpAddr> {
    if s.contains(':') {
        return s.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6);
    }
    let mut o = [0u8; 4];
    let mut parts = s.split('.');
    for (i, slot) in o.iter_mut().enumerate() {
        let Some(p) = parts.next() else {
            // fewer than four parts: the rest are zero
            return (i > 0).then(|| IpAddr::V4(o.into()));
        };
        let v = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
            u32::from_str_radix(h, 16).ok()
        } else if p.len() > 1 && p.starts_with('0') {
            u32::from_str_radix(&p[1..], 8).ok()
        } else if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().ok()
        } else {
            None
        };
        *slot = u8::try_from(v?).ok()?;
    }
    if parts.next().is_some() {
        return None;
    }
    Some(IpAddr::V4(o.into()))
}

/// `100` or `100/200`: an MPLS label stack.
fn parse_labels(s: &str) -> Result<Vec<u32>, String> {
    s.split('/')
        .map(|l| {
            l.parse::<u32>()
                .ok()
                .filter(|v| *v < 1 << 20)
                .ok_or_else(|| format!("Error: argument \"{l}\" is wrong: invalid label"))
        })
        .collect()
}

fn bad_prefix(s: &str) -> String {
    format!("Error: any valid prefix is expected rather than \"{s}\".")
}

fn parse_prefix(s: &str) -> Result<Option<(IpAddr, u8)>, String> {
    if s == "default" || s == "all" || s == "any" {
        return Ok(None);
    }
    let (a, len) = match s.split_once('/') {
        Some((a, l)) => (a, Some(l.parse::<u8>().map_err(|_| bad_prefix(s))?)),
        None => (s, None),
    };
    let addr = parse_ip(a).ok_or_else(|| bad_prefix(s))?;
    let max = if addr.is_ipv4() { 32 } else { 128 };
    let len = len.unwrap_or(max);
    if len > max {
        return Err(bad_prefix(s));
    }
    Ok(Some((addr, len)))
}

/// The index of interface `name`, looked up in `-n`'s namespace.
pub(crate) fn ifindex(name: &str) -> Result<u32, String> {
    thread_local! {
        // a batch names the same few devices on every line
        static CACHE: std::cell::RefCell<HashMap<String, u32>> = Default::default();
    }
    if let Some(i) = CACHE.with(|c| c.borrow().get(name).copied()) {
        return Ok(i);
    }
    let i = ifindex_uncached(name)?;
    CACHE.with(|c| c.borrow_mut().insert(name.to_owned(), i));
    Ok(i)
}

fn ifindex_uncached(name: &str) -> Result<u32, String> {
    let look = || nix::net::if_::if_nametoindex(name);
    let found = match crate::NETNS.get() {
        Some(ns) => rtnl_io::netns::Netns::Name(ns).run(look).map_err(|e| e.to_string())?,
        None => look(),
    };
    found.map_err(|_| format!("Cannot find device \"{name}\""))
}

fn fam_of(a: &IpAddr) -> u8 {
    if a.is_ipv4() {
        AF_INET
    } else {
        AF_INET6
    }
}

impl RouteSpec {
    /// Parses `[TYPE] PREFIX [via GW] [dev IF] ...`.
    pub fn parse(args: &[String], family: u8) -> Result<Self, String> {
        let mut r = RouteSpec { family, ..Default::default() };
        let mut it = args.iter().peekable();
        let mut have_dst = false;
        // gateways given without `inet`/`inet6`: their family must be the
        // route's (checked once it is known), as ip checks them
        let mut plain_vias: Vec<(IpAddr, String)> = Vec::new();
        let explicit = family;
        let want = |fam: u8, what: &str, text: &str| {
            let name = if fam == AF_INET6 { "inet6" } else { "inet" };
            format!("Error: {name} {what} is expected rather than \"{text}\".")
        };
        let need = |v: Option<&String>, _what: &str| crate::grammar::need(v).cloned();
        while let Some(a) = it.next() {
            let word = grammar::keyword(a, ROUTE_SPEC.keywords, "route")?;
            match word.unwrap_or(a.as_str()) {
                "via" => {
                    let mut v = need(it.next(), "via")?;
                    let named = v == "inet" || v == "inet6";
                    if named {
                        v = need(it.next(), "via")?;
                    }
                    let a = parse_addr(&v)?;
                    if !named {
                        plain_vias.push((a, v));
                    }
                    r.via = Some(a);
                }
                "dev" => r.dev = Some(ifindex(&need(it.next(), "dev")?)?),
                "table" => r.table = Some(parse_table(&need(it.next(), "table")?)?),
                "metric" => r.metric = Some(parse_u32(&need(it.next(), "metric")?, "metric")?),
                "protocol" => {
                    let v = need(it.next(), "proto")?;
                    r.proto = Some(
                        RouteProtocol::from_name(&v)
                            .ok_or(format!("Error: argument \"{v}\" is wrong: \"protocol\" value is invalid"))?,
                    );
                }
                "scope" => {
                    let v = need(it.next(), "scope")?;
                    r.scope = Some(
                        RouteScope::from_name(&v)
                            .ok_or(format!("Error: argument \"{v}\" is wrong: invalid \"scope\" value"))?,
                    );
                }
                "src" => r.src = Some(parse_addr(&need(it.next(), "src")?)?),
                "tos" => r.tos = Some(parse_tos(&need(it.next(), "tos")?)?),
                m @ ("mtu" | "hoplimit" | "advmss" | "reordering" | "window" | "cwnd" | "initcwnd" | "initrwnd"
                | "ssthresh") => {
                    let mut v = need(it.next(), m)?;
                    let id = metric_id(m);
                    if v == "lock" {
                        r.lock |= 1 << id;
                        v = need(it.next(), m)?;
                    }
                    let n = parse_u32(&v, m)?;
                    if m == "hoplimit" && n > 255 {
                        return Err(format!("Error: argument \"{v}\" is wrong: \"hoplimit\" value is invalid"));
                    }
                    r.metrics.push((id, n));
                }
                "congctl" => {
                    let mut v = need(it.next(), "congctl")?;
                    if v == "lock" {
                        r.lock |= 1 << rt::RTAX_CC_ALGO;
                        v = need(it.next(), "congctl")?;
                    }
                    r.congctl = Some(v);
                }
                "features" => {
                    let v = need(it.next(), "features")?;
                    if v != "ecn" {
                        return Err(format!("Error: argument \"{v}\" is wrong: \"features\" value not valid"));
                    }
                    r.metrics.push((metric_id("features"), 1));
                }
                b @ ("quickack" | "fastopen_no_cookie") => {
                    let v = need(it.next(), b)?;
                    let n = match v.as_str() {
                        "0" => 0,
                        "1" => 1,
                        _ => return Err(format!("Error: argument \"{v}\" is wrong: \"{b}\" value should be 0 or 1")),
                    };
                    r.metrics.push((metric_id(b), n));
                }
                "pref" => {
                    let v = need(it.next(), "pref")?;
                    r.pref = Some(match v.as_str() {
                        "low" => 3,
                        "medium" => 0,
                        "high" => 1,
                        _ => v
                            .parse()
                            .map_err(|_| format!("Error: argument \"{v}\" is wrong: \"pref\" value is invalid"))?,
                    });
                }
                "nhid" => r.nhid = Some(parse_u32(&need(it.next(), "nhid")?, "id")?),
                "ttl-propagate" => {
                    let v = need(it.next(), "ttl-propagate")?;
                    r.ttl_propagate = Some(if crate::matches(&v, "enabled") {
                        1
                    } else if crate::matches(&v, "disabled") {
                        0
                    } else {
                        return Err(format!("Error: argument \"{v}\" is wrong: \"ttl-propagate\" value is invalid"));
                    });
                }
                "onlink" => r.onlink = true,
                "as" => {
                    let mut v = need(it.next(), "as")?;
                    if v == "to" {
                        v = need(it.next(), "as to")?;
                    }
                    r.newdst = Some(parse_labels(&v)?);
                }
                "encap" => r.encap = Some(crate::encap::parse(&mut it, &ifindex)?),
                "nexthop" => {
                    let mut hop = Hop::default();
                    while let Some(k) = it.peek() {
                        match k.as_str() {
                            "via" => {
                                it.next();
                                let mut v = need(it.next(), "via")?;
                                let named = v == "inet" || v == "inet6";
                                if named {
                                    v = need(it.next(), "via")?;
                                }
                                let a = parse_addr(&v)?;
                                if !named {
                                    plain_vias.push((a, v));
                                }
                                hop.via = Some(a);
                            }
                            "dev" => {
                                it.next();
                                hop.dev = Some(ifindex(&need(it.next(), "dev")?)?);
                            }
                            "weight" => {
                                it.next();
                                let v = need(it.next(), "weight")?;
                                let w: u16 = v
                                    .parse()
                                    .map_err(|_| format!("Error: argument \"{v}\" is wrong: invalid weight"))?;
                                if !(1..=256).contains(&w) {
                                    return Err(format!("Error: argument \"{v}\" is wrong: invalid weight"));
                                }
                                hop.weight = (w - 1) as u8;
                            }
                            "onlink" => {
                                it.next();
                                hop.onlink = true;
                            }
                            "encap" => {
                                it.next();
                                hop.encap = Some(crate::encap::parse(&mut it, &ifindex)?);
                            }
                            _ => break,
                        }
                    }
                    r.hops.push(hop);
                }
                t if !have_dst && RouteType::from_name(t).is_some() && t.parse::<u8>().is_err() => {
                    r.kind = RouteType::from_name(t);
                }
                "to" if !have_dst => {
                    let v = need(it.next(), "to")?;
                    if r.family == AF_MPLS {
                        r.label = Some(parse_labels(&v)?);
                    } else {
                        r.dst = parse_prefix(&v)?;
                    }
                    have_dst = true;
                }
                p if !have_dst && r.family == AF_MPLS => {
                    r.label = Some(parse_labels(p)?);
                    have_dst = true;
                }
                p if !have_dst => {
                    r.dst = parse_prefix(p)?;
                    if let (Some((a, _)), AF_INET | AF_INET6) = (r.dst, explicit) {
                        if fam_of(&a) != explicit {
                            return Err(want(explicit, "prefix", p));
                        }
                    }
                    have_dst = true;
                }
                o => return Err(format!("Error: either \"to\" is duplicate, or \"{o}\" is a garbage.")),
            }
        }
        if !have_dst {
            return Err("Error: a destination prefix is needed (PREFIX, or default).".into());
        }
        if r.family == 0 {
            r.family = r
                .dst
                .map(|(a, _)| fam_of(&a))
                .or(r.via.map(|a| fam_of(&a)))
                .or(r.hops.iter().find_map(|h| h.via.map(|a| fam_of(&a))))
                .unwrap_or(AF_INET);
        }
        if r.family == AF_INET || r.family == AF_INET6 {
            if let Some((_, text)) = plain_vias.iter().find(|(a, _)| fam_of(a) != r.family) {
                return Err(want(r.family, "address", text));
            }
        }
        Ok(r)
    }

    /// Encodes the request the way `ip route` builds it.
    pub fn encode(&self, op: RouteOp, seq: u32) -> Result<Vec<u8>, String> {
        let (ty, flags) = op.type_and_flags();
        let kind = self.kind.unwrap_or(RouteType::UNICAST);
        // as ip: local, broadcast, nat and anycast routes live in table
        // local unless another is named (for a delete too, to find them)
        let table = self.table.unwrap_or(
            if [RouteType::LOCAL, RouteType::BROADCAST, RouteType::NAT, RouteType::ANYCAST].contains(&kind) {
                RouteTable::LOCAL.0
            } else {
                RouteTable::MAIN.0
            },
        );
        let mut h = RtMsg::<rtnl_core::wire::NativeEndian> {
            rtm_family: self.family,
            rtm_dst_len: if self.label.is_some() { 20 } else { self.dst.map(|d| d.1).unwrap_or(0) },
            rtm_table: u8::try_from(table).unwrap_or(RouteTable::UNSPEC.0 as u8),
            ..Default::default()
        };
        if op != RouteOp::Del {
            h.rtm_protocol = self.proto.unwrap_or(RouteProtocol::BOOT).0;
            h.rtm_type = kind.0;
            h.rtm_scope = match self.scope {
                Some(s) => s.0,
                None if kind == RouteType::LOCAL || kind == RouteType::NAT => RouteScope::HOST.0,
                None if [RouteType::BROADCAST, RouteType::MULTICAST, RouteType::ANYCAST].contains(&kind) => {
                    RouteScope::LINK.0
                }
                // ip: IPv6 and MPLS routes are universe, IPv4 ones without a gateway link
                None if self.family == AF_INET6 || self.family == AF_MPLS => RouteScope::UNIVERSE.0,
                None if kind == RouteType::UNICAST && self.via.is_none() && self.hops.is_empty() => RouteScope::LINK.0,
                None => RouteScope::UNIVERSE.0,
            };
        } else {
            h.rtm_scope = self.scope.map(|s| s.0).unwrap_or(RouteScope::NOWHERE.0);
            h.rtm_protocol = self.proto.map(|p| p.0).unwrap_or(0);
            h.rtm_type = self.kind.map(|k| k.0).unwrap_or(0);
        }
        if self.onlink {
            h.rtm_flags.set(u32::from(rt::RTNH_F_ONLINK));
        }
        h.rtm_tos = self.tos.unwrap_or(0);
        let mut w = Writer::new(VecBuffer::default());
        rt::request(&mut w, ty, flags, seq, &h, |r| {
            if table > 255 {
                r.table(table)?;
            }
            if let Some((a, _)) = self.dst {
                r.dst(a.into())?;
            }
            if let Some(l) = &self.label {
                let mut st = vec![0u8; l.len() * 4];
                r.dst(Address::Mpls(Labels::encode(l, &mut st).ok_or(rtnl_core::wire::EncodeError::BadMark)?))?;
            }
            if let Some(l) = &self.newdst {
                let mut st = vec![0u8; l.len() * 4];
                r.newdst(Labels::encode(l, &mut st).ok_or(rtnl_core::wire::EncodeError::BadMark)?)?;
            }
            if let Some(s) = self.src {
                r.prefsrc(s.into())?;
            }
            if let Some(gw) = self.via {
                r.gateway_or_via(self.family, gw)?;
            }
            if let Some(d) = self.dev {
                r.oif(d)?;
            }
            if let Some(m) = self.metric {
                r.priority(m)?;
            }
            if !self.metrics.is_empty() || self.congctl.is_some() {
                r.metrics(|m| {
                    if self.lock != 0 {
                        m.lock(self.lock)?;
                    }
                    for &(id, v) in &self.metrics {
                        let name = <MetricAttr<'_>>::NAMES.iter().find(|(i, _)| *i == id).map(|(_, n)| *n);
                        match name.unwrap_or("") {
                            "RTAX_MTU" => m.mtu(v)?,
                            "RTAX_HOPLIMIT" => m.hoplimit(v)?,
                            "RTAX_ADVMSS" => m.advmss(v)?,
                            "RTAX_REORDERING" => m.reordering(v)?,
                            "RTAX_WINDOW" => m.window(v)?,
                            "RTAX_CWND" => m.cwnd(v)?,
                            "RTAX_INITCWND" => m.initcwnd(v)?,
                            "RTAX_INITRWND" => m.initrwnd(v)?,
                            "RTAX_SSTHRESH" => m.ssthresh(v)?,
                            "RTAX_FEATURES" => m.features(v)?,
                            "RTAX_QUICKACK" => m.quickack(v)?,
                            "RTAX_FASTOPEN_NO_COOKIE" => m.fastopen_no_cookie(v)?,
                            _ => return Err(rtnl_core::wire::EncodeError::BadMark),
                        };
                    }
                    if let Some(c) = &self.congctl {
                        m.cc_algo(c)?;
                    }
                    Ok(())
                })?;
            }
            if let Some(p) = self.pref {
                r.pref(p)?;
            }
            if let Some(id) = self.nhid {
                r.nh_id(id)?;
            }
            if let Some(t) = self.ttl_propagate {
                r.ttl_propagate(t)?;
            }
            if let Some(e) = &self.encap {
                e.write(r.encap())?;
            }
            if !self.hops.is_empty() {
                r.multipath(|mp| {
                    for hop in &self.hops {
                        let flags = if hop.onlink { rt::RTNH_F_ONLINK } else { 0 };
                        mp.hop(flags, u16::from(hop.weight) + 1, hop.dev.unwrap_or(0) as i32, |h| {
                            if let Some(gw) = hop.via {
                                h.gateway_or_via(self.family, gw)?;
                            }
                            if let Some(e) = &hop.encap {
                                e.write(h.encap())?;
                            }
                            Ok(())
                        })?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })
        .map_err(|e| e.to_string())?;
        Ok(w.into_inner().0)
    }
}

fn modify(g: &Global, args: &[String], op: RouteOp) -> Result<ExitCode, Fail> {
    let spec = RouteSpec::parse(args, g.family)?;
    let mut sock = g.socket()?;
    let req = spec.encode(op, sock.next_seq())?;
    match sock.request(&req) {
        Ok(ack) => {
            if let Some(w) = ack.warning {
                eprintln!("{w}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{e}");
            Ok(ExitCode::from(2))
        }
    }
}

/// Prints a route notification like `ip monitor route`.
pub fn print_notification(msg: &Message<'_>, r: &RouteMessage<'_>, names: &DevNames) {
    let prefix = if msg.ty() == rt::RTM_DELROUTE { "Deleted " } else { "" };
    print!("{prefix}{}", format_route(r, names, &Show::tables(true)));
}

#[cfg(test)]
mod tests {
    //! The requests `rtnl route add` builds carry the same attribute
    //! payloads as the kernel's own dump of the same route, in the golden
    //! corpus (7.2, amd64): the encapsulations and MPLS routes this
    //! machine's kernel refuses are checked against those bytes.
    use super::*;

    #[test]
    fn rt_flags_are_ips_words_for_the_uapi_bits() {
        // print_rt_flags of ip 6.1, bit by bit (RTM_F_OFFLOAD is 0x4000,
        // RTM_F_TRAP 0x8000, RTM_F_OFFLOAD_FAILED 0x20000000)
        let words = |f: u32| -> Vec<&str> { FLAG_NAMES.iter().filter(|(b, _)| f & b != 0).map(|(_, w)| *w).collect() };
        assert_eq!(words(0x1 | 0x4 | 0x100), ["dead", "onlink", "notify"]);
        assert_eq!(words(0x4000), ["rt_offload"]);
        assert_eq!(words(0x8000), ["rt_trap"]);
        assert_eq!(words(0x2000_0000), ["rt_offload_failed"]);
        assert!(words(0x2000).is_empty(), "RTM_F_FIB_MATCH is not printed");
        assert_eq!(words(0x2 | 0x8 | 0x10 | 0x20 | 0x40), ["pervasive", "offload", "trap", "linkdown", "unresolved"]);
    }
    use rtnl_core::message::{Message, RtnlMessage};
    use rtnl_core::wire::{Messages, NativeEndian, NlMsg};

    fn corpus(file: &str) -> Vec<u8> {
        let p = format!("{}/../testdata/kernels/7.2-amd64/{file}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
    }

    /// `(id, payload)` of every top-level attribute of a route message, and
    /// its header.
    fn attrs(msg: NlMsg<'_, NativeEndian>) -> (RtMsg, Vec<(u16, Vec<u8>)>) {
        let RtnlMessage::Route(r) = Message::decode(msg).body().clone() else { panic!("not a route") };
        let v = r.attrs().raw().map(|a| a.unwrap()).map(|a| (a.id(), a.payload().to_vec())).collect();
        (*r.header(), v)
    }

    fn ours(args: &str, family: u8) -> (RtMsg, Vec<(u16, Vec<u8>)>) {
        let args: Vec<String> = args.split_whitespace().map(String::from).collect();
        let req = RouteSpec::parse(&args, family).unwrap().encode(RouteOp::Add, 1).unwrap();
        attrs(Messages::new(&req).next().unwrap().unwrap())
    }

    fn kernels(file: &str, dst: &[u8]) -> (RtMsg, Vec<(u16, Vec<u8>)>) {
        let data = corpus(file);
        Messages::new(&data)
            .flatten()
            .filter(|m| m.ty() == rt::RTM_NEWROUTE)
            .map(attrs)
            .find(|(_, a)| a.iter().any(|(id, p)| *id == rt::RTA_DST && p == dst))
            .unwrap_or_else(|| panic!("no route to {dst:?} in {file}"))
    }

    fn payload(a: &[(u16, Vec<u8>)], id: u16) -> Option<&[u8]> {
        a.iter().find(|(i, _)| *i == id).map(|(_, p)| p.as_slice())
    }

    #[test]
    fn mpls_encap_request_matches_the_kernels_dump() {
        let (_, mine) = ours("10.19.0.0/24 encap mpls 100/200 via 10.9.0.2 dev lo", 0);
        let (_, theirs) = kernels("route-v4.bin", &[10, 19, 0, 0]);
        for id in [rt::RTA_ENCAP, rt::RTA_ENCAP_TYPE, rt::RTA_GATEWAY] {
            assert_eq!(payload(&mine, id), payload(&theirs, id), "attribute {id}");
        }
        assert!(payload(&mine, rt::RTA_ENCAP).is_some());
    }

    #[test]
    fn seg6_encap_request_matches_the_kernels_dump() {
        let (_, mine) = ours("fd00:5::/64 encap seg6 mode encap segs fd00:a::1,fd00:a::2 dev lo", 0);
        let dst: std::net::Ipv6Addr = "fd00:5::".parse().unwrap();
        let (_, theirs) = kernels("route-v6.bin", &dst.octets());
        for id in [rt::RTA_ENCAP, rt::RTA_ENCAP_TYPE] {
            assert_eq!(payload(&mine, id), payload(&theirs, id), "attribute {id}");
        }
    }

    #[test]
    fn mpls_route_request_matches_the_kernels_dump() {
        let (h, mine) = ours("100 as to 200 via inet 10.9.0.2 dev lo", AF_MPLS);
        let (kh, theirs) = kernels("route-mpls.bin", &[0, 6, 65, 0]);
        assert_eq!(
            (h.rtm_family, h.rtm_dst_len, h.rtm_table, h.rtm_scope, h.rtm_type),
            (kh.rtm_family, kh.rtm_dst_len, kh.rtm_table, kh.rtm_scope, kh.rtm_type)
        );
        for id in [rt::RTA_DST, rt::RTA_NEWDST, rt::RTA_VIA] {
            assert_eq!(payload(&mine, id), payload(&theirs, id), "attribute {id}");
        }
        let (_, mine) = ours("101 via inet6 fd00:9::2 dev lo", AF_MPLS);
        let (_, theirs) = kernels("route-mpls.bin", &[0, 6, 81, 0]);
        for id in [rt::RTA_DST, rt::RTA_VIA] {
            assert_eq!(payload(&mine, id), payload(&theirs, id), "attribute {id}");
        }
    }

    #[test]
    fn encap_text_matches_ip_for_the_corpus_routes() {
        let data = corpus("route-v4.bin");
        let names = DevNames::new(HashMap::from([(16u32, "v0".to_string())]));
        let line = Messages::new(&data)
            .flatten()
            .map(Message::decode)
            .find_map(|m| match m.body() {
                RtnlMessage::Route(r) if r.attrs().find(rt::RTA_ENCAP).is_some() => {
                    Some(format_route(r, &names, &Show::default()))
                }
                _ => None,
            })
            .unwrap();
        // ip 6.1 prints it so (the two spaces are ip's)
        assert_eq!(line.trim_end(), "10.19.0.0/24  encap mpls  100/200 via 10.9.0.2 dev v0");
    }
}
