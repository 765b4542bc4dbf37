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
    }
}
