//! The options of the qdiscs (`TCA_OPTIONS` of `RTM_*QDISC`, by `TCA_KIND`:
//! [`QdiscOptions`]) and of their classes ([`ClassOptions`]), and their
//! extended statistics ([`QdiscXstats`], [`ClassXstats`]). Rate tables
//! (`TCA_HTB_RTAB`, `TCA_TBF_RTAB`, …) are kept as bytes.

use crate::typed::{AttrPayload, Bytes, Ctx, Flag, Grown, IndexedNest, Nest, StructArray, StructThen, U32Array};
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

/// `TCQ_PLUG_BUFFER`: plug's action to start buffering.
pub const TCQ_PLUG_BUFFER: i32 = 0;
/// `TCQ_PLUG_RELEASE_ONE`: plug's action to release one buffer.
pub const TCQ_PLUG_RELEASE_ONE: i32 = 1;
/// `TCQ_PLUG_RELEASE_INDEFINITE`: plug's action to stop buffering.
pub const TCQ_PLUG_RELEASE_INDEFINITE: i32 = 2;
/// `TCQ_PLUG_LIMIT`: plug's action to set the limit.
pub const TCQ_PLUG_LIMIT: i32 = 3;

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

attr_set! {
    /// A `codel` option (`TCA_CODEL_*`).
    pub enum CodelAttr {
        /// The target delay, µs.
        1 TCA_CODEL_TARGET target => Target(u32),
        /// The limit, packets.
        2 TCA_CODEL_LIMIT limit => Limit(u32),
        /// The interval, µs.
        3 TCA_CODEL_INTERVAL interval => Interval(u32),
        /// ECN marking.
        4 TCA_CODEL_ECN ecn => Ecn(u32),
        /// The CE marking threshold, µs.
        5 TCA_CODEL_CE_THRESHOLD ce_threshold => CeThreshold(u32),
    }
}

attr_set! {
    /// An `fq` option (`TCA_FQ_*`).
    pub enum FqAttr {
        /// The limit, packets.
        1 TCA_FQ_PLIMIT plimit => Plimit(u32),
        /// The per-flow limit, packets.
        2 TCA_FQ_FLOW_PLIMIT flow_plimit => FlowPlimit(u32),
        /// The quantum, bytes.
        3 TCA_FQ_QUANTUM quantum => Quantum(u32),
        /// The quantum of a new flow, bytes.
        4 TCA_FQ_INITIAL_QUANTUM initial_quantum => InitialQuantum(u32),
        /// Rate limiting on or off.
        5 TCA_FQ_RATE_ENABLE rate_enable => RateEnable(u32),
        /// Obsolete.
        6 TCA_FQ_FLOW_DEFAULT_RATE flow_default_rate => FlowDefaultRate(u32),
        /// The per-flow maximum rate, bytes per second.
        7 TCA_FQ_FLOW_MAX_RATE flow_max_rate => FlowMaxRate(u32),
        /// log2 of the number of buckets.
        8 TCA_FQ_BUCKETS_LOG buckets_log => BucketsLog(u32),
        /// The credit refill delay, µs.
        9 TCA_FQ_FLOW_REFILL_DELAY flow_refill_delay => FlowRefillDelay(u32),
        /// The mask applied to orphaned packets' hashes.
        10 TCA_FQ_ORPHAN_MASK orphan_mask => OrphanMask(u32),
        /// The rate under which packets are paced one by one.
        11 TCA_FQ_LOW_RATE_THRESHOLD low_rate_threshold => LowRateThreshold(u32),
        /// The CE marking threshold, µs.
        12 TCA_FQ_CE_THRESHOLD ce_threshold => CeThreshold(u32),
        /// The timer slack, ns.
        13 TCA_FQ_TIMER_SLACK timer_slack => TimerSlack(u32),
        /// The time horizon, µs.
        14 TCA_FQ_HORIZON horizon => Horizon(u32),
        /// Drop packets beyond the horizon (else cap their time).
        15 TCA_FQ_HORIZON_DROP horizon_drop => HorizonDrop(u8),
        /// The priority-to-band map.
        16 TCA_FQ_PRIOMAP priomap => Priomap(TcPrioQopt<O>),
        /// The bands' weights (`s32` each), kept as bytes.
        17 TCA_FQ_WEIGHTS weights => Weights(Bytes<'a>),
        /// The offload horizon, µs.
        18 TCA_FQ_OFFLOAD_HORIZON offload_horizon => OffloadHorizon(u32),
    }
}

struct_payload! {
    /// `struct tc_red_qopt` (`TCA_RED_PARMS`; also `choke`'s `tc_choke_qopt`, the same layout).
    #[allow(non_snake_case)]
    pub struct TcRedQopt<O> {
        /// `limit`.
        limit: U32<O>,
        /// `qth_min`.
        qth_min: U32<O>,
        /// `qth_max`.
        qth_max: U32<O>,
        /// `Wlog`.
        Wlog: u8,
        /// `Plog`.
        Plog: u8,
        /// `Scell_log`.
        Scell_log: u8,
        /// `flags`.
        flags: u8,
    }
}

attr_set! {
    /// A `red` option (`TCA_RED_*`).
    pub enum RedAttr {
        /// The parameters.
        1 TCA_RED_PARMS parms => Parms(TcRedQopt<O>),
        /// The idle-time table (256 bytes), kept as bytes.
        2 TCA_RED_STAB stab => Stab(Bytes<'a>),
        /// The maximum probability, high resolution.
        3 TCA_RED_MAX_P max_p => MaxP(u32),
        /// `TC_RED_*` flags.
        4 TCA_RED_FLAGS flags => Flags(super::Bitfield32<O>),
        /// The block early drops go to.
        5 TCA_RED_EARLY_DROP_BLOCK early_drop_block => EarlyDropBlock(u32),
        /// The block marked packets go to.
        6 TCA_RED_MARK_BLOCK mark_block => MarkBlock(u32),
    }
}

attr_set! {
    /// A `choke` option (`TCA_CHOKE_*`).
    pub enum ChokeAttr {
        /// The parameters (`struct tc_choke_qopt`).
        1 TCA_CHOKE_PARMS parms => Parms(TcRedQopt<O>),
        /// The idle-time table, kept as bytes.
        2 TCA_CHOKE_STAB stab => Stab(Bytes<'a>),
        /// The maximum probability.
        3 TCA_CHOKE_MAX_P max_p => MaxP(u32),
    }
}

struct_payload! {
    /// `struct tc_sfb_qopt` (`TCA_SFB_PARMS`).
    pub struct TcSfbQopt<O> {
        /// `rehash_interval`.
        rehash_interval: U32<O>,
        /// `warmup_time`.
        warmup_time: U32<O>,
        /// `max`.
        max: U32<O>,
        /// `bin_size`.
        bin_size: U32<O>,
        /// `increment`.
        increment: U32<O>,
        /// `decrement`.
        decrement: U32<O>,
        /// `limit`.
        limit: U32<O>,
        /// `penalty_rate`.
        penalty_rate: U32<O>,
        /// `penalty_burst`.
        penalty_burst: U32<O>,
    }
}

attr_set! {
    /// An `sfb` option (`TCA_SFB_*`).
    pub enum SfbAttr {
        /// The parameters.
        1 TCA_SFB_PARMS parms => Parms(TcSfbQopt<O>),
    }
}

attr_set! {
    /// A `pie` option (`TCA_PIE_*`).
    pub enum PieAttr {
        /// The target delay, µs.
        1 TCA_PIE_TARGET target => Target(u32),
        /// The limit, packets.
        2 TCA_PIE_LIMIT limit => Limit(u32),
        /// The update interval, µs.
        3 TCA_PIE_TUPDATE tupdate => Tupdate(u32),
        /// alpha.
        4 TCA_PIE_ALPHA alpha => Alpha(u32),
        /// beta.
        5 TCA_PIE_BETA beta => Beta(u32),
        /// ECN marking.
        6 TCA_PIE_ECN ecn => Ecn(u32),
        /// Byte mode.
        7 TCA_PIE_BYTEMODE bytemode => Bytemode(u32),
        /// Use the dequeue rate estimator.
        8 TCA_PIE_DQ_RATE_ESTIMATOR dq_rate_estimator => DqRateEstimator(u32),
    }
}

attr_set! {
    /// An `fq_pie` option (`TCA_FQ_PIE_*`).
    pub enum FqPieAttr {
        /// The limit, packets.
        1 TCA_FQ_PIE_LIMIT limit => Limit(u32),
        /// The number of flows.
        2 TCA_FQ_PIE_FLOWS flows => Flows(u32),
        /// The target delay, µs.
        3 TCA_FQ_PIE_TARGET target => Target(u32),
        /// The update interval, µs.
        4 TCA_FQ_PIE_TUPDATE tupdate => Tupdate(u32),
        /// alpha.
        5 TCA_FQ_PIE_ALPHA alpha => Alpha(u32),
        /// beta.
        6 TCA_FQ_PIE_BETA beta => Beta(u32),
        /// The quantum, bytes.
        7 TCA_FQ_PIE_QUANTUM quantum => Quantum(u32),
        /// The memory limit, bytes.
        8 TCA_FQ_PIE_MEMORY_LIMIT memory_limit => MemoryLimit(u32),
        /// The ECN probability threshold, %.
        9 TCA_FQ_PIE_ECN_PROB ecn_prob => EcnProb(u32),
        /// ECN marking.
        10 TCA_FQ_PIE_ECN ecn => Ecn(u32),
        /// Byte mode.
        11 TCA_FQ_PIE_BYTEMODE bytemode => Bytemode(u32),
        /// Use the dequeue rate estimator.
        12 TCA_FQ_PIE_DQ_RATE_ESTIMATOR dq_rate_estimator => DqRateEstimator(u32),
    }
}

attr_set! {
    /// An `hhf` option (`TCA_HHF_*`).
    pub enum HhfAttr {
        /// The limit, packets.
        1 TCA_HHF_BACKLOG_LIMIT backlog_limit => BacklogLimit(u32),
        /// The quantum, bytes.
        2 TCA_HHF_QUANTUM quantum => Quantum(u32),
        /// The heavy-hitter flows limit.
        3 TCA_HHF_HH_FLOWS_LIMIT hh_flows_limit => HhFlowsLimit(u32),
        /// The reset timeout.
        4 TCA_HHF_RESET_TIMEOUT reset_timeout => ResetTimeout(u32),
        /// The bytes admitted before a flow is a heavy hitter.
        5 TCA_HHF_ADMIT_BYTES admit_bytes => AdmitBytes(u32),
        /// The eviction timeout.
        6 TCA_HHF_EVICT_TIMEOUT evict_timeout => EvictTimeout(u32),
        /// The weight of the other flows.
        7 TCA_HHF_NON_HH_WEIGHT non_hh_weight => NonHhWeight(u32),
    }
}

struct_payload! {
    /// `struct tc_cbs_qopt` (`TCA_CBS_PARMS`).
    pub struct TcCbsQopt<O> {
        /// `offload`.
        offload: u8,
        /// `_pad`.
        _pad: [u8; 3],
        /// `hicredit`.
        hicredit: I32<O>,
        /// `locredit`.
        locredit: I32<O>,
        /// `idleslope`.
        idleslope: I32<O>,
        /// `sendslope`.
        sendslope: I32<O>,
    }
}

attr_set! {
    /// A `cbs` option (`TCA_CBS_*`).
    pub enum CbsAttr {
        /// The parameters.
        1 TCA_CBS_PARMS parms => Parms(TcCbsQopt<O>),
    }
}

struct_payload! {
    /// `struct tc_etf_qopt` (`TCA_ETF_PARMS`).
    pub struct TcEtfQopt<O> {
        /// `delta`.
        delta: I32<O>,
        /// `clockid`.
        clockid: I32<O>,
        /// `flags`.
        flags: U32<O>,
    }
}

attr_set! {
    /// An `etf` option (`TCA_ETF_*`).
    pub enum EtfAttr {
        /// The parameters.
        1 TCA_ETF_PARMS parms => Parms(TcEtfQopt<O>),
    }
}

struct_payload! {
    /// `struct tc_hfsc_qopt` (`hfsc` qdisc options).
    pub struct TcHfscQopt<O> {
        /// `defcls`.
        defcls: U16<O>,
    }
}

struct_payload! {
    /// `struct tc_service_curve` (`TCA_HFSC_RSC`, `_FSC`, `_USC`).
    pub struct TcServiceCurve<O> {
        /// `m1`.
        m1: U32<O>,
        /// `d`.
        d: U32<O>,
        /// `m2`.
        m2: U32<O>,
    }
}

attr_set! {
    /// An `hfsc` class option (`TCA_HFSC_*`).
    pub enum HfscAttr {
        /// The real-time curve.
        1 TCA_HFSC_RSC rsc => Rsc(TcServiceCurve<O>),
        /// The link-sharing curve.
        2 TCA_HFSC_FSC fsc => Fsc(TcServiceCurve<O>),
        /// The upper-limit curve.
        3 TCA_HFSC_USC usc => Usc(TcServiceCurve<O>),
    }
}

attr_set! {
    /// A `drr` class option (`TCA_DRR_*`).
    pub enum DrrAttr {
        /// The quantum, bytes.
        1 TCA_DRR_QUANTUM quantum => Quantum(u32),
    }
}

attr_set! {
    /// A `qfq` class option (`TCA_QFQ_*`).
    pub enum QfqAttr {
        /// The weight.
        1 TCA_QFQ_WEIGHT weight => Weight(u32),
        /// The maximum packet size.
        2 TCA_QFQ_LMAX lmax => Lmax(u32),
    }
}

zc_struct! {
    /// `struct tc_sfq_qopt_v1` (`sfq` options, 72 bytes; its head, 20 bytes, is the older `struct tc_sfq_qopt`, which decodes with the rest absent; the inner `tc_sfq_qopt` and `tc_sfqred_stats` are flattened, the second `limit` named `red_limit`).
    #[allow(non_snake_case)]
    pub struct TcSfqQoptV1<O> {
        /// `quantum`.
        quantum: U32<O>,
        /// `perturb_period`.
        perturb_period: I32<O>,
        /// `limit`.
        limit: U32<O>,
        /// `divisor`.
        divisor: U32<O>,
        /// `flows`.
        flows: U32<O>,
        /// `depth`.
        depth: U32<O>,
        /// `headdrop`.
        headdrop: U32<O>,
        /// `red_limit`.
        red_limit: U32<O>,
        /// `qth_min`.
        qth_min: U32<O>,
        /// `qth_max`.
        qth_max: U32<O>,
        /// `Wlog`.
        Wlog: u8,
        /// `Plog`.
        Plog: u8,
        /// `Scell_log`.
        Scell_log: u8,
        /// `flags`.
        flags: u8,
        /// `max_P`.
        max_P: U32<O>,
        /// `prob_drop`.
        prob_drop: U32<O>,
        /// `forced_drop`.
        forced_drop: U32<O>,
        /// `prob_mark`.
        prob_mark: U32<O>,
        /// `forced_mark`.
        forced_mark: U32<O>,
        /// `prob_mark_head`.
        prob_mark_head: U32<O>,
        /// `forced_mark_head`.
        forced_mark_head: U32<O>,
    }
}

zc_struct! {
    /// `struct tc_codel_xstats` (`codel`'s extended statistics).
    pub struct TcCodelXstats<O> {
        /// `maxpacket`.
        maxpacket: U32<O>,
        /// `count`.
        count: U32<O>,
        /// `lastcount`.
        lastcount: U32<O>,
        /// `ldelay`.
        ldelay: U32<O>,
        /// `drop_next`.
        drop_next: I32<O>,
        /// `drop_overlimit`.
        drop_overlimit: U32<O>,
        /// `ecn_mark`.
        ecn_mark: U32<O>,
        /// `dropping`.
        dropping: U32<O>,
        /// `ce_mark`.
        ce_mark: U32<O>,
    }
}

zc_struct! {
    /// `struct tc_fq_qd_stats` (`fq`'s extended statistics: 104 bytes before Linux 5.x's additions, 152 in 7.2).
    pub struct TcFqQdStats<O> {
        /// `gc_flows`.
        gc_flows: U64<O>,
        /// `highprio_packets`.
        highprio_packets: U64<O>,
        /// `tcp_retrans`.
        tcp_retrans: U64<O>,
        /// `throttled`.
        throttled: U64<O>,
        /// `flows_plimit`.
        flows_plimit: U64<O>,
        /// `pkts_too_long`.
        pkts_too_long: U64<O>,
        /// `allocation_errors`.
        allocation_errors: U64<O>,
        /// `time_next_delayed_flow`.
        time_next_delayed_flow: I64<O>,
        /// `flows`.
        flows: U32<O>,
        /// `inactive_flows`.
        inactive_flows: U32<O>,
        /// `throttled_flows`.
        throttled_flows: U32<O>,
        /// `unthrottle_latency_ns`.
        unthrottle_latency_ns: U32<O>,
        /// `ce_mark`.
        ce_mark: U64<O>,
        /// `horizon_drops`.
        horizon_drops: U64<O>,
        /// `horizon_caps`.
        horizon_caps: U64<O>,
        /// `fastpath_packets`.
        fastpath_packets: U64<O>,
        /// `band_drops`.
        band_drops: [U64<O>; 3],
        /// `band_pkt_count`.
        band_pkt_count: [U32<O>; 3],
        /// `pad`.
        pad: U32<O>,
    }
}

zc_struct! {
    /// `struct tc_red_xstats` (`red`'s extended statistics).
    pub struct TcRedXstats<O> {
        /// `early`.
        early: U32<O>,
        /// `pdrop`.
        pdrop: U32<O>,
        /// `other`.
        other: U32<O>,
        /// `marked`.
        marked: U32<O>,
    }
}

zc_struct! {
    /// `struct tc_choke_xstats` (`choke`'s extended statistics).
    pub struct TcChokeXstats<O> {
        /// `early`.
        early: U32<O>,
        /// `pdrop`.
        pdrop: U32<O>,
        /// `other`.
        other: U32<O>,
        /// `marked`.
        marked: U32<O>,
        /// `matched`.
        matched: U32<O>,
    }
}

zc_struct! {
    /// `struct tc_sfb_xstats` (`sfb`'s extended statistics).
    pub struct TcSfbXstats<O> {
        /// `earlydrop`.
        earlydrop: U32<O>,
        /// `penaltydrop`.
        penaltydrop: U32<O>,
        /// `bucketdrop`.
        bucketdrop: U32<O>,
        /// `queuedrop`.
        queuedrop: U32<O>,
        /// `childdrop`.
        childdrop: U32<O>,
        /// `marked`.
        marked: U32<O>,
        /// `maxqlen`.
        maxqlen: U32<O>,
        /// `maxprob`.
        maxprob: U32<O>,
        /// `avgprob`.
        avgprob: U32<O>,
    }
}

zc_struct! {
    /// `struct tc_pie_xstats` (`pie`'s extended statistics).
    pub struct TcPieXstats<O> {
        /// `prob`.
        prob: U64<O>,
        /// `delay`.
        delay: U32<O>,
        /// `avg_dq_rate`.
        avg_dq_rate: U32<O>,
        /// `dq_rate_estimating`.
        dq_rate_estimating: U32<O>,
        /// `packets_in`.
        packets_in: U32<O>,
        /// `dropped`.
        dropped: U32<O>,
        /// `overlimit`.
        overlimit: U32<O>,
        /// `maxq`.
        maxq: U32<O>,
        /// `ecn_mark`.
        ecn_mark: U32<O>,
    }
}

zc_struct! {
    /// `struct tc_fq_pie_xstats` (`fq_pie`'s extended statistics).
    pub struct TcFqPieXstats<O> {
        /// `packets_in`.
        packets_in: U32<O>,
        /// `dropped`.
        dropped: U32<O>,
        /// `overlimit`.
        overlimit: U32<O>,
        /// `overmemory`.
        overmemory: U32<O>,
        /// `ecn_mark`.
        ecn_mark: U32<O>,
        /// `new_flow_count`.
        new_flow_count: U32<O>,
        /// `new_flows_len`.
        new_flows_len: U32<O>,
        /// `old_flows_len`.
        old_flows_len: U32<O>,
        /// `memory_usage`.
        memory_usage: U32<O>,
    }
}

zc_struct! {
    /// `struct tc_hhf_xstats` (`hhf`'s extended statistics).
    pub struct TcHhfXstats<O> {
        /// `drop_overlimit`.
        drop_overlimit: U32<O>,
        /// `hh_overlimit`.
        hh_overlimit: U32<O>,
        /// `hh_tot_count`.
        hh_tot_count: U32<O>,
        /// `hh_cur_count`.
        hh_cur_count: U32<O>,
    }
}

zc_struct! {
    /// `struct tc_sfq_xstats` (an `sfq` flow's extended statistics).
    pub struct TcSfqXstats<O> {
        /// `allot`.
        allot: I32<O>,
    }
}

zc_struct! {
    /// `struct tc_hfsc_stats` (an `hfsc` class's extended statistics).
    pub struct TcHfscStats<O> {
        /// `work`.
        work: U64<O>,
        /// `rtwork`.
        rtwork: U64<O>,
        /// `period`.
        period: U32<O>,
        /// `level`.
        level: U32<O>,
    }
}

zc_struct! {
    /// `struct tc_drr_stats` (a `drr` class's extended statistics).
    pub struct TcDrrStats<O> {
        /// `deficit`.
        deficit: U32<O>,
    }
}

zc_struct! {
    /// `struct tc_qfq_stats` (a `qfq` class's extended statistics).
    pub struct TcQfqStats<O> {
        /// `weight`.
        weight: U32<O>,
        /// `lmax`.
        lmax: U32<O>,
    }
}

// ---- cake ----

attr_set! {
    /// A `cake` option (`TCA_CAKE_*`).
    pub enum CakeAttr {
        /// Padding.
        1 TCA_CAKE_PAD pad => Pad(Bytes<'a>),
        /// The shaper's rate, bytes per second (0: unlimited).
        2 TCA_CAKE_BASE_RATE64 base_rate64 => BaseRate64(u64),
        /// `CAKE_DIFFSERV_*`: how tins are chosen.
        3 TCA_CAKE_DIFFSERV_MODE diffserv_mode => DiffservMode(u32),
        /// `CAKE_ATM_*`: the link layer's framing.
        4 TCA_CAKE_ATM atm => Atm(u32),
        /// `CAKE_FLOW_*`: how flows are isolated.
        5 TCA_CAKE_FLOW_MODE flow_mode => FlowMode(u32),
        /// The per-packet overhead, bytes (signed).
        6 TCA_CAKE_OVERHEAD overhead => Overhead(i32),
        /// The round-trip time, microseconds.
        7 TCA_CAKE_RTT rtt => Rtt(u32),
        /// The target delay, microseconds.
        8 TCA_CAKE_TARGET target => Target(u32),
        /// Whether the rate follows the ingress capacity.
        9 TCA_CAKE_AUTORATE autorate => Autorate(u32),
        /// The memory limit, bytes.
        10 TCA_CAKE_MEMORY memory => Memory(u32),
        /// Whether flows are looked up through NAT.
        11 TCA_CAKE_NAT nat => Nat(u32),
        /// Whether the overhead is the raw one.
        12 TCA_CAKE_RAW raw => Raw(u32),
        /// Whether DSCP marks are cleared.
        13 TCA_CAKE_WASH wash => Wash(u32),
        /// The minimum packet unit.
        14 TCA_CAKE_MPU mpu => Mpu(u32),
        /// Whether cake shapes an ingress link.
        15 TCA_CAKE_INGRESS ingress => Ingress(u32),
        /// `CAKE_ACK_*`: the ACK filter.
        16 TCA_CAKE_ACK_FILTER ack_filter => AckFilter(u32),
        /// Whether GSO packets are split.
        17 TCA_CAKE_SPLIT_GSO split_gso => SplitGso(u32),
        /// The mask of the firewall mark that selects the tin.
        18 TCA_CAKE_FWMARK fwmark => Fwmark(u32),
    }
}

attr_set! {
    /// `cake`'s statistics (`TCA_STATS_APP` of the qdisc or a flow,
    /// `TCA_CAKE_STATS_*`).
    pub enum CakeStatsAttr {
        /// Padding.
        1 TCA_CAKE_STATS_PAD pad => Pad(Bytes<'a>),
        /// The estimated capacity, bytes per second.
        2 TCA_CAKE_STATS_CAPACITY_ESTIMATE64 capacity_estimate64 => CapacityEstimate64(u64),
        /// The memory limit.
        3 TCA_CAKE_STATS_MEMORY_LIMIT memory_limit => MemoryLimit(u32),
        /// The memory used.
        4 TCA_CAKE_STATS_MEMORY_USED memory_used => MemoryUsed(u32),
        /// The average network offset.
        5 TCA_CAKE_STATS_AVG_NETOFF avg_netoff => AvgNetoff(u32),
        /// The smallest network length seen.
        6 TCA_CAKE_STATS_MIN_NETLEN min_netlen => MinNetlen(u32),
        /// The largest network length seen.
        7 TCA_CAKE_STATS_MAX_NETLEN max_netlen => MaxNetlen(u32),
        /// The smallest adjusted length seen.
        8 TCA_CAKE_STATS_MIN_ADJLEN min_adjlen => MinAdjlen(u32),
        /// The largest adjusted length seen.
        9 TCA_CAKE_STATS_MAX_ADJLEN max_adjlen => MaxAdjlen(u32),
        /// Each tin's statistics, by tin number from 1.
        10 TCA_CAKE_STATS_TIN_STATS tin_stats => TinStats(IndexedNest<'a, O, Nest<'a, O, CakeTinStatsAttr<'a, O>>>),
        /// A flow's deficit.
        11 TCA_CAKE_STATS_DEFICIT deficit => Deficit(i32),
        /// A flow's COBALT count.
        12 TCA_CAKE_STATS_COBALT_COUNT cobalt_count => CobaltCount(u32),
        /// Whether a flow is dropping.
        13 TCA_CAKE_STATS_DROPPING dropping => Dropping(u32),
        /// When a flow drops next, microseconds from now.
        14 TCA_CAKE_STATS_DROP_NEXT_US drop_next_us => DropNextUs(i32),
        /// A flow's BLUE drop probability.
        15 TCA_CAKE_STATS_P_DROP p_drop => PDrop(u32),
        /// A flow's BLUE timer, microseconds.
        16 TCA_CAKE_STATS_BLUE_TIMER_US blue_timer_us => BlueTimerUs(i32),
        /// The active queues.
        17 TCA_CAKE_STATS_ACTIVE_QUEUES active_queues => ActiveQueues(u32),
    }
}

attr_set! {
    /// One `cake` tin's statistics (`TCA_CAKE_TIN_STATS_*`).
    pub enum CakeTinStatsAttr {
        /// Padding.
        1 TCA_CAKE_TIN_STATS_PAD pad => Pad(Bytes<'a>),
        /// Packets sent.
        2 TCA_CAKE_TIN_STATS_SENT_PACKETS sent_packets => SentPackets(u32),
        /// Bytes sent.
        3 TCA_CAKE_TIN_STATS_SENT_BYTES64 sent_bytes64 => SentBytes64(u64),
        /// Packets dropped.
        4 TCA_CAKE_TIN_STATS_DROPPED_PACKETS dropped_packets => DroppedPackets(u32),
        /// Bytes dropped.
        5 TCA_CAKE_TIN_STATS_DROPPED_BYTES64 dropped_bytes64 => DroppedBytes64(u64),
        /// ACKs dropped by the filter.
        6 TCA_CAKE_TIN_STATS_ACKS_DROPPED_PACKETS acks_dropped_packets => AcksDroppedPackets(u32),
        /// Bytes of ACKs dropped.
        7 TCA_CAKE_TIN_STATS_ACKS_DROPPED_BYTES64 acks_dropped_bytes64 => AcksDroppedBytes64(u64),
        /// Packets ECN-marked.
        8 TCA_CAKE_TIN_STATS_ECN_MARKED_PACKETS ecn_marked_packets => EcnMarkedPackets(u32),
        /// Bytes ECN-marked.
        9 TCA_CAKE_TIN_STATS_ECN_MARKED_BYTES64 ecn_marked_bytes64 => EcnMarkedBytes64(u64),
        /// Packets queued.
        10 TCA_CAKE_TIN_STATS_BACKLOG_PACKETS backlog_packets => BacklogPackets(u32),
        /// Bytes queued.
        11 TCA_CAKE_TIN_STATS_BACKLOG_BYTES backlog_bytes => BacklogBytes(u32),
        /// The tin's threshold rate.
        12 TCA_CAKE_TIN_STATS_THRESHOLD_RATE64 threshold_rate64 => ThresholdRate64(u64),
        /// The target delay, microseconds.
        13 TCA_CAKE_TIN_STATS_TARGET_US target_us => TargetUs(u32),
        /// The interval, microseconds.
        14 TCA_CAKE_TIN_STATS_INTERVAL_US interval_us => IntervalUs(u32),
        /// Set-associative hash: indirect hits.
        15 TCA_CAKE_TIN_STATS_WAY_INDIRECT_HITS way_indirect_hits => WayIndirectHits(u32),
        /// Set-associative hash: misses.
        16 TCA_CAKE_TIN_STATS_WAY_MISSES way_misses => WayMisses(u32),
        /// Set-associative hash: collisions.
        17 TCA_CAKE_TIN_STATS_WAY_COLLISIONS way_collisions => WayCollisions(u32),
        /// The peak delay, microseconds.
        18 TCA_CAKE_TIN_STATS_PEAK_DELAY_US peak_delay_us => PeakDelayUs(u32),
        /// The average delay, microseconds.
        19 TCA_CAKE_TIN_STATS_AVG_DELAY_US avg_delay_us => AvgDelayUs(u32),
        /// The base delay, microseconds.
        20 TCA_CAKE_TIN_STATS_BASE_DELAY_US base_delay_us => BaseDelayUs(u32),
        /// Sparse flows.
        21 TCA_CAKE_TIN_STATS_SPARSE_FLOWS sparse_flows => SparseFlows(u32),
        /// Bulk flows.
        22 TCA_CAKE_TIN_STATS_BULK_FLOWS bulk_flows => BulkFlows(u32),
        /// Unresponsive flows.
        23 TCA_CAKE_TIN_STATS_UNRESPONSIVE_FLOWS unresponsive_flows => UnresponsiveFlows(u32),
        /// The largest packet seen.
        24 TCA_CAKE_TIN_STATS_MAX_SKBLEN max_skblen => MaxSkblen(u32),
        /// The flow quantum.
        25 TCA_CAKE_TIN_STATS_FLOW_QUANTUM flow_quantum => FlowQuantum(u32),
    }
}

// ---- dualpi2 ----

attr_set! {
    /// A `dualpi2` option (`TCA_DUALPI2_*`).
    pub enum Dualpi2Attr {
        /// The limit, packets.
        1 TCA_DUALPI2_LIMIT limit => Limit(u32),
        /// The memory limit, bytes.
        2 TCA_DUALPI2_MEMORY_LIMIT memory_limit => MemoryLimit(u32),
        /// The classic queue's target delay, microseconds.
        3 TCA_DUALPI2_TARGET target => Target(u32),
        /// The probability update interval, microseconds.
        4 TCA_DUALPI2_TUPDATE tupdate => Tupdate(u32),
        /// The integral gain (Hz × 256).
        5 TCA_DUALPI2_ALPHA alpha => Alpha(u32),
        /// The proportional gain (Hz × 256).
        6 TCA_DUALPI2_BETA beta => Beta(u32),
        /// The L4S step threshold, packets.
        7 TCA_DUALPI2_STEP_THRESH_PKTS step_thresh_pkts => StepThreshPkts(u32),
        /// The L4S step threshold, microseconds.
        8 TCA_DUALPI2_STEP_THRESH_US step_thresh_us => StepThreshUs(u32),
        /// The L queue length from which the step applies.
        9 TCA_DUALPI2_MIN_QLEN_STEP min_qlen_step => MinQlenStep(u32),
        /// The coupling factor.
        10 TCA_DUALPI2_COUPLING coupling => Coupling(u8),
        /// `TC_DUALPI2_DROP_OVERLOAD_*`.
        11 TCA_DUALPI2_DROP_OVERLOAD drop_overload => DropOverload(u8),
        /// `TC_DUALPI2_DROP_EARLY_*`.
        12 TCA_DUALPI2_DROP_EARLY drop_early => DropEarly(u8),
        /// The classic queue's weight, percent.
        13 TCA_DUALPI2_C_PROTECTION c_protection => CProtection(u8),
        /// `TC_DUALPI2_ECN_MASK_*`.
        14 TCA_DUALPI2_ECN_MASK ecn_mask => EcnMask(u8),
        /// `TC_DUALPI2_SPLIT_GSO_*`.
        15 TCA_DUALPI2_SPLIT_GSO split_gso => SplitGso(u8),
        /// Padding.
        16 TCA_DUALPI2_PAD pad => Pad(Bytes<'a>),
    }
}

struct_payload! {
    /// `struct tc_dualpi2_xstats`.
    pub struct TcDualpi2Xstats<O> {
        /// `prob`: the current probability.
        prob: U32<O>,
        /// `delay_c`: the classic queue's delay.
        delay_c: U32<O>,
        /// `delay_l`: the L4S queue's delay.
        delay_l: U32<O>,
        /// `packets_in_c`.
        packets_in_c: U32<O>,
        /// `packets_in_l`.
        packets_in_l: U32<O>,
        /// `maxq`.
        maxq: U32<O>,
        /// `ecn_mark`.
        ecn_mark: U32<O>,
        /// `step_marks`.
        step_marks: U32<O>,
        /// `credit`.
        credit: I32<O>,
        /// `memory_used`.
        memory_used: U32<O>,
        /// `max_memory_used`.
        max_memory_used: U32<O>,
        /// `memory_limit`.
        memory_limit: U32<O>,
    }
}

// ---- ets ----

attr_set! {
    /// An `ets` option (`TCA_ETS_*`): the qdisc's bands, or a class's
    /// quantum (`TCA_ETS_QUANTA_BAND` alone). The quanta and the priority
    /// map are nests of `TCA_ETS_QUANTA_BAND` and `TCA_ETS_PRIOMAP_BAND`
    /// of this set.
    pub enum EtsAttr {
        /// The number of bands.
        1 TCA_ETS_NBANDS nbands => Nbands(u8),
        /// The number of strict bands.
        2 TCA_ETS_NSTRICT nstrict => Nstrict(u8),
        /// The quanta of the bandwidth-sharing bands.
        3 TCA_ETS_QUANTA quanta => Quanta(Nest<'a, O, EtsAttr<'a, O>>) nest EtsAttr,
        /// One band's quantum.
        4 TCA_ETS_QUANTA_BAND quanta_band => QuantaBand(u32),
        /// The band of each priority.
        5 TCA_ETS_PRIOMAP priomap => Priomap(Nest<'a, O, EtsAttr<'a, O>>) nest EtsAttr,
        /// One priority's band.
        6 TCA_ETS_PRIOMAP_BAND priomap_band => PriomapBand(u8),
    }
}

// ---- gred ----

struct_payload! {
    /// `struct tc_gred_qopt`: one virtual queue's parameters (and, dumped,
    /// its statistics).
    pub struct TcGredQopt<O> {
        /// `limit`, bytes.
        limit: U32<O>,
        /// `qth_min`, bytes.
        qth_min: U32<O>,
        /// `qth_max`, bytes.
        qth_max: U32<O>,
        /// `DP`: the virtual queue.
        dp: U32<O>,
        /// `backlog`.
        backlog: U32<O>,
        /// `qave`.
        qave: U32<O>,
        /// `forced`.
        forced: U32<O>,
        /// `early`.
        early: U32<O>,
        /// `other`.
        other: U32<O>,
        /// `pdrop`.
        pdrop: U32<O>,
        /// `Wlog`.
        wlog: u8,
        /// `Plog`.
        plog: u8,
        /// `Scell_log`.
        scell_log: u8,
        /// `prio`.
        prio: u8,
        /// `packets`.
        packets: U32<O>,
        /// `bytesin`.
        bytesin: U32<O>,
    }
}

struct_payload! {
    /// `struct tc_gred_sopt` (`TCA_GRED_DPS`).
    pub struct TcGredSopt<O> {
        /// `DPs`: the number of virtual queues.
        dps: U32<O>,
        /// `def_DP`: the default one.
        def_dp: U32<O>,
        /// `grio`: whether RIO-like buffering is on.
        grio: u8,
        /// `flags`.
        flags: u8,
        /// `pad1`.
        pad1: U16<O>,
    }
}

/// The positions of a per-virtual-queue array (numbered from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VirtualQueues;

impl crate::typed::IndexNames for VirtualQueues {
    const NAMES: &'static [&'static str] = &[];
}

attr_set! {
    /// A `gred` option (`TCA_GRED_*`).
    pub enum GredAttr {
        /// Each virtual queue's parameters (16 in a dump, one in a request).
        1 TCA_GRED_PARMS parms => Parms(StructArray<'a, TcGredQopt<O>>),
        /// The idle-damping table (256 bytes), kept as bytes.
        2 TCA_GRED_STAB stab => Stab(Bytes<'a>),
        /// The virtual queues' setup.
        3 TCA_GRED_DPS dps => Dps(TcGredSopt<O>),
        /// Each virtual queue's maximum probability.
        4 TCA_GRED_MAX_P max_p => MaxP(U32Array<'a, O, VirtualQueues>),
        /// The qdisc's limit, bytes.
        5 TCA_GRED_LIMIT limit => Limit(u32),
        /// The virtual queues' attributes.
        6 TCA_GRED_VQ_LIST vq_list => VqList(Nest<'a, O, GredVqListAttr<'a, O>>) nest GredVqListAttr,
    }
}

attr_set! {
    /// An entry of `TCA_GRED_VQ_LIST` (`TCA_GRED_VQ_ENTRY_*`).
    pub enum GredVqListAttr {
        /// One virtual queue.
        1 TCA_GRED_VQ_ENTRY entry => Entry(Nest<'a, O, GredVqAttr<'a, O>>) nest GredVqAttr,
    }
}

attr_set! {
    /// One `gred` virtual queue (`TCA_GRED_VQ_*`).
    pub enum GredVqAttr {
        /// Padding.
        1 TCA_GRED_VQ_PAD pad => Pad(Bytes<'a>),
        /// The virtual queue's number.
        2 TCA_GRED_VQ_DP dp => Dp(u32),
        /// Bytes in.
        3 TCA_GRED_VQ_STAT_BYTES stat_bytes => StatBytes(u64),
        /// Packets in.
        4 TCA_GRED_VQ_STAT_PACKETS stat_packets => StatPackets(u32),
        /// The backlog.
        5 TCA_GRED_VQ_STAT_BACKLOG stat_backlog => StatBacklog(u32),
        /// Probabilistic drops.
        6 TCA_GRED_VQ_STAT_PROB_DROP stat_prob_drop => StatProbDrop(u32),
        /// Probabilistic marks.
        7 TCA_GRED_VQ_STAT_PROB_MARK stat_prob_mark => StatProbMark(u32),
        /// Forced drops.
        8 TCA_GRED_VQ_STAT_FORCED_DROP stat_forced_drop => StatForcedDrop(u32),
        /// Forced marks.
        9 TCA_GRED_VQ_STAT_FORCED_MARK stat_forced_mark => StatForcedMark(u32),
        /// Drops over the limit.
        10 TCA_GRED_VQ_STAT_PDROP stat_pdrop => StatPdrop(u32),
        /// Other drops.
        11 TCA_GRED_VQ_STAT_OTHER stat_other => StatOther(u32),
        /// `TC_RED_*` flags.
        12 TCA_GRED_VQ_FLAGS flags => Flags(u32),
    }
}

// ---- mqprio, taprio ----

struct_payload! {
    /// `struct tc_mqprio_qopt` (82 bytes): traffic classes and their
    /// queues (`mqprio`'s head, `TCA_TAPRIO_ATTR_PRIOMAP`).
    pub struct TcMqprioQopt<O> {
        /// `num_tc`.
        num_tc: u8,
        /// `prio_tc_map`: the class of each priority.
        prio_tc_map: [u8; 16],
        /// `hw`: `TC_MQPRIO_HW_OFFLOAD_*`.
        hw: u8,
        /// `count`: each class's number of queues.
        count: [U16<O>; 16],
        /// `offset`: each class's first queue.
        offset: [U16<O>; 16],
    }
}

attr_set! {
    /// A `mqprio` option after its [`TcMqprioQopt`] (`TCA_MQPRIO_*`).
    pub enum MqprioAttr {
        /// `TC_MQPRIO_MODE_*`.
        1 TCA_MQPRIO_MODE mode => Mode(u16),
        /// `TC_MQPRIO_SHAPER_*`.
        2 TCA_MQPRIO_SHAPER shaper => Shaper(u16),
        /// Each class's minimum rate (a nest of `TCA_MQPRIO_MIN_RATE64`).
        3 TCA_MQPRIO_MIN_RATE64 min_rate64 => MinRate64(Nest<'a, O, MqprioRateAttr<'a, O>>) nest MqprioRateAttr,
        /// Each class's maximum rate (a nest of `TCA_MQPRIO_MAX_RATE64`).
        4 TCA_MQPRIO_MAX_RATE64 max_rate64 => MaxRate64(Nest<'a, O, MqprioRateAttr<'a, O>>) nest MqprioRateAttr,
        /// One traffic class's settings.
        5 TCA_MQPRIO_TC_ENTRY tc_entry => TcEntry(Nest<'a, O, MqprioTcEntryAttr<'a, O>>) nest MqprioTcEntryAttr,
    }
}

/// The nests of `TCA_MQPRIO_MIN_RATE64` / `TCA_MQPRIO_MAX_RATE64` (their
/// elements reuse the nest's own id, hence a module of their own).
pub mod mqprio_rate {
    attr_set! {
        /// One rate of `TCA_MQPRIO_MIN_RATE64` / `TCA_MQPRIO_MAX_RATE64`,
        /// bytes per second, one per traffic class in order.
        pub enum MqprioRateAttr {
            /// A minimum rate.
            3 TCA_MQPRIO_MIN_RATE64 min => Min(u64),
            /// A maximum rate.
            4 TCA_MQPRIO_MAX_RATE64 max => Max(u64),
        }
    }
}
pub use mqprio_rate::MqprioRateAttr;

attr_set! {
    /// One `mqprio` traffic class (`TCA_MQPRIO_TC_ENTRY_*`).
    pub enum MqprioTcEntryAttr {
        /// The class.
        1 TCA_MQPRIO_TC_ENTRY_INDEX index => Index(u32),
        /// `TC_FP_*`: express or preemptible.
        2 TCA_MQPRIO_TC_ENTRY_FP fp => Fp(u32),
    }
}

/// `mqprio`'s options: [`TcMqprioQopt`] then `TCA_MQPRIO_*`.
pub type MqprioOptions<'a, O = NativeEndian> = StructThen<'a, O, TcMqprioQopt<O>, MqprioAttr<'a, O>>;

attr_set! {
    /// A `taprio` option (`TCA_TAPRIO_ATTR_*`); `TCA_TAPRIO_ATTR_ADMIN_SCHED`
    /// holds the pending schedule in the same attributes.
    pub enum TaprioAttr {
        /// The traffic classes and their queues.
        1 TCA_TAPRIO_ATTR_PRIOMAP priomap => Priomap(TcMqprioQopt<O>),
        /// The schedule's entries.
        2 TCA_TAPRIO_ATTR_SCHED_ENTRY_LIST sched_entry_list => SchedEntryList(Nest<'a, O, TaprioSchedListAttr<'a, O>>) nest TaprioSchedListAttr,
        /// The schedule's start, nanoseconds of its clock.
        3 TCA_TAPRIO_ATTR_SCHED_BASE_TIME sched_base_time => SchedBaseTime(i64),
        /// One entry (a request changing one).
        4 TCA_TAPRIO_ATTR_SCHED_SINGLE_ENTRY sched_single_entry => SchedSingleEntry(Nest<'a, O, TaprioSchedEntryAttr<'a, O>>) nest TaprioSchedEntryAttr,
        /// The clock (`CLOCK_*`).
        5 TCA_TAPRIO_ATTR_SCHED_CLOCKID sched_clockid => SchedClockid(i32),
        /// Padding.
        6 TCA_TAPRIO_PAD pad => Pad(Bytes<'a>),
        /// The pending (administrative) schedule.
        7 TCA_TAPRIO_ATTR_ADMIN_SCHED admin_sched => AdminSched(Nest<'a, O, TaprioAttr<'a, O>>) nest TaprioAttr,
        /// The cycle, nanoseconds.
        8 TCA_TAPRIO_ATTR_SCHED_CYCLE_TIME sched_cycle_time => SchedCycleTime(i64),
        /// The cycle's extension, nanoseconds.
        9 TCA_TAPRIO_ATTR_SCHED_CYCLE_TIME_EXTENSION sched_cycle_time_extension => SchedCycleTimeExtension(i64),
        /// `TCA_TAPRIO_ATTR_FLAG_*`.
        10 TCA_TAPRIO_ATTR_FLAGS flags => Flags(u32),
        /// The transmit-time delay, nanoseconds.
        11 TCA_TAPRIO_ATTR_TXTIME_DELAY txtime_delay => TxtimeDelay(u32),
        /// One traffic class's settings.
        12 TCA_TAPRIO_ATTR_TC_ENTRY tc_entry => TcEntry(Nest<'a, O, TaprioTcEntryAttr<'a, O>>) nest TaprioTcEntryAttr,
    }
}

attr_set! {
    /// An entry of `TCA_TAPRIO_ATTR_SCHED_ENTRY_LIST` (`TCA_TAPRIO_SCHED_*`).
    pub enum TaprioSchedListAttr {
        /// One entry.
        1 TCA_TAPRIO_SCHED_ENTRY entry => Entry(Nest<'a, O, TaprioSchedEntryAttr<'a, O>>) nest TaprioSchedEntryAttr,
    }
}

attr_set! {
    /// One `taprio` schedule entry (`TCA_TAPRIO_SCHED_ENTRY_*`).
    pub enum TaprioSchedEntryAttr {
        /// Its position.
        1 TCA_TAPRIO_SCHED_ENTRY_INDEX index => Index(u32),
        /// `TC_TAPRIO_CMD_*`.
        2 TCA_TAPRIO_SCHED_ENTRY_CMD cmd => Cmd(u8),
        /// The open gates, one bit per traffic class.
        3 TCA_TAPRIO_SCHED_ENTRY_GATE_MASK gate_mask => GateMask(u32),
        /// How long, nanoseconds.
        4 TCA_TAPRIO_SCHED_ENTRY_INTERVAL interval => Interval(u32),
    }
}

attr_set! {
    /// One `taprio` traffic class (`TCA_TAPRIO_TC_ENTRY_*`).
    pub enum TaprioTcEntryAttr {
        /// The class.
        1 TCA_TAPRIO_TC_ENTRY_INDEX index => Index(u32),
        /// Its largest frame.
        2 TCA_TAPRIO_TC_ENTRY_MAX_SDU max_sdu => MaxSdu(u32),
        /// `TC_FP_*`: express or preemptible.
        3 TCA_TAPRIO_TC_ENTRY_FP fp => Fp(u32),
    }
}

attr_set! {
    /// `taprio`'s offload statistics (`TCA_STATS_APP`,
    /// `TCA_TAPRIO_OFFLOAD_STATS_*`).
    pub enum TaprioOffloadStatsAttr {
        /// Padding.
        1 TCA_TAPRIO_OFFLOAD_STATS_PAD pad => Pad(Bytes<'a>),
        /// Frames dropped for not fitting their window.
        2 TCA_TAPRIO_OFFLOAD_STATS_WINDOW_DROPS window_drops => WindowDrops(u64),
        /// Transmission overruns.
        3 TCA_TAPRIO_OFFLOAD_STATS_TX_OVERRUNS tx_overruns => TxOverruns(u64),
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
        /// CoDel.
        "codel" KIND_CODEL codel => Codel(CodelAttr),
        /// Fair queueing with pacing.
        "fq" KIND_FQ fq => Fq(FqAttr),
        /// Random early detection.
        "red" KIND_RED red => Red(RedAttr),
        /// CHOKe.
        "choke" KIND_CHOKE choke => Choke(ChokeAttr),
        /// Stochastic fair Blue.
        "sfb" KIND_SFB sfb => Sfb(SfbAttr),
        /// PIE.
        "pie" KIND_PIE pie => Pie(PieAttr),
        /// Flow-queue PIE.
        "fq_pie" KIND_FQ_PIE fq_pie => FqPie(FqPieAttr),
        /// Heavy-hitter filter.
        "hhf" KIND_HHF hhf => Hhf(HhfAttr),
        /// Credit-based shaper.
        "cbs" KIND_CBS cbs => Cbs(CbsAttr),
        /// Earliest txtime first.
        "etf" KIND_ETF etf => Etf(EtfAttr),
        /// Stochastic fairness queueing (`tc_sfq_qopt_v1`, or the older head alone).
        "sfq" KIND_SFQ sfq => Sfq[Grown<'a, TcSfqQoptV1<O>>],
        /// Hierarchical fair service curves (the qdisc's default class).
        "hfsc" KIND_HFSC hfsc => Hfsc[TcHfscQopt<O>],
        /// Deficit round robin (its classes have the options).
        "drr" KIND_DRR drr => Drr(EmptyAttr),
        /// Quick fair queueing (its classes have the options).
        "qfq" KIND_QFQ qfq => Qfq(EmptyAttr),
        /// Common Applications Kept Enhanced.
        "cake" KIND_CAKE cake => Cake(CakeAttr),
        /// Dual-queue coupled AQM (L4S and classic).
        "dualpi2" KIND_DUALPI2 dualpi2 => Dualpi2(Dualpi2Attr),
        /// Enhanced transmission selection.
        "ets" KIND_ETS ets => Ets(EtsAttr),
        /// Generalized RED.
        "gred" KIND_GRED gred => Gred(GredAttr),
        /// One qdisc per transmit queue (no options of its own).
        "mq" KIND_MQ mq => Mq(EmptyAttr),
        /// Traffic classes mapped to queues (struct then attributes).
        "mqprio" KIND_MQPRIO mqprio => Mqprio[MqprioOptions<'a, O>],
        /// The time-aware shaper (802.1Qbv).
        "taprio" KIND_TAPRIO taprio => Taprio(TaprioAttr),
    }
}

impl<'w, B: crate::wire::Buffer, O: ByteOrder> crate::typed::Choose<'w, B, O, QdiscOptions<'static, O>> {
    /// Kind `netem`, built: writes `TCA_KIND` (as the other kinds do), then
    /// `struct tc_netem_qopt` `head` followed by the `TCA_NETEM_*`
    /// attributes that `f` writes.
    pub fn netem_with(
        self,
        head: &TcNetemQopt<O>,
        f: impl FnOnce(&mut crate::typed::Scope<'_, B, O, NetemAttr<'static, O>>) -> Result<(), crate::wire::EncodeError>,
    ) -> Result<(), crate::wire::EncodeError> {
        let sel = self.selector(crate::tc::TCA_KIND);
        self.write_struct_then(sel, KIND_NETEM, head, f)
    }
}

select_table! {
    /// A class's options (`TCA_OPTIONS` of `RTM_*TCLASS`), by its qdisc's `TCA_KIND`.
    pub enum ClassOptions by sibling TCA_KIND: str {
        /// An `htb` class.
        "htb" CLASS_HTB htb => Htb(HtbAttr),
        /// An `hfsc` class.
        "hfsc" CLASS_HFSC hfsc => Hfsc(HfscAttr),
        /// A `drr` class.
        "drr" CLASS_DRR drr => Drr(DrrAttr),
        /// A `qfq` class.
        "qfq" CLASS_QFQ qfq => Qfq(QfqAttr),
        /// An `ets` band (`TCA_ETS_QUANTA_BAND`).
        "ets" CLASS_ETS ets => Ets(EtsAttr),
    }
}

select_table! {
    /// A qdisc's extended statistics (`TCA_XSTATS`, `TCA_STATS_APP`), by `TCA_KIND`.
    pub enum QdiscXstats by sibling TCA_KIND: str {
        /// `fq_codel`'s (the qdisc half).
        "fq_codel" XSTATS_FQ_CODEL fq_codel => FqCodel[FqCodelXstats<'a, O>],
        /// `netem`'s.
        "netem" XSTATS_NETEM netem => Netem[Grown<'a, TcNetemXstats<O>>],
        /// `codel`'s.
        "codel" XSTATS_CODEL codel => Codel[Grown<'a, TcCodelXstats<O>>],
        /// `fq`'s (104 to 152 bytes).
        "fq" XSTATS_FQ fq => Fq[Grown<'a, TcFqQdStats<O>>],
        /// `red`'s.
        "red" XSTATS_RED red => Red[Grown<'a, TcRedXstats<O>>],
        /// `choke`'s.
        "choke" XSTATS_CHOKE choke => Choke[Grown<'a, TcChokeXstats<O>>],
        /// `sfb`'s.
        "sfb" XSTATS_SFB sfb => Sfb[Grown<'a, TcSfbXstats<O>>],
        /// `pie`'s.
        "pie" XSTATS_PIE pie => Pie[Grown<'a, TcPieXstats<O>>],
        /// `fq_pie`'s.
        "fq_pie" XSTATS_FQ_PIE fq_pie => FqPie[Grown<'a, TcFqPieXstats<O>>],
        /// `hhf`'s.
        "hhf" XSTATS_HHF hhf => Hhf[Grown<'a, TcHhfXstats<O>>],
        /// `cake`'s (attributes, with each tin's).
        "cake" XSTATS_CAKE cake => Cake(CakeStatsAttr),
        /// `dualpi2`'s.
        "dualpi2" XSTATS_DUALPI2 dualpi2 => Dualpi2[Grown<'a, TcDualpi2Xstats<O>>],
        /// `taprio`'s offload counters.
        "taprio" XSTATS_TAPRIO taprio => Taprio(TaprioOffloadStatsAttr),
    }
}

select_table! {
    /// A class's extended statistics (`TCA_XSTATS`, `TCA_STATS_APP`), by `TCA_KIND`.
    pub enum ClassXstats by sibling TCA_KIND: str {
        /// An `htb` class's.
        "htb" CLASS_XSTATS_HTB htb => Htb[TcHtbXstats<O>],
        /// An `fq_codel` flow's (the class half).
        "fq_codel" CLASS_XSTATS_FQ_CODEL fq_codel => FqCodel[FqCodelXstats<'a, O>],
        /// An `sfq` flow's.
        "sfq" CLASS_XSTATS_SFQ sfq => Sfq[Grown<'a, TcSfqXstats<O>>],
        /// An `hfsc` class's.
        "hfsc" CLASS_XSTATS_HFSC hfsc => Hfsc[Grown<'a, TcHfscStats<O>>],
        /// A `drr` class's.
        "drr" CLASS_XSTATS_DRR drr => Drr[Grown<'a, TcDrrStats<O>>],
        /// A `qfq` class's.
        "qfq" CLASS_XSTATS_QFQ qfq => Qfq[Grown<'a, TcQfqStats<O>>],
        /// A `cake` flow's.
        "cake" CLASS_XSTATS_CAKE cake => Cake(CakeStatsAttr),
    }
}
