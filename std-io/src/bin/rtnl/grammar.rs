//! The tool's grammar, as tables: the global options, the objects, each
//! object's verbs and each verb's keywords. The same tables drive parsing
//! (with iproute2's prefix matching and precedence), `help` at every level,
//! shell completion (`rtnl completion bash|zsh|fish`) and the man page
//! (`rtnl help man`), so that none of these can disagree with the others.

use std::fmt::Write as _;
use std::process::ExitCode;

/// How a word on the command line is compared with a keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum M {
    /// Any non-empty prefix (iproute2's `matches()`).
    Prefix,
    /// Only the whole word (iproute2's `strcmp()`).
    Exact,
}

/// What a keyword's argument is, for help and completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg {
    /// No argument (a flag).
    None,
    /// One argument, named as in the usage text (`TABLE`, `NUMBER`, …).
    Value(&'static str),
    /// One of a fixed list of words (completion offers them).
    OneOf(&'static str, &'static [&'static str]),
    /// An interface name (completion offers the links).
    Dev,
    /// A named network namespace (completion offers `/run/netns`).
    Netns,
}

/// A keyword of a verb (or a global option, or a verb of an object).
#[derive(Debug)]
pub struct Kw {
    /// The spellings, in the order iproute2 tries them; the first is the
    /// keyword's name.
    pub words: &'static [(&'static str, M)],
    /// Its argument.
    pub arg: Arg,
    /// One line of help.
    pub help: &'static str,
    /// `false`: recognised (so that an abbreviation means what it means to
    /// ip) but not implemented yet; refused with a message saying so, and
    /// left out of help and completion.
    pub ready: bool,
}

impl Kw {
    /// The keyword's name.
    pub fn name(&self) -> &'static str {
        self.words[0].0
    }
    fn takes(&self, word: &str) -> bool {
        self.words.iter().any(|&(w, m)| match m {
            M::Prefix => crate::matches(word, w),
            M::Exact => word == w,
        })
    }
    fn usage(&self) -> String {
        let name = self.name();
        match self.arg {
            Arg::None => format!("[ {name} ]"),
            Arg::Value(v) => format!("[ {name} {v} ]"),
            Arg::OneOf(v, _) => format!("[ {name} {v} ]"),
            Arg::Dev => format!("[ {name} STRING ]"),
            Arg::Netns => format!("[ {name} NETNS ]"),
        }
    }
}

/// The first keyword of `table` that `word` names, in table order (which
/// is iproute2's order of trying them, so that where prefixes collide the
/// same keyword wins).
/// ip's answer to a keyword without its value (`incomplete_command`).
pub const INCOMPLETE: &str = "Command line is not complete. Try option \"help\"";

/// The value after a keyword (`NEXT_ARG`), or ip's [`INCOMPLETE`] error.
pub fn need(v: Option<&String>) -> Result<&String, String> {
    v.ok_or_else(|| INCOMPLETE.to_owned())
}

/// Runs an object whose only verbs are `show` (its synonyms) and `help`:
/// no verb means `show`; `show help` and `help` print the usage; another
/// word is ip's "unknown command".
pub fn run_show(
    o: &Object,
    args: &[String],
    show: impl FnOnce(&[String]) -> Result<ExitCode, crate::Fail>,
) -> Result<ExitCode, crate::Fail> {
    let (cmd, rest) = match args.split_first() {
        None => ("show", &[][..]),
        Some((c, r)) => (c.as_str(), r),
    };
    match o.verb(cmd).map(|v| v.kw.name()) {
        Some("show") if rest.first().is_none_or(|w| w != "help") => show(rest),
        Some(_) => Ok(print_usage(o)),
        None => Err(crate::Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl {} help\".", o.name))),
    }
}

pub fn find<'t>(word: &str, table: &'t [Kw]) -> Option<&'t Kw> {
    table.iter().find(|k| k.takes(word))
}

/// [`find`], as a keyword name; a keyword that is not ready is an error
/// saying so.
pub fn keyword(word: &str, table: &[Kw], object: &str) -> Result<Option<&'static str>, String> {
    match find(word, table) {
        Some(k) if !k.ready => {
            Err(format!("\"{}\" is not implemented in rtnl yet, try \"rtnl {object} help\".", k.name()))
        }
        Some(k) => Ok(Some(k.name())),
        None => Ok(None),
    }
}

/// The error for a keyword the tables offer but no parser handles: a bug
/// the unit tests (every ready keyword is parsed) exist to catch, reported
/// as an error rather than a panic should one slip through.
pub fn no_case(keyword: &str) -> String {
    format!("rtnl: the keyword \"{keyword}\" has no implementation (a bug in rtnl; please report it)")
}

/// A keyword that is implemented.
pub const fn kw(words: &'static [(&'static str, M)], arg: Arg, help: &'static str) -> Kw {
    Kw { words, arg, help, ready: true }
}

/// A keyword ip knows that rtnl does not implement yet (refused by name).
pub const fn todo(words: &'static [(&'static str, M)], arg: Arg) -> Kw {
    Kw { words, arg, help: "", ready: false }
}

/// A verb: its words, synopsis, keyword sets and help; `ready` false for
/// one ip knows that rtnl does not implement yet.
pub const fn verb(
    words: &'static [(&'static str, M)],
    synopsis: &'static str,
    sets: &'static [&'static KwSet],
    help: &'static str,
    ready: bool,
) -> Verb {
    Verb { kw: Kw { words, arg: Arg::None, help, ready }, synopsis, sets }
}

/// A named set of keywords (`SELECTOR := …`).
#[derive(Debug)]
pub struct KwSet {
    /// The name used in synopses.
    pub name: &'static str,
    /// The keywords, in iproute2's order.
    pub keywords: &'static [Kw],
    /// The positional word, if any (`PREFIX`), and what it means.
    pub positional: Option<(&'static str, &'static str)>,
}

/// A verb of an object.
#[derive(Debug)]
pub struct Verb {
    /// The verb as a keyword (spellings, help).
    pub kw: Kw,
    /// What follows the verb in the synopsis.
    pub synopsis: &'static str,
    /// The keyword sets the synopsis names.
    pub sets: &'static [&'static KwSet],
}

/// An object (`route`, `monitor`, …) and its verbs.
#[derive(Debug)]
pub struct Object {
    /// Its name.
    pub name: &'static str,
    /// One line of help.
    pub help: &'static str,
    /// Its verbs, in iproute2's order (empty: the object takes arguments
    /// directly, as `monitor` and `decode` do, described by `sets`).
    pub verbs: &'static [Verb],
    /// Its arguments when it has no verbs.
    pub synopsis: &'static str,
    /// The keyword sets of that synopsis.
    pub sets: &'static [&'static KwSet],
    /// Free text after the generated usage (grammars not given as tables,
    /// such as route encapsulations).
    pub notes: &'static str,
}

impl Object {
    /// The verb `word` names, if any.
    pub fn verb(&self, word: &str) -> Option<&'static Verb> {
        if word == "--help" || word == "-h" {
            return self.verbs.iter().find(|v| v.kw.name() == "help");
        }
        self.verbs.iter().find(|v| v.kw.takes(word))
    }
}

/// Wraps `items` after `lead`, continuation lines indented to `indent`.
fn wrap(out: &mut String, lead: &str, items: &[String], indent: usize) {
    let mut line = lead.to_owned();
    for it in items {
        if line.len() + 1 + it.len() > 78 && line.len() > indent {
            out.push_str(line.trim_end());
            out.push('\n');
            line = " ".repeat(indent);
        } else if !line.ends_with(' ') {
            line.push(' ');
        }
        line.push_str(it);
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// The usage text of one object, as `rtnl OBJECT help` prints it.
pub fn usage(o: &Object) -> String {
    let mut out = String::new();
    let mut sets: Vec<&KwSet> = Vec::new();
    let mut first = true;
    let add_sets = |s: &'static [&'static KwSet], sets: &mut Vec<&KwSet>| {
        for k in s {
            if !sets.iter().any(|x| x.name == k.name) {
                sets.push(k);
            }
        }
    };
    if o.verbs.is_empty() {
        let _ = writeln!(out, "Usage: rtnl {} {}", o.name, o.synopsis);
        add_sets(o.sets, &mut sets);
    }
    for v in o.verbs.iter().filter(|v| v.kw.ready && v.kw.name() != "help") {
        let lead = if first { "Usage:" } else { "      " };
        first = false;
        // the verb's name and its other full spellings (show beside list; not lst, chg)
        let names: Vec<&str> =
            v.kw.words.iter().enumerate().filter(|(i, w)| *i == 0 || w.0.len() > 3).map(|(_, w)| w.0).collect();
        let verb = if names.len() > 1 { format!("{{ {} }}", names.join(" | ")) } else { v.kw.name().to_owned() };
        let _ = writeln!(out, "{lead} rtnl {} {verb} {}", o.name, v.synopsis);
        add_sets(v.sets, &mut sets);
    }
    for s in sets {
        let mut items: Vec<String> = s.keywords.iter().filter(|k| k.ready).map(Kw::usage).collect();
        if let Some((p, _)) = s.positional {
            items.push(p.to_owned());
        }
        let lead = format!("{} :=", s.name);
        let indent = lead.len() + 1;
        wrap(&mut out, &lead, &items, indent);
    }
    out.push_str(o.notes);
    out.trim_end().to_owned()
}

/// Prints `usage(o)`, for `help`.
pub fn print_usage(o: &Object) -> ExitCode {
    println!("{}", usage(o));
    ExitCode::SUCCESS
}

/// The words that may come next after `words` (the command line so far,
/// without the program name and without the word being completed), for
/// shell completion; interface names where a device is wanted.
pub fn complete(words: &[String]) -> Vec<String> {
    let objects = crate::objects();
    let mut i = 0;
    // global options (and their arguments)
    while let Some(w) = words.get(i) {
        if !w.starts_with('-') || w == "-" {
            break;
        }
        i += 1;
        if let Some(k) = crate::global(w) {
            if k.arg != Arg::None {
                if i == words.len() {
                    return arg_values(&k.arg);
                }
                i += 1;
            }
        }
    }
    let Some(ow) = words.get(i) else {
        let mut v: Vec<String> = objects.iter().map(|o| o.name.to_owned()).collect();
        v.extend(crate::GLOBALS.iter().filter(|k| k.ready).map(|k| k.name().to_owned()));
        return v;
    };
    let Some(o) = objects.iter().find(|o| crate::object_of(ow) == Some(o.name)) else { return Vec::new() };
    i += 1;
    let sets: &[&KwSet] = if o.verbs.is_empty() {
        o.sets
    } else {
        let Some(vw) = words.get(i) else {
            // each verb's name, and its other full spellings (show for list)
            return o
                .verbs
                .iter()
                .filter(|v| v.kw.ready)
                .flat_map(|v| {
                    v.kw.words.iter().enumerate().filter(|(i, w)| *i == 0 || (w.1 == M::Prefix && w.0.len() > 3))
                })
                .map(|(_, w)| w.0.to_owned())
                .collect();
        };
        i += 1;
        match o.verb(vw) {
            Some(v) => v.sets,
            None => return Vec::new(),
        }
    };
    // the argument of the last keyword, or another keyword
    if let Some(last) = words[i.min(words.len())..].last() {
        if let Some(k) = sets.iter().find_map(|s| find(last, s.keywords)) {
            if k.arg != Arg::None {
                return arg_values(&k.arg);
            }
        }
    }
    sets.iter().flat_map(|s| s.keywords.iter()).filter(|k| k.ready).map(|k| k.name().to_owned()).collect()
}

fn arg_values(a: &Arg) -> Vec<String> {
    let dir = match a {
        Arg::OneOf(_, v) => return v.iter().map(|s| (*s).to_owned()).collect(),
        Arg::Dev => "/sys/class/net",
        Arg::Netns => "/run/netns",
        _ => return Vec::new(),
    };
    {
        {
            let mut v: Vec<String> = std::fs::read_dir(dir)
                .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
                .unwrap_or_default();
            v.sort();
            v
        }
    }
}

/// `rtnl completion bash|zsh|fish`: a script that asks `rtnl` itself for
/// the candidates (`rtnl completion words WORD…`), so that completion
/// follows the same tables as parsing.
pub fn completion_script(shell: &str) -> Option<&'static str> {
    Some(match shell {
        "bash" => {
            "# rtnl completion for bash: source it, or install it as
# /usr/share/bash-completion/completions/rtnl
_rtnl() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local IFS=$'\\n'
    COMPREPLY=($(compgen -W \"$(rtnl completion words -- \"${COMP_WORDS[@]:1:COMP_CWORD-1}\" 2>/dev/null)\" -- \"$cur\"))
}
complete -F _rtnl rtnl
"
        }
        "zsh" => {
            "#compdef rtnl
# rtnl completion for zsh: put it on $fpath as _rtnl
_rtnl() {
    local -a cands
    cands=(${(f)\"$(rtnl completion words -- ${words[2,CURRENT-1]} 2>/dev/null)\"})
    compadd -a cands
}
compdef _rtnl rtnl
"
        }
        "fish" => {
            "# rtnl completion for fish: put it in ~/.config/fish/completions/rtnl.fish
function __rtnl_words
    set -l w (commandline -opc)
    rtnl completion words -- $w[2..-1] 2>/dev/null
end
complete -c rtnl -f -a '(__rtnl_words)'
"
        }
        _ => return None,
    })
}

/// `rtnl completion …`.
pub fn run_completion(args: &[String]) -> Result<ExitCode, crate::Fail> {
    match args.first().map(String::as_str) {
        Some("words") => {
            let rest = match args.get(1).map(String::as_str) {
                Some("--") => &args[2..],
                _ => &args[1..],
            };
            for w in complete(rest) {
                println!("{w}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(sh) if completion_script(sh).is_some() => {
            print!("{}", completion_script(sh).unwrap_or_default());
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(crate::Fail::usage("Usage: rtnl completion { bash | zsh | fish }")),
    }
}

/// Escapes text for roff.
fn roff(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

/// The man page, `rtnl(8)`, in roff, generated from the tables.
pub fn man_page() -> String {
    let mut m = String::new();
    m.push_str(".\\\" generated by `rtnl help man` from the tool's grammar tables; do not edit\n");
    let _ = writeln!(m, ".TH RTNL 8 \"\" \"rtnl {}\" \"System Administration\"", env!("CARGO_PKG_VERSION"));
    m.push_str(".SH NAME\nrtnl \\- show and change routing, decode and capture RTNETLINK\n");
    m.push_str(".SH SYNOPSIS\n.B rtnl\n[\n.I OPTIONS\n]\n.I OBJECT\n{\n.I COMMAND\n|\n.B help\n}\n");
    m.push_str(".SH DESCRIPTION\n");
    m.push_str(
        "rtnl speaks RTNETLINK with the grammar of\n.BR ip (8):\n\
         objects, verbs and keywords may be abbreviated to any unambiguous prefix, \
         with ip's precedence where prefixes collide, and its output is ip's, in text and with\n.BR \\-j .\n",
    );
    m.push_str(".SH OPTIONS\n");
    for k in crate::GLOBALS.iter().filter(|k| k.ready) {
        let words: Vec<String> = k.words.iter().map(|w| roff(w.0)).collect();
        let arg = match k.arg {
            Arg::None => String::new(),
            Arg::Value(v) | Arg::OneOf(v, _) => format!(" \\fI{}\\fR", roff(v)),
            Arg::Dev => " \\fISTRING\\fR".into(),
            Arg::Netns => " \\fINETNS\\fR".into(),
        };
        let _ = writeln!(m, ".TP\n.B {}{arg}\n{}", words.join(", "), roff(k.help));
    }
    for o in crate::objects() {
        let _ = writeln!(m, ".SH {}", roff(&o.name.to_uppercase()));
        let _ = writeln!(m, "{}", roff(o.help));
        m.push_str(".PP\n.nf\n");
        m.push_str(&roff(&usage(o)));
        m.push_str("\n.fi\n");
        for v in o.verbs.iter().filter(|v| v.kw.ready) {
            let _ = writeln!(m, ".TP\n.B rtnl {} {}\n{}", o.name, roff(v.kw.name()), roff(v.kw.help));
        }
        let mut seen: Vec<&str> = Vec::new();
        let sets = o.sets.iter().chain(o.verbs.iter().flat_map(|v| v.sets.iter()));
        for s in sets {
            if seen.contains(&s.name) {
                continue;
            }
            seen.push(s.name);
            let _ = writeln!(m, ".SS {}", roff(s.name));
            for k in s.keywords.iter().filter(|k| k.ready) {
                let _ = writeln!(m, ".TP\n.B {}\n{}", roff(k.usage().trim_matches(['[', ']', ' '])), roff(k.help));
            }
            if let Some((p, h)) = s.positional {
                let _ = writeln!(m, ".TP\n.I {}\n{}", roff(p), roff(h));
            }
        }
    }
    m.push_str(
        ".SH EXIT STATUS\n0 on success; 1 when a request could not be made (an unknown device, a dump that failed); \
                2 when the kernel refused a request; 255 for a command line rtnl cannot parse.\n",
    );
    m.push_str(".SH SEE ALSO\n.BR ip (8),\n.BR ip-route (8),\n.BR rtnetlink (7)\n");
    m
}
