use core::marker::PhantomData;

use zerocopy::{Immutable, IntoBytes};

use super::endian::{BigEndian, ByteOrder, NativeEndian, I32, I64, U16, U32, U64};
use super::{align, EncodeError, NlMsgHdr, NLA_F_NESTED, NLA_HDRLEN, NLMSG_HDRLEN};

/// Storage the [`Writer`] appends to. Implemented for [`SliceBuffer`] (a
/// caller's `&mut [u8]`) and `heapless::Vec<u8, N>`; `rtnl-io` adds a
/// growable `Vec<u8>`.
pub trait Buffer {
    /// Bytes written so far.
    fn len(&self) -> usize;
    /// Whether nothing has been written.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Appends `data`, or fails without writing anything.
    fn extend(&mut self, data: &[u8]) -> Result<(), EncodeError>;
    /// Appends `n` zero bytes, or fails without writing anything.
    fn zeros(&mut self, n: usize) -> Result<(), EncodeError>;
    /// The bytes written so far, mutable (for back-patching lengths).
    fn written_mut(&mut self) -> &mut [u8];
    /// Drops everything after the first `len` bytes.
    fn truncate(&mut self, len: usize);
}

/// A [`Buffer`] over a caller's byte slice.
#[derive(Debug)]
pub struct SliceBuffer<'b> {
    buf: &'b mut [u8],
    len: usize,
}

impl<'b> SliceBuffer<'b> {
    /// An empty buffer that writes into `buf`.
    pub fn new(buf: &'b mut [u8]) -> Self {
        Self { buf, len: 0 }
    }
    /// The bytes written.
    pub fn written(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
    fn reserve(&mut self, n: usize) -> Result<&mut [u8], EncodeError> {
        let end = self.len.checked_add(n).ok_or(EncodeError::MsgTooLong(usize::MAX))?;
        let capacity = self.buf.len();
        let out = self.buf.get_mut(self.len..end).ok_or(EncodeError::BufferTooSmall { need: end, capacity })?;
        self.len = end;
        Ok(out)
    }
}

impl Buffer for SliceBuffer<'_> {
    fn len(&self) -> usize {
        self.len
    }
    fn extend(&mut self, data: &[u8]) -> Result<(), EncodeError> {
        self.reserve(data.len())?.copy_from_slice(data);
        Ok(())
    }
    fn zeros(&mut self, n: usize) -> Result<(), EncodeError> {
        self.reserve(n)?.fill(0);
        Ok(())
    }
    fn written_mut(&mut self) -> &mut [u8] {
        let len = self.len;
        self.buf.get_mut(..len).unwrap_or(&mut [])
    }
    fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }
}

impl<const N: usize> Buffer for heapless::Vec<u8, N> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    fn extend(&mut self, data: &[u8]) -> Result<(), EncodeError> {
        let need = self.as_slice().len().saturating_add(data.len());
        self.extend_from_slice(data).map_err(|_| EncodeError::BufferTooSmall { need, capacity: N })
    }
    fn zeros(&mut self, n: usize) -> Result<(), EncodeError> {
        let len = self.as_slice().len();
        let need = len.saturating_add(n);
        if need > N {
            return Err(EncodeError::BufferTooSmall { need, capacity: N });
        }
        self.resize(need, 0).map_err(|_| EncodeError::BufferTooSmall { need, capacity: N })
    }
    fn written_mut(&mut self) -> &mut [u8] {
        self.as_mut_slice()
    }
    fn truncate(&mut self, len: usize) {
        heapless::Vec::truncate(self, len)
    }
}

/// Where a message started; close it with [`Writer::end_msg`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use = "a message must be closed with Writer::end_msg"]
pub struct MsgMark(usize);

/// Where a nest (or any structure with a leading `u16` length, such as
/// `rtnexthop`) started; close it with [`Writer::end_nest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use = "a nest must be closed with Writer::end_nest or cancel_nest"]
pub struct AttrMark(usize);

/// Encodes netlink messages into a [`Buffer`] in byte order `O`.
///
/// Every write checks its room and fails with an [`EncodeError`] rather than
/// panicking; lengths are back-patched when a message or nest is closed, so
/// one pass suffices. Padding is zeroed.
///
/// ```
/// use rtnl_core::wire::{Messages, SliceBuffer, Writer};
///
/// let mut storage = [0u8; 64];
/// let mut w = Writer::new(SliceBuffer::new(&mut storage));
/// let m = w.begin_msg(24, 0x0001, 1, 0)?;   // RTM_NEWROUTE, NLM_F_REQUEST
/// w.header(&[2u8, 32, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0])?; // rtmsg
/// w.attr_u32(4, 7)?;                         // RTA_OIF 7
/// let metrics = w.begin_nest(8)?;            // RTA_METRICS
/// w.attr_u32(2, 1400)?;                      // RTAX_MTU
/// w.end_nest(metrics)?;
/// w.end_msg(m)?;
/// let bytes = w.into_inner();
/// let msg = Messages::new(bytes.written()).next().ok_or("no message")??;
/// assert_eq!(msg.bytes().len(), 16 + 12 + 8 + 12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Writer<B: Buffer, O: ByteOrder = NativeEndian> {
    buf: B,
    _order: PhantomData<O>,
}

impl<B: Buffer> Writer<B, NativeEndian> {
    /// A writer in the host's byte order.
    pub fn new(buf: B) -> Self {
        Self::with_order(buf)
    }
}

impl<B: Buffer, O: ByteOrder> Writer<B, O> {
    /// A writer in byte order `O`.
    pub fn with_order(buf: B) -> Self {
        Self { buf, _order: PhantomData }
    }
    /// The buffer.
    pub fn into_inner(self) -> B {
        self.buf
    }
    /// The buffer, borrowed.
    pub fn buffer(&self) -> &B {
        &self.buf
    }
    /// The buffer, mutably borrowed.
    pub fn buffer_mut(&mut self) -> &mut B {
        &mut self.buf
    }
    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.buf.len()
    }
    /// Whether nothing has been written.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Appends `data` as it is, with no padding (to reproduce received bytes
    /// verbatim, such as the unpadded tail of a final message).
    pub fn bytes(&mut self, data: &[u8]) -> Result<(), EncodeError> {
        self.buf.extend(data)
    }

    /// Appends `data` then zero padding to the next 4-byte boundary.
    pub fn bytes_padded(&mut self, data: &[u8]) -> Result<(), EncodeError> {
        let start = self.buf.len();
        self.buf.extend(data)?;
        let pad = align(data.len()) - data.len();
        if let Err(e) = self.buf.zeros(pad) {
            self.buf.truncate(start);
            return Err(e);
        }
        Ok(())
    }

    /// Starts a message: writes a `nlmsghdr` whose length is patched by
    /// [`end_msg`](Self::end_msg).
    pub fn begin_msg(&mut self, ty: u16, flags: u16, seq: u32, pid: u32) -> Result<MsgMark, EncodeError> {
        let start = self.buf.len();
        self.buf.extend(NlMsgHdr::<O>::new(NLMSG_HDRLEN as u32, ty, flags, seq, pid).as_bytes())?;
        Ok(MsgMark(start))
    }

    /// Closes a message, setting its `nlmsg_len` (which includes the final
    /// attribute's padding, as the kernel's does).
    pub fn end_msg(&mut self, mark: MsgMark) -> Result<(), EncodeError> {
        let len = self.buf.len().checked_sub(mark.0).ok_or(EncodeError::BadMark)?;
        let len32 = u32::try_from(len).map_err(|_| EncodeError::MsgTooLong(len))?;
        let at = mark.0 + super::nlmsg::NLMSG_LEN_OFFSET;
        let slot = self.buf.written_mut().get_mut(at..at + 4).ok_or(EncodeError::BadMark)?;
        slot.copy_from_slice(U32::<O>::new(len32).as_bytes());
        Ok(())
    }

    /// Writes a fixed family header (any `zerocopy` struct, or a byte
    /// array), padded to 4 bytes.
    pub fn header<T: IntoBytes + Immutable + ?Sized>(&mut self, header: &T) -> Result<(), EncodeError> {
        self.bytes_padded(header.as_bytes())
    }

    /// Writes an attribute with raw `nla_type` `ty` (flag bits as given) and
    /// `payload`, then its padding.
    pub fn attr(&mut self, ty: u16, payload: &[u8]) -> Result<(), EncodeError> {
        let len = NLA_HDRLEN + payload.len();
        let len16 = u16::try_from(len).map_err(|_| EncodeError::AttrTooLong(len))?;
        let start = self.buf.len();
        let mut hdr = [0u8; 4];
        hdr[..2].copy_from_slice(U16::<O>::new(len16).as_bytes());
        hdr[2..].copy_from_slice(U16::<O>::new(ty).as_bytes());
        self.buf.extend(&hdr)?;
        if let Err(e) = self.bytes_padded(payload) {
            self.buf.truncate(start);
            return Err(e);
        }
        Ok(())
    }
    /// A flag attribute (empty payload).
    pub fn attr_flag(&mut self, ty: u16) -> Result<(), EncodeError> {
        self.attr(ty, &[])
    }
    /// A `u8` attribute.
    pub fn attr_u8(&mut self, ty: u16, v: u8) -> Result<(), EncodeError> {
        self.attr(ty, &[v])
    }
    /// A host-order `u16` attribute.
    pub fn attr_u16(&mut self, ty: u16, v: u16) -> Result<(), EncodeError> {
        self.attr(ty, U16::<O>::new(v).as_bytes())
    }
    /// A host-order `u32` attribute.
    pub fn attr_u32(&mut self, ty: u16, v: u32) -> Result<(), EncodeError> {
        self.attr(ty, U32::<O>::new(v).as_bytes())
    }
    /// A host-order `i32` attribute.
    pub fn attr_i32(&mut self, ty: u16, v: i32) -> Result<(), EncodeError> {
        self.attr(ty, I32::<O>::new(v).as_bytes())
    }
    /// A host-order `u64` attribute (no `*_PAD` attribute is inserted).
    pub fn attr_u64(&mut self, ty: u16, v: u64) -> Result<(), EncodeError> {
        self.attr(ty, U64::<O>::new(v).as_bytes())
    }
    /// A host-order `i64` attribute (no `*_PAD` attribute is inserted).
    pub fn attr_i64(&mut self, ty: u16, v: i64) -> Result<(), EncodeError> {
        self.attr(ty, I64::<O>::new(v).as_bytes())
    }
    /// A big-endian `u16` attribute (ports).
    pub fn attr_be16(&mut self, ty: u16, v: u16) -> Result<(), EncodeError> {
        self.attr(ty, U16::<BigEndian>::new(v).as_bytes())
    }
    /// A big-endian `u32` attribute.
    pub fn attr_be32(&mut self, ty: u16, v: u32) -> Result<(), EncodeError> {
        self.attr(ty, U32::<BigEndian>::new(v).as_bytes())
    }
    /// A NUL-terminated string attribute.
    pub fn attr_str(&mut self, ty: u16, s: &str) -> Result<(), EncodeError> {
        self.attr_parts(ty, &[s.as_bytes(), &[0]])
    }
    /// An attribute whose payload is `parts` concatenated (a struct head
    /// and a variable tail, say), then its padding.
    pub fn attr_parts(&mut self, ty: u16, parts: &[&[u8]]) -> Result<(), EncodeError> {
        let body: usize = parts.iter().map(|p| p.len()).sum();
        let len = NLA_HDRLEN + body;
        let len16 = u16::try_from(len).map_err(|_| EncodeError::AttrTooLong(len))?;
        let start = self.buf.len();
        let mut hdr = [0u8; 4];
        hdr[..2].copy_from_slice(U16::<O>::new(len16).as_bytes());
        hdr[2..].copy_from_slice(U16::<O>::new(ty).as_bytes());
        let mut r = self.buf.extend(&hdr);
        for p in parts {
            r = r.and_then(|_| self.buf.extend(p));
        }
        let r = r.and_then(|_| self.buf.zeros(align(len) - len));
        if r.is_err() {
            self.buf.truncate(start);
        }
        r
    }

    /// Starts a nest with `NLA_F_NESTED` set on `ty` (as the kernel wants for
    /// new nests, and ignores on legacy ones).
    pub fn begin_nest(&mut self, ty: u16) -> Result<AttrMark, EncodeError> {
        self.begin_nest_raw(ty | NLA_F_NESTED)
    }
    /// Starts a nest whose raw `nla_type` is exactly `ty` (flag bits as
    /// given; used to reproduce received legacy nests).
    pub fn begin_nest_raw(&mut self, ty: u16) -> Result<AttrMark, EncodeError> {
        let mut hdr = [0u8; 4];
        hdr[2..].copy_from_slice(U16::<O>::new(ty).as_bytes());
        self.begin_len16(&hdr)
    }
    /// Starts any structure that begins with a `u16` length covering itself
    /// and what follows (an `nlattr`, an `rtnexthop`, …): writes `head`
    /// (whose first two bytes are patched later) padded to 4 bytes.
    pub fn begin_len16(&mut self, head: &[u8]) -> Result<AttrMark, EncodeError> {
        let start = self.buf.len();
        self.bytes_padded(head)?;
        Ok(AttrMark(start))
    }
    /// Closes a nest (or [`begin_len16`](Self::begin_len16) structure),
    /// setting its length to everything written since it began.
    pub fn end_nest(&mut self, mark: AttrMark) -> Result<(), EncodeError> {
        let len = self.buf.len().checked_sub(mark.0).ok_or(EncodeError::BadMark)?;
        let len16 = u16::try_from(len).map_err(|_| EncodeError::AttrTooLong(len))?;
        let slot = self.buf.written_mut().get_mut(mark.0..mark.0 + 2).ok_or(EncodeError::BadMark)?;
        slot.copy_from_slice(U16::<O>::new(len16).as_bytes());
        Ok(())
    }
    /// Drops a nest and everything written in it.
    pub fn cancel_nest(&mut self, mark: AttrMark) {
        self.buf.truncate(mark.0);
    }
    /// Drops a message and everything written in it.
    pub fn cancel_msg(&mut self, mark: MsgMark) {
        self.buf.truncate(mark.0);
    }
    /// Runs `f` and, if it fails, drops everything it wrote (so a group of
    /// attributes is written whole or not at all).
    pub fn all_or_nothing<T, E>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, E>) -> Result<T, E> {
        let start = self.buf.len();
        let r = f(self);
        if r.is_err() {
            self.buf.truncate(start);
        }
        r
    }
    /// Writes a nest: begins it (with `NLA_F_NESTED` when `flagged`), runs
    /// `f` to fill it, and ends it; on error everything is dropped.
    pub fn nest<E: From<EncodeError>>(
        &mut self,
        ty: u16,
        flagged: bool,
        f: impl FnOnce(&mut Self) -> Result<(), E>,
    ) -> Result<(), E> {
        self.all_or_nothing(|w| {
            let m = if flagged { w.begin_nest(ty)? } else { w.begin_nest_raw(ty)? };
            f(w)?;
            w.end_nest(m).map_err(E::from)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{Attrs, BigEndian, LittleEndian};

    #[test]
    fn message_with_nest_and_padding() {
        let mut s = [0xffu8; 64];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut s));
        let m = w.begin_msg(24, 5, 9, 0).unwrap();
        w.header(&[7u8]).unwrap(); // 1-byte header: attributes at 20
        let n = w.begin_nest(8).unwrap();
        w.attr_u8(1, 3).unwrap();
        w.attr_str(16, "cubic").unwrap();
        w.end_nest(n).unwrap();
        w.end_msg(m).unwrap();
        let out = w.into_inner();
        let b = out.written();
        assert_eq!(
            b,
            &[
                44, 0, 0, 0, 24, 0, 5, 0, 9, 0, 0, 0, 0, 0, 0, 0, // nlmsghdr
                7, 0, 0, 0, // header + pad
                24, 0, 8, 0x80, // nest
                5, 0, 1, 0, 3, 0, 0, 0, // u8 + pad
                10, 0, 16, 0, b'c', b'u', b'b', b'i', b'c', 0, 0, 0, // str
            ][..]
        );
        let nest = Attrs::<LittleEndian>::new(&b[20..]).next().unwrap().unwrap();
        assert!(nest.is_nested());
        assert_eq!(nest.nested().count(), 2);
    }

    #[test]
    fn too_small_buffers_are_errors_and_write_nothing() {
        let mut s = [0u8; 10];
        let mut w = Writer::<_, BigEndian>::with_order(SliceBuffer::new(&mut s));
        w.attr_u32(1, 1).unwrap();
        assert_eq!(w.attr_u8(2, 1), Err(EncodeError::BufferTooSmall { need: 12, capacity: 10 }));
        assert_eq!(w.len(), 8);
        assert!(w.begin_msg(1, 0, 0, 0).is_err());
        assert_eq!(w.len(), 8);
        assert_eq!(w.into_inner().written(), &[0, 8, 0, 1, 0, 0, 0, 1]);
    }

    #[test]
    fn lengths_over_u16_are_errors() {
        let mut s = [0u8; 70_000];
        let mut w = Writer::new(SliceBuffer::new(&mut s));
        let big = [0u8; 65_532];
        assert_eq!(w.attr(1, &big), Err(EncodeError::AttrTooLong(65_536)));
        assert_eq!(w.len(), 0);
        let n = w.begin_nest(1).unwrap();
        w.attr(2, &big[..65_000]).unwrap();
        w.attr(2, &big[..1000]).unwrap();
        assert!(matches!(w.end_nest(n), Err(EncodeError::AttrTooLong(_))));
        w.cancel_nest(n);
        assert!(w.is_empty());
    }

    #[test]
    fn heapless_vec_buffer() {
        let mut w = Writer::new(heapless::Vec::<u8, 8>::new());
        w.attr_u16(1, 5).unwrap();
        assert!(w.attr_u16(1, 5).is_err());
        assert_eq!(w.len(), 8);
    }
}
