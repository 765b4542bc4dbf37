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
