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
        check_tc_statistics(&m);
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

/// A qdisc's or class's one-pass statistics view: never a panic, and when
/// it reads the message, the extended statistics it types are the full
/// typed decode's.
pub fn check_tc_statistics<O: ByteOrder>(m: &rtnl_core::wire::NlMsg<'_, O>) {
    use rtnl_core::tc::{TcAttr, TcMessage, RTM_NEWQDISC, RTM_NEWTCLASS, TCA_XSTATS};
    if m.ty() != RTM_NEWQDISC && m.ty() != RTM_NEWTCLASS {
        return;
    }
    let Ok(t) = TcMessage::<O>::parse(m) else { return };
    let Ok(s) = t.statistics() else { return };
    let _ = (s.stats().map(|g| g.get()), s.basic().map(|g| g.get()), s.basic_hw().map(|g| g.get()));
    let _ = (s.rate_est(), s.rate_est64(), s.queue(), s.pkt64(), s.app());
    assert_eq!(s.kind(), t.kind(), "the view's kind is not the message's");
    if let (Some(Ok(x)), Some(TcAttr::Xstats(y))) = (s.xstats(), t.find(TCA_XSTATS)) {
        assert_eq!(x, y, "the view's extended statistics are not the typed decode's");
    }
}

/// The length a message has once its tail is padded to 4 bytes.
pub fn padded_len(n: usize) -> usize {
    (n + 3) & !3
}

/// One message of a typed family, as the family targets build it: a valid
/// `nlmsghdr` of type `ty`, a fixed header `H` drawn by `Arbitrary`, then
/// either attributes generated from set `S`'s tables (`family` taken from
/// the header by `family`) or fuzzed raw attributes; then
/// [`check_datagram`].
pub fn check_family<H, S>(data: &[u8], ty: u16, family: fn(&H) -> u8)
where
    H: for<'u> arbitrary::Arbitrary<'u> + zerocopy::IntoBytes + zerocopy::Immutable,
    S: rtnl_core::typed::gen::ArbitrarySet<rtnl_core::wire::NativeEndian>,
{
    use arbitrary::{Arbitrary, Unstructured};
    use rtnl_core::typed::gen::GenCtx;
    use rtnl_core::wire::NativeEndian;

    let mut u = Unstructured::new(data);
    let Ok(hdr) = H::arbitrary(&mut u) else { return };
    let Ok(from_tables) = bool::arbitrary(&mut u) else { return };
    let mut buf = [0u8; 70_000];
    let mut w = Writer::new(SliceBuffer::new(&mut buf));
    let Ok(m) = w.begin_msg(ty, 0x22, 1, 0) else { return };
    if w.header(&hdr).is_err() {
        return;
    }
    let ok = if from_tables {
        S::arbitrary_attrs(&mut u, GenCtx { family: family(&hdr), depth: 0, msg_type: ty }, &mut w).is_ok()
    } else {
        w.bytes(u.take_rest()).is_ok()
    };
    if !ok || w.end_msg(m).is_err() {
        return;
    }
    let out = w.into_inner();
    check_datagram::<NativeEndian>(out.written());
}
