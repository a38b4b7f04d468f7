//! Binding, serving and stopping the host, for the CLI and the desktop app.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::error::HostError;
use crate::guard::{fresh_token, Guard};
use crate::ledger::Ledger;
use crate::org::Org;
use crate::routes::router;
use crate::state::HostState;

/// How long open requests get to finish when the host stops.
pub const DRAIN: std::time::Duration = std::time::Duration::from_secs(2);

/// How to start the host.
pub struct HostOptions {
    /// Where to listen (port 0: any free port).
    pub addr: SocketAddr,
    /// The organisation.
    pub org: Org,
    /// The ledger file; `None` keeps nonces in memory.
    pub ledger: Option<PathBuf>,
    /// Extra names the host answers to besides its loopback addresses
    /// (`name` for any port, `name:port`): a host deliberately exposed.
    pub allowed_hosts: Vec<String>,
    /// The tools' per-run token; `None` makes a fresh random one.
    pub token: Option<String>,
}

impl HostOptions {
    /// A host on `127.0.0.1` at any free port, in-memory ledger, fresh token.
    pub fn loopback(org: Org) -> Self {
        HostOptions {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            org,
            ledger: None,
            allowed_hosts: Vec::new(),
            token: None,
        }
    }
}

/// A host that is serving.
pub struct RunningHost {
    /// The address actually bound.
    pub addr: SocketAddr,
    /// The shared state (log, clock, org, ledger).
    pub state: Arc<HostState>,
    shutdown: Option<watch::Sender<bool>>,
    task: JoinHandle<()>,
}

/// Binds and starts serving in the background.
pub async fn start(options: HostOptions) -> Result<RunningHost, HostError> {
    let ledger = match &options.ledger {
        Some(path) => Ledger::open(path)?,
        None => Ledger::in_memory(),
    };
    let listener = TcpListener::bind(options.addr)
        .await
        .map_err(|e| HostError::Bind {
            addr: options.addr,
            reason: match e.kind() {
                std::io::ErrorKind::AddrInUse => {
                    format!("port {} is already in use", options.addr.port())
                }
                std::io::ErrorKind::PermissionDenied => format!(
                    "permission denied for port {} (ports below 1024 need privileges)",
                    options.addr.port()
                ),
                std::io::ErrorKind::AddrNotAvailable => {
                    format!("{} is not an address of this machine", options.addr.ip())
                }
                _ => e.to_string(),
            },
        })?;
    let addr = listener.local_addr().map_err(|e| HostError::Bind {
        addr: options.addr,
        reason: e.to_string(),
    })?;
    let token = options.token.unwrap_or_else(fresh_token);
    let guard = Guard::new(addr, &options.allowed_hosts, token);
    let state = Arc::new(HostState::new(options.org, ledger, guard));
    let (shutdown, stop) = watch::channel(false);
    let app = router(state.clone());
    let served = state.clone();
    let task = tokio::spawn(async move {
        crate::connections::serve(listener, app, stop).await;
        served.ledger.flush();
    });
    Ok(RunningHost {
        addr,
        state,
        shutdown: Some(shutdown),
        task,
    })
}

impl RunningHost {
    /// `http://127.0.0.1:PORT`: the bound address, or its loopback twin
    /// when bound on every interface (`0.0.0.0` is no address a browser
    /// can open, and the guard answers to loopback names).
    pub fn origin(&self) -> String {
        let ip = match self.addr.ip() {
            std::net::IpAddr::V4(ip) if ip.is_unspecified() => std::net::Ipv4Addr::LOCALHOST.into(),
            std::net::IpAddr::V6(ip) if ip.is_unspecified() => std::net::Ipv6Addr::LOCALHOST.into(),
            ip => ip,
        };
        format!("http://{}", SocketAddr::new(ip, self.addr.port()))
    }

    /// The tools' per-run token (the app holds it in-process).
    pub fn token(&self) -> &str {
        self.state.guard.token()
    }

    /// The index page's address with the token, for a person to open.
    pub fn tools_url(&self) -> String {
        format!("{}/?token={}", self.origin(), self.token())
    }

    /// Stops accepting, gives open requests [`DRAIN`] to finish (a live log
    /// stream never does), then closes everything and flushes the ledger.
    pub async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(true);
        }
        if tokio::time::timeout(DRAIN, &mut self.task).await.is_err() {
            self.task.abort();
            self.state.ledger.flush();
        }
    }
}
