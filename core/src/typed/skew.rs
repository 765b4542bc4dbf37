//! Structs that kernels grow: [`Grown`] decodes a struct payload of any
//! size, the fields present rendered, the missing absent (never invented),
//! a longer payload's tail kept, and re-encodes it byte for byte.

use core::marker::PhantomData;

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

use super::{AttrPayload, Ctx};
use crate::wire::visit::{MapRenderer, Render, Renderer, Value};
use crate::wire::{Attr, Buffer, ByteOrder, DecodeError, EncodeError, Writer};

/// A struct declared with `zc_struct!`: its fields by name, offset and size.
pub trait StructFields {
    /// `(kernel name, offset, size)` of each field, in order.
    const FIELDS: &'static [(&'static str, usize, usize)];
    /// Renders field number `i` as one entry of `m`.
    fn render_field<R: MapRenderer>(&self, i: usize, m: &mut R) -> Result<(), R::Error>;
}

/// A struct payload that may be shorter or longer than `T` (a struct the
/// kernel grew between versions: `rtnl_link_stats64` is 184, 192 or 200
/// bytes; `tc_fq_qd_stats` 104 or 152).
///
/// [`get`](Self::get) gives the struct with the missing tail zeroed;
/// [`has`](Self::has) says whether a field was received; rendering shows
/// only the fields received, then the unknown tail as `"tail"` hex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grown<'a, T> {
    bytes: &'a [u8],
    _t: PhantomData<T>,
}

impl<'a, T: FromBytes + IntoBytes + KnownLayout + Immutable + StructFields> Grown<'a, T> {
    /// The payload as received.
    pub fn new(bytes: &'a [u8]) -> Self {
        Grown { bytes, _t: PhantomData }
    }
    /// The payload as received.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }
    /// The struct, with the fields the payload lacks zeroed (see
    /// [`has`](Self::has)).
    #[inline]
    pub fn get(&self) -> T {
        // the common case, a payload as long as the struct or longer: one
        // fixed-size read the compiler inlines
        if let Ok((v, _)) = T::read_from_prefix(self.bytes) {
            return v;
        }
        let mut v = T::new_zeroed();
        let n = self.bytes.len().min(core::mem::size_of::<T>());
        if let (Some(dst), Some(src)) = (v.as_mut_bytes().get_mut(..n), self.bytes.get(..n)) {
            dst.copy_from_slice(src);
        }
        v
    }
    /// Whether the payload holds all of `T` (and maybe more).
    pub fn is_complete(&self) -> bool {
        self.bytes.len() >= core::mem::size_of::<T>()
    }
    /// Whether field `name` was received whole.
    pub fn has(&self, name: &str) -> bool {
        T::FIELDS.iter().any(|&(n, off, size)| n == name && off + size <= self.bytes.len())
    }
    /// Bytes past `T` (a newer kernel's fields), kept.
    pub fn tail(&self) -> &'a [u8] {
        self.bytes.get(core::mem::size_of::<T>()..).unwrap_or(&[])
    }
}

impl<'a, O: ByteOrder, T: FromBytes + IntoBytes + KnownLayout + Immutable + StructFields> AttrPayload<'a, O>
    for Grown<'a, T>
{
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        Ok(Grown::new(attr.payload()))
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, self.bytes)
    }
}

impl<T: FromBytes + IntoBytes + KnownLayout + Immutable + StructFields> Render for Grown<'_, T> {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let v = self.get();
        let mut m = r.map()?;
        for (i, &(_, off, size)) in T::FIELDS.iter().enumerate() {
            if off + size <= self.bytes.len() {
                v.render_field(i, &mut m)?;
            }
        }
        let partial = T::FIELDS.iter().find(|&&(_, off, size)| off < self.bytes.len() && off + size > self.bytes.len());
        if let Some(&(_, off, _)) = partial {
            // a field cut short: its bytes, kept
            m.entry("partial", &Value::Hex(self.bytes.get(off..).unwrap_or(&[])))?;
        }
        if !self.tail().is_empty() {
            m.entry("tail", &Value::Hex(self.tail()))?;
        }
        m.end()
    }
}
