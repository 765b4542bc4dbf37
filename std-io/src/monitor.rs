//! Monitoring that never goes stale: [`Monitor`] reads notifications and,
//! when the kernel's queue overflows (`ENOBUFS`: notifications were lost),
//! re-dumps what it watches so that the caller can rebuild its view, without
//! losing the notifications that arrive meanwhile.

use std::ops::ControlFlow;

use rtnl_core::message::Message;

use crate::{Error, Event, Socket, MONITOR_RCVBUF};

/// Builds a dump request with the sequence number given.
pub type DumpRequest = Box<dyn Fn(u32) -> Vec<u8> + Send>;

/// What [`Monitor::next`] hands its callback.
#[derive(Debug)]
#[non_exhaustive]
pub enum MonitorEvent<'a> {
    /// A notification, with its group (`RTNLGRP_*`) and, for another
    /// namespace's, that namespace's id.
    Message {
        /// The message.
        msg: Message<'a>,
        /// The multicast group it was sent to.
        group: Option<u32>,
        /// The id of the namespace it came from, if another.
        nsid: Option<i32>,
    },
    /// Notifications were lost: forget the view built so far; the current
    /// state follows as [`Dumped`](Self::Dumped) messages.
    ResyncStart,
    /// One message of the re-dump (an `RTM_NEW*` of the current state).
    Dumped(Message<'a>),
    /// The re-dump is complete. Notifications that arrived while it ran
    /// follow as [`Message`](Self::Message)s, in order, and bring the view
    /// up to date. `interrupted` is set when every attempt was interrupted
    /// by changes (the view is then only as good as those notifications).
    ResyncEnd {
        /// Whether the last attempt was interrupted (`NLM_F_DUMP_INTR`).
        interrupted: bool,
    },
}

/// A subscription that recovers from lost notifications.
///
/// Notifications arrive on one socket, joined to the groups watched; the
/// re-dumps run on a second, so that the first keeps queueing what changes
/// while they run. On [`Event::Overrun`] the monitor reports
/// [`MonitorEvent::ResyncStart`], the state from each dump request given,
/// then [`MonitorEvent::ResyncEnd`]; the notifications queued since the
/// re-dump began come next (those queued before it are superseded by it and
/// dropped).
/// Applying everything in the order given leaves the caller's view equal to
/// the kernel's once the changes stop.
pub struct Monitor {
    events: Socket,
    dumps: Socket,
    resync: Vec<DumpRequest>,
    overruns: u64,
}

impl std::fmt::Debug for Monitor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Monitor")
            .field("events", &self.events)
            .field("dumps", &self.dumps)
            .field("resync", &self.resync.len())
            .field("overruns", &self.overruns)
            .finish()
    }
}

/// How many times a re-dump is tried when it is interrupted by changes.
const RESYNC_ATTEMPTS: usize = 5;

impl Monitor {
    /// A monitor of `groups` (`RTNLGRP_*`; groups the running kernel lacks
    /// are skipped) in this thread's namespace, re-dumping with each of
    /// `resync` after an overrun. The notification socket gets
    /// [`MONITOR_RCVBUF`] and `NETLINK_PKTINFO`.
    pub fn new(groups: &[u32], resync: Vec<DumpRequest>) -> Result<Self, Error> {
        Self::with_sockets(Socket::new()?, Socket::new()?, groups, resync)
    }

    /// [`new`](Self::new) over sockets the caller opened (in another
    /// namespace, say, with [`Netns::socket`](crate::netns::Netns::socket)).
    pub fn with_sockets(
        events: Socket,
        dumps: Socket,
        groups: &[u32],
        resync: Vec<DumpRequest>,
    ) -> Result<Self, Error> {
        events.set_recv_buffer(MONITOR_RCVBUF)?;
        events.set_pktinfo(true)?;
        for &g in groups {
            match events.add_membership(g) {
                Ok(()) | Err(Error::Sys(nix::errno::Errno::EINVAL)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(Monitor { events, dumps, resync, overruns: 0 })
    }

    /// The notification socket (to size its queue, set a timeout, poll it).
    pub fn events_mut(&mut self) -> &mut Socket {
        &mut self.events
    }

    /// How many overruns were recovered from.
    pub fn overruns(&self) -> u64 {
        self.overruns
    }

    /// Receives one datagram of notifications and passes each to `f`; after
    /// an overrun, re-dumps first (see [`MonitorEvent`]). Blocks until
    /// something arrives.
    pub fn next(&mut self, f: &mut dyn FnMut(MonitorEvent<'_>)) -> Result<usize, Error> {
        let mut overrun = false;
        let n = self.events.recv_events(|e| match e {
            Event::Overrun => overrun = true,
            Event::Message { msg, group, nsid } => f(MonitorEvent::Message { msg, group, nsid }),
        })?;
        if overrun {
            self.overruns += 1;
            self.resync(f)?;
        }
        Ok(n)
    }

    /// Re-dumps now, as after an overrun. The notifications still queued
    /// are dropped first: they predate the dump, which supersedes them, and
    /// the kernel reports no further loss on a queue that has not been
    /// emptied since the last one (so that notifications lost during the
    /// dump would go unnoticed).
    pub fn resync(&mut self, f: &mut dyn FnMut(MonitorEvent<'_>)) -> Result<(), Error> {
        self.events.discard_queued()?;
        let mut interrupted = false;
        for _ in 0..RESYNC_ATTEMPTS {
            f(MonitorEvent::ResyncStart);
            interrupted = false;
            for req in &self.resync {
                let seq = self.dumps.next_seq();
                let sum = self.dumps.dump_with(&req(seq), |m| {
                    f(MonitorEvent::Dumped(m));
                    ControlFlow::Continue(())
                })?;
                interrupted |= sum.interrupted;
            }
            if !interrupted {
                break;
            }
        }
        f(MonitorEvent::ResyncEnd { interrupted });
        Ok(())
    }
}
