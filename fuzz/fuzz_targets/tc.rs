//! Traffic control: qdisc, class, filter and chain messages (`tcmsg`, then
//! `TCA_*` with options and statistics selected by message type and kind)
//! and action messages (`tcamsg`, then `TCA_ROOT_*` with action tables). A
//! valid nlmsghdr, a header from `Arbitrary`, then attributes generated
//! from the tables or fuzzed raw attributes. The first byte picks the type.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtnl_core::tc::{self, ActionRootAttr, TcAttr, TcMsg, TcaMsg};
use rtnl_core::wire::NativeEndian;

type N = NativeEndian;

fuzz_target!(|data: &[u8]| {
    let Some((k, rest)) = data.split_first() else { return };
    const TYPES: [u16; 8] = [
        tc::RTM_NEWQDISC,
        tc::RTM_DELQDISC,
        tc::RTM_NEWTCLASS,
        tc::RTM_NEWTFILTER,
        tc::RTM_GETTFILTER,
        tc::RTM_NEWCHAIN,
        tc::RTM_NEWACTION,
        tc::RTM_GETACTION,
    ];
    let ty = TYPES[usize::from(*k) % TYPES.len()];
    if matches!(ty, tc::RTM_NEWACTION | tc::RTM_GETACTION) {
        rtnl_fuzz::check_family::<TcaMsg<N>, ActionRootAttr<'_, N>>(rest, ty, |h| h.tca_family)
    } else {
        rtnl_fuzz::check_family::<TcMsg<N>, TcAttr<'_, N>>(rest, ty, |h| h.tcm_family)
    }
});
