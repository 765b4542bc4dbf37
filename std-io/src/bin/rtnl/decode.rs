//! `rtnl decode`: read raw netlink bytes (datagrams as received from a
//! NETLINK_ROUTE socket, concatenated) and print every message.

use std::io::Read;
use std::process::ExitCode;

use rtnl_core::message::{types, Message, RtnlMessage};
use rtnl_core::wire::{BigEndian, ByteOrder, LittleEndian, Messages, NativeEndian};
use rtnl_io::json::to_json;

use crate::grammar::{Arg, Kw, KwSet, Object, M};
use crate::route::format_route;
use crate::{Fail, Global};

/// `rtnl decode`'s options.
pub const DECODE_OPTS: KwSet = KwSet {
    name: "DECODE",
    keywords: &[
        Kw {
            words: &[("--json", M::Exact), ("-j", M::Exact)],
            arg: Arg::None,
            help: "one JSON object per message, named as the kernel names things",
            ready: true,
        },
        Kw {
            words: &[("--check", M::Exact)],
            arg: Arg::None,
            help: "re-encode every message and report any that is not byte-exact",
            ready: true,
        },
        Kw {
            words: &[("--strict", M::Exact)],
            arg: Arg::None,
            help: "also report, with its offset and path, every attribute, kind or family this version does not type (exit 1)",
            ready: true,
        },
        Kw {
            words: &[("--endian", M::Exact)],
            arg: Arg::OneOf("ORDER", &["big", "little", "native", "auto"]),
            help: "the byte order of the capture (default auto: the one that frames it)",
            ready: true,
        },
    ],
    positional: Some(("FILE", "the capture (raw datagrams as received; - or none for stdin)")),
};

/// `rtnl decode`.
pub const DECODE: Object = Object {
    name: "decode",
    help: "print every message of a capture of raw netlink bytes, and check that each re-encodes byte-exact",
    verbs: &[],
    synopsis: "DECODE [ FILE | - ]",
    sets: &[&DECODE_OPTS],
    notes: "",
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Endian {
    Native,
    Big,
    Little,
    Auto,
}

pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let mut json = g.json;
    let mut check = false;
    let mut strict = false;
    // unless told, the order that frames the input (native first)
    let mut endian = Endian::Auto;
    let mut file = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "help" || a == "--help" {
            return Ok(crate::grammar::print_usage(&DECODE));
        }
        match crate::grammar::find(a, DECODE_OPTS.keywords).map(Kw::name).unwrap_or(a) {
            "--json" => json = true,
            "--check" => check = true,
            "--strict" => strict = true,
            "--endian" => {
                endian = match it.next().map(String::as_str) {
                    Some("big") => Endian::Big,
                    Some("little") => Endian::Little,
                    Some("auto") => Endian::Auto,
                    Some("native") => Endian::Native,
                    Some(o) => return Err(format!("--endian takes big, little, native or auto, not \"{o}\"").into()),
                    None => return Err("--endian takes big, little, native or auto".into()),
                }
            }
            o if o.starts_with('-') && o != "-" => {
                return Err(format!(
                    "rtnl decode: unknown option \"{o}\" (--json, --check, --strict, --endian big|little|native|auto)"
                )
                .into())
            }
            f if file.is_none() => file = Some(f.to_owned()),
            o => return Err(format!("rtnl decode: unexpected argument \"{o}\"").into()),
        }
    }
    let mut data = Vec::new();
    match file.as_deref() {
        None | Some("-") => std::io::stdin().read_to_end(&mut data).map(drop),
        Some(f) => std::fs::read(f).map(|d| data = d),
    }
    .map_err(|e| Fail::error(format!("rtnl decode: cannot read {}: {e}", file.as_deref().unwrap_or("stdin"))))?;
    if endian == Endian::Auto {
        let native_ok = chain_ok::<NativeEndian>(&data);
        endian = if native_ok {
            Endian::Native
        } else if chain_ok::<BigEndian>(&data) {
            eprintln!("rtnl decode: the input frames as big-endian: decoding it so (--endian to choose)");
            Endian::Big
        } else if chain_ok::<LittleEndian>(&data) {
            eprintln!("rtnl decode: the input frames as little-endian: decoding it so (--endian to choose)");
            Endian::Little
        } else {
            if !data.is_empty() {
                eprintln!(
                    "rtnl decode: the input frames in neither byte order: decoding it as this machine's (--endian big|little to choose)"
                );
            }
            Endian::Native
        };
    }
    let ok = match endian {
        Endian::Big => decode::<BigEndian>(&data, json, check, strict),
        Endian::Little => decode::<LittleEndian>(&data, json, check, strict),
        _ => decode::<NativeEndian>(&data, json, check, strict),
    };
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Whether the `nlmsg_len` chain frames the whole buffer in byte order `O`.
fn chain_ok<O: ByteOrder>(data: &[u8]) -> bool {
    !data.is_empty() && Messages::<O>::with_order(data).all(|m| m.is_ok())
}

fn decode<O: ByteOrder>(data: &[u8], json: bool, check: bool, strict: bool) -> bool {
    let names = crate::route::DevNames::default();
    let (mut total, mut exact, mut problems, mut malformed) = (0usize, 0usize, 0usize, 0usize);
    for m in Messages::<O>::with_order(data) {
        let raw = match m {
            Ok(m) => m,
            Err(e) => {
                eprintln!("error: {e}; the rest of the input cannot be framed");
                problems += 1;
                // what cannot be framed counts as one malformed message
                total += 1;
                malformed += 1;
                break;
            }
        };
        total += 1;
        let msg = if strict { Message::decode_strict(raw) } else { Message::decode(raw) };
        if let Some(e) = msg.first_error() {
            eprintln!("warning: message at byte {}: {}{}", raw.offset(), path_text(&msg, e.offset), e);
            problems += 1;
        } else if strict && matches!(msg.body(), RtnlMessage::Family(_) | RtnlMessage::Raw(_)) {
            eprintln!(
                "warning: message at byte {}: type {} is not typed by this version; kept as bytes",
                raw.offset(),
                types::type_name(raw.ty()).map_or_else(|| raw.ty().to_string(), str::to_owned)
            );
            problems += 1;
        }
        if json {
            println!("{}", to_json(&msg));
        } else {
            print_text(&msg, &names);
        }
        if check {
            match rtnl_io::reencode(raw) {
                Ok(bytes) if bytes == raw.bytes() => exact += 1,
                Ok(bytes) => eprintln!(
                    "differs: message at byte {} re-encodes to {} bytes (input {}){}",
                    raw.offset(),
                    bytes.len(),
                    raw.bytes().len(),
                    first_diff(&bytes, raw.bytes())
                        .map(|i| explain_diff(&msg, raw.offset(), i, &bytes, raw.bytes()))
                        .unwrap_or_default()
                ),
                Err(e) => eprintln!("differs: message at byte {} cannot be re-encoded: {e}", raw.offset()),
            }
        }
    }
    if check {
        // every message counted, and what failed named: a summary that
        // reads like success only when it is one
        let mut line = format!("{total} messages, {exact} byte-exact");
        if total > exact + malformed {
            line += &format!(", {} differ", total - exact - malformed);
        }
        if malformed > 0 {
            line += &format!(", {malformed} malformed");
        }
        println!("{line}");
        return exact == total && problems == 0;
    }
    problems == 0
}

/// `RTA_MULTIPATH > [2] > RTA_ENCAP > MPLS_IPTUNNEL_DST: ` for the
/// attributes that hold byte `offset` (nothing outside the attributes).
fn path_text<O: ByteOrder>(msg: &Message<'_, O>, offset: usize) -> String {
    let mut names = Vec::new();
    msg.locate(offset, &mut |n| names.push(n.to_string()));
    if names.is_empty() {
        String::new()
    } else {
        format!("{}: ", names.join(" > "))
    }
}

/// Where re-encoding first differs from the input, and why when it can tell.
fn explain_diff<O: ByteOrder>(msg: &Message<'_, O>, base: usize, i: usize, ours: &[u8], input: &[u8]) -> String {
    let at = base + i;
    // a padding byte belongs to the attribute before it
    let path = (0..4).map(|back| path_text(msg, at.saturating_sub(back))).find(|p| !p.is_empty()).unwrap_or_default();
    let path = path.strip_suffix(": ").map(|p| format!(" in {p}")).unwrap_or_default();
    let why = match (ours.get(i), input.get(i)) {
        (Some(0), Some(b)) if *b != 0 && ours.len() == input.len() => {
            ", where the input has non-zero padding (the kernel zeroes padding, and so does rtnl)"
        }
        (Some(_), None) | (None, Some(_)) => ", where one of them ends (an unpadded or truncated tail)",
        _ => "",
    };
    format!(", first difference at byte {at}{path}{why}")
}

fn first_diff(a: &[u8], b: &[u8]) -> Option<usize> {
    a.iter().zip(b).position(|(x, y)| x != y).or((a.len() != b.len()).then(|| a.len().min(b.len())))
}

fn print_text<O: ByteOrder>(msg: &Message<'_, O>, names: &crate::route::DevNames) {
    let ty = types::type_name(msg.ty()).map(str::to_owned).unwrap_or_else(|| format!("type {}", msg.ty()));
    let h = msg.header();
    let head = format!(
        "{ty} len {} flags {:#x} seq {} pid {}",
        h.nlmsg_len.get(),
        msg.flags(),
        h.nlmsg_seq.get(),
        h.nlmsg_pid.get()
    );
    match msg.body() {
        RtnlMessage::Route(r) => {
            print!("{head}: {}", format_route(r, names, &crate::route::Show::tables(true)));
        }
        RtnlMessage::Error(e) => match (e.error(), e.message()) {
            (0, _) => println!("{head}: ACK"),
            (err, Some(m)) => println!("{head}: error {err} {}: {m}", errno_name(err)),
            (err, None) => println!("{head}: error {err} {}", errno_name(err)),
        },
        RtnlMessage::Done(d) => match d.error().unwrap_or(0) {
            0 => println!("{head}: DONE error 0"),
            e => println!("{head}: DONE error {e} {}", errno_name(e)),
        },
        _ => println!("{head}: {}", to_json(msg)),
    }
}

/// The name of (negated) errno `err`: `EEXIST` for -17.
fn errno_name(err: i32) -> String {
    let e = nix::errno::Errno::from_raw(err.saturating_abs());
    if e == nix::errno::Errno::UnknownErrno {
        format!("(errno {})", err.saturating_abs())
    } else {
        format!("{e:?}")
    }
}
