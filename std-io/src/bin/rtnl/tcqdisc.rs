//! The options and extended statistics of the qdisc kinds rtnl can add
//! beyond tc.rs's own (fq_codel, netem, fq, sfq), printed as tc 6.1's
//! `print_qopt` / `print_xstats` of each kind print them (text and `-j`).

use rtnl_core::tc::qdisc::{FqAttr, FqCodelAttr, FqCodelXstats, NetemAttr, NetemLossAttr, NetemOptions, TcSfqQoptV1};
use rtnl_core::typed::Grown;

use crate::ipjson::{float_g, Out};
use crate::tc::Ctx;
use crate::tcunits as u;

/// `print_float(PRINT_ANY, …)`: `%g` in the text, `%g` in JSON.
fn float(o: &mut Out, key: &str, text: &str, v: f64) {
    if o.json {
        o.raw(key, &float_g(v));
    } else {
        o.text(text);
    }
}

/// `fq_codel_print_opt`.
pub(crate) fn fq_codel<'a>(o: &mut Out, attrs: impl Iterator<Item = FqCodelAttr<'a>>) {
    let (mut limit, mut flows, mut quantum, mut target, mut ce, mut sel, mut mask) =
        (None, None, None, None, None, 0u8, 0u8);
    let (mut interval, mut memory, mut ecn, mut batch) = (None, None, None, None);
    // (tc keeps the last of a repeated attribute)
    for a in attrs {
        match a {
            FqCodelAttr::Limit(v) => limit = Some(v),
            FqCodelAttr::Flows(v) => flows = Some(v),
            FqCodelAttr::Quantum(v) => quantum = Some(v),
            FqCodelAttr::Target(v) => target = Some(v),
            FqCodelAttr::CeThreshold(v) => ce = Some(v),
            FqCodelAttr::CeThresholdSelector(v) => sel = v,
            FqCodelAttr::CeThresholdMask(v) => mask = v,
            FqCodelAttr::Interval(v) => interval = Some(v),
            FqCodelAttr::MemoryLimit(v) => memory = Some(v),
            FqCodelAttr::Ecn(v) => ecn = Some(v),
            FqCodelAttr::DropBatchSize(v) => batch = Some(v),
            _ => {}
        }
    }
    if let Some(v) = limit {
        o.num("limit", &format!("limit {v}p "), v.into());
    }
    if let Some(v) = flows {
        o.num("flows", &format!("flows {v} "), v.into());
    }
    if let Some(v) = quantum {
        o.num("quantum", &format!("quantum {v} "), v.into());
    }
    if let Some(v) = target {
        o.num("target", &format!("target {} ", u::time(v)), v.into());
    }
    if let Some(v) = ce {
        o.num("ce_threshold", &format!("ce_threshold {} ", u::time(v)), v.into());
    }
    if sel != 0 || mask != 0 {
        o.num("ce_threshold_selector", &format!("ce_threshold_selector {}", alt_hex(sel)), sel.into());
        o.num("ce_threshold_mask", &format!("/{} ", alt_hex(mask)), mask.into());
    }
    if let Some(v) = interval {
        o.num("interval", &format!("interval {} ", u::time(v)), v.into());
    }
    if let Some(v) = memory {
        o.num("memory_limit", &format!("memory_limit {} ", u::size(v)), v.into());
    }
    if ecn.is_some_and(|v| v != 0) {
        o.lit("ecn", "ecn ", "true");
    }
    if let Some(v) = batch.filter(|&v| v != 0) {
        o.num("drop_batch", &format!("drop_batch {v} "), v.into());
    }
}

/// C's `%#x`: `0` for zero, else `0x…`.
fn alt_hex(v: u8) -> String {
    crate::ipjson::alt_hex(v.into())
}

/// `fq_codel_print_xstats`: a qdisc's or a flow's.
pub(crate) fn fq_codel_xstats(o: &mut Out, x: &FqCodelXstats<'_>) {
    if let Some(s) = x.qdisc() {
        let s = s.get();
        let n = |o: &mut Out, key: &str, text: &str, v: u32| o.num(key, &format!("{text} {v}"), v.into());
        n(o, "maxpacket", "  maxpacket", s.maxpacket.get());
        n(o, "drop_overlimit", " drop_overlimit", s.drop_overlimit.get());
        n(o, "new_flow_count", " new_flow_count", s.new_flow_count.get());
        n(o, "ecn_mark", " ecn_mark", s.ecn_mark.get());
        if s.ce_mark.get() != 0 {
            n(o, "ce_mark", " ce_mark", s.ce_mark.get());
        }
        if s.memory_usage.get() != 0 {
            n(o, "memory_used", " memory_used", s.memory_usage.get());
        }
        if s.drop_overmemory.get() != 0 {
            n(o, "drop_overmemory", " drop_overmemory", s.drop_overmemory.get());
        }
        o.text("\n");
        n(o, "new_flows_len", "  new_flows_len", s.new_flows_len.get());
        n(o, "old_flows_len", " old_flows_len", s.old_flows_len.get());
    } else if let Some(s) = x.class() {
        let s = s.get();
        let d = s.deficit.get();
        o.inum("deficit", &format!("  deficit {d}"), d.into());
        o.num("count", &format!(" count {}", s.count.get()), s.count.get().into());
        o.num("lastcount", &format!(" lastcount {}", s.lastcount.get()), s.lastcount.get().into());
        o.num("ldelay", &format!(" ldelay {}", u::time(s.ldelay.get())), s.ldelay.get().into());
        if s.dropping.get() != 0 {
            o.lit("dropping", " dropping", "true");
            let next = s.drop_next.get();
            let text = if next < 0 {
                format!(" drop_next -{}", u::time(next.unsigned_abs()))
            } else {
                format!(" drop_next {}", u::time(next as u32))
            };
            o.inum("drop_next", &text, next.into());
        }
    }
}

/// netem's probabilities: `u32::MAX` is 100%.
fn percent(o: &mut Out, key: &str, label: &str, per: u32) {
    let text = format!("{label} {}%", float_g(100.0 * f64::from(per) / f64::from(u32::MAX)));
    float(o, key, &text, f64::from(per) / f64::from(u32::MAX));
}

/// netem's `print_corr`: a correlation after its probability (in JSON
/// always, in the text when `present`).
fn corr(o: &mut Out, present: bool, v: u32) {
    if o.json {
        percent(o, "correlation", " correlation", v);
    } else if present {
        percent(o, "", "", v);
    }
}

/// `__print_time64`: nanoseconds as tc's `sprint_time64`, seconds in JSON.
fn time64(o: &mut Out, key: &str, label: &str, ns: i64) {
    float(o, key, &format!("{label} {}", u::time64(ns)), ns as f64 / 1e9);
}

/// `__print_int_opt`: in JSON always, in the text when not zero.
fn int_opt(o: &mut Out, key: &str, v: i32) {
    let text = if v != 0 { format!(" {key} {v}") } else { String::new() };
    o.inum(key, &text, v.into());
}

/// `netem_print_opt`.
pub(crate) fn netem(o: &mut Out, n: &NetemOptions<'_>, c: &Ctx<'_>) {
    let q = &n.head;
    let (mut cor, mut reorder, mut corrupt, mut gi, mut ge) = (None, None, None, None, None);
    let (mut rate, mut ecn, mut rate64, mut slot) = (None, false, 0u64, None);
    for a in n.attrs().flatten() {
        match a {
            NetemAttr::Corr(x) => cor = Some(x),
            NetemAttr::Reorder(x) => reorder = Some(x),
            NetemAttr::Corrupt(x) => corrupt = Some(x),
            NetemAttr::Loss(l) => {
                for m in l.iter().flatten() {
                    match m {
                        NetemLossAttr::Gi(x) => gi = Some(x),
                        NetemLossAttr::Ge(x) => ge = Some(x),
                        _ => {}
                    }
                }
            }
            NetemAttr::Rate(x) => rate = Some(x),
            NetemAttr::Ecn(_) => ecn = true,
            NetemAttr::Rate64(x) => rate64 = x,
            NetemAttr::Slot(x) => slot = Some(x),
            _ => {}
        }
    }
    let limit = q.limit.get();
    o.num("limit", &format!("limit {limit}"), limit.into());
    let (latency, jitter) = (q.latency.get(), q.jitter.get());
    if latency != 0 {
        o.object("delay", |o| {
            if o.json {
                float(o, "delay", "", f64::from(c.clock.tick2time(latency)) / 1e6);
                float(o, "jitter", "", f64::from(c.clock.tick2time(jitter)) / 1e6);
            } else {
                o.text(&format!(" delay {}", u::time(c.clock.tick2time(latency))));
                if jitter != 0 {
                    o.text(&format!("  {}", u::time(c.clock.tick2time(jitter))));
                }
            }
            let d = cor.as_ref().map_or(0, |x| x.delay_corr.get());
            corr(o, jitter != 0 && d != 0, d);
        });
    }
    if q.loss.get() != 0 {
        o.object("loss-random", |o| {
            percent(o, "loss", " loss", q.loss.get());
            let l = cor.as_ref().map_or(0, |x| x.loss_corr.get());
            corr(o, l != 0, l);
        });
    }
    if let Some(g) = gi {
        o.object("loss-state", |o| {
            percent(o, "p13", " loss state p13", g.p13.get());
            percent(o, "p31", " p31", g.p31.get());
            percent(o, "p32", " p32", g.p32.get());
            percent(o, "p23", " p23", g.p23.get());
            percent(o, "p14", " p14", g.p14.get());
        });
    }
    if let Some(g) = ge {
        o.object("loss-gemodel", |o| {
            percent(o, "p", " loss gemodel p", g.p.get());
            percent(o, "r", " r", g.r.get());
            percent(o, "1-h", " 1-h", u32::MAX - g.h.get());
            percent(o, "1-k", " 1-k", g.k1.get());
        });
    }
    if q.duplicate.get() != 0 {
        o.object("duplicate", |o| {
            percent(o, "duplicate", " duplicate", q.duplicate.get());
            let d = cor.as_ref().map_or(0, |x| x.dup_corr.get());
            corr(o, d != 0, d);
        });
    }
    for (key, x) in [("reorder", reorder), ("corrupt", corrupt)] {
        if let Some(x) = x.filter(|x| x.probability.get() != 0) {
            o.object(key, |o| {
                percent(o, key, &format!(" {key}"), x.probability.get());
                corr(o, x.correlation.get() != 0, x.correlation.get());
            });
        }
    }
    if let Some(r) = rate.filter(|r| r.rate.get() != 0) {
        o.object("rate", |o| {
            let r64 = if rate64 != 0 { rate64 } else { r.rate.get().into() };
            o.num("rate", &format!(" rate {}", u::rate(r64)), r64);
            int_opt(o, "packetoverhead", r.packet_overhead.get());
            let cs = r.cell_size.get();
            o.num("cellsize", &if cs != 0 { format!(" cellsize {cs}") } else { String::new() }, cs.into());
            int_opt(o, "celloverhead", r.cell_overhead.get());
        });
    }
    if let Some(s) = slot {
        o.object("slot", |o| {
            if s.dist_jitter.get() > 0 {
                time64(o, "distribution", " slot distribution", s.dist_delay.get());
                time64(o, "jitter", "", s.dist_jitter.get());
            } else {
                time64(o, "min-delay", " slot", s.min_delay.get());
                time64(o, "max-delay", "", s.max_delay.get());
            }
            int_opt(o, "packets", s.max_packets.get());
            int_opt(o, "bytes", s.max_bytes.get());
        });
    }
    o.lit("ecn", if ecn { " ecn " } else { "" }, if ecn { "true" } else { "false" });
    let gap = q.gap.get();
    o.num("gap", &if gap != 0 { format!(" gap {gap}") } else { String::new() }, gap.into());
}

/// `fq_print_opt`.
pub(crate) fn fq<'a>(o: &mut Out, attrs: impl Iterator<Item = FqAttr<'a>>) {
    let a: Vec<_> = attrs.collect();
    macro_rules! get {
        ($v:ident) => {
            a.iter().rev().find_map(|x| if let FqAttr::$v(v) = x { Some(*v) } else { None })
        };
    }
    if let Some(v) = get!(Plimit) {
        o.num("limit", &format!("limit {v}p "), v.into());
    }
    if let Some(v) = get!(FlowPlimit) {
        o.num("flow_limit", &format!("flow_limit {v}p "), v.into());
    }
    if let Some(v) = get!(BucketsLog) {
        let n = 1u32.wrapping_shl(v);
        o.num("buckets", &format!("buckets {n} "), n.into());
    }
    if let Some(v) = get!(OrphanMask) {
        o.num("orphan_mask", &format!("orphan_mask {v} "), v.into());
    }
    if get!(RateEnable) == Some(0) {
        o.lit("pacing", "nopacing ", "false");
    }
    if let Some(v) = get!(Quantum) {
        o.num("quantum", &format!("quantum {} ", u::size(v)), v.into());
    }
    if let Some(v) = get!(InitialQuantum) {
        o.num("initial_quantum", &format!("initial_quantum {} ", u::size(v)), v.into());
    }
    if let Some(v) = get!(FlowMaxRate).filter(|&v| v != u32::MAX) {
        o.num("maxrate", &format!("maxrate {} ", u::rate(v.into())), v.into());
    }
    if let Some(v) = get!(FlowDefaultRate).filter(|&v| v != 0) {
        o.num("defrate", &format!("defrate {} ", u::rate(v.into())), v.into());
    }
    if let Some(v) = get!(LowRateThreshold).filter(|&v| v != 0) {
        o.num("low_rate_threshold", &format!("low_rate_threshold {} ", u::rate(v.into())), v.into());
    }
    if let Some(v) = get!(FlowRefillDelay) {
        o.num("refill_delay", &format!("refill_delay {} ", u::time(v)), v.into());
    }
    if let Some(v) = get!(CeThreshold).filter(|&v| v != u32::MAX) {
        o.num("ce_threshold", &format!("ce_threshold {} ", u::time(v)), v.into());
    }
    if let Some(v) = get!(TimerSlack) {
        o.num("timer_slack", &format!("timer_slack {} ", u::time64(v.into())), v.into());
    }
    if let Some(v) = get!(Horizon) {
        o.num("horizon", &format!("horizon {} ", u::time(v)), v.into());
    }
    match get!(HorizonDrop) {
        Some(0) => o.lit("horizon_cap", "horizon_cap ", "null"),
        Some(_) => o.lit("horizon_drop", "horizon_drop ", "null"),
        None => {}
    }
}

/// `sfq_print_opt`: `tc_sfq_qopt`, and what `tc_sfq_qopt_v1` adds when
/// the payload holds all of it.
pub(crate) fn sfq(o: &mut Out, g: &Grown<'_, TcSfqQoptV1>, c: &Ctx<'_>) {
    // (shorter than tc_sfq_qopt: tc prints nothing)
    if !g.has("flows") {
        return;
    }
    let q = g.get();
    let ext = g.is_complete();
    let limit = q.limit.get();
    o.num("limit", &format!("limit {limit}p "), limit.into());
    o.num("quantum", &format!("quantum {} ", u::size(q.quantum.get())), q.quantum.get().into());
    if ext && q.depth.get() != 0 {
        o.num("depth", &format!("depth {} ", q.depth.get()), q.depth.get().into());
    }
    if ext && q.headdrop.get() != 0 {
        o.lit("headdrop", "headdrop ", "true");
    }
    if c.details {
        o.num("flows", &format!("flows {} ", q.flows.get()), q.flows.get().into());
    }
    o.num("divisor", &format!("divisor {} ", q.divisor.get()), q.divisor.get().into());
    let p = q.perturb_period.get();
    if p != 0 {
        o.inum("perturb", &format!("perturb {p}sec "), p.into());
    }
    if ext && q.qth_min.get() != 0 {
        o.num("ewma", &format!("ewma {} ", q.Wlog), q.Wlog.into());
        o.num("min", &format!("min {} ", u::size(q.qth_min.get())), q.qth_min.get().into());
        o.num("max", &format!("max {} ", u::size(q.qth_max.get())), q.qth_max.get().into());
        let prob = f64::from(q.max_P.get()) / 2f64.powi(32);
        float(o, "probability", &format!("probability {} ", float_g(prob)), prob);
        red_flags(o, q.flags.into());
        if c.stats {
            let n = |o: &mut Out, key: &str, text: &str, v: u32| o.num(key, &format!("{text} {v}"), v.into());
            o.text("\n");
            n(o, "prob_mark", "  prob_mark", q.prob_mark.get());
            n(o, "prob_mark_head", " prob_mark_head", q.prob_mark_head.get());
            n(o, "prob_drop", " prob_drop", q.prob_drop.get());
            o.text("\n");
            n(o, "forced_mark", "  forced_mark", q.forced_mark.get());
            n(o, "forced_mark_head", " forced_mark_head", q.forced_mark_head.get());
            n(o, "forced_drop", " forced_drop", q.forced_drop.get());
        }
    }
}

/// `tc_red_print_flags`: each flag's word when set, every flag in JSON.
fn red_flags(o: &mut Out, flags: u32) {
    for (bit, name) in [(1u32, "ecn"), (2, "harddrop"), (4, "adaptive"), (8, "nodrop")] {
        let on = flags & bit != 0;
        let text = if on { format!("{name} ") } else { String::new() };
        o.lit(name, &text, if on { "true" } else { "false" });
    }
}
