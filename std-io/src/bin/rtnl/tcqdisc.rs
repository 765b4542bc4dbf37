//! The options and extended statistics of the qdisc kinds rtnl can add
//! beyond tc.rs's own (fq_codel, netem, fq, sfq, cake, codel, pie, fq_pie, hhf), printed as tc 6.1's
//! `print_qopt` / `print_xstats` of each kind print them (text and `-j`).

use rtnl_core::tc::qdisc::{
    CakeAttr, CakeStatsAttr, CakeTinStatsAttr, CodelAttr, FqAttr, FqCodelAttr, FqCodelXstats, FqPieAttr, HhfAttr,
    NetemAttr, NetemLossAttr, NetemOptions, PieAttr, TcCodelXstats, TcFqPieXstats, TcFqQdStats, TcHhfXstats,
    TcPieXstats, TcSfqQoptV1,
};
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

/// `attrs` last to first: a printer that assigns what it walks keeps the
/// first of a repeated attribute, as tc's `parse_rtattr` does.
fn first_wins<T>(attrs: impl Iterator<Item = T>) -> impl Iterator<Item = T> {
    attrs.collect::<Vec<_>>().into_iter().rev()
}

/// `fq_codel_print_opt`.
pub(crate) fn fq_codel<'a>(o: &mut Out, attrs: impl Iterator<Item = FqCodelAttr<'a>>) {
    let (mut limit, mut flows, mut quantum, mut target, mut ce, mut sel, mut mask) =
        (None, None, None, None, None, 0u8, 0u8);
    let (mut interval, mut memory, mut ecn, mut batch) = (None, None, None, None);
    for a in first_wins(attrs) {
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
        counters(
            o,
            &[
                ("maxpacket", "  maxpacket", s.maxpacket.get()),
                ("drop_overlimit", " drop_overlimit", s.drop_overlimit.get()),
                ("new_flow_count", " new_flow_count", s.new_flow_count.get()),
                ("ecn_mark", " ecn_mark", s.ecn_mark.get()),
            ],
        );
        // these three only when they are not zero
        for (key, text, v) in [
            ("ce_mark", " ce_mark", s.ce_mark.get()),
            ("memory_used", " memory_used", s.memory_usage.get()),
            ("drop_overmemory", " drop_overmemory", s.drop_overmemory.get()),
        ] {
            if v != 0 {
                counters(o, &[(key, text, v)]);
            }
        }
        o.text("\n");
        counters(
            o,
            &[
                ("new_flows_len", "  new_flows_len", s.new_flows_len.get()),
                ("old_flows_len", " old_flows_len", s.old_flows_len.get()),
            ],
        );
    } else if let Some(s) = x.class() {
        let s = s.get();
        let d = s.deficit.get();
        o.inum("deficit", &format!("  deficit {d}"), d.into());
        o.num("count", &format!(" count {}", s.count.get()), s.count.get().into());
        o.num("lastcount", &format!(" lastcount {}", s.lastcount.get()), s.lastcount.get().into());
        o.num("ldelay", &format!(" ldelay {}", u::time(s.ldelay.get())), s.ldelay.get().into());
        if s.dropping.get() != 0 {
            o.lit("dropping", " dropping", "true");
            drop_next(o, s.drop_next.get());
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
            a.iter().find_map(|x| if let FqAttr::$v(v) = x { Some(*v) } else { None })
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

/// `cake_print_mode`: a mode's name from `table`, or `(?key?)`.
fn cake_mode(o: &mut Out, key: &str, v: u32, table: &[&str]) {
    match table.get(v as usize) {
        Some(name) => o.str(key, &format!("{name} "), name),
        None => {
            o.str(key, "", "unknown");
            o.text(&format!("(?{key}?)"));
        }
    }
}

/// `cake_print_opt`.
pub(crate) fn cake<'a>(o: &mut Out, attrs: impl Iterator<Item = CakeAttr<'a>>) {
    let (mut bandwidth, mut autorate, mut diffserv, mut flowmode) = (None, None, None, None);
    let (mut nat, mut wash, mut atm, mut overhead, mut mpu, mut ingress) = (0, 0, 0, 0, 0, 0);
    let (mut ack, mut split_gso, mut raw, mut interval, mut memlimit, mut fwmark) = (0, 0, false, 0, 0, 0);
    for a in first_wins(attrs) {
        match a {
            CakeAttr::BaseRate64(v) => bandwidth = Some(v),
            CakeAttr::Autorate(v) => autorate = Some(v),
            CakeAttr::DiffservMode(v) => diffserv = Some(v),
            CakeAttr::FlowMode(v) => flowmode = Some(v),
            CakeAttr::Nat(v) => nat = v,
            CakeAttr::Wash(v) => wash = v,
            CakeAttr::Atm(v) => atm = v,
            CakeAttr::Overhead(v) => overhead = v,
            CakeAttr::Mpu(v) => mpu = v,
            CakeAttr::Ingress(v) => ingress = v,
            CakeAttr::AckFilter(v) => ack = v,
            CakeAttr::SplitGso(v) => split_gso = v,
            // (whatever its payload)
            CakeAttr::Raw(_) => raw = true,
            CakeAttr::Rtt(v) => interval = v,
            CakeAttr::Memory(v) => memlimit = v,
            CakeAttr::Fwmark(v) => fwmark = v,
            CakeAttr::Unknown(a) | CakeAttr::Invalid(a, _) if a.id() == rtnl_core::tc::qdisc::TCA_CAKE_RAW => {
                raw = true
            }
            _ => {}
        }
    }
    match bandwidth {
        Some(0) => o.str("bandwidth", "bandwidth unlimited ", "unlimited"),
        Some(b) => o.num("bandwidth", &format!("bandwidth {} ", u::rate(b)), b),
        None => {}
    }
    match autorate {
        Some(1) => o.str("autorate", "autorate-ingress ", "autorate-ingress"),
        Some(0) | None => {}
        Some(_) => o.str("autorate", "(?autorate?) ", "unknown"),
    }
    if let Some(v) = diffserv {
        cake_mode(o, "diffserv", v, &["diffserv3", "diffserv4", "diffserv8", "besteffort", "precedence"]);
    }
    if let Some(v) = flowmode {
        let names =
            ["flowblind", "srchost", "dsthost", "hosts", "flows", "dual-srchost", "dual-dsthost", "triple-isolate"];
        cake_mode(o, "flowmode", v, &names);
    }
    let flag = |o: &mut Out, key: &str, on: bool, yes: &str, no: &str| {
        o.text(if on { yes } else { no });
        o.lit(key, "", if on { "true" } else { "false" });
    };
    flag(o, "nat", nat != 0, "nat ", "nonat ");
    flag(o, "wash", wash != 0, "wash ", "nowash ");
    flag(o, "ingress", ingress != 0, "ingress ", "");
    match ack {
        2 => o.str("ack-filter", "ack-filter-aggressive ", "aggressive"),
        1 => o.str("ack-filter", "ack-filter ", "enabled"),
        _ => o.str("ack-filter", "no-ack-filter ", "disabled"),
    }
    flag(o, "split_gso", split_gso != 0, "split-gso ", "no-split-gso ");
    if interval != 0 {
        o.text(&format!("rtt {} ", u::time(interval)));
    }
    o.num("rtt", "", interval.into());
    flag(o, "raw", raw, "raw ", "");
    match atm {
        1 => o.str("atm", "atm ", "atm"),
        2 => o.str("atm", "ptm ", "ptm"),
        _ if !raw => o.str("atm", "noatm ", "noatm"),
        _ => {}
    }
    o.inum("overhead", &format!("overhead {overhead} "), overhead.into());
    if mpu != 0 {
        o.num("mpu", &format!("mpu {mpu} "), mpu.into());
    }
    if memlimit != 0 {
        o.num("memlimit", &format!("memlimit {} ", u::size(memlimit)), memlimit.into());
    }
    if fwmark != 0 {
        o.text(&format!("fwmark {fwmark:#x} "));
    }
    o.str("fwmark", "", &crate::ipjson::alt_hex(fwmark.into()));
}

/// The rows of cake's tin table: attribute, text label, how a value prints.
const CAKE_TIN_ROWS: [(u16, &str, TinCell); 19] = [
    (13, "  target  ", TinCell::Time),
    (14, "  interval", TinCell::Time),
    (18, "  pk_delay", TinCell::Time),
    (19, "  av_delay", TinCell::Time),
    (20, "  sp_delay", TinCell::Time),
    (11, "  backlog ", TinCell::Size),
    (2, "  pkts    ", TinCell::Num),
    (3, "  bytes   ", TinCell::Num),
    (15, "  way_inds", TinCell::Num),
    (16, "  way_miss", TinCell::Num),
    (17, "  way_cols", TinCell::Num),
    (4, "  drops   ", TinCell::Num),
    (8, "  marks   ", TinCell::Num),
    (6, "  ack_drop", TinCell::Num),
    (21, "  sp_flows", TinCell::Num),
    (22, "  bk_flows", TinCell::Num),
    (23, "  un_flows", TinCell::Num),
    (24, "  max_len ", TinCell::Num),
    (25, "  quantum ", TinCell::Num),
];

/// How a value of cake's tin table prints.
#[derive(Clone, Copy)]
enum TinCell {
    Time,
    Size,
    Num,
}

/// The JSON keys of a tin, in tc's order.
const CAKE_TIN_KEYS: [(u16, &str); 20] = [
    (12, "threshold_rate"),
    (3, "sent_bytes"),
    (11, "backlog_bytes"),
    (13, "target_us"),
    (14, "interval_us"),
    (18, "peak_delay_us"),
    (19, "avg_delay_us"),
    (20, "base_delay_us"),
    (2, "sent_packets"),
    (15, "way_indirect_hits"),
    (16, "way_misses"),
    (17, "way_collisions"),
    (4, "drops"),
    (8, "ecn_mark"),
    (6, "ack_drops"),
    (21, "sparse_flows"),
    (22, "bulk_flows"),
    (23, "unresponsive_flows"),
    (24, "max_pkt_len"),
    (25, "flow_quantum"),
];

/// A tin's values by attribute id (the first of a repeated one).
fn cake_tin(n: &rtnl_core::typed::Nest<'_, rtnl_core::wire::NativeEndian, CakeTinStatsAttr<'_>>) -> [Option<u64>; 26] {
    use CakeTinStatsAttr as T;
    let mut v = [None; 26];
    for a in first_wins(n.iter().flatten()) {
        let (id, x) = match a {
            T::SentPackets(x) => (2, x.into()),
            T::SentBytes64(x) => (3, x),
            T::DroppedPackets(x) => (4, x.into()),
            T::DroppedBytes64(x) => (5, x),
            T::AcksDroppedPackets(x) => (6, x.into()),
            T::AcksDroppedBytes64(x) => (7, x),
            T::EcnMarkedPackets(x) => (8, x.into()),
            T::EcnMarkedBytes64(x) => (9, x),
            T::BacklogPackets(x) => (10, x.into()),
            T::BacklogBytes(x) => (11, x.into()),
            T::ThresholdRate64(x) => (12, x),
            T::TargetUs(x) => (13, x.into()),
            T::IntervalUs(x) => (14, x.into()),
            T::WayIndirectHits(x) => (15, x.into()),
            T::WayMisses(x) => (16, x.into()),
            T::WayCollisions(x) => (17, x.into()),
            T::PeakDelayUs(x) => (18, x.into()),
            T::AvgDelayUs(x) => (19, x.into()),
            T::BaseDelayUs(x) => (20, x.into()),
            T::SparseFlows(x) => (21, x.into()),
            T::BulkFlows(x) => (22, x.into()),
            T::UnresponsiveFlows(x) => (23, x.into()),
            T::MaxSkblen(x) => (24, x.into()),
            T::FlowQuantum(x) => (25, x.into()),
            _ => continue,
        };
        v[id] = Some(x);
    }
    v
}

/// `cake_print_xstats`: a qdisc's (with its tins) or a flow's.
pub(crate) fn cake_xstats<'a>(o: &mut Out, attrs: impl Iterator<Item = CakeStatsAttr<'a>>) {
    use CakeStatsAttr as S;
    let mut st: [Option<u64>; 18] = [None; 18];
    let mut tins = None;
    for a in first_wins(attrs) {
        let (id, x) = match a {
            S::CapacityEstimate64(x) => (2, x),
            S::MemoryLimit(x) => (3, x.into()),
            S::MemoryUsed(x) => (4, x.into()),
            S::AvgNetoff(x) => (5, x.into()),
            S::MinNetlen(x) => (6, x.into()),
            S::MaxNetlen(x) => (7, x.into()),
            S::MinAdjlen(x) => (8, x.into()),
            S::MaxAdjlen(x) => (9, x.into()),
            S::TinStats(t) => {
                tins = Some(t);
                continue;
            }
            // the signed ones as their 32 bits
            S::Deficit(x) => (11, u64::from(x as u32)),
            S::CobaltCount(x) => (12, x.into()),
            S::Dropping(x) => (13, x.into()),
            S::DropNextUs(x) => (14, u64::from(x as u32)),
            S::PDrop(x) => (15, x.into()),
            S::BlueTimerUs(x) => (16, u64::from(x as u32)),
            _ => continue,
        };
        st[id] = Some(x);
    }
    let u32_of = |x: u64| x as u32;
    if let (Some(used), Some(limit)) = (st[4], st[3]) {
        o.text(&format!(" memory used: {} of {}\n", u::size(u32_of(used)), u::size(u32_of(limit))));
        o.num("memory_used", "", used);
        o.num("memory_limit", "", limit);
    }
    if let Some(c) = st[2] {
        o.num("capacity_estimate", &format!(" capacity estimate: {}\n", u::rate(c)), c);
    }
    if let (Some(min), Some(max)) = (st[6], st[7]) {
        o.num("min_network_size", &format!(" min/max network layer size: {min:12}"), min);
        o.num("max_network_size", &format!(" /{max:8}\n"), max);
    }
    if let (Some(min), Some(max)) = (st[8], st[9]) {
        o.num("min_adj_size", &format!(" min/max overhead-adjusted size: {min:8}"), min);
        o.num("max_adj_size", &format!(" /{max:8}\n"), max);
    }
    if let Some(v) = st[5] {
        o.num("avg_hdr_offset", &format!(" average network hdr offset: {v:12}\n\n"), v);
    }
    if let Some(d) = st[11] {
        let d = u32_of(d) as i32;
        o.inum("deficit", &format!("  deficit {d}"), d.into());
    }
    if let Some(c) = st[12] {
        o.num("count", &format!(" count {c}"), c);
    }
    if st[13].is_some_and(|d| d != 0) {
        o.lit("dropping", " dropping", "true");
        if let Some(n) = st[14] {
            let n = u32_of(n) as i32;
            if n < 0 {
                o.text(&format!(" drop_next -{}", u::time(n.unsigned_abs())));
            } else {
                o.num("drop_next", &format!(" drop_next {}", u::time(n as u32)), n as u64);
            }
        }
    }
    if let Some(p) = st[15] {
        o.num("blue_prob", &format!(" blue_prob {p}"), p);
        if let Some(t) = st[16] {
            let t = u32_of(t);
            if (t as i32) < 0 {
                // (tc prints the negative value as unsigned)
                o.text(&format!(" blue_timer -{}", u::time(t)));
            } else {
                o.num("blue_timer", &format!(" blue_timer {}", u::time(t)), t.into());
            }
        }
    }
    let Some(tins) = tins else { return };
    // tins 1, 2, … as long as they run on (the first of a repeated one)
    let mut by_id: [Option<[Option<u64>; 26]>; 9] = [None; 9];
    for (id, t) in first_wins(tins.iter().flatten()) {
        if let (Some(slot), Ok(t)) = (by_id.get_mut(id as usize), t) {
            *slot = Some(cake_tin(&t));
        }
    }
    let tins: Vec<[Option<u64>; 26]> = by_id[1..].iter().map_while(|t| *t).collect();
    if tins.is_empty() {
        return;
    }
    if o.json {
        let items: Vec<Out> = tins
            .iter()
            .map(|t| {
                let mut x = Out::new(true);
                for (id, key) in CAKE_TIN_KEYS {
                    if let Some(v) = t[id as usize] {
                        x.num(key, "", v);
                    }
                }
                x
            })
            .collect();
        return o.objects("tins", &items);
    }
    match tins.len() {
        3 => o.text("                   Bulk  Best Effort        Voice\n"),
        4 => o.text("                   Bulk  Best Effort        Video        Voice\n"),
        n => {
            o.text("          ");
            for i in 0..n {
                o.text(&format!("        Tin {i}"));
            }
            o.text("\n");
        }
    }
    // (tc looks at the first tin for each row; a tin without it prints 0)
    let row = |o: &mut Out, id: u16, label: &str, cell: &dyn Fn(u64) -> String| {
        if tins[0][id as usize].is_some() {
            o.text(label);
            for t in &tins {
                o.text(&format!(" {:>12}", cell(t[id as usize].unwrap_or(0))));
            }
            o.text("\n");
        }
    };
    row(o, 12, "  thresh  ", &|v| u::rate(v));
    for (id, label, cell) in CAKE_TIN_ROWS {
        match cell {
            TinCell::Time => row(o, id, label, &|v| u::time(v as u32)),
            TinCell::Size => row(o, id, label, &|v| u::size(v as u32)),
            TinCell::Num => row(o, id, label, &|v| v.to_string()),
        }
    }
}

/// `fq_print_xstats` (a struct shorter than tc's reads as zeros beyond its
/// end).
pub(crate) fn fq_xstats(o: &mut Out, s: &Grown<'_, TcFqQdStats>) {
    let s = s.get();
    let n = |o: &mut Out, key: &str, text: &str, v: u64| o.num(key, &format!("{text} {v}"), v);
    n(o, "flows", "  flows", s.flows.get().into());
    n(o, "inactive", " (inactive", s.inactive_flows.get().into());
    o.num("throttled", &format!(" throttled {})", s.throttled_flows.get()), s.throttled_flows.get().into());
    let next = s.time_next_delayed_flow.get();
    if next > 0 {
        o.num("next_packet_delay", &format!(" next_packet_delay {}", u::time64(next)), next as u64);
    }
    o.text("\n");
    n(o, "gc", "  gc", s.gc_flows.get());
    n(o, "highprio", " highprio", s.highprio_packets.get());
    if s.tcp_retrans.get() != 0 {
        n(o, "retrans", " retrans", s.tcp_retrans.get());
    }
    n(o, "throttled", " throttled", s.throttled.get());
    let lat = s.unthrottle_latency_ns.get();
    if lat != 0 {
        o.num("latency", &format!(" latency {}", u::time64(lat.into())), lat.into());
    }
    if s.ce_mark.get() != 0 {
        n(o, "ce_mark", " ce_mark", s.ce_mark.get());
    }
    if s.flows_plimit.get() != 0 {
        n(o, "flows_plimit", " flows_plimit", s.flows_plimit.get());
    }
    let (long, alloc, hdrops, hcaps) =
        (s.pkts_too_long.get(), s.allocation_errors.get(), s.horizon_drops.get(), s.horizon_caps.get());
    if long != 0 || alloc != 0 || hdrops != 0 || hcaps != 0 {
        o.text("\n");
        for (key, text, v) in [
            ("pkts_too_long", " pkts_too_long", long),
            ("alloc_errors", " alloc_errors", alloc),
            ("horizon_drops", " horizon_drops", hdrops),
            ("horizon_caps", "  horizon_caps", hcaps),
        ] {
            if v != 0 {
                n(o, key, text, v);
            }
        }
    }
}

/// codel's, pie's and fq_pie's options in the order their printers print
/// them; each as tc 6.1 prints it.
#[derive(Default)]
struct Aqm {
    limit: Option<u32>,
    flows: Option<u32>,
    target: Option<u32>,
    ce_threshold: Option<u32>,
    interval: Option<u32>,
    tupdate: Option<u32>,
    alpha: Option<u32>,
    beta: Option<u32>,
    quantum: Option<u32>,
    memory_limit: Option<u32>,
    ecn_prob: Option<u32>,
    ecn: bool,
    bytemode: bool,
    dq_rate_estimator: bool,
}

impl Aqm {
    fn print(&self, o: &mut Out) {
        if let Some(v) = self.limit {
            o.num("limit", &format!("limit {v}p "), v.into());
        }
        opt(o, "flows", self.flows, |v| v.to_string());
        opt(o, "target", self.target, u::time);
        opt(o, "ce_threshold", self.ce_threshold, u::time);
        opt(o, "interval", self.interval, u::time);
        opt(o, "tupdate", self.tupdate, u::time);
        opt(o, "alpha", self.alpha, |v| v.to_string());
        opt(o, "beta", self.beta, |v| v.to_string());
        opt(o, "quantum", self.quantum, u::size);
        opt(o, "memory_limit", self.memory_limit, u::size);
        opt(o, "ecn_prob", self.ecn_prob, |v| v.to_string());
        for (key, on) in [("ecn", self.ecn), ("bytemode", self.bytemode), ("dq_rate_estimator", self.dq_rate_estimator)]
        {
            if on {
                o.lit(key, &format!("{key} "), "true");
            }
        }
    }
}

/// `hhf_print_opt`.
pub(crate) fn hhf<'a>(o: &mut Out, attrs: impl Iterator<Item = HhfAttr<'a>>) {
    let (mut limit, mut quantum, mut hh_limit, mut reset, mut admit, mut evict, mut weight) =
        (None, None, None, None, None, None, None);
    for a in first_wins(attrs) {
        match a {
            HhfAttr::BacklogLimit(v) => limit = Some(v),
            HhfAttr::Quantum(v) => quantum = Some(v),
            HhfAttr::HhFlowsLimit(v) => hh_limit = Some(v),
            HhfAttr::ResetTimeout(v) => reset = Some(v),
            HhfAttr::AdmitBytes(v) => admit = Some(v),
            HhfAttr::EvictTimeout(v) => evict = Some(v),
            HhfAttr::NonHhWeight(v) => weight = Some(v),
            _ => {}
        }
    }
    if let Some(v) = limit {
        o.num("limit", &format!("limit {v}p "), v.into());
    }
    opt(o, "quantum", quantum, u::size);
    opt(o, "hh_limit", hh_limit, |v| v.to_string());
    opt(o, "reset_timeout", reset, u::time);
    opt(o, "admit_bytes", admit, u::size);
    opt(o, "evict_timeout", evict, u::time);
    opt(o, "non_hh_weight", weight, |v| v.to_string());
}

/// `key VALUE ` when the option is present, the value as `show` writes it
/// (`%u`, `sprint_time`'s [`u::time`], `print_size`'s
/// [`u::size`]).
fn opt(o: &mut Out, key: &str, v: Option<u32>, show: fn(u32) -> String) {
    if let Some(v) = v {
        o.num(key, &format!("{key} {} ", show(v)), v.into());
    }
}

/// `hhf_print_xstats` (which prints nothing of a struct shorter than its
/// own).
pub(crate) fn hhf_xstats(o: &mut Out, x: &Grown<'_, TcHhfXstats>) {
    if x.bytes().len() < core::mem::size_of::<TcHhfXstats>() {
        return;
    }
    let s = x.get();
    counters(
        o,
        &[
            ("drop_overlimit", "  drop_overlimit", s.drop_overlimit.get()),
            ("hh_overlimit", " hh_overlimit", s.hh_overlimit.get()),
            ("tot_hh", " tot_hh", s.hh_tot_count.get()),
            ("cur_hh", " cur_hh", s.hh_cur_count.get()),
        ],
    );
}

/// `codel_print_opt`.
pub(crate) fn codel<'a>(o: &mut Out, attrs: impl Iterator<Item = CodelAttr<'a>>) {
    let mut p = Aqm::default();
    for a in first_wins(attrs) {
        match a {
            CodelAttr::Limit(v) => p.limit = Some(v),
            CodelAttr::Target(v) => p.target = Some(v),
            CodelAttr::CeThreshold(v) => p.ce_threshold = Some(v),
            CodelAttr::Interval(v) => p.interval = Some(v),
            CodelAttr::Ecn(v) => p.ecn = v != 0,
            _ => {}
        }
    }
    p.print(o);
}

/// `pie_print_opt`.
pub(crate) fn pie<'a>(o: &mut Out, attrs: impl Iterator<Item = PieAttr<'a>>) {
    let mut p = Aqm::default();
    for a in first_wins(attrs) {
        match a {
            PieAttr::Limit(v) => p.limit = Some(v),
            PieAttr::Target(v) => p.target = Some(v),
            PieAttr::Tupdate(v) => p.tupdate = Some(v),
            PieAttr::Alpha(v) => p.alpha = Some(v),
            PieAttr::Beta(v) => p.beta = Some(v),
            PieAttr::Ecn(v) => p.ecn = v != 0,
            PieAttr::Bytemode(v) => p.bytemode = v != 0,
            PieAttr::DqRateEstimator(v) => p.dq_rate_estimator = v != 0,
            _ => {}
        }
    }
    p.print(o);
}

/// `fq_pie_print_opt`.
pub(crate) fn fq_pie<'a>(o: &mut Out, attrs: impl Iterator<Item = FqPieAttr<'a>>) {
    let mut p = Aqm::default();
    for a in first_wins(attrs) {
        match a {
            FqPieAttr::Limit(v) => p.limit = Some(v),
            FqPieAttr::Flows(v) => p.flows = Some(v),
            FqPieAttr::Target(v) => p.target = Some(v),
            FqPieAttr::Tupdate(v) => p.tupdate = Some(v),
            FqPieAttr::Alpha(v) => p.alpha = Some(v),
            FqPieAttr::Beta(v) => p.beta = Some(v),
            FqPieAttr::Quantum(v) => p.quantum = Some(v),
            FqPieAttr::MemoryLimit(v) => p.memory_limit = Some(v),
            FqPieAttr::EcnProb(v) => p.ecn_prob = Some(v),
            FqPieAttr::Ecn(v) => p.ecn = v != 0,
            FqPieAttr::Bytemode(v) => p.bytemode = v != 0,
            FqPieAttr::DqRateEstimator(v) => p.dq_rate_estimator = v != 0,
            _ => {}
        }
    }
    p.print(o);
}

/// `u32` counters, each `{text} {value}` (`print_uint(PRINT_ANY, …)`).
fn counters(o: &mut Out, fields: &[(&str, &str, u32)]) {
    for &(key, text, v) in fields {
        o.num(key, &format!("{text} {v}"), v.into());
    }
}

/// codel's signed time to the next drop (negative when overdue).
fn drop_next(o: &mut Out, next: i32) {
    let sign = if next < 0 { "-" } else { "" };
    o.inum("drop_next", &format!(" drop_next {sign}{}", u::time(next.unsigned_abs())), next.into());
}

/// `codel_print_xstats` (a shorter struct is read zero-filled, as tc does).
pub(crate) fn codel_xstats(o: &mut Out, x: &Grown<'_, TcCodelXstats>) {
    let s = x.get();
    counters(o, &[("count", "  count", s.count.get()), ("lastcount", " lastcount", s.lastcount.get())]);
    o.num("ldelay", &format!(" ldelay {}", u::time(s.ldelay.get())), s.ldelay.get().into());
    if s.dropping.get() != 0 {
        o.lit("dropping", " dropping", "true");
    }
    drop_next(o, s.drop_next.get());
    o.text("\n");
    counters(
        o,
        &[
            ("maxpacket", "  maxpacket", s.maxpacket.get()),
            ("ecn_mark", " ecn_mark", s.ecn_mark.get()),
            ("drop_overlimit", " drop_overlimit", s.drop_overlimit.get()),
        ],
    );
    if s.ce_mark.get() != 0 {
        counters(o, &[("ce_mark", " ce_mark", s.ce_mark.get())]);
    }
}

/// `pie_print_xstats` (which prints nothing of a struct shorter than its
/// own).
pub(crate) fn pie_xstats(o: &mut Out, x: &Grown<'_, TcPieXstats>) {
    if x.bytes().len() < core::mem::size_of::<TcPieXstats>() {
        return;
    }
    let s = x.get();
    // the drop probability is a fraction of u64::MAX
    let prob = s.prob.get() as f64 / u64::MAX as f64;
    float(o, "prob", &format!("  prob {}", float_g(prob)), prob);
    o.num("delay", &format!(" delay {}", u::time(s.delay.get())), s.delay.get().into());
    if s.dq_rate_estimating.get() != 0 {
        counters(o, &[("avg_dq_rate", " avg_dq_rate", s.avg_dq_rate.get())]);
    }
    o.text("\n");
    counters(
        o,
        &[
            ("pkts_in", "  pkts_in", s.packets_in.get()),
            ("overlimit", " overlimit", s.overlimit.get()),
            ("dropped", " dropped", s.dropped.get()),
            ("maxq", " maxq", s.maxq.get()),
            ("ecn_mark", " ecn_mark", s.ecn_mark.get()),
        ],
    );
}

/// `fq_pie_print_xstats` (a shorter struct is read zero-filled, as tc
/// does).
pub(crate) fn fq_pie_xstats(o: &mut Out, x: &Grown<'_, TcFqPieXstats>) {
    let s = x.get();
    counters(
        o,
        &[
            ("pkts_in", "  pkts_in", s.packets_in.get()),
            ("overlimit", " overlimit", s.overlimit.get()),
            ("overmemory", " overmemory", s.overmemory.get()),
            ("dropped", " dropped", s.dropped.get()),
            ("ecn_mark", " ecn_mark", s.ecn_mark.get()),
        ],
    );
    o.text("\n");
    counters(
        o,
        &[
            ("new_flow_count", "  new_flow_count", s.new_flow_count.get()),
            ("new_flows_len", " new_flows_len", s.new_flows_len.get()),
            ("old_flows_len", " old_flows_len", s.old_flows_len.get()),
            ("memory_used", " memory_used", s.memory_usage.get()),
        ],
    );
}
