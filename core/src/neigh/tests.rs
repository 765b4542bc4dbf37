use super::*;
use crate::message::{Message, RtnlMessage};
use crate::wire::flags::Request;
use crate::wire::{LittleEndian, Messages, SliceBuffer};
use core::net::{Ipv4Addr, Ipv6Addr};

type Le = LittleEndian;

/// Frames `body` as message type `ty` (little-endian, NLM_F_MULTI).
fn framed(ty: u16, body: &[u8]) -> heapless::Vec<u8, 512> {
    let mut m = heapless::Vec::new();
    let len = (16 + body.len()) as u32;
    m.extend_from_slice(&len.to_le_bytes()).unwrap();
    m.extend_from_slice(&ty.to_le_bytes()).unwrap();
    m.extend_from_slice(&[2, 0, 7, 0, 0, 0, 0, 0, 0, 0]).unwrap();
    m.extend_from_slice(body).unwrap();
    m
}

fn decode(m: &[u8]) -> Message<'_, Le> {
    Message::decode(Messages::<Le>::with_order(m).next().unwrap().unwrap())
}

fn reencode(m: &[u8]) {
    let mut out = [0u8; 512];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    decode(m).emit(&mut w).unwrap();
    let n = w.len();
    assert_eq!(&out[..n], m);
}

// 10.0.0.2 lladdr 02:00:00:00:00:02 REACHABLE on ifindex 3, as the kernel
// sends it (NDA_DST, NDA_LLADDR, NDA_PROBES, NDA_CACHEINFO)
const NEIGH: &[u8] = &[
    2, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 1, // ndmsg: inet ifindex 3 reachable, flags 0, unicast
    8, 0, 1, 0, 10, 0, 0, 2, // NDA_DST
    10, 0, 2, 0, 2, 0, 0, 0, 0, 2, 0, 0, // NDA_LLADDR (6 bytes + 2 pad)
    8, 0, 4, 0, 1, 0, 0, 0, // NDA_PROBES 1
    20, 0, 3, 0, 10, 0, 0, 0, 20, 0, 0, 0, 30, 0, 0, 0, 1, 0, 0, 0, // NDA_CACHEINFO
];

#[test]
fn deconstruct_a_neighbour() {
    let m = framed(RTM_NEWNEIGH, NEIGH);
    let msg = decode(&m);
    let RtnlMessage::Neigh(n) = msg.body() else { panic!("{msg:?}") };
    let h = n.header();
    assert_eq!((h.ndm_family, h.ndm_ifindex.get()), (2, 3));
    assert!(h.state().has(NudState::REACHABLE));
    assert_eq!(h.state().names().map(|n| n.1).collect::<heapless::Vec<_, 2>>(), ["reachable"]);
    assert_eq!(h.ty(), RouteType::UNICAST);
    assert_eq!(n.destination(), Some(Address::V4(Ipv4Addr::new(10, 0, 0, 2))));
    assert_eq!(n.lladdr(), Some(&[2u8, 0, 0, 0, 0, 2][..]));
    let ci = n.attrs().find_map(|a| match a {
        Ok(NeighAttr::CacheInfo(c)) => Some(c),
        _ => None,
    });
    assert_eq!(ci.map(|c| (c.ndm_confirmed.get(), c.ndm_refcnt.get())), Some((10, 1)));
    assert_eq!(msg.first_error(), None);
    reencode(&m);
}

#[test]
fn construct_the_same_neighbour_with_the_builder() {
    let mut out = [0u8; 128];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let hdr = NdMsg::<Le> {
        ndm_family: 2,
        ndm_ifindex: 3.into(),
        ndm_state: NudState::REACHABLE.into(),
        ndm_type: 1,
        ..Default::default()
    };
    request(&mut w, RTM_NEWNEIGH, 2, 7, &hdr, |a| {
        a.dst(Ipv4Addr::new(10, 0, 0, 2).into())?.lladdr(Bytes(&[2, 0, 0, 0, 0, 2]))?.probes(1)?;
        a.cacheinfo(NdaCacheInfo {
            ndm_confirmed: 10.into(),
            ndm_used: 20.into(),
            ndm_updated: 30.into(),
            ndm_refcnt: 1.into(),
        })?;
        Ok(())
    })
    .unwrap();
    let n = w.len();
    assert_eq!(&out[..n], &framed(RTM_NEWNEIGH, NEIGH)[..]);
}

#[test]
fn a_vxlan_fdb_entry_keeps_its_ipv6_remote_and_port_in_network_order() {
    // bridge fdb: AF_BRIDGE, 00:00:00:00:00:00 dst fd00::1 port 4789 vni 42 self permanent
    let mut out = [0u8; 256];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let hdr = NdMsg::<Le> {
        ndm_family: crate::net::AF_BRIDGE,
        ndm_ifindex: 5.into(),
        ndm_state: NudState::PERMANENT.into(),
        ndm_flags: NtfFlags::SELF,
        ..Default::default()
    };
    let remote = Ipv6Addr::new(0xfd00, 0, 0, 0, 0, 0, 0, 1);
    request(&mut w, RTM_NEWNEIGH, Request::Add.flags(), 1, &hdr, |a| {
        a.lladdr(Bytes(&[0; 6]))?.dst(remote.into())?.port(Be16(4789))?.vni(42)?;
        a.master(4)?.vlan(10)?.flags_ext(NtfExtFlags(NtfExtFlags::LOCKED))?;
        a.fdb_ext_attrs(|e| {
            e.activity_notify(1)?;
            Ok(())
        })?;
        Ok(())
    })
    .unwrap();
    let n = w.len();
    let msg = decode(&out[..n]);
    let RtnlMessage::Neigh(f) = msg.body() else { panic!("{msg:?}") };
    assert_eq!(f.destination(), Some(Address::V6(remote)));
    assert!(f.flags_ext().has(NtfExtFlags::LOCKED));
    assert!(f.header().flags().has(NtfFlags::SELF));
    // the port's bytes are big-endian whatever the host order
    let port = f.attrs().raw().find(NDA_PORT).unwrap();
    assert_eq!(port.payload(), &[0x12, 0xb5]);
    assert!(f.attrs().any(|a| matches!(a, Ok(NeighAttr::Port(Be16(4789))))));
    assert!(f.attrs().any(|a| matches!(a, Ok(NeighAttr::FdbExtAttrs(_)))));
    assert_eq!(msg.first_error(), None);
    reencode(&out[..n]);
}

#[test]
fn bad_neighbour_payloads_are_kept_with_offset_and_path() {
    // NDA_CACHEINFO of 12 bytes; NDA_FDB_EXT_ATTRS whose inner attribute
    // overruns
    let body: &[u8] = &[
        7, 0, 0, 0, 3, 0, 0, 0, 0x80, 0, 2, 0, // ndmsg
        16, 0, 3, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, // NDA_CACHEINFO, short
        12, 0, 14, 0x80, 12, 0, 1, 0, 1, 0, 0, 0, // NDA_FDB_EXT_ATTRS { overrunning }
    ];
    let m = framed(RTM_NEWNEIGH, body);
    let msg = decode(&m);
    let err = msg.first_error().unwrap();
    assert_eq!(err.offset, 16 + 12 + 4); // the short payload
    let RtnlMessage::Neigh(n) = msg.body() else { panic!() };
    let v: heapless::Vec<_, 4> = n.attrs().map(Result::unwrap).collect();
    assert!(matches!(&v[0], NeighAttr::Invalid(a, _) if a.id() == NDA_CACHEINFO));
    let NeighAttr::FdbExtAttrs(nest) = &v[1] else { panic!("{v:?}") };
    let inner = nest.iter().first_error().unwrap();
    assert_eq!(inner.offset, 16 + 12 + 16 + 4);
    let mut path: heapless::Vec<PathName, 4> = heapless::Vec::new();
    msg.locate(inner.offset, &mut |p| path.push(p).unwrap());
    assert_eq!(path.first(), Some(&PathName::Attr("NDA_FDB_EXT_ATTRS")));
    reencode(&m);
}

#[test]
fn a_neighbour_table_decodes_config_stats_and_parameters() {
    let mut out = [0u8; 512];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let hdr = NdtMsg::<Le> { ndtm_family: 2, ..Default::default() };
    table_request(&mut w, RTM_NEWNEIGHTBL, 2, 1, &hdr, |a| {
        a.name("arp_cache")?.thresh1(128)?.thresh2(512)?.thresh3(1024)?;
        a.config(NdtConfig { ndtc_key_len: 4.into(), ndtc_entry_size: 440.into(), ..Default::default() })?;
        a.stats(NdtStats { ndts_allocs: 7.into(), ndts_table_fulls: 1.into(), ..Default::default() })?;
        a.parms(|p| {
            p.refcnt(1)?.reachable_time(30_000)?.base_reachable_time(30_000)?.queue_lenbytes(212_992)?;
            p.interval_probe_time_ms(5000)?;
            Ok(())
        })?;
        a.gc_interval(30_000)?;
        Ok(())
    })
    .unwrap();
    let n = w.len();
    let msg = decode(&out[..n]);
    let RtnlMessage::NeighTbl(t) = msg.body() else { panic!("{msg:?}") };
    assert_eq!(t.name(), Some("arp_cache"));
    let v: heapless::Vec<_, 8> = t.attrs().map(Result::unwrap).collect();
    assert!(matches!(&v[4], NeighTblAttr::Config(c) if c.ndtc_entry_size.get() == 440));
    assert!(matches!(&v[5], NeighTblAttr::Stats(s) if s.ndts_allocs.get() == 7));
    let NeighTblAttr::Parms(p) = &v[6] else { panic!() };
    assert!(p.iter().any(|a| matches!(a, Ok(NdtParmsAttr::QueueLenbytes(212_992)))));
    assert_eq!(msg.first_error(), None);
    reencode(&out[..n]);
}

#[test]
fn nd_user_options_yield_their_icmpv6_options_and_report_a_bad_one() {
    // RDNSS (type 25, length 3: 24 bytes) then the router's address
    let mut body: heapless::Vec<u8, 128> = heapless::Vec::new();
    body.extend_from_slice(&[10, 0, 24, 0, 2, 0, 0, 0, 134, 0, 0, 0, 0, 0, 0, 0]).unwrap();
    body.extend_from_slice(&[25, 3, 0, 0, 0, 0, 0x0e, 0x10]).unwrap();
    body.extend_from_slice(&Ipv6Addr::new(0xfd00, 0, 0, 0, 0, 0, 0, 0x53).octets()).unwrap();
    body.extend_from_slice(&[20, 0, 1, 0]).unwrap();
    body.extend_from_slice(&Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 1).octets()).unwrap();
    let m = framed(RTM_NEWNDUSEROPT, &body);
    let msg = decode(&m);
    let RtnlMessage::NdUserOpt(u) = msg.body() else { panic!("{msg:?}") };
    let opts: heapless::Vec<_, 2> = u.options().map(Result::unwrap).collect();
    assert_eq!(opts.len(), 1);
    assert_eq!((opts[0].ty, opts[0].bytes.len(), opts[0].body().len()), (25, 24, 22));
    let a: heapless::Vec<_, 2> = u.attrs().map(Result::unwrap).collect();
    assert!(matches!(a[0], NdUserOptAttr::Srcaddr(Address::V6(x)) if x.segments()[0] == 0xfe80));
    assert_eq!(msg.first_error(), None);
    reencode(&m);

    // an option claiming 32 bytes where 24 are: an error at its offset
    let mut bad = body.clone();
    bad[17] = 4;
    let m = framed(RTM_NEWNDUSEROPT, &bad);
    let msg = decode(&m);
    assert_eq!(msg.first_error().map(|e| e.offset), Some(16 + 16));
    reencode(&m);

    // options longer than the message: the payload kept as invalid
    let mut short = body.clone();
    short[2] = 200;
    let m = framed(RTM_NEWNDUSEROPT, &short);
    assert!(matches!(decode(&m).body(), RtnlMessage::Invalid(..)));
    reencode(&m);
}
