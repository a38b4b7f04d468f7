//! Bold BI's authorize endpoint on the local host (vendors.md §4.1):
//! `GET /bi/api/site/{site}/embed/authorize?{query}&embed_signature={sig}`,
//! the request a customer's authorization server makes server to server.
//! It is judged exactly as an iframe URL is (the signature over the query
//! from `embed_nonce` up to `&embed_signature=`, expiry, the nonce ledger),
//! and answered as Bold BI answers: JSON with a bearer `access_token`. A
//! refusal is a JSON body too, in the product's words (Bold BI's error body
//! is unconfirmed), with the verdict header tools read.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use embed_core::schemes::boldbi::authorize::dashboard_id;
use embed_core::Scheme;
use serde_json::json;

use super::tokens::Claims;
use crate::judge::{Judgement, Outcome};
use crate::respond::answer;
use crate::state::HostState;
use crate::state::Shared;

/// How long an access token lasts when the request names no expiry.
const TOKEN_LIFETIME: u64 = 86_400;

/// The authorize route.
pub async fn authorize(State(state): State<Shared>, headers: HeaderMap, uri: Uri) -> Response {
    answer(&state, Scheme::BoldBi, &headers, &uri, |judgement| {
        respond(&state, judgement)
    })
}

fn respond(state: &HostState, judgement: &Judgement) -> Response {
    let status = StatusCode::from_u16(judgement.status).unwrap_or(StatusCode::FORBIDDEN);
    match &judgement.outcome {
        Outcome::Accepted(accepted) => {
            let url = &accepted.embed.url;
            let email = accepted.embed.facts.email.clone().unwrap_or_default();
            let dashboard = dashboard_id(url).unwrap_or_default();
            let exp = accepted
                .embed
                .facts
                .expires_at
                .unwrap_or(accepted.now.saturating_add(TOKEN_LIFETIME));
            let query = embed_core::schemes::boldbi::signed_view(url)
                .params
                .iter()
                .filter(|p| !matches!(p.name.as_str(), "embed_nonce" | "embed_signature"))
                .map(|p| p.span.clone())
                .filter_map(|span| url.query.get(span))
                .collect::<Vec<_>>()
                .join("&");
            let token = state.part::<super::tokens::Tokens>().issue(&Claims {
                sub: email.clone(),
                dashboard: dashboard.clone(),
                query,
                exp,
            });
            let user = json!({"Email": email, "DisplayName": email, "IsActive": true});
            let item = json!({"Id": dashboard, "ItemType": "Dashboard", "CanRead": true});
            Json(json!({
                "ApiStatus": true,
                "Data": {
                    "email": email,
                    "username": email,
                    "access_token": token,
                    "token_type": "bearer",
                    ".expires": embed_core::when::iso8601(exp),
                    "UserDetail": user.to_string(),
                    "ItemDetail": item.to_string(),
                },
                "Status": true,
            }))
            .into_response()
        }
        Outcome::Refused(refusal) => (
            status,
            Json(json!({
                "ApiStatus": false,
                "Status": false,
                "Message": refusal.message,
                "Reason": refusal.reason.id(),
                "Explanation": refusal.explanation,
                "Wording": "Embed Sandbox's wording: Bold BI documents no error body for the authorize endpoint",
            })),
        )
            .into_response(),
        Outcome::Unavailable(cause) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({"ApiStatus": false, "Status": false, "Message": format!("The local host cannot judge this request: {cause}.")})),
        )
            .into_response(),
    }
}
