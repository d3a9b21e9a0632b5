//! Which API a ThousandEyes connection speaks: v7 manages connectors and webhook operations
//! and takes only bearer tokens; v6 (deprecated) lists the classic integrations and also takes
//! basic auth. A connection saved before versions were offered reads v6.

use crate::domain::auth::Credentials;

/// The setting that names the version.
pub const VERSION: &str = "version";
pub const V7: &str = "v7";

/// Whether a connection reads the v7 API.
pub fn is_v7(credentials: &Credentials) -> bool {
    credentials.setting(VERSION) == Some(V7)
}
