//! Route messages: a valid nlmsghdr, an `rtmsg` from `Arbitrary` (the
//! `arbitrary` feature of rtnl-core) and fuzzed attributes (multipath hops,
//! metrics, addresses of every family), so the fuzzer spends its time
//! inside the route attribute decoders.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use rtnl_core::route::{self, RtMsg};
use rtnl_core::wire::{NativeEndian, SliceBuffer, Writer};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(hdr) = RtMsg::<NativeEndian>::arbitrary(&mut u) else { return };
    let attrs = u.take_rest();
    let mut buf = [0u8; 70_000];
    let mut w = Writer::new(SliceBuffer::new(&mut buf));
    let ok = route::write_request(&mut w, route::RTM_NEWROUTE, 0x22, 1, &hdr, |w| w.bytes(attrs));
    if ok.is_err() {
        return;
    }
    let out = w.into_inner();
    rtnl_fuzz::check_datagram::<NativeEndian>(out.written());
});
