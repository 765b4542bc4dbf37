//! The tokio adapter (feature `tokio`) against the live kernel, in a private
//! network namespace: a request, a dump that agrees with the blocking
//! socket's, and a notification, all awaited on a current-thread runtime.
#![cfg(feature = "tokio")]

use std::process::Command;

use rtnl_core::message::RtnlMessage;
use rtnl_core::route::{self, RouteProtocol, RouteScope, RouteType, RtMsg};
use rtnl_core::wire::flags::Request;
use rtnl_core::wire::Writer;
use rtnl_io::{route_dump_request_in, AsyncSocket, Event, Socket, VecBuffer};

fn ip(args: &[&str]) {
    let st = Command::new("ip").args(args).status().expect("run ip");
    assert!(st.success(), "ip {args:?}");
}

#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn requests_dumps_and_notifications_are_awaited() {
    rtnl_io::netns::in_private_netns(|| {
        ip(&["link", "set", "lo", "up"]);
        ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
        ip(&["link", "set", "v0", "up"]);
        let v0 = nix::net::if_::if_nametoindex("v0").unwrap();
        let rt = tokio::runtime::Builder::new_current_thread().enable_io().build().unwrap();
        rt.block_on(async {
            let mut s = AsyncSocket::new(Socket::new().unwrap()).unwrap();
            let mut mon = AsyncSocket::new(Socket::new().unwrap()).unwrap();
            mon.get_mut().add_membership(rtnl_core::message::consts::RTNLGRP_IPV4_ROUTE).unwrap();
            // 300 routes, each request awaited
            for i in 0..300u32 {
                let hdr: RtMsg = RtMsg {
                    rtm_family: 2,
                    rtm_dst_len: 32,
                    rtm_table: 254,
                    rtm_protocol: RouteProtocol::STATIC.0,
                    rtm_scope: RouteScope::LINK.0,
                    rtm_type: RouteType::UNICAST.0,
                    ..Default::default()
                };
                let mut w = Writer::new(VecBuffer::default());
                let seq = s.get_mut().next_seq();
                route::request(&mut w, route::RTM_NEWROUTE, Request::Add.flags(), seq, &hdr, |r| {
                    r.dst(std::net::Ipv4Addr::new(10, 20, (i >> 8) as u8, i as u8).into())?.oif(v0)?;
                    Ok(())
                })
                .unwrap();
                s.request(&w.into_inner().0).await.unwrap();
            }
            // the dump agrees with the blocking socket's
            let count = |m: &rtnl_core::message::Message<'_>, n: &mut usize| {
                if let RtnlMessage::Route(_) = m.body() {
                    *n += 1;
                }
            };
            let (mut ours, mut sync) = (0, 0);
            let seq = s.get_mut().next_seq();
            let sum = s.dump(&route_dump_request_in(seq, 2, Some(254)), |m| count(&m, &mut ours)).await.unwrap();
            assert!(!sum.interrupted);
            let mut b = Socket::new().unwrap();
            let seq = b.next_seq();
            let _ = b.dump(&route_dump_request_in(seq, 2, Some(254)), |m| count(&m, &mut sync)).unwrap();
            assert_eq!((ours, sync), (300, 300));
            // the first notification, awaited: the first route added
            let mut first = None;
            while first.is_none() {
                mon.recv_events(|e| {
                    if let Event::Message { msg, .. } = e {
                        if msg.ty() == route::RTM_NEWROUTE && first.is_none() {
                            first = Some(msg.header().nlmsg_len.get());
                        }
                    }
                })
                .await
                .unwrap();
            }
        });
    })
    .unwrap();
}
