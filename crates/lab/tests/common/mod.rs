//! What the lab's HTTP tests share: the clock and a local host on
//! 127.0.0.1:0 holding one client's secret.

#![allow(dead_code, clippy::unwrap_used)]

use std::time::{SystemTime, UNIX_EPOCH};

use embed_core::{Policy, Secret};
use embed_host::{Client, HostOptions, Org, RunningHost};

/// Unix seconds now.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// A local host for client `id` signing with `secret`, judging under `policy`.
pub async fn host_for(id: &str, secret: &str, policy: Policy) -> RunningHost {
    let mut org = Org::demo(vec![Client {
        id: id.into(),
        secret: Secret::new(secret),
        schemes: vec![],
    }]);
    org.policy = policy;
    embed_host::start(HostOptions::loopback(org)).await.unwrap()
}
