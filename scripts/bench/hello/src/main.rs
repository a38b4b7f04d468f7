//! A window with one input: the smallest Tauri app, as a baseline.
fn main() {
    if let Err(error) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("hello-tauri: {error}");
    }
}
