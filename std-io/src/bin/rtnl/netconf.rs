//! `rtnl netconf show [dev NAME]`: the per-device IP configuration, as
//! iproute2 6.1's `ip netconf` prints it (text and `-j`).

use std::process::ExitCode;

use rtnl_core::message::{Message, RtnlMessage};
use rtnl_core::net::{AF_INET, AF_INET6};
use rtnl_core::netconf::{self, NetconfAttr, NetconfMessage, NetconfMsg};
use rtnl_core::wire::Messages;
use rtnl_io::link_names;

use crate::grammar::{self, kw, verb, Arg, KwSet, Object, M};
use crate::ipjson::{List, Out};
use crate::route::DevNames;
use crate::{Fail, Global};

/// `netconf show`'s keywords.
pub const NETCONF_SHOW: KwSet = KwSet {
    name: "SHOW",
    keywords: &[kw(&[("dev", M::Exact)], Arg::Dev, "the configuration of link STRING")],
    positional: None,
};

/// `ip netconf`'s verbs.
pub const NETCONF: Object = Object {
    name: "netconf",
    help: "per-device IP configuration (forwarding, rp_filter, …): show it (like ip netconf)",
    verbs: &[
        verb(
            &[("show", M::Prefix), ("list", M::Prefix), ("lst", M::Prefix)],
            "[ dev STRING ]",
            &[&NETCONF_SHOW],
            "show the configuration",
            true,
        ),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "",
};

/// `rtnl netconf …`.
pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    grammar::run_show(&NETCONF, args, |rest| show(g, rest))
}

fn family_name(f: u8) -> String {
    match f {
        AF_INET => "inet".into(),
        AF_INET6 => "inet6".into(),
        28 => "mpls".into(),
        7 => "bridge".into(),
        f => format!("[{f}]"),
    }
}

/// One message as `print_netconf` prints it.
fn write_netconf(o: &mut Out, ty: u16, n: &NetconfMessage<'_>, names: &DevNames) {
    if ty == netconf::RTM_DELNETCONF {
        o.lit("deleted", "Deleted ", "true");
    }
    let fam = family_name(n.header().ncm_family);
    o.str("family", &format!("{fam} "), &fam);
    let on_off = |o: &mut Out, key: &str, v: i32| {
        let w = if v != 0 { "on" } else { "off" };
        o.lit(key, &format!("{key} {w} "), if v != 0 { "true" } else { "false" });
    };
    let mut attrs: Vec<NetconfAttr<'_>> = n.attrs().flatten().collect();
    // ip prints in its own order, whatever the kernel's
    attrs.sort_by_key(rtnl_core::typed::AttrSet::id);
    for a in attrs {
        match a {
            NetconfAttr::Ifindex(i) => {
                let dev = netconf::ifindex_name(i).map(str::to_owned).unwrap_or_else(|| {
                    u32::try_from(i).ok().and_then(|i| names.get(i).map(str::to_owned)).unwrap_or(format!("if{i}"))
                });
                o.str("interface", &format!("{dev} "), &dev);
            }
            NetconfAttr::Forwarding(v) => on_off(o, "forwarding", v),
            NetconfAttr::RpFilter(v) => match ["off", "strict", "loose"].get(v as u32 as usize) {
                Some(w) => o.str("rp_filter", &format!("rp_filter {w} "), w),
                None => o.num("rp_filter", &format!("rp_filter {} ", v as u32), u64::from(v as u32)),
            },
            NetconfAttr::McForwarding(v) => on_off(o, "mc_forwarding", v),
            NetconfAttr::ProxyNeigh(v) => on_off(o, "proxy_neigh", v),
            NetconfAttr::IgnoreRoutesWithLinkdown(v) => on_off(o, "ignore_routes_with_linkdown", v),
            NetconfAttr::Input(v) => on_off(o, "input", v),
            _ => {}
        }
    }
}

/// A netconf notification as `ip monitor netconf` prints it.
pub fn print_notification(ty: u16, n: &NetconfMessage<'_>, names: &DevNames) {
    let mut o = Out::new(false);
    write_netconf(&mut o, ty, n, names);
    println!("{}", o.s);
}

fn show(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let mut dev = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match grammar::keyword(a, NETCONF_SHOW.keywords, "netconf").map_err(Fail::usage)? {
            Some("dev") => {
                let d = crate::grammar::need(it.next())?;
                let i = crate::route::ifindex(d).map_err(|_| Fail::error(format!("Device \"{d}\" does not exist.")))?;
                dev = Some(i as i32);
            }
            Some(other) => return Err(Fail::usage(grammar::no_case(other))),
            // ip skips words it does not know
            None => {}
        }
    }
    let mut sock = g.socket()?;
    let names = DevNames::new(link_names(&mut sock)?);
    // a kernel that cannot dump AF_UNSPEC (EOPNOTSUPP) is asked for IPv4
    // and IPv6 in turn, as ip does
    let mut families = vec![g.family];
    let mut rows = Vec::new();
    while let Some(fam) = families.pop() {
        let req = rtnl_io::dump_request(sock.next_seq(), netconf::RTM_GETNETCONF, &NetconfMsg { ncm_family: fam });
        let kept = crate::dump_kept_or(
            &mut sock,
            &req,
            "a netconf message",
            |m| matches!(m.body(), RtnlMessage::Netconf(n) if dev.is_none() || n.ifindex() == dev),
        )?;
        match kept {
            Ok(kept) => rows.extend(kept),
            Err(rtnl_io::Error::Kernel(k)) if fam == 0 && k.errno == libc::EOPNOTSUPP => {
                families.extend([AF_INET6, AF_INET]);
            }
            Err(e) => return Err(Fail::kernel(format!("{e}\nDump terminated"))),
        }
    }
    let mut list = List::new(g);
    for b in &rows {
        let Some(m) = Messages::new(b).next().and_then(Result::ok).map(Message::decode) else { continue };
        let RtnlMessage::Netconf(n) = m.body() else { continue };
        let mut o = list.entry();
        write_netconf(&mut o, m.ty(), n, &names);
        list.push(o);
    }
    list.finish()
}
