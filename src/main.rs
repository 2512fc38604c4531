//! The `mediation-atlas` command: opens the app, or runs `check` / `mentions`; in the browser, starts the atlas on the page.

// On Windows a GUI program: no console window opens when it is started from Explorer; from a
// terminal, the subcommands still print there (platform::attach_console).
#![cfg_attr(windows, windows_subsystem = "windows")]

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    mediation_atlas::platform::attach_console();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    mediation_atlas::cli::main()
}

/// In the browser (`scripts/build_web.sh`): the module's start starts the atlas on the page.
#[cfg(target_arch = "wasm32")]
fn main() {
    mediation_atlas::web::start();
}
