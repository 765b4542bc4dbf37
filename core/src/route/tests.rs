//! Unit tests of the route family over literal bytes: parse (deconstruct),
//! build (construct), emit; encapsulations selected by their sibling type in
//! either order, per next hop; errors with their attribute paths; the depth
//! bound.

use core::net::{Ipv4Addr, Ipv6Addr};

use super::*;
use crate::message::{Message, RtnlMessage};
use crate::net::{Label, Labels};
use crate::typed::{PathName, MAX_DEPTH};
use crate::wire::{LittleEndian, Messages, PathElem, SliceBuffer};

type Le = LittleEndian;

/// `10.0.0.0/24 via 10.9.0.2 dev 2 proto static metric 5`, RTM_NEWROUTE,
/// as the kernel sends it (little-endian).
const ROUTE: [u8; 68] = [
    68, 0, 0, 0, 24, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, // nlmsghdr: len 68, RTM_NEWROUTE, NLM_F_MULTI, seq 1
    2, 24, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0, // rtmsg: AF_INET /24 main static universe unicast
    8, 0, 15, 0, 254, 0, 0, 0, // RTA_TABLE 254
    8, 0, 1, 0, 10, 0, 0, 0, // RTA_DST 10.0.0.0
    8, 0, 6, 0, 5, 0, 0, 0, // RTA_PRIORITY 5
    8, 0, 5, 0, 10, 9, 0, 2, // RTA_GATEWAY 10.9.0.2
    8, 0, 4, 0, 2, 0, 0, 0, // RTA_OIF 2
];

fn route(bytes: &[u8]) -> (Message<'_, Le>, RouteMessage<'_, Le>) {
    let msg = Message::decode(Messages::<Le>::with_order(bytes).next().unwrap().unwrap());
    let RtnlMessage::Route(r) = msg.body().clone() else { panic!("not a route: {msg:?}") };
    (msg, r)
}

fn emit(msg: &Message<'_, Le>) -> ([u8; 512], usize) {
    let mut out = [0u8; 512];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    msg.emit(&mut w).unwrap();
    let n = w.len();
    (out, n)
}

#[test]
fn deconstruct() {
    let (msg, r) = route(&ROUTE);
    assert_eq!(msg.first_error(), None);
    let h = r.header();
    assert_eq!(
        (h.rtm_family, h.rtm_dst_len, h.kind(), h.protocol()),
        (2, 24, RouteType::UNICAST, RouteProtocol::STATIC)
    );
    let attrs: [RouteAttr<'_, Le>; 5] = {
        let mut it = r.attrs().map(Result::unwrap);
        core::array::from_fn(|_| it.next().unwrap())
    };
    assert_eq!(
        attrs,
        [
            RouteAttr::Table(254),
            RouteAttr::Dst(Address::V4(Ipv4Addr::new(10, 0, 0, 0))),
            RouteAttr::Priority(5),
            RouteAttr::Gateway(Address::V4(Ipv4Addr::new(10, 9, 0, 2))),
            RouteAttr::Oif(2),
        ]
    );
    assert_eq!(r.table(), RouteTable::MAIN);
}

#[test]
fn construct() {
    let mut out = [0u8; 68];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let hdr = RtMsg::<Le> {
        rtm_family: 2,
        rtm_dst_len: 24,
        rtm_table: 254,
        rtm_protocol: RouteProtocol::STATIC.0,
        rtm_type: RouteType::UNICAST.0,
        ..Default::default()
    };
    let m = w.begin_msg(RTM_NEWROUTE, 2, 1, 0).unwrap();
    w.header(&hdr).unwrap();
    Scope::<_, Le, RouteAttr<'static, Le>>::new(&mut w)
        .table(254)
        .and_then(|b| b.dst(Ipv4Addr::new(10, 0, 0, 0).into()))
        .and_then(|b| b.priority(5))
        .and_then(|b| b.gateway(Ipv4Addr::new(10, 9, 0, 2).into()))
        .and_then(|b| b.oif(2))
        .unwrap();
    w.end_msg(m).unwrap();
    assert_eq!(w.into_inner().written(), &ROUTE[..]);
}

#[test]
fn parse_and_emit_are_inverse() {
    let (msg, _) = route(&ROUTE);
    let (out, n) = emit(&msg);
    assert_eq!(&out[..n], &ROUTE[..]);
}

/// `10.19.0.0/24 encap mpls 100/200 via 10.9.0.2`, with `RTA_ENCAP_TYPE`
/// after `RTA_ENCAP`, as the 6.1 kernel orders them.
const MPLS_ENCAP_AFTER: [u8; 68] = [
    68, 0, 0, 0, 24, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, // nlmsghdr
    2, 24, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0, // rtmsg
    8, 0, 1, 0, 10, 19, 0, 0, // RTA_DST
    16, 0, 22, 0, // RTA_ENCAP (legacy: no NLA_F_NESTED)
    12, 0, 1, 0, 0, 6, 64, 0, 0, 12, 129, 0, // MPLS_IPTUNNEL_DST 100, 200/bos
    6, 0, 21, 0, 1, 0, 0, 0, // RTA_ENCAP_TYPE MPLS
    8, 0, 5, 0, 10, 9, 0, 2, // RTA_GATEWAY
];

#[test]
fn encap_is_selected_by_a_type_that_follows_it() {
    let (msg, r) = route(&MPLS_ENCAP_AFTER);
    assert_eq!(msg.first_error(), None);
    let Some(RouteAttr::Encap(Encap::Mpls(n))) = r.attrs().find(RTA_ENCAP) else { panic!("not typed") };
    let Some(MplsIptunnelAttr::Dst(l)) = n.find(MPLS_IPTUNNEL_DST) else { panic!() };
    let labels: [Label; 2] = {
        let mut it = l.iter();
        [it.next().unwrap(), it.next().unwrap()]
    };
    assert_eq!((labels[0].label, labels[0].bos, labels[1].label, labels[1].bos), (100, false, 200, true));
    let (out, len) = emit(&msg);
    assert_eq!(&out[..len], &MPLS_ENCAP_AFTER[..]);
}

#[test]
fn encap_without_its_type_or_of_an_unknown_type_is_kept() {
    // no RTA_ENCAP_TYPE at all: invalid, kept verbatim, with its path
    let mut b = MPLS_ENCAP_AFTER;
    b[54] = 99; // RTA_ENCAP_TYPE -> attribute 99 (unknown)
    let (msg, r) = route(&b);
    let e = msg.first_error().unwrap();
    assert_eq!(e.kind, DecodeErrorKind::MissingSelector(RTA_ENCAP_TYPE));
    assert_eq!(e.path.iter().collect::<heapless::Vec<_, 4>>().as_slice(), &[PathElem::Attr(RTA_ENCAP)]);
    assert!(matches!(r.attrs().find(RTA_ENCAP), Some(RouteAttr::Invalid(..))));
    let (out, len) = emit(&msg);
    assert_eq!(&out[..len], &b[..]);
    // a type this version does not know: raw but lossless, not an error
    let mut b = MPLS_ENCAP_AFTER;
    b[56] = 77;
    let (msg, r) = route(&b);
    assert_eq!(msg.first_error(), None);
    assert!(matches!(r.attrs().find(RTA_ENCAP), Some(RouteAttr::Encap(Encap::Unknown(77, _)))));
    let (out, len) = emit(&msg);
    assert_eq!(&out[..len], &b[..]);
}

#[test]
fn each_next_hop_selects_its_own_encap() {
    // hop 0: MPLS 300; hop 1: seg6 encap fd00:a::1; the outer message has
    // no encap type at all (the best peer codec reads hops with the outer one)
    let mut out = [0u8; 512];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let hdr = RtMsg::<Le> { rtm_family: 2, rtm_dst_len: 24, rtm_table: 254, rtm_type: 1, ..Default::default() };
    let seg: [Ipv6Addr; 1] = ["fd00:a::1".parse().unwrap()];
    let mut st = [0u8; 64];
    let srh = Srh::encode(&seg, None, &mut st).unwrap();
    request(&mut w, RTM_NEWROUTE, 0, 1, &hdr, |r| {
        r.dst(Ipv4Addr::new(10, 2, 0, 0).into())?.multipath(|mp| {
            mp.hop(0, 1, 2, |h| {
                let mut lst = [0u8; 4];
                let labels = Labels::encode(&[300], &mut lst).ok_or(EncodeError::BadMark)?;
                h.gateway(Ipv4Addr::new(10, 9, 0, 2).into())?.encap().mpls(|m| m.dst(labels).map(drop))
            })?
            .hop(0, 3, 2, |h| h.encap().seg6(|s| s.srh(Seg6Encap::new(Seg6Mode::ENCAP, srh)).map(drop)))?;
            Ok(())
        })?;
        Ok(())
    })
    .unwrap();
    let n = w.len();
    let (msg, r) = route(&out[..n]);
    assert_eq!(msg.first_error(), None);
    let Some(RouteAttr::Multipath(mp)) = r.attrs().find(RTA_MULTIPATH) else { panic!() };
    let mut hops = mp.hops().map(Result::unwrap);
    let h0 = hops.next().unwrap();
    let h1 = hops.next().unwrap();
    assert_eq!((h0.weight(), h1.weight()), (1, 3));
    assert!(matches!(h0.attrs().find(RTA_ENCAP), Some(RouteAttr::Encap(Encap::Mpls(_)))));
    let Some(RouteAttr::Encap(Encap::Seg6(s))) = h1.attrs().find(RTA_ENCAP) else { panic!() };
    let Some(Seg6IptunnelAttr::Srh(e)) = s.find(SEG6_IPTUNNEL_SRH) else { panic!() };
    assert_eq!(e.mode, Seg6Mode::ENCAP);
    assert_eq!(e.srh.segments().next(), Some(seg[0]));
    let (again, len) = emit(&msg);
    assert_eq!(&again[..len], &out[..n]);
}

#[test]
fn errors_name_their_path() {
    // hop 1's MPLS label stack is 5 bytes: RTA_MULTIPATH > [1] > RTA_ENCAP > MPLS_IPTUNNEL_DST
    let mut out = [0u8; 256];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let hdr = RtMsg::<Le> { rtm_family: 2, ..Default::default() };
    request(&mut w, RTM_NEWROUTE, 0, 1, &hdr, |r| {
        r.multipath(|mp| {
            mp.hop(0, 1, 2, |_| Ok(()))?
                .hop(0, 1, 3, |h| h.encap().mpls(|m| m.dst(Labels(&[0, 0, 0, 0, 0])).map(drop)))?;
            Ok(())
        })?;
        Ok(())
    })
    .unwrap();
    let n = w.len();
    let (msg, _) = route(&out[..n]);
    let e = msg.first_error().unwrap();
    assert!(matches!(e.kind, DecodeErrorKind::BadLength { got: 5, .. }), "{e}");
    let path: heapless::Vec<PathElem, 8> = e.path.iter().collect();
    assert_eq!(
        path.as_slice(),
        &[
            PathElem::Attr(RTA_MULTIPATH),
            PathElem::Index(1),
            PathElem::Attr(RTA_ENCAP),
            PathElem::Attr(MPLS_IPTUNNEL_DST)
        ]
    );
    let mut names: heapless::Vec<PathName, 8> = heapless::Vec::new();
    msg.locate(e.offset, &mut |p| {
        let _ = names.push(p);
    });
    assert_eq!(
        names.as_slice(),
        &[
            PathName::Attr("RTA_MULTIPATH"),
            PathName::Index(1),
            PathName::Attr("RTA_ENCAP"),
            PathName::Attr("MPLS_IPTUNNEL_DST")
        ]
    );
}

#[test]
fn nesting_past_the_bound_is_kept_verbatim() {
    // 20 nested RTA_MULTIPATH levels, built inside out
    let mut buf = [0u8; 16 + 12 + 20 * 12];
    let mut inner_len = 0usize;
    let end = buf.len();
    for _ in 0..20 {
        let start = end - inner_len - 12;
        let hop_len = (8 + inner_len) as u16;
        buf[start..start + 2].copy_from_slice(&(hop_len + 4).to_le_bytes());
        buf[start + 2..start + 4].copy_from_slice(&RTA_MULTIPATH.to_le_bytes());
        buf[start + 4..start + 6].copy_from_slice(&hop_len.to_le_bytes());
        buf[start + 8..start + 12].copy_from_slice(&2i32.to_le_bytes());
        inner_len += 12;
    }
    buf[..4].copy_from_slice(&(end as u32).to_le_bytes());
    buf[4..6].copy_from_slice(&RTM_NEWROUTE.to_le_bytes());
    buf[16] = 2;
    let (msg, _) = route(&buf);
    let e = msg.first_error().unwrap();
    assert_eq!(e.kind, DecodeErrorKind::TooDeep);
    assert_eq!(e.path.len(), MAX_DEPTH - 1);
    let (out, n) = emit(&msg);
    assert_eq!(&out[..n], &buf[..]);
}

/// A request as a user-space sender may build it: `RTA_MULTIPATH` with
/// `NLA_F_NESTED` (which the kernel accepts), one hop via 10.9.0.2 dev 2
/// with an IP encapsulation whose `LWTUNNEL_IP_TTL` is empty.
const FLAGGED_MULTIPATH: [u8; 80] = [
    80, 0, 0, 0, 24, 0, 5, 6, 1, 0, 0, 0, 0, 0, 0, 0, // nlmsghdr: RTM_NEWROUTE, create|excl|ack|request
    2, 24, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0, // rtmsg
    8, 0, 1, 0, 10, 66, 0, 0, // RTA_DST 10.66.0.0
    44, 0, 9, 0x80, // RTA_MULTIPATH | NLA_F_NESTED
    40, 0, 0, 0, 2, 0, 0, 0, // rtnexthop: len 40, ifindex 2
    8, 0, 5, 0, 10, 9, 0, 2, // RTA_GATEWAY
    6, 0, 21, 0, 2, 0, 0, 0, // RTA_ENCAP_TYPE LWTUNNEL_ENCAP_IP
    16, 0, 22, 0, 8, 0, 2, 0, 10, 9, 0, 9, 4, 0, 4, 0, // RTA_ENCAP { LWTUNNEL_IP_DST, LWTUNNEL_IP_TTL (empty) }
];

#[test]
fn a_flagged_multipath_is_decoded_located_and_kept() {
    let (msg, r) = route(&FLAGGED_MULTIPATH);
    let mp = r.attrs().find_map(|a| match a {
        Ok(RouteAttr::Multipath(m)) => Some(m),
        _ => None,
    });
    assert_eq!(mp.expect("typed despite NLA_F_NESTED").hops().count(), 1);
    // byte 76 (the empty TTL, where the kernel's ext-ack points) by name
    let mut path: [Option<PathName>; 4] = [None; 4];
    let mut n = 0;
    msg.locate(76, &mut |p| {
        path[n] = Some(p);
        n += 1;
    });
    assert_eq!(
        path,
        [
            Some(PathName::Attr("RTA_MULTIPATH")),
            Some(PathName::Index(0)),
            Some(PathName::Attr("RTA_ENCAP")),
            Some(PathName::Attr("LWTUNNEL_IP_TTL")),
        ]
    );
    // the empty TTL is invalid and reported with its path; the flag is kept
    let e = msg.first_error().expect("an empty u8");
    assert_eq!(e.offset, 80);
    let (out, len) = emit(&msg);
    assert_eq!(&out[..len], &FLAGGED_MULTIPATH[..]);
}
