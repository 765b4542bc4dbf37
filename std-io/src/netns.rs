//! Network namespaces: a socket opened inside another one (by `ip netns`
//! name, path, file descriptor or process) while the rest of the process
//! stays where it is, entering one, and running code in a fresh private one.

use std::fs::File;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};

use nix::sched::{setns, unshare, CloneFlags};

use crate::{Error, Socket};

/// A network namespace to open a socket in.
#[derive(Debug, Clone, Copy)]
pub enum Netns<'a> {
    /// A name made by `ip netns add` (`/run/netns/NAME`).
    Name(&'a str),
    /// A namespace file: a bind mount (`/run/netns/NAME`) or a process's
    /// `/proc/PID/ns/net`.
    Path(&'a Path),
    /// An open namespace file.
    Fd(BorrowedFd<'a>),
    /// The namespace of process `PID` (`/proc/PID/ns/net`).
    Pid(u32),
}

impl Netns<'_> {
    /// The namespace file, opened (or duplicated).
    pub fn open(&self) -> Result<OwnedFd, Error> {
        let path: PathBuf = match *self {
            Netns::Fd(fd) => {
                return fd.try_clone_to_owned().map_err(|e| Error::Other(format!("cannot duplicate {fd:?}: {e}")))
            }
            Netns::Name(name) => {
                if name.contains('/') || name == "." || name == ".." || name.is_empty() {
                    return Err(Error::Other(format!("invalid namespace name {name:?}")));
                }
                Path::new("/run/netns").join(name)
            }
            Netns::Path(p) => p.to_owned(),
            Netns::Pid(pid) => PathBuf::from(format!("/proc/{pid}/ns/net")),
        };
        File::open(&path)
            .map(OwnedFd::from)
            .map_err(|e| Error::Other(format!("cannot open network namespace {}: {e}", path.display())))
    }

    /// Runs `f` on a short-lived thread inside this namespace and returns
    /// its result; the calling thread, and the rest of the process, stay in
    /// their own. What `f` opens there (a socket) keeps belonging to it.
    pub fn run<T: Send>(&self, f: impl FnOnce() -> T + Send) -> Result<T, Error> {
        let fd = self.open()?;
        std::thread::scope(|s| {
            s.spawn(move || {
                setns(fd.as_fd(), CloneFlags::CLONE_NEWNET)
                    .map_err(|e| Error::Other(format!("setting the network namespace failed: {}", e.desc())))?;
                Ok(f())
            })
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    }

    /// A [`Socket`] inside this namespace: its requests, dumps and
    /// notifications are that namespace's.
    pub fn socket(&self) -> Result<Socket, Error> {
        self.run(Socket::new)?
    }
}

/// The id namespace `ns` has in `sock`'s namespace (`RTM_GETNSID` with
/// `NETNSA_FD`, as `ip netns list` asks): `None` when it has none
/// (`NETNSA_NSID_NOT_ASSIGNED`).
pub fn nsid_of(sock: &mut Socket, ns: &Netns<'_>) -> Result<Option<i32>, Error> {
    use rtnl_core::message::RtnlMessage;
    use rtnl_core::nsid::{self, RTM_GETNSID};
    use std::os::fd::AsRawFd;
    let fd = ns.open()?;
    let fd = u32::try_from(fd.as_raw_fd()).map_err(|_| Error::Other("a negative file descriptor".into()))?;
    let mut w = rtnl_core::wire::Writer::new(crate::VecBuffer::default());
    nsid::request(&mut w, RTM_GETNSID, rtnl_core::wire::flags::Request::Plain.flags(), sock.next_seq(), |a| {
        a.fd(fd).map(drop)
    })?;
    let mut id = None;
    sock.request_with(&w.into_inner().0, |m| {
        if let RtnlMessage::Nsid(n) = m.body() {
            id = n.nsid();
        }
    })?;
    match id {
        Some(i) if i >= 0 => Ok(Some(i)),
        Some(_) => Ok(None),
        None => Err(Error::Other("the kernel answered RTM_GETNSID without NETNSA_NSID".into())),
    }
}

/// Gives namespace `ns` the id `nsid` in `sock`'s namespace (`RTM_NEWNSID`
/// with `NETNSA_FD`, as `ip netns set`); `None` lets the kernel choose.
pub fn set_nsid(sock: &mut Socket, ns: &Netns<'_>, nsid: Option<i32>) -> Result<(), Error> {
    use rtnl_core::nsid::{self, NETNSA_NSID_NOT_ASSIGNED, RTM_NEWNSID};
    use std::os::fd::AsRawFd;
    let fd = ns.open()?;
    let raw = u32::try_from(fd.as_raw_fd()).map_err(|_| Error::Other("a negative file descriptor".into()))?;
    let mut w = rtnl_core::wire::Writer::new(crate::VecBuffer::default());
    nsid::request(&mut w, RTM_NEWNSID, rtnl_core::wire::flags::Request::Plain.flags(), sock.next_seq(), |a| {
        a.fd(raw)?.nsid(nsid.unwrap_or(NETNSA_NSID_NOT_ASSIGNED)).map(drop)
    })?;
    sock.request(&w.into_inner().0)?;
    drop(fd);
    Ok(())
}

/// Moves the calling thread into the network namespace `name`
/// (`/run/netns/NAME`, as `ip netns add` makes). Sockets opened afterwards
/// on this thread belong to it.
pub fn enter(name: &str) -> Result<(), Error> {
    if name.contains('/') || name == "." || name == ".." || name.is_empty() {
        return Err(Error::Other(format!("invalid namespace name {name:?}")));
    }
    let path = format!("/run/netns/{name}");
    let f = File::open(&path).map_err(|e| Error::Other(format!("cannot open network namespace {path}: {e}")))?;
    setns(f, CloneFlags::CLONE_NEWNET)
        .map_err(|e| Error::Other(format!("setting the network namespace {name:?} failed: {}", e.desc())))
}

/// Runs `f` on a new thread inside a fresh, private network namespace
/// (`unshare(CLONE_NEWNET)`), which disappears when the thread ends. Needs
/// `CAP_SYS_ADMIN`. Nothing `f` does touches the caller's namespace.
pub fn in_private_netns<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, Error> {
    std::thread::spawn(move || {
        unshare(CloneFlags::CLONE_NEWNET)
            .map_err(|e| Error::Other(format!("unshare(CLONE_NEWNET) failed: {}", e.desc())))?;
        Ok(f())
    })
    .join()
    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
