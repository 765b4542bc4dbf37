//! Shared by the CLI tests and the tool's unit tests: a bridge's running
//! timers move between two dumps, so texts are compared with them masked.

/// `text` with the digits of every `NAME_timer N.NN` replaced by `#`.
pub fn mask_timers(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("_timer ") {
        let (head, tail) = rest.split_at(i + "_timer ".len());
        out.push_str(head);
        let n = tail.find(|c: char| !(c == ' ' || c == '.' || c.is_ascii_digit())).unwrap_or(tail.len());
        out.extend(tail[..n].chars().map(|c| if c.is_ascii_digit() { '#' } else { c }));
        rest = &tail[n..];
    }
    out.push_str(rest);
    out
}
