//! `serde::Serialize` (feature `serde`) through the one rendering path:
//! every type's [`Render`] description drives a `serde::Serializer`, so the
//! serde output and the `rtnl` tool's JSON are the same by construction.
//! Nothing allocates.

use core::fmt::{self, Write as _};
use core::net::{Ipv4Addr, Ipv6Addr};

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::wire::visit::{MapRenderer, Render, Renderer, SeqRenderer, Value};

/// Serializes anything [`Render`] with `s`.
pub(crate) fn serialize<T: Render + ?Sized, S: Serializer>(x: &T, s: S) -> Result<S::Ok, S::Error> {
    x.render(Ser(s))
}

struct AsSerialize<'x, T: ?Sized>(&'x T);
impl<T: Render + ?Sized> Serialize for AsSerialize<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.render(Ser(s))
    }
}

struct Ser<S>(S);
struct SerSeq<Q>(Q);
struct SerMap<M>(M);

struct Hex<'a>(&'a [u8]);
impl fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}
struct Mac<'a>(&'a [u8]);
impl fmt::Display for Mac<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, b) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_char(':')?;
            }
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl<S: Serializer> Renderer for Ser<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type Seq = SerSeq<S::SerializeSeq>;
    type Map = SerMap<S::SerializeMap>;
    fn value(self, v: Value<'_>) -> Result<S::Ok, S::Error> {
        let s = self.0;
        match v {
            Value::U64(n) => s.serialize_u64(n),
            Value::I64(n) => s.serialize_i64(n),
            Value::Str(t) => s.serialize_str(t),
            Value::Ipv4(a) => s.collect_str(&Ipv4Addr::from(a)),
            Value::Ipv6(a) => s.collect_str(&Ipv6Addr::from(a)),
            Value::Mac(b) => s.collect_str(&Mac(b)),
            Value::True => s.serialize_bool(true),
            Value::Hex(b) => s.collect_str(&Hex(b)),
        }
    }
    fn seq(self) -> Result<Self::Seq, S::Error> {
        self.0.serialize_seq(None).map(SerSeq)
    }
    fn map(self) -> Result<Self::Map, S::Error> {
        self.0.serialize_map(None).map(SerMap)
    }
}

impl<Q: SerializeSeq> SeqRenderer for SerSeq<Q> {
    type Ok = Q::Ok;
    type Error = Q::Error;
    fn element<T: Render + ?Sized>(&mut self, x: &T) -> Result<(), Q::Error> {
        self.0.serialize_element(&AsSerialize(x))
    }
    fn end(self) -> Result<Q::Ok, Q::Error> {
        self.0.end()
    }
}

impl<M: SerializeMap> MapRenderer for SerMap<M> {
    type Ok = M::Ok;
    type Error = M::Error;
    fn entry<T: Render + ?Sized>(&mut self, key: &str, x: &T) -> Result<(), M::Error> {
        self.0.serialize_entry(key, &AsSerialize(x))
    }
    fn end(self) -> Result<M::Ok, M::Error> {
        self.0.end()
    }
}

serde_via_render!(impl['a] crate::wire::visit::Value<'a>);
serde_via_render!(impl['a, O: crate::wire::ByteOrder, T: crate::typed::AttrSet<'a, O>] crate::typed::TypedAttrs<'a, O, T>);
serde_via_render!(impl['a, O: crate::wire::ByteOrder, T: crate::typed::AttrSet<'a, O>] crate::typed::Nest<'a, O, T>);
serde_via_render!(impl['a] crate::typed::RawNest<'a>);
serde_via_render!(impl['a] crate::typed::Bytes<'a>);
serde_via_render!(impl[] crate::typed::Be16);
serde_via_render!(impl[] crate::typed::Be32);
serde_via_render!(impl[] crate::typed::Be64);
serde_via_render!(impl[] crate::typed::Uint);
serde_via_render!(impl[] crate::typed::Flag);
serde_via_render!(impl[] crate::net::Label);
serde_via_render!(impl['a, O: crate::wire::ByteOrder] crate::wire::control::ErrorMsg<'a, O>);
serde_via_render!(impl['a, O: crate::wire::ByteOrder] crate::wire::control::DoneMsg<'a, O>);
