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

/// A message of family `family` whose attributes `f` writes, as the
/// kernel lays them out (legacy nests without `NLA_F_NESTED`).
fn written(
    buf: &mut [u8],
    family: u8,
    f: impl FnOnce(&mut Writer<SliceBuffer<'_>, Le>) -> Result<(), EncodeError>,
) -> usize {
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(buf));
    let m = w.begin_msg(RTM_NEWLINK, 0, 1, 0).unwrap();
    let hdr = IfInfoMsg::<Le> { ifi_family: family, ..Default::default() };
    w.header(&hdr).unwrap();
    w.attr_str(IFLA_IFNAME, "x0").unwrap();
    f(&mut w).unwrap();
    w.end_msg(m).unwrap();
    w.len()
}

fn le32s(v: &[u32]) -> heapless::Vec<u8, 64> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

#[test]
fn virtual_functions_decode_typed_as_the_kernel_fills_them() {
    // rtnl_fill_vfinfo's order: MAC, BROADCAST, VLAN, VLAN_LIST, TX_RATE,
    // RATE, SPOOFCHK, LINK_STATE, RSS_QUERY_EN, TRUST, STATS
    let mut mac = [0u8; 36];
    mac[..4].copy_from_slice(&3u32.to_le_bytes());
    mac[4..10].copy_from_slice(&[2, 0, 0, 0, 0, 9]);
    let mut vinfo = [0u8; 16];
    vinfo[..12].copy_from_slice(&le32s(&[3, 100, 5]));
    vinfo[12..14].copy_from_slice(&0x8100u16.to_be_bytes());
    let mut buf = [0u8; 512];
    let n = written(&mut buf, 0, |w| {
        w.attr_u32(IFLA_NUM_VF, 1)?;
        w.nest(IFLA_VFINFO_LIST, false, |w| {
            w.nest(IFLA_VF_INFO, false, |w| {
                w.attr(IFLA_VF_MAC, &mac)?;
                w.attr(IFLA_VF_BROADCAST, &[0xff; 32])?;
                w.attr(IFLA_VF_VLAN, &le32s(&[3, 100, 5]))?;
                w.nest(IFLA_VF_VLAN_LIST, false, |w| w.attr(IFLA_VF_VLAN_INFO, &vinfo))?;
                w.attr(IFLA_VF_TX_RATE, &le32s(&[3, 0]))?;
                w.attr(IFLA_VF_RATE, &le32s(&[3, 10, 1000]))?;
                w.attr(IFLA_VF_SPOOFCHK, &le32s(&[3, 1]))?;
                w.attr(IFLA_VF_LINK_STATE, &le32s(&[3, 2]))?;
                w.attr(IFLA_VF_RSS_QUERY_EN, &le32s(&[3, 0]))?;
                w.attr(IFLA_VF_TRUST, &le32s(&[3, 1]))?;
                w.nest(IFLA_VF_STATS, false, |w| {
                    w.attr(IFLA_VF_STATS_RX_PACKETS, &7u64.to_le_bytes())?;
                    w.attr(IFLA_VF_STATS_PAD, &[])?;
                    w.attr(IFLA_VF_STATS_TX_DROPPED, &9u64.to_le_bytes())
                })
            })
        })?;
        w.nest(IFLA_VF_PORTS, false, |w| {
            w.nest(IFLA_VF_PORT, false, |w| {
                w.attr_u32(IFLA_PORT_VF, 3)?;
                w.attr_str(IFLA_PORT_PROFILE, "p1")?;
                w.attr(IFLA_PORT_VSI_TYPE, &[1, 2, 3, 4, 5, 0, 0, 0])?;
                w.attr_u16(IFLA_PORT_RESPONSE, 0x100)
            })
        })?;
        w.nest(IFLA_DEVLINK_PORT, true, |w| {
            w.attr_str(DEVLINK_ATTR_BUS_NAME, "netdevsim")?;
            w.attr_str(DEVLINK_ATTR_DEV_NAME, "netdevsim1")?;
            w.attr_u32(DEVLINK_ATTR_PORT_INDEX, 0)
        })
    });
    let (msg, l) = link(&buf[..n]);
    assert_eq!(msg.first_error(), None);
    let Some(LinkAttr::VfinfoList(list)) = l.attrs().find(IFLA_VFINFO_LIST) else { panic!() };
    let Some(VfinfoListAttr::Info(vf)) = list.find(IFLA_VF_INFO) else { panic!() };
    let attrs: heapless::Vec<VfAttr<'_, Le>, 16> = vf.iter().map(Result::unwrap).collect();
    assert_eq!(attrs.len(), 11);
    assert!(attrs.iter().all(|a| !matches!(a, VfAttr::Unknown(_) | VfAttr::Invalid(..))), "{attrs:?}");
    let Some(VfAttr::Mac(m)) = vf.find(IFLA_VF_MAC) else { panic!() };
    assert_eq!((m.vf.get(), &m.mac[..6]), (3, &[2u8, 0, 0, 0, 0, 9][..]));
    let Some(VfAttr::VlanList(vl)) = vf.find(IFLA_VF_VLAN_LIST) else { panic!() };
    let Some(VfVlanListAttr::Info(i)) = vl.find(IFLA_VF_VLAN_INFO) else { panic!() };
    assert_eq!((i.vlan.get(), i.qos.get(), i.vlan_proto.get()), (100, 5, 0x8100));
    let Some(VfAttr::Rate(r)) = vf.find(IFLA_VF_RATE) else { panic!() };
    assert_eq!((r.min_tx_rate.get(), r.max_tx_rate.get()), (10, 1000));
    let Some(VfAttr::Stats(s)) = vf.find(IFLA_VF_STATS) else { panic!() };
    assert_eq!(s.find(IFLA_VF_STATS_RX_PACKETS), Some(VfStatsAttr::RxPackets(7)));
    assert_eq!(s.find(IFLA_VF_STATS_TX_DROPPED), Some(VfStatsAttr::TxDropped(9)));
    let Some(LinkAttr::VfPorts(p)) = l.attrs().find(IFLA_VF_PORTS) else { panic!() };
    let Some(VfPortsAttr::Port(port)) = p.find(IFLA_VF_PORT) else { panic!() };
    assert_eq!(port.find(IFLA_PORT_PROFILE), Some(PortAttr::Profile("p1")));
    let Some(PortAttr::VsiType(v)) = port.find(IFLA_PORT_VSI_TYPE) else { panic!() };
    assert_eq!((v.vsi_mgr_id(), v.vsi_type_id(), v.vsi_type_version()), (1, [2, 3, 4], 5));
    assert_eq!(port.find(IFLA_PORT_RESPONSE), Some(PortAttr::Response(0x100)));
    let Some(LinkAttr::DevlinkPort(d)) = l.attrs().find(IFLA_DEVLINK_PORT) else { panic!() };
    assert_eq!(d.find(DEVLINK_ATTR_DEV_NAME), Some(DevlinkPortAttr::DevName("netdevsim1")));
    reemit(&msg, &buf[..n]);
}

#[test]
fn a_can_device_decodes_its_bit_timing_and_limits() {
    let mut bt_const = [0u8; 48];
    bt_const[..5].copy_from_slice(b"m_can");
    bt_const[16..].copy_from_slice(&le32s(&[1, 256, 1, 128, 128, 1, 512, 1]));
    let mut buf = [0u8; 512];
    let n = written(&mut buf, 0, |w| {
        w.nest(IFLA_LINKINFO, false, |w| {
            w.attr_str(IFLA_INFO_KIND, "can")?;
            w.nest(IFLA_INFO_DATA, false, |w| {
                w.attr(IFLA_CAN_BITTIMING, &le32s(&[500_000, 875, 25, 34, 35, 10, 1, 1]))?;
                w.attr(IFLA_CAN_BITTIMING_CONST, &bt_const)?;
                w.attr_u32(IFLA_CAN_CLOCK, 40_000_000)?;
                w.attr_u32(IFLA_CAN_STATE, 3)?;
                w.attr(IFLA_CAN_CTRLMODE, &le32s(&[0x20, 0x20]))?;
                w.attr_u32(IFLA_CAN_RESTART_MS, 100)?;
                w.attr(IFLA_CAN_BERR_COUNTER, &[1, 0, 2, 0])?;
                w.attr(IFLA_CAN_BITRATE_CONST, &le32s(&[125_000, 250_000, 500_000]))?;
                w.attr(IFLA_CAN_TERMINATION_CONST, &[0, 0, 120, 0])?;
                w.attr_u16(IFLA_CAN_TERMINATION, 120)?;
                w.nest(IFLA_CAN_TDC, true, |w| w.attr_u32(IFLA_CAN_TDC_TDCV_MAX, 127))?;
                w.nest(IFLA_CAN_CTRLMODE_EXT, true, |w| w.attr_u32(IFLA_CAN_CTRLMODE_SUPPORTED, 0x3ff))
            })
        })
    });
    let (msg, l) = link(&buf[..n]);
    assert_eq!(msg.first_error(), None);
    assert_eq!(l.kind(), Some("can"));
    let Some(LinkAttr::Linkinfo(info)) = l.attrs().find(IFLA_LINKINFO) else { panic!() };
    let Some(LinkInfoAttr::Data(LinkInfoData::Can(c))) = info.find(IFLA_INFO_DATA) else { panic!("{info:?}") };
    assert!(c.iter().map(Result::unwrap).all(|a| !matches!(a, CanAttr::Unknown(_) | CanAttr::Invalid(..))));
    let Some(CanAttr::Bittiming(bt)) = c.find(IFLA_CAN_BITTIMING) else { panic!() };
    assert_eq!((bt.bitrate.get(), bt.sample_point.get()), (500_000, 875));
    let Some(CanAttr::BittimingConst(k)) = c.find(IFLA_CAN_BITTIMING_CONST) else { panic!() };
    assert_eq!((&k.name[..5], k.brp_max.get()), (&b"m_can"[..], 512));
    assert_eq!(c.find(IFLA_CAN_STATE), Some(CanAttr::State(CanState::BUS_OFF)));
    assert_eq!(CanState::BUS_OFF.short_name(), Some("BUS-OFF"));
    let Some(CanAttr::BerrCounter(e)) = c.find(IFLA_CAN_BERR_COUNTER) else { panic!() };
    assert_eq!((e.txerr.get(), e.rxerr.get()), (1, 2));
    let Some(CanAttr::BitrateConst(r)) = c.find(IFLA_CAN_BITRATE_CONST) else { panic!() };
    assert_eq!(r.iter().map(|x| x.get()).collect::<heapless::Vec<u32, 4>>(), [125_000, 250_000, 500_000]);
    let Some(CanAttr::TerminationConst(t)) = c.find(IFLA_CAN_TERMINATION_CONST) else { panic!() };
    assert_eq!(t.len(), 2);
    let Some(CanAttr::Tdc(tdc)) = c.find(IFLA_CAN_TDC) else { panic!() };
    assert_eq!(tdc.find(IFLA_CAN_TDC_TDCV_MAX), Some(CanTdcAttr::TdcvMax(127)));
    reemit(&msg, &buf[..n]);
    // a bit-rate table that is not a whole number of u32s is invalid, kept
    let n = written(&mut buf, 0, |w| {
        w.nest(IFLA_LINKINFO, false, |w| {
            w.attr_str(IFLA_INFO_KIND, "can")?;
            w.nest(IFLA_INFO_DATA, false, |w| w.attr(IFLA_CAN_BITRATE_CONST, &[1, 2, 3, 4, 5, 6]))
        })
    });
    let (msg, _) = link(&buf[..n]);
    assert!(msg.first_error().is_some());
    reemit(&msg, &buf[..n]);
}

#[test]
fn bridge_redundancy_protocols_decode_typed_in_af_bridge_messages() {
    let mut buf = [0u8; 512];
    let n = written(&mut buf, 7, |w| {
        w.nest(IFLA_AF_SPEC, false, |w| {
            w.nest(IFLA_BRIDGE_MRP, false, |w| {
                w.nest(IFLA_BRIDGE_MRP_INFO, false, |w| {
                    w.attr_u32(IFLA_BRIDGE_MRP_INFO_RING_ID, 1)?;
                    w.attr_u32(IFLA_BRIDGE_MRP_INFO_P_IFINDEX, 4)?;
                    w.attr_u32(IFLA_BRIDGE_MRP_INFO_S_IFINDEX, 5)?;
                    w.attr_u16(IFLA_BRIDGE_MRP_INFO_PRIO, 0x8000)?;
                    w.attr_u32(IFLA_BRIDGE_MRP_INFO_RING_STATE, 1)
                })
            })?;
            w.nest(IFLA_BRIDGE_CFM, false, |w| {
                w.nest(IFLA_BRIDGE_CFM_MEP_CONFIG_INFO, true, |w| {
                    w.attr_u32(IFLA_BRIDGE_CFM_MEP_CONFIG_INSTANCE, 2)?;
                    w.attr(IFLA_BRIDGE_CFM_MEP_CONFIG_UNICAST_MAC, &[2, 0, 0, 0, 0, 1])?;
                    w.attr_u32(IFLA_BRIDGE_CFM_MEP_CONFIG_MDLEVEL, 3)
                })?;
                w.nest(IFLA_BRIDGE_CFM_CC_PEER_STATUS_INFO, true, |w| {
                    w.attr_u32(IFLA_BRIDGE_CFM_CC_PEER_STATUS_INSTANCE, 2)?;
                    w.attr_u8(IFLA_BRIDGE_CFM_CC_PEER_STATUS_PORT_TLV_VALUE, 2)
                })
            })?;
            w.nest(IFLA_BRIDGE_MST, true, |w| {
                w.nest(IFLA_BRIDGE_MST_ENTRY, true, |w| {
                    w.attr_u16(IFLA_BRIDGE_MST_ENTRY_MSTI, 10)?;
                    w.attr_u8(IFLA_BRIDGE_MST_ENTRY_STATE, 3)
                })
            })
        })
    });
    let (msg, l) = link(&buf[..n]);
    assert_eq!(msg.first_error(), None);
    let Some(LinkAttr::AfSpec(AfSpec::Bridge(b))) = l.attrs().find(IFLA_AF_SPEC) else { panic!() };
    let Some(BridgeAfAttr::Mrp(mrp)) = b.find(IFLA_BRIDGE_MRP) else { panic!() };
    let Some(MrpAttr::Info(i)) = mrp.find(IFLA_BRIDGE_MRP_INFO) else { panic!() };
    assert_eq!(i.find(IFLA_BRIDGE_MRP_INFO_PRIO), Some(MrpInfoAttr::Prio(0x8000)));
    assert_eq!(i.find(IFLA_BRIDGE_MRP_INFO_S_IFINDEX), Some(MrpInfoAttr::SIfindex(5)));
    let Some(BridgeAfAttr::Cfm(cfm)) = b.find(IFLA_BRIDGE_CFM) else { panic!() };
    let Some(CfmAttr::MepConfigInfo(c)) = cfm.find(IFLA_BRIDGE_CFM_MEP_CONFIG_INFO) else { panic!() };
    assert_eq!(c.find(IFLA_BRIDGE_CFM_MEP_CONFIG_MDLEVEL), Some(CfmMepConfigAttr::Mdlevel(3)));
    let Some(CfmAttr::CcPeerStatusInfo(p)) = cfm.find(IFLA_BRIDGE_CFM_CC_PEER_STATUS_INFO) else { panic!() };
    assert_eq!(p.find(IFLA_BRIDGE_CFM_CC_PEER_STATUS_PORT_TLV_VALUE), Some(CfmCcPeerStatusAttr::PortTlvValue(2)));
    let Some(BridgeAfAttr::Mst(mst)) = b.find(IFLA_BRIDGE_MST) else { panic!() };
    let Some(MstAttr::Entry(e)) = mst.find(IFLA_BRIDGE_MST_ENTRY) else { panic!() };
    assert_eq!(e.find(IFLA_BRIDGE_MST_ENTRY_MSTI), Some(MstEntryAttr::Msti(10)));
    reemit(&msg, &buf[..n]);
}

#[test]
fn kinds_without_options_are_named() {
    for kind in ["dummy", "ifb", "nlmon", "vcan", "virt_wifi", "team", "netdevsim", "wireguard"] {
        assert!(LinkInfoData::<'_, Le>::KINDS.iter().any(|(k, _)| *k == kind), "{kind}");
        // an empty IFLA_INFO_DATA (a request may send one) decodes as the kind
        let mut buf = [0u8; 128];
        let n = written(&mut buf, 0, |w| {
            w.nest(IFLA_LINKINFO, false, |w| {
                w.attr_str(IFLA_INFO_KIND, kind)?;
                w.nest(IFLA_INFO_DATA, false, |_| Ok(()))
            })
        });
        let (msg, l) = link(&buf[..n]);
        assert_eq!(msg.first_error(), None);
        let Some(LinkAttr::Linkinfo(info)) = l.attrs().find(IFLA_LINKINFO) else { panic!() };
        let Some(LinkInfoAttr::Data(d)) = info.find(IFLA_INFO_DATA) else { panic!() };
        assert!(!matches!(d, LinkInfoData::Unknown(..)), "{kind}: {d:?}");
        assert_eq!(d.kind(), kind);
        reemit(&msg, &buf[..n]);
    }
}

#[test]
fn extended_statistics_are_typed_by_the_kind_wherever_it_stands() {
    let stats = le32s(&[1, 2, 3, 4, 5, 6]);
    for kind in ["can", "bond"] {
        let mut buf = [0u8; 256];
        let n = written(&mut buf, 0, |w| {
            w.nest(IFLA_LINKINFO, false, |w| {
                // the statistics before the kind, as no kernel writes them
                w.attr(IFLA_INFO_XSTATS, &stats)?;
                w.attr_str(IFLA_INFO_KIND, kind)
            })
        });
        let (msg, l) = link(&buf[..n]);
        assert_eq!(msg.first_error(), None);
        let Some(LinkAttr::Linkinfo(info)) = l.attrs().find(IFLA_LINKINFO) else { panic!() };
        match (kind, info.find(IFLA_INFO_XSTATS)) {
            ("can", Some(LinkInfoAttr::Xstats(LinkXstats::Can(s)))) => {
                assert_eq!((s.bus_error.get(), s.restarts.get()), (1, 6));
            }
            ("bond", Some(LinkInfoAttr::Xstats(LinkXstats::Other(b)))) => assert_eq!(b.0, &stats[..]),
            other => panic!("{other:?}"),
        }
        reemit(&msg, &buf[..n]);
    }
}
