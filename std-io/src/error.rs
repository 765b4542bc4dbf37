use std::fmt;

use nix::errno::Errno;
use rtnl_core::wire::{DecodeError, EncodeError};

/// A refusal from the kernel: the errno of an `NLMSG_ERROR` (or of a failed
/// dump's `NLMSG_DONE`) with its extended-ack details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KernelError {
    /// The positive errno.
    pub errno: i32,
    /// `NLMSGERR_ATTR_MSG`, the kernel's explanation.
    pub message: Option<String>,
    /// `NLMSGERR_ATTR_OFFS`, the offset of the offending attribute in the request.
    pub offset: Option<u32>,
}

impl fmt::Display for KernelError {
    /// Like `ip`: `Error: <ext-ack message>.` when the kernel gave one,
    /// else `RTNETLINK answers: <strerror>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(m) => {
                write!(f, "Error: {m}")?;
                if !m.ends_with('.') {
                    f.write_str(".")?;
                }
                Ok(())
            }
            None => write!(f, "RTNETLINK answers: {}", Errno::from_raw(self.errno).desc()),
        }
    }
}

/// What can go wrong talking to the kernel.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A system call failed.
    Sys(Errno),
    /// The kernel refused the request.
    Kernel(KernelError),
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
            Error::Other(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for Error {}

impl From<Errno> for Error {
    fn from(e: Errno) -> Self {
        if e == Errno::ENOBUFS {
            Error::Overrun
        } else {
            Error::Sys(e)
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
