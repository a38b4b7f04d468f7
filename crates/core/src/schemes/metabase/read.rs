//! Reading a received Metabase embed: the token from the iframe URL's path
//! (`/embed/dashboard/<token>`, `/embed/question/<token>`) or pasted alone
//! (a guest embed's `token`), and what it names.

use crate::jwt::{decode, DecodedJwt};
use crate::query::ParsedUrl;

use super::sign::Resource;

/// The path word and token of an iframe URL.
fn in_path(url: &ParsedUrl) -> Option<(Resource, &str)> {
    let (_, rest) = url.base.split_once("/embed/")?;
    let (word, token) = rest.split_once('/')?;
    let resource = Resource::from_word(word)?;
    (!token.is_empty() && !token.contains('/')).then_some((resource, token))
}

/// The token: in the path, or handed over alone.
pub fn token(url: &ParsedUrl) -> Option<&str> {
    in_path(url)
        .map(|(_, token)| token)
        .or(url.token.as_deref())
}

/// The token taken apart (not verified).
pub fn decoded(url: &ParsedUrl) -> Option<DecodedJwt> {
    decode(token(url)?).ok()
}

/// What the path says is embedded, if the URL has a path.
pub fn path_resource(url: &ParsedUrl) -> Option<Resource> {
    in_path(url).map(|(resource, _)| resource)
}

/// What the token names: the resource and its id (as text).
pub fn named(jwt: &DecodedJwt) -> Option<(Resource, String)> {
    let resource = jwt.claims.get("resource")?.as_object()?;
    [Resource::Dashboard, Resource::Question]
        .into_iter()
        .find_map(|r| {
            let id = resource.get(r.word())?;
            let text = id
                .as_str()
                .map(str::to_owned)
                .or_else(|| id.as_u64().map(|n| n.to_string()))?;
            Some((r, text))
        })
}
