//! The language patients read and the one staff read: which messages each
//! screen asks for.

use std::sync::Arc;

use super::App;
use crate::i18n::{Catalog, Words};
use crate::status::StatusReport;

impl App {
    /// The words of the language patients read now.
    pub fn words(&self) -> Words<'_> {
        self.catalog.words(&self.language)
    }

    /// The words of the staff screen and the PIN prompt.
    pub fn staff_words(&self) -> Words<'_> {
        self.catalog.words(&self.config.kiosk.staff_language)
    }

    /// Works out the sign's state again, at the app's clock, in the
    /// patients' language.
    pub(super) fn refresh_status(&mut self) {
        let words = self.catalog.words(&self.language);
        self.status = StatusReport::new_in(
            &self.config.schedule,
            self.config.kiosk.closing_soon,
            self.now,
            words,
        );
    }

    /// The app reading messages from `catalog` (the compiled-in ones with a
    /// folder's read over them).
    pub fn with_catalog(mut self, catalog: Arc<Catalog>) -> Self {
        self.catalog = catalog;
        self.refresh_status();
        self
    }

    /// Patients read `code` from now on (until the app goes back to the
    /// default language).
    pub fn set_language(&mut self, code: &str) {
        self.language = code.to_string();
        self.refresh_status();
    }
}
