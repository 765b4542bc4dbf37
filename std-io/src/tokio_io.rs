//! [`AsyncSocket`]: a [`Socket`] on tokio's reactor (feature `tokio`). The
//! socket is put in non-blocking mode and each operation waits for
//! readiness between receives; everything else — priming, the sender and
//! sequence checks, ext-ack errors, interrupted and failed dumps — is the
//! synchronous socket's.

use std::ops::ControlFlow;

use rtnl_core::message::Message;
use tokio::io::unix::AsyncFd;
use tokio::io::Interest;

use crate::{Ack, DumpSummary, Error, Event, Socket};

/// A [`Socket`] for async code (tokio's `AsyncFd`).
#[derive(Debug)]
pub struct AsyncSocket {
    inner: AsyncFd<Socket>,
}

impl AsyncSocket {
    /// Wraps `sock` (made non-blocking). Must be called within a tokio
    /// runtime with I/O enabled.
    #[allow(unsafe_code)]
    pub fn new(mut sock: Socket) -> Result<Self, Error> {
        sock.set_nonblocking(true)?;
        // SAFETY: a Socket owns its descriptor (an OwnedFd it never replaces
        // or closes while it lives), and its as_raw_fd returns that one; the
        // AsyncFd owns the Socket, so the descriptor stays open and the same
        // for as long as it is registered.
        let inner = unsafe { AsyncFd::register_with_interest(sock, Interest::READABLE) }
            .map_err(|e| Error::from(e.into_parts().1))?;
        Ok(AsyncSocket { inner })
    }

    /// The socket, for its settings and its sequence numbers.
    pub fn get_mut(&mut self) -> &mut Socket {
        self.inner.get_mut()
    }

    /// [`Socket::request_with`], waiting asynchronously for the
    /// acknowledgement.
    pub async fn request_with(&mut self, req: &[u8], mut on_reply: impl FnMut(Message<'_>)) -> Result<Ack, Error> {
        let seq = self.inner.get_mut().request_start(req)?;
        loop {
            let mut ready = self.inner.readable_mut().await?;
            match ready.get_inner_mut().request_poll(req, seq, &mut on_reply)? {
                Some(ack) => return Ok(ack),
                None => ready.clear_ready(),
            }
        }
    }

    /// [`Socket::request`], asynchronously.
    pub async fn request(&mut self, req: &[u8]) -> Result<Ack, Error> {
        self.request_with(req, |_| {}).await
    }

    /// [`Socket::dump_with`], waiting asynchronously between datagrams.
    pub async fn dump_with(
        &mut self,
        req: &[u8],
        mut f: impl FnMut(Message<'_>) -> ControlFlow<()>,
    ) -> Result<DumpSummary, Error> {
        let mut d = self.inner.get_mut().dump_start(req)?;
        loop {
            let mut ready = self.inner.readable_mut().await?;
            match ready.get_inner_mut().dump_poll(&mut d, &mut f)? {
                Some(sum) => return Ok(sum),
                None => ready.clear_ready(),
            }
        }
    }

    /// [`Socket::dump`], asynchronously.
    pub async fn dump(&mut self, req: &[u8], mut f: impl FnMut(Message<'_>)) -> Result<DumpSummary, Error> {
        self.dump_with(req, |m| {
            f(m);
            ControlFlow::Continue(())
        })
        .await
    }

    /// [`Socket::recv_events`]: waits for the next datagram of
    /// notifications.
    pub async fn recv_events(&mut self, mut f: impl FnMut(Event<'_>)) -> Result<usize, Error> {
        loop {
            let mut ready = self.inner.readable_mut().await?;
            match ready.get_inner_mut().recv_events(&mut f) {
                Err(Error::WouldBlock) => ready.clear_ready(),
                r => return r,
            }
        }
    }
}
