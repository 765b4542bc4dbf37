//! Attribute payload types shared by the families, and the traits that the
//! attribute-set tables implement.

use core::marker::PhantomData;
use core::net::{Ipv4Addr, Ipv6Addr};

use crate::wire::visit::{Value, Visitor};
use crate::wire::{Attr, Attrs, Buffer, ByteOrder, DecodeError, DecodeErrorKind, EncodeError, Writer};
use crate::wire::{U16, U32};

/// `AF_INET`.
pub const AF_INET: u8 = 2;
/// `AF_INET6`.
pub const AF_INET6: u8 = 10;
/// `AF_BRIDGE`.
pub const AF_BRIDGE: u8 = 7;
/// `AF_MPLS`.
pub const AF_MPLS: u8 = 28;
/// `AF_PACKET`.
pub const AF_PACKET: u8 = 17;
/// `RTNL_FAMILY_IPMR`: the IPv4 multicast routing cache.
pub const RTNL_FAMILY_IPMR: u8 = 128;
/// `RTNL_FAMILY_IP6MR`: the IPv6 multicast routing cache.
pub const RTNL_FAMILY_IP6MR: u8 = 129;

/// What an attribute's meaning depends on outside itself: the address
/// family of the message (from its fixed header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ctx {
    /// The message's address family (`AF_*`, `RTNL_FAMILY_*`).
    pub family: u8,
}

/// A payload type: how one attribute's bytes decode, encode and render.
pub trait AttrPayload<'a, O: ByteOrder>: Sized {
    /// Whether this payload is a nested attribute set (which may carry
    /// `NLA_F_NESTED`); leaf attributes with flag bits are kept as invalid.
    const NESTED: bool = false;
    /// Decodes the payload of `attr`.
    fn decode(attr: &Attr<'a, O>, ctx: Ctx) -> Result<Self, DecodeError>;
    /// Encodes the whole attribute, header included, as id `ty`.
    fn emit<B: Buffer>(&self, ty: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError>;
    /// Describes the value.
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V);
    /// The first error inside (nested sets, multipath hops); leaves have none.
    fn first_error(&self) -> Option<DecodeError> {
        None
    }
}

/// An attribute set declared with the table macro (`RouteAttr`, …).
pub trait AttrSet<'a, O: ByteOrder>: Sized {
    /// The kernel name of attribute id `id`, if the set knows it.
    fn name_of(id: u16) -> Option<&'static str>;
    /// Decodes one attribute; never fails: unknown ids become `Unknown`,
    /// bad payloads `Invalid`, both kept verbatim.
    fn decode(attr: Attr<'a, O>, ctx: Ctx) -> Self;
    /// Encodes the attribute.
    fn emit<B: Buffer>(&self, w: &mut Writer<B, O>) -> Result<(), EncodeError>;
    /// Describes the attribute as a `[name, value]` pair.
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V);
    /// The first decoding error in this attribute or inside it.
    fn error(&self) -> Option<DecodeError>;
}

/// A run of attributes decoded lazily as set `T`.
///
/// Yields `Err` once for a framing error (after which the run cannot be
/// followed) and ends.
#[derive(Debug, PartialEq)]
pub struct TypedAttrs<'a, O: ByteOrder, T> {
    raw: Attrs<'a, O>,
    ctx: Ctx,
    _set: PhantomData<fn() -> T>,
}

impl<O: ByteOrder, T> Clone for TypedAttrs<'_, O, T> {
    fn clone(&self) -> Self {
        Self { raw: self.raw.clone(), ctx: self.ctx, _set: PhantomData }
    }
}

impl<'a, O: ByteOrder, T: AttrSet<'a, O>> TypedAttrs<'a, O, T> {
    /// Typed attributes over a raw run, with context `ctx`.
    pub fn new(raw: Attrs<'a, O>, ctx: Ctx) -> Self {
        Self { raw, ctx, _set: PhantomData }
    }
    /// The raw attributes.
    pub fn raw(&self) -> &Attrs<'a, O> {
        &self.raw
    }
    /// Encodes every attribute in order. Bytes after a framing error
    /// (which [`first_error`](Self::first_error) reports) are reproduced
    /// verbatim, so nothing is lost.
    pub fn emit_all<B: Buffer>(&self, w: &mut Writer<B, O>) -> Result<(), EncodeAllError> {
        for a in self.clone() {
            match a {
                Ok(a) => a.emit(w)?,
                Err(e) => {
                    emit_unframed_tail(&self.raw, &e, w)?;
                    break;
                }
            }
        }
        Ok(())
    }
    /// Describes the run as an array of `[name, value]` pairs (stopping at
    /// a framing error, which [`first_error`](Self::first_error) reports).
    pub fn visit_all<V: Visitor + ?Sized>(&self, v: &mut V) {
        v.begin_array();
        for a in self.clone().map_while(Result::ok) {
            a.visit(v);
        }
        v.end_array();
    }
    /// The first framing or payload error in the run, nested sets included.
    pub fn first_error(&self) -> Option<DecodeError> {
        self.clone().find_map(|a| match a {
            Ok(a) => a.error(),
            Err(e) => Some(e),
        })
    }
}

impl<'a, O: ByteOrder, T: AttrSet<'a, O>> Iterator for TypedAttrs<'a, O, T> {
    type Item = Result<T, DecodeError>;
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let ctx = self.ctx;
        self.raw.next().map(|r| r.map(|a| T::decode(a, ctx)))
    }
}

/// Writes the bytes of `raw` from its framing error `e` on, verbatim, so
/// that a run that cannot be framed is still reproduced byte for byte.
pub(crate) fn emit_unframed_tail<B: Buffer, O: ByteOrder>(
    raw: &Attrs<'_, O>,
    e: &DecodeError,
    w: &mut Writer<B, O>,
) -> Result<(), EncodeError> {
    let skip = e.offset.saturating_sub(raw.base());
    w.bytes(raw.bytes().get(skip..).unwrap_or(&[]))
}

/// Why re-encoding decoded attributes failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodeAllError {
    /// The input could not be framed, so it cannot be reproduced.
    Decode(DecodeError),
    /// The output buffer refused the bytes.
    Encode(EncodeError),
}

impl core::fmt::Display for EncodeAllError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            EncodeAllError::Decode(e) => write!(f, "undecodable input: {e}"),
            EncodeAllError::Encode(e) => write!(f, "encoding failed: {e}"),
        }
    }
}

impl From<EncodeError> for EncodeAllError {
    fn from(e: EncodeError) -> Self {
        EncodeAllError::Encode(e)
    }
}

// ---- scalars ----

macro_rules! int_payload {
    ($t:ty, $get:ident, $put:ident, $val:ident) => {
        impl<'a, O: ByteOrder> AttrPayload<'a, O> for $t {
            #[inline]
            fn decode(attr: &Attr<'a, O>, _: Ctx) -> Result<Self, DecodeError> {
                attr.$get()
            }
            fn emit<B: Buffer>(&self, ty: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
                w.$put(ty, *self)
            }
            fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
                v.value(Value::$val((*self).into()))
            }
        }
    };
}
int_payload!(u8, u8, attr_u8, U64);
int_payload!(u16, u16, attr_u16, U64);
int_payload!(u32, u32, attr_u32, U64);
int_payload!(u64, u64, attr_u64, U64);
int_payload!(i32, i32, attr_i32, I64);

/// A big-endian `u16` payload (ports), whatever the host order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Be16(pub u16);
int_payload!(Be16, be16_payload, attr_be16_payload, U64);

/// A big-endian `u32` payload (flow labels), whatever the host order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Be32(pub u32);
int_payload!(Be32, be32_payload, attr_be32_payload, U64);

impl From<Be16> for u64 {
    fn from(v: Be16) -> u64 {
        v.0.into()
    }
}
impl From<Be32> for u64 {
    fn from(v: Be32) -> u64 {
        v.0.into()
    }
}
impl<O: ByteOrder> Attr<'_, O> {
    fn be16_payload(&self) -> Result<Be16, DecodeError> {
        self.be16().map(Be16)
    }
    fn be32_payload(&self) -> Result<Be32, DecodeError> {
        self.be32().map(Be32)
    }
}
impl<B: Buffer, O: ByteOrder> Writer<B, O> {
    fn attr_be16_payload(&mut self, ty: u16, v: Be16) -> Result<(), EncodeError> {
        self.attr_be16(ty, v.0)
    }
    fn attr_be32_payload(&mut self, ty: u16, v: Be32) -> Result<(), EncodeError> {
        self.attr_be32(ty, v.0)
    }
}

/// An integer sent as 4 or 8 bytes (YNL `uint`; also `RTA_EXPIRES`, which is
/// 4 bytes for IPv6 routes and 8 for multicast-cache entries). The width is
/// kept so that it re-encodes as received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Uint {
    /// The value.
    pub value: u64,
    /// Whether it was (or is to be) sent as 8 bytes.
    pub wide: bool,
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Uint {
    fn decode(attr: &Attr<'a, O>, _: Ctx) -> Result<Self, DecodeError> {
        match attr.payload().len() {
            8 => attr.u64().map(|value| Uint { value, wide: true }),
            _ => attr.u32().map(|v| Uint { value: v.into(), wide: false }),
        }
    }
    fn emit<B: Buffer>(&self, ty: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        match u32::try_from(self.value) {
            Ok(v) if !self.wide => w.attr_u32(ty, v),
            _ => w.attr_u64(ty, self.value),
        }
    }
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
        v.value(Value::U64(self.value))
    }
}

/// A flag attribute: present, with an empty payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Flag;

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Flag {
    fn decode(attr: &Attr<'a, O>, _: Ctx) -> Result<Self, DecodeError> {
        if attr.is_empty() {
            Ok(Flag)
        } else {
            Err(DecodeError::new(
                attr.payload_offset(),
                DecodeErrorKind::BadLength { expected: 0, got: attr.payload().len() },
            ))
        }
    }
    fn emit<B: Buffer>(&self, ty: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr_flag(ty)
    }
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
        v.value(Value::True)
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for &'a str {
    fn decode(attr: &Attr<'a, O>, _: Ctx) -> Result<Self, DecodeError> {
        attr.str()
    }
    fn emit<B: Buffer>(&self, ty: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr_str(ty, self)
    }
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
        v.value(Value::Str(self))
    }
}

/// Opaque bytes, kept as received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bytes<'a>(pub &'a [u8]);

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Bytes<'a> {
    fn decode(attr: &Attr<'a, O>, _: Ctx) -> Result<Self, DecodeError> {
        Ok(Bytes(attr.payload()))
    }
    fn emit<B: Buffer>(&self, ty: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(ty, self.0)
    }
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
        v.value(Value::Hex(self.0))
    }
}

// ---- addresses ----

/// A network-layer address whose form follows the message's family: IPv4
/// for `AF_INET` and `RTNL_FAMILY_IPMR`, IPv6 for `AF_INET6` and
/// `RTNL_FAMILY_IP6MR`, an MPLS label stack for `AF_MPLS`. Anything else
/// (another family, or a length that does not fit) is kept as bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Address<'a> {
    /// An IPv4 address.
    V4(Ipv4Addr),
    /// An IPv6 address.
    V6(Ipv6Addr),
    /// An MPLS label stack.
    Mpls(Labels<'a>),
    /// Bytes of another family.
    Other(&'a [u8]),
}

impl<'a> Address<'a> {
    /// Reads `bytes` as an address of `family`.
    pub fn from_bytes(family: u8, bytes: &'a [u8]) -> Self {
        match (family, bytes.len()) {
            (AF_INET | RTNL_FAMILY_IPMR, 4) => {
                let mut b = [0u8; 4];
                b.copy_from_slice(bytes);
                Address::V4(Ipv4Addr::from(b))
            }
            (AF_INET6 | RTNL_FAMILY_IP6MR, 16) => {
                let mut b = [0u8; 16];
                b.copy_from_slice(bytes);
                Address::V6(Ipv6Addr::from(b))
            }
            (AF_MPLS, n) if n.is_multiple_of(4) && n > 0 => Address::Mpls(Labels(bytes)),
            _ => Address::Other(bytes),
        }
    }
    /// Visits the address as a value (`"10.0.0.1"`, an array of labels, or hex).
    pub fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
        match self {
            Address::V4(a) => v.value(Value::Ipv4(a.octets())),
            Address::V6(a) => v.value(Value::Ipv6(a.octets())),
            Address::Mpls(l) => l.visit(v),
            Address::Other(b) => v.value(Value::Hex(b)),
        }
    }
    /// Writes the address's bytes through `f` (no allocation).
    pub fn with_bytes<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        match self {
            Address::V4(a) => f(&a.octets()),
            Address::V6(a) => f(&a.octets()),
            Address::Mpls(l) => f(l.0),
            Address::Other(b) => f(b),
        }
    }
}

impl From<Ipv4Addr> for Address<'_> {
    fn from(a: Ipv4Addr) -> Self {
        Address::V4(a)
    }
}
impl From<Ipv6Addr> for Address<'_> {
    fn from(a: Ipv6Addr) -> Self {
        Address::V6(a)
    }
}
impl From<core::net::IpAddr> for Address<'_> {
    fn from(a: core::net::IpAddr) -> Self {
        match a {
            core::net::IpAddr::V4(a) => Address::V4(a),
            core::net::IpAddr::V6(a) => Address::V6(a),
        }
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Address<'a> {
    #[inline]
    fn decode(attr: &Attr<'a, O>, ctx: Ctx) -> Result<Self, DecodeError> {
        Ok(Address::from_bytes(ctx.family, attr.payload()))
    }
    fn emit<B: Buffer>(&self, ty: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        self.with_bytes(|b| w.attr(ty, b))
    }
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
        Address::visit(self, v)
    }
}

/// One MPLS label stack entry (`struct mpls_label`, big-endian on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Label {
    /// The 20-bit label.
    pub label: u32,
    /// The 3-bit traffic class.
    pub tc: u8,
    /// Bottom of stack.
    pub bos: bool,
    /// Time to live.
    pub ttl: u8,
}

impl Label {
    /// Decodes a label stack entry from its 32-bit value.
    pub const fn from_u32(v: u32) -> Self {
        Label { label: v >> 12, tc: ((v >> 9) & 7) as u8, bos: (v >> 8) & 1 == 1, ttl: (v & 0xff) as u8 }
    }
    /// The entry's 32-bit value (label << 12 | tc << 9 | bos << 8 | ttl).
    pub const fn to_u32(self) -> u32 {
        (self.label & 0xf_ffff) << 12 | ((self.tc as u32) & 7) << 9 | (self.bos as u32) << 8 | self.ttl as u32
    }
}

/// An MPLS label stack (`RTA_NEWDST`, `RTA_DST` of `AF_MPLS` routes),
/// borrowed: a whole number of big-endian 32-bit entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Labels<'a>(pub &'a [u8]);

impl<'a> Labels<'a> {
    /// The entries.
    pub fn iter(&self) -> impl Iterator<Item = Label> + 'a {
        self.0.chunks_exact(4).map(|c| Label::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]])))
    }
    /// Visits the stack as an array of `{label, tc, bos, ttl}` objects.
    pub fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
        v.begin_array();
        for l in self.iter() {
            v.begin_object();
            v.field("label", Value::U64(l.label.into()));
            v.field("tc", Value::U64(l.tc.into()));
            v.field("bos", Value::U64(l.bos.into()));
            v.field("ttl", Value::U64(l.ttl.into()));
            v.end_object();
        }
        v.end_array();
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Labels<'a> {
    fn decode(attr: &Attr<'a, O>, _: Ctx) -> Result<Self, DecodeError> {
        let n = attr.payload().len();
        if n.is_multiple_of(4) {
            Ok(Labels(attr.payload()))
        } else {
            Err(DecodeError::new(attr.payload_offset(), DecodeErrorKind::BadLength { expected: n - n % 4, got: n }))
        }
    }
    fn emit<B: Buffer>(&self, ty: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(ty, self.0)
    }
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
        Labels::visit(self, v)
    }
}

// ---- nests ----

/// A nested attribute set, decoded lazily as set `T`. The received flag bits
/// (`NLA_F_NESTED` or not) are kept and re-encoded.
#[derive(Debug, PartialEq)]
pub struct Nest<'a, O: ByteOrder, T> {
    /// The flag bits of the nest's `nla_type`.
    pub flags: u16,
    attrs: TypedAttrs<'a, O, T>,
}

impl<O: ByteOrder, T> Clone for Nest<'_, O, T> {
    fn clone(&self) -> Self {
        Self { flags: self.flags, attrs: self.attrs.clone() }
    }
}

impl<'a, O: ByteOrder, T: AttrSet<'a, O>> Nest<'a, O, T> {
    /// The nested attributes.
    pub fn iter(&self) -> TypedAttrs<'a, O, T> {
        self.attrs.clone()
    }
}

impl<'a, O: ByteOrder, T: AttrSet<'a, O>> AttrPayload<'a, O> for Nest<'a, O, T> {
    const NESTED: bool = true;
    fn decode(attr: &Attr<'a, O>, ctx: Ctx) -> Result<Self, DecodeError> {
        Ok(Nest { flags: attr.flag_bits(), attrs: TypedAttrs::new(attr.nested(), ctx) })
    }
    fn emit<B: Buffer>(&self, ty: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        if self.attrs.raw().framing_error().is_some() {
            // not a well-formed nest: keep it as received
            return w.attr(ty | self.flags, self.attrs.raw().bytes());
        }
        let m = w.begin_nest_raw(ty | self.flags)?;
        for a in self.attrs.clone().flatten() {
            a.emit(w)?;
        }
        w.end_nest(m)
    }
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
        self.attrs.visit_all(v)
    }
    fn first_error(&self) -> Option<DecodeError> {
        self.attrs.first_error()
    }
}

/// A nest whose contents this version keeps as bytes (typed by a later
/// version): re-encodes exactly, flag bits included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawNest<'a> {
    /// The flag bits of the nest's `nla_type`.
    pub flags: u16,
    /// The nest's payload.
    pub bytes: &'a [u8],
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for RawNest<'a> {
    const NESTED: bool = true;
    fn decode(attr: &Attr<'a, O>, _: Ctx) -> Result<Self, DecodeError> {
        Ok(RawNest { flags: attr.flag_bits(), bytes: attr.payload() })
    }
    fn emit<B: Buffer>(&self, ty: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(ty | self.flags, self.bytes)
    }
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
        v.value(Value::Hex(self.bytes))
    }
}

/// Reads a `zerocopy` struct that must fill the payload exactly.
pub(crate) fn exact_struct<T: zerocopy::FromBytes + zerocopy::KnownLayout + zerocopy::Immutable, O: ByteOrder>(
    attr: &Attr<'_, O>,
) -> Result<T, DecodeError> {
    T::read_from_bytes(attr.payload()).map_err(|_| {
        DecodeError::new(
            attr.payload_offset(),
            DecodeErrorKind::BadLength { expected: core::mem::size_of::<T>(), got: attr.payload().len() },
        )
    })
}

/// A struct field's rendering.
pub trait FieldValue {
    /// The field as a scalar value.
    fn value(&self) -> Value<'_>;
}
impl FieldValue for u8 {
    fn value(&self) -> Value<'_> {
        Value::U64((*self).into())
    }
}
impl<O: ByteOrder> FieldValue for U16<O> {
    fn value(&self) -> Value<'_> {
        Value::U64(self.get().into())
    }
}
impl<O: ByteOrder> FieldValue for U32<O> {
    fn value(&self) -> Value<'_> {
        Value::U64(self.get().into())
    }
}
impl<O: ByteOrder> FieldValue for crate::wire::U64<O> {
    fn value(&self) -> Value<'_> {
        Value::U64(self.get())
    }
}
impl<O: ByteOrder> FieldValue for crate::wire::I32<O> {
    fn value(&self) -> Value<'_> {
        Value::I64(self.get().into())
    }
}
