//! Link messages: a valid nlmsghdr, an `ifinfomsg` from `Arbitrary` (the
//! `arbitrary` feature of rtnl-core), then either attributes generated from
//! the link tables themselves (every IFLA_*, each kind's options with its
//! `IFLA_INFO_KIND`, veth peers, statistics of every length) or fuzzed raw
//! attributes, so that the fuzzer spends its time inside the link decoders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtnl_core::link::{self, IfInfoMsg, LinkAttr};
use rtnl_core::wire::NativeEndian;

fuzz_target!(|data: &[u8]| {
    rtnl_fuzz::check_family::<IfInfoMsg<NativeEndian>, LinkAttr<'_, NativeEndian>>(data, link::RTM_NEWLINK, |h| {
        h.ifi_family
    });
});
