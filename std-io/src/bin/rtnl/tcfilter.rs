//! `rtnl filter show` and `rtnl chain show`: classifiers and filter chains
//! printed as iproute2 6.1's `tc` prints them (`print_filter`; text, `-s`,
//! and `-j`), with the options of u32, bpf and matchall and the actions
//! mirred and gact (`tc_print_action`); another kind's options are named
//! with their length (`rtnl decode --json` of a `--capture` shows every
//! field).

use std::process::ExitCode;

use rtnl_core::tc::action::{ActAttr, ActOptions, GactAttr, MirredAttr, Tcft};
use rtnl_core::tc::filter::{BasicAttr, BpfAttr, FilterOptions, MatchallAttr, U32Attr};
use rtnl_core::tc::{
    ActionList, TcHandle, TcMessage, TcMsg, TcOptions, RTM_DELCHAIN, RTM_DELTFILTER, RTM_GETCHAIN, RTM_GETTFILTER,
    RTM_NEWCHAIN, RTM_NEWTFILTER,
};
use rtnl_core::wire::flags::{NLM_F_CREATE, NLM_F_DUMP, NLM_F_EXCL, NLM_F_REQUEST};
use rtnl_core::wire::Writer;
use rtnl_io::{link_names, VecBuffer};

use crate::grammar::{self, kw, need, verb, Arg, KwSet, Object, M};
use crate::ipjson::{List, Out};
use crate::route::{dev_name, DevNames};
use crate::tc::{decoded, dump, handle_arg, ifindex_of, parts, unprinted, write_stats, write_stats2, Ctx};
use crate::tcunits::Clock;
use crate::{Fail, Global};

/// `filter show`'s and `chain show`'s selector.
pub const FILTER_SHOW: KwSet = KwSet {
    name: "SELECTOR",
    keywords: &[
        kw(&[("dev", M::Exact)], Arg::Dev, "one device's (default: every device's)"),
        kw(&[("root", M::Exact)], Arg::None, "the filters at the root"),
        kw(&[("ingress", M::Exact)], Arg::None, "the filters of clsact's ingress hook"),
        kw(&[("egress", M::Exact)], Arg::None, "the filters of clsact's egress hook"),
        kw(&[("parent", M::Exact)], Arg::Value("CLASSID"), "the filters of qdisc or class CLASSID"),
        kw(&[("preference", M::Prefix), ("priority", M::Prefix)], Arg::Value("PRIO"), "one priority's"),
        kw(&[("protocol", M::Prefix)], Arg::Value("PROTO"), "one protocol's (ip, ipv6, all, 802.1Q, …)"),
        kw(&[("chain", M::Prefix)], Arg::Value("INDEX"), "one chain's"),
        kw(&[("handle", M::Exact)], Arg::Value("FILTERID"), "taken as tc takes it (and not used)"),
    ],
    positional: None,
};

/// `tc filter`'s verbs.
pub const FILTER: Object = Object {
    name: "filter",
    help: "traffic filters (classifiers and their actions): show, add, change, replace and delete them (like tc filter)",
    verbs: &[
        verb(
            &[("show", M::Prefix), ("list", M::Prefix), ("lst", M::Prefix)],
            "[ SELECTOR ]",
            &[&FILTER_SHOW],
            "list filters (-s statistics)",
            true,
        ),
        verb(
            &[("add", M::Prefix)],
            "{ dev DEV | block N } [ root | ingress | egress | parent CLASSID ] [ handle ID ] [ protocol PROTO ] [ prio N ] [ chain N ] KIND [ OPTIONS ]",
            &[],
            "add a filter (KIND := u32 | matchall | bpf | flower | basic; actions gact, mirred, vlan, skbedit, tunnel_key, police)",
            true,
        ),
        verb(&[("delete", M::Prefix)], "FILTER", &[], "delete a filter, or every filter of a priority", true),
        verb(&[("change", M::Prefix)], "FILTER", &[], "change a filter", true),
        verb(&[("replace", M::Prefix)], "FILTER", &[], "add a filter or replace it", true),
        verb(&[("get", M::Exact)], "", &[], "", false),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "Without dev, the filters of every device are listed (tc lists none). \
            Options printed: u32, bpf, matchall, flower (all but enc_opts), basic (but its ematches); actions mirred, gact, vlan, skbedit, tunnel_key, police. Options parsed: u32 (match ip|ip6|tcp|udp|icmp|ether|mark|u32|u16|u8, offset, hashkey, \
            sample, ht, link, divisor, order, indev, classid), bpf (classic bytecode), matchall, basic (classid, actions), flower (classid, hw_tc, indev, verbose, skip_hw|skip_sw, \
            [c]vlan_id, [c]vlan_prio, [c]vlan_ethtype, dst_mac, src_mac, ip_proto, ip_tos, ip_ttl, ip_flags, dst_ip, src_ip, dst_port, src_port, \
            tcp_flags, type, code, ct_state, ct_zone, ct_mark, ct_label, arp_tip, arp_sip, arp_op, arp_tha, arp_sha, mpls_label, mpls_tc, mpls_bos, \
            mpls_ttl, mpls lse, enc_dst_ip, enc_src_ip, enc_key_id, enc_dst_port, enc_tos, enc_ttl; not yet: pppoe_sid, ppp_proto, tunnel options); \
            actions mirred, gact (VERDICT [random …] [index N]), vlan, skbedit, tunnel_key, police, with cookie, hw_stats, no_percpu, skip_hw|skip_sw. \
            Requests are tc's, byte for byte.",
};

/// `tc chain`'s verbs.
pub const CHAIN: Object = Object {
    name: "chain",
    help: "filter chains: show, add and delete them (like tc chain)",
    verbs: &[
        verb(
            &[("show", M::Prefix), ("list", M::Prefix), ("lst", M::Prefix)],
            "[ SELECTOR ]",
            &[&FILTER_SHOW],
            "list chains",
            true,
        ),
        verb(
            &[("add", M::Prefix)],
            "dev DEV [ ingress | egress | parent CLASSID ] chain N [ KIND [ OPTIONS ] ]",
            &[],
            "add a chain (with a template)",
            true,
        ),
        verb(
            &[("delete", M::Prefix)],
            "dev DEV [ ingress | egress | parent CLASSID ] chain N",
            &[],
            "delete a chain and its filters",
            true,
        ),
        verb(&[("get", M::Exact)], "", &[], "", false),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "Without dev, the chains of every device are listed (tc lists none).",
};

/// `tc actions`'s verbs.
pub const ACTIONS: Object = Object {
    name: "actions",
    help: "standalone actions: list, add, change, replace, get, delete and flush them (like tc actions)",
    verbs: &[
        verb(
            &[("list", M::Prefix), ("show", M::Prefix), ("lst", M::Prefix)],
            "action KIND",
            &[],
            "list the actions of one kind (-s statistics)",
            true,
        ),
        verb(
            &[("add", M::Prefix)],
            "action KIND OPTIONS [ action … ]",
            &[],
            "add actions (KIND := gact | mirred | vlan | skbedit | tunnel_key | police)",
            true,
        ),
        verb(&[("change", M::Prefix)], "action KIND OPTIONS", &[], "change an action", true),
        verb(&[("replace", M::Prefix)], "action KIND OPTIONS", &[], "add an action or replace it", true),
        verb(&[("delete", M::Prefix)], "action KIND index N [ action … ]", &[], "delete actions", true),
        verb(&[("get", M::Prefix)], "action KIND index N [ action … ]", &[], "print actions", true),
        verb(&[("flush", M::Prefix)], "action KIND", &[], "delete every action of a kind", true),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "KIND := mirred | gact | police | … (listed: every kind; options printed: mirred, gact, vlan, skbedit, tunnel_key, police; parsed: gact, mirred, vlan, skbedit, tunnel_key, police).",
};

/// `rtnl actions …` (`tc actions list action KIND`).
pub fn run_actions(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (cmd, rest) = match args.split_first() {
        None => return Ok(grammar::print_usage(&ACTIONS)),
        Some((c, r)) => (c.as_str(), r),
    };
    match ACTIONS.verb(cmd).map(|v| (v.kw.name(), v.kw.ready)) {
        Some(("list", _)) => {
            // tc: the word after the verb ("action") is skipped, KIND follows
            let Some(kind) = rest.get(1) else { return Ok(grammar::print_usage(&ACTIONS)) };
            if let Some(w) = rest.get(2) {
                if w != "since" {
                    return Err(Fail::usage(format!("What is \"{w}\"? Try \"rtnl actions help\".")));
                }
            }
            list_actions(g, kind)
        }
        Some(("help", _)) => Ok(grammar::print_usage(&ACTIONS)),
        Some((v @ ("add" | "change" | "replace"), _)) => crate::tcmodify::modify_actions(g, v, rest),
        Some(("delete", _)) => crate::tcmodify::delete_actions(g, rest),
        Some(("get", _)) => crate::tcmodify::get_actions(g, rest),
        Some(("flush", _)) => {
            let Some(kind) = rest.get(1) else { return Ok(grammar::print_usage(&ACTIONS)) };
            crate::tcmodify::flush_actions(g, kind)
        }
        Some((v, _)) => Err(Fail::error(format!("rtnl actions {v}: not implemented yet"))),
        None => Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl actions help\"."))),
    }
}

/// The action kinds tc knows (`get_action_kind` finds a module for them).
pub(crate) const ACTION_KINDS: &[&str] = &[
    "bpf",
    "connmark",
    "csum",
    "ct",
    "ctinfo",
    "gact",
    "gate",
    "ife",
    "mirred",
    "mpls",
    "nat",
    "pedit",
    "police",
    "sample",
    "simple",
    "skbedit",
    "skbmod",
    "tunnel_key",
    "vlan",
    "xt",
];

fn list_actions(g: &Global, kind: &str) -> Result<ExitCode, Fail> {
    use rtnl_core::tc::{Bitfield32, TcaMsg, RTM_GETACTION, RTM_NEWACTION};
    if !ACTION_KINDS.contains(&kind) {
        return Err(Fail::error(format!("bad action {kind}")));
    }
    let mut sock = g.socket()?;
    let names = DevNames::new(link_names(&mut sock)?);
    let mut w = Writer::new(VecBuffer::default());
    rtnl_core::typed::request(
        &mut w,
        RTM_GETACTION,
        NLM_F_REQUEST | NLM_F_DUMP,
        sock.next_seq(),
        &TcaMsg::default(),
        |a| {
            a.tab(|t| {
                t.action(|x| {
                    x.kind(kind)?;
                    Ok(())
                })?;
                Ok(())
            })?;
            // TCA_ACT_FLAG_LARGE_DUMP_ON, as tc asks
            a.flags(Bitfield32 { value: 1.into(), selector: 1.into() })?;
            Ok(())
        },
    )
    .map_err(|e| Fail::error(e.to_string()))?;
    let ctx = Ctx { names: &names, dev: true, details: g.details, stats: g.stats > 0, clock: Clock::host() };
    // (the kernel answers an action dump with the request's type)
    let msgs = crate::dump_kept(&mut sock, &w.into_inner().0, "an action", |m| {
        matches!(m.ty(), RTM_NEWACTION | RTM_GETACTION)
            && matches!(m.body(), rtnl_core::message::RtnlMessage::Action(_))
    })?;
    let mut out = List::new(g);
    for b in msgs {
        let Some(m) = rtnl_core::wire::Messages::new(&b).next().and_then(Result::ok) else { continue };
        let (ty, flags) = (m.ty(), m.flags());
        let m = rtnl_core::message::Message::decode(m);
        if let rtnl_core::message::RtnlMessage::Action(a) = m.body() {
            write_action_msg(&mut out, ty, flags, a, &ctx);
        }
    }
    out.finish()
}

/// Sends the action request `req(seq)` and prints its answers as
/// `actions list` prints a dump (`tc actions get`).
pub(crate) fn request_and_print_actions(
    g: &Global,
    req: impl FnOnce(u32) -> Result<Vec<u8>, Fail>,
) -> Result<ExitCode, Fail> {
    let mut sock = g.socket()?;
    let names = DevNames::new(link_names(&mut sock)?);
    let ctx = Ctx { names: &names, dev: true, details: g.details, stats: g.stats > 0, clock: Clock::host() };
    let bytes = req(sock.next_seq())?;
    let mut out = List::new(g);
    sock.request_with(&bytes, |m| {
        if let rtnl_core::message::RtnlMessage::Action(a) = m.body() {
            write_action_msg(&mut out, m.ty(), m.flags(), a, &ctx);
        }
    })
    .map_err(|e| Fail::kernel(e.to_string()))?;
    out.finish()
}

/// `print_action`: a standalone action message (a dump's, or a
/// notification): `total acts N`, then its actions (not bound to a filter).
pub(crate) fn write_action_msg(out: &mut List, ty: u16, flags: u16, a: &rtnl_core::tc::ActionMessage<'_>, c: &Ctx<'_>) {
    use rtnl_core::tc::{ActionRootAttr, RTM_DELACTION, RTM_GETACTION, RTM_NEWACTION};
    use rtnl_core::wire::flags::{NLM_F_REPLACE, NLM_F_ROOT};
    let attrs: Vec<_> = a.attrs().flatten().collect();
    let count = attrs.iter().find_map(|x| if let ActionRootAttr::Count(n) = x { Some(*n) } else { None });
    let mut o = out.entry();
    let n = count.unwrap_or(0);
    o.num("total acts", &format!("total acts {n}"), n.into());
    o.text("\n");
    out.push_verbatim(o);
    let Some(tab) = attrs.iter().find_map(|x| if let ActionRootAttr::Tab(t) = x { Some(t) } else { None }) else {
        if ty != RTM_GETACTION {
            eprintln!("print_action: NULL kind");
        }
        return;
    };
    let mut o = out.entry();
    if ty == RTM_DELACTION {
        o.text(if flags & NLM_F_ROOT != 0 { "Flushed table " } else { "Deleted action " });
    }
    if ty == RTM_NEWACTION {
        if flags & NLM_F_CREATE != 0 && flags & NLM_F_REPLACE == 0 {
            o.text("Added action ");
        } else if flags & NLM_F_REPLACE != 0 {
            o.text("Replaced action ");
        }
    }
    // tc reads positions up to the count (32 without one), from 0
    let max = if n == 0 { 32 } else { n };
    actions_upto(&mut o, tab, max, false, c);
    out.push_verbatim(o);
}

/// `rtnl filter …`.
pub fn run_filter(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    run(g, args, &FILTER, RTM_GETTFILTER)
}

/// `rtnl chain …`.
pub fn run_chain(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    run(g, args, &CHAIN, RTM_GETCHAIN)
}

fn run(g: &Global, args: &[String], object: &'static Object, get: u16) -> Result<ExitCode, Fail> {
    let (cmd, rest) = match args.split_first() {
        None => ("show", &[][..]),
        Some((c, r)) => (c.as_str(), r),
    };
    match object.verb(cmd) {
        Some(v) if v.kw.name() == "show" && rest.first().is_none_or(|w| w != "help") => show(g, rest, object, get),
        Some(v) if v.kw.name() == "help" || v.kw.name() == "show" => Ok(grammar::print_usage(object)),
        Some(v) if v.kw.name() != "get" => {
            use rtnl_core::tc::{RTM_DELCHAIN, RTM_DELTFILTER, RTM_NEWCHAIN, RTM_NEWTFILTER};
            let chain = get == RTM_GETCHAIN;
            let (new, del) = if chain { (RTM_NEWCHAIN, RTM_DELCHAIN) } else { (RTM_NEWTFILTER, RTM_DELTFILTER) };
            // tc's flags: a filter's replace creates but does not set NLM_F_REPLACE
            let (ty, flags) = match v.kw.name() {
                "add" => (new, NLM_F_EXCL | NLM_F_CREATE),
                "replace" => (new, NLM_F_CREATE),
                "change" => (new, 0),
                _ => (del, 0),
            };
            if rest.first().is_some_and(|w| w == "help") {
                return Ok(grammar::print_usage(object));
            }
            crate::tcmodify::modify_filter(g, ty, flags, rest)
        }
        Some(v) => Err(Fail::error(format!("rtnl {} {}: not implemented yet", object.name, v.kw.name()))),
        None => Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl {} help\".", object.name))),
    }
}

/// What `filter show` selects: the fields tc then leaves out of each line.
#[derive(Default)]
struct Selected {
    ifindex: Option<u32>,
    parent: u32,
    prio: u32,
    protocol: u16,
    chain: Option<u32>,
}

fn show(g: &Global, args: &[String], object: &Object, get: u16) -> Result<ExitCode, Fail> {
    let mut sel = Selected::default();
    let mut dev = None;
    let mut handle = None;
    let mut it = args.iter();
    let dup = |what: &str, v: &str| Fail::usage(format!("Error: duplicate \"{what}\": \"{v}\" is the second value."));
    let invalid = |what: &str, v: &str| Fail::usage(format!("Error: argument \"{v}\" is wrong: {what}"));
    while let Some(a) = it.next() {
        match a.as_str() {
            "dev" => {
                let v = need(it.next())?;
                if dev.is_some() {
                    return Err(dup("dev", v));
                }
                dev = Some(v.clone());
            }
            w @ ("root" | "ingress" | "egress") => {
                if sel.parent != 0 {
                    return Err(Fail::usage(format!("Error: \"{w}\" is duplicate parent ID")));
                }
                sel.parent = match w {
                    "root" => TcHandle::ROOT.0,
                    "ingress" => TcHandle::new(0xffff, TcHandle::MIN_INGRESS).0,
                    _ => TcHandle::new(0xffff, TcHandle::MIN_INGRESS + 1).0,
                };
            }
            "parent" => {
                let v = need(it.next())?;
                if sel.parent != 0 {
                    return Err(dup("parent", v));
                }
                sel.parent = handle_arg(v, "invalid parent ID")?;
            }
            "handle" => {
                let v = need(it.next())?;
                if handle.is_some() {
                    return Err(dup("handle", v));
                }
                handle = Some(v.clone());
            }
            w if crate::matches(w, "preference") || crate::matches(w, "priority") => {
                let v = need(it.next())?;
                if sel.prio != 0 {
                    return Err(dup("priority", v));
                }
                sel.prio = crate::route::parse_u32(v, "").ok().ok_or_else(|| invalid("invalid preference", v))?;
            }
            w if crate::matches(w, "protocol") => {
                let v = need(it.next())?;
                if sel.protocol != 0 {
                    return Err(dup("protocol", v));
                }
                sel.protocol = proto_a2n(v).ok_or_else(|| invalid("invalid protocol", v))?;
            }
            w if crate::matches(w, "chain") => {
                let v = need(it.next())?;
                if sel.chain.is_some() {
                    return Err(dup("chain", v));
                }
                sel.chain =
                    Some(crate::route::parse_u32(v, "").ok().ok_or_else(|| invalid("invalid chain index value", v))?);
            }
            w if crate::matches(w, "help") => return Ok(grammar::print_usage(object)),
            w => {
                return Err(Fail::usage(format!(" What is \"{w}\"? Try \"rtnl {} help\"", object.name)));
            }
        }
    }
    let mut sock = g.socket()?;
    let map = link_names(&mut sock)?;
    sel.ifindex = dev.as_deref().map(ifindex_of).transpose()?;
    // the kernel dumps one device's filters: without `dev`, each device's
    let mut devs: Vec<u32> = match sel.ifindex {
        Some(i) => vec![i],
        None => map.keys().copied().collect(),
    };
    devs.sort_unstable();
    let names = DevNames::new(map);
    let ctx =
        Ctx { names: &names, dev: sel.ifindex.is_none(), details: g.details, stats: g.stats > 0, clock: Clock::host() };
    let (new, what) = if get == RTM_GETCHAIN { (RTM_NEWCHAIN, "a chain") } else { (RTM_NEWTFILTER, "a filter") };
    let mut out = List::new(g);
    for i in devs {
        let hdr = TcMsg {
            tcm_ifindex: (i as i32).into(),
            tcm_parent: sel.parent.into(),
            tcm_info: TcMsg::<rtnl_core::wire::NativeEndian>::filter_info(sel.prio as u16, sel.protocol).into(),
            ..Default::default()
        };
        let mut w = Writer::new(VecBuffer::default());
        rtnl_core::typed::request(&mut w, get, NLM_F_REQUEST | NLM_F_DUMP, sock.next_seq(), &hdr, |a| {
            if let Some(c) = sel.chain {
                a.chain(c)?;
            }
            Ok(())
        })
        .map_err(|e| Fail::error(e.to_string()))?;
        for b in dump(&mut sock, &w.into_inner().0, new, what)? {
            let Some((ty, flags, m)) = decoded(&b) else { continue };
            if m.header().tcm_ifindex.get() as u32 != i {
                continue;
            }
            let mut o = out.entry();
            write_filter(&mut o, ty, flags, &m, &sel, &ctx)?;
            out.push_verbatim(o);
        }
    }
    out.finish()
}

/// `ll_proto_n2a`'s table (host-order ethertypes).
const LL_PROTOS: &[(u16, &str)] = &[
    (0x0060, "loop"),
    (0x0200, "pup"),
    (0x0201, "pupat"),
    (0x0800, "ip"),
    (0x0805, "x25"),
    (0x0806, "arp"),
    (0x08ff, "bpq"),
    (0x0a00, "ieeepup"),
    (0x0a01, "ieeepupat"),
    (0x6000, "dec"),
    (0x6001, "dna_dl"),
    (0x6002, "dna_rc"),
    (0x6003, "dna_rt"),
    (0x6004, "lat"),
    (0x6005, "diag"),
    (0x6006, "cust"),
    (0x6007, "sca"),
    (0x8035, "rarp"),
    (0x809b, "atalk"),
    (0x80f3, "aarp"),
    (0x8137, "ipx"),
    (0x86dd, "ipv6"),
    (0x8863, "ppp_disc"),
    (0x8864, "ppp_ses"),
    (0x884c, "atmmpoa"),
    (0x8884, "atmfate"),
    (0x0001, "802_3"),
    (0x0002, "ax25"),
    (0x0003, "all"),
    (0x0004, "802_2"),
    (0x0005, "snap"),
    (0x0006, "ddcmp"),
    (0x0007, "wan_ppp"),
    (0x0008, "ppp_mp"),
    (0x0009, "localtalk"),
    (0x000c, "can"),
    (0x0010, "ppptalk"),
    (0x0011, "tr_802_2"),
    (0x0015, "mobitex"),
    (0x0016, "control"),
    (0x0017, "irda"),
    (0x0018, "econet"),
    (0x88ca, "tipc"),
    (0x8892, "profinet"),
    (0x88a2, "aoe"),
    (0x88a4, "ethercat"),
    (0x8100, "802.1Q"),
    (0x88a8, "802.1ad"),
    (0x8847, "mpls_uc"),
    (0x8848, "mpls_mc"),
    (0x6558, "teb"),
    (0x8100, "802.1Q"),
    (0x88cc, "LLDP"),
    (0x0800, "ipv4"),
];

/// `ll_proto_n2a`: an ethertype's name, or `[N]`.
pub fn proto_n2a(p: u16) -> String {
    LL_PROTOS.iter().find(|(id, _)| *id == p).map_or_else(|| format!("[{p}]"), |(_, n)| (*n).to_owned())
}

/// `ll_proto_a2n`: a name of the table (case-insensitive) or a number.
pub fn proto_a2n(s: &str) -> Option<u16> {
    if let Some((id, _)) = LL_PROTOS.iter().find(|(_, n)| n.eq_ignore_ascii_case(s)) {
        return Some(*id);
    }
    let v = crate::route::parse_u32(s, "").ok()?;
    u16::try_from(v).ok()
}

/// `print_filter`: a filter (or chain) line, its options and actions, and
/// with `-s` its statistics.
fn write_filter(o: &mut Out, ty: u16, flags: u16, m: &TcMessage<'_>, sel: &Selected, c: &Ctx<'_>) -> Result<(), Fail> {
    let chain_msg = matches!(ty, RTM_NEWCHAIN | RTM_DELCHAIN);
    let p = parts(m, if chain_msg { "a chain" } else { "a filter" })?;
    let h = m.header();
    if ty == RTM_DELTFILTER || ty == RTM_DELCHAIN {
        o.lit("deleted", "deleted ", "true");
    }
    if !matches!(ty, RTM_DELTFILTER | RTM_DELCHAIN) && flags & NLM_F_CREATE != 0 {
        if flags & NLM_F_EXCL != 0 {
            o.lit("added", "added ", "true");
        } else {
            o.lit("replaced", "replaced ", "true");
        }
    }
    o.text(if chain_msg { "chain " } else { "filter " });
    let parent = h.tcm_parent.get();
    let block = h.tcm_ifindex.get() as u32 == TCM_IFINDEX_MAGIC_BLOCK;
    if block {
        // a shared block's: tcm_parent is its index
        o.num("block", &format!("block {parent} "), parent.into());
    } else if c.dev {
        let n = dev_name(c.names, h.tcm_ifindex.get() as u32);
        o.str("dev", &format!("dev {n} "), &n);
    }
    if !block && (sel.parent == 0 || sel.parent != parent) {
        if parent == TcHandle::ROOT.0 {
            o.lit("root", "root ", "true");
        } else if parent == TcHandle::new(0xffff, TcHandle::MIN_INGRESS).0 {
            o.lit("ingress", "ingress ", "true");
        } else if parent == TcHandle::new(0xffff, TcHandle::MIN_INGRESS + 1).0 {
            o.lit("egress", "egress ", "true");
        } else {
            let s = TcHandle(parent).to_string();
            o.str("parent", &format!("parent {s} "), &s);
        }
    }
    if h.tcm_info.get() != 0 && !chain_msg {
        let (prio, proto) = (h.prio(), h.protocol());
        if (sel.protocol == 0 || sel.protocol != proto) && proto != 0 {
            let n = proto_n2a(proto);
            o.str("protocol", &format!("protocol {n} "), &n);
        }
        if (sel.prio == 0 || sel.prio != u32::from(prio)) && prio != 0 {
            o.num("pref", &format!("pref {prio} "), prio.into());
        }
    }
    if !p.kind.is_empty() {
        o.str("kind", &format!("{} ", p.kind), p.kind);
    }
    if let Some(ch) = p.chain {
        if sel.chain != Some(ch) {
            o.num("chain", &format!("chain {ch} "), ch.into());
        }
    }
    if let Some(opts) = &p.options {
        o.object("options", |o| filter_options(o, p.kind, opts, p.options_len, h.tcm_handle.get(), h.protocol(), c));
    }
    o.text("\n");
    if c.stats && (p.stats.is_some() || p.stats2.is_some()) {
        let _ = write_stats(o, &p);
        o.text("\n");
    }
    Ok(())
}

/// `TCM_IFINDEX_MAGIC_BLOCK`: the `tcm_ifindex` of a shared block's filters.
const TCM_IFINDEX_MAGIC_BLOCK: u32 = 0xffff_ffff;

/// `TCA_CLS_FLAGS_*` as the classifiers print them, each word between
/// `lead` and `tail`.
fn flags_gen(o: &mut Out, flags: u32, lead: &str, tail: &str) {
    if flags & 1 != 0 {
        o.lit("skip_hw", &format!("{lead}skip_hw{tail}"), "true");
    }
    if flags & 2 != 0 {
        o.lit("skip_sw", &format!("{lead}skip_sw{tail}"), "true");
    }
    if flags & 4 != 0 {
        o.lit("in_hw", &format!("{lead}in_hw{tail}"), "true");
    } else if flags & 8 != 0 {
        o.lit("not_in_hw", &format!("{lead}not_in_hw{tail}"), "true");
    }
}

/// `q->print_fopt` of the kinds rtnl prints.
fn filter_options(o: &mut Out, kind: &str, opts: &TcOptions<'_>, len: usize, handle: u32, _proto: u16, c: &Ctx<'_>) {
    let TcOptions::Filter(f) = opts else { return unprinted(o, "filter", kind, len) };
    match f {
        FilterOptions::U32(n) => u32_options(o, n.iter().flatten().collect(), handle, c),
        FilterOptions::Bpf(n) => bpf_options(o, n.iter().flatten().collect(), handle, c),
        FilterOptions::Matchall(n) => matchall_options(o, n.iter().flatten().collect(), handle, c),
        FilterOptions::Basic(n) => basic_options(o, n.iter().flatten().collect(), handle, c),
        FilterOptions::Flower(n) => crate::tcflower::flower(o, &n.iter().flatten().collect::<Vec<_>>(), handle, c),
        _ => unprinted(o, "filter", kind, len),
    }
}

/// `sprint_u32_handle`.
fn u32_handle(h: u32) -> String {
    if h == 0 {
        return "none".into();
    }
    let (htid, hash, node) = (h >> 20, (h >> 12) & 0xff, h & 0xfff);
    let mut s = String::new();
    if htid != 0 {
        s.push_str(&format!("{htid:x}:"));
    }
    if hash != 0 {
        s.push_str(&format!("{hash:x}"));
    }
    if node != 0 {
        s.push_str(&format!(":{node:x}"));
    }
    s
}

/// `u32_print_opt`, keys printed raw (tc's `print_raw`).
fn u32_options(o: &mut Out, a: Vec<U32Attr<'_>>, handle: u32, c: &Ctx<'_>) {
    macro_rules! get {
        ($v:ident) => {
            a.iter().find_map(|x| if let U32Attr::$v(v) = x { Some(v) } else { None })
        };
    }
    if handle != 0 {
        let s = u32_handle(handle);
        o.str("fh", &format!("fh {s} "), &s);
    }
    if handle & 0xfff != 0 {
        let n = handle & 0xfff;
        o.inum("order", &format!("order {n} "), n.into());
    }
    let sel = get!(Sel);
    let terminal = sel.is_some_and(|s| s.hdr.flags & 1 != 0);
    if let Some(d) = get!(Divisor) {
        o.inum("ht_divisor", &format!("ht divisor {} ", *d as i32), (*d as i32).into());
    } else if let Some(h) = get!(Hash) {
        let (ht, bkt) = (format!("{:x}", h >> 20), format!("{:x}", (h >> 12) & 0xff));
        o.str("key_ht", &format!("key ht {ht} "), &ht);
        o.str("bkt", &format!("bkt {bkt} "), &bkt);
    } else {
        eprint!("divisor and hash missing ");
    }
    if let Some(cl) = get!(ClassId) {
        if terminal {
            o.text("*");
        }
        let s = cl.to_string();
        o.str("flowid", &format!("flowid {s} "), &s);
    } else if terminal {
        o.text("terminal flowid ");
    }
    if let Some(l) = get!(Link) {
        let s = u32_handle(*l);
        o.str("link", &format!("link {s} "), &s);
    }
    if let Some(f) = get!(Flags) {
        flags_gen(o, *f, "", " ");
    }
    let pcnt = get!(Pcnt);
    if let (Some(_), true, Some(p)) = (sel, c.stats, pcnt) {
        o.num("rule_hit", &format!("(rule hit {} ", p.rcnt()), p.rcnt());
        o.num("success", &format!("success {})", p.rhit()), p.rhit());
    }
    if let Some(mk) = get!(Mark) {
        o.text("\n");
        let (v, m) = (mk.val.get(), mk.mask.get());
        o.str("fwmark_value", &format!("  mark 0x{v:04x} "), &format!("0x{v:x}"));
        o.str("fwmark_mask", &format!("0x{m:04x} "), &format!("0x{m:x}"));
        o.inum("fwmark_success", &format!("(success {})", mk.success.get() as i32), (mk.success.get() as i32).into());
    }
    if let Some(s) = sel {
        let kcnts: Vec<u64> = pcnt.map(|p| p.kcnts().collect()).unwrap_or_default();
        for (i, k) in s.iter().enumerate() {
            o.object("match", |o| {
                o.text("\n");
                let (val, mask) = (k.val.get(), k.mask.get());
                o.str("value", &format!("  match {val:08x}"), &format!("{val:x}"));
                o.str("mask", &format!("/{mask:08x} "), &format!("{mask:x}"));
                let nh = if k.offmask.get() != 0 { "nexthdr+" } else { "" };
                o.str("offmask", &format!("at {nh}"), nh);
                o.inum("off", &format!("{}", k.off.get()), k.off.get().into());
            });
            if c.stats && pcnt.is_some() {
                let n = kcnts.get(i).copied().unwrap_or(0);
                o.num("success", &format!(" (success {n} ) "), n);
            }
        }
        let h = s.hdr;
        if h.flags & (4 | 2) != 0 {
            o.text("\n");
            o.text("    offset ");
            if h.flags & 4 != 0 {
                let m = format!("{:x}", h.offmask.get());
                o.str("offset_mask", &format!("{:04x}", h.offmask.get()), &m);
                o.inum("offset_shift", &format!(">>{} ", h.offshift), h.offshift.into());
                o.inum("offset_off", &format!("at {} ", h.offoff.get()), h.offoff.get().into());
            }
            if h.off.get() != 0 {
                o.inum("plus", &format!("plus {} ", h.off.get() as i16), (h.off.get() as i16).into());
            }
        }
        if h.flags & 8 != 0 {
            o.text(" eat ");
        }
        if h.hmask.get() != 0 {
            o.text("\n");
            // (tc prints htonl of the mask as read: its network-order value)
            let shown = h.hmask.get();
            let m = format!("{shown:08x}");
            o.str("hash_mask", &format!("    hash mask {m} "), &format!("{shown:x}"));
            o.inum("hash_off", &format!("at {} ", h.hoff.get()), h.hoff.get().into());
        }
    }
    if get!(Police).is_some() {
        o.text("\n");
        o.text("[police not printed by rtnl] ");
    }
    if let Some(dev) = get!(Indev) {
        o.text("\n");
        o.str("input_dev", &format!("  input dev {dev}"), dev);
        o.text("\n");
    }
    if let Some(acts) = get!(Act) {
        actions(o, acts, c);
    }
}

/// `bpf_print_opt` (classic BPF: the bytecode; eBPF: its name and tag).
fn bpf_options(o: &mut Out, a: Vec<BpfAttr<'_>>, handle: u32, c: &Ctx<'_>) {
    macro_rules! get {
        ($v:ident) => {
            a.iter().find_map(|x| if let BpfAttr::$v(v) = x { Some(v) } else { None })
        };
    }
    if handle != 0 {
        let h = crate::ipjson::alt_hex(handle.into());
        o.str("handle", &format!("handle {h} "), &h);
    }
    if let Some(cl) = get!(ClassId) {
        let s = cl.to_string();
        o.str("flowid", &format!("flowid {s} "), &s);
    }
    if let Some(n) = get!(Name) {
        o.str("bpf_name", &format!("{n} "), n);
    }
    if get!(Flags).is_some_and(|f| f & 1 != 0) {
        o.lit("direct-action", "direct-action ", "true");
    }
    if let Some(f) = get!(FlagsGen) {
        flags_gen(o, *f, "", " ");
    }
    if let (Some(ops), Some(len)) = (get!(Ops), get!(OpsLen)) {
        if *len != 0 {
            let insns: Vec<_> = ops.iter().take(usize::from(*len)).collect();
            o.object("bytecode", |o| {
                o.num("length", &format!("bytecode '{len},"), (*len).into());
                let items: Vec<Out> = insns
                    .iter()
                    .enumerate()
                    .map(|(i, op)| {
                        let mut x = Out::new(o.json);
                        x.num("code", &format!("{} ", op.code.get()), op.code.get().into());
                        x.num("jt", &format!("{} ", op.jt), op.jt.into());
                        x.num("jf", &format!("{} ", op.jf), op.jf.into());
                        let end = if i + 1 == insns.len() { "'" } else { "," };
                        x.num("k", &format!("{}{end}", op.k.get()), op.k.get().into());
                        x
                    })
                    .collect();
                list(o, "insns", items);
            });
        }
    }
    if let Some(t) = get!(Tag) {
        let hex = crate::ipjson::hex_bytes(t.0);
        o.str("tag", &format!("tag {hex} "), &hex);
    }
    if get!(Police).is_some() {
        o.text("\n");
        o.text("[police not printed by rtnl] ");
    }
    if let Some(acts) = get!(Act) {
        actions(o, acts, c);
    }
}

/// `matchall_print_opt`.
fn matchall_options(o: &mut Out, a: Vec<MatchallAttr<'_>>, handle: u32, c: &Ctx<'_>) {
    macro_rules! get {
        ($v:ident) => {
            a.iter().find_map(|x| if let MatchallAttr::$v(v) = x { Some(v) } else { None })
        };
    }
    if handle != 0 {
        o.num("handle", &format!("handle 0x{handle:x} "), handle.into());
    }
    if let Some(cl) = get!(ClassId) {
        let s = cl.to_string();
        o.str("flowid", &format!("flowid {s} "), &s);
    }
    if let Some(f) = get!(Flags) {
        flags_gen(o, *f, "\n  ", "");
    }
    if let (true, Some(p)) = (c.stats, get!(Pcnt)) {
        o.num("rule_hit", &format!(" (rule hit {})", p.rhit.get()), p.rhit.get());
    }
    if let Some(acts) = get!(Act) {
        actions(o, acts, c);
    }
}

/// `basic_print_opt` (its ematches named, not printed).
fn basic_options(o: &mut Out, a: Vec<BasicAttr<'_>>, handle: u32, c: &Ctx<'_>) {
    macro_rules! get {
        ($v:ident) => {
            a.iter().find_map(|x| if let BasicAttr::$v(v) = x { Some(v) } else { None })
        };
    }
    if handle != 0 {
        // print_hex: "%x" in JSON
        o.str("handle", &format!("handle {handle:#x} "), &format!("{handle:x}"));
    }
    if let Some(cl) = get!(ClassId) {
        let s = cl.to_string();
        o.str("flowid", &format!("flowid {s} "), &s);
    }
    if get!(Ematches).is_some() {
        o.text("\n  [ematches not printed by rtnl]");
    }
    if let Some(p) = get!(Police) {
        o.text("\n");
        crate::tcaction::police(o, &p.iter().flatten().collect::<Vec<_>>(), c);
    }
    if let Some(acts) = get!(Act) {
        actions(o, acts, c);
    }
}

/// A JSON array of objects (`key`), or their texts one after another.
fn list(o: &mut Out, key: &str, items: Vec<Out>) {
    if o.json {
        o.objects(key, &items);
    } else {
        for x in items {
            o.s.push_str(&x.s);
        }
    }
}

/// `tc_print_action` of a filter's actions (bound: no hardware flags).
pub(crate) fn actions(o: &mut Out, acts: &ActionList<'_>, c: &Ctx<'_>) {
    actions_upto(o, acts, 32, true, c)
}

/// `tc_dump_action`: the actions at positions up to `max`, in order.
fn actions_upto(o: &mut Out, acts: &ActionList<'_>, max: u32, bind: bool, c: &Ctx<'_>) {
    let mut at: Vec<_> = acts
        .iter()
        .flatten()
        .filter_map(|(order, act)| Some((order, act.ok()?)))
        .filter(|(order, _)| u32::from(*order) <= max)
        .collect();
    // (tc indexes them by position: a later duplicate wins)
    at.sort_by_key(|(order, _)| *order);
    at.dedup_by(|b, a| {
        if a.0 == b.0 {
            std::mem::swap(a, b);
            true
        } else {
            false
        }
    });
    let mut items = Vec::new();
    for (order, act) in at {
        let mut x = Out::new(o.json);
        x.text("\n");
        x.num("order", &format!("\taction order {order}: "), order.into());
        one_action(&mut x, &act.iter().flatten().collect::<Vec<_>>(), bind, c);
        items.push(x);
    }
    list(o, "actions", items);
}

/// A traffic-control notification as `tc monitor` prints it
/// (`accept_tcmsg`): qdiscs, classes, filters and chains, actions.
pub(crate) fn print_notification(msg: &rtnl_core::message::Message<'_>, names: &DevNames, g: &Global) {
    use rtnl_core::message::RtnlMessage;
    use rtnl_core::tc::{RTM_DELQDISC, RTM_DELTCLASS, RTM_NEWQDISC, RTM_NEWTCLASS};
    let ctx = Ctx { names, dev: true, details: g.details, stats: g.stats > 0, clock: Clock::host() };
    let (ty, flags) = (msg.ty(), msg.flags());
    let mut out = List::new(g);
    match msg.body() {
        RtnlMessage::Tc(m) => {
            let mut o = out.entry();
            let r = match ty {
                RTM_NEWQDISC | RTM_DELQDISC => crate::tc::write_qdisc(&mut o, ty, flags, m, &ctx),
                RTM_NEWTCLASS | RTM_DELTCLASS => crate::tc::write_class(&mut o, ty, m, false, &ctx),
                RTM_NEWTFILTER | RTM_DELTFILTER | RTM_NEWCHAIN | RTM_DELCHAIN => {
                    write_filter(&mut o, ty, flags, m, &Selected::default(), &ctx)
                }
                // (a request of a GET type: not a notification, as tc says)
                _ => {
                    let len = msg.header().nlmsg_len.get();
                    eprintln!("Unknown message: length {len:08} type {ty:08x} flags {flags:08x}");
                    return;
                }
            };
            match r {
                Ok(()) => out.push_verbatim(o),
                Err(e) => eprintln!("{}", e.msg),
            }
        }
        RtnlMessage::Action(a) => write_action_msg(&mut out, ty, flags, a, &ctx),
        _ => return,
    }
    let _ = out.finish();
}

/// `action_n2a` and `print_action_control`.
pub(crate) fn control(o: &mut Out, prefix: &str, action: i32, suffix: &str) {
    const GOTO_CHAIN: i32 = 0x2000_0000;
    const JUMP: i32 = 0x1000_0000;
    const EXT: i32 = 0x7000_0000u32 as i32;
    let name = match action {
        a if a & EXT == GOTO_CHAIN => "goto".to_owned(),
        a if a & EXT == JUMP => "jump".to_owned(),
        -1 => "continue".into(),
        0 => "pass".into(),
        2 => "drop".into(),
        1 => "reclassify".into(),
        3 => "pipe".into(),
        4 => "stolen".into(),
        8 => "trap".into(),
        a => a.to_string(),
    };
    o.text(prefix);
    o.object("control_action", |o| {
        o.str("type", &name, &name);
        let v = (action & 0x0fff_ffff) as u32;
        if action & EXT == GOTO_CHAIN {
            o.num("chain", &format!(" chain {v}"), v.into());
        }
        if action & EXT == JUMP {
            o.num("jump", &format!(" {v}"), v.into());
        }
    });
    o.text(suffix);
}

/// `print_tm`: the action's times, in seconds (`USER_HZ` ticks).
pub(crate) fn times(o: &mut Out, tm: &Tcft) {
    let hz = 100;
    for (key, text, v) in [
        ("installed", "installed", tm.install.get()),
        ("last_used", "used", tm.lastuse.get()),
        ("first_used", "firstused", tm.firstuse.get()),
        ("expires", "expires", tm.expires.get()),
    ] {
        if v != 0 {
            let s = v / hz;
            o.num(key, &format!(" {text} {s} sec"), s);
        }
    }
}

/// The action kinds whose options rtnl prints.
const PRINTED_ACTIONS: &[&str] = &["gact", "mirred", "vlan", "skbedit", "tunnel_key", "police"];

/// `tc_print_one_action`.
fn one_action(o: &mut Out, a: &[ActAttr<'_>], bind: bool, c: &Ctx<'_>) {
    macro_rules! get {
        ($v:ident) => {
            a.iter().find_map(|x| if let ActAttr::$v(v) = x { Some(v) } else { None })
        };
    }
    let Some(kind) = get!(Kind) else {
        eprintln!("NULL Action!");
        return;
    };
    match get!(Options) {
        Some(ActOptions::Mirred(n)) => mirred(o, &n.iter().flatten().collect::<Vec<_>>(), c),
        Some(ActOptions::Gact(n)) => gact(o, &n.iter().flatten().collect::<Vec<_>>(), c),
        Some(ActOptions::Vlan(n)) => crate::tcaction::vlan(o, &n.iter().flatten().collect::<Vec<_>>(), c),
        Some(ActOptions::Skbedit(n)) => crate::tcaction::skbedit(o, &n.iter().flatten().collect::<Vec<_>>(), c),
        Some(ActOptions::TunnelKey(n)) => crate::tcaction::tunnel_key(o, &n.iter().flatten().collect::<Vec<_>>(), c),
        Some(ActOptions::Police(n)) => crate::tcaction::police(o, &n.iter().flatten().collect::<Vec<_>>(), c),
        // without options (a reference to an action by index) tc's printers
        // name the kind only: police in JSON alone
        None if *kind == "police" => o.str("kind", "", kind),
        None if PRINTED_ACTIONS.contains(kind) => o.str("kind", &format!("{kind} "), kind),
        _ => {
            o.str("kind", &format!("{kind} "), kind);
            o.text("[options not printed by rtnl] ");
            o.text("\n");
        }
    }
    if c.stats {
        if let Some(st) = get!(Stats) {
            o.text("\tAction statistics:");
            o.text("\n");
            let s: Vec<_> = st.iter().flatten().collect();
            o.object("stats", |o| {
                let _ = write_stats2(o, &s, "\t");
            });
            o.text("\n");
        }
    }
    if let Some(ck) = get!(Cookie) {
        let hex = crate::ipjson::hex_bytes(ck.0);
        o.str("cookie", &format!("\tcookie {hex}"), &hex);
        o.text("\n");
    }
    let flags = get!(Flags);
    let in_hw = get!(InHwCount);
    if flags.is_some() || in_hw.is_some() {
        let (mut skip_hw, mut newline) = (false, false);
        if let Some(f) = flags {
            let (v, s) = (f.value.get(), f.selector.get());
            let b = |x: bool| if x { "true" } else { "false" };
            use rtnl_core::tc::action::{
                TCA_ACT_FLAGS_NO_PERCPU_STATS as NO_PERCPU, TCA_ACT_FLAGS_SKIP_HW as SKIP_HW,
                TCA_ACT_FLAGS_SKIP_SW as SKIP_SW,
            };
            if s & NO_PERCPU != 0 {
                newline = true;
                // print_bool of false prints the text too
                o.lit("no_percpu", "\tno_percpu", b(v & NO_PERCPU != 0));
            }
            if !bind {
                if s & SKIP_HW != 0 {
                    newline = true;
                    o.lit("skip_hw", "\tskip_hw", b(v & SKIP_HW != 0));
                    skip_hw = v & SKIP_HW != 0;
                }
                if s & SKIP_SW != 0 {
                    newline = true;
                    o.lit("skip_sw", "\tskip_sw", b(v & SKIP_SW != 0));
                }
            }
        }
        if let (Some(n), false, false) = (in_hw, bind, skip_hw) {
            newline = true;
            if *n != 0 {
                o.lit("in_hw", "\tin_hw", "true");
                o.num("in_hw_count", &format!(" in_hw_count {n}"), (*n).into());
            } else {
                o.lit("not_in_hw", "\tnot_in_hw", "true");
            }
        }
        if newline {
            o.text("\n");
        }
    }
    for (key, bf) in [("hw_stats", get!(HwStats)), ("used_hw_stats", get!(UsedHwStats))] {
        if let Some(bf) = bf {
            let v = bf.value.get() & bf.selector.get();
            let mut words = Vec::new();
            for (w, bit) in [("immediate", 1u32), ("delayed", 2), ("disabled", 0)] {
                if (v == 0 && bit == 0) || v & bit != 0 {
                    words.push(w.to_owned());
                }
            }
            o.text(&format!("\t{key}"));
            for w in &words {
                o.text(&format!(" {w}"));
            }
            o.strs(key, &words);
            o.text("\n");
        }
    }
}

/// `print_mirred`.
fn mirred(o: &mut Out, a: &[MirredAttr<'_>], c: &Ctx<'_>) {
    o.str("kind", "mirred ", "mirred");
    let Some(p) = a.iter().find_map(|x| if let MirredAttr::Parms(p) = x { Some(p) } else { None }) else {
        eprintln!("Missing mirred parameters");
        return;
    };
    let (text, action, direction) = match p.eaction.get() {
        1 => ("Egress Redirect", "redirect", "egress"),
        2 => ("Egress Mirror", "mirror", "egress"),
        3 => ("Ingress Redirect", "redirect", "ingress"),
        4 => ("Ingress Mirror", "mirror", "ingress"),
        _ => ("unknown", "unknown", "unknown"),
    };
    let dev = dev_name(c.names, p.ifindex.get());
    o.text(&format!("({text}"));
    o.str("mirred_action", "", action);
    o.str("direction", "", direction);
    o.str("to_dev", &format!(" to device {dev})"), &dev);
    control(o, " ", p.gen.action.get(), "");
    o.text("\n");
    gen_counts(o, p.gen.index.get(), p.gen.refcnt.get(), p.gen.bindcnt.get(), "\tindex");
    if c.stats {
        if let Some(tm) = a.iter().find_map(|x| if let MirredAttr::Tm(t) = x { Some(t) } else { None }) {
            times(o, tm);
        }
    }
    o.text("\n");
}

pub(crate) fn gen_counts(o: &mut Out, index: u32, refcnt: i32, bindcnt: i32, lead: &str) {
    o.num("index", &format!("{lead} {index}"), index.into());
    o.inum("ref", &format!(" ref {refcnt}"), refcnt.into());
    o.inum("bind", &format!(" bind {bindcnt}"), bindcnt.into());
}

/// `print_gact` (tc built with `CONFIG_GACT_PROB`, as Debian's is).
fn gact(o: &mut Out, a: &[GactAttr<'_>], c: &Ctx<'_>) {
    o.str("kind", "gact ", "gact");
    let Some(p) = a.iter().find_map(|x| if let GactAttr::Parms(p) = x { Some(p) } else { None }) else {
        eprintln!("Missing gact parameters");
        return;
    };
    control(o, "action ", p.action.get(), "");
    let prob = a.iter().find_map(|x| if let GactAttr::Prob(p) = x { Some(*p) } else { None }).unwrap_or_default();
    o.object("prob", |o| {
        o.text("\n");
        let t = match prob.ptype.get() {
            0 => "none".to_owned(),
            1 => "netrand".into(),
            2 => "determ".into(),
            n => n.to_string(),
        };
        o.str("random_type", &format!("\t random type {t}"), &t);
        control(o, " ", prob.paction.get(), " ");
        let v = i32::from(prob.pval.get());
        o.inum("val", &format!("val {v}"), v.into());
    });
    o.text("\n");
    gen_counts(o, p.index.get(), p.refcnt.get(), p.bindcnt.get(), "\t index");
    if c.stats {
        if let Some(tm) = a.iter().find_map(|x| if let GactAttr::Tm(t) = x { Some(t) } else { None }) {
            times(o, tm);
        }
    }
    o.text("\n");
}

#[cfg(test)]
mod tests {
    #[test]
    fn protocols_and_u32_handles_print_as_tc_prints_them() {
        assert_eq!(super::proto_n2a(0x0800), "ip");
        assert_eq!(super::proto_n2a(0x0003), "all");
        assert_eq!(super::proto_n2a(0x1234), "[4660]");
        assert_eq!(super::proto_a2n("IPv6"), Some(0x86dd));
        assert_eq!(super::proto_a2n("ipv4"), Some(0x0800));
        assert_eq!(super::proto_a2n("0x88cc"), Some(0x88cc));
        assert_eq!(super::proto_a2n("nosuch"), None);
        assert_eq!(super::u32_handle(0x8000_0000), "800:");
        assert_eq!(super::u32_handle(0x8000_0800), "800::800");
        assert_eq!(super::u32_handle(0x0020_1001), "2:1:1");
        assert_eq!(super::u32_handle(0), "none");
    }
}
