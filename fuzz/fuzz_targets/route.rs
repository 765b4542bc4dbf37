//! Route messages: a valid nlmsghdr, an `rtmsg` from `Arbitrary` (the
//! `arbitrary` feature of rtnl-core), then either attributes generated from
//! the route tables themselves (every RTA_*, encapsulations with their
//! selector, multipath hops) or fuzzed raw attributes, so that the fuzzer
//! spends its time inside the route attribute decoders.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use rtnl_core::route::{self, RouteAttr, RtMsg};
use rtnl_core::typed::gen::{ArbitrarySet, GenCtx};
use rtnl_core::wire::{NativeEndian, SliceBuffer, Writer};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(hdr) = RtMsg::<NativeEndian>::arbitrary(&mut u) else { return };
    let Ok(from_tables) = bool::arbitrary(&mut u) else { return };
    let mut buf = [0u8; 70_000];
    let mut w = Writer::new(SliceBuffer::new(&mut buf));
    let Ok(m) = w.begin_msg(route::RTM_NEWROUTE, 0x22, 1, 0) else { return };
    if w.header(&hdr).is_err() {
        return;
    }
    let ok = if from_tables {
        let g = GenCtx { family: hdr.rtm_family, depth: 0 };
        RouteAttr::<'_, NativeEndian>::arbitrary_attrs(&mut u, g, &mut w).is_ok()
    } else {
        w.bytes(u.take_rest()).is_ok()
    };
    if !ok || w.end_msg(m).is_err() {
        return;
    }
    let out = w.into_inner();
    rtnl_fuzz::check_datagram::<NativeEndian>(out.written());
});
