//! Bounded depth: a route message whose `RTA_MULTIPATH` next hops nest
//! 5,000 levels deep (built as the issue describes) decodes, renders
//! (JSON and serde) and re-encodes byte for byte on a thread with a 64 KiB
//! stack. Before the bound, decoding it recursed once per 12 bytes and
//! overflowed the stack at about 3,400 levels.

use rtnl_core::message::{Message, RtnlMessage};
use rtnl_core::route::RouteAttr;
use rtnl_core::typed::{PathName, MAX_DEPTH};
use rtnl_core::wire::{DecodeErrorKind, Messages, PathElem};

/// `RTM_NEWROUTE` whose attributes are `levels` nested `RTA_MULTIPATH`s,
/// each holding one `rtnexthop` (ifindex 2) that holds the next.
pub fn deep_multipath(levels: usize) -> Vec<u8> {
    let mut inner: Vec<u8> = Vec::new();
    for _ in 0..levels {
        let mut h = Vec::with_capacity(inner.len() + 12);
        h.extend_from_slice(&((8 + inner.len()) as u16).to_ne_bytes());
        h.extend_from_slice(&[0, 0]);
        h.extend_from_slice(&2i32.to_ne_bytes());
        h.extend_from_slice(&inner);
        let mut a = Vec::with_capacity(h.len() + 4);
        a.extend_from_slice(&((4 + h.len()) as u16).to_ne_bytes());
        a.extend_from_slice(&9u16.to_ne_bytes());
        a.extend_from_slice(&h);
        inner = a;
    }
    let mut msg = Vec::new();
    msg.extend_from_slice(&((16 + 12 + inner.len()) as u32).to_ne_bytes());
    msg.extend_from_slice(&24u16.to_ne_bytes()); // RTM_NEWROUTE
    msg.extend_from_slice(&[0; 10]);
    msg.extend_from_slice(&[2, 24, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0]); // rtmsg
    msg.extend_from_slice(&inner);
    msg
}

fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    on_stack(64 * 1024, f)
}

fn on_stack<T: Send + 'static>(size: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(size).spawn(f).unwrap().join().unwrap()
}

#[test]
fn five_thousand_levels_decode_render_and_reencode_on_a_64k_stack() {
    let bytes = deep_multipath(5000);
    assert!(bytes.len() > 60_000);
    let (err, json, serde, again, names) = on_small_stack(move || {
        let raw = Messages::new(&bytes).next().unwrap().unwrap();
        let msg = Message::decode(raw);
        let err = msg.first_error();
        let json = rtnl_io::json::to_json(&msg);
        let serde = serde_json::to_string(&msg).unwrap();
        let again = rtnl_io::reencode(raw).unwrap();
        let mut names = Vec::new();
        if let Some(e) = err {
            msg.locate(e.offset, &mut |n| names.push(n.to_string()));
        }
        assert_eq!(again, bytes, "re-encodes byte for byte");
        (err, json, serde, again.len(), names)
    });
    let err = err.expect("the part below the bound is reported");
    assert_eq!(err.kind, DecodeErrorKind::TooDeep);
    // the path: RTA_MULTIPATH > [0] > RTA_MULTIPATH > [0] > ... down to the bound
    assert_eq!(err.path.len(), MAX_DEPTH - 1);
    assert!(err.path.iter().step_by(2).all(|e| e == PathElem::Attr(9)), "{}", err.path);
    assert!(err.path.iter().skip(1).step_by(2).all(|e| e == PathElem::Index(0)), "{}", err.path);
    assert_eq!(names.first().map(String::as_str), Some("RTA_MULTIPATH"));
    assert_eq!(names.get(1).map(String::as_str), Some("[0]"));
    // both renderings describe the same tree, the verbatim part as hex
    let a: serde_json::Value = serde_json::from_str(&json).unwrap();
    let b: serde_json::Value = serde_json::from_str(&serde).unwrap();
    assert_eq!(a, b);
    assert!(json.len() > 2 * 60_000, "the kept bytes are rendered as hex");
    assert!(again > 60_000);
    let _ = PathName::Index(0);
}

#[test]
fn the_levels_above_the_bound_stay_typed() {
    let bytes = deep_multipath(40);
    let msg = Message::decode(Messages::new(&bytes).next().unwrap().unwrap());
    let RtnlMessage::Route(r) = msg.body() else { panic!() };
    // walk down the typed levels until the one kept verbatim
    let mut levels = 0;
    let mut attr = r.attrs().next().unwrap().unwrap();
    loop {
        match attr {
            RouteAttr::Multipath(mp) => {
                levels += 1;
                let hop = mp.hops().next().unwrap().unwrap();
                attr = hop.attrs().next().unwrap().unwrap();
            }
            RouteAttr::Invalid(a, e) => {
                assert_eq!(e.kind, DecodeErrorKind::TooDeep);
                assert_eq!(a.id(), 9);
                break;
            }
            other => panic!("{other:?}"),
        }
    }
    // each level takes two steps of the path (the attribute and the hop)
    assert_eq!(levels, (MAX_DEPTH - 1) / 2);
}

/// `RTM_NEWLINK` whose veth peers nest `levels` deep: `IFLA_LINKINFO {
/// IFLA_INFO_KIND "veth", IFLA_INFO_DATA { VETH_INFO_PEER { ifinfomsg,
/// IFLA_LINKINFO { … } } } }`.
fn deep_veth(levels: usize) -> Vec<u8> {
    fn attr(id: u16, payload: &[u8]) -> Vec<u8> {
        let mut a = Vec::with_capacity(payload.len() + 8);
        a.extend_from_slice(&((4 + payload.len()) as u16).to_ne_bytes());
        a.extend_from_slice(&id.to_ne_bytes());
        a.extend_from_slice(payload);
        while a.len() % 4 != 0 {
            a.push(0);
        }
        a
    }
    let mut inner: Vec<u8> = Vec::new();
    for _ in 0..levels {
        let mut peer = vec![0u8; 16];
        peer.extend_from_slice(&inner);
        let data = attr(1, &peer); // VETH_INFO_PEER
        let mut info = attr(1, b"veth\0"); // IFLA_INFO_KIND
        info.extend_from_slice(&attr(2, &data)); // IFLA_INFO_DATA
        inner = attr(18, &info); // IFLA_LINKINFO
    }
    let mut msg = Vec::new();
    msg.extend_from_slice(&((16 + 16 + inner.len()) as u32).to_ne_bytes());
    msg.extend_from_slice(&16u16.to_ne_bytes()); // RTM_NEWLINK
    msg.extend_from_slice(&[0; 10]);
    msg.extend_from_slice(&[0; 16]); // ifinfomsg
    msg.extend_from_slice(&inner);
    msg
}

#[test]
fn veth_peers_nested_thousands_deep_decode_render_and_reencode_on_a_small_stack() {
    let bytes = deep_veth(2000);
    assert!(bytes.len() > 60_000);
    // 64 KiB in an optimised build (as .ci/run runs it); an unoptimised
    // build's frames for the link sets are larger: 128 KiB there
    let stack = if cfg!(debug_assertions) { 128 } else { 64 } * 1024;
    let (err, again) = on_stack(stack, move || {
        let raw = Messages::new(&bytes).next().unwrap().unwrap();
        let msg = Message::decode(raw);
        assert!(matches!(msg.body(), RtnlMessage::Link(_)));
        let err = msg.first_error();
        let json = rtnl_io::json::to_json(&msg);
        let _: serde_json::Value = serde_json::from_str(&json).unwrap();
        let again = rtnl_io::reencode(raw).unwrap();
        assert_eq!(again, bytes, "re-encodes byte for byte");
        (err, again.len())
    });
    assert_eq!(err.expect("the part below the bound is reported").kind, DecodeErrorKind::TooDeep);
    assert!(again > 60_000);
}
