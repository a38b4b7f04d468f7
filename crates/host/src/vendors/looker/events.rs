//! Looker's embed events (the Embed SDK's `LookerEmbedEventMap`): what the
//! mock content posts, what the preview's parent page recognises, and the
//! messages a host page sends in (`LookerEmbedDashboard.run()`,
//! `updateFilters()`, ...). Looker posts and reads each as JSON text, not
//! as an object.

use crate::vendor::Inbound;

/// Events Looker content posts to its host page.
pub const OUTBOUND: &[&str] = &[
    "dashboard:loaded",
    "dashboard:run:start",
    "dashboard:run:complete",
    "dashboard:filters:changed",
    "dashboard:tile:start",
    "dashboard:tile:complete",
    "dashboard:tile:download",
    "drillmenu:click",
    "drillmodal:explore",
    "look:ready",
    "look:run:start",
    "look:run:complete",
    "explore:ready",
    "explore:run:start",
    "explore:run:complete",
    "page:changed",
    "page:properties:changed",
    "session:tokens",
    "env:client:dialog",
];

/// The event each kind of content posts once it is shown.
pub fn ready_event(path: &str) -> &'static str {
    if path.starts_with("/embed/looks/") {
        "look:ready"
    } else if path.starts_with("/embed/explore/") {
        "explore:ready"
    } else {
        "dashboard:loaded"
    }
}

/// Events that say the content is shown.
pub const LOADED: &[&str] = &["dashboard:loaded", "look:ready", "explore:ready"];

/// Messages a host page may send to Looker content (JSON text).
pub const INBOUND: &[Inbound] = &[
    Inbound {
        kind: "dashboard:run",
        example: r#"{"type":"dashboard:run"}"#,
        note: "run the dashboard's queries (the SDK's run()); the local mock does not act on it",
    },
    Inbound {
        kind: "dashboard:stop",
        example: r#"{"type":"dashboard:stop"}"#,
        note: "stop the running queries (stop()); the local mock does not act on it",
    },
    Inbound {
        kind: "dashboard:filters:update",
        example: r#"{"type":"dashboard:filters:update","filters":{"Region":"West"}}"#,
        note: "change filter values, then send dashboard:run (updateFilters()); the local mock does not act on it",
    },
    Inbound {
        kind: "dashboard:options:set",
        example: r#"{"type":"dashboard:options:set","layouts":[]}"#,
        note: "change the layout or elements (setOptions()); the local mock does not act on it",
    },
];

/// What the parent page tells the user about Looker's events.
pub const SDK_NOTE: &str = "Looker content exchanges these events (as JSON text) only when the embed URL carries embed_domain=<your page's origin> (the Embed SDK adds it, with sdk=3) and that origin is in Admin > Embed > Embedded Domain Allowlist. This local stand-in posts its events whatever the embed_domain.";
