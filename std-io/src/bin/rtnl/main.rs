//! `rtnl`: an iproute2-like tool on rtnl-core and rtnl-io.
//!
//! ```text
//! rtnl [OPTIONS] route { show | flush | save } SELECTOR
//! rtnl [OPTIONS] route { add | del | replace | change | append | prepend | test } ROUTE
//! rtnl [OPTIONS] route get ADDRESS [from A] [iif D] [oif D] [mark M] ...
//! rtnl [OPTIONS] route { restore | showdump } < FILE
//! rtnl [OPTIONS] qdisc { show | add | change | replace | delete } …   (tc's syntax)
//! rtnl [OPTIONS] class { show | add | change | replace | delete } …
//! rtnl [OPTIONS] filter show …; rtnl [OPTIONS] chain show …; rtnl [OPTIONS] actions list action KIND
//! rtnl [OPTIONS] monitor [route|all]
//! rtnl decode [--json] [--check] [--endian big|little|auto] [FILE|-]
//! rtnl help [OBJECT | man]; rtnl completion bash|zsh|fish
//! ```
//!
//! The grammar (options, objects, verbs, keywords) is in tables
//! ([`grammar`]) that parsing, help, completion and the man page share.

mod addr;
mod addrlabel;
mod batch;
mod capture;
mod decode;
mod encap;
mod grammar;
mod ipjson;
mod link;
mod monitor;
mod mroute;
mod names;
mod neigh;
mod netconf;
mod netns;
mod nexthop;
mod ntable;
mod route;
mod route_cmds;
mod rule;
mod tc;
mod tcaction;
mod tcfilter;
mod tcflower;
mod tcmodify;
mod tcqdisc;
mod tcunits;

use std::process::ExitCode;

use grammar::{Arg, Kw, Object, M};

/// `-n NETNS`, for the lookups by interface name made while parsing.
pub static NETNS: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Options that come before the object.
#[derive(Debug, Default, Clone)]
pub struct Global {
    /// `-j`: JSON output.
    pub json: bool,
    /// `-p`: JSON pretty-printed (with `-j`).
    pub pretty: bool,
    /// `--json=kernel`: JSON objects named as the kernel names things, one
    /// per message and line (what `-j` printed before it printed ip's JSON).
    pub json_kernel: bool,
    /// `-4` / `-6`: address family filter (0 = unspecified).
    pub family: u8,
    /// `-d`: details (a route's type, protocol and scope always).
    pub details: bool,
    /// `-s`: statistics (more with each `-s`).
    pub stats: u8,
    /// `-o`: one line per object.
    pub oneline: bool,
    /// `-br`: brief output (links).
    pub brief: bool,
    /// `-t` / `-ts`: timestamps on monitor events (`-ts`: short ones).
    pub timestamp: u8,
    /// `--capture FILE`: record every datagram received to FILE.
    pub capture: Option<String>,
    /// `-n NETNS`: the namespace the sockets are opened in (the process
    /// itself stays in its own).
    pub netns: Option<String>,
    /// `-rcvbuf SIZE`: the monitor's receive queue (default 1 MiB, as ip's).
    pub rcvbuf: Option<usize>,
}

/// Why a command failed, and the exit status that says so (ip's: 255 for
/// a command line it cannot parse, 1 when a request could not be made, 2
/// when the kernel refused or a dump failed).
#[derive(Debug)]
pub struct Fail {
    /// The exit status.
    pub code: u8,
    /// What is printed (on stderr).
    pub msg: String,
}

impl Fail {
    /// A command line rtnl cannot parse (exit 255).
    pub fn usage(msg: impl Into<String>) -> Self {
        Fail { code: 255, msg: msg.into() }
    }
    /// A request that could not be made (exit 1).
    pub fn error(msg: impl Into<String>) -> Self {
        Fail { code: 1, msg: msg.into() }
    }
    /// A refusal by the kernel, or a failed dump (exit 2).
    pub fn kernel(msg: impl Into<String>) -> Self {
        Fail { code: 2, msg: msg.into() }
    }
}

/// Parse errors are command-line errors (255), but for the two that ip
/// answers with 1: an address of the wrong family (its `get_prefix`) and
/// an unknown device (its `nodev`).
impl From<String> for Fail {
    fn from(msg: String) -> Self {
        if msg.contains(" is expected rather than ") || msg.starts_with("Cannot find device") {
            Fail::error(msg)
        } else {
            Fail::usage(msg)
        }
    }
}

impl From<&str> for Fail {
    fn from(msg: &str) -> Self {
        msg.to_owned().into()
    }
}

/// A transport error: the kernel refused, or the socket failed.
impl From<rtnl_io::Error> for Fail {
    fn from(e: rtnl_io::Error) -> Self {
        Fail::kernel(e.to_string())
    }
}

impl Global {
    /// A socket, recording to the `--capture` file if one was given.
    pub fn socket(&self) -> Result<rtnl_io::Socket, Fail> {
        let mut s = self.plain_socket()?;
        if let Some(path) = &self.capture {
            let f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|e| Fail::error(format!("cannot open {path}: {e}")))?;
            s.record_to(Some(Box::new(f)));
        }
        Ok(s)
    }
    /// A socket in `-n`'s namespace (or this process's), recording nothing.
    pub fn plain_socket(&self) -> Result<rtnl_io::Socket, Fail> {
        match &self.netns {
            Some(n) => rtnl_io::netns::Netns::Name(n).socket(),
            None => rtnl_io::Socket::new(),
        }
        .map_err(|e| Fail::error(e.to_string()))
    }
}

/// The global options, in the order ip tries them (`-s` is `-stats`, `-b`
/// `-batch`, `-br` `-brief`, `-h` `-human`), each also spelled with two
/// dashes.
pub const GLOBALS: &[Kw] = &[
    Kw { words: &[("-loops", M::Prefix)], arg: Arg::Value("COUNT"), help: "flush at most COUNT rounds", ready: false },
    Kw {
        words: &[("-family", M::Prefix)],
        arg: Arg::OneOf("FAMILY", &["inet", "inet6", "mpls", "link", "bridge"]),
        help: "the protocol family: inet, inet6, mpls, link or bridge",
        ready: true,
    },
    Kw { words: &[("-4", M::Exact)], arg: Arg::None, help: "IPv4 only (-family inet)", ready: true },
    Kw { words: &[("-6", M::Exact)], arg: Arg::None, help: "IPv6 only (-family inet6)", ready: true },
    Kw { words: &[("-0", M::Exact)], arg: Arg::None, help: "link layer only (-family link)", ready: true },
    Kw { words: &[("-M", M::Exact)], arg: Arg::None, help: "MPLS only (-family mpls)", ready: true },
    Kw { words: &[("-B", M::Exact)], arg: Arg::None, help: "bridge only (-family bridge)", ready: true },
    Kw {
        words: &[("-human", M::Prefix), ("-human-readable", M::Prefix)],
        arg: Arg::None,
        help: "statistics in human units (no effect on routes)",
        ready: true,
    },
    Kw { words: &[("-iec", M::Prefix)], arg: Arg::None, help: "IEC units", ready: false },
    Kw {
        words: &[("-stats", M::Prefix), ("-statistics", M::Prefix)],
        arg: Arg::None,
        help: "statistics: a cache entry's users, uses and age",
        ready: true,
    },
    Kw {
        words: &[("-details", M::Prefix)],
        arg: Arg::None,
        help: "details: a route's type, protocol and scope even when they are the defaults",
        ready: true,
    },
    Kw { words: &[("-resolve", M::Prefix)], arg: Arg::None, help: "resolve names", ready: false },
    Kw {
        words: &[("-oneline", M::Prefix)],
        arg: Arg::None,
        help: "one line per object (a backslash where lines would break)",
        ready: true,
    },
    Kw {
        words: &[("-timestamp", M::Prefix)],
        arg: Arg::None,
        help: "monitor: a timestamp line before each event",
        ready: true,
    },
    Kw {
        words: &[("-tshort", M::Prefix)],
        arg: Arg::None,
        help: "monitor: a short timestamp before each event",
        ready: true,
    },
    Kw {
        words: &[("-Version", M::Prefix), ("-version", M::Exact)],
        arg: Arg::None,
        help: "print the version and exit (also --version)",
        ready: true,
    },
    Kw { words: &[("-force", M::Prefix)], arg: Arg::None, help: "with -batch: carry on after a failure", ready: true },
    Kw {
        words: &[("-batch", M::Prefix)],
        arg: Arg::Value("FILE"),
        help: "run the commands of FILE (- for stdin), one per line; route changes go to the kernel in batches",
        ready: true,
    },
    Kw {
        words: &[("-brief", M::Prefix)],
        arg: Arg::None,
        help: "brief output: links one per line (no effect on routes, as in ip)",
        ready: true,
    },
    Kw {
        words: &[("-json", M::Prefix)],
        arg: Arg::None,
        help: "JSON as ip -j prints it (--json=kernel: named as the kernel names things, one object per message)",
        ready: true,
    },
    Kw { words: &[("-pretty", M::Prefix)], arg: Arg::None, help: "with -json: indented JSON", ready: true },
    Kw {
        words: &[("-rcvbuf", M::Prefix)],
        arg: Arg::Value("SIZE"),
        help: "the monitor's receive queue in bytes (default 1 MiB, as ip's)",
        ready: true,
    },
    Kw { words: &[("-color", M::Prefix)], arg: Arg::None, help: "colour", ready: false },
    Kw { words: &[("-help", M::Prefix)], arg: Arg::None, help: "print the usage and exit", ready: true },
    Kw {
        words: &[("-netns", M::Prefix)],
        arg: Arg::Netns,
        help: "work in the network namespace /run/netns/NETNS (the process itself stays in its own)",
        ready: true,
    },
    Kw { words: &[("-Numeric", M::Prefix)], arg: Arg::None, help: "numbers instead of names", ready: false },
    Kw { words: &[("-all", M::Prefix)], arg: Arg::None, help: "in every namespace", ready: false },
    Kw { words: &[("-echo", M::Exact)], arg: Arg::None, help: "echo requests", ready: false },
    Kw {
        words: &[("-capture", M::Exact)],
        arg: Arg::Value("FILE"),
        help: "append every datagram received to FILE, raw (rtnl decode reads it)",
        ready: true,
    },
];

/// The global option a word names (`--x` is `-x`, as in ip).
pub fn global(word: &str) -> Option<&'static Kw> {
    if word == "--json=kernel" {
        return grammar::find("-json", GLOBALS);
    }
    let opt = if word.starts_with("--") { &word[1..] } else { word };
    if opt == "-" {
        return None;
    }
    grammar::find(opt, GLOBALS)
}

/// The objects rtnl has, with their grammars.
pub fn objects() -> &'static [&'static Object] {
    &[
        &route::ROUTE,
        &link::LINK,
        &addr::ADDR,
        &addrlabel::ADDRLABEL,
        &neigh::NEIGH,
        &rule::RULE,
        &mroute::MROUTE,
        &netconf::NETCONF,
        &netns::NETNS,
        &ntable::NTABLE,
        &nexthop::NEXTHOP,
        &tc::QDISC,
        &tc::CLASS,
        &tcfilter::FILTER,
        &tcfilter::CHAIN,
        &tcfilter::ACTIONS,
        &monitor::MONITOR,
        &decode::DECODE,
        &capture::CAPTURE,
        &COMPLETION,
        &HELP,
    ]
}

/// `rtnl completion`.
pub const COMPLETION: Object = Object {
    name: "completion",
    help: "print a shell completion script (bash, zsh or fish)",
    verbs: &[],
    synopsis: "{ bash | zsh | fish }",
    sets: &[],
    notes: "",
};

/// `rtnl help`.
pub const HELP: Object = Object {
    name: "help",
    help: "print the usage (rtnl help OBJECT: an object's; rtnl help man: the man page)",
    verbs: &[],
    synopsis: "[ OBJECT | man ]",
    sets: &[],
    notes: "",
};

/// The top-level usage, from the tables.
fn usage() -> String {
    let mut u = String::from("Usage: rtnl [ OPTIONS ] OBJECT { COMMAND | help }\n       rtnl [ -force ] -batch FILE\n");
    u.push_str("OBJECT := {");
    for o in objects() {
        u.push(' ');
        u.push_str(o.name);
        u.push_str(" |");
    }
    u.pop();
    u.push_str("}\nOPTIONS := {");
    let opts: Vec<&str> = GLOBALS.iter().filter(|k| k.ready).map(|k| k.name()).collect();
    let mut line = String::new();
    for (n, o) in opts.iter().enumerate() {
        if line.len() + o.len() > 60 {
            u.push_str(&line);
            u.push_str("\n           ");
            line.clear();
        }
        line.push(' ');
        line.push_str(o);
        if n + 1 < opts.len() {
            line.push_str(" |");
        }
    }
    u.push_str(&line);
    u.push_str(" }\nObjects:\n");
    for o in objects() {
        u.push_str(&format!("  {:<11}{}\n", o.name, o.help));
    }
    u.push_str("Options:\n");
    for k in GLOBALS.iter().filter(|k| k.ready) {
        let arg = match k.arg {
            Arg::None => String::new(),
            Arg::Value(v) | Arg::OneOf(v, _) => format!(" {v}"),
            Arg::Dev => " STRING".into(),
            Arg::Netns => " NETNS".into(),
        };
        u.push_str(&format!("  {:<16}{}\n", format!("{}{arg}", k.name()), k.help));
    }
    u.push_str("rtnl OBJECT help prints an object's commands; any unambiguous prefix of a word works, as in ip.");
    u
}

fn main() -> ExitCode {
    rtnl_io::sys::default_sigpipe();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            if !e.msg.is_empty() {
                eprintln!("{}", e.msg);
            }
            ExitCode::from(e.code)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, Fail> {
    let mut g = Global::default();
    let (mut batch, mut force) = (None, false);
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a == "--" {
            i += 1;
            break;
        }
        if !a.starts_with('-') {
            break;
        }
        let Some(k) = global(a) else {
            return Err(Fail::usage(format!("Option \"{a}\" is unknown, try \"rtnl -help\".")));
        };
        if !k.ready {
            return Err(Fail::usage(format!("Option \"{}\" is not implemented in rtnl yet.", k.name())));
        }
        let mut value = || -> Result<&String, Fail> {
            i += 1;
            args.get(i).ok_or_else(|| Fail::usage(format!("Error: argument \"{}\" is required", k.name())))
        };
        match k.name() {
            "-json" => {
                g.json = true;
                g.json_kernel |= a == "--json=kernel";
            }
            "-pretty" => g.pretty = true,
            "-4" => g.family = libc::AF_INET as u8,
            "-6" => g.family = libc::AF_INET6 as u8,
            "-M" => g.family = libc::AF_MPLS as u8,
            "-0" => g.family = libc::AF_PACKET as u8,
            "-B" => g.family = libc::AF_BRIDGE as u8,
            "-family" => {
                let f = value()?;
                g.family = match f.as_str() {
                    "inet" => libc::AF_INET as u8,
                    "inet6" => libc::AF_INET6 as u8,
                    "mpls" => libc::AF_MPLS as u8,
                    "link" => libc::AF_PACKET as u8,
                    "bridge" => libc::AF_BRIDGE as u8,
                    f => return Err(Fail::usage(format!("Error: argument \"{f}\" is wrong: invalid protocol family"))),
                };
            }
            // as in ip, no effect on the objects rtnl has
            "-human" => {}
            "-brief" => g.brief = true,
            "-stats" => g.stats = g.stats.saturating_add(1),
            "-details" => g.details = true,
            "-oneline" => g.oneline = true,
            "-timestamp" => g.timestamp = g.timestamp.max(1),
            "-tshort" => g.timestamp = 2,
            "-capture" => g.capture = Some(value()?.clone()),
            "-rcvbuf" => {
                let v = value()?;
                g.rcvbuf = Some(v.parse().map_err(|_| Fail::usage(format!("Invalid rcvbuf size '{v}'")))?);
            }
            "-netns" => {
                let name = value()?.clone();
                // checked now, used by each socket
                rtnl_io::netns::Netns::Name(&name).open().map_err(|e| Fail::usage(e.to_string()))?;
                let _ = NETNS.set(name.clone());
                g.netns = Some(name);
            }
            "-batch" => batch = Some(value()?.clone()),
            "-force" => force = true,
            "-Version" => {
                println!("rtnl utility, rtnl {}", env!("CARGO_PKG_VERSION"));
                return Ok(ExitCode::SUCCESS);
            }
            "-help" => {
                println!("{}", usage());
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(Fail::usage(grammar::no_case(other))),
        }
        i += 1;
    }
    if let Some(file) = batch {
        return batch::run(&g, &file, force).map_err(Fail::error);
    }
    if i == args.len() {
        return Err(Fail::usage(usage()));
    }
    dispatch(&g, &args[i..])
}

/// The first message of `b` (an entry a dump kept) decoded: its type and
/// the typed view `pick` takes from its body (`None` when `b` holds none).
pub fn decoded<'a, T>(
    b: &'a [u8],
    pick: impl FnOnce(&rtnl_core::message::RtnlMessage<'a>) -> Option<T>,
) -> Option<(u16, T)> {
    let m = rtnl_core::wire::Messages::new(b).next()?.ok().map(rtnl_core::message::Message::decode)?;
    Some((m.ty(), pick(m.body())?))
}

/// A dump's messages that `keep` selects, re-encoded as received; the
/// dump's own failure is the inner error (for a caller that retries
/// another way), a message that cannot be re-encoded the outer one.
pub fn dump_kept_or(
    sock: &mut rtnl_io::Socket,
    req: &[u8],
    what: &str,
    mut keep: impl FnMut(&rtnl_core::message::Message<'_>) -> bool,
) -> Result<Result<Vec<Vec<u8>>, rtnl_io::Error>, Fail> {
    use rtnl_core::wire::{NativeEndian, Writer};
    let mut out = Vec::new();
    let mut err = None;
    let sum = sock.dump(req, |msg| {
        if keep(&msg) {
            let mut w = Writer::<_, NativeEndian>::new(rtnl_io::VecBuffer::default());
            match msg.emit(&mut w) {
                Ok(()) => out.push(w.into_inner().0),
                Err(e) => err = Some(e),
            }
        }
    });
    if let Some(e) = err {
        return Err(Fail::error(format!("cannot re-encode {what}: {e}")));
    }
    Ok(sum.map(|sum| {
        if sum.interrupted {
            eprintln!("Dump was interrupted and may be inconsistent.");
        }
        out
    }))
}

/// The messages of a dump that `keep` accepts, each re-encoded as
/// received (so that they outlive the receive buffer). A failed dump is an
/// error (`what` names the messages), an interrupted one is said.
pub fn dump_kept(
    sock: &mut rtnl_io::Socket,
    req: &[u8],
    what: &str,
    keep: impl FnMut(&rtnl_core::message::Message<'_>) -> bool,
) -> Result<Vec<Vec<u8>>, Fail> {
    dump_kept_or(sock, req, what, keep)?.map_err(|e| Fail::kernel(format!("{e}\nDump terminated")))
}

/// Sends one change and waits for the kernel's acknowledgement, printing
/// its warning if it gave one; a refusal fails with the kernel's words.
pub fn acked(sock: &mut rtnl_io::Socket, req: &[u8]) -> Result<ExitCode, Fail> {
    match sock.request(req) {
        Ok(ack) => {
            if let Some(w) = ack.warning {
                eprintln!("{w}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(Fail::kernel(e.to_string())),
    }
}

/// The request flags of ip's `add`, `change`, `replace` (anything else,
/// `delete` say: a plain request).
pub fn change_flags(verb: &str) -> u16 {
    use rtnl_core::wire::flags::{Request, NLM_F_REPLACE};
    match verb {
        "add" => Request::Add.flags(),
        "change" => Request::Plain.flags() | NLM_F_REPLACE,
        "replace" => Request::Replace.flags(),
        _ => Request::Plain.flags(),
    }
}

/// Writes `s` to standard output; a closed pipe (`| head`) is no error.
pub fn write_stdout(s: &str) -> Result<ExitCode, Fail> {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    match o.write_all(s.as_bytes()).and_then(|()| o.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Fail::error(format!("cannot write: {e}"))),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Runs one command (`OBJECT COMMAND ARGS`).
pub fn dispatch(g: &Global, rest: &[String]) -> Result<ExitCode, Fail> {
    let Some(object) = rest.first() else {
        return Err(Fail::usage(usage()));
    };
    match object_of(object) {
        Some("route") => route::run(g, &rest[1..]),
        Some("link") => link::run(g, &rest[1..]),
        Some("address") => addr::run(g, &rest[1..]),
        Some("addrlabel") => addrlabel::run(g, &rest[1..]),
        Some("neighbor" | "neighbour") => neigh::run(g, &rest[1..]),
        Some("mroute") => mroute::run(g, &rest[1..]),
        Some("netconf") => netconf::run(g, &rest[1..]),
        Some("netns") => netns::run(g, &rest[1..]),
        Some("ntable" | "ntbl") => ntable::run(g, &rest[1..]),
        Some("nexthop") => nexthop::run(g, &rest[1..]),
        Some("rule") => rule::run(g, &rest[1..]),
        Some("qdisc") => tc::run_qdisc(g, &rest[1..]),
        Some("class") => tc::run_class(g, &rest[1..]),
        Some("filter") => tcfilter::run_filter(g, &rest[1..]),
        Some("chain") => tcfilter::run_chain(g, &rest[1..]),
        Some("actions") => tcfilter::run_actions(g, &rest[1..]),
        Some("monitor") => monitor::run(g, &rest[1..]),
        Some("decode") => decode::run(g, &rest[1..]),
        Some("capture") => capture::run(g, &rest[1..]),
        Some("completion") => grammar::run_completion(&rest[1..]),
        Some("help") => help(&rest[1..]),
        Some(o) => Err(Fail::error(format!("Object \"{o}\" is not implemented in rtnl yet, try \"rtnl help\"."))),
        None => Err(Fail::error(format!("Object \"{object}\" is unknown, try \"rtnl help\"."))),
    }
}

/// `rtnl help [OBJECT | man]`.
fn help(args: &[String]) -> Result<ExitCode, Fail> {
    match args.first().map(String::as_str) {
        None => {
            println!("{}", usage());
            Ok(ExitCode::SUCCESS)
        }
        Some("man") => {
            print!("{}", grammar::man_page());
            Ok(ExitCode::SUCCESS)
        }
        Some(w) => match objects().iter().find(|o| object_of(w) == Some(o.name)) {
            Some(o) => Ok(grammar::print_usage(o)),
            None => Err(Fail::error(format!("Object \"{w}\" is unknown, try \"rtnl help\"."))),
        },
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
    "qdisc",
    "class",
    "filter",
    "chain",
    "actions",
    "decode",
    "capture",
    "completion",
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
