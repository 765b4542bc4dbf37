//! `NLM_F_*`: the flags of `nlmsg_flags`.
//!
//! Bits 0x100–0x800 mean different things by operation: GET requests use
//! `ROOT`/`MATCH`/`ATOMIC`, NEW requests `REPLACE`/`EXCL`/`CREATE`/`APPEND`,
//! DELETE requests `NONREC`/`BULK`, and `NLMSG_ERROR`/`NLMSG_DONE` replies
//! `CAPPED`/`ACK_TLVS`. The constants share values accordingly;
//! [`names`] resolves them for a given message type.

/// `NLM_F_REQUEST`: a request message.
pub const NLM_F_REQUEST: u16 = 0x01;
/// `NLM_F_MULTI`: part of a multipart reply, ended by `NLMSG_DONE`.
pub const NLM_F_MULTI: u16 = 0x02;
/// `NLM_F_ACK`: reply with an acknowledgement.
pub const NLM_F_ACK: u16 = 0x04;
/// `NLM_F_ECHO`: echo the resulting notification to the requester.
pub const NLM_F_ECHO: u16 = 0x08;
/// `NLM_F_DUMP_INTR`: the dump was inconsistent (data changed); restart it.
pub const NLM_F_DUMP_INTR: u16 = 0x10;
/// `NLM_F_DUMP_FILTERED`: the kernel applied the dump request's filter.
pub const NLM_F_DUMP_FILTERED: u16 = 0x20;

/// `NLM_F_ROOT` (GET): return the whole table.
pub const NLM_F_ROOT: u16 = 0x100;
/// `NLM_F_MATCH` (GET): return all matching entries.
pub const NLM_F_MATCH: u16 = 0x200;
/// `NLM_F_ATOMIC` (GET): atomic snapshot.
pub const NLM_F_ATOMIC: u16 = 0x400;
/// `NLM_F_DUMP` (GET): `ROOT | MATCH`.
pub const NLM_F_DUMP: u16 = NLM_F_ROOT | NLM_F_MATCH;

/// `NLM_F_REPLACE` (NEW): override an existing object.
pub const NLM_F_REPLACE: u16 = 0x100;
/// `NLM_F_EXCL` (NEW): fail if the object exists.
pub const NLM_F_EXCL: u16 = 0x200;
/// `NLM_F_CREATE` (NEW): create the object if it does not exist.
pub const NLM_F_CREATE: u16 = 0x400;
/// `NLM_F_APPEND` (NEW): add to the end of the list.
pub const NLM_F_APPEND: u16 = 0x800;

/// `NLM_F_NONREC` (DELETE): do not delete recursively.
pub const NLM_F_NONREC: u16 = 0x100;
/// `NLM_F_BULK` (DELETE): delete multiple objects.
pub const NLM_F_BULK: u16 = 0x200;

/// `NLM_F_CAPPED` (`NLMSG_ERROR`): the echoed request was capped to its header.
pub const NLM_F_CAPPED: u16 = 0x100;
/// `NLM_F_ACK_TLVS` (`NLMSG_ERROR`, `NLMSG_DONE`): extended-ack TLVs follow.
pub const NLM_F_ACK_TLVS: u16 = 0x200;

/// What a request asks, as `ip` spells it: each gives the `nlmsg_flags`
/// (request, acknowledgement, and the operation's own bits) so that callers
/// never assemble them by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Request {
    /// A GET of one object, acknowledged.
    Get,
    /// A GET of all objects (`NLM_F_DUMP`), answered by a multipart reply.
    Dump,
    /// `add`: create, fail if it exists (`CREATE | EXCL`).
    Add,
    /// `replace`: create or replace (`CREATE | REPLACE`).
    Replace,
    /// `change`: replace, fail if absent (`REPLACE`).
    Change,
    /// `append`: create, adding to an existing list (`CREATE | APPEND`).
    Append,
    /// `prepend`: create, ahead of an existing list (`CREATE`).
    Prepend,
    /// `del` / `set`: no operation bits.
    Plain,
}

impl Request {
    /// The `nlmsg_flags` of the request.
    pub const fn flags(self) -> u16 {
        let ack = NLM_F_REQUEST | NLM_F_ACK;
        match self {
            Request::Get | Request::Plain => ack,
            Request::Dump => NLM_F_REQUEST | NLM_F_DUMP,
            Request::Add => ack | NLM_F_CREATE | NLM_F_EXCL,
            Request::Replace => ack | NLM_F_CREATE | NLM_F_REPLACE,
            Request::Change => ack | NLM_F_REPLACE,
            Request::Append => ack | NLM_F_CREATE | NLM_F_APPEND,
            Request::Prepend => ack | NLM_F_CREATE,
        }
    }
}

/// What a message type's 0x100–0x800 flag bits mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagContext {
    /// A GET request (`ROOT`, `MATCH`, `ATOMIC`).
    Get,
    /// A NEW or SET request (`REPLACE`, `EXCL`, `CREATE`, `APPEND`).
    New,
    /// A DELETE request (`NONREC`, `BULK`).
    Del,
    /// `NLMSG_ERROR` / `NLMSG_DONE` (`CAPPED`, `ACK_TLVS`).
    Ack,
    /// Anything else: only the common low bits have names.
    Other,
}

impl FlagContext {
    /// The context of a message type: control messages are `Ack`, RTM_*
    /// types go by their operation (`type & 3`: 0 NEW, 1 DEL, 2 GET, 3 SET).
    pub fn of_type(ty: u16) -> Self {
        match ty {
            super::NLMSG_ERROR | super::NLMSG_DONE => FlagContext::Ack,
            t if t < super::NLMSG_MIN_TYPE => FlagContext::Other,
            t => match t & 3 {
                0 | 3 => FlagContext::New,
                1 => FlagContext::Del,
                _ => FlagContext::Get,
            },
        }
    }
}

const COMMON: [(u16, &str); 6] = [
    (NLM_F_REQUEST, "NLM_F_REQUEST"),
    (NLM_F_MULTI, "NLM_F_MULTI"),
    (NLM_F_ACK, "NLM_F_ACK"),
    (NLM_F_ECHO, "NLM_F_ECHO"),
    (NLM_F_DUMP_INTR, "NLM_F_DUMP_INTR"),
    (NLM_F_DUMP_FILTERED, "NLM_F_DUMP_FILTERED"),
];

/// The name of one flag bit in a context, if it has one.
pub fn name(bit: u16, ctx: FlagContext) -> Option<&'static str> {
    if let Some((_, n)) = COMMON.iter().find(|(b, _)| *b == bit) {
        return Some(n);
    }
    Some(match (ctx, bit) {
        (FlagContext::Get, NLM_F_ROOT) => "NLM_F_ROOT",
        (FlagContext::Get, NLM_F_MATCH) => "NLM_F_MATCH",
        (FlagContext::Get, NLM_F_ATOMIC) => "NLM_F_ATOMIC",
        (FlagContext::New, NLM_F_REPLACE) => "NLM_F_REPLACE",
        (FlagContext::New, NLM_F_EXCL) => "NLM_F_EXCL",
        (FlagContext::New, NLM_F_CREATE) => "NLM_F_CREATE",
        (FlagContext::New, NLM_F_APPEND) => "NLM_F_APPEND",
        (FlagContext::Del, NLM_F_NONREC) => "NLM_F_NONREC",
        (FlagContext::Del, NLM_F_BULK) => "NLM_F_BULK",
        (FlagContext::Ack, NLM_F_CAPPED) => "NLM_F_CAPPED",
        (FlagContext::Ack, NLM_F_ACK_TLVS) => "NLM_F_ACK_TLVS",
        _ => return None,
    })
}

/// Iterates the set bits of `flags` with their names in `ctx` (`None` for a
/// bit without a name there), lowest bit first.
pub fn names(flags: u16, ctx: FlagContext) -> impl Iterator<Item = (u16, Option<&'static str>)> {
    (0..16).map(|i| 1u16 << i).filter(move |b| flags & b != 0).map(move |b| (b, name(b, ctx)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_depend_on_operation() {
        assert_eq!(name(0x100, FlagContext::of_type(24)), Some("NLM_F_REPLACE"));
        assert_eq!(name(0x100, FlagContext::of_type(26)), Some("NLM_F_ROOT"));
        assert_eq!(name(0x100, FlagContext::of_type(25)), Some("NLM_F_NONREC"));
        assert_eq!(name(0x100, FlagContext::of_type(2)), Some("NLM_F_CAPPED"));
        assert_eq!(name(0x200, FlagContext::of_type(3)), Some("NLM_F_ACK_TLVS"));
        assert_eq!(name(0x800, FlagContext::of_type(26)), None);
        let mut it = names(NLM_F_REQUEST | NLM_F_DUMP, FlagContext::Get);
        assert_eq!(it.next(), Some((1, Some("NLM_F_REQUEST"))));
        assert_eq!(it.next(), Some((0x100, Some("NLM_F_ROOT"))));
        assert_eq!(it.next(), Some((0x200, Some("NLM_F_MATCH"))));
        assert_eq!(it.next(), None);
    }
}
