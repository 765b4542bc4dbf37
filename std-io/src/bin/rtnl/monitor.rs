//! `rtnl monitor`: print notifications as they arrive.

use std::process::ExitCode;

use rtnl_core::message::{types, RtnlMessage};
use rtnl_io::json::to_json;
use rtnl_io::{link_names, Error, Socket};

use crate::route::print_notification;
use crate::Global;

/// `RTNLGRP_IPV4_ROUTE`, `RTNLGRP_IPV6_ROUTE`, `RTNLGRP_IPV4_MROUTE`,
/// `RTNLGRP_IPV6_MROUTE`, `RTNLGRP_MPLS_ROUTE`.
const ROUTE_GROUPS: &[u32] = &[7, 11, 6, 10, 27];
/// Every live `RTNLGRP_*` (1..=39, less the dead DECnet and NOP groups).
const ALL_GROUPS: &[u32] = &[
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36,
    37, 38, 39,
];

pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, String> {
    let groups = match args.first().map(String::as_str) {
        None | Some("all") => ALL_GROUPS,
        Some("route") => ROUTE_GROUPS,
        Some(o) => return Err(format!("rtnl monitor: unsupported object {o:?} (route, all)")),
    };
    let mut names_sock = Socket::new().map_err(|e| e.to_string())?;
    let mut names = link_names(&mut names_sock).map_err(|e| e.to_string())?;
    let mut sock = g.socket()?;
    for &grp in groups {
        // groups the running kernel lacks (newer than it) are skipped
        let _ = sock.add_membership(grp);
    }
    loop {
        let mut link_changed = false;
        let r = sock.recv_messages(|msg| {
            if g.json {
                println!("{}", to_json(&msg));
                return;
            }
            match msg.body() {
                RtnlMessage::Route(r) => print_notification(&msg, r, &names),
                _ => {
                    let name = types::type_name(msg.ty()).map(str::to_owned).unwrap_or_else(|| msg.ty().to_string());
                    link_changed |= msg.ty() == types::RTM_NEWLINK || msg.ty() == types::RTM_DELLINK;
                    println!("[{name}] {}", to_json(&msg));
                }
            }
        });
        match r {
            Ok(_) => {}
            Err(Error::Overrun) => eprintln!("rtnl monitor: notifications were lost (ENOBUFS); state may have drifted"),
            Err(e) => return Err(e.to_string()),
        }
        if link_changed {
            if let Ok(n) = link_names(&mut names_sock) {
                names = n;
            }
        }
    }
}
