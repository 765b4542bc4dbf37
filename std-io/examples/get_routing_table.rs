//! The article's first program: read the main IPv4 routing table.
//!
//! `cargo run --example get_routing_table`
use rtnl_core::message::RtnlMessage;
use rtnl_core::route::{RouteAttr, RouteTable};
use rtnl_io::{route_dump_request, Socket};

fn main() -> Result<(), rtnl_io::Error> {
    let mut sock = Socket::new()?; // socket(), bind() with a kernel-chosen port id
    let req = route_dump_request(sock.next_seq(), libc::AF_INET as u8); // nlmsghdr + rtmsg
    println!("{:<18} {:<16} {:>6}", "destination", "gateway", "oif");
    let sum = sock.dump(&req, |msg| {
        // every datagram is received whole; NLMSG_DONE ends the loop wherever it falls
        let RtnlMessage::Route(route) = msg.body() else { return };
        if route.table() != RouteTable::MAIN {
            return;
        }
        let (mut dst, mut gw, mut oif) = ("default".to_string(), "*".to_string(), 0);
        for attr in route.attrs().flatten() {
            match attr {
                RouteAttr::Dst(a) => dst = format!("{}/{}", addr(&a), route.header().rtm_dst_len),
                RouteAttr::Gateway(a) => gw = addr(&a),
                RouteAttr::Oif(i) => oif = i,
                _ => {}
            }
        }
        println!("{dst:<18} {gw:<16} {oif:>6}");
    })?;
    if sum.interrupted {
        // NLM_F_DUMP_INTR: the table changed while it was read
        eprintln!("Dump was interrupted and may be inconsistent.");
    }
    Ok(())
}

fn addr(a: &rtnl_core::net::Address<'_>) -> String {
    match a {
        rtnl_core::net::Address::V4(a) => a.to_string(),
        rtnl_core::net::Address::V6(a) => a.to_string(),
        other => format!("{other:?}"),
    }
}
