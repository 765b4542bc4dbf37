//! The options of the link kinds that live outside `if_link.h`'s big
//! tunnel and bridge sections: CAN (`can/netlink.h`), GTP, AMT (`amt.h`),
//! rmnet, batman-adv (`batman_adv.h`), WWAN (`wwan.h`), IPoIB, PPP, DSA,
//! OpenVPN; and the kinds that have no options at all ([`NoOptionsAttr`]),
//! which are still named kinds of [`LinkInfoData`](super::LinkInfoData).

#[allow(unused_imports)]
use super::*;
use crate::typed::StructArray;

attr_set! {
    /// The options of a kind that has none (`dummy`, `ifb`, `nlmon`,
    /// `vcan`, `virt_wifi`, `team`, `netdevsim`, `wireguard`): the kind is
    /// named, and any attribute a newer kernel sends is kept verbatim.
    pub enum NoOptionsAttr {}
}

struct_payload! {
    /// `struct can_bittiming` (`IFLA_CAN_BITTIMING` and the data phases), 32 bytes.
    pub struct CanBittiming<O> {
        /// `bitrate`, in bits per second.
        bitrate: U32<O>,
        /// `sample_point`, in tenths of a percent.
        sample_point: U32<O>,
        /// `tq`, the time quantum in nanoseconds.
        tq: U32<O>,
        /// `prop_seg`, in time quanta.
        prop_seg: U32<O>,
        /// `phase_seg1`, in time quanta.
        phase_seg1: U32<O>,
        /// `phase_seg2`, in time quanta.
        phase_seg2: U32<O>,
        /// `sjw`, the synchronisation jump width in time quanta.
        sjw: U32<O>,
        /// `brp`, the bit-rate prescaler.
        brp: U32<O>,
    }
}

struct_payload! {
    /// `struct can_bittiming_const` (`IFLA_CAN_BITTIMING_CONST` and the data
    /// phases), 48 bytes: the controller's limits.
    pub struct CanBittimingConst<O> {
        /// `name`: the controller's name, NUL-padded.
        name: [u8; 16],
        /// `tseg1_min`
        tseg1_min: U32<O>,
        /// `tseg1_max`
        tseg1_max: U32<O>,
        /// `tseg2_min`
        tseg2_min: U32<O>,
        /// `tseg2_max`
        tseg2_max: U32<O>,
        /// `sjw_max`
        sjw_max: U32<O>,
        /// `brp_min`
        brp_min: U32<O>,
        /// `brp_max`
        brp_max: U32<O>,
        /// `brp_inc`
        brp_inc: U32<O>,
    }
}

struct_payload! {
    /// `struct can_clock` (`IFLA_CAN_CLOCK`), 4 bytes.
    pub struct CanClock<O> {
        /// `freq`, the system clock in Hz.
        freq: U32<O>,
    }
}

struct_payload! {
    /// `struct can_berr_counter` (`IFLA_CAN_BERR_COUNTER`), 4 bytes.
    pub struct CanBerrCounter<O> {
        /// `txerr`
        txerr: U16<O>,
        /// `rxerr`
        rxerr: U16<O>,
    }
}

struct_payload! {
    /// `struct can_ctrlmode` (`IFLA_CAN_CTRLMODE`), 8 bytes: `CAN_CTRLMODE_*` bits.
    pub struct CanCtrlmode<O> {
        /// `mask`: the bits a request changes.
        mask: U32<O>,
        /// `flags`
        flags: U32<O>,
    }
}

named_values! {
    /// A CAN controller's state (`enum can_state`, `IFLA_CAN_STATE`), named as `ip -d link` prints it.
    pub struct CanState(u32) {
        ERROR_ACTIVE = 0, "CAN_STATE_ERROR_ACTIVE", "ERROR-ACTIVE";
        ERROR_WARNING = 1, "CAN_STATE_ERROR_WARNING", "ERROR-WARNING";
        ERROR_PASSIVE = 2, "CAN_STATE_ERROR_PASSIVE", "ERROR-PASSIVE";
        BUS_OFF = 3, "CAN_STATE_BUS_OFF", "BUS-OFF";
        STOPPED = 4, "CAN_STATE_STOPPED", "STOPPED";
        SLEEPING = 5, "CAN_STATE_SLEEPING", "SLEEPING";
    }
}

attr_set! {
    /// A CAN device's option (`IFLA_CAN_*`, kind `"can"`).
    pub enum CanAttr {
        /// The bit timing (arbitration phase).
        1 IFLA_CAN_BITTIMING bittiming => Bittiming(CanBittiming<O>),
        /// The controller's bit-timing limits.
        2 IFLA_CAN_BITTIMING_CONST bittiming_const => BittimingConst(CanBittimingConst<O>),
        /// The controller's clock.
        3 IFLA_CAN_CLOCK clock => Clock(CanClock<O>),
        /// The controller's state.
        4 IFLA_CAN_STATE state => State(CanState),
        /// The control mode (`CAN_CTRLMODE_*`).
        5 IFLA_CAN_CTRLMODE ctrlmode => Ctrlmode(CanCtrlmode<O>),
        /// The automatic restart delay after bus-off, in milliseconds.
        6 IFLA_CAN_RESTART_MS restart_ms => RestartMs(u32),
        /// Restart now (a request).
        7 IFLA_CAN_RESTART restart => Restart(u32),
        /// The error counters.
        8 IFLA_CAN_BERR_COUNTER berr_counter => BerrCounter(CanBerrCounter<O>),
        /// The bit timing of the CAN FD data phase.
        9 IFLA_CAN_DATA_BITTIMING data_bittiming => DataBittiming(CanBittiming<O>),
        /// The controller's CAN FD data-phase limits.
        10 IFLA_CAN_DATA_BITTIMING_CONST data_bittiming_const => DataBittimingConst(CanBittimingConst<O>),
        /// The bus termination, in ohms.
        11 IFLA_CAN_TERMINATION termination => Termination(u16),
        /// The terminations the device offers (`u16` each).
        12 IFLA_CAN_TERMINATION_CONST termination_const => TerminationConst(StructArray<'a, U16<O>>),
        /// The bit rates the device offers (`u32` each).
        13 IFLA_CAN_BITRATE_CONST bitrate_const => BitrateConst(StructArray<'a, U32<O>>),
        /// The CAN FD data bit rates the device offers (`u32` each).
        14 IFLA_CAN_DATA_BITRATE_CONST data_bitrate_const => DataBitrateConst(StructArray<'a, U32<O>>),
        /// The highest bit rate the transceiver takes.
        15 IFLA_CAN_BITRATE_MAX bitrate_max => BitrateMax(u32),
        /// Transmitter delay compensation of the CAN FD data phase (`IFLA_CAN_TDC_*`).
        16 IFLA_CAN_TDC tdc => Tdc(Nest<'a, O, CanTdcAttr<'a, O>>) nest CanTdcAttr,
        /// The control modes the device supports (`IFLA_CAN_CTRLMODE_*`).
        17 IFLA_CAN_CTRLMODE_EXT ctrlmode_ext => CtrlmodeExt(Nest<'a, O, CanCtrlmodeExtAttr<'a, O>>) nest CanCtrlmodeExtAttr,
        /// The bit timing of the CAN XL data phase.
        18 IFLA_CAN_XL_DATA_BITTIMING xl_data_bittiming => XlDataBittiming(CanBittiming<O>),
        /// The controller's CAN XL data-phase limits.
        19 IFLA_CAN_XL_DATA_BITTIMING_CONST xl_data_bittiming_const => XlDataBittimingConst(CanBittimingConst<O>),
        /// The CAN XL data bit rates the device offers (`u32` each).
        20 IFLA_CAN_XL_DATA_BITRATE_CONST xl_data_bitrate_const => XlDataBitrateConst(StructArray<'a, U32<O>>),
        /// Transmitter delay compensation of the CAN XL data phase (`IFLA_CAN_TDC_*`).
        21 IFLA_CAN_XL_TDC xl_tdc => XlTdc(Nest<'a, O, CanTdcAttr<'a, O>>) nest CanTdcAttr,
        /// CAN XL pulse-width modulation (`IFLA_CAN_PWM_*`).
        22 IFLA_CAN_XL_PWM xl_pwm => XlPwm(Nest<'a, O, CanPwmAttr<'a, O>>) nest CanPwmAttr,
    }
}

attr_set! {
    /// CAN transmitter delay compensation (`IFLA_CAN_TDC_*`), in time quanta.
    pub enum CanTdcAttr {
        /// The lowest TDCV the device takes.
        1 IFLA_CAN_TDC_TDCV_MIN tdcv_min => TdcvMin(u32),
        /// The highest TDCV.
        2 IFLA_CAN_TDC_TDCV_MAX tdcv_max => TdcvMax(u32),
        /// The lowest TDCO.
        3 IFLA_CAN_TDC_TDCO_MIN tdco_min => TdcoMin(u32),
        /// The highest TDCO.
        4 IFLA_CAN_TDC_TDCO_MAX tdco_max => TdcoMax(u32),
        /// The lowest TDCF.
        5 IFLA_CAN_TDC_TDCF_MIN tdcf_min => TdcfMin(u32),
        /// The highest TDCF.
        6 IFLA_CAN_TDC_TDCF_MAX tdcf_max => TdcfMax(u32),
        /// The transmitter delay compensation value.
        7 IFLA_CAN_TDC_TDCV tdcv => Tdcv(u32),
        /// The offset.
        8 IFLA_CAN_TDC_TDCO tdco => Tdco(u32),
        /// The filter window.
        9 IFLA_CAN_TDC_TDCF tdcf => Tdcf(u32),
    }
}

attr_set! {
    /// The control modes a CAN device supports (`IFLA_CAN_CTRLMODE_*`).
    pub enum CanCtrlmodeExtAttr {
        /// The `CAN_CTRLMODE_*` bits supported.
        1 IFLA_CAN_CTRLMODE_SUPPORTED supported => Supported(u32),
    }
}

attr_set! {
    /// CAN XL pulse-width modulation (`IFLA_CAN_PWM_*`), in minimum time quanta.
    pub enum CanPwmAttr {
        /// The lowest PWMS.
        1 IFLA_CAN_PWM_PWMS_MIN pwms_min => PwmsMin(u32),
        /// The highest PWMS.
        2 IFLA_CAN_PWM_PWMS_MAX pwms_max => PwmsMax(u32),
        /// The lowest PWML.
        3 IFLA_CAN_PWM_PWML_MIN pwml_min => PwmlMin(u32),
        /// The highest PWML.
        4 IFLA_CAN_PWM_PWML_MAX pwml_max => PwmlMax(u32),
        /// The lowest PWMO.
        5 IFLA_CAN_PWM_PWMO_MIN pwmo_min => PwmoMin(u32),
        /// The highest PWMO.
        6 IFLA_CAN_PWM_PWMO_MAX pwmo_max => PwmoMax(u32),
        /// The short phase.
        7 IFLA_CAN_PWM_PWMS pwms => Pwms(u32),
        /// The long phase.
        8 IFLA_CAN_PWM_PWML pwml => Pwml(u32),
        /// The offset.
        9 IFLA_CAN_PWM_PWMO pwmo => Pwmo(u32),
    }
}

attr_set! {
    /// A GTP device's option (`IFLA_GTP_*`, kind `"gtp"`).
    pub enum GtpAttr {
        /// The GTPv0 UDP socket (a request).
        1 IFLA_GTP_FD0 fd0 => Fd0(u32),
        /// The GTPv1-U UDP socket (a request).
        2 IFLA_GTP_FD1 fd1 => Fd1(u32),
        /// The size of the PDP context hash table.
        3 IFLA_GTP_PDP_HASHSIZE pdp_hashsize => PdpHashsize(u32),
        /// The role (`GTP_ROLE_GGSN` 0, `GTP_ROLE_SGSN` 1).
        4 IFLA_GTP_ROLE role => Role(u32),
        /// Let the kernel create the sockets (a request).
        5 IFLA_GTP_CREATE_SOCKETS create_sockets => CreateSockets(u8),
        /// The GTP restart counter.
        6 IFLA_GTP_RESTART_COUNT restart_count => RestartCount(u8),
        /// The local IPv4 address of the sockets the kernel creates.
        7 IFLA_GTP_LOCAL local => Local(Ipv4Addr),
        /// The local IPv6 address of the sockets the kernel creates.
        8 IFLA_GTP_LOCAL6 local6 => Local6(Ipv6Addr),
    }
}

attr_set! {
    /// An AMT device's option (`IFLA_AMT_*`, kind `"amt"`).
    pub enum AmtAttr {
        /// The mode (`AMT_MODE_GATEWAY` 0, `AMT_MODE_RELAY` 1).
        1 IFLA_AMT_MODE mode => Mode(u32),
        /// The relay's UDP port (big-endian).
        2 IFLA_AMT_RELAY_PORT relay_port => RelayPort(Be16),
        /// The gateway's UDP port (big-endian).
        3 IFLA_AMT_GATEWAY_PORT gateway_port => GatewayPort(Be16),
        /// The underlying link (ifindex).
        4 IFLA_AMT_LINK link => Link(u32),
        /// The local address.
        5 IFLA_AMT_LOCAL_IP local_ip => LocalIp(Ipv4Addr),
        /// The remote address.
        6 IFLA_AMT_REMOTE_IP remote_ip => RemoteIp(Ipv4Addr),
        /// The relay discovery address.
        7 IFLA_AMT_DISCOVERY_IP discovery_ip => DiscoveryIp(Ipv4Addr),
        /// The most tunnels a relay serves.
        8 IFLA_AMT_MAX_TUNNELS max_tunnels => MaxTunnels(u32),
    }
}

struct_payload! {
    /// `struct ifla_rmnet_flags` (`IFLA_RMNET_FLAGS`), 8 bytes: `RMNET_FLAGS_*` bits.
    pub struct IflaRmnetFlags<O> {
        /// `flags`
        flags: U32<O>,
        /// `mask`: the bits a request changes.
        mask: U32<O>,
    }
}

attr_set! {
    /// An rmnet device's option (`IFLA_RMNET_*`, kind `"rmnet"`).
    pub enum RmnetAttr {
        /// The MUX id.
        1 IFLA_RMNET_MUX_ID mux_id => MuxId(u16),
        /// The aggregation and checksum-offload flags.
        2 IFLA_RMNET_FLAGS flags => Flags(IflaRmnetFlags<O>),
    }
}

attr_set! {
    /// A batman-adv mesh interface's option (`IFLA_BATADV_*`, kind `"batadv"`).
    pub enum BatadvAttr {
        /// The routing algorithm's name.
        1 IFLA_BATADV_ALGO_NAME algo_name => AlgoName(&'a str),
    }
}

attr_set! {
    /// A WWAN link's option (`IFLA_WWAN_*`, kind `"wwan"`).
    pub enum WwanAttr {
        /// The link id on the modem.
        1 IFLA_WWAN_LINK_ID link_id => LinkId(u32),
    }
}

attr_set! {
    /// An IPoIB child's option (`IFLA_IPOIB_*`, kind `"ipoib"`).
    pub enum IpoibAttr {
        /// The partition key.
        1 IFLA_IPOIB_PKEY pkey => Pkey(u16),
        /// The mode (`IPOIB_MODE_DATAGRAM` 0, `IPOIB_MODE_CONNECTED` 1).
        2 IFLA_IPOIB_MODE mode => Mode(u16),
        /// Whether user-space multicast is allowed.
        3 IFLA_IPOIB_UMCAST umcast => Umcast(u16),
    }
}

attr_set! {
    /// A PPP unit's option (`IFLA_PPP_*`, kind `"ppp"`).
    pub enum PppAttr {
        /// The `/dev/ppp` file descriptor (a request).
        1 IFLA_PPP_DEV_FD dev_fd => DevFd(i32),
    }
}

attr_set! {
    /// A DSA user port's option (`IFLA_DSA_*`, kind `"dsa"`).
    pub enum DsaAttr {
        /// The conduit (formerly master) interface (ifindex; also `IFLA_DSA_MASTER`).
        1 IFLA_DSA_CONDUIT conduit => Conduit(u32),
    }
}

attr_set! {
    /// An OpenVPN device's option (`IFLA_OVPN_*`, kind `"ovpn"`).
    pub enum OvpnAttr {
        /// The mode (`OVPN_MODE_P2P` 0, `OVPN_MODE_MP` 1).
        1 IFLA_OVPN_MODE mode => Mode(u8),
    }
}

struct_payload! {
    /// `struct can_device_stats` (`IFLA_INFO_XSTATS` of a `"can"` link), 24 bytes.
    pub struct CanDeviceStats<O> {
        /// `bus_error`: bus errors.
        bus_error: U32<O>,
        /// `error_warning`: changes to the error-warning state.
        error_warning: U32<O>,
        /// `error_passive`: changes to the error-passive state.
        error_passive: U32<O>,
        /// `bus_off`: changes to the bus-off state.
        bus_off: U32<O>,
        /// `arbitration_lost`: arbitration lost errors.
        arbitration_lost: U32<O>,
        /// `restarts`: controller restarts.
        restarts: U32<O>,
    }
}

/// A kind's extended statistics (`IFLA_INFO_XSTATS`), by `IFLA_INFO_KIND`
/// (looked up before or after it): a CAN device's counters, or the bytes
/// of a kind whose statistics are not typed (kept verbatim).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum LinkXstats<'a, O: ByteOrder = NativeEndian> {
    /// Kind `"can"`: `struct can_device_stats`.
    Can(CanDeviceStats<O>),
    /// Any other kind (or none): the payload.
    Other(Bytes<'a>),
}

impl<'a, O: ByteOrder> crate::typed::AttrPayload<'a, O> for LinkXstats<'a, O> {
    fn decode(attr: &Attr<'a, O>, ctx: &Ctx<'a>) -> Result<Self, DecodeError> {
        match ctx.sibling::<O>(super::IFLA_INFO_KIND).and_then(|k| k.str().ok()) {
            Some("can") => crate::typed::AttrPayload::decode(attr, ctx).map(LinkXstats::Can),
            _ => Ok(LinkXstats::Other(Bytes(attr.payload()))),
        }
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        match self {
            LinkXstats::Can(s) => crate::typed::AttrPayload::<'a, O>::emit(s, id, w),
            LinkXstats::Other(b) => w.attr(id, b.0),
        }
    }
}

impl<O: ByteOrder> Render for LinkXstats<'_, O> {
    /// The counters by their kernel names, or the bytes in hex.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        match self {
            LinkXstats::Can(s) => s.render(r),
            LinkXstats::Other(b) => b.render(r),
        }
    }
}
serde_via_render!(impl['a, O: ByteOrder] LinkXstats<'a, O>);

#[cfg(feature = "arbitrary")]
impl<O: ByteOrder> crate::typed::gen::ArbitraryPayload<O> for LinkXstats<'_, O> {
    /// 24 bytes: a CAN device's counters, and as good bytes for any kind.
    fn arbitrary_attr<B: Buffer>(
        u: &mut arbitrary::Unstructured<'_>,
        id: u16,
        _: crate::typed::gen::GenCtx,
        w: &mut Writer<B, O>,
    ) -> arbitrary::Result<()> {
        crate::typed::gen::enc(w.attr(id, &u.arbitrary::<[u8; 24]>()?))
    }
}
