//! `rtnl addrlabel list | add | del | flush`: the IPv6 address selection
//! policy table (RFC 6724 labels, `RTM_*ADDRLABEL`), as iproute2 6.1's
//! `ip addrlabel` prints and parses it (text and `-j`).

use std::process::ExitCode;

use rtnl_core::addr::{self, AddrLabelMessage, IfAddrLblMsg, RTM_DELADDRLABEL, RTM_GETADDRLABEL, RTM_NEWADDRLABEL};
use rtnl_core::message::RtnlMessage;
use rtnl_core::net::{Address, AF_INET6};
use rtnl_core::wire::flags::Request;
use rtnl_core::wire::{NativeEndian, NlMsgHdr, Writer};
use rtnl_io::{link_names, VecBuffer};

use crate::grammar::{self, kw, need, verb, Arg, KwSet, Object, M};
use crate::ipjson::{List, Out};
use crate::route::{dev_name, DevNames};
use crate::{Fail, Global};

/// `addrlabel add` and `del`'s keywords.
pub const ADDRLABEL_SPEC: KwSet = KwSet {
    name: "LABEL",
    keywords: &[
        kw(&[("prefix", M::Exact)], Arg::Value("PREFIX"), "the prefix the label is for"),
        kw(&[("dev", M::Exact)], Arg::Dev, "the interface it applies on (default: any)"),
        kw(&[("label", M::Exact)], Arg::Value("LABEL"), "the label (0 to 4294967294)"),
    ],
    positional: None,
};

/// `ip addrlabel`'s verbs, in ip's order.
pub const ADDRLABEL: Object = Object {
    name: "addrlabel",
    help: "the IPv6 address selection labels: list, add, delete, flush them (like ip addrlabel)",
    verbs: &[
        verb(&[("list", M::Prefix), ("lst", M::Prefix), ("show", M::Prefix)], "", &[], "list the labels", true),
        verb(&[("add", M::Prefix)], "prefix PREFIX [ dev DEV ] label LABEL", &[&ADDRLABEL_SPEC], "add a label", true),
        verb(
            &[("delete", M::Prefix)],
            "prefix PREFIX [ dev DEV ] label LABEL",
            &[&ADDRLABEL_SPEC],
            "delete a label",
            true,
        ),
        verb(&[("flush", M::Prefix)], "", &[], "delete every label (the kernel's defaults too)", true),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "",
};

/// `rtnl addrlabel …`.
pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (cmd, rest) = match args.split_first() {
        None => ("list", &[][..]),
        Some((c, r)) => (c.as_str(), r),
    };
    match ADDRLABEL.verb(cmd).map(|v| v.kw.name()) {
        Some("list") if rest.is_empty() => list(g),
        Some("list") => Err(Fail::error("\"ip addrlabel show\" does not take any arguments.")),
        Some("add") => modify(g, RTM_NEWADDRLABEL, rest),
        Some("delete") => modify(g, RTM_DELADDRLABEL, rest),
        Some("flush") if rest.is_empty() => flush(g),
        Some("flush") => Err(Fail::error("\"ip addrlabel flush\" does not allow extra arguments")),
        Some(_) => Ok(grammar::print_usage(&ADDRLABEL)),
        None => Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl addrlabel help\"."))),
    }
}

fn dump(g: &Global, sock: &mut rtnl_io::Socket) -> Result<Vec<Vec<u8>>, Fail> {
    let family = if g.family == 0 { AF_INET6 } else { g.family };
    let hdr = IfAddrLblMsg { ifal_family: family, ..Default::default() };
    let req = rtnl_io::dump_request(sock.next_seq(), RTM_GETADDRLABEL, &hdr);
    crate::dump_kept(sock, &req, "an address label", |m| {
        matches!(m.body(), RtnlMessage::AddrLabel(_)) && matches!(m.ty(), RTM_NEWADDRLABEL | RTM_DELADDRLABEL)
    })
}

fn decoded(b: &[u8]) -> Option<(u16, AddrLabelMessage<'_>)> {
    crate::decoded(b, |m| match m {
        RtnlMessage::AddrLabel(l) => Some(l.clone()),
        _ => None,
    })
}

/// One label as `print_addrlabel` prints it.
fn write_label(o: &mut Out, ty: u16, l: &AddrLabelMessage<'_>, names: &DevNames) {
    let h = l.header();
    if ty == RTM_DELADDRLABEL {
        o.lit("deleted", "Deleted ", "true");
    }
    let (mut address, mut label) = (None, None);
    for a in l.attrs().flatten() {
        match a {
            addr::AddrLabelAttr::Address(a) => address = address.or(Some(a)),
            addr::AddrLabelAttr::Label(v) => label = label.or(Some(v)),
            _ => {}
        }
    }
    if let Some(a) = address {
        let t = match a {
            Address::Other(b) => b.iter().map(|x| format!("{x:02x}")).collect::<Vec<_>>().join(":"),
            a => a.to_string(),
        };
        o.text("prefix ");
        o.str("address", &t, &t);
        o.num("prefixlen", &format!("/{} ", h.ifal_prefixlen), h.ifal_prefixlen.into());
    }
    let i = h.ifal_index.get();
    if i != 0 {
        let n = dev_name(names, i);
        o.text("dev ");
        o.str("ifname", &format!("{n} "), &n);
    }
    if let Some(v) = label {
        o.num("label", &format!("label {v} "), v.into());
    }
}

/// A label notification as `ip monitor` prints it.
pub fn print_notification(ty: u16, l: &AddrLabelMessage<'_>, names: &DevNames) {
    let mut o = Out::new(false);
    write_label(&mut o, ty, l, names);
    println!("{}", o.s);
}

fn list(g: &Global) -> Result<ExitCode, Fail> {
    let mut sock = g.socket()?;
    let names = DevNames::new(link_names(&mut sock)?);
    let mut out = List::new(g);
    for b in dump(g, &mut sock)? {
        if let Some((ty, l)) = decoded(&b) {
            let mut o = out.entry();
            write_label(&mut o, ty, &l, &names);
            out.push(o);
        }
    }
    out.finish()
}

/// `add` / `del`: ip reads `prefix`, `dev` and `label` and skips any other
/// word; both `prefix` and `label` are required.
fn modify(g: &Global, ty: u16, args: &[String]) -> Result<ExitCode, Fail> {
    let mut hdr = IfAddrLblMsg { ifal_family: g.family, ..Default::default() };
    let (mut prefix, mut label) = (None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "prefix" => {
                let (ip, len, _) = crate::addr::prefix(need(it.next())?)?;
                prefix = Some((ip, len));
            }
            "dev" => {
                let d = need(it.next())?;
                let i = crate::route::ifindex(d)
                    .map_err(|_| Fail::usage(format!("Error: argument \"{d}\" is wrong: dev is invalid\n")))?;
                hdr.ifal_index = i.into();
            }
            "label" => {
                let v = need(it.next())?;
                let l = crate::route::parse_u32(v, "label")
                    .ok()
                    .filter(|&l| l != u32::MAX)
                    .ok_or_else(|| Fail::usage(format!("Error: argument \"{v}\" is wrong: label is invalid\n")))?;
                label = Some(l);
            }
            _ => {}
        }
    }
    let Some((ip, len)) = prefix else {
        return Err(Fail::error("Not enough information: \"prefix\" argument is required."));
    };
    let Some(label) = label else {
        return Err(Fail::error("Not enough information: \"label\" argument is required."));
    };
    hdr.ifal_prefixlen = len;
    if hdr.ifal_family == 0 {
        hdr.ifal_family = AF_INET6;
    }
    let flags = if ty == RTM_NEWADDRLABEL { Request::Add.flags() } else { Request::Plain.flags() };
    let mut sock = g.socket()?;
    let mut w = Writer::new(VecBuffer::default());
    addr::label_request(&mut w, ty, flags, sock.next_seq(), &hdr, |a| a.label(label)?.address(ip.into()).map(drop))
        .map_err(|e| Fail::error(e.to_string()))?;
    crate::acked(&mut sock, &w.into_inner().0)
}

/// `flush`: every label dumped, deleted as dumped (a refusal is an error).
fn flush(g: &Global) -> Result<ExitCode, Fail> {
    let mut sock = g.socket()?;
    for mut b in dump(g, &mut sock)? {
        let has_address = decoded(&b).is_some_and(|(_, l)| l.find(addr::IFAL_ADDRESS).is_some());
        if !has_address {
            continue;
        }
        NlMsgHdr::<NativeEndian>::reframe(&mut b, RTM_DELADDRLABEL, Request::Plain.flags(), sock.next_seq(), 0);
        sock.request(&b).map_err(|e| Fail::kernel(format!("{e}\nFlush terminated")))?;
    }
    Ok(ExitCode::SUCCESS)
}
