//! JSON output for decoded messages: one object per message, kernel names
//! throughout (see the README's JSON contract).

use std::fmt::Write as _;
use std::net::{Ipv4Addr, Ipv6Addr};

use rtnl_core::wire::visit::{Value, Visit, Visitor};

/// A [`Visitor`] that writes compact JSON (`", "` and `": "` separators)
/// into a `String`.
///
/// ```
/// use rtnl_core::wire::visit::{Value, Visitor};
/// use rtnl_io::json::JsonWriter;
///
/// let mut j = JsonWriter::default();
/// j.begin_object();
/// j.field("rtm_family", Value::U64(2));
/// j.key("attrs");
/// j.begin_array();
/// j.value(Value::Ipv4([10, 0, 0, 1]));
/// j.end_array();
/// j.end_object();
/// assert_eq!(j.as_str(), r#"{"rtm_family": 2, "attrs": ["10.0.0.1"]}"#);
/// ```
#[derive(Debug, Default, Clone)]
pub struct JsonWriter {
    out: String,
    // one entry per open container: (is_object, members so far)
    stack: Vec<(bool, usize)>,
}

impl JsonWriter {
    /// The JSON written so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }
    /// Takes the JSON written so far, leaving the writer empty.
    pub fn take(&mut self) -> String {
        self.stack.clear();
        std::mem::take(&mut self.out)
    }
    fn before_value(&mut self) {
        if let Some((false, n)) = self.stack.last_mut() {
            if *n > 0 {
                self.out.push_str(", ");
            }
            *n += 1;
        }
    }
    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.out, "\\u{:04x}", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

impl Visitor for JsonWriter {
    fn value(&mut self, v: Value<'_>) {
        self.before_value();
        match v {
            Value::U64(n) => {
                let _ = write!(self.out, "{n}");
            }
            Value::I64(n) => {
                let _ = write!(self.out, "{n}");
            }
            Value::Str(s) => self.string(s),
            Value::Ipv4(a) => self.string(&Ipv4Addr::from(a).to_string()),
            Value::Ipv6(a) => self.string(&Ipv6Addr::from(a).to_string()),
            Value::Mac(b) => {
                let s: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
                self.string(&s.join(":"))
            }
            Value::True => self.out.push_str("true"),
            Value::Hex(b) => {
                let mut s = String::with_capacity(b.len() * 2);
                for x in b {
                    let _ = write!(s, "{x:02x}");
                }
                self.string(&s)
            }
        }
    }
    fn begin_object(&mut self) {
        self.before_value();
        self.out.push('{');
        self.stack.push((true, 0));
    }
    fn key(&mut self, k: &str) {
        if let Some((true, n)) = self.stack.last_mut() {
            if *n > 0 {
                self.out.push_str(", ");
            }
            *n += 1;
        }
        self.string(k);
        self.out.push_str(": ");
    }
    fn end_object(&mut self) {
        self.stack.pop();
        self.out.push('}');
    }
    fn begin_array(&mut self) {
        self.before_value();
        self.out.push('[');
        self.stack.push((false, 0));
    }
    fn end_array(&mut self) {
        self.stack.pop();
        self.out.push(']');
    }
}

/// Renders anything [`Visit`] as one line of JSON.
pub fn to_json<T: Visit + ?Sized>(v: &T) -> String {
    let mut j = JsonWriter::default();
    v.visit(&mut j);
    j.take()
}
