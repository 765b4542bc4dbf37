//! The options of the qdiscs (`TCA_OPTIONS` of `RTM_*QDISC`, by `TCA_KIND`:
//! [`QdiscOptions`]) and of their classes ([`ClassOptions`]), and their
//! extended statistics ([`QdiscXstats`], [`ClassXstats`]). Rate tables
//! (`TCA_HTB_RTAB`, `TCA_TBF_RTAB`, …) are kept as bytes.

use crate::typed::{AttrPayload, Bytes, Ctx, Flag, Grown, StructThen};
use crate::wire::visit::{MapRenderer, Render, Renderer, Value};
use crate::wire::{Attr, Buffer, ByteOrder, DecodeError, DecodeErrorKind, EncodeError, NativeEndian, Writer};
use crate::wire::{I16, I32, I64, U16, U32, U64};

use super::TCA_KIND;

attr_set! {
    /// The options of a kind that has none but sends an empty nest
    /// (`ingress`, `clsact`); a newer kernel's attributes are kept.
    pub enum EmptyAttr {}
}

struct_payload! {
    /// `struct tc_ratespec`: a rate and how packet sizes map to its table.
    pub struct TcRatespec<O> {
        /// `cell_log`.
        cell_log: u8,
        /// `linklayer` (low 4 bits: `TC_LINKLAYER_*`).
        linklayer: u8,
        /// `overhead`, bytes added to each packet.
        overhead: U16<O>,
        /// `cell_align`.
        cell_align: I16<O>,
        /// `mpu`: the minimum packet unit.
        mpu: U16<O>,
        /// `rate`, bytes per second (saturated; the 64-bit rate is in a
        /// separate attribute).
        rate: U32<O>,
    }
}

struct_payload! {
    /// `struct tc_fifo_qopt` (`pfifo`, `bfifo`, `pfifo_head_drop`).
    pub struct TcFifoQopt<O> {
        /// `limit`: packets (`pfifo`) or bytes (`bfifo`).
        limit: U32<O>,
    }
}

struct_payload! {
    /// `struct tc_prio_qopt` (`prio`, `pfifo_fast`).
    pub struct TcPrioQopt<O> {
        /// `bands`.
        bands: I32<O>,
        /// `priomap`: the band of each of the 16 priorities.
        priomap: [u8; 16],
    }
}

struct_payload! {
    /// `struct tc_multiq_qopt` (`multiq`).
    pub struct TcMultiqQopt<O> {
        /// `bands`.
        bands: U16<O>,
        /// `max_bands`.
        max_bands: U16<O>,
    }
}

struct_payload! {
    /// `struct tc_skbprio_qopt` (`skbprio`).
    pub struct TcSkbprioQopt<O> {
        /// `limit`, in packets.
        limit: U32<O>,
    }
}

struct_payload! {
    /// `struct tc_plug_qopt` (`plug`).
    pub struct TcPlugQopt<O> {
        /// `action`: `TCQ_PLUG_*`.
        action: I32<O>,
        /// `limit`.
        limit: U32<O>,
    }
}

struct_payload! {
    /// `struct tc_tbf_qopt` (`TCA_TBF_PARMS`).
    pub struct TcTbfQopt<O> {
        /// `rate`.
        rate: TcRatespec<O>,
        /// `peakrate`.
        peakrate: TcRatespec<O>,
        /// `limit`, bytes.
        limit: U32<O>,
        /// `buffer`, in ticks.
        buffer: U32<O>,
        /// `mtu`, in ticks.
        mtu: U32<O>,
    }
}

attr_set! {
    /// A `tbf` option (`TCA_TBF_*`).
    pub enum TbfAttr {
        /// The parameters.
        1 TCA_TBF_PARMS parms => Parms(TcTbfQopt<O>),
        /// The rate table (256 `u32`), kept as bytes.
        2 TCA_TBF_RTAB rtab => Rtab(Bytes<'a>),
        /// The peak-rate table (256 `u32`), kept as bytes.
        3 TCA_TBF_PTAB ptab => Ptab(Bytes<'a>),
        /// The rate, bytes per second, when it does not fit 32 bits.
        4 TCA_TBF_RATE64 rate64 => Rate64(u64),
        /// The peak rate, when it does not fit 32 bits.
        5 TCA_TBF_PRATE64 prate64 => Prate64(u64),
        /// The burst, in bytes.
        6 TCA_TBF_BURST burst => Burst(u32),
        /// The peak burst, in bytes.
        7 TCA_TBF_PBURST pburst => Pburst(u32),
        /// Padding.
        8 TCA_TBF_PAD pad => Pad(Bytes<'a>),
    }
}

struct_payload! {
    /// `struct tc_htb_opt` (`TCA_HTB_PARMS`, of a class).
    pub struct TcHtbOpt<O> {
        /// `rate`.
        rate: TcRatespec<O>,
        /// `ceil`.
        ceil: TcRatespec<O>,
        /// `buffer`, in ticks.
        buffer: U32<O>,
        /// `cbuffer`, in ticks.
        cbuffer: U32<O>,
        /// `quantum`.
        quantum: U32<O>,
        /// `level` (out only).
        level: U32<O>,
        /// `prio`.
        prio: U32<O>,
    }
}

struct_payload! {
    /// `struct tc_htb_glob` (`TCA_HTB_INIT`, of the qdisc).
    pub struct TcHtbGlob<O> {
        /// `version`: 3.
        version: U32<O>,
        /// `rate2quantum`.
        rate2quantum: U32<O>,
        /// `defcls`: the default class's minor.
        defcls: U32<O>,
        /// `debug`.
        debug: U32<O>,
        /// `direct_pkts`: packets sent unshaped.
        direct_pkts: U32<O>,
    }
}

attr_set! {
    /// An `htb` option (`TCA_HTB_*`), of the qdisc and of its classes.
    pub enum HtbAttr {
        /// A class's parameters.
        1 TCA_HTB_PARMS parms => Parms(TcHtbOpt<O>),
        /// The qdisc's parameters.
        2 TCA_HTB_INIT init => Init(TcHtbGlob<O>),
        /// A class's ceil table (256 `u32`), kept as bytes.
        3 TCA_HTB_CTAB ctab => Ctab(Bytes<'a>),
        /// A class's rate table (256 `u32`), kept as bytes.
        4 TCA_HTB_RTAB rtab => Rtab(Bytes<'a>),
        /// The direct queue's length.
        5 TCA_HTB_DIRECT_QLEN direct_qlen => DirectQlen(u32),
        /// A class's rate, when it does not fit 32 bits.
        6 TCA_HTB_RATE64 rate64 => Rate64(u64),
        /// A class's ceil, when it does not fit 32 bits.
        7 TCA_HTB_CEIL64 ceil64 => Ceil64(u64),
        /// Padding.
        8 TCA_HTB_PAD pad => Pad(Bytes<'a>),
        /// Offloaded to hardware.
        9 TCA_HTB_OFFLOAD offload => Offload(Flag),
    }
}

struct_payload! {
    /// `struct tc_htb_xstats` (a class's `TCA_XSTATS`).
    pub struct TcHtbXstats<O> {
        /// `lends`.
        lends: U32<O>,
        /// `borrows`.
        borrows: U32<O>,
        /// `giants`.
        giants: U32<O>,
        /// `tokens`.
        tokens: I32<O>,
        /// `ctokens`.
        ctokens: I32<O>,
    }
}

attr_set! {
    /// An `fq_codel` option (`TCA_FQ_CODEL_*`).
    pub enum FqCodelAttr {
        /// The target delay, µs.
        1 TCA_FQ_CODEL_TARGET target => Target(u32),
        /// The limit, packets.
        2 TCA_FQ_CODEL_LIMIT limit => Limit(u32),
        /// The interval, µs.
        3 TCA_FQ_CODEL_INTERVAL interval => Interval(u32),
        /// ECN marking (0 or 1).
        4 TCA_FQ_CODEL_ECN ecn => Ecn(u32),
        /// The number of flows.
        5 TCA_FQ_CODEL_FLOWS flows => Flows(u32),
        /// The quantum, bytes.
        6 TCA_FQ_CODEL_QUANTUM quantum => Quantum(u32),
        /// The CE marking threshold, µs.
        7 TCA_FQ_CODEL_CE_THRESHOLD ce_threshold => CeThreshold(u32),
        /// Packets dropped at once when over the limit.
        8 TCA_FQ_CODEL_DROP_BATCH_SIZE drop_batch_size => DropBatchSize(u32),
        /// The memory limit, bytes.
        9 TCA_FQ_CODEL_MEMORY_LIMIT memory_limit => MemoryLimit(u32),
        /// The DS-field bits the CE threshold applies to.
        10 TCA_FQ_CODEL_CE_THRESHOLD_SELECTOR ce_threshold_selector => CeThresholdSelector(u8),
        /// The mask of those bits.
        11 TCA_FQ_CODEL_CE_THRESHOLD_MASK ce_threshold_mask => CeThresholdMask(u8),
    }
}

zc_struct! {
    /// `struct tc_fq_codel_qd_stats`: a qdisc's half of [`FqCodelXstats`].
    pub struct TcFqCodelQdStats<O> {
        /// `maxpacket`.
        maxpacket: U32<O>,
        /// `drop_overlimit`.
        drop_overlimit: U32<O>,
        /// `ecn_mark`.
        ecn_mark: U32<O>,
        /// `new_flow_count`.
        new_flow_count: U32<O>,
        /// `new_flows_len`.
        new_flows_len: U32<O>,
        /// `old_flows_len`.
        old_flows_len: U32<O>,
        /// `ce_mark`.
        ce_mark: U32<O>,
        /// `memory_usage`, bytes.
        memory_usage: U32<O>,
        /// `drop_overmemory`.
        drop_overmemory: U32<O>,
    }
}

zc_struct! {
    /// `struct tc_fq_codel_cl_stats`: a class's (a flow's) half of [`FqCodelXstats`].
    pub struct TcFqCodelClStats<O> {
        /// `deficit`.
        deficit: I32<O>,
        /// `ldelay`, µs.
        ldelay: U32<O>,
        /// `count`.
        count: U32<O>,
        /// `lastcount`.
        lastcount: U32<O>,
        /// `dropping`.
        dropping: U32<O>,
        /// `drop_next`.
        drop_next: I32<O>,
    }
}

/// `TCA_FQ_CODEL_XSTATS_QDISC`.
pub const TCA_FQ_CODEL_XSTATS_QDISC: u32 = 0;
/// `TCA_FQ_CODEL_XSTATS_CLASS`.
pub const TCA_FQ_CODEL_XSTATS_CLASS: u32 = 1;

/// `struct tc_fq_codel_xstats`: a `type` word, then the qdisc's or the
/// class's statistics (a union, the whole union's size on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FqCodelXstats<'a, O: ByteOrder = NativeEndian> {
    bytes: &'a [u8],
    _o: core::marker::PhantomData<O>,
}

impl<'a, O: ByteOrder> FqCodelXstats<'a, O> {
    /// `type`: [`TCA_FQ_CODEL_XSTATS_QDISC`] or [`TCA_FQ_CODEL_XSTATS_CLASS`].
    pub fn kind(&self) -> u32 {
        let mut b = [0u8; 4];
        b.copy_from_slice(self.bytes.get(..4).unwrap_or(&[0; 4]));
        U32::<O>::from_bytes(b).get()
    }
    /// The qdisc's statistics, if `type` says so.
    pub fn qdisc(&self) -> Option<Grown<'a, TcFqCodelQdStats<O>>> {
        (self.kind() == TCA_FQ_CODEL_XSTATS_QDISC).then(|| Grown::new(self.bytes.get(4..).unwrap_or(&[])))
    }
    /// The class's statistics, if `type` says so.
    pub fn class(&self) -> Option<Grown<'a, TcFqCodelClStats<O>>> {
        (self.kind() == TCA_FQ_CODEL_XSTATS_CLASS).then(|| Grown::new(self.bytes.get(4..).unwrap_or(&[])))
    }
    /// The payload as received.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for FqCodelXstats<'a, O> {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        let p = attr.payload();
        if p.len() < 4 {
            return Err(DecodeError::new(
                attr.payload_offset(),
                DecodeErrorKind::ShortStruct { need: 4, have: p.len() },
            ));
        }
        Ok(FqCodelXstats { bytes: p, _o: Default::default() })
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, self.bytes)
    }
}

impl<O: ByteOrder> Render for FqCodelXstats<'_, O> {
    /// `{"type": t, "qdisc_stats" | "class_stats": {...}}` (`"union"` hex
    /// for a type this version does not know).
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("type", &self.kind())?;
        match (self.qdisc(), self.class()) {
            (Some(q), _) => m.entry("qdisc_stats", &q)?,
            (_, Some(c)) => m.entry("class_stats", &c)?,
            _ => m.entry("union", &Value::Hex(self.bytes.get(4..).unwrap_or(&[])))?,
        }
        m.end()
    }
}

#[cfg(feature = "arbitrary")]
impl<O: ByteOrder> crate::typed::gen::ArbitraryPayload<O> for FqCodelXstats<'_, O> {
    fn arbitrary_attr<B: Buffer>(
        u: &mut arbitrary::Unstructured<'_>,
        id: u16,
        _: crate::typed::gen::GenCtx,
        w: &mut Writer<B, O>,
    ) -> arbitrary::Result<()> {
        let mut b = [0u8; 40];
        u.fill_buffer(&mut b[4..])?;
        let t: u32 = u.int_in_range(0..=1)?;
        b[..4].copy_from_slice(&U32::<O>::new(t).to_bytes());
        crate::typed::gen::enc(w.attr(id, &b))
    }
}

struct_payload! {
    /// `struct tc_netem_qopt`: the head of `netem`'s options.
    pub struct TcNetemQopt<O> {
        /// `latency`, in ticks.
        latency: U32<O>,
        /// `limit`, packets.
        limit: U32<O>,
        /// `loss`: the random loss probability (`u32::MAX` is 100%).
        loss: U32<O>,
        /// `gap`: the reordering gap.
        gap: U32<O>,
        /// `duplicate`: the duplication probability.
        duplicate: U32<O>,
        /// `jitter`, in ticks.
        jitter: U32<O>,
    }
}

struct_payload! {
    /// `struct tc_netem_corr` (`TCA_NETEM_CORR`).
    pub struct TcNetemCorr<O> {
        /// `delay_corr`.
        delay_corr: U32<O>,
        /// `loss_corr`.
        loss_corr: U32<O>,
        /// `dup_corr`.
        dup_corr: U32<O>,
    }
}

struct_payload! {
    /// `struct tc_netem_reorder` (`TCA_NETEM_REORDER`) and `struct
    /// tc_netem_corrupt` (`TCA_NETEM_CORRUPT`), which have the same fields.
    pub struct TcNetemReorder<O> {
        /// `probability`.
        probability: U32<O>,
        /// `correlation`.
        correlation: U32<O>,
    }
}

struct_payload! {
    /// `struct tc_netem_rate` (`TCA_NETEM_RATE`).
    pub struct TcNetemRate<O> {
        /// `rate`, bytes per second.
        rate: U32<O>,
        /// `packet_overhead`.
        packet_overhead: I32<O>,
        /// `cell_size`.
        cell_size: U32<O>,
        /// `cell_overhead`.
        cell_overhead: I32<O>,
    }
}

struct_payload! {
    /// `struct tc_netem_slot` (`TCA_NETEM_SLOT`).
    pub struct TcNetemSlot<O> {
        /// `min_delay`, ns.
        min_delay: I64<O>,
        /// `max_delay`, ns.
        max_delay: I64<O>,
        /// `max_packets`.
        max_packets: I32<O>,
        /// `max_bytes`.
        max_bytes: I32<O>,
        /// `dist_delay`, ns.
        dist_delay: I64<O>,
        /// `dist_jitter`, ns.
        dist_jitter: I64<O>,
    }
}

struct_payload! {
    /// `struct tc_netem_gimodel` (`NETEM_LOSS_GI`): the 4-state loss model.
    pub struct TcNetemGimodel<O> {
        /// `p13`.
        p13: U32<O>,
        /// `p31`.
        p31: U32<O>,
        /// `p32`.
        p32: U32<O>,
        /// `p14`.
        p14: U32<O>,
        /// `p23`.
        p23: U32<O>,
    }
}

struct_payload! {
    /// `struct tc_netem_gemodel` (`NETEM_LOSS_GE`): the Gilbert-Elliot model.
    pub struct TcNetemGemodel<O> {
        /// `p`.
        p: U32<O>,
        /// `r`.
        r: U32<O>,
        /// `h`.
        h: U32<O>,
        /// `k1`.
        k1: U32<O>,
    }
}

attr_set! {
    /// A `netem` loss model (`NETEM_LOSS_*`).
    pub enum NetemLossAttr {
        /// The 4-state model.
        1 NETEM_LOSS_GI gi => Gi(TcNetemGimodel<O>),
        /// The Gilbert-Elliot model.
        2 NETEM_LOSS_GE ge => Ge(TcNetemGemodel<O>),
    }
}

attr_set! {
    /// A `netem` option after its `tc_netem_qopt` (`TCA_NETEM_*`).
    pub enum NetemAttr {
        /// The correlations.
        1 TCA_NETEM_CORR corr => Corr(TcNetemCorr<O>),
        /// The delay distribution table (`s16` values), kept as bytes.
        2 TCA_NETEM_DELAY_DIST delay_dist => DelayDist(Bytes<'a>),
        /// Reordering.
        3 TCA_NETEM_REORDER reorder => Reorder(TcNetemReorder<O>),
        /// Corruption (a `struct tc_netem_corrupt`).
        4 TCA_NETEM_CORRUPT corrupt => Corrupt(TcNetemReorder<O>),
        /// A loss model.
        5 TCA_NETEM_LOSS loss => Loss(crate::typed::Nest<'a, O, NetemLossAttr<'a, O>>) nest NetemLossAttr,
        /// Rate limiting.
        6 TCA_NETEM_RATE rate => Rate(TcNetemRate<O>),
        /// ECN marking instead of dropping.
        7 TCA_NETEM_ECN ecn => Ecn(u32),
        /// The rate, when it does not fit 32 bits.
        8 TCA_NETEM_RATE64 rate64 => Rate64(u64),
        /// Padding.
        9 TCA_NETEM_PAD pad => Pad(Bytes<'a>),
        /// The latency, ns (`s64`).
        10 TCA_NETEM_LATENCY64 latency64 => Latency64(u64),
        /// The jitter, ns (`s64`).
        11 TCA_NETEM_JITTER64 jitter64 => Jitter64(u64),
        /// Slotting.
        12 TCA_NETEM_SLOT slot => Slot(TcNetemSlot<O>),
        /// The slot distribution table, kept as bytes.
        13 TCA_NETEM_SLOT_DIST slot_dist => SlotDist(Bytes<'a>),
        /// The random generator's seed.
        14 TCA_NETEM_PRNG_SEED prng_seed => PrngSeed(u64),
    }
}

/// `netem`'s options: `struct tc_netem_qopt` followed by [`NetemAttr`].
pub type NetemOptions<'a, O = NativeEndian> = StructThen<'a, O, TcNetemQopt<O>, NetemAttr<'a, O>>;

zc_struct! {
    /// `struct tc_netem_xstats` (7.x kernels' `TCA_XSTATS` of `netem`).
    pub struct TcNetemXstats<O> {
        /// `delayed`.
        delayed: U64<O>,
        /// `dropped`.
        dropped: U64<O>,
        /// `corrupted`.
        corrupted: U64<O>,
        /// `duplicated`.
        duplicated: U64<O>,
        /// `reordered`.
        reordered: U64<O>,
        /// `ecn_marked`.
        ecn_marked: U64<O>,
        /// `allocation_errors`.
        allocation_errors: U64<O>,
    }
}

select_table! {
    /// A qdisc's options (`TCA_OPTIONS` of `RTM_*QDISC`), by `TCA_KIND`.
    pub enum QdiscOptions by sibling TCA_KIND: str {
        /// A packet FIFO.
        "pfifo" KIND_PFIFO pfifo => Pfifo[TcFifoQopt<O>],
        /// A byte FIFO.
        "bfifo" KIND_BFIFO bfifo => Bfifo[TcFifoQopt<O>],
        /// A packet FIFO dropping at its head.
        "pfifo_head_drop" KIND_PFIFO_HEAD_DROP pfifo_head_drop => PfifoHeadDrop[TcFifoQopt<O>],
        /// The default three-band qdisc.
        "pfifo_fast" KIND_PFIFO_FAST pfifo_fast => PfifoFast[TcPrioQopt<O>],
        /// A priority qdisc.
        "prio" KIND_PRIO prio => Prio[TcPrioQopt<O>],
        /// A multiqueue band qdisc.
        "multiq" KIND_MULTIQ multiq => Multiq[TcMultiqQopt<O>],
        /// A priority queue by `skb->priority`.
        "skbprio" KIND_SKBPRIO skbprio => Skbprio[TcSkbprioQopt<O>],
        /// A plug.
        "plug" KIND_PLUG plug => Plug[TcPlugQopt<O>],
        /// A token bucket.
        "tbf" KIND_TBF tbf => Tbf(TbfAttr),
        /// A hierarchical token bucket.
        "htb" KIND_HTB htb => Htb(HtbAttr),
        /// Fair queueing with CoDel.
        "fq_codel" KIND_FQ_CODEL fq_codel => FqCodel(FqCodelAttr),
        /// A network emulator.
        "netem" KIND_NETEM netem => Netem[NetemOptions<'a, O>],
        /// The ingress qdisc.
        "ingress" KIND_INGRESS ingress => Ingress(EmptyAttr),
        /// The ingress and egress hooks of `tc filter … ingress|egress`.
        "clsact" KIND_CLSACT clsact => Clsact(EmptyAttr),
    }
}

select_table! {
    /// A class's options (`TCA_OPTIONS` of `RTM_*TCLASS`), by its qdisc's `TCA_KIND`.
    pub enum ClassOptions by sibling TCA_KIND: str {
        /// An `htb` class.
        "htb" CLASS_HTB htb => Htb(HtbAttr),
    }
}

select_table! {
    /// A qdisc's extended statistics (`TCA_XSTATS`, `TCA_STATS_APP`), by `TCA_KIND`.
    pub enum QdiscXstats by sibling TCA_KIND: str {
        /// `fq_codel`'s (the qdisc half).
        "fq_codel" XSTATS_FQ_CODEL fq_codel => FqCodel[FqCodelXstats<'a, O>],
        /// `netem`'s.
        "netem" XSTATS_NETEM netem => Netem[Grown<'a, TcNetemXstats<O>>],
    }
}

select_table! {
    /// A class's extended statistics (`TCA_XSTATS`, `TCA_STATS_APP`), by `TCA_KIND`.
    pub enum ClassXstats by sibling TCA_KIND: str {
        /// An `htb` class's.
        "htb" CLASS_XSTATS_HTB htb => Htb[TcHtbXstats<O>],
        /// An `fq_codel` flow's (the class half).
        "fq_codel" CLASS_XSTATS_FQ_CODEL fq_codel => FqCodel[FqCodelXstats<'a, O>],
    }
}
