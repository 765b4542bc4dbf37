//! Every attribute id of the Linux 7.2 uapi headers (testdata/uapi-7.2)
//! that belongs to a typed set has a typed variant with the kernel's name.
//! The headers are parsed here (their enums, implicit values counted), so
//! that a header update names what the codec lacks.

use std::collections::BTreeMap;

use rtnl_core::link;
use rtnl_core::typed::AttrSet;
use rtnl_core::wire::NativeEndian;
use rtnl_tests::testdata;

/// The enumerators of every `enum { … }` in `file`, in order, aliases
/// (`X = Y`) and computed ones (`X = __Y - 1`) left out.
fn enums(file: &str) -> Vec<Vec<(String, u16)>> {
    let src = std::fs::read_to_string(testdata().join("uapi-7.2/linux").join(file)).unwrap();
    // comments and preprocessor lines out
    let mut text = String::new();
    let mut rest = src.as_str();
    while let Some(i) = rest.find("/*") {
        text.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map(|j| &rest[i + j + 2..]).unwrap_or("");
    }
    text.push_str(rest);
    let text: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("enum") {
        let after = &rest[i + 4..];
        let (Some(open), Some(close)) = (after.find('{'), after.find('}')) else { break };
        if open > close || !after[..open].trim().chars().all(|c| c.is_alphanumeric() || c == '_') {
            rest = after;
            continue;
        }
        let mut v: i64 = -1;
        let mut block = Vec::new();
        for item in after[open + 1..close].split(',') {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            let (name, expr) = match item.split_once('=') {
                Some((n, e)) => (n.trim(), Some(e.trim())),
                None => (item, None),
            };
            match expr {
                None => v += 1,
                Some(e) => {
                    match e.strip_prefix("0x").map(|h| i64::from_str_radix(h, 16)).unwrap_or_else(|| e.parse()) {
                        Ok(n) => v = n,
                        Err(_) => continue,
                    }
                }
            }
            if let Ok(id) = u16::try_from(v) {
                block.push((name.to_owned(), id));
            }
        }
        out.push(block);
        rest = &after[close..];
    }
    out
}

/// The attribute ids of the enum whose first enumerator is `first`, less
/// `UNSPEC` and the `__X_MAX` / `__X_CNT` markers.
fn ids(file: &str, first: &str) -> BTreeMap<u16, String> {
    let e = enums(file);
    let block = e.iter().find(|b| b.first().is_some_and(|(n, _)| n == first)).unwrap_or_else(|| panic!("{first}"));
    let mut m = BTreeMap::new();
    for (n, v) in block {
        if n.starts_with("__") || n.ends_with("_UNSPEC") || (n.ends_with("_NONE") && *v == 0) {
            continue;
        }
        m.entry(*v).or_insert_with(|| n.clone());
    }
    m
}

fn check<S: AttrSet<'static, NativeEndian>>(file: &str, first: &str, what: &str) -> usize {
    let want = ids(file, first);
    let mut missing = Vec::new();
    for (id, name) in &want {
        match S::name_of(*id) {
            Some(n) if n == name => {}
            other => missing.push(format!("{id} {name} (typed as {other:?})")),
        }
    }
    assert!(missing.is_empty(), "{what}: not typed: {missing:?}");
    want.len()
}

#[test]
fn every_link_attribute_of_7_2_has_a_typed_variant() {
    let mut n = 0;
    n += check::<link::LinkAttr<'static>>("if_link.h", "IFLA_UNSPEC", "IFLA_*");
    assert_eq!(ids("if_link.h", "IFLA_UNSPEC").len(), 69, "the 7.2 header has 69 IFLA_* ids");
    n += check::<link::LinkInfoAttr<'static>>("if_link.h", "IFLA_INFO_UNSPEC", "IFLA_INFO_*");
    n += check::<link::XdpAttr<'static>>("if_link.h", "IFLA_XDP_UNSPEC", "IFLA_XDP_*");
    n += check::<link::ProtoDownReasonAttr<'static>>(
        "if_link.h",
        "IFLA_PROTO_DOWN_REASON_UNSPEC",
        "IFLA_PROTO_DOWN_REASON_*",
    );
    // the kinds typed
    n += check::<link::BridgeAttr<'static>>("if_link.h", "IFLA_BR_UNSPEC", "IFLA_BR_*");
    n += check::<link::BridgePortAttr<'static>>("if_link.h", "IFLA_BRPORT_UNSPEC", "IFLA_BRPORT_*");
    n += check::<link::VethAttr<'static>>("veth.h", "VETH_INFO_UNSPEC", "VETH_INFO_*");
    n += check::<link::VxcanAttr<'static>>("can/vxcan.h", "VXCAN_INFO_UNSPEC", "VXCAN_INFO_*");
    n += check::<link::VxlanAttr<'static>>("if_link.h", "IFLA_VXLAN_UNSPEC", "IFLA_VXLAN_*");
    n += check::<link::MacvlanAttr<'static>>("if_link.h", "IFLA_MACVLAN_UNSPEC", "IFLA_MACVLAN_*");
    n += check::<link::TunAttr<'static>>("if_link.h", "IFLA_TUN_UNSPEC", "IFLA_TUN_*");
    n += check::<link::VlanAttr<'static>>("if_link.h", "IFLA_VLAN_UNSPEC", "IFLA_VLAN_*");
    n += check::<link::VlanQosAttr<'static>>("if_link.h", "IFLA_VLAN_QOS_UNSPEC", "IFLA_VLAN_QOS_*");
    n += check::<link::BridgeQuerierAttr<'static>>("if_bridge.h", "BRIDGE_QUERIER_UNSPEC", "BRIDGE_QUERIER_*");
    n += check::<link::VrfAttr<'static>>("if_link.h", "IFLA_VRF_UNSPEC", "IFLA_VRF_*");
    n += check::<link::VrfPortAttr<'static>>("if_link.h", "IFLA_VRF_PORT_UNSPEC", "IFLA_VRF_PORT_*");
    n += check::<link::BondAttr<'static>>("if_link.h", "IFLA_BOND_UNSPEC", "IFLA_BOND_*");
    n += check::<link::BondAdInfoAttr<'static>>("if_link.h", "IFLA_BOND_AD_INFO_UNSPEC", "IFLA_BOND_AD_INFO_*");
    n += check::<link::BondSlaveAttr<'static>>("if_link.h", "IFLA_BOND_SLAVE_UNSPEC", "IFLA_BOND_SLAVE_*");
    n += check::<link::GreAttr<'static>>("if_tunnel.h", "IFLA_GRE_UNSPEC", "IFLA_GRE_*");
    n += check::<link::Gre6Attr<'static>>("if_tunnel.h", "IFLA_GRE_UNSPEC", "IFLA_GRE_* (ip6)");
    n += check::<link::VtiAttr<'static>>("if_tunnel.h", "IFLA_VTI_UNSPEC", "IFLA_VTI_*");
    n += check::<link::Vti6Attr<'static>>("if_tunnel.h", "IFLA_VTI_UNSPEC", "IFLA_VTI_* (ip6)");
    n += check::<link::IptunAttr<'static>>("if_tunnel.h", "IFLA_IPTUN_UNSPEC", "IFLA_IPTUN_*");
    n += check::<link::Ip6tnlAttr<'static>>("if_tunnel.h", "IFLA_IPTUN_UNSPEC", "IFLA_IPTUN_* (ip6)");
    n += check::<link::GeneveAttr<'static>>("if_link.h", "IFLA_GENEVE_UNSPEC", "IFLA_GENEVE_*");
    n += check::<link::IpvlanAttr<'static>>("if_link.h", "IFLA_IPVLAN_UNSPEC", "IFLA_IPVLAN_*");
    n += check::<link::XfrmAttr<'static>>("if_link.h", "IFLA_XFRM_UNSPEC", "IFLA_XFRM_*");
    n += check::<link::MacsecAttr<'static>>("if_link.h", "IFLA_MACSEC_UNSPEC", "IFLA_MACSEC_*");
    n += check::<link::BareudpAttr<'static>>("if_link.h", "IFLA_BAREUDP_UNSPEC", "IFLA_BAREUDP_*");
    n += check::<link::NetkitAttr<'static>>("if_link.h", "IFLA_NETKIT_UNSPEC", "IFLA_NETKIT_*");
    n += check::<link::HsrAttr<'static>>("if_link.h", "IFLA_HSR_UNSPEC", "IFLA_HSR_*");
    n += check::<link::CanAttr<'static>>("can/netlink.h", "IFLA_CAN_UNSPEC", "IFLA_CAN_*");
    n += check::<link::CanTdcAttr<'static>>("can/netlink.h", "IFLA_CAN_TDC_UNSPEC", "IFLA_CAN_TDC_*");
    n += check::<link::CanCtrlmodeExtAttr<'static>>("can/netlink.h", "IFLA_CAN_CTRLMODE_UNSPEC", "IFLA_CAN_CTRLMODE_*");
    n += check::<link::CanPwmAttr<'static>>("can/netlink.h", "IFLA_CAN_PWM_UNSPEC", "IFLA_CAN_PWM_*");
    n += check::<link::GtpAttr<'static>>("if_link.h", "IFLA_GTP_UNSPEC", "IFLA_GTP_*");
    n += check::<link::AmtAttr<'static>>("amt.h", "IFLA_AMT_UNSPEC", "IFLA_AMT_*");
    n += check::<link::RmnetAttr<'static>>("if_link.h", "IFLA_RMNET_UNSPEC", "IFLA_RMNET_*");
    n += check::<link::BatadvAttr<'static>>("batman_adv.h", "IFLA_BATADV_UNSPEC", "IFLA_BATADV_*");
    n += check::<link::WwanAttr<'static>>("wwan.h", "IFLA_WWAN_UNSPEC", "IFLA_WWAN_*");
    n += check::<link::IpoibAttr<'static>>("if_link.h", "IFLA_IPOIB_UNSPEC", "IFLA_IPOIB_*");
    n += check::<link::PppAttr<'static>>("if_link.h", "IFLA_PPP_UNSPEC", "IFLA_PPP_*");
    n += check::<link::DsaAttr<'static>>("if_link.h", "IFLA_DSA_UNSPEC", "IFLA_DSA_*");
    n += check::<link::OvpnAttr<'static>>("if_link.h", "IFLA_OVPN_UNSPEC", "IFLA_OVPN_*");
    // SR-IOV virtual functions and port profiles
    n += check::<link::VfinfoListAttr<'static>>("if_link.h", "IFLA_VF_INFO_UNSPEC", "IFLA_VF_INFO");
    n += check::<link::VfAttr<'static>>("if_link.h", "IFLA_VF_UNSPEC", "IFLA_VF_*");
    n += check::<link::VfStatsAttr<'static>>("if_link.h", "IFLA_VF_STATS_RX_PACKETS", "IFLA_VF_STATS_*");
    n += check::<link::VfVlanListAttr<'static>>("if_link.h", "IFLA_VF_VLAN_INFO_UNSPEC", "IFLA_VF_VLAN_INFO");
    n += check::<link::VfPortsAttr<'static>>("if_link.h", "IFLA_VF_PORT_UNSPEC", "IFLA_VF_PORT");
    n += check::<link::PortAttr<'static>>("if_link.h", "IFLA_PORT_UNSPEC", "IFLA_PORT_*");
    // IFLA_AF_SPEC and IFLA_PROTINFO, by family
    n += check::<link::InetAttr<'static>>("if_link.h", "IFLA_INET_UNSPEC", "IFLA_INET_*");
    n += check::<link::Inet6Attr<'static>>("if_link.h", "IFLA_INET6_UNSPEC", "IFLA_INET6_*");
    n += check::<link::MctpAttr<'static>>("if_link.h", "IFLA_MCTP_UNSPEC", "IFLA_MCTP_*");
    n += check::<link::BridgeAfAttr<'static>>("if_bridge.h", "IFLA_BRIDGE_FLAGS", "IFLA_BRIDGE_*");
    n += check::<link::BridgeVlanTunnelAttr<'static>>(
        "if_bridge.h",
        "IFLA_BRIDGE_VLAN_TUNNEL_UNSPEC",
        "IFLA_BRIDGE_VLAN_TUNNEL_*",
    );
    // bridge redundancy protocols in AF_BRIDGE's IFLA_AF_SPEC
    for (set, first) in BRIDGE_AF_SETS {
        n += set("if_bridge.h", first);
    }
    n += check::<link::IpmrTableAttr<'static>>("mroute.h", "IPMRA_TABLE_UNSPEC", "IPMRA_TABLE_*");
    n += check::<link::IpmrVifsAttr<'static>>("mroute.h", "IPMRA_VIF_UNSPEC", "IPMRA_VIF");
    n += check::<link::IpmrVifAttr<'static>>("mroute.h", "IPMRA_VIFA_UNSPEC", "IPMRA_VIFA_*");
    // the devlink and DPLL handles: the ids the kernel puts in a link message
    n += check_subset::<link::DevlinkPortAttr<'static>>("devlink.h", "DEVLINK_ATTR_UNSPEC");
    n += check_subset::<link::DpllPinAttr<'static>>("dpll.h", "DPLL_A_PIN_ID");
    n += check_subset::<link::MacaddrDataAttr<'static>>("if_link.h", "IFLA_MACVLAN_UNSPEC");
    assert!(n > 600, "only {n} ids checked");
}

type SetCheck = fn(&str, &str) -> usize;

fn checker<S: AttrSet<'static, NativeEndian>>(file: &str, first: &str) -> usize {
    check::<S>(file, first, first)
}

const BRIDGE_AF_SETS: &[(SetCheck, &str)] = &[
    (checker::<link::MrpAttr<'static>>, "IFLA_BRIDGE_MRP_UNSPEC"),
    (checker::<link::MrpInstanceAttr<'static>>, "IFLA_BRIDGE_MRP_INSTANCE_UNSPEC"),
    (checker::<link::MrpPortStateAttr<'static>>, "IFLA_BRIDGE_MRP_PORT_STATE_UNSPEC"),
    (checker::<link::MrpPortRoleAttr<'static>>, "IFLA_BRIDGE_MRP_PORT_ROLE_UNSPEC"),
    (checker::<link::MrpRingStateAttr<'static>>, "IFLA_BRIDGE_MRP_RING_STATE_UNSPEC"),
    (checker::<link::MrpRingRoleAttr<'static>>, "IFLA_BRIDGE_MRP_RING_ROLE_UNSPEC"),
    (checker::<link::MrpStartTestAttr<'static>>, "IFLA_BRIDGE_MRP_START_TEST_UNSPEC"),
    (checker::<link::MrpInfoAttr<'static>>, "IFLA_BRIDGE_MRP_INFO_UNSPEC"),
    (checker::<link::MrpInStateAttr<'static>>, "IFLA_BRIDGE_MRP_IN_STATE_UNSPEC"),
    (checker::<link::MrpInRoleAttr<'static>>, "IFLA_BRIDGE_MRP_IN_ROLE_UNSPEC"),
    (checker::<link::MrpStartInTestAttr<'static>>, "IFLA_BRIDGE_MRP_START_IN_TEST_UNSPEC"),
    (checker::<link::CfmAttr<'static>>, "IFLA_BRIDGE_CFM_UNSPEC"),
    (checker::<link::CfmMepCreateAttr<'static>>, "IFLA_BRIDGE_CFM_MEP_CREATE_UNSPEC"),
    (checker::<link::CfmMepDeleteAttr<'static>>, "IFLA_BRIDGE_CFM_MEP_DELETE_UNSPEC"),
    (checker::<link::CfmMepConfigAttr<'static>>, "IFLA_BRIDGE_CFM_MEP_CONFIG_UNSPEC"),
    (checker::<link::CfmCcConfigAttr<'static>>, "IFLA_BRIDGE_CFM_CC_CONFIG_UNSPEC"),
    (checker::<link::CfmCcPeerMepAttr<'static>>, "IFLA_BRIDGE_CFM_CC_PEER_MEP_UNSPEC"),
    (checker::<link::CfmCcRdiAttr<'static>>, "IFLA_BRIDGE_CFM_CC_RDI_UNSPEC"),
    (checker::<link::CfmCcCcmTxAttr<'static>>, "IFLA_BRIDGE_CFM_CC_CCM_TX_UNSPEC"),
    (checker::<link::CfmMepStatusAttr<'static>>, "IFLA_BRIDGE_CFM_MEP_STATUS_UNSPEC"),
    (checker::<link::CfmCcPeerStatusAttr<'static>>, "IFLA_BRIDGE_CFM_CC_PEER_STATUS_UNSPEC"),
    (checker::<link::MstAttr<'static>>, "IFLA_BRIDGE_MST_UNSPEC"),
    (checker::<link::MstEntryAttr<'static>>, "IFLA_BRIDGE_MST_ENTRY_UNSPEC"),
];

/// Every attribute of `S` has the header's name for its id (a set that
/// types only part of a large enum: the ids the kernel puts there).
fn check_subset<S: AttrSet<'static, NativeEndian>>(file: &str, first: &str) -> usize {
    let want = ids(file, first);
    let mut n = 0;
    for id in 0..=u16::MAX {
        if let Some(name) = S::name_of(id) {
            assert_eq!(want.get(&id).map(String::as_str), Some(name), "{first}: id {id}");
            n += 1;
        }
    }
    assert!(n > 0, "{first}: nothing typed");
    n
}

#[test]
fn every_link_kind_iproute2_knows_is_named() {
    // `ip link help`'s TYPE list (iproute2 6.x) and the kinds of the issue
    let kinds = [
        "amt",
        "bareudp",
        "batadv",
        "bond",
        "bridge",
        "can",
        "dsa",
        "dummy",
        "erspan",
        "geneve",
        "gre",
        "gretap",
        "gtp",
        "hsr",
        "ifb",
        "ip6erspan",
        "ip6gre",
        "ip6gretap",
        "ip6tnl",
        "ipip",
        "ipoib",
        "ipvlan",
        "ipvtap",
        "macsec",
        "macvlan",
        "macvtap",
        "netdevsim",
        "netkit",
        "nlmon",
        "ovpn",
        "ppp",
        "prp",
        "rmnet",
        "sit",
        "team",
        "tun",
        "vcan",
        "veth",
        "virt_wifi",
        "vlan",
        "vrf",
        "vti",
        "vti6",
        "vxcan",
        "vxlan",
        "wireguard",
        "wwan",
        "xfrm",
    ];
    let named: Vec<&str> = <link::LinkInfoData<'static>>::KINDS.iter().map(|(k, _)| *k).collect();
    let missing: Vec<&str> = kinds.iter().copied().filter(|k| !named.contains(k)).collect();
    assert!(missing.is_empty(), "kinds not named: {missing:?}");
    for slave in ["bridge", "bond", "vrf", "team"] {
        assert!(
            <link::LinkInfoSlaveData<'static>>::KINDS.iter().any(|(k, _)| *k == slave),
            "slave kind {slave} not named"
        );
    }
}

/// The names of an array's positions are the header's enumerators from
/// `from` (the value of position 0), in order.
fn check_positions<N: rtnl_core::typed::IndexNames>(file: &str, first: &str, from: u16) {
    let mut want = ids(file, first);
    // a last `X_MAX` enumerator (`DEVCONF_MAX`) counts the others
    if let Some((&top, name)) = want.iter().next_back() {
        if name.ends_with("_MAX") {
            want.remove(&top);
        }
    }
    for (i, name) in N::NAMES.iter().enumerate() {
        let v = from + i as u16;
        assert_eq!(want.get(&v).map(String::as_str).unwrap_or(""), *name, "{first}: position {i}");
    }
    let top = want.keys().max().copied().unwrap_or(0);
    assert_eq!(N::NAMES.len(), usize::from(top - from + 1), "{first}: every value named");
}

#[test]
fn array_positions_are_named_as_the_headers_number_them() {
    check_positions::<link::Ipv4Devconf>("ip.h", "IPV4_DEVCONF_FORWARDING", 1);
    check_positions::<link::Ipv6Devconf>("ipv6.h", "DEVCONF_FORWARDING", 0);
    check_positions::<link::Ipv6Stats>("snmp.h", "IPSTATS_MIB_NUM", 0);
    check_positions::<link::Icmp6Stats>("snmp.h", "ICMP6_MIB_NUM", 0);
}

#[test]
fn the_header_parser_reads_implicit_values_and_skips_aliases() {
    let m = ids("if_link.h", "IFLA_UNSPEC");
    assert_eq!(m.get(&3).map(String::as_str), Some("IFLA_IFNAME"));
    // IFLA_TARGET_NETNSID is an alias of IFLA_IF_NETNSID (46)
    assert_eq!(m.get(&46).map(String::as_str), Some("IFLA_IF_NETNSID"));
    assert_eq!(m.get(&69).map(String::as_str), Some("IFLA_TAILROOM"));
    // IFLA_BR_MCAST_HASH_MAX is an attribute, not a marker
    assert!(ids("if_link.h", "IFLA_BR_UNSPEC").values().any(|n| n == "IFLA_BR_MCAST_HASH_MAX"));
}

#[test]
fn every_layer_3_attribute_of_7_2_has_a_typed_variant() {
    use rtnl_core::{addr, neigh, netconf, nsid, prefix, rule};
    let mut n = check::<addr::AddrAttr<'static>>("if_addr.h", "IFA_UNSPEC", "IFA_*");
    assert_eq!(ids("if_addr.h", "IFA_UNSPEC").len(), 11, "the 7.2 header has 11 IFA_* ids");
    n += check::<addr::AddrLabelAttr<'static>>("if_addrlabel.h", "IFAL_ADDRESS", "IFAL_*");
    n += check::<nsid::NsidAttr<'static>>("net_namespace.h", "NETNSA_NONE", "NETNSA_*");
    n += check::<neigh::NeighAttr<'static>>("neighbour.h", "NDA_UNSPEC", "NDA_*");
    assert_eq!(ids("neighbour.h", "NDA_UNSPEC").len(), 17, "the 7.2 header has 17 NDA_* ids");
    n += check::<neigh::FdbExtAttr<'static>>("neighbour.h", "NFEA_UNSPEC", "NFEA_*");
    n += check::<neigh::NeighTblAttr<'static>>("neighbour.h", "NDTA_UNSPEC", "NDTA_*");
    n += check::<neigh::NdtParmsAttr<'static>>("neighbour.h", "NDTPA_UNSPEC", "NDTPA_*");
    n += check::<neigh::NdUserOptAttr<'static>>("rtnetlink.h", "NDUSEROPT_UNSPEC", "NDUSEROPT_*");
    n += check::<netconf::NetconfAttr<'static>>("netconf.h", "NETCONFA_UNSPEC", "NETCONFA_*");
    n += check::<prefix::PrefixAttr<'static>>("rtnetlink.h", "PREFIX_UNSPEC", "PREFIX_*");
    n += check::<rule::RuleAttr<'static>>("fib_rules.h", "FRA_UNSPEC", "FRA_*");
    assert_eq!(ids("fib_rules.h", "FRA_UNSPEC").len(), 30, "the 7.2 header has 30 FRA_* ids");
    assert_eq!(n, 18 + 17 + 2 + 9 + 19 + 1 + 9 + 2 + 30, "ids checked");
    // the rule actions and flags
    let acts = ids("fib_rules.h", "FR_ACT_UNSPEC");
    for (v, name) in &acts {
        assert_eq!(rule::RuleAction(*v as u8).kernel_name(), Some(name.as_str()));
    }
    let fl: Vec<(u64, &str)> = rule::RuleFlags::NAMES.iter().map(|&(b, k, _)| (b.into(), k)).collect();
    assert_eq!(flags_named("fib_rules.h", "FIB_RULE_", &fl, &["FIB_RULE_DEV_DETACHED"]), 6);
}

#[test]
fn every_nexthop_attribute_group_type_and_flag_of_7_2_is_typed() {
    use rtnl_core::nexthop;
    let mut n = check::<nexthop::NexthopAttr<'static>>("nexthop.h", "NHA_UNSPEC", "NHA_*");
    assert_eq!(ids("nexthop.h", "NHA_UNSPEC").len(), 17, "the 7.2 header has 17 NHA_* ids");
    n += check::<nexthop::ResGroupAttr<'static>>("nexthop.h", "NHA_RES_GROUP_UNSPEC", "NHA_RES_GROUP_*");
    n += check::<nexthop::ResBucketAttr<'static>>("nexthop.h", "NHA_RES_BUCKET_UNSPEC", "NHA_RES_BUCKET_*");
    n += check::<nexthop::GroupStatsAttr<'static>>("nexthop.h", "NHA_GROUP_STATS_UNSPEC", "NHA_GROUP_STATS_*");
    n += check::<nexthop::GroupStatsEntryAttr<'static>>(
        "nexthop.h",
        "NHA_GROUP_STATS_ENTRY_UNSPEC",
        "NHA_GROUP_STATS_ENTRY_*",
    );
    assert_eq!(n, 17 + 4 + 3 + 1 + 3, "ids checked");
    // the pads are aliases of UNSPEC (id 0), which the reader skips
    assert_eq!(<nexthop::ResGroupAttr<'static> as AttrSet<NativeEndian>>::name_of(0), Some("NHA_RES_GROUP_PAD"));
    assert_eq!(<nexthop::ResBucketAttr<'static> as AttrSet<NativeEndian>>::name_of(0), Some("NHA_RES_BUCKET_PAD"));
    for (v, name) in &ids("nexthop.h", "NEXTHOP_GRP_TYPE_MPATH") {
        assert_eq!(nexthop::GroupType(*v).kernel_name(), Some(name.as_str()));
    }
    let fl: Vec<(u64, &str)> = nexthop::NexthopFlags::NAMES.iter().map(|&(b, k, _)| (b.into(), k)).collect();
    assert_eq!(flags_named("rtnetlink.h", "RTNH_F_", &fl, &[]), 7);
}

/// The `#define PREFIX… value` constants of `file` (values `0x..`, decimal
/// or `(1 << n)`), by name.
fn defines(file: &str, prefix: &str) -> BTreeMap<String, u64> {
    let src = std::fs::read_to_string(testdata().join("uapi-7.2/linux").join(file)).unwrap();
    let mut m = BTreeMap::new();
    for l in src.lines() {
        let mut w = l.split_whitespace();
        let (Some("#define"), Some(name)) = (w.next(), w.next()) else { continue };
        if !name.starts_with(prefix) {
            continue;
        }
        let v: String = w.take_while(|t| !t.starts_with("/*")).collect::<Vec<_>>().join("");
        let v = v.trim_matches(|c| c == '(' || c == ')');
        let n = if let Some((a, b)) = v.split_once("<<") {
            a.parse::<u64>().unwrap() << b.parse::<u32>().unwrap()
        } else if let Some(h) = v.strip_prefix("0x") {
            u64::from_str_radix(h, 16).unwrap()
        } else if let Ok(d) = v.parse() {
            d
        } else {
            continue; // an alias of another name
        };
        m.insert(name.to_string(), n);
    }
    m
}

/// Every `#define` flag of `prefix` with a non-zero value is named in
/// `names`, with its value.
fn flags_named(file: &str, prefix: &str, names: &[(u64, &str)], skip: &[&str]) -> usize {
    let want = defines(file, prefix);
    let mut n = 0;
    for (name, v) in &want {
        if *v == 0 || skip.contains(&name.as_str()) {
            continue;
        }
        assert!(names.contains(&(*v, name.as_str())), "{name} = {v:#x} is not named");
        n += 1;
    }
    n
}

#[test]
fn every_neighbour_state_and_flag_and_address_flag_of_7_2_is_named() {
    use rtnl_core::{addr::IfaFlags, neigh};
    let w = |v: &[(u64, &'static str)]| v.to_vec();
    let nud = w(&neigh::NudState::NAMES.iter().map(|&(b, k, _)| (b.into(), k)).collect::<Vec<_>>());
    let ntf = w(&neigh::NtfFlags::NAMES.iter().map(|&(b, k, _)| (b.into(), k)).collect::<Vec<_>>());
    let ext = w(&neigh::NtfExtFlags::NAMES.iter().map(|&(b, k, _)| (b.into(), k)).collect::<Vec<_>>());
    let ifa = w(&IfaFlags::NAMES.iter().map(|&(b, k, _)| (b.into(), k)).collect::<Vec<_>>());
    assert_eq!(flags_named("neighbour.h", "NUD_", &nud, &[]), 8);
    // the NDA_FLAGS_EXT bits share the prefix; they are checked against their own set
    let ext_bits = ["NTF_EXT_MANAGED", "NTF_EXT_LOCKED", "NTF_EXT_EXT_VALIDATED"];
    assert_eq!(flags_named("neighbour.h", "NTF_", &ntf, &ext_bits), 8);
    assert_eq!(flags_named("neighbour.h", "NTF_EXT_", &ext, &["NTF_EXT_LEARNED"]), 3);
    // IFA_F_TEMPORARY is IFA_F_SECONDARY's value
    assert_eq!(flags_named("if_addr.h", "IFA_F_", &ifa, &["IFA_F_TEMPORARY"]), 12);
}

#[test]
fn every_cache_report_attribute_and_message_type_of_7_2_is_typed() {
    use rtnl_core::mroute;
    let mut n = check::<mroute::IpmrReportAttr<'static>>("mroute.h", "IPMRA_CREPORT_UNSPEC", "IPMRA_CREPORT_*");
    n += check::<mroute::Ip6mrReportAttr<'static>>("mroute6.h", "IP6MRA_CREPORT_UNSPEC", "IP6MRA_CREPORT_*");
    assert_eq!(n, 6 + 5, "ids checked");
    for (name, v) in defines("mroute.h", "IGMPMSG_") {
        assert_eq!(mroute::IgmpMsgType(v as u8).kernel_name(), Some(name.as_str()));
    }
    let v6 = defines("mroute6.h", "MRT6MSG_");
    assert_eq!(v6.len(), 4);
    for (name, v) in v6 {
        assert_eq!(mroute::Mrt6MsgType(v as u8).kernel_name(), Some(name.as_str()));
    }
}

/// A typed set's ids: (header, first enumerator, the set's names).
type SetIds = (&'static str, &'static str, &'static [(u16, &'static str)]);

/// Every typed tc attribute set.
fn tc_sets() -> Vec<SetIds> {
    use rtnl_core::tc::{self, action, filter, qdisc, stats};
    type N = NativeEndian;
    let (ps, pc, tk) = ("pkt_sched.h", "pkt_cls.h", "tc_act/tc_tunnel_key.h");
    vec![
        ("rtnetlink.h", "TCA_UNSPEC", tc::TcAttr::<N>::NAMES),
        ("rtnetlink.h", "TCA_ROOT_UNSPEC", tc::ActionRootAttr::<N>::NAMES),
        (ps, "TCA_STAB_UNSPEC", tc::StabAttr::<N>::NAMES),
        ("gen_stats.h", "TCA_STATS_UNSPEC", stats::StatsAttr::<N>::NAMES),
        // qdiscs and their classes
        (ps, "TCA_TBF_UNSPEC", qdisc::TbfAttr::<N>::NAMES),
        (ps, "TCA_HTB_UNSPEC", qdisc::HtbAttr::<N>::NAMES),
        (ps, "TCA_FQ_CODEL_UNSPEC", qdisc::FqCodelAttr::<N>::NAMES),
        (ps, "TCA_NETEM_UNSPEC", qdisc::NetemAttr::<N>::NAMES),
        (ps, "NETEM_LOSS_UNSPEC", qdisc::NetemLossAttr::<N>::NAMES),
        (ps, "TCA_CODEL_UNSPEC", qdisc::CodelAttr::<N>::NAMES),
        (ps, "TCA_FQ_UNSPEC", qdisc::FqAttr::<N>::NAMES),
        (ps, "TCA_RED_UNSPEC", qdisc::RedAttr::<N>::NAMES),
        (ps, "TCA_CHOKE_UNSPEC", qdisc::ChokeAttr::<N>::NAMES),
        (ps, "TCA_SFB_UNSPEC", qdisc::SfbAttr::<N>::NAMES),
        (ps, "TCA_PIE_UNSPEC", qdisc::PieAttr::<N>::NAMES),
        (ps, "TCA_FQ_PIE_UNSPEC", qdisc::FqPieAttr::<N>::NAMES),
        (ps, "TCA_HHF_UNSPEC", qdisc::HhfAttr::<N>::NAMES),
        (ps, "TCA_CBS_UNSPEC", qdisc::CbsAttr::<N>::NAMES),
        (ps, "TCA_ETF_UNSPEC", qdisc::EtfAttr::<N>::NAMES),
        (ps, "TCA_HFSC_UNSPEC", qdisc::HfscAttr::<N>::NAMES),
        (ps, "TCA_DRR_UNSPEC", qdisc::DrrAttr::<N>::NAMES),
        (ps, "TCA_QFQ_UNSPEC", qdisc::QfqAttr::<N>::NAMES),
        (ps, "TCA_CAKE_UNSPEC", qdisc::CakeAttr::<N>::NAMES),
        (ps, "__TCA_CAKE_STATS_INVALID", qdisc::CakeStatsAttr::<N>::NAMES),
        (ps, "__TCA_CAKE_TIN_STATS_INVALID", qdisc::CakeTinStatsAttr::<N>::NAMES),
        (ps, "TCA_DUALPI2_UNSPEC", qdisc::Dualpi2Attr::<N>::NAMES),
        (ps, "TCA_ETS_UNSPEC", qdisc::EtsAttr::<N>::NAMES),
        (ps, "TCA_GRED_UNSPEC", qdisc::GredAttr::<N>::NAMES),
        (ps, "TCA_GRED_VQ_ENTRY_UNSPEC", qdisc::GredVqListAttr::<N>::NAMES),
        (ps, "TCA_GRED_VQ_UNSPEC", qdisc::GredVqAttr::<N>::NAMES),
        (ps, "TCA_MQPRIO_UNSPEC", qdisc::MqprioAttr::<N>::NAMES),
        (ps, "TCA_MQPRIO_TC_ENTRY_UNSPEC", qdisc::MqprioTcEntryAttr::<N>::NAMES),
        (ps, "TCA_TAPRIO_ATTR_UNSPEC", qdisc::TaprioAttr::<N>::NAMES),
        (ps, "TCA_TAPRIO_SCHED_UNSPEC", qdisc::TaprioSchedListAttr::<N>::NAMES),
        (ps, "TCA_TAPRIO_SCHED_ENTRY_UNSPEC", qdisc::TaprioSchedEntryAttr::<N>::NAMES),
        (ps, "TCA_TAPRIO_TC_ENTRY_UNSPEC", qdisc::TaprioTcEntryAttr::<N>::NAMES),
        (ps, "TCA_TAPRIO_OFFLOAD_STATS_PAD", qdisc::TaprioOffloadStatsAttr::<N>::NAMES),
        // classifiers
        (pc, "TCA_U32_UNSPEC", filter::U32Attr::<N>::NAMES),
        (pc, "TCA_BPF_UNSPEC", filter::BpfAttr::<N>::NAMES),
        (pc, "TCA_MATCHALL_UNSPEC", filter::MatchallAttr::<N>::NAMES),
        (pc, "TCA_FLOWER_UNSPEC", filter::FlowerAttr::<N>::NAMES),
        (pc, "TCA_FLOWER_KEY_ENC_OPTS_UNSPEC", filter::FlowerEncOptsAttr::<N>::NAMES),
        (pc, "TCA_FLOWER_KEY_ENC_OPT_GENEVE_UNSPEC", filter::FlowerGeneveOptAttr::<N>::NAMES),
        (pc, "TCA_FLOWER_KEY_ENC_OPT_VXLAN_UNSPEC", filter::FlowerVxlanOptAttr::<N>::NAMES),
        (pc, "TCA_FLOWER_KEY_ENC_OPT_ERSPAN_UNSPEC", filter::FlowerErspanOptAttr::<N>::NAMES),
        (pc, "TCA_FLOWER_KEY_ENC_OPT_GTP_UNSPEC", filter::FlowerGtpOptAttr::<N>::NAMES),
        (pc, "TCA_FLOWER_KEY_ENC_OPT_PFCP_UNSPEC", filter::FlowerPfcpOptAttr::<N>::NAMES),
        (pc, "TCA_FLOWER_KEY_MPLS_OPTS_UNSPEC", filter::FlowerMplsOptsAttr::<N>::NAMES),
        (pc, "TCA_FLOWER_KEY_MPLS_OPT_LSE_UNSPEC", filter::FlowerMplsLseAttr::<N>::NAMES),
        (pc, "TCA_FLOWER_KEY_CFM_OPT_UNSPEC", filter::FlowerCfmAttr::<N>::NAMES),
        (pc, "TCA_BASIC_UNSPEC", filter::BasicAttr::<N>::NAMES),
        (pc, "TCA_CGROUP_UNSPEC", filter::CgroupAttr::<N>::NAMES),
        (pc, "TCA_FLOW_UNSPEC", filter::FlowAttr::<N>::NAMES),
        (pc, "TCA_FW_UNSPEC", filter::FwAttr::<N>::NAMES),
        (pc, "TCA_ROUTE4_UNSPEC", filter::Route4Attr::<N>::NAMES),
        (pc, "TCA_EMATCH_TREE_UNSPEC", filter::EmatchTreeAttr::<N>::NAMES),
        // actions
        (pc, "TCA_ACT_UNSPEC", action::ActAttr::<N>::NAMES),
        (pc, "TCA_POLICE_UNSPEC", action::PoliceAttr::<N>::NAMES),
        ("tc_act/tc_gact.h", "TCA_GACT_UNSPEC", action::GactAttr::<N>::NAMES),
        ("tc_act/tc_mirred.h", "TCA_MIRRED_UNSPEC", action::MirredAttr::<N>::NAMES),
        ("tc_act/tc_vlan.h", "TCA_VLAN_UNSPEC", action::VlanAttr::<N>::NAMES),
        ("tc_act/tc_skbedit.h", "TCA_SKBEDIT_UNSPEC", action::SkbeditAttr::<N>::NAMES),
        (tk, "TCA_TUNNEL_KEY_UNSPEC", action::TunnelKeyAttr::<N>::NAMES),
        (tk, "TCA_TUNNEL_KEY_ENC_OPTS_UNSPEC", action::TunnelKeyEncOptsAttr::<N>::NAMES),
        (tk, "TCA_TUNNEL_KEY_ENC_OPT_GENEVE_UNSPEC", action::GeneveOptAttr::<N>::NAMES),
        (tk, "TCA_TUNNEL_KEY_ENC_OPT_VXLAN_UNSPEC", action::VxlanOptAttr::<N>::NAMES),
        (tk, "TCA_TUNNEL_KEY_ENC_OPT_ERSPAN_UNSPEC", action::ErspanOptAttr::<N>::NAMES),
        ("tc_act/tc_connmark.h", "TCA_CONNMARK_UNSPEC", action::ConnmarkAttr::<N>::NAMES),
        ("tc_act/tc_csum.h", "TCA_CSUM_UNSPEC", action::CsumAttr::<N>::NAMES),
        ("tc_act/tc_nat.h", "TCA_NAT_UNSPEC", action::NatAttr::<N>::NAMES),
        ("tc_act/tc_skbmod.h", "TCA_SKBMOD_UNSPEC", action::SkbmodAttr::<N>::NAMES),
        ("tc_act/tc_defact.h", "TCA_DEF_UNSPEC", action::SimpleAttr::<N>::NAMES),
        ("tc_act/tc_sample.h", "TCA_SAMPLE_UNSPEC", action::SampleAttr::<N>::NAMES),
        ("tc_act/tc_mpls.h", "TCA_MPLS_UNSPEC", action::MplsAttr::<N>::NAMES),
        ("tc_act/tc_ctinfo.h", "TCA_CTINFO_UNSPEC", action::CtinfoAttr::<N>::NAMES),
        ("tc_act/tc_bpf.h", "TCA_ACT_BPF_UNSPEC", action::ActBpfAttr::<N>::NAMES),
        ("tc_act/tc_ct.h", "TCA_CT_UNSPEC", action::CtAttr::<N>::NAMES),
        ("tc_act/tc_pedit.h", "TCA_PEDIT_UNSPEC", action::PeditAttr::<N>::NAMES),
        ("tc_act/tc_pedit.h", "TCA_PEDIT_KEY_EX_HTYPE", action::PeditKeyExAttr::<N>::NAMES),
        ("tc_act/tc_gate.h", "TCA_GATE_UNSPEC", action::GateAttr::<N>::NAMES),
        ("tc_act/tc_gate.h", "TCA_GATE_ONE_ENTRY_UNSPEC", action::GateEntryListAttr::<N>::NAMES),
        ("tc_act/tc_gate.h", "TCA_GATE_ENTRY_UNSPEC", action::GateEntryAttr::<N>::NAMES),
        ("tc_act/tc_ife.h", "TCA_IFE_UNSPEC", action::IfeAttr::<N>::NAMES),
        ("ife.h", "IFE_META_SKBMARK", action::IfeMetaAttr::<N>::NAMES),
    ]
}

#[test]
fn every_tc_attribute_of_the_typed_kinds_of_7_2_has_a_typed_variant() {
    let mut n = 0;
    for (file, first, names) in tc_sets() {
        let want = ids(file, first);
        let got: BTreeMap<u16, String> = names.iter().map(|(i, s)| (*i, s.to_string())).collect();
        assert_eq!(got, want, "{file}: {first}");
        n += want.len();
    }
    // the ids the nested sets share with their parents' (mqprio's rates)
    n +=
        check_subset::<rtnl_core::tc::qdisc::MqprioRateAttr<'static, NativeEndian>>("pkt_sched.h", "TCA_MQPRIO_UNSPEC");
    assert!(n > 500, "{n}");
}

/// The enums of the tc headers that hold no attribute ids (named by their
/// first enumerator as the parser reads it): values of a field and bits.
const TC_ENUMS_NOT_ATTRIBUTES: &[&str] = &[
    // the type field of fq_codel's extended statistics
    "TCA_FQ_CODEL_XSTATS_QDISC",
    // the actions' numeric ids (TCA_ID_POLICE, …), not attributes
    "TCA_ID_UNSPEC",
    // bits of TCA_FLOWER_KEY_CT_STATE and TCA_FLOWER_KEY_FLAGS (the
    // parser keeps only the computed marker)
    "__TCA_FLOWER_KEY_CT_FLAGS_MAX",
    "__TCA_FLOWER_KEY_FLAGS_MAX",
    // bits of tc_csum's update_flags
    "TCA_CSUM_UPDATE_FLAG_IPV4HDR",
    // values of TCA_PEDIT_KEY_EX_HTYPE and TCA_PEDIT_KEY_EX_CMD
    "TCA_PEDIT_KEY_EX_HDR_TYPE_NETWORK",
    "TCA_PEDIT_KEY_EX_CMD_SET",
];

/// A test of completeness: every enum of the 7.2 tc headers whose first
/// enumerator is an attribute id (`TCA_*_UNSPEC`, or a first id of 1) is
/// one the test above checks, or is named above as holding no ids.
#[test]
fn every_tc_attribute_enum_of_7_2_is_checked() {
    let checked: Vec<&str> = tc_sets().iter().map(|(_, f, _)| *f).collect();
    let mut files = vec!["pkt_sched.h".to_owned(), "pkt_cls.h".to_owned(), "gen_stats.h".to_owned()];
    let dir = testdata().join("uapi-7.2/linux/tc_act");
    let mut acts: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| format!("tc_act/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    acts.sort();
    files.extend(acts);
    let mut unchecked = Vec::new();
    for f in &files {
        for block in enums(f) {
            let Some((first, _)) = block.first() else { continue };
            let attr_like = first.starts_with("TCA_") || first.starts_with("__TCA_") || first.starts_with("NETEM_");
            if !attr_like || checked.contains(&first.as_str()) || TC_ENUMS_NOT_ATTRIBUTES.contains(&first.as_str()) {
                continue;
            }
            unchecked.push(format!("{f}: {first}"));
        }
    }
    assert!(unchecked.is_empty(), "tc enums no test checks: {unchecked:#?}");
}
