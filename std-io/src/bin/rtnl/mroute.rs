//! `rtnl mroute show`: the multicast forwarding cache, as iproute2 6.1's
//! `ip mroute show` prints it (text, `-s`, `-j`), from an `RTM_GETROUTE`
//! dump of family `RTNL_FAMILY_IPMR` (`-4`, the default) or
//! `RTNL_FAMILY_IP6MR` (`-6`).
//!
//! Where ip 6.1 cannot parse its own selectors (`to` and `from` refuse
//! every prefix with "??? prefix is expected"), rtnl takes a prefix of the
//! family shown. A kernel without multicast routing answers such a dump
//! with its unicast routes; as ip, that is an error, never a table.

use std::net::IpAddr;
use std::process::ExitCode;

use rtnl_core::mroute::MfcEntry;
use rtnl_core::net::{Address, AF_INET, AF_INET6, RTNL_FAMILY_IP6MR, RTNL_FAMILY_IPMR};
use rtnl_core::route::{self as rt, RouteMessage, RouteTable, RouteType};
use rtnl_io::{link_names, route_dump_request_in};

use crate::grammar::{self, kw, need, verb, Arg, KwSet, Object, M};
use crate::ipjson::{float_g, List, Out};
use crate::route::{dev_name, DevNames};
use crate::{Fail, Global};

/// `mroute show`'s selectors.
pub const MROUTE_SHOW: KwSet = KwSet {
    name: "SELECTOR",
    keywords: &[
        kw(&[("to", M::Exact)], Arg::Value("PREFIX"), "entries whose group is in PREFIX"),
        kw(&[("from", M::Prefix)], Arg::Value("PREFIX"), "entries whose source is in PREFIX"),
        kw(&[("iif", M::Exact)], Arg::Dev, "entries arriving on this device"),
        kw(&[("table", M::Prefix)], Arg::Value("TABLE_ID"), "this table only (local, main, default, all or a number)"),
    ],
    positional: Some(("PREFIX", "entries whose group is in PREFIX")),
};

/// `ip mroute`'s verbs.
pub const MROUTE: Object = Object {
    name: "mroute",
    help: "the multicast forwarding cache: show it (like ip mroute)",
    verbs: &[
        verb(
            &[("show", M::Prefix), ("list", M::Prefix), ("lst", M::Prefix)],
            "[ [ to ] PREFIX ] [ from PREFIX ] [ iif DEVICE ] [ table TABLE_ID ]",
            &[&MROUTE_SHOW],
            "show the cache entries (-4, the default, or -6; -s adds the counters)",
            true,
        ),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "TABLE_ID := [ local | main | default | all | NUMBER ]",
    sets: &[],
    notes: "",
};

/// `rtnl mroute …`.
pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    grammar::run_show(&MROUTE, args, |rest| show(g, rest))
}

/// What `show` selects.
#[derive(Debug, Default)]
struct Filter {
    /// `RTNL_FAMILY_IPMR` or `RTNL_FAMILY_IP6MR`.
    family: u8,
    /// The table asked for (0: all); IPv4 defaults to `default` (253),
    /// as ip's "for backward compatibility".
    table: u32,
    iif: Option<u32>,
    to: Option<(IpAddr, u8)>,
    from: Option<(IpAddr, u8)>,
}

impl Filter {
    fn parse(g: &Global, args: &[String]) -> Result<Option<Filter>, Fail> {
        let mut f = match g.family {
            0 | AF_INET => Filter { family: RTNL_FAMILY_IPMR, table: RouteTable::DEFAULT.0, ..Default::default() },
            AF_INET6 => Filter { family: RTNL_FAMILY_IP6MR, ..Default::default() },
            // ip: the family has no multicast routing, and nothing is printed
            _ => return Ok(None),
        };
        let af = if f.family == RTNL_FAMILY_IPMR { AF_INET } else { AF_INET6 };
        let prefix = |s: &str, what: &str| {
            crate::neigh::prefix(s, af)
                .map_err(|_| Fail::usage(format!("Error: argument \"{s}\" is wrong: {what} value is invalid\n")))
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match grammar::keyword(a, MROUTE_SHOW.keywords, "mroute").map_err(Fail::usage)? {
                Some("table") => {
                    let v = need(it.next())?;
                    f.table = match v.as_str() {
                        "all" => 0,
                        "help" => return Err(Fail::usage(grammar::usage(&MROUTE))),
                        // ip's message ends in its own newline too
                        _ => crate::route::parse_table(v).map_err(|e| Fail::usage(e + "\n"))?,
                    };
                }
                Some("iif") => {
                    let d = need(it.next())?;
                    let i = crate::route::ifindex(d).map_err(|_| Fail::error(format!("Cannot find device \"{d}\"")))?;
                    f.iif = Some(i);
                }
                Some("from") => f.from = Some(prefix(need(it.next())?, "from")?),
                Some("to") => f.to = Some(prefix(need(it.next())?, "to")?),
                Some(other) => return Err(Fail::usage(grammar::no_case(other))),
                None if crate::matches(a, "help") => return Err(Fail::usage(grammar::usage(&MROUTE))),
                None => f.to = Some(prefix(a, "to")?),
            }
        }
        Ok(Some(f))
    }

    /// Whether ip prints entry `e` (its table, device, family and prefixes).
    fn selects(&self, m: &RouteMessage<'_>, e: &MfcEntry<'_>) -> bool {
        let matches = |a: Option<Address<'_>>, p: Option<(IpAddr, u8)>| match (a, p) {
            (Some(a), Some((p, len))) => crate::neigh::in_prefix(&a, p, len),
            // ip: no attribute, or no selector, matches
            _ => true,
        };
        (self.table == 0 || self.table == e.table)
            && self.iif.is_none_or(|i| e.iif.unwrap_or(0) == i)
            && m.header().rtm_family == self.family
            && matches(e.group, self.to)
            && matches(e.src, self.from)
    }
}

/// The answer ip gives to a route that is not a multicast one (a kernel
/// without multicast routing dumps its unicast routes instead).
const NOT_MULTICAST: &str = "Non multicast route received, kernel does support IP multicast?\nDump terminated";

fn show(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let Some(f) = Filter::parse(g, args)? else { return List::new(g).finish() };
    let mut sock = g.socket()?;
    let names = DevNames::new(link_names(&mut sock)?);
    let table = (f.table != 0).then_some(f.table);
    let req = route_dump_request_in(sock.next_seq(), f.family, table);
    // ip prints entries as they come and stops at the first route that is
    // not a multicast one: what came before it is printed, then the error
    let mut unicast = false;
    let rows = crate::dump_kept(&mut sock, &req, "a multicast route", |m| match m.body() {
        rtnl_core::message::RtnlMessage::Route(r) if m.ty() == rt::RTM_NEWROUTE || m.ty() == rt::RTM_DELROUTE => {
            if !unicast && r.header().kind() != RouteType::MULTICAST {
                unicast = true;
            }
            !unicast && MfcEntry::of(r).is_some_and(|e| f.selects(r, &e))
        }
        _ => false,
    })?;
    let mut list = List::new(g);
    for b in &rows {
        let Some((ty, r)) = decoded(b) else { continue };
        let Some(e) = MfcEntry::of(&r) else { continue };
        let mut o = list.entry();
        write_mroute(&mut o, ty, &r, &e, &names, g, f.table != 0);
        list.push(o);
    }
    let printed = list.finish()?;
    if unicast {
        return Err(Fail::error(NOT_MULTICAST));
    }
    Ok(printed)
}

fn decoded(b: &[u8]) -> Option<(u16, RouteMessage<'_>)> {
    crate::decoded(b, |m| match m {
        rtnl_core::message::RtnlMessage::Route(r) => Some(r.clone()),
        _ => None,
    })
}

/// One entry as `print_mroute` prints it; `table_asked` when the command
/// named a table (ip leaves the table out then).
fn write_mroute(
    o: &mut Out,
    ty: u16,
    r: &RouteMessage<'_>,
    e: &MfcEntry<'_>,
    names: &DevNames,
    g: &Global,
    table_asked: bool,
) {
    if ty == rt::RTM_DELROUTE {
        o.lit("deleted", "Deleted ", "true");
    }
    let addr = |a: Option<Address<'_>>| a.map_or_else(|| "unknown".to_owned(), |a| a.to_string());
    let (src, dst) = (addr(e.src), addr(e.group));
    if o.json {
        o.str("src", "", &src);
        o.str("dst", "", &dst);
    } else {
        o.text(&format!("{:<32} Iif: ", format!("({src},{dst})")));
    }
    match e.iif.filter(|&i| i != 0) {
        Some(i) => {
            let n = dev_name(names, i);
            o.str("iif", &format!("{n:<10} "), &n);
        }
        None => o.str("iif", "unresolved ", "unresolved"),
    }
    if let Some(mp) = &e.oifs {
        let mut oifs = Vec::new();
        for (i, hop) in mp.hops().map_while(Result::ok).enumerate() {
            let mut h = Out::new(o.json);
            if i == 0 {
                h.text("Oifs: ");
            }
            let n = dev_name(names, hop.ifindex() as u32);
            h.str("oif", &n, &n);
            let ttl = hop.header.rtnh_hops;
            if ttl > 1 {
                h.num("ttl", &format!("(ttl {ttl}) "), ttl.into());
            } else {
                h.text(" ");
            }
            oifs.push(h);
        }
        if o.json {
            o.objects("multipath", &oifs);
        } else {
            for h in &oifs {
                o.text(&h.s);
            }
        }
    }
    let flags = r.header().rtm_flags.get();
    let state = if flags & u32::from(rt::RTNH_F_UNRESOLVED) != 0 { "unresolved" } else { "resolved" };
    o.str("state", &format!(" State: {state}"), state);
    if flags & u32::from(rt::RTNH_F_OFFLOAD) != 0 {
        o.lit("offload", " offload", "null");
    }
    if g.stats > 0 {
        if let Some(s) = &e.stats {
            o.text("\n");
            let (p, b, w) = (s.mfcs_packets.get(), s.mfcs_bytes.get(), s.mfcs_wrong_if.get());
            o.num("packets", &format!("  {p} packets,"), p);
            o.num("bytes", &format!(" {b} bytes"), b);
            if w != 0 {
                o.num("wrong_if", &format!(", {w} arrived on wrong iif."), w);
            }
        }
        if let Some(t) = e.lastuse {
            // __jiffies_to_tv with ip's 100 Hz: hundredths of a second
            let age = t as f64 / 100.0;
            o.lit("expires", &format!(", Age {age:.2}"), &float_g(age));
        }
    }
    let table = e.table;
    if table != 0 && (table != RouteTable::MAIN.0 || g.details) && !table_asked {
        let t = RouteTable(table).to_string();
        o.str("table", &format!(" Table: {t}"), &t);
    }
}

/// A multicast route notification as `ip monitor mroute` prints it.
pub fn print_notification(ty: u16, r: &RouteMessage<'_>, names: &DevNames, g: &Global) {
    let Some(e) = MfcEntry::of(r) else { return };
    let mut o = Out::new(false);
    write_mroute(&mut o, ty, r, &e, names, g, false);
    println!("{}", o.s);
}

#[cfg(test)]
mod tests {
    //! Entries built as the kernel's `ipmr_fill_mroute` / `ip6mr`'s
    //! `mr_fill_mroute` lays them out, printed as ip 6.1 prints them.
    use super::*;
    use rtnl_core::route::RtMsg;
    use rtnl_core::wire::flags::Request;
    use rtnl_core::wire::{Messages, NativeEndian, Writer};
    use rtnl_io::VecBuffer;

    fn entry(family: u8, table: u32, lastuse: u64, unresolved: bool) -> Vec<u8> {
        let mut w = Writer::<_, NativeEndian>::new(VecBuffer::default());
        let hdr = RtMsg {
            rtm_family: family,
            rtm_dst_len: if family == RTNL_FAMILY_IPMR { 32 } else { 128 },
            rtm_src_len: if family == RTNL_FAMILY_IPMR { 32 } else { 128 },
            rtm_table: table as u8,
            rtm_protocol: 17,
            rtm_type: RouteType::MULTICAST.0,
            rtm_flags: u32::from(if unresolved { rt::RTNH_F_UNRESOLVED } else { 0 }).into(),
            ..Default::default()
        };
        rtnl_core::typed::request(&mut w, rt::RTM_NEWROUTE, Request::Plain.flags(), 1, &hdr, |a| {
            a.table(table)?;
            if family == RTNL_FAMILY_IPMR {
                a.src(std::net::Ipv4Addr::new(10, 9, 0, 2).into())?;
                a.dst(std::net::Ipv4Addr::new(239, 1, 2, 3).into())?;
            } else {
                a.src("fd00:9::2".parse::<std::net::Ipv6Addr>().unwrap().into())?;
                a.dst("ff0e::5".parse::<std::net::Ipv6Addr>().unwrap().into())?;
            }
            if !unresolved {
                a.iif(2)?;
                a.multipath(|m| {
                    // rtnh_hops is the TTL threshold: weight - 1
                    m.hop(0, 2, 3, |_| Ok(()))?.hop(0, 6, 4, |_| Ok(())).map(drop)
                })?;
            }
            a.mfc_stats(rt::RtaMfcStats {
                mfcs_packets: 12.into(),
                mfcs_bytes: 3400.into(),
                mfcs_wrong_if: u64::from(unresolved).into(),
            })?;
            a.expires(rtnl_core::typed::Uint { value: lastuse, wide: true })?;
            Ok(())
        })
        .unwrap();
        w.into_inner().0
    }

    fn print(b: &[u8], json: bool, stats: u8, table_asked: bool) -> String {
        let m = rtnl_core::message::Message::decode(Messages::new(b).next().unwrap().unwrap());
        let rtnl_core::message::RtnlMessage::Route(r) = m.body() else { panic!() };
        let e = MfcEntry::of(r).unwrap();
        let mut names = std::collections::HashMap::new();
        for (i, n) in [(2u32, "v0"), (3, "v1"), (4, "w0")] {
            names.insert(i, n.to_owned());
        }
        let g = Global { json, stats, ..Global::default() };
        let mut o = Out::new(json);
        write_mroute(&mut o, m.ty(), r, &e, &DevNames::new(names), &g, table_asked);
        o.s
    }

    #[test]
    fn entries_print_as_ip_prints_them() {
        let v4 = entry(RTNL_FAMILY_IPMR, 253, 1234, false);
        assert_eq!(
            print(&v4, false, 0, true),
            "(10.9.0.2,239.1.2.3)             Iif: v0         Oifs: v1 w0(ttl 5)  State: resolved"
        );
        assert_eq!(
            print(&v4, false, 1, false),
            "(10.9.0.2,239.1.2.3)             Iif: v0         Oifs: v1 w0(ttl 5)  State: resolved\n  12 packets, \
             3400 bytes, Age 12.34 Table: default"
        );
        assert_eq!(
            print(&v4, true, 1, true),
            r#""src":"10.9.0.2","dst":"239.1.2.3","iif":"v0","multipath":[{"oif":"v1"},{"oif":"w0","ttl":5}],"state":"resolved","packets":12,"bytes":3400,"expires":12.34"#
        );
        let v6 = entry(RTNL_FAMILY_IP6MR, 254, 5, true);
        assert_eq!(
            print(&v6, false, 1, false),
            "(fd00:9::2,ff0e::5)              Iif: unresolved  State: unresolved\n  12 packets, 3400 bytes, 1 \
             arrived on wrong iif., Age 0.05"
        );
        assert_eq!(
            print(&v6, true, 0, false),
            r#""src":"fd00:9::2","dst":"ff0e::5","iif":"unresolved","state":"unresolved""#
        );
    }
}
