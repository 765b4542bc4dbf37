//! Property tests: the wire layer and route attributes round-trip, in both
//! byte orders, and no input makes any decoder or re-encoder panic.

use std::net::{Ipv4Addr, Ipv6Addr};

use proptest::prelude::*;
use rtnl_core::message::Message;
use rtnl_core::payload::{Address, AttrSet, Be16, Be32, Ctx, TypedAttrs, Uint};
use rtnl_core::route::{self, MetricAttr, RouteAttr, RtMsg};
use rtnl_core::wire::visit::Visit;
use rtnl_core::wire::{Attrs, BigEndian, ByteOrder, LittleEndian, Messages, NativeEndian, Writer};
use rtnl_io::VecBuffer;

/// An attribute tree: leaves with payloads, and nests.
#[derive(Debug, Clone)]
enum Tree {
    Leaf(u16, Vec<u8>),
    Nest(u16, Vec<Tree>),
}

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = (0u16..0x3fff, proptest::collection::vec(any::<u8>(), 0..40)).prop_map(|(t, p)| Tree::Leaf(t, p));
    leaf.prop_recursive(3, 32, 6, |inner| {
        (0u16..0x3fff, proptest::collection::vec(inner, 0..6)).prop_map(|(t, c)| Tree::Nest(t, c))
    })
}

fn write_tree<O: ByteOrder>(w: &mut Writer<VecBuffer, O>, t: &Tree) {
    match t {
        Tree::Leaf(ty, p) => w.attr(*ty, p).unwrap(),
        Tree::Nest(ty, c) => {
            let m = w.begin_nest(*ty).unwrap();
            for x in c {
                write_tree(w, x);
            }
            w.end_nest(m).unwrap();
        }
    }
}

fn check_tree<O: ByteOrder>(attrs: Attrs<'_, O>, want: &[Tree]) {
    let got: Vec<_> = attrs.map(Result::unwrap).collect();
    assert_eq!(got.len(), want.len());
    for (a, t) in got.iter().zip(want) {
        match t {
            Tree::Leaf(ty, p) => {
                assert_eq!((a.kind(), a.is_nested(), a.payload()), (*ty, false, &p[..]));
            }
            Tree::Nest(ty, c) => {
                assert_eq!((a.kind(), a.is_nested()), (*ty, true));
                check_tree(a.nested(), c);
            }
        }
    }
}

fn tree_roundtrip<O: ByteOrder>(trees: &[Tree], hdr_len: usize) {
    let mut w = Writer::<_, O>::with_order(VecBuffer::default());
    let m = w.begin_msg(1000, 5, 7, 9).unwrap();
    w.header(&vec![0xa5u8; hdr_len][..]).unwrap();
    for t in trees {
        write_tree(&mut w, t);
    }
    w.end_msg(m).unwrap();
    let bytes = w.into_inner().0;
    assert_eq!(bytes.len() % 4, 0);
    let msg = Messages::<O>::with_order(&bytes).next().unwrap().unwrap();
    assert_eq!((msg.ty(), msg.flags(), msg.seq(), msg.pid()), (1000, 5, 7, 9));
    assert_eq!(msg.bytes().len(), bytes.len());
    check_tree(msg.attrs_after(hdr_len), trees);
}

/// Route attributes with owned backing data.
#[derive(Debug, Clone)]
enum RouteSpec {
    V4(u8, [u8; 4]),
    V6(u8, [u8; 16]),
    U32(u8, u32),
    Pref(u8),
    Ports(u16, u16),
    Flowlabel(u32),
    Metrics(Vec<(u8, u32)>, Option<String>),
    Multipath(Vec<(u8, u8, i32, [u8; 4])>),
    Expires(u64, bool),
    Unknown(u16, Vec<u8>),
}

fn route_spec() -> impl Strategy<Value = RouteSpec> {
    prop_oneof![
        (prop_oneof![Just(1u8), Just(2), Just(5), Just(7)], any::<[u8; 4]>()).prop_map(|(k, a)| RouteSpec::V4(k, a)),
        (prop_oneof![Just(1u8), Just(5)], any::<[u8; 16]>()).prop_map(|(k, a)| RouteSpec::V6(k, a)),
        (prop_oneof![Just(3u8), Just(4), Just(6), Just(11), Just(15), Just(16), Just(25), Just(30)], any::<u32>())
            .prop_map(|(k, v)| RouteSpec::U32(k, v)),
        any::<u8>().prop_map(RouteSpec::Pref),
        (any::<u16>(), any::<u16>()).prop_map(|(a, b)| RouteSpec::Ports(a, b)),
        any::<u32>().prop_map(RouteSpec::Flowlabel),
        (proptest::collection::vec((1u8..=17, any::<u32>()), 0..6), proptest::option::of("[a-z]{1,12}"))
            .prop_map(|(m, cc)| RouteSpec::Metrics(m.into_iter().filter(|(k, _)| *k != 16).collect(), cc)),
        proptest::collection::vec((any::<u8>(), any::<u8>(), any::<i32>(), any::<[u8; 4]>()), 1..5)
            .prop_map(RouteSpec::Multipath),
        (any::<u64>(), any::<bool>()).prop_map(|(v, w)| RouteSpec::Expires(if w { v } else { v & 0xffff_ffff }, w)),
        (32u16..0x3fff, proptest::collection::vec(any::<u8>(), 0..24)).prop_map(|(t, p)| RouteSpec::Unknown(t, p)),
    ]
}

/// Encodes the specs the way a caller would, with the writer's primitives.
fn encode_spec<O: ByteOrder>(w: &mut Writer<VecBuffer, O>, s: &RouteSpec) {
    match s {
        RouteSpec::V4(k, a) => w.attr((*k).into(), a).unwrap(),
        RouteSpec::V6(k, a) => w.attr((*k).into(), a).unwrap(),
        RouteSpec::U32(k, v) => w.attr_u32((*k).into(), *v).unwrap(),
        RouteSpec::Pref(p) => w.attr_u8(route::RTA_PREF, *p).unwrap(),
        RouteSpec::Ports(a, b) => {
            w.attr_be16(route::RTA_SPORT, *a).unwrap();
            w.attr_be16(route::RTA_DPORT, *b).unwrap();
        }
        RouteSpec::Flowlabel(f) => w.attr_be32(route::RTA_FLOWLABEL, *f).unwrap(),
        RouteSpec::Metrics(m, cc) => {
            let n = w.begin_nest_raw(route::RTA_METRICS).unwrap();
            for (k, v) in m {
                w.attr_u32((*k).into(), *v).unwrap();
            }
            if let Some(c) = cc {
                w.attr_str(route::RTAX_CC_ALGO, c).unwrap();
            }
            w.end_nest(n).unwrap();
        }
        RouteSpec::Multipath(hops) => {
            let n = w.begin_nest_raw(route::RTA_MULTIPATH).unwrap();
            for (f, h, i, gw) in hops {
                let m = route::begin_nexthop(w, *f, *h, *i).unwrap();
                w.attr(route::RTA_GATEWAY, gw).unwrap();
                w.end_nest(m).unwrap();
            }
            w.end_nest(n).unwrap();
        }
        RouteSpec::Expires(v, wide) => {
            if *wide {
                w.attr_u64(route::RTA_EXPIRES, *v).unwrap()
            } else {
                w.attr_u32(route::RTA_EXPIRES, *v as u32).unwrap()
            }
        }
        RouteSpec::Unknown(t, p) => w.attr(*t, p).unwrap(),
    }
}

/// Checks the decoded values against the specs.
fn check_spec<'a, O: ByteOrder>(it: &mut impl Iterator<Item = RouteAttr<'a, O>>, s: &'a RouteSpec) {
    let mut next = || it.next().expect("attribute");
    match s {
        RouteSpec::V4(k, a) => {
            let want = Address::V4(Ipv4Addr::from(*a));
            let got = next();
            let ok = match k {
                1 => got == RouteAttr::<O>::Dst(want),
                2 => got == RouteAttr::<O>::Src(want),
                5 => got == RouteAttr::<O>::Gateway(want),
                _ => got == RouteAttr::<O>::PrefSrc(want),
            };
            assert!(ok, "{got:?} for {s:?}");
        }
        RouteSpec::V6(k, a) => {
            // an IPv6-sized address in an IPv4 message is kept as bytes
            let got = next();
            let want = Address::Other(&a[..]);
            assert!(
                if *k == 1 { got == RouteAttr::<O>::Dst(want) } else { got == RouteAttr::<O>::Gateway(want) },
                "{got:?}"
            );
            let _ = Ipv6Addr::from(*a);
        }
        RouteSpec::U32(k, v) => {
            let got = next();
            assert_eq!(got.kind(), u16::from(*k));
            let val = match got {
                RouteAttr::<O>::Iif(x)
                | RouteAttr::<O>::Oif(x)
                | RouteAttr::<O>::Priority(x)
                | RouteAttr::<O>::Flow(x) => x,
                RouteAttr::<O>::Table(x)
                | RouteAttr::<O>::Mark(x)
                | RouteAttr::<O>::Uid(x)
                | RouteAttr::<O>::NhId(x) => x,
                other => panic!("{other:?}"),
            };
            assert_eq!(val, *v);
        }
        RouteSpec::Pref(p) => assert_eq!(next(), RouteAttr::<O>::Pref(*p)),
        RouteSpec::Ports(a, b) => {
            assert_eq!(next(), RouteAttr::<O>::Sport(Be16(*a)));
            assert_eq!(next(), RouteAttr::<O>::Dport(Be16(*b)));
        }
        RouteSpec::Flowlabel(f) => assert_eq!(next(), RouteAttr::<O>::FlowLabel(Be32(*f))),
        RouteSpec::Metrics(m, cc) => {
            let RouteAttr::<O>::Metrics(n) = next() else { panic!("not metrics") };
            let got: Vec<MetricAttr<'_, O>> = n.iter().map(Result::unwrap).collect();
            assert_eq!(got.len(), m.len() + usize::from(cc.is_some()));
            for (g, (k, _)) in got.iter().zip(m) {
                assert_eq!(g.kind(), u16::from(*k));
            }
            if let Some(c) = cc {
                assert_eq!(got.last(), Some(&MetricAttr::CcAlgo(c.as_str())));
            }
        }
        RouteSpec::Multipath(hops) => {
            let RouteAttr::<O>::Multipath(mp) = next() else { panic!("not multipath") };
            let got: Vec<_> = mp.hops().map(Result::unwrap).collect();
            assert_eq!(got.len(), hops.len());
            for (g, (f, h, i, gw)) in got.iter().zip(hops) {
                assert_eq!((g.header.rtnh_flags, g.header.rtnh_hops, g.ifindex()), (*f, *h, *i));
                let attrs: Vec<_> = g.attrs().map(Result::unwrap).collect();
                assert_eq!(attrs, [RouteAttr::<O>::Gateway(Address::V4(Ipv4Addr::from(*gw)))]);
            }
        }
        RouteSpec::Expires(v, wide) => assert_eq!(next(), RouteAttr::<O>::Expires(Uint { value: *v, wide: *wide })),
        RouteSpec::Unknown(t, p) => {
            let got = next();
            match got {
                RouteAttr::<O>::Unknown(a) => assert_eq!((a.kind(), a.payload()), (*t, &p[..])),
                other => panic!("{other:?}"),
            }
        }
    }
}

fn route_roundtrip<O: ByteOrder>(specs: &[RouteSpec]) {
    let hdr = RtMsg::<O> { rtm_family: 2, rtm_dst_len: 24, rtm_table: 254, rtm_type: 1, ..Default::default() };
    let mut w = Writer::<_, O>::with_order(VecBuffer::default());
    route::write_request(&mut w, route::RTM_NEWROUTE, 0x22, 1, &hdr, |w| {
        for s in specs {
            encode_spec(w, s);
        }
        Ok(())
    })
    .unwrap();
    let bytes = w.into_inner().0;
    let raw = Messages::<O>::with_order(&bytes).next().unwrap().unwrap();
    let msg = Message::decode(raw);
    assert_eq!(msg.first_error(), None);
    let rtnl_core::message::RtnlMessage::Route(r) = msg.body() else { panic!("not a route") };
    assert_eq!(r.header(), &hdr);
    let mut it = r.attrs().map(Result::unwrap);
    for s in specs {
        check_spec(&mut it, s);
    }
    assert!(it.next().is_none());
    // typed re-encode is byte-exact
    assert_eq!(rtnl_io::reencode(raw).unwrap(), bytes);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn attribute_trees_roundtrip(trees in proptest::collection::vec(tree(), 0..8), hdr in 0usize..21) {
        tree_roundtrip::<NativeEndian>(&trees, hdr);
        tree_roundtrip::<BigEndian>(&trees, hdr);
        tree_roundtrip::<LittleEndian>(&trees, hdr);
    }

    #[test]
    fn route_attributes_roundtrip(specs in proptest::collection::vec(route_spec(), 0..10)) {
        route_roundtrip::<NativeEndian>(&specs);
        route_roundtrip::<BigEndian>(&specs);
    }

    #[test]
    fn arbitrary_bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..512)) {
        for m in Messages::new(&data).flatten() {
            let msg = Message::decode(m);
            let _ = msg.first_error();
            let _ = rtnl_io::json::to_json(&msg);
            if let Ok(again) = rtnl_io::reencode(m) {
                // whatever re-encodes, re-decodes
                prop_assert!(Messages::new(&again).next().unwrap().is_ok());
            }
        }
        let attrs = TypedAttrs::<NativeEndian, RouteAttr<'_>>::new(Attrs::new(&data), Ctx { family: 2 });
        for a in attrs.flatten() {
            let _ = a.error();
            let mut j = rtnl_io::json::JsonWriter::default();
            a.visit(&mut j);
        }
    }

    #[test]
    fn route_messages_with_mutations_never_panic(
        specs in proptest::collection::vec(route_spec(), 1..6),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let hdr = RtMsg::<NativeEndian> { rtm_family: 2, ..Default::default() };
        let mut w = Writer::new(VecBuffer::default());
        route::write_request(&mut w, route::RTM_NEWROUTE, 0, 1, &hdr, |w| {
            for s in &specs { encode_spec(w, s); }
            Ok(())
        }).unwrap();
        let mut bytes = w.into_inner().0;
        for (i, v) in flips {
            let i = i.index(bytes.len());
            bytes[i] = v;
        }
        for m in Messages::new(&bytes).flatten() {
            let msg = Message::decode(m);
            let _ = msg.first_error();
            let _ = rtnl_io::json::to_json(&msg);
            let _ = rtnl_io::reencode(m);
        }
    }
}

#[test]
fn visit_does_not_need_alloc_in_core() {
    // Visit is implemented by the core's types; the JSON writer is only one visitor.
    struct Count(usize);
    impl rtnl_core::wire::visit::Visitor for Count {
        fn value(&mut self, _: rtnl_core::wire::visit::Value<'_>) {
            self.0 += 1;
        }
        fn begin_object(&mut self) {}
        fn key(&mut self, _: &str) {}
        fn end_object(&mut self) {}
        fn begin_array(&mut self) {}
        fn end_array(&mut self) {}
    }
    let hdr = RtMsg::<NativeEndian>::default();
    let mut c = Count(0);
    hdr.visit(&mut c);
    assert_eq!(c.0, 9);
    assert_eq!(<RouteAttr<'_> as AttrSet<'_, NativeEndian>>::name_of(1), Some("RTA_DST"));
}
