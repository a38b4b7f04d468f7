//! Sigma's embed events (vendors.md section 3, from `sigmacomputing/embed-sdk`
//! 0.7.0 `types.ts` and Sigma's outbound and inbound event references), as
//! data for the parent page: its log names every outbound event, and its
//! composer offers every inbound one with the documented payload.

/// Events an embed posts to its host page.
pub const OUTBOUND: &[&str] = &[
    "workbook:loaded",
    "workbook:dataloaded",
    "workbook:error",
    "workbook:variables:onchange",
    "workbook:variables:current",
    "workbook:table:oncellselect",
    "workbook:pivottable:oncellselect",
    "workbook:chart:onvalueselect",
    "workbook:chart:error",
    "workbook:published",
    "workbook:fullscreen:onchange",
    "workbook:pageheight:onchange",
    "workbook:selectednodeid:onchange",
    "workbook:exploreKey:onchange",
    "workbook:bookmark:oncreate",
    "workbook:bookmark:onchange",
    "workbook:bookmark:onupdate",
    "workbook:bookmark:ondelete",
    "workbook:id:onchange",
    "url:onchange",
    "action:outbound",
];

pub use crate::vendor::Inbound;

/// The event that says the workbook is shown.
pub const LOADED: &[&str] = &["workbook:loaded"];

/// Events a host page may post to the embed.
pub const INBOUND: &[Inbound] = &[
    Inbound {
        kind: "workbook:variables:update",
        example: r#"{"type":"workbook:variables:update","variables":{"Region":"West"}}"#,
        note: "set control values (not hidden controls); answered by workbook:variables:onchange",
    },
    Inbound {
        kind: "workbook:variables:list",
        example: r#"{"type":"workbook:variables:list"}"#,
        note: "answered by workbook:variables:current",
    },
    Inbound {
        kind: "workbook:selectednodeid:update",
        example: r#"{"type":"workbook:selectednodeid:update","nodeId":"page-1","nodeType":"page"}"#,
        note: "select a page or element",
    },
    Inbound {
        kind: "workbook:fullscreen:update",
        example: r#"{"type":"workbook:fullscreen:update","nodeId":"element-1"}"#,
        note: "show an element full screen (null nodeId leaves it)",
    },
    Inbound {
        kind: "workbook:sharinglink:update",
        example: r#"{"type":"workbook:sharinglink:update","sharingLink":"https://example.com/share","sharingExplorationLink":"https://example.com/explore"}"#,
        note: "the links Sigma's share menu offers (at most 1000 characters)",
    },
    Inbound {
        kind: "workbook:bookmark:create",
        example: r#"{"type":"workbook:bookmark:create","name":"My view","isShared":false,"isDefault":false}"#,
        note: "save the current state as a bookmark",
    },
    Inbound {
        kind: "workbook:bookmark:update",
        example: r#"{"type":"workbook:bookmark:update"}"#,
        note:
            "update the selected bookmark (errors: Bookmark not selected; no explore changes made)",
    },
    Inbound {
        kind: "workbook:bookmark:delete",
        example: r#"{"type":"workbook:bookmark:delete","bookmarkId":"bm-1"}"#,
        note: "delete a bookmark",
    },
    Inbound {
        kind: "workbook:bookmark:select",
        example: r#"{"type":"workbook:bookmark:select","bookmarkId":"bm-1"}"#,
        note: "apply a bookmark",
    },
    Inbound {
        kind: "workbook:modal:toggle",
        example: r#"{"type":"workbook:modal:toggle","modalId":"modal-1"}"#,
        note: "open or close a modal (help only)",
    },
    Inbound {
        kind: "workbook:mode:update",
        example: r#"{"type":"workbook:mode:update","mode":"view"}"#,
        note: "switch the workbook's mode (help only)",
    },
];

/// What the parent page tells the user about Sigma's SDK and origins.
pub const SDK_ORIGIN_NOTE: &str = "Sigma's official embed SDK accepts events only from hosts ending in sigmacomputing.com or sigmacomputing.io and posts to https://app.sigmacomputing.com, unless the page calls DO_NOT_USE_IN_PRODUCTION_overrideMutationUrl(url): an unmodified SDK does not see this local stand-in.";
