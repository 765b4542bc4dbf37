//! `rtnl monitor`: print notifications as they arrive.

use std::process::ExitCode;

use rtnl_core::message::consts::*;
use rtnl_core::message::{types, RtnlMessage};
use rtnl_io::json::to_json;
use rtnl_io::monitor::DumpRequest;
use rtnl_io::{link_names, Error, Monitor, MonitorEvent};

use crate::grammar::{Arg, Kw, KwSet, Object, M};
use crate::route::print_notification;
use crate::{Fail, Global};

/// What `rtnl monitor` watches.
/// One object of `ip monitor` (named as its keyword in
/// [`MONITOR_OBJECTS`]): the multicast groups it joins, each with the
/// family that `-4` / `-6` / `-M` keeps it for (0: any), and the dump that
/// brings its state back after lost notifications, with its noun.
struct Watch {
    name: &'static str,
    groups: &'static [(u8, u32)],
    resync: Option<Resync>,
}

/// A dump request (by sequence number) and the noun of what it reads.
type Resync = (fn(u32) -> Vec<u8>, &'static str);

const V4: u8 = rtnl_core::net::AF_INET;
const V6: u8 = rtnl_core::net::AF_INET6;
const MPLS: u8 = rtnl_core::net::AF_MPLS;

/// ip's objects, in ip's order.
const WATCHES: &[Watch] = &[
    Watch {
        name: "link",
        groups: &[(0, RTNLGRP_LINK)],
        resync: Some((|seq| rtnl_io::link_dump_request(seq, 0, 0), "links")),
    },
    Watch {
        name: "address",
        groups: &[(V4, RTNLGRP_IPV4_IFADDR), (V6, RTNLGRP_IPV6_IFADDR)],
        resync: Some((|seq| rtnl_io::addr_dump_request(seq, 0, None), "addresses")),
    },
    Watch {
        name: "route",
        groups: &[(V4, RTNLGRP_IPV4_ROUTE), (V6, RTNLGRP_IPV6_ROUTE), (MPLS, RTNLGRP_MPLS_ROUTE)],
        resync: Some((|seq| rtnl_io::route_dump_request(seq, 0), "routes")),
    },
    Watch { name: "mroute", groups: &[(V4, RTNLGRP_IPV4_MROUTE), (V6, RTNLGRP_IPV6_MROUTE)], resync: None },
    Watch { name: "prefix", groups: &[(V6, RTNLGRP_IPV6_PREFIX)], resync: None },
    Watch {
        name: "neigh",
        groups: &[(0, RTNLGRP_NEIGH)],
        resync: Some((|seq| rtnl_io::neigh_dump_request(seq, 0, None, None), "neighbours")),
    },
    Watch {
        name: "netconf",
        groups: &[(V4, RTNLGRP_IPV4_NETCONF), (V6, RTNLGRP_IPV6_NETCONF), (MPLS, RTNLGRP_MPLS_NETCONF)],
        resync: Some((
            |seq| rtnl_io::dump_request(seq, types::RTM_GETNETCONF, &rtnl_core::netconf::NetconfMsg { ncm_family: 0 }),
            "netconf entries",
        )),
    },
    Watch {
        name: "rule",
        groups: &[(V4, RTNLGRP_IPV4_RULE), (V6, RTNLGRP_IPV6_RULE)],
        resync: Some((
            |seq| rtnl_io::dump_request(seq, types::RTM_GETRULE, &rtnl_core::rule::FibRuleHdr::default()),
            "rules",
        )),
    },
    Watch { name: "nsid", groups: &[(0, RTNLGRP_NSID)], resync: None },
    Watch {
        name: "nexthop",
        groups: &[(0, RTNLGRP_NEXTHOP)],
        resync: Some((
            |seq| rtnl_io::dump_request(seq, types::RTM_GETNEXTHOP, &rtnl_core::nexthop::NhMsg::default()),
            "next hops",
        )),
    },
    Watch { name: "stats", groups: &[(0, RTNLGRP_STATS)], resync: None },
    Watch {
        name: "tc",
        groups: &[(0, RTNLGRP_TC)],
        resync: Some((
            |seq| rtnl_io::dump_request(seq, types::RTM_GETQDISC, &rtnl_core::tc::TcMsg::default()),
            "qdiscs",
        )),
    },
];

const fn obj(words: &'static [(&'static str, M)], help: &'static str) -> Kw {
    Kw { words, arg: Arg::None, help, ready: true }
}

/// `monitor`'s words: `all`, `label`, then the objects (ip's order and
/// abbreviations).
pub const MONITOR_OBJECTS: KwSet = KwSet {
    name: "OBJECTS",
    keywords: &[
        obj(&[("all", M::Exact)], "every group, each notification labelled"),
        obj(&[("label", M::Prefix)], "label each notification ([ROUTE], [ADDR], …)"),
        obj(&[("link", M::Prefix)], "links"),
        obj(&[("address", M::Prefix)], "IPv4 and IPv6 addresses"),
        obj(&[("route", M::Prefix)], "IPv4, IPv6 and MPLS routes"),
        obj(&[("mroute", M::Prefix)], "multicast routes"),
        obj(&[("prefix", M::Prefix)], "IPv6 prefixes of router advertisements"),
        obj(&[("neigh", M::Prefix)], "neighbours"),
        obj(&[("netconf", M::Prefix)], "per-device IP configuration"),
        obj(&[("rule", M::Prefix)], "policy routing rules"),
        obj(&[("nsid", M::Prefix)], "namespace ids"),
        obj(&[("nexthop", M::Prefix)], "next hops and resilient groups' buckets"),
        obj(&[("stats", M::Exact)], "link statistics (as JSON lines)"),
        obj(
            &[("tc", M::Exact)],
            "traffic control: qdiscs, classes, filters, chains, actions (as tc monitor prints them)",
        ),
        Kw {
            words: &[("file", M::Prefix)],
            arg: Arg::Value("FILE"),
            help: "print the messages saved in FILE (as ip monitor file and tc monitor file do) instead of listening",
            ready: true,
        },
    ],
    positional: None,
};

pub const MONITOR: Object = Object {
    name: "monitor",
    help: "print notifications as they arrive (like ip monitor); says when any were lost, and reads the state again",
    verbs: &[],
    synopsis: "[ all | OBJECTS ] [ label ] [ file FILE ]",
    sets: &[&MONITOR_OBJECTS],
    notes: "Objects printed as ip prints them: link, address, route, mroute, neigh, netconf, rule, nexthop, nsid, prefix; tc \
            as tc monitor prints it; the \
            others (and every group with no object named) as JSON lines named by type. After lost notifications \
            the objects' state is read again (with no object named: links, addresses, neighbours and routes). \
            With file FILE, the messages saved there (concatenated, in this machine's byte order, as \
            ip monitor file, tc monitor file and rtnl capture read them) are printed instead, only the \
            named objects' when objects are named; a file that ends inside a message is an error.",
};

/// Every group `rtnl monitor` and `rtnl monitor all` join (without `-4`,
/// `-6` or `-M`): ip's, and the rest of rtnetlink's (tc, dcb, mdb, bridge
/// VLANs, …), the rest printed as JSON lines named by type.
const ALL_GROUPS: &[u32] = &[
    RTNLGRP_LINK,
    RTNLGRP_NOTIFY,
    RTNLGRP_NEIGH,
    RTNLGRP_TC,
    RTNLGRP_IPV4_IFADDR,
    RTNLGRP_IPV4_MROUTE,
    RTNLGRP_IPV4_ROUTE,
    RTNLGRP_IPV4_RULE,
    RTNLGRP_IPV6_IFADDR,
    RTNLGRP_IPV6_MROUTE,
    RTNLGRP_IPV6_ROUTE,
    RTNLGRP_IPV6_IFINFO,
    RTNLGRP_IPV6_PREFIX,
    RTNLGRP_IPV6_RULE,
    RTNLGRP_ND_USEROPT,
    RTNLGRP_PHONET_IFADDR,
    RTNLGRP_PHONET_ROUTE,
    RTNLGRP_DCB,
    RTNLGRP_IPV4_NETCONF,
    RTNLGRP_IPV6_NETCONF,
    RTNLGRP_MDB,
    RTNLGRP_MPLS_ROUTE,
    RTNLGRP_NSID,
    RTNLGRP_MPLS_NETCONF,
    RTNLGRP_IPV4_MROUTE_R,
    RTNLGRP_IPV6_MROUTE_R,
    RTNLGRP_NEXTHOP,
    RTNLGRP_BRVLAN,
    RTNLGRP_MCTP_IFADDR,
    RTNLGRP_TUNNEL,
    RTNLGRP_STATS,
    RTNLGRP_IPV4_MCADDR,
    RTNLGRP_IPV6_MCADDR,
    RTNLGRP_IPV6_ACADDR,
];

/// ip's timestamp before an event: `Timestamp: Wed Dec  2 01:40:00 2026
/// 123456 usec` on its own line, or with `-ts` `[2026-12-02T01:40:00.123456] `.
fn print_timestamp(short: bool) {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let (secs, usec) = (now.as_secs() as i64, now.subsec_micros());
    if short {
        let t = rtnl_io::sys::local_time(secs, c"%Y-%m-%dT%H:%M:%S").unwrap_or_default();
        print!("[{t}.{usec:06}] ");
    } else {
        let t = rtnl_io::sys::local_time(secs, c"%a %b %e %H:%M:%S %Y").unwrap_or_default();
        println!("Timestamp: {t} {usec} usec");
    }
}

/// "a, b and c".
fn and_list(words: &[&str]) -> String {
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (mut chosen, mut label, mut file) = (Vec::<&Watch>::new(), false, None);
    let mut it = args.iter();
    while let Some(w) = it.next() {
        if crate::matches(w, "help") || w == "--help" || w == "-h" {
            return Ok(crate::grammar::print_usage(&MONITOR));
        }
        match crate::grammar::find(w, MONITOR_OBJECTS.keywords).map(Kw::name) {
            Some("all") | Some("label") => label = true,
            Some("file") => {
                file = Some(it.next().ok_or_else(|| Fail::usage("rtnl monitor: file takes a FILE"))?);
            }
            Some(name) => {
                if let Some(x) = WATCHES.iter().find(|x| x.name == name) {
                    if !chosen.iter().any(|c| c.name == name) {
                        chosen.push(x);
                    }
                }
            }
            None => return Err(Fail::usage(format!("Argument \"{w}\" is unknown, try \"rtnl monitor help\"."))),
        }
    }
    if let Some(f) = file {
        return from_file(g, f, &chosen, label);
    }
    let kept = |&&(f, _): &&(u8, u32)| g.family == 0 || f == 0 || f == g.family;
    let groups: Vec<u32> = match (chosen.is_empty(), g.family) {
        (true, 0) => ALL_GROUPS.to_vec(),
        (true, _) => WATCHES.iter().flat_map(|w| w.groups.iter().filter(kept).map(|&(_, n)| n)).collect(),
        (false, _) => chosen.iter().flat_map(|w| w.groups.iter().filter(kept).map(|&(_, n)| n)).collect(),
    };
    let again: Vec<&Resync> = if chosen.is_empty() {
        ["link", "address", "neigh", "route"]
            .iter()
            .filter_map(|n| WATCHES.iter().find(|w| w.name == *n).and_then(|w| w.resync.as_ref()))
            .collect()
    } else {
        chosen.iter().filter_map(|w| w.resync.as_ref()).collect()
    };
    let what = and_list(&again.iter().map(|(_, noun)| *noun).collect::<Vec<_>>());
    let resync: Vec<DumpRequest> = again.iter().map(|(f, _)| Box::new(*f) as DumpRequest).collect();
    let mut names_sock = g.plain_socket()?;
    let mut name_map = link_names(&mut names_sock)?;
    let mut names = crate::route::DevNames::new(name_map.clone());
    let mut mon = Monitor::with_sockets(g.socket()?, g.plain_socket()?, &groups, resync)?;
    if let Some(size) = g.rcvbuf {
        mon.events_mut().set_recv_buffer(size)?;
    }
    loop {
        let mut link_changed = false;
        let r = mon.next(&mut |e| match e {
            MonitorEvent::Message { msg, .. } => {
                if g.timestamp > 0 {
                    print_timestamp(g.timestamp > 1);
                }
                if g.json {
                    println!("{}", to_json(&msg));
                    return;
                }
                link_changed |= print_event(&msg, &names, &name_map, g, label);
            }
            MonitorEvent::ResyncStart => {
                link_changed = true;
                eprintln!("rtnl monitor: notifications were lost (ENOBUFS); the current {what} follow");
            }
            MonitorEvent::Dumped(msg) => {
                if g.json {
                    println!("{}", to_json(&msg));
                } else {
                    print_event(&msg, &names, &name_map, g, label);
                }
            }
            MonitorEvent::ResyncEnd { interrupted } => {
                let how = if interrupted { " (the state changed while it was read)" } else { "" };
                eprintln!("rtnl monitor: resynchronised{how}; notifications follow");
            }
            _ => {}
        });
        match r {
            Ok(_) => {}
            Err(Error::Overrun) => eprintln!("rtnl monitor: notifications were lost (ENOBUFS)"),
            Err(e) => return Err(e.into()),
        }
        if link_changed {
            if let Ok(n) = link_names(&mut names_sock) {
                names = crate::route::DevNames::new(n.clone());
                name_map = n;
            }
        }
    }
}

/// `monitor … file FILE` (`rtnl_from_file`): every message saved in the
/// file printed as it would be when it arrived, only the chosen objects'
/// when any are chosen. Devices are named as in this namespace where it
/// has their index (as ip and tc name them), else by index (`if7`). A file
/// that does not frame is an error after what could be printed.
fn from_file(g: &Global, path: &str, chosen: &[&Watch], label: bool) -> Result<ExitCode, Fail> {
    use rtnl_core::wire::{Messages, NativeEndian};
    let data = std::fs::read(path).map_err(|e| Fail::error(format!("rtnl monitor: cannot read {path}: {e}")))?;
    // devices named as in this namespace, where they exist (as ip and tc
    // name them); the others by index
    let name_map = g.plain_socket().ok().and_then(|mut s| link_names(&mut s).ok()).unwrap_or_default();
    let names = crate::route::DevNames::new(name_map.clone());
    for m in Messages::<NativeEndian>::with_order(&data) {
        let raw = m.map_err(|e| Fail::error(format!("rtnl monitor: {path}: {e}")))?;
        let msg = rtnl_core::message::Message::decode(raw);
        if !chosen.is_empty() && !object_of(&msg).is_some_and(|o| chosen.iter().any(|w| w.name == o)) {
            continue;
        }
        if g.json {
            println!("{}", to_json(&msg));
        } else {
            print_event(&msg, &names, &name_map, g, label);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The object of [`WATCHES`] a message belongs to.
fn object_of(msg: &rtnl_core::message::Message<'_>) -> Option<&'static str> {
    use rtnl_core::net::{RTNL_FAMILY_IP6MR, RTNL_FAMILY_IPMR};
    Some(match msg.body() {
        RtnlMessage::Route(r) if matches!(r.header().rtm_family, RTNL_FAMILY_IPMR | RTNL_FAMILY_IP6MR) => "mroute",
        RtnlMessage::Route(_) => "route",
        RtnlMessage::Link(_) => "link",
        RtnlMessage::Addr(_) => "address",
        RtnlMessage::Neigh(_) => "neigh",
        RtnlMessage::Netconf(_) => "netconf",
        RtnlMessage::Rule(_) => "rule",
        RtnlMessage::Nsid(_) => "nsid",
        RtnlMessage::Nexthop(_) => "nexthop",
        RtnlMessage::Prefix(_) => "prefix",
        RtnlMessage::Tc(_) | RtnlMessage::Action(_) => "tc",
        _ if matches!(msg.ty(), types::RTM_NEWSTATS) => "stats",
        _ => return None,
    })
}

/// A prefix notification as `print_prefix` prints it (its missing space
/// after the prefix length kept); one that is not an IPv6 prefix
/// information option is refused on stderr, as ip does.
fn print_prefix(p: &rtnl_core::prefix::PrefixMessage<'_>, names: &crate::route::DevNames) {
    use rtnl_core::prefix::{PrefixAttr, IF_PREFIX_AUTOCONF, IF_PREFIX_ONLINK};
    let h = p.header();
    if h.prefix_family != rtnl_core::net::AF_INET6 {
        eprintln!("incorrect protocol family: {}", h.prefix_family);
        return;
    }
    if h.prefix_type != 3 {
        eprintln!("wrong ND type {}", h.prefix_type);
        return;
    }
    let mut s = String::new();
    let (mut address, mut ci) = (None, None);
    for a in p.attrs().flatten() {
        match a {
            PrefixAttr::Address(x) => address = address.or(Some(x)),
            PrefixAttr::CacheInfo(c) => ci = ci.or(Some(c)),
            _ => {}
        }
    }
    if let Some(a) = address {
        s.push_str(&format!("prefix {a}/{}", h.prefix_len));
    }
    s.push_str(&format!("dev {} ", crate::route::dev_name(names, h.prefix_ifindex.get() as u32)));
    if h.prefix_flags & IF_PREFIX_ONLINK != 0 {
        s.push_str("onlink ");
    }
    if h.prefix_flags & IF_PREFIX_AUTOCONF != 0 {
        s.push_str("autoconf ");
    }
    if let Some(c) = ci {
        s.push_str(&format!("valid {} preferred {} ", c.valid_time.get(), c.preferred_time.get()));
    }
    println!("{s}");
}

/// Prints one notification as `ip monitor` does (`accept_msg`), led by
/// its label when asked; a message ip has no printer for is a JSON line
/// named by its type. Whether it was a link's (the names may change).
fn print_event(
    msg: &rtnl_core::message::Message<'_>,
    names: &crate::route::DevNames,
    name_map: &std::collections::HashMap<u32, String>,
    g: &Global,
    label: bool,
) -> bool {
    use rtnl_core::net::{RTNL_FAMILY_IP6MR, RTNL_FAMILY_IPMR};
    let ty = msg.ty();
    let tag = |l: &str| {
        if label {
            print!("{l}");
        }
    };
    match msg.body() {
        RtnlMessage::Route(r) => {
            // ip leaves out cache entries (route get's answers)
            if r.header().rtm_flags.get() & rtnl_core::route::RTM_F_CLONED != 0 {
                return false;
            }
            if matches!(r.header().rtm_family, RTNL_FAMILY_IPMR | RTNL_FAMILY_IP6MR) {
                tag("[MROUTE]");
                crate::mroute::print_notification(ty, r, names, g);
            } else {
                tag("[ROUTE]");
                print_notification(msg, r, names);
            }
        }
        RtnlMessage::Nexthop(n) => {
            tag(if matches!(ty, types::RTM_NEWNEXTHOPBUCKET | types::RTM_DELNEXTHOPBUCKET) {
                "[NEXTHOPBUCKET]"
            } else {
                "[NEXTHOP]"
            });
            crate::nexthop::print_notification(ty, n, names, g);
        }
        RtnlMessage::Link(l) if matches!(ty, types::RTM_NEWLINK | types::RTM_DELLINK) => {
            tag("[LINK]");
            crate::link::print_notification(msg, l, name_map, g);
            return true;
        }
        RtnlMessage::Addr(a) if matches!(ty, types::RTM_NEWADDR | types::RTM_DELADDR) => {
            tag("[ADDR]");
            crate::addr::print_notification(ty, a, names);
        }
        RtnlMessage::Neigh(n) => {
            if g.family != 0 && n.header().ndm_family != g.family {
                return false;
            }
            tag("[NEIGH]");
            crate::neigh::print_notification(ty, n, names);
        }
        RtnlMessage::AddrLabel(l) if matches!(ty, types::RTM_NEWADDRLABEL | types::RTM_DELADDRLABEL) => {
            tag("[ADDRLABEL]");
            crate::addrlabel::print_notification(ty, l, names);
        }
        RtnlMessage::Rule(r) => {
            tag("[RULE]");
            crate::rule::print_notification(ty, r, g);
        }
        RtnlMessage::Netconf(n) => {
            tag("[NETCONF]");
            crate::netconf::print_notification(ty, n, names);
        }
        RtnlMessage::Prefix(p) => {
            if g.family != 0 && g.family != rtnl_core::net::AF_INET6 {
                return false;
            }
            tag("[PREFIX]");
            print_prefix(p, names);
        }
        RtnlMessage::Nsid(n) => {
            tag("[NSID]");
            crate::netns::print_notification(ty, n, g);
        }
        RtnlMessage::Tc(_) | RtnlMessage::Action(_) => {
            tag("[TC]");
            crate::tcfilter::print_notification(msg, names, g);
        }
        _ => {
            let name = types::type_name(ty).map(str::to_owned).unwrap_or_else(|| ty.to_string());
            println!("[{name}] {}", to_json(msg));
            return matches!(ty, types::RTM_NEWLINK | types::RTM_DELLINK);
        }
    }
    false
}
