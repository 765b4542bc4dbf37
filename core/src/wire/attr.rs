use core::marker::PhantomData;

use super::endian::{BigEndian, ByteOrder, NativeEndian, I32, I64, U16, U32, U64};
use super::{align, DecodeError, DecodeErrorKind};

/// `NLA_HDRLEN`: the size of `struct nlattr`.
pub const NLA_HDRLEN: usize = 4;
/// `NLA_F_NESTED`: the payload is a nested attribute set (not reliable in
/// rtnetlink: legacy nests are sent without it).
pub const NLA_F_NESTED: u16 = 0x8000;
/// `NLA_F_NET_BYTEORDER`: the payload is in network byte order.
pub const NLA_F_NET_BYTEORDER: u16 = 0x4000;
/// `NLA_TYPE_MASK`: the bits of `nla_type` that carry the attribute id.
pub const NLA_TYPE_MASK: u16 = !(NLA_F_NESTED | NLA_F_NET_BYTEORDER);

/// One attribute: `struct nlattr` and its payload, borrowed.
///
/// The raw `nla_type` (flag bits included) and the payload exactly as
/// received (`nla_len - 4` bytes, padding excluded) are kept, so an
/// attribute re-encodes byte for byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attr<'a, O: ByteOrder = NativeEndian> {
    ty: u16,
    payload: &'a [u8],
    offset: usize,
    _order: PhantomData<O>,
}

impl<'a, O: ByteOrder> Attr<'a, O> {
    /// An attribute with raw `nla_type` `ty` (flags included) and `payload`,
    /// said to start at byte `offset` of the enclosing buffer.
    pub const fn new(ty: u16, payload: &'a [u8], offset: usize) -> Self {
        Self { ty, payload, offset, _order: PhantomData }
    }
    /// The attribute id: `nla_type & NLA_TYPE_MASK`.
    #[inline]
    pub const fn id(&self) -> u16 {
        self.ty & NLA_TYPE_MASK
    }
    /// The raw `nla_type`, flag bits included.
    #[inline]
    pub const fn raw_type(&self) -> u16 {
        self.ty
    }
    /// The flag bits of `nla_type` (`NLA_F_NESTED`, `NLA_F_NET_BYTEORDER`).
    #[inline]
    pub const fn flag_bits(&self) -> u16 {
        self.ty & !NLA_TYPE_MASK
    }
    /// Whether `NLA_F_NESTED` was set.
    pub const fn is_nested(&self) -> bool {
        self.ty & NLA_F_NESTED != 0
    }
    /// Whether `NLA_F_NET_BYTEORDER` was set.
    pub const fn is_net_byteorder(&self) -> bool {
        self.ty & NLA_F_NET_BYTEORDER != 0
    }
    /// The payload (`nla_len - 4` bytes).
    #[inline]
    pub const fn payload(&self) -> &'a [u8] {
        self.payload
    }
    /// Offset of the `nlattr` header in the enclosing buffer.
    #[inline]
    pub const fn offset(&self) -> usize {
        self.offset
    }
    /// Offset of the payload in the enclosing buffer.
    #[inline]
    pub const fn payload_offset(&self) -> usize {
        self.offset + NLA_HDRLEN
    }
    /// `nla_len`: header plus payload, padding excluded.
    pub const fn len(&self) -> usize {
        NLA_HDRLEN + self.payload.len()
    }
    /// Whether the payload is empty (a flag attribute or an empty nest).
    pub const fn is_empty(&self) -> bool {
        self.payload.is_empty()
    }
    /// The payload read as a nested attribute set.
    pub fn nested(&self) -> Attrs<'a, O> {
        Attrs::at(self.payload, self.payload_offset())
    }

    fn bad_len(&self, expected: usize) -> DecodeError {
        DecodeError::new(self.payload_offset(), DecodeErrorKind::BadLength { expected, got: self.payload.len() })
    }
    fn fixed<const N: usize>(&self) -> Result<[u8; N], DecodeError> {
        self.payload.try_into().map_err(|_| self.bad_len(N))
    }
    /// The payload as a `u8`.
    pub fn u8(&self) -> Result<u8, DecodeError> {
        self.fixed::<1>().map(|b| b[0])
    }
    /// The payload as a host-order `u16`.
    pub fn u16(&self) -> Result<u16, DecodeError> {
        self.fixed::<2>().map(|b| U16::<O>::from_bytes(b).get())
    }
    /// The payload as a host-order `u32`.
    #[inline]
    pub fn u32(&self) -> Result<u32, DecodeError> {
        self.fixed::<4>().map(|b| U32::<O>::from_bytes(b).get())
    }
    /// The payload as a host-order `i32`.
    pub fn i32(&self) -> Result<i32, DecodeError> {
        self.fixed::<4>().map(|b| I32::<O>::from_bytes(b).get())
    }
    /// The payload as a host-order `u64` (no alignment assumed).
    pub fn u64(&self) -> Result<u64, DecodeError> {
        self.fixed::<8>().map(|b| U64::<O>::from_bytes(b).get())
    }
    /// The payload as a host-order `i64` (no alignment assumed).
    pub fn i64(&self) -> Result<i64, DecodeError> {
        self.fixed::<8>().map(|b| I64::<O>::from_bytes(b).get())
    }
    /// The payload as a big-endian `u16` (ports).
    pub fn be16(&self) -> Result<u16, DecodeError> {
        self.fixed::<2>().map(|b| U16::<BigEndian>::from_bytes(b).get())
    }
    /// The payload as a big-endian `u32`.
    pub fn be32(&self) -> Result<u32, DecodeError> {
        self.fixed::<4>().map(|b| U32::<BigEndian>::from_bytes(b).get())
    }
    /// The payload as a NUL-terminated UTF-8 string, NUL removed. The NUL
    /// must be the last byte and the only one, so the value re-encodes to
    /// the same bytes.
    pub fn str(&self) -> Result<&'a str, DecodeError> {
        let bad = DecodeError::new(self.payload_offset(), DecodeErrorKind::BadString);
        match self.payload.split_last() {
            // a byte loop, not `contains` (memchr): these strings are short
            Some((0, body)) if body.iter().all(|&c| c != 0) => core::str::from_utf8(body).map_err(|_| bad),
            _ => Err(bad),
        }
    }
}

/// A lazy iterator over a run of attributes, each length checked against
/// its parent.
///
/// After a framing error (`nla_len < 4`, or past the end) it yields the
/// error once and ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attrs<'a, O: ByteOrder = NativeEndian> {
    // the bytes not yet walked (emptied by a framing error)
    rest: &'a [u8],
    // offset of `rest[0]` in the enclosing buffer
    at: usize,
    _order: PhantomData<O>,
}

impl<'a, O: ByteOrder> Attrs<'a, O> {
    /// Attributes of `buf`, reporting offsets from 0.
    pub fn new(buf: &'a [u8]) -> Self {
        Self::at(buf, 0)
    }
    /// Attributes of `buf`, whose first byte is at `base` in the enclosing
    /// buffer (used in error offsets).
    pub const fn at(buf: &'a [u8], base: usize) -> Self {
        Self { rest: buf, at: base, _order: PhantomData }
    }
    /// The bytes this iterator has still to walk (all of them until the
    /// first `next`).
    pub const fn bytes(&self) -> &'a [u8] {
        self.rest
    }
    /// Offset of the first byte still to walk in the enclosing buffer.
    pub const fn base(&self) -> usize {
        self.at
    }
    /// The first framing error, if any (walks the whole run).
    pub fn framing_error(&self) -> Option<DecodeError> {
        self.clone().find_map(Result::err)
    }
    /// The bytes of the run from framing error `e` on (which the run
    /// yielded), so that a run that cannot be framed is still reproduced
    /// byte for byte.
    pub fn unframed_tail(&self, e: &DecodeError) -> &'a [u8] {
        let skip = e.offset.saturating_sub(self.at);
        self.rest.get(skip..).unwrap_or(&[])
    }
    /// The first well-framed attribute with id `id`, if any.
    pub fn find(&self, id: u16) -> Option<Attr<'a, O>> {
        self.clone().map_while(Result::ok).find(|a| a.id() == id)
    }
    /// Re-encodes the run as received: each well-framed attribute, then the
    /// unframed tail (if any) verbatim.
    pub fn emit_verbatim<B: super::Buffer>(&self, w: &mut super::Writer<B, O>) -> Result<(), super::EncodeError> {
        for a in self.clone() {
            match a {
                Ok(a) => w.attr(a.raw_type(), a.payload())?,
                Err(e) => return w.bytes(self.unframed_tail(&e)),
            }
        }
        Ok(())
    }
}

/// Offset of `nla_len` in `struct nlattr`.
pub const NLA_LEN_OFFSET: usize = 0;
/// Offset of `nla_type` in `struct nlattr`.
pub const NLA_TYPE_OFFSET: usize = 2;

impl<'a, O: ByteOrder> Iterator for Attrs<'a, O> {
    type Item = Result<Attr<'a, O>, DecodeError>;

    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest;
        if rest.is_empty() {
            return None;
        }
        let at = self.at;
        let fail = |s: &mut Self, kind| {
            s.rest = &[];
            Some(Err(DecodeError::new(at, kind)))
        };
        let Some(&[l0, l1, t0, t1]) = rest.get(..NLA_HDRLEN) else {
            return fail(self, DecodeErrorKind::Truncated { need: NLA_HDRLEN, have: rest.len() });
        };
        let len = U16::<O>::from_bytes([l0, l1]).get();
        let ty = U16::<O>::from_bytes([t0, t1]).get();
        if (len as usize) < NLA_HDRLEN {
            return fail(self, DecodeErrorKind::AttrLenTooSmall(len));
        }
        let payload = match rest.get(NLA_HDRLEN..len as usize) {
            Some(p) => p,
            None => return fail(self, DecodeErrorKind::AttrLenPastEnd { len, avail: rest.len() }),
        };
        let step = align(len as usize).min(rest.len());
        self.rest = rest.get(step..).unwrap_or(&[]);
        self.at = at.saturating_add(step);
        Some(Ok(Attr::new(ty, payload, at)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{BigEndian, LittleEndian};

    #[test]
    fn walks_attributes_with_padding() {
        // "v0\0" (len 7, 1 pad), u8 (len 5, 3 pad), u32
        let b = [7, 0, 3, 0, b'v', b'0', 0, 0, 5, 0, 0x1, 0x80, 9, 0, 0, 0, 8, 0, 4, 0, 1, 2, 3, 4];
        let mut it = Attrs::<LittleEndian>::new(&b);
        let a = it.next().unwrap().unwrap();
        assert_eq!((a.id(), a.str().unwrap(), a.offset()), (3, "v0", 0));
        let a = it.next().unwrap().unwrap();
        assert_eq!((a.id(), a.is_nested(), a.u8().unwrap(), a.offset()), (1, true, 9, 8));
        let a = it.next().unwrap().unwrap();
        assert_eq!(a.u32().unwrap(), 0x0403_0201);
        assert_eq!(a.be32().unwrap(), 0x0102_0304);
        assert!(it.next().is_none());
        // the same bytes as big-endian
        let a = Attrs::<BigEndian>::new(&[0, 8, 0, 4, 1, 2, 3, 4]).next().unwrap().unwrap();
        assert_eq!((a.id(), a.u32().unwrap()), (4, 0x0102_0304));
    }

    #[test]
    fn framing_errors_carry_offsets() {
        let b = [8, 0, 1, 0, 0, 0, 0, 0, 3, 0, 1, 0];
        let mut it = Attrs::<LittleEndian>::at(&b, 100);
        assert!(it.next().unwrap().is_ok());
        assert_eq!(it.next().unwrap().unwrap_err(), DecodeError::new(108, DecodeErrorKind::AttrLenTooSmall(3)));
        assert!(it.next().is_none());
        let b = [9, 0, 1, 0, 0, 0, 0, 0];
        assert_eq!(
            Attrs::<LittleEndian>::new(&b).next().unwrap().unwrap_err().kind,
            DecodeErrorKind::AttrLenPastEnd { len: 9, avail: 8 }
        );
        let b = [9, 0];
        assert_eq!(
            Attrs::<LittleEndian>::new(&b).next().unwrap().unwrap_err().kind,
            DecodeErrorKind::Truncated { need: 4, have: 2 }
        );
    }

    #[test]
    fn the_walk_state_is_what_remains() {
        // a last attribute whose padding the run lacks still ends the walk
        let b = [8, 0, 1, 0, 0, 0, 0, 0, 5, 0, 2, 0, 7];
        let mut it = Attrs::<LittleEndian>::at(&b, 40);
        assert_eq!((it.bytes().len(), it.base()), (13, 40));
        it.next();
        assert_eq!((it.bytes(), it.base()), (&b[8..], 48));
        assert_eq!(it.next().unwrap().unwrap().u8(), Ok(7));
        assert!(it.bytes().is_empty() && it.next().is_none());
        // after a framing error nothing remains, and the tail is kept whole
        let b = [8, 0, 1, 0, 0, 0, 0, 0, 2, 0, 1, 0];
        let all = Attrs::<LittleEndian>::at(&b, 40);
        let e = all.framing_error().unwrap();
        assert_eq!(all.unframed_tail(&e), &b[8..]);
        let mut it = all.clone();
        it.next();
        assert!(it.next().unwrap().is_err());
        assert!(it.bytes().is_empty() && it.next().is_none());
    }

    #[test]
    fn strings_must_end_in_one_nul() {
        let ok = Attr::<LittleEndian>::new(1, b"lo\0", 0);
        assert_eq!(ok.str(), Ok("lo"));
        for bad in [&b"lo"[..], b"l\0o\0", b"", b"\xff\0"] {
            assert!(Attr::<LittleEndian>::new(1, bad, 0).str().is_err());
        }
    }

    #[test]
    fn fixed_sizes_are_checked() {
        let a = Attr::<LittleEndian>::new(1, &[1, 2, 3], 10);
        assert_eq!(a.u32().unwrap_err(), DecodeError::new(14, DecodeErrorKind::BadLength { expected: 4, got: 3 }));
        assert!(a.u64().is_err() && a.u16().is_err() && a.u8().is_err());
    }
}
