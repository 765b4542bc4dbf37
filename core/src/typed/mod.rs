//! The generic typed layer: the machinery every family is built on.
//!
//! * [`AttrPayload`]: how one attribute's payload decodes, encodes and
//!   renders; implemented by the scalars, strings, addresses, [`Nest`]s,
//!   selected payloads, grown structs and arrays of this module.
//! * [`AttrSet`]: an attribute set declared by the `attr_set!` table macro
//!   (`RouteAttr`, …): one table per set drives decoding, encoding, the
//!   builders ([`Scope`]), kernel names, rendering (JSON and serde) and
//!   `Debug`.
//! * [`Ctx`]: what a payload's meaning depends on outside itself: the
//!   message's family, type and flags, the attribute run it was found in (so
//!   a payload can look up its selector among its siblings, whatever their
//!   order), and the path from the message down, whose fixed capacity bounds
//!   the nesting depth.
//! * [`TypedAttrs`]: a lazily decoded run of attributes of one set.
//!
//! The layer depends only on [`wire`](crate::wire).

#[macro_use]
mod macros;
mod array;
mod build;
#[cfg(feature = "arbitrary")]
pub mod gen;
mod message;
mod nest;
mod scalar;
mod select;
mod skew;

pub use array::{Counted, CountedHead, IndexNames, IndexedNest, StructArray, StructThen, U32Array, U64Array};
pub use build::{Choose, Scope};
pub use message::{request, FamilyHeader, Headered};
pub use nest::{Nest, RawNest};
pub(crate) use scalar::fixed;
pub use scalar::{Be16, Be32, Be64, Bytes, Flag, FlagU8, Uint};
pub use select::{KeyKind, SelectorKey};
pub use skew::{Grown, StructFields};

use core::marker::PhantomData;

use crate::wire::visit::{AttrName, Pair, Render, Renderer, SeqRenderer};
use crate::wire::{
    Attr, AttrPath, Attrs, Buffer, ByteOrder, DecodeError, DecodeErrorKind, EncodeError, PathElem, Writer,
};

/// The deepest nesting decoded (see [`AttrPath::CAPACITY`]): a nest below it
/// is kept verbatim as invalid ([`DecodeErrorKind::TooDeep`]).
pub const MAX_DEPTH: usize = AttrPath::CAPACITY;

/// What an attribute's meaning depends on outside itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ctx<'a> {
    /// The message's address family (`AF_*`, `RTNL_FAMILY_*`), from its
    /// fixed header.
    pub family: u8,
    /// The message's `nlmsg_type` (a qdisc and its class differ here).
    pub msg_type: u16,
    /// The message's `nlmsg_flags` (a request and a dump reply differ here).
    pub msg_flags: u16,
    /// The attributes from the message down to the run being decoded.
    pub path: AttrPath,
    run: &'a [u8],
    run_base: usize,
    // the run enclosing this one (a payload selected by an attribute of its
    // parent nest: TCA_STATS_APP inside TCA_STATS2 by the message's TCA_KIND)
    parent: &'a [u8],
    parent_base: usize,
    strict: bool,
}

/// A [`Ctx`] without its run: what a lazily decoded view keeps (the run is
/// the view's own bytes), so that views stay small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct CtxHead<'a> {
    family: u8,
    msg_type: u16,
    msg_flags: u16,
    path: AttrPath,
    parent: &'a [u8],
    parent_base: usize,
    strict: bool,
}

impl<'a> Ctx<'a> {
    /// The part of the context a view keeps.
    pub(crate) fn head(&self) -> CtxHead<'a> {
        CtxHead {
            family: self.family,
            msg_type: self.msg_type,
            msg_flags: self.msg_flags,
            path: self.path,
            parent: self.parent,
            parent_base: self.parent_base,
            strict: self.strict,
        }
    }
    /// The context of `head` over the run `run`.
    #[inline]
    pub(crate) fn from_head<O: ByteOrder>(h: CtxHead<'a>, run: &Attrs<'a, O>) -> Self {
        Ctx {
            family: h.family,
            msg_type: h.msg_type,
            msg_flags: h.msg_flags,
            path: h.path,
            run: run.bytes(),
            run_base: run.base(),
            parent: h.parent,
            parent_base: h.parent_base,
            strict: h.strict,
        }
    }
    /// The context of a message's top-level attributes.
    pub fn message(family: u8, msg_type: u16, msg_flags: u16) -> Self {
        Ctx { family, msg_type, msg_flags, ..Default::default() }
    }
    /// The same context, decoding strictly (`on`) or not. A strict decode
    /// keeps every byte as the default one does, but reports what the codec
    /// does not type as errors: an attribute id unknown to its set
    /// ([`DecodeErrorKind::UnknownAttr`]) or a payload of an unknown kind
    /// ([`DecodeErrorKind::UnknownKind`]), each with its offset and path —
    /// what a test uses to prove a capture fully typed.
    pub fn strict(mut self, on: bool) -> Self {
        self.strict = on;
        self
    }
    /// Whether unknown attributes and kinds are errors (see
    /// [`strict`](Self::strict)).
    pub fn is_strict(&self) -> bool {
        self.strict
    }
    /// The nesting depth of the run (0 for a message's own attributes).
    pub fn depth(&self) -> usize {
        self.path.len()
    }
    /// The same context over the attribute run `run` (the siblings a
    /// payload in it can look up).
    pub fn over<O: ByteOrder>(mut self, run: &Attrs<'a, O>) -> Self {
        self.run = run.bytes();
        self.run_base = run.base();
        self
    }
    /// The attribute run being decoded.
    pub fn siblings<O: ByteOrder>(&self) -> Attrs<'a, O> {
        Attrs::at(self.run, self.run_base)
    }
    /// The first well-framed attribute `id` of the run, before or after the
    /// one being decoded.
    pub fn sibling<O: ByteOrder>(&self, id: u16) -> Option<Attr<'a, O>> {
        self.siblings::<O>().find(id)
    }
    /// The first well-framed attribute `id` of the run enclosing this one
    /// (a sibling of the nest being decoded); none at the top level.
    pub fn parent_sibling<O: ByteOrder>(&self, id: u16) -> Option<Attr<'a, O>> {
        Attrs::<O>::at(self.parent, self.parent_base).find(id)
    }
    /// The context one level down, below `step`, over `run`; an error
    /// ([`DecodeErrorKind::TooDeep`], at `offset`) past [`MAX_DEPTH`].
    pub fn enter<O: ByteOrder>(&self, step: PathElem, run: &Attrs<'a, O>, offset: usize) -> Result<Self, DecodeError> {
        match self.path.with(step) {
            Some(path) if !path.is_full() => {
                Ok(Ctx { path, parent: self.run, parent_base: self.run_base, ..self.over(run) })
            }
            _ => Err(DecodeError::new(offset, DecodeErrorKind::TooDeep).within(self.path)),
        }
    }
    /// The path to attribute `id` of this run (for its errors).
    pub fn path_to(&self, id: u16) -> AttrPath {
        self.path.with(PathElem::Attr(id)).unwrap_or(self.path)
    }
}

/// One step of a path, named for people: `RTA_MULTIPATH`, `[2]`, or an
/// unknown id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathName {
    /// A known attribute's kernel name.
    Attr(&'static str),
    /// An attribute this version does not know, by id.
    Unknown(u16),
    /// A position in a list that is not made of attributes.
    Index(usize),
}

impl core::fmt::Display for PathName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            PathName::Attr(n) => f.write_str(n),
            PathName::Unknown(id) => write!(f, "{id}"),
            PathName::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// A payload type: how one attribute's bytes decode, encode and render.
pub trait AttrPayload<'a, O: ByteOrder>: Sized + Render {
    /// Whether this payload is a nested attribute set (which may carry
    /// `NLA_F_NESTED`); leaf attributes with flag bits are kept as invalid.
    const NESTED: bool = false;
    /// Decodes the payload of `attr`, found in the run of `ctx`.
    fn decode(attr: &Attr<'a, O>, ctx: &Ctx<'a>) -> Result<Self, DecodeError>;
    /// Encodes the whole attribute, header included, as id `id`.
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError>;
    /// The first error inside (nested sets, multipath hops); leaves have none.
    fn first_error(&self) -> Option<DecodeError> {
        None
    }
    /// Names the steps below this payload that lead to byte `offset`
    /// (nests name their attribute there, lists their position); leaves
    /// have none.
    fn locate(&self, offset: usize, f: &mut dyn FnMut(PathName)) {
        let _ = (offset, f);
    }
}

/// An attribute set declared with the table macro (`RouteAttr`, …).
pub trait AttrSet<'a, O: ByteOrder>: Sized + Render {
    /// The kernel name of attribute id `id`, if the set knows it.
    fn name_of(id: u16) -> Option<&'static str>;
    /// Decodes one attribute; never fails: unknown ids become `Unknown`,
    /// bad payloads `Invalid`, both kept verbatim.
    fn decode(attr: Attr<'a, O>, ctx: &Ctx<'a>) -> Self;
    /// Encodes the attribute.
    fn emit<B: Buffer>(&self, w: &mut Writer<B, O>) -> Result<(), EncodeError>;
    /// The first decoding error in this attribute or inside it.
    fn error(&self) -> Option<DecodeError>;
    /// The attribute id.
    fn id(&self) -> u16;
    /// As [`AttrPayload::locate`], below this attribute.
    fn locate_in(&self, offset: usize, f: &mut dyn FnMut(PathName));
    /// The attribute's name as rendered.
    fn attr_name(id: u16) -> AttrName {
        match Self::name_of(id) {
            Some(n) => AttrName::Known(n),
            None => AttrName::Unknown(id),
        }
    }
}

/// A run of attributes decoded lazily as set `T`.
///
/// Yields `Err` once for a framing error (after which the run cannot be
/// followed) and ends.
#[derive(Debug, PartialEq)]
pub struct TypedAttrs<'a, O: ByteOrder, T> {
    raw: Attrs<'a, O>,
    ctx: Ctx<'a>,
    _set: PhantomData<fn() -> T>,
}

impl<O: ByteOrder, T> Clone for TypedAttrs<'_, O, T> {
    fn clone(&self) -> Self {
        Self { raw: self.raw.clone(), ctx: self.ctx, _set: PhantomData }
    }
}

impl<'a, O: ByteOrder, T: AttrSet<'a, O>> TypedAttrs<'a, O, T> {
    /// Typed attributes over a raw run, in context `ctx` (whose run is set
    /// to `raw`).
    pub fn new(raw: Attrs<'a, O>, ctx: Ctx<'a>) -> Self {
        Self { ctx: ctx.over(&raw), raw, _set: PhantomData }
    }
    /// The raw attributes (from where this iterator stands).
    #[inline]
    pub fn raw(&self) -> Attrs<'a, O> {
        self.raw.clone()
    }
    /// The context the attributes are decoded in.
    pub fn ctx(&self) -> Ctx<'a> {
        self.ctx
    }
    /// Encodes every attribute in order. Bytes after a framing error
    /// (which [`first_error`](Self::first_error) reports) are reproduced
    /// verbatim, so nothing is lost.
    pub fn emit_all<B: Buffer>(&self, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        for a in self.clone() {
            match a {
                Ok(a) => a.emit(w)?,
                Err(e) => return w.bytes(self.raw().unframed_tail(&e)),
            }
        }
        Ok(())
    }
    /// The first framing or payload error in the run, nested sets included.
    pub fn first_error(&self) -> Option<DecodeError> {
        self.clone().find_map(|a| match a {
            Ok(a) => a.error(),
            Err(e) => Some(e),
        })
    }
    /// The first attribute `id`, decoded.
    pub fn find(&self, id: u16) -> Option<T> {
        self.raw().find(id).map(|a| T::decode(a, &self.ctx))
    }
    /// Names the attributes, from this run down, that hold byte `offset`.
    pub fn locate(&self, offset: usize, f: &mut dyn FnMut(PathName)) {
        for a in self.raw().map_while(Result::ok) {
            let end = a.offset().saturating_add(a.len());
            if (a.offset()..end).contains(&offset) {
                match T::name_of(a.id()) {
                    Some(n) => f(PathName::Attr(n)),
                    None => f(PathName::Unknown(a.id())),
                }
                T::decode(a, &self.ctx).locate_in(offset, f);
                return;
            }
        }
    }
}

impl<'a, O: ByteOrder, T: AttrSet<'a, O>> Iterator for TypedAttrs<'a, O, T> {
    type Item = Result<T, DecodeError>;
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        match self.raw.next()? {
            Ok(a) => Some(Ok(T::decode(a, &self.ctx))),
            Err(e) => Some(Err(e.within(self.ctx.path))),
        }
    }
}

impl<'a, O: ByteOrder, T: AttrSet<'a, O>> Render for TypedAttrs<'a, O, T> {
    /// A sequence of `[name, value]` pairs (stopping at a framing error,
    /// which [`first_error`](Self::first_error) reports).
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut s = r.seq()?;
        for a in self.clone().map_while(Result::ok) {
            s.element(&a)?;
        }
        s.end()
    }
}

/// Renders an unknown or invalid attribute: `[name or id, "hex"]`.
pub(crate) fn render_raw<'a, O: ByteOrder, T: AttrSet<'a, O>, R: Renderer>(
    a: &Attr<'a, O>,
    r: R,
) -> Result<R::Ok, R::Error> {
    Pair(T::attr_name(a.id()), &crate::wire::visit::Value::Hex(a.payload())).render(r)
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
