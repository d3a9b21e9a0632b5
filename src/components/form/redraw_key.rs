//! How the form renderer tells two versions of a field apart, so that a spec redrawn when
//! lookups land draws again only the fields that changed.

use crate::domain::{FieldKind, FieldSpec};

/// What makes two versions of this field draw differently: its pointer, what a person
/// reads (label, help, placeholder), its flags and rule count, and anywhere inside it the
/// values of its choices (lookups that land late add choices). The form renderer keys its
/// fields by it, so a field is drawn again only when one of these changed.
pub fn redraw_key(field: &FieldSpec) -> String {
    fn walk(field: &FieldSpec, out: &mut String) {
        for part in [
            field.pointer.as_str(),
            field.label.as_str(),
            field.help.as_deref().unwrap_or(""),
            field.placeholder.as_deref().unwrap_or(""),
        ] {
            out.push_str(part);
            out.push('\u{1f}');
        }
        out.push_str(&format!(
            "{}{}{}{}",
            u8::from(field.sensitive),
            u8::from(field.read_only),
            u8::from(field.open_choices),
            field.constraints.len()
        ));
        match &field.kind {
            FieldKind::Enum(choices) | FieldKind::MultiChoice(choices) => {
                for choice in choices {
                    out.push('\u{1f}');
                    out.push_str(&choice.value);
                }
            }
            FieldKind::Group(children) => children.iter().for_each(|c| walk(c, out)),
            FieldKind::OneOf(variants) => variants
                .iter()
                .flat_map(|v| &v.fields)
                .for_each(|c| walk(c, out)),
            _ => {}
        }
        out.push('\u{1e}');
    }
    let mut key = String::new();
    walk(field, &mut key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Choice, FormSpec};

    #[test]
    fn the_redraw_key_changes_with_what_a_person_sees_or_its_choices() {
        let team = || {
            FieldSpec::group(
                "/route",
                "Route",
                vec![FieldSpec::choice(
                    "/route/team",
                    "Team",
                    vec![Choice::new("", "None")],
                )],
            )
        };
        let before = redraw_key(&team());
        assert_eq!(before, redraw_key(&team()));
        let filled = FormSpec::new(vec![team()])
            .with_choices("/route/team", &[Choice::new("T1", "Platform")]);
        assert_ne!(
            redraw_key(&filled.fields[0]),
            before,
            "a late choice redraws the field"
        );
        let plain = redraw_key(&FieldSpec::text("/name", "Name"));
        assert_eq!(plain, redraw_key(&FieldSpec::text("/name", "Name")));
        for changed in [
            FieldSpec::text("/name", "Name").help("Usually https://api.pagertree.com"),
            FieldSpec::text("/name", "Title"),
            FieldSpec::text("/name", "Name").required(),
            FieldSpec::text("/name", "Name").read_only(),
        ] {
            assert_ne!(redraw_key(&changed), plain, "{changed:?}");
        }
    }
}
