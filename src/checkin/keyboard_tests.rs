use super::*;
use crate::checkin::FieldSpec;

fn field(kind: FieldKind, text: &str) -> Field {
    let mut f = Field::new(FieldSpec::new("k", "Label", kind));
    for ch in text.chars() {
        f.apply(FormInput::Char(ch));
    }
    f
}

#[test]
fn the_setting_decides_when_it_shows() {
    assert!(Keyboard::new(KeyboardSetting::Always, false).is_shown());
    assert!(!Keyboard::new(KeyboardSetting::Never, true).is_shown());
    assert!(!Keyboard::new(KeyboardSetting::Auto, false).is_shown());
    assert!(Keyboard::new(KeyboardSetting::Auto, true).is_shown());

    // auto: the first touch brings it, once; never: touches change nothing.
    let mut auto = Keyboard::new(KeyboardSetting::Auto, false);
    assert!(auto.touched(KeyboardSetting::Auto));
    assert!(auto.is_shown());
    assert!(!auto.touched(KeyboardSetting::Auto));
    let mut never = Keyboard::new(KeyboardSetting::Never, false);
    assert!(!never.touched(KeyboardSetting::Never));
    assert!(!never.is_shown());
}

#[test]
fn each_kind_of_field_starts_on_its_page() {
    let kb = Keyboard::new(KeyboardSetting::Always, false);
    assert_eq!(kb.page(0, FieldKind::Text), Some(Page::Letters));
    assert_eq!(kb.page(0, FieldKind::Date), Some(Page::Numbers));
    assert_eq!(kb.page(0, FieldKind::Phone), Some(Page::Numbers));
    assert_eq!(kb.page(0, FieldKind::Time), Some(Page::Numbers));
    assert_eq!(kb.page(0, FieldKind::Choice), None);
    let hidden = Keyboard::new(KeyboardSetting::Never, false);
    assert_eq!(hidden.page(0, FieldKind::Text), None);
}

#[test]
fn a_picked_page_lasts_while_its_field_has_focus() {
    let mut kb = Keyboard::new(KeyboardSetting::Always, false);
    assert_eq!(kb.press(Key::Show(Page::Accents), 1, None), None);
    assert_eq!(kb.page(1, FieldKind::Text), Some(Page::Accents));
    // Another field starts on its own page again.
    assert_eq!(kb.page(2, FieldKind::Date), Some(Page::Numbers));
    assert_eq!(kb.page(0, FieldKind::Text), Some(Page::Letters));
}

#[test]
fn a_name_starts_with_a_capital_and_shift_turns_one_letter() {
    let mut kb = Keyboard::new(KeyboardSetting::Always, false);
    let empty = field(FieldKind::Text, "");
    assert_eq!(
        kb.press(Key::Char('j'), 0, Some(&empty)),
        Some(FormInput::Char('J'))
    );
    let started = field(FieldKind::Text, "J");
    assert_eq!(
        kb.press(Key::Char('o'), 0, Some(&started)),
        Some(FormInput::Char('o'))
    );
    assert_eq!(kb.press(Key::Shift, 0, Some(&started)), None);
    assert!(kb.capitals(Some(&started)));
    assert_eq!(
        kb.press(Key::Char('é'), 0, Some(&started)),
        Some(FormInput::Char('É'))
    );
    // Shift lasts one letter.
    assert_eq!(
        kb.press(Key::Char('ñ'), 0, Some(&started)),
        Some(FormInput::Char('ñ'))
    );
    // Shift on an empty name types a small letter ("de la Cruz").
    kb.press(Key::Shift, 0, Some(&empty));
    assert_eq!(
        kb.press(Key::Char('d'), 0, Some(&empty)),
        Some(FormInput::Char('d'))
    );
    // Digits and punctuation are never changed; ß has no single capital.
    kb.press(Key::Shift, 0, Some(&started));
    assert_eq!(
        kb.press(Key::Char('ß'), 0, Some(&started)),
        Some(FormInput::Char('ß'))
    );
    let date = field(FieldKind::Date, "");
    assert_eq!(
        kb.press(Key::Char('4'), 0, Some(&date)),
        Some(FormInput::Char('4'))
    );
}

#[test]
fn space_and_erase_are_the_keyboards_own() {
    let mut kb = Keyboard::new(KeyboardSetting::Always, false);
    assert_eq!(kb.press(Key::Space, 0, None), Some(FormInput::Char(' ')));
    assert_eq!(kb.press(Key::Erase, 0, None), Some(FormInput::Backspace));
}

#[test]
fn the_pages_hold_what_names_dates_and_phones_need() {
    let chars = |page: Page| -> Vec<char> {
        page.rows()
            .iter()
            .flat_map(|r| r.iter())
            .filter_map(|(k, _)| match k {
                Key::Char(c) => Some(*c),
                _ => None,
            })
            .collect()
    };
    let letters = chars(Page::Letters);
    for ch in ('a'..='z').chain(['-', '\'']) {
        assert!(letters.contains(&ch), "{ch:?}");
    }
    let accents = chars(Page::Accents);
    for ch in "áéíóúñüàèìòùâêîôûäëïöçãõ".chars() {
        assert!(accents.contains(&ch), "{ch:?}");
    }
    let numbers = chars(Page::Numbers);
    for ch in ('0'..='9').chain(['/', '-', ':']) {
        assert!(numbers.contains(&ch), "{ch:?}");
    }
    for page in [Page::Letters, Page::Accents, Page::Numbers] {
        let keys: Vec<Key> = page
            .rows()
            .iter()
            .flat_map(|r| r.iter().map(|k| k.0))
            .collect();
        assert!(keys.contains(&Key::Erase), "{page:?}");
        assert!(keys.contains(&Key::Space), "{page:?}");
        let widest = page
            .rows()
            .iter()
            .map(|r| r.iter().map(|k| k.1).sum::<u16>());
        assert!(widest.max() <= Some(10), "{page:?}");
    }
}
