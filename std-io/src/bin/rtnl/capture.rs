//! `rtnl capture dump TYPE [family N] [ifindex I] [parent P] [filter-mask M]
//! [action-kind K] FILE`: send a dump request for any `RTM_GET*` type and
//! write every reply datagram verbatim to FILE, and the request to
//! FILE's `.req.bin` sibling (`route.bin` → `route.req.bin`).
//!
//! The family header is zeroed but for the fields named: `family` is its
//! first byte; `ifindex` the header's interface-index field (`ifi_index`,
//! `tcm_ifindex`, `ifindex`, …), `parent` `tcm_parent`, `filter-mask`
//! `filter_mask` (`RTM_GETSTATS` needs one). `action-kind` adds the
//! `TCA_ROOT_TAB { 1 { TCA_ACT_KIND K } }` that action dumps require.
//! A link dump carries `IFLA_EXT_MASK` (`ext-mask M`, default
//! `RTEXT_FILTER_VF` as `ip link show` sends): without one the kernel leaves
//! out any link whose message exceeds 32 KiB. Not an `AF_INET6` one, which
//! the kernel refuses with any attribute.

use std::process::ExitCode;

use rtnl_core::message::ext_mask::RTEXT_FILTER_VF;
use rtnl_core::message::{family_of, types, write_action_kind_filter, HeaderLayout};
use rtnl_core::wire::flags::{NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST};
use rtnl_core::wire::Writer;
use rtnl_io::VecBuffer;

use crate::grammar::{Arg, Kw, KwSet, Object, M};
use crate::{Fail, Global};

macro_rules! opt {
    ($word:literal, $arg:literal, $help:literal) => {
        Kw { words: &[($word, M::Exact)], arg: Arg::Value($arg), help: $help, ready: true }
    };
}

/// `rtnl capture`'s options.
pub const CAPTURE_OPTS: KwSet = KwSet {
    name: "CAPTURE",
    keywords: &[
        opt!("family", "N", "the header's family byte"),
        opt!("ifindex", "I", "the header's interface index field"),
        opt!("parent", "P", "tcm_parent (tc dumps)"),
        opt!("filter-mask", "M", "filter_mask (RTM_GETSTATS needs one)"),
        opt!("action-kind", "K", "the TCA_ROOT_TAB { 1 { TCA_ACT_KIND K } } action dumps require"),
        opt!("ext-mask", "M", "IFLA_EXT_MASK (link dumps; default RTEXT_FILTER_VF)"),
        opt!("manifest", "FILE", "append a line describing the capture to FILE"),
    ],
    positional: Some(("FILE", "where the reply datagrams go (the request to FILE's .req.bin sibling)")),
};

/// `rtnl capture`.
pub const CAPTURE: Object = Object {
    name: "capture",
    help: "send a request for any RTM_GET type and write the kernel's reply datagrams verbatim",
    verbs: &[],
    synopsis: "{ dump | get } RTM_GETxxx CAPTURE",
    sets: &[&CAPTURE_OPTS],
    notes: "",
};

fn usage() -> String {
    crate::grammar::usage(&CAPTURE)
}

fn parse_num(s: &str) -> Result<u32, String> {
    let v = match s.strip_prefix("0x") {
        Some(h) => u32::from_str_radix(h, 16).ok(),
        // negative numbers (ifindex -1) as their 32-bit pattern
        None => s.parse::<u32>().ok().or_else(|| s.parse::<i32>().ok().map(|v| v as u32)),
    };
    v.ok_or_else(|| format!("Error: argument \"{s}\" is wrong: invalid number"))
}

/// Sets the header field `name` (1, 2 or 4 bytes, native order) to `v`.
fn set_field(header: &mut [u8], layout: &HeaderLayout, pick: impl Fn(&str) -> bool, v: u32) -> Result<(), String> {
    let &(_, off, size) = layout
        .fields
        .iter()
        .find(|(n, _, _)| pick(n))
        .ok_or_else(|| format!("struct {} has no such field", layout.name))?;
    let off = usize::from(off);
    let bytes = v.to_ne_bytes();
    match size.unsigned_abs() {
        4 => header[off..off + 4].copy_from_slice(&bytes),
        2 => header[off..off + 2].copy_from_slice(&(v as u16).to_ne_bytes()),
        _ => header[off] = v as u8,
    }
    Ok(())
}

pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    if args.first().is_some_and(|a| crate::matches(a, "help") || a == "--help") {
        return Ok(crate::grammar::print_usage(&CAPTURE));
    }
    let [what, ty, rest @ ..] = args else { return Err(usage().into()) };
    let dump = match what.as_str() {
        "dump" => true,
        "get" => false,
        _ => return Err(usage().into()),
    };
    let ty =
        types::type_from_name(ty).ok_or_else(|| format!("Error: argument \"{ty}\" is wrong: unknown message type"))?;
    let info = family_of(ty).ok_or("not an RTM_* type")?;
    let Some((file, opts)) = rest.split_last() else { return Err(usage().into()) };
    let mut header = vec![0u8; info.header.size];
    let mut action_kind = None;
    let mut ext_mask = None;
    let mut manifest = None;
    let mut it = opts.iter();
    while let Some(k) = it.next() {
        let v = it.next().ok_or_else(|| format!("Error: argument \"{k}\" is required\n{}", usage()))?;
        match crate::grammar::find(k, CAPTURE_OPTS.keywords).map(Kw::name).unwrap_or(k) {
            "family" => header[0] = parse_num(v)? as u8,
            "ifindex" => {
                set_field(&mut header, info.header, |n| n.ends_with("ifindex") || n == "ifi_index", parse_num(v)?)?
            }
            "parent" => set_field(&mut header, info.header, |n| n == "tcm_parent", parse_num(v)?)?,
            "filter-mask" => set_field(&mut header, info.header, |n| n == "filter_mask", parse_num(v)?)?,
            "action-kind" => action_kind = Some(v.clone()),
            "ext-mask" => ext_mask = Some(parse_num(v)?),
            "manifest" => manifest = Some(v.clone()),
            o => return Err(format!("Error: unknown option \"{o}\"\n{}", usage()).into()),
        }
    }
    let mut sock = g.socket()?;
    send(&mut sock, dump, ty, file, &header, action_kind, ext_mask, manifest).map_err(Fail::error)
}

/// Sends the request and records the replies (errors here are the
/// machine's: files, the socket).
#[allow(clippy::too_many_arguments)]
fn send(
    sock: &mut rtnl_io::Socket,
    dump: bool,
    ty: u16,
    file: &str,
    header: &[u8],
    action_kind: Option<String>,
    ext_mask: Option<u32>,
    manifest: Option<String>,
) -> Result<ExitCode, String> {
    let mut w = Writer::new(VecBuffer::default());
    let flags = if dump { NLM_F_REQUEST | NLM_F_DUMP } else { NLM_F_REQUEST | NLM_F_ACK };
    let m = w.begin_msg(ty, flags, sock.next_seq(), 0).map_err(|e| e.to_string())?;
    w.header(header).map_err(|e| e.to_string())?;
    if let Some(kind) = &action_kind {
        write_action_kind_filter(&mut w, kind).map_err(|e| e.to_string())?;
    }
    // (not for AF_INET6, whose link dump takes no attribute: "Invalid data
    // after header"; its messages are small)
    let link_dump = dump && ty == types::RTM_GETLINK && header[0] != rtnl_core::net::AF_INET6;
    if let Some(mask) = ext_mask.or(link_dump.then_some(RTEXT_FILTER_VF)) {
        rtnl_core::typed::Scope::<_, _, rtnl_core::link::LinkAttr<'static>>::new(&mut w)
            .ext_mask(mask)
            .map_err(|e| e.to_string())?;
    }
    w.end_msg(m).map_err(|e| e.to_string())?;
    let req = w.into_inner().0;
    let req_file = match file.strip_suffix(".bin") {
        Some(base) => format!("{base}.req.bin"),
        None => format!("{file}.req.bin"),
    };
    std::fs::write(&req_file, &req).map_err(|e| format!("cannot write {req_file}: {e}"))?;
    std::fs::write(file, []).map_err(|e| format!("cannot write {file}: {e}"))?;
    let f = std::fs::OpenOptions::new().append(true).open(file).map_err(|e| format!("cannot open {file}: {e}"))?;
    sock.record_to(Some(Box::new(f)));
    let (result, messages, datagrams, interrupted) = if dump {
        match sock.dump(&req, |_| {}) {
            Ok(sum) => (Ok(()), sum.messages, sum.datagrams, sum.interrupted),
            Err(e) => (Err(e), 0, 0, false),
        }
    } else {
        let mut n = 0;
        let r = sock.request_with(&req, |_| n += 1).map(|_| ());
        (r, n, 1, false)
    };
    let error = result.as_ref().err().map(|e| e.to_string());
    if let Some(path) = &manifest {
        use std::io::Write as _;
        let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
        let line = format!(
            "{{\"file\": \"{}\", \"request\": \"{}\", \"type\": \"{}\", \"dump\": {dump}, \"messages\": {messages}, \"datagrams\": {datagrams}, \"interrupted\": {interrupted}, \"error\": {}}}\n",
            esc(file_name(file)),
            esc(file_name(&req_file)),
            types::type_name(ty).unwrap_or("?"),
            error.as_deref().map(|e| format!("\"{}\"", esc(e))).unwrap_or_else(|| "null".into()),
        );
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| f.write_all(line.as_bytes()))
            .map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    match error {
        None if interrupted => {
            // what was read is recorded, but it is not one consistent view
            eprintln!("{file}: {messages} messages in {datagrams} datagrams");
            eprintln!("Dump was interrupted and may be inconsistent.");
            Ok(ExitCode::from(1))
        }
        None => {
            eprintln!("{file}: {messages} messages in {datagrams} datagrams");
            Ok(ExitCode::SUCCESS)
        }
        Some(e) => {
            // the reply (an error) is recorded all the same
            eprintln!("{file}: {e}");
            Ok(ExitCode::from(2))
        }
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}
