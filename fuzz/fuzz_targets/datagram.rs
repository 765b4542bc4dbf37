//! Any bytes, as a datagram: framing, typed decode of every family, visit,
//! and re-encoding, in both byte orders. Never panics; re-encoding is a
//! fixed point.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtnl_core::wire::{BigEndian, LittleEndian};

fuzz_target!(|data: &[u8]| {
    rtnl_fuzz::check_datagram::<LittleEndian>(data);
    rtnl_fuzz::check_datagram::<BigEndian>(data);
});
