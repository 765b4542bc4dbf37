//! rtnl-core allocates nothing: decoding every message of every capture in
//! testdata/ (this machine's and the six kernels', both byte orders),
//! checking it strictly, rendering it to a visitor and re-encoding it into a
//! caller's buffer makes no heap allocation. A counting global allocator
//! counts this thread's allocations around exactly that work (reading the
//! files, before, is not counted).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;

use rtnl_core::message::Message;
use rtnl_core::wire::visit::Visit;
use rtnl_core::wire::{BigEndian, ByteOrder, LittleEndian, Messages, SliceBuffer, Writer};
use rtnl_tests::Count;

struct Counting;

thread_local! {
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocs() -> usize {
    ALLOCS.with(Cell::get)
}

/// Decodes, checks, renders and re-encodes every message; returns the
/// number of messages and of rendered values.
fn work<O: ByteOrder>(data: &[u8], out: &mut [u8]) -> (usize, usize) {
    let (mut n, mut values) = (0, 0);
    for m in Messages::<O>::with_order(data).flatten() {
        let msg = Message::decode(m);
        let _ = msg.first_error();
        let mut c = Count(0);
        msg.visit(&mut c);
        values += c.0;
        let mut w = Writer::<_, O>::with_order(SliceBuffer::new(out));
        msg.emit(&mut w).expect("fits");
        assert_eq!(w.into_inner().written(), m.bytes());
        n += 1;
    }
    (n, values)
}

fn files(dir: &Path, out: &mut Vec<(std::path::PathBuf, bool)>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "bin") {
            let big = p.parent().and_then(|d| d.file_name()).is_some_and(|d| d.to_string_lossy().ends_with("s390x"));
            out.push((p, big));
        }
    }
}

#[test]
fn decoding_rendering_and_reencoding_every_capture_allocates_nothing() {
    let mut list = Vec::new();
    files(&rtnl_tests::testdata(), &mut list);
    let data: Vec<(Vec<u8>, bool)> = list.iter().map(|(p, big)| (std::fs::read(p).unwrap(), *big)).collect();
    assert!(data.len() > 100, "{} capture files", data.len());
    let mut out = vec![0u8; 1 << 17];
    let before = allocs();
    let (mut msgs, mut values) = (0, 0);
    for (d, big) in &data {
        // testdata/*.bin are this x86_64 machine's; the kernels' say their order
        let (n, v) = if *big { work::<BigEndian>(d, &mut out) } else { work::<LittleEndian>(d, &mut out) };
        msgs += n;
        values += v;
    }
    let after = allocs();
    assert_eq!(after - before, 0, "rtnl-core allocated while handling {msgs} messages");
    assert!(msgs > 5000 && values > 100_000, "{msgs} messages, {values} values");
}
