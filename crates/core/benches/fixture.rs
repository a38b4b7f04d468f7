//! The signing workload shared by the criterion bench and the throughput
//! example (the same inputs as `scripts/bench/sign_node.mjs`).

use embed_core::schemes::sigma_classic::SigmaClassicRequest;
use embed_core::Secret;

/// The bench secret: 128 hex characters, used as UTF-8 text like Sigma's.
pub fn secret() -> Secret {
    Secret::new("0123456789abcdef".repeat(8))
}

/// The seed sample's required parameters with `nonce`.
pub fn classic(nonce: &str) -> SigmaClassicRequest {
    SigmaClassicRequest {
        embed_path: "https://app.sigmacomputing.com/embed/1-2wDc2M6GqIrajkSwjkl0az".into(),
        client_id: "c0ffee00".repeat(8),
        email: "embed.user@example.com".into(),
        external_user_id: "embed.user@example.com".into(),
        teams: vec!["Sales_Managers".into()],
        account_type: Some("Creator".into()),
        mode: "userbacked".into(),
        session_length: 600,
        time: 1_700_000_000,
        nonce: nonce.to_owned(),
        user_attributes: vec![],
        params: vec![],
    }
}
