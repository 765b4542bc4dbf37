//! The article's first program: read the main routing table, IPv4 and IPv6.
//!
//! `cargo run --example get_routing_table` (read-only: safe on any host)
use rtnl_core::message::RtnlMessage;
use rtnl_core::net::AF_UNSPEC;
use rtnl_core::route::{RouteAttr, RouteTable};
use rtnl_io::{route_dump_request_in, Socket};

fn main() -> Result<(), rtnl_io::Error> {
    let mut sock = Socket::new()?; // socket(), bind() with a kernel-chosen port id
                                   // nlmsghdr + rtmsg for every family, and RTA_TABLE: the kernel sends the
                                   // main table only
    let req = route_dump_request_in(sock.next_seq(), AF_UNSPEC, Some(RouteTable::MAIN.0));
    println!("{:<26} {:<26} {:>6}", "destination", "gateway", "oif");
    let sum = sock.dump(&req, |msg| {
        // every datagram is received whole; NLMSG_DONE ends the loop wherever it falls
        let RtnlMessage::Route(route) = msg.body() else { return };
        if route.table() != RouteTable::MAIN {
            return; // a kernel without strict checking sends every table
        }
        let len = route.header().rtm_dst_len;
        let (mut dst, mut gw, mut oif) = ("default".to_string(), "-".to_string(), 0);
        for attr in route.attrs().flatten() {
            match attr {
                RouteAttr::Dst(a) => dst = format!("{a}/{len}"),
                RouteAttr::Gateway(a) => gw = a.to_string(),
                // a gateway of another family (an IPv4 route via an IPv6 router)
                RouteAttr::Via(v) => gw = v.addr.to_string(),
                RouteAttr::Oif(i) => oif = i,
                _ => {}
            }
        }
        println!("{dst:<26} {gw:<26} {oif:>6}");
    })?;
    if sum.interrupted {
        // NLM_F_DUMP_INTR: the table changed while it was read
        eprintln!("Dump was interrupted and may be inconsistent.");
    }
    Ok(())
}
