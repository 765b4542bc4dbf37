use core::fmt;

/// What was wrong with the bytes being decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// Fewer bytes remain than the header being read needs.
    Truncated {
        /// bytes the header needs
        need: usize,
        /// bytes left
        have: usize,
    },
    /// `nlmsg_len` is smaller than the 16-byte `nlmsghdr`.
    MsgLenTooSmall(u32),
    /// `nlmsg_len` runs past the end of the datagram.
    MsgLenPastEnd {
        /// the declared `nlmsg_len`
        len: u32,
        /// bytes left in the datagram
        avail: usize,
    },
    /// `nla_len` (or `rtnh_len`) is smaller than its own header.
    AttrLenTooSmall(u16),
    /// `nla_len` (or `rtnh_len`) runs past the end of its parent.
    AttrLenPastEnd {
        /// the declared length
        len: u16,
        /// bytes left in the parent
        avail: usize,
    },
    /// A fixed-size payload has the wrong size.
    BadLength {
        /// the size this attribute type has
        expected: usize,
        /// the size received
        got: usize,
    },
    /// A string payload is not NUL-terminated UTF-8 without inner NULs.
    BadString,
    /// A leaf attribute carries `NLA_F_NESTED` or `NLA_F_NET_BYTEORDER`.
    UnexpectedFlags(u16),
    /// A payload is shorter than the structure it must start with.
    ShortStruct {
        /// the structure's size
        need: usize,
        /// bytes received
        have: usize,
    },
}

/// A decoding error with the byte offset where it was found.
///
/// `offset` counts from the start of the buffer handed to the outermost
/// decoder (usually the datagram), so it points into the bytes the user has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DecodeError {
    /// Byte offset of the offending header or payload.
    pub offset: usize,
    /// What is wrong there.
    pub kind: DecodeErrorKind,
}

impl DecodeError {
    /// A new error at `offset`.
    pub const fn new(offset: usize, kind: DecodeErrorKind) -> Self {
        Self { offset, kind }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}: ", self.offset)?;
        match self.kind {
            DecodeErrorKind::Truncated { need, have } => {
                write!(f, "truncated: a {need}-byte header but only {have} bytes left")
            }
            DecodeErrorKind::MsgLenTooSmall(l) => write!(f, "nlmsg_len {l} is less than 16"),
            DecodeErrorKind::MsgLenPastEnd { len, avail } => {
                write!(f, "nlmsg_len {len} runs past the end ({avail} bytes left)")
            }
            DecodeErrorKind::AttrLenTooSmall(l) => write!(f, "attribute length {l} is less than its header"),
            DecodeErrorKind::AttrLenPastEnd { len, avail } => {
                write!(f, "attribute length {len} runs past its parent ({avail} bytes left)")
            }
            DecodeErrorKind::BadLength { expected, got } => {
                write!(f, "payload of {got} bytes where {expected} are expected")
            }
            DecodeErrorKind::BadString => f.write_str("string is not NUL-terminated UTF-8"),
            DecodeErrorKind::UnexpectedFlags(t) => {
                write!(f, "leaf attribute carries flag bits (nla_type {t:#06x})")
            }
            DecodeErrorKind::ShortStruct { need, have } => {
                write!(f, "payload of {have} bytes is shorter than its {need}-byte header")
            }
        }
    }
}

/// Why encoding failed. Encoding never panics: these are returned instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EncodeError {
    /// The buffer cannot hold the bytes being written.
    BufferTooSmall {
        /// bytes the buffer would need in all
        need: usize,
        /// bytes it can hold
        capacity: usize,
    },
    /// An attribute (or nest, or `rtnexthop`) would exceed the 65,535 bytes a
    /// `u16` length can describe.
    AttrTooLong(usize),
    /// A message would exceed the 4 GiB a `u32` `nlmsg_len` can describe.
    MsgTooLong(usize),
    /// A mark was closed that does not belong to the bytes written (closed
    /// twice, or after the buffer was truncated below it).
    BadMark,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            EncodeError::BufferTooSmall { need, capacity } => {
                write!(f, "buffer too small: {need} bytes needed, {capacity} available")
            }
            EncodeError::AttrTooLong(l) => write!(f, "attribute of {l} bytes does not fit a u16 length"),
            EncodeError::MsgTooLong(l) => write!(f, "message of {l} bytes does not fit a u32 length"),
            EncodeError::BadMark => f.write_str("mark does not match the bytes written"),
        }
    }
}

impl core::error::Error for DecodeError {}
impl core::error::Error for EncodeError {}
