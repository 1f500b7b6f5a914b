## The desktop app (src-tauri): messages it shows itself, before or outside its window.
## Every id starts with `desktop-`.

# A native message box on Windows when the WebView2 Runtime, which draws the app's
# window, is missing (src-tauri/src/webview_runtime.rs).
desktop-webview-missing-title = NPS Oracle cannot open its window
desktop-webview-missing-body =
    NPS Oracle draws its window with the Microsoft Edge WebView2 Runtime, which is not installed for this Windows user.

    Run the NPS Oracle installer again: it installs the runtime and needs no internet connection. You can also install the “WebView2 Runtime” from Microsoft’s website (developer.microsoft.com/microsoft-edge/webview2).

    Until then, the nps command gives the same readings in a terminal.
