//! Nested attribute sets: typed ([`Nest`]) and kept as bytes ([`RawNest`]).

use super::{AttrPayload, AttrSet, Ctx, PathName, TypedAttrs};
use crate::wire::visit::{Render, Renderer, Value};
use crate::wire::{Attr, Buffer, ByteOrder, DecodeError, EncodeError, PathElem, Writer};

/// A nested attribute set, decoded lazily as set `T`. The received flag bits
/// (`NLA_F_NESTED` or not) are kept and re-encoded. A nest deeper than
/// [`MAX_DEPTH`](super::MAX_DEPTH) does not decode (its attribute is kept
/// verbatim as invalid).
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
    /// The first nested attribute `id`, decoded.
    pub fn find(&self, id: u16) -> Option<T> {
        self.attrs.find(id)
    }
}

impl<'a, O: ByteOrder, T: AttrSet<'a, O>> AttrPayload<'a, O> for Nest<'a, O, T> {
    const NESTED: bool = true;
    fn decode(attr: &Attr<'a, O>, ctx: &Ctx<'a>) -> Result<Self, DecodeError> {
        let run = attr.nested();
        let inner = ctx.enter(PathElem::Attr(attr.id()), &run, attr.offset())?;
        Ok(Nest { flags: attr.flag_bits(), attrs: TypedAttrs::new(run, inner) })
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        if self.attrs.raw().framing_error().is_some() {
            // not a well-formed nest: keep it as received
            return w.attr(id | self.flags, self.attrs.raw().bytes());
        }
        let m = w.begin_nest_raw(id | self.flags)?;
        for a in self.attrs.clone().flatten() {
            a.emit(w)?;
        }
        w.end_nest(m)
    }
    fn first_error(&self) -> Option<DecodeError> {
        self.attrs.first_error()
    }
    fn locate(&self, offset: usize, f: &mut dyn FnMut(PathName)) {
        self.attrs.locate(offset, f)
    }
}

impl<'a, O: ByteOrder, T: AttrSet<'a, O>> Render for Nest<'a, O, T> {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        self.attrs.render(r)
    }
}

/// A nest whose contents this version keeps as bytes: re-encodes exactly,
/// flag bits included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawNest<'a> {
    /// The flag bits of the nest's `nla_type`.
    pub flags: u16,
    /// The nest's payload.
    pub bytes: &'a [u8],
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for RawNest<'a> {
    const NESTED: bool = true;
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        Ok(RawNest { flags: attr.flag_bits(), bytes: attr.payload() })
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id | self.flags, self.bytes)
    }
}

impl Render for RawNest<'_> {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        r.value(Value::Hex(self.bytes))
    }
}
