//! What a whole form answers: its choices filled in from the vendor, every pointer a field
//! error may land on, the fields a draft makes active, and a new draft's defaults. Kept apart
//! from `field`, which declares the shapes.

use serde_json::Value;

use super::field::{Choice, FieldKind, FieldSpec, FormSpec};

impl FormSpec {
    pub fn new(fields: Vec<FieldSpec>) -> Self {
        FormSpec { fields }
    }

    /// Every field, depth first, including group children and the fields of the variant that
    /// `draft` selects in each one-of (the others are not part of the form right now).
    pub fn active_fields<'a>(&'a self, draft: &Value) -> Vec<&'a FieldSpec> {
        let mut out = Vec::new();
        collect_active(&self.fields, draft, &mut out);
        out
    }

    /// The form with `choices` as the allowed values of the enum at `pointer` (choices a vendor
    /// serves at run time, such as its teams). Fields elsewhere are untouched.
    pub fn with_choices(mut self, pointer: &str, choices: &[Choice]) -> Self {
        fn fill(fields: &mut [FieldSpec], pointer: &str, choices: &[Choice]) {
            for field in fields {
                match &mut field.kind {
                    FieldKind::Enum(existing) | FieldKind::MultiChoice(existing)
                        if field.pointer == pointer =>
                    {
                        // Choices the spec declares itself (e.g. "No team") stay first.
                        existing.retain(|c| !choices.iter().any(|n| n.value == c.value));
                        existing.extend(choices.iter().cloned());
                    }
                    FieldKind::Group(children) => fill(children, pointer, choices),
                    FieldKind::OneOf(variants) => variants
                        .iter_mut()
                        .for_each(|v| fill(&mut v.fields, pointer, choices)),
                    _ => {}
                }
            }
        }
        fill(&mut self.fields, pointer, choices);
        self
    }

    /// Every field's pointer, in every variant: where a vendor's field error may land.
    pub fn all_pointers(&self) -> Vec<&str> {
        fn walk<'a>(fields: &'a [FieldSpec], out: &mut Vec<&'a str>) {
            for field in fields {
                out.push(&field.pointer);
                match &field.kind {
                    FieldKind::Group(children) => walk(children, out),
                    FieldKind::OneOf(variants) => {
                        variants.iter().for_each(|v| walk(&v.fields, out))
                    }
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.fields, &mut out);
        out
    }

    /// A new draft: every default of the fields that become active, including those of the
    /// variant a one-of's default selects.
    pub fn initial_draft(&self) -> Value {
        let mut draft = Value::Object(Default::default());
        // Each pass can activate a variant whose own defaults the next pass fills in.
        for _ in 0..4 {
            let mut changed = false;
            for field in self.active_fields(&draft) {
                if let (Some(value), None) = (&field.default, draft.pointer(&field.pointer)) {
                    let value = value.clone();
                    super::pointer::set(&mut draft, &field.pointer, value);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        draft
    }
}

fn collect_active<'a>(fields: &'a [FieldSpec], draft: &Value, out: &mut Vec<&'a FieldSpec>) {
    for field in fields {
        out.push(field);
        match &field.kind {
            FieldKind::Group(children) => collect_active(children, draft, out),
            FieldKind::OneOf(_) => {
                if let Some(variant) = field.selected_variant(draft) {
                    collect_active(&variant.fields, draft, out);
                }
            }
            _ => {}
        }
    }
}

/// Every field of a form that holds a value (not a group), in every variant.
#[cfg(test)]
pub fn leaf_fields(form: &FormSpec) -> Vec<&FieldSpec> {
    fn walk<'a>(fields: &'a [FieldSpec], out: &mut Vec<&'a FieldSpec>) {
        for field in fields {
            match &field.kind {
                FieldKind::Group(children) => walk(children, out),
                FieldKind::OneOf(variants) => {
                    out.push(field);
                    variants.iter().for_each(|v| walk(&v.fields, out));
                }
                _ => out.push(field),
            }
        }
    }
    let mut out = Vec::new();
    walk(&form.fields, &mut out);
    out
}
