//! Traffic-control statistics: the old `struct tc_stats` (`TCA_STATS`),
//! the `TCA_STATS_*` nest of `TCA_STATS2` and `TCA_ACT_STATS` with its
//! `gnet_stats_*` structs, and the size-table spec. Structs whose size
//! depends on the ABI (a `u64` followed by a `u32` is padded to 16 bytes on
//! 64-bit hosts, not on i386) decode as [`Grown`], byte for byte.

use super::AppStats;
use crate::typed::{Bytes, Grown};
use crate::wire::{I16, I32, U32, U64};

zc_struct! {
    /// `struct tc_stats` (`TCA_STATS`): 36 bytes of fields, padded to 40 on
    /// 64-bit hosts (the padding is kept as the struct's tail).
    pub struct TcStats<O> {
        /// `bytes` enqueued.
        bytes: U64<O>,
        /// `packets` enqueued.
        packets: U32<O>,
        /// `drops`.
        drops: U32<O>,
        /// `overlimits`: throttle events.
        overlimits: U32<O>,
        /// `bps`: the estimated byte rate.
        bps: U32<O>,
        /// `pps`: the estimated packet rate.
        pps: U32<O>,
        /// `qlen`.
        qlen: U32<O>,
        /// `backlog`, in bytes.
        backlog: U32<O>,
    }
}

zc_struct! {
    /// `struct gnet_stats_basic` (`TCA_STATS_BASIC`, `TCA_STATS_BASIC_HW`):
    /// 12 bytes of fields, padded to 16 on 64-bit hosts.
    pub struct GnetStatsBasic<O> {
        /// `bytes`.
        bytes: U64<O>,
        /// `packets`.
        packets: U32<O>,
    }
}

struct_payload! {
    /// `struct gnet_stats_rate_est` (`TCA_STATS_RATE_EST`).
    pub struct GnetStatsRateEst<O> {
        /// `bps`.
        bps: U32<O>,
        /// `pps`.
        pps: U32<O>,
    }
}

struct_payload! {
    /// `struct gnet_stats_rate_est64` (`TCA_STATS_RATE_EST64`).
    pub struct GnetStatsRateEst64<O> {
        /// `bps`.
        bps: U64<O>,
        /// `pps`.
        pps: U64<O>,
    }
}

struct_payload! {
    /// `struct gnet_stats_queue` (`TCA_STATS_QUEUE`).
    pub struct GnetStatsQueue<O> {
        /// `qlen`.
        qlen: U32<O>,
        /// `backlog`, in bytes.
        backlog: U32<O>,
        /// `drops`.
        drops: U32<O>,
        /// `requeues`.
        requeues: U32<O>,
        /// `overlimits`.
        overlimits: U32<O>,
    }
}

struct_payload! {
    /// `struct tc_sizespec` (`TCA_STAB_BASE`).
    pub struct TcSizespec<O> {
        /// `cell_log`.
        cell_log: u8,
        /// `size_log`.
        size_log: u8,
        /// `cell_align`.
        cell_align: I16<O>,
        /// `overhead`.
        overhead: I32<O>,
        /// `linklayer`.
        linklayer: U32<O>,
        /// `mpu`.
        mpu: U32<O>,
        /// `mtu`.
        mtu: U32<O>,
        /// `tsize`: the number of table entries.
        tsize: U32<O>,
    }
}

attr_set! {
    /// A statistics attribute (`TCA_STATS_*`, in `TCA_STATS2` and
    /// `TCA_ACT_STATS`).
    pub enum StatsAttr {
        /// Bytes and packets.
        1 TCA_STATS_BASIC basic => Basic(Grown<'a, GnetStatsBasic<O>>),
        /// The estimated rates (32-bit).
        2 TCA_STATS_RATE_EST rate_est => RateEst(GnetStatsRateEst<O>),
        /// The queue's counters.
        3 TCA_STATS_QUEUE queue => Queue(GnetStatsQueue<O>),
        /// The kind's extended statistics (as `TCA_XSTATS`).
        4 TCA_STATS_APP app => App(AppStats<'a, O>),
        /// The estimated rates (64-bit).
        5 TCA_STATS_RATE_EST64 rate_est64 => RateEst64(GnetStatsRateEst64<O>),
        /// Padding for 64-bit alignment.
        6 TCA_STATS_PAD pad => Pad(Bytes<'a>),
        /// Bytes and packets handled in hardware.
        7 TCA_STATS_BASIC_HW basic_hw => BasicHw(Grown<'a, GnetStatsBasic<O>>),
        /// The packet count as 64 bits.
        8 TCA_STATS_PKT64 pkt64 => Pkt64(u64),
    }
}
