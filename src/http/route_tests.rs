//! Routes: URLs built under the base or the prefix, links mapped or refused, and the guards
//! that keep credentials on their own origin.

use super::*;

const BASE: &str = "http://127.0.0.1:9870/confluent";

fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn direct_joins_base_path_and_encoded_query() {
    let url = Route::Direct
        .url(
            BASE,
            "/notifications/v1/integrations",
            &q(&[("page_size", "10"), ("name", "a b&c")]),
        )
        .unwrap();
    assert_eq!(
        url,
        "http://127.0.0.1:9870/confluent/notifications/v1/integrations?page_size=10&name=a+b%26c"
    );
    assert_eq!(
        Route::Direct.url("https://h.test/", "x", &[]).unwrap(),
        "https://h.test/x"
    );
}

#[test]
fn proxy_puts_the_path_under_the_prefix_on_the_same_origin() {
    let route = Route::proxy("/proxy/confluent/");
    assert_eq!(
        route
            .url(
                BASE,
                "/notifications/v1/integrations",
                &q(&[("page_size", "1")])
            )
            .unwrap(),
        "/proxy/confluent/notifications/v1/integrations?page_size=1"
    );
}

#[test]
fn links_under_the_base_are_mapped_onto_the_proxy() {
    let route = Route::proxy("/proxy/confluent");
    let link =
        "http://127.0.0.1:9870/confluent/notifications/v1/integrations?page_size=10&page_token=abc";
    assert_eq!(
        route.rewrite(BASE, link).unwrap(),
        "/proxy/confluent/notifications/v1/integrations?page_size=10&page_token=abc"
    );
    assert_eq!(
        route.url(BASE, link, &[]).unwrap(),
        "/proxy/confluent/notifications/v1/integrations?page_size=10&page_token=abc"
    );
}

#[test]
fn links_keep_their_base_when_direct() {
    let link = "https://oncall.test/oncall/api/v1/integrations/?page=2";
    assert_eq!(
        Route::Direct
            .rewrite("https://oncall.test/oncall", link)
            .unwrap(),
        "https://oncall.test/oncall/api/v1/integrations/?page=2"
    );
}

#[test]
fn links_to_any_other_origin_are_refused() {
    let route = Route::proxy("/proxy/confluent");
    for link in [
        "https://evil.test/confluent/notifications/v1/integrations",
        "https://127.0.0.1:9870/confluent/x",
        "http://127.0.0.1:9871/confluent/x",
        "http://127.0.0.1:9870/confluentx/x",
        "http://127.0.0.1:9870/other/x",
        "http://127.0.0.1:9870/confluent/../admin",
        "//evil.test/confluent/x",
    ] {
        assert!(
            matches!(
                route.rewrite(BASE, link),
                Err(RouteError::ForeignLink { .. })
            ),
            "{link}"
        );
        assert!(route.url(BASE, link, &[]).is_err(), "{link}");
    }
}

#[test]
fn a_hostile_prefix_builds_no_url_at_all() {
    for prefix in [
        "/\\evil.test/x",
        "/\t/evil.test",
        "/%2F%2Fevil.test",
        "/..//evil.test",
        "//evil.test",
    ] {
        let error = Route::proxy(prefix).url(BASE, "/x", &[]).unwrap_err();
        assert!(
            matches!(error, RouteError::UnsafePrefix { .. }),
            "{prefix:?}"
        );
        assert!(error.message().contains("No credentials were sent"));
    }
}

#[test]
fn next_links_that_decode_into_another_route_are_refused() {
    let route = Route::proxy("/proxy/confluent");
    for link in [
        "/proxy/confluent/..%2f..%2fgrafana-oncall/api/v1/integrations/",
        "/proxy/confluent/..%2F..%2Fgrafana-oncall/api/v1/integrations/",
        "/proxy/confluent/%2e%2e%2fgrafana-oncall/api/v1/integrations/",
        "../../grafana-oncall/api/v1/integrations/",
        "http://127.0.0.1:9870/confluent/..%2f..%2fgrafana-oncall/api/v1/integrations/",
        "http://127.0.0.1:9870/confluent/x%5c..%5c/y",
        "http://127.0.0.1:9870/confluent/%2E%2E/grafana-oncall/",
    ] {
        let error = route.url(BASE, link, &[]).unwrap_err();
        assert!(
            matches!(
                error,
                RouteError::UnsafePath { .. } | RouteError::ForeignLink { .. }
            ),
            "{link}: {error:?}"
        );
        assert!(Route::Direct.url(BASE, link, &[]).is_err(), "{link}");
    }
}

#[test]
fn the_resolved_url_must_stay_on_the_routes_origin_and_root() {
    let page = "http://127.0.0.1:8080";
    let proxy = Route::proxy("/proxy/confluent");
    assert!(proxy
        .check_resolved(BASE, page, page, "/proxy/confluent/notifications")
        .is_ok());
    for (origin, path) in [
        ("http://evil.test", "/x"),
        (page, "/proxy/grafana-oncall/api"),
        ("http://127.0.0.1:9870", "/proxy/confluent/x"),
    ] {
        assert!(
            matches!(
                proxy.check_resolved(BASE, page, origin, path),
                Err(RouteError::Escapes(_))
            ),
            "{origin}{path}"
        );
    }
    assert!(Route::Direct
        .check_resolved(BASE, page, "http://127.0.0.1:9870", "/confluent/x")
        .is_ok());
    assert!(Route::Direct
        .check_resolved(BASE, page, page, "/confluent/x")
        .is_err());
    assert!(Route::Direct
        .check_resolved(BASE, page, "http://127.0.0.1:9870", "/grafana-oncall/x")
        .is_err());
}

#[test]
fn a_base_with_user_info_query_or_fragment_is_not_used() {
    for base in [
        "https://k:s@api.confluent.cloud",
        "https://api.confluent.cloud/?a=1",
        "https://api.confluent.cloud/#x",
    ] {
        assert!(matches!(
            Route::Direct.url(base, "/x", &[]),
            Err(RouteError::InvalidBase(_))
        ));
    }
}

#[test]
fn the_refusal_message_says_nothing_was_sent_away() {
    let error = Route::Direct
        .rewrite(BASE, "https://evil.test/x")
        .unwrap_err();
    assert!(error
        .message()
        .contains("https://evil.test/x is not under http://127.0.0.1:9870/confluent"));
}

#[test]
fn an_invalid_base_is_reported_not_guessed() {
    assert_eq!(
        Route::Direct.url("api.confluent.cloud", "/x", &[]),
        Err(RouteError::InvalidBase("api.confluent.cloud".into()))
    );
}

#[test]
fn routes_serialise_with_a_mode_tag() {
    let json = serde_json::to_value(Route::proxy("/proxy/x")).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"mode": "proxy", "prefix": "/proxy/x"})
    );
    let direct: Route = serde_json::from_value(serde_json::json!({"mode": "direct"})).unwrap();
    assert_eq!(direct, Route::Direct);
}
