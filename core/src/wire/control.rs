//! The control messages: `NLMSG_NOOP`, `NLMSG_ERROR`, `NLMSG_DONE`,
//! `NLMSG_OVERRUN`, and the extended-ack TLVs (`NLMSGERR_ATTR_*`) that
//! `NLMSG_ERROR` and `NLMSG_DONE` carry.

use zerocopy::{FromBytes, IntoBytes};

use super::endian::{ByteOrder, NativeEndian, I32};
use super::flags::NLM_F_CAPPED;
use super::visit::{Value, Visitor};
use super::NLMSG_HDRLEN;
use super::{align, Buffer, DecodeError, DecodeErrorKind, NlMsg, NlMsgHdr, Writer};
use crate::payload::{AttrSet, Bytes, Ctx, TypedAttrs, Uint};

attr_set! {
    /// An extended-ack TLV (`enum nlmsgerr_attrs`), found after the echoed
    /// request in `NLMSG_ERROR` and after the error in `NLMSG_DONE`.
    pub enum ExtAckAttr {
        /// Unused (0).
        0 NLMSGERR_ATTR_UNUSED => Unused(Bytes<'a>),
        /// The kernel's error message, e.g. "Nexthop has invalid gateway".
        1 NLMSGERR_ATTR_MSG => Msg(&'a str),
        /// Byte offset of the offending attribute from the start of the
        /// request's `nlmsghdr`.
        2 NLMSGERR_ATTR_OFFS => Offs(u32),
        /// A subsystem-specific cookie.
        3 NLMSGERR_ATTR_COOKIE => Cookie(Bytes<'a>),
        /// The policy the rejected attribute violated.
        4 NLMSGERR_ATTR_POLICY => Policy(crate::payload::Nest<'a, O, PolicyAttr<'a, O>>),
        /// Id of a missing required attribute.
        5 NLMSGERR_ATTR_MISS_TYPE => MissType(u32),
        /// Offset of the nest in which an attribute is missing.
        6 NLMSGERR_ATTR_MISS_NEST => MissNest(u32),
    }
}

attr_set! {
    /// A policy description (`enum netlink_policy_type_attr`), inside
    /// `NLMSGERR_ATTR_POLICY`.
    pub enum PolicyAttr {
        /// The attribute's type (`enum netlink_attribute_type`).
        1 NL_POLICY_TYPE_ATTR_TYPE => Type(u32),
        /// Minimum for signed integers.
        2 NL_POLICY_TYPE_ATTR_MIN_VALUE_S => MinValueS(u64),
        /// Maximum for signed integers.
        3 NL_POLICY_TYPE_ATTR_MAX_VALUE_S => MaxValueS(u64),
        /// Minimum for unsigned integers.
        4 NL_POLICY_TYPE_ATTR_MIN_VALUE_U => MinValueU(u64),
        /// Maximum for unsigned integers.
        5 NL_POLICY_TYPE_ATTR_MAX_VALUE_U => MaxValueU(u64),
        /// Minimum length of binary attributes.
        6 NL_POLICY_TYPE_ATTR_MIN_LENGTH => MinLength(u32),
        /// Maximum length of binary attributes.
        7 NL_POLICY_TYPE_ATTR_MAX_LENGTH => MaxLength(u32),
        /// Sub-policy index for nests.
        8 NL_POLICY_TYPE_ATTR_POLICY_IDX => PolicyIdx(u32),
        /// Maximum attribute of the sub-policy.
        9 NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE => PolicyMaxType(u32),
        /// Valid bits of a bitfield32.
        10 NL_POLICY_TYPE_ATTR_BITFIELD32_MASK => Bitfield32Mask(u32),
        /// Padding.
        11 NL_POLICY_TYPE_ATTR_PAD => Pad(Bytes<'a>),
        /// Valid bits of an unsigned integer.
        12 NL_POLICY_TYPE_ATTR_MASK => Mask(Uint),
    }
}

/// `NLMSG_ERROR`: `struct nlmsgerr` (error and the echoed request header),
/// the echoed request payload unless `NLM_F_CAPPED`, then extended-ack TLVs.
///
/// An `error` of 0 is an acknowledgement.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorMsg<'a, O: ByteOrder = NativeEndian> {
    flags: u16,
    error: i32,
    echo: NlMsgHdr<O>,
    echo_payload: &'a [u8],
    // the echoed payload with its padding as received
    echo_area: &'a [u8],
    tlvs: TypedAttrs<'a, O, ExtAckAttr<'a, O>>,
}

impl<'a, O: ByteOrder> ErrorMsg<'a, O> {
    /// Parses the payload of an `NLMSG_ERROR` message.
    pub fn parse(msg: &NlMsg<'a, O>) -> Result<Self, DecodeError> {
        let p = msg.payload();
        let at = msg.payload_offset();
        let short = || DecodeError::new(at, DecodeErrorKind::ShortStruct { need: 20, have: p.len() });
        let (error, rest) = I32::<O>::read_from_prefix(p).map_err(|_| short())?;
        let (echo, rest) = NlMsgHdr::<O>::read_from_prefix(rest).map_err(|_| short())?;
        let capped = msg.flags() & NLM_F_CAPPED != 0;
        let echo_len = if capped { 0 } else { (echo.nlmsg_len.get() as usize).saturating_sub(NLMSG_HDRLEN) };
        let echo_payload = rest.get(..echo_len).ok_or(DecodeError::new(
            at + 4,
            DecodeErrorKind::MsgLenPastEnd { len: echo.nlmsg_len.get(), avail: p.len() - 4 },
        ))?;
        let echo_area = rest.get(..align(echo_len).min(rest.len())).unwrap_or(echo_payload);
        let tlv_start = 20 + echo_area.len();
        let tlvs = p.get(tlv_start..).unwrap_or(&[]);
        Ok(ErrorMsg {
            flags: msg.flags(),
            error: error.get(),
            echo,
            echo_payload,
            echo_area,
            tlvs: TypedAttrs::new(super::Attrs::at(tlvs, at + tlv_start), Ctx::default()),
        })
    }
    /// 0 for an acknowledgement, else a negative errno.
    pub fn error(&self) -> i32 {
        self.error
    }
    /// Whether this is an acknowledgement (error 0).
    pub fn is_ack(&self) -> bool {
        self.error == 0
    }
    /// The echoed request header.
    pub fn echo_header(&self) -> &NlMsgHdr<O> {
        &self.echo
    }
    /// The echoed request payload (empty when capped).
    pub fn echo_payload(&self) -> &'a [u8] {
        self.echo_payload
    }
    /// The extended-ack TLVs.
    pub fn tlvs(&self) -> TypedAttrs<'a, O, ExtAckAttr<'a, O>> {
        self.tlvs.clone()
    }
    /// The kernel's message (`NLMSGERR_ATTR_MSG`), if any.
    pub fn message(&self) -> Option<&'a str> {
        ext_msg(&self.tlvs)
    }
    /// The offset of the offending attribute in the request
    /// (`NLMSGERR_ATTR_OFFS`), if any.
    pub fn offset(&self) -> Option<u32> {
        self.tlvs().flatten().find_map(|a| match a {
            ExtAckAttr::Offs(o) => Some(o),
            _ => None,
        })
    }
    /// Encodes the payload (as a message body).
    pub fn emit<B: Buffer>(&self, w: &mut Writer<B, O>) -> Result<(), crate::payload::EncodeAllError> {
        w.bytes_padded(I32::<O>::new(self.error).as_bytes())?;
        w.bytes_padded(self.echo.as_bytes())?;
        w.bytes(self.echo_area)?;
        self.tlvs.emit_all(w)
    }
    /// Describes the header as `{"error": E, "msg": {echoed nlmsghdr}}`.
    pub fn visit_header<V: Visitor + ?Sized>(&self, v: &mut V) {
        v.begin_object();
        v.field("error", Value::I64(self.error.into()));
        v.key("msg");
        v.begin_object();
        v.field("nlmsg_len", Value::U64(self.echo.nlmsg_len.get().into()));
        v.field("nlmsg_type", Value::U64(self.echo.nlmsg_type.get().into()));
        v.field("nlmsg_flags", Value::U64(self.echo.nlmsg_flags.get().into()));
        v.field("nlmsg_seq", Value::U64(self.echo.nlmsg_seq.get().into()));
        v.field("nlmsg_pid", Value::U64(self.echo.nlmsg_pid.get().into()));
        v.end_object();
        if !self.echo_payload.is_empty() {
            v.field("payload", Value::Hex(self.echo_payload));
        }
        v.end_object();
    }
    /// Flags of the `NLMSG_ERROR` message itself.
    pub fn flags(&self) -> u16 {
        self.flags
    }
}

fn ext_msg<'a, O: ByteOrder>(tlvs: &TypedAttrs<'a, O, ExtAckAttr<'a, O>>) -> Option<&'a str> {
    tlvs.clone().flatten().find_map(|a| match a {
        ExtAckAttr::Msg(m) => Some(m),
        _ => None,
    })
}

/// `NLMSG_DONE`: the end of a dump, with the dump's error (0 or -errno) and
/// extended-ack TLVs when `NLM_F_ACK_TLVS` is set.
#[derive(Debug, Clone, PartialEq)]
pub struct DoneMsg<'a, O: ByteOrder = NativeEndian> {
    error: Option<i32>,
    tlvs: TypedAttrs<'a, O, ExtAckAttr<'a, O>>,
}

impl<'a, O: ByteOrder> DoneMsg<'a, O> {
    /// Parses the payload of an `NLMSG_DONE` message. A payload shorter
    /// than 4 bytes (old kernels, some generic-netlink families) has no error.
    pub fn parse(msg: &NlMsg<'a, O>) -> Self {
        let p = msg.payload();
        match I32::<O>::read_from_prefix(p) {
            Ok((e, rest)) => DoneMsg {
                error: Some(e.get()),
                tlvs: TypedAttrs::new(super::Attrs::at(rest, msg.payload_offset() + 4), Ctx::default()),
            },
            // too short for the error: kept as bytes (re-encoded as received)
            Err(_) => DoneMsg {
                error: None,
                tlvs: TypedAttrs::new(super::Attrs::at(p, msg.payload_offset()), Ctx::default()),
            },
        }
    }
    /// The dump's error: 0, a negative errno, or `None` if absent.
    pub fn error(&self) -> Option<i32> {
        self.error
    }
    /// The extended-ack TLVs.
    pub fn tlvs(&self) -> TypedAttrs<'a, O, ExtAckAttr<'a, O>> {
        self.tlvs.clone()
    }
    /// The kernel's message (`NLMSGERR_ATTR_MSG`), if any.
    pub fn message(&self) -> Option<&'a str> {
        ext_msg(&self.tlvs)
    }
    /// Encodes the payload.
    pub fn emit<B: Buffer>(&self, w: &mut Writer<B, O>) -> Result<(), crate::payload::EncodeAllError> {
        if let Some(e) = self.error {
            w.bytes_padded(I32::<O>::new(e).as_bytes())?;
        } else if !self.tlvs.raw().bytes().is_empty() {
            // bytes that were too short for the error: reproduce them
            w.bytes(self.tlvs.raw().bytes())?;
            return Ok(());
        }
        self.tlvs.emit_all(w)
    }
}

/// Returns the name of an extended-ack TLV id.
pub fn ext_ack_name(id: u16) -> Option<&'static str> {
    <ExtAckAttr<'_, NativeEndian> as AttrSet<'_, NativeEndian>>::name_of(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{LittleEndian, Messages, SliceBuffer};

    // An error reply as 6.18 sends it: -22, uncapped echo of a 20-byte
    // request, NLM_F_ACK_TLVS, MSG "bad" and OFFS 16.
    const ERR: [u8; 68] = [
        68, 0, 0, 0, 2, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, // nlmsghdr, flags ACK_TLVS
        0xea, 0xff, 0xff, 0xff, // -22
        20, 0, 0, 0, 24, 0, 5, 0, 1, 0, 0, 0, 0, 0, 0, 0, // echoed header
        1, 2, 3, 4, // echoed payload
        8, 0, 1, 0, b'b', b'a', b'd', 0, // MSG
        8, 0, 2, 0, 16, 0, 0, 0, // OFFS
        12, 0, 4, 0x80, 8, 0, 1, 0, 4, 0, 0, 0, // POLICY { TYPE 4 }
    ];

    #[test]
    fn parses_and_reencodes_uncapped_error() {
        let m = Messages::<LittleEndian>::with_order(&ERR).next().unwrap().unwrap();
        let e = ErrorMsg::parse(&m).unwrap();
        assert_eq!(e.error(), -22);
        assert_eq!(e.echo_payload(), &[1, 2, 3, 4]);
        assert_eq!(e.message(), Some("bad"));
        assert_eq!(e.offset(), Some(16));
        let pol = e.tlvs().flatten().find_map(|a| match a {
            ExtAckAttr::Policy(p) => Some(p),
            _ => None,
        });
        assert_eq!(pol.unwrap().iter().next(), Some(Ok(PolicyAttr::Type(4))));
        let mut out = [0u8; 128];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut out));
        let mk = w.begin_msg(2, m.flags(), 1, 0).unwrap();
        e.emit(&mut w).unwrap();
        w.end_msg(mk).unwrap();
        assert_eq!(w.into_inner().written(), &ERR[..]);
    }

    #[test]
    fn capped_ack_and_bad_echo_length() {
        let mut b = [0u8; 36];
        b[0] = 36;
        b[4] = 2;
        b[7] = 1; // NLM_F_CAPPED
        b[20] = 200; // echoed nlmsg_len 200, but capped: no payload follows
        let m = NlMsg::<LittleEndian>::new_checked(&b).unwrap();
        let e = ErrorMsg::parse(&m).unwrap();
        assert!(e.is_ack() && e.echo_payload().is_empty());
        b[7] = 0; // not capped: the echo runs past the end
        let m = NlMsg::<LittleEndian>::new_checked(&b).unwrap();
        assert!(ErrorMsg::parse(&m).is_err());
        // a payload too short for struct nlmsgerr is an error with its offset
        let mut short = [0u8; 20];
        short[0] = 20;
        short[4] = 2;
        let m = NlMsg::<LittleEndian>::new_checked(&short).unwrap();
        assert_eq!(
            ErrorMsg::parse(&m).unwrap_err(),
            DecodeError::new(16, DecodeErrorKind::ShortStruct { need: 20, have: 4 })
        );
    }

    #[test]
    fn done_with_error_and_message() {
        let b = [28, 0, 0, 0, 3, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0xea, 0xff, 0xff, 0xff, 7, 0, 1, 0, b'n', b'o', 0, 0];
        let m = NlMsg::<LittleEndian>::new_checked(&b).unwrap();
        let d = DoneMsg::parse(&m);
        assert_eq!((d.error(), d.message()), (Some(-22), Some("no")));
    }
}
