//! `rtnl -batch FILE [-force]`: the commands of FILE (`-` for stdin), one
//! per line, in iproute2's batch syntax (`#` comments, quotes, a trailing
//! `\` continues a line). Route changes are gathered and sent to the kernel
//! in batches ([`rtnl_io::Socket::request_batch`]); any other command runs
//! in its turn, after the changes before it. A failure prints the error and
//! `Command failed FILE:LINE`, as `ip -batch` does; without `-force` the run
//! stops there (the route changes sent in the same chunk as the failing one
//! were applied all the same, and are listed), with `-force` it carries on.
//! The exit code is 1 when any command failed.

use std::io::BufRead;
use std::process::ExitCode;

use rtnl_io::Socket;

use crate::route::{RouteOp, RouteSpec};
use crate::Global;

/// Route requests gathered before they are sent (the socket chunks them).
const FLUSH_AT: usize = 1 << 20;

struct Pending {
    bytes: Vec<u8>,
    // the line of each request gathered
    lines: Vec<usize>,
}

struct Batch<'a> {
    g: &'a Global,
    file: &'a str,
    force: bool,
    sock: Option<Socket>,
    pending: Pending,
    failed: bool,
}

impl Batch<'_> {
    fn sock(&mut self) -> Result<&mut Socket, String> {
        if self.sock.is_none() {
            self.sock = Some(self.g.socket().map_err(|f| f.msg)?);
        }
        Ok(self.sock.as_mut().expect("just set"))
    }

    fn fail(&mut self, err: &str, line: usize) {
        if !err.is_empty() {
            eprintln!("{err}");
        }
        eprintln!("Command failed {}:{line}", self.file);
        self.failed = true;
    }

    /// Sends what is gathered; false when the run must stop.
    fn flush(&mut self) -> Result<bool, String> {
        if self.pending.lines.is_empty() {
            return Ok(true);
        }
        let bytes = std::mem::take(&mut self.pending.bytes);
        let lines = std::mem::take(&mut self.pending.lines);
        let stop = !self.force;
        let sum = self.sock()?.request_batch(&bytes, stop).map_err(|e| e.to_string())?;
        for (_, w) in &sum.warnings {
            eprintln!("{w}");
        }
        for (i, e) in &sum.failed {
            self.fail(&e.to_string(), lines[*i]);
        }
        if stop && !sum.failed.is_empty() {
            let first = sum.failed[0].0;
            let (next, last) = (first + 1, sum.sent.saturating_sub(1));
            if next == last {
                eprintln!("rtnl: line {} was sent in the same batch as line {} and ran", lines[next], lines[first]);
            } else if next < last {
                eprintln!(
                    "rtnl: lines {} to {} were sent in the same batch as line {} and ran",
                    lines[next], lines[last], lines[first]
                );
            }
            return Ok(false);
        }
        self.pending.bytes = bytes;
        self.pending.bytes.clear();
        self.pending.lines = lines;
        self.pending.lines.clear();
        Ok(true)
    }

    /// Runs one command; false when the run must stop.
    fn command(&mut self, args: &[String], line: usize) -> Result<bool, String> {
        let route_change = args.first().is_some_and(|o| crate::object_of(o) == Some("route"))
            && args.get(1).and_then(|c| RouteOp::from_command(c)).is_some();
        if route_change {
            let op = RouteOp::from_command(&args[1]).expect("checked");
            let req = match RouteSpec::parse(&args[2..], self.g.family) {
                Ok(spec) => {
                    let seq = self.sock()?.next_seq();
                    spec.encode(op, seq)
                }
                Err(e) => Err(e),
            };
            match req {
                Ok(req) => {
                    self.pending.bytes.extend_from_slice(&req);
                    self.pending.lines.push(line);
                    if self.pending.bytes.len() >= FLUSH_AT {
                        return self.flush();
                    }
                    Ok(true)
                }
                Err(e) => {
                    // what came before runs first, as it would have in ip
                    if !self.flush()? {
                        return Ok(false);
                    }
                    self.fail(&e, line);
                    Ok(self.force)
                }
            }
        } else {
            if !self.flush()? {
                return Ok(false);
            }
            match crate::dispatch(self.g, args) {
                Ok(c) if c == ExitCode::SUCCESS => Ok(true),
                Ok(_) => {
                    self.fail("", line);
                    Ok(self.force)
                }
                Err(e) => {
                    self.fail(&e.msg, line);
                    Ok(self.force)
                }
            }
        }
    }
}

/// Splits a batch line into words: whitespace separates them, single or
/// double quotes group them, `#` at the start of a word ends the line.
pub fn split_words(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut it = line.chars().peekable();
    loop {
        while it.peek().is_some_and(|c| c.is_whitespace()) {
            it.next();
        }
        match it.peek() {
            None | Some('#') => return Ok(words),
            _ => {}
        }
        let mut w = String::new();
        while let Some(&c) = it.peek() {
            if c.is_whitespace() {
                break;
            }
            it.next();
            if c == '"' || c == '\'' {
                loop {
                    match it.next() {
                        Some(q) if q == c => break,
                        Some(x) => w.push(x),
                        None => return Err(format!("unterminated quote {c}")),
                    }
                }
            } else {
                w.push(c);
            }
        }
        words.push(w);
    }
}

pub fn run(g: &Global, file: &str, force: bool) -> Result<ExitCode, String> {
    let input: Box<dyn BufRead> = if file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(file).map_err(|e| format!("Cannot open file \"{file}\" for reading: {e}"))?;
        Box::new(std::io::BufReader::with_capacity(64 * 1024, f))
    };
    let mut b = Batch {
        g,
        file,
        force,
        sock: None,
        pending: Pending { bytes: Vec::with_capacity(FLUSH_AT + 4096), lines: Vec::new() },
        failed: false,
    };
    let mut text = String::new();
    let mut lines = input.lines();
    let mut lineno = 0;
    loop {
        text.clear();
        // a trailing backslash joins the next line
        let start = lineno + 1;
        for l in lines.by_ref() {
            let l = l.map_err(|e| format!("cannot read {file}: {e}"))?;
            lineno += 1;
            match l.strip_suffix('\\') {
                Some(head) => {
                    text.push_str(head);
                    text.push(' ');
                }
                None => {
                    text.push_str(&l);
                    break;
                }
            }
        }
        if lineno < start {
            break;
        }
        let words = match split_words(&text) {
            Ok(w) => w,
            Err(e) => {
                b.fail(&e, lineno);
                if force {
                    continue;
                }
                break;
            }
        };
        if words.is_empty() {
            continue;
        }
        if !b.command(&words, lineno)? {
            break;
        }
    }
    if !b.failed || force {
        b.flush()?;
    }
    Ok(if b.failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[cfg(test)]
mod tests {
    use super::split_words;

    #[test]
    fn words_quotes_and_comments() {
        assert_eq!(
            split_words("  route add 10.0.0.0/8 dev lo  ").unwrap(),
            ["route", "add", "10.0.0.0/8", "dev", "lo"]
        );
        assert_eq!(split_words("a \"b c\" 'd e'f # the rest").unwrap(), ["a", "b c", "d ef"]);
        assert_eq!(split_words("# only a comment").unwrap(), Vec::<String>::new());
        assert_eq!(split_words("a#b").unwrap(), ["a#b"]);
        assert!(split_words("a \"b").is_err());
    }
}
