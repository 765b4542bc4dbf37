use std::ops::ControlFlow;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};

use nix::errno::Errno;
use nix::sys::socket::{
    bind, getsockname, sendto, socket, AddressFamily, MsgFlags, NetlinkAddr, SockFlag, SockProtocol, SockType,
};
use rtnl_core::message::Message;
use rtnl_core::route::{self, RtMsg};
use rtnl_core::wire::control::ErrorMsg;
use rtnl_core::wire::flags::{NLM_F_ACK, NLM_F_DUMP, NLM_F_DUMP_FILTERED, NLM_F_DUMP_INTR, NLM_F_REQUEST};
use rtnl_core::wire::{control::DoneMsg, EncodeError, Messages, NlMsg, Writer, NLMSG_DONE, NLMSG_ERROR, NLMSG_NOOP};

use crate::sys;
use crate::{Error, KernelError, VecBuffer};

/// The outcome of a dump. Check [`interrupted`](Self::interrupted): an
/// interrupted dump delivered all it read, but the data changed meanwhile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use = "a dump may have been interrupted (NLM_F_DUMP_INTR): check `interrupted`"]
pub struct DumpSummary {
    /// Messages handed to the callback.
    pub messages: usize,
    /// Datagrams received.
    pub datagrams: usize,
    /// Whether a message carried `NLM_F_DUMP_INTR`: the data changed while
    /// the dump ran, and its result may be inconsistent.
    pub interrupted: bool,
    /// Whether the callback stopped the dump early (`ControlFlow::Break`);
    /// the rest was read and dropped.
    pub stopped: bool,
    /// Whether the kernel applied the request's filter (`NLM_F_DUMP_FILTERED`
    /// on the replies). A kernel without strict checking, or one whose dump
    /// of this family takes no filter, sends everything: filter the replies
    /// too when this is false.
    pub filtered: bool,
    /// How many times the dump was run ([`Socket::dump_consistent`]: more
    /// than 1 when it was interrupted and run again).
    pub attempts: usize,
}

/// What the running kernel supports of the socket options rtnl asks for
/// (a kernel older than 4.12 lacks extended acks, one older than 4.20
/// strict dump checking: the socket works without them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Support {
    /// `NETLINK_EXT_ACK` (Linux 4.12+): error replies carry the kernel's message.
    pub ext_ack: bool,
    /// `NETLINK_GET_STRICT_CHK` (Linux 4.20+): dump requests are checked,
    /// and their filters (`RTA_TABLE`, …) applied by the kernel.
    pub strict_check: bool,
}

impl Support {
    /// Turns each option on through `set`, recording which the kernel has.
    /// A missing option (`ENOPROTOOPT`, or `EINVAL` from some old kernels)
    /// is recorded as absent; any other error is returned.
    pub fn negotiate(mut set: impl FnMut(libc::c_int) -> Result<(), Errno>) -> Result<Self, Errno> {
        let mut try_set = |opt| match set(opt) {
            Ok(()) => Ok(true),
            Err(Errno::ENOPROTOOPT | Errno::EINVAL) => Ok(false),
            Err(e) => Err(e),
        };
        Ok(Support { ext_ack: try_set(sys::NETLINK_EXT_ACK)?, strict_check: try_set(sys::NETLINK_GET_STRICT_CHK)? })
    }
}

/// A `NETLINK_ROUTE` socket.
///
/// Bound to a kernel-assigned port id (never `getpid()`, so several sockets
/// per process coexist), with `NETLINK_EXT_ACK` and `NETLINK_GET_STRICT_CHK`
/// on. Receives size their buffer to each datagram (`MSG_PEEK | MSG_TRUNC`),
/// so no message is ever truncated, and reuse it: a dump allocates nothing
/// per message.
pub struct Socket {
    fd: OwnedFd,
    port_id: u32,
    seq: u32,
    buf: Vec<u8>,
    record: Option<Box<dyn std::io::Write + Send>>,
    // whether the kernel has seen a receive of the full buffer's size (it
    // sizes a dump's datagrams from the largest receive so far)
    primed: bool,
    support: Support,
    // the port id datagrams are accepted from: 0, the kernel, unless the
    // caller talks to a user-space peer
    peer: u32,
    dropped: Dropped,
    // what the last receive said besides its bytes
    last: sys::RecvInfo,
    // how EAGAIN reads: a timeout passed, or nothing is queued
    timeout: bool,
    nonblocking: bool,
    // batches: whether acks are capped and the queue raised, and the
    // sequence numbers of the chunk in flight (reused)
    batch_ready: bool,
    batch_seqs: Vec<u32>,
}

/// A dump sent by [`Socket::dump_start`], whose replies
/// [`Socket::dump_poll`] reads.
#[derive(Debug)]
pub struct PendingDump<'r> {
    req: &'r [u8],
    seq: u32,
    sum: DumpSummary,
}

/// The largest chunk of a batch sent in one `sendmsg` (well under the
/// default send buffer, and small enough that its acknowledgements fit
/// [`BATCH_RCVBUF`]).
pub const BATCH_CHUNK: usize = 64 * 1024;

/// The receive queue a socket gets for its first batch (the kernel grants
/// twice that): room for a chunk's acknowledgements.
pub const BATCH_RCVBUF: usize = 4 * 1024 * 1024;

/// The outcome of [`Socket::request_batch`].
#[derive(Debug, Default, Clone, PartialEq, Eq)]
#[must_use = "requests of a batch may have been refused: check `failed`"]
#[non_exhaustive]
pub struct BatchSummary {
    /// Requests sent (all of them, unless it stopped after a failure).
    pub sent: usize,
    /// Requests acknowledged with success.
    pub acked: usize,
    /// Refused requests, in order: their index in the batch and the error.
    pub failed: Vec<(usize, KernelError)>,
    /// Successes whose acknowledgement carried a warning.
    pub warnings: Vec<(usize, KernelError)>,
    /// `sendmsg` calls made.
    pub sends: usize,
}

/// What a [`Socket`] dropped, and why (see [`Socket::dropped`]).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Dropped {
    /// Datagrams whose source port id was not the kernel's (0): forged
    /// "kernel" notifications or replies from another process.
    pub foreign: u64,
    /// Messages in a reply stream that answer another request: their
    /// sequence number or destination port id is not this request's (a
    /// late acknowledgement, or a forgery from a peer the socket accepts).
    pub stray: u64,
}

impl std::fmt::Debug for Socket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Socket").field("fd", &self.fd).field("port_id", &self.port_id).field("seq", &self.seq).finish()
    }
}

impl Socket {
    /// Opens, binds and configures a socket in the calling thread's network
    /// namespace.
    pub fn new() -> Result<Self, Error> {
        let fd = socket(AddressFamily::Netlink, SockType::Raw, SockFlag::SOCK_CLOEXEC, SockProtocol::NetlinkRoute)?;
        bind(fd.as_raw_fd(), &NetlinkAddr::new(0, 0))?;
        let addr: NetlinkAddr = getsockname(fd.as_raw_fd())?;
        // degrade on old kernels: what is missing is recorded, not fatal
        let support = Support::negotiate(|opt| sys::set_netlink_opt(fd.as_fd(), opt, 1))?;
        let seq =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as u32).unwrap_or(1);
        Ok(Socket {
            fd,
            port_id: addr.pid(),
            seq,
            buf: vec![0; RECV_BUF],
            record: None,
            primed: false,
            support,
            peer: 0,
            dropped: Dropped::default(),
            last: sys::RecvInfo::default(),
            timeout: false,
            nonblocking: false,
            batch_ready: false,
            batch_seqs: Vec::new(),
        })
    }

    /// Records every datagram received from now on, verbatim, to `out`
    /// (datagrams concatenated: the format `rtnl decode` reads). `None`
    /// stops recording.
    pub fn record_to(&mut self, out: Option<Box<dyn std::io::Write + Send>>) {
        self.record = out;
    }

    /// What this socket has dropped so far. Any local process with
    /// `CAP_NET_ADMIN` can send a netlink datagram to this socket's port id
    /// that looks like the kernel's (a notification, or the `NLMSG_DONE`
    /// that would end a dump early and make its answer look complete):
    /// the class of spoofing that udev's netlink listeners were open to.
    /// Only datagrams whose source port id is the kernel's (0) are read,
    /// and a reply counts only when its sequence number and destination
    /// port id are the request's; the rest are dropped and counted here.
    pub fn dropped(&self) -> Dropped {
        self.dropped
    }

    /// Accepts datagrams from the process bound to `port_id` instead of
    /// the kernel (0, the default, restores the check): for talking to a
    /// user-space netlink peer (a test double, a proxy). Replies must still
    /// carry the request's sequence number and this socket's port id.
    pub fn accept_from(&mut self, port_id: u32) {
        self.peer = port_id;
    }

    fn recv_one(&mut self) -> Result<usize, Error> {
        let info = match recv_datagram(&self.fd, &mut self.buf, self.peer, &mut self.dropped.foreign) {
            Err(Error::WouldBlock) if self.timeout && !self.nonblocking => return Err(Error::TimedOut),
            r => r?,
        };
        self.last = info;
        let n = info.len;
        if let Some(w) = self.record.as_mut() {
            w.write_all(&self.buf[..n]).and_then(|_| w.flush())?;
        }
        Ok(n)
    }

    /// The port id the kernel assigned.
    pub fn port_id(&self) -> u32 {
        self.port_id
    }

    /// What the kernel supports of the options rtnl asks for.
    pub fn support(&self) -> Support {
        self.support
    }

    /// A fresh sequence number for the next request.
    pub fn next_seq(&mut self) -> u32 {
        self.seq = self.seq.wrapping_add(1);
        self.seq
    }

    /// Sets the kernel's receive queue for this socket to `bytes`
    /// (`SO_RCVBUFFORCE` when privileged, so that the system's
    /// `rmem_max` does not cap it; `SO_RCVBUF` otherwise), and returns the
    /// size the kernel granted (it doubles the request for its own
    /// bookkeeping). A monitor that cannot keep up loses notifications
    /// (`ENOBUFS`, [`Error::Overrun`]); [`MONITOR_RCVBUF`] is what
    /// `ip monitor` asks for.
    pub fn set_recv_buffer(&self, bytes: usize) -> Result<usize, Error> {
        use nix::sys::socket::{getsockopt, setsockopt, sockopt};
        if setsockopt(&self.fd, sockopt::RcvBufForce, &bytes).is_err() {
            setsockopt(&self.fd, sockopt::RcvBuf, &bytes)?;
        }
        Ok(getsockopt(&self.fd, sockopt::RcvBuf)?)
    }

    /// Joins multicast group `group` (`RTNLGRP_*`, any number, including
    /// those above 31 that `bind` cannot express).
    pub fn add_membership(&self, group: u32) -> Result<(), Error> {
        let g = libc::c_int::try_from(group).map_err(|_| Error::Sys(Errno::EINVAL))?;
        Ok(sys::set_netlink_opt(self.fd.as_fd(), sys::NETLINK_ADD_MEMBERSHIP, g)?)
    }

    /// Turns `NETLINK_CAP_ACK` on or off: when on, error replies echo only
    /// the request's header, not its payload.
    pub fn set_cap_ack(&self, on: bool) -> Result<(), Error> {
        Ok(sys::set_netlink_opt(self.fd.as_fd(), sys::NETLINK_CAP_ACK, on.into())?)
    }

    /// Leaves multicast group `group`.
    pub fn drop_membership(&self, group: u32) -> Result<(), Error> {
        let g = libc::c_int::try_from(group).map_err(|_| Error::Sys(Errno::EINVAL))?;
        Ok(sys::set_netlink_opt(self.fd.as_fd(), sys::NETLINK_DROP_MEMBERSHIP, g)?)
    }

    /// Sends one or more encoded messages to the kernel.
    pub fn send(&self, bytes: &[u8]) -> Result<(), Error> {
        loop {
            match sendto(self.fd.as_raw_fd(), bytes, &NetlinkAddr::new(0, 0), MsgFlags::empty()) {
                Ok(_) => return Ok(()),
                Err(Errno::EINTR) => continue,
                // the kernel could not allocate for the request: not lost
                // notifications (which ENOBUFS means on a receive)
                Err(Errno::ENOBUFS) => return Err(Error::Sys(Errno::ENOBUFS)),
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Receives one datagram (all of it, whatever its size) and returns its
    /// bytes. Datagrams not sent by the kernel are dropped.
    /// `ENOBUFS` becomes [`Error::Overrun`].
    pub fn recv(&mut self) -> Result<&[u8], Error> {
        let n = self.recv_one()?;
        Ok(&self.buf[..n])
    }

    /// Sends a request (which should carry `NLM_F_ACK`) and waits for its
    /// acknowledgement. A refusal becomes [`Error::Kernel`] with the
    /// kernel's extended-ack message. Replies other than the ack (an echo,
    /// say) are passed to `on_reply`.
    ///
    /// A request without `NLM_F_ACK` is refused before it is sent: no
    /// acknowledgement would come, and the wait would never end.
    pub fn request_with(&mut self, req: &[u8], mut on_reply: impl FnMut(Message<'_>)) -> Result<Ack, Error> {
        let seq = self.request_start(req)?;
        loop {
            if let Some(ack) = self.request_poll(req, seq, &mut on_reply)? {
                return Ok(ack);
            }
        }
    }

    /// Checks and sends a request; returns the sequence number its
    /// acknowledgement will carry ([`request_poll`](Self::request_poll)).
    pub fn request_start(&mut self, req: &[u8]) -> Result<u32, Error> {
        let seq = request_seq(req)?;
        if request_flags(req)? & NLM_F_ACK == 0 {
            return Err(Error::Other("request without NLM_F_ACK: no acknowledgement would come".into()));
        }
        self.send(req)?;
        Ok(seq)
    }

    /// Reads the replies to request `req` (sent by
    /// [`request_start`](Self::request_start), sequence number `seq`) that
    /// are queued: `Some` once its acknowledgement came, `None` when a
    /// non-blocking socket has nothing more yet (a blocking one waits).
    pub fn request_poll(
        &mut self,
        req: &[u8],
        seq: u32,
        on_reply: &mut dyn FnMut(Message<'_>),
    ) -> Result<Option<Ack>, Error> {
        loop {
            let n = match self.recv_one() {
                Err(Error::WouldBlock) => return Ok(None),
                r => r?,
            };
            for msg in Messages::new(&self.buf[..n]) {
                let msg = msg?;
                if msg.seq() != seq || msg.pid() != self.port_id {
                    self.dropped.stray += 1;
                    continue;
                }
                match msg.ty() {
                    NLMSG_ERROR => return ack_of(&ErrorMsg::parse(&msg)?, req).map(Some),
                    NLMSG_NOOP => {}
                    _ => on_reply(Message::decode(msg)),
                }
            }
        }
    }

    /// [`request_with`](Self::request_with), ignoring replies.
    pub fn request(&mut self, req: &[u8]) -> Result<Ack, Error> {
        self.request_with(req, |_| {})
    }

    /// Sends many requests with as few `sendmsg` calls as the kernel's
    /// limits allow, and reads every acknowledgement (like libmnl's
    /// batches). `batch` holds encoded requests back to back, each with
    /// `NLM_F_ACK` and its own sequence number (a [`Writer`] appends them).
    ///
    /// The requests are sent in chunks of at most [`BATCH_CHUNK`] bytes; the
    /// kernel runs every request of a chunk in order, whatever the outcome
    /// of the one before, and acknowledges each. Acknowledgements are
    /// matched to requests by sequence number. Every refusal is reported
    /// with the request's index in the batch ([`BatchSummary::failed`]).
    /// `stop_after_failure` stops sending further chunks after the chunk
    /// that holds the first refusal ([`BatchSummary::sent`] says how many
    /// requests went out: the rest of that chunk ran all the same).
    ///
    /// The socket's acknowledgements are capped (`NETLINK_CAP_ACK`) and its
    /// receive queue raised to [`BATCH_RCVBUF`], so that a chunk's
    /// acknowledgements fit. Nothing is allocated per request (the sequence
    /// numbers of a chunk are kept in a buffer the socket reuses).
    pub fn request_batch(&mut self, batch: &[u8], stop_after_failure: bool) -> Result<BatchSummary, Error> {
        if !self.batch_ready {
            self.set_cap_ack(true)?;
            self.set_recv_buffer(BATCH_RCVBUF)?;
            self.batch_ready = true;
        }
        let mut sum = BatchSummary::default();
        let mut seqs = std::mem::take(&mut self.batch_seqs);
        let mut rest = batch;
        let mut index = 0;
        let r = (|| {
            while !rest.is_empty() {
                // one chunk: whole messages, BATCH_CHUNK bytes at most (one
                // larger message goes alone)
                seqs.clear();
                let mut len = 0;
                for m in Messages::new(rest) {
                    let m = m?;
                    if m.flags() & NLM_F_ACK == 0 {
                        return Err(Error::Other(format!(
                            "request {} of the batch has no NLM_F_ACK: its outcome would be unknown",
                            index + seqs.len()
                        )));
                    }
                    let l = m.bytes().len().next_multiple_of(4).min(rest.len() - len);
                    if len > 0 && len + l > BATCH_CHUNK {
                        break;
                    }
                    seqs.push(m.seq());
                    len += l;
                }
                let (chunk, after) = rest.split_at(len);
                self.send(chunk)?;
                sum.sends += 1;
                sum.sent += seqs.len();
                let failed_before = sum.failed.len();
                self.batch_acks(chunk, index, &seqs, &mut sum)?;
                index += seqs.len();
                rest = after;
                if stop_after_failure && sum.failed.len() > failed_before {
                    break;
                }
            }
            Ok(())
        })();
        self.batch_seqs = seqs;
        r.map(|()| sum)
    }

    /// Reads the acknowledgements of one chunk (sequence numbers `seqs`,
    /// the first at `first` in the batch).
    fn batch_acks(&mut self, chunk: &[u8], first: usize, seqs: &[u32], sum: &mut BatchSummary) -> Result<(), Error> {
        // the kernel acknowledges in order: `next` is the one awaited
        let mut next = 0;
        while next < seqs.len() {
            let n = self.recv_one()?;
            for msg in Messages::new(&self.buf[..n]) {
                let msg = msg?;
                if msg.ty() != NLMSG_ERROR || msg.pid() != self.port_id {
                    continue;
                }
                let Some(k) = seqs[next..].iter().position(|&s| s == msg.seq()) else {
                    self.dropped.stray += 1;
                    continue;
                };
                let at = next + k;
                next = at + 1;
                let e = ErrorMsg::parse(&msg)?;
                let ack = e.ext_ack();
                // the request, to name the attribute an error points at
                // (looked up only for a refusal or a warning)
                let req = || Messages::new(chunk).nth(at).and_then(Result::ok).map(|m| m.bytes());
                match e.error() {
                    0 => {
                        sum.acked += 1;
                        if ack.message().is_some() {
                            sum.warnings.push((first + at, KernelError::from_ext_ack(0, &ack, req())));
                        }
                    }
                    errno => sum.failed.push((first + at, KernelError::from_ext_ack(-errno, &ack, req()))),
                }
            }
        }
        Ok(())
    }

    /// Makes the kernel size this socket's dump datagrams for our receive
    /// buffer. The kernel allocates each dump datagram from the largest
    /// receive the socket has made so far; on a fresh socket that is one
    /// page, and a message larger than that (a route with a few hundred next
    /// hops) was silently left out of the dump, which then ended "successfully".
    /// One acknowledged `NLMSG_NOOP`, received into the full buffer, sets it.
    fn prime(&mut self) -> Result<(), Error> {
        if self.primed {
            return Ok(());
        }
        let mut w = Writer::new(VecBuffer::default());
        let m = w.begin_msg(NLMSG_NOOP, NLM_F_REQUEST | NLM_F_ACK, self.next_seq(), 0)?;
        w.end_msg(m)?;
        // not part of what the caller asked: kept out of a recording
        let record = self.record.take();
        let r = self.request(&w.into_inner().0);
        self.record = record;
        let _ = r?;
        self.primed = true;
        Ok(())
    }

    /// Sends a dump request and streams every reply message to `f`, until
    /// `NLMSG_DONE`. A dump that fails (an error in `NLMSG_DONE` or an
    /// `NLMSG_ERROR`) becomes [`Error::Kernel`]; `NLM_F_DUMP_INTR` is
    /// reported in the summary. The first dump on a socket is preceded by
    /// one acknowledged no-op, so that the kernel sizes the dump's datagrams
    /// for this socket's 32 KiB receive buffer.
    ///
    /// A link dump must carry `IFLA_EXT_MASK` ([`link_dump_request`] adds
    /// it): without it the kernel leaves out links larger than 32 KiB and
    /// still reports success, which nothing on this side can detect.
    pub fn dump(&mut self, req: &[u8], mut f: impl FnMut(Message<'_>)) -> Result<DumpSummary, Error> {
        self.dump_with(req, |m| {
            f(m);
            ControlFlow::Continue(())
        })
    }

    /// [`dump`](Self::dump), with a callback that may stop early
    /// (`ControlFlow::Break`): it is not called again, and the rest of the
    /// dump is read and dropped (the summary says `stopped`), so that the
    /// socket is ready for the next request. A dump that fails on our side
    /// (a reply that cannot be framed, a recording that cannot be written)
    /// is drained the same way before its error is returned: the kernel
    /// would otherwise keep the dump running and refuse the next one
    /// (`EBUSY`).
    pub fn dump_with(
        &mut self,
        req: &[u8],
        mut f: impl FnMut(Message<'_>) -> ControlFlow<()>,
    ) -> Result<DumpSummary, Error> {
        let mut d = self.dump_start(req)?;
        loop {
            if let Some(sum) = self.dump_poll(&mut d, &mut f)? {
                return Ok(sum);
            }
        }
    }

    /// Checks and sends dump request `req` (priming the socket first, see
    /// [`dump`](Self::dump)); the replies are read by
    /// [`dump_poll`](Self::dump_poll).
    pub fn dump_start<'r>(&mut self, req: &'r [u8]) -> Result<PendingDump<'r>, Error> {
        let seq = request_seq(req)?;
        if request_flags(req)? & NLM_F_DUMP != NLM_F_DUMP {
            return Err(Error::Other("dump request without NLM_F_DUMP: no NLMSG_DONE would come".into()));
        }
        self.prime()?;
        self.send(req)?;
        Ok(PendingDump { req, seq, sum: DumpSummary { attempts: 1, ..DumpSummary::default() } })
    }

    /// Reads the replies of dump `d` that are queued, passing each message
    /// to `f`: `Some` with the summary at `NLMSG_DONE`, `None` when a
    /// non-blocking socket has nothing more yet (a blocking one waits). As
    /// with [`dump_with`](Self::dump_with), a failure on our side drains
    /// what the kernel has queued of the dump before it is returned.
    pub fn dump_poll(
        &mut self,
        d: &mut PendingDump<'_>,
        f: &mut dyn FnMut(Message<'_>) -> ControlFlow<()>,
    ) -> Result<Option<DumpSummary>, Error> {
        match self.dump_replies(d.req, d.seq, &mut d.sum, f) {
            Ok(None) => Ok(None),
            Ok(Some(r)) => r.map(|()| Some(d.sum)),
            Err(e) => {
                // our failure, not the kernel's: the dump still runs
                self.drain(d.seq);
                Err(e)
            }
        }
    }

    /// A dump that is run again while it is interrupted (`NLM_F_DUMP_INTR`:
    /// the data changed under it), `attempts` times at most; `request`
    /// builds the request for each run's sequence number. `f` gets each
    /// message with the number of the run it belongs to (from 1): when that
    /// number changes, forget what the previous run delivered. The summary
    /// says how many runs it took, and whether the last was still
    /// interrupted: under changes that never stop, the caller gets the last
    /// run's data, marked, never a silent mix.
    pub fn dump_consistent(
        &mut self,
        request: impl Fn(u32) -> Vec<u8>,
        attempts: usize,
        mut f: impl FnMut(usize, Message<'_>),
    ) -> Result<DumpSummary, Error> {
        let mut sum = DumpSummary::default();
        for attempt in 1..=attempts.max(1) {
            let seq = self.next_seq();
            sum = self.dump(&request(seq), |m| f(attempt, m))?;
            sum.attempts = attempt;
            if !sum.interrupted {
                break;
            }
        }
        Ok(sum)
    }

    /// Reads the replies of dump `seq`. `Ok(Ok)` at `NLMSG_DONE`, `Ok(Err)`
    /// when the kernel ended the dump with an error, `Err` when reading
    /// failed while the dump still runs.
    fn dump_replies(
        &mut self,
        req: &[u8],
        seq: u32,
        sum: &mut DumpSummary,
        f: &mut dyn FnMut(Message<'_>) -> ControlFlow<()>,
    ) -> Result<Option<Result<(), Error>>, Error> {
        loop {
            let n = match self.recv_one() {
                Err(Error::WouldBlock) => return Ok(None),
                r => r?,
            };
            sum.datagrams += 1;
            for msg in Messages::new(&self.buf[..n]) {
                let msg = msg?;
                if msg.seq() != seq || msg.pid() != self.port_id {
                    self.dropped.stray += 1;
                    continue;
                }
                if msg.flags() & NLM_F_DUMP_INTR != 0 {
                    sum.interrupted = true;
                }
                if msg.flags() & NLM_F_DUMP_FILTERED != 0 {
                    sum.filtered = true;
                }
                match msg.ty() {
                    NLMSG_DONE => {
                        let d = DoneMsg::parse(&msg);
                        return Ok(Some(match d.error() {
                            Some(e) if e < 0 => {
                                Err(Error::Kernel(Box::new(KernelError::from_ext_ack(-e, &d.ext_ack(), Some(req)))))
                            }
                            _ => Ok(()),
                        }));
                    }
                    NLMSG_ERROR => {
                        let e = ErrorMsg::parse(&msg)?;
                        if e.error() != 0 {
                            // the kernel ends a dump it refuses with this
                            let k = KernelError::from_ext_ack(-e.error(), &e.ext_ack(), Some(req));
                            return Ok(Some(Err(Error::Kernel(Box::new(k)))));
                        }
                    }
                    NLMSG_NOOP => {}
                    _ if sum.stopped => {}
                    _ => {
                        sum.messages += 1;
                        if f(Message::decode(msg)).is_break() {
                            sum.stopped = true;
                        }
                    }
                }
            }
        }
    }

    /// Reads and drops what is left of dump `seq`, up to its end (best
    /// effort: a receive error ends it).
    fn drain(&mut self, seq: u32) {
        let record = self.record.take();
        'recv: while let Ok(n) = self.recv_one() {
            for msg in Messages::new(&self.buf[..n]).map_while(Result::ok) {
                if msg.seq() == seq && msg.pid() == self.port_id && matches!(msg.ty(), NLMSG_DONE | NLMSG_ERROR) {
                    break 'recv;
                }
            }
        }
        self.record = record;
    }

    /// Receives one datagram of notifications and passes each message to
    /// `f`. Blocks until one arrives. `ENOBUFS` (lost notifications) is
    /// returned as [`Error::Overrun`] rather than swallowed.
    pub fn recv_messages(&mut self, mut f: impl FnMut(Message<'_>)) -> Result<usize, Error> {
        let n = self.recv_one()?;
        let mut count = 0;
        for msg in Messages::new(&self.buf[..n]) {
            f(Message::decode(msg?));
            count += 1;
        }
        Ok(count)
    }

    /// Receives one datagram of notifications and passes each to `f` as an
    /// [`Event`], with the group it was sent to ([`set_pktinfo`]) and the
    /// namespace id it came from ([`set_listen_all_nsid`]). A receive queue
    /// that overflowed (`ENOBUFS`) is [`Event::Overrun`]: the caller's view
    /// must be rebuilt, as [`Monitor`](crate::Monitor) does. Blocks until
    /// something arrives (or the [receive timeout](Self::set_recv_timeout)
    /// passes: [`Error::TimedOut`]).
    ///
    /// [`set_pktinfo`]: Self::set_pktinfo
    /// [`set_listen_all_nsid`]: Self::set_listen_all_nsid
    pub fn recv_events(&mut self, mut f: impl FnMut(Event<'_>)) -> Result<usize, Error> {
        let n = match self.recv_one() {
            Ok(n) => n,
            Err(Error::Overrun) => {
                f(Event::Overrun);
                return Ok(1);
            }
            Err(e) => return Err(e),
        };
        let (group, nsid) = (self.last.group, self.last.nsid);
        let mut count = 0;
        for msg in Messages::new(&self.buf[..n]) {
            f(Event::Message { msg: Message::decode(msg?), group, nsid });
            count += 1;
        }
        Ok(count)
    }

    /// Reads and drops every datagram queued now, without waiting; returns
    /// how many. After an overrun this is what lets the kernel report the
    /// next one: it marks a socket congested at the first notification it
    /// drops and reports no other loss until the queue has been emptied.
    pub fn discard_queued(&mut self) -> Result<usize, Error> {
        let was = self.nonblocking;
        self.set_nonblocking(true)?;
        let record = self.record.take();
        let mut n = 0;
        let r = loop {
            match self.recv_one() {
                Ok(_) => n += 1,
                // a loss reported while draining is covered by what follows
                Err(Error::Overrun) => {}
                Err(Error::WouldBlock) => break Ok(n),
                Err(e) => break Err(e),
            }
        };
        self.record = record;
        self.set_nonblocking(was)?;
        r
    }

    /// `NETLINK_PKTINFO`: report the multicast group of each notification
    /// ([`Event::Message`]'s `group`).
    pub fn set_pktinfo(&self, on: bool) -> Result<(), Error> {
        Ok(sys::set_netlink_opt(self.fd.as_fd(), sys::NETLINK_PKTINFO, on.into())?)
    }

    /// `NETLINK_LISTEN_ALL_NSID`: receive the notifications of every
    /// network namespace that has an id in this one, each with that id
    /// ([`Event::Message`]'s `nsid`). Needs `CAP_NET_BROADCAST`.
    pub fn set_listen_all_nsid(&self, on: bool) -> Result<(), Error> {
        Ok(sys::set_netlink_opt(self.fd.as_fd(), sys::NETLINK_LISTEN_ALL_NSID, on.into())?)
    }

    /// `NETLINK_NO_ENOBUFS`: the kernel drops notifications that do not fit
    /// without saying so. Only for a caller that does not keep a view of
    /// the kernel's state: nothing reports the loss any more.
    pub fn set_no_enobufs(&self, on: bool) -> Result<(), Error> {
        Ok(sys::set_netlink_opt(self.fd.as_fd(), sys::NETLINK_NO_ENOBUFS, on.into())?)
    }

    /// Receives give up after `timeout` ([`Error::TimedOut`]); `None`
    /// waits for ever (the default).
    pub fn set_recv_timeout(&mut self, timeout: Option<std::time::Duration>) -> Result<(), Error> {
        use nix::sys::socket::{setsockopt, sockopt};
        let tv = nix::sys::time::TimeVal::from(match timeout {
            Some(t) => libc::timeval { tv_sec: t.as_secs() as _, tv_usec: t.subsec_micros() as _ },
            None => libc::timeval { tv_sec: 0, tv_usec: 0 },
        });
        setsockopt(&self.fd, sockopt::ReceiveTimeout, &tv)?;
        self.timeout = timeout.is_some();
        Ok(())
    }

    /// Non-blocking mode: a receive with nothing queued returns
    /// [`Error::WouldBlock`] (for `poll` / `epoll` loops on [`fd`](Self::fd)).
    pub fn set_nonblocking(&mut self, on: bool) -> Result<(), Error> {
        use nix::fcntl::{fcntl, FcntlArg, OFlag};
        let flags = OFlag::from_bits_truncate(fcntl(&self.fd, FcntlArg::F_GETFL)?);
        let flags = if on { flags | OFlag::O_NONBLOCK } else { flags & !OFlag::O_NONBLOCK };
        fcntl(&self.fd, FcntlArg::F_SETFL(flags))?;
        self.nonblocking = on;
        Ok(())
    }

    /// The socket's descriptor (for `poll`).
    pub fn fd(&self) -> std::os::fd::BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

impl AsFd for Socket {
    fn as_fd(&self) -> std::os::fd::BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

impl AsRawFd for Socket {
    fn as_raw_fd(&self) -> std::os::fd::RawFd {
        self.fd.as_raw_fd()
    }
}

/// One thing a monitoring socket received ([`Socket::recv_events`]).
#[derive(Debug)]
#[non_exhaustive]
pub enum Event<'a> {
    /// A notification.
    Message {
        /// The message.
        msg: Message<'a>,
        /// The multicast group it was sent to (`RTNLGRP_*`), when
        /// [`Socket::set_pktinfo`] is on.
        group: Option<u32>,
        /// The id of the namespace it came from, when
        /// [`Socket::set_listen_all_nsid`] is on and it came from another.
        nsid: Option<i32>,
    },
    /// The receive queue overflowed (`ENOBUFS`): notifications were lost.
    Overrun,
}

/// The receive queue a monitor asks for: 1 MiB, as iproute2's `rtnl_open`
/// (the kernel grants twice that).
pub const MONITOR_RCVBUF: usize = 1024 * 1024;

/// The receive buffer's size: the largest datagram the kernel sizes a dump
/// for (`SKB_WITH_OVERHEAD(32768)` caps it); larger datagrams grow it.
const RECV_BUF: usize = 32 * 1024;

/// The outcome of the acknowledgement `e` of request `req`: success (with
/// the kernel's warning, if it gave one) or the refusal.
fn ack_of(e: &ErrorMsg<'_>, req: &[u8]) -> Result<Ack, Error> {
    let ack = e.ext_ack();
    match e.error() {
        0 => Ok(Ack { warning: ack.message().map(|_| KernelError::from_ext_ack(0, &ack, Some(req))) }),
        errno => Err(Error::Kernel(Box::new(KernelError::from_ext_ack(-errno, &ack, Some(req))))),
    }
}

/// A success acknowledgement.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Ack {
    /// The kernel's extended-ack message on a success (`errno` 0), which
    /// `ip` prints as `Warning: …`: the request did something, but perhaps
    /// not all that was asked.
    pub warning: Option<KernelError>,
}

fn request_seq(req: &[u8]) -> Result<u32, Error> {
    Ok(NlMsg::<rtnl_core::wire::NativeEndian>::new_checked(req)?.seq())
}

fn request_flags(req: &[u8]) -> Result<u16, Error> {
    Ok(NlMsg::<rtnl_core::wire::NativeEndian>::new_checked(req)?.flags())
}

/// Receives one whole datagram into `buf`, growing it when the datagram is
/// larger (sized first with `MSG_PEEK | MSG_TRUNC`, so nothing is lost).
/// Datagrams from another sender than `peer` (0: the kernel) are dropped
/// and counted in `foreign`.
fn recv_datagram(fd: &OwnedFd, buf: &mut Vec<u8>, peer: u32, foreign: &mut u64) -> Result<sys::RecvInfo, Error> {
    loop {
        let need = match sys::recv_netlink(fd.as_fd(), &mut [], libc::MSG_PEEK | libc::MSG_TRUNC) {
            Ok(i) => i.len,
            Err(Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
        };
        if buf.len() < need {
            buf.resize(need, 0);
        }
        match sys::recv_netlink(fd.as_fd(), buf, 0) {
            Ok(info) if info.port_id != peer => {
                // not from the kernel (or the peer accepted instead)
                *foreign += 1;
            }
            Ok(info) => return Ok(info),
            Err(Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

/// Encodes a route dump request (`RTM_GETROUTE`, `NLM_F_REQUEST |
/// NLM_F_DUMP`) for `family` (`AF_UNSPEC` = 0 for all).
pub fn route_dump_request(seq: u32, family: u8) -> Vec<u8> {
    route_dump_request_in(seq, family, None)
}

/// A route dump request that asks the kernel for one table only
/// (`RTA_TABLE`, honoured with `NETLINK_GET_STRICT_CHK`, which [`Socket`]
/// turns on): the kernel then never walks the other tables, so a route it
/// cannot send there (too large for a datagram) does not end the dump
/// early. Kernels without strict checking ignore the filter: filter the
/// replies too. `AF_MPLS` has no tables, and takes no filter.
pub fn route_dump_request_in(seq: u32, family: u8, table: Option<u32>) -> Vec<u8> {
    route_dump_request_where(seq, family, &RouteFilter { table, ..Default::default() })
}

/// What a route dump asks the kernel to keep (`NETLINK_GET_STRICT_CHK`,
/// which [`Socket`] turns on; see [`route_dump_request_where`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RouteFilter {
    /// Only this table (`RTA_TABLE`; ignored for `AF_MPLS`, which has none).
    pub table: Option<u32>,
    /// Only routes of this protocol (`rtm_protocol`; 0 cannot be asked for).
    pub protocol: Option<u8>,
    /// Only routes of this type (`rtm_type`).
    pub kind: Option<u8>,
    /// Only routes through this output device (`RTA_OIF`; the kernel
    /// matches any next hop of a multipath route).
    pub oif: Option<u32>,
}

/// A route dump request that the kernel filters: it sends only the routes
/// `filter` selects and marks the replies `NLM_F_DUMP_FILTERED`. These are
/// the only filters the kernel takes for a route dump (any other attribute
/// is refused); kernels without strict checking ignore them, so a caller
/// filters the replies too.
pub fn route_dump_request_where(seq: u32, family: u8, filter: &RouteFilter) -> Vec<u8> {
    let mut w = Writer::new(VecBuffer::default());
    let hdr = RtMsg {
        rtm_family: family,
        rtm_protocol: filter.protocol.unwrap_or(0),
        rtm_type: filter.kind.unwrap_or(0),
        ..Default::default()
    };
    // A Vec grows as needed and 44 bytes fit a u16: this cannot fail.
    let _ = route::request(&mut w, route::RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, seq, &hdr, |r| {
        if let (Some(t), false) = (filter.table, family == rtnl_core::net::AF_MPLS) {
            r.table(t)?;
        }
        if let Some(o) = filter.oif {
            r.oif(o)?;
        }
        Ok(())
    });
    w.into_inner().0
}

/// Encodes a link dump request (`RTM_GETLINK`, `NLM_F_REQUEST |
/// NLM_F_DUMP`) for `family` (`AF_UNSPEC` = 0 for every link, `AF_BRIDGE`
/// for bridge ports) that carries `IFLA_EXT_MASK`: `ext_mask`, or
/// `RTEXT_FILTER_VF` (what `ip link show` asks for) when it is 0. An
/// `AF_INET6` link dump carries nothing after its header: the kernel refuses
/// one that does ("Invalid data after header"), and its messages are small.
///
/// The mask is what makes a link dump complete: only when a request has
/// one does the kernel size the dump's datagrams for the largest link in
/// the namespace. Without it they are sized by the socket's receive (at
/// most 32 KiB), and a link whose message is larger (many alternative
/// names, many VFs) is left out of the dump, which still ends with
/// `NLMSG_DONE` error 0.
pub fn link_dump_request(seq: u32, family: u8, ext_mask: u32) -> Vec<u8> {
    // without a kind nothing can fail to fit
    link_dump_request_where(seq, family, ext_mask, &LinkFilter::default()).unwrap_or_default()
}

/// What a link dump asks the kernel to keep (strict checking; see
/// [`link_dump_request_where`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkFilter<'a> {
    /// Only links of this kind (`IFLA_LINKINFO { IFLA_INFO_KIND }`: "veth",
    /// "bridge", …).
    pub kind: Option<&'a str>,
    /// Only the ports of this master (`IFLA_MASTER`, an ifindex).
    pub master: Option<u32>,
}

/// [`link_dump_request`] with a kernel-side filter: the kernel sends only
/// the links that match (and marks the replies `NLM_F_DUMP_FILTERED`). Fails
/// only for a kind too long for an attribute.
pub fn link_dump_request_where(
    seq: u32,
    family: u8,
    ext_mask: u32,
    filter: &LinkFilter<'_>,
) -> Result<Vec<u8>, EncodeError> {
    use rtnl_core::message::ext_mask::RTEXT_FILTER_VF;
    let mask = if ext_mask == 0 { RTEXT_FILTER_VF } else { ext_mask };
    let mut w = Writer::new(VecBuffer::default());
    let hdr = rtnl_core::link::IfInfoMsg { ifi_family: family, ..Default::default() };
    rtnl_core::link::request(&mut w, rtnl_core::link::RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, seq, &hdr, |l| {
        // the AF_INET6 link dump refuses any attribute (and sends small messages)
        if family == rtnl_core::net::AF_INET6 {
            return Ok(());
        }
        l.ext_mask(mask)?;
        if let Some(m) = filter.master {
            l.master(m)?;
        }
        if let Some(k) = filter.kind {
            l.linkinfo(|i| i.kind(k).map(drop))?;
        }
        Ok(())
    })?;
    Ok(w.into_inner().0)
}

/// A dump request of any headered family: `ty` with `NLM_F_DUMP` and the
/// family's fixed header `hdr` (which carries the family and what the
/// kernel filters on), no attributes.
pub fn dump_request<H: rtnl_core::typed::FamilyHeader<rtnl_core::wire::NativeEndian>>(
    seq: u32,
    ty: u16,
    hdr: &H,
) -> Vec<u8> {
    let mut w = Writer::new(VecBuffer::default());
    // A Vec grows as needed and a fixed header fits a u16: this cannot fail.
    let _ = rtnl_core::typed::request(&mut w, ty, NLM_F_REQUEST | NLM_F_DUMP, seq, hdr, |_| Ok(()));
    w.into_inner().0
}

/// An address dump request (`RTM_GETADDR`) for `family`, of one link's
/// addresses when `ifindex` is given (`ifa_index`, a filter the kernel
/// applies with strict checking).
pub fn addr_dump_request(seq: u32, family: u8, ifindex: Option<u32>) -> Vec<u8> {
    use rtnl_core::addr::{self, IfAddrMsg};
    let mut w = Writer::new(VecBuffer::default());
    let hdr = IfAddrMsg { ifa_family: family, ifa_index: ifindex.unwrap_or(0).into(), ..Default::default() };
    // A Vec grows as needed and 24 bytes fit a u16: this cannot fail.
    let _ = addr::request(&mut w, addr::RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, seq, &hdr, |_| Ok(()));
    w.into_inner().0
}

/// A neighbour dump request (`RTM_GETNEIGH`) for `family`, of one link's
/// neighbours (`NDA_IFINDEX`) and/or a master's ports' (`NDA_MASTER`) when
/// given: filters the kernel applies with strict checking. `ndm_flags`
/// `NTF_PROXY` asks for the proxy entries instead (as `ip neigh show proxy`).
pub fn neigh_dump_request(seq: u32, family: u8, ifindex: Option<u32>, master: Option<u32>) -> Vec<u8> {
    neigh_dump_request_flags(seq, family, 0, ifindex, master)
}

/// [`neigh_dump_request`] with `ndm_flags` (`NTF_PROXY`: the proxy entries).
pub fn neigh_dump_request_flags(
    seq: u32,
    family: u8,
    ndm_flags: u8,
    ifindex: Option<u32>,
    master: Option<u32>,
) -> Vec<u8> {
    use rtnl_core::neigh::{self, NdMsg};
    let mut w = Writer::new(VecBuffer::default());
    let hdr = NdMsg { ndm_family: family, ndm_flags, ..Default::default() };
    // A Vec grows as needed and 44 bytes fit a u16: this cannot fail.
    let _ = neigh::request(&mut w, neigh::RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP, seq, &hdr, |a| {
        if let Some(i) = ifindex {
            a.ifindex(i)?;
        }
        if let Some(i) = master {
            a.master(i)?;
        }
        Ok(())
    });
    w.into_inner().0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_kernels_lacking_an_option_degrade_instead_of_failing() {
        // before 4.12: neither option; before 4.20: no strict checking
        let none = Support::negotiate(|_| Err(Errno::ENOPROTOOPT)).unwrap();
        assert_eq!(none, Support { ext_ack: false, strict_check: false });
        let pre_420 =
            Support::negotiate(|o| if o == sys::NETLINK_GET_STRICT_CHK { Err(Errno::ENOPROTOOPT) } else { Ok(()) })
                .unwrap();
        assert_eq!(pre_420, Support { ext_ack: true, strict_check: false });
        assert_eq!(Support::negotiate(|_| Ok(())).unwrap(), Support { ext_ack: true, strict_check: true });
        // anything else is still an error
        assert_eq!(Support::negotiate(|_| Err(Errno::EBADF)), Err(Errno::EBADF));
    }

    #[test]
    fn a_warning_on_success_is_surfaced_with_its_attribute() {
        use rtnl_core::wire::NativeEndian;
        // the request: a route dump for table 7 (RTA_TABLE at byte 28)
        let req = route_dump_request_in(9, 2, Some(7));
        // its acknowledgement: error 0, capped, with a message and an offset
        let mut ack = Vec::new();
        let tlvs: &[u8] = &[12, 0, 1, 0, b'c', b'a', b'r', b'e', b'f', b'u', b'l', 0, 8, 0, 2, 0, 28, 0, 0, 0];
        let len = (16 + 4 + 16 + tlvs.len()) as u32;
        ack.extend(len.to_ne_bytes());
        ack.extend(NLMSG_ERROR.to_ne_bytes());
        ack.extend(0x300u16.to_ne_bytes()); // NLM_F_CAPPED | NLM_F_ACK_TLVS
        ack.extend(9u32.to_ne_bytes());
        ack.extend(0u32.to_ne_bytes());
        ack.extend(0i32.to_ne_bytes());
        ack.extend(&req[..16]);
        ack.extend(tlvs);
        let msg = NlMsg::<NativeEndian>::new_checked(&ack).unwrap();
        let got = ack_of(&ErrorMsg::parse(&msg).unwrap(), &req).unwrap();
        let w = got.warning.expect("the warning");
        assert_eq!((w.errno, w.path.as_slice()), (0, &["RTA_TABLE".to_string()][..]));
        assert_eq!(w.to_string(), "Warning: careful.");
        assert_eq!(format!("{w:#}"), "Warning: careful. (at RTA_TABLE)");
        // the same with an error is a refusal
        ack[16..20].copy_from_slice(&(-22i32).to_ne_bytes());
        let msg = NlMsg::<NativeEndian>::new_checked(&ack).unwrap();
        match ack_of(&ErrorMsg::parse(&msg).unwrap(), &req) {
            Err(Error::Kernel(k)) => assert_eq!((k.errno, k.to_string().as_str()), (22, "Error: careful.")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_link_filter_that_cannot_be_encoded_is_an_error() {
        let long = "k".repeat(70_000);
        let f = LinkFilter { kind: Some(&long), master: None };
        assert!(link_dump_request_where(1, 0, 0, &f).is_err());
        let ok = link_dump_request_where(1, 0, 0, &LinkFilter { kind: Some("veth"), master: Some(3) }).unwrap();
        assert_eq!(link_dump_request(1, 0, 0).len() + 8 + 16, ok.len());
    }

    #[test]
    fn requests_that_could_never_end_are_refused_before_sending() {
        let mut s = Socket::new().unwrap();
        // a dump request given to request(): no NLM_F_ACK, no ack would come
        let dump = route_dump_request(s.next_seq(), 2);
        assert!(matches!(s.request(&dump), Err(Error::Other(m)) if m.contains("NLM_F_ACK")));
        // an acknowledged request given to dump(): no NLMSG_DONE would come
        let mut w = Writer::new(VecBuffer::default());
        let m = w.begin_msg(route::RTM_GETROUTE, NLM_F_REQUEST | NLM_F_ACK, s.next_seq(), 0).unwrap();
        w.header(&RtMsg::<rtnl_core::wire::NativeEndian>::default()).unwrap();
        w.end_msg(m).unwrap();
        assert!(matches!(s.dump(&w.into_inner().0, |_| {}), Err(Error::Other(m)) if m.contains("NLM_F_DUMP")));
    }
}
