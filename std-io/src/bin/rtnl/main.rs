//! `rtnl`: an iproute2-like tool on rtnl-core and rtnl-io.
//!
//! ```text
//! rtnl [-n NETNS] [-j] [-4|-6] route show [table T|all]
//! rtnl [-n NETNS] route add|del|replace|change|append PREFIX [via GW] [dev IF] ...
//! rtnl [-n NETNS] [-j] monitor [route|all]
//! rtnl decode [--json] [--check] [--endian big|little|auto] [FILE|-]
//! ```

mod capture;
mod decode;
mod monitor;
mod route;

use std::process::ExitCode;

/// Options that come before the object.
#[derive(Debug, Default, Clone)]
pub struct Global {
    /// `-j`: JSON output.
    pub json: bool,
    /// `-4` / `-6`: address family filter (0 = unspecified).
    pub family: u8,
    /// `--capture FILE`: record every datagram received to FILE.
    pub capture: Option<String>,
}

impl Global {
    /// A socket, recording to the `--capture` file if one was given.
    pub fn socket(&self) -> Result<rtnl_io::Socket, String> {
        let mut s = rtnl_io::Socket::new().map_err(|e| e.to_string())?;
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
}

const USAGE: &str = "usage: rtnl [-n NETNS] [-j] [-4|-6] OBJECT COMMAND [ARGS]
objects and commands:
  route show [table T|all]          list routes (like `ip route show`)
  route add|del|replace|change|append|prepend PREFIX [via GW] [dev IF] [table T]
        [metric N] [proto P] [scope S] [src A] [mtu N]
        [nexthop via GW dev IF weight W ...]
  monitor [route|all]               print notifications until interrupted
  decode [--json] [--check] [--endian big|little|auto] [FILE|-]
                                    decode raw netlink bytes (as received)
  capture dump RTM_GETxxx [family N] FILE
                                    write a dump's reply datagrams verbatim
options:
  -n NETNS   run inside the network namespace /run/netns/NETNS
  -j         print JSON, one object per message
  --capture FILE  append every datagram received to FILE (raw)
  -4, -6     IPv4 or IPv6 only";

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
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-j" | "-json" | "--json" => g.json = true,
            "-4" => g.family = libc::AF_INET as u8,
            "-6" => g.family = libc::AF_INET6 as u8,
            "--capture" => {
                g.capture = Some(args.get(i + 1).ok_or("--capture needs a file")?.clone());
                i += 1;
            }
            "-n" | "-netns" => {
                let name = args.get(i + 1).ok_or("-n needs a namespace name")?;
                rtnl_io::netns::enter(name).map_err(|e| e.to_string())?;
                i += 1;
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
    let rest = &args[i..];
    let Some(object) = rest.first() else {
        return Err(USAGE.to_owned());
    };
    match object.as_str() {
        "route" | "r" | "ro" | "rou" | "rout" => route::run(&g, &rest[1..]),
        "monitor" | "mon" => monitor::run(&g, &rest[1..]),
        "decode" => decode::run(&g, &rest[1..]),
        "capture" => capture::run(&g, &rest[1..]),
        o => Err(format!("unknown object {o:?}\n{USAGE}")),
    }
}
