//! Runs one decoder over the 100k-route dump a few times, for instruction
//! counts under `valgrind --tool=callgrind` (repeatable where wall time on a
//! shared VM is not): `decode_once rtnl|walker|npr [N]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map(String::as_str).unwrap_or("rtnl");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/routes-100000.bin");
    let buf = std::fs::read(path).expect("run benches/gen-routes.sh first");
    let f = match which {
        "walker" => rtnl_benches::walker_decode,
        "npr" => rtnl_benches::npr_decode,
        _ => rtnl_benches::rtnl_decode,
    };
    let mut sum = 0;
    for _ in 0..n {
        sum ^= std::hint::black_box(f(std::hint::black_box(&buf))).checksum;
    }
    println!("{which}: {sum:x}");
}
