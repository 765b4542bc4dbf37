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
    /// A nest lies deeper than [`AttrPath::CAPACITY`] levels: it is kept
    /// verbatim, never recursed into.
    TooDeep,
    /// A payload selected by a sibling attribute (`RTA_ENCAP` by
    /// `RTA_ENCAP_TYPE`, …) has no usable selector among its siblings; the
    /// id of the selector attribute that is missing.
    MissingSelector(u16),
    /// Strict decoding only ([`Ctx::strict`](crate::typed::Ctx::strict)):
    /// an attribute id its set does not know, kept verbatim.
    UnknownAttr(u16),
    /// Strict decoding only: a payload whose kind (`TCA_KIND`,
    /// `IFLA_INFO_KIND`, `RTA_ENCAP_TYPE`, …) the codec does not type, kept
    /// verbatim.
    UnknownKind,
}

/// One step of an [`AttrPath`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PathElem {
    /// An attribute, by id (`nla_type` without flag bits).
    Attr(u16),
    /// The position of an element in a list that is not made of attributes
    /// (the next hops of `RTA_MULTIPATH`), from 0.
    Index(u16),
}

/// The path of attribute ids from a message down to the place of an error:
/// fixed capacity, no allocation. Nesting deeper than
/// [`CAPACITY`](Self::CAPACITY) is never decoded (see
/// [`DecodeErrorKind::TooDeep`]), so the path always fits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct AttrPath {
    // attribute ids; an index has bit 15 set (ids never do: it is NLA_F_NESTED)
    elems: [u16; AttrPath::CAPACITY],
    len: u8,
}

impl AttrPath {
    /// The deepest nesting the codec decodes: 12 levels (a hop of
    /// `RTA_MULTIPATH` counts as one). The kernel's own messages nest at
    /// most 7 deep (a tc action's keys inside a filter).
    pub const CAPACITY: usize = 12;
    const INDEX: u16 = 0x8000;

    /// The empty path (the message's own attributes are one step below it).
    pub const fn new() -> Self {
        Self { elems: [0; Self::CAPACITY], len: 0 }
    }
    /// The number of steps.
    pub const fn len(&self) -> usize {
        self.len as usize
    }
    /// Whether the path has no step.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// Whether no further step fits.
    pub const fn is_full(&self) -> bool {
        self.len() == Self::CAPACITY
    }
    /// This path with `e` appended, or `None` when it is full.
    pub fn with(&self, e: PathElem) -> Option<Self> {
        let mut p = *self;
        let n = p.len();
        let slot = p.elems.get_mut(n)?;
        *slot = match e {
            PathElem::Attr(id) => id & !Self::INDEX,
            PathElem::Index(i) => Self::INDEX | (i & !Self::INDEX),
        };
        p.len += 1;
        Some(p)
    }
    /// The steps, from the message down.
    pub fn iter(&self) -> impl Iterator<Item = PathElem> + '_ {
        self.elems.iter().take(self.len()).map(|&e| {
            if e & Self::INDEX != 0 {
                PathElem::Index(e & !Self::INDEX)
            } else {
                PathElem::Attr(e)
            }
        })
    }
}

impl fmt::Debug for AttrPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for AttrPath {
    /// `9 > [2] > 22`: attribute ids, and list positions in brackets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(" > ")?;
            }
            match e {
                PathElem::Attr(id) => write!(f, "{id}")?,
                PathElem::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A decoding error with the byte offset where it was found and the path
/// of attribute ids that leads there.
///
/// `offset` counts from the start of the buffer handed to the outermost
/// decoder (usually the datagram), so it points into the bytes the user has.
/// `path` is empty for errors in the framing of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DecodeError {
    /// Byte offset of the offending header or payload.
    pub offset: usize,
    /// What is wrong there.
    pub kind: DecodeErrorKind,
    /// The attributes, from the message down, that hold the error.
    pub path: AttrPath,
}

impl DecodeError {
    /// A new error at `offset`, with an empty path.
    pub const fn new(offset: usize, kind: DecodeErrorKind) -> Self {
        Self { offset, kind, path: AttrPath::new() }
    }
    /// The same error found under `path` (kept when it already has a
    /// deeper one).
    pub fn within(mut self, path: AttrPath) -> Self {
        if self.path.len() < path.len() || self.path.is_empty() {
            self.path = path;
        }
        self
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}", self.offset)?;
        if !self.path.is_empty() {
            write!(f, " (attribute path {})", self.path)?;
        }
        f.write_str(": ")?;
        self.kind.fmt(f)
    }
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
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
            DecodeErrorKind::TooDeep => {
                write!(f, "nested deeper than {} levels; kept verbatim", AttrPath::CAPACITY)
            }
            DecodeErrorKind::MissingSelector(id) => {
                write!(f, "no selector attribute {id} among its siblings; kept verbatim")
            }
            DecodeErrorKind::UnknownAttr(id) => write!(f, "attribute {id} is not known to this codec; kept verbatim"),
            DecodeErrorKind::UnknownKind => f.write_str("a kind this codec does not type; kept verbatim"),
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
