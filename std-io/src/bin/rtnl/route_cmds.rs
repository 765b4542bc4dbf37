//! `rtnl route show | get | flush | save | restore | showdump`: the verbs
//! that read routes, with ip's selectors (filtered in the kernel where
//! strict checking allows: table, protocol, type, output device; the rest
//! here, as ip filters them).

use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write as _};
use std::net::IpAddr;
use std::ops::ControlFlow;
use std::process::ExitCode;

use rtnl_core::message::{Message, RtnlMessage};
use rtnl_core::net::{Address, AF_INET, AF_INET6, AF_MPLS};
use rtnl_core::route::{self as rt, RouteAttr, RouteMessage, RouteProtocol, RouteScope, RouteTable, RouteType, RtMsg};
use rtnl_core::wire::flags::*;
use rtnl_core::wire::{Messages, NativeEndian, Writer};
use rtnl_io::json::to_json;
use rtnl_io::{link_names, Socket, VecBuffer};

use crate::grammar;
use crate::route::{self as r, DevNames, Line, Show, SELECTOR};
use crate::{Fail, Global};

/// A prefix given to a selector (`10.0.0.0/8`, `default`).
#[derive(Debug, Clone, Copy, Default)]
struct Pfx {
    /// Its family (0 for `default`, which fits any).
    family: u8,
    data: [u8; 16],
    /// Its length in bits.
    len: u8,
}

impl Pfx {
    /// ip's `get_prefix`: `default`, `all` and `any` are length 0 of the
    /// family given; an address without a length is a host's.
    fn parse(s: &str, family: u8) -> Result<Self, String> {
        let bad = || format!("Error: {} prefix is expected rather than \"{s}\".", fam_name(family));
        if s == "default" || s == "all" || s == "any" {
            return Ok(Pfx { family, ..Default::default() });
        }
        let (a, len) = match s.split_once('/') {
            Some((a, l)) => (a, Some(l.parse::<u8>().map_err(|_| bad())?)),
            None => (s, None),
        };
        let addr: IpAddr = r::parse_ip(a).ok_or_else(bad)?;
        let (fam, max) = if addr.is_ipv4() { (AF_INET, 32) } else { (AF_INET6, 128) };
        if family != 0 && family != fam {
            return Err(bad());
        }
        let len = len.unwrap_or(max);
        if len > max {
            return Err(bad());
        }
        let mut data = [0u8; 16];
        match addr {
            IpAddr::V4(v) => data[..4].copy_from_slice(&v.octets()),
            IpAddr::V6(v) => data.copy_from_slice(&v.octets()),
        }
        Ok(Pfx { family: fam, data, len })
    }
}

fn fam_name(family: u8) -> &'static str {
    match family {
        AF_INET6 => "inet6",
        AF_MPLS => "mpls",
        _ => "inet",
    }
}

/// ip's `inet_addr_match`: the first `bits` bits of `a` and `b` agree.
fn addr_match(a: &[u8; 16], b: &[u8; 16], bits: u8) -> bool {
    let (bytes, rest) = (usize::from(bits / 8).min(16), bits % 8);
    if a[..bytes] != b[..bytes] {
        return false;
    }
    if rest == 0 || bytes == 16 {
        return true;
    }
    let mask = 0xffu8 << (8 - rest);
    a[bytes] & mask == b[bytes] & mask
}

fn addr_bytes(a: &Address<'_>) -> [u8; 16] {
    let mut d = [0u8; 16];
    a.with_bytes(|b| {
        let n = b.len().min(16);
        d[..n].copy_from_slice(&b[..n]);
    });
    d
}

/// `route show`'s selector, as ip's `filter` (each `Option` set by one
/// keyword; `None` selects everything).
#[derive(Debug, Clone, Default)]
pub struct Selector {
    /// The family dumped (`-4`, `-6`, or the one a prefix implies).
    pub family: u8,
    /// `-4` / `-6` as given (routes of another family are left out).
    preferred: u8,
    /// The table (`None`: every table).
    pub table: Option<u32>,
    tos: Option<u8>,
    protocol: Option<u8>,
    scope: Option<u8>,
    kind: Option<u8>,
    oif: Option<u32>,
    iif: Option<u32>,
    mark: Option<u32>,
    metric: Option<u32>,
    via: Option<Pfx>,
    prefsrc: Option<Pfx>,
    /// `root P`: routes inside P.
    rdst: Option<Pfx>,
    /// `match P`: routes that cover P.
    mdst: Option<Pfx>,
    rsrc: Option<Pfx>,
    msrc: Option<Pfx>,
}

impl Selector {
    /// Parses `SELECTOR` (`route show` and `flush` and `save`'s arguments).
    pub fn parse(args: &[String], family: u8) -> Result<Self, String> {
        let mut s = Selector { family, preferred: family, table: Some(RouteTable::MAIN.0), ..Default::default() };
        let mut it = args.iter();
        let need = |v: Option<&String>| -> Result<String, String> { crate::grammar::need(v).cloned() };
        let mut dst_seen = false;
        while let Some(a) = it.next() {
            let word = grammar::keyword(a, SELECTOR.keywords, "route")?;
            match word {
                Some("table") => {
                    let t = need(it.next())?;
                    // as ip: table 0 (unspec) is every table too
                    s.table = if t == "all" { None } else { Some(r::parse_table(&t)?).filter(|t| *t != 0) };
                }
                Some("tos") => s.tos = Some(r::parse_tos(&need(it.next())?)?),
                Some("protocol") => {
                    let v = need(it.next())?;
                    s.protocol = match RouteProtocol::from_name(&v) {
                        Some(p) => Some(p.0),
                        None if v == "all" => None,
                        None => return Err(format!("Error: argument \"{v}\" is wrong: invalid \"protocol\"")),
                    };
                }
                Some("scope") => {
                    let v = need(it.next())?;
                    s.scope = match RouteScope::from_name(&v) {
                        Some(p) => Some(p.0),
                        None if v == "all" => None,
                        None => return Err(format!("Error: argument \"{v}\" is wrong: invalid \"scope\"")),
                    };
                }
                Some("type") => {
                    let v = need(it.next())?;
                    let t = RouteType::from_name(&v)
                        .ok_or(format!("Error: argument \"{v}\" is wrong: node type value is invalid"))?;
                    s.kind = Some(t.0);
                }
                Some("dev") => s.oif = Some(r::ifindex(&need(it.next())?)?),
                Some("iif") => s.iif = Some(r::ifindex(&need(it.next())?)?),
                Some("mark") => s.mark = Some(r::parse_u32(&need(it.next())?, "mark")?),
                Some("metric") => s.metric = Some(r::parse_u32(&need(it.next())?, "metric")?),
                Some("via") => {
                    let mut v = need(it.next())?;
                    let mut fam = s.family;
                    match v.as_str() {
                        "inet" => fam = AF_INET,
                        "inet6" => fam = AF_INET6,
                        _ => {}
                    }
                    if v == "inet" || v == "inet6" {
                        v = need(it.next())?;
                    }
                    s.via = Some(Pfx::parse(&v, fam)?);
                }
                Some("src") => s.prefsrc = Some(Pfx::parse(&need(it.next())?, s.family)?),
                Some("from") => {
                    let (root, m) = prefix_arg(&mut it, s.family)?;
                    (s.rsrc, s.msrc) = (root, m);
                }
                Some(other) if other != "to" => return Err(grammar::no_case(other)),
                _ => {
                    // `to` or none: [root | match | exact] PREFIX
                    let mut rest = std::iter::once(a).chain(it.by_ref());
                    if word == Some("to") {
                        rest.next();
                    }
                    let (root, m) = prefix_arg(&mut rest, s.family)?;
                    if dst_seen {
                        return Err(format!("Error: either \"to\" is duplicate, or \"{a}\" is a garbage."));
                    }
                    dst_seen = true;
                    (s.rdst, s.mdst) = (root, m);
                }
            }
        }
        // like ip: without -4/-6 and with a single table, IPv4 only
        if s.family == 0 && s.table.is_some() {
            s.family = AF_INET;
        }
        Ok(s)
    }

    /// The dump request, with what the kernel can filter.
    pub fn request(&self, seq: u32) -> Vec<u8> {
        let filter =
            rtnl_io::RouteFilter { table: self.table, protocol: self.protocol, kind: self.kind, oif: self.oif };
        rtnl_io::route_dump_request_where(seq, self.family, &filter)
    }

    /// What the printed routes leave out (what the selector fixed).
    pub fn show(&self, g: &Global) -> Show {
        let mut hide = 0;
        for (set, bit) in [
            (self.oif.is_some(), r::HIDE_DEV),
            (self.protocol.is_some(), r::HIDE_PROTO),
            (self.scope.is_some(), r::HIDE_SCOPE),
            (self.metric.is_some(), r::HIDE_METRIC),
            (self.tos.is_some(), r::HIDE_TOS),
            (self.iif.is_some(), r::HIDE_IIF),
        ] {
            if set {
                hide |= bit;
            }
        }
        Show {
            table: self.table.is_none(),
            details: g.details,
            stats: g.stats > 0,
            oneline: g.oneline,
            hide,
            via_len: self.via.map(|p| p.len),
            src_len: self.prefsrc.map(|p| p.len),
        }
    }

    /// Whether route `m` is selected (ip's `filter_nlmsg`; cache entries
    /// never are).
    pub fn keeps(&self, m: &RouteMessage<'_>) -> bool {
        let h = m.header();
        if self.preferred != 0 && h.rtm_family != self.preferred {
            return false;
        }
        if h.rtm_flags.get() & rt::RTM_F_CLONED != 0 {
            return false;
        }
        if self.table.is_some_and(|t| m.table().0 != t)
            || self.protocol.is_some_and(|p| h.rtm_protocol != p)
            || self.scope.is_some_and(|p| h.rtm_scope != p)
            || self.kind.is_some_and(|p| h.rtm_type != p)
            || self.tos.is_some_and(|p| h.rtm_tos != p)
        {
            return false;
        }
        let family_ok = |p: &Option<Pfx>| p.is_none_or(|p| p.family == 0 || p.family == h.rtm_family);
        if !family_ok(&self.rdst) || !family_ok(&self.mdst) || !family_ok(&self.rsrc) || !family_ok(&self.msrc) {
            return false;
        }
        if self.rdst.is_some_and(|p| p.len > h.rtm_dst_len)
            || self.mdst.is_some_and(|p| p.len < h.rtm_dst_len)
            || self.rsrc.is_some_and(|p| p.len > h.rtm_src_len)
            || self.msrc.is_some_and(|p| p.len < h.rtm_src_len)
            || self.prefsrc.is_some_and(|p| p.family != h.rtm_family)
        {
            return false;
        }
        // the attributes the rest looks at, in one pass
        let (mut dst, mut src, mut gw, mut psrc) = ([0u8; 16], [0u8; 16], [0u8; 16], [0u8; 16]);
        let mut via_family = h.rtm_family;
        let (mut iif, mut oif, mut mark, mut metric) = (0, None, 0, 0);
        let mut hops_oif = false;
        let mut it = m.attrs();
        while let Some(Ok(a)) = it.next() {
            match a {
                RouteAttr::Dst(a) => dst = addr_bytes(&a),
                RouteAttr::Src(a) => src = addr_bytes(&a),
                RouteAttr::Gateway(a) => gw = addr_bytes(&a),
                RouteAttr::Via(v) => {
                    via_family = v.family as u8;
                    gw = addr_bytes(&v.addr);
                }
                RouteAttr::PrefSrc(a) => psrc = addr_bytes(&a),
                RouteAttr::Iif(v) => iif = v,
                RouteAttr::Oif(v) => oif = Some(v),
                RouteAttr::Mark(v) => mark = v,
                RouteAttr::Priority(v) => metric = v,
                RouteAttr::Multipath(mp) => {
                    if let Some(want) = self.oif {
                        hops_oif = mp.hops().map_while(Result::ok).any(|hop| hop.ifindex() as u32 == want);
                    }
                }
                _ => {}
            }
        }
        if self.via.is_some_and(|p| p.family != 0 && p.family != via_family) {
            return false;
        }
        if self.rdst.is_some_and(|p| !addr_match(&dst, &p.data, p.len))
            || self.mdst.is_some_and(|p| !addr_match(&dst, &p.data, h.rtm_dst_len))
            || self.rsrc.is_some_and(|p| !addr_match(&src, &p.data, p.len))
            || self.msrc.is_some_and(|p| !addr_match(&src, &p.data, h.rtm_src_len))
            || self.via.is_some_and(|p| !addr_match(&gw, &p.data, p.len))
            || self.prefsrc.is_some_and(|p| !addr_match(&psrc, &p.data, p.len))
            || self.iif.is_some_and(|v| v != iif)
            || self.mark.is_some_and(|v| v != mark)
            || self.metric.is_some_and(|v| v != metric)
        {
            return false;
        }
        if let Some(want) = self.oif {
            match oif {
                Some(o) if o != want => return false,
                None if !hops_oif && it_has_multipath(m) => return false,
                _ => {}
            }
        }
        true
    }
}

fn it_has_multipath(m: &RouteMessage<'_>) -> bool {
    m.attrs().map_while(Result::ok).any(|a| matches!(a, RouteAttr::Multipath(_)))
}

/// `[root | match | exact] PREFIX`: (root, match) as ip sets them (`exact`
/// and a bare prefix set both).
fn prefix_arg<'a>(it: &mut impl Iterator<Item = &'a String>, family: u8) -> Result<(Option<Pfx>, Option<Pfx>), String> {
    let incomplete = || crate::grammar::INCOMPLETE.to_owned();
    let w = it.next().ok_or_else(incomplete)?;
    let p = |v: &str| Pfx::parse(v, family);
    if crate::matches(w, "root") {
        Ok((Some(p(it.next().ok_or_else(incomplete)?)?), None))
    } else if crate::matches(w, "match") {
        Ok((None, Some(p(it.next().ok_or_else(incomplete)?)?)))
    } else {
        let v = if crate::matches(w, "exact") { it.next().ok_or_else(incomplete)? } else { w };
        let x = p(v)?;
        Ok((Some(x), Some(x)))
    }
}

/// A dump that failed, in ip's words.
fn dump_failed(e: rtnl_io::Error, what: &str) -> Fail {
    match e {
        rtnl_io::Error::Kernel(k) => Fail::kernel(format!("{k}\n{what} terminated")),
        e => Fail::kernel(format!("{e}\n{what} terminated")),
    }
}

/// The links' names (for printing), unless printing kernel-named JSON.
fn names(g: &Global, sock: &mut Socket) -> Result<DevNames, Fail> {
    Ok(DevNames::new(if g.json_kernel { HashMap::new() } else { link_names(sock)? }))
}

/// Prints routes as they are decoded, ip's way (`-j`: one JSON array),
/// in one buffer written out when it fills (memory stays flat in the size
/// of the table).
struct Printer<'g> {
    g: &'g Global,
    show: Show,
    out: std::io::StdoutLock<'static>,
    buf: Line,
    first: bool,
    write_err: Option<std::io::Error>,
}

const CHUNK: usize = 64 * 1024;

impl<'g> Printer<'g> {
    fn new(g: &'g Global, show: Show) -> Self {
        Printer {
            g,
            show,
            out: std::io::stdout().lock(),
            buf: Line(Vec::with_capacity(CHUNK + 4096)),
            first: true,
            write_err: None,
        }
    }
    /// Prints one route; `Break` once stdout is closed.
    fn route(&mut self, msg: &Message<'_>, m: &RouteMessage<'_>, names: &DevNames) -> ControlFlow<()> {
        if self.g.json_kernel {
            self.buf.0.extend_from_slice(to_json(msg).as_bytes());
            self.buf.0.push(b'\n');
        } else if self.g.json {
            self.buf.0.push(if self.first { b'[' } else { b',' });
            self.first = false;
            r::write_route_json(&mut self.buf, m, names, &self.show);
        } else {
            if msg.ty() == rt::RTM_DELROUTE {
                self.buf.0.extend_from_slice(b"Deleted ");
            }
            r::write_route(&mut self.buf, m, names, &self.show);
        }
        if self.buf.0.len() < CHUNK {
            return ControlFlow::Continue(());
        }
        self.write()
    }
    fn write(&mut self) -> ControlFlow<()> {
        let data = if self.g.pretty && self.g.json && !self.g.json_kernel {
            // whole objects only: pretty-printing re-reads what was written
            return ControlFlow::Continue(());
        } else {
            &self.buf.0
        };
        let r = self.out.write_all(data);
        self.buf.0.clear();
        match r {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                // a closed pipe (`| head`): stop reading, say nothing more
                self.write_err = Some(e);
                ControlFlow::Break(())
            }
        }
    }
    /// Ends the output; a closed pipe is not an error.
    fn finish(mut self) -> Result<(), Fail> {
        if self.g.json && !self.g.json_kernel && self.write_err.is_none() {
            self.buf.0.extend_from_slice(if self.first { b"[]" } else { b"]" });
            if self.g.pretty {
                self.buf.0 = crate::ipjson::pretty(&String::from_utf8_lossy(&self.buf.0)).into_bytes();
            } else {
                self.buf.0.push(b'\n');
            }
        }
        let flushed = match self.write_err.take() {
            Some(e) => Err(e),
            None => self.out.write_all(&self.buf.0).and_then(|()| self.out.flush()),
        };
        match flushed {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(Fail::error(format!("cannot write the routes: {e}"))),
            Ok(()) => Ok(()),
        }
    }
}

/// `route show SELECTOR`.
pub fn show(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let sel = Selector::parse(args, g.family)?;
    let mut sock = g.socket()?;
    let names = names(g, &mut sock)?;
    // ask the kernel for what is wanted (as ip does), so that what is in
    // the other tables cannot end the dump
    let req = sel.request(sock.next_seq());
    let mut p = Printer::new(g, sel.show(g));
    let sum = sock.dump_with(&req, |msg| {
        let RtnlMessage::Route(m) = msg.body() else { return ControlFlow::Continue(()) };
        if !sel.keeps(m) {
            return ControlFlow::Continue(());
        }
        p.route(&msg, m, &names)
    });
    let closed = p.write_err.is_some();
    p.finish()?;
    if closed {
        return Ok(ExitCode::SUCCESS);
    }
    // a failed dump is an error, never an empty table
    let sum = sum.map_err(|e| dump_failed(e, "Dump"))?;
    if sum.interrupted {
        eprintln!("Dump was interrupted and may be inconsistent.");
    }
    Ok(ExitCode::SUCCESS)
}

/// The bytes of a decoded message, re-encoded (byte-exact, as the codec
/// guarantees), with a new type, flags and sequence number.
fn reframed(msg: &Message<'_>, ty: u16, flags: u16, seq: u32) -> Result<Vec<u8>, Fail> {
    let mut w = Writer::<_, NativeEndian>::new(VecBuffer::default());
    msg.emit(&mut w).map_err(|e| Fail::error(format!("cannot re-encode a route: {e}")))?;
    let mut b = w.into_inner().0;
    rtnl_core::wire::NlMsgHdr::<NativeEndian>::reframe(&mut b, ty, flags, seq, 0);
    Ok(b)
}

/// `route flush SELECTOR`: deletes what `show` would print, in rounds
/// until a dump finds nothing more (as ip), each deletion acknowledged:
/// a refusal is reported, never taken for success.
pub fn flush(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    if args.is_empty() {
        return Err(Fail::error("\"rtnl route flush\" requires arguments."));
    }
    let sel = Selector::parse(args, g.family)?;
    let mut sock = g.socket()?;
    let start = std::time::Instant::now();
    let mut round = 0;
    loop {
        let req = sel.request(sock.next_seq());
        let mut batch = Vec::new();
        let mut seq = sock.next_seq();
        let mut count = 0usize;
        let mut err = None;
        // an interrupted dump needs no retry here: the next round dumps again
        let _ = sock
            .dump_with(&req, |msg| {
                let RtnlMessage::Route(m) = msg.body() else { return ControlFlow::Continue(()) };
                let h = m.header();
                // ip keeps IPv6's default unreachable route (metric 0xffffffff)
                let v6_default = h.rtm_family == AF_INET6
                    && h.rtm_dst_len == 0
                    && h.rtm_type == RouteType::UNREACHABLE.0
                    && m.attrs().map_while(Result::ok).any(|a| matches!(a, RouteAttr::Priority(u32::MAX)));
                if !sel.keeps(m) || v6_default {
                    return ControlFlow::Continue(());
                }
                match reframed(&msg, rt::RTM_DELROUTE, NLM_F_REQUEST | NLM_F_ACK, seq) {
                    Ok(b) => {
                        batch.extend_from_slice(&b);
                        seq = seq.wrapping_add(1);
                        count += 1;
                        ControlFlow::Continue(())
                    }
                    Err(e) => {
                        err = Some(e);
                        ControlFlow::Break(())
                    }
                }
            })
            .map_err(|e| dump_failed(e, "Flush"))?;
        if let Some(e) = err {
            return Err(e);
        }
        if count == 0 {
            if g.stats > 0 {
                if round == 0 {
                    println!("Nothing to flush.");
                } else {
                    println!("*** Flush is complete after {round} round{} ***", if round > 1 { "s" } else { "" });
                }
            }
            return Ok(ExitCode::SUCCESS);
        }
        round += 1;
        // the sequence numbers used above are the socket's from here on
        for _ in 0..count {
            sock.next_seq();
        }
        let sum = sock.request_batch(&batch, false)?;
        // a route already gone (deleted with another) is flushed all the same
        let failed: Vec<_> = sum.failed.iter().filter(|(_, e)| e.errno != libc::ESRCH).collect();
        if let Some((_, e)) = failed.first() {
            return Err(Fail::kernel(format!(
                "{e}\nFlush terminated: {} of {count} deletions were refused",
                failed.len()
            )));
        }
        if g.stats > 0 {
            println!("\n*** Round {round}, deleting {count} entries ***");
        }
        if start.elapsed().as_secs() > 30 {
            println!(
                "\n*** Flush not completed after {} seconds, {count} entries remain ***",
                start.elapsed().as_secs()
            );
            return Ok(ExitCode::from(1));
        }
    }
}

/// The first four bytes of a file `route save` writes (ip's magic, in the
/// host's order).
const ROUTE_DUMP_MAGIC: u32 = 0x4531_1224;

/// `route save SELECTOR > FILE`: the magic, then the messages `show`
/// would print, as the kernel sent them (`ip route restore` reads it).
pub fn save(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let sel = Selector::parse(args, g.family)?;
    let mut out = std::io::stdout().lock();
    if out.is_terminal() {
        return Err(Fail::error("Not sending a binary stream to stdout"));
    }
    let mut sock = g.socket()?;
    let mut buf = ROUTE_DUMP_MAGIC.to_ne_bytes().to_vec();
    let mut err = None;
    let req = sel.request(sock.next_seq());
    let sum = sock.dump_with(&req, |msg| {
        let RtnlMessage::Route(m) = msg.body() else { return ControlFlow::Continue(()) };
        if !sel.keeps(m) {
            return ControlFlow::Continue(());
        }
        let mut w = Writer::<_, NativeEndian>::new(VecBuffer(std::mem::take(&mut buf)));
        let r = msg.emit(&mut w);
        buf = w.into_inner().0;
        if let Err(e) = r {
            err = Some(Fail::error(format!("cannot re-encode a route: {e}")));
            return ControlFlow::Break(());
        }
        if buf.len() >= CHUNK {
            if let Err(e) = out.write_all(&buf) {
                err = Some(Fail::error(format!("cannot write the routes: {e}")));
                return ControlFlow::Break(());
            }
            buf.clear();
        }
        ControlFlow::Continue(())
    });
    if let Some(e) = err {
        return Err(e);
    }
    // ip tolerates a main table that does not exist (ENOENT) when saving
    match sum {
        Err(rtnl_io::Error::Kernel(k)) if k.errno == libc::ENOENT && sel.table == Some(RouteTable::MAIN.0) => {}
        r => {
            let s = r.map_err(|e| dump_failed(e, "Dump"))?;
            if s.interrupted {
                eprintln!("Dump was interrupted and may be inconsistent.");
                out.write_all(&buf).and_then(|()| out.flush()).map_err(|e| Fail::error(e.to_string()))?;
                return Ok(ExitCode::from(1));
            }
        }
    }
    out.write_all(&buf).and_then(|()| out.flush()).map_err(|e| Fail::error(format!("cannot write the routes: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

/// Reads a saved file (`route save`, `rule save`) from stdin: its
/// messages after `magic` (ip's words when stdin is a terminal or the magic
/// is wrong; `what` is "restore" or "restore rule", as ip words it).
pub(crate) fn read_saved(magic_want: u32, what: &str) -> Result<Vec<u8>, Fail> {
    let mut input = std::io::stdin().lock();
    if input.is_terminal() {
        return Err(Fail::error(format!("Can't {what} dump from a terminal")));
    }
    let mut data = Vec::new();
    input.read_to_end(&mut data).map_err(|e| Fail::error(format!("cannot read stdin: {e}")))?;
    let magic = data.get(..4).map(|m| u32::from_ne_bytes([m[0], m[1], m[2], m[3]])).unwrap_or(0);
    if magic != magic_want {
        return Err(Fail::error(format!("Magic mismatch ({} elems, {magic:x} magic)", u8::from(data.len() >= 4))));
    }
    data.drain(..4);
    Ok(data)
}

/// Writes a saved file to stdout: `magic`, then `rows` (messages as the
/// kernel sent them); refused on a terminal, as ip does.
pub(crate) fn write_saved(magic: u32, rows: &[Vec<u8>], what: &str) -> Result<ExitCode, Fail> {
    let mut out = std::io::stdout().lock();
    if out.is_terminal() {
        return Err(Fail::error("Not sending a binary stream to stdout"));
    }
    let mut buf = magic.to_ne_bytes().to_vec();
    for r in rows {
        buf.extend_from_slice(r);
    }
    out.write_all(&buf).and_then(|()| out.flush()).map_err(|e| Fail::error(format!("cannot write the {what}: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

/// Sends each saved message back to be created (`NLM_F_CREATE`, its own
/// flags kept) and acknowledged; one that exists already is not an error,
/// any other refusal stops the restore and is reported with the message's
/// number (`noun`: "rule", "address").
pub(crate) fn restore_saved(g: &Global, data: &[u8], noun: &str) -> Result<ExitCode, Fail> {
    let mut sock = g.socket()?;
    for (n, msg) in Messages::new(data).enumerate() {
        let msg = msg.map_err(|e| Fail::error(format!("{noun} {}: {e}", n + 1)))?;
        let mut req = msg.bytes().to_vec();
        let flags = msg.flags() | NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK;
        rtnl_core::wire::NlMsgHdr::<NativeEndian>::reframe(&mut req, msg.ty(), flags, sock.next_seq(), 0);
        match sock.request(&req) {
            Ok(_) => {}
            Err(rtnl_io::Error::Kernel(k)) if k.errno == libc::EEXIST => {}
            Err(e) => return Err(Fail::kernel(format!("{e}\nrestoring {noun} {} failed", n + 1))),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `route restore < FILE`: adds the saved routes in ip's three passes
/// (routes to local addresses, then to local networks, then through
/// gateways), each acknowledged; one that exists already is not an error,
/// any other refusal stops the restore and is reported.
pub fn restore(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    if let Some(a) = args.first() {
        return Err(Fail::usage(format!("Error: either \"to\" is duplicate, or \"{a}\" is a garbage.")));
    }
    let data = read_saved(ROUTE_DUMP_MAGIC, "restore route")?;
    let mut sock = g.socket()?;
    for prio in 0..3 {
        for (n, msg) in Messages::new(&data).enumerate() {
            let msg = msg.map_err(|e| Fail::error(format!("route {}: {e}", n + 1)))?;
            let msg = Message::decode(msg);
            let RtnlMessage::Route(m) = msg.body() else { continue };
            // ip's passes, but a route whose gateways are in RTA_VIA or its
            // next hops waits for the routes to them too (ip restores those
            // first, and the kernel refuses them: "Nexthop has invalid
            // gateway")
            let (mut gw, mut psrc, mut dst) = (false, None, None);
            for a in m.attrs().map_while(Result::ok) {
                match a {
                    RouteAttr::Gateway(_) | RouteAttr::Via(_) | RouteAttr::Multipath(_) => gw = true,
                    RouteAttr::PrefSrc(a) => psrc = Some(addr_bytes(&a)),
                    RouteAttr::Dst(a) => dst = Some(addr_bytes(&a)),
                    _ => {}
                }
            }
            let pass = match (gw, psrc) {
                (true, _) => 2,
                (false, Some(p)) if Some(p) != dst => 1,
                (false, _) => 0,
            };
            if pass != prio {
                continue;
            }
            let seq = sock.next_seq();
            let flags = msg.flags() | NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK;
            let req = reframed(&msg, msg.ty(), flags, seq)?;
            match sock.request(&req) {
                Ok(_) => {}
                Err(rtnl_io::Error::Kernel(k)) if k.errno == libc::EEXIST => {}
                Err(e) => return Err(Fail::kernel(format!("{e}\nrestoring route {} failed", n + 1))),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `route showdump < FILE`: prints the routes of a saved file.
pub fn showdump(g: &Global, _args: &[String]) -> Result<ExitCode, Fail> {
    let data = read_saved(ROUTE_DUMP_MAGIC, "restore route")?;
    let mut sock = g.plain_socket()?;
    let names = names(g, &mut sock)?;
    let mut p = Printer::new(g, Show::tables(true));
    for msg in Messages::new(&data) {
        let msg = Message::decode(msg.map_err(|e| Fail::error(e.to_string()))?);
        if let RtnlMessage::Route(m) = msg.body() {
            if p.route(&msg, m, &names).is_break() {
                break;
            }
        }
    }
    p.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// `route get ADDRESS …`: the kernel's FIB lookup, printed as ip prints it.
pub fn get(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    // as ip: a lookup without an address is refused with 1
    let q =
        Query::parse(args, g.family)
            .map_err(|e| if e.starts_with("need at least") { Fail::error(e) } else { e.into() })?;
    let mut sock = g.socket()?;
    let names = names(g, &mut sock)?;
    // a lookup's answer: nothing hidden, its table named
    let show = Show { table: true, details: g.details, stats: g.stats > 0, oneline: g.oneline, ..Default::default() };
    let mut p = Printer::new(g, show);
    let answer = q.ask(&mut sock)?;
    let src = print_answer(&mut p, &answer, &names)?;
    if q.connected && q.from.is_none() {
        // as ip: the answer, then the lookup again from the source it chose
        let Some(src) = src else { return Err(Fail::error("Failed to connect the route")) };
        let mut q2 = q.clone();
        q2.from = Some((src, if src.is_ipv4() { 32 } else { 128 }));
        print_answer(&mut p, &q2.ask(&mut sock)?, &names)?;
    }
    p.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Prints a lookup's answer; the source address it chose.
fn print_answer(p: &mut Printer<'_>, answer: &[u8], names: &DevNames) -> Result<Option<IpAddr>, Fail> {
    let msg = Message::<NativeEndian>::decode(
        rtnl_core::wire::NlMsg::new_checked(answer).map_err(|e| Fail::error(e.to_string()))?,
    );
    let RtnlMessage::Route(m) = msg.body() else { return Err(Fail::error("Not a route?")) };
    let _ = p.route(&msg, m, names);
    Ok(m.attrs().map_while(Result::ok).find_map(|a| match a {
        RouteAttr::PrefSrc(Address::V4(v)) | RouteAttr::Src(Address::V4(v)) => Some(IpAddr::V4(v)),
        RouteAttr::PrefSrc(Address::V6(v)) | RouteAttr::Src(Address::V6(v)) => Some(IpAddr::V6(v)),
        _ => None,
    }))
}

/// `route get`'s query.
#[derive(Debug, Clone, Default)]
struct Query {
    family: u8,
    dst: Option<(IpAddr, u8)>,
    from: Option<(IpAddr, u8)>,
    tos: u8,
    iif: Option<u32>,
    oif: Option<u32>,
    mark: u32,
    uid: Option<u32>,
    ipproto: Option<u8>,
    sport: Option<u16>,
    dport: Option<u16>,
    flowlabel: Option<u32>,
    newdst: Option<Vec<u32>>,
    notify: bool,
    connected: bool,
    fibmatch: bool,
}

/// An IP protocol by name (`/etc/protocols`' usual ones) or number.
pub(crate) fn ip_proto(s: &str) -> Option<u8> {
    const NAMES: &[(&str, u8)] = &[
        ("ip", 0),
        ("icmp", 1),
        ("igmp", 2),
        ("tcp", 6),
        ("udp", 17),
        ("ipv6", 41),
        ("gre", 47),
        ("esp", 50),
        ("ah", 51),
        ("ipv6-icmp", 58),
        ("icmpv6", 58),
        ("sctp", 132),
        ("udplite", 136),
        ("mptcp", 0),
    ];
    NAMES.iter().find(|(n, _)| *n == s).map(|(_, v)| *v).or_else(|| s.parse().ok())
}

impl Query {
    fn parse(args: &[String], family: u8) -> Result<Self, String> {
        let mut q = Query { family, ..Default::default() };
        let mut it = args.iter();
        let need = |v: Option<&String>| -> Result<String, String> { crate::grammar::need(v).cloned() };
        let addr = |s: &str, fam: u8| -> Result<(IpAddr, u8), String> {
            let bad = || format!("Error: {} prefix is expected rather than \"{s}\".", fam_name(fam));
            let (a, len) = match s.split_once('/') {
                Some((a, l)) => (a, Some(l.parse::<u8>().map_err(|_| bad())?)),
                None => (s, None),
            };
            let a: IpAddr = r::parse_ip(a).ok_or_else(bad)?;
            let max = if a.is_ipv4() { 32 } else { 128 };
            if fam != 0 && fam != if a.is_ipv4() { AF_INET } else { AF_INET6 } {
                return Err(bad());
            }
            Ok((a, len.unwrap_or(max).min(max)))
        };
        let fam_of = |a: &IpAddr| if a.is_ipv4() { AF_INET } else { AF_INET6 };
        while let Some(a) = it.next() {
            let word = grammar::keyword(a, crate::route::GET.keywords, "route")?;
            match word {
                Some("tos") => q.tos = r::parse_tos(&need(it.next())?)?,
                Some("from") => {
                    let v = addr(&need(it.next())?, q.family)?;
                    if q.family == 0 {
                        q.family = fam_of(&v.0);
                    }
                    q.from = Some(v);
                }
                Some("iif") => q.iif = Some(r::ifindex(&need(it.next())?)?),
                Some("mark") => q.mark = r::parse_u32(&need(it.next())?, "mark")?,
                Some("oif") => q.oif = Some(r::ifindex(&need(it.next())?)?),
                Some("notify") => q.notify = true,
                Some("connected") => q.connected = true,
                Some("uid") => q.uid = Some(r::parse_u32(&need(it.next())?, "uid")?),
                Some("fibmatch") => q.fibmatch = true,
                Some("as") => {
                    let mut v = need(it.next())?;
                    if v == "to" {
                        v = need(it.next())?;
                    }
                    q.newdst = Some(
                        v.split('/')
                            .map(|l| l.parse::<u32>().ok().filter(|l| *l < 1 << 20))
                            .collect::<Option<Vec<_>>>()
                            .ok_or(format!("Error: argument \"{v}\" is wrong: invalid label"))?,
                    );
                }
                Some(k @ ("sport" | "dport")) => {
                    let v = need(it.next())?;
                    let n = r::parse_u32(&v, k)?;
                    let n = u16::try_from(n).map_err(|_| format!("Error: argument \"{v}\" is wrong: invalid {k}"))?;
                    if k == "sport" {
                        q.sport = Some(n);
                    } else {
                        q.dport = Some(n);
                    }
                }
                Some("ipproto") => {
                    let v = need(it.next())?;
                    q.ipproto = Some(
                        ip_proto(&v).ok_or(format!("Error: argument \"{v}\" is wrong: Invalid \"ipproto\" value"))?,
                    );
                }
                Some("flowlabel") => q.flowlabel = Some(r::parse_u32(&need(it.next())?, "flowlabel")?),
                Some(other) if other != "to" => return Err(grammar::no_case(other)),
                _ => {
                    let v = if word == Some("to") { need(it.next())? } else { a.clone() };
                    let (d, len) = addr(&v, q.family)?;
                    if q.family == 0 {
                        q.family = fam_of(&d);
                    }
                    let host = if d.is_ipv4() { 32 } else { 128 };
                    if len != host {
                        eprintln!("Warning: /{len} as prefix is invalid, only /{host} (or none) is supported.");
                    }
                    q.dst = Some((d, host));
                }
            }
        }
        if q.dst.is_none() {
            return Err("need at least a destination address".into());
        }
        if q.family == 0 {
            q.family = AF_INET;
        }
        Ok(q)
    }

    /// Sends the lookup; the kernel's answer (one `RTM_NEWROUTE`).
    fn ask(&self, sock: &mut Socket) -> Result<Vec<u8>, Fail> {
        let mut h = RtMsg::<NativeEndian> { rtm_family: self.family, rtm_tos: self.tos, ..Default::default() };
        let mut flags = 0u32;
        // only IPv4 takes RTM_F_LOOKUP_TABLE
        if self.family == AF_INET {
            flags |= rt::RTM_F_LOOKUP_TABLE;
        }
        if self.fibmatch {
            flags |= rt::RTM_F_FIB_MATCH;
        }
        if self.notify {
            flags |= rt::RTM_F_NOTIFY;
        }
        h.rtm_flags.set(flags);
        if let Some((_, len)) = self.dst {
            h.rtm_dst_len = len;
        }
        if let Some((_, len)) = self.from {
            h.rtm_src_len = len;
        }
        let seq = sock.next_seq();
        let mut w = Writer::new(VecBuffer::default());
        rt::request(&mut w, rt::RTM_GETROUTE, NLM_F_REQUEST | NLM_F_ACK, seq, &h, |b| {
            if let Some((s, _)) = self.from {
                b.src(s.into())?;
            }
            if let Some((d, _)) = self.dst {
                b.dst(d.into())?;
            }
            if let Some(l) = &self.newdst {
                let mut st = vec![0u8; l.len() * 4];
                let labels = rtnl_core::net::Labels::encode(l, &mut st).ok_or(rtnl_core::wire::EncodeError::BadMark)?;
                b.newdst(labels)?;
            }
            if let Some(u) = self.uid {
                b.uid(u)?;
            }
            if let Some(p) = self.sport {
                b.sport(rtnl_core::typed::Be16(p))?;
            }
            if let Some(p) = self.dport {
                b.dport(rtnl_core::typed::Be16(p))?;
            }
            if let Some(p) = self.ipproto {
                b.ip_proto(p)?;
            }
            if let Some(f) = self.flowlabel {
                b.flowlabel(rtnl_core::typed::Be32(f))?;
            }
            if let Some(i) = self.iif {
                b.iif(i)?;
            }
            if let Some(o) = self.oif {
                b.oif(o)?;
            }
            if self.mark != 0 {
                b.mark(self.mark)?;
            }
            Ok(())
        })
        .map_err(|e| Fail::error(e.to_string()))?;
        let req = w.into_inner().0;
        let mut answer = None;
        sock.request_with(&req, |msg| {
            if answer.is_none() && matches!(msg.body(), RtnlMessage::Route(_)) {
                answer = reframed(&msg, msg.ty(), msg.flags(), msg.header().nlmsg_seq.get()).ok();
            }
        })?;
        answer.ok_or_else(|| Fail::kernel("the kernel acknowledged the lookup without answering it"))
    }
}

#[cfg(test)]
mod tests {
    //! Every keyword the grammar tables offer (in help, completion and the
    //! man page) is one the parsers take: the tables and the parsers
    //! cannot drift apart.
    use super::*;
    use crate::grammar::{Arg, Kw};
    use crate::route::{RouteSpec, GET, ROUTE_SPEC};

    fn sample(k: &Kw) -> Vec<String> {
        let v: &[&str] = match (k.name(), &k.arg) {
            ("nexthop", _) => &["via", "10.0.0.1", "dev", "lo"],
            ("encap", _) => &["mpls", "100"],
            (_, Arg::None) => &[],
            (_, Arg::OneOf(_, vals)) => return vec![vals[0].to_owned()],
            (_, Arg::Dev) => &["lo"],
            (_, Arg::Netns) => &["x"],
            ("as", _) => &["to", "100"],
            ("congctl", _) => &["lock", "cubic"],
            ("tos", _) => &["0x10"],
            ("ipproto", _) => &["udp"],
            (_, Arg::Value(m)) if m.contains("PREFIX") => &["10.0.0.0/8"],
            (_, Arg::Value(m)) if m.contains("ADDRESS") => &["10.0.0.1"],
            (_, Arg::Value(m)) if m.contains("NUMBER") || *m == "ID" => &["5"],
            (n, a) => panic!("no sample value for {n} {a:?}"),
        };
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    fn words(head: &[&str], k: &Kw) -> Vec<String> {
        let mut w: Vec<String> = head.iter().map(|s| (*s).to_owned()).collect();
        w.push(k.name().to_owned());
        w.extend(sample(k));
        w
    }

    #[test]
    fn every_selector_keyword_parses() {
        for k in SELECTOR.keywords.iter().filter(|k| k.ready) {
            let w = words(&[], k);
            assert!(Selector::parse(&w, 0).is_ok(), "route show {w:?}: {:?}", Selector::parse(&w, 0).err());
        }
    }

    #[test]
    fn every_route_keyword_parses() {
        for k in ROUTE_SPEC.keywords.iter().filter(|k| k.ready) {
            let head: &[&str] = if k.name() == "to" { &[] } else { &["10.0.0.0/8"] };
            let w = words(head, k);
            let r = RouteSpec::parse(&w, 0);
            assert!(r.is_ok(), "route add {w:?}: {:?}", r.err());
        }
    }

    #[test]
    fn every_get_keyword_parses() {
        for k in GET.keywords.iter().filter(|k| k.ready) {
            let head: &[&str] = if k.name() == "to" { &[] } else { &["10.0.0.1"] };
            let w = words(head, k);
            let r = Query::parse(&w, 0);
            assert!(r.is_ok(), "route get {w:?}: {:?}", r.err());
        }
    }

    #[test]
    fn keywords_not_ready_are_refused_by_name() {
        for (set, head) in [(&SELECTOR, &[][..]), (&ROUTE_SPEC, &["10.0.0.0/8"][..]), (&GET, &["10.0.0.1"][..])] {
            for k in set.keywords.iter().filter(|k| !k.ready) {
                let mut w: Vec<String> = head.iter().map(|s| (*s).to_owned()).collect();
                w.extend([k.name().to_owned(), "x".to_owned()]);
                let e = match set.name {
                    "SELECTOR" => Selector::parse(&w, 0).err(),
                    "ROUTE" => RouteSpec::parse(&w, 0).err(),
                    _ => Query::parse(&w, 0).err(),
                };
                let e = e.unwrap_or_default();
                assert!(e.contains(&format!("\"{}\" is not implemented", k.name())), "{w:?}: {e}");
            }
        }
    }

    #[test]
    fn selectors_match_as_ips_filter() {
        assert!(addr_match(
            &[10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            &[10, 1, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            16
        ));
        assert!(!addr_match(
            &[10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            &[10, 1, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            17
        ));
        assert!(addr_match(&[0xff; 16], &[0; 16], 0));
        assert!(addr_match(&[0xff; 16], &[0xff; 16], 128));
        assert!(Pfx::parse("fd00::/8", AF_INET).is_err());
        assert_eq!(Pfx::parse("10/8", 0).map(|p| (p.family, p.data[0], p.len)).ok(), Some((AF_INET, 10, 8)));
        assert_eq!(Pfx::parse("default", 0).map(|p| (p.family, p.len)).ok(), Some((0, 0)));
    }
}
