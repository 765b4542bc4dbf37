//! Payloads that are not one value nor a plain nest: arrays of structs,
//! nests keyed by position, arrays of `u32` indexed by an enum, and a
//! struct followed by attributes.

use core::marker::PhantomData;

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

use super::{AttrPayload, AttrSet, Ctx, PathName, TypedAttrs};
use crate::wire::visit::{AttrName, MapRenderer, Pair, Render, Renderer, SeqRenderer, Value};
use crate::wire::{
    align, Attr, Attrs, Buffer, ByteOrder, DecodeError, DecodeErrorKind, EncodeError, PathElem, Writer, U32, U64,
};

/// An array of structs `T` filling the payload (`IFLA_VF_VLAN_LIST`-like
/// payloads, `NHA_GROUP`'s `nexthop_grp` entries). A payload that is not a
/// whole number of `T` decodes as far as its whole entries go: the
/// trailing bytes are kept (re-encoded as received) and reported by
/// `first_error` with their offset and path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StructArray<'a, T> {
    bytes: &'a [u8],
    tail: Option<DecodeError>,
    _t: PhantomData<T>,
}

impl<'a, T: FromBytes + KnownLayout + Immutable> StructArray<'a, T> {
    /// The array over `bytes` (a whole number of `T`), or `None`.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        let n = core::mem::size_of::<T>();
        (n > 0 && bytes.len().is_multiple_of(n)).then_some(StructArray { bytes, tail: None, _t: PhantomData })
    }
    /// The array of `items`, for building.
    pub fn of(items: &'a [T]) -> Self
    where
        T: IntoBytes,
    {
        StructArray { bytes: items.as_bytes(), tail: None, _t: PhantomData }
    }
    /// The whole elements (trailing bytes of a partial one are skipped).
    pub fn iter(&self) -> impl Iterator<Item = T> + 'a {
        self.bytes.chunks_exact(core::mem::size_of::<T>().max(1)).filter_map(|c| T::read_from_bytes(c).ok())
    }
    /// The number of whole elements.
    pub fn len(&self) -> usize {
        self.bytes.len() / core::mem::size_of::<T>().max(1)
    }
    /// Whether the array has no whole element.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The bytes after the last whole element (empty when the payload is
    /// well formed).
    pub fn trailing(&self) -> &'a [u8] {
        &self.bytes[self.len() * core::mem::size_of::<T>()..]
    }
    /// The payload as received.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

impl<'a, O: ByteOrder, T: FromBytes + KnownLayout + Immutable + Render> AttrPayload<'a, O> for StructArray<'a, T> {
    fn decode(attr: &Attr<'a, O>, ctx: &Ctx<'a>) -> Result<Self, DecodeError> {
        let n = core::mem::size_of::<T>().max(1);
        let got = attr.payload().len();
        let whole = got / n * n;
        let tail = (whole != got).then(|| {
            DecodeError::new(attr.payload_offset() + whole, DecodeErrorKind::BadLength { expected: whole, got })
                .within(ctx.path_to(attr.id()))
        });
        Ok(StructArray { bytes: attr.payload(), tail, _t: PhantomData })
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, self.bytes)
    }
    fn first_error(&self) -> Option<DecodeError> {
        self.tail
    }
}

impl<'a, T: FromBytes + KnownLayout + Immutable + Render> Render for StructArray<'a, T> {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut s = r.seq()?;
        for x in self.iter() {
            s.element(&x)?;
        }
        s.end()
    }
}

/// A struct head that counts the structs following it in the same payload
/// (`tc_u32_sel`'s `nkeys`, `tc_pedit_sel`'s).
pub trait CountedHead {
    /// How many elements follow the head.
    fn count(&self) -> usize;
    /// Sets the count (generators and builders).
    fn set_count(&mut self, n: u8);
}

/// A head `H` and exactly as many structs `K` as it counts, in one payload
/// (`TCA_U32_SEL`, `TCA_PEDIT_PARMS`). A payload whose count disagrees with
/// its length does not decode: it is kept verbatim as invalid, with the
/// offset of the keys and the attribute's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted<'a, H, K> {
    /// The head.
    pub hdr: H,
    /// The elements.
    pub keys: StructArray<'a, K>,
}

impl<'a, H, K: FromBytes + KnownLayout + Immutable> Counted<'a, H, K> {
    /// The elements, in order.
    pub fn iter(&self) -> impl Iterator<Item = K> + 'a {
        self.keys.iter()
    }
}

impl<'a, O, H, K> AttrPayload<'a, O> for Counted<'a, H, K>
where
    O: ByteOrder,
    H: FromBytes + IntoBytes + KnownLayout + Immutable + CountedHead + super::StructFields,
    K: FromBytes + IntoBytes + KnownLayout + Immutable + Render,
{
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        let p = attr.payload();
        let size = core::mem::size_of::<H>();
        let Ok((hdr, rest)) = H::read_from_prefix(p) else {
            return Err(DecodeError::new(
                attr.payload_offset(),
                DecodeErrorKind::ShortStruct { need: size, have: p.len() },
            ));
        };
        let want = hdr.count() * core::mem::size_of::<K>();
        match StructArray::new(rest) {
            Some(keys) if rest.len() == want => Ok(Counted { hdr, keys }),
            _ => Err(DecodeError::new(
                attr.payload_offset() + size,
                DecodeErrorKind::BadLength { expected: want, got: rest.len() },
            )),
        }
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr_parts(id, &[self.hdr.as_bytes(), self.keys.bytes()])
    }
}

impl<H: super::StructFields, K: FromBytes + KnownLayout + Immutable + Render> Render for Counted<'_, H, K> {
    /// The head's fields, then `"keys"`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        for i in 0..H::FIELDS.len() {
            self.hdr.render_field(i, &mut m)?;
        }
        m.entry("keys", &self.keys)?;
        m.end()
    }
}

#[cfg(feature = "arbitrary")]
impl<O: ByteOrder, H, K> crate::typed::gen::ArbitraryPayload<O> for Counted<'_, H, K>
where
    H: FromBytes + IntoBytes + KnownLayout + Immutable + CountedHead,
{
    /// An arbitrary head counting up to four arbitrary elements.
    fn arbitrary_attr<B: Buffer>(
        u: &mut arbitrary::Unstructured<'_>,
        id: u16,
        _: crate::typed::gen::GenCtx,
        w: &mut Writer<B, O>,
    ) -> arbitrary::Result<()> {
        let mut hdr = H::new_zeroed();
        u.fill_buffer(hdr.as_mut_bytes())?;
        let n = u.int_in_range(0..=4u8)?;
        hdr.set_count(n);
        let mut b = [0u8; 4 * 64];
        let len = (usize::from(n) * core::mem::size_of::<K>()).min(b.len());
        u.fill_buffer(&mut b[..len])?;
        crate::typed::gen::enc(w.attr_parts(id, &[hdr.as_bytes(), &b[..len]]))
    }
}

/// A nest whose attribute ids are positions (`TCA_ACT_TAB`: id = the
/// action's order, from 1), each holding a `T`.
#[derive(Debug, PartialEq)]
pub struct IndexedNest<'a, O: ByteOrder, T> {
    /// The flag bits of the nest's `nla_type`.
    pub flags: u16,
    raw: Attrs<'a, O>,
    head: super::CtxHead<'a>,
    _t: PhantomData<fn() -> T>,
}

impl<O: ByteOrder, T> Clone for IndexedNest<'_, O, T> {
    fn clone(&self) -> Self {
        IndexedNest { flags: self.flags, raw: self.raw.clone(), head: self.head, _t: PhantomData }
    }
}

impl<'a, O: ByteOrder, T: AttrPayload<'a, O>> IndexedNest<'a, O, T> {
    /// The elements: `(position, element)`; a framing error ends the list.
    pub fn iter(&self) -> impl Iterator<Item = Result<(u16, Result<T, DecodeError>), DecodeError>> + use<'_, 'a, O, T> {
        self.raw.clone().map(move |a| a.map(|a| (a.id(), self.element(&a))))
    }
    fn element(&self, a: &Attr<'a, O>) -> Result<T, DecodeError> {
        let inner = Ctx::from_head(self.head, &self.raw);
        T::decode(a, &inner).map_err(|e| e.within(inner.path_to(a.id())))
    }
}

impl<'a, O: ByteOrder, T: AttrPayload<'a, O>> AttrPayload<'a, O> for IndexedNest<'a, O, T> {
    const NESTED: bool = true;
    fn decode(attr: &Attr<'a, O>, ctx: &Ctx<'a>) -> Result<Self, DecodeError> {
        let raw = attr.nested();
        let ctx = ctx.enter(PathElem::Attr(attr.id()), &raw, attr.offset())?;
        Ok(IndexedNest { flags: attr.flag_bits(), raw, head: ctx.head(), _t: PhantomData })
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        if self.raw.framing_error().is_some() {
            return w.attr(id | self.flags, self.raw.bytes());
        }
        let m = w.begin_nest_raw(id | self.flags)?;
        for a in self.raw.clone().flatten() {
            match self.element(&a) {
                Ok(x) => x.emit(a.raw_type(), w)?,
                Err(_) => w.attr(a.raw_type(), a.payload())?,
            }
        }
        w.end_nest(m)
    }
    fn first_error(&self) -> Option<DecodeError> {
        self.iter().find_map(|e| match e {
            Ok((_, Ok(x))) => x.first_error(),
            Ok((_, Err(e))) | Err(e) => Some(e),
        })
    }
    fn locate(&self, offset: usize, f: &mut dyn FnMut(PathName)) {
        for a in self.raw.clone().map_while(Result::ok) {
            if (a.offset()..a.offset() + a.len()).contains(&offset) {
                f(PathName::Index(a.id().into()));
                if let Ok(x) = self.element(&a) {
                    x.locate(offset, f);
                }
                return;
            }
        }
    }
}

impl<'a, O: ByteOrder, T: AttrPayload<'a, O>> Render for IndexedNest<'a, O, T> {
    /// `[[position, value], ...]` (hex for an element that did not decode).
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut s = r.seq()?;
        for a in self.raw.clone().map_while(Result::ok) {
            match self.element(&a) {
                Ok(x) => s.element(&Pair(AttrName::Unknown(a.id()), &x))?,
                Err(_) => s.element(&Pair(AttrName::Unknown(a.id()), &Value::Hex(a.payload())))?,
            }
        }
        s.end()
    }
}

/// The names of the positions of a [`U32Array`].
pub trait IndexNames {
    /// `NAMES[i]` names element `i` (`""` for a position without a name).
    const NAMES: &'static [&'static str];
}

/// Declares an array of host-order integers indexed by an enum.
macro_rules! int_array {
    ($(#[$m:meta])* $name:ident, $int:ty, $wire:ident, $w:literal) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name<'a, O: ByteOrder, N> {
            bytes: &'a [u8],
            _o: PhantomData<(O, N)>,
        }

        impl<'a, O: ByteOrder, N: IndexNames> $name<'a, O, N> {
            /// Element `i`, if present.
            pub fn get(&self, i: usize) -> Option<$int> {
                let at = i.checked_mul($w)?;
                let b = self.bytes.get(at..at.checked_add($w)?)?;
                let mut a = [0u8; $w];
                a.copy_from_slice(b);
                Some($wire::<O>::from_bytes(a).get())
            }
            /// The elements, in order.
            pub fn iter(&self) -> impl Iterator<Item = $int> + 'a {
                self.bytes.chunks_exact($w).map(|b| {
                    let mut a = [0u8; $w];
                    a.copy_from_slice(b);
                    $wire::<O>::from_bytes(a).get()
                })
            }
            /// Element `name` (a name of `N`), if present.
            pub fn by_name(&self, name: &str) -> Option<$int> {
                self.get(N::NAMES.iter().position(|n| *n == name)?)
            }
            /// The number of elements.
            pub fn len(&self) -> usize {
                self.bytes.len() / $w
            }
            /// Whether the array is empty.
            pub fn is_empty(&self) -> bool {
                self.bytes.is_empty()
            }
            /// The payload as received.
            pub fn bytes(&self) -> &'a [u8] {
                self.bytes
            }
        }

        impl<'a, O: ByteOrder, N: IndexNames> AttrPayload<'a, O> for $name<'a, O, N> {
            fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
                let n = attr.payload().len();
                if !n.is_multiple_of($w) {
                    return Err(DecodeError::new(
                        attr.payload_offset(),
                        DecodeErrorKind::BadLength { expected: n - n % $w, got: n },
                    ));
                }
                Ok($name { bytes: attr.payload(), _o: PhantomData })
            }
            fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
                w.attr(id, self.bytes)
            }
        }

        impl<O: ByteOrder, N: IndexNames> Render for $name<'_, O, N> {
            /// An object keyed by the names of `N` (a position without a
            /// name keeps its number).
            fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
                let mut m = r.map()?;
                let mut num = [0u8; 8];
                for (i, v) in self.iter().enumerate() {
                    match N::NAMES.get(i).copied().filter(|n| !n.is_empty()) {
                        Some(n) => m.entry(n, &Value::U64(v as u64))?,
                        None => m.entry(decimal(i, &mut num), &Value::U64(v as u64))?,
                    }
                }
                m.end()
            }
        }

        #[cfg(feature = "arbitrary")]
        impl<O: ByteOrder, N> crate::typed::gen::ArbitraryPayload<O> for $name<'_, O, N> {
            /// As many elements as the names, or one more or fewer (another
            /// kernel's array).
            fn arbitrary_attr<B: Buffer>(
                u: &mut arbitrary::Unstructured<'_>,
                id: u16,
                _: crate::typed::gen::GenCtx,
                w: &mut Writer<B, O>,
            ) -> arbitrary::Result<()> {
                let n = u.int_in_range(0..=80usize)? * $w;
                let mut b = [0u8; 80 * $w];
                u.fill_buffer(&mut b[..n])?;
                crate::typed::gen::enc(w.attr(id, &b[..n]))
            }
        }
    };
}

int_array! {
    /// An array of host-order `u32`s indexed by an enum (`IFLA_INET_CONF`:
    /// element `i` is `IPV4_DEVCONF_*` number `i + 1`), rendered as an object
    /// keyed by the names of `N` (positions past the names keep their number).
    U32Array, u32, U32, 4
}

int_array! {
    /// An array of host-order `u64`s indexed by an enum (`IFLA_INET6_STATS`:
    /// element `i` is `IPSTATS_MIB_*` number `i`, element 0 the count).
    U64Array, u64, U64, 8
}

fn decimal(mut i: usize, buf: &mut [u8; 8]) -> &str {
    let mut pos = buf.len();
    loop {
        pos -= 1;
        buf[pos] = b'0' + (i % 10) as u8;
        i /= 10;
        if i == 0 || pos == 0 {
            break;
        }
    }
    core::str::from_utf8(&buf[pos..]).unwrap_or("?")
}

/// A struct `T` followed by attributes of set `S` in one payload (netem's
/// `tc_netem_qopt` then `TCA_NETEM_*`, mqprio's `tc_mqprio_qopt` then
/// `TCA_MQPRIO_*`). The bytes between the struct and the attributes (its
/// padding) are kept as received.
#[derive(Debug, PartialEq)]
pub struct StructThen<'a, O: ByteOrder, T, S> {
    /// The flag bits of the attribute's `nla_type`.
    pub flags: u16,
    /// The struct.
    pub head: T,
    gap: &'a [u8],
    attrs: TypedAttrs<'a, O, S>,
}

impl<O: ByteOrder, T: Clone, S> Clone for StructThen<'_, O, T, S> {
    fn clone(&self) -> Self {
        StructThen { flags: self.flags, head: self.head.clone(), gap: self.gap, attrs: self.attrs.clone() }
    }
}

impl<'a, O: ByteOrder, T, S: AttrSet<'a, O>> StructThen<'a, O, T, S> {
    /// The attributes after the struct.
    pub fn attrs(&self) -> TypedAttrs<'a, O, S> {
        self.attrs.clone()
    }
}

impl<'a, O: ByteOrder, T: FromBytes + IntoBytes + KnownLayout + Immutable + Render, S: AttrSet<'a, O>>
    AttrPayload<'a, O> for StructThen<'a, O, T, S>
{
    const NESTED: bool = true;
    fn decode(attr: &Attr<'a, O>, ctx: &Ctx<'a>) -> Result<Self, DecodeError> {
        let p = attr.payload();
        let size = core::mem::size_of::<T>();
        let (head, _) = T::read_from_prefix(p).map_err(|_| {
            DecodeError::new(attr.payload_offset(), DecodeErrorKind::ShortStruct { need: size, have: p.len() })
        })?;
        let start = align(size).min(p.len());
        let gap = p.get(size..start).unwrap_or(&[]);
        let run = Attrs::at(p.get(start..).unwrap_or(&[]), attr.payload_offset() + start);
        let inner = ctx.enter(PathElem::Attr(attr.id()), &run, attr.offset())?;
        Ok(StructThen { flags: attr.flag_bits(), head, gap, attrs: TypedAttrs::new(run, inner) })
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.all_or_nothing(|w| {
            let m = w.begin_nest_raw(id | self.flags)?;
            w.bytes(self.head.as_bytes())?;
            w.bytes(self.gap)?;
            self.attrs.emit_all(w)?;
            w.end_nest(m)?;
            let pad = align(w.len()) - w.len();
            w.bytes(&[0u8; 3][..pad])
        })
    }
    fn first_error(&self) -> Option<DecodeError> {
        self.attrs.first_error()
    }
    fn locate(&self, offset: usize, f: &mut dyn FnMut(PathName)) {
        self.attrs.locate(offset, f)
    }
}

impl<'a, O: ByteOrder, T: Render, S: AttrSet<'a, O>> Render for StructThen<'a, O, T, S> {
    /// `{"struct": {...}, "attrs": [...]}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("struct", &self.head)?;
        m.entry("attrs", &self.attrs)?;
        m.end()
    }
}

#[cfg(test)]
#[allow(dead_code)]
mod tests {
    use super::*;
    use crate::typed::Grown;
    use crate::wire::{LittleEndian, SliceBuffer};

    zc_struct! {
        /// A test struct: two host-order u16 and an array.
        struct Pair<O> {
            a: crate::wire::U16<O>,
            b: crate::wire::U16<O>,
            c: [u8; 4],
        }
    }

    attr_set! {
        /// A test set.
        enum TestAttr {
            1 T_ONE one => One(u32),
            2 T_TWO two => Two(u8),
        }
    }

    struct Names;
    impl IndexNames for Names {
        const NAMES: &'static [&'static str] = &["forwarding", "", "mtu"];
    }

    type Le = LittleEndian;

    fn json<T: Render>(x: &T) -> heapless::String<256> {
        struct J<'s>(&'s mut heapless::String<256>);
        impl crate::wire::visit::Visitor for J<'_> {
            fn value(&mut self, v: Value<'_>) {
                use core::fmt::Write;
                let _ = match v {
                    Value::U64(n) => write!(self.0, "{n},"),
                    Value::Str(s) => write!(self.0, "{s},"),
                    Value::Hex(b) => {
                        b.iter().try_for_each(|x| write!(self.0, "{x:02x}")).and_then(|_| write!(self.0, ","))
                    }
                    _ => write!(self.0, "?,"),
                };
            }
            fn begin_object(&mut self) {
                let _ = self.0.push('{');
            }
            fn key(&mut self, k: &str) {
                let _ = self.0.push_str(k);
                let _ = self.0.push(':');
            }
            fn end_object(&mut self) {
                let _ = self.0.push('}');
            }
            fn begin_array(&mut self) {
                let _ = self.0.push('[');
            }
            fn end_array(&mut self) {
                let _ = self.0.push(']');
            }
        }
        let mut s = heapless::String::new();
        crate::wire::visit::Visit::visit(x, &mut J(&mut s));
        s
    }

    fn reemit<'a, T: AttrPayload<'a, Le>>(x: &T, payload: &[u8]) {
        let mut out = [0u8; 64];
        let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
        x.emit(5, &mut w).unwrap();
        let b = w.into_inner();
        assert_eq!(&b.written()[4..4 + payload.len()], payload);
        assert_eq!(b.written()[0] as usize, 4 + payload.len());
    }

    #[test]
    fn grown_structs_keep_missing_fields_absent_and_tails() {
        // shorter: `a` whole, `b` missing, nothing invented
        let short = [1u8, 0, 2];
        let g = Grown::<Pair<Le>>::new(&short);
        assert!(g.has("a") && !g.has("b") && !g.is_complete());
        assert_eq!(g.get().a.get(), 1);
        assert_eq!(json(&g).as_str(), "{a:1,partial:02,}");
        // longer: every field, then the tail kept
        let long = [1u8, 0, 2, 0, 9, 9, 9, 9, 0xaa, 0xbb];
        let g = Grown::<Pair<Le>>::new(&long);
        assert!(g.is_complete() && g.tail() == [0xaa, 0xbb]);
        assert_eq!(json(&g).as_str(), "{a:1,b:2,c:[9,9,9,9,]tail:aabb,}");
        let a = Attr::<Le>::new(5, &long, 0);
        reemit(&<Grown<'_, Pair<Le>> as AttrPayload<'_, Le>>::decode(&a, &Ctx::default()).unwrap(), &long);
    }

    #[test]
    fn arrays_of_structs_and_of_u32() {
        let b = [1u8, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0];
        let a = Attr::<Le>::new(5, &b, 0);
        let arr = <StructArray<'_, Pair<Le>> as AttrPayload<'_, Le>>::decode(&a, &Ctx::default()).unwrap();
        assert_eq!(arr.len(), 2);
        assert_eq!(arr.iter().map(|p| p.b.get()).sum::<u16>(), 6);
        reemit(&arr, &b);
        // a partial trailing entry: the whole ones decode, the rest is kept
        // and reported at its own offset
        let bad = Attr::<Le>::new(5, &b[..9], 100);
        let arr = <StructArray<'_, Pair<Le>> as AttrPayload<'_, Le>>::decode(&bad, &Ctx::default()).unwrap();
        assert_eq!((arr.len(), arr.trailing(), arr.bytes().len()), (1, &[3u8][..], 9));
        let e = AttrPayload::<Le>::first_error(&arr).unwrap();
        assert_eq!(e.offset, 100 + 4 + 8);
        assert!(matches!(e.kind, DecodeErrorKind::BadLength { expected: 8, got: 9 }));
        reemit(&arr, &b[..9]);
        let u = [1u8, 0, 0, 0, 7, 0, 0, 0, 1500u16.to_le_bytes()[0], 5, 0, 0, 9, 0, 0, 0];
        let a = Attr::<Le>::new(5, &u, 0);
        let arr = <U32Array<'_, Le, Names> as AttrPayload<'_, Le>>::decode(&a, &Ctx::default()).unwrap();
        assert_eq!((arr.len(), arr.get(2), arr.get(4)), (4, Some(1500), None));
        assert_eq!(json(&arr).as_str(), "{forwarding:1,1:7,mtu:1500,3:9,}");
        reemit(&arr, &u);
    }

    #[test]
    fn indexed_nests_and_struct_then_attributes() {
        // TCA_ACT_TAB-like: [1] { T_ONE 7 } [2] { T_TWO 1 }
        let b = [12u8, 0, 1, 0, 8, 0, 1, 0, 7, 0, 0, 0, 12, 0, 2, 0, 5, 0, 2, 0, 1, 0, 0, 0];
        let a = Attr::<Le>::new(5, &b, 0);
        let n = <IndexedNest<'_, Le, crate::typed::Nest<'_, Le, TestAttr<'_, Le>>> as AttrPayload<'_, Le>>::decode(
            &a,
            &Ctx::default(),
        )
        .unwrap();
        let firsts: heapless::Vec<u16, 4> = n.iter().map(|e| e.unwrap().0).collect();
        assert_eq!(firsts.as_slice(), &[1, 2]);
        assert_eq!(json(&n).as_str(), "[[1,[[T_ONE,7,]]][2,[[T_TWO,1,]]]]");
        assert_eq!(n.first_error(), None);
        reemit(&n, &b);
        // netem-like: a 6-byte struct, 2 bytes of padding, then attributes
        let st = [1u8, 0, 2, 0, 3, 3, 0, 0, 8, 0, 1, 0, 9, 0, 0, 0];
        let a = Attr::<Le>::new(5, &st, 0);
        let s = <StructThen<'_, Le, [u8; 6], TestAttr<'_, Le>> as AttrPayload<'_, Le>>::decode(&a, &Ctx::default())
            .unwrap();
        assert_eq!(s.head, [1, 0, 2, 0, 3, 3]);
        assert_eq!(s.attrs().next(), Some(Ok(TestAttr::One(9))));
        reemit(&s, &st);
    }
}

#[cfg(test)]
#[allow(dead_code)]
mod select_tests {
    //! The selection machinery beyond `RTA_ENCAP`: kinds named by a string
    //! sibling (as `IFLA_INFO_KIND` names `IFLA_INFO_DATA`, `TCA_KIND`
    //! names `TCA_OPTIONS`), and kinds given by the context (as the
    //! message's family selects `IFLA_AF_SPEC` and `IFLA_PROTINFO`).
    use crate::typed::{AttrSet, Ctx, Scope, TypedAttrs};
    use crate::wire::{Attrs, DecodeErrorKind, LittleEndian, SliceBuffer, Writer};

    attr_set! {
        /// A leaf set.
        enum LeafAttr {
            1 L_ONE one => One(u32),
        }
    }

    select_table! {
        /// Kinds named by the sibling `K_KIND` string.
        enum ByName by sibling K_KIND: str {
            "one" KIND_ONE one => One(LeafAttr),
        }
    }

    select_table! {
        /// Kinds given by the message's family.
        enum ByFamily by ctx family: u8 {
            2 FAM_INET inet => Inet(LeafAttr),
        }
    }

    attr_set! {
        /// A set with both.
        enum KindAttr {
            1 K_KIND kind => Kind(&'a str),
            2 K_DATA data => Data(ByName<'a, O>) select ByName,
            3 K_SPEC spec => Spec(ByFamily<'a, O>) select ByFamily,
        }
    }

    type Le = LittleEndian;

    fn build(f: impl FnOnce(&mut Scope<'_, SliceBuffer<'_>, Le, KindAttr<'static, Le>>)) -> ([u8; 128], usize) {
        let mut out = [0u8; 128];
        let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
        f(&mut Scope::new(&mut w));
        let n = w.len();
        (out, n)
    }

    fn decode(b: &[u8], family: u8) -> heapless::Vec<KindAttr<'_, Le>, 4> {
        TypedAttrs::<Le, KindAttr<'_, Le>>::new(Attrs::new(b), Ctx::message(family, 16, 0))
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn a_string_sibling_selects_whatever_its_place() {
        let (b, n) = build(|s| {
            s.data().one(|l| l.one(7).map(drop)).unwrap();
        });
        // the builder writes the kind, then the payload
        let got = decode(&b[..n], 0);
        assert_eq!(got[0], KindAttr::Kind("one"));
        assert!(matches!(&got[1], KindAttr::Data(ByName::One(_))));
        // the kind after its payload: the same
        let mut swapped = [0u8; 128];
        let kind_len = 8; // 4 + "one\0"
        swapped[..n - kind_len].copy_from_slice(&b[kind_len..n]);
        swapped[n - kind_len..n].copy_from_slice(&b[..kind_len]);
        let got = decode(&swapped[..n], 0);
        assert!(matches!(&got[0], KindAttr::Data(ByName::One(_))));
        // an unknown kind is kept raw; no kind at all is an error, kept too
        let mut other = b;
        other[4..7].copy_from_slice(b"two");
        assert!(matches!(&decode(&other[..n], 0)[1], KindAttr::Data(ByName::Unknown("two", _))));
        let got = decode(&b[kind_len..n], 0);
        let KindAttr::Invalid(_, e) = &got[0] else { panic!("{got:?}") };
        assert_eq!(e.kind, DecodeErrorKind::MissingSelector(K_KIND));
        assert_eq!(<KindAttr<'_, Le> as AttrSet<'_, Le>>::name_of(K_DATA), Some("K_DATA"));
    }

    #[test]
    fn the_context_selects_by_family() {
        let (b, n) = build(|s| {
            s.spec().inet(|l| l.one(9).map(drop)).unwrap();
        });
        assert!(matches!(&decode(&b[..n], 2)[0], KindAttr::Spec(ByFamily::Inet(_))));
        assert!(matches!(&decode(&b[..n], 10)[0], KindAttr::Spec(ByFamily::Unknown(10, _))));
    }
}
