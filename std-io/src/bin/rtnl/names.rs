//! The names iproute2 reads from its tables (`/etc/iproute2/rt_dsfield`,
//! `rt_realms`, `group`) and from `/etc/protocols`, for printing and parsing
//! as ip does. A missing file means no names: numbers are printed.

use std::collections::HashMap;
use std::sync::OnceLock;

/// `id name` lines of an iproute2 table (and the `*.d/*.conf` beside it),
/// ids in decimal or `0x` hex; `#` starts a comment.
fn table(path: &str) -> HashMap<u32, String> {
    let mut m = HashMap::new();
    let mut files = vec![std::path::PathBuf::from(path)];
    if let Ok(rd) = std::fs::read_dir(format!("{path}.d")) {
        let mut more: Vec<_> =
            rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "conf")).collect();
        more.sort();
        files.extend(more);
    }
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mut w = line.split_whitespace();
            let (Some(id), Some(name)) = (w.next(), w.next()) else { continue };
            let id = match id.strip_prefix("0x").or_else(|| id.strip_prefix("0X")) {
                Some(h) => u32::from_str_radix(h, 16).ok(),
                None => id.parse().ok(),
            };
            if let Some(id) = id {
                m.entry(id).or_insert_with(|| name.to_owned());
            }
        }
    }
    m
}

/// `/etc/protocols`: `name number aliases…`.
fn protocols() -> &'static HashMap<u32, String> {
    static P: OnceLock<HashMap<u32, String>> = OnceLock::new();
    P.get_or_init(|| {
        let mut m = HashMap::new();
        for line in std::fs::read_to_string("/etc/protocols").unwrap_or_default().lines() {
            let mut w = line.split('#').next().unwrap_or("").split_whitespace();
            if let (Some(name), Some(Ok(n))) = (w.next(), w.next().map(str::parse::<u32>)) {
                m.entry(n).or_insert_with(|| name.to_owned());
            }
        }
        m
    })
}

fn dsfields() -> &'static HashMap<u32, String> {
    static T: OnceLock<HashMap<u32, String>> = OnceLock::new();
    T.get_or_init(|| table("/etc/iproute2/rt_dsfield"))
}

fn realms() -> &'static HashMap<u32, String> {
    static T: OnceLock<HashMap<u32, String>> = OnceLock::new();
    T.get_or_init(|| table("/etc/iproute2/rt_realms"))
}

fn groups() -> &'static HashMap<u32, String> {
    static T: OnceLock<HashMap<u32, String>> = OnceLock::new();
    T.get_or_init(|| table("/etc/iproute2/group"))
}

fn by_name(m: &HashMap<u32, String>, s: &str) -> Option<u32> {
    m.iter().find(|(_, n)| n.as_str() == s).map(|(v, _)| *v)
}

/// A DS field (TOS) as `rtnl_dsfield_n2a` prints it: its name, or `0x%02x`.
pub fn dsfield(v: u8) -> String {
    dsfields().get(&u32::from(v)).cloned().unwrap_or_else(|| format!("0x{v:02x}"))
}

/// A DS field by name or hex number, as `rtnl_dsfield_a2n` reads it.
pub fn dsfield_of(s: &str) -> Option<u8> {
    if let Some(v) = by_name(dsfields(), s) {
        return u8::try_from(v).ok();
    }
    u8::from_str_radix(s.strip_prefix("0x").unwrap_or(s), 16).ok()
}

/// A realm as `rtnl_rtrealm_n2a` prints it.
pub fn realm(v: u32) -> String {
    realms().get(&v).cloned().unwrap_or_else(|| v.to_string())
}

/// A realm by name or number.
pub fn realm_of(s: &str) -> Option<u32> {
    by_name(realms(), s).or_else(|| s.parse().ok())
}

/// A device group as `rtnl_group_n2a` prints it.
pub fn group(v: u32) -> String {
    groups().get(&v).cloned().unwrap_or_else(|| v.to_string())
}

/// A device group by name or number.
pub fn group_of(s: &str) -> Option<u32> {
    by_name(groups(), s).or_else(|| s.parse().ok())
}

/// An IP protocol as `inet_proto_n2a` prints it (`/etc/protocols`' name).
pub fn ip_proto(v: u8) -> String {
    protocols().get(&u32::from(v)).cloned().unwrap_or_else(|| v.to_string())
}

/// An IP protocol by name or number, as `inet_proto_a2n` reads it.
pub fn ip_proto_of(s: &str) -> Option<u8> {
    by_name(protocols(), s).and_then(|v| u8::try_from(v).ok()).or_else(|| crate::route_cmds::ip_proto(s))
}

/// ip 6.1's own route protocol names (`rtnl_rtprot_tab`), before
/// `rt_protos` and `rt_protos.d` add to them: no `mrouted`, `ovn` or
/// `openr` (those come from the file, when it names them).
const RTPROT_BUILTIN: &[(u8, &str)] = &[
    (0, "unspec"),
    (1, "redirect"),
    (2, "kernel"),
    (3, "boot"),
    (4, "static"),
    (8, "gated"),
    (9, "ra"),
    (10, "mrt"),
    (11, "zebra"),
    (12, "bird"),
    (42, "babel"),
    (13, "dnrouted"),
    (14, "xorp"),
    (15, "ntk"),
    (16, "dhcp"),
    (18, "keepalived"),
    (186, "bgp"),
    (187, "isis"),
    (188, "ospf"),
    (189, "rip"),
    (192, "eigrp"),
];

fn rt_protos() -> &'static [Option<String>] {
    static T: OnceLock<Vec<Option<String>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut v: Vec<Option<String>> = vec![None; 256];
        for &(id, name) in RTPROT_BUILTIN {
            v[usize::from(id)] = Some(name.to_owned());
        }
        for (id, name) in table("/etc/iproute2/rt_protos") {
            if let Some(slot) = v.get_mut(id as usize) {
                *slot = Some(name);
            }
        }
        v
    })
}

/// A route protocol as `rtnl_rtprot_n2a` prints it: its name in ip's table
/// and `rt_protos`, else the number.
pub fn rt_proto(p: u8) -> std::borrow::Cow<'static, str> {
    match rt_protos().get(usize::from(p)).and_then(Option::as_deref) {
        Some(n) => n.into(),
        None => p.to_string().into(),
    }
}
