//! The article's third program: print routing changes as they happen.
//!
//! `cargo run --example mon_routing_table` (Ctrl-C to stop; read-only)
use rtnl_core::message::consts::{RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE};
use rtnl_core::message::RtnlMessage;
use rtnl_core::route::{RouteAttr, RTM_DELROUTE};
use rtnl_io::{Error, Event, Socket};

const GROUPS: [u32; 2] = [RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE];

fn main() -> Result<(), Error> {
    let mut sock = Socket::new()?;
    for g in GROUPS {
        sock.add_membership(g)?;
    }
    loop {
        sock.recv_events(|e| match e {
            Event::Message { msg, .. } => {
                let RtnlMessage::Route(route) = msg.body() else { return };
                let what = if msg.ty() == RTM_DELROUTE { "deleted" } else { "new" };
                let len = route.header().rtm_dst_len;
                let dst = route
                    .attrs()
                    .flatten()
                    .find_map(|a| if let RouteAttr::Dst(d) = a { Some(format!("{d}/{len}")) } else { None })
                    .unwrap_or_else(|| "default".into());
                println!("{what} route {dst} table {}", route.table());
            }
            // lost notifications are reported, never silently swallowed
            // (rtnl_io::Monitor re-reads the table for you)
            Event::Overrun => eprintln!("notifications were lost; re-read the table"),
            _ => {}
        })?;
    }
}
