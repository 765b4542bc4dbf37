//! One message type for every family with a fixed header followed by one
//! attribute set: [`Headered`], parameterised by the header struct, which
//! names its attribute set ([`FamilyHeader`]).
//!
//! Each family is then a type alias (`AddrMessage`, `RouteMessage`, …) plus
//! the accessors that are its own, and [`request`] writes a whole request of
//! any of them through the typed builder.

use core::fmt;

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

use super::{AttrSet, Ctx, PathName, Scope, TypedAttrs};
use crate::wire::visit::{MapRenderer, Render, Renderer};
use crate::wire::{Buffer, ByteOrder, DecodeError, DecodeErrorKind, EncodeError, NlMsg, Writer};

/// A family's fixed header (`struct ifaddrmsg`, `struct rtmsg`, …): the
/// struct, and the attribute set that follows it in a message.
pub trait FamilyHeader<O: ByteOrder>:
    FromBytes + IntoBytes + Immutable + KnownLayout + Render + Copy + fmt::Debug + PartialEq
{
    /// The attribute set after the header.
    type Attr<'a>: AttrSet<'a, O> + fmt::Debug + Clone + PartialEq;
    /// The address family byte (which selects address payloads).
    fn family(&self) -> u8;
}

/// A message of a family with a fixed header `H` and attributes of set
/// `H::Attr`, borrowed from the buffer and decoded lazily.
pub struct Headered<'a, O: ByteOrder, H: FamilyHeader<O>> {
    header: H,
    /// The header's padding to 4 bytes as received (a 1-byte `rtgenmsg`
    /// or `netconfmsg` has 3), kept so that re-encoding loses nothing.
    pad: &'a [u8],
    attrs: TypedAttrs<'a, O, H::Attr<'a>>,
}

impl<'a, O: ByteOrder, H: FamilyHeader<O>> Headered<'a, O, H> {
    /// Size of the fixed header (`sizeof`, before padding).
    pub const HEADER_LEN: usize = core::mem::size_of::<H>();

    /// Parses a message's payload. Fails only when the payload is shorter
    /// than the header; attribute errors surface while iterating.
    pub fn parse(msg: &NlMsg<'a, O>) -> Result<Self, DecodeError> {
        Self::parse_with(msg, false)
    }
    /// As [`parse`](Self::parse), decoding strictly when `strict` is set
    /// (see [`Ctx::strict`]).
    pub fn parse_with(msg: &NlMsg<'a, O>, strict: bool) -> Result<Self, DecodeError> {
        let p = msg.payload();
        let (header, _) = H::read_from_prefix(p).map_err(|_| {
            DecodeError::new(
                msg.payload_offset(),
                DecodeErrorKind::ShortStruct { need: Self::HEADER_LEN, have: p.len() },
            )
        })?;
        let ctx = Ctx::message(header.family(), msg.ty(), msg.flags()).strict(strict);
        let padded = crate::wire::align(Self::HEADER_LEN).min(p.len());
        let pad = p.get(Self::HEADER_LEN..padded).unwrap_or(&[]);
        Ok(Headered { header, pad, attrs: TypedAttrs::new(msg.attrs_after(Self::HEADER_LEN), ctx) })
    }
    /// The fixed header.
    #[inline]
    pub fn header(&self) -> &H {
        &self.header
    }
    /// The attributes, decoded lazily.
    #[inline]
    pub fn attrs(&self) -> TypedAttrs<'a, O, H::Attr<'a>> {
        self.attrs.clone()
    }
    /// The first attribute `id`, decoded.
    pub fn find(&self, id: u16) -> Option<H::Attr<'a>> {
        self.attrs.find(id)
    }
    /// The header's padding bytes as received (normally zeros; none for a
    /// header of a multiple of 4 bytes).
    pub fn header_pad(&self) -> &'a [u8] {
        self.pad
    }
    /// Encodes header, its padding as received, and attributes (as a
    /// message body).
    pub fn emit<B: Buffer>(&self, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.bytes(self.header.as_bytes())?;
        w.bytes(self.pad)?;
        self.attrs.emit_all(w)
    }
    /// The first attribute that did not decode, at any depth.
    pub fn first_error(&self) -> Option<DecodeError> {
        self.attrs.first_error()
    }
    /// Names the attributes that hold byte `offset` (see
    /// [`TypedAttrs::locate`]).
    pub fn locate(&self, offset: usize, f: &mut dyn FnMut(PathName)) {
        self.attrs.locate(offset, f)
    }
}

impl<O: ByteOrder, H: FamilyHeader<O>> Clone for Headered<'_, O, H> {
    fn clone(&self) -> Self {
        Headered { header: self.header, pad: self.pad, attrs: self.attrs.clone() }
    }
}

impl<O: ByteOrder, H: FamilyHeader<O>> PartialEq for Headered<'_, O, H> {
    fn eq(&self, other: &Self) -> bool {
        self.header == other.header && self.pad == other.pad && self.attrs == other.attrs
    }
}

impl<O: ByteOrder, H: FamilyHeader<O>> fmt::Debug for Headered<'_, O, H> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Headered").field("header", &self.header).field("attrs", &self.attrs).finish()
    }
}

impl<O: ByteOrder, H: FamilyHeader<O>> Render for Headered<'_, O, H> {
    /// `{"header": {...}, "attrs": [...]}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("header", &self.header)?;
        m.entry("attrs", &self.attrs)?;
        m.end()
    }
}
serde_via_render!(impl['a, O: ByteOrder, H: FamilyHeader<O>] Headered<'a, O, H>);

/// Writes a whole request of any headered family: `nlmsghdr`, `header`,
/// then the attributes `attrs` writes through the typed builder of the
/// header's set, and closes the message (or leaves nothing of it on error).
pub fn request<B: Buffer, O: ByteOrder, H: FamilyHeader<O>>(
    w: &mut Writer<B, O>,
    ty: u16,
    flags: u16,
    seq: u32,
    header: &H,
    attrs: impl FnOnce(&mut Scope<'_, B, O, H::Attr<'static>>) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    let m = w.begin_msg(ty, flags, seq, 0)?;
    let r = w.header(header).and_then(|_| attrs(&mut Scope::new(w))).and_then(|_| w.end_msg(m));
    if r.is_err() {
        w.cancel_msg(m);
    }
    r
}
