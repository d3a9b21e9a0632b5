//! One module per vendor. Each starts with its auth scheme (the credential fields of its
//! connection form and the headers they become); its vertical adds a `VendorApi`. Nothing here
//! dispatches: `registry` (above) picks a vendor's module, and the modules import only what
//! they share (below): `auth`, `api`, `records`, `vendor`.

pub mod confluent;
pub mod grafana_oncall;
pub mod pagertree;
pub mod rocketchat;
pub mod thousandeyes;
