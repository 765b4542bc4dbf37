//! Shared by the CLI tests and the tool's unit tests: a bridge's running
//! timers move between two dumps, so texts and JSON are compared with them
//! masked or removed.

/// `text` with the value of every `NAME_timer N.NN` replaced by `#` (its
/// padding too: `%7.2f` of a timer that passed 10 s is one digit wider).
pub fn mask_timers(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("_timer ") {
        let (head, tail) = rest.split_at(i + "_timer ".len());
        out.push_str(head);
        let n = tail.find(|c: char| !(c == ' ' || c == '.' || c.is_ascii_digit())).unwrap_or(tail.len());
        let run = &tail[..n];
        if !run.trim().is_empty() {
            out.push('#');
        }
        if run.ends_with(' ') {
            out.push(' ');
        }
        rest = &tail[n..];
    }
    out.push_str(rest);
    out
}

/// Removes every object member whose key `drop` picks, at any depth.
pub fn scrub_keys(v: &mut serde_json::Value, drop: &dyn Fn(&str) -> bool) {
    match v {
        serde_json::Value::Object(m) => {
            m.retain(|k, _| !drop(k));
            m.values_mut().for_each(|x| scrub_keys(x, drop));
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| scrub_keys(x, drop)),
        _ => {}
    }
}
