# Running Mostrador's Windows programs under Debian's Wine (64-bit). Sourced by scripts/windows.

# wine_new_prefix FOLDER: a fresh Windows 10 of our own in FOLDER (never the user's ~/.wine).
wine_new_prefix() {
    export WINEPREFIX=$1 WINEARCH=win64 WINEDEBUG=${WINEDEBUG:--all}
    # No Mono or Gecko download prompts: Mostrador needs neither.
    export WINEDLLOVERRIDES="mscoree,mshtml="
    rm -rf "$WINEPREFIX"
    mkdir -p "$WINEPREFIX"
    timeout 300 wineboot --init >/dev/null 2>&1 || fail "Wine could not make a Windows folder in $WINEPREFIX."
    # Qt 6 supports Windows 10 and later; Wine's prefix says Windows 7 until told otherwise.
    timeout 120 wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion' /v CurrentVersion /d 10.0 /f >/dev/null 2>&1
    timeout 120 wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion' /v CurrentBuild /d 19045 /f >/dev/null 2>&1
    timeout 120 wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion' /v CurrentBuildNumber /d 19045 /f >/dev/null 2>&1
    timeout 120 wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion' /v CurrentMajorVersionNumber /t REG_DWORD /d 10 /f >/dev/null 2>&1
    timeout 120 wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion' /v CurrentMinorVersionNumber /t REG_DWORD /d 0 /f >/dev/null 2>&1
    wineserver -w
}

# wine_stop: ends every program of the prefix (and its wineserver).
wine_stop() {
    wineserver -k >/dev/null 2>&1 || true
}

# wine_path UNIX_PATH: the same place as Windows programs in the prefix name it (Z:\…).
wine_path() {
    winepath -w "$1" 2>/dev/null
}

# wine_local_appdata: the user's %LOCALAPPDATA% in the prefix, as a Unix path.
wine_local_appdata() {
    winepath -u "$(wine cmd /c echo %LOCALAPPDATA% 2>/dev/null | tr -d '\r')" 2>/dev/null
}
