//! Byte order as a type parameter.
//!
//! Netlink headers and most attribute payloads are in the *host's* byte
//! order. Every view and the [`Writer`](super::Writer) take that order as a
//! type parameter `O: ByteOrder`, defaulting to [`NativeEndian`]; decoding a
//! capture from a big-endian router on a little-endian machine is a matter of
//! naming [`BigEndian`]. Fields that are big-endian whatever the host (ports,
//! MPLS labels, flow labels) use [`NetworkEndian`] types directly.

pub use zerocopy::byteorder::{
    BigEndian, ByteOrder, LittleEndian, NativeEndian, NetworkEndian, I16, I32, I64, U16, U32, U64,
};
