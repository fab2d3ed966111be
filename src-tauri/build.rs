// The app crate's manifest is the repository root (see ARCHITECTURE.md, "Layout"), so
// tauri-build finds tauri.conf.json and capabilities/ there with its defaults.
fn main() {
    tauri_build::build()
}
