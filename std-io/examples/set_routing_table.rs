//! The article's second program: insert a route, IPv4 or IPv6.
//!
//! `cargo run --example set_routing_table -- PREFIX/LEN GATEWAY [DEV]`
//!
//! The gateway must be reachable: on the subnet of a link that is up (or
//! name that link as DEV), else the kernel refuses the route ("Nexthop has
//! invalid gateway"). It changes the routing table of the namespace it runs
//! in, so try it in a scratch one:
//!
//! ```sh
//! ip netns add demo
//! ip -n demo link add v0 type veth peer name v1
//! ip -n demo link set v0 up
//! ip -n demo addr add 10.9.0.1/24 dev v0
//! ip netns exec demo target/debug/examples/set_routing_table 192.0.2.0/24 10.9.0.2
//! ip -n demo route show                      # 192.0.2.0/24 via 10.9.0.2 dev v0 proto static
//! ip netns del demo
//! ```
use std::net::IpAddr;

use rtnl_core::net::{AF_INET, AF_INET6};
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
    let dst: IpAddr = args[0].split_once('/').map_or(&args[0][..], |(a, _)| a).parse()?;
    let host = if dst.is_ipv4() { 32 } else { 128 };
    let len: u8 = args[0].split_once('/').map_or(Ok(host), |(_, l)| l.parse())?;
    let gw: IpAddr = args[1].parse()?;
    if gw.is_ipv4() != dst.is_ipv4() {
        return Err(format!("the gateway {gw} is not of the prefix's family").into());
    }
    let oif = match args.get(2) {
        Some(dev) => Some(nix::net::if_::if_nametoindex(dev.as_str())?),
        None => None,
    };
    let mut sock = Socket::new()?;
    let hdr = RtMsg {
        rtm_family: if dst.is_ipv4() { AF_INET } else { AF_INET6 },
        rtm_dst_len: len,
        rtm_table: RouteTable::MAIN.0 as u8,
        rtm_protocol: RouteProtocol::STATIC.0,
        rtm_scope: RouteScope::UNIVERSE.0,
        rtm_type: RouteType::UNICAST.0,
        ..Default::default()
    };
    let mut w = Writer::new(VecBuffer::default());
    // NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL
    let flags = Request::Add.flags();
    // the typed builder: rtattr framing, padding and lengths done by the writer
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
