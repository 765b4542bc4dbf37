//! The layer-3 families with a fixed header: addresses, address labels,
//! neighbours (and bridge FDB entries), neighbour tables, netconf, nsid,
//! prefix, rule, next-hop (and bucket) messages and multicast cache reports
//! (IPv4 and IPv6). A valid
//! nlmsghdr, a header from `Arbitrary`, then attributes generated from the
//! family's tables (`IFA_*`, `IFAL_*`, `NDA_*`, `NDTA_*` with `NDTPA_*`) or
//! fuzzed raw attributes. The first byte picks the family and type.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtnl_core::addr::{self, AddrAttr, AddrLabelAttr, IfAddrLblMsg, IfAddrMsg};
use rtnl_core::mroute::{Ip6mrReportAttr, Ip6mrReportMsg, IpmrReportAttr, IpmrReportMsg, RTM_NEWCACHEREPORT};
use rtnl_core::neigh::{self, NdMsg, NdtMsg, NeighAttr, NeighTblAttr};
use rtnl_core::netconf::{self, NetconfAttr, NetconfMsg};
use rtnl_core::nexthop::{self, NexthopAttr, NhMsg};
use rtnl_core::nsid::{self, NsidAttr, RtGenMsg};
use rtnl_core::prefix::{self, PrefixAttr, PrefixMsg};
use rtnl_core::rule::{self, FibRuleHdr, RuleAttr};
use rtnl_core::wire::NativeEndian;

type N = NativeEndian;

fuzz_target!(|data: &[u8]| {
    let Some((k, rest)) = data.split_first() else { return };
    let pick = |types: &[u16]| types[usize::from(k >> 3) % types.len()];
    match k & 7 {
        0 | 1 => {
            // a multicast or anycast dump reply has the same layout
            let ty = pick(&[addr::RTM_NEWADDR, addr::RTM_GETMULTICAST, addr::RTM_GETANYCAST]);
            rtnl_fuzz::check_family::<IfAddrMsg<N>, AddrAttr<'_, N>>(rest, ty, |h| h.ifa_family)
        }
        2 => rtnl_fuzz::check_family::<IfAddrLblMsg<N>, AddrLabelAttr<'_, N>>(rest, addr::RTM_NEWADDRLABEL, |h| {
            h.ifal_family
        }),
        3..=5 => {
            let ty = pick(&[neigh::RTM_NEWNEIGH, neigh::RTM_DELNEIGH, neigh::RTM_GETNEIGH]);
            rtnl_fuzz::check_family::<NdMsg<N>, NeighAttr<'_, N>>(rest, ty, |h| h.ndm_family)
        }
        6 => {
            let ty = pick(&[neigh::RTM_NEWNEIGHTBL, neigh::RTM_SETNEIGHTBL]);
            rtnl_fuzz::check_family::<NdtMsg<N>, NeighTblAttr<'_, N>>(rest, ty, |h| h.ndtm_family)
        }
        _ => match (k >> 3) % 7 {
            0 => rtnl_fuzz::check_family::<NetconfMsg, NetconfAttr<'_, N>>(rest, netconf::RTM_NEWNETCONF, |h| {
                h.ncm_family
            }),
            1 => rtnl_fuzz::check_family::<RtGenMsg, NsidAttr<'_, N>>(rest, nsid::RTM_NEWNSID, |h| h.rtgen_family),
            2 => rtnl_fuzz::check_family::<FibRuleHdr<N>, RuleAttr<'_, N>>(rest, rule::RTM_NEWRULE, |h| h.family),
            3 => {
                let ty = if k & 0x80 != 0 { nexthop::RTM_NEWNEXTHOPBUCKET } else { nexthop::RTM_NEWNEXTHOP };
                rtnl_fuzz::check_family::<NhMsg<N>, NexthopAttr<'_, N>>(rest, ty, |h| h.nh_family)
            }
            4 => rtnl_fuzz::check_family::<IpmrReportMsg, IpmrReportAttr<'_, N>>(rest, RTM_NEWCACHEREPORT, |h| {
                h.rtgen_family
            }),
            5 => rtnl_fuzz::check_family::<Ip6mrReportMsg, Ip6mrReportAttr<'_, N>>(rest, RTM_NEWCACHEREPORT, |h| {
                h.rtgen_family
            }),
            _ => rtnl_fuzz::check_family::<PrefixMsg<N>, PrefixAttr<'_, N>>(rest, prefix::RTM_NEWPREFIX, |h| {
                h.prefix_family
            }),
        },
    }
});
