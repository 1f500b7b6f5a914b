; The NPS Oracle installer for Windows (x64), built by scripts/build-windows.sh with
; Debian's makensis. Tauri's own NSIS bundler (`cargo tauri build --bundles nsis`)
; downloads its NSIS toolchain and plugins from GitHub at build time, which the build
; machine cannot reach, so this script makes the same kind of installer from NSIS's
; standard parts only (MUI2, MultiUser). The release workflow on a hosted CI uses
; Tauri's bundler (.github/workflows/release.yml).
;
; What it does:
; - installs for the current user (default, no administrator: %LOCALAPPDATA%\Programs)
;   or for everyone (Program Files, needs an administrator) - a page asks; silent
;   installs take /CurrentUser or /AllUsers; /D=DIR sets the folder;
; - copies nps-desktop.exe (the app), nps.exe (the command line) and, when the build
;   needs it, WebView2Loader.dll; makes a Start-menu shortcut "NPS Oracle", an
;   uninstaller and the "Apps & features" entry (HKCU or HKLM ...\Uninstall\<id>);
; - makes sure the Microsoft Edge WebView2 Runtime is there: Microsoft's documented
;   registry check, then the runtime's offline installer when one was given at build
;   time (WEBVIEW2_INSTALLER), else a message (skipped with /S);
; - the uninstaller removes the program files, the shortcut and the registry entry;
;   the user's readings (%APPDATA%\nps-oracle) stay.
;
; Its own texts come from locales/*/installer.ftl (scripts/nsis-strings.py); the
; standard pages speak NSIS's English and Farsi.
;
; Defines (makensis -D...): VERSION, DESKTOP_EXE, CLI_EXE, ICON, STRINGS_DIR, OUTFILE;
; optional WEBVIEW2_LOADER, WEBVIEW2_INSTALLER, COMPRESSOR.

; A 64-bit installer for a 64-bit app: it also runs under a 64-bit-only Wine.
Target amd64-unicode
ManifestDPIAware true
; COMPRESSOR: the tests pass zlib (their installer is made from large debug files and only
; its behaviour matters); releases use the smallest, solid LZMA.
!ifndef COMPRESSOR
    !define COMPRESSOR "/SOLID lzma"
!endif
SetCompressor ${COMPRESSOR}

!define PRODUCT "NPS Oracle"
!define IDENTIFIER "org.nps-oracle.desktop"
!define PUBLISHER "NPS Oracle"
!define APP_EXE "nps-desktop.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${IDENTIFIER}"
; Microsoft's WebView2 Runtime product code (its "pv" value is the installed version).
!define WEBVIEW2_CLIENT "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

; ---- per-user or per-machine (NSIS's MultiUser.nsh) ---------------------------------
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${PRODUCT}"
; A second install (an upgrade) keeps the first one's mode and folder.
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INIT_TEXT_ALLUSERSNOTPOSSIBLE "$(NPS_ALL_USERS_NOT_POSSIBLE)"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

Name "$(NPS_PRODUCT_NAME)"
OutFile "${OUTFILE}"
BrandingText "${PRODUCT} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} installer"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

; ---- pages ---------------------------------------------------------------------------
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; NSIS picks the language from Windows' display language (English otherwise).
!include "${STRINGS_DIR}\multiuser-en.nsh"
!insertmacro MUI_LANGUAGE "English"
!include "${STRINGS_DIR}\multiuser-fa.nsh"
!insertmacro MUI_LANGUAGE "Farsi"
!include "${STRINGS_DIR}\strings.nsh"

; ---- install ---------------------------------------------------------------------------
Function .onInit
    !insertmacro MULTIUSER_INIT
FunctionEnd

Function EnsureWebView2
    ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_CLIENT}" "pv"
    ${If} $0 == ""
    ${OrIf} $0 == "0.0.0.0"
        ReadRegStr $0 HKCU "Software\${WEBVIEW2_CLIENT}" "pv"
    ${EndIf}
    ${If} $0 != ""
    ${AndIf} $0 != "0.0.0.0"
        DetailPrint "$(NPS_WEBVIEW_FOUND) ($0)"
        Return
    ${EndIf}
!ifdef WEBVIEW2_INSTALLER
    DetailPrint "$(NPS_WEBVIEW_INSTALLING)"
    InitPluginsDir
    File "/oname=$PLUGINSDIR\MicrosoftEdgeWebView2RuntimeInstallerX64.exe" "${WEBVIEW2_INSTALLER}"
    ExecWait '"$PLUGINSDIR\MicrosoftEdgeWebView2RuntimeInstallerX64.exe" /silent /install' $1
    ${If} $1 != 0
        DetailPrint "$(NPS_WEBVIEW_FAILED) ($1)"
        MessageBox MB_OK|MB_ICONEXCLAMATION "$(NPS_WEBVIEW_FAILED)" /SD IDOK
    ${EndIf}
!else
    DetailPrint "$(NPS_WEBVIEW_MISSING)"
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(NPS_WEBVIEW_MISSING)" /SD IDOK
!endif
FunctionEnd

Section "-${PRODUCT}"
    SetOutPath "$INSTDIR"
    File "/oname=${APP_EXE}" "${DESKTOP_EXE}"
    File "/oname=nps.exe" "${CLI_EXE}"
!ifdef WEBVIEW2_LOADER
    File "/oname=WebView2Loader.dll" "${WEBVIEW2_LOADER}"
!endif
    WriteUninstaller "$INSTDIR\uninstall.exe"

    CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}" "" \
        "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "$(NPS_SHORTCUT_DESCRIPTION)"

    ; "Apps & features": HKCU for a per-user install, HKLM for everyone (SHCTX).
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
    WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $0

    Call EnsureWebView2
SectionEnd

; ---- uninstall -------------------------------------------------------------------------
Function un.onInit
    !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "Uninstall"
    Delete "$INSTDIR\${APP_EXE}"
    Delete "$INSTDIR\nps.exe"
    Delete "$INSTDIR\WebView2Loader.dll"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    Delete "$SMPROGRAMS\${PRODUCT}.lnk"
    DeleteRegKey SHCTX "${UNINSTALL_KEY}"
SectionEnd
