//! Property tests. Route messages are generated from the attribute tables
//! themselves (`ArbitrarySet`, feature `arbitrary`: every row of every set,
//! encapsulations with their selector before or after them, multipath hops
//! with their own attributes), never from a hand copy of the tables; the
//! wire layer round-trips attribute trees; and arbitrary bytes inside valid
//! message headers never make a decoder, renderer or encoder panic.

use arbitrary::Unstructured;
use proptest::prelude::*;
use rtnl_core::addr;
use rtnl_core::link::{self, LinkAttr};
use rtnl_core::message::{types, Message, RtnlMessage};
use rtnl_core::neigh;
use rtnl_core::route::{self, RouteAttr, RtMsg};
use rtnl_core::typed::gen::{ArbitrarySet, GenCtx};
use rtnl_core::typed::{AttrSet, FamilyHeader, Headered};
use rtnl_core::wire::visit::Visit;
use rtnl_core::wire::{Attrs, BigEndian, ByteOrder, LittleEndian, Messages, NativeEndian, SliceBuffer, Writer};
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
                assert_eq!((a.id(), a.is_nested(), a.payload()), (*ty, false, &p[..]));
            }
            Tree::Nest(ty, c) => {
                assert_eq!((a.id(), a.is_nested()), (*ty, true));
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

const FAMILIES: [u8; 6] = [2, 10, 28, 128, 129, 0];

/// A route message generated from the tables: an arbitrary `rtmsg` of one
/// of the route families, then arbitrary route attributes.
fn generated_route<O: ByteOrder>(seed: &[u8]) -> Option<(RtMsg<O>, Vec<u8>)> {
    let mut u = Unstructured::new(seed);
    let mut hdr: RtMsg<O> = u.arbitrary().ok()?;
    hdr.rtm_family = *u.choose(&FAMILIES).ok()?;
    let mut w = Writer::<_, O>::with_order(VecBuffer::default());
    let m = w.begin_msg(route::RTM_NEWROUTE, 0x22, 1, 0).ok()?;
    w.header(&hdr).ok()?;
    RouteAttr::<'_, O>::arbitrary_attrs(&mut u, GenCtx { family: hdr.rtm_family, ..Default::default() }, &mut w)
        .ok()?;
    w.end_msg(m).ok()?;
    Some((hdr, w.into_inner().0))
}

fn table_roundtrip<O: ByteOrder>(seed: &[u8]) {
    let Some((hdr, bytes)) = generated_route::<O>(seed) else { return };
    let raw = Messages::<O>::with_order(&bytes).next().unwrap().unwrap();
    let msg = Message::decode(raw);
    let RtnlMessage::Route(r) = msg.body() else { panic!("not a route") };
    assert_eq!(r.header(), &hdr);
    for a in r.attrs().map(Result::unwrap) {
        assert!(!matches!(a, RouteAttr::Unknown(_)), "{a:?}");
    }
    // typed values -> builder -> the same bytes
    let mut w = Writer::<_, O>::with_order(VecBuffer::default());
    route::request(&mut w, route::RTM_NEWROUTE, 0x22, 1, &hdr, |b| {
        for a in r.attrs().map(Result::unwrap) {
            b.put(&a)?;
        }
        Ok(())
    })
    .unwrap();
    canonical_roundtrip::<O>(&bytes, &w.into_inner().0, r.attrs().count());
}

/// A link message generated from the tables: an arbitrary `ifinfomsg`, then
/// arbitrary link attributes (kinds and their options, peers, stats of
/// every length).
fn generated_link<O: ByteOrder>(seed: &[u8]) -> Option<(link::IfInfoMsg<O>, Vec<u8>)> {
    let mut u = Unstructured::new(seed);
    let mut hdr: link::IfInfoMsg<O> = u.arbitrary().ok()?;
    // the families that select IFLA_AF_SPEC and IFLA_PROTINFO
    hdr.ifi_family = *u.choose(&[0u8, 0, 7, 10, 128]).ok()?;
    let mut w = Writer::<_, O>::with_order(VecBuffer::default());
    let m = w.begin_msg(link::RTM_NEWLINK, 0x22, 1, 0).ok()?;
    w.header(&hdr).ok()?;
    LinkAttr::<'_, O>::arbitrary_attrs(&mut u, GenCtx { family: hdr.ifi_family, ..Default::default() }, &mut w).ok()?;
    w.end_msg(m).ok()?;
    Some((hdr, w.into_inner().0))
}

fn link_roundtrip<O: ByteOrder>(seed: &[u8]) {
    let Some((hdr, bytes)) = generated_link::<O>(seed) else { return };
    let raw = Messages::<O>::with_order(&bytes).next().unwrap().unwrap();
    let msg = Message::decode(raw);
    let RtnlMessage::Link(l) = msg.body() else { panic!("not a link") };
    assert_eq!(l.header(), &hdr);
    for a in l.attrs().map(Result::unwrap) {
        assert!(!matches!(a, LinkAttr::Unknown(_)), "{a:?}");
    }
    let mut w = Writer::<_, O>::with_order(VecBuffer::default());
    link::request(&mut w, link::RTM_NEWLINK, 0x22, 1, &hdr, |b| {
        for a in l.attrs().map(Result::unwrap) {
            b.put(&a)?;
        }
        Ok(())
    })
    .unwrap();
    canonical_roundtrip::<O>(&bytes, &w.into_inner().0, l.attrs().count());
}

/// A message of a headered family generated from its tables: an arbitrary
/// header (of type `ty` and a family of `families`, set through `family`),
/// then arbitrary attributes of the header's set. It decodes typed, every
/// attribute known and valid, its header as written, and holds to
/// [`canonical_roundtrip`] with the attributes rebuilt from their values.
fn headered_roundtrip<O: ByteOrder, H>(
    seed: &[u8],
    types: &[u16],
    families: &[u8],
    family: fn(&mut H) -> &mut u8,
) -> bool
where
    H: FamilyHeader<O> + for<'u> arbitrary::Arbitrary<'u>,
    for<'a> H::Attr<'a>: ArbitrarySet<O>,
{
    let mut u = Unstructured::new(seed);
    let (Ok(mut hdr), Ok(&fam), Ok(&ty)) = (u.arbitrary::<H>(), u.choose(families), u.choose(types)) else {
        return false;
    };
    *family(&mut hdr) = fam;
    let mut w = Writer::<_, O>::with_order(VecBuffer::default());
    let Ok(m) = w.begin_msg(ty, 0x22, 1, 0) else { return false };
    let ok = w.header(&hdr).is_ok()
        && <H::Attr<'_> as ArbitrarySet<O>>::arbitrary_attrs(
            &mut u,
            GenCtx { family: fam, depth: 0, msg_type: ty },
            &mut w,
        )
        .is_ok()
        && w.end_msg(m).is_ok();
    if !ok {
        return false;
    }
    let bytes = w.into_inner().0;
    let raw = Messages::<O>::with_order(&bytes).next().unwrap().unwrap();
    let body = Message::decode(raw);
    assert!(!matches!(body.body(), RtnlMessage::Family(_) | RtnlMessage::Raw(_) | RtnlMessage::Invalid(..)));
    let msg = Headered::<O, H>::parse(&raw).unwrap();
    assert_eq!(msg.header(), &hdr);
    let mut w = Writer::<_, O>::with_order(VecBuffer::default());
    let m = w.begin_msg(ty, 0x22, 1, 0).unwrap();
    w.header(&hdr).unwrap();
    for x in msg.attrs().map(Result::unwrap) {
        assert!(
            <H::Attr<'_> as AttrSet<O>>::name_of(x.id()).is_some() && x.error().is_none(),
            "{:?} {:?}",
            x.id(),
            x.error()
        );
        x.emit(&mut w).unwrap();
    }
    w.end_msg(m).unwrap();
    canonical_roundtrip::<O>(&bytes, &w.into_inner().0, msg.attrs().count());
    true
}

fn addr_roundtrip<O: ByteOrder>(seed: &[u8]) -> bool {
    let types = [addr::RTM_NEWADDR, addr::RTM_GETMULTICAST, addr::RTM_GETANYCAST];
    headered_roundtrip::<O, addr::IfAddrMsg<O>>(seed, &types, &[2, 10, 0], |h| &mut h.ifa_family)
}

fn neigh_roundtrip<O: ByteOrder>(seed: &[u8]) -> bool {
    let types = [neigh::RTM_NEWNEIGH, neigh::RTM_DELNEIGH];
    let a = headered_roundtrip::<O, neigh::NdMsg<O>>(seed, &types, &[2, 10, 7], |h| &mut h.ndm_family);
    let types = [neigh::RTM_NEWNEIGHTBL, neigh::RTM_SETNEIGHTBL];
    let b = headered_roundtrip::<O, neigh::NdtMsg<O>>(seed, &types, &[2, 10], |h| &mut h.ndtm_family);
    a && b
}

fn small_families_roundtrip<O: ByteOrder>(seed: &[u8]) -> bool {
    use rtnl_core::{netconf, nsid, prefix};
    let types = [netconf::RTM_NEWNETCONF, netconf::RTM_GETNETCONF];
    let a = headered_roundtrip::<O, netconf::NetconfMsg>(seed, &types, &[2, 10, 28], |h| &mut h.ncm_family);
    let types = [nsid::RTM_NEWNSID, nsid::RTM_GETNSID];
    let b = headered_roundtrip::<O, nsid::RtGenMsg>(seed, &types, &[0], |h| &mut h.rtgen_family);
    let c =
        headered_roundtrip::<O, prefix::PrefixMsg<O>>(seed, &[prefix::RTM_NEWPREFIX], &[10], |h| &mut h.prefix_family);
    let types = [rtnl_core::rule::RTM_NEWRULE, rtnl_core::rule::RTM_DELRULE];
    let d = headered_roundtrip::<O, rtnl_core::rule::FibRuleHdr<O>>(seed, &types, &[2, 10, 128], |h| &mut h.family);
    use rtnl_core::nexthop;
    let types = [nexthop::RTM_NEWNEXTHOP, nexthop::RTM_DELNEXTHOP, nexthop::RTM_NEWNEXTHOPBUCKET];
    let e = headered_roundtrip::<O, nexthop::NhMsg<O>>(seed, &types, &[0, 2, 10], |h| &mut h.nh_family);
    use rtnl_core::mroute::{self, Ip6mrReportMsg, IpmrReportMsg};
    let types = [mroute::RTM_NEWCACHEREPORT];
    let f = headered_roundtrip::<O, IpmrReportMsg>(seed, &types, &[128], |h| &mut h.rtgen_family);
    let g = headered_roundtrip::<O, Ip6mrReportMsg>(seed, &types, &[129], |h| &mut h.rtgen_family);
    a && b && c && d && e && f && g
}

fn tc_roundtrip<O: ByteOrder>(seed: &[u8]) -> bool {
    use rtnl_core::tc;
    let types = [tc::RTM_NEWQDISC, tc::RTM_NEWTCLASS, tc::RTM_NEWTFILTER, tc::RTM_NEWCHAIN, tc::RTM_DELQDISC];
    let a = headered_roundtrip::<O, tc::TcMsg<O>>(seed, &types, &[0], |h| &mut h.tcm_family);
    let types = [tc::RTM_NEWACTION, tc::RTM_GETACTION];
    let b = headered_roundtrip::<O, tc::TcaMsg<O>>(seed, &types, &[0], |h| &mut h.tca_family);
    a && b
}

/// The tc generators reach every kind of options and of statistics they
/// select (a generator that gave up on a kind would leave it untested).
#[test]
fn the_tc_generators_reach_every_kind() {
    // every kind of every selected tc payload: options (qdisc, class,
    // filter), extended statistics (qdisc, class) and actions
    use rtnl_core::tc::action::{ActAttr, ActOptions, TCA_ACT_KIND, TCA_ACT_OPTIONS};
    use rtnl_core::tc::{self, filter::FilterOptions, qdisc, ActionRootAttr, TcAttr, TcOptions, TcXstats};
    use std::collections::BTreeSet;
    let mut kinds = BTreeSet::new();
    for i in 0u64..6000 {
        // splitmix64: every byte of every seed independent enough that
        // each choice among the kinds is reached
        let mut x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let seed: Vec<u8> = (0..800)
            .map(|_| {
                x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
                let mut z = x;
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                (z ^ (z >> 31)) as u8
            })
            .collect();
        let mut u = Unstructured::new(&seed);
        let Ok(what) = u.int_in_range(0u8..=2) else { continue };
        let Ok(ty) = u.choose(&[tc::RTM_NEWQDISC, tc::RTM_NEWTCLASS, tc::RTM_NEWTFILTER]).copied() else { continue };
        let ty = if what == 2 { tc::RTM_NEWACTION } else { ty };
        let mut w = Writer::<_, LittleEndian>::with_order(VecBuffer::default());
        let m = w.begin_msg(ty, 0, 1, 0).unwrap();
        let g = GenCtx { msg_type: ty, ..Default::default() };
        let made = match what {
            0 => {
                w.header(&tc::TcMsg::<LittleEndian>::default()).unwrap();
                TcOptions::<LittleEndian>::arbitrary_selected(&mut u, tc::TCA_OPTIONS, g, &mut w)
            }
            1 => {
                w.header(&tc::TcMsg::<LittleEndian>::default()).unwrap();
                TcXstats::<LittleEndian>::arbitrary_selected(&mut u, tc::TCA_XSTATS, g, &mut w)
            }
            _ => {
                w.header(&tc::TcaMsg::<LittleEndian>::default()).unwrap();
                let tab = w.begin_nest_raw(tc::TCA_ROOT_TAB).unwrap();
                let one = w.begin_nest_raw(1).unwrap();
                let r =
                    ActOptions::<LittleEndian>::arbitrary_with(&mut u, TCA_ACT_OPTIONS, Some(TCA_ACT_KIND), g, &mut w);
                w.end_nest(one).unwrap();
                w.end_nest(tab).unwrap();
                r
            }
        };
        if made.is_err() {
            continue;
        }
        w.end_msg(m).unwrap();
        let bytes = w.into_inner().0;
        let raw = Messages::<LittleEndian>::with_order(&bytes).next().unwrap().unwrap();
        let msg = Message::decode(raw);
        assert_eq!(msg.first_error(), None, "{bytes:02x?}");
        let k = match msg.body() {
            RtnlMessage::Tc(t) => match (t.find(tc::TCA_OPTIONS), t.find(tc::TCA_XSTATS)) {
                (Some(TcAttr::Options(TcOptions::Qdisc(q))), _) => ("qdisc", q.kind()),
                (Some(TcAttr::Options(TcOptions::Class(c))), _) => ("class", c.kind()),
                (Some(TcAttr::Options(TcOptions::Filter(f))), _) => ("filter", f.kind()),
                (_, Some(TcAttr::Xstats(TcXstats::Qdisc(q)))) => ("qdisc xstats", q.kind()),
                (_, Some(TcAttr::Xstats(TcXstats::Class(c)))) => ("class xstats", c.kind()),
                _ => continue,
            },
            RtnlMessage::Action(a) => {
                let Some(ActionRootAttr::Tab(list)) = a.find(tc::TCA_ROOT_TAB) else { panic!("{bytes:02x?}") };
                let Some(Ok((_, Ok(act)))) = list.iter().next() else { panic!("{bytes:02x?}") };
                let Some(ActAttr::Options(o)) = act.find(TCA_ACT_OPTIONS) else { continue };
                ("action", o.kind())
            }
            _ => panic!("{bytes:02x?}"),
        };
        kinds.insert((k.0, k.1.to_owned()));
    }
    let want: BTreeSet<(&str, String)> = qdisc::QdiscOptions::<LittleEndian>::KINDS
        .iter()
        .map(|(k, _)| ("qdisc", k.to_string()))
        .chain(qdisc::ClassOptions::<LittleEndian>::KINDS.iter().map(|(k, _)| ("class", k.to_string())))
        .chain(FilterOptions::<LittleEndian>::KINDS.iter().map(|(k, _)| ("filter", k.to_string())))
        .chain(qdisc::QdiscXstats::<LittleEndian>::KINDS.iter().map(|(k, _)| ("qdisc xstats", k.to_string())))
        .chain(qdisc::ClassXstats::<LittleEndian>::KINDS.iter().map(|(k, _)| ("class xstats", k.to_string())))
        .chain(ActOptions::<LittleEndian>::KINDS.iter().map(|(k, _)| ("action", k.to_string())))
        .collect();
    assert_eq!(kinds, want);
}

#[test]
fn the_headered_generators_make_messages_with_attributes() {
    // a fixed spread of seeds: most make a whole message (the property
    // tests would pass vacuously if the generators gave up)
    let mut made = 0;
    for i in 0u32..200 {
        let seed: Vec<u8> =
            (0..600u32).map(|j| (i.wrapping_mul(2654435761).wrapping_add(j * 40503) >> 7) as u8).collect();
        made += usize::from(addr_roundtrip::<LittleEndian>(&seed))
            + usize::from(neigh_roundtrip::<BigEndian>(&seed))
            + usize::from(small_families_roundtrip::<LittleEndian>(&seed))
            + usize::from(tc_roundtrip::<BigEndian>(&seed));
    }
    assert!(made > 400, "only {made} of 800 generated");
}

/// What every generated (kernel-canonical) message holds to: it decodes
/// with no error, re-encodes to the same bytes, its typed values rebuilt
/// through the builder (`rebuilt`) are the same bytes and values, it
/// renders with every attribute (`n_attrs`), and encoding it into buffers
/// of every size fails below its size, never panics, leaves nothing behind.
fn canonical_roundtrip<O: ByteOrder>(bytes: &[u8], rebuilt: &[u8], n_attrs: usize) {
    let raw = Messages::<O>::with_order(bytes).next().unwrap().unwrap();
    let msg = Message::decode(raw);
    assert_eq!(msg.first_error(), None, "{bytes:02x?}");
    assert_eq!(rtnl_io::reencode(raw).unwrap(), bytes);
    assert_eq!(rebuilt, bytes);
    let again = Message::decode(Messages::<O>::with_order(rebuilt).next().unwrap().unwrap());
    assert_eq!(again, msg);
    let json = rtnl_io::json::to_json(&msg);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["attrs"].as_array().unwrap().len(), n_attrs);
    let mut out = vec![0u8; bytes.len() + 4];
    for n in 0..=bytes.len() + 4 {
        let mut w = Writer::<_, O>::with_order(SliceBuffer::new(&mut out[..n]));
        let r = msg.emit(&mut w);
        if n < bytes.len() {
            assert!(r.is_err(), "{n} bytes cannot hold {}", bytes.len());
            assert_eq!(w.len(), 0);
        } else {
            assert!(r.is_ok());
            assert_eq!(w.into_inner().written(), bytes);
        }
    }
}

/// Every message type the codec dispatches, for wrapping random payloads.
fn known_types() -> Vec<u16> {
    (0..=130).filter(|t| types::type_name(*t).is_some()).collect()
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
    fn route_messages_from_the_tables_roundtrip(seed in proptest::collection::vec(any::<u8>(), 16..1500)) {
        table_roundtrip::<LittleEndian>(&seed);
        table_roundtrip::<BigEndian>(&seed);
    }

    #[test]
    fn link_messages_from_the_tables_roundtrip(seed in proptest::collection::vec(any::<u8>(), 16..2000)) {
        link_roundtrip::<LittleEndian>(&seed);
        link_roundtrip::<BigEndian>(&seed);
        addr_roundtrip::<LittleEndian>(&seed);
        addr_roundtrip::<BigEndian>(&seed);
    }

    #[test]
    fn neighbour_messages_from_the_tables_roundtrip(seed in proptest::collection::vec(any::<u8>(), 16..1200)) {
        neigh_roundtrip::<LittleEndian>(&seed);
        neigh_roundtrip::<BigEndian>(&seed);
        small_families_roundtrip::<LittleEndian>(&seed);
        small_families_roundtrip::<BigEndian>(&seed);
    }

    #[test]
    fn tc_messages_from_the_tables_roundtrip(seed in proptest::collection::vec(any::<u8>(), 16..1500)) {
        tc_roundtrip::<LittleEndian>(&seed);
        tc_roundtrip::<BigEndian>(&seed);
    }

    #[test]
    fn arbitrary_payloads_in_valid_headers_never_panic(
        ty in proptest::sample::select(known_types()),
        flags in any::<u16>(),
        data in proptest::collection::vec(any::<u8>(), 0..600),
    ) {
        // a well-framed message of a known type around random bytes, so
        // that every case reaches a family decoder
        let mut w = Writer::new(VecBuffer::default());
        let m = w.begin_msg(ty, flags, 1, 0).unwrap();
        w.bytes(&data).unwrap();
        w.end_msg(m).unwrap();
        let bytes = w.into_inner().0;
        let raw = Messages::new(&bytes).next().unwrap().unwrap();
        let msg = Message::decode(raw);
        let err = msg.first_error();
        if let Some(e) = err {
            // an error points into the message
            prop_assert!(e.offset >= 16 && e.offset <= bytes.len(), "{e}");
            let mut names = 0;
            msg.locate(e.offset, &mut |_| names += 1);
            prop_assert!(names <= e.path.len() + 1);
        }
        let _ = rtnl_io::json::to_json(&msg);
        // whatever the payload, it re-encodes (nothing is dropped: at most
        // the final attribute's padding is added), and re-encoding is a
        // fixed point
        let once = rtnl_io::reencode(raw).unwrap();
        prop_assert!(once.len() >= bytes.len() && once.len() <= bytes.len() + 3);
        let again = rtnl_io::reencode(Messages::new(&once).next().unwrap().unwrap()).unwrap();
        prop_assert_eq!(again, once);
    }

    #[test]
    fn generated_routes_with_mutations_never_panic(
        seed in proptest::collection::vec(any::<u8>(), 16..800),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let Some((_, mut bytes)) = generated_route::<NativeEndian>(&seed) else { return Ok(()) };
        for (i, v) in flips {
            let i = i.index(bytes.len());
            if i >= 16 {
                bytes[i] = v;
            }
        }
        for m in Messages::new(&bytes).flatten() {
            let msg = Message::decode(m);
            let _ = msg.first_error();
            let _ = rtnl_io::json::to_json(&msg);
            let once = rtnl_io::reencode(m).unwrap();
            let again = rtnl_io::reencode(Messages::new(&once).next().unwrap().unwrap()).unwrap();
            prop_assert_eq!(again, once);
        }
    }
}

#[test]
fn the_generator_covers_every_route_attribute_and_encap_kind() {
    // the generator draws from the tables: over enough seeds, every RTA_* and
    // every LWTUNNEL_ENCAP_* kind appears (a row missing from generation fails)
    let mut ids = std::collections::BTreeSet::new();
    let mut kinds = std::collections::BTreeSet::new();
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        // xorshift64*
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        (x.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8
    };
    for _ in 0..3000 {
        let seed: Vec<u8> = (0..600).map(|_| next()).collect();
        let Some((_, bytes)) = generated_route::<NativeEndian>(&seed) else { continue };
        let msg = Message::decode(Messages::new(&bytes).next().unwrap().unwrap());
        let RtnlMessage::Route(r) = msg.body() else { continue };
        for a in r.attrs().flatten() {
            ids.insert(a.id());
            if let RouteAttr::Encap(e) = a {
                kinds.insert(e.kind());
            }
        }
    }
    let all: std::collections::BTreeSet<u16> = <RouteAttr<'_>>::NAMES.iter().map(|(i, _)| *i).collect();
    assert_eq!(ids, all);
    let all_kinds: std::collections::BTreeSet<u16> = <route::Encap<'_>>::KINDS.iter().map(|(k, _)| *k).collect();
    assert_eq!(kinds, all_kinds);
}

#[test]
fn the_generator_covers_every_link_attribute_and_kind() {
    let mut ids = std::collections::BTreeSet::new();
    let mut kinds = std::collections::BTreeSet::new();
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as u8
    };
    for _ in 0..20000 {
        let seed: Vec<u8> = (0..800).map(|_| next()).collect();
        let Some((_, bytes)) = generated_link::<NativeEndian>(&seed) else { continue };
        let msg = Message::decode(Messages::new(&bytes).next().unwrap().unwrap());
        let RtnlMessage::Link(l) = msg.body() else { continue };
        for a in l.attrs().flatten() {
            ids.insert(a.id());
            if let LinkAttr::Linkinfo(n) = a {
                for i in n.iter().flatten() {
                    if let link::LinkInfoAttr::Data(d) = i {
                        kinds.insert(d.kind().to_owned());
                    }
                }
            }
        }
    }
    let all: std::collections::BTreeSet<u16> = <LinkAttr<'_>>::NAMES.iter().map(|(i, _)| *i).collect();
    assert_eq!(ids, all);
    let all_kinds: std::collections::BTreeSet<String> =
        <link::LinkInfoData<'_>>::KINDS.iter().map(|(k, _)| (*k).to_owned()).collect();
    assert_eq!(kinds, all_kinds);
}

#[test]
fn visit_counts_every_value_of_a_header() {
    // Visit is implemented by the core's types; the JSON writer is only one visitor.
    use rtnl_tests::Count;
    let hdr = RtMsg::<NativeEndian>::default();
    let mut c = Count(0);
    hdr.visit(&mut c);
    assert_eq!(c.0, 9);
    assert_eq!(<RouteAttr<'_> as AttrSet<'_, NativeEndian>>::name_of(1), Some("RTA_DST"));
}
