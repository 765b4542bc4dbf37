//! Traffic control (`RTM_*QDISC`, `RTM_*TCLASS`, `RTM_*TFILTER`,
//! `RTM_*CHAIN`, `RTM_*ACTION`): [`TcMsg`] (`struct tcmsg`) followed by
//! [`TcAttr`] (`TCA_*`), and [`TcaMsg`] (`struct tcamsg`) followed by
//! [`ActionRootAttr`] (`TCA_ROOT_*`).
//!
//! `TCA_OPTIONS` and `TCA_XSTATS` mean different things for a qdisc, a class
//! and a filter of the same kind: [`TcOptions`] and [`TcXstats`] select by
//! the message type first, then by `TCA_KIND` (found among the siblings
//! whatever the order; for `TCA_STATS_APP`, among the attributes around
//! `TCA_STATS2`). Kinds this version does not type stay raw and lossless.
//!
//! * [`qdisc`]: the options of the qdiscs and of their classes, and their
//!   extended statistics;
//! * [`filter`]: the classifiers' options;
//! * [`action`]: actions (`TCA_ACT_*`), inside filters and standalone;
//! * [`stats`]: `TCA_STATS`, `TCA_STATS2` and the `gnet_stats_*` structs;
//! * [`poll`]: every statistic of a qdisc or class in one pass, for polling.
//!
//! ```
//! use rtnl_core::tc::{TcHandle, TcMsg, RTM_NEWQDISC};
//! use rtnl_core::wire::{flags::Request, SliceBuffer, Writer};
//!
//! // tc qdisc add dev #2 root handle 1: pfifo limit 100
//! let mut buf = [0u8; 128];
//! let mut w = Writer::new(SliceBuffer::new(&mut buf));
//! let hdr = TcMsg {
//!     tcm_ifindex: 2.into(),
//!     tcm_handle: TcHandle::new(1, 0).0.into(),
//!     tcm_parent: TcHandle::ROOT.0.into(),
//!     ..Default::default()
//! };
//! rtnl_core::typed::request(&mut w, RTM_NEWQDISC, Request::Add.flags(), 1, &hdr, |a| {
//!     a.options().qdisc().pfifo(rtnl_core::tc::qdisc::TcFifoQopt { limit: 100.into() })?;
//!     Ok(())
//! })?;
//! assert_eq!(w.len(), 16 + 20 + 12 + 8);
//! # Ok::<(), rtnl_core::wire::EncodeError>(())
//! ```

pub mod action;
pub mod filter;
pub mod poll;
pub mod qdisc;
pub mod stats;

use crate::typed::{AttrPayload, Bytes, Choose, Ctx, FamilyHeader, Flag, Headered, IndexedNest, Nest, PathName};
use crate::wire::visit::{Render, Renderer};
use crate::wire::{Attr, Buffer, ByteOrder, DecodeError, EncodeError, NativeEndian, Writer, I32, U16, U32};

use action::ActAttr;
use filter::FilterOptions;
use qdisc::{ClassOptions, ClassXstats, QdiscOptions, QdiscXstats};
use stats::{StatsAttr, TcStats};

/// `RTM_NEWQDISC`.
pub const RTM_NEWQDISC: u16 = 36;
/// `RTM_DELQDISC`.
pub const RTM_DELQDISC: u16 = 37;
/// `RTM_GETQDISC`.
pub const RTM_GETQDISC: u16 = 38;
/// `RTM_NEWTCLASS`.
pub const RTM_NEWTCLASS: u16 = 40;
/// `RTM_DELTCLASS`.
pub const RTM_DELTCLASS: u16 = 41;
/// `RTM_GETTCLASS`.
pub const RTM_GETTCLASS: u16 = 42;
/// `RTM_NEWTFILTER`.
pub const RTM_NEWTFILTER: u16 = 44;
/// `RTM_DELTFILTER`.
pub const RTM_DELTFILTER: u16 = 45;
/// `RTM_GETTFILTER`.
pub const RTM_GETTFILTER: u16 = 46;
/// `RTM_NEWACTION`.
pub const RTM_NEWACTION: u16 = 48;
/// `RTM_DELACTION`.
pub const RTM_DELACTION: u16 = 49;
/// `RTM_GETACTION`.
pub const RTM_GETACTION: u16 = 50;
/// `RTM_NEWCHAIN`.
pub const RTM_NEWCHAIN: u16 = 100;
/// `RTM_DELCHAIN`.
pub const RTM_DELCHAIN: u16 = 101;
/// `RTM_GETCHAIN`.
pub const RTM_GETCHAIN: u16 = 102;

/// What a `tcmsg` message is about, by its type: options and extended
/// statistics of the same kind differ between a qdisc and its class, and a
/// filter's kind is a classifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TcObject {
    /// A qdisc (`RTM_*QDISC`).
    Qdisc,
    /// A class (`RTM_*TCLASS`).
    Class,
    /// A filter (`RTM_*TFILTER`).
    Filter,
    /// A filter chain (`RTM_*CHAIN`; its template's options are a filter kind's).
    Chain,
}

impl TcObject {
    /// The object of message type `ty`, if it is a `tcmsg` type.
    pub fn of(ty: u16) -> Option<Self> {
        match ty {
            36..=39 => Some(TcObject::Qdisc),
            40..=43 => Some(TcObject::Class),
            44..=47 => Some(TcObject::Filter),
            100..=103 => Some(TcObject::Chain),
            _ => None,
        }
    }
}

zc_struct! {
    /// `struct tcmsg`, the 20-byte header of qdisc, class, filter and chain
    /// messages.
    #[allow(non_snake_case)]
    pub struct TcMsg<O> {
        /// `tcm_family`: `AF_UNSPEC` (a filter's protocol is in `tcm_info`).
        tcm_family: u8,
        /// `tcm__pad1`.
        tcm__pad1: u8,
        /// `tcm__pad2`.
        tcm__pad2: U16<O>,
        /// `tcm_ifindex`: the device (or `TCM_IFINDEX_MAGIC_BLOCK` for a shared block).
        tcm_ifindex: I32<O>,
        /// `tcm_handle`: the object's handle ([`TcHandle`]).
        tcm_handle: U32<O>,
        /// `tcm_parent`: the parent's handle ([`TcHandle`]).
        tcm_parent: U32<O>,
        /// `tcm_info`: a filter's priority (high 16 bits) and protocol
        /// (low 16 bits, network order); a qdisc's reference count.
        tcm_info: U32<O>,
    }
}

impl<O: ByteOrder> TcMsg<O> {
    /// The handle.
    pub fn handle(&self) -> TcHandle {
        TcHandle(self.tcm_handle.get())
    }
    /// The parent.
    pub fn parent(&self) -> TcHandle {
        TcHandle(self.tcm_parent.get())
    }
    /// A filter's priority (`TC_H_MAJ(tcm_info) >> 16`).
    pub fn prio(&self) -> u16 {
        (self.tcm_info.get() >> 16) as u16
    }
    /// A filter's protocol (`TC_H_MIN(tcm_info)`), as an ethertype
    /// (`0x0800` for IPv4): the kernel stores it with `htons`, so its two
    /// bytes are big-endian in memory whatever the sender's order.
    pub fn protocol(&self) -> u16 {
        u16::from_be_bytes(U16::<O>::new(self.tcm_info.get() as u16).to_bytes())
    }
    /// `tcm_info` of a filter of priority `prio` and ethertype `protocol`
    /// (`TC_H_MAKE(prio << 16, htons(protocol))` in order `O`).
    pub fn filter_info(prio: u16, protocol: u16) -> u32 {
        (u32::from(prio) << 16) | u32::from(U16::<O>::from_bytes(protocol.to_be_bytes()).get())
    }
}

impl<O: ByteOrder> FamilyHeader<O> for TcMsg<O> {
    type Attr<'a> = TcAttr<'a, O>;
    fn family(&self) -> u8 {
        self.tcm_family
    }
}

/// A qdisc, class, filter or chain message: the `tcmsg` and lazily decoded
/// attributes.
pub type TcMessage<'a, O = NativeEndian> = Headered<'a, O, TcMsg<O>>;

impl<'a, O: ByteOrder> Headered<'a, O, TcMsg<O>> {
    /// The kind (`TCA_KIND`: `"htb"`, `"u32"`, …), if present.
    pub fn kind(&self) -> Option<&'a str> {
        self.attrs().raw().find(TCA_KIND).and_then(|a| a.str().ok())
    }
    /// The chain (`TCA_CHAIN`), if present.
    pub fn chain(&self) -> Option<u32> {
        self.attrs().raw().find(TCA_CHAIN).and_then(|a| a.u32().ok())
    }
}

/// A traffic-control handle (`major:minor`, each 16 bits), printed as `tc`
/// prints it: `root`, `none`, `1:`, `1:10`, `:5`, `ffff:fff1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TcHandle(pub u32);

impl TcHandle {
    /// `TC_H_UNSPEC`.
    pub const UNSPEC: TcHandle = TcHandle(0);
    /// `TC_H_ROOT`: the root of the egress hierarchy.
    pub const ROOT: TcHandle = TcHandle(0xFFFF_FFFF);
    /// `TC_H_INGRESS` (and `TC_H_CLSACT`, the same value): the parent of
    /// the ingress and clsact qdiscs.
    pub const INGRESS: TcHandle = TcHandle(0xFFFF_FFF1);
    /// `TC_H_CLSACT`.
    pub const CLSACT: TcHandle = TcHandle(0xFFFF_FFF1);
    /// `TC_H_MIN_INGRESS`: the minor of a clsact qdisc's ingress hook
    /// (`ffff:fff2`, `tc filter … ingress`).
    pub const MIN_INGRESS: u16 = 0xFFF2;
    /// `TC_H_MIN_EGRESS`: the minor of a clsact qdisc's egress hook.
    pub const MIN_EGRESS: u16 = 0xFFF3;
    /// `TC_H_MIN_PRIORITY`.
    pub const MIN_PRIORITY: u16 = 0xFFE0;

    /// `TC_H_MAKE(major << 16, minor)`.
    pub const fn new(major: u16, minor: u16) -> Self {
        TcHandle(((major as u32) << 16) | minor as u32)
    }
    /// The major number (`TC_H_MAJ(h) >> 16`).
    pub const fn major(self) -> u16 {
        (self.0 >> 16) as u16
    }
    /// The minor number (`TC_H_MIN(h)`).
    pub const fn minor(self) -> u16 {
        self.0 as u16
    }
    /// Parses `tc`'s forms: `root`, `none`, `ingress`, `clsact`, `1:`,
    /// `1:10`, `:5`, `1` (a major), hex digits each.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "root" => return Some(Self::ROOT),
            "none" => return Some(Self::UNSPEC),
            "ingress" | "clsact" => return Some(Self::INGRESS),
            _ => {}
        }
        let hex = |t: &str| if t.is_empty() { Some(0) } else { u16::from_str_radix(t, 16).ok() };
        match s.split_once(':') {
            Some((maj, min)) => Some(Self::new(hex(maj)?, hex(min)?)),
            None if !s.is_empty() => Some(Self::new(hex(s)?, 0)),
            None => None,
        }
    }
}

impl core::fmt::Display for TcHandle {
    /// As `tc`'s `print_tc_classid`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match *self {
            Self::ROOT => f.write_str("root"),
            Self::UNSPEC => f.write_str("none"),
            h if h.major() == 0 => write!(f, ":{:x}", h.minor()),
            h if h.minor() == 0 => write!(f, "{:x}:", h.major()),
            h => write!(f, "{:x}:{:x}", h.major(), h.minor()),
        }
    }
}

int_newtype_payload!(TcHandle(u32));

/// `struct tc_estimator` / `struct gnet_estimator` (`TCA_RATE`): the rate
/// estimator's interval (`2^interval` quarter seconds, -2 is 250 ms) and
/// EWMA time constant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TcEstimator {
    /// `interval`.
    pub interval: i8,
    /// `ewma_log`.
    pub ewma_log: u8,
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for TcEstimator {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        let [i, e] = crate::typed::fixed::<2, O>(attr)?;
        Ok(TcEstimator { interval: i as i8, ewma_log: e })
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, &[self.interval as u8, self.ewma_log])
    }
}

impl Render for TcEstimator {
    /// `{"interval": i, "ewma_log": e}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        use crate::wire::visit::MapRenderer;
        let mut m = r.map()?;
        m.entry("interval", &i32::from(self.interval))?;
        m.entry("ewma_log", &self.ewma_log)?;
        m.end()
    }
}

serde_via_render!(impl[] TcEstimator);

#[cfg(feature = "arbitrary")]
impl<O: ByteOrder> crate::typed::gen::ArbitraryPayload<O> for TcEstimator {
    fn arbitrary_attr<B: Buffer>(
        u: &mut arbitrary::Unstructured<'_>,
        id: u16,
        _: crate::typed::gen::GenCtx,
        w: &mut Writer<B, O>,
    ) -> arbitrary::Result<()> {
        crate::typed::gen::enc(w.attr(id, &u.arbitrary::<[u8; 2]>()?))
    }
}

struct_payload! {
    /// `struct nla_bitfield32`: the bits and which of them a request sets
    /// (`TCA_DUMP_FLAGS`, `TCA_ROOT_FLAGS`, `TCA_ACT_FLAGS`, …).
    pub struct Bitfield32<O> {
        /// `value`.
        value: U32<O>,
        /// `selector`: the bits of `value` that count.
        selector: U32<O>,
    }
}

impl<O: ByteOrder> Bitfield32<O> {
    /// `value` and `selector` both `bits`.
    pub fn of(bits: u32) -> Self {
        Bitfield32 { value: bits.into(), selector: bits.into() }
    }
}

attr_set! {
    /// A size table's attribute (`TCA_STAB_*`).
    pub enum StabAttr {
        /// `struct tc_sizespec`.
        1 TCA_STAB_BASE base => Base(stats::TcSizespec<O>),
        /// The table: `u16` sizes.
        2 TCA_STAB_DATA data => Data(Bytes<'a>),
    }
}

attr_set! {
    /// A qdisc, class, filter or chain attribute (`TCA_*`), through Linux 7.2.
    pub enum TcAttr {
        /// The kind (`"htb"`, `"u32"`, …), which selects options and
        /// extended statistics.
        1 TCA_KIND kind => Kind(&'a str),
        /// The kind's options, selected by the message type and `TCA_KIND`.
        2 TCA_OPTIONS options => Options(TcOptions<'a, O>) select TcOptions,
        /// The old statistics struct (`struct tc_stats`).
        3 TCA_STATS stats => Stats(crate::typed::Grown<'a, TcStats<O>>),
        /// The kind's extended statistics, selected by the message type and `TCA_KIND`.
        4 TCA_XSTATS xstats => Xstats(TcXstats<'a, O>) select TcXstats,
        /// The rate estimator (`struct tc_estimator`).
        5 TCA_RATE rate => Rate(TcEstimator),
        /// A filter dump's count of filters.
        6 TCA_FCNT fcnt => Fcnt(u32),
        /// The statistics (`TCA_STATS_*`, sent without `NLA_F_NESTED`).
        7 TCA_STATS2 stats2 => Stats2(Nest<'a, O, StatsAttr<'a, O>>) nest StatsAttr,
        /// The size table (`stab`).
        8 TCA_STAB stab => Stab(Nest<'a, O, StabAttr<'a, O>>) nest StabAttr,
        /// Padding for 64-bit alignment.
        9 TCA_PAD pad => Pad(Bytes<'a>),
        /// A request to dump invisible qdiscs too.
        10 TCA_DUMP_INVISIBLE dump_invisible => DumpInvisible(Flag),
        /// The filter chain.
        11 TCA_CHAIN chain => Chain(u32),
        /// Whether the object is offloaded to hardware.
        12 TCA_HW_OFFLOAD hw_offload => HwOffload(u8),
        /// The shared block of the ingress side.
        13 TCA_INGRESS_BLOCK ingress_block => IngressBlock(u32),
        /// The shared block of the egress side.
        14 TCA_EGRESS_BLOCK egress_block => EgressBlock(u32),
        /// Dump flags (`TCA_DUMP_FLAGS_TERSE`).
        15 TCA_DUMP_FLAGS dump_flags => DumpFlags(Bitfield32<O>),
        /// A warning the kernel attaches to a notification.
        16 TCA_EXT_WARN_MSG ext_warn_msg => ExtWarnMsg(&'a str),
    }
}

/// `TCA_DUMP_FLAGS_TERSE`: dump filters without their actions' details.
pub const TCA_DUMP_FLAGS_TERSE: u32 = 1;

/// `TCA_OPTIONS`: the options of a qdisc's, class's or filter's kind
/// (a chain's template has a filter kind's).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum TcOptions<'a, O: ByteOrder = NativeEndian> {
    /// A qdisc's options.
    Qdisc(QdiscOptions<'a, O>),
    /// A class's options.
    Class(ClassOptions<'a, O>),
    /// A filter's (or a chain template's) options.
    Filter(FilterOptions<'a, O>),
    /// In a message that is not a `tcmsg` type: kept as bytes.
    Other(crate::typed::RawNest<'a>),
}

impl<'a, O: ByteOrder> TcOptions<'a, O> {
    /// The selector attribute (`TCA_KIND`).
    pub const SELECTOR: Option<u16> = Some(TCA_KIND);

    /// Writes `TCA_KIND` and options attribute `id` of an arbitrary kind
    /// of the generator's message type.
    #[cfg(feature = "arbitrary")]
    pub fn arbitrary_selected<B: Buffer>(
        u: &mut arbitrary::Unstructured<'_>,
        id: u16,
        g: crate::typed::gen::GenCtx,
        w: &mut Writer<B, O>,
    ) -> arbitrary::Result<()> {
        match TcObject::of(g.msg_type) {
            Some(TcObject::Qdisc) => QdiscOptions::<'a, O>::arbitrary_with(u, id, Self::SELECTOR, g, w),
            Some(TcObject::Class) => ClassOptions::<'a, O>::arbitrary_with(u, id, Self::SELECTOR, g, w),
            Some(TcObject::Filter | TcObject::Chain) => {
                FilterOptions::<'a, O>::arbitrary_with(u, id, Self::SELECTOR, g, w)
            }
            None => Ok(()),
        }
    }
}

/// The kind named by `TCA_KIND` among `ctx`'s run (or, with `parent`, the
/// run around the nest being decoded).
fn kind_in<'a, O: ByteOrder>(ctx: &Ctx<'a>, parent: bool) -> Result<Option<&'a str>, DecodeError> {
    let a = if parent { ctx.parent_sibling::<O>(TCA_KIND) } else { ctx.sibling::<O>(TCA_KIND) };
    a.map(|a| a.str()).transpose()
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for TcOptions<'a, O> {
    const NESTED: bool = true;
    fn decode(attr: &Attr<'a, O>, ctx: &Ctx<'a>) -> Result<Self, DecodeError> {
        let Some(object) = TcObject::of(ctx.msg_type) else {
            return AttrPayload::decode(attr, ctx).map(TcOptions::Other);
        };
        let Some(kind) = kind_in::<O>(ctx, false)? else {
            return Err(DecodeError::new(attr.offset(), crate::wire::DecodeErrorKind::MissingSelector(TCA_KIND)));
        };
        Ok(match object {
            TcObject::Qdisc => TcOptions::Qdisc(QdiscOptions::decode_kind(kind, attr, ctx)?),
            TcObject::Class => TcOptions::Class(ClassOptions::decode_kind(kind, attr, ctx)?),
            TcObject::Filter | TcObject::Chain => TcOptions::Filter(FilterOptions::decode_kind(kind, attr, ctx)?),
        })
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        match self {
            TcOptions::Qdisc(x) => x.emit(id, w),
            TcOptions::Class(x) => x.emit(id, w),
            TcOptions::Filter(x) => x.emit(id, w),
            TcOptions::Other(x) => AttrPayload::<'a, O>::emit(x, id, w),
        }
    }
    fn first_error(&self) -> Option<DecodeError> {
        match self {
            TcOptions::Qdisc(x) => x.first_error(),
            TcOptions::Class(x) => x.first_error(),
            TcOptions::Filter(x) => x.first_error(),
            TcOptions::Other(_) => None,
        }
    }
    fn locate(&self, offset: usize, f: &mut dyn FnMut(PathName)) {
        match self {
            TcOptions::Qdisc(x) => x.locate(offset, f),
            TcOptions::Class(x) => x.locate(offset, f),
            TcOptions::Filter(x) => x.locate(offset, f),
            TcOptions::Other(_) => {}
        }
    }
}

impl<O: ByteOrder> Render for TcOptions<'_, O> {
    /// As the selected kind renders.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        match self {
            TcOptions::Qdisc(x) => x.render(r),
            TcOptions::Class(x) => x.render(r),
            TcOptions::Filter(x) => x.render(r),
            TcOptions::Other(x) => x.render(r),
        }
    }
}

serde_via_render!(impl['a, O: ByteOrder] TcOptions<'a, O>);

impl<'w, B: Buffer, O: ByteOrder> Choose<'w, B, O, TcOptions<'static, O>> {
    /// A qdisc's kinds (each writes `TCA_KIND` and its options).
    pub fn qdisc(self) -> Choose<'w, B, O, QdiscOptions<'static, O>> {
        self.with_selector(TCA_KIND)
    }
    /// A class's kinds.
    pub fn class(self) -> Choose<'w, B, O, ClassOptions<'static, O>> {
        self.with_selector(TCA_KIND)
    }
    /// A filter's (or chain template's) kinds.
    pub fn filter(self) -> Choose<'w, B, O, FilterOptions<'static, O>> {
        self.with_selector(TCA_KIND)
    }
}

/// Extended statistics (`TCA_XSTATS`, and `TCA_STATS_APP` inside
/// `TCA_STATS2`), typed by the message type and `TCA_KIND`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum TcXstats<'a, O: ByteOrder = NativeEndian> {
    /// A qdisc's.
    Qdisc(QdiscXstats<'a, O>),
    /// A class's.
    Class(ClassXstats<'a, O>),
    /// Of a filter, an action or a message without a kind: kept as bytes.
    Other(Bytes<'a>),
}

impl<'a, O: ByteOrder> TcXstats<'a, O> {
    /// The selector attribute (`TCA_KIND`).
    pub const SELECTOR: Option<u16> = Some(TCA_KIND);

    /// Decodes `attr` found in `ctx`, its kind among the siblings (or,
    /// with `parent`, around the enclosing nest).
    fn decode_in(attr: &Attr<'a, O>, ctx: &Ctx<'a>, parent: bool) -> Result<Self, DecodeError> {
        let kind = match TcObject::of(ctx.msg_type) {
            Some(TcObject::Qdisc | TcObject::Class) => kind_in::<O>(ctx, parent)?,
            _ => None,
        };
        Self::decode_by_kind(kind, attr, ctx)
    }

    /// Decodes `attr` as the extended statistics of `kind` (however the
    /// kind was found) for `ctx`'s message type; bytes without a kind or
    /// outside a qdisc or class.
    pub(crate) fn decode_by_kind(
        kind: Option<&'a str>,
        attr: &Attr<'a, O>,
        ctx: &Ctx<'a>,
    ) -> Result<Self, DecodeError> {
        Ok(match (TcObject::of(ctx.msg_type), kind) {
            (Some(TcObject::Qdisc), Some(k)) => TcXstats::Qdisc(QdiscXstats::decode_kind(k, attr, ctx)?),
            (Some(TcObject::Class), Some(k)) => TcXstats::Class(ClassXstats::decode_kind(k, attr, ctx)?),
            _ => TcXstats::Other(Bytes(attr.payload())),
        })
    }

    /// Writes `TCA_KIND` and extended statistics attribute `id` of an
    /// arbitrary kind of the generator's message type.
    #[cfg(feature = "arbitrary")]
    pub fn arbitrary_selected<B: Buffer>(
        u: &mut arbitrary::Unstructured<'_>,
        id: u16,
        g: crate::typed::gen::GenCtx,
        w: &mut Writer<B, O>,
    ) -> arbitrary::Result<()> {
        match TcObject::of(g.msg_type) {
            Some(TcObject::Qdisc) => QdiscXstats::<'a, O>::arbitrary_with(u, id, Self::SELECTOR, g, w),
            Some(TcObject::Class) => ClassXstats::<'a, O>::arbitrary_with(u, id, Self::SELECTOR, g, w),
            _ => Ok(()),
        }
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for TcXstats<'a, O> {
    // cake's and taprio's are nests
    const NESTED: bool = true;
    fn decode(attr: &Attr<'a, O>, ctx: &Ctx<'a>) -> Result<Self, DecodeError> {
        Self::decode_in(attr, ctx, false)
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        match self {
            TcXstats::Qdisc(x) => x.emit(id, w),
            TcXstats::Class(x) => x.emit(id, w),
            TcXstats::Other(x) => AttrPayload::<'a, O>::emit(x, id, w),
        }
    }
    fn first_error(&self) -> Option<DecodeError> {
        match self {
            TcXstats::Qdisc(x) => x.first_error(),
            TcXstats::Class(x) => x.first_error(),
            TcXstats::Other(_) => None,
        }
    }
}

impl<O: ByteOrder> Render for TcXstats<'_, O> {
    /// As the kind's statistics render.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        match self {
            TcXstats::Qdisc(x) => x.render(r),
            TcXstats::Class(x) => x.render(r),
            TcXstats::Other(x) => x.render(r),
        }
    }
}

serde_via_render!(impl['a, O: ByteOrder] TcXstats<'a, O>);

impl<'w, B: Buffer, O: ByteOrder> Choose<'w, B, O, TcXstats<'static, O>> {
    /// A qdisc's kinds.
    pub fn qdisc(self) -> Choose<'w, B, O, QdiscXstats<'static, O>> {
        self.with_selector(TCA_KIND)
    }
    /// A class's kinds.
    pub fn class(self) -> Choose<'w, B, O, ClassXstats<'static, O>> {
        self.with_selector(TCA_KIND)
    }
}

/// `TCA_STATS_APP`: the kind's extended statistics inside `TCA_STATS2`,
/// typed by the `TCA_KIND` beside `TCA_STATS2`.
#[derive(Debug, Clone, PartialEq)]
pub struct AppStats<'a, O: ByteOrder = NativeEndian>(pub TcXstats<'a, O>);

impl<'a, O: ByteOrder> AttrPayload<'a, O> for AppStats<'a, O> {
    const NESTED: bool = true;
    fn decode(attr: &Attr<'a, O>, ctx: &Ctx<'a>) -> Result<Self, DecodeError> {
        TcXstats::decode_in(attr, ctx, true).map(AppStats)
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        self.0.emit(id, w)
    }
    fn first_error(&self) -> Option<DecodeError> {
        self.0.first_error()
    }
}

impl<O: ByteOrder> Render for AppStats<'_, O> {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        self.0.render(r)
    }
}

serde_via_render!(impl['a, O: ByteOrder] AppStats<'a, O>);

#[cfg(feature = "arbitrary")]
impl<O: ByteOrder> crate::typed::gen::ArbitraryPayload<O> for AppStats<'_, O> {
    /// Bytes (the kind lies outside the nest being generated; the kinds'
    /// statistics are generated as `TCA_XSTATS`).
    fn arbitrary_attr<B: Buffer>(
        u: &mut arbitrary::Unstructured<'_>,
        id: u16,
        g: crate::typed::gen::GenCtx,
        w: &mut Writer<B, O>,
    ) -> arbitrary::Result<()> {
        let _ = (u, id, g, w);
        Ok(())
    }
}

// ---- actions ----

zc_struct! {
    /// `struct tcamsg`, the 4-byte header of action messages.
    #[allow(non_snake_case)]
    pub struct TcaMsg<O> {
        /// `tca_family`.
        tca_family: u8,
        /// `tca__pad1`.
        tca__pad1: u8,
        /// `tca__pad2`.
        tca__pad2: U16<O>,
    }
}

impl<O: ByteOrder> FamilyHeader<O> for TcaMsg<O> {
    type Attr<'a> = ActionRootAttr<'a, O>;
    fn family(&self) -> u8 {
        self.tca_family
    }
}

/// An action message: the `tcamsg` and lazily decoded attributes.
pub type ActionMessage<'a, O = NativeEndian> = Headered<'a, O, TcaMsg<O>>;

/// A list of actions: a nest whose attribute ids are the actions' order
/// (from 1; a dump's table from 0), each a `TCA_ACT_*` nest.
pub type ActionList<'a, O = NativeEndian> = IndexedNest<'a, O, Nest<'a, O, ActAttr<'a, O>>>;

attr_set! {
    /// An action message's attribute (`TCA_ROOT_*`).
    pub enum ActionRootAttr {
        /// The actions (`TCA_ACT_TAB`).
        1 TCA_ROOT_TAB tab => Tab(ActionList<'a, O>) custom,
        /// Dump flags (`TCA_FLAG_LARGE_DUMP_ON`, `TCA_ACT_FLAG_TERSE_DUMP`).
        2 TCA_ROOT_FLAGS flags => Flags(Bitfield32<O>),
        /// The number of actions in a dump message.
        3 TCA_ROOT_COUNT count => Count(u32),
        /// Dump only actions used within this many milliseconds.
        4 TCA_ROOT_TIME_DELTA time_delta => TimeDelta(u32),
        /// A warning the kernel attaches to a notification.
        5 TCA_ROOT_EXT_WARN_MSG ext_warn_msg => ExtWarnMsg(&'a str),
    }
}

/// `TCA_FLAG_LARGE_DUMP_ON`: more than 32 actions per dump message.
pub const TCA_FLAG_LARGE_DUMP_ON: u32 = 1;
/// `TCA_ACT_FLAG_TERSE_DUMP`: dump actions without their options.
pub const TCA_ACT_FLAG_TERSE_DUMP: u32 = 2;

impl<'w, B: Buffer, O: ByteOrder> crate::typed::Scope<'w, B, O, ActionRootAttr<'static, O>> {
    /// Writes `TCA_ROOT_TAB`: `f` fills it with actions (see
    /// [`ActionsScope`]); the list and each action's nest are flagged
    /// `NLA_F_NESTED` as the scope's nests are (see
    /// [`nests_flagged`](crate::typed::Scope::nests_flagged)).
    pub fn tab(
        &mut self,
        f: impl FnOnce(&mut ActionsScope<'_, B, O>) -> Result<(), EncodeError>,
    ) -> Result<&mut Self, EncodeError> {
        let flagged = self.flags_nests();
        write_actions(self.writer(), TCA_ROOT_TAB, flagged, f)?;
        Ok(self)
    }
}

/// A writer of an action list (`TCA_ROOT_TAB`, `TCA_U32_ACT`, …): each
/// action gets the next position, from 1.
#[derive(Debug)]
pub struct ActionsScope<'w, B: Buffer, O: ByteOrder> {
    w: &'w mut Writer<B, O>,
    next: u16,
    /// Whether each action's nest is flagged `NLA_F_NESTED` (as the list's).
    flagged: bool,
}

impl<B: Buffer, O: ByteOrder> ActionsScope<'_, B, O> {
    /// Writes one action at the next position: `f` fills its `TCA_ACT_*`
    /// (`options()` writes `TCA_ACT_KIND` and the kind's options together).
    /// On error nothing of it is left and the position is not taken.
    pub fn action(
        &mut self,
        f: impl FnOnce(&mut crate::typed::Scope<'_, B, O, ActAttr<'static, O>>) -> Result<(), EncodeError>,
    ) -> Result<&mut Self, EncodeError> {
        let at = self.next;
        self.w.nest(at, self.flagged, |w| f(&mut crate::typed::Scope::new(w)))?;
        self.next = at.saturating_add(1);
        Ok(self)
    }
}

/// Writes action list `id` filled by `f`, its nests flagged `NLA_F_NESTED`
/// or not (the builders of `TCA_ROOT_TAB` and the filters' `*_ACT`).
pub(crate) fn write_actions<B: Buffer, O: ByteOrder>(
    w: &mut Writer<B, O>,
    id: u16,
    flagged: bool,
    f: impl FnOnce(&mut ActionsScope<'_, B, O>) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    w.nest(id, flagged, |w| f(&mut ActionsScope { w, next: 1, flagged }))
}

/// Slots of [`KIND_TABLE`] (a power of two, at least twice the kinds).
const KIND_SLOTS: usize = 128;

/// Where a kind's probe starts in [`KIND_TABLE`]: its length and its first
/// and last bytes (the kernel's names differ there; equal ones probe on).
#[inline(always)]
const fn kind_hash(b: &[u8]) -> usize {
    match b {
        [first, .., last] => (*first as usize * 7 + *last as usize * 3 + b.len() * 11) % KIND_SLOTS,
        [one] => *one as usize % KIND_SLOTS,
        [] => 0,
    }
}

/// Every qdisc kind's name, placed by [`kind_hash`] with linear probing.
const KIND_TABLE: [&str; KIND_SLOTS] = {
    let kinds = QdiscOptions::<'static, NativeEndian>::KINDS;
    let mut t = [""; KIND_SLOTS];
    let mut k = 0;
    while k < kinds.len() {
        let name = kinds[k].0;
        let mut i = kind_hash(name.as_bytes());
        while !t[i].is_empty() {
            i = (i + 1) % KIND_SLOTS;
        }
        t[i] = name;
        k += 1;
    }
    t
};

/// The `&'static str` of a known qdisc kind spelled by `b` (without its
/// NUL), found without a UTF-8 check: the statistics view reads a kind per
/// message, and the kernel's names are few.
#[inline]
pub(crate) fn known_kind(b: &[u8]) -> Option<&'static str> {
    let mut i = kind_hash(b);
    // bounded though an empty slot always ends the probe
    for _ in 0..KIND_SLOTS {
        let name = *KIND_TABLE.get(i)?;
        if name.is_empty() {
            return None;
        }
        let n = name.as_bytes();
        if n.len() == b.len() && n.iter().zip(b).all(|(x, y)| x == y) {
            return Some(name);
        }
        i = (i + 1) % KIND_SLOTS;
    }
    None
}

/// `TCA_KIND`'s string: a known kind from [`known_kind`], any other
/// checked as [`Attr::str`] checks it.
#[inline]
pub(crate) fn kind_str<'a, O: ByteOrder>(a: &Attr<'a, O>) -> Result<&'a str, DecodeError> {
    match a.payload().split_last() {
        Some((0, body)) => match known_kind(body) {
            Some(k) => Ok(k),
            None => a.str(),
        },
        _ => a.str(),
    }
}

#[cfg(test)]
mod tests;
