//! A link's hardware: SR-IOV virtual functions (`IFLA_VFINFO_LIST`), their
//! 802.1Qbg / 802.1Qbh ports (`IFLA_VF_PORTS`, `IFLA_PORT_SELF`), the
//! devlink port (`IFLA_DEVLINK_PORT`) and the DPLL pin (`IFLA_DPLL_PIN`).

#[allow(unused_imports)]
use super::*;
use crate::wire::BigEndian;

attr_set! {
    /// The virtual functions of `IFLA_VFINFO_LIST` (`IFLA_VF_INFO`, one per VF).
    pub enum VfinfoListAttr {
        /// A virtual function (`IFLA_VF_*`).
        1 IFLA_VF_INFO info => Info(Nest<'a, O, VfAttr<'a, O>>) nest VfAttr,
    }
}

struct_payload! {
    /// `struct ifla_vf_mac` (`IFLA_VF_MAC`), 36 bytes.
    pub struct IflaVfMac<O> {
        /// `vf`: the VF's number.
        vf: U32<O>,
        /// `mac`: the address, zero-padded to `MAX_ADDR_LEN`.
        mac: [u8; 32],
    }
}

struct_payload! {
    /// `struct ifla_vf_vlan` (`IFLA_VF_VLAN`), 12 bytes.
    pub struct IflaVfVlan<O> {
        /// `vf`
        vf: U32<O>,
        /// `vlan`: 0 to 4095 (0 no VLAN filter).
        vlan: U32<O>,
        /// `qos`
        qos: U32<O>,
    }
}

struct_payload! {
    /// `struct ifla_vf_vlan_info` (`IFLA_VF_VLAN_INFO`), 16 bytes.
    pub struct IflaVfVlanInfo<O> {
        /// `vf`
        vf: U32<O>,
        /// `vlan`
        vlan: U32<O>,
        /// `qos`
        qos: U32<O>,
        /// `vlan_proto`: the VLAN ethertype (802.1Q, 802.1ad), big-endian.
        vlan_proto: U16<BigEndian>,
        /// the struct's tail padding
        __pad: U16<O>,
    }
}

struct_payload! {
    /// `struct ifla_vf_tx_rate` (`IFLA_VF_TX_RATE`), 8 bytes.
    pub struct IflaVfTxRate<O> {
        /// `vf`
        vf: U32<O>,
        /// `rate`: the highest rate in Mbit/s (0 unlimited).
        rate: U32<O>,
    }
}

struct_payload! {
    /// `struct ifla_vf_rate` (`IFLA_VF_RATE`), 12 bytes.
    pub struct IflaVfRate<O> {
        /// `vf`
        vf: U32<O>,
        /// `min_tx_rate`, in Mbit/s.
        min_tx_rate: U32<O>,
        /// `max_tx_rate`, in Mbit/s.
        max_tx_rate: U32<O>,
    }
}

struct_payload! {
    /// `struct ifla_vf_spoofchk`, `struct ifla_vf_trust` and `struct
    /// ifla_vf_rss_query_en` (one layout), 8 bytes: a per-VF switch.
    pub struct IflaVfSetting<O> {
        /// `vf`
        vf: U32<O>,
        /// `setting`: 1 on, 0 off (`u32::MAX` where the device cannot tell).
        setting: U32<O>,
    }
}

struct_payload! {
    /// `struct ifla_vf_link_state` (`IFLA_VF_LINK_STATE`), 8 bytes.
    pub struct IflaVfLinkState<O> {
        /// `vf`
        vf: U32<O>,
        /// `link_state`: `IFLA_VF_LINK_STATE_AUTO` 0, `_ENABLE` 1, `_DISABLE` 2.
        link_state: U32<O>,
    }
}

struct_payload! {
    /// `struct ifla_vf_guid` (`IFLA_VF_IB_NODE_GUID`, `IFLA_VF_IB_PORT_GUID`),
    /// 16 bytes as 64-bit kernels lay it out.
    pub struct IflaVfGuid<O> {
        /// `vf`
        vf: U32<O>,
        /// the padding before the 64-bit field
        __pad: U32<O>,
        /// `guid`
        guid: U64<O>,
    }
}

attr_set! {
    /// A virtual function's attribute (`IFLA_VF_*`, in `IFLA_VF_INFO`).
    pub enum VfAttr {
        /// The VF's MAC address.
        1 IFLA_VF_MAC mac => Mac(IflaVfMac<O>),
        /// The VF's VLAN and priority.
        2 IFLA_VF_VLAN vlan => Vlan(IflaVfVlan<O>),
        /// The VF's highest transmit rate.
        3 IFLA_VF_TX_RATE tx_rate => TxRate(IflaVfTxRate<O>),
        /// Source-address spoof checking.
        4 IFLA_VF_SPOOFCHK spoofchk => Spoofchk(IflaVfSetting<O>),
        /// The VF's link state.
        5 IFLA_VF_LINK_STATE link_state => LinkState(IflaVfLinkState<O>),
        /// The VF's lowest and highest transmit rates.
        6 IFLA_VF_RATE rate => Rate(IflaVfRate<O>),
        /// Whether the VF may query the RSS table and key.
        7 IFLA_VF_RSS_QUERY_EN rss_query_en => RssQueryEn(IflaVfSetting<O>),
        /// The VF's traffic counters (`IFLA_VF_STATS_*`).
        8 IFLA_VF_STATS stats => Stats(Nest<'a, O, VfStatsAttr<'a, O>>) nest VfStatsAttr,
        /// Whether the VF is trusted.
        9 IFLA_VF_TRUST trust => Trust(IflaVfSetting<O>),
        /// The VF's InfiniBand node GUID.
        10 IFLA_VF_IB_NODE_GUID ib_node_guid => IbNodeGuid(IflaVfGuid<O>),
        /// The VF's InfiniBand port GUID.
        11 IFLA_VF_IB_PORT_GUID ib_port_guid => IbPortGuid(IflaVfGuid<O>),
        /// The VF's VLANs (`IFLA_VF_VLAN_INFO`, for QinQ).
        12 IFLA_VF_VLAN_LIST vlan_list => VlanList(Nest<'a, O, VfVlanListAttr<'a, O>>) nest VfVlanListAttr,
        /// The VF's broadcast address (`struct ifla_vf_broadcast`: 32 bytes, zero-padded).
        13 IFLA_VF_BROADCAST broadcast => Broadcast(Bytes<'a>),
    }
}

attr_set! {
    /// A virtual function's counter (`IFLA_VF_STATS_*`, ids from 0).
    pub enum VfStatsAttr {
        /// Packets received.
        0 IFLA_VF_STATS_RX_PACKETS rx_packets => RxPackets(u64),
        /// Packets sent.
        1 IFLA_VF_STATS_TX_PACKETS tx_packets => TxPackets(u64),
        /// Bytes received.
        2 IFLA_VF_STATS_RX_BYTES rx_bytes => RxBytes(u64),
        /// Bytes sent.
        3 IFLA_VF_STATS_TX_BYTES tx_bytes => TxBytes(u64),
        /// Broadcast packets received.
        4 IFLA_VF_STATS_BROADCAST broadcast => Broadcast(u64),
        /// Multicast packets received.
        5 IFLA_VF_STATS_MULTICAST multicast => Multicast(u64),
        /// Padding for 64-bit alignment.
        6 IFLA_VF_STATS_PAD pad => Pad(Bytes<'a>),
        /// Received packets dropped.
        7 IFLA_VF_STATS_RX_DROPPED rx_dropped => RxDropped(u64),
        /// Packets to send dropped.
        8 IFLA_VF_STATS_TX_DROPPED tx_dropped => TxDropped(u64),
    }
}

attr_set! {
    /// A virtual function's VLAN list (`IFLA_VF_VLAN_LIST`).
    pub enum VfVlanListAttr {
        /// A VLAN, its priority and protocol.
        1 IFLA_VF_VLAN_INFO info => Info(IflaVfVlanInfo<O>),
    }
}

attr_set! {
    /// The ports of the virtual functions (`IFLA_VF_PORTS`).
    pub enum VfPortsAttr {
        /// A port (`IFLA_PORT_*`).
        1 IFLA_VF_PORT port => Port(Nest<'a, O, PortAttr<'a, O>>) nest PortAttr,
    }
}

/// `struct ifla_port_vsi` (`IFLA_PORT_VSI_TYPE`), 8 bytes in wire order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct IflaPortVsi(pub [u8; 8]);

impl IflaPortVsi {
    /// `vsi_mgr_id`
    pub fn vsi_mgr_id(&self) -> u8 {
        self.0[0]
    }
    /// `vsi_type_id`
    pub fn vsi_type_id(&self) -> [u8; 3] {
        [self.0[1], self.0[2], self.0[3]]
    }
    /// `vsi_type_version`
    pub fn vsi_type_version(&self) -> u8 {
        self.0[4]
    }
}

impl Render for IflaPortVsi {
    /// `{"vsi_mgr_id": N, "vsi_type_id": "hex", "vsi_type_version": N}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("vsi_mgr_id", &self.vsi_mgr_id())?;
        m.entry("vsi_type_id", &crate::wire::visit::Value::Hex(&self.0[1..4]))?;
        m.entry("vsi_type_version", &self.vsi_type_version())?;
        m.end()
    }
}
serde_via_render!(impl[] IflaPortVsi);
fixed_bytes_payload!(IflaPortVsi, 8);

attr_set! {
    /// A port profile (`IFLA_PORT_*`: in `IFLA_VF_PORT` and `IFLA_PORT_SELF`).
    pub enum PortAttr {
        /// The VF (`PORT_SELF_VF`, -1, for the device itself).
        1 IFLA_PORT_VF vf => Vf(u32),
        /// The port profile's name.
        2 IFLA_PORT_PROFILE profile => Profile(&'a str),
        /// The 802.1Qbg VSI type.
        3 IFLA_PORT_VSI_TYPE vsi_type => VsiType(IflaPortVsi),
        /// The instance UUID (16 bytes).
        4 IFLA_PORT_INSTANCE_UUID instance_uuid => InstanceUuid(Bytes<'a>),
        /// The host UUID (16 bytes).
        5 IFLA_PORT_HOST_UUID host_uuid => HostUuid(Bytes<'a>),
        /// The request (`PORT_REQUEST_*`).
        6 IFLA_PORT_REQUEST request => Request(u8),
        /// The response (`PORT_VDP_RESPONSE_*`, `PORT_PROFILE_RESPONSE_*`; dumps only).
        7 IFLA_PORT_RESPONSE response => Response(u16),
    }
}

attr_set! {
    /// A link's devlink port (`IFLA_DEVLINK_PORT`): the devlink handle the
    /// kernel puts there (devlink's `DEVLINK_ATTR_*` numbers; others are
    /// kept verbatim).
    pub enum DevlinkPortAttr {
        /// The bus of the devlink instance (`"pci"`).
        1 DEVLINK_ATTR_BUS_NAME bus_name => BusName(&'a str),
        /// The device of the devlink instance (`"0000:01:00.0"`).
        2 DEVLINK_ATTR_DEV_NAME dev_name => DevName(&'a str),
        /// The port's index.
        3 DEVLINK_ATTR_PORT_INDEX port_index => PortIndex(u32),
    }
}

attr_set! {
    /// A link's DPLL pin (`IFLA_DPLL_PIN`): the pin handle (dpll's
    /// `DPLL_A_PIN_*` numbers; others are kept verbatim).
    pub enum DpllPinAttr {
        /// The pin's id.
        1 DPLL_A_PIN_ID id => Id(u32),
    }
}
