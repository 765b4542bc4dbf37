//! `rtnl addr`: list, add, change, replace, delete and flush interface
//! addresses, printed as iproute2 6.1's `ip addr` prints them (text, `-j`,
//! `-br`).

use std::collections::HashMap;
use std::net::IpAddr;
use std::process::ExitCode;

use rtnl_core::addr::{self, AddrAttr, AddrMessage, IfAddrMsg, IfaCacheInfo, IfaFlags, INFINITY_LIFE_TIME};
use rtnl_core::message::{Message, RtnlMessage};
use rtnl_core::net::{Address, AF_INET, AF_INET6};
use rtnl_core::route::RouteScope;
use rtnl_core::wire::flags::Request;
use rtnl_core::wire::{Messages, NativeEndian, Writer};
use rtnl_io::VecBuffer;

use crate::grammar::{self, kw, verb, Arg, KwSet, Object, M};
use crate::ipjson::Out;
use crate::link::{Addons, Select};
use crate::{Fail, Global};

const SCOPES: Arg = Arg::OneOf("SCOPE", &["host", "link", "global", "site", "nowhere"]);

/// `addr show`'s keywords, in ip's order.
pub const ADDR_SHOW: KwSet = KwSet {
    name: "SHOW",
    keywords: &[
        kw(&[("dev", M::Exact)], Arg::Dev, "the addresses of the link named STRING"),
        kw(&[("scope", M::Exact)], SCOPES, "addresses of this scope (all: any)"),
        kw(&[("to", M::Exact)], Arg::Value("PREFIX"), "addresses in PREFIX"),
        kw(&[("label", M::Exact)], Arg::Value("PATTERN"), "addresses whose label matches PATTERN (a shell glob)"),
        kw(&[("up", M::Exact)], Arg::None, "links that are up"),
        kw(&[("master", M::Exact)], Arg::Dev, "the ports of master STRING"),
        kw(&[("type", M::Exact)], Arg::Value("ETYPE"), "links of kind ETYPE"),
        kw(&[("nomaster", M::Exact)], Arg::None, "links without a master"),
    ],
    positional: Some(("DEVICE", "the addresses of the link named DEVICE")),
};

/// `addr add`'s keywords, in ip's order.
pub const ADDR_SPEC: KwSet = KwSet {
    name: "IFADDR",
    keywords: &[
        kw(&[("peer", M::Exact), ("remote", M::Exact)], Arg::Value("PREFIX"), "the peer of a point-to-point link"),
        kw(&[("broadcast", M::Prefix), ("brd", M::Exact)], Arg::Value("ADDR"), "the broadcast address (+: computed)"),
        kw(&[("anycast", M::Exact)], Arg::Value("ADDR"), "an anycast address"),
        kw(&[("scope", M::Exact)], SCOPES, "the scope (default: host for 127/8, else global)"),
        kw(&[("dev", M::Exact)], Arg::Dev, "the link (required)"),
        kw(&[("label", M::Exact)], Arg::Value("LABEL"), "an IPv4 label (dev or dev:tag)"),
        kw(
            &[("metric", M::Prefix), ("priority", M::Prefix), ("preference", M::Prefix)],
            Arg::Value("NUMBER"),
            "the metric of the prefix route",
        ),
        kw(&[("valid_lft", M::Prefix)], Arg::Value("LFT"), "the valid lifetime (seconds or forever)"),
        kw(&[("preferred_lft", M::Prefix)], Arg::Value("LFT"), "the preferred lifetime (seconds or forever)"),
        kw(&[("home", M::Exact)], Arg::None, "IPv6 home address"),
        kw(&[("nodad", M::Exact)], Arg::None, "IPv6: no duplicate address detection"),
        kw(&[("optimistic", M::Exact)], Arg::None, "IPv6: optimistic DAD"),
        kw(&[("mngtmpaddr", M::Exact)], Arg::None, "IPv6: manage temporary addresses"),
        kw(&[("noprefixroute", M::Exact)], Arg::None, "no prefix route"),
        kw(&[("autojoin", M::Exact)], Arg::None, "join the multicast group"),
        kw(&[("local", M::Exact)], Arg::Value("PREFIX"), "the address"),
    ],
    positional: Some(("PREFIX", "the address and prefix length")),
};

/// `ip addr`'s verbs, in the order ip tries them.
pub const ADDR: Object = Object {
    name: "address",
    help: "interface addresses: show, add, change and delete them (like ip addr)",
    verbs: &[
        verb(&[("add", M::Prefix)], "IFADDR dev IFNAME", &[&ADDR_SPEC], "add an address", true),
        verb(
            &[("change", M::Prefix), ("chg", M::Exact)],
            "IFADDR dev IFNAME",
            &[&ADDR_SPEC],
            "change an address",
            true,
        ),
        verb(&[("replace", M::Prefix)], "IFADDR dev IFNAME", &[&ADDR_SPEC], "add or change an address", true),
        verb(&[("delete", M::Prefix)], "IFADDR dev IFNAME", &[&ADDR_SPEC], "delete an address", true),
        verb(
            &[("list", M::Prefix), ("show", M::Prefix), ("lst", M::Prefix)],
            "SHOW",
            &[&ADDR_SHOW],
            "list addresses",
            true,
        ),
        verb(&[("flush", M::Prefix)], "SELECTOR", &[&ADDR_SHOW], "delete the addresses show would list", true),
        verb(&[("save", M::Prefix)], "[ dev IFNAME ] > FILE", &[], "write the addresses as the kernel sent them", true),
        verb(&[("showdump", M::Prefix)], "< FILE", &[], "print the addresses of a saved file", true),
        verb(
            &[("restore", M::Prefix)],
            "< FILE",
            &[],
            "add the addresses of a saved file (those that exist kept)",
            true,
        ),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "",
};

/// `rtnl addr …`.
pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (cmd, rest) = match args.split_first() {
        None => ("show", &[][..]),
        Some((c, r)) => (c.as_str(), r),
    };
    let Some(verb) = ADDR.verb(cmd) else {
        return Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl address help\".")));
    };
    if !verb.kw.ready {
        return Err(Fail::usage(format!(
            "\"{}\" is not implemented in rtnl yet, try \"rtnl address help\".",
            verb.kw.name()
        )));
    }
    if rest.first().is_some_and(|w| w == "help" || w == "--help") {
        return Ok(grammar::print_usage(&ADDR));
    }
    match verb.kw.name() {
        "list" => show(g, rest),
        "flush" => flush(g, rest),
        "save" => save(g, rest),
        "showdump" => showdump(g),
        "restore" => {
            let data = crate::route_cmds::read_saved(ADDR_DUMP_MAGIC, "restore address")?;
            crate::route_cmds::restore_saved(g, &data, "address")
        }
        "help" => Ok(grammar::print_usage(&ADDR)),
        v => modify(g, v, rest),
    }
}

use crate::grammar::need;

/// What `addr show` selects among addresses (`print_addrinfo`'s filter):
/// scope, flags (`FLAG-LIST`: a flag, or `-flag` for its absence;
/// `dynamic` and `primary` are the absence of `permanent` and
/// `secondary`), label (a shell pattern matched against `IFA_LABEL`, or
/// the device's name), and a prefix the local address is in.
#[derive(Debug, Default)]
pub(crate) struct AddrFilter {
    family: u8,
    scope: Option<u8>,
    flags: u32,
    flagmask: u32,
    label: Option<String>,
    to: Option<(IpAddr, u8)>,
}

impl AddrFilter {
    /// `get_filter`: a `FLAG-LIST` word, if `w` is one.
    fn flag(&mut self, w: &str) -> bool {
        let (inv, w) = match w.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, w),
        };
        let (inv, w) = match w {
            "dynamic" => (!inv, "permanent"),
            "primary" => (!inv, "secondary"),
            w => (inv, w),
        };
        let bit = match w {
            "temporary" => IfaFlags::TEMPORARY,
            w => match IfaFlags::NAMES.iter().find(|&&(_, _, word)| word == w) {
                Some(&(b, _, _)) => b,
                None => return false,
            },
        };
        if inv {
            self.flags &= !bit;
        } else {
            self.flags |= bit;
        }
        self.flagmask |= bit;
        true
    }

    /// Whether `print_addrinfo` prints `a` (`dev` the name of its link).
    fn shows(&self, a: &AddrMessage<'_>, dev: &str) -> bool {
        let h = a.header();
        if self.family != 0 && h.ifa_family != self.family {
            return false;
        }
        if self.scope.is_some_and(|s| s != h.ifa_scope) || (self.flags ^ a.flags().0) & self.flagmask != 0 {
            return false;
        }
        let (mut label, mut local, mut address) = (None, None, None);
        for x in a.attrs().flatten() {
            match x {
                AddrAttr::Label(l) => label = label.or(Some(l)),
                AddrAttr::Local(v) => local = local.or(Some(v)),
                AddrAttr::Address(v) => address = address.or(Some(v)),
                _ => {}
            }
        }
        if self.label.as_deref().is_some_and(|pat| !rtnl_io::sys::fnmatch(pat, label.unwrap_or(dev))) {
            return false;
        }
        match (self.to, local.or(address)) {
            (Some((p, len)), Some(l)) if len > 0 => crate::neigh::in_prefix(&l, p, len),
            _ => true,
        }
    }
}

fn parse_show(args: &[String], family: u8) -> Result<(Select, AddrFilter), String> {
    let mut s = Select::default();
    let mut f = AddrFilter { family, ..Default::default() };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match grammar::keyword(a, ADDR_SHOW.keywords, "address")? {
            Some("dev") => s.dev = Some(need(it.next())?.clone()),
            Some("up") => s.up = true,
            Some("master") => s.master = Some(crate::route::ifindex(need(it.next())?)?),
            Some("nomaster") => s.nomaster = true,
            Some("type") => s.kind = Some(need(it.next())?.clone()),
            Some("to") => {
                let (ip, len, _) = prefix(need(it.next())?)?;
                if f.family == 0 {
                    f.family = if ip.is_ipv4() { AF_INET } else { AF_INET6 };
                }
                f.to = Some((ip, len));
            }
            Some("scope") => {
                let v = need(it.next())?;
                f.scope = match RouteScope::from_name(v) {
                    Some(sc) => Some(sc.0),
                    None if v == "all" => None,
                    None => return Err(format!("Error: argument \"{v}\" is wrong: invalid \"scope\"\n")),
                };
            }
            Some("label") => {
                let v = need(it.next())?;
                f.label = Some(v.clone());
            }
            Some(other) => return Err(grammar::no_case(other)),
            None if f.flag(a) => {}
            None if s.dev.is_none() => s.dev = Some(a.clone()),
            None => return Err(format!("Error: either \"dev\" is duplicate, or \"{a}\" is a garbage.")),
        }
    }
    Ok((s, f))
}

/// The addresses of a dump (`RTM_NEWADDR` messages, re-encoded as received).
fn dump_addrs(g: &Global, family: u8, ifindex: Option<u32>) -> Result<Vec<Vec<u8>>, Fail> {
    let mut sock = g.socket()?;
    let req = rtnl_io::addr_dump_request(sock.next_seq(), family, ifindex);
    crate::dump_kept(&mut sock, &req, "an address", |msg| {
        matches!(msg.body(), RtnlMessage::Addr(_)) && msg.ty() == addr::RTM_NEWADDR
    })
}

fn decode(bytes: &[u8]) -> Option<AddrMessage<'_>> {
    let m = Messages::new(bytes).next()?.ok()?;
    match Message::decode(m).body() {
        RtnlMessage::Addr(a) => Some(a.clone()),
        _ => None,
    }
}

/// The addresses of a dump, by link, in dump order.
struct Table {
    by_link: HashMap<u32, Vec<Vec<u8>>>,
    /// `-4` / `-6` as given (the link dump's family).
    preferred: u8,
    filter: AddrFilter,
    names: HashMap<u32, String>,
}

impl Table {
    fn shows(&self, a: &AddrMessage<'_>) -> bool {
        let i = a.header().ifa_index.get();
        self.filter.shows(a, self.names.get(&i).map_or("", String::as_str))
    }
}

impl Addons for Table {
    fn keep(&self, ifindex: u32) -> bool {
        // ip (`ipaddr_filter`): a link with an address the filter takes, or
        // without any address when no family is asked for
        match self.by_link.get(&ifindex) {
            None => self.filter.family == 0,
            Some(v) => v.iter().filter_map(|b| decode(b)).any(|a| self.shows(&a)),
        }
    }
    fn family(&self) -> u8 {
        self.filter.family
    }
    fn link_heads(&self) -> bool {
        // ip prints no link with a label filter, only the addresses
        self.filter.label.is_none()
    }
    fn link_dump_family(&self) -> u8 {
        self.preferred
    }
    fn write(&self, ifindex: u32, out: &mut String, json: bool, brief: bool) {
        if json {
            out.push_str(",\"addr_info\":[");
        }
        let mut n = 0;
        for b in self.by_link.get(&ifindex).into_iter().flatten() {
            let Some(a) = decode(b) else { continue };
            if !self.shows(&a) {
                continue;
            }
            let mut o = Out::new(json);
            write_addr(&mut o, &a, brief);
            if json {
                if n > 0 {
                    out.push(',');
                }
                out.push('{');
                out.push_str(&o.s);
                out.push('}');
            } else {
                out.push_str(&o.s);
            }
            n += 1;
        }
        if json {
            out.push(']');
        } else if brief {
            out.push('\n');
        }
    }
}

/// ip's family names (`family_name`).
/// ip's `family_name` (`None` where it prints `???`).
pub(crate) fn family_name(f: u8) -> Option<&'static str> {
    Some(match f {
        AF_INET => "inet",
        AF_INET6 => "inet6",
        17 => "link",
        12 => "dnet",
        4 => "ipx",
        28 => "mpls",
        7 => "bridge",
        _ => return None,
    })
}

fn addr_text(a: &Address<'_>) -> String {
    a.to_string()
}

/// One address as `print_addrinfo` prints it (text or JSON members).
fn write_addr(o: &mut Out, a: &AddrMessage<'_>, brief: bool) {
    let h = a.header();
    let fam = h.ifa_family;
    let (mut local, mut address, mut brd, mut any, mut label, mut ci, mut metric) =
        (None, None, None, None, None, None, None);
    for x in a.attrs().flatten() {
        match x {
            AddrAttr::Local(v) => local = local.or(Some(v)),
            AddrAttr::Address(v) => address = address.or(Some(v)),
            AddrAttr::Broadcast(v) => brd = brd.or(Some(v)),
            AddrAttr::Anycast(v) => any = any.or(Some(v)),
            AddrAttr::Label(v) => label = label.or(Some(v)),
            AddrAttr::CacheInfo(v) => ci = ci.or(Some(v)),
            AddrAttr::RtPriority(v) => metric = metric.or(Some(v)),
            _ => {}
        }
    }
    let local = local.or(address);
    let address = address.or(local);
    if !brief {
        match family_name(fam) {
            Some(n) => o.str("family", &format!("    {n} "), n),
            None => o.num("family_index", &format!("    family {fam} "), fam.into()),
        }
    }
    if let Some(l) = local {
        let t = addr_text(&l);
        o.str("local", &t, &t);
        if let Some(p) = address.filter(|p| *p != l) {
            let t = addr_text(&p);
            o.text(" peer ");
            o.str("address", &t, &t);
        }
        o.num("prefixlen", &format!("/{} ", h.ifa_prefixlen), h.ifa_prefixlen.into());
        if let Some(m) = metric {
            o.num("metric", &format!("metric {m} "), m.into());
        }
    }
    if brief {
        return;
    }
    if let Some(b) = brd {
        let t = addr_text(&b);
        o.text("brd ");
        o.str("broadcast", &format!("{t} "), &t);
    }
    if let Some(b) = any {
        let t = addr_text(&b);
        o.text("any ");
        o.str("anycast", &format!("{t} "), &t);
    }
    let scope = h.scope().to_string();
    o.str("scope", &format!("scope {scope} "), &scope);
    let flags = a.flags();
    write_flags(o, flags, fam);
    if let Some(l) = label {
        o.str("label", l, l);
    }
    if let Some(c) = ci {
        write_lifetimes(o, &c, flags);
    }
    o.text("\n");
}

/// An address notification as `ip monitor address` prints it: one line
/// led by the link (`print_addrinfo` with ip's oneline filter), then the
/// lifetimes.
pub fn print_notification(ty: u16, a: &AddrMessage<'_>, names: &crate::route::DevNames) {
    let mut o = Out::new(false);
    if ty == rtnl_core::addr::RTM_DELADDR {
        o.text("Deleted ");
    }
    let i = a.header().ifa_index.get();
    o.text(&format!("{i}: {}", crate::route::dev_name(names, i)));
    write_addr(&mut o, a, false);
    print!("{}", o.s);
}

/// `print_ifa_flags`: the flags in ip's order (bit order), `dynamic` in
/// place of a missing `permanent`, other bits as `flags %02x`.
fn write_flags(o: &mut Out, flags: IfaFlags, family: u8) {
    for &(bit, _, word) in IfaFlags::NAMES {
        if bit == IfaFlags::PERMANENT {
            if !flags.has(bit) {
                o.lit("dynamic", "dynamic ", "true");
            }
        } else if flags.has(bit) {
            let word = if bit == IfaFlags::TEMPORARY && family == AF_INET6 { "temporary" } else { word };
            o.lit(word, &format!("{word} "), "true");
        }
    }
    let unknown = flags.unknown();
    if unknown != 0 {
        o.str("ifa_flags", &format!("flags {unknown:02x} "), &format!("{unknown:02x}"));
    }
}

fn write_lifetimes(o: &mut Out, c: &IfaCacheInfo<NativeEndian>, flags: IfaFlags) {
    o.text("\n       valid_lft ");
    let v = c.ifa_valid.get();
    if v == INFINITY_LIFE_TIME {
        o.num("valid_life_time", "forever", v.into());
    } else {
        o.num("valid_life_time", &format!("{v}sec"), v.into());
    }
    o.text(" preferred_lft ");
    let p = c.ifa_prefered.get();
    if p == INFINITY_LIFE_TIME {
        o.num("preferred_life_time", "forever", p.into());
    } else if flags.has(IfaFlags::DEPRECATED) {
        let s = p as i32;
        o.lit("preferred_life_time", &format!("{s}sec"), &s.to_string());
    } else {
        o.num("preferred_life_time", &format!("{p}sec"), p.into());
    }
}

/// `addr show`.
fn show(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (sel, filter) = parse_show(args, g.family)?;
    if let Some(d) = &sel.dev {
        if crate::route::ifindex(d).is_err() {
            return Err(Fail::error(format!("Device \"{d}\" does not exist.")));
        }
    }
    let family = match filter.family {
        f @ (AF_INET | AF_INET6) => f,
        0 => 0,
        // -0 (link only): the links, as ip addr show -0 does
        17 => return crate::link::show_with(g, &sel, None),
        f => return Err(Fail::error(format!("rtnl addr show: family {f} has no addresses here"))),
    };
    let mut by_link: HashMap<u32, Vec<Vec<u8>>> = HashMap::new();
    for b in dump_addrs(g, family, None)? {
        if let Some(a) = decode(&b) {
            by_link.entry(a.header().ifa_index.get()).or_default().push(b);
        }
    }
    // the label filter matches a device's name where an address has no label
    let names = match filter.label {
        Some(_) => rtnl_io::link_names(&mut g.socket()?)?,
        None => HashMap::new(),
    };
    crate::link::show_with(g, &sel, Some(&Table { by_link, preferred: g.family, filter, names }))
}

/// The first four bytes of a file `addr save` writes (ip's magic, in the
/// host's order).
const ADDR_DUMP_MAGIC: u32 = 0x4736_1222;

/// `addr save [SELECTOR] > FILE`: every address of the family (of one link
/// with `dev`, the only selector ip's save honours) as the kernel sent it.
fn save(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (sel, _) = parse_show(args, g.family)?;
    let index = match &sel.dev {
        Some(d) => Some(crate::route::ifindex(d).map_err(|_| Fail::error(format!("Device \"{d}\" does not exist.")))?),
        None => None,
    };
    let rows: Vec<Vec<u8>> = dump_addrs(g, g.family, index)?
        .into_iter()
        .filter(|b| decode(b).is_some_and(|a| index.is_none_or(|i| a.header().ifa_index.get() == i)))
        .collect();
    crate::route_cmds::write_saved(ADDR_DUMP_MAGIC, &rows, "addresses")
}

/// `addr showdump < FILE`: each saved address as `show_handler` prints it
/// (`ifN:`, then the address), JSON as one object's `addr_info` list.
fn showdump(g: &Global) -> Result<ExitCode, Fail> {
    let data = crate::route_cmds::read_saved(ADDR_DUMP_MAGIC, "restore address")?;
    let mut out = String::new();
    let mut n = 0;
    for m in Messages::new(&data) {
        let m = Message::decode(m.map_err(|e| Fail::error(e.to_string()))?);
        let RtnlMessage::Addr(a) = m.body() else { continue };
        let i = a.header().ifa_index.get();
        let mut o = Out::new(g.json);
        o.num("index", &format!("if{i}:\n"), i.into());
        write_addr(&mut o, a, false);
        if g.json {
            out.push_str(if n == 0 { "[{\"addr_info\":[{" } else { ",{" });
            out.push_str(&o.s);
            out.push('}');
        } else {
            out.push_str(&o.s);
        }
        n += 1;
    }
    if g.json {
        out.push_str(if n == 0 { "[{\"addr_info\":[]}]" } else { "]}]" });
        out = if g.pretty { crate::ipjson::pretty(&out) } else { out + "\n" };
    }
    crate::write_stdout(&out)
}

/// What an `addr add|change|replace|del` command line says.
#[derive(Debug, Default)]
struct Spec {
    family: u8,
    local: Option<(IpAddr, u8, bool)>,
    peer: Option<(IpAddr, u8)>,
    brd: Option<Brd>,
    anycast: Option<IpAddr>,
    scope: Option<u8>,
    dev: Option<String>,
    label: Option<String>,
    metric: Option<u32>,
    valid: Option<u32>,
    preferred: Option<u32>,
    flags: u32,
}

#[derive(Debug, Clone, Copy)]
enum Brd {
    Addr(IpAddr),
    /// `+`: the host bits set.
    Ones,
    /// `-`: the host bits clear.
    Zeros,
}

/// A prefix as ip's `get_prefix` reads it (either family), and whether
/// its length was given.
pub(crate) fn prefix(s: &str) -> Result<(IpAddr, u8, bool), String> {
    let bad = || format!("Error: any valid prefix is expected rather than \"{s}\".");
    let (a, len) = match s.split_once('/') {
        Some((a, l)) => (a, Some(l.parse::<u8>().map_err(|_| bad())?)),
        None => (s, None),
    };
    let ip = crate::route::parse_ip(a).ok_or_else(bad)?;
    let max = if ip.is_ipv4() { 32 } else { 128 };
    match len {
        Some(l) if l > max => Err(bad()),
        Some(l) => Ok((ip, l, true)),
        None => Ok((ip, max, false)),
    }
}

fn lifetime(s: &str) -> Result<u32, String> {
    if s == "forever" {
        return Ok(INFINITY_LIFE_TIME);
    }
    s.parse().map_err(|_| format!("Error: argument \"{s}\" is wrong: invalid lifetime"))
}

fn fam(ip: &IpAddr) -> u8 {
    if ip.is_ipv4() {
        AF_INET
    } else {
        AF_INET6
    }
}

impl Spec {
    fn parse(args: &[String], family: u8) -> Result<Spec, String> {
        let mut s = Spec { family, ..Default::default() };
        let mut it = args.iter();
        let set_family = |s: &mut Spec, ip: &IpAddr| -> Result<(), String> {
            match s.family {
                0 => s.family = fam(ip),
                f if f != fam(ip) => {
                    return Err(format!("Error: an {} address is expected", family_name(f).unwrap_or("?")))
                }
                _ => {}
            }
            Ok(())
        };
        while let Some(a) = it.next() {
            match grammar::keyword(a, ADDR_SPEC.keywords, "address")? {
                Some("peer") => {
                    let (ip, len, _) = prefix(need(it.next())?)?;
                    set_family(&mut s, &ip)?;
                    s.peer = Some((ip, len));
                }
                Some("broadcast") => {
                    let v = need(it.next())?;
                    s.brd = Some(match v.as_str() {
                        "+" => Brd::Ones,
                        "-" => Brd::Zeros,
                        v => {
                            let ip = crate::route::parse_ip(v)
                                .ok_or_else(|| format!("Error: any valid address is expected rather than \"{v}\"."))?;
                            set_family(&mut s, &ip)?;
                            Brd::Addr(ip)
                        }
                    });
                }
                Some("anycast") => {
                    let v = need(it.next())?;
                    let ip = crate::route::parse_ip(v)
                        .ok_or_else(|| format!("Error: any valid address is expected rather than \"{v}\"."))?;
                    set_family(&mut s, &ip)?;
                    s.anycast = Some(ip);
                }
                Some("scope") => {
                    let v = need(it.next())?;
                    let sc = RouteScope::from_name(v)
                        .map(|x| x.0)
                        .or_else(|| v.parse().ok())
                        .ok_or_else(|| format!("Error: argument \"{v}\" is wrong: invalid scope value."))?;
                    s.scope = Some(sc);
                }
                Some("dev") => s.dev = Some(need(it.next())?.clone()),
                Some("label") => s.label = Some(need(it.next())?.clone()),
                Some("metric") => s.metric = Some(crate::route::parse_u32(need(it.next())?, "metric")?),
                Some("valid_lft") => s.valid = Some(lifetime(need(it.next())?)?),
                Some("preferred_lft") => s.preferred = Some(lifetime(need(it.next())?)?),
                Some(flag @ ("home" | "nodad" | "optimistic" | "mngtmpaddr")) if s.family != AF_INET6 => {
                    eprintln!("Warning: {flag} option can be set only for IPv6 addresses");
                }
                Some(flag @ ("home" | "nodad" | "optimistic" | "mngtmpaddr" | "noprefixroute" | "autojoin")) => {
                    let bit = IfaFlags::NAMES.iter().find(|(_, _, w)| *w == flag).map_or(0, |x| x.0);
                    s.flags |= bit;
                }
                Some("local") => {
                    let p = prefix(need(it.next())?)?;
                    set_family(&mut s, &p.0)?;
                    s.local = Some(p);
                }
                Some(other) => return Err(grammar::no_case(other)),
                None if s.local.is_none() => {
                    let p = prefix(a)?;
                    set_family(&mut s, &p.0)?;
                    s.local = Some(p);
                }
                None => return Err(format!("Error: either \"local\" is duplicate, or \"{a}\" is a garbage.")),
            }
        }
        Ok(s)
    }

    /// The request, as `ipaddr_modify` builds it.
    fn encode(&self, ty: u16, flags: u16, seq: u32, index: u32) -> Result<Vec<u8>, String> {
        let del = ty == addr::RTM_DELADDR;
        let (local, len, len_given) = match self.local {
            Some(l) => (Some(l.0), l.1, l.2),
            None => (None, 0, false),
        };
        let prefixlen = self.peer.map(|p| p.1).unwrap_or(len);
        // ip: the prefix address is the peer, else the local address (but a
        // deletion of an IPv4 address without a length is a wildcard)
        let address = match (self.peer, local) {
            (Some((p, _)), _) => Some(p),
            (None, Some(l)) if !(del && l.is_ipv4() && !len_given) => Some(l),
            _ => None,
        };
        let brd = match self.brd {
            Some(Brd::Addr(b)) => Some(b),
            Some(b @ (Brd::Ones | Brd::Zeros)) if !del => {
                if self.family != AF_INET {
                    return Err("Broadcast can be set only for IPv4 addresses".into());
                }
                let base = address.unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED));
                match (base, prefixlen) {
                    (IpAddr::V4(v), l) if l <= 30 => {
                        let host = u32::MAX >> l;
                        let bits = u32::from(v);
                        let v = if matches!(b, Brd::Ones) { bits | host } else { bits & !host };
                        Some(IpAddr::V4(v.into()))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        let scope = match (self.scope, local) {
            (Some(s), _) => s,
            (None, _) if del => 0,
            (None, Some(IpAddr::V4(v))) if v.is_loopback() => RouteScope::HOST.0,
            (None, Some(IpAddr::V6(v))) if v.is_loopback() => RouteScope::HOST.0,
            _ => 0,
        };
        if self.valid.is_some() || self.preferred.is_some() {
            let v = self.valid.unwrap_or(INFINITY_LIFE_TIME);
            if v == 0 {
                return Err("valid_lft is zero".into());
            }
            if v < self.preferred.unwrap_or(INFINITY_LIFE_TIME) {
                return Err("preferred_lft is greater than valid_lft".into());
            }
        }
        if self.flags & IfaFlags::MCAUTOJOIN != 0 && !local.is_some_and(|l| l.is_multicast()) {
            return Err("autojoin needs multicast address".into());
        }
        let hdr = IfAddrMsg {
            ifa_family: self.family,
            ifa_prefixlen: prefixlen,
            ifa_flags: if self.flags <= 0xff { self.flags as u8 } else { 0 },
            ifa_scope: scope,
            ifa_index: index.into(),
        };
        let mut w = Writer::<_, NativeEndian>::new(VecBuffer::default());
        addr::request(&mut w, ty, flags, seq, &hdr, |a| {
            // in ip's order: the arguments' attributes as given, then the rest
            if let Some((p, _)) = self.peer {
                a.address(p.into())?;
            }
            if let Some(Brd::Addr(b)) = self.brd {
                a.broadcast(b.into())?;
            }
            if let Some(x) = self.anycast {
                a.anycast(x.into())?;
            }
            if let Some(l) = &self.label {
                a.label(l)?;
            }
            if let Some(m) = self.metric {
                a.rt_priority(m)?;
            }
            if let Some(l) = local {
                a.local(l.into())?;
            }
            if self.flags > 0xff {
                a.flags(self.flags)?;
            }
            if self.peer.is_none() {
                if let Some(x) = address {
                    a.address(x.into())?;
                }
            }
            if !matches!(self.brd, Some(Brd::Addr(_)) | None) {
                if let Some(b) = brd {
                    a.broadcast(b.into())?;
                }
            }
            if self.valid.is_some() || self.preferred.is_some() {
                a.cacheinfo(IfaCacheInfo {
                    ifa_prefered: self.preferred.unwrap_or(INFINITY_LIFE_TIME).into(),
                    ifa_valid: self.valid.unwrap_or(INFINITY_LIFE_TIME).into(),
                    ..Default::default()
                })?;
            }
            Ok(())
        })
        .map_err(|e| e.to_string())?;
        Ok(w.into_inner().0)
    }
}

/// `addr add|change|replace|delete`.
fn modify(g: &Global, verb: &str, args: &[String]) -> Result<ExitCode, Fail> {
    let spec = Spec::parse(args, g.family)?;
    let ty = if verb == "delete" { addr::RTM_DELADDR } else { addr::RTM_NEWADDR };
    let flags = crate::change_flags(verb);
    let Some(dev) = spec.dev.as_deref() else {
        return Err(Fail::error("Not enough information: \"dev\" argument is required."));
    };
    if spec.local.is_none() && spec.peer.is_none() && ty == addr::RTM_NEWADDR {
        return Err(Fail::error("Not enough information: an address is required."));
    }
    let index = crate::route::ifindex(dev).map_err(|_| Fail::error(format!("Cannot find device \"{dev}\"")))?;
    let mut sock = g.socket()?;
    let req = spec.encode(ty, flags, sock.next_seq(), index).map_err(Fail::error)?;
    crate::acked(&mut sock, &req)
}

/// `addr flush dev IFNAME`: deletes each address of the link (ip's
/// `flush` with a device), and fails on the first refusal.
/// `addr flush SELECTOR`: deletes what `show` would list (a device, a
/// scope, a prefix, a label, flags), each deletion acknowledged.
fn flush(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    if args.is_empty() {
        return Err(Fail::error("Flush requires arguments."));
    }
    let (sel, filter) = parse_show(args, g.family)?;
    let index = match &sel.dev {
        Some(dev) => {
            Some(crate::route::ifindex(dev).map_err(|_| Fail::error(format!("Device \"{dev}\" does not exist.")))?)
        }
        None => None,
    };
    let names = match filter.label {
        Some(_) => rtnl_io::link_names(&mut g.socket()?)?,
        None => HashMap::new(),
    };
    let addrs = dump_addrs(g, filter.family, index)?;
    let addrs: Vec<&Vec<u8>> = addrs
        .iter()
        .filter(|b| {
            decode(b).is_some_and(|a| {
                let i = a.header().ifa_index.get();
                index.is_none_or(|x| x == i) && filter.shows(&a, names.get(&i).map_or("", String::as_str))
            })
        })
        .collect();
    let mut sock = g.socket()?;
    let mut n = 0;
    for b in addrs {
        let Some(a) = decode(b) else { continue };
        let mut w = Writer::<_, NativeEndian>::new(VecBuffer::default());
        addr::request(&mut w, addr::RTM_DELADDR, Request::Plain.flags(), sock.next_seq(), a.header(), |s| {
            for x in a.attrs().flatten() {
                match x {
                    AddrAttr::Address(v) => _ = s.address(v)?,
                    AddrAttr::Local(v) => _ = s.local(v)?,
                    _ => {}
                }
            }
            Ok(())
        })
        .map_err(|e| Fail::error(e.to_string()))?;
        match sock.request(&w.into_inner().0) {
            Ok(_) => n += 1,
            // a secondary address goes with its primary
            Err(rtnl_io::Error::Kernel(k)) if k.errno == nix::errno::Errno::EADDRNOTAVAIL as i32 => {}
            Err(e) => return Err(Fail::kernel(format!("Failed to send flush request: {e}"))),
        }
    }
    if g.stats > 0 {
        println!("*** Round 1, deleting {n} addresses ***\n*** Flush is complete after 1 round ***");
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(b: &[u8]) -> AddrMessage<'_> {
        decode(b).unwrap()
    }

    fn text(b: &[u8]) -> String {
        let mut o = Out::new(false);
        write_addr(&mut o, &one(b), false);
        o.s
    }

    fn req(args: &[&str], ty: u16) -> Vec<u8> {
        let a: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
        Spec::parse(&a, 0).unwrap().encode(ty, Request::Add.flags(), 1, 7).unwrap()
    }

    #[test]
    fn an_added_address_prints_as_ip_prints_it() {
        // requests carry no IFA_F_PERMANENT (the kernel sets it): ip says dynamic
        let b = req(
            &["10.0.0.1/24", "brd", "+", "dev", "x", "label", "x:1", "valid_lft", "100", "preferred_lft", "50"],
            20,
        );
        assert_eq!(
            text(&b),
            "    inet 10.0.0.1/24 brd 10.0.0.255 scope global dynamic x:1\n       valid_lft 100sec preferred_lft 50sec\n"
        );
        let b = req(&["fd00::1/64", "dev", "x", "nodad", "noprefixroute"], 20);
        assert_eq!(text(&b), "    inet6 fd00::1/64 scope global nodad dynamic noprefixroute \n");
        let mut o = Out::new(true);
        write_addr(&mut o, &one(&b), false);
        assert_eq!(
            o.s,
            r#""family":"inet6","local":"fd00::1","prefixlen":64,"scope":"global","nodad":true,"dynamic":true,"noprefixroute":true"#
        );
    }

    #[test]
    fn a_peer_and_the_loopback_scope() {
        let b = req(&["10.1.0.1", "peer", "10.1.0.2/32", "dev", "x"], 20);
        assert_eq!(text(&b), "    inet 10.1.0.1 peer 10.1.0.2/32 scope global dynamic \n");
        let b = req(&["127.0.0.2/8", "dev", "x"], 20);
        assert_eq!(text(&b), "    inet 127.0.0.2/8 scope host dynamic \n");
    }

    #[test]
    fn dynamic_stands_where_ip_puts_it() {
        let mut o = Out::new(false);
        o.s.push_str("scope global ");
        write_flags(&mut o, IfaFlags(IfaFlags::NOPREFIXROUTE | IfaFlags::NODAD), AF_INET6);
        assert_eq!(o.s, "scope global nodad dynamic noprefixroute ");
        let mut o = Out::new(false);
        write_flags(&mut o, IfaFlags(IfaFlags::MANAGETEMPADDR | 0x1000), AF_INET6);
        assert_eq!(o.s, "dynamic mngtmpaddr flags 1000 ");
        let mut o = Out::new(false);
        write_flags(&mut o, IfaFlags(IfaFlags::SECONDARY | IfaFlags::PERMANENT), AF_INET);
        assert_eq!(o.s, "secondary ");
    }

    #[test]
    fn bad_requests_are_refused_before_sending() {
        let a = |v: &[&str]| Spec::parse(&v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>(), 0);
        assert!(a(&["10.0.0.1/33", "dev", "x"]).is_err());
        assert!(a(&["10.0.0.1/24", "peer", "fd00::1"]).is_err());
        let s = a(&["fd00::1/64", "brd", "+", "dev", "x"]).unwrap();
        assert!(s.encode(20, 0, 1, 1).is_err());
        let s = a(&["10.0.0.1/24", "valid_lft", "5", "preferred_lft", "9", "dev", "x"]).unwrap();
        assert_eq!(s.encode(20, 0, 1, 1).unwrap_err(), "preferred_lft is greater than valid_lft");
    }
}
