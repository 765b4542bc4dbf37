//! Every capture in testdata/ decodes with no error and re-encodes byte for
//! byte; and the decoded values are the ones the capture script set up.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use rtnl_core::message::{Message, RtnlMessage};
use rtnl_core::net::Address;
use rtnl_core::route::{MetricAttr, RouteAttr, RouteMessage, RouteTable, RouteType};
use rtnl_core::wire::{Messages, NativeEndian};
use rtnl_tests::{golden_files, testdata};

fn read(name: &str) -> Vec<u8> {
    std::fs::read(testdata().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_capture_decodes_strictly_and_reencodes_byte_exact() {
    let files = golden_files();
    assert!(files.len() >= 7, "expected the golden captures, found {files:?}");
    let mut total = 0;
    for f in &files {
        let data = std::fs::read(f).unwrap();
        let mut n = 0;
        for m in Messages::<NativeEndian>::with_order(&data) {
            let raw = m.unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            let msg = Message::decode(raw);
            assert_eq!(msg.first_error(), None, "{} at {}", f.display(), raw.offset());
            assert!(!matches!(msg.body(), RtnlMessage::Raw(_) | RtnlMessage::Invalid(..)), "{}", f.display());
            let again = rtnl_io::reencode(raw).unwrap();
            assert_eq!(again, raw.bytes(), "{} message at byte {} differs", f.display(), raw.offset());
            n += 1;
        }
        assert!(n > 0, "{} holds no message", f.display());
        total += n;
    }
    assert!(total > 50);
}

fn routes(data: &[u8]) -> Vec<RouteMessage<'_>> {
    Messages::new(data)
        .map(|m| Message::decode(m.unwrap()))
        .filter_map(|m| match m.body() {
            RtnlMessage::Route(r) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

fn dst(r: &RouteMessage<'_>) -> Option<IpAddr> {
    r.attrs().flatten().find_map(|a| match a {
        RouteAttr::Dst(Address::V4(a)) => Some(IpAddr::V4(a)),
        RouteAttr::Dst(Address::V6(a)) => Some(IpAddr::V6(a)),
        _ => None,
    })
}

fn find<'a>(rs: &'a [RouteMessage<'a>], d: IpAddr) -> &'a RouteMessage<'a> {
    rs.iter().find(|r| dst(r) == Some(d)).unwrap_or_else(|| panic!("no route to {d}"))
}

#[test]
fn ipv4_dump_values() {
    let data = read("route-v4.bin");
    let rs = routes(&data);
    // multipath: two hops, weights 1 and 3, gateways .2 and .3
    let mp = find(&rs, Ipv4Addr::new(10, 2, 0, 0).into());
    let hops: Vec<_> = mp
        .attrs()
        .flatten()
        .find_map(|a| if let RouteAttr::Multipath(m) = a { Some(m) } else { None })
        .unwrap()
        .hops()
        .map(Result::unwrap)
        .collect();
    assert_eq!(hops.iter().map(|h| h.weight()).collect::<Vec<_>>(), [1, 3]);
    let gws: Vec<_> = hops
        .iter()
        .map(|h| h.attrs().flatten().find_map(|a| if let RouteAttr::Gateway(g) = a { Some(g) } else { None }))
        .collect();
    assert_eq!(gws, [Some(Address::V4(Ipv4Addr::new(10, 9, 0, 2))), Some(Address::V4(Ipv4Addr::new(10, 9, 0, 3)))]);
    // metrics: lock mtu 1400, advmss 1360, hoplimit 32, initcwnd 10, congctl cubic
    let m = find(&rs, Ipv4Addr::new(10, 3, 0, 0).into());
    let metrics: Vec<MetricAttr<'_>> = m
        .attrs()
        .flatten()
        .find_map(|a| if let RouteAttr::Metrics(n) = a { Some(n) } else { None })
        .unwrap()
        .iter()
        .map(Result::unwrap)
        .collect();
    for want in [
        MetricAttr::Lock(1 << 2),
        MetricAttr::Mtu(1400),
        MetricAttr::AdvMss(1360),
        MetricAttr::HopLimit(32),
        MetricAttr::InitCwnd(10),
        MetricAttr::CcAlgo("cubic"),
    ] {
        assert!(metrics.contains(&want), "{want:?} missing from {metrics:?}");
    }
    // an IPv6 gateway for an IPv4 route: RTA_VIA
    let via = find(&rs, Ipv4Addr::new(10, 4, 0, 0).into());
    assert!(via.attrs().flatten().any(|a| matches!(a, RouteAttr::Via(v)
        if v.family == 10 && v.addr == Address::V6("fd00:9::2".parse().unwrap()))));
    // types, tables above 255, metric
    assert_eq!(find(&rs, Ipv4Addr::new(10, 5, 0, 0).into()).header().kind(), RouteType::BLACKHOLE);
    let unr = find(&rs, Ipv4Addr::new(10, 6, 0, 0).into());
    assert_eq!(unr.header().kind(), RouteType::UNREACHABLE);
    assert!(unr.attrs().flatten().any(|a| a == RouteAttr::Priority(7)));
    let t = find(&rs, Ipv4Addr::new(10, 10, 0, 0).into());
    assert_eq!((t.header().rtm_table, t.table()), (RouteTable::COMPAT.0 as u8, RouteTable(70000)));
    assert_eq!(find(&rs, Ipv4Addr::new(10, 11, 0, 0).into()).header().kind(), RouteType::THROW);
}

#[test]
fn ipv6_dump_values() {
    let data = read("route-v6.bin");
    let rs = routes(&data);
    let d = |s: &str| IpAddr::V6(s.parse::<Ipv6Addr>().unwrap());
    assert!(find(&rs, d("fd00:1::")).attrs().flatten().any(|a| a == RouteAttr::Pref(1)));
    let exp = find(&rs, d("fd00:3::"));
    let ci = exp.attrs().flatten().find_map(|a| if let RouteAttr::CacheInfo(c) = a { Some(c) } else { None });
    assert!(ci.unwrap().rta_expires.get() > 0);
    let src = find(&rs, d("fd00:5::"));
    assert_eq!(src.header().rtm_src_len, 64);
    assert!(src.attrs().flatten().any(|a| a == RouteAttr::Src(Address::V6("fd00:9::".parse().unwrap()))));
    let mp = find(&rs, d("fd00:2::"));
    assert!(mp.attrs().flatten().any(|a| matches!(a, RouteAttr::Multipath(m) if m.hops().count() == 2)));
}

#[test]
fn error_replies_carry_the_kernel_message() {
    let data = read("error-extack.bin");
    let m = Message::decode(Messages::new(&data).next().unwrap().unwrap());
    let RtnlMessage::Error(e) = m.body() else { panic!("not an error: {m:?}") };
    assert_eq!(e.error(), -101); // ENETUNREACH
    assert_eq!(e.message(), Some("Nexthop has invalid gateway"));
    assert!(!e.echo_payload().is_empty(), "uncapped: the request is echoed");
    let data = read("error-exists.bin");
    let m = Message::decode(Messages::new(&data).next().unwrap().unwrap());
    let RtnlMessage::Error(e) = m.body() else { panic!("not an error") };
    assert_eq!((e.error(), e.message()), (-17, None)); // EEXIST
}

#[test]
fn link_dump_is_framed_with_names() {
    let data = read("link.bin");
    let mut names: Vec<String> = Messages::new(&data)
        .filter_map(|m| rtnl_io::link_index_and_name(&Message::decode(m.unwrap())).map(|(_, n)| n.to_owned()))
        .collect();
    names.sort();
    assert_eq!(names, ["lo", "v0", "v1"]);
}

#[test]
fn json_uses_kernel_names() {
    let data = read("route-v4.bin");
    let m = Message::decode(Messages::new(&data).next().unwrap().unwrap());
    let j = rtnl_io::json::to_json(&m);
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    assert_eq!(v["type"], "RTM_NEWROUTE");
    assert_eq!(v["header"]["rtm_family"], 2);
    assert!(v["attrs"].as_array().unwrap().iter().any(|a| a[0] == "RTA_TABLE"));
}

#[test]
fn serde_serialization_matches_the_json_output() {
    // the `serde` feature and the JSON visitor describe every message alike
    for f in golden_files() {
        let data = std::fs::read(&f).unwrap();
        for m in Messages::new(&data) {
            let msg = Message::decode(m.unwrap());
            let via_serde = serde_json::to_value(&msg).unwrap();
            let via_visit: serde_json::Value = serde_json::from_str(&rtnl_io::json::to_json(&msg)).unwrap();
            assert_eq!(via_serde, via_visit, "{}", f.display());
        }
    }
}

#[test]
fn encap_dump_values() {
    use rtnl_core::route::{
        Encap, LwtIp6Attr, LwtIpAttr, Seg6IptunnelAttr, Seg6LocalAction, Seg6LocalAttr, Seg6Mode, RTA_ENCAP,
        SEG6_IPTUNNEL_SRH,
    };
    let data = read("route-encap.bin");
    let rs = routes(&data);
    fn encap<'a>(r: &RouteMessage<'a>) -> Encap<'a> {
        match r.attrs().find(RTA_ENCAP) {
            Some(RouteAttr::Encap(e)) => e,
            other => panic!("no typed encap: {other:?}"),
        }
    }
    let seg6 = |e: &Encap<'_>| {
        let Encap::Seg6(n) = e else { panic!("not seg6: {e:?}") };
        let Some(Seg6IptunnelAttr::Srh(s)) = n.find(SEG6_IPTUNNEL_SRH) else { panic!() };
        let segs: Vec<Ipv6Addr> = s.srh.segments().collect();
        (s.mode, segs, s.srh.hmac().map(|h| h.0))
    };
    let a = |s: &str| s.parse::<Ipv6Addr>().unwrap();
    // encap: stored last to first
    let r = find(&rs, Ipv4Addr::new(10, 20, 0, 0).into());
    assert_eq!(seg6(&encap(r)), (Seg6Mode::ENCAP, vec![a("fd00:a::2"), a("fd00:a::1")], None));
    assert_eq!(seg6(&encap(find(&rs, Ipv4Addr::new(10, 23, 0, 0).into()))).0, Seg6Mode::L2ENCAP);
    // inline: a slot left for the final destination; hmac key id 7
    let v6 = |s: &str| IpAddr::V6(a(s));
    assert_eq!(seg6(&encap(find(&rs, v6("fd00:5::")))), (Seg6Mode::INLINE, vec![a("::"), a("fd00:a::1")], None));
    assert_eq!(seg6(&encap(find(&rs, v6("fd00:4::")))).2, Some(7));
    // seg6local behaviours and their attributes
    let local = |d: &str| {
        let e = encap(find(&rs, v6(d)));
        let Encap::Seg6Local(n) = e else { panic!("not seg6local") };
        n.iter().map(Result::unwrap).collect::<Vec<_>>()
    };
    assert!(local("fd00:6::").contains(&Seg6LocalAttr::Action(Seg6LocalAction::END)));
    assert!(local("fd00:7::").contains(&Seg6LocalAttr::Nh6(a("fd00:9::2"))));
    assert!(local("fd00:8::").contains(&Seg6LocalAttr::Table(100)));
    assert!(local("fd00:3::").iter().any(|x| matches!(x, Seg6LocalAttr::Srh(s) if s.first_segment() == 2)));
    assert!(local("fd00:2::").iter().any(|x| matches!(x, Seg6LocalAttr::Counters(_))));
    // ip and ip6 tunnel metadata
    let Encap::Ip(n) = encap(find(&rs, Ipv4Addr::new(10, 21, 0, 0).into())) else { panic!() };
    let ip: Vec<LwtIpAttr<'_>> = n.iter().map(Result::unwrap).collect();
    assert!(ip.contains(&LwtIpAttr::Id(rtnl_core::typed::Be64(5))));
    assert!(ip.contains(&LwtIpAttr::Dst(Ipv4Addr::new(10, 9, 0, 9))));
    assert!(ip.contains(&LwtIpAttr::Flags(rtnl_core::typed::Be16(0x05)))); // key | csum
    let Encap::Ip6(n) = encap(find(&rs, v6("fd00:b::"))) else { panic!() };
    let ip6: Vec<LwtIp6Attr<'_>> = n.iter().map(Result::unwrap).collect();
    assert!(ip6.contains(&LwtIp6Attr::HopLimit(10)) && ip6.contains(&LwtIp6Attr::Tc(3)));
    // a next hop's encap, selected by that hop's own type
    let mp = find(&rs, Ipv4Addr::new(10, 22, 0, 0).into());
    let Some(RouteAttr::Multipath(m)) = mp.attrs().find(rtnl_core::route::RTA_MULTIPATH) else { panic!() };
    let hops: Vec<_> = m.hops().map(Result::unwrap).collect();
    assert!(matches!(hops[0].attrs().find(RTA_ENCAP), Some(RouteAttr::Encap(Encap::Seg6(_)))));
    assert!(hops[1].attrs().find(RTA_ENCAP).is_none());
}
