//! Looker's embed events (the Embed SDK's `LookerEmbedEventMap`): what the
//! mock content posts and what the preview's parent page recognises. Looker
//! posts each as JSON text, not as an object.

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
