//! The window's language: `KASSA_LANG`, else the Language setting, else the system's locale
//! (`kassa_boot::language`), chosen at start and again when the setting changes. Everything
//! the window is told in words (events, the status line, the catalogue's messages) reads it.

use std::sync::atomic::{AtomicUsize, Ordering};

use kassa_boot::{Lang, Messages};

static CURRENT: AtomicUsize = AtomicUsize::new(0);

/// Speaks `lang` from now on.
pub fn set(lang: Lang) {
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    CURRENT.store(i, Ordering::Relaxed);
}

/// The language spoken now.
pub fn current() -> Lang {
    Lang::ALL
        .get(CURRENT.load(Ordering::Relaxed))
        .copied()
        .unwrap_or(Lang::En)
}

/// The messages of the language spoken now.
pub fn messages() -> &'static Messages {
    Messages::of(current())
}
