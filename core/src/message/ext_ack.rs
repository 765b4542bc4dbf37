//! The typed view of the extended-ack TLVs that `NLMSG_ERROR` and
//! `NLMSG_DONE` carry (the framing layer reads them in
//! [`wire::control`](crate::wire::control)).

use crate::typed::{Bytes, Nest, Uint};

attr_set! {
    /// An extended-ack TLV (`enum nlmsgerr_attrs`), found after the echoed
    /// request in `NLMSG_ERROR` and after the error in `NLMSG_DONE`.
    pub enum ExtAckAttr {
        /// Unused (0).
        0 NLMSGERR_ATTR_UNUSED unused => Unused(Bytes<'a>),
        /// The kernel's error message, e.g. "Nexthop has invalid gateway".
        1 NLMSGERR_ATTR_MSG msg => Msg(&'a str),
        /// Byte offset of the offending attribute from the start of the
        /// request's `nlmsghdr`.
        2 NLMSGERR_ATTR_OFFS offs => Offs(u32),
        /// A subsystem-specific cookie.
        3 NLMSGERR_ATTR_COOKIE cookie => Cookie(Bytes<'a>),
        /// The policy the rejected attribute violated.
        4 NLMSGERR_ATTR_POLICY policy => Policy(Nest<'a, O, PolicyAttr<'a, O>>) nest PolicyAttr,
        /// Id of a missing required attribute.
        5 NLMSGERR_ATTR_MISS_TYPE miss_type => MissType(u32),
        /// Offset of the nest in which an attribute is missing.
        6 NLMSGERR_ATTR_MISS_NEST miss_nest => MissNest(u32),
    }
}

attr_set! {
    /// A policy description (`enum netlink_policy_type_attr`), inside
    /// `NLMSGERR_ATTR_POLICY`.
    pub enum PolicyAttr {
        /// The attribute's type (`enum netlink_attribute_type`).
        1 NL_POLICY_TYPE_ATTR_TYPE kind => Type(u32),
        /// Minimum for signed integers.
        2 NL_POLICY_TYPE_ATTR_MIN_VALUE_S min_value_s => MinValueS(u64),
        /// Maximum for signed integers.
        3 NL_POLICY_TYPE_ATTR_MAX_VALUE_S max_value_s => MaxValueS(u64),
        /// Minimum for unsigned integers.
        4 NL_POLICY_TYPE_ATTR_MIN_VALUE_U min_value_u => MinValueU(u64),
        /// Maximum for unsigned integers.
        5 NL_POLICY_TYPE_ATTR_MAX_VALUE_U max_value_u => MaxValueU(u64),
        /// Minimum length of binary attributes.
        6 NL_POLICY_TYPE_ATTR_MIN_LENGTH min_length => MinLength(u32),
        /// Maximum length of binary attributes.
        7 NL_POLICY_TYPE_ATTR_MAX_LENGTH max_length => MaxLength(u32),
        /// Sub-policy index for nests.
        8 NL_POLICY_TYPE_ATTR_POLICY_IDX policy_idx => PolicyIdx(u32),
        /// Maximum attribute of the sub-policy.
        9 NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE policy_maxtype => PolicyMaxType(u32),
        /// Valid bits of a bitfield32.
        10 NL_POLICY_TYPE_ATTR_BITFIELD32_MASK bitfield32_mask => Bitfield32Mask(u32),
        /// Padding.
        11 NL_POLICY_TYPE_ATTR_PAD pad => Pad(Bytes<'a>),
        /// Valid bits of an unsigned integer.
        12 NL_POLICY_TYPE_ATTR_MASK mask => Mask(Uint),
    }
}
