//! The `legation` command: opens the app, or runs one of its tools.

mod cli;

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    quiet_gpu_device_selection();
    let args = cli::Args::parse();
    cli::run(args)
}

/// Mesa's Vulkan device-selection layer asks the Wayland compositor which
/// GPU to prefer, and without `XDG_RUNTIME_DIR` (a login over ssh, a
/// container, CI) it prints `error: XDG_RUNTIME_DIR is invalid` once per
/// probe when a picture is drawn off screen, though nothing is wrong.
/// There is no compositor to ask then, so the layer can only pick as the
/// driver would anyway: it is turned off.
#[allow(unsafe_code)]
fn quiet_gpu_device_selection() {
    let no_session = std::env::var_os("XDG_RUNTIME_DIR").is_none_or(|dir| dir.is_empty());
    if no_session && std::env::var_os("NODEVICE_SELECT").is_none() {
        // SAFETY: the first thing `main` does, before any thread exists
        // that could read the environment at the same time.
        unsafe { std::env::set_var("NODEVICE_SELECT", "1") };
    }
}
