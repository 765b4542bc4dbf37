//! Generators of kernel-canonical attributes from the tables (feature
//! `arbitrary`): every payload type writes an arbitrary well-formed payload
//! of itself, and every attribute set (through its `attr_set!` table) an
//! arbitrary run of its attributes, each id at most once, selected payloads
//! written with their selector. Property tests and structure-aware fuzz
//! targets build messages with them; nothing is spelled out by hand.

use arbitrary::{Result, Unstructured};

use super::{Be16, Be32, Be64, Bytes, Flag, Nest, RawNest, Uint};
use crate::wire::{Buffer, ByteOrder, Writer};

/// How deep generated nests go.
pub const GEN_DEPTH: usize = 4;

/// What a generator needs to know of where it writes.
#[derive(Debug, Clone, Copy, Default)]
pub struct GenCtx {
    /// The message's address family (addresses follow it).
    pub family: u8,
    /// The nesting depth so far.
    pub depth: usize,
    /// The message's type (a qdisc's options differ from its class's).
    pub msg_type: u16,
}

impl GenCtx {
    /// One level down.
    pub fn deeper(self) -> Self {
        GenCtx { depth: self.depth + 1, ..self }
    }
}

/// A payload type that can write an arbitrary canonical attribute of itself.
pub trait ArbitraryPayload<O: ByteOrder> {
    /// Writes attribute `id` with an arbitrary well-formed payload.
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, g: GenCtx, w: &mut Writer<B, O>) -> Result<()>;
}

/// An attribute set that can write an arbitrary run of its attributes.
pub trait ArbitrarySet<O: ByteOrder> {
    /// Writes up to a few attributes of the set, each id at most once.
    fn arbitrary_attrs<B: Buffer>(u: &mut Unstructured<'_>, g: GenCtx, w: &mut Writer<B, O>) -> Result<()>;
}

/// Maps an encoder error to the generator's (a full buffer ends generation).
pub(crate) fn enc(r: core::result::Result<(), crate::wire::EncodeError>) -> Result<()> {
    r.map_err(|_| arbitrary::Error::NotEnoughData)
}

/// A set of attribute ids already written in a run (ids up to 127).
#[derive(Debug, Default, Clone, Copy)]
pub struct Seen(u128);

impl Seen {
    /// Whether `id` was written.
    pub fn has(&self, id: u16) -> bool {
        id < 128 && self.0 & (1u128 << id) != 0
    }
    /// Marks `id` as written.
    pub fn add(&mut self, id: u16) {
        if id < 128 {
            self.0 |= 1u128 << id;
        }
    }
}

macro_rules! gen_int {
    ($($t:ty => $put:ident),*) => {$(
        impl<O: ByteOrder> ArbitraryPayload<O> for $t {
            fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
                enc(w.$put(id, u.arbitrary()?))
            }
        }
    )*};
}
gen_int!(u8 => attr_u8, u16 => attr_u16, u32 => attr_u32, u64 => attr_u64, i32 => attr_i32, i64 => attr_i64);

impl<O: ByteOrder> ArbitraryPayload<O> for Be16 {
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        enc(w.attr_be16(id, u.arbitrary()?))
    }
}
impl<O: ByteOrder> ArbitraryPayload<O> for Be32 {
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        enc(w.attr_be32(id, u.arbitrary()?))
    }
}
impl<O: ByteOrder> ArbitraryPayload<O> for Be64 {
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        let v: u64 = u.arbitrary()?;
        enc(w.attr(id, &v.to_be_bytes()))
    }
}
impl<O: ByteOrder> ArbitraryPayload<O> for Uint {
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        if u.arbitrary()? {
            enc(w.attr_u64(id, u.arbitrary()?))
        } else {
            enc(w.attr_u32(id, u.arbitrary()?))
        }
    }
}
impl<O: ByteOrder> ArbitraryPayload<O> for Flag {
    fn arbitrary_attr<B: Buffer>(_: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        enc(w.attr_flag(id))
    }
}
impl<O: ByteOrder> ArbitraryPayload<O> for &str {
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        let mut s = [0u8; 15];
        let n = u.int_in_range(1..=15)?;
        for c in s.iter_mut().take(n) {
            *c = b'a' + u.int_in_range(0..=25)?;
        }
        enc(w.attr_str(id, core::str::from_utf8(&s[..n]).unwrap_or("x")))
    }
}
impl<O: ByteOrder> ArbitraryPayload<O> for Bytes<'_> {
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        let n = u.int_in_range(0..=16)?;
        let mut b = [0u8; 16];
        u.fill_buffer(&mut b[..n])?;
        enc(w.attr(id, &b[..n]))
    }
}
impl<O: ByteOrder> ArbitraryPayload<O> for RawNest<'_> {
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, g: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        <Bytes<'_> as ArbitraryPayload<O>>::arbitrary_attr(u, id, g, w)
    }
}
impl<O: ByteOrder> ArbitraryPayload<O> for core::net::Ipv4Addr {
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        enc(w.attr(id, &u.arbitrary::<[u8; 4]>()?))
    }
}
impl<O: ByteOrder> ArbitraryPayload<O> for core::net::Ipv6Addr {
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        enc(w.attr(id, &u.arbitrary::<[u8; 16]>()?))
    }
}

impl<'a, O: ByteOrder, T: ArbitrarySet<O>> ArbitraryPayload<O> for Nest<'a, O, T> {
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, g: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        // legacy nests come without NLA_F_NESTED, new ones with it
        let flagged = u.arbitrary()?;
        w.all_or_nothing(|w| {
            let m = enc_mark(if flagged { w.begin_nest(id) } else { w.begin_nest_raw(id) })?;
            if g.depth < GEN_DEPTH {
                T::arbitrary_attrs(u, g.deeper(), w)?;
            }
            enc(w.end_nest(m))
        })
    }
}

pub(crate) fn enc_mark<T>(r: core::result::Result<T, crate::wire::EncodeError>) -> Result<T> {
    r.map_err(|_| arbitrary::Error::NotEnoughData)
}

impl<'a, O: ByteOrder, T> ArbitraryPayload<O> for super::Grown<'a, T>
where
    T: zerocopy::FromBytes + zerocopy::IntoBytes + zerocopy::KnownLayout + zerocopy::Immutable + super::StructFields,
{
    /// The struct at its size, or at an older kernel's (shorter by a field
    /// or two) or a newer one's (longer by one).
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        let size = core::mem::size_of::<T>();
        let n = match u.int_in_range(0..=3)? {
            0 => size.saturating_sub(16),
            1 => size.saturating_sub(8),
            2 => size + 8,
            _ => size,
        };
        let mut b = [0u8; 512];
        let n = n.min(b.len());
        u.fill_buffer(&mut b[..n])?;
        enc(w.attr(id, &b[..n]))
    }
}

impl<'a, O: ByteOrder, T, S> ArbitraryPayload<O> for super::StructThen<'a, O, T, S>
where
    T: zerocopy::FromBytes + zerocopy::IntoBytes + zerocopy::KnownLayout + zerocopy::Immutable,
    S: ArbitrarySet<O>,
{
    /// The struct, then a run of `S` (one level deeper).
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, g: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        let size = core::mem::size_of::<T>();
        let mut b = [0u8; 128];
        let n = size.min(b.len());
        u.fill_buffer(&mut b[..n])?;
        w.all_or_nothing(|w| {
            let m = enc_mark(w.begin_nest_raw(id))?;
            enc(w.bytes(&b[..n]))?;
            // the struct's padding to 4 bytes, zero as the kernel writes it
            enc(w.bytes(&[0u8; 3][..(4 - n % 4) % 4]))?;
            if g.depth < GEN_DEPTH {
                S::arbitrary_attrs(u, g.deeper(), w)?;
            }
            enc(w.end_nest(m))
        })
    }
}

impl<'a, O: ByteOrder, T> ArbitraryPayload<O> for super::StructArray<'a, T>
where
    T: zerocopy::FromBytes + zerocopy::KnownLayout + zerocopy::Immutable,
{
    /// Up to eight elements of arbitrary bytes.
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        let size = core::mem::size_of::<T>().max(1);
        let mut b = [0u8; 512];
        // whole elements only (a partial one is the bad-input case)
        let n = (u.int_in_range(0..=8usize)? * size).min(b.len() / size * size);
        u.fill_buffer(&mut b[..n])?;
        enc(w.attr(id, &b[..n]))
    }
}

impl<O: ByteOrder> ArbitraryPayload<O> for super::FlagU8 {
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        if u.arbitrary()? {
            enc(w.attr_flag(id))
        } else {
            enc(w.attr_u8(id, u.arbitrary()?))
        }
    }
}

impl<'a, O: ByteOrder, T: ArbitraryPayload<O>> ArbitraryPayload<O> for super::IndexedNest<'a, O, T> {
    /// Up to three elements at positions 0, 1, 2 (as a bond's targets).
    fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, g: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
        let n = u.int_in_range(0..=3u16)?;
        w.all_or_nothing(|w| {
            let m = enc_mark(w.begin_nest_raw(id))?;
            for i in 0..n {
                T::arbitrary_attr(u, i, g.deeper(), w)?;
            }
            enc(w.end_nest(m))
        })
    }
}
