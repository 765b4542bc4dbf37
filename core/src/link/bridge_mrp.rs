//! A bridge port's redundancy protocols in `IFLA_AF_SPEC` of `AF_BRIDGE`
//! link messages: media redundancy (MRP, IEC 62439-2), connectivity fault
//! management (CFM, 802.1Q) and multiple spanning trees (MST).

#[allow(unused_imports)]
use super::*;
attr_set! {
    /// Media redundancy (`IFLA_BRIDGE_MRP_*`, in `IFLA_AF_SPEC` of `AF_BRIDGE` messages): requests carry one command nest, dumps one `IFLA_BRIDGE_MRP_INFO` per ring.
    pub enum MrpAttr {
        /// Create or delete a ring instance.
        1 IFLA_BRIDGE_MRP_INSTANCE instance => Instance(Nest<'a, O, MrpInstanceAttr<'a, O>>) nest MrpInstanceAttr,
        /// Set a ring port's state.
        2 IFLA_BRIDGE_MRP_PORT_STATE port_state => PortState(Nest<'a, O, MrpPortStateAttr<'a, O>>) nest MrpPortStateAttr,
        /// Set a ring port's role.
        3 IFLA_BRIDGE_MRP_PORT_ROLE port_role => PortRole(Nest<'a, O, MrpPortRoleAttr<'a, O>>) nest MrpPortRoleAttr,
        /// Set a ring's state.
        4 IFLA_BRIDGE_MRP_RING_STATE ring_state => RingState(Nest<'a, O, MrpRingStateAttr<'a, O>>) nest MrpRingStateAttr,
        /// Set a ring's role.
        5 IFLA_BRIDGE_MRP_RING_ROLE ring_role => RingRole(Nest<'a, O, MrpRingRoleAttr<'a, O>>) nest MrpRingRoleAttr,
        /// Start sending ring test frames.
        6 IFLA_BRIDGE_MRP_START_TEST start_test => StartTest(Nest<'a, O, MrpStartTestAttr<'a, O>>) nest MrpStartTestAttr,
        /// A ring's state (dumps).
        7 IFLA_BRIDGE_MRP_INFO info => Info(Nest<'a, O, MrpInfoAttr<'a, O>>) nest MrpInfoAttr,
        /// Set an interconnection's role.
        8 IFLA_BRIDGE_MRP_IN_ROLE in_role => InRole(Nest<'a, O, MrpInRoleAttr<'a, O>>) nest MrpInRoleAttr,
        /// Set an interconnection's state.
        9 IFLA_BRIDGE_MRP_IN_STATE in_state => InState(Nest<'a, O, MrpInStateAttr<'a, O>>) nest MrpInStateAttr,
        /// Start sending interconnection test frames.
        10 IFLA_BRIDGE_MRP_START_IN_TEST start_in_test => StartInTest(Nest<'a, O, MrpStartInTestAttr<'a, O>>) nest MrpStartInTestAttr,
    }
}

attr_set! {
    /// An MRP ring instance (`IFLA_BRIDGE_MRP_INSTANCE_*`).
    pub enum MrpInstanceAttr {
        /// The ring id.
        1 IFLA_BRIDGE_MRP_INSTANCE_RING_ID ring_id => RingId(u32),
        /// The primary port (ifindex).
        2 IFLA_BRIDGE_MRP_INSTANCE_P_IFINDEX p_ifindex => PIfindex(u32),
        /// The secondary port (ifindex).
        3 IFLA_BRIDGE_MRP_INSTANCE_S_IFINDEX s_ifindex => SIfindex(u32),
        /// The priority.
        4 IFLA_BRIDGE_MRP_INSTANCE_PRIO prio => Prio(u16),
    }
}

attr_set! {
    /// An MRP port state (`IFLA_BRIDGE_MRP_PORT_STATE_*`).
    pub enum MrpPortStateAttr {
        /// The state (`BR_MRP_PORT_STATE_*`).
        1 IFLA_BRIDGE_MRP_PORT_STATE_STATE state => State(u32),
    }
}

attr_set! {
    /// An MRP port role (`IFLA_BRIDGE_MRP_PORT_ROLE_*`).
    pub enum MrpPortRoleAttr {
        /// The role (`BR_MRP_PORT_ROLE_*`).
        1 IFLA_BRIDGE_MRP_PORT_ROLE_ROLE role => Role(u32),
    }
}

attr_set! {
    /// An MRP ring state (`IFLA_BRIDGE_MRP_RING_STATE_*`).
    pub enum MrpRingStateAttr {
        /// The ring id.
        1 IFLA_BRIDGE_MRP_RING_STATE_RING_ID ring_id => RingId(u32),
        /// The state (`BR_MRP_RING_STATE_*`).
        2 IFLA_BRIDGE_MRP_RING_STATE_STATE state => State(u32),
    }
}

attr_set! {
    /// An MRP ring role (`IFLA_BRIDGE_MRP_RING_ROLE_*`).
    pub enum MrpRingRoleAttr {
        /// The ring id.
        1 IFLA_BRIDGE_MRP_RING_ROLE_RING_ID ring_id => RingId(u32),
        /// The role (`BR_MRP_RING_ROLE_*`).
        2 IFLA_BRIDGE_MRP_RING_ROLE_ROLE role => Role(u32),
    }
}

attr_set! {
    /// An MRP ring test (`IFLA_BRIDGE_MRP_START_TEST_*`).
    pub enum MrpStartTestAttr {
        /// The ring id.
        1 IFLA_BRIDGE_MRP_START_TEST_RING_ID ring_id => RingId(u32),
        /// The interval between test frames, in microseconds.
        2 IFLA_BRIDGE_MRP_START_TEST_INTERVAL interval => Interval(u32),
        /// Test frames missed before the ring counts as open.
        3 IFLA_BRIDGE_MRP_START_TEST_MAX_MISS max_miss => MaxMiss(u32),
        /// How long to send, in microseconds.
        4 IFLA_BRIDGE_MRP_START_TEST_PERIOD period => Period(u32),
        /// Monitor only (1).
        5 IFLA_BRIDGE_MRP_START_TEST_MONITOR monitor => Monitor(u32),
    }
}

attr_set! {
    /// An MRP ring's state in a dump (`IFLA_BRIDGE_MRP_INFO_*`).
    pub enum MrpInfoAttr {
        /// The ring id.
        1 IFLA_BRIDGE_MRP_INFO_RING_ID ring_id => RingId(u32),
        /// The primary port (ifindex).
        2 IFLA_BRIDGE_MRP_INFO_P_IFINDEX p_ifindex => PIfindex(u32),
        /// The secondary port (ifindex).
        3 IFLA_BRIDGE_MRP_INFO_S_IFINDEX s_ifindex => SIfindex(u32),
        /// The priority.
        4 IFLA_BRIDGE_MRP_INFO_PRIO prio => Prio(u16),
        /// The ring state.
        5 IFLA_BRIDGE_MRP_INFO_RING_STATE ring_state => RingState(u32),
        /// The ring role.
        6 IFLA_BRIDGE_MRP_INFO_RING_ROLE ring_role => RingRole(u32),
        /// The test interval, in microseconds.
        7 IFLA_BRIDGE_MRP_INFO_TEST_INTERVAL test_interval => TestInterval(u32),
        /// Test frames that may be missed.
        8 IFLA_BRIDGE_MRP_INFO_TEST_MAX_MISS test_max_miss => TestMaxMiss(u32),
        /// Monitor only (1).
        9 IFLA_BRIDGE_MRP_INFO_TEST_MONITOR test_monitor => TestMonitor(u32),
        /// The interconnection port (ifindex).
        10 IFLA_BRIDGE_MRP_INFO_I_IFINDEX i_ifindex => IIfindex(u32),
        /// The interconnection state.
        11 IFLA_BRIDGE_MRP_INFO_IN_STATE in_state => InState(u32),
        /// The interconnection role.
        12 IFLA_BRIDGE_MRP_INFO_IN_ROLE in_role => InRole(u32),
        /// The interconnection test interval, in microseconds.
        13 IFLA_BRIDGE_MRP_INFO_IN_TEST_INTERVAL in_test_interval => InTestInterval(u32),
        /// Interconnection test frames that may be missed.
        14 IFLA_BRIDGE_MRP_INFO_IN_TEST_MAX_MISS in_test_max_miss => InTestMaxMiss(u32),
    }
}

attr_set! {
    /// An MRP interconnection state (`IFLA_BRIDGE_MRP_IN_STATE_*`).
    pub enum MrpInStateAttr {
        /// The interconnection id.
        1 IFLA_BRIDGE_MRP_IN_STATE_IN_ID in_id => InId(u32),
        /// The state (`BR_MRP_IN_STATE_*`).
        2 IFLA_BRIDGE_MRP_IN_STATE_STATE state => State(u32),
    }
}

attr_set! {
    /// An MRP interconnection role (`IFLA_BRIDGE_MRP_IN_ROLE_*`).
    pub enum MrpInRoleAttr {
        /// The ring id.
        1 IFLA_BRIDGE_MRP_IN_ROLE_RING_ID ring_id => RingId(u32),
        /// The interconnection id.
        2 IFLA_BRIDGE_MRP_IN_ROLE_IN_ID in_id => InId(u16),
        /// The role (`BR_MRP_IN_ROLE_*`).
        3 IFLA_BRIDGE_MRP_IN_ROLE_ROLE role => Role(u32),
        /// The interconnection port (ifindex).
        4 IFLA_BRIDGE_MRP_IN_ROLE_I_IFINDEX i_ifindex => IIfindex(u32),
    }
}

attr_set! {
    /// An MRP interconnection test (`IFLA_BRIDGE_MRP_START_IN_TEST_*`).
    pub enum MrpStartInTestAttr {
        /// The interconnection id.
        1 IFLA_BRIDGE_MRP_START_IN_TEST_IN_ID in_id => InId(u32),
        /// The interval between test frames, in microseconds.
        2 IFLA_BRIDGE_MRP_START_IN_TEST_INTERVAL interval => Interval(u32),
        /// Test frames missed before the interconnection counts as open.
        3 IFLA_BRIDGE_MRP_START_IN_TEST_MAX_MISS max_miss => MaxMiss(u32),
        /// How long to send, in microseconds.
        4 IFLA_BRIDGE_MRP_START_IN_TEST_PERIOD period => Period(u32),
    }
}

attr_set! {
    /// Connectivity fault management (`IFLA_BRIDGE_CFM_*`, in `IFLA_AF_SPEC` of `AF_BRIDGE` messages): commands in requests, `*_INFO` nests in dumps.
    pub enum CfmAttr {
        /// Create a maintenance end point.
        1 IFLA_BRIDGE_CFM_MEP_CREATE mep_create => MepCreate(Nest<'a, O, CfmMepCreateAttr<'a, O>>) nest CfmMepCreateAttr,
        /// Delete one.
        2 IFLA_BRIDGE_CFM_MEP_DELETE mep_delete => MepDelete(Nest<'a, O, CfmMepDeleteAttr<'a, O>>) nest CfmMepDeleteAttr,
        /// Configure one.
        3 IFLA_BRIDGE_CFM_MEP_CONFIG mep_config => MepConfig(Nest<'a, O, CfmMepConfigAttr<'a, O>>) nest CfmMepConfigAttr,
        /// Configure continuity checks.
        4 IFLA_BRIDGE_CFM_CC_CONFIG cc_config => CcConfig(Nest<'a, O, CfmCcConfigAttr<'a, O>>) nest CfmCcConfigAttr,
        /// Add a peer end point.
        5 IFLA_BRIDGE_CFM_CC_PEER_MEP_ADD cc_peer_mep_add => CcPeerMepAdd(Nest<'a, O, CfmCcPeerMepAttr<'a, O>>) nest CfmCcPeerMepAttr,
        /// Remove a peer end point.
        6 IFLA_BRIDGE_CFM_CC_PEER_MEP_REMOVE cc_peer_mep_remove => CcPeerMepRemove(Nest<'a, O, CfmCcPeerMepAttr<'a, O>>) nest CfmCcPeerMepAttr,
        /// Set the remote defect indication.
        7 IFLA_BRIDGE_CFM_CC_RDI cc_rdi => CcRdi(Nest<'a, O, CfmCcRdiAttr<'a, O>>) nest CfmCcRdiAttr,
        /// Transmit continuity check messages.
        8 IFLA_BRIDGE_CFM_CC_CCM_TX cc_ccm_tx => CcCcmTx(Nest<'a, O, CfmCcCcmTxAttr<'a, O>>) nest CfmCcCcmTxAttr,
        /// An end point as created (dumps).
        9 IFLA_BRIDGE_CFM_MEP_CREATE_INFO mep_create_info => MepCreateInfo(Nest<'a, O, CfmMepCreateAttr<'a, O>>) nest CfmMepCreateAttr,
        /// An end point's configuration (dumps).
        10 IFLA_BRIDGE_CFM_MEP_CONFIG_INFO mep_config_info => MepConfigInfo(Nest<'a, O, CfmMepConfigAttr<'a, O>>) nest CfmMepConfigAttr,
        /// Its continuity-check configuration (dumps).
        11 IFLA_BRIDGE_CFM_CC_CONFIG_INFO cc_config_info => CcConfigInfo(Nest<'a, O, CfmCcConfigAttr<'a, O>>) nest CfmCcConfigAttr,
        /// Its remote defect indication (dumps).
        12 IFLA_BRIDGE_CFM_CC_RDI_INFO cc_rdi_info => CcRdiInfo(Nest<'a, O, CfmCcRdiAttr<'a, O>>) nest CfmCcRdiAttr,
        /// What it transmits (dumps).
        13 IFLA_BRIDGE_CFM_CC_CCM_TX_INFO cc_ccm_tx_info => CcCcmTxInfo(Nest<'a, O, CfmCcCcmTxAttr<'a, O>>) nest CfmCcCcmTxAttr,
        /// A peer end point (dumps).
        14 IFLA_BRIDGE_CFM_CC_PEER_MEP_INFO cc_peer_mep_info => CcPeerMepInfo(Nest<'a, O, CfmCcPeerMepAttr<'a, O>>) nest CfmCcPeerMepAttr,
        /// An end point's status (dumps).
        15 IFLA_BRIDGE_CFM_MEP_STATUS_INFO mep_status_info => MepStatusInfo(Nest<'a, O, CfmMepStatusAttr<'a, O>>) nest CfmMepStatusAttr,
        /// A peer's status (dumps).
        16 IFLA_BRIDGE_CFM_CC_PEER_STATUS_INFO cc_peer_status_info => CcPeerStatusInfo(Nest<'a, O, CfmCcPeerStatusAttr<'a, O>>) nest CfmCcPeerStatusAttr,
    }
}

attr_set! {
    /// A CFM end point's creation (`IFLA_BRIDGE_CFM_MEP_CREATE_*`).
    pub enum CfmMepCreateAttr {
        /// The instance.
        1 IFLA_BRIDGE_CFM_MEP_CREATE_INSTANCE instance => Instance(u32),
        /// The domain (`BR_CFM_PORT`, `BR_CFM_VLAN`).
        2 IFLA_BRIDGE_CFM_MEP_CREATE_DOMAIN domain => Domain(u32),
        /// The direction (`BR_CFM_MEP_DIRECTION_*`).
        3 IFLA_BRIDGE_CFM_MEP_CREATE_DIRECTION direction => Direction(u32),
        /// The port (ifindex).
        4 IFLA_BRIDGE_CFM_MEP_CREATE_IFINDEX ifindex => Ifindex(u32),
    }
}

attr_set! {
    /// A CFM end point's deletion (`IFLA_BRIDGE_CFM_MEP_DELETE_*`).
    pub enum CfmMepDeleteAttr {
        /// The instance.
        1 IFLA_BRIDGE_CFM_MEP_DELETE_INSTANCE instance => Instance(u32),
    }
}

attr_set! {
    /// A CFM end point's configuration (`IFLA_BRIDGE_CFM_MEP_CONFIG_*`).
    pub enum CfmMepConfigAttr {
        /// The instance.
        1 IFLA_BRIDGE_CFM_MEP_CONFIG_INSTANCE instance => Instance(u32),
        /// The unicast MAC address.
        2 IFLA_BRIDGE_CFM_MEP_CONFIG_UNICAST_MAC unicast_mac => UnicastMac(Bytes<'a>),
        /// The maintenance domain level (0 to 7).
        3 IFLA_BRIDGE_CFM_MEP_CONFIG_MDLEVEL mdlevel => Mdlevel(u32),
        /// The end point id (up to 0x1fff).
        4 IFLA_BRIDGE_CFM_MEP_CONFIG_MEPID mepid => Mepid(u32),
    }
}

attr_set! {
    /// A CFM continuity-check configuration (`IFLA_BRIDGE_CFM_CC_CONFIG_*`).
    pub enum CfmCcConfigAttr {
        /// The instance.
        1 IFLA_BRIDGE_CFM_CC_CONFIG_INSTANCE instance => Instance(u32),
        /// Enabled (1).
        2 IFLA_BRIDGE_CFM_CC_CONFIG_ENABLE enable => Enable(u32),
        /// The expected interval (`BR_CFM_CCM_INTERVAL_*`).
        3 IFLA_BRIDGE_CFM_CC_CONFIG_EXP_INTERVAL exp_interval => ExpInterval(u32),
        /// The expected maintenance association id (48 bytes).
        4 IFLA_BRIDGE_CFM_CC_CONFIG_EXP_MAID exp_maid => ExpMaid(Bytes<'a>),
    }
}

attr_set! {
    /// A CFM peer end point (`IFLA_BRIDGE_CFM_CC_PEER_MEP_*`).
    pub enum CfmCcPeerMepAttr {
        /// The instance.
        1 IFLA_BRIDGE_CFM_CC_PEER_MEP_INSTANCE instance => Instance(u32),
        /// The peer's end point id.
        2 IFLA_BRIDGE_CFM_CC_PEER_MEPID mepid => Mepid(u32),
    }
}

attr_set! {
    /// A CFM remote defect indication (`IFLA_BRIDGE_CFM_CC_RDI_*`).
    pub enum CfmCcRdiAttr {
        /// The instance.
        1 IFLA_BRIDGE_CFM_CC_RDI_INSTANCE instance => Instance(u32),
        /// The indication (1 set).
        2 IFLA_BRIDGE_CFM_CC_RDI_RDI rdi => Rdi(u32),
    }
}

attr_set! {
    /// CFM continuity check messages sent (`IFLA_BRIDGE_CFM_CC_CCM_TX_*`).
    pub enum CfmCcCcmTxAttr {
        /// The instance.
        1 IFLA_BRIDGE_CFM_CC_CCM_TX_INSTANCE instance => Instance(u32),
        /// The destination MAC address.
        2 IFLA_BRIDGE_CFM_CC_CCM_TX_DMAC dmac => Dmac(Bytes<'a>),
        /// Update the sequence number (1).
        3 IFLA_BRIDGE_CFM_CC_CCM_TX_SEQ_NO_UPDATE seq_no_update => SeqNoUpdate(u32),
        /// How long to send, in seconds.
        4 IFLA_BRIDGE_CFM_CC_CCM_TX_PERIOD period => Period(u32),
        /// Add the interface status TLV (1).
        5 IFLA_BRIDGE_CFM_CC_CCM_TX_IF_TLV if_tlv => IfTlv(u32),
        /// The interface status.
        6 IFLA_BRIDGE_CFM_CC_CCM_TX_IF_TLV_VALUE if_tlv_value => IfTlvValue(u8),
        /// Add the port status TLV (1).
        7 IFLA_BRIDGE_CFM_CC_CCM_TX_PORT_TLV port_tlv => PortTlv(u32),
        /// The port status.
        8 IFLA_BRIDGE_CFM_CC_CCM_TX_PORT_TLV_VALUE port_tlv_value => PortTlvValue(u8),
    }
}

attr_set! {
    /// A CFM end point's status (`IFLA_BRIDGE_CFM_MEP_STATUS_*`).
    pub enum CfmMepStatusAttr {
        /// The instance.
        1 IFLA_BRIDGE_CFM_MEP_STATUS_INSTANCE instance => Instance(u32),
        /// An unexpected opcode was seen (1).
        2 IFLA_BRIDGE_CFM_MEP_STATUS_OPCODE_UNEXP_SEEN opcode_unexp_seen => OpcodeUnexpSeen(u32),
        /// An unexpected version was seen (1).
        3 IFLA_BRIDGE_CFM_MEP_STATUS_VERSION_UNEXP_SEEN version_unexp_seen => VersionUnexpSeen(u32),
        /// A lower level was received (1).
        4 IFLA_BRIDGE_CFM_MEP_STATUS_RX_LEVEL_LOW_SEEN rx_level_low_seen => RxLevelLowSeen(u32),
    }
}

attr_set! {
    /// A CFM peer's status (`IFLA_BRIDGE_CFM_CC_PEER_STATUS_*`).
    pub enum CfmCcPeerStatusAttr {
        /// The instance.
        1 IFLA_BRIDGE_CFM_CC_PEER_STATUS_INSTANCE instance => Instance(u32),
        /// The peer's end point id.
        2 IFLA_BRIDGE_CFM_CC_PEER_STATUS_PEER_MEPID peer_mepid => PeerMepid(u32),
        /// Continuity check messages are missing (1).
        3 IFLA_BRIDGE_CFM_CC_PEER_STATUS_CCM_DEFECT ccm_defect => CcmDefect(u32),
        /// The peer's remote defect indication.
        4 IFLA_BRIDGE_CFM_CC_PEER_STATUS_RDI rdi => Rdi(u32),
        /// The peer's port status.
        5 IFLA_BRIDGE_CFM_CC_PEER_STATUS_PORT_TLV_VALUE port_tlv_value => PortTlvValue(u8),
        /// The peer's interface status.
        6 IFLA_BRIDGE_CFM_CC_PEER_STATUS_IF_TLV_VALUE if_tlv_value => IfTlvValue(u8),
        /// A message was seen (1).
        7 IFLA_BRIDGE_CFM_CC_PEER_STATUS_SEEN seen => Seen(u32),
        /// A TLV was seen (1).
        8 IFLA_BRIDGE_CFM_CC_PEER_STATUS_TLV_SEEN tlv_seen => TlvSeen(u32),
        /// An unexpected sequence number was seen (1).
        9 IFLA_BRIDGE_CFM_CC_PEER_STATUS_SEQ_UNEXP_SEEN seq_unexp_seen => SeqUnexpSeen(u32),
    }
}

attr_set! {
    /// Multiple spanning trees (`IFLA_BRIDGE_MST_*`, in `IFLA_AF_SPEC` of `AF_BRIDGE` messages).
    pub enum MstAttr {
        /// A tree's port state.
        1 IFLA_BRIDGE_MST_ENTRY entry => Entry(Nest<'a, O, MstEntryAttr<'a, O>>) nest MstEntryAttr,
    }
}

attr_set! {
    /// A port's state in one spanning tree (`IFLA_BRIDGE_MST_ENTRY_*`).
    pub enum MstEntryAttr {
        /// The tree (MSTI).
        1 IFLA_BRIDGE_MST_ENTRY_MSTI msti => Msti(u16),
        /// The port's STP state (`BR_STATE_*`).
        2 IFLA_BRIDGE_MST_ENTRY_STATE state => State(u8),
    }
}
