//! # rtnl-io
//!
//! The std side of rtnl: a `NETLINK_ROUTE` socket on `nix` ([`Socket`]) with
//! requests and acknowledgements that carry the kernel's extended-ack
//! message, streaming dumps that reuse one buffer, multicast monitoring,
//! network namespaces ([`netns`]), a growable [`VecBuffer`] for the
//! rtnl-core writer, and a JSON [`json::JsonWriter`] for decoded messages.
//!
//! ```no_run
//! use rtnl_core::message::RtnlMessage;
//! use rtnl_core::net::AF_INET;
//! use rtnl_core::route::{self, RouteProtocol, RouteScope, RouteTable, RouteType, RtMsg};
//! use rtnl_core::wire::{flags::Request, Writer};
//! use rtnl_io::{route_dump_request, Error, Socket, VecBuffer};
//!
//! let mut sock = Socket::new()?;
//!
//! // decode: a dump, each route as it arrives
//! let req = route_dump_request(sock.next_seq(), AF_INET);
//! let sum = sock.dump(&req, |msg| {
//!     if let RtnlMessage::Route(r) = msg.body() {
//!         println!("route /{} in table {}", r.header().rtm_dst_len, r.table());
//!     }
//! })?;
//! if sum.interrupted {
//!     eprintln!("the table changed while it was read: dump again");
//! }
//!
//! // encode: a request, and the kernel's refusal in its own words
//! let hdr: RtMsg = RtMsg {
//!     rtm_family: AF_INET,
//!     rtm_dst_len: 24,
//!     rtm_table: RouteTable::MAIN.0 as u8,
//!     rtm_protocol: RouteProtocol::STATIC.0,
//!     rtm_scope: RouteScope::UNIVERSE.0,
//!     rtm_type: RouteType::UNICAST.0,
//!     ..Default::default()
//! };
//! let mut w = Writer::new(VecBuffer::default());
//! route::request(&mut w, route::RTM_NEWROUTE, Request::Add.flags(), sock.next_seq(), &hdr, |r| {
//!     // a gateway on no link's subnet: the kernel says so
//!     r.dst(std::net::Ipv4Addr::new(192, 0, 2, 0).into())?.gateway(std::net::Ipv4Addr::new(203, 0, 113, 9).into())?;
//!     Ok(())
//! })?;
//! match sock.request(&w.into_inner().0) {
//!     Ok(_) => println!("added"),
//!     // "Error: Nexthop has invalid gateway." and, with {:#}, the attribute
//!     Err(Error::Kernel(k)) => eprintln!("{k:#}"),
//!     Err(e) => return Err(e.into()),
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(unsafe_code)]
#![deny(missing_docs)]

mod buffer;
mod error;
pub mod json;
pub mod monitor;
pub mod netns;
mod socket;
#[doc(hidden)]
pub mod sys;
#[cfg(feature = "tokio")]
mod tokio_io;

pub use buffer::VecBuffer;
pub use error::AttrPolicy;
pub use error::{Error, KernelError};
pub use monitor::{Monitor, MonitorEvent};
pub use socket::{
    addr_dump_request, dump_request, link_dump_request, link_dump_request_where, neigh_dump_request,
    neigh_dump_request_flags, route_dump_request, route_dump_request_in, route_dump_request_where, Ack, BatchSummary,
    Dropped, DumpSummary, Event, LinkFilter, PendingDump, RouteFilter, Socket, Support, BATCH_CHUNK, BATCH_RCVBUF,
    MONITOR_RCVBUF,
};

#[cfg(feature = "tokio")]
pub use tokio_io::AsyncSocket;

/// Re-export of the core crate.
pub use rtnl_core as core;

use std::collections::HashMap;

use rtnl_core::message::ext_mask::RTEXT_FILTER_SKIP_STATS;
use rtnl_core::message::RtnlMessage;
use rtnl_core::wire::Writer;

/// The interface index and name (`ifi_index`, `IFLA_IFNAME`) of an
/// `RTM_NEWLINK` message, in any byte order; `None` for other messages.
pub fn link_index_and_name<'a, O: rtnl_core::wire::ByteOrder>(
    msg: &rtnl_core::message::Message<'a, O>,
) -> Option<(u32, &'a str)> {
    let RtnlMessage::Link(l) = msg.body() else { return None };
    let index = u32::try_from(l.header().ifi_index.get()).ok()?;
    let name = l.name()?;
    Some((index, name))
}

/// Interface names by index, from a link dump (`RTM_GETLINK`) in the
/// socket's namespace.
pub fn link_names(sock: &mut Socket) -> Result<HashMap<u32, String>, Error> {
    // names are only for display, but a dump interrupted by a change may
    // lack a link: read them again (a few times at most)
    let mut names = HashMap::new();
    for _ in 0..3 {
        names.clear();
        // without an IFLA_EXT_MASK, a link larger than 32 KiB is left out
        let req = link_dump_request(sock.next_seq(), 0, RTEXT_FILTER_SKIP_STATS);
        let sum = sock.dump(&req, |msg| {
            if let Some((i, n)) = link_index_and_name(&msg) {
                names.insert(i, n.to_owned());
            }
        })?;
        if !sum.interrupted {
            break;
        }
    }
    Ok(names)
}

/// Decodes `msg` and encodes it again from its typed values; the result
/// equals `msg.bytes()` for every kernel-produced message.
pub fn reencode<O: rtnl_core::wire::ByteOrder>(
    msg: rtnl_core::wire::NlMsg<'_, O>,
) -> Result<Vec<u8>, rtnl_core::wire::EncodeError> {
    let m = rtnl_core::message::Message::decode(msg);
    let mut w = Writer::<_, O>::with_order(VecBuffer(Vec::with_capacity(msg.bytes().len())));
    m.emit(&mut w)?;
    Ok(w.into_inner().0)
}
