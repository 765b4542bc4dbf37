//! Statistics polling: every statistic of a qdisc or class message read in
//! one pass, typed, without decoding the options.
//!
//! [`TcMessage::statistics`](super::TcMessage) walks the message's attributes once and the
//! `TCA_STATS2` nest once, checks the size of every fixed struct on the
//! way, and reads `TCA_KIND` once: the extended statistics (`TCA_XSTATS`,
//! `TCA_STATS_APP`) are then typed by that kind on request, with no search
//! among the siblings. This is the loop a monitoring agent runs over a
//! dump of thousands of qdiscs and classes; the full typed decode
//! ([`TcMessage::attrs`](super::TcMessage)) yields the same values.
//!
//! ```
//! use rtnl_core::tc::qdisc::{ClassXstats, TcHtbXstats};
//! use rtnl_core::tc::stats::{GnetStatsQueue, TCA_STATS_APP, TCA_STATS_QUEUE};
//! use rtnl_core::tc::{TcMessage, TcMsg, TcXstats, RTM_NEWTCLASS, TCA_KIND, TCA_STATS2};
//! use rtnl_core::wire::{Messages, NativeEndian, SliceBuffer, Writer};
//! use zerocopy::IntoBytes;
//!
//! // an htb class as the kernel sends it in a dump
//! let mut buf = [0u8; 256];
//! let mut w = Writer::<_, NativeEndian>::new(SliceBuffer::new(&mut buf));
//! let m = w.begin_msg(RTM_NEWTCLASS, 2, 1, 0)?;
//! w.header(&TcMsg::<NativeEndian>::default())?;
//! w.attr_str(TCA_KIND, "htb")?;
//! w.nest(TCA_STATS2, false, |w| {
//!     w.attr(TCA_STATS_QUEUE, GnetStatsQueue::<NativeEndian> { drops: 7.into(), ..Default::default() }.as_bytes())?;
//!     w.attr(TCA_STATS_APP, TcHtbXstats::<NativeEndian> { lends: 3.into(), ..Default::default() }.as_bytes())
//! })?;
//! w.end_msg(m)?;
//! let n = w.len();
//!
//! for msg in Messages::<NativeEndian>::new(&buf[..n]) {
//!     let msg = msg.expect("framed");
//!     let s = TcMessage::parse(&msg).expect("a tcmsg").statistics().expect("well formed");
//!     assert_eq!(s.kind(), Some("htb"));
//!     assert_eq!(s.queue().map(|q| q.drops.get()), Some(7));
//!     assert!(s.basic().is_none());
//!     let Some(Ok(TcXstats::Class(ClassXstats::Htb(x)))) = s.app() else { panic!("typed by the kind") };
//!     assert_eq!(x.lends.get(), 3);
//! }
//! # Ok::<(), rtnl_core::wire::EncodeError>(())
//! ```

use super::stats::{
    GnetStatsBasic, GnetStatsQueue, GnetStatsRateEst, GnetStatsRateEst64, TcStats, TCA_STATS_APP, TCA_STATS_BASIC,
    TCA_STATS_BASIC_HW, TCA_STATS_PKT64, TCA_STATS_QUEUE, TCA_STATS_RATE_EST, TCA_STATS_RATE_EST64,
};
use super::{TcMsg, TcXstats, TCA_KIND, TCA_STATS, TCA_STATS2, TCA_XSTATS};
use crate::typed::{exact_struct, Ctx, Grown, Headered};
use crate::wire::{Attr, Attrs, ByteOrder, DecodeError, NativeEndian, PathElem, NLA_HDRLEN, U16, U64};
use core::marker::PhantomData;
use zerocopy::FromBytes;

/// Every statistic of one qdisc or class message, read in one pass by
/// [`TcMessage::statistics`]. Each is `None` when the message lacks it; of
/// an attribute sent twice the first counts (as `tc` reads it).
///
/// The view is small (it keeps where each payload lies, not copies), so it
/// is cheap to return and to keep beside the message.
///
/// [`TcMessage::statistics`]: super::TcMessage
#[derive(Debug, Clone, Copy)]
pub struct TcStatistics<'a, O: ByteOrder = NativeEndian> {
    // the message's attribute run and where it starts in the message
    run: &'a [u8],
    base: usize,
    family: u8,
    msg_type: u16,
    msg_flags: u16,
    strict: bool,
    kind: Option<&'a str>,
    // where each payload lies in `run`: (start, len); start 0 is absent
    // (a payload never starts at 0: its attribute header comes first)
    slots: [(u32, u32); SLOTS],
    _order: PhantomData<O>,
}

const SLOTS: usize = 10;
const STATS: usize = 0;
const XSTATS: usize = 1;
const STATS2: usize = 2;
const BASIC: usize = 3;
const BASIC_HW: usize = 4;
const RATE_EST: usize = 5;
const RATE_EST64: usize = 6;
const QUEUE: usize = 7;
const PKT64: usize = 8;
const APP: usize = 9;

impl<'a, O: ByteOrder> Headered<'a, O, TcMsg<O>> {
    /// Every statistic of this message, read in one pass over its
    /// attributes and its `TCA_STATS2` nest (see the [module](self)
    /// documentation).
    ///
    /// An error (with its byte offset and attribute path) for a framing
    /// error in either run, a `TCA_KIND` that is not a string, or a fixed
    /// struct of the wrong size (`TCA_STATS_RATE_EST`, `_RATE_EST64`,
    /// `_QUEUE`, `_PKT64`): a poller is never handed a partial answer as
    /// if it were whole. `TCA_STATS` and the basic counters tolerate
    /// shorter and longer structs as [`Grown`] does.
    pub fn statistics(&self) -> Result<TcStatistics<'a, O>, DecodeError> {
        let typed = self.attrs();
        let ctx = typed.ctx();
        let raw = typed.raw();
        let (run, base) = (raw.bytes(), raw.base());
        let mut s = TcStatistics {
            run,
            base,
            family: ctx.family,
            msg_type: ctx.msg_type,
            msg_flags: ctx.msg_flags,
            strict: ctx.is_strict(),
            kind: None,
            slots: [(0, 0); SLOTS],
            _order: PhantomData,
        };
        // where `a`'s payload lies in `run`
        let slot = |a: &Attr<'a, O>| (a.payload_offset().saturating_sub(base) as u32, a.payload().len() as u32);
        for a in raw {
            let a = a?;
            let i = match a.id() {
                TCA_KIND => {
                    if s.kind.is_none() {
                        s.kind = Some(super::kind_str(&a).map_err(|e| e.within(ctx.path_to(TCA_KIND)))?);
                    }
                    continue;
                }
                TCA_STATS => STATS,
                TCA_XSTATS => XSTATS,
                TCA_STATS2 if s.slots[STATS2].0 == 0 => {
                    let path = ctx.path_to(TCA_STATS2);
                    for b in Attrs::<O>::at(a.payload(), a.payload_offset()) {
                        let b = b.map_err(|e| e.within(path))?;
                        // the fixed structs' sizes are checked here, so
                        // that their accessors cannot fail
                        let at = path.with(PathElem::Attr(b.id())).unwrap_or(path);
                        let within = |e: DecodeError| e.within(at);
                        let j = match b.id() {
                            TCA_STATS_BASIC => Ok(BASIC),
                            TCA_STATS_BASIC_HW => Ok(BASIC_HW),
                            TCA_STATS_RATE_EST => exact_struct::<GnetStatsRateEst<O>, O>(&b).map(|_| RATE_EST),
                            TCA_STATS_RATE_EST64 => exact_struct::<GnetStatsRateEst64<O>, O>(&b).map(|_| RATE_EST64),
                            TCA_STATS_QUEUE => exact_struct::<GnetStatsQueue<O>, O>(&b).map(|_| QUEUE),
                            TCA_STATS_PKT64 => b.u64().map(|_| PKT64),
                            TCA_STATS_APP => Ok(APP),
                            _ => continue,
                        }
                        .map_err(within)?;
                        if s.slots[j].0 == 0 {
                            s.slots[j] = slot(&b);
                        }
                    }
                    STATS2
                }
                _ => continue,
            };
            if s.slots[i].0 == 0 {
                s.slots[i] = slot(&a);
            }
        }
        Ok(s)
    }
}

impl<'a, O: ByteOrder> TcStatistics<'a, O> {
    /// The payload in slot `i`, if present.
    #[inline]
    fn payload(&self, i: usize) -> Option<&'a [u8]> {
        let (start, len) = *self.slots.get(i)?;
        if start == 0 {
            return None;
        }
        self.run.get(start as usize..start as usize + len as usize)
    }
    /// The attribute whose payload is in slot `i`, its `nla_type` (flag
    /// bits included, so that nothing is lost on re-encoding) read again
    /// from its header.
    fn attr(&self, i: usize) -> Option<Attr<'a, O>> {
        let p = self.payload(i)?;
        let start = self.slots.get(i)?.0 as usize;
        let ty = match self.run.get(start.checked_sub(2)?..start)? {
            &[a, b] => U16::<O>::from_bytes([a, b]).get(),
            _ => return None,
        };
        Some(Attr::new(ty, p, (self.base + start).saturating_sub(NLA_HDRLEN)))
    }
    /// The fixed struct in slot `i` (its size was checked by the pass).
    #[inline]
    fn fixed<T: FromBytes>(&self, i: usize) -> Option<T> {
        T::read_from_bytes(self.payload(i)?).ok()
    }
    /// The context of the message's attributes.
    fn ctx(&self) -> Ctx<'a> {
        Ctx::message(self.family, self.msg_type, self.msg_flags)
            .strict(self.strict)
            .over(&Attrs::<O>::at(self.run, self.base))
    }

    /// The kind (`TCA_KIND`).
    pub fn kind(&self) -> Option<&'a str> {
        self.kind
    }
    /// The old statistics struct (`TCA_STATS`).
    pub fn stats(&self) -> Option<Grown<'a, TcStats<O>>> {
        self.payload(STATS).map(Grown::new)
    }
    /// The byte and packet counters (`TCA_STATS_BASIC`).
    pub fn basic(&self) -> Option<Grown<'a, GnetStatsBasic<O>>> {
        self.payload(BASIC).map(Grown::new)
    }
    /// The hardware's byte and packet counters (`TCA_STATS_BASIC_HW`).
    pub fn basic_hw(&self) -> Option<Grown<'a, GnetStatsBasic<O>>> {
        self.payload(BASIC_HW).map(Grown::new)
    }
    /// The rate estimator's 32-bit rates (`TCA_STATS_RATE_EST`).
    pub fn rate_est(&self) -> Option<GnetStatsRateEst<O>> {
        self.fixed(RATE_EST)
    }
    /// The rate estimator's 64-bit rates (`TCA_STATS_RATE_EST64`).
    pub fn rate_est64(&self) -> Option<GnetStatsRateEst64<O>> {
        self.fixed(RATE_EST64)
    }
    /// The queue counters (`TCA_STATS_QUEUE`).
    pub fn queue(&self) -> Option<GnetStatsQueue<O>> {
        self.fixed(QUEUE)
    }
    /// The 64-bit packet count (`TCA_STATS_PKT64`).
    pub fn pkt64(&self) -> Option<u64> {
        self.fixed::<U64<O>>(PKT64).map(|v| v.get())
    }
    /// The kind's extended statistics (`TCA_XSTATS`), typed by the kind
    /// already read: an error only when their bytes do not fit the kind's
    /// layout (with offset and path).
    pub fn xstats(&self) -> Option<Result<TcXstats<'a, O>, DecodeError>> {
        let a = self.attr(XSTATS)?;
        let ctx = self.ctx();
        Some(TcXstats::decode_by_kind(self.kind, &a, &ctx).map_err(|e| e.within(ctx.path_to(TCA_XSTATS))))
    }
    /// The kind's extended statistics inside `TCA_STATS2`
    /// (`TCA_STATS_APP`), typed by the kind already read. The kernel puts
    /// the same bytes in `TCA_XSTATS`.
    pub fn app(&self) -> Option<Result<TcXstats<'a, O>, DecodeError>> {
        let (a, s2) = (self.attr(APP)?, self.attr(STATS2)?);
        let run = Attrs::<O>::at(s2.payload(), s2.payload_offset());
        let ctx = match self.ctx().enter(PathElem::Attr(TCA_STATS2), &run, s2.offset()) {
            Ok(c) => c,
            Err(e) => return Some(Err(e)),
        };
        Some(TcXstats::decode_by_kind(self.kind, &a, &ctx).map_err(|e| e.within(ctx.path_to(TCA_STATS_APP))))
    }
}
