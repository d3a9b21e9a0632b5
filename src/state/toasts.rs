//! One short message per event, announced to screen readers. Successes fade after a few
//! seconds; errors stay until dismissed. The same text is never shown twice at once.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Info,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    list: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

const FADE_MS: u64 = 6_000;

impl Toasts {
    pub fn provide() -> Self {
        let toasts = Toasts {
            list: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(1),
        };
        provide_context(toasts);
        toasts
    }

    pub fn use_context() -> Self {
        expect_context::<Toasts>()
    }

    pub fn success(&self, text: impl Into<String>) {
        self.push(ToastKind::Success, text.into());
    }

    pub fn info(&self, text: impl Into<String>) {
        self.push(ToastKind::Info, text.into());
    }

    pub fn error(&self, text: impl Into<String>) {
        self.push(ToastKind::Error, text.into());
    }

    pub fn all(&self) -> Vec<Toast> {
        self.list.get()
    }

    pub fn dismiss(&self, id: u64) {
        self.list.update(|list| list.retain(|t| t.id != id));
    }

    fn push(&self, kind: ToastKind, text: String) {
        if self
            .list
            .with_untracked(|list| list.iter().any(|t| t.text == text))
        {
            return;
        }
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.list.update(|list| list.push(Toast { id, kind, text }));
        if kind != ToastKind::Error {
            let toasts = *self;
            set_timeout(
                move || toasts.dismiss(id),
                std::time::Duration::from_millis(FADE_MS),
            );
        }
    }
}
