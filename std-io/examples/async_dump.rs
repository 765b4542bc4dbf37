//! Dumps the IPv4 routes of the main table from async code and prints how
//! many there are: `cargo run -p rtnl-io --features tokio --example async_dump`.

use rtnl_core::message::RtnlMessage;
use rtnl_io::{route_dump_request_in, AsyncSocket, Error, Socket};

fn main() -> Result<(), Error> {
    let rt = tokio::runtime::Builder::new_current_thread().enable_io().build()?;
    rt.block_on(async {
        let mut sock = AsyncSocket::new(Socket::new()?)?;
        let seq = sock.get_mut().next_seq();
        let mut routes = 0;
        let sum = sock
            .dump(&route_dump_request_in(seq, 2, Some(254)), |m| {
                if let RtnlMessage::Route(_) = m.body() {
                    routes += 1;
                }
            })
            .await?;
        if sum.interrupted {
            eprintln!("the dump was interrupted: the table changed while it was read");
        }
        println!("{routes} IPv4 routes in the main table ({} datagrams)", sum.datagrams);
        Ok(())
    })
}
