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

/// `NETLINK_PKTINFO`: each received datagram carries its multicast group.
pub const NETLINK_PKTINFO: libc::c_int = 3;
/// `NETLINK_NO_ENOBUFS`: the kernel drops what does not fit without
/// reporting `ENOBUFS`.
pub const NETLINK_NO_ENOBUFS: libc::c_int = 5;
/// `NETLINK_LISTEN_ALL_NSID`: notifications from every namespace that has an
/// id in this one, each with that id.
pub const NETLINK_LISTEN_ALL_NSID: libc::c_int = 8;

/// What `recvmsg` said about a datagram besides its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RecvInfo {
    /// Bytes received (the datagram's full length with `MSG_TRUNC`).
    pub len: usize,
    /// The sender's port id (0: the kernel).
    pub port_id: u32,
    /// The multicast group it was sent to (`NETLINK_PKTINFO`), if any.
    pub group: Option<u32>,
    /// The namespace id it came from (`NETLINK_LISTEN_ALL_NSID`), if any.
    pub nsid: Option<i32>,
}

/// `recvmsg(fd, buf, flags)` with the sender's address and the netlink
/// control messages (`NETLINK_PKTINFO`, `NETLINK_LISTEN_ALL_NSID`), read
/// into a buffer on the stack: nothing is allocated.
pub fn recv_netlink(fd: BorrowedFd<'_>, buf: &mut [u8], flags: libc::c_int) -> Result<RecvInfo, Errno> {
    // SAFETY: all-zero is a valid sockaddr_nl, iovec and msghdr.
    let mut addr: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
    let mut iov = libc::iovec { iov_base: buf.as_mut_ptr().cast(), iov_len: buf.len() };
    // room for both control messages (16 bytes each on 64-bit), aligned
    let mut ctrl = [0u64; 8];
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_name = (&mut addr as *mut libc::sockaddr_nl).cast();
    msg.msg_namelen = std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t;
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctrl.as_mut_ptr().cast();
    msg.msg_controllen = std::mem::size_of_val(&ctrl) as _;
    // SAFETY: `msg` points at `addr`, `iov` (over `buf`) and `ctrl`, all
    // live and of the lengths given, for the duration of the call.
    let n = unsafe { libc::recvmsg(fd.as_raw_fd(), &mut msg, flags) };
    let len = Errno::result(n)? as usize;
    let mut info = RecvInfo { len, port_id: addr.nl_pid, group: None, nsid: None };
    // SAFETY: the CMSG_* helpers walk the control buffer the kernel filled
    // in, within `msg_controllen`; each payload is read unaligned, and only
    // when its header says it holds the 4 bytes read.
    unsafe {
        let mut c = libc::CMSG_FIRSTHDR(&msg);
        while !c.is_null() {
            let h = &*c;
            let have = h.cmsg_len as usize >= libc::CMSG_LEN(4) as usize;
            if h.cmsg_level == SOL_NETLINK && have {
                let data = libc::CMSG_DATA(c);
                match h.cmsg_type {
                    NETLINK_PKTINFO => info.group = Some(std::ptr::read_unaligned(data.cast::<u32>())),
                    NETLINK_LISTEN_ALL_NSID => info.nsid = Some(std::ptr::read_unaligned(data.cast::<i32>())),
                    _ => {}
                }
            }
            c = libc::CMSG_NXTHDR(&msg, c);
        }
    }
    Ok(info)
}

/// `strftime(format)` of the local time `secs` seconds after the epoch
/// (`localtime_r`, so the `TZ` the process has); `None` if the time has no
/// local form or the text exceeds 127 bytes.
pub fn local_time(secs: i64, format: &std::ffi::CStr) -> Option<String> {
    // time_t is 32 bits on some targets
    #[allow(clippy::useless_conversion)]
    let t: libc::time_t = secs.try_into().ok()?;
    // SAFETY: `tm` is plain data (zero is a valid value); localtime_r
    // writes only into it and returns null on failure.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call.
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return None;
    }
    let mut buf = [0u8; 128];
    // SAFETY: strftime writes at most `buf.len()` bytes (NUL included) into
    // `buf`, reads `format` (NUL-terminated) and `tm`, and returns the length
    // written without the NUL (0 if it did not fit).
    let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), buf.len(), format.as_ptr(), &tm) };
    if n == 0 {
        return None;
    }
    String::from_utf8(buf[..n].to_vec()).ok()
}

/// `fnmatch(pattern, name, 0)`: whether `name` matches the shell pattern
/// (`*`, `?`, `[…]`), as iproute2 matches address labels. A string with a
/// NUL byte matches nothing.
pub fn fnmatch(pattern: &str, name: &str) -> bool {
    let (Ok(p), Ok(n)) = (std::ffi::CString::new(pattern), std::ffi::CString::new(name)) else { return false };
    // SAFETY: both are NUL-terminated strings that live across the call,
    // which only reads them.
    unsafe { libc::fnmatch(p.as_ptr(), n.as_ptr(), 0) == 0 }
}
