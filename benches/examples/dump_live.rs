//! A live dump of a large route table, in one process, alternating: the
//! floor (the dump's datagrams received and their `nlmsghdr`s walked, no
//! typed decoding) against the library's dump with typed decoding of every
//! route (destination, gateway, device, table, priority, as in
//! `route_dump`). Prints the median of each and the ratio.
//!
//! usage: `dump_live NETNS [ROUNDS]` (`benches/dump.sh` makes the namespace)

use std::time::Instant;

use rtnl_core::message::RtnlMessage;
use rtnl_core::net::Address;
use rtnl_core::route::RouteAttr;
use rtnl_core::wire::{Messages, NLMSG_DONE};
use rtnl_io::netns::Netns;
use rtnl_io::{route_dump_request_in, Socket};

/// The floor: send the request, receive every datagram, walk the headers.
fn walk(s: &mut Socket) -> usize {
    let seq = s.next_seq();
    s.send(&route_dump_request_in(seq, 2, Some(254))).unwrap();
    let mut n = 0;
    loop {
        let d = s.recv().unwrap();
        for m in Messages::new(d) {
            let m = m.unwrap();
            if m.ty() == NLMSG_DONE {
                return n;
            }
            n += 1;
        }
    }
}

/// The library's dump, every route's fields decoded.
fn typed(s: &mut Socket) -> (usize, u64) {
    let seq = s.next_seq();
    let mut sum = (0, 0u64);
    let _ = s
        .dump(&route_dump_request_in(seq, 2, Some(254)), |m| {
            if let RtnlMessage::Route(r) = m.body() {
                sum.0 += 1;
                for a in r.attrs().flatten() {
                    sum.1 = sum.1.wrapping_add(match a {
                        RouteAttr::Dst(Address::V4(a)) | RouteAttr::Gateway(Address::V4(a)) => u32::from(a).into(),
                        RouteAttr::Oif(i) | RouteAttr::Table(i) | RouteAttr::Priority(i) => i.into(),
                        _ => 0,
                    });
                }
            }
        })
        .unwrap();
    sum
}

/// The library's dump, the callback doing nothing.
fn untyped(s: &mut Socket) -> usize {
    let seq = s.next_seq();
    s.dump(&route_dump_request_in(seq, 2, Some(254)), |_| {}).unwrap().messages
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let ns = args.get(1).expect("usage: dump_live NETNS [ROUNDS]");
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(7);
    let mut s = Netns::Name(ns).socket().unwrap();
    // warm up: prime the socket, grow its buffer, fault the table in
    let n = walk(&mut s);
    let (m, _) = typed(&mut s);
    assert_eq!(n, m, "both read the same routes");
    let (mut floor, mut ours) = (Vec::new(), Vec::new());
    for r in 0..rounds {
        let mut time = |f: &mut dyn FnMut(&mut Socket)| {
            let t = Instant::now();
            f(&mut s);
            t.elapsed().as_secs_f64()
        };
        let (a, b) = if r % 2 == 0 {
            let a = time(&mut |s| _ = std::hint::black_box(walk(s)));
            (a, time(&mut |s| _ = std::hint::black_box(typed(s))))
        } else {
            let b = time(&mut |s| _ = std::hint::black_box(typed(s)));
            (time(&mut |s| _ = std::hint::black_box(walk(s))), b)
        };
        floor.push(a);
        ours.push(b);
    }
    let mut plain = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        std::hint::black_box(untyped(&mut s));
        plain.push(t.elapsed().as_secs_f64());
    }
    println!("  (the library's dump with an empty callback: {:.1} ms)", median(&mut plain) * 1e3);
    let (f, o) = (median(&mut floor), median(&mut ours));
    println!("dump of {n} routes, median of {rounds} alternating rounds:");
    println!("  headers walked (the floor): {:.1} ms", f * 1e3);
    println!("  typed decode:               {:.1} ms", o * 1e3);
    println!("  ratio: {:.3}", o / f);
}
