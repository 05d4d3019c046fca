//! Random input never breaks the form.

use std::time::Duration;

use chrono::TimeDelta;
use kiosk::checkin::{
    FieldKind, FieldSpec, Form, FormInput, FormOutcome, Keyboard, columns, validate,
};
use kiosk::sanitize::is_unsafe;
use kiosk::ui::{form_hit, render_form};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::now;

fn specs() -> Vec<FieldSpec> {
    let mut specs = FieldSpec::defaults();
    specs[0].max_length = 8;
    let mut phone = FieldSpec::new("phone", "Phone", FieldKind::Phone);
    phone.required = false;
    phone.max_length = 20;
    let mut time = FieldSpec::new("time", "Appointment time", FieldKind::Time);
    time.required = false;
    let mut visit = FieldSpec::new("visit", "Visit type", FieldKind::Choice);
    visit.choices = vec!["New".into(), "Returning".into(), "Relative".into()];
    specs.extend([phone, time, visit]);
    specs
}

fn answer() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Zoë",
        "李小龙",
        "Nguyễn Thị",
        "4/17/62",
        "02/29/2000",
        "13/13/13",
        "720-242-9756",
        "9:30 am",
        "930",
        "re",
        "2",
        "  ",
        "e\u{301}",
    ])
    .prop_map(str::to_string)
}

fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..300).prop_map(|v| v.into_iter().collect())
}

fn input() -> impl Strategy<Value = FormInput> {
    use FormInput::*;
    prop_oneof![
        6 => any::<char>().prop_map(Char),
        6 => prop::sample::select(vec!['a', 'é', '李', '\u{301}', '1', '2', '/', ' ', '\u{1b}', '\u{7}', '\n', '\u{202e}'])
            .prop_map(Char),
        2 => any_text().prop_map(Paste),
        3 => answer().prop_map(Paste),
        8 => prop::sample::select(vec![Backspace, Delete, Left, Right, Home, End, Next, Prev, Enter, Escape]),
    ]
}

fn check_fields(form: &Form) -> Result<(), TestCaseError> {
    for field in form.fields() {
        let chars = field.chars();
        prop_assert!(chars.len() <= field.spec().max_length);
        prop_assert!(!chars.iter().any(|&c| is_unsafe(c)), "{chars:?}");
        prop_assert!(field.cursor() <= chars.len());
        prop_assert_eq!(field.cursor_column(), columns(&chars[..field.cursor()]));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_input_never_breaks_the_form(
        inputs in prop::collection::vec(input(), 0..80),
        size in (0u16..130, 0u16..45),
        click in (0u16..130, 0u16..45),
    ) {
        let mut form = Form::new(specs(), now());
        let today = form.today(now());
        for (i, input) in inputs.into_iter().enumerate() {
            let at = now() + TimeDelta::seconds(i as i64);
            if let FormOutcome::Submit(values) = form.handle(input, at) {
                prop_assert_eq!(values.len(), form.fields().len());
                for ((key, value), field) in values.iter().zip(form.fields()) {
                    let spec = field.spec();
                    prop_assert_eq!(key, &spec.key);
                    let again = validate(spec, value, today, kiosk::i18n::english()).map(|v| v.value);
                    prop_assert_eq!(again.as_ref(), Ok(value), "{}", key);
                    prop_assert!(value.chars().count() <= spec.max_length);
                    prop_assert!(!value.chars().any(is_unsafe));
                }
            }
            check_fields(&form)?;
        }
        let mut buf = Buffer::empty(Rect::new(0, 0, size.0, size.1));
        render_form(&form, &Keyboard::default(), buf.area, &mut buf, now(), Duration::from_secs(60));
        if let Some(hit) = form_hit(buf.area, &form, &Keyboard::default(), click.0, click.1) {
            form.click(hit, now());
            check_fields(&form)?;
        }
    }
}
