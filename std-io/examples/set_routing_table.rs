//! The article's second program: insert a route.
//!
//! `cargo run --example set_routing_table -- 192.0.2.0/24 10.0.0.1 [DEV]`
//! (run it inside a scratch namespace: `ip netns exec NAME ...`)
use std::net::Ipv4Addr;

use rtnl_core::route::{self, RouteProtocol, RouteScope, RouteTable, RouteType, RtMsg};
use rtnl_core::wire::flags::Request;
use rtnl_core::wire::Writer;
use rtnl_io::{Socket, VecBuffer};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: set_routing_table PREFIX/LEN GATEWAY [DEV]");
        std::process::exit(2);
    }
    if let Err(e) = run(&args) {
        // a refusal prints the kernel's extended-ack message, like ip
        eprintln!("{e}");
        std::process::exit(2);
    }
}

fn run(args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let (dst, len) = args[0].split_once('/').unwrap_or((&args[0], "32"));
    let dst: Ipv4Addr = dst.parse()?;
    let len: u8 = len.parse()?;
    let gw: Ipv4Addr = args[1].parse()?;
    let oif = match args.get(2) {
        Some(dev) => Some(nix::net::if_::if_nametoindex(dev.as_str())?),
        None => None,
    };
    let mut sock = Socket::new()?;
    let hdr = RtMsg {
        rtm_family: libc::AF_INET as u8,
        rtm_dst_len: len,
        rtm_table: RouteTable::MAIN.0 as u8,
        rtm_protocol: RouteProtocol::STATIC.0,
        rtm_scope: RouteScope::UNIVERSE.0,
        rtm_type: RouteType::UNICAST.0,
        ..Default::default()
    };
    let mut w = Writer::new(VecBuffer::default());
    let flags = Request::Add.flags(); // NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL
                                      // the typed builder: rtattr forming, padding and lengths done by the writer
    route::request(&mut w, route::RTM_NEWROUTE, flags, sock.next_seq(), &hdr, |r| {
        r.dst(dst.into())?.gateway(gw.into())?;
        if let Some(i) = oif {
            r.oif(i)?;
        }
        Ok(())
    })?;
    sock.request(&w.into_inner().0)?; // waits for the ACK (or the error)
    println!("added {dst}/{len} via {gw}");
    Ok(())
}
