//! rtnl-io
