//! `rtnl capture dump TYPE [family N] FILE`: send a dump request for any
//! `RTM_GET*` type (its family header zeroed but for the family byte) and
//! write every reply datagram verbatim to FILE.

use std::process::ExitCode;

use rtnl_core::message::{family_of, types};
use rtnl_core::wire::flags::{NLM_F_DUMP, NLM_F_REQUEST};
use rtnl_core::wire::Writer;
use rtnl_io::VecBuffer;

use crate::Global;

pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, String> {
    let usage = "usage: rtnl capture dump RTM_GETxxx [family N] FILE";
    let [what, ty, rest @ ..] = args else { return Err(usage.into()) };
    if what != "dump" {
        return Err(usage.into());
    }
    let ty = types::type_from_name(ty).ok_or_else(|| format!("unknown message type {ty:?}"))?;
    let (family, file) = match rest {
        [f] => (0u8, f),
        [k, n, f] if k == "family" => (n.parse::<u8>().map_err(|_| format!("invalid family {n:?}"))?, f),
        _ => return Err(usage.into()),
    };
    let info = family_of(ty).ok_or("not an RTM_* type")?;
    let g = Global { capture: Some(file.clone()), ..g.clone() };
    // start the file afresh: --capture appends
    std::fs::write(file, []).map_err(|e| format!("cannot write {file}: {e}"))?;
    let mut sock = g.socket()?;
    let mut header = vec![0u8; info.header.size];
    header[0] = family;
    let mut w = Writer::new(VecBuffer::default());
    let m = w.begin_msg(ty, NLM_F_REQUEST | NLM_F_DUMP, sock.next_seq(), 0).map_err(|e| e.to_string())?;
    w.header(header.as_slice()).map_err(|e| e.to_string())?;
    w.end_msg(m).map_err(|e| e.to_string())?;
    let sum = sock.dump(&w.into_inner().0, |_| {}).map_err(|e| e.to_string())?;
    eprintln!("{file}: {} messages in {} datagrams", sum.messages, sum.datagrams);
    Ok(ExitCode::SUCCESS)
}
