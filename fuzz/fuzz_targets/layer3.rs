//! Address and address label messages: a valid nlmsghdr, an `ifaddrmsg` or
//! `ifaddrlblmsg` from `Arbitrary`, then attributes generated from the
//! `IFA_*` / `IFAL_*` tables (addresses of the header's family, cache info,
//! flags, protocol) or fuzzed raw attributes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtnl_core::addr::{self, AddrAttr, AddrLabelAttr, IfAddrLblMsg, IfAddrMsg};
use rtnl_core::wire::NativeEndian;

fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        Some((k, rest)) if k & 1 == 0 => {
            // a multicast or anycast dump reply has the same layout
            let ty = [addr::RTM_NEWADDR, addr::RTM_GETMULTICAST, addr::RTM_GETANYCAST][usize::from(k >> 1) % 3];
            rtnl_fuzz::check_family::<IfAddrMsg<NativeEndian>, AddrAttr<'_, NativeEndian>>(rest, ty, |h| h.ifa_family)
        }
        Some((_, rest)) => rtnl_fuzz::check_family::<IfAddrLblMsg<NativeEndian>, AddrLabelAttr<'_, NativeEndian>>(
            rest,
            addr::RTM_NEWADDRLABEL,
            |h| h.ifal_family,
        ),
        None => {}
    }
});
