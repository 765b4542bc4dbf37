//! The control messages: `NLMSG_NOOP`, `NLMSG_ERROR`, `NLMSG_DONE`,
//! `NLMSG_OVERRUN`, and the extended-ack TLVs (`NLMSGERR_ATTR_*`) that
//! `NLMSG_ERROR` and `NLMSG_DONE` carry.

use zerocopy::{FromBytes, IntoBytes};

use super::endian::{ByteOrder, NativeEndian, I32};
use super::flags::NLM_F_CAPPED;
use super::visit::{MapRenderer, Render, Renderer, Value};
use super::NLMSG_HDRLEN;
use super::{align, Attrs, Buffer, DecodeError, DecodeErrorKind, EncodeError, NlMsg, NlMsgHdr, Writer};

/// `NLMSGERR_ATTR_MSG`: the kernel's error message (a string).
pub const NLMSGERR_ATTR_MSG: u16 = 1;
/// `NLMSGERR_ATTR_OFFS`: offset of the offending attribute in the request (u32).
pub const NLMSGERR_ATTR_OFFS: u16 = 2;
/// `NLMSGERR_ATTR_COOKIE`: a subsystem-specific cookie (bytes).
pub const NLMSGERR_ATTR_COOKIE: u16 = 3;
/// `NLMSGERR_ATTR_POLICY`: the policy the rejected attribute violated (nest).
pub const NLMSGERR_ATTR_POLICY: u16 = 4;
/// `NLMSGERR_ATTR_MISS_TYPE`: id of a missing required attribute (u32).
pub const NLMSGERR_ATTR_MISS_TYPE: u16 = 5;
/// `NLMSGERR_ATTR_MISS_NEST`: offset of the nest missing an attribute (u32).
pub const NLMSGERR_ATTR_MISS_NEST: u16 = 6;

/// Offset of `error` in `struct nlmsgerr`.
pub const NLMSGERR_ERROR_OFFSET: usize = 0;
/// Offset of the echoed `msg` header in `struct nlmsgerr`.
pub const NLMSGERR_MSG_OFFSET: usize = 4;
/// Size of `struct nlmsgerr` (error and echoed header).
pub const NLMSGERR_LEN: usize = 20;

/// The extended-ack TLVs (`NLMSGERR_ATTR_*`) of an `NLMSG_ERROR` or
/// `NLMSG_DONE`, read by id. The typed, rendered view of every TLV is
/// `rtnl_core::message::ExtAckAttr`; this accessor is the framing layer's.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtAck<'a, O: ByteOrder = NativeEndian> {
    tlvs: Attrs<'a, O>,
}

impl<'a, O: ByteOrder> ExtAck<'a, O> {
    /// The TLVs, raw.
    pub fn attrs(&self) -> Attrs<'a, O> {
        self.tlvs.clone()
    }
    /// `NLMSGERR_ATTR_MSG`: the kernel's message, if any.
    pub fn message(&self) -> Option<&'a str> {
        self.tlvs.find(NLMSGERR_ATTR_MSG)?.str().ok()
    }
    /// `NLMSGERR_ATTR_OFFS`: offset of the offending attribute from the
    /// start of the request's `nlmsghdr`.
    pub fn offset(&self) -> Option<u32> {
        self.tlvs.find(NLMSGERR_ATTR_OFFS)?.u32().ok()
    }
    /// `NLMSGERR_ATTR_COOKIE`.
    pub fn cookie(&self) -> Option<&'a [u8]> {
        self.tlvs.find(NLMSGERR_ATTR_COOKIE).map(|a| a.payload())
    }
    /// `NLMSGERR_ATTR_POLICY`: the policy's attributes (`NL_POLICY_TYPE_ATTR_*`).
    pub fn policy(&self) -> Option<Attrs<'a, O>> {
        self.tlvs.find(NLMSGERR_ATTR_POLICY).map(|a| a.nested())
    }
    /// `NLMSGERR_ATTR_MISS_TYPE`: id of a missing required attribute.
    pub fn missing_type(&self) -> Option<u32> {
        self.tlvs.find(NLMSGERR_ATTR_MISS_TYPE)?.u32().ok()
    }
    /// `NLMSGERR_ATTR_MISS_NEST`: offset of the nest that misses it.
    pub fn missing_nest(&self) -> Option<u32> {
        self.tlvs.find(NLMSGERR_ATTR_MISS_NEST)?.u32().ok()
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
    tlvs: Attrs<'a, O>,
}

impl<'a, O: ByteOrder> ErrorMsg<'a, O> {
    /// Parses the payload of an `NLMSG_ERROR` message.
    pub fn parse(msg: &NlMsg<'a, O>) -> Result<Self, DecodeError> {
        let p = msg.payload();
        let at = msg.payload_offset();
        let short = || DecodeError::new(at, DecodeErrorKind::ShortStruct { need: NLMSGERR_LEN, have: p.len() });
        let (error, rest) = I32::<O>::read_from_prefix(p).map_err(|_| short())?;
        let (echo, rest) = NlMsgHdr::<O>::read_from_prefix(rest).map_err(|_| short())?;
        let capped = msg.flags() & NLM_F_CAPPED != 0;
        let mut echo_len = if capped { 0 } else { (echo.nlmsg_len.get() as usize).saturating_sub(NLMSG_HDRLEN) };
        // Kernels before 4.12 acknowledge success with the request's header
        // only, and have no NLM_F_CAPPED to say so: an ack whose echo does
        // not fit is such an ack, not a malformed one.
        if error.get() == 0 && echo_len > rest.len() {
            echo_len = 0;
        }
        let echo_payload = rest.get(..echo_len).ok_or(DecodeError::new(
            at + NLMSGERR_MSG_OFFSET,
            DecodeErrorKind::MsgLenPastEnd {
                len: echo.nlmsg_len.get(),
                avail: p.len().saturating_sub(NLMSGERR_MSG_OFFSET),
            },
        ))?;
        let echo_area = rest.get(..align(echo_len).min(rest.len())).unwrap_or(echo_payload);
        let tlv_start = NLMSGERR_LEN + echo_area.len();
        let tlvs = p.get(tlv_start..).unwrap_or(&[]);
        Ok(ErrorMsg {
            flags: msg.flags(),
            error: error.get(),
            echo,
            echo_payload,
            echo_area,
            tlvs: Attrs::at(tlvs, at + tlv_start),
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
    pub fn ext_ack(&self) -> ExtAck<'a, O> {
        ExtAck { tlvs: self.tlvs.clone() }
    }
    /// The kernel's message (`NLMSGERR_ATTR_MSG`), if any.
    pub fn message(&self) -> Option<&'a str> {
        self.ext_ack().message()
    }
    /// The offset of the offending attribute in the request
    /// (`NLMSGERR_ATTR_OFFS`), if any.
    pub fn offset(&self) -> Option<u32> {
        self.ext_ack().offset()
    }
    /// Encodes the payload (as a message body), TLVs as received.
    pub fn emit<B: Buffer>(&self, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.bytes_padded(I32::<O>::new(self.error).as_bytes())?;
        w.bytes_padded(self.echo.as_bytes())?;
        w.bytes(self.echo_area)?;
        self.tlvs.emit_verbatim(w)
    }
    /// The header as rendered: `{"error": E, "msg": {echoed nlmsghdr}}`.
    pub fn header_view(&self) -> ErrorHeader<'_, 'a, O> {
        ErrorHeader(self)
    }
    /// Flags of the `NLMSG_ERROR` message itself.
    pub fn flags(&self) -> u16 {
        self.flags
    }
}

/// The rendering of an [`ErrorMsg`]'s header: `{"error": E, "msg":
/// {echoed nlmsghdr}, "payload": "hex"}` (no payload when capped).
#[derive(Debug)]
pub struct ErrorHeader<'m, 'a, O: ByteOrder>(&'m ErrorMsg<'a, O>);

impl<O: ByteOrder> Render for ErrorHeader<'_, '_, O> {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let e = self.0;
        let mut m = r.map()?;
        m.entry("error", &Value::I64(e.error.into()))?;
        m.entry("msg", &e.echo)?;
        if !e.echo_payload.is_empty() {
            m.entry("payload", &Value::Hex(e.echo_payload))?;
        }
        m.end()
    }
}

impl<O: ByteOrder> Render for NlMsgHdr<O> {
    /// An object keyed by the kernel's field names.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("nlmsg_len", &Value::U64(self.nlmsg_len.get().into()))?;
        m.entry("nlmsg_type", &Value::U64(self.nlmsg_type.get().into()))?;
        m.entry("nlmsg_flags", &Value::U64(self.nlmsg_flags.get().into()))?;
        m.entry("nlmsg_seq", &Value::U64(self.nlmsg_seq.get().into()))?;
        m.entry("nlmsg_pid", &Value::U64(self.nlmsg_pid.get().into()))?;
        m.end()
    }
}

/// `NLMSG_DONE`: the end of a dump, with the dump's error (0 or -errno) and
/// extended-ack TLVs when `NLM_F_ACK_TLVS` is set.
#[derive(Debug, Clone, PartialEq)]
pub struct DoneMsg<'a, O: ByteOrder = NativeEndian> {
    error: Option<i32>,
    tlvs: Attrs<'a, O>,
}

impl<'a, O: ByteOrder> DoneMsg<'a, O> {
    /// Parses the payload of an `NLMSG_DONE` message. A payload shorter
    /// than 4 bytes (old kernels, some generic-netlink families) has no error.
    pub fn parse(msg: &NlMsg<'a, O>) -> Self {
        let p = msg.payload();
        match I32::<O>::read_from_prefix(p) {
            Ok((e, rest)) => DoneMsg { error: Some(e.get()), tlvs: Attrs::at(rest, msg.payload_offset() + 4) },
            // too short for the error: kept as bytes (re-encoded as received)
            Err(_) => DoneMsg { error: None, tlvs: Attrs::at(p, msg.payload_offset()) },
        }
    }
    /// The dump's error: 0, a negative errno, or `None` if absent.
    pub fn error(&self) -> Option<i32> {
        self.error
    }
    /// The extended-ack TLVs.
    pub fn ext_ack(&self) -> ExtAck<'a, O> {
        ExtAck { tlvs: self.tlvs.clone() }
    }
    /// The kernel's message (`NLMSGERR_ATTR_MSG`), if any.
    pub fn message(&self) -> Option<&'a str> {
        self.ext_ack().message()
    }
    /// Encodes the payload, TLVs as received.
    pub fn emit<B: Buffer>(&self, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        if let Some(e) = self.error {
            w.bytes_padded(I32::<O>::new(e).as_bytes())?;
        } else if !self.tlvs.bytes().is_empty() {
            // bytes that were too short for the error: reproduce them
            return w.bytes(self.tlvs.bytes());
        }
        self.tlvs.emit_verbatim(w)
    }
    /// The header as rendered: `{"error": E}` (`{}` when absent).
    pub fn header_view(&self) -> DoneHeader {
        DoneHeader(self.error)
    }
}

/// The rendering of a [`DoneMsg`]'s header.
#[derive(Debug, Clone, Copy)]
pub struct DoneHeader(Option<i32>);

impl Render for DoneHeader {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        if let Some(e) = self.0 {
            m.entry("error", &Value::I64(e.into()))?;
        }
        m.end()
    }
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
        let pol = e.ext_ack().policy().unwrap().next().unwrap().unwrap();
        assert_eq!((pol.id(), pol.u32()), (1, Ok(4)));
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
        b[7] = 0; // not capped: the echo runs past the end, which for an
                  // ack is an old kernel's (see below), for an error a fault
        b[16] = 0xfe; // -2
        b[17] = 0xff;
        b[18] = 0xff;
        b[19] = 0xff;
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
    fn old_kernels_acks_echo_only_the_header() {
        // Linux < 4.12: error 0, the request's header (nlmsg_len 44), no
        // payload, no NLM_F_CAPPED
        let mut b = [0u8; 36];
        b[0] = 36;
        b[4] = 2;
        b[20] = 44;
        b[24] = 24;
        let m = NlMsg::<LittleEndian>::new_checked(&b).unwrap();
        let e = ErrorMsg::parse(&m).unwrap();
        assert!(e.is_ack() && e.echo_payload().is_empty());
        assert_eq!(e.echo_header().nlmsg_len.get(), 44);
        let mut out = [0u8; 64];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut out));
        let mk = w.begin_msg(2, 0, 0, 0).unwrap();
        e.emit(&mut w).unwrap();
        w.end_msg(mk).unwrap();
        assert_eq!(w.into_inner().written(), &b[..]);
        // an error whose echo does not fit stays an error
        b[16] = 0xea;
        b[17] = 0xff;
        b[18] = 0xff;
        b[19] = 0xff;
        let m = NlMsg::<LittleEndian>::new_checked(&b).unwrap();
        assert!(ErrorMsg::parse(&m).is_err());
    }

    #[test]
    fn done_with_error_and_message() {
        let b = [28, 0, 0, 0, 3, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0xea, 0xff, 0xff, 0xff, 7, 0, 1, 0, b'n', b'o', 0, 0];
        let m = NlMsg::<LittleEndian>::new_checked(&b).unwrap();
        let d = DoneMsg::parse(&m);
        assert_eq!((d.error(), d.message()), (Some(-22), Some("no")));
    }
}
