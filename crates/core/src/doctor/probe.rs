//! The unsigned request the doctor makes instead of the signed URL: the
//! same content's address without the query (where every scheme's nonce,
//! signature and token travel) and without any path segment that is a
//! token. Loading the signed URL would spend its nonce; framing headers and
//! cookies come from the vendor's pages whether signed in or not.

use crate::inspect::Embed;

/// The URL to fetch for `embed_url`: its content's address without the
/// query and without any path segment from a token on.
pub fn unsigned_probe(embed_url: &str) -> Result<String, String> {
    let origin = super::origin::Origin::of(embed_url)?;
    // Where the token rides in the path, the embed's own address up to the
    // token is what the vendor frames; otherwise the content's address.
    let address = match Embed::read(embed_url) {
        Ok(embed)
            if crate::schemes::spec(embed.scheme).capabilities().carrier
                != crate::model::capabilities::Carrier::PathToken =>
        {
            crate::schemes::spec(embed.scheme).embed_path_of(&embed)
        }
        _ => embed_url.to_owned(),
    };
    let kept: Vec<&str> = super::origin::path_of(&address)
        .split('/')
        .skip(1)
        .take_while(|segment| !looks_like_token(segment))
        .collect();
    Ok(format!("{origin}/{}", kept.join("/")))
}

/// A JWT (`eyJ…` with two dots) or a long opaque value.
fn looks_like_token(segment: &str) -> bool {
    (segment.starts_with("eyJ") && segment.matches('.').count() == 2) || segment.len() > 200
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn the_probe_carries_no_nonce_signature_or_token() {
        let probe = unsigned_probe(
            "https://app.sigmacomputing.com/acme/workbook/w-1?:nonce=n&:signature=s",
        )
        .unwrap();
        assert_eq!(probe, "https://app.sigmacomputing.com/acme/workbook/w-1");
        let probe = unsigned_probe("http://127.0.0.1:8711/login/embed/%2Fembed%2Fdashboards%2F1%3Fsdk%3D3?nonce=%22n%22&signature=x").unwrap();
        assert_eq!(probe, "http://127.0.0.1:8711/embed/dashboards/1");
        let probe = unsigned_probe("https://mb.example.com/embed/dashboard/eyJhbGciOiJIUzI1NiJ9.eyJyZXNvdXJjZSI6e319.c2ln#bordered=true").unwrap();
        assert_eq!(probe, "https://mb.example.com/embed/dashboard");
        assert!(unsigned_probe("not a url").is_err());
    }
}
