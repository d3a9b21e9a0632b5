//! Feedback: toasts, error panels, confirmation dialogs.

mod confirm;
mod error_panel;
mod toasts;
mod wait_status;

pub use confirm::ConfirmDialog;
pub use error_panel::ErrorPanel;
pub use toasts::ToastRegion;
pub use wait_status::WaitStatus;
