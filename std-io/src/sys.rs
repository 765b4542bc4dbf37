//! The one place rtnl-io calls libc directly: netlink socket options that
//! nix does not wrap (`SOL_NETLINK` level).
#![allow(unsafe_code)]

use std::os::fd::{AsRawFd, BorrowedFd};

use nix::errno::Errno;

/// `SOL_NETLINK`.
pub const SOL_NETLINK: libc::c_int = 270;
/// `NETLINK_ADD_MEMBERSHIP`.
pub const NETLINK_ADD_MEMBERSHIP: libc::c_int = 1;
/// `NETLINK_DROP_MEMBERSHIP`.
pub const NETLINK_DROP_MEMBERSHIP: libc::c_int = 2;
/// `NETLINK_CAP_ACK`.
pub const NETLINK_CAP_ACK: libc::c_int = 10;
/// `NETLINK_EXT_ACK`.
pub const NETLINK_EXT_ACK: libc::c_int = 11;
/// `NETLINK_GET_STRICT_CHK`.
pub const NETLINK_GET_STRICT_CHK: libc::c_int = 12;

/// `setsockopt(fd, SOL_NETLINK, opt, &value, sizeof(int))`.
pub fn set_netlink_opt(fd: BorrowedFd<'_>, opt: libc::c_int, value: libc::c_int) -> Result<(), Errno> {
    // SAFETY: `fd` is a live descriptor for the duration of the borrow, and
    // the option value points to a c_int whose size is passed alongside.
    let rc = unsafe {
        libc::setsockopt(
            fd.as_raw_fd(),
            SOL_NETLINK,
            opt,
            (&value as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
    Errno::result(rc).map(drop)
}

/// Restores the default `SIGPIPE` action, so that a command-line tool
/// whose output pipe closes ends quietly, as C tools do, instead of failing
/// on every write.
pub fn default_sigpipe() {
    // SAFETY: installing SIG_DFL runs no handler code; it only resets the
    // disposition Rust's runtime set to SIG_IGN at start-up.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
