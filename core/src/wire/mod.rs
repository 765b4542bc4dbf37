//! Family-agnostic netlink framing.
//!
//! * [`NlMsgHdr`] and [`NlMsg`]: the 16-byte message header and a checked view
//!   of one message; [`Messages`] iterates the messages of a datagram with
//!   every length checked.
//! * [`Attr`] and [`Attrs`]: one attribute (`struct nlattr` + payload) and a
//!   lazy iterator over a run of attributes, keeping the received
//!   `NLA_F_NESTED` / `NLA_F_NET_BYTEORDER` bits.
//! * [`Writer`]: encodes messages, family headers, attributes and nests into
//!   a caller-owned [`Buffer`], back-patching lengths in one pass.
//! * [`control`]: `NLMSG_NOOP`, `NLMSG_ERROR` (with every extended-ack TLV),
//!   `NLMSG_DONE` and `NLMSG_OVERRUN`.
//! * [`flags`]: every `NLM_F_*` flag with its per-operation meaning.
//! * [`visit`]: a streaming, allocation-free visitor used to render decoded
//!   values (the `rtnl` tool's JSON output is one such visitor).
//!
//! Alignment follows the kernel exactly: `nla_len` excludes padding, the next
//! attribute starts at [`align`]`(nla_len)`, family headers are padded to 4
//! bytes (a 1-byte `rtgenmsg` puts attributes at offset 20) and `nlmsg_len`
//! includes the final attribute's padding. Decoding tolerates an unpadded
//! final message.

mod attr;
pub mod control;
mod endian;
mod error;
pub mod flags;
mod nlmsg;
pub mod visit;
mod writer;

pub use attr::{
    Attr, Attrs, NLA_F_NESTED, NLA_F_NET_BYTEORDER, NLA_HDRLEN, NLA_LEN_OFFSET, NLA_TYPE_MASK, NLA_TYPE_OFFSET,
};
pub use endian::{BigEndian, ByteOrder, LittleEndian, NativeEndian, NetworkEndian, I16, I32, I64, U16, U32, U64};
pub use error::{AttrPath, DecodeError, DecodeErrorKind, EncodeError, PathElem};
pub use nlmsg::{
    Messages, NlMsg, NlMsgHdr, NLMSG_DONE, NLMSG_ERROR, NLMSG_FLAGS_OFFSET, NLMSG_HDRLEN, NLMSG_LEN_OFFSET,
    NLMSG_MIN_TYPE, NLMSG_NOOP, NLMSG_OVERRUN, NLMSG_PID_OFFSET, NLMSG_SEQ_OFFSET, NLMSG_TYPE_OFFSET,
};
pub use writer::{AttrMark, Buffer, MsgMark, SliceBuffer, Writer};

/// Netlink alignment (`NLMSG_ALIGNTO` = `NLA_ALIGNTO` = 4 bytes).
pub const ALIGNTO: usize = 4;

/// Rounds `len` up to the netlink alignment of 4 bytes (`NLMSG_ALIGN`,
/// `NLA_ALIGN`, `RTA_ALIGN` and `RTNH_ALIGN` are all this). Saturates instead
/// of overflowing.
#[inline]
pub const fn align(len: usize) -> usize {
    match len.checked_add(ALIGNTO - 1) {
        Some(v) => v & !(ALIGNTO - 1),
        None => usize::MAX & !(ALIGNTO - 1),
    }
}

#[cfg(test)]
mod tests {
    use super::align;

    #[test]
    fn align_rounds_up_to_four() {
        assert_eq!(align(0), 0);
        assert_eq!(align(1), 4);
        assert_eq!(align(4), 4);
        assert_eq!(align(5), 8);
        assert_eq!(align(usize::MAX), usize::MAX & !3);
    }
}
