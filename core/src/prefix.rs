//! IPv6 prefix notifications (`RTM_NEWPREFIX`): a prefix learned from a
//! router advertisement. [`PrefixMsg`] (`struct prefixmsg`, its flags
//! [`IF_PREFIX_ONLINK`] and [`IF_PREFIX_AUTOCONF`]) and [`PrefixAttr`]
//! (`PREFIX_ADDRESS`, `PREFIX_CACHEINFO`).

use crate::net::Address;
use crate::typed::{FamilyHeader, Headered};
use crate::wire::{ByteOrder, NativeEndian, I32, U16, U32};

/// `RTM_NEWPREFIX`.
pub const RTM_NEWPREFIX: u16 = 52;

/// `IF_PREFIX_ONLINK`: the prefix is on-link.
pub const IF_PREFIX_ONLINK: u8 = 0x01;
/// `IF_PREFIX_AUTOCONF`: addresses may be configured from it (SLAAC).
pub const IF_PREFIX_AUTOCONF: u8 = 0x02;

zc_struct! {
    /// `struct prefixmsg`, the 12-byte header of a prefix notification.
    pub struct PrefixMsg<O> {
        /// `prefix_family`: `AF_INET6`.
        prefix_family: u8,
        /// `prefix_pad1`.
        prefix_pad1: u8,
        /// `prefix_pad2`.
        prefix_pad2: U16<O>,
        /// `prefix_ifindex`: the interface the advertisement came in on.
        prefix_ifindex: I32<O>,
        /// `prefix_type`: the ND option type (3, prefix information).
        prefix_type: u8,
        /// `prefix_len`: the prefix length.
        prefix_len: u8,
        /// `prefix_flags`: [`IF_PREFIX_ONLINK`], [`IF_PREFIX_AUTOCONF`].
        prefix_flags: u8,
        /// `prefix_pad3`.
        prefix_pad3: u8,
    }
}

struct_payload! {
    /// `struct prefix_cacheinfo` (`PREFIX_CACHEINFO`): lifetimes in seconds.
    pub struct PrefixCacheInfo<O> {
        /// `preferred_time`.
        preferred_time: U32<O>,
        /// `valid_time`.
        valid_time: U32<O>,
    }
}

attr_set! {
    /// A prefix attribute (`PREFIX_*`).
    pub enum PrefixAttr {
        /// The prefix.
        1 PREFIX_ADDRESS address => Address(Address<'a>),
        /// Its lifetimes.
        2 PREFIX_CACHEINFO cacheinfo => CacheInfo(PrefixCacheInfo<O>),
    }
}

impl<O: ByteOrder> FamilyHeader<O> for PrefixMsg<O> {
    type Attr<'a> = PrefixAttr<'a, O>;
    fn family(&self) -> u8 {
        self.prefix_family
    }
}

/// A prefix notification: the `prefixmsg` header and lazily decoded
/// attributes.
pub type PrefixMessage<'a, O = NativeEndian> = Headered<'a, O, PrefixMsg<O>>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{Message, RtnlMessage};
    use crate::wire::{LittleEndian, Messages, SliceBuffer, Writer};

    #[test]
    fn a_prefix_notification_round_trips() {
        let mut out = [0u8; 64];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut out));
        let hdr = PrefixMsg::<LittleEndian> {
            prefix_family: 10,
            prefix_ifindex: 3.into(),
            prefix_type: 3,
            prefix_len: 64,
            prefix_flags: IF_PREFIX_ONLINK | IF_PREFIX_AUTOCONF,
            ..Default::default()
        };
        crate::typed::request(&mut w, RTM_NEWPREFIX, 0, 0, &hdr, |a| {
            a.address(core::net::Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0).into())?;
            a.cacheinfo(PrefixCacheInfo { preferred_time: 600.into(), valid_time: 3600.into() })?;
            Ok(())
        })
        .unwrap();
        let n = w.len();
        assert_eq!(n, 16 + 12 + 20 + 12);
        let raw = Messages::<LittleEndian>::with_order(&out[..n]).next().unwrap().unwrap();
        let msg = Message::decode(raw);
        let RtnlMessage::Prefix(p) = msg.body() else { panic!("{msg:?}") };
        assert_eq!(p.header().prefix_len, 64);
        let ci = p.attrs().find_map(|a| match a {
            Ok(PrefixAttr::CacheInfo(c)) => Some(c.valid_time.get()),
            _ => None,
        });
        assert_eq!(ci, Some(3600));
        assert_eq!(msg.first_error(), None);
    }
}
