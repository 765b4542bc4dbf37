//! Shared helpers for the rtnl tests.
