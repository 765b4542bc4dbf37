//! One allocation-free way to render decoded values, for every output.
//!
//! Every typed value implements [`Render`]: it describes itself to a
//! [`Renderer`] as a JSON-shaped tree of scalars ([`Value`]), sequences
//! (attribute sets are sequences of `[name, value]` pairs) and maps (fixed
//! structs, keyed by the kernel's field names). A value's description is
//! written once; every output is a `Renderer`:
//!
//! * any event-stream [`Visitor`] (the `rtnl` tool's JSON writer is one, a
//!   counting visitor in the fuzz targets another) through the blanket
//!   [`Visit`] trait;
//! * `serde::Serializer`s (feature `serde`), through one adapter.
//!
//! Nothing here allocates; the depth of any description is bounded by the
//! decoder's nesting bound ([`AttrPath::CAPACITY`](super::AttrPath::CAPACITY)).

use core::convert::Infallible;

/// One scalar value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value<'a> {
    /// An unsigned integer.
    U64(u64),
    /// A signed integer.
    I64(i64),
    /// A string (a kernel string without its NUL, or a kernel constant name).
    Str(&'a str),
    /// An IPv4 address.
    Ipv4([u8; 4]),
    /// An IPv6 address.
    Ipv6([u8; 16]),
    /// A link-layer address, shown `aa:bb:cc:dd:ee:ff`.
    Mac(&'a [u8]),
    /// A flag attribute that is present.
    True,
    /// Opaque bytes, shown as lowercase hex.
    Hex(&'a [u8]),
}

/// Something that describes itself to a [`Renderer`].
pub trait Render {
    /// Describes `self` to `r`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error>;
}

/// Receives one value's description (modelled on `serde::Serializer`, but
/// with only the three shapes rtnl needs).
pub trait Renderer: Sized {
    /// What a finished description returns.
    type Ok;
    /// Why a description failed (the output's error).
    type Error;
    /// Receives the elements of a sequence.
    type Seq: SeqRenderer<Ok = Self::Ok, Error = Self::Error>;
    /// Receives the entries of a map.
    type Map: MapRenderer<Ok = Self::Ok, Error = Self::Error>;
    /// A scalar.
    fn value(self, v: Value<'_>) -> Result<Self::Ok, Self::Error>;
    /// Opens a sequence.
    fn seq(self) -> Result<Self::Seq, Self::Error>;
    /// Opens a map.
    fn map(self) -> Result<Self::Map, Self::Error>;
}

/// The elements of a sequence being rendered.
pub trait SeqRenderer {
    /// As [`Renderer::Ok`].
    type Ok;
    /// As [`Renderer::Error`].
    type Error;
    /// One element.
    fn element<T: Render + ?Sized>(&mut self, x: &T) -> Result<(), Self::Error>;
    /// Closes the sequence.
    fn end(self) -> Result<Self::Ok, Self::Error>;
}

/// The entries of a map being rendered.
pub trait MapRenderer {
    /// As [`Renderer::Ok`].
    type Ok;
    /// As [`Renderer::Error`].
    type Error;
    /// One entry.
    fn entry<T: Render + ?Sized>(&mut self, key: &str, x: &T) -> Result<(), Self::Error>;
    /// Closes the map.
    fn end(self) -> Result<Self::Ok, Self::Error>;
}

impl Render for Value<'_> {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        r.value(*self)
    }
}

impl<T: Render + ?Sized> Render for &T {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        (**self).render(r)
    }
}

/// The name of an attribute: its kernel constant, or its number when the
/// codec does not know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrName {
    /// A known attribute's kernel name (`RTA_DST`).
    Known(&'static str),
    /// An unknown attribute's id.
    Unknown(u16),
}

impl AttrName {
    /// The name when known, else `None`.
    pub fn known(&self) -> Option<&'static str> {
        match *self {
            AttrName::Known(s) => Some(s),
            AttrName::Unknown(_) => None,
        }
    }
}

impl Render for AttrName {
    /// A string, or the id as a number.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        match *self {
            AttrName::Known(s) => r.value(Value::Str(s)),
            AttrName::Unknown(n) => r.value(Value::U64(n.into())),
        }
    }
}

/// An attribute as rendered: the pair `[name, value]`.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'x, T: ?Sized>(pub AttrName, pub &'x T);

impl<T: Render + ?Sized> Render for Pair<'_, T> {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut s = r.seq()?;
        s.element(&self.0)?;
        s.element(self.1)?;
        s.end()
    }
}

/// Renders the items of an iterator (cloned for each rendering) as a sequence.
#[derive(Debug, Clone)]
pub struct SeqOf<I>(pub I);

impl<I: Iterator + Clone> Render for SeqOf<I>
where
    I::Item: Render,
{
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut s = r.seq()?;
        for x in self.0.clone() {
            s.element(&x)?;
        }
        s.end()
    }
}

// ---- event-stream visitors ----

/// Receives a value's description as a stream of events, depth first: the
/// simplest [`Renderer`] to write (a JSON writer, a counter, a filter).
pub trait Visitor {
    /// A scalar.
    fn value(&mut self, v: Value<'_>);
    /// Opens an object; [`key`](Self::key) then a value, repeated.
    fn begin_object(&mut self);
    /// The key of the next member of the current object.
    fn key(&mut self, k: &str);
    /// Closes the current object.
    fn end_object(&mut self);
    /// Opens an array of values.
    fn begin_array(&mut self);
    /// Closes the current array.
    fn end_array(&mut self);

    /// A member `k: v` of the current object.
    fn field(&mut self, k: &str, v: Value<'_>) {
        self.key(k);
        self.value(v);
    }
}

/// Describes a value to a [`Visitor`]: every [`Render`] type is `Visit`.
pub trait Visit {
    /// Describes `self` to `v`.
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V);
}

impl<T: Render + ?Sized> Visit for T {
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
        let r: Result<(), Infallible> = self.render(Events(v));
        let _ = r;
    }
}

/// A [`Visitor`] seen as a [`Renderer`].
#[derive(Debug)]
pub struct Events<'v, V: ?Sized>(pub &'v mut V);

impl<'v, V: Visitor + ?Sized> Renderer for Events<'v, V> {
    type Ok = ();
    type Error = Infallible;
    type Seq = Events<'v, V>;
    type Map = Events<'v, V>;
    fn value(self, v: Value<'_>) -> Result<(), Infallible> {
        self.0.value(v);
        Ok(())
    }
    fn seq(self) -> Result<Self, Infallible> {
        self.0.begin_array();
        Ok(self)
    }
    fn map(self) -> Result<Self, Infallible> {
        self.0.begin_object();
        Ok(self)
    }
}

impl<V: Visitor + ?Sized> SeqRenderer for Events<'_, V> {
    type Ok = ();
    type Error = Infallible;
    fn element<T: Render + ?Sized>(&mut self, x: &T) -> Result<(), Infallible> {
        x.render(Events(&mut *self.0))
    }
    fn end(self) -> Result<(), Infallible> {
        self.0.end_array();
        Ok(())
    }
}

impl<V: Visitor + ?Sized> MapRenderer for Events<'_, V> {
    type Ok = ();
    type Error = Infallible;
    fn entry<T: Render + ?Sized>(&mut self, key: &str, x: &T) -> Result<(), Infallible> {
        self.0.key(key);
        x.render(Events(&mut *self.0))
    }
    fn end(self) -> Result<(), Infallible> {
        self.0.end_object();
        Ok(())
    }
}
