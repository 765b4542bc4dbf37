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
        assert_eq!(super::pretty(compact), want);
        assert_eq!(super::pretty("[]"), "[ ]\n");
        assert_eq!(super::pretty(r#"[{"a":"x\"y,z"}]"#), "[ {\n        \"a\": \"x\\\"y,z\"\n    } ]\n");
    }
}
