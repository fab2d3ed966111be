//! The window's language: `KASSA_LANG`, else the Language setting, else the system's locale
//! (`kassa_boot::current_language`). Everything the window is told in words (events, the
//! status line, the catalogue's messages) reads it.

use kassa_boot::Messages;

/// The messages of the language spoken now.
pub fn messages() -> &'static Messages {
    Messages::of(kassa_boot::current_language())
}
