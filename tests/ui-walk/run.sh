#!/usr/bin/env bash
# Runs tests/ui-walk on real X displays with a window manager: 1366×768 and 1024×600, Spanish
# and English, each in its own Xvfb + openbox, screenshots in $MOSTRADOR_WALK_SHOTS (default: a
# folder beside the binary). Exit 77 (ctest: skipped) when Xvfb or openbox is missing.
#   run.sh WALK_BINARY
set -uo pipefail
walk=$1
for tool in Xvfb openbox dbus-run-session; do
    if ! command -v "$tool" >/dev/null; then
        echo "skipped: $tool is not installed (apt-get install xvfb openbox dbus)"
        exit 77
    fi
done
shots=${MOSTRADOR_WALK_SHOTS:-$(dirname "$walk")/ui-walk-shots}
status=0
for size in 1366x768 1024x600; do
    # Xvfb picks a free display itself and says which on the descriptor given.
    exec 3< <(Xvfb -displayfd 1 -screen 0 "${size}x24" -nolisten tcp 2>/dev/null)
    read -r -t 10 display <&3 || { echo "Xvfb did not start"; exit 1; }
    xvfb_pid=$(pgrep -n -f "Xvfb -displayfd 1 -screen 0 ${size}x24")
    DISPLAY=":$display" openbox >/dev/null 2>&1 &
    openbox_pid=$!
    sleep 1
    for language in es en; do
        echo "== $size, $language"
        DISPLAY=":$display" QT_QPA_PLATFORM=xcb MOSTRADOR_WALK_LANGUAGE=$language \
            MOSTRADOR_WALK_SHOTS="$shots/$size-$language" \
            timeout 120 dbus-run-session -- "$walk" || status=1
    done
    kill "$openbox_pid" "$xvfb_pid" 2>/dev/null
    wait "$openbox_pid" 2>/dev/null
    exec 3<&-
done
exit $status
