//! The article's third program: print routing changes as they happen.
//!
//! `cargo run --example mon_routing_table` (Ctrl-C to stop)
use rtnl_core::message::consts::{RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE};
use rtnl_core::message::RtnlMessage;
use rtnl_core::route::{RouteAttr, RTM_DELROUTE};
use rtnl_io::{Error, Socket};

const GROUPS: [u32; 2] = [RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE];

fn main() -> Result<(), Error> {
    let mut sock = Socket::new()?;
    for g in GROUPS {
        sock.add_membership(g)?;
    }
    loop {
        let r = sock.recv_messages(|msg| {
            let RtnlMessage::Route(route) = msg.body() else { return };
            let what = if msg.ty() == RTM_DELROUTE { "deleted" } else { "new" };
            let dst = route
                .attrs()
                .flatten()
                .find_map(|a| if let RouteAttr::Dst(d) = a { Some(format!("{d:?}")) } else { None })
                .unwrap_or_else(|| "default".into());
            println!("{what} route {dst}/{} table {}", route.header().rtm_dst_len, route.table().0);
        });
        match r {
            Ok(_) => {}
            // lost notifications are reported, never silently swallowed
            Err(Error::Overrun) => eprintln!("notifications lost; re-read the table"),
            Err(e) => return Err(e),
        }
    }
}
