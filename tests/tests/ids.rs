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
        if n.starts_with("__") || n.ends_with("_UNSPEC") {
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
    n += check::<link::IpmrTableAttr<'static>>("mroute.h", "IPMRA_TABLE_UNSPEC", "IPMRA_TABLE_*");
    n += check::<link::IpmrVifsAttr<'static>>("mroute.h", "IPMRA_VIF_UNSPEC", "IPMRA_VIF");
    n += check::<link::IpmrVifAttr<'static>>("mroute.h", "IPMRA_VIFA_UNSPEC", "IPMRA_VIFA_*");
    assert!(n > 400, "only {n} ids checked");
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
