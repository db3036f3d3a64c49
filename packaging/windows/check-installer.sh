#!/usr/bin/env bash
# Checks Mostrador's Windows installer under Wine, as a shop owner would meet it, in a fresh
# Windows folder of its own:
#   - a silent install (/S) for this user alone lands in %LOCALAPPDATA%\Programs\Mostrador, with
#     its Start-menu and desktop shortcuts and its entry in Apps & features;
#   - every DLL the installed programs and plugins import is in that folder or is Windows' own;
#   - mostrador-server.exe --version answers;
#   - the demo draws its inbox with Qt's real Windows platform plugin (Xvfb), in Spanish and English;
#   - a store written by the Linux build reads the same under Windows (export, report);
#   - uninstalling removes the programs and keeps the shop's data.
# Prints one line per check and a closing count.
#   check-installer.sh INSTALLER SCRATCH_FOLDER BUILD_FOLDER
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
source "$MOSTRADOR_ROOT/packaging/windows/wine.sh"

installer=$1 scratch=$2 build=$3
shots=${MOSTRADOR_WINDOWS_SCREENSHOTS:-$build/screenshots}
passed=0 failed=0
check() {
    local what=$1
    shift
    if "$@"; then
        printf '  ok      %s\n' "$what"
        passed=$((passed + 1))
    else
        printf '  FAILED  %s\n' "$what"
        failed=$((failed + 1))
    fi
}

say "Checking the installer under Wine ($(du -h "$installer" | cut -f1))"
wine_new_prefix "$scratch/wine-install"
# Accents and a space in the user's name, as on a PC in Bogotá: C:\users\María José.
appdata=$(wine_local_appdata)
programs="$appdata/Programs/Mostrador"
data="$appdata/Mostrador/Mostrador"

timeout 300 wine "$installer" /S >/dev/null 2>&1
wineserver -w
check "installs silently, for this user, into %LOCALAPPDATA%\\Programs\\Mostrador" \
    test -f "$programs/mostrador.exe" -a -f "$programs/mostrador-server.exe" -a -f "$programs/uninstall.exe"
check "Start-menu and desktop shortcuts" \
    bash -c "ls \"$appdata/../Roaming/Microsoft/Windows/Start Menu/Programs/Mostrador/Mostrador.lnk\" >/dev/null 2>&1 \
             && ls \"$WINEPREFIX\"/drive_c/users/*/Desktop/Mostrador.lnk >/dev/null 2>&1"
check "listed in Apps & features" \
    bash -c "wine reg query 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Mostrador' /v DisplayVersion 2>/dev/null | grep -q DisplayVersion"
check "every DLL the programs import is in their folder or Windows' own" \
    python3 "$MOSTRADOR_ROOT/packaging/windows/deploy.py" check "$programs"

version_line=$(cd "$programs" && timeout 120 wine ./mostrador-server.exe --version 2>/dev/null | tr -d '\r')
echo "          mostrador-server.exe --version: $version_line"
check "mostrador-server.exe --version answers" grep -q "mostrador-server" <<<"$version_line"

# The demo with Qt's Windows platform plugin, on a virtual screen with a window manager.
display=:$((90 + RANDOM % 50))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 2
DISPLAY=$display openbox >/dev/null 2>&1 &
openbox_pid=$!
mkdir -p "$shots"
for language in es en; do
    rm -f "$shots/windows-demo-$language.png"
    (cd "$programs" && DISPLAY=$display timeout 240 wine ./mostrador.exe --demo --lang "$language" \
        --screenshot "$(wine_path "$shots/windows-demo-$language.png")" >"$scratch/demo-$language.log" 2>&1)
    check "the demo draws its inbox in '$language' with the Windows platform plugin" test -s "$shots/windows-demo-$language.png"
done
kill "$openbox_pid" "$xvfb_pid" 2>/dev/null

# A store written on Linux, read on Windows: the same export and report, byte for byte.
linux_server=${MOSTRADOR_BUILD_DIR:-$MOSTRADOR_ROOT/build}/app/mostrador-server
if [ -x "$linux_server" ]; then
    chat="$scratch/WhatsApp Chat with Lucía Gómez.txt"
    printf '12/31/20, 11:50 PM - Lucía Gómez: ¿Tienen la manta gris? 😀\n12/31/20, 11:52 PM - Casa Nube: Sí, quedan dos.\n1/2/21, 9:05 AM - Lucía Gómez: <Media omitted>\n' >"$chat"
    store="$scratch/tienda de María José.db"
    "$linux_server" import-chat --db "$store" --me "Casa Nube" --phone "+57 300 111 2233" --tz America/Bogota "$chat" >/dev/null 2>&1
    "$linux_server" export --db "$store" >"$scratch/export-linux.jsonl" 2>/dev/null
    "$linux_server" report --db "$store" --from 2020-12-01 --to 2021-01-31 --tz America/Bogota --format json \
        >"$scratch/report-linux.json" 2>/dev/null
    (cd "$programs" && timeout 120 wine ./mostrador-server.exe export --db "$(wine_path "$store")" 2>/dev/null) \
        >"$scratch/export-windows.jsonl"
    (cd "$programs" && timeout 120 wine ./mostrador-server.exe report --db "$(wine_path "$store")" --from 2020-12-01 \
        --to 2021-01-31 --tz America/Bogota --format json 2>/dev/null) >"$scratch/report-windows.json"
    check "a store written on Linux exports the same on Windows" cmp -s "$scratch/export-linux.jsonl" "$scratch/export-windows.jsonl"
    check "a store written on Linux reports the same on Windows" cmp -s "$scratch/report-linux.json" "$scratch/report-windows.json"
else
    echo "  skipped the Linux store check: no Linux build at $linux_server (./scripts/test or ./scripts/demo makes one)"
fi

# Uninstalling keeps the shop's data.
mkdir -p "$data"
echo "the shop's store" >"$data/mostrador.db"
(cd "$scratch" && timeout 300 wine "$programs/uninstall.exe" /S >/dev/null 2>&1)
wineserver -w
sleep 2
check "uninstalling removes the programs" test ! -e "$programs/mostrador.exe"
check "uninstalling keeps the shop's data" test -f "$data/mostrador.db"
check "uninstalling removes the Apps & features entry" \
    bash -c "! wine reg query 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Mostrador' >/dev/null 2>&1"
wine_stop

echo "installer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
