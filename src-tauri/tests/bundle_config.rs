//! The bundle configuration for Linux, Windows and macOS (`tauri.conf.json`, issue 12),
//! read with Tauri's own configuration types — the ones `tauri-build` and the Tauri CLI
//! read it with, so an unknown or misspelt field fails here — and the icon files it
//! names.

use std::path::{Path, PathBuf};

use tauri_utils::config::{BundleType, Config, NSISInstallerMode, WebviewInstallMode};

fn src_tauri() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> Config {
    let text = std::fs::read_to_string(src_tauri().join("tauri.conf.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn every_platform_has_its_installers() {
    let targets = config().bundle.targets.to_vec();
    for wanted in [
        BundleType::Deb,
        BundleType::AppImage,
        BundleType::Nsis,
        BundleType::Msi,
        BundleType::App,
        BundleType::Dmg,
    ] {
        assert!(targets.contains(&wanted), "{wanted:?} missing: {targets:?}");
    }
}

/// An offline app gets an installer that works offline: the WebView2 runtime's
/// standalone installer is inside it (and runs only when the runtime is missing).
#[test]
fn windows_installers_carry_the_webview2_runtime_and_speak_persian() {
    let windows = config().bundle.windows;
    assert_eq!(
        windows.webview_install_mode,
        WebviewInstallMode::OfflineInstaller { silent: true }
    );
    let nsis = windows.nsis.expect("bundle.windows.nsis");
    assert_eq!(nsis.install_mode, NSISInstallerMode::Both);
    assert_eq!(
        nsis.languages.as_deref(),
        Some(&["English".to_string(), "Persian".to_string()][..])
    );
    assert_eq!(
        nsis.installer_icon,
        Some(PathBuf::from("../icons/icon.ico"))
    );
}

#[test]
fn macos_bundles_name_their_minimum_version() {
    assert_eq!(
        config().bundle.macos.minimum_system_version.as_deref(),
        Some("10.15")
    );
}

/// ICO: a 6-byte header with the image count, then 16-byte entries whose first byte is
/// the width (0 = 256).
fn ico_widths(bytes: &[u8]) -> Vec<u32> {
    assert_eq!(&bytes[..4], &[0, 0, 1, 0], "an .ico header");
    let count = usize::from(u16::from_le_bytes([bytes[4], bytes[5]]));
    (0..count)
        .map(|i| match bytes[6 + 16 * i] {
            0 => 256,
            w => u32::from(w),
        })
        .collect()
}

#[test]
fn the_icons_it_names_exist_for_every_platform() {
    let icons = config().bundle.icon;
    for icon in &icons {
        let path = src_tauri().join(icon);
        assert!(path.is_file(), "{} is missing", path.display());
    }
    let file = |ext: &str| -> Vec<u8> {
        let icon = icons.iter().find(|i| i.ends_with(ext)).expect(ext);
        std::fs::read(src_tauri().join(icon)).unwrap()
    };
    assert_eq!(
        ico_widths(&file(".ico")),
        [16, 24, 32, 48, 64, 128, 256],
        "Windows sizes"
    );
    let icns = file(".icns");
    assert_eq!(&icns[..4], b"icns");
    assert_eq!(
        u32::from_be_bytes([icns[4], icns[5], icns[6], icns[7]]) as usize,
        icns.len(),
        "the .icns length field"
    );
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../icons/source.png");
    let png = std::fs::read(source).unwrap();
    let (w, h) = (
        u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
        u32::from_be_bytes([png[20], png[21], png[22], png[23]]),
    );
    assert_eq!((w, h), (1024, 1024), "the one source image");
}
