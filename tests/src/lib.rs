//! Shared helpers for the rtnl tests: finding the golden files, and running
//! code in a private network namespace with `ip` available.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A visitor that counts the values it is shown and allocates nothing.
#[derive(Debug, Default)]
pub struct Count(pub usize);

impl rtnl_core::wire::visit::Visitor for Count {
    fn value(&mut self, _: rtnl_core::wire::visit::Value<'_>) {
        self.0 += 1;
    }
    fn begin_object(&mut self) {}
    fn key(&mut self, _: &str) {}
    fn end_object(&mut self) {}
    fn begin_array(&mut self) {}
    fn end_array(&mut self) {}
}

/// The repository's `testdata/` folder.
pub fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata")
}

/// Every `*.bin` capture directly in `testdata/` (this machine's kernel,
/// native byte order), sorted. The other kernels' corpus, in
/// `testdata/kernels/`, has its own test (`tests/corpus.rs`).
pub fn golden_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(testdata())
        .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "bin")).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Whether live-kernel tests can run here (root, and `ip` present).
pub fn can_run_live() -> bool {
    nix::unistd::geteuid().is_root() && Command::new("ip").arg("-V").output().is_ok()
}

/// Runs `ip ARGS` (in the calling thread's network namespace) and returns
/// its stdout; panics with its stderr on failure.
pub fn ip(args: &[&str]) -> String {
    let out = Command::new("ip").args(args).output().expect("run ip");
    assert!(out.status.success(), "ip {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 from ip")
}

/// Runs `f` in a fresh private network namespace with `lo` up and a veth
/// pair `v0`/`v1` up, `v0` holding 10.9.0.1/24 and fd00:9::1/64.
pub fn with_scratch_netns<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    rtnl_io::netns::in_private_netns(move || {
        ip(&["link", "set", "lo", "up"]);
        ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
        ip(&["link", "set", "v0", "up"]);
        ip(&["link", "set", "v1", "up"]);
        ip(&["addr", "add", "10.9.0.1/24", "dev", "v0"]);
        ip(&["-6", "addr", "add", "fd00:9::1/64", "dev", "v0", "nodad"]);
        f()
    })
    .expect("private network namespace")
}
