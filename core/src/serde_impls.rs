//! `serde::Serialize` (feature `serde`), in the shape of the JSON contract:
//! messages as `{"type", "flags", "seq", "pid", "header", "attrs"}`,
//! attributes as `[name, value]` pairs, structs keyed by field names.
//! Everything streams from the borrowed views: no allocation.

use core::fmt::{self, Write as _};
use core::net::{Ipv4Addr, Ipv6Addr};

use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct, SerializeTuple};
use serde::{Serialize, Serializer};

use crate::message::{types, FamilyMessage, Message, RtnlMessage};
use crate::payload::{Address, AttrSet, Be16, Be32, Bytes, Flag, Label, Labels, Nest, RawNest, TypedAttrs, Uint};
use crate::route::{Multipath, NextHop, RouteMessage, Via};
use crate::wire::control::{DoneMsg, ErrorMsg};
use crate::wire::visit::Value;
use crate::wire::ByteOrder;

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

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
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
}

impl Serialize for Bytes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&Hex(self.0))
    }
}
impl Serialize for RawNest<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&Hex(self.bytes))
    }
}
impl Serialize for Flag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(true)
    }
}
impl Serialize for Be16 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u16(self.0)
    }
}
impl Serialize for Be32 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}
impl Serialize for Uint {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.value)
    }
}
impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Label", 4)?;
        st.serialize_field("label", &self.label)?;
        st.serialize_field("tc", &self.tc)?;
        st.serialize_field("bos", &u8::from(self.bos))?;
        st.serialize_field("ttl", &self.ttl)?;
        st.end()
    }
}
impl Serialize for Labels<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}
impl Serialize for Address<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Address::V4(a) => s.collect_str(a),
            Address::V6(a) => s.collect_str(a),
            Address::Mpls(l) => l.serialize(s),
            Address::Other(b) => s.collect_str(&Hex(b)),
        }
    }
}
impl Serialize for Via<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("rtvia", 2)?;
        st.serialize_field("rtvia_family", &self.family)?;
        st.serialize_field("rtvia_addr", &self.addr)?;
        st.end()
    }
}
impl<'a, O: ByteOrder, T: AttrSet<'a, O> + Serialize> Serialize for TypedAttrs<'a, O, T> {
    /// The well-framed attributes, in order.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for a in self.clone().map_while(Result::ok) {
            seq.serialize_element(&a)?;
        }
        seq.end()
    }
}
impl<'a, O: ByteOrder, T: AttrSet<'a, O> + Serialize> Serialize for Nest<'a, O, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.iter().serialize(s)
    }
}
impl<O: ByteOrder> Serialize for NextHop<'_, O> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("rtnexthop", 5)?;
        st.serialize_field("rtnh_len", &self.header.rtnh_len.get())?;
        st.serialize_field("rtnh_flags", &self.header.rtnh_flags)?;
        st.serialize_field("rtnh_hops", &self.header.rtnh_hops)?;
        st.serialize_field("rtnh_ifindex", &self.header.rtnh_ifindex.get())?;
        st.serialize_field("attrs", &self.attrs())?;
        st.end()
    }
}
impl<O: ByteOrder> Serialize for Multipath<'_, O> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for hop in self.hops().map_while(Result::ok) {
            seq.serialize_element(&hop)?;
        }
        seq.end()
    }
}
impl<O: ByteOrder> Serialize for RouteMessage<'_, O> {
    /// `{"header": {...}, "attrs": [...]}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("RouteMessage", 2)?;
        st.serialize_field("header", self.header())?;
        st.serialize_field("attrs", &self.attrs())?;
        st.end()
    }
}

struct FamilyHeader<'m, 'a, O: ByteOrder>(&'m FamilyMessage<'a, O>);
impl<O: ByteOrder> Serialize for FamilyHeader<'_, '_, O> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for (k, v) in self.0.header_fields() {
            m.serialize_entry(k, &v)?;
        }
        m.end()
    }
}
struct FamilyAttrs<'m, 'a, O: ByteOrder>(&'m FamilyMessage<'a, O>);
impl<O: ByteOrder> Serialize for FamilyAttrs<'_, '_, O> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for a in self.0.attrs().map_while(Result::ok) {
            seq.serialize_element(&RawPair(self.0.attr_name(a.kind()), a.kind(), a.payload()))?;
        }
        seq.end()
    }
}
struct RawPair<'a>(Option<&'static str>, u16, &'a [u8]);
impl Serialize for RawPair<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_tuple(2)?;
        match self.0 {
            Some(n) => t.serialize_element(n)?,
            None => t.serialize_element(&self.1)?,
        }
        t.serialize_element(&Value::Hex(self.2))?;
        t.end()
    }
}
struct ErrorHeader<'m, 'a, O: ByteOrder>(&'m ErrorMsg<'a, O>);
impl<O: ByteOrder> Serialize for ErrorHeader<'_, '_, O> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let with_payload = !e.echo_payload().is_empty();
        let mut m = s.serialize_map(Some(2 + usize::from(with_payload)))?;
        m.serialize_entry("error", &e.error())?;
        let h = e.echo_header();
        m.serialize_entry(
            "msg",
            &EchoHeader([
                ("nlmsg_len", h.nlmsg_len.get()),
                ("nlmsg_type", h.nlmsg_type.get().into()),
                ("nlmsg_flags", h.nlmsg_flags.get().into()),
                ("nlmsg_seq", h.nlmsg_seq.get()),
                ("nlmsg_pid", h.nlmsg_pid.get()),
            ]),
        )?;
        if with_payload {
            m.serialize_entry("payload", &Value::Hex(e.echo_payload()))?;
        }
        m.end()
    }
}
struct EchoHeader([(&'static str, u32); 5]);
impl Serialize for EchoHeader {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(5))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}
struct DoneHeader(Option<i32>);
impl Serialize for DoneHeader {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(usize::from(self.0.is_some())))?;
        if let Some(e) = self.0 {
            m.serialize_entry("error", &e)?;
        }
        m.end()
    }
}

impl<O: ByteOrder> Serialize for ErrorMsg<'_, O> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ErrorMsg", 2)?;
        st.serialize_field("header", &ErrorHeader(self))?;
        st.serialize_field("attrs", &self.tlvs())?;
        st.end()
    }
}
impl<O: ByteOrder> Serialize for DoneMsg<'_, O> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("DoneMsg", 2)?;
        st.serialize_field("header", &DoneHeader(self.error()))?;
        st.serialize_field("attrs", &self.tlvs())?;
        st.end()
    }
}

impl<O: ByteOrder> Serialize for Message<'_, O> {
    /// `{"type", "flags", "seq", "pid", "header", "attrs"}` as in the JSON contract.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        match types::type_name(self.ty()) {
            Some(n) => m.serialize_entry("type", n)?,
            None => m.serialize_entry("type", &self.ty())?,
        }
        m.serialize_entry("flags", &self.flags())?;
        m.serialize_entry("seq", &self.header().nlmsg_seq.get())?;
        m.serialize_entry("pid", &self.header().nlmsg_pid.get())?;
        match self.body() {
            RtnlMessage::Route(r) => {
                m.serialize_entry("header", r.header())?;
                m.serialize_entry("attrs", &r.attrs())?;
            }
            RtnlMessage::Family(f) => {
                m.serialize_entry("header", &FamilyHeader(f))?;
                m.serialize_entry("attrs", &FamilyAttrs(f))?;
            }
            RtnlMessage::Error(e) => {
                m.serialize_entry("header", &ErrorHeader(e))?;
                m.serialize_entry("attrs", &e.tlvs())?;
            }
            RtnlMessage::Done(d) => {
                m.serialize_entry("header", &DoneHeader(d.error()))?;
                m.serialize_entry("attrs", &d.tlvs())?;
            }
            RtnlMessage::Noop(p) | RtnlMessage::Overrun(p) | RtnlMessage::Raw(p) | RtnlMessage::Invalid(p, _) => {
                if !p.is_empty() {
                    m.serialize_entry("payload", &Value::Hex(p))?;
                }
            }
        }
        m.end()
    }
}
