//! `rtnl ntable show [dev DEV | dev none] [name NAME]`: the neighbour
//! tables and their per-device parameters (`RTM_GETNEIGHTBL`), as
//! iproute2 6.1's `ip ntable` prints them (text, `-s`, `-j`).

use std::process::ExitCode;

use rtnl_core::message::RtnlMessage;
use rtnl_core::neigh::{NdtMsg, NdtParmsAttr, NeighTblAttr, NeighTblMessage, RTM_GETNEIGHTBL, RTM_NEWNEIGHTBL};
use rtnl_io::link_names;

use crate::grammar::{self, kw, need, verb, Arg, KwSet, Object, M};
use crate::ipjson::{List, Out};
use crate::route::{dev_name, DevNames};
use crate::{Fail, Global};

/// `ntable show`'s keywords.
pub const NTABLE_SHOW: KwSet = KwSet {
    name: "SHOW",
    keywords: &[
        kw(&[("dev", M::Exact)], Arg::Dev, "the parameters of this device (none: the tables' own)"),
        kw(&[("name", M::Exact)], Arg::Value("NAME"), "this table only (arp_cache, ndisc_cache, …)"),
    ],
    positional: None,
};

/// `ip ntable`'s verbs.
pub const NTABLE: Object = Object {
    name: "ntable",
    help: "neighbour tables and their parameters: show them (like ip ntable)",
    verbs: &[
        verb(&[("change", M::Prefix), ("chg", M::Prefix)], "", &[], "change a table's parameters", false),
        verb(
            &[("show", M::Prefix), ("lst", M::Prefix), ("list", M::Prefix)],
            "[ dev DEV | dev none ] [ name NAME ]",
            &[&NTABLE_SHOW],
            "show the tables (-s adds their configuration and statistics)",
            true,
        ),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "",
};

/// `rtnl ntable …`.
pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (cmd, rest) = match args.split_first() {
        None => ("show", &[][..]),
        Some((c, r)) => (c.as_str(), r),
    };
    match NTABLE.verb(cmd) {
        Some(v) if !v.kw.ready => {
            Err(Fail::usage(format!("\"{}\" is not implemented in rtnl yet, try \"rtnl ntable help\".", v.kw.name())))
        }
        Some(v) if v.kw.name() == "show" => show(g, rest),
        Some(_) => Ok(grammar::print_usage(&NTABLE)),
        None => Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl ntable help\"."))),
    }
}

/// Which parameters `show` prints: of one device, or (`dev none`) the
/// tables' own.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Dev {
    Any,
    None,
    Index(u32),
}

fn show(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (mut dev, mut name) = (Dev::Any, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "dev" => {
                let d = need(it.next())?;
                dev = if d == "none" {
                    Dev::None
                } else {
                    let i = crate::route::ifindex(d)
                        .map_err(|_| Fail::usage(format!("Error: argument \"{d}\" is wrong: \"DEV\" is invalid")))?;
                    Dev::Index(i)
                };
            }
            "name" => name = Some(need(it.next())?.clone()),
            _ => return Err(Fail::usage(format!("Error: argument \"{a}\" is wrong: unknown"))),
        }
    }
    let mut sock = g.socket()?;
    let names = DevNames::new(link_names(&mut sock)?);
    let req = rtnl_io::dump_request(
        sock.next_seq(),
        RTM_GETNEIGHTBL,
        &NdtMsg { ndtm_family: g.family, ..Default::default() },
    );
    let rows = crate::dump_kept(&mut sock, &req, "a neighbour table", |m| match m.body() {
        RtnlMessage::NeighTbl(t) if m.ty() == RTM_NEWNEIGHTBL => selects(t, g.family, dev, name.as_deref()),
        _ => false,
    })?;
    let mut out = List::new(g);
    for b in &rows {
        let Some((_, t)) = crate::decoded(b, |m| match m {
            RtnlMessage::NeighTbl(t) => Some(t.clone()),
            _ => None,
        }) else {
            continue;
        };
        let mut o = out.entry();
        write_ntable(&mut o, &t, &names, g.stats > 0);
        out.push(o);
    }
    out.finish()
}

/// `print_ntable`'s filter: the family, the table's name, the device.
fn selects(t: &NeighTblMessage<'_>, family: u8, dev: Dev, name: Option<&str>) -> bool {
    if family != 0 && t.header().ndtm_family != family {
        return false;
    }
    let mut index = None;
    for a in t.attrs().flatten() {
        match a {
            NeighTblAttr::Name(n) if name.is_some_and(|want| want != n) => return false,
            NeighTblAttr::Parms(p) => {
                for x in p.iter().flatten() {
                    if let NdtParmsAttr::Ifindex(i) = x {
                        index = Some(i);
                    }
                }
            }
            _ => {}
        }
    }
    match dev {
        Dev::Any => true,
        Dev::None => index.is_none(),
        Dev::Index(i) => index == Some(i),
    }
}

/// `ntable_strtime_delta`: `ms` milliseconds ago as local time.
fn ago(ms: u32) -> String {
    if ms == 0 {
        return "(error)".into();
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_secs();
    let t = now as i64 - i64::from(ms / 1000);
    rtnl_io::sys::local_time(t, c"%Y-%m-%d %T").unwrap_or_else(|| "(error)".into())
}

/// One table (or one device's parameters) as `print_ntable` prints it.
fn write_ntable(o: &mut Out, t: &NeighTblMessage<'_>, names: &DevNames, stats: bool) {
    let fam = crate::addr::family_name(t.header().ndtm_family).unwrap_or("???");
    o.str("family", &format!("{fam} "), fam);
    let (mut th, mut gc, mut config, mut parms, mut st) = ([None; 3], None, None, None, None);
    for a in t.attrs().flatten() {
        match a {
            NeighTblAttr::Name(n) => o.str("name", &format!("{n} "), n),
            NeighTblAttr::Thresh1(v) => th[0] = Some(v),
            NeighTblAttr::Thresh2(v) => th[1] = Some(v),
            NeighTblAttr::Thresh3(v) => th[2] = Some(v),
            NeighTblAttr::GcInterval(v) => gc = Some(v),
            NeighTblAttr::Config(c) => config = Some(c),
            NeighTblAttr::Parms(p) => parms = Some(p),
            NeighTblAttr::Stats(s) => st = Some(s),
            _ => {}
        }
    }
    o.text("\n");
    if th.iter().any(Option::is_some) || gc.is_some() {
        o.text("    ");
        for (i, v) in th.iter().enumerate() {
            if let Some(v) = v {
                let k = format!("thresh{}", i + 1);
                o.num(&k, &format!("{k} {v} "), (*v).into());
            }
        }
        if let Some(v) = gc {
            o.num("gc_interval", &format!("gc_int {v} "), v);
        }
        o.text("\n");
    }
    if let (Some(c), true) = (config, stats) {
        let (k, e, n) = (c.ndtc_key_len.get(), c.ndtc_entry_size.get(), c.ndtc_entries.get());
        o.num("key_length", &format!("    config key_len {k} "), k.into());
        o.num("entry_size", &format!("entry_size {e} "), e.into());
        o.num("entries", &format!("entries {n} "), n.into());
        o.text("\n");
        let (f, r) = (ago(c.ndtc_last_flush.get()), ago(c.ndtc_last_rand.get()));
        o.str("last_flush", &format!("        last_flush {f} "), &f);
        o.str("last_rand", &format!("last_rand {r} "), &r);
        o.text("\n");
        let rnd = c.ndtc_hash_rnd.get();
        o.num("hash_rnd", &format!("        hash_rnd {rnd} "), rnd.into());
        let m = c.ndtc_hash_mask.get();
        let hex = if m == 0 { "0".to_owned() } else { format!("{m:#x}") };
        o.str("hash_mask", &format!("hash_mask {m:08x} "), &hex);
        let (gcc, pq) = (c.ndtc_hash_chain_gc.get(), c.ndtc_proxy_qlen.get());
        o.num("hash_chain_gc", &format!("hash_chain_gc {gcc} "), gcc.into());
        o.num("proxy_qlen", &format!("proxy_qlen {pq} "), pq.into());
        o.text("\n");
    }
    if let Some(p) = parms {
        write_parms(o, &p, names);
    }
    if let (Some(s), true) = (st, stats) {
        o.text("    stats ");
        let rows: [&[(&str, u64)]; 5] = [
            &[
                ("allocs", s.ndts_allocs.get()),
                ("destroys", s.ndts_destroys.get()),
                ("hash_grows", s.ndts_hash_grows.get()),
            ],
            &[("res_failed", s.ndts_res_failed.get()), ("lookups", s.ndts_lookups.get()), ("hits", s.ndts_hits.get())],
            &[("rcv_probes_mcast", s.ndts_rcv_probes_mcast.get()), ("rcv_probes_ucast", s.ndts_rcv_probes_ucast.get())],
            &[("periodic_gc_runs", s.ndts_periodic_gc_runs.get()), ("forced_gc_runs", s.ndts_forced_gc_runs.get())],
            &[("table_fulls", s.ndts_table_fulls.get())],
        ];
        for (i, row) in rows.iter().enumerate() {
            if i > 0 {
                o.text("\n    ");
            }
            for (k, v) in row.iter() {
                o.num(k, &format!("{k} {v} "), *v);
            }
        }
        o.text("\n");
    }
}

/// `print_ndtparams`: the parameters, in ip's lines.
fn write_parms(
    o: &mut Out,
    p: &rtnl_core::typed::Nest<'_, rtnl_core::wire::NativeEndian, NdtParmsAttr<'_>>,
    names: &DevNames,
) {
    let mut v: [Option<u64>; 20] = [None; 20];
    for a in p.iter().flatten() {
        let (id, x) = match a {
            NdtParmsAttr::Ifindex(x) => (1, u64::from(x)),
            NdtParmsAttr::Refcnt(x) => (2, u64::from(x)),
            NdtParmsAttr::ReachableTime(x) => (3, x),
            NdtParmsAttr::BaseReachableTime(x) => (4, x),
            NdtParmsAttr::RetransTime(x) => (5, x),
            NdtParmsAttr::GcStaletime(x) => (6, x),
            NdtParmsAttr::DelayProbeTime(x) => (7, x),
            NdtParmsAttr::QueueLen(x) => (8, u64::from(x)),
            NdtParmsAttr::AppProbes(x) => (9, u64::from(x)),
            NdtParmsAttr::UcastProbes(x) => (10, u64::from(x)),
            NdtParmsAttr::McastProbes(x) => (11, u64::from(x)),
            NdtParmsAttr::AnycastDelay(x) => (12, x),
            NdtParmsAttr::ProxyDelay(x) => (13, x),
            NdtParmsAttr::ProxyQlen(x) => (14, u64::from(x)),
            NdtParmsAttr::Locktime(x) => (15, x),
            _ => continue,
        };
        v[id] = v[id].or(Some(x));
    }
    if let Some(i) = v[1] {
        let n = dev_name(names, i as u32);
        o.text("    dev ");
        o.str("dev", &format!("{n} "), &n);
        o.text("\n");
    }
    // (id, JSON key, text word), a line break before each group but the first
    let groups: [&[(usize, &str, &str)]; 4] = [
        &[
            (2, "refcnt", "refcnt"),
            (3, "reachable", "reachable"),
            (4, "base_reachable", "base_reachable"),
            (5, "retrans", "retrans"),
        ],
        &[(6, "gc_stale", "gc_stale"), (7, "delay_probe", "delay_probe"), (8, "queue", "queue")],
        &[(9, "app_probes", "app_probes"), (10, "ucast_probes", "ucast_probes"), (11, "mcast_probes", "mcast_probes")],
        &[
            (12, "anycast_delay", "anycast_delay"),
            (13, "proxy_delay", "proxy_delay"),
            (14, "proxy_queue", "proxy_queue"),
            (15, "locktime", "locktime"),
        ],
    ];
    o.text("    ");
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            o.text("\n    ");
        }
        for &(id, key, word) in g.iter() {
            if let Some(x) = v[id] {
                o.num(key, &format!("{word} {x} "), x);
            }
        }
    }
    o.text("\n");
}
