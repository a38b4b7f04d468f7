//! `embed-sandbox serve`: runs the local host until Ctrl-C or SIGTERM.
//!
//! The first line printed is `listening on http://IP:PORT`, so scripts
//! started with port 0 can read the port back; the second gives the address
//! of the host's tools with their per-run token (chosen by
//! `EMBED_SANDBOX_HOST_TOKEN` when set, so scripts can know it).

use std::io::Write;

use embed_core::{Scheme, Secret};
use embed_host::{config, Client, HostOptions, Org};

use crate::cli::ServeArgs;
use crate::commands::replay::HOST_TOKEN_ENV;
use crate::error::CliError;

fn clients(args: &ServeArgs) -> Result<Vec<Client>, CliError> {
    if args.client_ids.len() != args.secret_envs.len() {
        return Err(CliError::UnpairedClients {
            ids: args.client_ids.len(),
            envs: args.secret_envs.len(),
        });
    }
    args.client_ids
        .iter()
        .zip(&args.secret_envs)
        .map(|(id, var)| {
            if id.trim().is_empty() {
                return Err(CliError::Core(embed_core::Error::BadField {
                    field: "--client-id".into(),
                    reason: "it is empty; give the client id the URLs carry, exactly as issued".into(),
                }));
            }
            let secret = std::env::var(var).map_err(|_| CliError::SecretEnvMissing(var.clone()))?;
            let secret = Secret::new(secret);
            if secret.has_surrounding_whitespace() {
                eprintln!("warning: the secret of client {id:?} (sha256:{}) has leading or trailing whitespace; it is used exactly as given", secret.fingerprint());
            }
            Ok(Client { id: id.clone(), secret, schemes: Vec::new() })
        })
        .collect()
}

/// A vendor's short name on the command line: "sigma", "boldbi", "looker".
fn vendor_key(scheme: Scheme) -> String {
    scheme
        .vendor()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// The clients of `--secret VENDOR[:ID]=VAR`.
fn vendor_secrets(args: &ServeArgs) -> Result<Vec<Client>, CliError> {
    let known: Vec<Scheme> = embed_core::schemes::all()
        .iter()
        .map(|s| s.scheme())
        .collect();
    let mut vendors: Vec<String> = known.iter().map(|s| vendor_key(*s)).collect();
    vendors.dedup();
    args.secrets
        .iter()
        .map(|given| {
            let bad = || CliError::BadSecretFlag {
                given: given.clone(),
                vendors: vendors.join(", "),
            };
            let (who, var) = given.split_once('=').ok_or_else(bad)?;
            let (vendor, id) = who.split_once(':').unwrap_or((who, who));
            let schemes: Vec<Scheme> = known
                .iter()
                .copied()
                .filter(|s| vendor_key(*s) == vendor.to_lowercase())
                .collect();
            if schemes.is_empty() || id.is_empty() || var.is_empty() {
                return Err(bad());
            }
            let secret =
                std::env::var(var).map_err(|_| CliError::SecretEnvMissing(var.to_owned()))?;
            Ok(Client {
                id: id.to_owned(),
                secret: Secret::new(secret),
                schemes,
            })
        })
        .collect()
}

/// Runs `serve`.
pub fn run(args: ServeArgs) -> Result<(), CliError> {
    let beyond_loopback = !args.addr.ip().is_loopback();
    if beyond_loopback && args.allowed_hosts.is_empty() && !args.expose {
        return Err(CliError::ExposedWithoutNames(args.addr));
    }
    let mut extra = clients(&args)?;
    extra.extend(vendor_secrets(&args)?);
    let org = match &args.config {
        Some(path) => config::load(path, extra, &|var| std::env::var(var).ok())?,
        None if extra.is_empty() => return Err(embed_host::HostError::NoClient.into()),
        None => Org::demo(extra),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Runtime(e.to_string()))?;
    // --framing changes the [framing] of the config file, one setting each.
    let mut framing = org.framing.clone();
    for setting in &args.framing {
        let (name, value) = setting
            .split_once('=')
            .ok_or_else(|| CliError::NotKeyValue {
                flag: "--framing",
                given: setting.clone(),
            })?;
        framing.set(name.trim(), value)?;
    }
    runtime.block_on(async move {
        let token = std::env::var(HOST_TOKEN_ENV)
            .ok()
            .filter(|t| !t.trim().is_empty());
        let host = embed_host::start(HostOptions {
            addr: args.addr,
            org,
            ledger: args.ledger,
            allowed_hosts: args.allowed_hosts.clone(),
            token,
        })
        .await?;
        host.state.set_minimal_page(args.minimal_page);
        host.state.set_framing(framing);
        // Listen for the stop signals before saying where the host is: a
        // script that reads the address and stops the host at once must get
        // a clean stop (open requests finished, the ledger flushed), not the
        // signal's default of killing the process.
        let stop = StopSignals::register();
        // One write: a script that reads only the first line and closes the
        // pipe must not make the second line fail.
        let greeting = format!(
            "listening on {}\ntools: {} (the per-run token; `export {HOST_TOKEN_ENV}=...` lets `replay` move this host's clock)\n",
            host.origin(),
            host.tools_url()
        );
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(greeting.as_bytes())
            .and_then(|()| stdout.flush())
            .map_err(|e| CliError::Output(e.to_string()))?;
        drop(stdout);
        if beyond_loopback {
            eprintln!(
                "warning: listening on {}{}: anyone who can reach this machine on port {} can load the embeds this host accepts (Host names allowed besides loopback: {})",
                args.addr.ip(),
                if args.addr.ip().is_unspecified() { " (every interface)" } else { "" },
                host.addr.port(),
                if args.allowed_hosts.is_empty() { "the bound address only".to_owned() } else { args.allowed_hosts.join(", ") }
            );
        }
        stop.wait().await;
        eprintln!("stopping: finishing open requests, flushing the ledger");
        host.stop().await;
        Ok(())
    })
}

/// SIGTERM and SIGINT (Ctrl-C), registered when made.
struct StopSignals {
    #[cfg(unix)]
    term: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    interrupt: Option<tokio::signal::unix::Signal>,
}

impl StopSignals {
    /// Registers the handlers now (inside the runtime).
    fn register() -> Self {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            StopSignals {
                term: signal(SignalKind::terminate()).ok(),
                interrupt: signal(SignalKind::interrupt()).ok(),
            }
        }
        #[cfg(not(unix))]
        {
            StopSignals {}
        }
    }

    /// Waits for either signal.
    async fn wait(self) {
        #[cfg(unix)]
        {
            async fn next(signal: Option<tokio::signal::unix::Signal>) {
                match signal {
                    Some(mut signal) => {
                        signal.recv().await;
                    }
                    None => std::future::pending().await,
                }
            }
            tokio::select! {
                () = next(self.term) => {}
                () = next(self.interrupt) => {}
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
