use super::action::{ActAttr, ActOptions, MirredAttr, TcMirred};
use super::filter::{FilterOptions, FlowerAttr, U32Attr, TCA_FLOWER_KEY_IPV4_SRC, TCA_U32_SEL};
use super::qdisc::{HtbAttr, QdiscOptions, TbfAttr, TcFifoQopt, TcHtbOpt, TCA_TBF_PARMS};
use super::stats::StatsAttr;
use super::*;
use crate::message::{Message, RtnlMessage};
use crate::typed::request;
use crate::wire::flags::Request;
use crate::wire::{BigEndian, DecodeErrorKind, LittleEndian, Messages, PathElem, SliceBuffer};

type Le = LittleEndian;

fn decode(m: &[u8]) -> Message<'_, Le> {
    Message::decode(Messages::<Le>::with_order(m).next().unwrap().unwrap())
}

fn reencoded(m: &[u8]) -> heapless::Vec<u8, 1024> {
    let mut out = [0u8; 1024];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    decode(m).emit(&mut w).unwrap();
    let n = w.len();
    heapless::Vec::from_slice(&out[..n]).unwrap()
}

/// A message of type `ty` with header `hdr` and attributes `f` writes raw.
fn raw_msg(ty: u16, f: impl FnOnce(&mut Writer<SliceBuffer<'_>, Le>)) -> heapless::Vec<u8, 1024> {
    let mut out = [0u8; 1024];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let m = w.begin_msg(ty, 2, 1, 0).unwrap();
    w.header(&TcMsg::<Le> { tcm_ifindex: 3.into(), ..Default::default() }).unwrap();
    f(&mut w);
    w.end_msg(m).unwrap();
    let n = w.len();
    heapless::Vec::from_slice(&out[..n]).unwrap()
}

fn show(h: TcHandle) -> heapless::String<16> {
    use core::fmt::Write;
    let mut s = heapless::String::new();
    write!(s, "{h}").unwrap();
    s
}

#[test]
fn handles_print_and_parse_as_tc_does() {
    let cases = [(TcHandle::ROOT, "root"), (TcHandle::UNSPEC, "none"), (TcHandle::new(1, 0), "1:")];
    for (h, s) in cases {
        assert_eq!(show(h), s);
        assert_eq!(TcHandle::parse(s), Some(h));
    }
    assert_eq!(show(TcHandle::new(1, 0x10)), "1:10");
    assert_eq!(show(TcHandle::new(0, 5)), ":5");
    assert_eq!(show(TcHandle::INGRESS), "ffff:fff1");
    assert_eq!(TcHandle::parse("ffff:fff2"), Some(TcHandle::new(0xffff, TcHandle::MIN_INGRESS)));
    assert_eq!(TcHandle::parse("10"), Some(TcHandle::new(0x10, 0)));
    assert_eq!(TcHandle::parse("clsact"), Some(TcHandle::CLSACT));
    assert_eq!(TcHandle::parse("1:x"), None);
    assert_eq!(TcHandle::parse(""), None);
}

#[test]
fn a_filters_protocol_is_big_endian_in_either_byte_order() {
    // as a little-endian kernel stores prio 1, ETH_P_IP: 08 00 01 00
    let le = TcMsg::<Le> { tcm_info: u32::from_le_bytes([8, 0, 1, 0]).into(), ..Default::default() };
    assert_eq!((le.prio(), le.protocol()), (1, 0x0800));
    assert_eq!(TcMsg::<Le>::filter_info(1, 0x0800), le.tcm_info.get());
    // and a big-endian one: 00 01 08 00
    let be = TcMsg::<BigEndian> { tcm_info: u32::from_be_bytes([0, 1, 8, 0]).into(), ..Default::default() };
    assert_eq!((be.prio(), be.protocol()), (1, 0x0800));
    assert_eq!(TcMsg::<BigEndian>::filter_info(1, 0x0800), be.tcm_info.get());
}

#[test]
fn a_class_and_a_filter_with_an_action_build_and_decode_typed() {
    let mut out = [0u8; 1024];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let hdr = TcMsg::<Le> {
        tcm_ifindex: 3.into(),
        tcm_handle: TcHandle::new(1, 0x10).0.into(),
        tcm_parent: TcHandle::new(1, 0).0.into(),
        ..Default::default()
    };
    request(&mut w, RTM_NEWTCLASS, Request::Add.flags(), 1, &hdr, |a| {
        a.options().class().htb(|o| {
            o.parms(TcHtbOpt { quantum: 1500.into(), prio: 2.into(), ..Default::default() })?;
            o.rate64(20_000_000_000)?;
            Ok(())
        })
    })
    .unwrap();
    let class_len = w.len();
    let hdr = TcMsg::<Le> {
        tcm_ifindex: 3.into(),
        tcm_parent: TcHandle::new(1, 0).0.into(),
        tcm_info: TcMsg::<Le>::filter_info(1, 0x0800).into(),
        ..Default::default()
    };
    request(&mut w, RTM_NEWTFILTER, Request::Add.flags(), 2, &hdr, |a| {
        a.options().filter().u32(|o| {
            o.classid(TcHandle::new(1, 0x10))?;
            o.act(|acts| {
                acts.action(|x| {
                    x.options().mirred(|m| {
                        m.parms(TcMirred { eaction: 2.into(), ifindex: 7.into(), ..Default::default() })?;
                        Ok(())
                    })?;
                    Ok(())
                })?;
                Ok(())
            })?;
            Ok(())
        })
    })
    .unwrap();
    let n = w.len();
    let bytes = &out[..n];
    let mut msgs = Messages::<Le>::with_order(bytes).map(|m| Message::decode(m.unwrap()));
    let class = msgs.next().unwrap();
    assert_eq!(class.first_error(), None);
    let RtnlMessage::Tc(c) = class.body() else { panic!() };
    assert_eq!((c.kind(), show(c.header().handle()).as_str()), (Some("htb"), "1:10"));
    let Some(TcAttr::Options(TcOptions::Class(ClassOptions::Htb(o)))) = c.find(TCA_OPTIONS) else { panic!("{c:?}") };
    assert!(o.iter().flatten().any(|x| matches!(x, HtbAttr::Rate64(20_000_000_000))));
    let filter = msgs.next().unwrap();
    assert_eq!(filter.first_error(), None);
    let RtnlMessage::Tc(f) = filter.body() else { panic!() };
    assert_eq!((f.header().prio(), f.header().protocol()), (1, 0x0800));
    let Some(TcAttr::Options(TcOptions::Filter(FilterOptions::U32(o)))) = f.find(TCA_OPTIONS) else { panic!() };
    let acts = o.iter().flatten().find_map(|x| if let U32Attr::Act(l) = x { Some(l) } else { None }).unwrap();
    let (pos, act) = acts.iter().next().unwrap().unwrap();
    assert_eq!(pos, 1);
    let act = act.unwrap();
    assert!(act.iter().flatten().any(|x| matches!(x, ActAttr::Kind("mirred"))));
    let Some(ActAttr::Options(ActOptions::Mirred(m))) = act.find(super::action::TCA_ACT_OPTIONS) else { panic!() };
    let Some(MirredAttr::Parms(p)) = m.find(super::action::TCA_MIRRED_PARMS) else { panic!() };
    assert_eq!((p.eaction.get(), p.ifindex.get()), (2, 7));
    // both re-encode byte for byte
    assert_eq!(&reencoded(&bytes[..class_len])[..], &bytes[..class_len]);
    assert_eq!(&reencoded(&bytes[class_len..])[..], &bytes[class_len..]);
}

#[test]
fn options_before_their_kind_and_a_qdisc_pfifo_decode_typed() {
    let m = raw_msg(RTM_NEWQDISC, |w| {
        w.attr(TCA_OPTIONS, &100u32.to_le_bytes()).unwrap();
        w.attr_str(TCA_KIND, "pfifo").unwrap();
    });
    let msg = decode(&m);
    assert_eq!(msg.first_error(), None);
    let RtnlMessage::Tc(q) = msg.body() else { panic!() };
    let Some(TcAttr::Options(TcOptions::Qdisc(QdiscOptions::Pfifo(TcFifoQopt { limit })))) = q.find(TCA_OPTIONS) else {
        panic!("{q:?}")
    };
    assert_eq!(limit.get(), 100);
    assert_eq!(&reencoded(&m)[..], &m[..]);
}

#[test]
fn short_options_are_kept_invalid_with_their_offset_and_path() {
    // tbf's parameters cut to 10 of 36 bytes
    let m = raw_msg(RTM_NEWQDISC, |w| {
        w.attr_str(TCA_KIND, "tbf").unwrap();
        w.nest(TCA_OPTIONS, false, |w| w.attr(TCA_TBF_PARMS, &[1; 10])).unwrap();
    });
    let msg = decode(&m);
    let e = msg.first_error().unwrap();
    // 16 nlmsghdr + 20 tcmsg + 8 TCA_KIND "tbf" + 4 TCA_OPTIONS + 4 TCA_TBF_PARMS header
    assert_eq!(e.offset, 16 + 20 + 8 + 4 + 4);
    assert_eq!(e.kind, DecodeErrorKind::BadLength { expected: 36, got: 10 });
    let path: heapless::Vec<PathElem, 4> = e.path.iter().collect();
    assert_eq!(&path[..], &[PathElem::Attr(TCA_OPTIONS), PathElem::Attr(TCA_TBF_PARMS)]);
    let RtnlMessage::Tc(q) = msg.body() else { panic!() };
    let Some(TcAttr::Options(TcOptions::Qdisc(QdiscOptions::Tbf(o)))) = q.find(TCA_OPTIONS) else { panic!() };
    assert!(matches!(o.iter().next(), Some(Ok(TbfAttr::Invalid(..)))));
    assert_eq!(&reencoded(&m)[..], &m[..]);
}

#[test]
fn a_u32_selector_whose_key_count_disagrees_with_its_length_is_kept() {
    // nkeys 2, one key present
    let mut sel = [0u8; 32];
    sel[2] = 2;
    let m = raw_msg(RTM_NEWTFILTER, |w| {
        w.attr_str(TCA_KIND, "u32").unwrap();
        w.nest(TCA_OPTIONS, false, |w| w.attr(TCA_U32_SEL, &sel)).unwrap();
    });
    let msg = decode(&m);
    let e = msg.first_error().unwrap();
    assert_eq!(e.offset, 16 + 20 + 8 + 4 + 4 + 16);
    assert_eq!(e.kind, DecodeErrorKind::BadLength { expected: 32, got: 16 });
    assert_eq!(&reencoded(&m)[..], &m[..]);
    // with the count right it decodes, each key's words in network order
    sel[2] = 1;
    sel[16..20].copy_from_slice(&[0xff, 0xff, 0xff, 0]);
    sel[20..24].copy_from_slice(&[10, 9, 0, 0]);
    let m = raw_msg(RTM_NEWTFILTER, |w| {
        w.attr_str(TCA_KIND, "u32").unwrap();
        w.nest(TCA_OPTIONS, false, |w| w.attr(TCA_U32_SEL, &sel[..32])).unwrap();
    });
    let msg = decode(&m);
    assert_eq!(msg.first_error(), None);
    let RtnlMessage::Tc(f) = msg.body() else { panic!() };
    let Some(TcAttr::Options(TcOptions::Filter(FilterOptions::U32(o)))) = f.find(TCA_OPTIONS) else { panic!() };
    let Some(U32Attr::Sel(s)) = o.find(TCA_U32_SEL) else { panic!() };
    let k = s.iter().next().unwrap();
    assert_eq!((k.mask.get(), k.val.get()), (0xffff_ff00, 0x0a09_0000));
}

#[test]
fn a_flower_key_of_the_wrong_size_and_an_unknown_kind_are_kept() {
    let m = raw_msg(RTM_NEWTFILTER, |w| {
        w.attr_str(TCA_KIND, "flower").unwrap();
        w.nest(TCA_OPTIONS, false, |w| w.attr(TCA_FLOWER_KEY_IPV4_SRC, &[10, 0, 0])).unwrap();
    });
    let msg = decode(&m);
    let e = msg.first_error().unwrap();
    assert_eq!(e.kind, DecodeErrorKind::BadLength { expected: 4, got: 3 });
    let RtnlMessage::Tc(f) = msg.body() else { panic!() };
    let Some(TcAttr::Options(TcOptions::Filter(FilterOptions::Flower(o)))) = f.find(TCA_OPTIONS) else { panic!() };
    assert!(matches!(o.iter().next(), Some(Ok(FlowerAttr::Invalid(..)))));
    assert_eq!(&reencoded(&m)[..], &m[..]);
    // a classifier this version does not know: raw, lossless, no error
    let m = raw_msg(RTM_NEWTFILTER, |w| {
        w.attr_str(TCA_KIND, "rsvp").unwrap();
        w.nest(TCA_OPTIONS, false, |w| w.attr_u32(1, 5)).unwrap();
    });
    let msg = decode(&m);
    assert_eq!(msg.first_error(), None);
    let RtnlMessage::Tc(f) = msg.body() else { panic!() };
    let Some(TcAttr::Options(TcOptions::Filter(FilterOptions::Unknown("rsvp", raw)))) = f.find(TCA_OPTIONS) else {
        panic!()
    };
    assert_eq!(raw.bytes, &[8, 0, 1, 0, 5, 0, 0, 0]);
    assert_eq!(&reencoded(&m)[..], &m[..]);
    // decoded strictly, the unknown kind is an error at TCA_OPTIONS's payload
    let strict = Message::decode_strict(Messages::<Le>::with_order(&m).next().unwrap().unwrap());
    let e = strict.first_error().unwrap();
    assert_eq!((e.kind, e.offset), (DecodeErrorKind::UnknownKind, 48));
    assert_eq!(e.path.iter().collect::<heapless::Vec<_, 4>>().as_slice(), &[PathElem::Attr(TCA_OPTIONS)]);
    // and an attribute unknown to a typed kind's set is one with its path
    let m = raw_msg(RTM_NEWTFILTER, |w| {
        w.attr_str(TCA_KIND, "u32").unwrap();
        w.nest(TCA_OPTIONS, false, |w| w.attr_u32(0x7ff, 5)).unwrap();
    });
    assert_eq!(decode(&m).first_error(), None);
    let e = Message::decode_strict(Messages::<Le>::with_order(&m).next().unwrap().unwrap()).first_error().unwrap();
    assert_eq!((e.kind, e.offset), (DecodeErrorKind::UnknownAttr(0x7ff), 48));
    assert_eq!(
        e.path.iter().collect::<heapless::Vec<_, 4>>().as_slice(),
        &[PathElem::Attr(TCA_OPTIONS), PathElem::Attr(0x7ff)]
    );
}

#[test]
fn app_statistics_are_typed_by_the_kind_beside_stats2() {
    // an htb class's xstats inside TCA_STATS2, TCA_KIND after it
    let x: [u8; 20] = [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x4b, 0x4a, 0, 0, 0x5a, 0x25, 0, 0];
    let m = raw_msg(RTM_NEWTCLASS, |w| {
        w.nest(TCA_STATS2, false, |w| w.attr(stats::TCA_STATS_APP, &x)).unwrap();
        w.attr_str(TCA_KIND, "htb").unwrap();
    });
    let msg = decode(&m);
    assert_eq!(msg.first_error(), None);
    let RtnlMessage::Tc(c) = msg.body() else { panic!() };
    let Some(TcAttr::Stats2(s)) = c.find(TCA_STATS2) else { panic!() };
    let Some(StatsAttr::App(AppStats(TcXstats::Class(ClassXstats::Htb(h))))) = s.find(stats::TCA_STATS_APP) else {
        panic!("{s:?}")
    };
    assert_eq!((h.lends.get(), h.tokens.get()), (3, 19019));
    assert_eq!(&reencoded(&m)[..], &m[..]);
}

#[test]
fn an_action_table_builds_as_a_dump_filter_and_decodes() {
    let mut out = [0u8; 256];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    request(&mut w, RTM_GETACTION, Request::Dump.flags(), 1, &TcaMsg::<Le>::default(), |a| {
        a.tab(|t| {
            t.action(|x| {
                x.kind("gact")?;
                Ok(())
            })?;
            Ok(())
        })?;
        a.flags(Bitfield32::of(TCA_FLAG_LARGE_DUMP_ON))?;
        Ok(())
    })
    .unwrap();
    let n = w.len();
    let msg = decode(&out[..n]);
    assert_eq!(msg.first_error(), None);
    let RtnlMessage::Action(a) = msg.body() else { panic!() };
    let Some(ActionRootAttr::Tab(t)) = a.find(TCA_ROOT_TAB) else { panic!() };
    let (pos, act) = t.iter().next().unwrap().unwrap();
    assert_eq!(pos, 1);
    assert!(matches!(act.unwrap().iter().next(), Some(Ok(ActAttr::Kind("gact")))));
    // the same bytes as the one-call filter of the transport
    let mut again = [0u8; 64];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut again));
    crate::message::write_action_kind_filter(&mut w, "gact").unwrap();
    let k = w.len();
    assert_eq!(&again[..k], &out[16 + 4..16 + 4 + k]);
}

#[test]
fn structs_kernels_grew_decode_at_every_size() {
    use super::qdisc::{QdiscXstats, TcFqQdStats};
    // fq's statistics: 104 bytes from older kernels, 152 from 7.2
    for len in [104usize, 152] {
        let mut x = [0u8; 152];
        x[..8].copy_from_slice(&5u64.to_le_bytes());
        let m = raw_msg(RTM_NEWQDISC, |w| {
            w.attr_str(TCA_KIND, "fq").unwrap();
            w.attr(TCA_XSTATS, &x[..len]).unwrap();
        });
        let msg = decode(&m);
        assert_eq!(msg.first_error(), None);
        let RtnlMessage::Tc(q) = msg.body() else { panic!() };
        let Some(TcAttr::Xstats(TcXstats::Qdisc(QdiscXstats::Fq(s)))) = q.find(TCA_XSTATS) else { panic!() };
        assert_eq!(s.get().gc_flows.get(), 5);
        assert_eq!(s.has("band_drops"), len == 152);
        assert_eq!(s.is_complete(), len == TcFqQdStats::<Le>::SIZE);
        assert_eq!(&reencoded(&m)[..], &m[..]);
    }
    // sfq's options: the old 20-byte head alone, or the 72-byte v1
    for len in [20usize, 72] {
        let mut o = [0u8; 72];
        o[8..12].copy_from_slice(&127u32.to_le_bytes());
        let m = raw_msg(RTM_NEWQDISC, |w| {
            w.attr_str(TCA_KIND, "sfq").unwrap();
            w.attr(TCA_OPTIONS, &o[..len]).unwrap();
        });
        let msg = decode(&m);
        assert_eq!(msg.first_error(), None);
        let RtnlMessage::Tc(q) = msg.body() else { panic!() };
        let Some(TcAttr::Options(TcOptions::Qdisc(QdiscOptions::Sfq(s)))) = q.find(TCA_OPTIONS) else { panic!() };
        assert_eq!((s.get().limit.get(), s.has("depth")), (127, len == 72));
        assert_eq!(&reencoded(&m)[..], &m[..]);
    }
}

#[test]
fn mqprio_options_are_a_struct_then_attributes() {
    use super::qdisc::{MqprioAttr, MqprioRateAttr, TcMqprioQopt};
    // the kernel's layout: 82 bytes of tc_mqprio_qopt, 2 of padding, then
    // TCA_MQPRIO_MODE and a TCA_MQPRIO_MIN_RATE64 nest of two rates
    let mut q = TcMqprioQopt::<Le> { num_tc: 2, hw: 1, ..Default::default() };
    q.prio_tc_map[1] = 1;
    q.count[0] = 2.into();
    q.count[1] = 2.into();
    q.offset[1] = 2.into();
    let m = raw_msg(RTM_NEWQDISC, |w| {
        w.attr_str(TCA_KIND, "mqprio").unwrap();
        let o = w.begin_nest_raw(TCA_OPTIONS).unwrap();
        w.bytes(zerocopy::IntoBytes::as_bytes(&q)).unwrap();
        w.bytes(&[0, 0]).unwrap();
        w.attr_u16(1, 1).unwrap();
        w.nest(3, false, |w| {
            w.attr_u64(3, 1_000_000)?;
            w.attr_u64(3, 2_000_000)
        })
        .unwrap();
        w.end_nest(o).unwrap();
    });
    let msg = decode(&m);
    assert_eq!(msg.first_error(), None);
    let RtnlMessage::Tc(t) = msg.body() else { panic!() };
    let Some(TcAttr::Options(TcOptions::Qdisc(QdiscOptions::Mqprio(o)))) = t.find(TCA_OPTIONS) else { panic!() };
    assert_eq!((o.head.num_tc, o.head.count[1].get(), o.head.offset[1].get()), (2, 2, 2));
    let attrs: heapless::Vec<_, 4> = o.attrs().map(Result::unwrap).collect();
    assert!(matches!(attrs[0], MqprioAttr::Mode(1)));
    let MqprioAttr::MinRate64(rates) = &attrs[1] else { panic!("{attrs:?}") };
    let rates: heapless::Vec<_, 4> = rates.iter().map(Result::unwrap).collect();
    assert!(matches!(rates[..], [MqprioRateAttr::Min(1_000_000), MqprioRateAttr::Min(2_000_000)]));
    assert_eq!(&reencoded(&m)[..], &m[..]);
}

#[test]
fn a_pedit_selector_whose_key_count_disagrees_with_its_length_is_kept() {
    use super::action::{PeditAttr, TCA_PEDIT_PARMS};
    // tc_gen (20 bytes), nkeys 2, flags, 2 bytes of padding, one 24-byte key
    let mut sel = [0u8; 48];
    sel[20] = 2;
    let m = raw_msg(RTM_NEWTFILTER, |w| {
        w.attr_str(TCA_KIND, "u32").unwrap();
        w.nest(TCA_OPTIONS, false, |w| {
            w.nest(super::filter::TCA_U32_ACT, false, |w| {
                w.nest(1, false, |w| {
                    w.attr_str(action::TCA_ACT_KIND, "pedit")?;
                    w.nest(action::TCA_ACT_OPTIONS, false, |w| w.attr(TCA_PEDIT_PARMS, &sel))
                })
            })
        })
        .unwrap();
    });
    let msg = decode(&m);
    let e = msg.first_error().unwrap();
    assert_eq!(e.kind, DecodeErrorKind::BadLength { expected: 48, got: 24 });
    assert_eq!(e.offset, 16 + 20 + 8 + 4 + 4 + 4 + 12 + 4 + 4 + 24);
    assert_eq!(&reencoded(&m)[..], &m[..]);
    // the count right: typed, each key's words
    sel[20] = 1;
    sel[24..28].copy_from_slice(&0xffff_00ffu32.to_le_bytes());
    sel[32..36].copy_from_slice(&12u32.to_le_bytes());
    let mut out = [0u8; 256];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let mk = w.begin_msg(RTM_NEWACTION, 0, 1, 0).unwrap();
    w.header(&TcaMsg::<Le>::default()).unwrap();
    w.nest(TCA_ROOT_TAB, false, |w| {
        w.nest(1, false, |w| {
            w.attr_str(action::TCA_ACT_KIND, "pedit")?;
            w.nest(action::TCA_ACT_OPTIONS, false, |w| w.attr(TCA_PEDIT_PARMS, &sel))
        })
    })
    .unwrap();
    w.end_msg(mk).unwrap();
    let n = w.len();
    let m = &out[..n];
    let msg = decode(m);
    assert_eq!(msg.first_error(), None);
    let RtnlMessage::Action(a) = msg.body() else { panic!("{:?}", msg.body()) };
    let Some(ActionRootAttr::Tab(list)) = a.find(TCA_ROOT_TAB) else { panic!() };
    let Some(Ok((1, Ok(act)))) = list.iter().next() else { panic!() };
    let Some(ActAttr::Options(ActOptions::Pedit(p))) = act.find(action::TCA_ACT_OPTIONS) else { panic!() };
    let Some(PeditAttr::Parms(s)) = p.find(TCA_PEDIT_PARMS) else { panic!() };
    let k = s.iter().next().unwrap();
    assert_eq!((s.hdr.nkeys, k.mask.get(), k.off.get()), (1, 0xffff_00ff, 12));
    assert_eq!(&reencoded(m)[..], m);
}

#[test]
fn cake_statistics_are_nested_with_each_tins() {
    use super::qdisc::{CakeStatsAttr, CakeTinStatsAttr, QdiscXstats};
    let m = raw_msg(RTM_NEWQDISC, |w| {
        w.attr_str(TCA_KIND, "cake").unwrap();
        w.nest(TCA_STATS2, false, |w| {
            w.nest(stats::TCA_STATS_APP, false, |w| {
                w.attr_u32(4, 4096)?;
                w.nest(10, false, |w| {
                    w.nest(1, false, |w| w.attr_u32(2, 17))?;
                    w.nest(2, false, |w| w.attr_u32(2, 5))
                })
            })
        })
        .unwrap();
    });
    let msg = decode(&m);
    assert_eq!(msg.first_error(), None);
    let RtnlMessage::Tc(t) = msg.body() else { panic!() };
    let Some(TcAttr::Stats2(s)) = t.find(TCA_STATS2) else { panic!() };
    let Some(StatsAttr::App(AppStats(TcXstats::Qdisc(QdiscXstats::Cake(c))))) = s.find(stats::TCA_STATS_APP) else {
        panic!("{s:?}")
    };
    assert!(matches!(c.find(4), Some(CakeStatsAttr::MemoryUsed(4096))));
    let Some(CakeStatsAttr::TinStats(tins)) = c.find(10) else { panic!() };
    let sent: heapless::Vec<(u16, u32), 4> = tins
        .iter()
        .map(|t| {
            let (i, tin) = t.unwrap();
            let Some(CakeTinStatsAttr::SentPackets(n)) = tin.unwrap().find(2) else { panic!() };
            (i, n)
        })
        .collect();
    assert_eq!(&sent[..], &[(1, 17), (2, 5)]);
    assert_eq!(&reencoded(&m)[..], &m[..]);
}

#[test]
fn an_ematch_of_the_wrong_size_is_kept_and_a_cmp_is_typed() {
    use super::filter::{BasicAttr, EmatchTreeAttr, TCA_BASIC_EMATCHES};
    // a cmp ematch (kind 1) whose data is 8 bytes instead of 12
    let ematch = |data: &[u8]| {
        let mut e = heapless::Vec::<u8, 32>::new();
        e.extend_from_slice(&[0, 0, 1, 0, 0, 0, 0, 0]).unwrap();
        e.extend_from_slice(data).unwrap();
        e
    };
    let build = |e: &[u8]| {
        raw_msg(RTM_NEWTFILTER, |w| {
            w.attr_str(TCA_KIND, "basic").unwrap();
            w.nest(TCA_OPTIONS, false, |w| {
                w.nest(TCA_BASIC_EMATCHES, false, |w| {
                    w.attr(1, &[1, 0, 0, 0])?;
                    w.nest(2, false, |w| w.attr(1, e))
                })
            })
            .unwrap();
        })
    };
    let m = build(&ematch(&[0; 8]));
    let msg = decode(&m);
    let e = msg.first_error().unwrap();
    assert_eq!(e.kind, DecodeErrorKind::BadLength { expected: 12, got: 8 });
    assert_eq!(&reencoded(&m)[..], &m[..]);
    let cmp = [0x45, 0, 0, 0, 0xff, 0, 0, 0, 9, 0, 0x11, 0x20];
    let m = build(&ematch(&cmp));
    let msg = decode(&m);
    assert_eq!(msg.first_error(), None);
    let RtnlMessage::Tc(t) = msg.body() else { panic!() };
    let Some(TcAttr::Options(TcOptions::Filter(FilterOptions::Basic(o)))) = t.find(TCA_OPTIONS) else { panic!() };
    let Some(BasicAttr::Ematches(tree)) = o.find(TCA_BASIC_EMATCHES) else { panic!() };
    let Some(EmatchTreeAttr::List(list)) = tree.find(2) else { panic!() };
    let Some(Ok((1, Ok(em)))) = list.iter().next() else { panic!() };
    let c = em.cmp().unwrap();
    assert_eq!((em.kind_name(), c.val.get(), c.mask.get(), c.off.get()), (Some("cmp"), 0x45, 0xff, 9));
    assert_eq!(&reencoded(&m)[..], &m[..]);
}

fn polled(m: &[u8]) -> Result<poll::TcStatistics<'_, Le>, DecodeError> {
    let raw = Messages::<Le>::with_order(m).next().unwrap().unwrap();
    TcMessage::<Le>::parse(&raw).unwrap().statistics()
}

#[test]
fn the_statistics_view_types_the_app_statistics_by_a_kind_sent_after_them() {
    let x: [u8; 20] = [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x4b, 0x4a, 0, 0, 0x5a, 0x25, 0, 0];
    let q = stats::GnetStatsQueue::<Le> { drops: 9.into(), ..Default::default() };
    let m = raw_msg(RTM_NEWTCLASS, |w| {
        w.nest(TCA_STATS2, false, |w| {
            w.attr(stats::TCA_STATS_APP, &x)?;
            w.attr(stats::TCA_STATS_QUEUE, zerocopy::IntoBytes::as_bytes(&q))?;
            w.attr_u64(stats::TCA_STATS_PKT64, 77)
        })
        .unwrap();
        w.attr(TCA_XSTATS, &x).unwrap();
        w.attr_str(TCA_KIND, "htb").unwrap();
        // a repeated attribute: the first counts, as tc reads it
        w.attr_str(TCA_KIND, "drr").unwrap();
    });
    let s = polled(&m).unwrap();
    assert_eq!(s.kind(), Some("htb"));
    assert_eq!((s.queue().map(|q| q.drops.get()), s.pkt64()), (Some(9), Some(77)));
    assert!(s.basic().is_none() && s.stats().is_none() && s.rate_est().is_none());
    for x in [s.app(), s.xstats()] {
        let Some(Ok(TcXstats::Class(ClassXstats::Htb(h)))) = x else { panic!("{x:?}") };
        assert_eq!((h.lends.get(), h.tokens.get()), (3, 19019));
    }
    // the view agrees with the full typed decode
    let msg = decode(&m);
    let RtnlMessage::Tc(c) = msg.body() else { panic!() };
    let Some(TcAttr::Xstats(full)) = c.find(TCA_XSTATS) else { panic!() };
    assert_eq!(s.xstats().unwrap().unwrap(), full);
}

#[test]
fn the_statistics_view_refuses_a_cut_struct_and_bad_framing_with_offset_and_path() {
    // a queue struct one byte short
    let m = raw_msg(RTM_NEWQDISC, |w| {
        w.attr_str(TCA_KIND, "pfifo").unwrap();
        w.nest(TCA_STATS2, false, |w| w.attr(stats::TCA_STATS_QUEUE, &[0u8; 19])).unwrap();
    });
    let e = polled(&m).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::BadLength { expected: 20, got: 19 });
    // header 16 + tcmsg 20 + kind 12 + stats2 header 4 + queue header 4
    assert_eq!(e.offset, 56);
    assert_eq!(
        e.path.iter().collect::<heapless::Vec<_, 4>>().as_slice(),
        &[PathElem::Attr(TCA_STATS2), PathElem::Attr(stats::TCA_STATS_QUEUE)]
    );
    // a nest whose only attribute claims more bytes than it has
    let m = raw_msg(RTM_NEWQDISC, |w| {
        w.nest(TCA_STATS2, false, |w| w.bytes(&[64, 0, 3, 0, 0, 0, 0, 0])).unwrap();
    });
    let e = polled(&m).unwrap_err();
    assert!(matches!(e.kind, DecodeErrorKind::AttrLenPastEnd { len: 64, .. }), "{e:?}");
    assert_eq!(e.path.iter().collect::<heapless::Vec<_, 4>>().as_slice(), &[PathElem::Attr(TCA_STATS2)]);
    // a kind that is not a string
    let m = raw_msg(RTM_NEWQDISC, |w| w.attr(TCA_KIND, b"htb").unwrap());
    assert_eq!(polled(&m).unwrap_err().kind, DecodeErrorKind::BadString);
}

#[test]
fn the_statistics_view_keeps_the_flag_bits_of_what_it_types() {
    // found by fuzzing: cake's statistics nest sent with NLA_F_NESTED came
    // back from the view without it (a byte lost on re-encoding)
    let m = raw_msg(RTM_NEWQDISC, |w| {
        w.nest(TCA_XSTATS, true, |w| w.attr_u32(1, 5)).unwrap();
        w.attr_str(TCA_KIND, "cake").unwrap();
    });
    let msg = decode(&m);
    let RtnlMessage::Tc(c) = msg.body() else { panic!() };
    let Some(TcAttr::Xstats(full)) = c.find(TCA_XSTATS) else { panic!() };
    let view = polled(&m).unwrap().xstats().unwrap().unwrap();
    assert_eq!(view, full);
    let mut out = [0u8; 64];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    view.emit(TCA_XSTATS, &mut w).unwrap();
    assert_eq!(&w.into_inner().written()[2..4], &(TCA_XSTATS | crate::wire::NLA_F_NESTED).to_le_bytes());
}

#[test]
fn the_kind_table_finds_every_qdisc_kind_and_nothing_else() {
    use crate::wire::Attr;
    let kinds = QdiscOptions::<'static, Le>::KINDS;
    // room for every kind, and for the empty slot that ends a probe
    assert!(kinds.len() * 2 <= KIND_SLOTS && KIND_SLOTS.is_power_of_two());
    for (k, _) in kinds {
        assert_eq!(known_kind(k.as_bytes()), Some(*k), "{k}");
    }
    // near misses: prefixes, suffixes, one byte changed, other cases,
    // the empty name, a name with its NUL
    for k in ["", "h", "ht", "htbb", "HTB", "fq_codeL", "pfifo_head_dro", "fqq", "mq\0", "xtb", "cbq", "teql0"] {
        assert_eq!(known_kind(k.as_bytes()), None, "{k:?}");
    }
    // kind_str agrees with Attr::str on every payload, known kind or not
    let mut cases: heapless::Vec<heapless::Vec<u8, 24>, 128> = heapless::Vec::new();
    for (k, _) in kinds {
        let mut v = heapless::Vec::from_slice(k.as_bytes()).unwrap();
        v.push(0).unwrap();
        cases.push(v).unwrap();
    }
    for raw in [&b""[..], b"\0", b"htb", b"htb\0\0", b"h\0b\0", b"\xff\xfe\0", b"caf\xc3\xa9\0", b"teql0\0"] {
        cases.push(heapless::Vec::from_slice(raw).unwrap()).unwrap();
    }
    for c in &cases {
        let a = Attr::<Le>::new(TCA_KIND, c, 20);
        assert_eq!(kind_str(&a), a.str(), "{c:?}");
    }
}

#[test]
fn a_chooser_writes_attributes_between_the_kind_and_an_unflagged_payload_or_nothing() {
    use crate::typed::Scope;
    let mut out = [0u8; 128];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let mut blocks =
        |w: &mut Writer<SliceBuffer<'_>, Le>| Scope::<_, _, TcAttr<'static, Le>>::new(w).ingress_block(6).map(drop);
    let mut s = Scope::<_, _, TcAttr<'static, Le>>::new(&mut w);
    s.options().qdisc().unflagged().between(&mut blocks).htb(|o| o.direct_qlen(9).map(drop)).unwrap();
    let n = w.len();
    #[rustfmt::skip]
    let want: &[u8] = &[
        8, 0, 1, 0, b'h', b't', b'b', 0, // TCA_KIND "htb"
        8, 0, 13, 0, 6, 0, 0, 0, // TCA_INGRESS_BLOCK 6
        12, 0, 2, 0, // TCA_OPTIONS, not flagged NLA_F_NESTED
        8, 0, 5, 0, 9, 0, 0, 0, // TCA_HTB_DIRECT_QLEN 9
    ];
    assert_eq!(&out[..n], want);

    // netem's struct, then its attributes; flagged by default
    let mut out = [0u8; 128];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let head = qdisc::TcNetemQopt::<Le> { limit: 1000.into(), ..Default::default() };
    Scope::<_, _, TcAttr<'static, Le>>::new(&mut w)
        .options()
        .qdisc()
        .netem_with(&head, |c| c.ecn(1).map(drop))
        .unwrap();
    let n = w.len();
    assert_eq!(&out[..12], &[10, 0, 1, 0, b'n', b'e', b't', b'e', b'm', 0, 0, 0]);
    assert_eq!(&out[12..16], &[4 + 24 + 8, 0, 2, 0x80]);
    assert_eq!(&out[20..24], &1000u32.to_le_bytes());
    assert_eq!(&out[40..n], &[8, 0, 7, 0, 1, 0, 0, 0]);
    let m = raw_msg(RTM_NEWQDISC, |w| w.bytes(&out[..n]).unwrap());
    let msg = decode(&m);
    assert_eq!(msg.first_error(), None);
    let RtnlMessage::Tc(q) = msg.body() else { panic!() };
    let Some(TcAttr::Options(TcOptions::Qdisc(QdiscOptions::Netem(o)))) = q.find(TCA_OPTIONS) else { panic!("{q:?}") };
    assert_eq!(o.head.limit.get(), 1000);
    assert!(matches!(o.attrs().next(), Some(Ok(qdisc::NetemAttr::Ecn(1)))));
    assert_eq!(&reencoded(&m)[..], &m[..]);

    // an error between the kind and the payload, or in it, leaves nothing
    let mut out = [0u8; 20];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let mut fails = |w: &mut Writer<SliceBuffer<'_>, Le>| w.bytes(&[0; 16]);
    let r = Scope::<_, _, TcAttr<'static, Le>>::new(&mut w)
        .options()
        .qdisc()
        .between(&mut fails)
        .pfifo(TcFifoQopt { limit: 1.into() });
    assert!(r.is_err());
    assert_eq!(w.len(), 0);
}

#[test]
fn an_unflagged_action_list_is_written_as_tc_writes_it_and_a_failed_action_takes_no_position() {
    use crate::typed::Scope;
    let mut out = [0u8; 256];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    Scope::<_, _, ActionRootAttr<'static, Le>>::new(&mut w)
        .nests_flagged(false)
        .tab(|l| {
            l.action(|a| {
                a.options().gact(|g| g.parms(action::TcGen { action: 2.into(), ..Default::default() }).map(drop))
            })?;
            // an action whose filler fails leaves nothing and keeps position 2 free
            assert!(l.action(|a| a.kind("mirred").and(Err(EncodeError::AttrTooLong(0)))).is_err());
            l.action(|a| a.kind("vlan").and_then(|a| a.index(7)).map(drop)).map(drop)
        })
        .unwrap();
    let n = w.len();
    // TCA_ROOT_TAB and each position without NLA_F_NESTED; TCA_ACT_OPTIONS flagged (as tc writes it)
    assert_eq!(&out[..4], &[(n as u8), 0, 1, 0]);
    assert_eq!(&out[4..8], &[4 + 12 + 4 + 24, 0, 1, 0]);
    assert_eq!(&out[8..20], &[9, 0, 1, 0, b'g', b'a', b'c', b't', 0, 0, 0, 0]);
    assert_eq!(&out[20..24], &[4 + 24, 0, 2, 0x80]);
    assert_eq!(&out[48..52], &[4 + 12 + 8, 0, 2, 0]);
    let m = {
        let mut v = [0u8; 256];
        let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut v));
        let h = w.begin_msg(RTM_NEWACTION, 0, 1, 0).unwrap();
        w.header(&TcaMsg::<Le>::default()).unwrap();
        w.bytes(&out[..n]).unwrap();
        w.end_msg(h).unwrap();
        let len = w.len();
        v[..len].to_vec()
    };
    let msg = decode(&m);
    assert_eq!(msg.first_error(), None);
    let RtnlMessage::Action(a) = msg.body() else { panic!() };
    let Some(ActionRootAttr::Tab(list)) = a.find(TCA_ROOT_TAB) else { panic!() };
    let mut got = list.iter().map(|e| e.unwrap()).map(|(i, e)| (i, e.unwrap().find(action::TCA_ACT_KIND)));
    assert!(matches!(got.next(), Some((1, Some(ActAttr::Kind("gact"))))));
    assert!(matches!(got.next(), Some((2, Some(ActAttr::Kind("vlan"))))));
    assert!(got.next().is_none());
    // the flagged builder flags every nest
    let mut out2 = [0u8; 64];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out2));
    Scope::<_, _, ActionRootAttr<'static, Le>>::new(&mut w)
        .tab(|l| l.action(|a| a.kind("vlan").map(drop)).map(drop))
        .unwrap();
    assert_eq!((out2[3], out2[7]), (0x80, 0x80));
}

#[test]
fn a_scope_writes_its_nests_unflagged_when_asked_and_a_nested_scope_starts_flagged() {
    use crate::typed::{Be16, Scope};
    let mut out = [0u8; 64];
    let mut w = Writer::<_, Le>::with_order(SliceBuffer::new(&mut out));
    let mut s = Scope::<_, _, action::TunnelKeyAttr<'static, Le>>::new(&mut w);
    s.nests_flagged(false)
        .enc_opts(|o| o.geneve(|g| g.class(Be16(0x0102)).map(drop)).map(drop))
        .unwrap()
        .nests_flagged(true)
        .enc_opts(|o| o.vxlan(|x| x.gbp(7).map(drop)).map(drop))
        .unwrap();
    let n = w.len();
    #[rustfmt::skip]
    let want: &[u8] = &[
        16, 0, 11, 0, // TCA_TUNNEL_KEY_ENC_OPTS, unflagged
        12, 0, 1, 0x80, // its GENEVE nest: a new scope, flagged
        6, 0, 1, 0, 1, 2, 0, 0, // CLASS 0x0102, network order
        16, 0, 11, 0x80, // flagged again
        12, 0, 2, 0x80, 8, 0, 1, 0, 7, 0, 0, 0,
    ];
    assert_eq!(&out[..n], want);
}
