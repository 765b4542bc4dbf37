//! Network namespace ids (`RTM_NEWNSID`, `RTM_DELNSID`, `RTM_GETNSID`): the
//! `rtgenmsg` header and the `NETNSA_*` attributes, to ask for or assign
//! the id a namespace (by file descriptor or process) has in the
//! requester's namespace. Messages decode as [`NsidMessage`]
//! ([`RtnlMessage::Nsid`](crate::message::RtnlMessage::Nsid)), the 1-byte
//! [`RtGenMsg`] header padded to 4.
//!
//! ```
//! use rtnl_core::nsid::{self, NsidAttr, RTM_GETNSID};
//! use rtnl_core::wire::{flags::Request, SliceBuffer, Writer};
//!
//! // the id of the namespace whose file descriptor is 5
//! let mut buf = [0u8; 64];
//! let mut w = Writer::new(SliceBuffer::new(&mut buf));
//! nsid::request(&mut w, RTM_GETNSID, Request::Plain.flags(), 1, |a| {
//!     a.fd(5)?;
//!     Ok(())
//! })?;
//! assert_eq!(w.len(), 16 + 4 + 8);
//! # Ok::<(), rtnl_core::wire::EncodeError>(())
//! ```

use crate::typed::{Ctx, FamilyHeader, Headered, Scope, TypedAttrs};
use crate::wire::{Attrs, Buffer, ByteOrder, EncodeError, NativeEndian, Writer};

/// `RTM_NEWNSID`: assign an id (or a notification of one).
pub const RTM_NEWNSID: u16 = 88;
/// `RTM_DELNSID`: an id removed (a notification).
pub const RTM_DELNSID: u16 = 89;
/// `RTM_GETNSID`: ask for an id (or dump them).
pub const RTM_GETNSID: u16 = 90;

/// `NETNSA_NSID_NOT_ASSIGNED`: the namespace has no id in the requester's.
pub const NETNSA_NSID_NOT_ASSIGNED: i32 = -1;

/// The size of the header (`struct rtgenmsg`, padded to 4 bytes).
pub const HEADER_LEN: usize = 4;

attr_set! {
    /// A namespace id attribute (`NETNSA_*`).
    pub enum NsidAttr {
        /// The id (`NETNSA_NSID_NOT_ASSIGNED`, -1, for none; -1 in a
        /// `RTM_NEWNSID` request lets the kernel choose).
        1 NETNSA_NSID nsid => Nsid(i32),
        /// The namespace of this process.
        2 NETNSA_PID pid => Pid(u32),
        /// The namespace of this file descriptor.
        3 NETNSA_FD fd => Fd(u32),
        /// The namespace (by id) the request is about, instead of the requester's.
        4 NETNSA_TARGET_NSID target_nsid => TargetNsid(i32),
        /// The requester's own namespace's id in the target's (dumps with a target).
        5 NETNSA_CURRENT_NSID current_nsid => CurrentNsid(i32),
    }
}

byte_struct! {
    /// `struct rtgenmsg`: a 1-byte header (padded to 4 in a message; the
    /// padding is kept as received).
    pub struct RtGenMsg {
        /// `rtgen_family`.
        rtgen_family: u8,
    }
}

impl<O: ByteOrder> FamilyHeader<O> for RtGenMsg {
    type Attr<'a> = NsidAttr<'a, O>;
    fn family(&self) -> u8 {
        self.rtgen_family
    }
}

/// A namespace id message: `rtgenmsg` and lazily decoded `NETNSA_*`.
pub type NsidMessage<'a, O = NativeEndian> = Headered<'a, O, RtGenMsg>;

impl<O: ByteOrder> Headered<'_, O, RtGenMsg> {
    /// The id (`NETNSA_NSID`; [`NETNSA_NSID_NOT_ASSIGNED`] for none).
    pub fn nsid(&self) -> Option<i32> {
        match self.find(NETNSA_NSID) {
            Some(NsidAttr::Nsid(i)) => Some(i),
            _ => None,
        }
    }
    /// The requester's own namespace's id in the target's
    /// (`NETNSA_CURRENT_NSID`, in dumps with a target).
    pub fn current_nsid(&self) -> Option<i32> {
        match self.find(NETNSA_CURRENT_NSID) {
            Some(NsidAttr::CurrentNsid(i)) => Some(i),
            _ => None,
        }
    }
}

/// Writes a whole nsid message: `rtgenmsg` (family `AF_UNSPEC`, padded),
/// then the attributes `f` writes; nothing on error.
pub fn request<B: Buffer, O: ByteOrder>(
    w: &mut Writer<B, O>,
    ty: u16,
    flags: u16,
    seq: u32,
    f: impl FnOnce(&mut Scope<'_, B, O, NsidAttr<'static, O>>) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    crate::typed::request(w, ty, flags, seq, &RtGenMsg { rtgen_family: 0 }, f)
}

/// The attributes of a raw run as an nsid message's, typed.
pub fn attrs<O: ByteOrder>(raw: Attrs<'_, O>) -> TypedAttrs<'_, O, NsidAttr<'_, O>> {
    TypedAttrs::new(raw, Ctx::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{Message, RtnlMessage};
    use crate::wire::flags::Request;
    use crate::wire::{LittleEndian, Messages, SliceBuffer};

    #[test]
    fn a_request_and_its_reply_round_trip() {
        let mut buf = [0u8; 64];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut buf));
        request(&mut w, RTM_NEWNSID, Request::Add.flags(), 9, |a| {
            a.fd(7)?.nsid(NETNSA_NSID_NOT_ASSIGNED)?;
            Ok(())
        })
        .unwrap();
        let n = w.len();
        assert_eq!(n, 16 + 4 + 8 + 8);
        let msg = Message::decode(Messages::<LittleEndian>::with_order(&buf[..n]).next().unwrap().unwrap());
        assert_eq!(msg.ty(), RTM_NEWNSID);
        let RtnlMessage::Nsid(f) = msg.body() else { panic!("{msg:?}") };
        let got: heapless::Vec<NsidAttr<'_, LittleEndian>, 4> = f.attrs().map(Result::unwrap).collect();
        assert_eq!(got, [NsidAttr::Fd(7), NsidAttr::Nsid(-1)]);
        assert_eq!((f.header().rtgen_family, f.header_pad()), (0, &[0u8; 3][..]));
        assert_eq!(f.nsid(), Some(NETNSA_NSID_NOT_ASSIGNED));
        assert_eq!(attrs(f.attrs().raw()).count(), 2);
    }
}
