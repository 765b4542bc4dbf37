//! Runs one traffic-control decoder over the qdisc and class dumps a few
//! times, for profiles and instruction counts (`perf record`, `valgrind
//! --tool=callgrind`): `tc_once rtnl|stats|poll|walker|npr [N]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let who = args.get(1).map(String::as_str).unwrap_or("rtnl");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let mut buf = Vec::new();
    for file in ["qdiscs-5001.bin", "classes-5000.bin"] {
        let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
        buf.extend(std::fs::read(path).expect("run benches/gen-tc.sh first"));
    }
    let f = match who {
        "npr" => rtnl_benches::npr_tc_decode,
        "stats" => rtnl_benches::rtnl_tc_stats_only,
        "poll" => rtnl_benches::rtnl_tc_poll,
        "walker" => rtnl_benches::walker_tc_decode,
        _ => rtnl_benches::rtnl_tc_decode,
    };
    let mut sum = 0;
    for _ in 0..n {
        sum ^= std::hint::black_box(f(std::hint::black_box(&buf))).checksum;
    }
    println!("tc {who}: {sum:x}");
}
