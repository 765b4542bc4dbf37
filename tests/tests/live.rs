//! Live-kernel tests: each runs in its own private network namespace
//! (`unshare(CLONE_NEWNET)` on a thread), changes routes through the codec
//! and compares the kernel's state with `ip -j route show`.

use std::net::{IpAddr, Ipv4Addr};

use rtnl_core::message::RtnlMessage;
use rtnl_core::route::{self, RouteAttr, RouteProtocol, RouteScope, RouteType, RtMsg};
use rtnl_core::wire::flags::Request;
use rtnl_core::wire::flags::*;
use rtnl_core::wire::Writer;
use rtnl_io::{route_dump_request, Error, Socket, VecBuffer};
use rtnl_tests::{can_run_live, ip, with_scratch_netns};
use serde_json::Value;

/// Live tests are `#[ignore]`d unless the build found root and iproute2
/// (`cfg(rtnl_live)`, set by `build.rs`); when they run, they must be able to.
macro_rules! live {
    () => {
        assert!(can_run_live(), "live-kernel tests need root and iproute2 (build with RTNL_LIVE=0 to ignore them)");
    };
}

fn ifindex(name: &str) -> u32 {
    nix::net::if_::if_nametoindex(name).unwrap()
}

/// Builds a route request: `dst/len` via `gw` on `oif`.
#[allow(clippy::too_many_arguments)]
fn route_req(
    ty: u16,
    flags: u16,
    seq: u32,
    dst: IpAddr,
    len: u8,
    gw: Option<IpAddr>,
    oif: u32,
    metric: u32,
) -> Vec<u8> {
    let family = if dst.is_ipv4() { 2 } else { 10 };
    let hdr = RtMsg {
        rtm_family: family,
        rtm_dst_len: len,
        rtm_table: 254,
        rtm_protocol: RouteProtocol::STATIC.0,
        rtm_scope: if gw.is_some() { RouteScope::UNIVERSE.0 } else { RouteScope::LINK.0 },
        rtm_type: RouteType::UNICAST.0,
        ..Default::default()
    };
    let mut w = Writer::new(VecBuffer::default());
    route::request(&mut w, ty, flags, seq, &hdr, |r| {
        r.dst(dst.into())?;
        if let Some(g) = gw {
            r.gateway(g.into())?;
        }
        r.oif(oif)?.priority(metric)?;
        Ok(())
    })
    .unwrap();
    w.into_inner().0
}

fn ip_routes(family: &str) -> Vec<Value> {
    serde_json::from_str(&ip(&["-j", family, "route", "show"])).unwrap()
}

fn find<'a>(routes: &'a [Value], dst: &str) -> Option<&'a Value> {
    routes.iter().find(|r| r["dst"] == dst)
}

#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn add_replace_delete_ipv4_matches_ip() {
    live!();
    with_scratch_netns(|| {
        let mut s = Socket::new().unwrap();
        let v0 = ifindex("v0");
        let dst = IpAddr::V4(Ipv4Addr::new(10, 1, 0, 0));
        let gw2 = Some(IpAddr::V4(Ipv4Addr::new(10, 9, 0, 2)));
        let gw3 = Some(IpAddr::V4(Ipv4Addr::new(10, 9, 0, 3)));
        let add = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
        let seq = s.next_seq();
        s.request(&route_req(route::RTM_NEWROUTE, add, seq, dst, 24, gw2, v0, 5)).unwrap();
        let r = ip_routes("-4");
        let got = find(&r, "10.1.0.0/24").expect("route added");
        assert_eq!(
            (got["gateway"].as_str(), got["dev"].as_str(), got["metric"].as_u64()),
            (Some("10.9.0.2"), Some("v0"), Some(5))
        );
        assert_eq!(got["protocol"], "static");

        // adding it again: EEXIST, no ext-ack message
        let seq = s.next_seq();
        match s.request(&route_req(route::RTM_NEWROUTE, add, seq, dst, 24, gw2, v0, 5)) {
            Err(Error::Kernel(k)) => assert_eq!(k.errno, 17),
            other => panic!("expected EEXIST, got {other:?}"),
        }

        // replace: new gateway
        let rep = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE;
        let seq = s.next_seq();
        s.request(&route_req(route::RTM_NEWROUTE, rep, seq, dst, 24, gw3, v0, 5)).unwrap();
        let r = ip_routes("-4");
        assert_eq!(find(&r, "10.1.0.0/24").unwrap()["gateway"], "10.9.0.3");
        assert_eq!(r.iter().filter(|x| x["dst"] == "10.1.0.0/24").count(), 1);

        // our dump agrees with ip's on every route of the main table
        let mut ours = Vec::new();
        let req = route_dump_request(s.next_seq(), 2);
        let sum = s
            .dump(&req, |m| {
                if let RtnlMessage::Route(rt) = m.body() {
                    if rt.table().0 == 254 {
                        ours.push(rt.header().rtm_dst_len);
                    }
                }
            })
            .unwrap();
        assert!(!sum.interrupted);
        assert_eq!(ours.len(), r.len());

        // delete
        let seq = s.next_seq();
        s.request(&route_req(route::RTM_DELROUTE, NLM_F_REQUEST | NLM_F_ACK, seq, dst, 24, gw3, v0, 5)).unwrap();
        assert!(find(&ip_routes("-4"), "10.1.0.0/24").is_none());
    });
}

#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn ipv6_route_and_multipath() {
    live!();
    with_scratch_netns(|| {
        let mut s = Socket::new().unwrap();
        let v0 = ifindex("v0") as i32;
        let hdr = RtMsg {
            rtm_family: 10,
            rtm_dst_len: 64,
            rtm_table: 254,
            rtm_protocol: RouteProtocol::STATIC.0,
            rtm_type: RouteType::UNICAST.0,
            ..Default::default()
        };
        let mut w = Writer::new(VecBuffer::default());
        let dst: std::net::Ipv6Addr = "fd00:7::".parse().unwrap();
        let flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
        route::request(&mut w, route::RTM_NEWROUTE, flags, s.next_seq(), &hdr, |r| {
            r.dst(dst.into())?.multipath(|mp| {
                for (gw, weight) in [("fd00:9::2", 1u16), ("fd00:9::3", 4)] {
                    let gw: std::net::Ipv6Addr = gw.parse().unwrap();
                    mp.hop(0, weight, v0, |h| h.gateway(gw.into()).map(drop))?;
                }
                Ok(())
            })?;
            Ok(())
        })
        .unwrap();
        s.request(&w.into_inner().0).unwrap();
        let r = ip_routes("-6");
        let got = find(&r, "fd00:7::/64").expect("multipath route");
        let hops = got["nexthops"].as_array().expect("nexthops");
        let weights: Vec<_> = hops.iter().map(|h| h["weight"].as_u64().unwrap()).collect();
        let gws: Vec<_> = hops.iter().map(|h| h["gateway"].as_str().unwrap()).collect();
        assert_eq!(weights, [1, 4]);
        assert_eq!(gws, ["fd00:9::2", "fd00:9::3"]);
    });
}

#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn refusal_carries_the_ext_ack_message() {
    live!();
    with_scratch_netns(|| {
        let mut s = Socket::new().unwrap();
        let v0 = ifindex("v0");
        let dst = IpAddr::V4(Ipv4Addr::new(10, 20, 0, 0));
        let gw = Some(IpAddr::V4(Ipv4Addr::new(10, 99, 0, 2))); // not on any link
        let flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
        let seq = s.next_seq();
        let err = s.request(&route_req(route::RTM_NEWROUTE, flags, seq, dst, 24, gw, v0, 0)).unwrap_err();
        let Error::Kernel(k) = err else { panic!("{err:?}") };
        assert_eq!(k.message.as_deref(), Some("Nexthop has invalid gateway"));
        assert_eq!(k.to_string(), "Error: Nexthop has invalid gateway.");
    });
}

#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn monitor_sees_route_changes() {
    live!();
    with_scratch_netns(|| {
        let mut mon = Socket::new().unwrap();
        mon.add_membership(7).unwrap(); // RTNLGRP_IPV4_ROUTE
        ip(&["route", "add", "10.30.0.0/24", "via", "10.9.0.2"]);
        ip(&["route", "del", "10.30.0.0/24"]);
        let mut seen = Vec::new();
        while seen.len() < 2 {
            mon.recv_messages(|m| {
                if let RtnlMessage::Route(r) = m.body() {
                    let d = r.attrs().flatten().find_map(|a| if let RouteAttr::Dst(d) = a { Some(d) } else { None });
                    seen.push((m.ty(), format!("{d:?}")));
                }
            })
            .unwrap();
        }
        assert_eq!(seen[0].0, route::RTM_NEWROUTE);
        assert_eq!(seen[1].0, route::RTM_DELROUTE);
        assert!(seen[0].1.contains("10.30.0.0"));
    });
}

#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn a_dump_on_a_fresh_socket_keeps_a_message_larger_than_a_page() {
    live!();
    // A 300-hop route is a 4.8 KB message. The kernel sizes a dump's
    // datagrams from the socket's largest receive so far: on a fresh socket
    // the message did not fit, was left out, and the dump ended with
    // NLMSG_DONE 0 (issue 7, finding 1).
    with_scratch_netns(|| {
        ip(&["addr", "add", "10.8.0.1/16", "dev", "v0"]);
        let v0 = ifindex("v0") as i32;
        let mut s = Socket::new().unwrap();
        let hdr = RtMsg {
            rtm_family: 2,
            rtm_dst_len: 24,
            rtm_table: 254,
            rtm_protocol: RouteProtocol::STATIC.0,
            rtm_type: RouteType::UNICAST.0,
            ..Default::default()
        };
        let mut w = Writer::new(VecBuffer::default());
        route::request(&mut w, route::RTM_NEWROUTE, Request::Add.flags(), s.next_seq(), &hdr, |r| {
            r.dst(Ipv4Addr::new(10, 77, 0, 0).into())?.multipath(|mp| {
                for i in 0..300u16 {
                    let gw = Ipv4Addr::new(10, 8, (i / 250) as u8, (i % 250 + 2) as u8);
                    mp.hop(0, 1, v0, |h| h.gateway(gw.into()).map(drop))?;
                }
                Ok(())
            })?;
            Ok(())
        })
        .unwrap();
        s.request(&w.into_inner().0).unwrap();
        let mut fresh = Socket::new().unwrap();
        let mut hops = None;
        let req = route_dump_request(fresh.next_seq(), 2);
        let sum = fresh
            .dump(&req, |m| {
                if let RtnlMessage::Route(r) = m.body() {
                    if let Some(RouteAttr::Multipath(mp)) = r.attrs().find(route::RTA_MULTIPATH) {
                        hops = Some(mp.hops().count());
                    }
                }
            })
            .unwrap();
        assert!(!sum.interrupted);
        assert_eq!(hops, Some(300), "the 300-hop route is in the dump");
    });
}

/// A recording that fails from its first write.
struct FailingRecord;
impl std::io::Write for FailingRecord {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("disk full"))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn a_dump_ended_early_leaves_the_socket_usable() {
    // Issue 7, finding 6: returning early from dump() left the kernel's dump
    // running, and the next dump on the socket failed with EBUSY.
    live!();
    with_scratch_netns(|| {
        let batch = std::env::temp_dir().join(format!("rtnl-early-{}.txt", std::process::id()));
        let lines: String = (0..3000).map(|i| format!("route add 10.60.{}.{}/32 dev v0\n", i / 250, i % 250)).collect();
        std::fs::write(&batch, lines).unwrap();
        ip(&["-batch", batch.to_str().unwrap()]);
        let _ = std::fs::remove_file(&batch);
        let mut s = Socket::new().unwrap();
        // a failure on our side after the first datagram (more follow)
        s.record_to(Some(Box::new(FailingRecord)));
        let req = route_dump_request(s.next_seq(), 2);
        assert!(s.dump(&req, |_| {}).is_err());
        s.record_to(None);
        let req = route_dump_request(s.next_seq(), 2);
        let sum = s.dump(&req, |_| {}).expect("the next dump works");
        assert!(sum.messages > 3000 && sum.datagrams > 2, "{sum:?}");
        // a callback that stops after one message
        let mut seen = 0;
        let req = route_dump_request(s.next_seq(), 2);
        let sum = s
            .dump_with(&req, |_| {
                seen += 1;
                std::ops::ControlFlow::Break(())
            })
            .unwrap();
        assert_eq!((seen, sum.stopped, sum.messages), (1, true, 1));
        let req = route_dump_request(s.next_seq(), 2);
        assert!(s.dump(&req, |_| {}).unwrap().messages > 3000);
    });
}

#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn a_monitor_queue_is_as_large_as_ip_monitors() {
    // Issue 7, finding 8 (in part): with the default 208 KiB queue, `rtnl
    // monitor route` lost events under 30,000 route adds and deletes that
    // `ip monitor` kept up with (reproduced here: 234 and 308 lost in two of
    // three runs; none in two runs with this queue). The storm itself is not
    // a CI test: its timing depends on the machine's load.
    live!();
    with_scratch_netns(|| {
        let s = Socket::new().unwrap();
        let granted = s.set_recv_buffer(rtnl_io::MONITOR_RCVBUF).unwrap();
        // as root, SO_RCVBUFFORCE passes rmem_max; the kernel doubles it
        assert!(granted >= 2 * rtnl_io::MONITOR_RCVBUF, "{granted}");
    });
}

/// Finding 3 of issue 7: a link whose message is larger than the 32 KiB a
/// socket's receive can make the kernel allocate was left out of a link dump
/// that did not ask for an `IFLA_EXT_MASK` (the kernel sizes a link dump for
/// its largest link only when one is given), and the dump still ended with
/// `NLMSG_DONE` error 0. Links of about 16, 40 and 62 KiB (the kernel caps a
/// link's alternative names just under 64 KiB) must all be dumped by a fresh
/// socket, by the library's request and by the name lookup.
#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn links_of_16_40_and_62_kib_are_dumped_by_a_fresh_socket() {
    live!();
    with_scratch_netns(|| {
        // 121-character names: 128 bytes each in IFLA_PROP_LIST
        let sizes = [("big16", 125), ("big40", 315), ("big62", 490)];
        let mut batch = String::new();
        for (name, n) in sizes {
            batch += &format!("link add {name} type veth peer name {name}p\n");
            for i in 0..n {
                batch += &format!("link property add dev {name} altname {name}{i:0>116}\n");
            }
        }
        let file = std::env::temp_dir().join(format!("rtnl-altnames-{}.batch", std::process::id()));
        std::fs::write(&file, batch).unwrap();
        let out = std::process::Command::new("ip").arg("-batch").arg(&file).output().unwrap();
        std::fs::remove_file(&file).ok();
        assert!(out.status.success(), "ip -batch: {}", String::from_utf8_lossy(&out.stderr));

        let mut s = Socket::new().unwrap();
        let mut sizes_seen = std::collections::HashMap::new();
        let req = rtnl_io::link_dump_request(s.next_seq(), 0, 0);
        let sum = s
            .dump(&req, |m| {
                if let Some((i, name)) = rtnl_io::link_index_and_name(&m) {
                    sizes_seen.insert(name.to_owned(), (i, m.header().nlmsg_len.get() as usize));
                }
            })
            .unwrap();
        assert!(!sum.interrupted);
        for (name, _) in sizes {
            let (_, len) = sizes_seen.get(name).unwrap_or_else(|| panic!("{name} missing from the link dump"));
            eprintln!("{name}: {len} bytes");
        }
        let big = |n: &str| sizes_seen[n].1;
        assert!(big("big16") > 16 * 1024 && big("big40") > 40 * 1024 && big("big62") > 62 * 1024);

        // the name lookup that `rtnl route show` and `rtnl monitor` use
        let names = rtnl_io::link_names(&mut Socket::new().unwrap()).unwrap();
        for (name, _) in sizes {
            assert!(names.values().any(|n| n == name), "{name} missing from link_names");
        }
        let ip_links: Vec<Value> = serde_json::from_str(&ip(&["-j", "link", "show"])).unwrap();
        assert_eq!(names.len(), ip_links.len());
    });
}

/// Issue 7, deliver 2: the kernel's ext-ack offset is mapped back to the
/// attribute path of the request that was sent, at the top level and inside
/// nests and next hops, with the policy the attribute violated.
#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn a_refused_attribute_is_named_by_its_path_in_the_request() {
    use rtnl_core::route::{LWTUNNEL_ENCAP_IP, LWTUNNEL_IP_DST, LWTUNNEL_IP_TTL, RTA_ENCAP, RTA_ENCAP_TYPE};
    use rtnl_core::route::{RTA_DST, RTA_GATEWAY, RTA_MULTIPATH, RTA_OIF};
    live!();
    with_scratch_netns(|| {
        let mut s = Socket::new().unwrap();
        let v0 = ifindex("v0");
        let hdr: RtMsg = RtMsg {
            rtm_family: 2,
            rtm_dst_len: 24,
            rtm_table: 254,
            rtm_protocol: RouteProtocol::STATIC.0,
            rtm_scope: RouteScope::UNIVERSE.0,
            rtm_type: RouteType::UNICAST.0,
            ..Default::default()
        };
        // an IP encapsulation whose TTL has no byte
        let bad_encap = |w: &mut Writer<VecBuffer>| {
            w.attr_u16(RTA_ENCAP_TYPE, LWTUNNEL_ENCAP_IP).unwrap();
            let e = w.begin_nest(RTA_ENCAP).unwrap();
            w.attr(LWTUNNEL_IP_DST, &[10, 9, 0, 9]).unwrap();
            w.attr(LWTUNNEL_IP_TTL, &[]).unwrap();
            w.end_nest(e).unwrap();
        };
        let send = |s: &mut Socket, body: &dyn Fn(&mut Writer<VecBuffer>)| {
            let mut w = Writer::new(VecBuffer::default());
            let seq = s.next_seq();
            let m = w.begin_msg(route::RTM_NEWROUTE, Request::Add.flags(), seq, 0).unwrap();
            w.header(&hdr).unwrap();
            w.attr(RTA_DST, &[10, 66, 0, 0]).unwrap();
            body(&mut w);
            w.end_msg(m).unwrap();
            match s.request(&w.into_inner().0) {
                Err(Error::Kernel(k)) => k,
                other => panic!("expected a refusal, got {other:?}"),
            }
        };

        // top level: a 3-byte gateway
        let k = send(&mut s, &|w| {
            w.attr_u32(RTA_OIF, v0).unwrap();
            w.attr(RTA_GATEWAY, &[10, 9, 0]).unwrap();
        });
        assert_eq!(k.path, ["RTA_GATEWAY"], "{k:?}");
        assert!(matches!(k.errno, 22 | 34), "EINVAL or ERANGE: {k:?}");
        assert!(k.policy.is_some(), "the kernel names the policy: {k:?}");
        assert!(format!("{k:#}").ends_with("(at RTA_GATEWAY)"), "{k:#}");

        // in a nest
        let k = send(&mut s, &|w| {
            w.attr_u32(RTA_OIF, v0).unwrap();
            bad_encap(w);
        });
        assert_eq!(k.path, ["RTA_ENCAP", "LWTUNNEL_IP_TTL"], "{k:?}");

        // in a next hop's nest
        let k = send(&mut s, &|w| {
            let mp = w.begin_nest(RTA_MULTIPATH).unwrap();
            // struct rtnexthop: len, flags, hops, ifindex; then attributes
            let hop = w.len();
            w.bytes(&[0, 0, 0, 0]).unwrap();
            w.bytes(&v0.to_ne_bytes()).unwrap();
            w.attr(RTA_GATEWAY, &[10, 9, 0, 2]).unwrap();
            bad_encap(w);
            let len = (w.len() - hop) as u16;
            w.buffer_mut().0[hop..hop + 2].copy_from_slice(&len.to_ne_bytes());
            w.end_nest(mp).unwrap();
        });
        assert_eq!(k.path, ["RTA_MULTIPATH", "[0]", "RTA_ENCAP", "LWTUNNEL_IP_TTL"], "{k:?}");
    });
}

/// Issue 7, deliver 7: a socket opened in another namespace, named by
/// `ip netns` name, path, file descriptor or process, sees that namespace's
/// links; the calling thread stays in its own namespace.
#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn sockets_open_in_a_namespace_by_name_path_fd_and_pid() {
    use rtnl_io::netns::Netns;
    use std::os::fd::AsFd;
    live!();
    struct Named(String);
    impl Drop for Named {
        fn drop(&mut self) {
            let _ = std::process::Command::new("ip").args(["netns", "del", &self.0]).status();
        }
    }
    let ns = Named(format!("rtnl-live-ns-{}", std::process::id()));
    ip(&["netns", "add", &ns.0]);
    ip(&["-n", &ns.0, "link", "add", "nsa0", "type", "veth", "peer", "name", "nsa1"]);
    let own = || std::fs::read_link("/proc/thread-self/ns/net").unwrap();
    let before = own();
    let has_nsa0 = |n: Netns<'_>| {
        let mut s = n.socket().unwrap();
        rtnl_io::link_names(&mut s).unwrap().values().any(|v| v == "nsa0")
    };
    let path = std::path::PathBuf::from(format!("/run/netns/{}", ns.0));
    let file = std::fs::File::open(&path).unwrap();
    assert!(has_nsa0(Netns::Name(&ns.0)));
    assert!(has_nsa0(Netns::Path(&path)));
    assert!(has_nsa0(Netns::Fd(file.as_fd())));
    let mut child = std::process::Command::new("ip").args(["netns", "exec", &ns.0, "sleep", "30"]).spawn().unwrap();
    // ip netns exec enters the namespace, then runs sleep in the same process
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while std::fs::read_link(format!("/proc/{}/exe", child.id())).map(|e| !e.ends_with("sleep")).unwrap_or(true)
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let by_pid = has_nsa0(Netns::Pid(child.id()));
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(by_pid, "the namespace of the process");
    // this thread never moved, and the host's links are not the namespace's
    assert_eq!(own(), before);
    assert!(!rtnl_io::link_names(&mut Socket::new().unwrap()).unwrap().values().any(|v| v == "nsa0"));
    // refusals
    assert!(Netns::Name("../etc").socket().is_err());
    assert!(Netns::Name("rtnl-no-such-namespace").socket().is_err());
}

/// Issue 7, deliver 6: another process's datagrams sent to our port id —
/// a forged "kernel" notification, a forged `NLMSG_DONE` that would end a
/// dump early — are dropped and counted; a late acknowledgement in a dump's
/// stream is dropped as stray; a user-space peer is accepted only when asked.
#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn forged_datagrams_are_dropped_and_counted() {
    use nix::sys::socket::{bind, sendto, socket, AddressFamily, MsgFlags, NetlinkAddr, SockFlag, SockProtocol};
    use nix::sys::socket::{getsockname, SockType};
    use std::os::fd::AsRawFd;
    live!();
    with_scratch_netns(|| {
        let forger =
            socket(AddressFamily::Netlink, SockType::Raw, SockFlag::SOCK_CLOEXEC, SockProtocol::NetlinkRoute).unwrap();
        bind(forger.as_raw_fd(), &NetlinkAddr::new(0, 0)).unwrap();
        let forger_port = getsockname::<NetlinkAddr>(forger.as_raw_fd()).unwrap().pid();
        let v0 = ifindex("v0");
        let mut s = Socket::new().unwrap();
        let our_port = s.port_id();
        let to_us = NetlinkAddr::new(our_port, 0);
        let forge = |ty: u16, flags: u16, seq: u32, body: &[u8]| {
            let mut w = Writer::new(VecBuffer::default());
            let m = w.begin_msg(ty, flags, seq, our_port).unwrap();
            w.bytes(body).unwrap();
            w.end_msg(m).unwrap();
            sendto(forger.as_raw_fd(), &w.into_inner().0, &to_us, MsgFlags::empty()).unwrap();
        };

        // what a dump holds, undisturbed
        let count = |s: &mut Socket, seq: u32| {
            let mut routes = 0;
            let sum = s
                .dump(&route_dump_request(seq, 2), |m| {
                    if let RtnlMessage::Route(_) = m.body() {
                        routes += 1;
                    }
                })
                .unwrap();
            assert!(!sum.interrupted);
            routes
        };
        let seq = s.next_seq();
        let all = count(&mut s, seq);
        assert!(all > 2);
        // a dump whose end is forged before the kernel's first reply
        let seq = s.next_seq();
        forge(rtnl_core::wire::NLMSG_DONE, NLM_F_MULTI, seq, &0i32.to_ne_bytes());
        assert_eq!(count(&mut s, seq), all, "the dump was read to the kernel's own end");
        assert_eq!(s.dropped().foreign, 1);

        // a late acknowledgement (a request sent and not waited for) in a dump's stream
        let late = route_req(
            route::RTM_NEWROUTE,
            Request::Add.flags(),
            s.next_seq(),
            "10.55.0.0".parse().unwrap(),
            24,
            None,
            v0,
            0,
        );
        s.send(&late).unwrap();
        let stray = s.dropped().stray;
        let seq = s.next_seq();
        let _ = s.dump(&route_dump_request(seq, 2), |_| {}).unwrap();
        assert_eq!(s.dropped().stray, stray + 1, "the old ack is not this dump's");

        // a forged notification, then the kernel's own
        let mut mon = Socket::new().unwrap();
        mon.add_membership(rtnl_core::message::consts::RTNLGRP_IPV4_ROUTE).unwrap();
        let mon_addr = NetlinkAddr::new(mon.port_id(), 0);
        let fake = route_req(route::RTM_NEWROUTE, 0, 0, "10.66.0.0".parse().unwrap(), 24, None, v0, 0);
        sendto(forger.as_raw_fd(), &fake, &mon_addr, MsgFlags::empty()).unwrap();
        let real = route_req(
            route::RTM_NEWROUTE,
            Request::Add.flags(),
            s.next_seq(),
            "10.77.0.0".parse().unwrap(),
            24,
            None,
            v0,
            0,
        );
        s.request(&real).unwrap();
        let mut seen = Vec::new();
        while seen.is_empty() {
            mon.recv_messages(|m| {
                if let RtnlMessage::Route(r) = m.body() {
                    seen.push(r.header().rtm_dst_len);
                    seen.push(
                        r.attrs()
                            .flatten()
                            .any(|a| matches!(a, RouteAttr::Dst(rtnl_core::net::Address::V4(d)) if d.octets()[1] == 77))
                            as u8,
                    );
                }
            })
            .unwrap();
        }
        assert_eq!(seen, [24, 1], "only the kernel's notification is read");
        assert_eq!(mon.dropped().foreign, 1);

        // a user-space peer, when accepted
        mon.accept_from(forger_port);
        sendto(forger.as_raw_fd(), &fake, &mon_addr, MsgFlags::empty()).unwrap();
        let mut got = 0;
        mon.recv_messages(|_| got += 1).unwrap();
        assert_eq!((got, mon.dropped().foreign), (1, 1));
    });
}

/// Issue 7, deliver 4 and its proof under fault: a monitor with a small
/// queue under a storm of 100,000 route changes overruns (`ENOBUFS`), and
/// the resync helper re-dumps so that the view it leaves equals the kernel's
/// state once the storm ends.
#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn a_monitor_that_overruns_resyncs_to_the_kernels_state() {
    use rtnl_io::{Monitor, MonitorEvent};
    use std::collections::HashSet;
    live!();
    with_scratch_netns(|| {
        let main_routes = |seq| rtnl_io::route_dump_request_in(seq, 2, Some(254));
        let mut mon =
            Monitor::new(&[rtnl_core::message::consts::RTNLGRP_IPV4_ROUTE], vec![Box::new(main_routes)]).unwrap();
        mon.events_mut().set_recv_buffer(4096).unwrap();
        mon.events_mut().set_recv_timeout(Some(std::time::Duration::from_secs(2))).unwrap();

        // 50,000 adds, 25,000 deletes, 25,000 adds: 50,000 routes remain
        let mut batch = String::new();
        let addr = |i: u32| format!("10.{}.{}.{}/32", 100 + (i >> 16), (i >> 8) & 0xff, i & 0xff);
        for i in 0..50_000 {
            batch += &format!("route add {} dev v0\n", addr(i));
        }
        for i in (0..50_000).step_by(2) {
            batch += &format!("route del {} dev v0\n", addr(i));
        }
        for i in 50_000..75_000 {
            batch += &format!("route add {} dev v0\n", addr(i));
        }
        let file = std::env::temp_dir().join(format!("rtnl-storm-{}.batch", std::process::id()));
        std::fs::write(&file, batch).unwrap();
        let storm = std::process::Command::new("ip").arg("-batch").arg(&file).spawn().unwrap();
        // not reading for a moment makes sure the 4 KiB queue overflows
        std::thread::sleep(std::time::Duration::from_millis(300));

        // the view: destinations of host routes in the main table
        let key = |r: &route::RouteMessage<'_>| -> Option<[u8; 4]> {
            if r.table().0 != 254 || r.header().rtm_dst_len != 32 {
                return None;
            }
            r.attrs().flatten().find_map(|a| match a {
                RouteAttr::Dst(rtnl_core::net::Address::V4(d)) => Some(d.octets()),
                _ => None,
            })
        };
        let mut view = HashSet::new();
        let (mut resyncs, mut storm) = (0, Some(storm));
        loop {
            let r = mon.next(&mut |e| match e {
                MonitorEvent::Message { msg, group, .. } => {
                    assert_eq!(group, Some(rtnl_core::message::consts::RTNLGRP_IPV4_ROUTE));
                    if let RtnlMessage::Route(r) = msg.body() {
                        if let Some(k) = key(r) {
                            if msg.ty() == route::RTM_DELROUTE {
                                view.remove(&k);
                            } else {
                                view.insert(k);
                            }
                        }
                    }
                }
                MonitorEvent::ResyncStart => {
                    resyncs += 1;
                    view.clear();
                }
                MonitorEvent::Dumped(msg) => {
                    if let RtnlMessage::Route(r) = msg.body() {
                        view.extend(key(r));
                    }
                }
                _ => {}
            });
            match r {
                Ok(_) => {}
                Err(Error::TimedOut) => {
                    // quiet for 2 s: done once the storm has ended
                    match storm.as_mut().map(|c| c.try_wait().unwrap()) {
                        Some(Some(st)) => {
                            assert!(st.success(), "ip -batch failed");
                            storm = None;
                        }
                        Some(None) => continue,
                        None => break,
                    }
                }
                Err(e) => panic!("{e}"),
            }
        }
        std::fs::remove_file(&file).ok();
        assert!(mon.overruns() >= 1 && resyncs >= 1, "a 4 KiB queue overran under 100,000 changes");
        // the kernel's state, read afresh
        let mut s = Socket::new().unwrap();
        let mut kernel = HashSet::new();
        let seq = s.next_seq();
        let sum = s
            .dump(&main_routes(seq), |m| {
                if let RtnlMessage::Route(r) = m.body() {
                    kernel.extend(key(r));
                }
            })
            .unwrap();
        assert!(!sum.interrupted);
        assert_eq!(kernel.len(), 50_000);
        assert_eq!(view.len(), kernel.len(), "after {} overruns", mon.overruns());
        assert!(view == kernel);
        eprintln!(
            "{} overruns, {} resyncs, view of {} routes equals the kernel's",
            mon.overruns(),
            resyncs,
            view.len()
        );
    });
}

/// Issue 7, deliver 1: under address churn a dump is interrupted, and says
/// so; `dump_consistent` runs it again until a run is not, within its
/// bound, and says how many runs it took; once the churn stops it agrees
/// with `ip`. Filtered dumps report `NLM_F_DUMP_FILTERED`.
#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn an_interrupted_dump_is_retried_until_consistent() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    live!();
    with_scratch_netns(|| {
        let file = |what: &str| std::env::temp_dir().join(format!("rtnl-{what}-{}.batch", std::process::id()));
        let adds: String =
            (0..2000).map(|i| format!("addr add 10.{}.{}.1/32 dev v0\n", 50 + i / 250, i % 250)).collect();
        std::fs::write(file("many"), adds).unwrap();
        ip(&["-batch", file("many").to_str().unwrap()]);
        let flips: String = (0..200)
            .map(|i| format!("addr add 10.99.0.{0}/32 dev v0\naddr del 10.99.0.{0}/32 dev v0\n", i + 1))
            .collect();
        std::fs::write(file("churn"), flips).unwrap();
        let addr_dump = |seq: u32| {
            let mut w = Writer::new(VecBuffer::default());
            let m = w.begin_msg(rtnl_core::message::types::RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, seq, 0).unwrap();
            w.header(&[2u8, 0, 0, 0, 0, 0, 0, 0]).unwrap();
            w.end_msg(m).unwrap();
            w.into_inner().0
        };
        let stop = Arc::new(AtomicBool::new(false));
        let churner = {
            let (stop, churn) = (stop.clone(), file("churn"));
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let _ = std::process::Command::new("ip").arg("-batch").arg(&churn).output();
                }
            })
        };
        let mut s = Socket::new().unwrap();
        let (mut plain_intr, mut retried) = (0, 0);
        for _ in 0..60 {
            let seq = s.next_seq();
            plain_intr += usize::from(s.dump(&addr_dump(seq), |_| {}).unwrap().interrupted);
            let (mut run, mut n) = (0, 0);
            let sum = s
                .dump_consistent(addr_dump, 20, |a, _| {
                    if a != run {
                        (run, n) = (a, 0);
                    }
                    n += 1;
                })
                .unwrap();
            // converged, or marked after the last run
            assert!(!sum.interrupted || sum.attempts == 20, "{sum:?}");
            assert_eq!(sum.messages, n, "only the last run's messages count");
            retried += usize::from(sum.attempts > 1 && !sum.interrupted);
            if plain_intr >= 2 && retried >= 1 {
                break;
            }
        }
        stop.store(true, Ordering::Relaxed);
        churner.join().unwrap();
        assert!(plain_intr >= 2, "the churn interrupted {plain_intr} of the plain dumps");
        assert!(retried >= 1, "no interrupted dump was run again to a consistent one");
        // quiet: one run, and the count is ip's
        let mut n = 0;
        let sum = s.dump_consistent(addr_dump, 20, |_, _| n += 1).unwrap();
        assert_eq!((sum.attempts, sum.interrupted), (1, false));
        let ip_addrs: Vec<Value> = serde_json::from_str(&ip(&["-4", "-j", "addr", "show"])).unwrap();
        let count: usize = ip_addrs.iter().map(|l| l["addr_info"].as_array().map_or(0, Vec::len)).sum();
        assert_eq!(n, count);
        for f in ["many", "churn"] {
            std::fs::remove_file(file(f)).ok();
        }
        // a route dump for one table: the kernel says it filtered
        let seq = s.next_seq();
        let sum = s.dump(&rtnl_io::route_dump_request_in(seq, 2, Some(254)), |_| {}).unwrap();
        assert!(sum.filtered, "{sum:?}");
    });
}

/// Issue 7, deliver 5: a batch of 10,000 route requests goes out in a few
/// `sendmsg` calls; every acknowledgement is matched by sequence number, and
/// each refusal is reported with its index in the batch.
#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn a_batch_reports_each_refusal_by_its_index() {
    live!();
    with_scratch_netns(|| {
        let mut s = Socket::new().unwrap();
        let v0 = ifindex("v0");
        let dst = |i: u32| IpAddr::V4(Ipv4Addr::new(10, 40 + (i >> 16) as u8, (i >> 8) as u8, i as u8));
        let build = |s: &mut Socket, n: u32, dup: &[u32]| {
            let mut batch = Vec::new();
            for i in 0..n {
                let i = if dup.contains(&i) { 0 } else { i };
                batch.extend(route_req(
                    route::RTM_NEWROUTE,
                    Request::Add.flags(),
                    s.next_seq(),
                    dst(i),
                    32,
                    None,
                    v0,
                    0,
                ));
            }
            batch
        };
        // index 5000 and 9999 repeat index 0's route: EEXIST
        let batch = build(&mut s, 10_000, &[5000, 9999]);
        let sum = s.request_batch(&batch, false).unwrap();
        assert_eq!((sum.sent, sum.acked), (10_000, 9_998));
        assert!(sum.sends >= 2 && sum.sends <= batch.len() / rtnl_io::BATCH_CHUNK + 1, "{} sends", sum.sends);
        let failed: Vec<(usize, i32)> = sum.failed.iter().map(|(i, k)| (*i, k.errno)).collect();
        assert_eq!(failed, [(5000, 17), (9999, 17)]);
        let routes = ip_routes("-4");
        assert_eq!(routes.iter().filter(|r| r["dst"].as_str().is_some_and(|d| d.starts_with("10.4"))).count(), 9_998);

        // stopping after the chunk that holds the first refusal
        let batch = build(&mut s, 10_000, &[]);
        let sum = s.request_batch(&batch, true).unwrap();
        assert_eq!(sum.failed.first().map(|f| f.0), Some(0), "route 0 exists already");
        assert!(sum.sends == 1 && sum.sent < 10_000, "{sum:?}");
        assert_eq!(sum.failed.len(), sum.sent.min(9_998), "every route of the first chunk existed");

        // a request without NLM_F_ACK is refused before anything is sent
        let no_ack =
            route_req(route::RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_CREATE, s.next_seq(), dst(60_000), 32, None, v0, 0);
        assert!(matches!(s.request_batch(&no_ack, false), Err(Error::Other(m)) if m.contains("NLM_F_ACK")));
    });
}

/// Issue 7, deliver 1: the dump filters the kernel applies with strict
/// checking — addresses and neighbours by link, links by kind and master —
/// are asked for by the request helpers, applied (only the matching
/// objects come back) and reported (`DumpSummary::filtered`).
#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn kernel_side_filters_for_addresses_neighbours_and_links() {
    use rtnl_io::{addr_dump_request, link_dump_request_where, neigh_dump_request, LinkFilter};
    live!();
    with_scratch_netns(|| {
        ip(&["link", "add", "br0", "type", "bridge"]);
        ip(&["link", "set", "v1", "master", "br0"]);
        ip(&["addr", "add", "10.8.1.1/24", "dev", "v1"]);
        ip(&["neigh", "add", "10.9.0.7", "lladdr", "02:00:00:00:00:07", "dev", "v0", "nud", "permanent"]);
        ip(&["neigh", "add", "10.8.1.7", "lladdr", "02:00:00:00:00:08", "dev", "v1", "nud", "permanent"]);
        let (v0, v1, br0) = (ifindex("v0"), ifindex("v1"), ifindex("br0"));
        let mut s = Socket::new().unwrap();
        // the ifindex of each message (ifa_index, ndm_ifindex, ifi_index)
        let mut collect = |req: Vec<u8>, at: usize| {
            let mut got = Vec::new();
            let sum = s
                .dump(&req, |m| match m.body() {
                    RtnlMessage::Family(f) => {
                        let h = f.header_bytes();
                        got.push(u32::from_ne_bytes(h[at..at + 4].try_into().unwrap()));
                    }
                    RtnlMessage::Link(l) => got.push(l.header().ifi_index.get() as u32),
                    RtnlMessage::Addr(a) => got.push(a.header().ifa_index.get()),
                    RtnlMessage::Neigh(n) => got.push(n.header().ndm_ifindex.get() as u32),
                    _ => {}
                })
                .unwrap();
            (sum.filtered, got)
        };
        let (filtered, idx) = collect(addr_dump_request(1, 2, Some(v0)), 4);
        assert!(filtered && !idx.is_empty() && idx.iter().all(|&i| i == v0), "{idx:?}");
        let (_, all) = collect(addr_dump_request(2, 2, None), 4);
        assert!(all.contains(&v1) && all.contains(&v0), "{all:?}");

        let (filtered, idx) = collect(neigh_dump_request(3, 2, Some(v0), None), 4);
        assert!(filtered && idx == [v0], "{idx:?}");

        let (filtered, idx) =
            collect(link_dump_request_where(4, 0, 0, &LinkFilter { kind: Some("bridge"), master: None }).unwrap(), 4);
        assert!(filtered && idx == [br0], "{idx:?}");
        let (filtered, idx) =
            collect(link_dump_request_where(5, 0, 0, &LinkFilter { kind: None, master: Some(br0) }).unwrap(), 4);
        assert!(filtered && idx == [v1], "{idx:?}");
    });
}

/// The link dumps the kernel keeps its own rules for: an `AF_INET6` one takes
/// no attribute (the mask that makes the others complete is refused with
/// "Invalid data after header", seen on 5.10 and kept by this kernel), an
/// `AF_BRIDGE` one takes the mask.
#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn link_dumps_of_every_family_are_accepted() {
    live!();
    with_scratch_netns(|| {
        let mut s = Socket::new().unwrap();
        for family in [0u8, 7, 10] {
            let seq = s.next_seq();
            let sum = s.dump(&rtnl_io::link_dump_request(seq, family, 0), |_| {});
            assert!(sum.is_ok(), "family {family}: {:?}", sum.err());
        }
    });
}
