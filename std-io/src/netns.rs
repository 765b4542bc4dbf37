//! Network namespaces: entering a named one (`ip netns` names under
//! `/run/netns`), and running code in a fresh private one.

use std::fs::File;

use nix::sched::{setns, unshare, CloneFlags};

use crate::Error;

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
