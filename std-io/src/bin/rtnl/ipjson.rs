//! ip's pretty JSON (`-j -p`): what iproute2's `json_writer` prints, made
//! from the compact JSON the printers write.

/// Re-lays compact JSON (`[{"dst":"default","flags":[]}]`) the way
/// iproute2's pretty writer does: four spaces per level, a key per line,
/// `[ ` and ` ]` around arrays, scalars in arrays on one line.
pub fn pretty(compact: &str) -> String {
    let b = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut sep = false;
    let eol = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("    ");
        }
    };
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            c @ (b'{' | b'[') => {
                if sep {
                    out.push(',');
                }
                out.push(c as char);
                depth += 1;
                sep = false;
                if c == b'[' {
                    out.push(' ');
                }
                i += 1;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if sep {
                    eol(&mut out, depth);
                }
                out.push('}');
                sep = true;
                i += 1;
            }
            b']' => {
                if sep {
                    out.push(' ');
                }
                depth = depth.saturating_sub(1);
                out.push(']');
                sep = true;
                i += 1;
            }
            b',' | b' ' | b'\n' => i += 1,
            b'"' => {
                // a string: its end, past escapes
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(b.len());
                let s = &compact[start..i];
                if sep {
                    out.push(',');
                }
                if b.get(i) == Some(&b':') {
                    // a key
                    eol(&mut out, depth);
                    out.push_str(s);
                    out.push_str(": ");
                    sep = false;
                    i += 1;
                } else {
                    out.push_str(s);
                    sep = true;
                }
            }
            _ => {
                // a number or a literal
                let start = i;
                while i < b.len() && !matches!(b[i], b',' | b'}' | b']' | b' ' | b'\n') {
                    i += 1;
                }
                if sep {
                    out.push(',');
                }
                out.push_str(&compact[start..i]);
                sep = true;
            }
        }
    }
    out.push('\n');
    out
}

use std::fmt::Write as _;

/// Where a printer of ip's writes: ip's text, or its JSON members
/// (`"key":value,…`, without braces), as iproute2's `print_*(PRINT_ANY, …)`
/// write one or the other from the same calls.
pub struct Out {
    /// JSON members (else text).
    pub json: bool,
    /// What was written.
    pub s: String,
    members: usize,
}

impl Out {
    /// A printer of text (`json` false) or JSON members.
    pub fn new(json: bool) -> Self {
        Out { json, s: String::new(), members: 0 }
    }
    fn key(&mut self, k: &str) {
        if self.members > 0 {
            self.s.push(',');
        }
        self.members += 1;
        json_str(&mut self.s, k);
        self.s.push(':');
    }
    /// `print_string`: `text` in text, `"key":"value"` in JSON.
    pub fn str(&mut self, key: &str, text: &str, value: &str) {
        if self.json {
            self.key(key);
            json_str(&mut self.s, value);
        } else {
            self.s.push_str(text);
        }
    }
    /// `print_uint` / `print_u64`: `"key":N` in JSON.
    pub fn num(&mut self, key: &str, text: &str, value: u64) {
        if self.json {
            self.key(key);
            let _ = write!(self.s, "{value}");
        } else {
            self.s.push_str(text);
        }
    }
    /// `print_int` / `print_s64`: `"key":-N` in JSON.
    pub fn inum(&mut self, key: &str, text: &str, value: i64) {
        if self.json {
            self.key(key);
            let _ = write!(self.s, "{value}");
        } else {
            self.s.push_str(text);
        }
    }
    /// JSON only: `"key":[1,2,3]`.
    pub fn nums(&mut self, key: &str, values: &[u64]) {
        if self.json {
            self.key(key);
            self.s.push('[');
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    self.s.push(',');
                }
                let _ = write!(self.s, "{v}");
            }
            self.s.push(']');
        }
    }
    /// `print_bool` of true / `print_null`: `"key":true` / `"key":null`.
    pub fn lit(&mut self, key: &str, text: &str, value: &str) {
        if self.json {
            self.key(key);
            self.s.push_str(value);
        } else {
            self.s.push_str(text);
        }
    }
    /// JSON only: `"key":` and `value` as it is (a number already formatted).
    pub fn raw(&mut self, key: &str, value: &str) {
        if self.json {
            self.key(key);
            self.s.push_str(value);
        }
    }
    /// Text only.
    pub fn text(&mut self, text: &str) {
        if !self.json {
            self.s.push_str(text);
        }
    }
    /// JSON only: `"key":["a","b"]`.
    pub fn strs(&mut self, key: &str, values: &[String]) {
        if self.json {
            self.key(key);
            self.s.push('[');
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    self.s.push(',');
                }
                json_str(&mut self.s, v);
            }
            self.s.push(']');
        }
    }
    /// JSON only: `"key":{` … `}` around what `f` writes.
    pub fn object(&mut self, key: &str, f: impl FnOnce(&mut Out)) {
        if !self.json {
            return f(self);
        }
        self.key(key);
        let mut inner = Out::new(true);
        f(&mut inner);
        self.s.push('{');
        self.s.push_str(&inner.s);
        self.s.push('}');
    }
}

impl Out {
    /// JSON only: `"key":[{…},{…}]`, one object per printer in `items`.
    pub fn objects(&mut self, key: &str, items: &[Out]) {
        if self.json {
            self.key(key);
            self.s.push('[');
            for (i, o) in items.iter().enumerate() {
                if i > 0 {
                    self.s.push(',');
                }
                self.s.push('{');
                self.s.push_str(&o.s);
                self.s.push('}');
            }
            self.s.push(']');
        }
    }
}

/// A list of entries as ip prints one: a line each in text, a JSON array of
/// objects with `-j` (`[]` for none), pretty with `-p`.
pub struct List {
    json: bool,
    pretty: bool,
    out: String,
    first: bool,
}

impl List {
    /// An empty list printed as `g` asks.
    pub fn new(g: &crate::Global) -> Self {
        List { json: g.json, pretty: g.pretty, out: String::new(), first: true }
    }
    /// A printer for the next entry (JSON members or text as the list's).
    pub fn entry(&self) -> Out {
        Out::new(self.json)
    }
    /// Appends the entry `o` wrote.
    pub fn push(&mut self, o: Out) {
        if self.json {
            self.out.push(if self.first { '[' } else { ',' });
            self.out.push('{');
            self.out.push_str(&o.s);
            self.out.push('}');
        } else {
            self.out.push_str(&o.s);
            self.out.push('\n');
        }
        self.first = false;
    }
    /// Appends the entry `o` wrote, its text as written (an entry of
    /// several lines that ends its own).
    pub fn push_verbatim(&mut self, o: Out) {
        if self.json {
            self.push(o);
        } else {
            self.out.push_str(&o.s);
            self.first = false;
        }
    }
    /// Writes the list to standard output.
    pub fn finish(mut self) -> Result<std::process::ExitCode, crate::Fail> {
        if self.json {
            self.out.push_str(if self.first { "[]" } else { "]" });
            self.out = if self.pretty { pretty(&self.out) } else { self.out + "\n" };
        }
        crate::write_stdout(&self.out)
    }
}

/// `v` as C's `printf("%#x")` writes it: `0x` before any value but 0.
pub fn alt_hex(v: u64) -> String {
    if v == 0 {
        "0".into()
    } else {
        format!("{v:#x}")
    }
}

/// Bytes as lowercase hex digits, two a byte (`hexstring_n2a`).
pub fn hex_bytes(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A link-layer address as `ll_addr_n2a` writes it: hex bytes joined by
/// colons.
pub fn mac_text(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect::<Vec<_>>().join(":")
}

/// `x` as C's `printf("%g")` writes it (six significant digits, trailing
/// zeros dropped, exponent form below 1e-4 and from 1e6).
pub fn float_g(x: f64) -> String {
    float_gp(x, 6)
}

/// `x` as C's `printf("%.Pg")` writes it, `P` (at least 1) significant
/// digits: trailing zeros dropped, exponent form below 1e-4 and from
/// `10^P`.
pub fn float_gp(x: f64, p: usize) -> String {
    let p = p.max(1);
    if x == 0.0 || !x.is_finite() {
        return if x == 0.0 { "0".into() } else { x.to_string() };
    }
    let e = format!("{x:.*e}", p - 1);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let trim = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            s.to_owned()
        }
    };
    if exp >= -4 && exp < p as i32 {
        trim(&format!("{x:.*}", (p as i32 - 1 - exp) as usize))
    } else {
        format!("{}e{}{:02}", trim(mant), if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}

/// Appends `v` as a JSON string (ip's escapes).
pub fn json_str(s: &mut String, v: &str) {
    s.push('"');
    for c in v.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\t' => s.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(s, "\\u{:04x}", c as u32);
            }
            c => s.push(c),
        }
    }
    s.push('"');
}

#[cfg(test)]
mod tests {
    #[test]
    fn lays_out_json_as_ip_does() {
        let compact = r#"[{"dst":"default","gateway":"192.0.2.1","dev":"eth0","flags":[]},{"dst":"10.0.0.0/8","metric":5,"flags":["onlink"],"nexthops":[{"dev":"v0","weight":1}]}]"#;
        let want = "[ {
        \"dst\": \"default\",
        \"gateway\": \"192.0.2.1\",
        \"dev\": \"eth0\",
        \"flags\": [ ]
    },{
        \"dst\": \"10.0.0.0/8\",
        \"metric\": 5,
        \"flags\": [ \"onlink\" ],
        \"nexthops\": [ {
                \"dev\": \"v0\",
                \"weight\": 1
            } ]
    } ]
";
        assert_eq!((super::alt_hex(0), super::alt_hex(0x10)), ("0".to_owned(), "0x10".to_owned()));
        assert_eq!(super::pretty(compact), want);
        assert_eq!(super::pretty("[]"), "[ ]\n");
        for (x, want) in [
            (60.0, "60"),
            (0.0, "0"),
            (12.34, "12.34"),
            (1e6, "1e+06"),
            (123456.7, "123457"),
            (0.0001, "0.0001"),
            (1.5e-5, "1.5e-05"),
            (42949672.95, "4.29497e+07"),
        ] {
            assert_eq!(super::float_g(x), want, "{x}");
        }
        for (x, p, want) in [(0.4, 3, "0.4"), (1.5, 3, "1.5"), (12.345, 3, "12.3"), (1234.0, 3, "1.23e+03")] {
            assert_eq!(super::float_gp(x, p), want, "{x}");
        }
        assert_eq!(super::pretty(r#"[{"a":"x\"y,z"}]"#), "[ {\n        \"a\": \"x\\\"y,z\"\n    } ]\n");
    }
}
