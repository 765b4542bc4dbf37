use std::fmt;

use nix::errno::Errno;
use rtnl_core::message::Message;
use rtnl_core::wire::control::ExtAck;
use rtnl_core::wire::{Attrs, ByteOrder, DecodeError, EncodeError, Messages};

/// A refusal from the kernel: the errno of an `NLMSG_ERROR` (or of a failed
/// dump's `NLMSG_DONE`) with its extended-ack details, and where they point
/// in the request that was sent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct KernelError {
    /// The positive errno (0 for a warning on a success ack).
    pub errno: i32,
    /// `NLMSGERR_ATTR_MSG`, the kernel's explanation.
    pub message: Option<String>,
    /// `NLMSGERR_ATTR_OFFS`, the offset of the offending attribute from the
    /// start of the request's `nlmsghdr`.
    pub offset: Option<u32>,
    /// The attributes of the request, from the top down, that hold
    /// [`offset`](Self::offset), by kernel name (`RTA_MULTIPATH`, `[1]`,
    /// `RTA_GATEWAY`); empty without an offset or a request to look in.
    pub path: Vec<String>,
    /// `NLMSGERR_ATTR_MISS_TYPE`: the id of a required attribute that was
    /// missing.
    pub missing_type: Option<u32>,
    /// `NLMSGERR_ATTR_MISS_NEST`: the offset of the nest that lacks it.
    pub missing_nest: Option<u32>,
    /// The attribute path of [`missing_nest`](Self::missing_nest).
    pub missing_nest_path: Vec<String>,
    /// `NLMSGERR_ATTR_POLICY`: what the kernel would have accepted.
    pub policy: Option<AttrPolicy>,
    /// `NLMSGERR_ATTR_COOKIE`, subsystem-specific bytes.
    pub cookie: Option<Vec<u8>>,
}

/// The policy an attribute violated (`NL_POLICY_TYPE_ATTR_*` in
/// `NLMSGERR_ATTR_POLICY`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct AttrPolicy {
    /// `NL_POLICY_TYPE_ATTR_TYPE`: the attribute's type
    /// (`enum netlink_attribute_type`: 3 is `NL_ATTR_TYPE_U16`, …).
    pub kind: Option<u32>,
    /// The smallest value accepted (`..._MIN_VALUE_S` or `..._MIN_VALUE_U`).
    pub min_value: Option<i128>,
    /// The largest value accepted (`..._MAX_VALUE_S` or `..._MAX_VALUE_U`).
    pub max_value: Option<i128>,
    /// `NL_POLICY_TYPE_ATTR_MIN_LENGTH`.
    pub min_length: Option<u32>,
    /// `NL_POLICY_TYPE_ATTR_MAX_LENGTH`.
    pub max_length: Option<u32>,
    /// `NL_POLICY_TYPE_ATTR_MASK` or `..._BITFIELD32_MASK`: the bits accepted.
    pub mask: Option<u64>,
}

impl KernelError {
    /// The error `errno` (positive) with the extended ack `ack`, its offsets
    /// named in `request` (the bytes sent: the message that failed, or a
    /// batch holding it first) when given.
    pub fn from_ext_ack<O: ByteOrder>(errno: i32, ack: &ExtAck<'_, O>, request: Option<&[u8]>) -> Self {
        let path_of = |offset: Option<u32>| -> Vec<String> {
            let (Some(off), Some(req)) = (offset, request) else { return Vec::new() };
            let Some(Ok(msg)) = Messages::<O>::with_order(req).next() else { return Vec::new() };
            let mut path = Vec::new();
            Message::decode(msg).locate(off as usize, &mut |p| path.push(p.to_string()));
            path
        };
        let offset = ack.offset();
        KernelError {
            errno,
            message: ack.message().map(str::to_owned),
            offset,
            path: path_of(offset),
            missing_type: ack.missing_type(),
            missing_nest: ack.missing_nest(),
            missing_nest_path: path_of(ack.missing_nest()),
            policy: ack.policy().map(|p| AttrPolicy::from_attrs(p)),
            cookie: ack.cookie().map(<[u8]>::to_vec),
        }
    }
}

impl AttrPolicy {
    fn from_attrs<O: ByteOrder>(attrs: Attrs<'_, O>) -> Self {
        let mut p = AttrPolicy::default();
        for a in attrs.map_while(Result::ok) {
            let u64_of = |a: &rtnl_core::wire::Attr<'_, O>| a.u64().ok().or_else(|| a.u32().ok().map(u64::from));
            match a.id() {
                1 => p.kind = a.u32().ok(),
                2 => p.min_value = u64_of(&a).map(|v| i128::from(v as i64)),
                3 => p.max_value = u64_of(&a).map(|v| i128::from(v as i64)),
                4 => p.min_value = u64_of(&a).map(i128::from),
                5 => p.max_value = u64_of(&a).map(i128::from),
                6 => p.min_length = a.u32().ok(),
                7 => p.max_length = a.u32().ok(),
                10 | 12 => p.mask = u64_of(&a),
                _ => {}
            }
        }
        p
    }
}

impl fmt::Display for KernelError {
    /// Like `ip`: `Error: <ext-ack message>.` when the kernel gave one
    /// (`Warning: …` on a success), else `RTNETLINK answers: <strerror>`. The alternate form (`{:#}`)
    /// adds the attribute the kernel pointed at, and a missing one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(m) => {
                let what = if self.errno == 0 { "Warning" } else { "Error" };
                write!(f, "{what}: {m}")?;
                if !m.ends_with('.') {
                    f.write_str(".")?;
                }
            }
            None => write!(f, "RTNETLINK answers: {}", Errno::from_raw(self.errno).desc())?,
        }
        if f.alternate() {
            if !self.path.is_empty() {
                write!(f, " (at {})", self.path.join(" > "))?;
            } else if let Some(o) = self.offset {
                write!(f, " (at byte {o} of the request)")?;
            }
            if let Some(t) = self.missing_type {
                write!(f, " (missing attribute {t}")?;
                if !self.missing_nest_path.is_empty() {
                    write!(f, " in {}", self.missing_nest_path.join(" > "))?;
                }
                f.write_str(")")?;
            }
        }
        Ok(())
    }
}

/// What can go wrong talking to the kernel.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A system call failed.
    Sys(Errno),
    /// The kernel refused the request.
    Kernel(Box<KernelError>),
    /// A received message could not be framed.
    Decode(DecodeError),
    /// A request could not be encoded.
    Encode(EncodeError),
    /// The receive queue overflowed (`ENOBUFS`): notifications were lost and
    /// the caller's view must be refreshed with a dump.
    Overrun,
    /// A dump was interrupted (`NLM_F_DUMP_INTR`): the data changed while it
    /// ran; retry it.
    DumpInterrupted,
    /// A receive timeout ([`Socket::set_recv_timeout`](crate::Socket::set_recv_timeout)) passed.
    TimedOut,
    /// Nothing is queued on a non-blocking socket.
    WouldBlock,
    /// Another error.
    Other(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Sys(e) => write!(f, "{}", e.desc()),
            Error::Kernel(k) => k.fmt(f),
            Error::Decode(d) => write!(f, "malformed netlink data: {d}"),
            Error::Encode(e) => write!(f, "cannot encode request: {e}"),
            Error::Overrun => f.write_str("receive queue overrun (ENOBUFS): notifications were lost"),
            Error::DumpInterrupted => f.write_str("dump interrupted (NLM_F_DUMP_INTR): data changed; retry"),
            Error::TimedOut => f.write_str("timed out waiting for the kernel"),
            Error::WouldBlock => f.write_str("nothing to receive yet"),
            Error::Other(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for Error {}

impl From<Errno> for Error {
    fn from(e: Errno) -> Self {
        match e {
            Errno::ENOBUFS => Error::Overrun,
            // a receive timeout on a blocking socket, or nothing queued on
            // a non-blocking one: told apart by the caller's mode
            Errno::EAGAIN => Error::WouldBlock,
            e => Error::Sys(e),
        }
    }
}
impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Decode(e)
    }
}
impl From<EncodeError> for Error {
    fn from(e: EncodeError) -> Self {
        Error::Encode(e)
    }
}
impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        match e.raw_os_error() {
            Some(n) => Errno::from_raw(n).into(),
            None => Error::Other(e.to_string()),
        }
    }
}
