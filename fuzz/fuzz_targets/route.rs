//! Route messages: a valid nlmsghdr, an `rtmsg` from `Arbitrary` (the
//! `arbitrary` feature of rtnl-core), then either attributes generated from
//! the route tables themselves (every RTA_*, encapsulations with their
//! selector, multipath hops) or fuzzed raw attributes, so that the fuzzer
//! spends its time inside the route attribute decoders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtnl_core::route::{self, RouteAttr, RtMsg};
use rtnl_core::wire::NativeEndian;

fuzz_target!(|data: &[u8]| {
    rtnl_fuzz::check_family::<RtMsg<NativeEndian>, RouteAttr<'_, NativeEndian>>(data, route::RTM_NEWROUTE, |h| {
        h.rtm_family
    });
});
