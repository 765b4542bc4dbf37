//! Selection of a payload by a sibling attribute: the selector's value
//! type. The tables are declared with `select_table!`.

use crate::wire::{Attr, Buffer, ByteOrder, DecodeError, EncodeError, Writer};

/// The value of a selector attribute (`RTA_ENCAP_TYPE` is a `u16`,
/// `IFLA_INFO_KIND` a string).
pub trait SelectorKey<'a, O: ByteOrder>: Sized + Copy {
    /// Reads the selector's payload.
    fn read(attr: &Attr<'a, O>) -> Result<Self, DecodeError>;
    /// Writes the selector attribute `id`.
    fn write<B: Buffer>(self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError>;
}

impl<'a, O: ByteOrder> SelectorKey<'a, O> for u8 {
    fn read(attr: &Attr<'a, O>) -> Result<Self, DecodeError> {
        attr.u8()
    }
    fn write<B: Buffer>(self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr_u8(id, self)
    }
}

impl<'a, O: ByteOrder> SelectorKey<'a, O> for u16 {
    fn read(attr: &Attr<'a, O>) -> Result<Self, DecodeError> {
        attr.u16()
    }
    fn write<B: Buffer>(self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr_u16(id, self)
    }
}

impl<'a, O: ByteOrder> SelectorKey<'a, O> for u32 {
    fn read(attr: &Attr<'a, O>) -> Result<Self, DecodeError> {
        attr.u32()
    }
    fn write<B: Buffer>(self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr_u32(id, self)
    }
}

impl<'a, O: ByteOrder> SelectorKey<'a, O> for &'a str {
    fn read(attr: &Attr<'a, O>) -> Result<Self, DecodeError> {
        attr.str()
    }
    fn write<B: Buffer>(self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr_str(id, self)
    }
}

/// How a selector's kind is held: `str` kinds borrow from the message
/// (`&'a str`), integer kinds are values. Used by `select_table!`.
pub trait KeyKind {
    /// The kind as a decoded value borrowing for `'a`.
    type Of<'a>: Copy + PartialEq + core::fmt::Debug;
}
impl KeyKind for str {
    type Of<'a> = &'a str;
}
impl KeyKind for u8 {
    type Of<'a> = u8;
}
impl KeyKind for u16 {
    type Of<'a> = u16;
}
impl KeyKind for u32 {
    type Of<'a> = u32;
}
