//! What every request handler shares: the organisation, the ledger, the
//! request and event logs, and the clock.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock, RwLockReadGuard};

use crate::clock::Clock;
use crate::guard::Guard;
use crate::ledger::Ledger;
use crate::log::{EventLog, RequestLog};
use crate::org::{Client, Org};

/// The state every handler shares.
pub type Shared = Arc<HostState>;

/// The host's shared state.
pub struct HostState {
    org: RwLock<Org>,
    /// Single-use nonces.
    pub ledger: Ledger,
    /// Judged requests.
    pub log: RequestLog,
    /// Messages embeds posted to the preview's parent page.
    pub events: EventLog,
    /// The host's clock (with the time-travel offset).
    pub clock: Clock,
    /// Which `Host` names it answers to, and the tools' token.
    pub guard: Arc<Guard>,
    /// Each vendor's own state (embed sessions, access tokens), by type,
    /// made on first use: the vendor folders own these types, so this
    /// module names none of them.
    parts: Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
    /// Accepted embeds get one fixed line instead of the mock page.
    minimal_page: AtomicBool,
}

impl HostState {
    /// State for `org` with `ledger`, guarded by `guard`.
    pub fn new(org: Org, ledger: Ledger, guard: Guard) -> Self {
        HostState {
            guard: Arc::new(guard),
            org: RwLock::new(org),
            ledger,
            log: RequestLog::default(),
            events: EventLog::default(),
            clock: Clock::default(),
            parts: Mutex::default(),
            minimal_page: AtomicBool::new(false),
        }
    }

    /// The vendor state of type `T` (made empty on first use).
    pub fn part<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let mut parts = self.parts.lock().unwrap_or_else(PoisonError::into_inner);
        let part = parts
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Arc::new(T::default()))
            .clone();
        // The entry for T's TypeId always holds a T.
        part.downcast::<T>().unwrap_or_default()
    }

    /// Whether an accepted embed gets one fixed line instead of the mock
    /// workbook or dashboard (`serve --minimal-page`).
    pub fn minimal_page(&self) -> bool {
        self.minimal_page.load(Ordering::Relaxed)
    }

    /// Answers accepted embeds with one fixed line instead of the mock
    /// workbook or dashboard: `scripts/bench/host.sh` times verification
    /// alone with it, like for like with a reference host that answers one
    /// line. Refusals keep their pages.
    pub fn set_minimal_page(&self, on: bool) {
        self.minimal_page.store(on, Ordering::Relaxed);
    }

    /// The framing emulation in force (the organisation's, like its policy).
    pub fn framing(&self) -> embed_core::doctor::emulation::Framing {
        self.org().framing.clone()
    }

    /// Replaces the framing emulation; later responses use it.
    pub fn set_framing(&self, framing: embed_core::doctor::emulation::Framing) {
        self.org
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .framing = framing;
    }

    /// Every setting of the host, as the settings panel shows them: the
    /// judging policy's, then the framing emulation's.
    pub fn setting_views(&self) -> Vec<embed_core::policy_settings::SettingView> {
        let mut views = self.policy().views();
        views.extend(self.framing().views());
        views
    }

    /// Changes the host setting `name` (a policy or a framing one) to
    /// `value`; a bad value changes nothing and says why.
    pub fn set_setting(&self, name: &str, value: &str) -> embed_core::Result<()> {
        if embed_core::doctor::emulation::Framing::has(name) {
            let mut framing = self.framing();
            framing.set(name, value)?;
            self.set_framing(framing);
        } else {
            let mut policy = self.policy();
            policy.set(name, value)?;
            self.set_policy(policy);
        }
        Ok(())
    }

    /// The organisation, for reading.
    pub fn org(&self) -> RwLockReadGuard<'_, Org> {
        self.org
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The policy the host judges with (its settings for unconfirmed behaviour).
    pub fn policy(&self) -> embed_core::Policy {
        self.org().policy.clone()
    }

    /// Replaces the judging policy; later requests use it.
    pub fn set_policy(&self, policy: embed_core::Policy) {
        self.org
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .policy = policy;
    }

    /// Forgets a client (its URLs are then refused as from an unknown client).
    pub fn remove_client(&self, id: &str) {
        self.org
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clients
            .retain(|c| c.id != id);
    }

    /// Adds a client, or replaces the one with the same id (the desktop app
    /// does this when a profile's secret changes).
    pub fn upsert_client(&self, client: Client) {
        let mut org = self
            .org
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        org.clients.retain(|c| c.id != client.id);
        org.clients.push(client);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn one_setter_reaches_the_policy_and_the_framing_and_a_bad_value_changes_nothing() {
        let guard = Guard::new(
            std::net::SocketAddr::from(([127, 0, 0, 1], 4321)),
            &[],
            "t0ken".into(),
        );
        let state = HostState::new(Org::demo(vec![]), Ledger::in_memory(), guard);
        let names: Vec<String> = state.setting_views().into_iter().map(|v| v.name).collect();
        assert!(
            names.contains(&"clock-skew".to_owned()) && names.contains(&"frame-options".to_owned())
        );
        state.set_setting("frame-options", "deny").unwrap();
        state.set_setting("clock-skew", "10").unwrap();
        assert_eq!(state.framing().frame_options, "deny");
        assert_eq!(state.policy().seconds(&embed_core::schemes::CLOCK_SKEW), 10);
        assert!(state.set_setting("frame-options", "maybe").is_err());
        assert!(state.set_setting("no-such", "1").is_err());
        assert_eq!(state.framing().frame_options, "deny");
    }
}
