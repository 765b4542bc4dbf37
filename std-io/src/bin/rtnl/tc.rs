//! `rtnl qdisc …` and `rtnl class …`: queueing disciplines and their
//! classes in tc's syntax, printed as iproute2 6.1's `tc` prints them (text,
//! `-s`, `-d`, and `-j` for qdiscs; tc 6.1 prints classes as text even
//! with `-j`, so rtnl's class JSON follows the layout later tc releases
//! print: the same keys, statistics in a `stats` object).
//!
//! Options are printed and parsed for pfifo, bfifo, pfifo_head_drop,
//! pfifo_fast and prio, tbf, htb (the qdisc and its classes), ingress and
//! clsact, and (tcqdisc.rs, tcmodify.rs) fq_codel, netem, fq and sfq;
//! another kind's options are named with their length (`rtnl decode
//! --json` of a `--capture` shows every field).

use std::process::ExitCode;

use rtnl_core::message::RtnlMessage;
use rtnl_core::tc::qdisc::{
    ClassOptions, ClassXstats, HtbAttr, QdiscOptions, QdiscXstats, TbfAttr, TcFifoQopt, TcHtbGlob, TcHtbOpt,
    TcPrioQopt, TcRatespec, TcTbfQopt,
};
use rtnl_core::tc::stats::StatsAttr;
use rtnl_core::tc::{
    TcAttr, TcHandle, TcMessage, TcMsg, TcOptions, TcXstats, RTM_DELQDISC, RTM_DELTCLASS, RTM_GETQDISC, RTM_GETTCLASS,
    RTM_NEWQDISC, RTM_NEWTCLASS,
};
use rtnl_core::typed::Bytes;
use rtnl_core::wire::flags::{NLM_F_ACK, NLM_F_CREATE, NLM_F_DUMP, NLM_F_EXCL, NLM_F_REPLACE, NLM_F_REQUEST};
use rtnl_core::wire::Writer;
use rtnl_io::{link_names, VecBuffer};

use crate::grammar::{self, kw, need, verb, Arg, KwSet, Object, M};
use crate::ipjson::{List, Out};
use crate::route::{dev_name, DevNames};
use crate::tcunits::{self as u, Clock};
use crate::{Fail, Global};

/// The words of `qdisc add|change|replace|delete` before the kind.
pub const QDISC_SPEC: KwSet = KwSet {
    name: "QDISC",
    keywords: &[
        kw(&[("dev", M::Exact)], Arg::Dev, "the device"),
        kw(&[("handle", M::Exact)], Arg::Value("QHANDLE"), "the qdisc's handle (MAJOR:)"),
        kw(&[("root", M::Exact)], Arg::None, "at the root of the device's egress"),
        kw(&[("ingress", M::Exact)], Arg::None, "the ingress qdisc (parent ffff:fff1)"),
        kw(&[("clsact", M::Exact)], Arg::None, "the clsact qdisc (its ingress and egress hooks)"),
        kw(&[("parent", M::Exact)], Arg::Value("CLASSID"), "under class CLASSID"),
        kw(&[("ingress_block", M::Prefix)], Arg::Value("INDEX"), "the shared block of the ingress side"),
        kw(&[("egress_block", M::Prefix)], Arg::Value("INDEX"), "the shared block of the egress side"),
    ],
    positional: Some(("KIND [ OPTIONS ]", "pfifo|bfifo|pfifo_head_drop [ limit N ], tbf, htb, ingress, clsact, …")),
};

/// `qdisc show`'s selector.
pub const QDISC_SHOW: KwSet = KwSet {
    name: "SELECTOR",
    keywords: &[
        kw(&[("dev", M::Exact)], Arg::Dev, "one device's"),
        kw(&[("root", M::Exact)], Arg::None, "the root qdiscs"),
        kw(&[("ingress", M::Exact), ("clsact", M::Exact)], Arg::None, "the ingress and clsact qdiscs"),
        kw(&[("parent", M::Prefix)], Arg::Value("CLASSID"), "the qdiscs under class CLASSID"),
        kw(&[("handle", M::Prefix)], Arg::Value("QHANDLE"), "the qdisc of this handle"),
        kw(&[("invisible", M::Exact)], Arg::None, "the kernel's invisible qdiscs too"),
    ],
    positional: None,
};

/// The words of `class add|change|replace|delete` before the kind.
pub const CLASS_SPEC: KwSet = KwSet {
    name: "CLASS",
    keywords: &[
        kw(&[("dev", M::Exact)], Arg::Dev, "the device"),
        kw(&[("classid", M::Exact)], Arg::Value("CLASSID"), "the class (MAJOR:MINOR)"),
        kw(&[("root", M::Exact)], Arg::None, "at the root of the qdisc"),
        kw(&[("parent", M::Exact)], Arg::Value("CLASSID"), "under class (or qdisc) CLASSID"),
    ],
    positional: Some(("KIND [ OPTIONS ]", "htb rate RATE [ ceil RATE ] [ burst SIZE ] [ cburst SIZE ] [ prio N ] …")),
};

/// `class show`'s selector.
pub const CLASS_SHOW: KwSet = KwSet {
    name: "SELECTOR",
    keywords: &[
        kw(&[("dev", M::Exact)], Arg::Dev, "one device's (default: every device's)"),
        kw(&[("qdisc", M::Exact)], Arg::Value("QHANDLE"), "the classes of this qdisc"),
        kw(&[("classid", M::Exact)], Arg::Value("CLASSID"), "this class"),
        kw(&[("root", M::Exact)], Arg::None, "the root classes"),
        kw(&[("parent", M::Exact)], Arg::Value("CLASSID"), "the children of CLASSID"),
    ],
    positional: None,
};

/// `tc qdisc`'s verbs, in tc's order.
pub const QDISC: Object = Object {
    name: "qdisc",
    help: "queueing disciplines: add, change, replace, delete, show them (like tc qdisc)",
    verbs: &[
        verb(&[("add", M::Prefix)], "QDISC KIND [ OPTIONS ]", &[&QDISC_SPEC], "add a qdisc", true),
        verb(&[("change", M::Prefix)], "QDISC KIND [ OPTIONS ]", &[&QDISC_SPEC], "change a qdisc's options", true),
        verb(&[("replace", M::Prefix)], "QDISC KIND [ OPTIONS ]", &[&QDISC_SPEC], "add or replace a qdisc", true),
        verb(&[("link", M::Prefix)], "QDISC KIND [ OPTIONS ]", &[&QDISC_SPEC], "replace a qdisc, never create", true),
        verb(&[("delete", M::Prefix)], "QDISC [ KIND ]", &[&QDISC_SPEC], "delete a qdisc", true),
        verb(
            &[("show", M::Prefix), ("list", M::Prefix), ("lst", M::Prefix)],
            "[ SELECTOR ]",
            &[&QDISC_SHOW],
            "list qdiscs (-s statistics, -d details)",
            true,
        ),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "Rates as tc writes them (10mbit, 1.5gbit, 100KBps), sizes (32kb, 1600, 1m), times (400ms, 10us). \
            Options parsed and printed: pfifo, bfifo, pfifo_head_drop, pfifo_fast, prio, tbf, htb, ingress, clsact, fq_codel, fq, sfq, netem, cake, codel, pie, fq_pie, hhf, multiq, skbprio, plug.",
};

/// `tc class`'s verbs, in tc's order.
pub const CLASS: Object = Object {
    name: "class",
    help: "the classes of classful qdiscs: add, change, replace, delete, show them (like tc class)",
    verbs: &[
        verb(&[("add", M::Prefix)], "CLASS KIND [ OPTIONS ]", &[&CLASS_SPEC], "add a class", true),
        verb(&[("change", M::Prefix)], "CLASS KIND [ OPTIONS ]", &[&CLASS_SPEC], "change a class's options", true),
        verb(&[("replace", M::Prefix)], "CLASS KIND [ OPTIONS ]", &[&CLASS_SPEC], "add or replace a class", true),
        verb(&[("delete", M::Prefix)], "CLASS", &[&CLASS_SPEC], "delete a class", true),
        verb(
            &[("show", M::Prefix), ("list", M::Prefix), ("lst", M::Prefix)],
            "[ SELECTOR ]",
            &[&CLASS_SHOW],
            "list classes (-s statistics, -d details)",
            true,
        ),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "Without dev, the classes of every device are listed (tc lists none).",
};

/// The request flags of tc's verbs (its `change` is a plain request).
fn flags_of(verb: &str) -> u16 {
    NLM_F_REQUEST
        | NLM_F_ACK
        | match verb {
            "add" => NLM_F_EXCL | NLM_F_CREATE,
            "replace" => NLM_F_CREATE | NLM_F_REPLACE,
            "link" => NLM_F_REPLACE,
            _ => 0,
        }
}

/// The show and change commands of a tc object.
struct Verbs {
    object: &'static Object,
    show: fn(&Global, &[String]) -> Result<ExitCode, Fail>,
    /// `(message type, request flags, arguments)`.
    modify: fn(&Global, u16, u16, &[String]) -> Result<ExitCode, Fail>,
    new: u16,
    del: u16,
}

impl Verbs {
    fn run(&self, g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
        let (cmd, rest) = match args.split_first() {
            None => ("show", &[][..]),
            Some((c, r)) => (c.as_str(), r),
        };
        match self.object.verb(cmd).map(|v| v.kw.name()) {
            Some("show") if rest.first().is_none_or(|w| w != "help") => (self.show)(g, rest),
            Some(v @ ("add" | "change" | "replace" | "link")) => (self.modify)(g, self.new, flags_of(v), rest),
            Some("delete") => (self.modify)(g, self.del, flags_of("delete"), rest),
            Some(_) => Ok(grammar::print_usage(self.object)),
            None => Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl {} help\".", self.object.name))),
        }
    }
}

/// `rtnl qdisc …`.
pub fn run_qdisc(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    Verbs { object: &QDISC, show: show_qdiscs, modify: modify_qdisc, new: RTM_NEWQDISC, del: RTM_DELQDISC }.run(g, args)
}

/// `rtnl class …`.
pub fn run_class(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    Verbs { object: &CLASS, show: show_classes, modify: modify_class, new: RTM_NEWTCLASS, del: RTM_DELTCLASS }
        .run(g, args)
}

pub(crate) fn ifindex_of(dev: &str) -> Result<u32, Fail> {
    crate::route::ifindex(dev).map_err(|_| Fail::error(format!("Cannot find device \"{dev}\"")))
}

pub(crate) fn handle_arg(v: &str, what: &str) -> Result<u32, Fail> {
    TcHandle::parse(v)
        .filter(|_| !matches!(v, "root" | "none" | "ingress" | "clsact"))
        .map(|h| h.0)
        .ok_or_else(|| Fail::usage(format!("Error: argument \"{v}\" is wrong: {what}")))
}

/// `get_qdisc_handle`: `MAJOR[:]` (no minor).
fn qdisc_handle_arg(v: &str, what: &str) -> Result<u32, Fail> {
    let bad = || Fail::usage(format!("Error: argument \"{v}\" is wrong: {what}"));
    let major = match v.split_once(':') {
        Some((m, "")) => m,
        Some(_) => return Err(bad()),
        None => v,
    };
    if major.is_empty() && v != "none" {
        return Err(bad());
    }
    let m = if v == "none" { 0 } else { u16::from_str_radix(major, 16).map_err(|_| bad())? };
    Ok(u32::from(m) << 16)
}

/// The messages a `tcmsg` dump `req` returns of type `ty`.
pub(crate) fn dump(sock: &mut rtnl_io::Socket, req: &[u8], ty: u16, what: &str) -> Result<Vec<Vec<u8>>, Fail> {
    crate::dump_kept(sock, req, what, |m| m.ty() == ty && matches!(m.body(), RtnlMessage::Tc(_)))
}

pub(crate) fn decoded(b: &[u8]) -> Option<(u16, u16, TcMessage<'_>)> {
    let m = rtnl_core::wire::Messages::new(b).next()?.ok()?;
    let flags = m.flags();
    let m = rtnl_core::message::Message::decode(m);
    match m.body() {
        RtnlMessage::Tc(t) => Some((m.ty(), flags, t.clone())),
        _ => None,
    }
}

/// What a printer needs besides the message.
pub(crate) struct Ctx<'n> {
    pub(crate) names: &'n DevNames,
    /// Print `dev X` (no `dev` selector).
    pub(crate) dev: bool,
    pub(crate) details: bool,
    pub(crate) stats: bool,
    pub(crate) clock: Clock,
}

fn show_qdiscs(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (mut dev, mut parent, mut handle, mut invisible) = (None, None, None, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let once = |parent: &Option<u32>, handle: &Option<u32>| -> Result<(), Fail> {
            if parent.is_some() {
                return Err(Fail::usage(format!("Error: argument \"{a}\" is wrong: parent is already specified")));
            }
            if handle.is_some() {
                return Err(Fail::usage(format!("Error: argument \"{a}\" is wrong: handle is already specified")));
            }
            Ok(())
        };
        match a.as_str() {
            "dev" => dev = Some(need(it.next())?.clone()),
            "root" => {
                once(&parent, &handle)?;
                parent = Some(TcHandle::ROOT.0);
            }
            "ingress" | "clsact" => {
                once(&parent, &handle)?;
                parent = Some(TcHandle::INGRESS.0);
            }
            "invisible" => invisible = true,
            w if crate::matches(w, "parent") => {
                once(&parent, &handle)?;
                parent = Some(handle_arg(need(it.next())?, "invalid parent ID")?);
            }
            w if crate::matches(w, "handle") => {
                once(&parent, &handle)?;
                handle = Some(qdisc_handle_arg(need(it.next())?, "invalid handle ID")?);
            }
            w if crate::matches(w, "help") => return Ok(grammar::print_usage(&QDISC)),
            w => return Err(Fail::usage(format!("What is \"{w}\"? Try \"rtnl qdisc help\"."))),
        }
    }
    let mut sock = g.socket()?;
    let names = DevNames::new(link_names(&mut sock)?);
    let ifindex = dev.as_deref().map(ifindex_of).transpose()?;
    let hdr = TcMsg { tcm_ifindex: (ifindex.unwrap_or(0) as i32).into(), ..Default::default() };
    let mut w = Writer::new(VecBuffer::default());
    rtnl_core::typed::request(&mut w, RTM_GETQDISC, NLM_F_REQUEST | NLM_F_DUMP, sock.next_seq(), &hdr, |a| {
        if invisible {
            a.dump_invisible(rtnl_core::typed::Flag)?;
        }
        Ok(())
    })
    .map_err(|e| Fail::error(e.to_string()))?;
    let ctx =
        Ctx { names: &names, dev: ifindex.is_none(), details: g.details, stats: g.stats > 0, clock: Clock::host() };
    let mut out = List::new(g);
    for b in dump(&mut sock, &w.into_inner().0, RTM_NEWQDISC, "a qdisc")? {
        let Some((ty, flags, m)) = decoded(&b) else { continue };
        let h = m.header();
        if ifindex.is_some_and(|i| h.tcm_ifindex.get() as u32 != i)
            || handle.is_some_and(|x| x != h.tcm_handle.get())
            || parent.is_some_and(|x| x != h.tcm_parent.get())
        {
            continue;
        }
        let mut o = out.entry();
        write_qdisc(&mut o, ty, flags, &m, &ctx)?;
        out.push_verbatim(o);
    }
    out.finish()
}

fn show_classes(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (mut dev, mut parent, mut qdisc, mut classid) = (None, 0u32, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "dev" => dev = Some(need(it.next())?.clone()),
            "qdisc" => qdisc = Some(qdisc_handle_arg(need(it.next())?, "invalid qdisc ID")?),
            "classid" => classid = Some(handle_arg(need(it.next())?, "invalid class ID")?),
            "root" | "parent" if parent != 0 => {
                return Err(Fail::usage("Error: \"root\" is duplicate parent ID"));
            }
            "root" => parent = TcHandle::ROOT.0,
            "parent" => parent = handle_arg(need(it.next())?, "invalid parent ID")?,
            w if crate::matches(w, "help") => return Ok(grammar::print_usage(&CLASS)),
            w => return Err(Fail::usage(format!("What is \"{w}\"? Try \"rtnl class help\"."))),
        }
    }
    let mut sock = g.socket()?;
    let map = link_names(&mut sock)?;
    let ifindex = dev.as_deref().map(ifindex_of).transpose()?;
    // the kernel dumps one device's classes: without `dev`, each device's
    let mut devs: Vec<u32> = match ifindex {
        Some(i) => vec![i],
        None => map.keys().copied().collect(),
    };
    devs.sort_unstable();
    let names = DevNames::new(map);
    let ctx =
        Ctx { names: &names, dev: ifindex.is_none(), details: g.details, stats: g.stats > 0, clock: Clock::host() };
    let mut out = List::new(g);
    for i in devs {
        let hdr = TcMsg { tcm_ifindex: (i as i32).into(), tcm_parent: parent.into(), ..Default::default() };
        let req = rtnl_io::dump_request(sock.next_seq(), RTM_GETTCLASS, &hdr);
        for b in dump(&mut sock, &req, RTM_NEWTCLASS, "a class")? {
            let Some((ty, _, m)) = decoded(&b) else { continue };
            let h = m.header();
            if h.tcm_ifindex.get() as u32 != i
                || qdisc.is_some_and(|q| (q ^ h.tcm_handle.get()) & 0xffff_0000 != 0)
                || classid.is_some_and(|c| c != h.tcm_handle.get())
            {
                continue;
            }
            let mut o = out.entry();
            write_class(&mut o, ty, &m, qdisc.is_some(), &ctx)?;
            out.push_verbatim(o);
        }
    }
    out.finish()
}

/// The kind and the typed options, statistics and extended statistics of
/// a message.
pub(crate) struct Parts<'a> {
    pub(crate) kind: &'a str,
    pub(crate) options: Option<TcOptions<'a>>,
    pub(crate) options_len: usize,
    pub(crate) stats: Option<rtnl_core::typed::Grown<'a, rtnl_core::tc::stats::TcStats>>,
    pub(crate) stats2: Option<Vec<StatsAttr<'a>>>,
    pub(crate) xstats: Option<TcXstats<'a>>,
    pub(crate) hw_offload: bool,
    pub(crate) blocks: (u32, u32),
    pub(crate) stab: bool,
    pub(crate) chain: Option<u32>,
}

pub(crate) fn parts<'a>(m: &TcMessage<'a>, what: &str) -> Result<Parts<'a>, Fail> {
    let mut p = Parts {
        kind: "",
        options: None,
        options_len: 0,
        stats: None,
        stats2: None,
        xstats: None,
        hw_offload: false,
        blocks: (0, 0),
        stab: false,
        chain: None,
    };
    let mut kind = None;
    for a in m.attrs() {
        let a = a.map_err(|e| Fail::error(format!("cannot decode {what}: {e}")))?;
        match a {
            TcAttr::Kind(k) => kind = kind.or(Some(k)),
            TcAttr::Options(o) => {
                p.options_len = m.attrs().raw().find(rtnl_core::tc::TCA_OPTIONS).map_or(0, |a| a.payload().len());
                p.options = Some(o);
            }
            TcAttr::Stats(s) => p.stats = Some(s),
            TcAttr::Stats2(n) => p.stats2 = Some(n.iter().flatten().collect()),
            TcAttr::Xstats(x) => p.xstats = Some(x),
            TcAttr::HwOffload(v) => p.hw_offload = v != 0,
            TcAttr::IngressBlock(b) => p.blocks.0 = b,
            TcAttr::EgressBlock(b) => p.blocks.1 = b,
            TcAttr::Stab(_) => p.stab = true,
            TcAttr::Chain(c) => p.chain = Some(c),
            _ => {}
        }
    }
    // tc: "print_qdisc: NULL kind" (a chain may have none)
    p.kind = match kind {
        Some(k) => k,
        None if m.header().tcm_handle.get() == 0 && what == "a chain" => "",
        None => return Err(Fail::error(format!("{what} without a kind (TCA_KIND)"))),
    };
    Ok(p)
}

/// `print_qdisc`.
pub(crate) fn write_qdisc(o: &mut Out, ty: u16, flags: u16, m: &TcMessage<'_>, c: &Ctx<'_>) -> Result<(), Fail> {
    let p = parts(m, "a qdisc")?;
    let h = m.header();
    if ty == RTM_DELQDISC {
        o.lit("deleted", "deleted ", "true");
    }
    if ty == RTM_NEWQDISC && flags & NLM_F_CREATE != 0 && flags & NLM_F_REPLACE != 0 {
        o.lit("replaced", "replaced ", "true");
    }
    if ty == RTM_NEWQDISC && flags & NLM_F_CREATE != 0 && flags & NLM_F_EXCL != 0 {
        o.lit("added", "added ", "true");
    }
    o.str("kind", &format!("qdisc {}", p.kind), p.kind);
    let handle = format!("{:x}:", h.tcm_handle.get() >> 16);
    o.str("handle", &format!(" {handle}"), &handle);
    o.text(" ");
    if c.dev {
        let n = dev_name(c.names, h.tcm_ifindex.get() as u32);
        o.str("dev", &format!("dev {n} "), &n);
    }
    let parent = h.tcm_parent.get();
    if parent == TcHandle::ROOT.0 {
        o.lit("root", "root ", "true");
    } else if parent != 0 {
        let s = TcHandle(parent).to_string();
        o.str("parent", &format!("parent {s} "), &s);
    }
    let info = h.tcm_info.get();
    if info != 1 {
        o.num("refcnt", &format!("refcnt {info} "), info.into());
    }
    if p.hw_offload {
        o.lit("offloaded", "offloaded ", "true");
    }
    if p.blocks.0 != 0 {
        o.num("ingress_block", &format!("ingress_block {} ", p.blocks.0), p.blocks.0.into());
    }
    if p.blocks.1 != 0 {
        o.num("egress_block", &format!("egress_block {} ", p.blocks.1), p.blocks.1.into());
    }
    o.object("options", |o| {
        if let Some(opts) = &p.options {
            qdisc_options(o, p.kind, opts, p.options_len, c);
        }
    });
    o.text("\n");
    if c.details && p.stab {
        o.text(" linklayer (size table)\n");
    }
    if c.stats {
        let xstats = if p.stats.is_some() || p.stats2.is_some() || p.xstats.is_some() {
            let x = write_stats(o, &p);
            o.text("\n");
            x
        } else {
            None
        };
        if let Some(x) = xstats {
            if qdisc_xstats(o, &x) {
                o.text("\n");
            }
        }
    }
    Ok(())
}

/// `print_class` (tc 6.1's text; later tc's JSON keys).
pub(crate) fn write_class(o: &mut Out, ty: u16, m: &TcMessage<'_>, in_qdisc: bool, c: &Ctx<'_>) -> Result<(), Fail> {
    let p = parts(m, "a class")?;
    let h = m.header();
    if ty == RTM_DELTCLASS {
        o.lit("deleted", "deleted ", "null");
    }
    let id = |x: u32| if in_qdisc { TcHandle(x & 0xffff).to_string() } else { TcHandle(x).to_string() };
    let handle = if h.tcm_handle.get() != 0 { id(h.tcm_handle.get()) } else { String::new() };
    o.str("class", &format!("class {} ", p.kind), p.kind);
    o.str("handle", &format!("{handle} "), &handle);
    if c.dev {
        let n = dev_name(c.names, h.tcm_ifindex.get() as u32);
        o.str("dev", &format!("dev {n} "), &n);
    }
    if h.tcm_parent.get() == TcHandle::ROOT.0 {
        o.lit("root", "root ", "true");
    } else {
        let s = id(h.tcm_parent.get());
        o.str("parent", &format!("parent {s} "), &s);
    }
    let info = h.tcm_info.get();
    if info != 0 {
        let leaf = format!("{:x}", info >> 16);
        o.str("leaf", &format!("leaf {leaf}: "), &format!("0x{leaf}"));
    }
    if let Some(opts) = &p.options {
        o.object("options", |o| class_options(o, p.kind, opts, p.options_len, c));
    }
    o.text("\n");
    if c.stats {
        o.object("stats", |o| {
            let mut x = None;
            if p.stats.is_some() || p.stats2.is_some() {
                x = write_stats(o, &p);
                o.text("\n");
            }
            if let Some(x) = x.or(p.xstats.clone()) {
                if class_xstats(o, &x) {
                    o.text("\n");
                }
            }
        });
    }
    Ok(())
}

/// `print_tcstats_attr` with prefix `" "`: the `TCA_STATS2` counters (or
/// the old `TCA_STATS`); the extended statistics to print after them.
pub(crate) fn write_stats<'a>(o: &mut Out, p: &Parts<'a>) -> Option<TcXstats<'a>> {
    if let Some(stats2) = &p.stats2 {
        if let Some(app) = write_stats2(o, stats2, " ") {
            return Some(app);
        }
    } else if let Some(s) = &p.stats {
        let st = s.get();
        // tc prints the old struct as text only
        o.text(&format!(
            " Sent {} bytes {} pkts (dropped {}, overlimits {}) ",
            st.bytes.get(),
            st.packets.get(),
            st.drops.get(),
            st.overlimits.get()
        ));
        let (bps, pps, qlen, backlog) = (st.bps.get(), st.pps.get(), st.qlen.get(), st.backlog.get());
        if bps != 0 || pps != 0 || qlen != 0 || backlog != 0 {
            o.text("\n ");
            if bps != 0 || pps != 0 {
                o.text("rate ");
                if bps != 0 {
                    o.text(&format!("{} ", u::rate(bps.into())));
                }
                if pps != 0 {
                    o.text(&format!("{pps}pps "));
                }
            }
            if qlen != 0 || backlog != 0 {
                o.text("backlog ");
                if backlog != 0 {
                    o.text(&format!("{} ", u::size(backlog)));
                }
                if qlen != 0 {
                    o.text(&format!("{qlen}p "));
                }
            }
        }
    }
    p.xstats.clone()
}

/// `print_tcstats2_attr`: the counters of a `TCA_STATS2` (or
/// `TCA_ACT_STATS`) nest, each line after `prefix`; its `TCA_STATS_APP`.
pub(crate) fn write_stats2<'a>(o: &mut Out, stats2: &[StatsAttr<'a>], prefix: &str) -> Option<TcXstats<'a>> {
    let (mut basic, mut pkt64, mut queue, mut est, mut est64, mut hw, mut app) =
        (None, 0u64, None, None, None, None, None);
    for a in stats2 {
        match a {
            StatsAttr::Basic(b) => basic = Some(b.get()),
            StatsAttr::Pkt64(n) => pkt64 = *n,
            StatsAttr::Queue(q) => queue = Some(*q),
            StatsAttr::RateEst(r) => est = Some(*r),
            StatsAttr::RateEst64(r) => est64 = Some(*r),
            StatsAttr::BasicHw(b) => hw = Some(b.get()),
            StatsAttr::App(x) => app = Some(x.0.clone()),
            _ => {}
        }
    }
    if let Some(b) = &basic {
        let bytes = b.bytes.get();
        o.num("bytes", &format!("{prefix}Sent {bytes} bytes"), bytes);
        let pk = if pkt64 != 0 { pkt64 } else { b.packets.get().into() };
        o.num("packets", &format!(" {pk} pkt"), pk);
    }
    if let Some(q) = &queue {
        o.num("drops", &format!(" (dropped {}", q.drops.get()), q.drops.get().into());
        o.num("overlimits", &format!(", overlimits {}", q.overlimits.get()), q.overlimits.get().into());
        o.num("requeues", &format!(" requeues {}) ", q.requeues.get()), q.requeues.get().into());
    }
    if let Some(hw) = hw.filter(|h| h.bytes.get() != 0 || h.packets.get() != 0) {
        if let Some(b) = basic.filter(|b| b.bytes.get() >= hw.bytes.get() && b.packets.get() >= hw.packets.get()) {
            let (sb, sp) = (b.bytes.get() - hw.bytes.get(), b.packets.get() - hw.packets.get());
            o.text(&format!("\n{prefix}"));
            o.num("sw_bytes", &format!("Sent software {sb} bytes"), sb);
            o.num("sw_packets", &format!(" {sp} pkt"), sp.into());
        }
        o.text(&format!("\n{prefix}"));
        o.num("hw_bytes", &format!("Sent hardware {} bytes", hw.bytes.get()), hw.bytes.get());
        o.num("hw_packets", &format!(" {} pkt", hw.packets.get()), hw.packets.get().into());
    }
    let rate = est64.map(|r| (r.bps.get(), r.pps.get())).or(est.map(|r| (r.bps.get().into(), r.pps.get().into())));
    if let Some((bps, pps)) = rate {
        o.text(&format!("\n{prefix}"));
        o.num("rate", &format!("rate {}", u::rate(bps)), bps);
        o.num("pps", &format!(" {pps}pps"), pps);
    }
    if let Some(q) = &queue {
        if est.is_none() {
            o.text("\n");
        }
        o.num("backlog", &format!("{prefix}backlog {}", u::size(q.backlog.get())), q.backlog.get().into());
        o.num("qlen", &format!(" {}p", q.qlen.get()), q.qlen.get().into());
        o.text(&format!(" requeues {}", q.requeues.get()));
    }
    app
}

/// A qdisc kind's extended statistics; whether a line was printed.
fn qdisc_xstats(o: &mut Out, x: &TcXstats<'_>) -> bool {
    match x {
        TcXstats::Qdisc(QdiscXstats::FqCodel(s)) => crate::tcqdisc::fq_codel_xstats(o, s),
        TcXstats::Qdisc(QdiscXstats::Fq(s)) => crate::tcqdisc::fq_xstats(o, s),
        TcXstats::Qdisc(QdiscXstats::Cake(n)) => crate::tcqdisc::cake_xstats(o, n.iter().flatten()),
        TcXstats::Qdisc(QdiscXstats::Codel(s)) => crate::tcqdisc::codel_xstats(o, s),
        TcXstats::Qdisc(QdiscXstats::Pie(s)) => crate::tcqdisc::pie_xstats(o, s),
        TcXstats::Qdisc(QdiscXstats::FqPie(s)) => crate::tcqdisc::fq_pie_xstats(o, s),
        TcXstats::Qdisc(QdiscXstats::Hhf(s)) => crate::tcqdisc::hhf_xstats(o, s),
        _ => return false,
    }
    true
}

/// A class kind's extended statistics; whether anything was printed.
fn class_xstats(o: &mut Out, x: &TcXstats<'_>) -> bool {
    match x {
        TcXstats::Class(ClassXstats::Htb(s)) => {
            o.num("lended", &format!(" lended: {} ", s.lends.get()), s.lends.get().into());
            o.num("borrowed", &format!("borrowed: {} ", s.borrows.get()), s.borrows.get().into());
            o.num("giants", &format!("giants: {}\n", s.giants.get()), s.giants.get().into());
            o.inum("tokens", &format!(" tokens: {} ", s.tokens.get()), s.tokens.get().into());
            o.inum("ctokens", &format!("ctokens: {}\n", s.ctokens.get()), s.ctokens.get().into());
            true
        }
        TcXstats::Class(ClassXstats::Sfq(s)) => {
            // (tc prints nothing of one shorter than its struct, but ends
            // the line all the same)
            if s.bytes().len() >= 4 {
                let a = s.get().allot.get();
                o.inum("allot", &format!("  allot {a}"), a.into());
            }
            true
        }
        TcXstats::Class(ClassXstats::Cake(n)) => {
            crate::tcqdisc::cake_xstats(o, n.iter().flatten());
            true
        }
        _ => false,
    }
}

/// `print_noqopt` and rtnl's own: options rtnl does not print.
pub(crate) fn unprinted(o: &mut Out, what: &str, kind: &str, len: usize) {
    o.text(&format!("[{what} {kind} options not printed by rtnl, optlen={len}] "));
}

/// `q->print_qopt` of the kinds rtnl prints.
fn qdisc_options(o: &mut Out, kind: &str, opts: &TcOptions<'_>, len: usize, c: &Ctx<'_>) {
    let TcOptions::Qdisc(q) = opts else { return unprinted(o, "qdisc", kind, len) };
    match q {
        QdiscOptions::Pfifo(f) | QdiscOptions::PfifoHeadDrop(f) => {
            let l = f.limit.get();
            o.num("limit", &format!("limit {l}p"), l.into());
        }
        QdiscOptions::Bfifo(f) => {
            let l = f.limit.get();
            o.num("limit", &format!("limit {}", u::size(l)), l.into());
        }
        QdiscOptions::PfifoFast(p) | QdiscOptions::Prio(p) => {
            o.num("bands", &format!("bands {} ", p.bands.get()), p.bands.get() as u64);
            o.text("priomap");
            for b in p.priomap {
                o.text(&format!(" {b}"));
            }
            o.nums("priomap", &p.priomap.map(u64::from));
            // (TCA_PRIO_MQ follows the struct on a kernel that sets it;
            // the kernel here sends none)
            o.lit("multiqueue", "", "false");
        }
        QdiscOptions::Tbf(n) => tbf_options(o, n.iter().flatten(), c),
        QdiscOptions::Htb(n) => htb_options(o, n.iter().flatten(), c),
        QdiscOptions::FqCodel(n) => crate::tcqdisc::fq_codel(o, n.iter().flatten()),
        QdiscOptions::Netem(n) => crate::tcqdisc::netem(o, n, c),
        QdiscOptions::Fq(n) => crate::tcqdisc::fq(o, n.iter().flatten()),
        QdiscOptions::Sfq(g) => crate::tcqdisc::sfq(o, g, c),
        QdiscOptions::Cake(n) => crate::tcqdisc::cake(o, n.iter().flatten()),
        QdiscOptions::Codel(n) => crate::tcqdisc::codel(o, n.iter().flatten()),
        QdiscOptions::Pie(n) => crate::tcqdisc::pie(o, n.iter().flatten()),
        QdiscOptions::FqPie(n) => crate::tcqdisc::fq_pie(o, n.iter().flatten()),
        QdiscOptions::Hhf(n) => crate::tcqdisc::hhf(o, n.iter().flatten()),
        // tc writes multiq's with fprintf: nothing in its JSON
        QdiscOptions::Multiq(m) => o.text(&format!("bands {}/{} ", m.bands.get(), m.max_bands.get())),
        QdiscOptions::Skbprio(m) => o.num("limit", &format!("limit {} ", m.limit.get()), m.limit.get().into()),
        // sch_plug sends no options and tc prints none
        QdiscOptions::Plug(_) => {}
        QdiscOptions::Ingress(_) => o.text("---------------- "),
        QdiscOptions::Clsact(_) => {}
        _ => unprinted(o, "qdisc", kind, len),
    }
}

/// `q->print_copt` of the kinds rtnl prints.
fn class_options(o: &mut Out, kind: &str, opts: &TcOptions<'_>, len: usize, c: &Ctx<'_>) {
    match opts {
        TcOptions::Class(ClassOptions::Htb(n)) => htb_options(o, n.iter().flatten(), c),
        _ => {
            // tc: "[cannot parse class parameters]", on stderr
            unprinted(o, "class", kind, len)
        }
    }
}

/// `tbf_print_opt`.
fn tbf_options<'a>(o: &mut Out, attrs: impl Iterator<Item = TbfAttr<'a>>, c: &Ctx<'_>) {
    let (mut q, mut rate64, mut prate64) = (None::<TcTbfQopt>, None, None);
    for a in attrs {
        match a {
            TbfAttr::Parms(p) => q = q.or(Some(p)),
            TbfAttr::Rate64(r) => rate64 = Some(r),
            TbfAttr::Prate64(r) => prate64 = Some(r),
            _ => {}
        }
    }
    let Some(q) = q else { return };
    let rate = rate64.unwrap_or(q.rate.rate.get().into());
    o.num("rate", &format!("rate {} ", u::rate(rate)), rate);
    let buffer = c.clock.xmitsize(rate, q.buffer.get());
    if c.details {
        let b = format!("{}/{}", u::size(buffer), 1u64 << (q.rate.cell_log & 63));
        o.str("burst", &format!("burst {b} "), &b);
        o.num("mpu", &format!("mpu {} ", u::size(q.rate.mpu.get().into())), q.rate.mpu.get().into());
    } else {
        o.num("burst", &format!("burst {} ", u::size(buffer)), buffer.into());
    }
    let prate = prate64.unwrap_or(q.peakrate.rate.get().into());
    if prate != 0 {
        o.text(&format!("peakrate {} ", u::rate(prate)));
        if q.mtu.get() != 0 || q.peakrate.mpu.get() != 0 {
            let mtu = c.clock.xmitsize(prate, q.mtu.get());
            if c.details {
                let b = format!("{}/{}", u::size(mtu), 1u64 << (q.peakrate.cell_log & 63));
                o.str("mtu", &format!("mtu {b} "), &b);
                let mpu = q.peakrate.mpu.get();
                o.num("mpu", &format!("mpu {} ", u::size(mpu.into())), mpu.into());
            } else {
                o.num("minburst", &format!("minburst {} ", u::size(mtu)), mtu.into());
            }
        }
    }
    let limit = q.limit.get();
    let mut latency =
        u::TIME_UNITS_PER_SEC * (f64::from(limit) / rate as f64) - f64::from(c.clock.tick2time(q.buffer.get()));
    if prate != 0 {
        let lat2 =
            u::TIME_UNITS_PER_SEC * (f64::from(limit) / prate as f64) - f64::from(c.clock.tick2time(q.mtu.get()));
        if lat2 > latency {
            latency = lat2;
        }
    }
    if latency >= 0.0 {
        o.num("lat", &format!("lat {} ", u::time(latency as u32)), latency as u64);
    } else {
        o.num("limit", &format!("limit {} ", u::size(limit)), limit.into());
    }
    if q.rate.overhead.get() != 0 {
        // tc: print_int of the u16 field
        let v = q.rate.overhead.get();
        o.num("overhead", &format!("overhead {v} "), v.into());
    }
    let ll = q.rate.linklayer & u::LINKLAYER_MASK;
    if ll > u::LINKLAYER_ETHERNET || c.details {
        let n = u::linklayer_name(ll);
        o.str("linklayer", &format!("linklayer {n} "), n);
    }
}

/// `htb_print_opt`, of the qdisc (`TCA_HTB_INIT`) and of a class
/// (`TCA_HTB_PARMS`).
fn htb_options<'a>(o: &mut Out, attrs: impl Iterator<Item = HtbAttr<'a>>, c: &Ctx<'_>) {
    let (mut parms, mut init, mut rate64, mut ceil64, mut qlen, mut offload) =
        (None::<TcHtbOpt>, None::<TcHtbGlob>, None, None, None, false);
    for a in attrs {
        match a {
            HtbAttr::Parms(p) => parms = parms.or(Some(p)),
            HtbAttr::Init(g) => init = init.or(Some(g)),
            HtbAttr::Rate64(r) => rate64 = Some(r),
            HtbAttr::Ceil64(r) => ceil64 = Some(r),
            HtbAttr::DirectQlen(q) => qlen = Some(q),
            HtbAttr::Offload(_) => offload = true,
            _ => {}
        }
    }
    if let Some(h) = parms {
        if h.level.get() == 0 {
            let prio = h.prio.get() as i32;
            o.inum("prio", &format!("prio {prio} "), prio.into());
            if c.details {
                let q = h.quantum.get() as i32;
                o.inum("quantum", &format!("quantum {q} "), q.into());
            }
        }
        let rate = rate64.unwrap_or(h.rate.rate.get().into());
        let ceil = ceil64.unwrap_or(h.ceil.rate.get().into());
        o.text(&format!("rate {} ", u::rate(rate)));
        if h.rate.overhead.get() != 0 {
            o.text(&format!("overhead {} ", h.rate.overhead.get()));
        }
        let buffer = c.clock.xmitsize(rate, h.buffer.get());
        o.text(&format!("ceil {} ", u::rate(ceil)));
        let cbuffer = c.clock.xmitsize(ceil, h.cbuffer.get());
        let ll = h.rate.linklayer & u::LINKLAYER_MASK;
        if ll > u::LINKLAYER_ETHERNET || c.details {
            o.text(&format!("linklayer {} ", u::linklayer_name(ll)));
        }
        let cell = |r: &TcRatespec| 1u64 << (r.cell_log & 63);
        if c.details {
            o.text(&format!("burst {}/{} ", u::size(buffer), cell(&h.rate)));
            o.text(&format!("mpu {} ", u::size(h.rate.mpu.get().into())));
            o.text(&format!("cburst {}/{} ", u::size(cbuffer), cell(&h.ceil)));
            o.text(&format!("mpu {} ", u::size(h.ceil.mpu.get().into())));
            o.text(&format!("level {} ", h.level.get() as i32));
        } else {
            o.text(&format!("burst {} ", u::size(buffer)));
            o.text(&format!("cburst {} ", u::size(cbuffer)));
        }
    }
    if let Some(g) = init {
        let r2q = g.rate2quantum.get() as i32;
        o.inum("r2q", &format!("r2q {r2q}"), r2q.into());
        // (C's %#x: a default of 0 prints as 0)
        let d = crate::ipjson::alt_hex(g.defcls.get().into());
        o.str("default", &format!(" default {d}"), &d);
        let dp = g.direct_pkts.get();
        o.num("direct_packets_stat", &format!(" direct_packets_stat {dp}"), dp.into());
        if c.details {
            let v = g.version.get();
            let ver = format!("{}.{}", v >> 16, v & 0xffff);
            o.str("ver", &format!(" ver {ver}"), &ver);
        }
    }
    if let Some(q) = qlen {
        o.num("direct_qlen", &format!(" direct_qlen {q}"), q.into());
    }
    if offload {
        o.lit("offload", " offload", "null");
    }
}

/// What precedes the kind in `qdisc add …` / `class add …`.
struct Target {
    hdr: TcMsg,
    kind: Option<String>,
    dev: Option<String>,
    ingress_block: u32,
    egress_block: u32,
}

fn dup(what: &str, v: &str) -> Fail {
    Fail::usage(format!("Error: duplicate \"{what}\": \"{v}\" is the second value."))
}

fn modify_qdisc(g: &Global, ty: u16, flags: u16, args: &[String]) -> Result<ExitCode, Fail> {
    let mut t = Target { hdr: TcMsg::default(), kind: None, dev: None, ingress_block: 0, egress_block: 0 };
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let mut next = || -> Result<&String, Fail> {
            i += 1;
            Ok(need(args.get(i))?)
        };
        match a {
            "dev" => {
                let v = next()?;
                if t.dev.is_some() {
                    return Err(dup("dev", v));
                }
                t.dev = Some(v.clone());
            }
            "handle" => {
                if t.hdr.tcm_handle.get() != 0 {
                    return Err(dup("handle", a));
                }
                t.hdr.tcm_handle = qdisc_handle_arg(next()?, "invalid qdisc ID")?.into();
            }
            "root" => {
                if t.hdr.tcm_parent.get() != 0 {
                    return Err(Fail::usage("Error: \"root\" is duplicate parent ID"));
                }
                t.hdr.tcm_parent = TcHandle::ROOT.0.into();
            }
            "ingress" | "clsact" => {
                if t.hdr.tcm_parent.get() != 0 {
                    return Err(Fail::usage(format!("Error: \"{a}\" is a duplicate parent ID")));
                }
                t.hdr.tcm_parent = TcHandle::INGRESS.0.into();
                t.hdr.tcm_handle = 0xffff_0000.into();
                t.kind = Some(a.to_owned());
                i += 1;
                break;
            }
            "parent" => {
                let v = next()?;
                if t.hdr.tcm_parent.get() != 0 {
                    return Err(dup("parent", v));
                }
                t.hdr.tcm_parent = handle_arg(v, "invalid parent ID")?.into();
            }
            w if crate::matches(w, "ingress_block") || crate::matches(w, "egress_block") => {
                let ingress = crate::matches(w, "ingress_block");
                let v = next()?;
                let b = crate::route::parse_u32(v, "block").ok().filter(|&b| b != 0).ok_or_else(|| {
                    Fail::usage(format!(
                        "Error: argument \"{v}\" is wrong: invalid {} block index value",
                        if ingress { "ingress" } else { "egress" }
                    ))
                })?;
                if ingress {
                    t.ingress_block = b;
                } else {
                    t.egress_block = b;
                }
            }
            w if crate::matches(w, "help") => return Ok(grammar::print_usage(&QDISC)),
            w => {
                t.kind = Some(w.to_owned());
                i += 1;
                break;
            }
        }
        i += 1;
    }
    let opts = &args[i.min(args.len())..];
    if let Some(d) = &t.dev {
        t.hdr.tcm_ifindex = (ifindex_of(d)? as i32).into();
    }
    let clock = Clock::host();
    // the attributes as tc writes them, through the typed builders: the
    // kind, the blocks, then the options (tcmodify parses most kinds' words,
    // qdisc_args the rest)
    let mut aw = Writer::new(VecBuffer::default());
    let enc = |e: rtnl_core::wire::EncodeError| Fail::error(e.to_string());
    let mut blocks = |aw: &mut Writer<VecBuffer>| -> Result<(), rtnl_core::wire::EncodeError> {
        let mut a = rtnl_core::typed::Scope::<_, _, TcAttr<'static>>::new(aw);
        if t.ingress_block != 0 {
            a.ingress_block(t.ingress_block)?;
        }
        if t.egress_block != 0 {
            a.egress_block(t.egress_block)?;
        }
        Ok(())
    };
    match t.kind.as_deref() {
        None if !opts.is_empty() => {
            return Err(Fail::usage(format!(
                "Garbage instead of arguments \"{} ...\". Try \"rtnl qdisc help\".",
                opts[0]
            )))
        }
        None => blocks(&mut aw).map_err(enc)?,
        Some(k) => {
            // tc's order: the kind, the blocks, the options
            let mut q = crate::tcmodify::QdiscOut::new(&mut aw, k, &mut blocks);
            match crate::tcmodify::parse_qdisc_options(k, opts, &mut q) {
                Some(r) => r.map_err(Fail::error)?,
                None => {
                    let req = qdisc_args(k, opts, &clock).map_err(Fail::error)?;
                    write_qdisc_options(&mut q, &req).map_err(enc)?;
                }
            }
        }
    }
    send_qdisc(g, ty, flags, &t.hdr, aw)
}

/// Sends a qdisc request: `hdr`, then the attributes in `aw`.
fn send_qdisc(g: &Global, ty: u16, flags: u16, hdr: &TcMsg, aw: Writer<VecBuffer>) -> Result<ExitCode, Fail> {
    let mut sock = g.socket()?;
    let bytes =
        crate::tcmodify::frame(ty, flags, sock.next_seq(), zerocopy::IntoBytes::as_bytes(hdr), &aw.into_inner().0)?;
    crate::acked(&mut sock, &bytes)
}

/// A kind's options, parsed as tc parses them; the problem (tc's words)
/// on a word it refuses.
type Parsed<T> = Result<T, String>;

fn value<'s>(it: &mut std::slice::Iter<'s, String>) -> Parsed<&'s String> {
    need(it.next())
}

/// A qdisc kind's options, as parsed.
enum QdiscReq {
    /// `TCA_KIND` alone.
    Bare,
    Fifo(TcFifoQopt),
    Prio(TcPrioQopt),
    Htb(TcHtbGlob, Option<u32>, bool),
    Tbf(Box<Tbf>),
}

/// The qdisc options of `kind` from `args`, parsed as tc parses them.
fn qdisc_args(kind: &str, args: &[String], clock: &Clock) -> Parsed<QdiscReq> {
    Ok(match kind {
        "pfifo" | "bfifo" | "pfifo_head_drop" => match fifo_args(kind, args)? {
            None => QdiscReq::Bare,
            Some(l) => QdiscReq::Fifo(TcFifoQopt { limit: l.into() }),
        },
        "prio" => QdiscReq::Prio(prio_args(args)?),
        "ingress" | "clsact" | "pfifo_fast" | "noqueue" | "mq" => {
            if let Some(w) = args.first() {
                return Err(if kind == "ingress" || kind == "clsact" {
                    format!("What is \"{w}\"?")
                } else {
                    format!("qdisc '{kind}' does not support option parsing")
                });
            }
            QdiscReq::Bare
        }
        "htb" => {
            let (g, q, off) = htb_qdisc_args(args)?;
            QdiscReq::Htb(g, q, off)
        }
        "tbf" => QdiscReq::Tbf(Box::new(tbf_args(args, clock)?)),
        k => return Err(format!("rtnl cannot parse the options of qdisc \"{k}\" yet (tc qdisc add … {k} does)")),
    })
}

/// `TCA_KIND` and the options of `r`, as tc writes them.
fn write_qdisc_options(
    a: &mut crate::tcmodify::QdiscOut<'_>,
    r: &QdiscReq,
) -> Result<(), rtnl_core::wire::EncodeError> {
    let kind = a.kind;
    match r {
        QdiscReq::Bare => a.bare(),
        QdiscReq::Fifo(q) => {
            let c = a.options();
            match kind {
                "pfifo" => c.pfifo(*q),
                "bfifo" => c.bfifo(*q),
                _ => c.pfifo_head_drop(*q),
            }
        }
        QdiscReq::Prio(q) => a.options().prio(*q),
        QdiscReq::Htb(glob, qlen, offload) => a.options().htb(|o| {
            o.init(*glob)?;
            if let Some(q) = qlen {
                o.direct_qlen(*q)?;
            }
            if *offload {
                o.offload(rtnl_core::typed::Flag)?;
            }
            Ok(())
        }),
        QdiscReq::Tbf(t) => a.options().tbf(|o| {
            o.parms(t.q)?;
            o.burst(t.burst)?;
            if t.rate64 >= 1 << 32 {
                o.rate64(t.rate64)?;
            }
            o.rtab(Bytes(&u::table_bytes(&t.rtab)))?;
            if let Some((prate64, pburst, ptab)) = &t.peak {
                if *prate64 >= 1 << 32 {
                    o.prate64(*prate64)?;
                }
                o.pburst(*pburst)?;
                o.ptab(Bytes(&u::table_bytes(ptab)))?;
            }
            Ok(())
        }),
    }
}

/// `fifo_parse_opt`: `limit N` (packets or a size).
fn fifo_args(kind: &str, args: &[String]) -> Parsed<Option<u32>> {
    let mut limit = None;
    let mut it = args.iter();
    while let Some(w) = it.next() {
        match w.as_str() {
            "limit" => {
                let v = value(&mut it)?;
                limit = Some(u::parse_size(v).ok_or_else(|| format!("{kind}: Illegal value for \"limit\": \"{v}\""))?);
            }
            w => return Err(format!("{kind}: unknown parameter \"{w}\"")),
        }
    }
    Ok(limit)
}

/// `prio_parse_opt`: `bands N`, `priomap P1 … P16`.
fn prio_args(args: &[String]) -> Parsed<TcPrioQopt> {
    let mut q = TcPrioQopt { bands: 3.into(), priomap: [1, 2, 2, 2, 1, 2, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1] };
    let mut it = args.iter().peekable();
    while let Some(w) = it.next() {
        match w.as_str() {
            "bands" => {
                let v = need(it.next())?;
                let b: i32 = v.parse().map_err(|_| format!("Illegal \"bands\": {v}"))?;
                q.bands = b.into();
            }
            "priomap" => {
                let mut n = 0;
                while let Some(v) = it.peek() {
                    let Ok(b) = v.parse::<u8>() else { break };
                    if n >= 16 {
                        return Err("Illegal \"priomap\" element".into());
                    }
                    if i32::from(b) >= q.bands.get() {
                        return Err(format!("Illegal \"priomap\" element: {b} (bands {})", q.bands.get()));
                    }
                    q.priomap[n] = b;
                    n += 1;
                    it.next();
                }
            }
            w => return Err(format!("What is \"{w}\"?")),
        }
    }
    Ok(q)
}

/// `htb_parse_opt`: `r2q N`, `default MINOR`, `debug`, `direct_qlen N`,
/// `offload`.
fn htb_qdisc_args(args: &[String]) -> Parsed<(TcHtbGlob, Option<u32>, bool)> {
    let mut g = TcHtbGlob { version: 3.into(), rate2quantum: 10.into(), ..Default::default() };
    let (mut qlen, mut offload) = (None, false);
    let mut it = args.iter();
    let illegal = |w: &str| format!("Illegal \"{w}\"");
    while let Some(w) = it.next() {
        let m = |k: &str| crate::matches(w, k);
        if m("r2q") {
            g.rate2quantum = need(it.next())?.parse::<u32>().map_err(|_| illegal("r2q"))?.into();
        } else if m("default") {
            let v = need(it.next())?;
            let v = v.strip_prefix("0x").unwrap_or(v);
            g.defcls = u32::from_str_radix(v, 16).map_err(|_| illegal("default"))?.into();
        } else if m("debug") {
            let mut d = 0u32;
            for (i, c) in need(it.next())?.bytes().take(16).enumerate() {
                if !(b'0'..=b'3').contains(&c) {
                    break;
                }
                d |= u32::from(c - b'0') << (2 * i);
            }
            g.debug = d.into();
        } else if m("direct_qlen") {
            qlen = Some(need(it.next())?.parse::<u32>().map_err(|_| illegal("direct_qlen"))?);
        } else if m("offload") {
            offload = true;
        } else {
            return Err(format!("What is \"{w}\"?"));
        }
    }
    Ok((g, qlen, offload))
}

/// The options `tbf_parse_opt` builds.
struct Tbf {
    q: TcTbfQopt,
    burst: u32,
    rate64: u64,
    rtab: [u32; 256],
    peak: Option<(u64, u32, [u32; 256])>,
}

/// `tbf_parse_opt`: `rate`, `burst`, `limit` or `latency`, and `peakrate`,
/// `mtu`, `mpu`, `overhead`, `linklayer`.
fn tbf_args(args: &[String], clock: &Clock) -> Parsed<Tbf> {
    let (mut limit, mut latency, mut buffer, mut mtu, mut mpu) = (0u32, 0u32, 0u32, 0u32, 0u32);
    let (mut rcell, mut pcell, mut overhead, mut linklayer) = (None, None, 0u16, u::LINKLAYER_ETHERNET);
    let (mut rate64, mut prate64) = (0u64, 0u64);
    let mut it = args.iter();
    let explain = |w: &str, v: &str| format!("tbf: illegal value for \"{w}\": \"{v}\"");
    while let Some(w) = it.next() {
        let m = |k: &str| crate::matches(w, k);
        if m("limit") {
            let v = need(it.next())?;
            if limit != 0 {
                return Err("tbf: duplicate \"limit\" specification".into());
            }
            if latency != 0 {
                return Err("tbf: specifying both \"latency\" and \"limit\" is not allowed".into());
            }
            limit = u::parse_size(v).ok_or_else(|| explain("limit", v))?;
        } else if m("latency") {
            let v = need(it.next())?;
            if latency != 0 {
                return Err("tbf: duplicate \"latency\" specification".into());
            }
            if limit != 0 {
                return Err("tbf: specifying both \"limit\" and \"/latency\" is not allowed".into());
            }
            latency = u::parse_time(v).ok_or_else(|| explain("latency", v))?;
        } else if m("burst") || w == "buffer" || w == "maxburst" {
            let v = need(it.next())?;
            if buffer != 0 {
                return Err("tbf: duplicate \"buffer/burst/maxburst\" specification".into());
            }
            let (b, c) = u::parse_size_and_cell(v).ok_or_else(|| explain(w, v))?;
            (buffer, rcell) = (b, c);
        } else if w == "mtu" || w == "minburst" {
            let v = need(it.next())?;
            if mtu != 0 {
                return Err("tbf: duplicate \"mtu/minburst\" specification".into());
            }
            let (b, c) = u::parse_size_and_cell(v).ok_or_else(|| explain(w, v))?;
            (mtu, pcell) = (b, c);
        } else if w == "mpu" {
            let v = need(it.next())?;
            if mpu != 0 {
                return Err("tbf: duplicate \"mpu\" specification".into());
            }
            mpu = u::parse_size(v).ok_or_else(|| explain("mpu", v))?;
        } else if w == "rate" {
            let v = need(it.next())?;
            if rate64 != 0 {
                return Err("tbf: duplicate \"rate\" specification".into());
            }
            rate64 = u::parse_rate64(v).ok_or_else(|| explain("rate", v))?;
        } else if m("peakrate") {
            let v = need(it.next())?;
            if prate64 != 0 {
                return Err("tbf: duplicate \"peakrate\" specification".into());
            }
            prate64 = u::parse_rate64(v).ok_or_else(|| explain("peakrate", v))?;
        } else if m("overhead") {
            let v = need(it.next())?;
            if overhead != 0 {
                return Err("tbf: duplicate \"overhead\" specification".into());
            }
            overhead = v.parse().map_err(|_| explain("overhead", v))?;
        } else if m("linklayer") {
            let v = need(it.next())?;
            linklayer = u::parse_linklayer(v).ok_or_else(|| explain("linklayer", v))?;
        } else {
            return Err(format!("tbf: unknown parameter \"{w}\""));
        }
    }
    let mut errs = Vec::new();
    if rate64 == 0 {
        errs.push("tbf: the \"rate\" parameter is mandatory.");
    }
    if buffer == 0 {
        errs.push("tbf: the \"burst\" parameter is mandatory.");
    }
    if prate64 != 0 && mtu == 0 {
        errs.push("tbf: when \"peakrate\" is specified, \"mtu\" must also be specified.");
    }
    if limit == 0 && latency == 0 {
        errs.push("tbf: either \"limit\" or \"latency\" is required.");
    }
    if !errs.is_empty() {
        return Err(errs.join("\n"));
    }
    let sat = |r: u64| if r >= 1 << 32 { u32::MAX } else { r as u32 };
    let mut q = TcTbfQopt::default();
    q.rate.rate = sat(rate64).into();
    q.peakrate.rate = sat(prate64).into();
    if limit == 0 {
        let mut lim = rate64 as f64 * f64::from(latency) / u::TIME_UNITS_PER_SEC + f64::from(buffer);
        if prate64 != 0 {
            let lim2 = prate64 as f64 * f64::from(latency) / u::TIME_UNITS_PER_SEC + f64::from(mtu);
            if lim2 < lim {
                lim = lim2;
            }
        }
        limit = lim as u32;
    }
    q.limit = limit.into();
    // tc's mpu is a u32 written into the ratespec's u16
    q.rate.mpu = (mpu as u16).into();
    q.rate.overhead = overhead.into();
    let (rtab, log) = clock.rtable(q.rate.rate.get().into(), mpu as u16, rcell, mtu, linklayer);
    set_spec(&mut q.rate, log, linklayer);
    q.buffer = clock.xmittime(q.rate.rate.get().into(), buffer).into();
    let peak = if q.peakrate.rate.get() != 0 {
        q.peakrate.mpu = (mpu as u16).into();
        q.peakrate.overhead = overhead.into();
        let (ptab, log) = clock.rtable(q.peakrate.rate.get().into(), mpu as u16, pcell, mtu, linklayer);
        set_spec(&mut q.peakrate, log, linklayer);
        q.mtu = clock.xmittime(q.peakrate.rate.get().into(), mtu).into();
        Some((prate64, mtu, ptab))
    } else {
        None
    };
    Ok(Tbf { q, burst: buffer, rate64, rtab, peak })
}

/// What `tc_calc_rtable` sets in the ratespec.
pub(crate) fn set_spec(r: &mut TcRatespec, cell_log: u8, linklayer: u8) {
    r.cell_align = (-1i16).into();
    r.cell_log = cell_log;
    r.linklayer = linklayer & u::LINKLAYER_MASK;
}

fn modify_class(g: &Global, ty: u16, flags: u16, args: &[String]) -> Result<ExitCode, Fail> {
    let mut hdr = TcMsg::default();
    let (mut dev, mut kind) = (None::<String>, None::<String>);
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let mut next = || -> Result<&String, Fail> {
            i += 1;
            Ok(need(args.get(i))?)
        };
        match a {
            "dev" => {
                let v = next()?;
                if dev.is_some() {
                    return Err(dup("dev", v));
                }
                dev = Some(v.clone());
            }
            "classid" => {
                let v = next()?;
                if hdr.tcm_handle.get() != 0 {
                    return Err(dup("classid", v));
                }
                hdr.tcm_handle = handle_arg(v, "invalid class ID")?.into();
            }
            "handle" => return Err(Fail::usage("Error: try \"classid\" instead of \"handle\"")),
            "root" => {
                if hdr.tcm_parent.get() != 0 {
                    return Err(Fail::usage("Error: \"root\" is duplicate parent ID."));
                }
                hdr.tcm_parent = TcHandle::ROOT.0.into();
            }
            "parent" => {
                let v = next()?;
                if hdr.tcm_parent.get() != 0 {
                    return Err(dup("parent", v));
                }
                hdr.tcm_parent = handle_arg(v, "invalid parent ID")?.into();
            }
            w if crate::matches(w, "help") => return Ok(grammar::print_usage(&CLASS)),
            w => {
                kind = Some(w.to_owned());
                i += 1;
                break;
            }
        }
        i += 1;
    }
    let opts = &args[i.min(args.len())..];
    if let Some(d) = &dev {
        hdr.tcm_ifindex = (ifindex_of(d)? as i32).into();
    }
    let clock = Clock::host();
    let htb = match kind.as_deref() {
        Some("htb") => Some(htb_class_args(opts, &clock).map_err(Fail::error)?),
        Some(k @ ("pfifo" | "bfifo" | "pfifo_head_drop" | "pfifo_fast" | "tbf" | "ingress" | "clsact")) => {
            return Err(Fail::error(format!("Error: Qdisc \"{k}\" is classless.")));
        }
        Some(k) => return Err(Fail::usage(format!("rtnl cannot parse the options of class \"{k}\" yet"))),
        None if !opts.is_empty() => {
            return Err(Fail::usage(format!(
                "Garbage instead of arguments \"{} ...\". Try \"rtnl class help\".",
                opts[0]
            )))
        }
        None => None,
    };
    let mut sock = g.socket()?;
    let mut w = Writer::new(VecBuffer::default());
    rtnl_core::typed::request(&mut w, ty, flags, sock.next_seq(), &hdr, |a| {
        let Some(h) = &htb else { return Ok(()) };
        a.options().class().htb(|o| {
            if h.rate64 >= 1 << 32 {
                o.rate64(h.rate64)?;
            }
            if h.ceil64 >= 1 << 32 {
                o.ceil64(h.ceil64)?;
            }
            o.parms(h.opt)?;
            o.rtab(Bytes(&u::table_bytes(&h.rtab)))?;
            o.ctab(Bytes(&u::table_bytes(&h.ctab)))?;
            Ok(())
        })
    })
    .map_err(|e| Fail::error(e.to_string()))?;
    crate::acked(&mut sock, &w.into_inner().0)
}

/// The options `htb_parse_class_opt` builds.
struct HtbClass {
    opt: TcHtbOpt,
    rate64: u64,
    ceil64: u64,
    rtab: [u32; 256],
    ctab: [u32; 256],
}

/// `htb_parse_class_opt`: `rate` (required), `ceil`, `burst`, `cburst`,
/// `prio`, `quantum`, `mtu`, `mpu`, `overhead`, `linklayer`.
fn htb_class_args(args: &[String], clock: &Clock) -> Parsed<HtbClass> {
    let mut opt = TcHtbOpt::default();
    let (mut buffer, mut cbuffer, mut cell, mut ccell) = (0u32, 0u32, None, None);
    let (mut mtu, mut mpu, mut overhead, mut linklayer) = (1600u32, 0u16, 0u16, u::LINKLAYER_ETHERNET);
    let (mut rate64, mut ceil64) = (0u64, 0u64);
    let illegal = |w: &str| format!("Illegal \"{w}\"");
    let mut it = args.iter();
    while let Some(w) = it.next() {
        let m = |k: &str| crate::matches(w, k);
        if m("prio") {
            opt.prio = need(it.next())?.parse::<u32>().map_err(|_| illegal("prio"))?.into();
        } else if m("mtu") {
            mtu = need(it.next())?.parse().map_err(|_| illegal("mtu"))?;
        } else if m("mpu") {
            mpu = need(it.next())?.parse().map_err(|_| illegal("mpu"))?;
        } else if m("overhead") {
            overhead = need(it.next())?.parse().map_err(|_| illegal("overhead"))?;
        } else if m("linklayer") {
            linklayer = u::parse_linklayer(need(it.next())?).ok_or_else(|| illegal("linklayer"))?;
        } else if m("quantum") {
            opt.quantum = need(it.next())?.parse::<u32>().map_err(|_| illegal("quantum"))?.into();
        } else if m("burst") || w == "buffer" || w == "maxburst" {
            let (b, c) = u::parse_size_and_cell(need(it.next())?).ok_or_else(|| illegal(w))?;
            (buffer, cell) = (b, c.or(cell));
        } else if m("cburst") || w == "cbuffer" || w == "cmaxburst" {
            let (b, c) = u::parse_size_and_cell(need(it.next())?).ok_or_else(|| illegal(w))?;
            (cbuffer, ccell) = (b, c.or(ccell));
        } else if w == "ceil" {
            let v = need(it.next())?;
            if ceil64 != 0 {
                return Err("Double \"ceil\" spec".into());
            }
            ceil64 = u::parse_rate64(v).ok_or_else(|| illegal("ceil"))?;
        } else if w == "rate" {
            let v = need(it.next())?;
            if rate64 != 0 {
                return Err("Double \"rate\" spec".into());
            }
            rate64 = u::parse_rate64(v).ok_or_else(|| illegal("rate"))?;
        } else {
            return Err(format!("What is \"{w}\"?"));
        }
    }
    if rate64 == 0 {
        return Err("\"rate\" is required.".into());
    }
    if ceil64 == 0 {
        ceil64 = rate64;
    }
    let sat = |r: u64| if r >= 1 << 32 { u32::MAX } else { r as u32 };
    opt.rate.rate = sat(rate64).into();
    opt.ceil.rate = sat(ceil64).into();
    if buffer == 0 {
        buffer = (rate64 / u64::from(clock.hz.max(1)) + u64::from(mtu)) as u32;
    }
    if cbuffer == 0 {
        cbuffer = (ceil64 / u64::from(clock.hz.max(1)) + u64::from(mtu)) as u32;
    }
    opt.rate.overhead = overhead.into();
    opt.ceil.overhead = overhead.into();
    opt.rate.mpu = mpu.into();
    opt.ceil.mpu = mpu.into();
    let (rtab, log) = clock.rtable(opt.rate.rate.get().into(), mpu, cell, mtu, linklayer);
    set_spec(&mut opt.rate, log, linklayer);
    opt.buffer = clock.xmittime(rate64, buffer).into();
    let (ctab, log) = clock.rtable(opt.ceil.rate.get().into(), mpu, ccell, mtu, linklayer);
    set_spec(&mut opt.ceil, log, linklayer);
    opt.cbuffer = clock.xmittime(ceil64, cbuffer).into();
    Ok(HtbClass { opt, rate64, ceil64, rtab, ctab })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn tbf_and_htb_options_are_computed_as_tc_computes_them() {
        let clock = Clock::from_psched("000003e8 00000040 000f4240 3b9aca00").unwrap();
        // tc qdisc add … tbf rate 1mbit burst 32kb latency 400ms
        let t = tbf_args(&s(&["rate", "1mbit", "burst", "32kb", "latency", "400ms"]), &clock).unwrap();
        assert_eq!(t.q.rate.rate.get(), 125_000);
        assert_eq!(t.burst, 32768);
        // limit = rate * latency + burst
        assert_eq!(t.q.limit.get(), 50_000 + 32768);
        assert_eq!(t.q.buffer.get(), clock.xmittime(125_000, 32768));
        assert_eq!((t.q.rate.cell_log, t.q.rate.cell_align.get(), t.q.rate.linklayer), (3, -1, 1));
        assert!(t.peak.is_none());
        let e = tbf_args(&s(&["rate", "1mbit"]), &clock).err().unwrap();
        assert!(e.contains("\"burst\" parameter is mandatory") && e.contains("\"limit\" or \"latency\""), "{e}");
        assert!(tbf_args(&s(&["rate", "1mbit", "burst", "1k", "limit", "1k", "latency", "1ms"]), &clock).is_err());
        // tc class add … htb rate 5mbit ceil 10mbit prio 1: the 40000 and
        // 20000 tokens tc -s shows are these buffers
        let h = htb_class_args(&s(&["rate", "5mbit", "ceil", "10mbit", "prio", "1"]), &clock).unwrap();
        assert_eq!((h.opt.buffer.get(), h.opt.cbuffer.get(), h.opt.prio.get()), (40_000, 20_000, 1));
        assert_eq!(h.opt.ceil.rate.get(), 1_250_000);
        assert_eq!(htb_class_args(&s(&["ceil", "1mbit"]), &clock).err().unwrap(), "\"rate\" is required.");
        let (g, q, off) = htb_qdisc_args(&s(&["default", "10", "r2q", "20"])).unwrap();
        assert_eq!((g.defcls.get(), g.rate2quantum.get(), g.version.get(), q, off), (0x10, 20, 3, None, false));
        assert_eq!(fifo_args("pfifo", &s(&["limit", "100"])).unwrap(), Some(100));
        assert_eq!(fifo_args("bfifo", &s(&["limit", "64kb"])).unwrap(), Some(65536));
        assert!(fifo_args("pfifo", &s(&["size", "1"])).is_err());
        let p = prio_args(&s(&["bands", "2", "priomap", "1", "1", "0"])).unwrap();
        assert_eq!((p.bands.get(), &p.priomap[..4]), (2, &[1, 1, 0, 2][..]));
        assert!(prio_args(&s(&["bands", "2", "priomap", "2"])).is_err());
    }

    #[test]
    fn handles_parse_as_tc_parses_them() {
        assert_eq!(qdisc_handle_arg("1:", "x").unwrap(), 0x1_0000);
        assert_eq!(qdisc_handle_arg("ffff", "x").unwrap(), 0xffff_0000);
        assert!(qdisc_handle_arg("1:2", "x").is_err());
        assert_eq!(handle_arg("1:10", "x").unwrap(), 0x1_0010);
        assert!(handle_arg("root", "x").is_err());
    }
}
