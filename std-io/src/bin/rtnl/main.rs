//! `rtnl`: an iproute2-like tool on rtnl-core and rtnl-io.
//!
//! ```text
//! rtnl [-n NETNS] [-j] [-4|-6|-M] route show [table T|all]
//! rtnl [-n NETNS] route add|del|replace|change|append PREFIX [via GW] [dev IF] ...
//! rtnl [-n NETNS] [-j] monitor [route|all]
//! rtnl decode [--json] [--check] [--endian big|little|auto] [FILE|-]
//! ```

mod batch;
mod capture;
mod decode;
mod encap;
mod monitor;
mod route;

use std::process::ExitCode;

/// `-n NETNS`, for the lookups by interface name made while parsing.
pub static NETNS: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Options that come before the object.
#[derive(Debug, Default, Clone)]
pub struct Global {
    /// `-j`: JSON output.
    pub json: bool,
    /// `--json=kernel`: JSON objects named as the kernel names things, one
    /// per message and line (what `-j` printed before it printed ip's JSON).
    pub json_kernel: bool,
    /// `-4` / `-6`: address family filter (0 = unspecified).
    pub family: u8,
    /// `--capture FILE`: record every datagram received to FILE.
    pub capture: Option<String>,
    /// `-n NETNS`: the namespace the sockets are opened in (the process
    /// itself stays in its own).
    pub netns: Option<String>,
    /// `-rcvbuf SIZE`: the monitor's receive queue (default 1 MiB, as ip's).
    pub rcvbuf: Option<usize>,
}

impl Global {
    /// A socket, recording to the `--capture` file if one was given.
    pub fn socket(&self) -> Result<rtnl_io::Socket, String> {
        let mut s = self.plain_socket()?;
        if let Some(path) = &self.capture {
            let f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|e| format!("cannot open {path}: {e}"))?;
            s.record_to(Some(Box::new(f)));
        }
        Ok(s)
    }
    /// A socket in `-n`'s namespace (or this process's), recording nothing.
    pub fn plain_socket(&self) -> Result<rtnl_io::Socket, String> {
        match &self.netns {
            Some(n) => rtnl_io::netns::Netns::Name(n).socket(),
            None => rtnl_io::Socket::new(),
        }
        .map_err(|e| e.to_string())
    }
}

const USAGE: &str = "usage: rtnl [-n NETNS] [-j] [-4|-6|-M] OBJECT COMMAND [ARGS]
objects and commands:
  route show [table T|all]          list routes (like `ip route show`)
  route add|del|replace|change|append|prepend PREFIX [via GW] [dev IF] [table T]
        [metric N] [proto P] [scope S] [src A] [mtu N] [encap ENCAP]
        [nexthop [encap ENCAP] via GW dev IF weight W ...]
        -M: PREFIX is a label, [as to LABEL[/LABEL...]] [via inet|inet6 GW]
        ENCAP := mpls LABEL[/LABEL...] [ttl N]
               | ip|ip6 [id N] [dst A] [src A] [tos|tc N] [ttl|hoplimit N] [key] [csum] [seq]
               | seg6 mode inline|encap|l2encap|encap.red|l2encap.red segs A,B,... [hmac K]
               | seg6local action ACTION [table T] [vrftable T] [nh4 A] [nh6 A] [iif D] [oif D]
                           [srh segs A,B,... [hmac K]] [count]
               | rpl segs A,B,... | ila LOCATOR [csum-mode M] [ident-type T] [hook-type H]
               | xfrm if_id N [link_dev D]
  monitor [route|all]               print notifications until interrupted
  decode [--json] [--check] [--endian big|little|auto] [FILE|-]
                                    decode raw netlink bytes (as received)
  capture dump RTM_GETxxx [family N] FILE
                                    write a dump's reply datagrams verbatim
options:
  -n NETNS   run inside the network namespace /run/netns/NETNS
  -rcvbuf SIZE  the monitor's receive queue in bytes (default 1 MiB, as ip's)
  -batch FILE  run the commands in FILE (- for stdin), one per line, as ip -batch;
               route changes go to the kernel in batches
  -force     with -batch: carry on after a failing command
  -j         print JSON as ip -j does (route show: an array of ip's objects)
  --json=kernel  JSON named as the kernel names things, one object per message
  --capture FILE  append every datagram received to FILE (raw)
  -4, -6     IPv4 or IPv6 only
  -M, -f mpls  MPLS routes";

fn main() -> ExitCode {
    rtnl_io::sys::default_sigpipe();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut g = Global::default();
    let (mut batch, mut force) = (None, false);
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-j" | "-json" | "--json" => g.json = true,
            "--json=kernel" => {
                g.json = true;
                g.json_kernel = true;
            }
            "-4" => g.family = libc::AF_INET as u8,
            "-6" => g.family = libc::AF_INET6 as u8,
            "-M" => g.family = libc::AF_MPLS as u8,
            "-f" | "-family" => {
                g.family = match args.get(i + 1).map(String::as_str) {
                    Some("inet") => libc::AF_INET as u8,
                    Some("inet6") => libc::AF_INET6 as u8,
                    Some("mpls") => libc::AF_MPLS as u8,
                    Some(f) => return Err(format!("invalid protocol family \"{f}\" (inet, inet6, mpls)")),
                    None => return Err("-f needs a family (inet, inet6, mpls)".into()),
                };
                i += 1;
            }
            "--capture" => {
                g.capture = Some(args.get(i + 1).ok_or("--capture needs a file")?.clone());
                i += 1;
            }
            "-rcvbuf" | "-rcvbuff" => {
                let v = args.get(i + 1).ok_or("-rcvbuf needs a size in bytes")?;
                g.rcvbuf = Some(v.parse().map_err(|_| format!("invalid -rcvbuf {v:?}"))?);
                i += 1;
            }
            "-n" | "-netns" => {
                let name = args.get(i + 1).ok_or("-n needs a namespace name")?;
                // checked now, used by each socket
                rtnl_io::netns::Netns::Name(name).open().map_err(|e| e.to_string())?;
                g.netns = Some(name.clone());
                let _ = NETNS.set(name.clone());
                i += 1;
            }
            "-b" | "-batch" => {
                batch = Some(args.get(i + 1).ok_or("-batch needs a file (- for stdin)")?.clone());
                i += 1;
            }
            "-force" => force = true,
            "-V" | "-Version" | "--version" => {
                println!("rtnl utility, rtnl {}", env!("CARGO_PKG_VERSION"));
                return Ok(ExitCode::SUCCESS);
            }
            "-h" | "-help" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            _ => break,
        }
        i += 1;
    }
    if let Some(file) = batch {
        return batch::run(&g, &file, force);
    }
    dispatch(&g, &args[i..])
}

/// Runs one command (`OBJECT COMMAND ARGS`).
pub fn dispatch(g: &Global, rest: &[String]) -> Result<ExitCode, String> {
    let g = g.clone();
    let Some(object) = rest.first() else {
        return Err(USAGE.to_owned());
    };
    match object_of(object) {
        Some("route") => route::run(&g, &rest[1..]),
        Some("monitor") => monitor::run(&g, &rest[1..]),
        Some("decode") => decode::run(&g, &rest[1..]),
        Some("capture") => capture::run(&g, &rest[1..]),
        Some("help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some(o) => {
            eprintln!("Object \"{o}\" is not implemented in rtnl yet, try \"rtnl help\".");
            Ok(ExitCode::from(1))
        }
        None => {
            eprintln!("Object \"{object}\" is unknown, try \"rtnl help\".");
            Ok(ExitCode::from(1))
        }
    }
}

/// ip's objects in ip's order (an abbreviation means the first it
/// begins), then rtnl's own.
const OBJECTS: &[&str] = &[
    "address",
    "addrlabel",
    "maddress",
    "route",
    "rule",
    "neighbor",
    "neighbour",
    "ntable",
    "ntbl",
    "link",
    "l2tp",
    "fou",
    "ila",
    "macsec",
    "tunnel",
    "tuntap",
    "tap",
    "token",
    "tcpmetrics",
    "tcp_metrics",
    "monitor",
    "xfrm",
    "mroute",
    "mrule",
    "netns",
    "netconf",
    "vrf",
    "sr",
    "nexthop",
    "mptcp",
    "ioam",
    "stats",
    "help",
    "decode",
    "capture",
];

/// The object a word names, as ip matches it: any non-empty prefix of the
/// first object in [`OBJECTS`] that it begins.
pub fn object_of(word: &str) -> Option<&'static str> {
    let o = OBJECTS.iter().copied().find(|o| matches(word, o))?;
    Some(if o == "neighbour" { "neighbor" } else { o })
}

/// iproute2's `matches()`: `word` is a non-empty prefix of `keyword`.
pub fn matches(word: &str, keyword: &str) -> bool {
    !word.is_empty() && keyword.starts_with(word)
}
