//! Shared checks for the fuzz targets.
#![no_std]

use rtnl_core::message::Message;
use rtnl_core::wire::visit::{Value, Visit, Visitor};
use rtnl_core::wire::{ByteOrder, Messages, SliceBuffer, Writer};

/// Counts what a message's description holds (exercises every `visit`).
pub struct Count(pub usize);

impl Visitor for Count {
    fn value(&mut self, _: Value<'_>) {
        self.0 += 1;
    }
    fn begin_object(&mut self) {}
    fn key(&mut self, _: &str) {}
    fn end_object(&mut self) {}
    fn begin_array(&mut self) {}
    fn end_array(&mut self) {}
}

/// Decodes every message of `data` in byte order `O`, renders it, and checks
/// that re-encoding is a fixed point: whatever re-encodes decodes again and
/// re-encodes to the same bytes.
pub fn check_datagram<O: ByteOrder>(data: &[u8]) {
    let mut out = [0u8; 70_000];
    let mut out2 = [0u8; 70_000];
    for m in Messages::<O>::with_order(data).flatten() {
        let msg = Message::decode(m);
        let _ = msg.first_error();
        msg.visit(&mut Count(0));
        let mut w = Writer::<_, O>::with_order(SliceBuffer::new(&mut out));
        if msg.emit(&mut w).is_err() {
            continue;
        }
        let once = w.into_inner();
        let once = once.written();
        let again = Messages::<O>::with_order(once).next();
        let Some(Ok(again)) = again else { panic!("re-encoded bytes do not frame") };
        assert_eq!(again.bytes().len(), once.len());
        let msg2 = Message::decode(again);
        let mut w2 = Writer::<_, O>::with_order(SliceBuffer::new(&mut out2));
        msg2.emit(&mut w2).expect("a re-encoded message re-encodes");
        assert_eq!(w2.into_inner().written(), once, "re-encoding is not a fixed point");
        // nothing is lost: the length is the same, up to the padding of a
        // well-formed message's family header
        assert!(once.len() >= m.bytes().len() && once.len() <= padded_len(m.bytes().len()) + 3, "length changed");
    }
}

/// The length a message has once its tail is padded to 4 bytes.
pub fn padded_len(n: usize) -> usize {
    (n + 3) & !3
}
