//! What signing hands over: the URL a frame loads and/or the token, and the
//! markup that uses them, so the caller pastes one thing into a page
//! whatever the carrier (an `<iframe src>` for a signed URL or a token in
//! the path, a web component with `src` and `token` for a token that is
//! not a URL).

use serde::Serialize;

/// One signed embed, ready to use.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Embedding {
    /// The URL the page loads: a signed URL, or a component's `src`.
    pub url: Option<String>,
    /// The signed token, when the carrier is one (in the path, or handed
    /// to a component).
    pub token: Option<String>,
    /// The element's name (`iframe`, or a web component's).
    pub element: String,
    /// The element to paste into a page, attribute values escaped.
    pub markup: String,
}

impl Embedding {
    /// A signed URL in an `<iframe>` (`token` when the URL's path carries one).
    pub fn in_iframe(url: String, token: Option<String>) -> Self {
        let markup = crate::html::element(
            "iframe",
            &[
                ("src", &url),
                ("title", "Embedded analytics"),
                ("width", "100%"),
                ("height", "800"),
                ("style", "border:0"),
            ],
        );
        Embedding {
            url: Some(url),
            token,
            element: "iframe".into(),
            markup,
        }
    }

    /// A token handed to web component `element`, with its `src` if it has
    /// one and any further attributes.
    pub fn in_component(
        element: &str,
        src: Option<String>,
        token: String,
        attributes: &[(&str, &str)],
    ) -> Self {
        let mut all: Vec<(&str, &str)> = Vec::new();
        if let Some(src) = &src {
            all.push(("src", src));
        }
        all.push(("token", &token));
        all.extend_from_slice(attributes);
        let markup = crate::html::element(element, &all);
        Embedding {
            url: src,
            token: Some(token),
            element: element.to_owned(),
            markup,
        }
    }
}
