//! The `mediation-atlas` command: opens the app, or runs `check` / `mentions`.

// On Windows a GUI program: no console window opens when it is started from Explorer; from a
// terminal, the subcommands still print there (platform::attach_console).
#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    mediation_atlas::platform::attach_console();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    mediation_atlas::cli::main()
}
