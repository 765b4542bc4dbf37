//! The options of the actions vlan, skbedit, tunnel_key and police, printed
//! as tc 6.1's `print_aopt` of each prints them (text and `-j`); gact and
//! mirred are in tcfilter.rs.

use rtnl_core::tc::action::{
    ErspanOptAttr, GeneveOptAttr, PoliceAttr, SkbeditAttr, TcGen, Tcft, TunnelKeyAttr, TunnelKeyEncOptsAttr, VlanAttr,
    VxlanOptAttr, SKBEDIT_F_INHERITDSFIELD,
};

use crate::ipjson::{hex_bytes as hex, mac_text, Out};
use crate::tc::Ctx;
use crate::tcfilter::{control, gen_counts, proto_n2a, times};
use crate::tcunits as u;

/// The first attribute of variant `$v` in `$a` (tc 6.1's `parse_rtattr`
/// keeps the first of a type in `tb[]`).
macro_rules! get {
    ($a:expr, $e:ident :: $v:ident) => {
        $a.iter().find_map(|x| if let $e::$v(v) = x { Some(v) } else { None })
    };
}

/// What the printers of actions with a `tc_gen` end with: the verdict, the
/// index and counts, and with `-s` the times.
fn gen_tail(o: &mut Out, p: &TcGen, tm: Option<&Tcft>, c: &Ctx<'_>) {
    control(o, " ", p.action.get(), "");
    o.text("\n");
    gen_counts(o, p.index.get(), p.refcnt.get(), p.bindcnt.get(), "\t index");
    if let (true, Some(tm)) = (c.stats, tm) {
        times(o, tm);
    }
    o.text("\n");
}

/// `print_vlan`.
pub(crate) fn vlan(o: &mut Out, a: &[VlanAttr<'_>], c: &Ctx<'_>) {
    o.str("kind", "vlan ", "vlan");
    let Some(p) = get!(a, VlanAttr::Parms) else {
        eprintln!("Missing vlan parameters");
        return;
    };
    let act = p.v_action.get();
    let name = ["", "pop", "push", "modify", "pop_eth", "push_eth"].get(act as usize).copied().unwrap_or("");
    o.str("vlan_action", &format!(" {name}"), name);
    match act {
        2 | 3 => {
            if let Some(id) = get!(a, VlanAttr::PushVlanId) {
                o.num("id", &format!(" id {id}"), (*id).into());
            }
            if let Some(pr) = get!(a, VlanAttr::PushVlanProtocol) {
                let n = proto_n2a(pr.0);
                o.str("protocol", &format!(" protocol {n}"), &n);
            }
            if let Some(pr) = get!(a, VlanAttr::PushVlanPriority) {
                o.num("priority", &format!(" priority {pr}"), (*pr).into());
            }
        }
        5 => {
            for (key, m) in [("dst_mac", get!(a, VlanAttr::PushEthDst)), ("src_mac", get!(a, VlanAttr::PushEthSrc))] {
                if let Some(m) = m.filter(|m| m.0.len() == 6) {
                    let s = mac_text(m.0);
                    o.str(key, &format!(" {key} {s}"), &s);
                }
            }
        }
        _ => {}
    }
    gen_tail(o, &p.gen, get!(a, VlanAttr::Tm), c);
}

/// `print_skbedit`.
pub(crate) fn skbedit(o: &mut Out, a: &[SkbeditAttr<'_>], c: &Ctx<'_>) {
    o.str("kind", "skbedit ", "skbedit");
    let Some(p) = get!(a, SkbeditAttr::Parms) else {
        eprintln!("Missing skbedit parameters");
        return;
    };
    if let Some(q) = get!(a, SkbeditAttr::QueueMapping) {
        o.num("queue_mapping", &format!("queue_mapping {q}"), (*q).into());
    }
    if let Some(pr) = get!(a, SkbeditAttr::Priority) {
        let s = pr.to_string();
        o.str("priority", &format!(" priority {s}"), &s);
    }
    if let Some(m) = get!(a, SkbeditAttr::Mark) {
        o.num("mark", &format!(" mark {m}"), (*m).into());
    }
    if let Some(m) = get!(a, SkbeditAttr::Mask) {
        // print_hex: "%x" in JSON
        o.str("mask", &format!("/{}", crate::ipjson::alt_hex((*m).into())), &format!("{m:x}"));
    }
    if let Some(t) = get!(a, SkbeditAttr::Ptype) {
        match ["host", "broadcast", "multicast", "otherhost"].get(usize::from(*t)) {
            Some(n) => o.str("ptype", &format!(" ptype {n}"), n),
            None => o.num("ptype", &format!(" ptype {t}"), (*t).into()),
        }
    }
    if get!(a, SkbeditAttr::Flags).is_some_and(|f| f & SKBEDIT_F_INHERITDSFIELD != 0) {
        o.lit("inheritdsfield", " inheritdsfield", "null");
    }
    gen_tail(o, p, get!(a, SkbeditAttr::Tm), c);
}

/// `print_tunnel_key`.
pub(crate) fn tunnel_key(o: &mut Out, a: &[TunnelKeyAttr<'_>], c: &Ctx<'_>) {
    o.str("kind", "tunnel_key ", "tunnel_key");
    let Some(p) = get!(a, TunnelKeyAttr::Parms) else {
        eprintln!("Missing tunnel_key parameters");
        return;
    };
    match p.t_action.get() {
        2 => o.str("mode", " unset", "unset"),
        1 => {
            o.str("mode", " set", "set");
            let ip = |o: &mut Out, key: &str, v: String| {
                o.text("\n");
                o.str(key, &format!("\t{key} {v}"), &v);
            };
            if let Some(x) = get!(a, TunnelKeyAttr::EncIpv4Src) {
                ip(o, "src_ip", x.to_string());
            }
            if let Some(x) = get!(a, TunnelKeyAttr::EncIpv4Dst) {
                ip(o, "dst_ip", x.to_string());
            }
            if let Some(x) = get!(a, TunnelKeyAttr::EncIpv6Src) {
                ip(o, "src_ip", x.to_string());
            }
            if let Some(x) = get!(a, TunnelKeyAttr::EncIpv6Dst) {
                ip(o, "dst_ip", x.to_string());
            }
            if let Some(k) = get!(a, TunnelKeyAttr::EncKeyId) {
                o.text("\n");
                o.num("key_id", &format!("\tkey_id {}", k.0), k.0.into());
            }
            if let Some(p) = get!(a, TunnelKeyAttr::EncDstPort) {
                o.text("\n");
                o.num("dst_port", &format!("\tdst_port {}", p.0), p.0.into());
            }
            if let Some(opts) = get!(a, TunnelKeyAttr::EncOpts) {
                enc_opts(o, &opts.iter().flatten().collect::<Vec<_>>());
            }
            if let Some(f) = get!(a, TunnelKeyAttr::NoCsum) {
                let w = if *f != 0 { "nocsum" } else { "csum" };
                o.text("\n");
                o.str("flag", &format!("\t{w}"), w);
            }
            if let Some(t) = get!(a, TunnelKeyAttr::EncTos).filter(|t| **t != 0) {
                o.text("\n");
                o.num("tos", &format!("\ttos {t:#x}"), (*t).into());
            }
            if let Some(t) = get!(a, TunnelKeyAttr::EncTtl).filter(|t| **t != 0) {
                o.text("\n");
                o.num("ttl", &format!("\tttl {t}"), (*t).into());
            }
        }
        _ => {}
    }
    gen_tail(o, &p.gen, get!(a, TunnelKeyAttr::Tm), c);
}

/// `tunnel_key_print_key_opt`: geneve, else vxlan, else erspan options.
fn enc_opts(o: &mut Out, a: &[TunnelKeyEncOptsAttr<'_>]) {
    if let Some(g) = get!(a, TunnelKeyEncOptsAttr::Geneve) {
        // (each option is a class, a type and data, in that order)
        let all: Vec<_> = g.iter().flatten().collect();
        let mut opts = Vec::new();
        for chunk in all.chunks(3) {
            let class = get!(chunk, GeneveOptAttr::Class).map_or(0, |c| c.0);
            let ty = get!(chunk, GeneveOptAttr::Type).copied().unwrap_or(0);
            let data = get!(chunk, GeneveOptAttr::Data).map_or(&[][..], |d| d.0);
            opts.push((class, ty, data));
        }
        o.text("\n");
        o.text("\tgeneve_opts ");
        let mut items = Vec::new();
        let text: Vec<String> = opts.iter().map(|(c, t, d)| format!("{c:04x}:{t:02x}:{}", hex(d))).collect();
        for (class, ty, data) in &opts {
            let mut x = Out::new(true);
            x.num("class", "", (*class).into());
            x.num("type", "", (*ty).into());
            x.nums("data", &data.iter().map(|b| u64::from(*b)).collect::<Vec<_>>());
            items.push(x);
        }
        if o.json {
            o.objects("geneve_opts", &items);
        } else {
            o.text(&text.join(","));
        }
    } else if let Some(v) = get!(a, TunnelKeyEncOptsAttr::Vxlan) {
        let all: Vec<_> = v.iter().flatten().collect();
        let gbp = get!(all, VxlanOptAttr::Gbp).copied().unwrap_or(0);
        o.text("\n\tvxlan_opts ");
        let mut x = Out::new(o.json);
        x.num("gbp", &gbp.to_string(), gbp.into());
        opt_list(o, "vxlan_opts", x);
    } else if let Some(e) = get!(a, TunnelKeyEncOptsAttr::Erspan) {
        let all: Vec<_> = e.iter().flatten().collect();
        let ver = get!(all, ErspanOptAttr::Ver).copied().unwrap_or(0);
        let (idx, dir, hwid) = if ver == 1 {
            (get!(all, ErspanOptAttr::Index).map_or(0, |i| i.0), 0, 0)
        } else {
            (
                0,
                get!(all, ErspanOptAttr::Dir).copied().unwrap_or(0),
                get!(all, ErspanOptAttr::Hwid).copied().unwrap_or(0),
            )
        };
        o.text("\n\terspan_opts ");
        let mut x = Out::new(o.json);
        x.num("ver", &ver.to_string(), ver.into());
        x.num("index", &format!(":{idx}"), idx.into());
        x.num("dir", &format!(":{dir}"), dir.into());
        x.num("hwid", &format!(":{hwid}"), hwid.into());
        opt_list(o, "erspan_opts", x);
    }
}

/// One object in a JSON array `key`, or its text.
fn opt_list(o: &mut Out, key: &str, x: Out) {
    if o.json {
        o.objects(key, &[x]);
    } else {
        o.text(&x.s);
    }
}

/// `print_police`.
pub(crate) fn police(o: &mut Out, a: &[PoliceAttr<'_>], c: &Ctx<'_>) {
    o.str("kind", "", "police");
    let Some(p) = get!(a, PoliceAttr::Tbf) else {
        eprint!("[NULL police tbf]");
        return;
    };
    let rate64 = get!(a, PoliceAttr::Rate64).copied().unwrap_or(p.rate.rate.get().into());
    let index = p.index.get();
    o.num("index", &format!(" police {index:#x} "), index.into());
    o.text(&format!("rate {} ", u::rate(rate64)));
    let buffer = c.clock.xmitsize(rate64, p.burst.get());
    o.text(&format!("burst {} ", u::size(buffer)));
    o.text(&format!("mtu {} ", u::size(p.mtu.get())));
    let prate64 = get!(a, PoliceAttr::Peakrate64).copied().unwrap_or(p.peakrate.rate.get().into());
    if prate64 != 0 {
        o.text(&format!("peakrate {} ", u::rate(prate64)));
    }
    if let Some(av) = get!(a, PoliceAttr::Avrate) {
        o.text(&format!("avrate {} ", u::rate((*av).into())));
    }
    if let (Some(pps), Some(burst)) = (get!(a, PoliceAttr::Pktrate64), get!(a, PoliceAttr::Pktburst64)) {
        let burst = c.clock.xmitsize(*pps, *burst as u32);
        o.num("pkts_rate", &format!("pkts_rate {pps} "), *pps);
        o.num("pkts_burst", &format!("pkts_burst {burst} "), burst.into());
    }
    control(o, "action ", p.action.get(), "");
    match get!(a, PoliceAttr::Result) {
        Some(r) => control(o, "/", *r, " "),
        None => o.text(" "),
    }
    let oh = u32::from(p.rate.overhead.get());
    o.num("overhead", &format!("overhead {} ", u::size(oh)), oh.into());
    let ll = p.rate.linklayer & u::LINKLAYER_MASK;
    if ll > u::LINKLAYER_ETHERNET || c.details {
        let n = u::linklayer_name(ll);
        o.str("linklayer", &format!("linklayer {n} "), n);
    }
    o.text("\n");
    o.inum("ref", &format!("\tref {} ", p.refcnt.get()), p.refcnt.get().into());
    o.inum("bind", &format!("bind {} ", p.bindcnt.get()), p.bindcnt.get().into());
    if c.stats {
        if let Some(tm) = get!(a, PoliceAttr::Tm) {
            times(o, tm);
        }
    }
    o.text("\n");
}
