#!/usr/bin/env bash
# Builds the .deb from a configured build directory and checks what a user would install:
# the binaries, the desktop entry and AppStream metadata (validated), the icon, and the
# run-time plugin packages that dpkg-shlibdeps cannot see.
set -euo pipefail
build=${1:?usage: check-deb.sh BUILD_DIR}

(cd "$build" && cpack -G DEB >/dev/null) || { echo "cpack could not build the .deb" >&2; exit 1; }
deb=$(ls -t "$build"/mostrador_*.deb | head -n 1)

problems=0
problem() { echo "deb check: $*" >&2; problems=$((problems + 1)); }

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/mostrador ./usr/bin/mostrador-server \
    ./usr/share/applications/org.mostrador.Mostrador.desktop \
    ./usr/share/metainfo/org.mostrador.Mostrador.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/org.mostrador.Mostrador.svg \
    ./usr/lib/systemd/system/mostrador-server.service \
    ./usr/share/doc/mostrador/mostrador.env.example ./usr/share/doc/mostrador/guide-es.md ./usr/share/doc/mostrador/guide-en.md; do
    grep -q " $path\$" <<<"$contents" || problem "missing $path"
done

depends=$(dpkg-deb -f "$deb" Depends)
for package in qt6-qpa-plugins libqt6sql6-sqlite libqt6svg6 libqt6core6 libqt6widgets6; do
    grep -q "\b$package\b" <<<"$depends" || problem "Depends lacks $package (has: $depends)"
done

unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
desktop-file-validate "$unpacked/usr/share/applications/org.mostrador.Mostrador.desktop" \
    || problem "the desktop file does not validate"
appstreamcli validate --no-net --explain "$unpacked/usr/share/metainfo/org.mostrador.Mostrador.metainfo.xml" >"$unpacked/appstream.log" 2>&1 \
    || { cat "$unpacked/appstream.log" >&2; problem "the AppStream metadata does not validate"; }
if command -v systemd-analyze >/dev/null; then
    # The unit is checked where it was unpacked, so its ExecStart binary is not installed here:
    # that one complaint is expected, any other is a problem.
    systemd-analyze verify --man=no "$unpacked/usr/lib/systemd/system/mostrador-server.service" >"$unpacked/unit.log" 2>&1 || true
    if grep -v "Command /usr/bin/mostrador-server is not executable" "$unpacked/unit.log" | grep -q .; then
        cat "$unpacked/unit.log" >&2
        problem "the systemd unit does not verify"
    fi
fi
file "$unpacked/usr/bin/mostrador" | grep -q ELF || problem "usr/bin/mostrador is not an executable"

size=$(du -h "$deb" | cut -f1)
if [ "$problems" -ne 0 ]; then
    echo "deb check: $problems problem(s) in $(basename "$deb")" >&2
    exit 1
fi
echo "deb check: $(basename "$deb") ($size) installs the binaries, desktop entry, metainfo, icon, systemd unit and guides; all validate."
