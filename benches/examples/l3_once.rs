//! Runs one address or neighbour decoder over its dump a few times, for
//! instruction counts under `valgrind --tool=callgrind`:
//! `l3_once addr|neigh rtnl|npr [N]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map(String::as_str).unwrap_or("neigh");
    let who = args.get(2).map(String::as_str).unwrap_or("rtnl");
    let n: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(3);
    let file = if what == "addr" { "addrs-400.bin" } else { "neighs-10000.bin" };
    let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let buf = std::fs::read(path).expect("run benches/gen-l3.sh first");
    let f = match (what, who) {
        ("addr", "npr") => rtnl_benches::npr_addr_decode,
        ("addr", _) => rtnl_benches::rtnl_addr_decode,
        (_, "npr") => rtnl_benches::npr_neigh_decode,
        _ => rtnl_benches::rtnl_neigh_decode,
    };
    let mut sum = 0;
    for _ in 0..n {
        sum ^= std::hint::black_box(f(std::hint::black_box(&buf))).checksum;
    }
    println!("{what} {who}: {sum:x}");
}
