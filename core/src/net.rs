//! Network-layer values shared by the families: address families, addresses
//! whose form follows the message's family, and MPLS label stacks.

use core::net::{Ipv4Addr, Ipv6Addr};

use crate::typed::{AttrPayload, Ctx};
use crate::wire::visit::{MapRenderer, Render, Renderer, SeqRenderer, Value};
use crate::wire::{Attr, Buffer, ByteOrder, DecodeError, DecodeErrorKind, EncodeError, Writer};

/// `AF_UNSPEC`.
pub const AF_UNSPEC: u8 = 0;
/// `AF_INET`.
pub const AF_INET: u8 = 2;
/// `AF_INET6`.
pub const AF_INET6: u8 = 10;
/// `AF_BRIDGE`.
pub const AF_BRIDGE: u8 = 7;
/// `AF_MPLS`.
pub const AF_MPLS: u8 = 28;
/// `AF_PACKET`.
pub const AF_PACKET: u8 = 17;
/// `RTNL_FAMILY_IPMR`: the IPv4 multicast routing cache.
pub const RTNL_FAMILY_IPMR: u8 = 128;
/// `RTNL_FAMILY_IP6MR`: the IPv6 multicast routing cache.
pub const RTNL_FAMILY_IP6MR: u8 = 129;

/// A network-layer address whose form follows the message's family: IPv4
/// for `AF_INET` and `RTNL_FAMILY_IPMR`, IPv6 for `AF_INET6` and
/// `RTNL_FAMILY_IP6MR`, an MPLS label stack for `AF_MPLS`. Anything else
/// (another family, or a length that does not fit) is kept as bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
// A 4-byte tag puts an IPv4 address at offset 4, so that decoding stores it
// whole (at offset 1 it was stored in pieces and read back at once, which
// stalls the load on x86).
#[repr(u32)]
pub enum Address<'a> {
    /// An IPv4 address.
    V4(Ipv4Addr),
    /// An IPv6 address.
    V6(Ipv6Addr),
    /// An MPLS label stack.
    Mpls(Labels<'a>),
    /// Bytes of another family.
    Other(&'a [u8]),
}

impl<'a> Address<'a> {
    /// Reads `bytes` as an address of `family`.
    #[inline(always)]
    pub fn from_bytes(family: u8, bytes: &'a [u8]) -> Self {
        match (family, bytes.len()) {
            (AF_INET | RTNL_FAMILY_IPMR, 4) => {
                let mut b = [0u8; 4];
                b.copy_from_slice(bytes);
                Address::V4(Ipv4Addr::from(b))
            }
            (AF_INET6 | RTNL_FAMILY_IP6MR, 16) => {
                let mut b = [0u8; 16];
                b.copy_from_slice(bytes);
                Address::V6(Ipv6Addr::from(b))
            }
            (AF_MPLS, n) if n.is_multiple_of(4) && n > 0 => Address::Mpls(Labels(bytes)),
            _ => Address::Other(bytes),
        }
    }
    /// Writes the address's bytes through `f` (no allocation).
    pub fn with_bytes<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        match self {
            Address::V4(a) => f(&a.octets()),
            Address::V6(a) => f(&a.octets()),
            Address::Mpls(l) => f(l.0),
            Address::Other(b) => f(b),
        }
    }
}

impl core::fmt::Display for Address<'_> {
    /// As `ip` prints it: `10.0.0.1`, `fd00::1`, an MPLS stack as
    /// `100/200`, other bytes as hex.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Address::V4(a) => a.fmt(f),
            Address::V6(a) => a.fmt(f),
            Address::Mpls(l) => l.fmt(f),
            Address::Other(b) => b.iter().try_for_each(|x| write!(f, "{x:02x}")),
        }
    }
}

impl core::fmt::Display for Labels<'_> {
    /// The labels, `/`-separated, as `ip` prints a stack (`100/200`).
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for (i, l) in self.iter().enumerate() {
            if i > 0 {
                f.write_str("/")?;
            }
            write!(f, "{}", l.label)?;
        }
        Ok(())
    }
}

impl From<Ipv4Addr> for Address<'_> {
    fn from(a: Ipv4Addr) -> Self {
        Address::V4(a)
    }
}
impl From<Ipv6Addr> for Address<'_> {
    fn from(a: Ipv6Addr) -> Self {
        Address::V6(a)
    }
}
impl From<core::net::IpAddr> for Address<'_> {
    fn from(a: core::net::IpAddr) -> Self {
        match a {
            core::net::IpAddr::V4(a) => Address::V4(a),
            core::net::IpAddr::V6(a) => Address::V6(a),
        }
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Address<'a> {
    #[inline(always)]
    fn decode(attr: &Attr<'a, O>, ctx: &Ctx<'a>) -> Result<Self, DecodeError> {
        Ok(Address::from_bytes(ctx.family, attr.payload()))
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        self.with_bytes(|b| w.attr(id, b))
    }
}

impl Render for Address<'_> {
    /// `"10.0.0.1"`, `"fd00::1"`, an array of labels, or hex.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        match self {
            Address::V4(a) => r.value(Value::Ipv4(a.octets())),
            Address::V6(a) => r.value(Value::Ipv6(a.octets())),
            Address::Mpls(l) => l.render(r),
            Address::Other(b) => r.value(Value::Hex(b)),
        }
    }
}
serde_via_render!(impl['a] Address<'a>);

/// An IP address whose form follows its length, whatever the message's
/// family: IPv4 for 4 bytes, IPv6 for 16, else bytes kept. A bridge FDB
/// entry (`AF_BRIDGE`) carries its VXLAN remote this way in `NDA_DST`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IpAddress<'a>(pub Address<'a>);

impl<'a> IpAddress<'a> {
    /// Reads `bytes` as an address by their length.
    pub fn from_bytes(bytes: &'a [u8]) -> Self {
        let family = match bytes.len() {
            4 => AF_INET,
            16 => AF_INET6,
            _ => AF_UNSPEC,
        };
        IpAddress(Address::from_bytes(family, bytes))
    }
}

impl From<Ipv4Addr> for IpAddress<'_> {
    fn from(a: Ipv4Addr) -> Self {
        IpAddress(Address::V4(a))
    }
}
impl From<Ipv6Addr> for IpAddress<'_> {
    fn from(a: Ipv6Addr) -> Self {
        IpAddress(Address::V6(a))
    }
}
impl<'a> From<Address<'a>> for IpAddress<'a> {
    fn from(a: Address<'a>) -> Self {
        IpAddress(a)
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for IpAddress<'a> {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        Ok(IpAddress::from_bytes(attr.payload()))
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        <Address<'a> as AttrPayload<'a, O>>::emit(&self.0, id, w)
    }
}

impl Render for IpAddress<'_> {
    /// As [`Address`].
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        self.0.render(r)
    }
}
serde_via_render!(impl['a] IpAddress<'a>);

/// One MPLS label stack entry (`struct mpls_label`, big-endian on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Label {
    /// The 20-bit label.
    pub label: u32,
    /// The 3-bit traffic class.
    pub tc: u8,
    /// Bottom of stack.
    pub bos: bool,
    /// Time to live.
    pub ttl: u8,
}

impl Label {
    /// Decodes a label stack entry from its 32-bit value.
    pub const fn from_u32(v: u32) -> Self {
        Label { label: v >> 12, tc: ((v >> 9) & 7) as u8, bos: (v >> 8) & 1 == 1, ttl: (v & 0xff) as u8 }
    }
    /// The entry's 32-bit value (label << 12 | tc << 9 | bos << 8 | ttl).
    pub const fn to_u32(self) -> u32 {
        (self.label & 0xf_ffff) << 12 | ((self.tc as u32) & 7) << 9 | (self.bos as u32) << 8 | self.ttl as u32
    }
}

/// An MPLS label stack (`RTA_NEWDST`, `RTA_DST` of `AF_MPLS` routes),
/// borrowed: a whole number of big-endian 32-bit entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Labels<'a>(pub &'a [u8]);

impl<'a> Labels<'a> {
    /// The entries.
    pub fn iter(&self) -> impl Iterator<Item = Label> + 'a {
        self.0.chunks_exact(4).map(|c| Label::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]])))
    }
    /// A stack holding `labels` in `storage` (4 bytes each, the bottom one
    /// marked bottom of stack), for building requests without allocation;
    /// `None` when `storage` is too small.
    pub fn encode<'s>(labels: &[u32], storage: &'s mut [u8]) -> Option<Labels<'s>> {
        let out = storage.get_mut(..labels.len().checked_mul(4)?)?;
        for (i, (l, c)) in labels.iter().zip(out.chunks_exact_mut(4)).enumerate() {
            let e = Label { label: *l, tc: 0, bos: i + 1 == labels.len(), ttl: 0 };
            c.copy_from_slice(&e.to_u32().to_be_bytes());
        }
        Some(Labels(out))
    }
}

impl Render for Label {
    /// `{"label", "tc", "bos", "ttl"}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("label", &Value::U64(self.label.into()))?;
        m.entry("tc", &Value::U64(self.tc.into()))?;
        m.entry("bos", &Value::U64(self.bos.into()))?;
        m.entry("ttl", &Value::U64(self.ttl.into()))?;
        m.end()
    }
}

impl Render for Labels<'_> {
    /// An array of `{label, tc, bos, ttl}` objects.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut s = r.seq()?;
        for l in self.iter() {
            s.element(&l)?;
        }
        s.end()
    }
}
serde_via_render!(impl['a] Labels<'a>);

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Labels<'a> {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        let n = attr.payload().len();
        if n.is_multiple_of(4) {
            Ok(Labels(attr.payload()))
        } else {
            Err(DecodeError::new(attr.payload_offset(), DecodeErrorKind::BadLength { expected: n - n % 4, got: n }))
        }
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, self.0)
    }
}

#[cfg(feature = "arbitrary")]
mod gen {
    use arbitrary::{Result, Unstructured};

    use super::{Address, IpAddress, Labels, AF_INET, AF_INET6, AF_MPLS, RTNL_FAMILY_IP6MR, RTNL_FAMILY_IPMR};
    use crate::typed::gen::{enc, ArbitraryPayload, GenCtx};
    use crate::wire::{Buffer, ByteOrder, Writer};

    impl<O: ByteOrder> ArbitraryPayload<O> for Address<'_> {
        /// An address of the message's family.
        fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, g: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
            match g.family {
                AF_INET | RTNL_FAMILY_IPMR => enc(w.attr(id, &u.arbitrary::<[u8; 4]>()?)),
                AF_INET6 | RTNL_FAMILY_IP6MR => enc(w.attr(id, &u.arbitrary::<[u8; 16]>()?)),
                AF_MPLS => <Labels<'_> as ArbitraryPayload<O>>::arbitrary_attr(u, id, g, w),
                _ => {
                    let n = u.int_in_range(0..=16)?;
                    let mut b = [0u8; 16];
                    u.fill_buffer(&mut b[..n])?;
                    enc(w.attr(id, &b[..n]))
                }
            }
        }
    }

    impl<O: ByteOrder> ArbitraryPayload<O> for IpAddress<'_> {
        /// An IPv4 or IPv6 address, whatever the family.
        fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
            if u.arbitrary::<bool>()? {
                enc(w.attr(id, &u.arbitrary::<[u8; 4]>()?))
            } else {
                enc(w.attr(id, &u.arbitrary::<[u8; 16]>()?))
            }
        }
    }

    impl<O: ByteOrder> ArbitraryPayload<O> for Labels<'_> {
        /// A stack of one to four labels.
        fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
            let n = u.int_in_range(1..=4)? * 4;
            let mut b = [0u8; 16];
            u.fill_buffer(&mut b[..n])?;
            enc(w.attr(id, &b[..n]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::fmt::Write;

    /// A fixed buffer to format into (the crate has no allocator).
    struct Buf([u8; 64], usize);
    impl Write for Buf {
        fn write_str(&mut self, s: &str) -> core::fmt::Result {
            let end = self.1 + s.len();
            self.0.get_mut(self.1..end).ok_or(core::fmt::Error)?.copy_from_slice(s.as_bytes());
            self.1 = end;
            Ok(())
        }
    }
    fn shown(a: &Address<'_>) -> ([u8; 64], usize) {
        let mut b = Buf([0; 64], 0);
        write!(b, "{a}").unwrap();
        (b.0, b.1)
    }

    #[test]
    fn addresses_display_as_ip_prints_them() {
        let cases: [(Address<'_>, &str); 4] = [
            (Address::V4(Ipv4Addr::new(10, 0, 0, 1)), "10.0.0.1"),
            (Address::V6(Ipv6Addr::new(0xfd00, 0, 0, 0, 0, 0, 0, 1)), "fd00::1"),
            (Address::Mpls(Labels(&[0, 0x06, 0x40, 0, 0, 0x0c, 0x81, 0])), "100/200"),
            (Address::Other(&[0xde, 0xad]), "dead"),
        ];
        for (a, want) in cases {
            let (b, n) = shown(&a);
            assert_eq!(&b[..n], want.as_bytes());
        }
    }
}
