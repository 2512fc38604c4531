//! The `mediation-atlas` command: opens the app, or runs `check` / `mentions`.

fn main() -> std::process::ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    mediation_atlas::cli::main()
}
