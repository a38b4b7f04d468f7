//! Over real HTTP: the mock embeds show the signed-in identity and honour
//! interface parameters; the log, the stream and the parent page behave.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;

/// The JSON the page hands its scripts.
fn data_block(body: &str) -> serde_json::Value {
    let marker = "<script type=\"application/json\" id=\"data\">";
    let start = body.find(marker).unwrap() + marker.len();
    let end = start + body[start..].find("</script>").unwrap();
    serde_json::from_str(&body[start..end]).unwrap()
}

/// The preview's parent page framing `src`, and its data block.
async fn parent_page(origin: &str, src: &str) -> (String, serde_json::Value) {
    let body = page(&format!(
        "{origin}/__sandbox/parent?src={}",
        embed_core::encoding::encode_value(src)
    ))
    .await;
    let data = data_block(&body);
    (body, data)
}

/// The types of the inbound events a parent page offers.
fn inbound_types(data: &serde_json::Value) -> Vec<String> {
    data["inbound"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_owned())
        .collect()
}

async fn page(url: &str) -> String {
    let (status, body) = get(url).await;
    assert_eq!(status, 200, "{body}");
    body
}

#[tokio::test]
async fn a_creator_sees_identity_grants_teams_attributes_and_filtered_rows() {
    let host = host().await;
    let body = page(&sign_classic(&classic(&host.origin()))).await;
    assert!(body.contains("data-testid=\"signed-in-email\"><b>ann@example.com</b>"));
    assert!(body.contains("external id: ann-1"));
    assert!(body.contains("data-testid=\"account-type\"><b>Creator</b>"));
    assert!(body.contains("Save as") && body.contains("data-testid=\"page-controls\""));
    assert!(body.contains("<span class=\"chip\">Sales_Managers</span>"));
    assert!(body.contains("<code>Region</code> = West"));
    let data = data_block(&body);
    let rows = data["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 12);
    assert!(rows.iter().all(|r| r[0] == "West"), "{rows:?}");
    assert!(
        !body.contains("East"),
        "rows a user may not see are never sent (row-level security by :ua_Region)"
    );
    assert!(body.contains("/workbook.js\"></script>"));
    host.stop().await;
}

#[tokio::test]
async fn a_viewer_gets_a_read_only_workbook() {
    let host = host().await;
    let mut request = classic(&host.origin());
    request.account_type = Some("Viewer".into());
    let body = page(&sign_classic(&request)).await;
    assert!(body.contains("data-testid=\"read-only\""));
    assert!(!body.contains("Save as") && !body.contains("data-testid=\"page-controls\""));
    host.stop().await;
}

#[tokio::test]
async fn interface_parameters_take_visible_effect() {
    let host = host().await;
    let mut request = classic(&host.origin());
    request.params = vec![
        (":theme".into(), "Dark".into()),
        (":hide_folder_navigation".into(), "true".into()),
        (":menu_position".into(), "bottom".into()),
        (":show_footer".into(), "true".into()),
        (":lng".into(), "fr".into()),
        (":hide_tooltip".into(), "true".into()),
        (":first_name".into(), "Ann".into()),
        (":last_name".into(), "Lee".into()),
        ("Store-Region".into(), "West".into()),
    ];
    let body = page(&sign_classic(&request)).await;
    assert!(body.contains("class=\"theme-dark\""));
    assert!(!body.contains("data-testid=\"folder-navigation\""));
    assert!(body.contains("data-position=\"bottom\""));
    assert!(body.contains("data-testid=\"footer\""));
    assert!(body.contains("Connecté en tant que"));
    assert!(
        !body.contains(" title=\""),
        ":hide_tooltip removes tooltips"
    );
    assert!(body.contains("data-testid=\"user-name\">Ann Lee"));
    assert!(body.contains("control Store-Region"));

    let mut hidden = classic(&host.origin());
    hidden.params = vec![
        (":hide_menu".into(), "true".into()),
        (":menu_position".into(), "top".into()),
    ];
    let body = page(&sign_classic(&hidden)).await;
    assert!(!body.contains("data-testid=\"menu\""));
    let plain = page(&sign_classic(&classic(&host.origin()))).await;
    assert!(
        plain.contains("data-testid=\"folder-navigation\"")
            && plain.contains("data-position=\"top\"")
    );
    host.stop().await;
}

#[tokio::test]
async fn hostile_values_are_escaped() {
    let host = host().await;
    let mut request = classic(&host.origin());
    request.email = "<script>alert(1)</script>@x.co".into();
    request.params = vec![("<img src=x>".into(), "\"onload=alert(1)".into())];
    let url = sign_classic(&request);
    let (_, body) = get(&url).await;
    assert!(!body.contains("<script>alert(1)"), "{body}");
    assert!(!body.contains("<img src=x>"));
    host.stop().await;
}

#[tokio::test]
async fn pages_run_no_inline_code_and_their_assets_are_served() {
    let host = host().await;
    let response = reqwest::get(sign_classic(&classic(&host.origin())))
        .await
        .unwrap();
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let body = response.text().await.unwrap();
    let script = body
        .split("<script src=\"")
        .nth(2)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let (status, js) = get(&format!("{}{script}", host.origin())).await;
    assert_eq!(status, 200);
    assert!(js.contains("workbook:variables:onchange") && js.contains("postHeight()"));
    let (status, events) = get(&format!(
        "{}{}events.js",
        host.origin(),
        embed_host::assets::PREFIX
    ))
    .await;
    assert_eq!(status, 200);
    assert!(events.contains("postMessage") && events.contains("workbook:pageheight:onchange"));
    host.stop().await;
}

#[tokio::test]
async fn the_boldbi_dashboard_reads_current_and_legacy_switch_names_with_current_defaults() {
    let host = host().await;
    let switches = |body: &str| {
        [
            "views",
            "export",
            "dashboard_comments",
            "widget_comments",
            "embed_dashboard_favorite",
        ]
        .into_iter()
        .filter(|s| body.contains(&format!("data-switch=\"{s}\"")))
        .collect::<Vec<_>>()
    };
    let plain = page(&sign_boldbi(&boldbi(&host.origin()))).await;
    assert_eq!(
        switches(&plain),
        ["embed_dashboard_favorite"],
        "defaults: all false but the favourite"
    );
    for (views, export) in [
        ("views", "export"),
        ("embed_dashboard_views", "embed_dashboard_export"),
    ] {
        let mut request = boldbi(&host.origin());
        request.params = vec![
            (views.into(), "true".into()),
            (export.into(), "true".into()),
            ("embed_dashboard_favorite".into(), "false".into()),
        ];
        let body = page(&sign_boldbi(&request)).await;
        assert_eq!(switches(&body), ["views", "export"], "{views}, {export}");
    }
    host.stop().await;
}

#[tokio::test]
async fn boldbi_widget_urls_culture_segments_and_raw_filters_load_as_the_vendor_builds_them() {
    let host = host().await;
    let mut widget = boldbi(&host.origin());
    widget.dashboard_url = format!(
        "{}/bi/en-us/site/site1/dashboards/d-1/Sales/Overview?isWidgetMode=true&widgetId=w-1&",
        host.origin()
    );
    page(&sign_boldbi(&widget)).await;
    // The documented filter form, raw '&' inside the value, signed as sent.
    let request = boldbi(&host.origin());
    let signed = sign_boldbi(&request);
    let (head, _) = signed.split_once("&embed_timestamp=").unwrap();
    let params = format!(
        "{}&embed_datasource_filter=&&Region=East&Product=Kettle&embed_timestamp={}&embed_expirationtime=86400",
        head.split_once('?').unwrap().1,
        request.timestamp.unwrap()
    );
    let tag = embed_core::schemes::boldbi::escape_base64(&base64_hmac(&params));
    let url = format!("{}?{params}&embed_signature={tag}", request.dashboard_url);
    let body = page(&url).await;
    assert!(
        body.contains("<td>East</td>") && !body.contains("<td>West</td>"),
        "{body}"
    );
    assert!(body.contains("<td>Kettle</td>") && !body.contains("<td>Grinder</td>"));
    host.stop().await;
}

fn base64_hmac(message: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(embed_core::mac::hmac_sha256(
        &embed_core::Secret::new(SECRET),
        message.as_bytes(),
    ))
}

#[tokio::test]
async fn the_boldbi_dashboard_honours_its_parameters() {
    let host = host().await;
    let mut request = boldbi(&host.origin());
    request.params = vec![
        ("hide_header".into(), "true".into()),
        ("hide_tool".into(), "dp,fo".into()),
        ("embed_dashboard_export".into(), "false".into()),
        (
            "embed_datasource_filter".into(),
            "&&Region=East&Product=Kettle".into(),
        ),
        ("language_code".into(), "fr-FR".into()),
    ];
    let body = page(&sign_boldbi(&request)).await;
    assert!(!body.contains("data-testid=\"header\""));
    assert!(
        !body.contains("data-tool=\"dp\"")
            && !body.contains("data-tool=\"fo\"")
            && body.contains("data-tool=\"rf\"")
    );
    assert!(!body.contains("data-switch=\"embed_dashboard_export\""));
    assert!(body.contains("<td>East</td>") && !body.contains("<td>West</td>"));
    assert!(body.contains("<td>Kettle</td>") && !body.contains("<td>Grinder</td>"));
    assert!(body.contains("language fr-FR"));
    assert!(body.contains("bo@example.com"));
    host.stop().await;
}

#[tokio::test]
async fn the_log_records_verdicts_without_secret_or_full_signature() {
    let host = host().await;
    let url = sign_classic(&classic(&host.origin()));
    get(&url).await;
    get(&url).await;
    let (status, log) = get(&format!(
        "{}/__sandbox/log?token={}",
        host.origin(),
        host.token()
    ))
    .await;
    assert_eq!(status, 200);
    let entries: serde_json::Value = serde_json::from_str(&log).unwrap();
    assert_eq!(entries[0]["verdict"], "accepted");
    assert_eq!(entries[1]["verdict"], "refused");
    assert_eq!(entries[1]["reason"], "nonce-reused");
    assert_eq!(entries[1]["code"], "EINVAL");
    assert_eq!(
        entries[0]["nonce_fingerprint"],
        entries[1]["nonce_fingerprint"]
    );
    let signature = url.rsplit("&:signature=").next().unwrap();
    assert!(!log.contains(signature) && !log.contains(SECRET));
    let (_, since) = get(&format!(
        "{}/__sandbox/log?since=1&token={}",
        host.origin(),
        host.token()
    ))
    .await;
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&since)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    host.stop().await;
}

#[tokio::test]
async fn the_log_streams_new_entries_as_server_sent_events() {
    let host = host().await;
    let mut stream = reqwest::get(format!(
        "{}/__sandbox/log/stream?token={}",
        host.origin(),
        host.token()
    ))
    .await
    .unwrap();
    assert_eq!(stream.headers()["content-type"], "text/event-stream");
    get(&sign_classic(&classic(&host.origin()))).await;
    let mut seen = String::new();
    while !seen.contains("\n\n") {
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(5), stream.chunk())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(
        seen.contains("event: request") && seen.contains("\"verdict\":\"accepted\""),
        "{seen}"
    );
    drop(stream);
    host.stop().await;
}

#[tokio::test]
async fn the_parent_page_frames_http_urls_only() {
    let host = host().await;
    let src = "https://app.sigmacomputing.com/embed/1-x?:nonce=1";
    let response = reqwest::Client::new()
        .get(format!("{}/__sandbox/parent", host.origin()))
        .query(&[("src", src)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("frame-src http: https:") && csp.contains("default-src 'none'"),
        "{csp}"
    );
    let body = response.text().await.unwrap();
    assert!(body.contains("Embed Sandbox preview") && body.contains("app.sigmacomputing.com"));
    let (status, body) = get(&format!(
        "{}/__sandbox/parent?src=javascript:alert(1)",
        host.origin()
    ))
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("must start with http"));
    host.stop().await;
}

#[tokio::test]
async fn the_parent_page_offers_every_inbound_sigma_event_and_warns_about_the_sdk() {
    let host = host().await;
    let src = "https://app.sigmacomputing.com/embed/1-x?:nonce=1";
    let (body, data) = parent_page(&host.origin(), src).await;
    let inbound = inbound_types(&data);
    for event in [
        "workbook:variables:update",
        "workbook:variables:list",
        "workbook:selectednodeid:update",
        "workbook:fullscreen:update",
        "workbook:sharinglink:update",
        "workbook:bookmark:create",
        "workbook:bookmark:update",
        "workbook:bookmark:delete",
        "workbook:bookmark:select",
    ] {
        assert!(
            inbound.iter().any(|e| e == event),
            "{event} missing from {inbound:?}"
        );
    }
    assert!(data["outbound"].as_array().unwrap().len() >= 20);
    assert!(
        body.contains("data-testid=\"sdk-note\"")
            && body.contains("DO_NOT_USE_IN_PRODUCTION_overrideMutationUrl")
    );
    host.stop().await;
}

#[tokio::test]
async fn the_parent_page_of_a_looker_embed_offers_lookers_messages_as_json_text() {
    let host = host().await;
    let src = "https://acme.looker.com/login/embed/%2Fembed%2Fdashboards%2F1?nonce=%22n%22&time=1&signature=x";
    let (body, data) = parent_page(&host.origin(), src).await;
    let inbound = inbound_types(&data);
    assert!(
        inbound.iter().any(|e| e == "dashboard:filters:update"),
        "{inbound:?}"
    );
    assert!(
        !inbound.iter().any(|e| e.starts_with("workbook:")),
        "{inbound:?}"
    );
    assert_eq!(data["text_messages"], true);
    assert!(data["loaded"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e == "dashboard:loaded"));
    assert!(body.contains("embed_domain") && !body.contains("sigmacomputing.com"));
    host.stop().await;
}

#[tokio::test]
async fn the_clock_endpoint_moves_the_hosts_time() {
    let host = host().await;
    let response = reqwest::Client::new()
        .post(format!("{}/__sandbox/clock?offset=120", host.origin()))
        .header(TOKEN_HEADER, host.token())
        .send()
        .await
        .unwrap();
    let view: serde_json::Value = response.json().await.unwrap();
    assert_eq!(view["offset"], 120);
    assert!(view["now"].as_u64().unwrap() >= now() + 119);
    host.stop().await;
}

#[tokio::test]
async fn the_parent_page_relays_embed_events_to_the_event_log() {
    let host = host().await;
    let url = format!("{}/__sandbox/events?token={}", host.origin(), host.token());
    let http = reqwest::Client::new();
    let posted = http.clone()
        .post(&url)
        .json(&serde_json::json!({"origin": "http://127.0.0.1:1", "data": {"type": "workbook:loaded"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status().as_u16(), 204);
    let events: serde_json::Value = http
        .clone()
        .get(&url)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(events[0]["id"], 1);
    assert_eq!(events[0]["data"], "{\"type\":\"workbook:loaded\"}");
    let later: serde_json::Value = http
        .clone()
        .get(format!("{url}&since=1"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(later, serde_json::json!([]));

    let huge = http
        .clone()
        .post(&url)
        .header("content-type", "application/json")
        .body(format!(
            "{{\"origin\":\"x\",\"data\":\"{}\"}}",
            "a".repeat(20_000)
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(huge.status().as_u16(), 413);
    let garbage = http
        .clone()
        .post(&url)
        .header("content-type", "application/json")
        .body("not json")
        .send()
        .await
        .unwrap();
    assert!(garbage.status().is_client_error());
    host.stop().await;
}

#[tokio::test]
async fn every_verdict_is_also_a_header_for_tools() {
    let host = host().await;
    let url = sign_classic(&classic(&host.origin()));
    let first = reqwest::get(&url).await.unwrap();
    assert_eq!(first.headers()["x-embed-sandbox-verdict"], "accepted");
    let second = reqwest::get(&url).await.unwrap();
    assert_eq!(
        second.headers()["x-embed-sandbox-verdict"],
        "refused; reason=nonce-reused"
    );
    host.stop().await;
}

#[tokio::test]
async fn the_compare_page_frames_two_urls_side_by_side() {
    let host = host().await;
    let a = sign_classic(&classic(&host.origin()));
    let url = embed_host::compare_url(
        &host.origin(),
        host.token(),
        ("Viewer <tier>", &a),
        ("Creator", &a),
    );
    let (status, body) = get(&url).await;
    assert_eq!(status, 200);
    assert!(body.contains("Viewer &lt;tier&gt;") && body.contains("data-testid=\"embed-frame-1\""));
    assert!(body.contains("compare.js"));
    let (status, body) = get(&format!(
        "{}/__sandbox/compare?a=javascript:alert(1)&b=x",
        host.origin()
    ))
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("must") || body.contains("http://"));
    host.stop().await;
}
