//! For Windows targets only: embeds the program's icon (`assets/icon/mediation-atlas.ico`, made
//! by `scripts/make_icons.sh`) and its version information (from this package's metadata) as
//! Windows resources, so Explorer, the task bar and "Properties" show them. Cross-building from
//! Linux uses mingw-w64's windres. Other targets build nothing here.

use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/mediation-atlas.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return ExitCode::SUCCESS;
    }
    // Cross-building, winresource calls the tools by the target's prefix
    // (x86_64-w64-mingw32-windres, as Debian's gcc-mingw-w64-x86-64 installs them).
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icon/mediation-atlas.ico")
        .set("ProductName", "Mediation Atlas")
        .set("FileDescription", "Mediation Atlas")
        .set("InternalName", "mediation-atlas")
        .set("OriginalFilename", "mediation-atlas.exe")
        .set("LegalCopyright", "MIT OR Apache-2.0");
    match resource.compile() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!(
                "build.rs: the Windows resources (icon, version) could not be compiled: {err}\n\
                 (cross-building from Linux needs Debian's gcc-mingw-w64-x86-64, which brings \
                 x86_64-w64-mingw32-windres)"
            );
            ExitCode::FAILURE
        }
    }
}
