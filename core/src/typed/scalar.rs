//! Leaf payloads: integers in host or network order, flags, strings, bytes,
//! fixed-family addresses.

use core::net::{Ipv4Addr, Ipv6Addr};

use zerocopy::IntoBytes;

use super::{AttrPayload, Ctx};
use crate::wire::visit::{Render, Renderer, Value};
use crate::wire::{Attr, BigEndian, Buffer, ByteOrder, DecodeError, DecodeErrorKind, EncodeError, Writer, U64};

macro_rules! int_payload {
    ($t:ty, $get:ident, $put:ident, $val:ident) => {
        impl<'a, O: ByteOrder> AttrPayload<'a, O> for $t {
            #[inline]
            fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
                attr.$get()
            }
            fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
                w.$put(id, *self)
            }
        }
        impl Render for $t {
            fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
                r.value(Value::$val((*self).into()))
            }
        }
    };
}
int_payload!(u8, u8, attr_u8, U64);
int_payload!(u16, u16, attr_u16, U64);
int_payload!(u32, u32, attr_u32, U64);
int_payload!(u64, u64, attr_u64, U64);
int_payload!(i32, i32, attr_i32, I64);
int_payload!(i64, i64, attr_i64, I64);

macro_rules! be_payload {
    ($(#[$m:meta])* $name:ident($int:ty), $get:ident, $put:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $name(pub $int);

        impl<'a, O: ByteOrder> AttrPayload<'a, O> for $name {
            fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
                attr.$get().map($name)
            }
            fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
                w.$put(id, self.0)
            }
        }
        impl Render for $name {
            fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
                r.value(Value::U64(self.0.into()))
            }
        }
        #[cfg(feature = "arbitrary")]
        impl<'u> arbitrary::Arbitrary<'u> for $name {
            fn arbitrary(u: &mut arbitrary::Unstructured<'u>) -> arbitrary::Result<Self> {
                <$int as arbitrary::Arbitrary<'u>>::arbitrary(u).map(Self)
            }
        }
    };
}
be_payload!(
    /// A big-endian `u16` payload (ports), whatever the host order.
    Be16(u16), be16, attr_be16
);
be_payload!(
    /// A big-endian `u32` payload (flow labels, keys), whatever the host order.
    Be32(u32), be32, attr_be32
);

/// A big-endian `u64` payload (tunnel ids), whatever the host order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Be64(pub u64);

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Be64 {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        fixed::<8, O>(attr).map(|b| Be64(u64::from_be_bytes(b)))
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, U64::<BigEndian>::new(self.0).as_bytes())
    }
}
impl Render for Be64 {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        r.value(Value::U64(self.0))
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

impl Uint {
    /// `value`, sent as 4 bytes when it fits and 8 otherwise.
    pub fn new(value: u64) -> Self {
        Uint { value, wide: value > u64::from(u32::MAX) }
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Uint {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        match attr.payload().len() {
            8 => attr.u64().map(|value| Uint { value, wide: true }),
            _ => attr.u32().map(|v| Uint { value: v.into(), wide: false }),
        }
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        match u32::try_from(self.value) {
            Ok(v) if !self.wide => w.attr_u32(id, v),
            _ => w.attr_u64(id, self.value),
        }
    }
}
impl Render for Uint {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        r.value(Value::U64(self.value))
    }
}

/// A flag attribute: present, with an empty payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Flag;

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Flag {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        if attr.is_empty() {
            Ok(Flag)
        } else {
            Err(DecodeError::new(
                attr.payload_offset(),
                DecodeErrorKind::BadLength { expected: 0, got: attr.payload().len() },
            ))
        }
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr_flag(id)
    }
}
impl Render for Flag {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        r.value(Value::True)
    }
}

/// A flag the kernel takes empty (`NLA_FLAG`) but reports as a `u8`
/// (`IFLA_VXLAN_TTL_INHERIT`, and others whose dump and policy disagree):
/// `None` for the empty form, `Some(v)` for the byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FlagU8(pub Option<u8>);

impl FlagU8 {
    /// Whether the flag is set: present empty, or a non-zero byte.
    pub fn is_set(&self) -> bool {
        self.0 != Some(0)
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for FlagU8 {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        match attr.payload() {
            [] => Ok(FlagU8(None)),
            [v] => Ok(FlagU8(Some(*v))),
            p => Err(DecodeError::new(attr.payload_offset(), DecodeErrorKind::BadLength { expected: 1, got: p.len() })),
        }
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        match self.0 {
            None => w.attr_flag(id),
            Some(v) => w.attr_u8(id, v),
        }
    }
}
impl Render for FlagU8 {
    /// `true` for the empty form, else the byte.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        match self.0 {
            None => r.value(Value::True),
            Some(v) => r.value(Value::U64(v.into())),
        }
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for &'a str {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        attr.str()
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr_str(id, self)
    }
}
impl Render for str {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        r.value(Value::Str(self))
    }
}

/// Opaque bytes, kept as received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bytes<'a>(pub &'a [u8]);

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Bytes<'a> {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        Ok(Bytes(attr.payload()))
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, self.0)
    }
}
impl Render for Bytes<'_> {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        r.value(Value::Hex(self.0))
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Ipv4Addr {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        fixed::<4, O>(attr).map(Ipv4Addr::from)
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, &self.octets())
    }
}
impl Render for Ipv4Addr {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        r.value(Value::Ipv4(self.octets()))
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Ipv6Addr {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        fixed::<16, O>(attr).map(Ipv6Addr::from)
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, &self.octets())
    }
}
impl Render for Ipv6Addr {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        r.value(Value::Ipv6(self.octets()))
    }
}

// ---- struct fields (zerocopy integers, arrays) ----

macro_rules! zc_render {
    ($($t:ident => $val:ident),*) => {$(
        impl<O: ByteOrder> Render for crate::wire::$t<O> {
            fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
                r.value(Value::$val(self.get().into()))
            }
        }
    )*};
}
zc_render!(U16 => U64, U32 => U64, U64 => U64, I16 => I64, I32 => I64, I64 => I64);

impl<T: Render, const N: usize> Render for [T; N] {
    /// A sequence of the elements.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        use crate::wire::visit::SeqRenderer;
        let mut s = r.seq()?;
        for x in self {
            s.element(x)?;
        }
        s.end()
    }
}

/// The payload as exactly `N` bytes (a length error otherwise).
pub(crate) fn fixed<const N: usize, O: ByteOrder>(attr: &Attr<'_, O>) -> Result<[u8; N], DecodeError> {
    attr.payload().try_into().map_err(|_| {
        DecodeError::new(attr.payload_offset(), DecodeErrorKind::BadLength { expected: N, got: attr.payload().len() })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{LittleEndian, SliceBuffer};

    fn roundtrip<'a, T: AttrPayload<'a, LittleEndian> + PartialEq + core::fmt::Debug>(payload: &'a [u8], want: T) {
        let a = Attr::<LittleEndian>::new(7, payload, 0);
        assert_eq!(T::decode(&a, &Ctx::default()), Ok(want));
        let mut out = [0u8; 32];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut out));
        T::decode(&a, &Ctx::default()).unwrap().emit(7, &mut w).unwrap();
        let b = w.into_inner();
        assert_eq!(&b.written()[4..4 + payload.len()], payload);
    }

    #[test]
    fn scalars_decode_and_emit() {
        roundtrip(&[1, 2], Be16(0x0102));
        roundtrip(&[1, 2, 3, 4], Be32(0x0102_0304));
        roundtrip(&[0, 0, 0, 0, 0, 0, 0, 5], Be64(5));
        roundtrip(&[1, 2, 3, 4], 0x0403_0201u32);
        roundtrip(&[10, 0, 0, 1], Ipv4Addr::new(10, 0, 0, 1));
        roundtrip(b"lo\0", "lo");
        roundtrip(&[], Flag);
        roundtrip(&[5, 0, 0, 0, 0, 0, 0, 0], Uint { value: 5, wide: true });
        let a = Attr::<LittleEndian>::new(7, &[1, 2, 3], 40);
        assert_eq!(
            <Ipv4Addr as AttrPayload<'_, LittleEndian>>::decode(&a, &Ctx::default()),
            Err(DecodeError::new(44, DecodeErrorKind::BadLength { expected: 4, got: 3 }))
        );
        assert!(<Flag as AttrPayload<'_, LittleEndian>>::decode(&a, &Ctx::default()).is_err());
    }
}
