//! `rtnl link`: show links as `ip link show` prints them (text, `-j`,
//! `-br`, `-d`, `-s`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::process::ExitCode;

use rtnl_core::link::{
    AfSpec, AfSpecAttr, IfFlags, Inet6Attr, LinkAttr, LinkInfoAttr, LinkMessage, LinkType, RtnlLinkStats64,
};
use rtnl_core::message::{Message, RtnlMessage};
use rtnl_core::wire::{Messages, NativeEndian, Writer};
use rtnl_io::{LinkFilter, VecBuffer};

use crate::grammar::{self, Arg, Kw, KwSet, Object, Verb, M};
use crate::ipjson::json_str;
use crate::{Fail, Global};

const fn kw(words: &'static [(&'static str, M)], arg: Arg, help: &'static str) -> Kw {
    Kw { words, arg, help, ready: true }
}

const fn todo(words: &'static [(&'static str, M)], arg: Arg) -> Kw {
    Kw { words, arg, help: "", ready: false }
}

/// `link show`'s keywords, in ip's order.
pub const LINK_SHOW: KwSet = KwSet {
    name: "SHOW",
    keywords: &[
        kw(&[("dev", M::Exact)], Arg::Dev, "the link named STRING"),
        kw(&[("up", M::Exact)], Arg::None, "links that are up"),
        kw(&[("master", M::Exact)], Arg::Dev, "the ports of master STRING"),
        todo(&[("vrf", M::Exact)], Arg::Value("NAME")),
        kw(&[("type", M::Exact)], Arg::Value("ETYPE"), "links of kind ETYPE (veth, bridge, vxlan, …)"),
        todo(&[("group", M::Exact)], Arg::Value("GROUP")),
        kw(&[("nomaster", M::Exact)], Arg::None, "links without a master"),
    ],
    positional: Some(("DEVICE", "the link named DEVICE")),
};

const fn verb(
    words: &'static [(&'static str, M)],
    synopsis: &'static str,
    sets: &'static [&'static KwSet],
    help: &'static str,
    ready: bool,
) -> Verb {
    Verb { kw: Kw { words, arg: Arg::None, help, ready }, synopsis, sets }
}

/// `ip link`'s verbs, in the order ip tries them (`s` is set, `sh` show).
pub const LINK: Object = Object {
    name: "link",
    help: "network devices: show, add, change and delete them (like ip link)",
    verbs: &[
        verb(&[("add", M::Prefix)], "LINK", &[&LINK_SPEC], "add a link", true),
        verb(&[("set", M::Prefix), ("change", M::Prefix)], "LINK", &[&LINK_SPEC], "change a link", true),
        verb(&[("replace", M::Prefix)], "LINK", &[&LINK_SPEC], "add or change a link", true),
        verb(&[("delete", M::Prefix)], "LINK", &[&LINK_SPEC], "delete a link", true),
        verb(
            &[("show", M::Prefix), ("lst", M::Prefix), ("list", M::Prefix)],
            "SHOW",
            &[&LINK_SHOW],
            "list links",
            true,
        ),
        verb(&[("xstats", M::Prefix)], "type TYPE", &[], "extended statistics", false),
        verb(&[("afstats", M::Prefix)], "[ dev DEVICE ]", &[], "per-family statistics", false),
        verb(
            &[("property", M::Prefix)],
            "{ add | del } dev DEVICE altname NAME [ altname NAME ... ]",
            &[],
            "add or delete alternative names",
            true,
        ),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: KIND_NOTES,
};

/// `rtnl link …`.
pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (cmd, rest) = match args.split_first() {
        None => ("show", &[][..]),
        Some((c, r)) => (c.as_str(), r),
    };
    let Some(verb) = LINK.verb(cmd) else {
        return Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl link help\".")));
    };
    if !verb.kw.ready {
        return Err(Fail::usage(format!(
            "\"{}\" is not implemented in rtnl yet, try \"rtnl link help\".",
            verb.kw.name()
        )));
    }
    if rest.first().is_some_and(|w| w == "help" || w == "--help") {
        return Ok(grammar::print_usage(&LINK));
    }
    match verb.kw.name() {
        "show" => show(g, rest),
        v @ ("add" | "set" | "replace" | "delete") => modify(g, v, rest),
        "property" => property(g, rest),
        _ => Ok(grammar::print_usage(&LINK)),
    }
}

/// What `link show` selects.
#[derive(Debug, Default)]
struct Select {
    dev: Option<String>,
    up: bool,
    master: Option<u32>,
    nomaster: bool,
    kind: Option<String>,
}

fn parse_show(args: &[String]) -> Result<Select, String> {
    let mut s = Select::default();
    let mut it = args.iter();
    let need = |v: Option<&String>| -> Result<String, String> {
        v.cloned().ok_or_else(|| "Command line is not complete. Try option \"help\"".to_owned())
    };
    while let Some(a) = it.next() {
        match grammar::keyword(a, LINK_SHOW.keywords, "link")? {
            Some("dev") => s.dev = Some(need(it.next())?),
            Some("up") => s.up = true,
            Some("master") => s.master = Some(crate::route::ifindex(&need(it.next())?)?),
            Some("nomaster") => s.nomaster = true,
            Some("type") => s.kind = Some(need(it.next())?),
            Some(other) => return Err(grammar::no_case(other)),
            None if s.dev.is_none() => s.dev = Some(a.clone()),
            None => return Err(format!("Error: either \"dev\" is duplicate, or \"{a}\" is a garbage.")),
        }
    }
    Ok(s)
}

/// The links of a dump, as received (each re-encoded byte for byte).
fn dump_links(g: &Global, filter: &LinkFilter<'_>) -> Result<Vec<Vec<u8>>, Fail> {
    let mut sock = g.socket()?;
    let req =
        rtnl_io::link_dump_request_where(sock.next_seq(), 0, 0, filter).map_err(|e| Fail::error(e.to_string()))?;
    let mut links = Vec::new();
    let mut err = None;
    let sum = sock.dump(&req, |msg| {
        if matches!(msg.body(), RtnlMessage::Link(_)) {
            let mut w = Writer::<_, NativeEndian>::new(VecBuffer::default());
            match msg.emit(&mut w) {
                Ok(()) => links.push(w.into_inner().0),
                Err(e) => err = Some(e),
            }
        }
    });
    if let Some(e) = err {
        return Err(Fail::error(format!("cannot re-encode a link: {e}")));
    }
    let sum = sum.map_err(|e| Fail::kernel(format!("{e}\nDump terminated")))?;
    if sum.interrupted {
        eprintln!("Dump was interrupted and may be inconsistent.");
    }
    Ok(links)
}

fn decode(bytes: &[u8]) -> Option<LinkMessage<'_>> {
    let m = Messages::new(bytes).next()?.ok()?;
    match Message::decode(m).body() {
        RtnlMessage::Link(l) => Some(l.clone()),
        _ => None,
    }
}

/// `link show`.
fn show(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let sel = parse_show(args)?;
    // ip resolves a device name first, and refuses an unknown one
    let want = match &sel.dev {
        Some(d) => match crate::route::ifindex(d) {
            Ok(i) => Some(i),
            Err(_) => return Err(Fail::error(format!("Device \"{d}\" does not exist."))),
        },
        None => None,
    };
    let filter = LinkFilter { kind: sel.kind.as_deref(), master: sel.master };
    let links = dump_links(g, &filter)?;
    // names and flags of every link, for `@LINK`, `master` and M-DOWN (of
    // all links: the kernel's filter left some out)
    let every = if filter == LinkFilter::default() { None } else { Some(dump_links(g, &LinkFilter::default())?) };
    let mut names = HashMap::new();
    let mut flags = HashMap::new();
    for b in every.as_ref().unwrap_or(&links) {
        if let Some(l) = decode(b) {
            let i = l.header().ifi_index.get() as u32;
            flags.insert(i, l.header().ifi_flags.get());
            if let Some(n) = l.name() {
                names.insert(i, n.to_owned());
            }
        }
    }
    let ctx = Ctx { names: &names, flags: &flags, g };
    let mut out = String::new();
    let mut first = true;
    for b in &links {
        let Some(l) = decode(b) else { continue };
        let h = l.header();
        if want.is_some_and(|w| h.ifi_index.get() as u32 != w)
            || (sel.up && !h.flags().has(IfFlags::UP))
            || (sel.nomaster && l.attrs().flatten().any(|a| matches!(a, LinkAttr::Master(_))))
            || (sel.kind.as_deref().is_some_and(|k| l.kind() != Some(k)))
            || (sel.master.is_some_and(|m| !l.attrs().flatten().any(|a| a == LinkAttr::Master(m))))
        {
            continue;
        }
        if g.json_kernel {
            // the kernel-named contract: one object per message and line
            if let Some(m) = Messages::new(b).next().and_then(Result::ok) {
                out.push_str(&rtnl_io::json::to_json(&Message::decode(m)));
                out.push('\n');
            }
        } else if g.json {
            out.push(if first { '[' } else { ',' });
            first = false;
            json_link(&mut out, &l, &ctx, false);
        } else if g.brief {
            brief_link(&mut out, &l, &ctx);
        } else {
            text_link(&mut out, &l, &ctx, false);
        }
    }
    if g.json && !g.json_kernel {
        out.push_str(if first { "[]" } else { "]" });
        out = if g.pretty { crate::ipjson::pretty(&out) } else { out + "\n" };
    }
    let mut o = std::io::stdout().lock();
    match o.write_all(out.as_bytes()).and_then(|()| o.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Fail::error(format!("cannot write: {e}"))),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// What printing a link needs besides the link.
pub struct Ctx<'a> {
    names: &'a HashMap<u32, String>,
    flags: &'a HashMap<u32, u32>,
    g: &'a Global,
}

/// ip's names of the operational states.
const OPER_STATES: [&str; 7] = ["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"];

/// The flags as ip lists them: NO-CARRIER first when up without carrier,
/// then the named bits in ip's order, any other bits in hex, M-DOWN.
fn flag_words(flags: u32, mdown: bool) -> Vec<String> {
    let mut v = Vec::new();
    let mut f = flags;
    if f & IfFlags::UP != 0 && f & IfFlags::RUNNING == 0 {
        v.push("NO-CARRIER".to_owned());
    }
    f &= !IfFlags::RUNNING;
    for (bit, name) in [
        (IfFlags::LOOPBACK, "LOOPBACK"),
        (IfFlags::BROADCAST, "BROADCAST"),
        (IfFlags::POINTOPOINT, "POINTOPOINT"),
        (IfFlags::MULTICAST, "MULTICAST"),
        (IfFlags::NOARP, "NOARP"),
        (IfFlags::ALLMULTI, "ALLMULTI"),
        (IfFlags::PROMISC, "PROMISC"),
        (IfFlags::MASTER, "MASTER"),
        (IfFlags::SLAVE, "SLAVE"),
        (IfFlags::DEBUG, "DEBUG"),
        (IfFlags::DYNAMIC, "DYNAMIC"),
        (IfFlags::AUTOMEDIA, "AUTOMEDIA"),
        (IfFlags::PORTSEL, "PORTSEL"),
        (IfFlags::NOTRAILERS, "NOTRAILERS"),
        (IfFlags::UP, "UP"),
        (IfFlags::LOWER_UP, "LOWER_UP"),
        (IfFlags::DORMANT, "DORMANT"),
        (IfFlags::ECHO, "ECHO"),
    ] {
        if f & bit != 0 {
            f &= !bit;
            v.push(name.to_owned());
        }
    }
    if f != 0 {
        v.push(format!("{f:x}"));
    }
    if mdown {
        v.push("M-DOWN".to_owned());
    }
    v
}

/// A link-layer address as ip prints it: IPv4 or IPv6 for the tunnels
/// that carry one, else colon-separated hex.
fn ll_addr(b: &[u8], ty: LinkType) -> String {
    match (b.len(), ty) {
        (4, LinkType::TUNNEL | LinkType::SIT | LinkType::IPGRE) => Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string(),
        (16, LinkType::TUNNEL6 | LinkType::IP6GRE) => {
            let mut a = [0u8; 16];
            a.copy_from_slice(b);
            Ipv6Addr::from(a).to_string()
        }
        _ => b.iter().map(|x| format!("{x:02x}")).collect::<Vec<_>>().join(":"),
    }
}

fn ll_type_name(ty: LinkType) -> String {
    match ty.short_name() {
        Some(n) => n.to_owned(),
        None => format!("[{}]", ty.0),
    }
}

/// The fields of a link that the printers use, found in one pass.
#[derive(Default)]
struct Fields<'a> {
    name: &'a str,
    link: Option<u32>,
    link_netnsid: Option<i32>,
    mtu: Option<u32>,
    qdisc: Option<&'a str>,
    master: Option<u32>,
    operstate: Option<u8>,
    linkmode: Option<u8>,
    group: Option<u32>,
    txqlen: Option<u32>,
    address: Option<&'a [u8]>,
    broadcast: Option<&'a [u8]>,
    perm_address: Option<&'a [u8]>,
    ifalias: Option<&'a str>,
    altnames: Vec<&'a str>,
    promiscuity: Option<u32>,
    allmulti: Option<u32>,
    min_mtu: Option<u32>,
    max_mtu: Option<u32>,
    kind: Option<&'a str>,
    /// The kind's options, as ip prints them: text and JSON members (for
    /// the kinds whose options rtnl prints).
    kind_opts: Option<(String, String)>,
    slave_kind: Option<&'a str>,
    /// The port's options under its master, as ip prints them (text and
    /// JSON members).
    slave_opts: Option<(String, String)>,
    addr_gen_mode: Option<u8>,
    uints: Vec<(&'static str, &'static str, u32)>,
    /// `-d`'s names after the numbers: port name and id, switch id, parent bus and device.
    strs: Vec<(&'static str, &'static str, String)>,
    stats64: Option<RtnlLinkStats64<NativeEndian>>,
    carrier_changes: Option<u32>,
    proto_down: bool,
}

fn fields<'a>(l: &LinkMessage<'a>, names: &HashMap<u32, String>) -> Fields<'a> {
    let mut f = Fields::default();
    let mut uints = Vec::new();
    let mut strs = Vec::new();
    for a in l.attrs().flatten() {
        match a {
            LinkAttr::Ifname(n) => f.name = n,
            LinkAttr::Link(i) => f.link = Some(i),
            LinkAttr::LinkNetnsid(i) => f.link_netnsid = Some(i),
            LinkAttr::Mtu(v) => f.mtu = Some(v),
            LinkAttr::Qdisc(q) => f.qdisc = Some(q),
            LinkAttr::Master(m) => f.master = Some(m),
            LinkAttr::Operstate(o) => f.operstate = Some(o),
            LinkAttr::Linkmode(m) => f.linkmode = Some(m),
            LinkAttr::Group(v) => f.group = Some(v),
            LinkAttr::Txqlen(v) => f.txqlen = Some(v),
            LinkAttr::Address(b) => f.address = Some(b.0),
            LinkAttr::Broadcast(b) => f.broadcast = Some(b.0),
            LinkAttr::PermAddress(b) => f.perm_address = Some(b.0),
            LinkAttr::Ifalias(s) => f.ifalias = Some(s),
            LinkAttr::Promiscuity(v) => f.promiscuity = Some(v),
            LinkAttr::Allmulti(v) => f.allmulti = Some(v),
            LinkAttr::MinMtu(v) => f.min_mtu = Some(v),
            LinkAttr::MaxMtu(v) => f.max_mtu = Some(v),
            LinkAttr::CarrierChanges(v) => f.carrier_changes = Some(v),
            LinkAttr::ProtoDown(v) => f.proto_down = v != 0,
            LinkAttr::Stats64(s) => f.stats64 = Some(s.get()),
            LinkAttr::PropList(p) => {
                for x in p.iter().flatten() {
                    if let rtnl_core::link::PropAttr::AltIfname(n) = x {
                        f.altnames.push(n);
                    }
                }
            }
            LinkAttr::Linkinfo(n) => {
                for i in n.iter().flatten() {
                    match i {
                        LinkInfoAttr::Kind(k) => f.kind = Some(k),
                        LinkInfoAttr::SlaveKind(k) => f.slave_kind = Some(k),
                        LinkInfoAttr::Data(d) => f.kind_opts = kind_options(&d, names),
                        LinkInfoAttr::SlaveData(d) => f.slave_opts = slave_options(&d, names),
                        _ => {}
                    }
                }
            }
            LinkAttr::AfSpec(AfSpec::Unspec(n)) => {
                for x in n.iter().flatten() {
                    if let AfSpecAttr::Inet6(i6) = x {
                        for y in i6.iter().flatten() {
                            if let Inet6Attr::AddrGenMode(m) = y {
                                f.addr_gen_mode = Some(m);
                            }
                        }
                    }
                }
            }
            LinkAttr::NumTxQueues(v) => uints.push((0, "num_tx_queues", "numtxqueues", v)),
            LinkAttr::NumRxQueues(v) => uints.push((1, "num_rx_queues", "numrxqueues", v)),
            LinkAttr::GsoMaxSize(v) => uints.push((2, "gso_max_size", "gso_max_size", v)),
            LinkAttr::GsoMaxSegs(v) => uints.push((3, "gso_max_segs", "gso_max_segs", v)),
            LinkAttr::TsoMaxSize(v) => uints.push((4, "tso_max_size", "tso_max_size", v)),
            LinkAttr::TsoMaxSegs(v) => uints.push((5, "tso_max_segs", "tso_max_segs", v)),
            LinkAttr::GroMaxSize(v) => uints.push((6, "gro_max_size", "gro_max_size", v)),
            LinkAttr::PhysPortName(n) => strs.push((0, "phys_port_name", "portname", n.to_owned())),
            LinkAttr::PhysPortId(b) => strs.push((1, "phys_port_id", "portid", hex(b.0))),
            LinkAttr::PhysSwitchId(b) => strs.push((2, "phys_switch_id", "switchid", hex(b.0))),
            LinkAttr::ParentDevBusName(n) => strs.push((3, "parentbus", "parentbus", n.to_owned())),
            LinkAttr::ParentDevName(n) => strs.push((4, "parentdev", "parentdev", n.to_owned())),
            _ => {}
        }
    }
    // ip's order, whatever the kernel's
    uints.sort_by_key(|u| u.0);
    f.uints = uints.into_iter().map(|(_, j, t, v)| (j, t, v)).collect();
    strs.sort_by_key(|u| u.0);
    f.strs = strs.into_iter().map(|(_, j, t, v)| (j, t, v)).collect();
    f
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A kind's options as ip prints them with `-d` (its `print_opt`): text
/// and JSON members; `None` for the kinds rtnl does not print the options
/// of yet (and those ip prints none of).
fn kind_options(d: &rtnl_core::link::LinkInfoData<'_>, names: &HashMap<u32, String>) -> Option<(String, String)> {
    use crate::ipjson::Out;
    use rtnl_core::link::{LinkInfoData, MacvlanAttr, TunAttr};
    let run = both;
    match d {
        LinkInfoData::Macvlan(n) | LinkInfoData::Macvtap(n) => run(&|p: &mut Out| {
            let attrs: Vec<_> = n.iter().flatten().collect();
            let get = |f: fn(&MacvlanAttr<'_>) -> Option<u32>| attrs.iter().find_map(f);
            let Some(mode) = get(|a| if let MacvlanAttr::Mode(m) = a { Some(*m) } else { None }) else { return };
            let name = match mode {
                1 => "private",
                2 => "vepa",
                4 => "bridge",
                8 => "passthru",
                16 => "source",
                _ => "unknown",
            };
            p.str("mode", &format!("mode {name} "), name);
            let flags = get(|a| if let MacvlanAttr::Flags(f) = a { Some((*f).into()) } else { None }).unwrap_or(0);
            if flags & 1 != 0 {
                p.lit("nopromisc", "nopromisc ", "true");
            }
            if flags & 2 != 0 {
                p.lit("nodst", "nodst ", "true");
            }
            if let Some(q) = get(|a| if let MacvlanAttr::BcQueueLen(v) = a { Some(*v) } else { None }) {
                p.num("bcqueuelen", &format!("bcqueuelen {q} "), q.into());
            }
            if let Some(q) = get(|a| if let MacvlanAttr::BcQueueLenUsed(v) = a { Some(*v) } else { None }) {
                p.num("usedbcqueuelen", &format!("usedbcqueuelen {q} "), q.into());
            }
            if mode != 16 {
                return;
            }
            let Some(c) = get(|a| if let MacvlanAttr::MacaddrCount(v) = a { Some(*v) } else { None }) else { return };
            p.num("macaddr_count", &format!("remotes ({c}) "), c.into());
        }),
        LinkInfoData::Tun(n) => run(&|p: &mut Out| {
            let attrs: Vec<_> = n.iter().flatten().collect();
            let u8_of = |f: fn(&TunAttr<'_>) -> Option<u8>| attrs.iter().find_map(f);
            let u32_of = |f: fn(&TunAttr<'_>) -> Option<u32>| attrs.iter().find_map(f);
            if let Some(t) = u8_of(|a| if let TunAttr::Type(v) = a { Some(*v) } else { None }) {
                let name = match t {
                    1 => "tun".to_owned(),
                    2 => "tap".to_owned(),
                    t => format!("UNKNOWN:{t}"),
                };
                p.str("type", &format!("type {name} "), &name);
            }
            let on_off = |p: &mut Out, key: &str, v: u8| {
                let (w, j) = if v != 0 { ("on", "true") } else { ("off", "false") };
                p.lit(key, &format!("{key} {w} "), j);
            };
            if let Some(v) = u8_of(|a| if let TunAttr::Pi(v) = a { Some(*v) } else { None }) {
                on_off(p, "pi", v);
            }
            if let Some(v) = u8_of(|a| if let TunAttr::VnetHdr(v) = a { Some(*v) } else { None }) {
                on_off(p, "vnet_hdr", v);
            }
            match u8_of(|a| if let TunAttr::MultiQueue(v) = a { Some(*v) } else { None }) {
                Some(v) if v != 0 => {
                    p.lit("multi_queue", "multi_queue ", "true");
                    if let Some(q) = u32_of(|a| if let TunAttr::NumQueues(v) = a { Some(*v) } else { None }) {
                        p.num("numqueues", &format!("numqueues {q} "), q.into());
                    }
                    if let Some(q) = u32_of(|a| if let TunAttr::NumDisabledQueues(v) = a { Some(*v) } else { None }) {
                        p.num("numdisabled", &format!("numdisabled {q} "), q.into());
                    }
                }
                _ => p.lit("multi_queue", "", "false"),
            }
            if let Some(v) = u8_of(|a| if let TunAttr::Persist(v) = a { Some(*v) } else { None }) {
                on_off(p, "persist", v);
            }
            if let Some(u) = u32_of(|a| if let TunAttr::Owner(v) = a { Some(*v) } else { None }) {
                match id_name("/etc/passwd", u) {
                    Some(n) => p.str("user", &format!("user {n} "), &n),
                    None => p.num("user", &format!("user {u} "), u.into()),
                }
            }
            if let Some(g) = u32_of(|a| if let TunAttr::Group(v) = a { Some(*v) } else { None }) {
                match id_name("/etc/group", g) {
                    Some(n) => p.str("group", &format!("group {n} "), &n),
                    None => p.num("group", &format!("group {g} "), g.into()),
                }
            }
        }),
        LinkInfoData::Vxlan(n) => run(&|p: &mut Out| vxlan_options(p, n, names)),
        LinkInfoData::Bridge(n) => run(&|p: &mut Out| bridge_options(p, n)),
        _ => None,
    }
}

/// Both renderings of one printer of ip's.
fn both(f: &dyn Fn(&mut crate::ipjson::Out)) -> Option<(String, String)> {
    let (mut t, mut j) = (crate::ipjson::Out::new(false), crate::ipjson::Out::new(true));
    f(&mut t);
    f(&mut j);
    Some((t.s, j.s))
}

/// A port's options under its master as ip prints them with `-d` (the
/// `KIND_slave` printer); `None` for the masters rtnl does not print yet.
fn slave_options(d: &rtnl_core::link::LinkInfoSlaveData<'_>, names: &HashMap<u32, String>) -> Option<(String, String)> {
    use rtnl_core::link::LinkInfoSlaveData;
    match d {
        LinkInfoSlaveData::Bridge(n) => both(&|p| bridge_port_options(p, n, names)),
        _ => None,
    }
}

/// `ifla_bridge_id` as ip prints it: the priority's two bytes in hex, a
/// dot, the address as `ether_ntoa` writes it (no leading zeros).
fn bridge_id(id: &rtnl_core::link::IflaBridgeId) -> String {
    let a = id.addr();
    format!("{:02x}{:02x}.{:x}:{:x}:{:x}:{:x}:{:x}:{:x}", id.0[0], id.0[1], a[0], a[1], a[2], a[3], a[4], a[5])
}

/// A bridge timer (hundredths of a second) as ip prints it: `name %4i.%.2i`
/// in text, a bare number in JSON.
fn bridge_timer(p: &mut crate::ipjson::Out, key: &str, centis: u64) {
    let (sec, hund) = (centis / 100, centis % 100);
    p.lit(key, &format!("{key} {sec:4}.{hund:02} "), &format!("{sec}.{hund:02}"));
}

/// `print_0xhex`: `%#x` in text and as a JSON string (`0` for zero).
fn hex0x(v: u64) -> String {
    if v == 0 {
        "0".to_owned()
    } else {
        format!("{v:#x}")
    }
}

/// A bridge's options as ip prints them (`bridge_print_opt`).
fn bridge_options(
    p: &mut crate::ipjson::Out,
    n: &rtnl_core::typed::Nest<'_, NativeEndian, rtnl_core::link::BridgeAttr<'_>>,
) {
    use rtnl_core::link::BridgeAttr as B;
    let a: Vec<_> = n.iter().flatten().collect();
    macro_rules! get {
        ($v:ident) => {
            a.iter().find_map(|x| if let B::$v(v) = x { Some(*v) } else { None })
        };
    }
    macro_rules! uint {
        ($v:ident, $key:literal, $text:literal) => {
            if let Some(v) = get!($v) {
                p.num($key, &format!(concat!($text, " {} "), v), v.into());
            }
        };
    }
    uint!(ForwardDelay, "forward_delay", "forward_delay");
    uint!(HelloTime, "hello_time", "hello_time");
    uint!(MaxAge, "max_age", "max_age");
    uint!(AgeingTime, "ageing_time", "ageing_time");
    uint!(StpState, "stp_state", "stp_state");
    uint!(Priority, "priority", "priority");
    uint!(VlanFiltering, "vlan_filtering", "vlan_filtering");
    if let Some(proto) = get!(VlanProtocol) {
        let name = match proto.0 {
            0x8100 => "802.1Q".to_owned(),
            0x88a8 => "802.1ad".to_owned(),
            v => format!("[{v}]"),
        };
        p.str("vlan_protocol", &format!("vlan_protocol {name} "), &name);
    }
    let bid = a.iter().find_map(|x| if let B::BridgeId(v) = x { Some(bridge_id(v)) } else { None });
    if let Some(id) = &bid {
        p.str("bridge_id", &format!("bridge_id {id} "), id);
    }
    // ip 6.1 prints the bridge id here, not IFLA_BR_ROOT_ID's
    if get!(RootId).is_some() {
        let id = bid.clone().unwrap_or_default();
        p.str("root_id", &format!("designated_root {id} "), &id);
    }
    uint!(RootPort, "root_port", "root_port");
    uint!(RootPathCost, "root_path_cost", "root_path_cost");
    uint!(TopologyChange, "topology_change", "topology_change");
    uint!(TopologyChangeDetected, "topology_change_detected", "topology_change_detected");
    for (v, k) in [
        (get!(HelloTimer), "hello_timer"),
        (get!(TcnTimer), "tcn_timer"),
        (get!(TopologyChangeTimer), "topology_change_timer"),
        (get!(GcTimer), "gc_timer"),
    ] {
        if let Some(v) = v {
            bridge_timer(p, k, v);
        }
    }
    uint!(VlanDefaultPvid, "vlan_default_pvid", "vlan_default_pvid");
    uint!(VlanStatsEnabled, "vlan_stats_enabled", "vlan_stats_enabled");
    uint!(VlanStatsPerPort, "vlan_stats_per_port", "vlan_stats_per_port");
    if let Some(m) = get!(GroupFwdMask) {
        let h = hex0x(m.into());
        p.str("group_fwd_mask", &format!("group_fwd_mask {h} "), &h);
    }
    if let Some(g) = a.iter().find_map(|x| if let B::GroupAddr(v) = x { Some(v.0) } else { None }) {
        let mac = g.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":");
        p.str("group_addr", &format!("group_address {mac} "), &mac);
    }
    uint!(McastSnooping, "mcast_snooping", "mcast_snooping");
    if let Some(bm) = get!(MultiBoolopt) {
        let (val, mask) = (bm.optval.get(), bm.optmask.get());
        // BR_BOOLOPT_NO_LL_LEARN (0), BR_BOOLOPT_MCAST_VLAN_SNOOPING (1)
        for (bit, k) in [(0, "no_linklocal_learn"), (1, "mcast_vlan_snooping")] {
            if mask & 1 << bit != 0 {
                let v = u64::from(val & 1 << bit != 0);
                p.num(k, &format!("{k} {v} "), v);
            }
        }
    }
    uint!(McastRouter, "mcast_router", "mcast_router");
    uint!(McastQueryUseIfaddr, "mcast_query_use_ifaddr", "mcast_query_use_ifaddr");
    uint!(McastQuerier, "mcast_querier", "mcast_querier");
    uint!(McastHashElasticity, "mcast_hash_elasticity", "mcast_hash_elasticity");
    uint!(McastHashMax, "mcast_hash_max", "mcast_hash_max");
    uint!(McastLastMemberCnt, "mcast_last_member_cnt", "mcast_last_member_count");
    uint!(McastStartupQueryCnt, "mcast_startup_query_cnt", "mcast_startup_query_count");
    uint!(McastLastMemberIntvl, "mcast_last_member_intvl", "mcast_last_member_interval");
    uint!(McastMembershipIntvl, "mcast_membership_intvl", "mcast_membership_interval");
    uint!(McastQuerierIntvl, "mcast_querier_intvl", "mcast_querier_interval");
    uint!(McastQueryIntvl, "mcast_query_intvl", "mcast_query_interval");
    uint!(McastQueryResponseIntvl, "mcast_query_response_intvl", "mcast_query_response_interval");
    uint!(McastStartupQueryIntvl, "mcast_startup_query_intvl", "mcast_startup_query_interval");
    uint!(McastStatsEnabled, "mcast_stats_enabled", "mcast_stats_enabled");
    uint!(McastIgmpVersion, "mcast_igmp_version", "mcast_igmp_version");
    uint!(McastMldVersion, "mcast_mld_version", "mcast_mld_version");
    uint!(NfCallIptables, "nf_call_iptables", "nf_call_iptables");
    uint!(NfCallIp6tables, "nf_call_ip6tables", "nf_call_ip6tables");
    uint!(NfCallArptables, "nf_call_arptables", "nf_call_arptables");
}

/// A bridge port's options as ip prints them (`bridge_slave_print_opt`).
fn bridge_port_options(
    p: &mut crate::ipjson::Out,
    n: &rtnl_core::typed::Nest<'_, NativeEndian, rtnl_core::link::BridgePortAttr<'_>>,
    names: &HashMap<u32, String>,
) {
    use rtnl_core::link::BridgePortAttr as P;
    let a: Vec<_> = n.iter().flatten().collect();
    macro_rules! get {
        ($v:ident) => {
            a.iter().find_map(|x| if let P::$v(v) = x { Some(*v) } else { None })
        };
    }
    macro_rules! uint {
        ($v:ident, $key:literal, $text:literal) => {
            if let Some(v) = get!($v) {
                p.num($key, &format!(concat!($text, " {} "), v), v.into());
            }
        };
    }
    macro_rules! on_off {
        ($v:ident, $key:literal, $text:literal) => {
            if let Some(v) = get!($v) {
                let (w, j) = if v != 0 { ("on", "true") } else { ("off", "false") };
                p.lit($key, &format!(concat!($text, " {} "), w), j);
            }
        };
    }
    if let Some(s) = get!(State) {
        match ["disabled", "listening", "learning", "forwarding", "blocking"].get(usize::from(s)) {
            Some(name) => p.str("state", &format!("state {name} "), name),
            None => p.num("state_index", &format!("state ({s}) "), s.into()),
        }
    }
    uint!(Priority, "priority", "priority");
    uint!(Cost, "cost", "cost");
    on_off!(Mode, "hairpin", "hairpin");
    on_off!(Guard, "guard", "guard");
    on_off!(Protect, "root_block", "root_block");
    on_off!(FastLeave, "fastleave", "fastleave");
    on_off!(Learning, "learning", "learning");
    on_off!(UnicastFlood, "flood", "flood");
    if let Some(v) = get!(Id) {
        let h = hex0x(v.into());
        p.str("id", &format!("port_id {h} "), &h);
    }
    if let Some(v) = get!(No) {
        let h = hex0x(v.into());
        p.str("no", &format!("port_no {h} "), &h);
    }
    uint!(DesignatedPort, "designated_port", "designated_port");
    uint!(DesignatedCost, "designated_cost", "designated_cost");
    if let Some(id) = a.iter().find_map(|x| if let P::BridgeId(v) = x { Some(bridge_id(v)) } else { None }) {
        p.str("bridge_id", &format!("designated_bridge {id} "), &id);
    }
    if let Some(id) = a.iter().find_map(|x| if let P::RootId(v) = x { Some(bridge_id(v)) } else { None }) {
        p.str("root_id", &format!("designated_root {id} "), &id);
    }
    for (v, k) in [
        (get!(HoldTimer), "hold_timer"),
        (get!(MessageAgeTimer), "message_age_timer"),
        (get!(ForwardDelayTimer), "forward_delay_timer"),
    ] {
        if let Some(v) = v {
            bridge_timer(p, k, v);
        }
    }
    uint!(TopologyChangeAck, "topology_change_ack", "topology_change_ack");
    uint!(ConfigPending, "config_pending", "config_pending");
    on_off!(Proxyarp, "proxy_arp", "proxy_arp");
    on_off!(ProxyarpWifi, "proxy_arp_wifi", "proxy_arp_wifi");
    uint!(MulticastRouter, "multicast_router", "mcast_router");
    if let Some(v) = get!(FastLeave) {
        // text only: JSON has it as fastleave already
        p.text(&format!("mcast_fast_leave {} ", if v != 0 { "on" } else { "off" }));
    }
    on_off!(McastFlood, "mcast_flood", "mcast_flood");
    on_off!(BcastFlood, "bcast_flood", "bcast_flood");
    on_off!(McastToUcast, "mcast_to_unicast", "mcast_to_unicast");
    on_off!(NeighSuppress, "neigh_suppress", "neigh_suppress");
    if let Some(m) = get!(GroupFwdMask) {
        let h = hex0x(m.into());
        p.str("group_fwd_mask", &format!("group_fwd_mask {h} "), &h);
        let words: Vec<String> = (0..16)
            .filter(|i| m & 1 << i != 0)
            .map(|i| match i {
                0 => "stp".to_owned(),
                2 => "lacp".to_owned(),
                14 => "lldp".to_owned(),
                i => format!("{:#x}", 1u32 << i),
            })
            .collect();
        let s = if words.is_empty() { "0x0".to_owned() } else { words.join(",") };
        p.str("group_fwd_mask_str", &format!("group_fwd_mask_str {s} "), &s);
    }
    on_off!(VlanTunnel, "vlan_tunnel", "vlan_tunnel");
    on_off!(Isolated, "isolated", "isolated");
    on_off!(Locked, "locked", "locked");
    if let Some(i) = get!(BackupPort) {
        let n = names.get(&i).cloned().unwrap_or_else(|| format!("if{i}"));
        p.str("backup_port", &format!("backup_port {n} "), &n);
    }
}

/// A VXLAN device's options as ip prints them.
fn vxlan_options(
    p: &mut crate::ipjson::Out,
    n: &rtnl_core::typed::Nest<'_, NativeEndian, rtnl_core::link::VxlanAttr<'_>>,
    names: &HashMap<u32, String>,
) {
    use rtnl_core::link::VxlanAttr;
    let a: Vec<_> = n.iter().flatten().collect();
    macro_rules! get {
        ($v:ident) => {
            a.iter().find_map(|x| if let VxlanAttr::$v(v) = x { Some(*v) } else { None })
        };
    }
    let on = |v: Option<u8>| v.is_some_and(|v| v != 0);
    if on(get!(CollectMetadata)) {
        p.lit("external", "external ", "true");
    }
    if on(get!(Vnifilter)) {
        p.lit("vnifilter", "vnifilter", "true");
    }
    if let Some(id) = get!(Id) {
        p.num("id", &format!("id {id} "), id.into());
    }
    if let Some(g) = get!(Group) {
        if !g.is_unspecified() {
            let k = if g.is_multicast() { "group" } else { "remote" };
            p.str(k, &format!("{k} {g} "), &g.to_string());
        }
    } else if let Some(g) = get!(Group6) {
        if !g.is_unspecified() {
            let (k, t) = if g.is_multicast() { ("group6", "group") } else { ("remote6", "remote") };
            p.str(k, &format!("{t} {g} "), &g.to_string());
        }
    }
    if let Some(l) = get!(Local) {
        if !l.is_unspecified() {
            p.str("local", &format!("local {l} "), &l.to_string());
        }
    } else if let Some(l) = get!(Local6) {
        if !l.is_unspecified() {
            p.str("local6", &format!("local {l} "), &l.to_string());
        }
    }
    if let Some(i) = get!(Link).filter(|i| *i != 0) {
        let n = names.get(&i).cloned().unwrap_or_else(|| format!("if{i}"));
        p.str("link", &format!("dev {n} "), &n);
    }
    if let Some(r) = get!(PortRange) {
        p.text(&format!("srcport {} {} ", r.low(), r.high()));
        if p.json {
            p.object("port_range", |p| {
                p.num("low", "", r.low().into());
                p.num("high", "", r.high().into());
            });
        }
    }
    if let Some(port) = get!(Port) {
        let port = port.0;
        p.num("port", &format!("dstport {port} "), port.into());
    }
    if let Some(l) = get!(Learning) {
        if p.json {
            p.lit("learning", "", if l != 0 { "true" } else { "false" });
        } else if l == 0 {
            p.text("nolearning ");
        }
    }
    for (v, k) in [(get!(Proxy), "proxy"), (get!(Rsc), "rsc"), (get!(L2miss), "l2miss"), (get!(L3miss), "l3miss")] {
        if on(v) {
            p.lit(k, &format!("{k} "), "true");
        }
    }
    let tos = get!(Tos).unwrap_or(0);
    if tos != 0 {
        if p.json || tos != 1 {
            p.str("tos", &format!("tos {tos:#x} "), &format!("{tos:#x}"));
        } else {
            p.text("tos inherit ");
        }
    }
    if get!(TtlInherit).is_some_and(|f| f.is_set()) {
        p.text("ttl inherit ");
    } else if let Some(ttl) = get!(Ttl) {
        if p.json || ttl != 0 {
            p.num("ttl", &format!("ttl {ttl} "), ttl.into());
        } else {
            p.text("ttl auto ");
        }
    }
    match get!(Df) {
        Some(0) if p.json => p.str("df", "", "unset"),
        Some(1) => p.str("df", "df set ", "set"),
        Some(2) => p.str("df", "df inherit ", "inherit"),
        _ => {}
    }
    if let Some(l) = get!(Label).map(|l| l.0).filter(|l| *l != 0) {
        p.str("label", &format!("flowlabel {l:#x} "), &format!("{l:#x}"));
    }
    if let Some(age) = get!(Ageing) {
        let t = if age == 0 { "ageing none ".to_owned() } else { format!("ageing {age} ") };
        p.num("ageing", &t, age.into());
    }
    if let Some(m) = get!(Limit).filter(|m| *m != 0) {
        p.num("limit", &format!("maxaddr {m} "), m.into());
    }
    for (v, k, t) in [
        (get!(UdpCsum), "udp_csum", "udpcsum "),
        (get!(UdpZeroCsum6Tx), "udp_zero_csum6_tx", "udp6zerocsumtx "),
        (get!(UdpZeroCsum6Rx), "udp_zero_csum6_rx", "udp6zerocsumrx "),
    ] {
        if let Some(v) = v {
            if p.json {
                p.lit(k, "", if v != 0 { "true" } else { "false" });
            } else {
                p.text(&format!("{}{t}", if v == 0 { "no" } else { "" }));
            }
        }
    }
    if on(get!(RemcsumTx)) {
        p.lit("remcsum_tx", "remcsumtx ", "true");
    }
    if on(get!(RemcsumRx)) {
        p.lit("remcsum_rx", "remcsumrx ", "true");
    }
    if a.iter().any(|x| matches!(x, VxlanAttr::Gbp(_))) {
        p.lit("gbp", "gbp ", "true");
    }
    if a.iter().any(|x| matches!(x, VxlanAttr::Gpe(_))) {
        p.lit("gpe", "gpe ", "true");
    }
}

/// The name of user or group `id` in `/etc/passwd` or `/etc/group`.
fn id_name(file: &str, id: u32) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines().find_map(|l| {
        let mut f = l.split(':');
        let name = f.next()?;
        let _ = f.next();
        (f.next()?.parse::<u32>().ok()? == id).then(|| name.to_owned())
    })
}

/// `name@link`, and whether the link is down (M-DOWN), as ip names them.
fn name_and_link(f: &Fields<'_>, ctx: &Ctx<'_>) -> (String, bool) {
    match f.link {
        Some(0) => (format!("{}@NONE", f.name), false),
        Some(i) if f.link_netnsid.is_some() => (format!("{}@if{i}", f.name), false),
        Some(i) => {
            let n = ctx.names.get(&i).cloned().unwrap_or_else(|| format!("if{i}"));
            let down = ctx.flags.get(&i).is_some_and(|fl| fl & IfFlags::UP == 0);
            (format!("{}@{n}", f.name), down)
        }
        None => (f.name.to_owned(), false),
    }
}

fn group_name(g: u32) -> String {
    if g == 0 {
        "default".to_owned()
    } else {
        g.to_string()
    }
}

fn addr_gen_mode(m: u8) -> String {
    match m {
        0 => "eui64".into(),
        1 => "none".into(),
        2 => "stable_secret".into(),
        3 => "random".into(),
        m => format!("{m:#04x}"),
    }
}

/// One link as `ip link show` prints it.
fn text_link(out: &mut String, l: &LinkMessage<'_>, ctx: &Ctx<'_>, deleted: bool) {
    let h = l.header();
    let f = fields(l, ctx.names);
    let g = ctx.g;
    if deleted {
        out.push_str("Deleted ");
    }
    let (name, mdown) = name_and_link(&f, ctx);
    let _ = write!(out, "{}: {name}: <{}> ", h.ifi_index.get(), flag_words(h.ifi_flags.get(), mdown).join(","));
    if let Some(m) = f.mtu {
        let _ = write!(out, "mtu {m} ");
    }
    if let Some(q) = f.qdisc {
        let _ = write!(out, "qdisc {q} ");
    }
    if let Some(m) = f.master {
        let _ = write!(out, "master {} ", ctx.names.get(&m).cloned().unwrap_or_else(|| format!("if{m}")));
    }
    if let Some(o) = f.operstate {
        match OPER_STATES.get(usize::from(o)) {
            Some(s) => {
                let _ = write!(out, "state {s} ");
            }
            None => {
                let _ = write!(out, "state {o:#x}");
            }
        }
    }
    if let Some(m) = f.linkmode {
        match m {
            0 => out.push_str("mode DEFAULT "),
            1 => out.push_str("mode DORMANT "),
            m => {
                let _ = write!(out, "mode {m} ");
            }
        }
    }
    if let Some(gr) = f.group {
        let _ = write!(out, "group {} ", group_name(gr));
    }
    if let Some(q) = f.txqlen.filter(|q| *q != 0) {
        let _ = write!(out, "qlen {q}");
    }
    // ip's _SL_: a line break, or a backslash with -o
    let nl = if g.oneline { "\\" } else { "\n" };
    let ty = h.link_type();
    out.push_str(nl);
    out.push_str("    link/");
    out.push_str(&ll_type_name(ty));
    out.push(' ');
    if let Some(a) = f.address {
        out.push_str(&ll_addr(a, ty));
    }
    if let Some(b) = f.broadcast {
        out.push_str(if h.flags().has(IfFlags::POINTOPOINT) { " peer " } else { " brd " });
        out.push_str(&ll_addr(b, ty));
    }
    if let Some(p) = f.perm_address.filter(|p| Some(*p) != f.address) {
        out.push_str(" permaddr ");
        out.push_str(&ll_addr(p, ty));
    }
    if let Some(id) = f.link_netnsid {
        if id >= 0 {
            let _ = write!(out, " link-netnsid {id}");
        } else {
            out.push_str(" link-netnsid unknown");
        }
    }
    if f.proto_down {
        out.push_str(" protodown on ");
    }
    if g.details {
        if let Some(v) = f.promiscuity {
            let _ = write!(out, " promiscuity {v} ");
        }
        if let Some(v) = f.allmulti {
            let _ = write!(out, " allmulti {v} ");
        }
        if let Some(v) = f.min_mtu {
            let _ = write!(out, "minmtu {v} ");
        }
        if let Some(v) = f.max_mtu {
            let _ = write!(out, "maxmtu {v} ");
        }
        if let Some(k) = f.kind {
            let _ = write!(out, "{nl}    {k} ");
            if let Some((text, _)) = &f.kind_opts {
                out.push_str(text);
            }
        }
        if let Some(k) = f.slave_kind {
            let _ = write!(out, "{nl}    {k}_slave ");
            if let Some((text, _)) = &f.slave_opts {
                out.push_str(text);
            }
        }
        if let Some(m) = f.addr_gen_mode {
            let _ = write!(out, "addrgenmode {} ", addr_gen_mode(m));
        }
        for (_, t, v) in &f.uints {
            let _ = write!(out, "{t} {v} ");
        }
        for (_, t, v) in &f.strs {
            let _ = write!(out, "{t} {v} ");
        }
    }
    if let Some(a) = f.ifalias {
        let _ = write!(out, "{nl}    alias {a}");
    }
    if g.stats > 0 {
        out.push_str(nl);
        let at = out.len();
        text_stats(out, f.stats64.as_ref(), f.carrier_changes, g.stats);
        if g.oneline {
            let t = out.split_off(at).replace('\n', "\\");
            out.push_str(&t);
        }
    }
    for n in &f.altnames {
        let _ = write!(out, "{nl}    altname {n}");
    }
    out.push('\n');
}

/// `-br`: name, state, address, flags, in columns.
fn brief_link(out: &mut String, l: &LinkMessage<'_>, ctx: &Ctx<'_>) {
    let h = l.header();
    let f = fields(l, ctx.names);
    let (name, mdown) = name_and_link(&f, ctx);
    let _ = write!(out, "{name:<16} ");
    if let Some(o) = f.operstate {
        match OPER_STATES.get(usize::from(o)) {
            Some(s) => {
                let _ = write!(out, "{s:<14} ");
            }
            None => {
                let _ = write!(out, "state {o:#x}");
            }
        }
    }
    if let Some(a) = f.address {
        let _ = write!(out, "{} ", ll_addr(a, h.link_type()));
    }
    let _ = writeln!(out, "<{}> ", flag_words(h.ifi_flags.get(), mdown).join(","));
}

/// `-s`: the RX and TX tables of `struct rtnl_link_stats64`, as ip lays
/// them out (each column as wide as its widest number or its title).
fn text_stats(out: &mut String, s: Option<&RtnlLinkStats64<NativeEndian>>, carrier: Option<u32>, level: u8) {
    let Some(s) = s else { return };
    let g = |v: &rtnl_core::wire::U64<NativeEndian>| v.get();
    let mut cols: [usize; 8] = [10, 7, 6, 7, 7, 7, 10, 9];
    let mut fit = |vals: [u64; 8]| {
        for (c, v) in cols.iter_mut().zip(vals) {
            *c = (*c).max(v.to_string().len());
        }
    };
    fit([
        g(&s.rx_bytes),
        g(&s.rx_packets),
        g(&s.rx_errors),
        g(&s.rx_dropped),
        g(&s.rx_missed_errors),
        g(&s.multicast),
        g(&s.rx_compressed),
        0,
    ]);
    if level > 1 {
        fit([
            0,
            g(&s.rx_length_errors),
            g(&s.rx_crc_errors),
            g(&s.rx_frame_errors),
            g(&s.rx_fifo_errors),
            g(&s.rx_over_errors),
            g(&s.rx_nohandler),
            g(&s.rx_otherhost_dropped),
        ]);
    }
    fit([
        g(&s.tx_bytes),
        g(&s.tx_packets),
        g(&s.tx_errors),
        g(&s.tx_dropped),
        g(&s.tx_carrier_errors),
        g(&s.collisions),
        g(&s.tx_compressed),
        0,
    ]);
    let cc = u64::from(carrier.unwrap_or(0));
    if level > 1 {
        fit([
            0,
            0,
            g(&s.tx_aborted_errors),
            g(&s.tx_fifo_errors),
            g(&s.tx_window_errors),
            g(&s.tx_heartbeat_errors),
            cc,
            0,
        ]);
    }
    let c = cols;
    let nums = |out: &mut String, vals: &[(usize, u64)]| {
        for &(w, v) in vals {
            let _ = write!(out, "{v:>w$} ");
        }
    };
    // a table's title line: "    RX: bytes packets …", right-aligned to the columns
    let titles = |out: &mut String, side: &str, t: [&str; 7]| {
        let _ = write!(out, "    {side}: {:>w$}", t[0], w = c[0] - 4);
        for (i, x) in t.iter().enumerate().skip(1) {
            let _ = write!(out, " {x:>w$}", w = c[i]);
        }
        out.push('\n');
    };
    let rxc = if g(&s.rx_compressed) != 0 { "compressed" } else { "" };
    titles(out, "RX", ["bytes", "packets", "errors", "dropped", "missed", "mcast", rxc]);
    out.push_str("    ");
    let mut rx = vec![
        (c[0], g(&s.rx_bytes)),
        (c[1], g(&s.rx_packets)),
        (c[2], g(&s.rx_errors)),
        (c[3], g(&s.rx_dropped)),
        (c[4], g(&s.rx_missed_errors)),
        (c[5], g(&s.multicast)),
    ];
    if g(&s.rx_compressed) != 0 {
        rx.push((c[6], g(&s.rx_compressed)));
    }
    nums(out, &rx);
    if level > 1 {
        let (nh, oh) = (g(&s.rx_nohandler), g(&s.rx_otherhost_dropped));
        let _ = write!(
            out,
            "\n    RX errors:{:>w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$}{:>w6$}{:>w7$}\n",
            "",
            "length",
            "crc",
            "frame",
            "fifo",
            "overrun",
            if nh != 0 { " nohandler" } else { "" },
            if oh != 0 { " otherhost" } else { "" },
            w0 = c[0] - 10,
            w1 = c[1],
            w2 = c[2],
            w3 = c[3],
            w4 = c[4],
            w5 = c[5],
            w6 = if nh != 0 { c[6] + 1 } else { 0 },
            w7 = if oh != 0 { c[7] + 1 } else { 0 }
        );
        let _ = write!(out, "{:w$}", "", w = c[0] + 5);
        let mut e = vec![
            (c[1], g(&s.rx_length_errors)),
            (c[2], g(&s.rx_crc_errors)),
            (c[3], g(&s.rx_frame_errors)),
            (c[4], g(&s.rx_fifo_errors)),
            (c[5], g(&s.rx_over_errors)),
        ];
        if nh != 0 {
            e.push((c[6], nh));
        }
        if oh != 0 {
            e.push((c[7], oh));
        }
        nums(out, &e);
    }
    out.push('\n');
    let txc = if g(&s.tx_compressed) != 0 { "compressed" } else { "" };
    titles(out, "TX", ["bytes", "packets", "errors", "dropped", "carrier", "collsns", txc]);
    out.push_str("    ");
    let mut tx = vec![
        (c[0], g(&s.tx_bytes)),
        (c[1], g(&s.tx_packets)),
        (c[2], g(&s.tx_errors)),
        (c[3], g(&s.tx_dropped)),
        (c[4], g(&s.tx_carrier_errors)),
        (c[5], g(&s.collisions)),
    ];
    if g(&s.tx_compressed) != 0 {
        tx.push((c[6], g(&s.tx_compressed)));
    }
    nums(out, &tx);
    if level > 1 {
        let _ = write!(
            out,
            "\n    TX errors:{:>w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$}\n",
            "",
            "aborted",
            "fifo",
            "window",
            "heartbt",
            if carrier.is_some() { "transns" } else { "" },
            w0 = c[0] - 10,
            w1 = c[1],
            w2 = c[2],
            w3 = c[3],
            w4 = c[4],
            w5 = c[5]
        );
        let _ = write!(out, "{:w$}", "", w = c[0] + 5);
        let mut e = vec![
            (c[1], g(&s.tx_aborted_errors)),
            (c[2], g(&s.tx_fifo_errors)),
            (c[3], g(&s.tx_window_errors)),
            (c[4], g(&s.tx_heartbeat_errors)),
        ];
        if carrier.is_some() {
            e.push((c[5], cc));
        }
        nums(out, &e);
    }
}

/// A JSON object being written (ip's keys, in ip's order).
struct Obj<'o> {
    out: &'o mut String,
    n: usize,
}

impl Obj<'_> {
    fn key(&mut self, k: &str) {
        if self.n > 0 {
            self.out.push(',');
        }
        self.n += 1;
        json_str(self.out, k);
        self.out.push(':');
    }
    fn str(&mut self, k: &str, v: &str) {
        self.key(k);
        json_str(self.out, v);
    }
    fn num(&mut self, k: &str, v: impl std::fmt::Display) {
        self.key(k);
        let _ = write!(self.out, "{v}");
    }
    fn raw(&mut self, k: &str, v: &str) {
        self.key(k);
        self.out.push_str(v);
    }
    fn strs(&mut self, k: &str, v: &[String]) {
        self.key(k);
        self.out.push('[');
        for (i, s) in v.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            json_str(self.out, s);
        }
        self.out.push(']');
    }
}

/// One link as `ip -j link show` prints it.
fn json_link(out: &mut String, l: &LinkMessage<'_>, ctx: &Ctx<'_>, deleted: bool) {
    let h = l.header();
    let f = fields(l, ctx.names);
    let g = ctx.g;
    out.push('{');
    let mut o = Obj { out, n: 0 };
    if deleted {
        o.raw("deleted", "true");
    }
    o.num("ifindex", h.ifi_index.get());
    match f.link {
        Some(0) => o.raw("link", "null"),
        Some(i) if f.link_netnsid.is_some() => o.num("link_index", i),
        Some(i) => o.str("link", &ctx.names.get(&i).cloned().unwrap_or_else(|| format!("if{i}"))),
        None => {}
    }
    o.str("ifname", f.name);
    let mdown = f.link.is_some_and(|i| {
        i != 0 && f.link_netnsid.is_none() && ctx.flags.get(&i).is_some_and(|fl| fl & IfFlags::UP == 0)
    });
    o.strs("flags", &flag_words(h.ifi_flags.get(), mdown));
    if let Some(m) = f.mtu {
        o.num("mtu", m);
    }
    if let Some(q) = f.qdisc {
        o.str("qdisc", q);
    }
    if let Some(m) = f.master {
        o.str("master", &ctx.names.get(&m).cloned().unwrap_or_else(|| format!("if{m}")));
    }
    if let Some(s) = f.operstate {
        match OPER_STATES.get(usize::from(s)) {
            Some(n) => o.str("operstate", n),
            None => o.num("operstate_index", s),
        }
    }
    if let Some(m) = f.linkmode {
        match m {
            0 => o.str("linkmode", "DEFAULT"),
            1 => o.str("linkmode", "DORMANT"),
            m => o.num("linkmode_index", m),
        }
    }
    if let Some(gr) = f.group {
        o.str("group", &group_name(gr));
    }
    if let Some(q) = f.txqlen.filter(|q| *q != 0) {
        o.num("txqlen", q);
    }
    let ty = h.link_type();
    o.str("link_type", &ll_type_name(ty));
    if let Some(a) = f.address {
        o.str("address", &ll_addr(a, ty));
    }
    if let Some(b) = f.broadcast {
        if h.flags().has(IfFlags::POINTOPOINT) {
            o.raw("link_pointtopoint", "true");
        }
        o.str("broadcast", &ll_addr(b, ty));
    }
    if let Some(p) = f.perm_address.filter(|p| Some(*p) != f.address) {
        o.str("permaddr", &ll_addr(p, ty));
    }
    if let Some(id) = f.link_netnsid {
        o.num("link_netnsid", id);
    }
    if f.proto_down {
        o.raw("proto_down", "true");
    }
    if g.details {
        if let Some(v) = f.promiscuity {
            o.num("promiscuity", v);
        }
        if let Some(v) = f.allmulti {
            o.num("allmulti", v);
        }
        if let Some(v) = f.min_mtu {
            o.num("min_mtu", v);
        }
        if let Some(v) = f.max_mtu {
            o.num("max_mtu", v);
        }
        if f.kind.is_some() || f.slave_kind.is_some() {
            let mut info = String::from("{");
            let mut i = Obj { out: &mut info, n: 0 };
            if let Some(k) = f.kind {
                i.str("info_kind", k);
                if let Some((_, json)) = &f.kind_opts {
                    i.raw("info_data", &format!("{{{json}}}"));
                }
            }
            if let Some(k) = f.slave_kind {
                i.str("info_slave_kind", k);
                if let Some((_, json)) = &f.slave_opts {
                    i.raw("info_slave_data", &format!("{{{json}}}"));
                }
            }
            info.push('}');
            o.raw("linkinfo", &info);
        }
        if let Some(m) = f.addr_gen_mode {
            o.str("inet6_addr_gen_mode", &addr_gen_mode(m));
        }
        for (j, _, v) in &f.uints {
            o.num(j, v);
        }
        for (j, _, v) in &f.strs {
            o.str(j, v);
        }
    }
    if let Some(a) = f.ifalias {
        o.str("ifalias", a);
    }
    if g.stats > 0 {
        if let Some(s) = &f.stats64 {
            let mut st = String::from("{");
            json_stats(&mut st, s, f.carrier_changes, g.stats);
            st.push('}');
            o.raw("stats64", &st);
        }
    }
    if !f.altnames.is_empty() {
        o.strs("altnames", &f.altnames.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
    }
    out.push('}');
}

fn json_stats(out: &mut String, s: &RtnlLinkStats64<NativeEndian>, carrier: Option<u32>, level: u8) {
    let mut o = Obj { out, n: 0 };
    let mut rx = String::from("{");
    {
        let mut r = Obj { out: &mut rx, n: 0 };
        r.num("bytes", s.rx_bytes.get());
        r.num("packets", s.rx_packets.get());
        r.num("errors", s.rx_errors.get());
        r.num("dropped", s.rx_dropped.get());
        r.num("over_errors", s.rx_over_errors.get());
        r.num("multicast", s.multicast.get());
        if s.rx_compressed.get() != 0 {
            r.num("compressed", s.rx_compressed.get());
        }
        if level > 1 {
            r.num("length_errors", s.rx_length_errors.get());
            r.num("crc_errors", s.rx_crc_errors.get());
            r.num("frame_errors", s.rx_frame_errors.get());
            r.num("fifo_errors", s.rx_fifo_errors.get());
            r.num("missed_errors", s.rx_missed_errors.get());
            if s.rx_nohandler.get() != 0 {
                r.num("nohandler", s.rx_nohandler.get());
            }
            if s.rx_otherhost_dropped.get() != 0 {
                r.num("otherhost", s.rx_otherhost_dropped.get());
            }
        }
    }
    rx.push('}');
    o.raw("rx", &rx);
    let mut tx = String::from("{");
    {
        let mut t = Obj { out: &mut tx, n: 0 };
        t.num("bytes", s.tx_bytes.get());
        t.num("packets", s.tx_packets.get());
        t.num("errors", s.tx_errors.get());
        t.num("dropped", s.tx_dropped.get());
        t.num("carrier_errors", s.tx_carrier_errors.get());
        t.num("collisions", s.collisions.get());
        if s.tx_compressed.get() != 0 {
            t.num("compressed", s.tx_compressed.get());
        }
        if level > 1 {
            t.num("aborted_errors", s.tx_aborted_errors.get());
            t.num("fifo_errors", s.tx_fifo_errors.get());
            t.num("window_errors", s.tx_window_errors.get());
            t.num("heartbeat_errors", s.tx_heartbeat_errors.get());
            if let Some(c) = carrier {
                t.num("carrier_changes", c);
            }
        }
    }
    tx.push('}');
    o.raw("tx", &tx);
}

/// Prints a link notification as `ip monitor link` does.
pub fn print_notification(msg: &Message<'_>, l: &LinkMessage<'_>, names: &HashMap<u32, String>, g: &Global) {
    let flags = HashMap::new();
    let ctx = Ctx { names, flags: &flags, g };
    let mut out = String::new();
    text_link(&mut out, l, &ctx, msg.ty() == rtnl_core::link::RTM_DELLINK);
    print!("{out}");
}

// ---- add, set, delete, property ----

/// `link add` and `link set`'s keywords, in ip's order.
pub const LINK_SPEC: KwSet = KwSet {
    name: "LINK",
    keywords: &[
        kw(&[("link", M::Exact)], Arg::Dev, "the lower device (for macvlan, vlan, …)"),
        kw(&[("name", M::Exact)], Arg::Value("NAME"), "the name (set: the new name)"),
        kw(&[("dev", M::Exact)], Arg::Dev, "the device (set, delete)"),
        kw(&[("up", M::Exact)], Arg::None, "bring it up"),
        kw(&[("down", M::Exact)], Arg::None, "bring it down"),
        kw(
            &[("txqueuelen", M::Prefix), ("qlen", M::Prefix), ("txqlen", M::Prefix)],
            Arg::Value("PACKETS"),
            "the transmit queue length",
        ),
        kw(&[("address", M::Prefix)], Arg::Value("LLADDR"), "the link-layer address"),
        kw(&[("broadcast", M::Prefix), ("brd", M::Prefix)], Arg::Value("LLADDR"), "the link-layer broadcast address"),
        kw(&[("mtu", M::Exact)], Arg::Value("MTU"), "the MTU"),
        kw(&[("netns", M::Exact)], Arg::Netns, "move it to this namespace (a name, or a PID)"),
        kw(&[("alias", M::Exact)], Arg::Value("NAME"), "the alias"),
        kw(&[("master", M::Exact)], Arg::Dev, "make it a port of this master"),
        kw(&[("nomaster", M::Exact)], Arg::None, "release it from its master"),
        kw(&[("group", M::Exact)], Arg::Value("GROUP"), "the device group (a number)"),
        kw(&[("numtxqueues", M::Exact)], Arg::Value("N"), "the number of transmit queues (add)"),
        kw(&[("numrxqueues", M::Exact)], Arg::Value("N"), "the number of receive queues (add)"),
        kw(&[("arp", M::Exact)], Arg::OneOf("STATE", &["on", "off"]), "ARP (NOARP when off)"),
        kw(&[("multicast", M::Exact)], Arg::OneOf("STATE", &["on", "off"]), "the MULTICAST flag"),
        kw(&[("allmulticast", M::Exact)], Arg::OneOf("STATE", &["on", "off"]), "the ALLMULTI flag"),
        kw(&[("promisc", M::Exact)], Arg::OneOf("STATE", &["on", "off"]), "the PROMISC flag"),
        kw(&[("type", M::Exact)], Arg::Value("TYPE [ ARGS ]"), "the kind and its options (TYPE below)"),
    ],
    positional: Some(("NAME", "the name (add) or the device (set, delete)")),
};

/// The options of the kinds `link add` types.
const KIND_NOTES: &str = "TYPE := { veth [ peer [ name NAME ] [ mtu MTU ] [ address LLADDR ] ]
       | bridge [ stp_state N ] [ forward_delay N ] [ hello_time N ] [ max_age N ] [ ageing_time N ]
                [ priority N ] [ vlan_filtering N ] [ vlan_default_pvid N ] [ mcast_snooping N ]
       | vxlan id VNI [ dstport PORT ] [ local ADDR ] [ remote ADDR ] [ group ADDR ] [ dev DEV ]
               [ ttl N ] [ tos N ] [ learning | nolearning ] [ ageing N ]
       | macvlan | macvtap [ mode { private | vepa | bridge | passthru | source } ]
       | ipvlan | ipvtap [ mode { l2 | l3 | l3s } ]
       | vlan id VID [ protocol { 802.1q | 802.1ad } ]
       | vrf table TABLE
       | bond [ mode { balance-rr | active-backup | balance-xor | broadcast | 802.3ad | balance-tlb | balance-alb } ]
       | ifb | dummy | nlmon | wireguard }";

/// A link request parsed from `link add|set|delete ARGS`.
#[derive(Debug, Default)]
struct LinkSpec {
    name: Option<String>,
    dev: Option<String>,
    link: Option<u32>,
    up: Option<bool>,
    flags: Vec<(u32, bool)>,
    txqlen: Option<u32>,
    address: Option<Vec<u8>>,
    broadcast: Option<Vec<u8>>,
    mtu: Option<u32>,
    netns: Option<String>,
    alias: Option<String>,
    master: Option<u32>,
    group: Option<u32>,
    numtx: Option<u32>,
    numrx: Option<u32>,
    kind: Option<Kind>,
}

/// A kind and its options, as `type TYPE ARGS` gives them.
#[derive(Debug)]
enum Kind {
    Veth {
        peer: Option<String>,
        peer_mtu: Option<u32>,
        peer_address: Option<Vec<u8>>,
    },
    Bridge(Vec<(&'static str, u32)>),
    Vxlan {
        id: u32,
        port: Option<u16>,
        local: Option<std::net::IpAddr>,
        remote: Option<std::net::IpAddr>,
        dev: Option<u32>,
        ttl: Option<u8>,
        tos: Option<u8>,
        learning: Option<u8>,
        ageing: Option<u32>,
    },
    Macvlan {
        tap: bool,
        mode: Option<u32>,
    },
    Ipvlan {
        tap: bool,
        mode: Option<u16>,
    },
    Vlan {
        id: u16,
        protocol: Option<u16>,
    },
    Vrf {
        table: u32,
    },
    Bond {
        mode: Option<u8>,
    },
    /// A kind without options (`ifb`, `dummy`, …): its name.
    Plain(String),
}

fn lladdr(s: &str) -> Result<Vec<u8>, String> {
    s.split(':')
        .map(|b| u8::from_str_radix(b, 16).ok().filter(|_| b.len() <= 2))
        .collect::<Option<Vec<u8>>>()
        .filter(|v| !v.is_empty())
        .ok_or_else(|| format!("Error: argument \"{s}\" is wrong: \"address\" value is invalid"))
}

fn on_off(v: &str, what: &str) -> Result<bool, String> {
    match v {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(format!("Error: argument \"{v}\" is wrong: \"{what}\" value is invalid")),
    }
}

fn num<T: std::str::FromStr>(v: &str, what: &str) -> Result<T, String> {
    v.parse().map_err(|_| format!("Error: argument \"{v}\" is wrong: Invalid \"{what}\" value"))
}

impl LinkSpec {
    fn parse(args: &[String]) -> Result<Self, String> {
        let mut s = LinkSpec::default();
        let mut it = args.iter().peekable();
        let need = |v: Option<&String>| -> Result<String, String> {
            v.cloned().ok_or_else(|| "Command line is not complete. Try option \"help\"".to_owned())
        };
        while let Some(a) = it.next() {
            match grammar::keyword(a, LINK_SPEC.keywords, "link")? {
                Some("link") => s.link = Some(crate::route::ifindex(&need(it.next())?)?),
                Some("name") => s.name = Some(need(it.next())?),
                Some("dev") => s.dev = Some(need(it.next())?),
                Some("up") => s.up = Some(true),
                Some("down") => s.up = Some(false),
                Some("txqueuelen") => s.txqlen = Some(num(&need(it.next())?, "txqueuelen")?),
                Some("address") => s.address = Some(lladdr(&need(it.next())?)?),
                Some("broadcast") => s.broadcast = Some(lladdr(&need(it.next())?)?),
                Some("mtu") => s.mtu = Some(num(&need(it.next())?, "mtu")?),
                Some("netns") => s.netns = Some(need(it.next())?),
                Some("alias") => s.alias = Some(need(it.next())?),
                Some("master") => s.master = Some(crate::route::ifindex(&need(it.next())?)?),
                Some("nomaster") => s.master = Some(0),
                Some("group") => s.group = Some(num(&need(it.next())?, "group")?),
                Some("numtxqueues") => s.numtx = Some(num(&need(it.next())?, "numtxqueues")?),
                Some("numrxqueues") => s.numrx = Some(num(&need(it.next())?, "numrxqueues")?),
                Some(f @ ("arp" | "multicast" | "allmulticast" | "promisc")) => {
                    let on = on_off(&need(it.next())?, f)?;
                    let (bit, set) = match f {
                        // arp on clears NOARP
                        "arp" => (IfFlags::NOARP, !on),
                        "multicast" => (IfFlags::MULTICAST, on),
                        "allmulticast" => (IfFlags::ALLMULTI, on),
                        _ => (IfFlags::PROMISC, on),
                    };
                    s.flags.push((bit, set));
                }
                Some("type") => {
                    let t = need(it.next())?;
                    let rest: Vec<String> = it.by_ref().cloned().collect();
                    s.kind = Some(parse_kind(&t, &rest)?);
                }
                Some(other) => return Err(grammar::no_case(other)),
                None if s.name.is_none() && s.dev.is_none() => s.dev = Some(a.clone()),
                None => return Err(format!("Error: either \"dev\" is duplicate, or \"{a}\" is a garbage.")),
            }
        }
        Ok(s)
    }
}

fn parse_kind(t: &str, args: &[String]) -> Result<Kind, String> {
    let mut it = args.iter();
    let need = |v: Option<&String>| -> Result<String, String> {
        v.cloned().ok_or_else(|| "Command line is not complete. Try option \"help\"".to_owned())
    };
    let garbage = |a: &str| format!("Error: argument \"{a}\" is wrong: unknown {t} option");
    Ok(match t {
        "veth" => {
            let (mut peer, mut peer_mtu, mut peer_address) = (None, None, None);
            if let Some(w) = it.next() {
                if w != "peer" {
                    return Err(garbage(w));
                }
                while let Some(a) = it.next() {
                    match a.as_str() {
                        "name" => peer = Some(need(it.next())?),
                        "mtu" => peer_mtu = Some(num(&need(it.next())?, "mtu")?),
                        "address" => peer_address = Some(lladdr(&need(it.next())?)?),
                        p if peer.is_none() => peer = Some(p.to_owned()),
                        o => return Err(garbage(o)),
                    }
                }
            }
            Kind::Veth { peer, peer_mtu, peer_address }
        }
        "bridge" => {
            const OPTS: &[&str] = &[
                "stp_state",
                "forward_delay",
                "hello_time",
                "max_age",
                "ageing_time",
                "priority",
                "vlan_filtering",
                "vlan_default_pvid",
                "mcast_snooping",
            ];
            let mut v = Vec::new();
            while let Some(a) = it.next() {
                let Some(o) = OPTS.iter().find(|o| **o == a.as_str()) else { return Err(garbage(a)) };
                v.push((*o, num(&need(it.next())?, o)?));
            }
            Kind::Bridge(v)
        }
        "vxlan" => {
            let mut id = None;
            let (mut port, mut local, mut remote, mut dev, mut ttl, mut tos, mut learning, mut ageing) =
                (None, None, None, None, None, None, None, None);
            while let Some(a) = it.next() {
                match a.as_str() {
                    "id" | "vni" => id = Some(num(&need(it.next())?, "id")?),
                    "dstport" => port = Some(num(&need(it.next())?, "dstport")?),
                    "local" => local = Some(num(&need(it.next())?, "local")?),
                    "remote" | "group" => remote = Some(num(&need(it.next())?, a)?),
                    "dev" => dev = Some(crate::route::ifindex(&need(it.next())?)?),
                    "ttl" | "hoplimit" => ttl = Some(num(&need(it.next())?, "ttl")?),
                    "tos" => tos = Some(num(&need(it.next())?, "tos")?),
                    "learning" => learning = Some(1),
                    "nolearning" => learning = Some(0),
                    "ageing" => ageing = Some(num(&need(it.next())?, "ageing")?),
                    o => return Err(garbage(o)),
                }
            }
            let id = id.ok_or("vxlan: missing virtual network identifier")?;
            Kind::Vxlan { id, port, local, remote, dev, ttl, tos, learning, ageing }
        }
        "macvlan" | "macvtap" => {
            let mut mode = None;
            while let Some(a) = it.next() {
                if a != "mode" {
                    return Err(garbage(a));
                }
                let m = need(it.next())?;
                mode = Some(match m.as_str() {
                    "private" => 1,
                    "vepa" => 2,
                    "bridge" => 4,
                    "passthru" => 8,
                    "source" => 16,
                    _ => return Err(format!("Error: argument \"{m}\" is wrong: mode")),
                });
            }
            Kind::Macvlan { tap: t == "macvtap", mode }
        }
        "ipvlan" | "ipvtap" => {
            let mut mode = None;
            while let Some(a) = it.next() {
                if a != "mode" {
                    return Err(garbage(a));
                }
                let m = need(it.next())?;
                mode = Some(match m.as_str() {
                    "l2" => 0,
                    "l3" => 1,
                    "l3s" => 2,
                    _ => return Err(format!("Error: argument \"{m}\" is wrong: mode")),
                });
            }
            Kind::Ipvlan { tap: t == "ipvtap", mode }
        }
        "vlan" => {
            let (mut id, mut protocol) = (None, None);
            while let Some(a) = it.next() {
                match a.as_str() {
                    "id" => id = Some(num(&need(it.next())?, "id")?),
                    "protocol" => {
                        let p = need(it.next())?;
                        protocol = Some(match p.to_ascii_lowercase().as_str() {
                            "802.1q" => 0x8100,
                            "802.1ad" => 0x88a8,
                            _ => return Err(format!("Error: argument \"{p}\" is wrong: protocol is invalid")),
                        });
                    }
                    o => return Err(garbage(o)),
                }
            }
            Kind::Vlan { id: id.ok_or("vlan: the VLAN id is needed (id VID)")?, protocol }
        }
        "vrf" => {
            let mut table = None;
            while let Some(a) = it.next() {
                if a != "table" {
                    return Err(garbage(a));
                }
                table = Some(crate::route::parse_table(&need(it.next())?)?);
            }
            Kind::Vrf { table: table.ok_or("vrf: a table is needed (table TABLE)")? }
        }
        "bond" => {
            const MODES: &[&str] =
                &["balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb"];
            let mut mode = None;
            while let Some(a) = it.next() {
                if a != "mode" {
                    return Err(garbage(a));
                }
                let m = need(it.next())?;
                mode = Some(
                    MODES
                        .iter()
                        .position(|x| *x == m)
                        .map(|i| i as u8)
                        .or_else(|| m.parse().ok())
                        .ok_or_else(|| format!("Error: argument \"{m}\" is wrong: mode"))?,
                );
            }
            Kind::Bond { mode }
        }
        other => {
            if let Some(a) = it.next() {
                return Err(format!("Error: argument \"{a}\" is wrong: {other} takes no options in rtnl yet"));
            }
            Kind::Plain(other.to_owned())
        }
    })
}

/// Writes a link request; with it, the namespace file it names by
/// descriptor (`netns NAME`), to be kept open until the request is sent.
fn encode(
    spec: &LinkSpec,
    ty: u16,
    flags: u16,
    seq: u32,
    index: i32,
) -> Result<(Vec<u8>, Option<std::fs::File>), String> {
    use rtnl_core::link::IfInfoMsg;
    use rtnl_core::typed::{Be16, Bytes};
    let mut hdr = IfInfoMsg::<NativeEndian>::default();
    hdr.ifi_index.set(index);
    let (mut set, mut change) = (0u32, 0u32);
    if let Some(up) = spec.up {
        change |= IfFlags::UP;
        if up {
            set |= IfFlags::UP;
        }
    }
    for &(bit, on) in &spec.flags {
        change |= bit;
        if on {
            set |= bit;
        }
    }
    hdr.ifi_flags.set(set);
    hdr.ifi_change.set(change);
    // a namespace by name is a file descriptor kept open while the request is sent
    let ns_fd = match spec.netns.as_deref() {
        Some(n) if n.parse::<u32>().is_err() => Some(
            std::fs::File::open(format!("/run/netns/{n}"))
                .map_err(|e| format!("Cannot open network namespace \"{n}\": {e}"))?,
        ),
        _ => None,
    };
    let mut w = Writer::new(VecBuffer::default());
    rtnl_core::link::request(&mut w, ty, flags, seq, &hdr, |l| {
        if let Some(n) = spec.name.as_deref().or(if index == 0 { spec.dev.as_deref() } else { None }) {
            l.ifname(n)?;
        }
        if let Some(i) = spec.link {
            l.link(i)?;
        }
        if let Some(v) = spec.txqlen {
            l.txqlen(v)?;
        }
        if let Some(a) = &spec.address {
            l.address(Bytes(a))?;
        }
        if let Some(a) = &spec.broadcast {
            l.broadcast(Bytes(a))?;
        }
        if let Some(v) = spec.mtu {
            l.mtu(v)?;
        }
        if let Some(f) = &ns_fd {
            use std::os::fd::AsRawFd;
            l.net_ns_fd(f.as_raw_fd() as u32)?;
        } else if let Some(pid) = spec.netns.as_deref().and_then(|n| n.parse::<u32>().ok()) {
            l.net_ns_pid(pid)?;
        }
        if let Some(a) = &spec.alias {
            l.ifalias(a)?;
        }
        if let Some(m) = spec.master {
            l.master(m)?;
        }
        if let Some(gr) = spec.group {
            l.group(gr)?;
        }
        if let Some(v) = spec.numtx {
            l.num_tx_queues(v)?;
        }
        if let Some(v) = spec.numrx {
            l.num_rx_queues(v)?;
        }
        let Some(kind) = &spec.kind else { return Ok(()) };
        l.linkinfo(|i| match kind {
            Kind::Plain(k) => i.kind(k).map(drop),
            Kind::Veth { peer, peer_mtu, peer_address } => i.data().veth(|v| {
                if peer.is_none() && peer_mtu.is_none() && peer_address.is_none() {
                    return Ok(());
                }
                v.peer(&IfInfoMsg::default(), |p| {
                    if let Some(n) = peer {
                        p.ifname(n)?;
                    }
                    if let Some(m) = peer_mtu {
                        p.mtu(*m)?;
                    }
                    if let Some(a) = peer_address {
                        p.address(Bytes(a))?;
                    }
                    Ok(())
                })
                .map(drop)
            }),
            Kind::Bridge(opts) => i.data().bridge(|b| {
                for &(o, v) in opts {
                    match o {
                        "stp_state" => b.stp_state(v)?,
                        "forward_delay" => b.forward_delay(v)?,
                        "hello_time" => b.hello_time(v)?,
                        "max_age" => b.max_age(v)?,
                        "ageing_time" => b.ageing_time(v)?,
                        "priority" => b.priority(v as u16)?,
                        "vlan_filtering" => b.vlan_filtering(v as u8)?,
                        "vlan_default_pvid" => b.vlan_default_pvid(v as u16)?,
                        _ => b.mcast_snooping(v as u8)?,
                    };
                }
                Ok(())
            }),
            Kind::Vxlan { id, port, local, remote, dev, ttl, tos, learning, ageing } => i.data().vxlan(|x| {
                x.id(*id)?;
                match remote {
                    Some(std::net::IpAddr::V4(a)) => _ = x.group(*a)?,
                    Some(std::net::IpAddr::V6(a)) => _ = x.group6(*a)?,
                    None => {}
                }
                match local {
                    Some(std::net::IpAddr::V4(a)) => _ = x.local(*a)?,
                    Some(std::net::IpAddr::V6(a)) => _ = x.local6(*a)?,
                    None => {}
                }
                if let Some(d) = dev {
                    x.link(*d)?;
                }
                if let Some(t) = ttl {
                    x.ttl(*t)?;
                }
                if let Some(t) = tos {
                    x.tos(*t)?;
                }
                if let Some(l) = learning {
                    x.learning(*l)?;
                }
                if let Some(a) = ageing {
                    x.ageing(*a)?;
                }
                if let Some(p) = port {
                    x.port(Be16(*p))?;
                }
                Ok(())
            }),
            Kind::Macvlan { tap, mode } => {
                if *tap {
                    i.data().macvtap(|m| mode.map(|v| m.mode(v).map(drop)).unwrap_or(Ok(())))
                } else {
                    i.data().macvlan(|m| mode.map(|v| m.mode(v).map(drop)).unwrap_or(Ok(())))
                }
            }
            Kind::Ipvlan { tap, mode } => {
                if *tap {
                    i.data().ipvtap(|m| mode.map(|v| m.mode(v).map(drop)).unwrap_or(Ok(())))
                } else {
                    i.data().ipvlan(|m| mode.map(|v| m.mode(v).map(drop)).unwrap_or(Ok(())))
                }
            }
            Kind::Vlan { id, protocol } => i.data().vlan(|v| {
                v.id(*id)?;
                if let Some(p) = protocol {
                    v.protocol(Be16(*p))?;
                }
                Ok(())
            }),
            Kind::Vrf { table } => i.data().vrf(|v| v.table(*table).map(drop)),
            Kind::Bond { mode } => i.data().bond(|b| mode.map(|m| b.mode(m).map(drop)).unwrap_or(Ok(()))),
        })?;
        Ok(())
    })
    .map_err(|e| e.to_string())?;
    Ok((w.into_inner().0, ns_fd))
}

/// `link add|set|replace|delete`.
fn modify(g: &Global, verb: &str, args: &[String]) -> Result<ExitCode, Fail> {
    use rtnl_core::link::{RTM_DELLINK, RTM_NEWLINK};
    use rtnl_core::wire::flags::Request;
    let spec = LinkSpec::parse(args)?;
    let (ty, flags) = match verb {
        "add" => (RTM_NEWLINK, Request::Add.flags()),
        "replace" => (RTM_NEWLINK, Request::Replace.flags()),
        "delete" => (RTM_DELLINK, Request::Plain.flags()),
        _ => (RTM_NEWLINK, Request::Plain.flags()),
    };
    // set and delete name the device by index
    let index = if verb == "add" || verb == "replace" {
        0
    } else {
        let Some(d) = spec.dev.as_deref() else {
            return Err(Fail::error("Not enough information: \"dev\" argument is required."));
        };
        crate::route::ifindex(d)? as i32
    };
    if verb == "add" && spec.kind.is_none() {
        return Err(Fail::error("Not enough information: \"type\" argument is required"));
    }
    let mut sock = g.socket()?;
    let (req, _netns) = encode(&spec, ty, flags, sock.next_seq(), index).map_err(Fail::from)?;
    match sock.request(&req) {
        Ok(ack) => {
            if let Some(w) = ack.warning {
                eprintln!("{w}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(Fail::kernel(e.to_string())),
    }
}

/// `link property { add | del } dev DEVICE altname NAME ...`.
fn property(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    use rtnl_core::link::{IfInfoMsg, RTM_DELLINKPROP, RTM_NEWLINKPROP};
    use rtnl_core::wire::flags::Request;
    let mut it = args.iter();
    let op = it.next().ok_or(Fail::usage("Command line is not complete. Try option \"help\""))?;
    let (ty, flags) = if crate::matches(op, "add") {
        (RTM_NEWLINKPROP, Request::Add.flags())
    } else if crate::matches(op, "delete") {
        (RTM_DELLINKPROP, Request::Plain.flags())
    } else {
        return Err(Fail::usage(format!("Operator required: \"{op}\" is not add or del")));
    };
    let (mut dev, mut names) = (None, Vec::new());
    while let Some(a) = it.next() {
        let v = it.next().ok_or(Fail::usage("Command line is not complete. Try option \"help\""))?;
        match a.as_str() {
            "dev" => dev = Some(v.clone()),
            "altname" => names.push(v.clone()),
            o => return Err(Fail::usage(format!("Error: either \"dev\" is duplicate, or \"{o}\" is a garbage."))),
        }
    }
    let dev = dev.ok_or(Fail::error("Not enough information: \"dev\" argument is required."))?;
    if names.is_empty() {
        return Err(Fail::error("Not enough information: altname argument is required"));
    }
    let mut hdr = IfInfoMsg::<NativeEndian>::default();
    hdr.ifi_index.set(crate::route::ifindex(&dev)? as i32);
    let mut sock = g.socket()?;
    let mut w = Writer::new(VecBuffer::default());
    rtnl_core::link::request(&mut w, ty, flags, sock.next_seq(), &hdr, |l| {
        l.prop_list(|p| {
            for n in &names {
                p.alt_ifname(n)?;
            }
            Ok(())
        })?;
        Ok(())
    })
    .map_err(|e| Fail::error(e.to_string()))?;
    sock.request(&w.into_inner().0).map_err(|e| Fail::kernel(e.to_string()))?;
    Ok(ExitCode::SUCCESS)
}
