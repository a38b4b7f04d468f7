//! Accepting and serving connections with limits, so a slow or silent
//! client cannot hold the host: a request head must arrive whole within
//! [`HEADER_TIMEOUT`] (the same deadline closes a keep-alive connection
//! that sends no next request), and at most [`max_connections`] are served
//! at once; further clients wait in the kernel's backlog, costing no file
//! descriptor, until one closes.
//!
//! `axum::serve` sets no timer, so it has neither timeout: a connection
//! that never sends a byte stayed open forever, and a few hundred of them
//! used up the descriptors and stopped every load.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};

/// How long a client has to send a whole request head, and how long an
/// idle keep-alive connection is kept.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Most connections served at once when the descriptor limit allows.
pub const MAX_CONNECTIONS: usize = 512;

/// The connection cap: [`MAX_CONNECTIONS`], or half the process's
/// descriptor limit when that is lower (the rest stays for the ledger,
/// the app and outgoing requests).
pub fn max_connections() -> usize {
    descriptor_limit().map_or(MAX_CONNECTIONS, |limit| {
        (limit / 2).clamp(8, MAX_CONNECTIONS)
    })
}

/// The soft `RLIMIT_NOFILE`, read from `/proc` where there is one.
fn descriptor_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// Serves `app` on `listener` until `stop` fires, then lets open requests
/// finish (the caller bounds how long).
pub async fn serve(listener: TcpListener, app: Router, mut stop: watch::Receiver<bool>) {
    let permits = Arc::new(Semaphore::new(max_connections()));
    let (closing, _) = watch::channel(false);
    loop {
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            _ = stop.changed() => break,
        };
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of descriptors or a reset before accept: wait a
                    // little rather than spin, and go on.
                    eprintln!("warning: the local host could not accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = stop.changed() => break,
        };
        // No Nagle: a page goes out as headers then body, and waiting for
        // the peer's delayed ACK between them costs 40 ms.
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let mut closing = closing.subscribe();
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            let result: Result<(), hyper::Error> = tokio::select! {
                result = connection.as_mut() => result,
                _ = closing.changed() => {
                    connection.as_mut().graceful_shutdown();
                    connection.as_mut().await
                }
            };
            // An error here is a client that went away or timed out:
            // nothing to report, the connection is closed either way.
            let _ = result;
            drop(permit);
        });
    }
    let _ = closing.send(true);
    // Every connection holds a permit until it closes: having them all
    // back means every open request finished.
    let cap = u32::try_from(max_connections()).unwrap_or(u32::MAX);
    let _ = permits.acquire_many(cap).await;
}
