//! Each record shape and paging strategy, once: what a page holds, where the next one starts,
//! and the request that asks for it.

use super::*;
use serde_json::json;

const DATA: RecordShape = RecordShape {
    items: "/data",
    id: "/id",
};

fn ok(body: Value) -> Response {
    Response::new(200, body.to_string())
}

fn refused(response: &Response) -> ApiError {
    ApiError::http(response.status, "refused")
}

fn query_of(request: &Request) -> Vec<(&str, &str)> {
    request
        .query
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect()
}

#[test]
fn ids_may_live_anywhere_and_be_numbers() {
    let underscore = RecordShape {
        items: "/integrations",
        id: "/_id",
    };
    let body = json!({"integrations": [{"_id": "abc"}, {"_id": 42}, {"id": "wrong place"}, "text", {"_id": ""}]});
    let page = read_list(&ok(body), &underscore, &Paging::Unpaged, None, &refused).unwrap();
    let ids: Vec<&str> = page.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["abc", "42"]);
    assert_eq!(page.skipped, 3);
    let bare = RecordShape {
        items: "",
        id: "/integrationId",
    };
    let page = read_list(
        &ok(json!([{"integrationId": 7}])),
        &bare,
        &Paging::Unpaged,
        None,
        &refused,
    )
    .unwrap();
    assert_eq!(page.records[0].id, "7");
    assert_eq!((page.next, page.total), (None, None));
}

#[test]
fn next_links_are_followed_as_given_with_the_total() {
    let paging = Paging::NextLink {
        next: "/metadata/next",
        total: Some("/metadata/total_size"),
        page_param: None,
    };
    let body = json!({"data": [{"id": "a"}], "metadata": {"next": "https://x.test/l?page_token=t", "total_size": 3}});
    let page = read_list(&ok(body), &DATA, &paging, None, &refused).unwrap();
    assert_eq!(
        page.next,
        Some(Cursor::Link("https://x.test/l?page_token=t".into()))
    );
    assert_eq!(page.total, Some(3));
    let first = Request::get("/l").query("page_size", "100");
    assert_eq!(paging.request(first.clone(), None), first);
    assert_eq!(
        paging.request(first, page.next.as_ref()).path,
        "https://x.test/l?page_token=t"
    );
    let last = json!({"data": [], "metadata": {"next": ""}});
    assert_eq!(
        read_list(&ok(last), &DATA, &paging, None, &refused)
            .unwrap()
            .next,
        None
    );
}

#[test]
fn offset_and_count_move_on_until_the_total() {
    let paging = Paging::Offset {
        offset: "offset",
        limit: "count",
        size: 2,
        end: OffsetEnd::Total("/total"),
    };
    let first = Request::get("/api/v1/integrations.list");
    assert_eq!(
        query_of(&paging.request(first.clone(), None)),
        [("offset", "0"), ("count", "2")]
    );
    let body = json!({"data": [{"id": "a"}, {"id": "b"}], "total": 3});
    let page = read_list(&ok(body), &DATA, &paging, None, &refused).unwrap();
    assert_eq!(page.next, Some(Cursor::Offset(2)));
    assert_eq!(page.total, Some(3));
    assert_eq!(
        query_of(&paging.request(first, page.next.as_ref())),
        [("offset", "2"), ("count", "2")]
    );
    let end = json!({"data": [{"id": "c"}], "total": 3});
    let at = Cursor::Offset(2);
    assert_eq!(
        read_list(&ok(end), &DATA, &paging, Some(&at), &refused)
            .unwrap()
            .next,
        None
    );
    // A vendor that sends nothing more never loops, whatever its total says.
    let empty = json!({"data": [], "total": 99});
    assert_eq!(
        read_list(&ok(empty), &DATA, &paging, Some(&at), &refused)
            .unwrap()
            .next,
        None
    );
}

#[test]
fn offset_and_limit_move_on_while_the_vendor_has_more() {
    let paging = Paging::Offset {
        offset: "offset",
        limit: "limit",
        size: 100,
        end: OffsetEnd::HasMore {
            has_more: "/has_more",
            total: "/total_count",
        },
    };
    let body = json!({"data": [{"id": 1}, {"id": 2}], "has_more": true, "total_count": 250});
    let at = Cursor::Offset(100);
    let page = read_list(&ok(body), &DATA, &paging, Some(&at), &refused).unwrap();
    assert_eq!(page.next, Some(Cursor::Offset(102)));
    assert_eq!(page.total, Some(250));
    assert_eq!(
        query_of(&paging.request(Request::get("/integrations"), page.next.as_ref())),
        [("offset", "102"), ("limit", "100")]
    );
    let done = json!({"data": [{"id": 3}], "has_more": false, "total_count": 250});
    assert_eq!(
        read_list(&ok(done), &DATA, &paging, None, &refused)
            .unwrap()
            .next,
        None
    );
}

#[test]
fn errors_and_malformed_answers_are_errors_never_panics() {
    let paging = Paging::Unpaged;
    let error = read_list(&Response::new(403, "{}"), &DATA, &paging, None, &refused).unwrap_err();
    assert_eq!(error.message, "refused");
    for body in ["not json", "{\"data\": {}}", "{}"] {
        let error =
            read_list(&Response::new(200, body), &DATA, &paging, None, &refused).unwrap_err();
        assert_eq!(error.kind, crate::domain::ErrorKind::Malformed, "{body}");
    }
    let missing = read_list(&ok(json!({})), &DATA, &paging, None, &refused).unwrap_err();
    assert!(missing.message.contains("the list has no data array"));
    let one = read_one(
        &ok(json!({"name": "x"})),
        &DATA,
        "the integration",
        &refused,
    )
    .unwrap_err();
    assert!(one.message.contains("the integration has no id"));
    let found = read_one(&ok(json!({"id": "X"})), &DATA, "the integration", &refused).unwrap();
    assert_eq!(found.id, "X");
}

#[test]
fn page_number_links_and_offsets_name_every_later_page_up_front() {
    let numbered = Paging::NextLink {
        next: "/next",
        total: Some("/count"),
        page_param: Some("page"),
    };
    let next =
        Cursor::Link("https://x.test/api/v1/integrations/?page=2&perpage=100&team_id=T".into());
    let later = numbered.later_pages(&next, 350, 100).unwrap();
    assert_eq!(later.len(), 3, "pages 2, 3 and 4 of 350 at 100");
    assert_eq!(later[0], next);
    assert_eq!(
        later[2],
        Cursor::Link("https://x.test/api/v1/integrations/?page=4&perpage=100&team_id=T".into())
    );
    // Only a link that numbers page 2 as a whole parameter is taken apart.
    for odd in [
        "https://x.test/l?page=3",
        "https://x.test/l?subpage=2",
        "https://x.test/l?page=21",
    ] {
        assert_eq!(
            numbered.later_pages(&Cursor::Link(odd.into()), 350, 100),
            None,
            "{odd}"
        );
    }
    assert_eq!(
        numbered.later_pages(&next, 350, 0),
        None,
        "an empty first page says nothing"
    );
    let tokens = Paging::NextLink {
        next: "/metadata/next",
        total: Some("/metadata/total_size"),
        page_param: None,
    };
    assert_eq!(
        tokens.later_pages(
            &Cursor::Link("https://x.test/l?page_token=t".into()),
            350,
            100
        ),
        None
    );
    let offsets = Paging::Offset {
        offset: "offset",
        limit: "count",
        size: 100,
        end: OffsetEnd::Total("/total"),
    };
    assert_eq!(
        offsets.later_pages(&Cursor::Offset(100), 250, 100),
        Some(vec![Cursor::Offset(100), Cursor::Offset(200)])
    );
}
