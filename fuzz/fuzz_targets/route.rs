//! Route messages: a valid nlmsghdr + rtmsg with fuzzed family and
//! attributes (multipath hops, metrics, addresses of every family), so the
//! fuzzer spends its time inside the route attribute decoders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtnl_core::wire::NativeEndian;

fuzz_target!(|data: &[u8]| {
    let Some((&family, attrs)) = data.split_first() else { return };
    let len = 16 + 12 + attrs.len();
    if len > 65_000 {
        return;
    }
    let mut buf = [0u8; 65_100];
    buf[..4].copy_from_slice(&(len as u32).to_ne_bytes());
    buf[4..6].copy_from_slice(&24u16.to_ne_bytes()); // RTM_NEWROUTE
    buf[16] = family;
    buf[28..28 + attrs.len()].copy_from_slice(attrs);
    rtnl_fuzz::check_datagram::<NativeEndian>(&buf[..len]);
});
