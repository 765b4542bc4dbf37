//! # rtnl-core
//!
//! An allocation-free, `#![no_std]` codec for RTNETLINK (`NETLINK_ROUTE`), the
//! kernel interface behind `ip`, `tc` and `bridge`.
//!
//! One layer per module, each importing only the layers below it:
//!
//! * [`wire`] frames netlink exactly: message headers, datagram iteration,
//!   attributes and nests, the control messages (`NLMSG_ERROR` with every
//!   extended-ack TLV, `NLMSG_DONE`, …), a writer into caller-owned buffers,
//!   and the one rendering trait ([`wire::visit::Render`]).
//! * [`typed`] is the machinery every family is built on: payload types,
//!   typed attribute runs and nests, selection of a payload by a sibling
//!   attribute, structs that grew between kernels, arrays, the nesting
//!   bound, and typed builders, all generated from one table per set.
//! * [`net`] holds the address families, addresses and MPLS labels.
//! * [`route`] types the whole route family (`rtmsg`, every `RTA_*`, and
//!   every lightweight-tunnel encapsulation).
//! * [`message`] dispatches a netlink message to its family: [`message::Message`].
//!
//! Decoding borrows from the caller's buffer; nothing allocates, nothing
//! panics on any input, and decode → encode reproduces kernel messages byte
//! for byte. Host byte order is a type parameter (`O`) of every view and of
//! the writer, defaulting to the native order, so captures from big-endian
//! hosts decode on little-endian ones and the reverse.
//!
//! ```
//! use core::net::Ipv4Addr;
//! use rtnl_core::message::{Message, RtnlMessage};
//! use rtnl_core::net::Address;
//! use rtnl_core::route::{self, RouteAttr, RtMsg};
//! use rtnl_core::wire::{Messages, SliceBuffer, Writer};
//!
//! // Encode an RTM_NEWROUTE: 10.0.0.0/24 dev 2 table main ...
//! let mut storage = [0u8; 64];
//! let mut w = Writer::new(SliceBuffer::new(&mut storage));
//! let hdr = RtMsg { rtm_family: 2, rtm_dst_len: 24, rtm_table: 254, rtm_type: 1, ..Default::default() };
//! route::request(&mut w, route::RTM_NEWROUTE, 0, 1, &hdr, |r| {
//!     r.dst(Ipv4Addr::new(10, 0, 0, 0).into())?.oif(2)?;
//!     Ok(())
//! })?;
//!
//! // ... and decode it again, borrowing from the buffer.
//! let bytes = w.into_inner();
//! for msg in Messages::new(bytes.written()) {
//!     let msg = Message::decode(msg?);
//!     let RtnlMessage::Route(r) = msg.body() else { return Err("not a route".into()) };
//!     assert_eq!(r.header().rtm_dst_len, 24);
//!     let attrs: Vec<_> = r.attrs().collect::<Result<_, _>>()?;
//!     assert_eq!(attrs, [RouteAttr::Dst(Address::V4(Ipv4Addr::new(10, 0, 0, 0))), RouteAttr::Oif(2)]);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod wire;
#[macro_use]
pub mod typed;
pub mod addr;
pub mod link;
pub mod message;
pub mod mroute;
pub mod neigh;
pub mod net;
pub mod netconf;
pub mod nexthop;
pub mod nsid;
pub mod prefix;
pub mod route;
pub mod rule;
pub mod tc;

#[cfg(feature = "serde")]
mod serde_impls;
