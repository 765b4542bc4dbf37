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
pub const MONITOR_OBJECTS: KwSet = KwSet {
    name: "OBJECTS",
    keywords: &[
        Kw {
            words: &[("all", M::Prefix)],
            arg: Arg::None,
            help: "every group (after lost notifications: links, addresses, neighbours and routes read again)",
            ready: true,
        },
        Kw {
            words: &[("link", M::Prefix)],
            arg: Arg::None,
            help: "links, as ip monitor link prints them (read again after lost notifications)",
            ready: true,
        },
        Kw {
            words: &[("neigh", M::Prefix)],
            arg: Arg::None,
            help: "neighbours, as ip monitor neigh prints them (read again after lost notifications)",
            ready: true,
        },
        Kw {
            words: &[("route", M::Prefix)],
            arg: Arg::None,
            help: "IPv4, IPv6, multicast and MPLS routes (read again after lost notifications)",
            ready: true,
        },
    ],
    positional: None,
};

/// `rtnl monitor`.
pub const MONITOR: Object = Object {
    name: "monitor",
    help: "print notifications as they arrive (like ip monitor); says when any were lost, and reads the state again",
    verbs: &[],
    synopsis: "[ OBJECTS ]",
    sets: &[&MONITOR_OBJECTS],
    notes: "",
};

/// The link group, as `ip monitor link` joins it.
const LINK_GROUPS: &[u32] = &[RTNLGRP_LINK];
/// The neighbour group, as `ip monitor neigh` joins it.
const NEIGH_GROUPS: &[u32] = &[RTNLGRP_NEIGH];
/// The route groups, as `ip monitor route` joins them.
const ROUTE_GROUPS: &[u32] =
    &[RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE, RTNLGRP_IPV4_MROUTE, RTNLGRP_IPV6_MROUTE, RTNLGRP_MPLS_ROUTE];
/// Every live `RTNLGRP_*` of 7.2, less the dead DECnet and NOP groups.
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

pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let groups = match args.first().map(String::as_str) {
        None => ALL_GROUPS,
        Some(w) if crate::matches(w, "help") || w == "--help" || w == "-h" => {
            return Ok(crate::grammar::print_usage(&MONITOR));
        }
        Some(w) => match crate::grammar::find(w, MONITOR_OBJECTS.keywords).map(Kw::name) {
            Some("all") => ALL_GROUPS,
            Some("link") => LINK_GROUPS,
            Some("neigh") => NEIGH_GROUPS,
            Some(_) => ROUTE_GROUPS,
            None => return Err(Fail::usage(format!("Argument \"{w}\" is unknown, try \"rtnl monitor help\"."))),
        },
    };
    let mut names_sock = g.plain_socket()?;
    let mut name_map = link_names(&mut names_sock)?;
    let mut names = crate::route::DevNames::new(name_map.clone());
    // after lost notifications, what is watched is read again: the routes
    // of every family and table, and for `all` the links, addresses and
    // neighbours too
    let mut resync: Vec<DumpRequest> = if groups == LINK_GROUPS {
        vec![Box::new(|seq| rtnl_io::link_dump_request(seq, 0, 0))]
    } else if groups == NEIGH_GROUPS {
        vec![Box::new(|seq| rtnl_io::neigh_dump_request(seq, 0, None, None))]
    } else {
        vec![Box::new(|seq| rtnl_io::route_dump_request(seq, 0))]
    };
    if groups == ALL_GROUPS {
        resync.push(Box::new(|seq| rtnl_io::link_dump_request(seq, 0, 0)));
        resync.push(Box::new(|seq| rtnl_io::addr_dump_request(seq, 0, None)));
        resync.push(Box::new(|seq| rtnl_io::neigh_dump_request(seq, 0, None, None)));
    }
    // a queue as large as ip monitor's (the default 208 KiB lost events
    // under a storm of route changes that ip monitor kept up with); groups
    // the running kernel lacks (newer than it) are skipped
    let mut mon = Monitor::with_sockets(g.socket()?, g.plain_socket()?, groups, resync)?;
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
                match msg.body() {
                    RtnlMessage::Route(r) => print_notification(&msg, r, &names),
                    RtnlMessage::Link(l) if groups == LINK_GROUPS => {
                        link_changed = true;
                        crate::link::print_notification(&msg, l, &name_map, g);
                    }
                    RtnlMessage::Neigh(n) if groups == NEIGH_GROUPS => {
                        crate::neigh::print_notification(msg.ty(), n, &names)
                    }
                    _ => {
                        let name =
                            types::type_name(msg.ty()).map(str::to_owned).unwrap_or_else(|| msg.ty().to_string());
                        link_changed |= msg.ty() == types::RTM_NEWLINK || msg.ty() == types::RTM_DELLINK;
                        println!("[{name}] {}", to_json(&msg));
                    }
                }
            }
            MonitorEvent::ResyncStart => {
                link_changed = true;
                let what = if groups == ALL_GROUPS {
                    "links, addresses, neighbours and routes"
                } else if groups == LINK_GROUPS {
                    "links"
                } else if groups == NEIGH_GROUPS {
                    "neighbours"
                } else {
                    "routes"
                };
                eprintln!("rtnl monitor: notifications were lost (ENOBUFS); the current {what} follow");
            }
            MonitorEvent::Dumped(msg) => match msg.body() {
                RtnlMessage::Route(r) if !g.json => print_notification(&msg, r, &names),
                RtnlMessage::Link(l) if !g.json && groups == LINK_GROUPS => {
                    crate::link::print_notification(&msg, l, &name_map, g)
                }
                RtnlMessage::Neigh(n) if !g.json && groups == NEIGH_GROUPS => {
                    crate::neigh::print_notification(msg.ty(), n, &names)
                }
                _ => println!("{}", to_json(&msg)),
            },
            MonitorEvent::ResyncEnd { interrupted } => {
                let how = if interrupted { " (the routes changed while they were read)" } else { "" };
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
