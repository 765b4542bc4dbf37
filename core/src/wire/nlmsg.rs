use core::marker::PhantomData;

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use super::endian::{ByteOrder, NativeEndian, U16, U32};
use super::{align, Attrs, DecodeError, DecodeErrorKind};

/// `NLMSG_HDRLEN`: the size of `struct nlmsghdr`.
pub const NLMSG_HDRLEN: usize = 16;
/// `NLMSG_NOOP`: nothing; to be ignored.
pub const NLMSG_NOOP: u16 = 1;
/// `NLMSG_ERROR`: an error or an acknowledgement (`struct nlmsgerr`).
pub const NLMSG_ERROR: u16 = 2;
/// `NLMSG_DONE`: the end of a multipart message (dump), with an `int` error.
pub const NLMSG_DONE: u16 = 3;
/// `NLMSG_OVERRUN`: data lost (never sent by current kernels).
pub const NLMSG_OVERRUN: u16 = 4;
/// `NLMSG_MIN_TYPE`: types below this are control messages.
pub const NLMSG_MIN_TYPE: u16 = 16;
/// Offset of `nlmsg_len` in `struct nlmsghdr`.
pub const NLMSG_LEN_OFFSET: usize = 0;
/// Offset of `nlmsg_type` in `struct nlmsghdr`.
pub const NLMSG_TYPE_OFFSET: usize = 4;
/// Offset of `nlmsg_flags` in `struct nlmsghdr`.
pub const NLMSG_FLAGS_OFFSET: usize = 6;
/// Offset of `nlmsg_seq` in `struct nlmsghdr`.
pub const NLMSG_SEQ_OFFSET: usize = 8;
/// Offset of `nlmsg_pid` in `struct nlmsghdr`.
pub const NLMSG_PID_OFFSET: usize = 12;

/// `struct nlmsghdr`, the 16-byte header of every netlink message, with its
/// fields in byte order `O`.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct NlMsgHdr<O: ByteOrder = NativeEndian> {
    /// `nlmsg_len`: length of the message including this header.
    pub nlmsg_len: U32<O>,
    /// `nlmsg_type`: `NLMSG_*` or `RTM_*`.
    pub nlmsg_type: U16<O>,
    /// `nlmsg_flags`: `NLM_F_*` (see [`flags`](super::flags)).
    pub nlmsg_flags: U16<O>,
    /// `nlmsg_seq`: sequence number.
    pub nlmsg_seq: U32<O>,
    /// `nlmsg_pid`: sending port id.
    pub nlmsg_pid: U32<O>,
}

impl<O: ByteOrder> Default for NlMsgHdr<O> {
    fn default() -> Self {
        <Self as zerocopy::FromZeros>::new_zeroed()
    }
}

impl<O: ByteOrder> NlMsgHdr<O> {
    /// A header with the given fields.
    pub fn new(len: u32, ty: u16, flags: u16, seq: u32, pid: u32) -> Self {
        Self {
            nlmsg_len: U32::new(len),
            nlmsg_type: U16::new(ty),
            nlmsg_flags: U16::new(flags),
            nlmsg_seq: U32::new(seq),
            nlmsg_pid: U32::new(pid),
        }
    }
    /// Rewrites the type, flags, sequence number and port id of the message
    /// that starts `buf`, keeping its length and payload: a dumped object
    /// sent back as a request (to delete it, say). `false` (and `buf`
    /// untouched) when `buf` is shorter than a header.
    pub fn reframe(buf: &mut [u8], ty: u16, flags: u16, seq: u32, pid: u32) -> bool {
        use zerocopy::FromBytes;
        match Self::mut_from_prefix(buf) {
            Ok((h, _)) => {
                let len = h.nlmsg_len;
                *h = Self { nlmsg_len: len, ..Self::new(0, ty, flags, seq, pid) };
                true
            }
            Err(_) => false,
        }
    }
}

/// A checked view of one netlink message: a `nlmsghdr` whose `nlmsg_len`
/// is at least 16 and lies within the bytes given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NlMsg<'a, O: ByteOrder = NativeEndian> {
    bytes: &'a [u8],
    offset: usize,
    _order: PhantomData<O>,
}

impl<'a, O: ByteOrder> NlMsg<'a, O> {
    /// Checks the header at the start of `buf` and returns the message it
    /// frames (trailing bytes after `nlmsg_len` are not part of it).
    pub fn new_checked(buf: &'a [u8]) -> Result<Self, DecodeError> {
        Self::at(buf, 0)
    }

    /// Like [`new_checked`](Self::new_checked), but errors report
    /// `offset + position` so that they point into an enclosing buffer.
    pub fn at(buf: &'a [u8], offset: usize) -> Result<Self, DecodeError> {
        let (hdr, _) = NlMsgHdr::<O>::read_from_prefix(buf).map_err(|_| {
            DecodeError::new(offset, DecodeErrorKind::Truncated { need: NLMSG_HDRLEN, have: buf.len() })
        })?;
        let len = hdr.nlmsg_len.get();
        if (len as usize) < NLMSG_HDRLEN {
            return Err(DecodeError::new(offset, DecodeErrorKind::MsgLenTooSmall(len)));
        }
        match buf.get(..len as usize) {
            Some(bytes) => Ok(Self { bytes, offset, _order: PhantomData }),
            None => Err(DecodeError::new(offset, DecodeErrorKind::MsgLenPastEnd { len, avail: buf.len() })),
        }
    }

    /// The header, copied out.
    #[inline]
    pub fn header(&self) -> NlMsgHdr<O> {
        // The constructor checked that 16 bytes are present.
        NlMsgHdr::read_from_prefix(self.bytes).map(|(h, _)| h).unwrap_or_default()
    }
    /// `nlmsg_type`.
    #[inline]
    pub fn ty(&self) -> u16 {
        self.u16_at(NLMSG_TYPE_OFFSET)
    }
    /// `nlmsg_flags`.
    #[inline]
    pub fn flags(&self) -> u16 {
        self.u16_at(NLMSG_FLAGS_OFFSET)
    }
    /// `nlmsg_seq`.
    pub fn seq(&self) -> u32 {
        self.header().nlmsg_seq.get()
    }
    /// `nlmsg_pid`.
    pub fn pid(&self) -> u32 {
        self.header().nlmsg_pid.get()
    }
    /// The whole message, header included (`nlmsg_len` bytes).
    #[inline]
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }
    /// The bytes after the header.
    #[inline]
    pub fn payload(&self) -> &'a [u8] {
        self.bytes.get(NLMSG_HDRLEN..).unwrap_or(&[])
    }
    /// Offset of this message's first byte in the enclosing buffer.
    #[inline]
    pub fn offset(&self) -> usize {
        self.offset
    }
    /// Offset of the payload's first byte in the enclosing buffer.
    #[inline]
    pub fn payload_offset(&self) -> usize {
        self.offset + NLMSG_HDRLEN
    }
    /// Attributes following a family header of `header_len` bytes (padded
    /// to 4, as the kernel does). An empty iterator when the payload is
    /// shorter than the padded header.
    pub fn attrs_after(&self, header_len: usize) -> Attrs<'a, O> {
        let start = align(header_len);
        let p = self.payload();
        Attrs::at(p.get(start..).unwrap_or(&[]), self.payload_offset() + start)
    }

    #[inline]
    fn u16_at(&self, at: usize) -> u16 {
        match self.bytes.get(at..at + 2) {
            Some(&[a, b]) => U16::<O>::from_bytes([a, b]).get(),
            _ => 0,
        }
    }
}

/// Iterates the messages of a datagram (or of several datagrams
/// concatenated), checking every length.
///
/// Each message starts at the aligned end of the previous one; an unpadded
/// final message is accepted. After a framing error the iterator yields that
/// error once and ends, because the next message's start is unknown.
#[derive(Clone, Debug)]
pub struct Messages<'a, O: ByteOrder = NativeEndian> {
    buf: &'a [u8],
    pos: usize,
    base: usize,
    done: bool,
    _order: PhantomData<O>,
}

impl<'a> Messages<'a, NativeEndian> {
    /// Messages of `buf`, in the host's byte order.
    pub fn new(buf: &'a [u8]) -> Self {
        Self::with_order(buf)
    }
}

impl<'a, O: ByteOrder> Messages<'a, O> {
    /// Messages of `buf` in byte order `O`.
    pub fn with_order(buf: &'a [u8]) -> Self {
        Self::at(buf, 0)
    }
    /// Messages of `buf`, reporting offsets from `base`.
    pub fn at(buf: &'a [u8], base: usize) -> Self {
        Self { buf, pos: 0, base, done: false, _order: PhantomData }
    }
    /// Bytes consumed so far.
    pub fn position(&self) -> usize {
        self.pos
    }
}

impl<'a, O: ByteOrder> Iterator for Messages<'a, O> {
    type Item = Result<NlMsg<'a, O>, DecodeError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let rest = self.buf.get(self.pos..).unwrap_or(&[]);
        if rest.is_empty() {
            self.done = true;
            return None;
        }
        match NlMsg::at(rest, self.base + self.pos) {
            Ok(m) => {
                self.pos = self.pos.saturating_add(align(m.bytes.len())).min(self.buf.len());
                Some(Ok(m))
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::LittleEndian;

    fn hdr(len: u32, ty: u16) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[..4].copy_from_slice(&len.to_le_bytes());
        b[4..6].copy_from_slice(&ty.to_le_bytes());
        b
    }

    #[test]
    fn reframe_keeps_length_and_payload() {
        let mut b = [0u8; 20];
        b[..16].copy_from_slice(&hdr(20, 3));
        b[16..].copy_from_slice(&[1, 2, 3, 4]);
        assert!(NlMsgHdr::<LittleEndian>::reframe(&mut b, 33, 0x5, 7, 9));
        let m = NlMsg::<LittleEndian>::new_checked(&b).unwrap();
        assert_eq!((m.ty(), m.flags(), m.seq(), m.pid(), m.payload()), (33, 5, 7, 9, &[1u8, 2, 3, 4][..]));
        assert_eq!(m.header().nlmsg_len.get(), 20);
        let mut short = [0u8; 15];
        assert!(!NlMsgHdr::<LittleEndian>::reframe(&mut short, 1, 1, 1, 1));
        assert_eq!(short, [0u8; 15]);
    }

    #[test]
    fn iterates_and_checks_lengths() {
        let mut buf = [0u8; 40];
        buf[..16].copy_from_slice(&hdr(20, 3));
        buf[20..36].copy_from_slice(&hdr(16, 1));
        let mut it = Messages::<LittleEndian>::with_order(&buf[..36]);
        let m0 = it.next().unwrap().unwrap();
        assert_eq!((m0.ty(), m0.payload().len(), m0.offset()), (3, 4, 0));
        assert_eq!(it.next().unwrap().unwrap().offset(), 20);
        assert!(it.next().is_none());

        // 4 stray bytes after the last message: truncated header at 36
        let mut it = Messages::<LittleEndian>::with_order(&buf).skip(2);
        assert_eq!(it.next(), Some(Err(DecodeError::new(36, DecodeErrorKind::Truncated { need: 16, have: 4 }))));
        assert_eq!(it.next(), None);
    }

    #[test]
    fn rejects_bad_lengths() {
        let small = hdr(15, 3);
        assert_eq!(NlMsg::<LittleEndian>::new_checked(&small).unwrap_err().kind, DecodeErrorKind::MsgLenTooSmall(15));
        let long = hdr(17, 3);
        assert_eq!(
            NlMsg::<LittleEndian>::new_checked(&long).unwrap_err().kind,
            DecodeErrorKind::MsgLenPastEnd { len: 17, avail: 16 }
        );
    }

    #[test]
    fn unpadded_final_message_is_accepted() {
        let mut buf = [0u8; 18];
        buf[..16].copy_from_slice(&hdr(18, 24));
        let mut it = Messages::<LittleEndian>::with_order(&buf);
        assert_eq!(it.next().unwrap().unwrap().payload(), &[0, 0]);
        assert!(it.next().is_none());
    }

    #[test]
    fn big_endian_header() {
        let mut b = [0u8; 16];
        b[..4].copy_from_slice(&16u32.to_be_bytes());
        b[4..6].copy_from_slice(&24u16.to_be_bytes());
        let m = NlMsg::<crate::wire::BigEndian>::new_checked(&b).unwrap();
        assert_eq!(m.ty(), 24);
    }
}
