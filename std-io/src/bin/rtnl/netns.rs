//! `rtnl netns list | list-id | set`: named network namespaces and the ids
//! the kernel gives them (`RTM_GETNSID` / `RTM_NEWNSID`), as iproute2
//! 6.1's `ip netns` prints and parses them (text and `-j`). With `-n NS`
//! the ids are those namespace `NS` sees.

use std::process::ExitCode;

use rtnl_core::message::RtnlMessage;
use rtnl_core::nsid::{self, NsidMessage, RTM_DELNSID, RTM_GETNSID};
use rtnl_core::wire::flags::Request;
use rtnl_core::wire::Writer;
use rtnl_io::netns::{nsid_of, set_nsid, Netns};
use rtnl_io::VecBuffer;

use crate::grammar::{self, kw, verb, Arg, KwSet, Object, M};
use crate::ipjson::{List, Out};
use crate::{Fail, Global};

/// `netns list-id`'s keywords.
pub const NETNS_LIST_ID: KwSet = KwSet {
    name: "LIST-ID",
    keywords: &[
        kw(&[("target-nsid", M::Exact)], Arg::Value("POSITIVE-INT"), "the ids namespace N (by id) has"),
        kw(&[("nsid", M::Exact)], Arg::Value("POSITIVE-INT"), "this id only"),
    ],
    positional: None,
};

/// `ip netns`'s verbs, in ip's order.
pub const NETNS: Object = Object {
    name: "netns",
    help: "named network namespaces and their ids: list them, list and set ids (like ip netns)",
    verbs: &[
        verb(
            &[("list", M::Prefix), ("show", M::Prefix), ("lst", M::Prefix)],
            "",
            &[],
            "list the named namespaces (/run/netns) with their ids",
            true,
        ),
        verb(&[("list-id", M::Prefix)], "[ target-nsid N ] [ nsid N ]", &[&NETNS_LIST_ID], "list the ids", true),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
        verb(&[("add", M::Prefix)], "NAME", &[], "create a namespace", false),
        verb(&[("set", M::Prefix)], "NAME NETNSID", &[], "give a namespace an id (auto: the kernel chooses)", true),
        verb(&[("delete", M::Prefix)], "NAME", &[], "delete a namespace", false),
        verb(&[("identify", M::Prefix)], "[ PID ]", &[], "the namespace of a process", false),
        verb(&[("pids", M::Prefix)], "NAME", &[], "the processes of a namespace", false),
        verb(&[("exec", M::Prefix)], "NAME CMD ...", &[], "run a command in a namespace", false),
        verb(&[("monitor", M::Prefix)], "", &[], "watch namespaces come and go", false),
        verb(&[("attach", M::Prefix)], "NAME PID", &[], "name a process's namespace", false),
    ],
    synopsis: "NETNSID := auto | POSITIVE-INT",
    sets: &[],
    notes: "",
};

const RUN_DIR: &str = "/run/netns";

/// `rtnl netns …`.
pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (cmd, rest) = match args.split_first() {
        None => ("list", &[][..]),
        Some((c, r)) => (c.as_str(), r),
    };
    let Some(verb) = NETNS.verb(cmd) else {
        return Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl netns help\".")));
    };
    if !verb.kw.ready {
        return Err(Fail::usage(format!(
            "\"{}\" is not implemented in rtnl yet, try \"rtnl netns help\".",
            verb.kw.name()
        )));
    }
    match verb.kw.name() {
        "list" => list(g),
        "list-id" => list_id(g, rest),
        "set" => set(g, rest),
        _ => Ok(grammar::print_usage(&NETNS)),
    }
}

/// The names in `/run/netns`, in directory order (as ip's `readdir`).
fn names() -> Vec<String> {
    std::fs::read_dir(RUN_DIR)
        .map(|d| d.filter_map(Result::ok).filter_map(|e| e.file_name().into_string().ok()).collect())
        .unwrap_or_default()
}

/// `netns list`: each name, with its id when it has one.
fn list(g: &Global) -> Result<ExitCode, Fail> {
    let mut sock = g.socket()?;
    let mut out = List::new(g);
    for n in names() {
        let mut o = out.entry();
        o.str("name", &n, &n);
        // a name whose file is not a namespace (or is gone) has no id
        if let Ok(Some(id)) = nsid_of(&mut sock, &Netns::Name(&n)) {
            o.num("id", &format!(" (id: {id})"), id as u64);
        }
        out.push(o);
    }
    out.finish()
}

/// A positive integer as ip's `get_integer` reads it (decimal, `0x` hex,
/// `0` octal), or ip's complaint.
fn positive(v: &str, what: &str) -> Result<i32, Fail> {
    let n = if let Some(h) = v.strip_prefix("0x").or_else(|| v.strip_prefix("0X")) {
        i64::from_str_radix(h, 16).ok()
    } else if v.len() > 1 && v.starts_with('0') {
        i64::from_str_radix(&v[1..], 8).ok()
    } else {
        v.parse::<i64>().ok()
    };
    match n.and_then(|n| i32::try_from(n).ok()) {
        None => Err(Fail::usage(format!("Error: argument \"{v}\" is wrong: \"{what}\" value is invalid"))),
        Some(n) if n < 0 => {
            Err(Fail::usage(format!("Error: argument \"{v}\" is wrong: \"{what}\" value should be >= 0")))
        }
        Some(n) => Ok(n),
    }
}

/// `netns list-id [target-nsid N] [nsid N]`.
fn list_id(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (mut target, mut only) = (None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let slot = match a.as_str() {
            "target-nsid" => &mut target,
            "nsid" => &mut only,
            _ => return Err(Fail::usage(grammar::usage(&NETNS))),
        };
        if slot.is_some() {
            return Err(Fail::usage(format!("Error: duplicate \"{a}\": \"{a}\" is the second value.")));
        }
        *slot = Some(positive(grammar::need(it.next())?, a)?);
    }
    let mut sock = g.socket()?;
    let mut w = Writer::new(VecBuffer::default());
    let flags = if only.is_some() { Request::Plain.flags() } else { Request::Dump.flags() };
    nsid::request(&mut w, RTM_GETNSID, flags, sock.next_seq(), |a| {
        if let Some(n) = only {
            a.nsid(n)?;
        }
        if let Some(t) = target {
            a.target_nsid(t)?;
        }
        Ok(())
    })
    .map_err(|e| Fail::error(e.to_string()))?;
    let req = w.into_inner().0;
    let rows = if only.is_some() {
        let mut rows = Vec::new();
        sock.request_with(&req, |m| {
            if matches!(m.body(), RtnlMessage::Nsid(_)) {
                let mut w = Writer::new(VecBuffer::default());
                if m.emit(&mut w).is_ok() {
                    rows.push(w.into_inner().0);
                }
            }
        })
        .map_err(|e| Fail::kernel(e.to_string()))?;
        rows
    } else {
        crate::dump_kept(&mut sock, &req, "a namespace id", |m| matches!(m.body(), RtnlMessage::Nsid(_)))?
    };
    // the names as the requester sees them: each named namespace's id
    let named: Vec<(i32, String)> = names()
        .into_iter()
        .filter_map(|n| nsid_of(&mut sock, &Netns::Name(&n)).ok().flatten().map(|id| (id, n)))
        .collect();
    let mut out = List::new(g);
    for b in &rows {
        let Some((ty, n)) = decoded(b) else { continue };
        let mut o = out.entry();
        write_nsid(&mut o, ty, &n, &named);
        out.push(o);
    }
    out.finish()
}

fn decoded(b: &[u8]) -> Option<(u16, NsidMessage<'_>)> {
    crate::decoded(b, |m| match m {
        RtnlMessage::Nsid(n) => Some(n.clone()),
        _ => None,
    })
}

/// One id as `print_nsid` prints it; `named` the ids of `/run/netns`'s
/// names.
fn write_nsid(o: &mut Out, ty: u16, n: &NsidMessage<'_>, named: &[(i32, String)]) {
    if ty == RTM_DELNSID {
        o.lit("deleted", "Deleted ", "true");
    }
    let nsid = n.nsid().unwrap_or(nsid::NETNSA_NSID_NOT_ASSIGNED);
    if nsid < 0 {
        o.text("nsid unassigned ");
    } else {
        o.lit("nsid", &format!("nsid {nsid} "), &nsid.to_string());
    }
    let current = n.current_nsid();
    if let Some(c) = current {
        if c < 0 {
            o.text("current-nsid unassigned ");
        } else {
            o.lit("current-nsid", &format!("current-nsid {c} "), &c.to_string());
        }
    }
    let key = current.unwrap_or(nsid);
    if let Some((_, name)) = named.iter().find(|(id, _)| *id == key && key >= 0) {
        o.str("name", &format!("(iproute2 netns name: {name})"), name);
    }
}

/// A namespace id notification as `ip monitor nsid` prints it.
pub fn print_notification(ty: u16, n: &NsidMessage<'_>, g: &Global) {
    let named: Vec<(i32, String)> = match g.socket() {
        Ok(mut sock) => names()
            .into_iter()
            .filter_map(|x| nsid_of(&mut sock, &Netns::Name(&x)).ok().flatten().map(|id| (id, x)))
            .collect(),
        Err(_) => Vec::new(),
    };
    let mut o = Out::new(false);
    write_nsid(&mut o, ty, n, &named);
    println!("{}", o.s);
}

/// `netns set NAME NETNSID`.
fn set(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let Some(name) = args.first() else { return Err(Fail::error("No netns name specified")) };
    let Some(id) = args.get(1) else { return Err(Fail::error("No nsid specified")) };
    let nsid = match id.as_str() {
        "auto" => None,
        v => Some(positive(v, "netnsid").map_err(|_| {
            Fail::usage(if v.parse::<i64>().is_ok_and(|n| n < 0) {
                format!("Error: argument \"{v}\" is wrong: \"netnsid\" value should be >= 0")
            } else {
                format!("Error: argument \"{v}\" is wrong: Invalid \"netnsid\" value")
            })
        })?),
    };
    let ns = Netns::Name(name);
    if let Err(e) = std::fs::File::open(std::path::Path::new(RUN_DIR).join(name)) {
        let why = e.raw_os_error().map_or_else(|| e.to_string(), |c| nix::errno::Errno::from_raw(c).desc().to_owned());
        return Err(Fail::error(format!("Cannot open network namespace \"{name}\": {why}")));
    }
    let mut sock = g.socket()?;
    set_nsid(&mut sock, &ns, nsid).map_err(|e| Fail::kernel(e.to_string()))?;
    Ok(ExitCode::SUCCESS)
}
