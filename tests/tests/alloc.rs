//! rtnl-core allocates nothing: decoding every message of every capture in
//! testdata/ (this machine's and the seven kernels', both byte orders),
//! checking it strictly, rendering it to a visitor and re-encoding it into a
//! caller's buffer makes no heap allocation. A counting global allocator
//! counts this thread's allocations around exactly that work (reading the
//! files, before, is not counted).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;

use rtnl_core::message::Message;
use rtnl_core::wire::visit::Visit;
use rtnl_core::wire::{BigEndian, ByteOrder, LittleEndian, Messages, SliceBuffer, Writer};
use rtnl_tests::Count;

struct Counting;

thread_local! {
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocs() -> usize {
    ALLOCS.with(Cell::get)
}

/// Decodes, checks, renders and re-encodes every message; returns the
/// number of messages and of rendered values.
fn work<O: ByteOrder>(data: &[u8], out: &mut [u8]) -> (usize, usize) {
    let (mut n, mut values) = (0, 0);
    for m in Messages::<O>::with_order(data).flatten() {
        let msg = Message::decode(m);
        let _ = msg.first_error();
        let mut c = Count(0);
        msg.visit(&mut c);
        values += c.0;
        let mut w = Writer::<_, O>::with_order(SliceBuffer::new(out));
        msg.emit(&mut w).expect("fits");
        assert_eq!(w.into_inner().written(), m.bytes());
        n += 1;
    }
    (n, values)
}

fn files(dir: &Path, out: &mut Vec<(std::path::PathBuf, bool)>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "bin") {
            let big = p.parent().and_then(|d| d.file_name()).is_some_and(|d| d.to_string_lossy().ends_with("s390x"));
            out.push((p, big));
        }
    }
}

#[test]
fn decoding_rendering_and_reencoding_every_capture_allocates_nothing() {
    let mut list = Vec::new();
    files(&rtnl_tests::testdata(), &mut list);
    let data: Vec<(Vec<u8>, bool)> = list.iter().map(|(p, big)| (std::fs::read(p).unwrap(), *big)).collect();
    assert!(data.len() > 100, "{} capture files", data.len());
    let mut out = vec![0u8; 1 << 17];
    let before = allocs();
    let (mut msgs, mut values) = (0, 0);
    for (d, big) in &data {
        // testdata/*.bin are this x86_64 machine's; the kernels' say their order
        let (n, v) = if *big { work::<BigEndian>(d, &mut out) } else { work::<LittleEndian>(d, &mut out) };
        msgs += n;
        values += v;
    }
    let after = allocs();
    assert_eq!(after - before, 0, "rtnl-core allocated while handling {msgs} messages");
    assert!(msgs > 5000 && values > 100_000, "{msgs} messages, {values} values");
}

/// Issue 7, deliver 8: the transport's steady state allocates nothing: once
/// a socket has made its first dump (and grown its buffer), dumping 2,000
/// routes again, and receiving notifications, make no heap allocation.
#[test]
#[cfg_attr(not(rtnl_live), ignore = "needs root and iproute2")]
fn dumps_and_notifications_allocate_nothing_in_steady_state() {
    use rtnl_core::message::RtnlMessage;
    use rtnl_io::{Event, Socket};
    assert!(rtnl_tests::can_run_live(), "live-kernel tests need root and iproute2");
    rtnl_tests::with_scratch_netns(|| {
        let batch: String = (0..2000).map(|i| format!("route add 10.30.{}.{}/32 dev v0\n", i >> 8, i & 0xff)).collect();
        let file = std::env::temp_dir().join(format!("rtnl-alloc-{}.batch", std::process::id()));
        std::fs::write(&file, batch).unwrap();
        rtnl_tests::ip(&["-batch", file.to_str().unwrap()]);
        std::fs::remove_file(&file).ok();

        let mut s = Socket::new().unwrap();
        let mut mon = Socket::new().unwrap();
        mon.add_membership(rtnl_core::message::consts::RTNLGRP_IPV4_ROUTE).unwrap();
        // requests built before counting (building is the caller's business)
        let reqs: Vec<Vec<u8>> = (0..3).map(|_| rtnl_io::route_dump_request(s.next_seq(), 2)).collect();
        let add = {
            let mut w = rtnl_core::wire::Writer::new(rtnl_io::VecBuffer::default());
            let hdr: rtnl_core::route::RtMsg = rtnl_core::route::RtMsg {
                rtm_family: 2,
                rtm_dst_len: 32,
                rtm_table: 254,
                rtm_protocol: 4,
                rtm_scope: 253,
                rtm_type: 1,
                ..Default::default()
            };
            let oif = nix::net::if_::if_nametoindex("v0").unwrap();
            let flags = rtnl_core::wire::flags::Request::Add.flags();
            rtnl_core::route::request(&mut w, rtnl_core::route::RTM_NEWROUTE, flags, s.next_seq(), &hdr, |r| {
                r.dst(std::net::Ipv4Addr::new(10, 31, 0, 1).into())?.oif(oif)?;
                Ok(())
            })
            .unwrap();
            w.into_inner().0
        };
        // the first dump primes the socket and sizes its buffer
        let _ = s.dump(&reqs[0], |_| {}).unwrap();

        let before = allocs();
        let mut routes = 0;
        for req in &reqs[1..] {
            let sum = s
                .dump(req, |m| {
                    if let RtnlMessage::Route(r) = m.body() {
                        routes += r.attrs().flatten().count().min(1);
                    }
                })
                .unwrap();
            assert!(!sum.interrupted);
        }
        s.request(&add).unwrap();
        let mut notified = 0;
        mon.recv_events(|e| {
            if let Event::Message { msg, .. } = e {
                notified += matches!(msg.body(), RtnlMessage::Route(_)) as usize;
            }
        })
        .unwrap();
        let n = allocs() - before;
        assert!(routes >= 4000 && notified == 1, "{routes} routes, {notified} notifications");
        assert_eq!(n, 0, "{n} heap allocations in two dumps of 2,000 routes, a request and a notification");
    });
}
