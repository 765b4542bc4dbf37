//! Runs one link decoder over the 400-link dump a few times, for instruction
//! counts under `valgrind --tool=callgrind`: `link_once walk|render|npr [N]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map(String::as_str).unwrap_or("walk");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/links-400.bin");
    let buf = std::fs::read(path).expect("run benches/gen-links.sh first");
    let mut sum = 0;
    for _ in 0..n {
        let s = match which {
            "npr" => rtnl_benches::npr_link_decode(std::hint::black_box(&buf)),
            "render" => rtnl_benches::rtnl_link_decode(std::hint::black_box(&buf)).0,
            _ => rtnl_benches::rtnl_link_walk(std::hint::black_box(&buf)).0,
        };
        sum ^= std::hint::black_box(s).checksum;
    }
    println!("{which}: {sum:x}");
}
