//! Unit tests of the link family: messages built with the typed builder,
//! decoded and re-encoded; the kind selecting the options wherever it
//! stands; a veth's peer; statistics of every length; bad input kept.

use super::*;
use crate::message::{Message, RtnlMessage};
use crate::wire::flags::Request;
use crate::wire::{LittleEndian, Messages, SliceBuffer};

type Le = LittleEndian;

fn link(bytes: &[u8]) -> (Message<'_, Le>, LinkMessage<'_, Le>) {
    let msg = Message::decode(Messages::<Le>::with_order(bytes).next().unwrap().unwrap());
    let RtnlMessage::Link(l) = msg.body().clone() else { panic!("not a link: {msg:?}") };
    (msg, l)
}

fn reemit(msg: &Message<'_, Le>, want: &[u8]) {
    let mut out = [0u8; 1024];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    msg.emit(&mut w).unwrap();
    let n = w.len();
    assert_eq!(&out[..n], want);
}

/// `ip link add v0 type veth peer name v1` with an MTU on each side, as
/// the builder writes it.
fn veth_request(buf: &mut [u8]) -> usize {
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(buf));
    let hdr = IfInfoMsg::<Le>::default();
    request(&mut w, RTM_NEWLINK, Request::Add.flags(), 7, &hdr, |l| {
        l.ifname("v0")?.mtu(1400)?;
        l.linkinfo(|i| {
            i.data().veth(|v| {
                v.peer(&IfInfoMsg::default(), |p| {
                    p.ifname("v1")?.mtu(1300)?;
                    Ok(())
                })
                .map(drop)
            })
        })?;
        Ok(())
    })
    .unwrap();
    w.len()
}

#[test]
fn a_veth_request_decodes_with_its_peer() {
    let mut buf = [0u8; 256];
    let n = veth_request(&mut buf);
    let (msg, l) = link(&buf[..n]);
    assert_eq!(msg.first_error(), None);
    assert_eq!((l.name(), l.kind()), (Some("v0"), Some("veth")));
    let Some(LinkAttr::Linkinfo(info)) = l.attrs().find(IFLA_LINKINFO) else { panic!() };
    let Some(LinkInfoAttr::Data(LinkInfoData::Veth(v))) = info.find(IFLA_INFO_DATA) else { panic!("{info:?}") };
    let Some(VethAttr::Peer(p)) = v.find(VETH_INFO_PEER) else { panic!() };
    let mut it = p.attrs().map(Result::unwrap);
    let peer: [LinkAttr<'_, Le>; 2] = core::array::from_fn(|_| it.next().unwrap());
    assert_eq!(peer, [LinkAttr::Ifname("v1"), LinkAttr::Mtu(1300)]);
    assert!(it.next().is_none());
    reemit(&msg, &buf[..n]);
}

#[test]
fn the_kind_selects_the_options_before_or_after_them() {
    // IFLA_LINKINFO { IFLA_INFO_DATA { IFLA_BR_STP_STATE 1 } IFLA_INFO_KIND "bridge" }
    let mut buf = [0u8; 128];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut buf));
    let m = w.begin_msg(RTM_NEWLINK, 0, 1, 0).unwrap();
    w.header(&IfInfoMsg::<Le>::default()).unwrap();
    w.attr_str(IFLA_IFNAME, "br0").unwrap();
    w.nest(IFLA_LINKINFO, false, |w| {
        w.nest(IFLA_INFO_DATA, false, |w| w.attr_u32(IFLA_BR_STP_STATE, 1))?;
        w.attr_str(IFLA_INFO_KIND, "bridge")
    })
    .unwrap();
    w.end_msg(m).unwrap();
    let n = w.len();
    let (msg, l) = link(&buf[..n]);
    assert_eq!(msg.first_error(), None);
    let Some(LinkAttr::Linkinfo(info)) = l.attrs().find(IFLA_LINKINFO) else { panic!() };
    let Some(LinkInfoAttr::Data(LinkInfoData::Bridge(b))) = info.find(IFLA_INFO_DATA) else { panic!("{info:?}") };
    assert_eq!(b.find(IFLA_BR_STP_STATE), Some(BridgeAttr::StpState(1)));
    reemit(&msg, &buf[..n]);
}

/// A link message with one attribute `id` holding `payload` after the name.
fn with_attr(buf: &mut [u8], id: u16, payload: &[u8]) -> usize {
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(buf));
    let m = w.begin_msg(RTM_NEWLINK, 0, 1, 0).unwrap();
    w.header(&IfInfoMsg::<Le>::default()).unwrap();
    w.attr(id, payload).unwrap();
    w.attr_str(IFLA_IFNAME, "x0").unwrap();
    w.end_msg(m).unwrap();
    w.len()
}

#[test]
fn statistics_of_every_kernels_length_decode_and_reencode_exactly() {
    // 184 bytes (before rx_nohandler), 192, 200 (7.2), 208 (a newer kernel)
    for len in [184usize, 192, 200, 208] {
        let mut stats = [0u8; 208];
        for (i, b) in stats.iter_mut().enumerate() {
            *b = i as u8;
        }
        let mut buf = [0u8; 512];
        let n = with_attr(&mut buf, IFLA_STATS64, &stats[..len]);
        let (msg, l) = link(&buf[..n]);
        assert_eq!(msg.first_error(), None, "{len}");
        let Some(LinkAttr::Stats64(s)) = l.attrs().find(IFLA_STATS64) else { panic!("{len}") };
        assert_eq!(s.bytes().len(), len);
        assert_eq!(s.has("rx_nohandler"), len >= 192);
        assert_eq!(s.has("rx_otherhost_dropped"), len >= 200);
        assert_eq!(s.tail().len(), len.saturating_sub(200));
        assert_eq!(s.get().rx_packets.get(), u64::from_le_bytes([0, 1, 2, 3, 4, 5, 6, 7]));
        // the rest of the message is there
        assert_eq!(l.name(), Some("x0"));
        reemit(&msg, &buf[..n]);
    }
    // rtnl_link_ifmap of a 32-bit kernel: 28 bytes
    let mut buf = [0u8; 128];
    let n = with_attr(&mut buf, IFLA_MAP, &[7u8; 28]);
    let (msg, l) = link(&buf[..n]);
    assert_eq!(msg.first_error(), None);
    let Some(LinkAttr::Map(m)) = l.attrs().find(IFLA_MAP) else { panic!() };
    assert!(m.has("port") && !m.has("__pad"));
    reemit(&msg, &buf[..n]);
}

#[test]
fn bad_and_unknown_attributes_are_kept_with_their_place() {
    // IFLA_MTU of 2 bytes: invalid, reported at its offset and path; the
    // name after it still decodes; the message re-encodes as received
    let mut buf = [0u8; 128];
    let n = with_attr(&mut buf, IFLA_MTU, &[1, 2]);
    let (msg, l) = link(&buf[..n]);
    let e = msg.first_error().expect("the short MTU");
    assert_eq!(e.offset, 16 + 16 + 4);
    assert_eq!(l.name(), Some("x0"));
    assert!(matches!(l.attrs().find(IFLA_MTU), Some(LinkAttr::Invalid(..))));
    reemit(&msg, &buf[..n]);
    // an id newer than 7.2: Unknown, kept
    let n = with_attr(&mut buf, 200, &[9, 9, 9, 9]);
    let (msg, l) = link(&buf[..n]);
    assert_eq!(msg.first_error(), None);
    assert!(matches!(l.attrs().next(), Some(Ok(LinkAttr::Unknown(a))) if a.id() == 200));
    reemit(&msg, &buf[..n]);
}

#[test]
fn a_kind_not_typed_is_named_and_kept() {
    let mut buf = [0u8; 128];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut buf));
    let m = w.begin_msg(RTM_NEWLINK, 0, 1, 0).unwrap();
    w.header(&IfInfoMsg::<Le>::default()).unwrap();
    w.nest(IFLA_LINKINFO, false, |w| {
        w.attr_str(IFLA_INFO_KIND, "futurekind")?;
        w.nest(IFLA_INFO_DATA, false, |w| w.attr_u32(1, 5))
    })
    .unwrap();
    w.end_msg(m).unwrap();
    let n = w.len();
    let (msg, l) = link(&buf[..n]);
    assert_eq!(msg.first_error(), None);
    assert_eq!(l.kind(), Some("futurekind"));
    let Some(LinkAttr::Linkinfo(info)) = l.attrs().find(IFLA_LINKINFO) else { panic!() };
    let Some(LinkInfoAttr::Data(LinkInfoData::Unknown(k, raw))) = info.find(IFLA_INFO_DATA) else { panic!() };
    assert_eq!((k, raw.bytes.len()), ("futurekind", 8));
    reemit(&msg, &buf[..n]);
}

#[test]
fn flags_and_types_are_named_keeping_unknown_bits() {
    let f = IfFlags(IfFlags::UP | IfFlags::LOWER_UP | 1 << 30);
    let mut names = f.names();
    assert_eq!(names.next(), Some(("IFF_UP", "UP")));
    assert_eq!(names.next(), Some(("IFF_LOWER_UP", "LOWER_UP")));
    assert_eq!(names.next(), None);
    assert_eq!(f.unknown(), 1 << 30);
    assert_eq!(LinkType(1).short_name(), Some("ether"));
    assert_eq!(LinkType(772).short_name(), Some("loopback"));
    assert_eq!(LinkType(4242).short_name(), None);
    assert_eq!(LinkType::from_name("ARPHRD_IPGRE"), Some(LinkType::IPGRE));
}
