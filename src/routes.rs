//! Every in-app address, built in one place so ids are always URL-encoded the same way.

use leptos_router::NavigateOptions;

use crate::domain::request::encode_segment;

/// How a page writes what it shows into its own address (search, filters, sort): replacing
/// the history entry and keeping the scroll, so Back leaves the page rather than undoing a
/// keystroke.
pub fn in_place() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        scroll: false,
        ..Default::default()
    }
}

/// The change journal's entries for one integration.
pub fn journal_of(conn: &str, id: &str) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("connection", conn)
        .append_pair("integration", id)
        .finish();
    format!("{}?{query}", AppRoute::Journal.href())
}

/// A page of the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppRoute {
    Overview,
    Connections,
    /// The change journal.
    Journal,
    /// The connections page with the editor open: `None` adds a new connection.
    EditConnection(Option<String>),
    /// A connection's integrations.
    List {
        conn: String,
    },
    Create {
        conn: String,
    },
    Detail {
        conn: String,
        id: String,
    },
    Edit {
        conn: String,
        id: String,
    },
}

impl AppRoute {
    pub fn href(&self) -> String {
        match self {
            AppRoute::Overview => "/".into(),
            AppRoute::Connections => "/connections".into(),
            AppRoute::Journal => "/journal".into(),
            AppRoute::EditConnection(None) => "/connections?edit=new".into(),
            AppRoute::EditConnection(Some(id)) => {
                format!("/connections?edit={}", encode_segment(id))
            }
            AppRoute::List { conn } => format!("/c/{}", encode_segment(conn)),
            AppRoute::Create { conn } => format!("/c/{}/new", encode_segment(conn)),
            AppRoute::Detail { conn, id } => {
                format!("/c/{}/i/{}", encode_segment(conn), encode_segment(id))
            }
            AppRoute::Edit { conn, id } => {
                format!("/c/{}/i/{}/edit", encode_segment(conn), encode_segment(id))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_encoded_so_they_cannot_change_the_route() {
        let route = AppRoute::Detail {
            conn: "c 1".into(),
            id: "a/b?c".into(),
        };
        assert_eq!(route.href(), "/c/c%201/i/a%2Fb%3Fc");
        assert_eq!(
            AppRoute::EditConnection(Some("x&y".into())).href(),
            "/connections?edit=x%26y"
        );
        assert_eq!(
            AppRoute::EditConnection(None).href(),
            "/connections?edit=new"
        );
        assert_eq!(AppRoute::Create { conn: "pt".into() }.href(), "/c/pt/new");
        assert_eq!(
            AppRoute::Edit {
                conn: "c".into(),
                id: "i 1".into()
            }
            .href(),
            "/c/c/i/i%201/edit"
        );
    }

    #[test]
    fn the_edit_page_sits_under_its_integration() {
        let route = AppRoute::Edit {
            conn: "c".into(),
            id: "i 1".into(),
        };
        assert_eq!(route.href(), "/c/c/i/i%201/edit");
    }

    #[test]
    fn a_journal_address_names_its_integration_encoded() {
        assert_eq!(
            journal_of("prod", "a&b c"),
            "/journal?connection=prod&integration=a%26b+c"
        );
    }
}
