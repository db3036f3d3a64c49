# Shared by scripts/demo and scripts/test: install what is missing, configure, build.
# Sourced, not run. Every step is skipped when there is nothing to do.

MOSTRADOR_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MOSTRADOR_BUILD=${MOSTRADOR_BUILD_DIR:-$MOSTRADOR_ROOT/build}

# Debian 12 packages. Runtime plugins are listed because nothing links them: Qt loads them.
# qt6-charts-dev does not pull the OpenGL development files its CMake package needs.
MOSTRADOR_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev libgtest-dev libsqlite3-dev libphonenumber-dev libzip-dev
    qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-translations-l10n
    fonts-dejavu-core
)
MOSTRADOR_TEST_PACKAGES=(
    dbus-daemon gnome-keyring postgresql xvfb openbox
    desktop-file-utils appstream dpkg-dev file fakeroot python3 python3-yaml
)

# The second build the test command makes: clang with AddressSanitizer, UndefinedBehaviorSanitizer
# and the libFuzzer targets.
MOSTRADOR_SANITIZE_BUILD=${MOSTRADOR_SANITIZE_BUILD_DIR:-$MOSTRADOR_ROOT/build-sanitize}
MOSTRADOR_SANITIZE_PACKAGES=(clang libclang-rt-14-dev)

# The Windows build (scripts/windows-sdk, scripts/windows): Debian's MinGW-w64, the source
# packages' tools, protoc and tclsh for code generated on this machine, Wine to run the tests
# and the programs, NSIS for the installer.
MOSTRADOR_WINDOWS_PACKAGES=(
    g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64
    dpkg-dev make tcl protobuf-compiler unicode-data python3 wine wine64 nsis xvfb xauth openbox imagemagick
)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[1;31mError:\033[0m %s\n' "$*" >&2; exit 1; }

# ensure_packages PKG...: installs the missing ones with apt-get, or says exactly what to run.
ensure_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        printf 'Mostrador needs these Debian packages. Please run:\n\n    sudo apt-get install %s\n\nand then this command again.\n' \
            "${missing[*]}" >&2
        exit 1
    fi
    say "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || fail "apt-get update failed; check the network and try again."
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || fail "apt-get could not install: ${missing[*]}"
}

# configure_and_build [TARGET...]
configure_and_build() {
    if [ ! -f "$MOSTRADOR_BUILD/build.ninja" ]; then
        say "Configuring in $MOSTRADOR_BUILD"
        cmake -S "$MOSTRADOR_ROOT" -B "$MOSTRADOR_BUILD" -G Ninja \
            -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMOSTRADOR_WERROR=ON >/dev/null \
            || fail "CMake could not configure the build (see the messages above)."
    fi
    say "Building"
    cmake --build "$MOSTRADOR_BUILD" --parallel "$(nproc)" ${1:+--target "$@"} \
        || fail "The build failed (see the compiler messages above)."
}

# configure_and_build_sanitized [TARGET...]
configure_and_build_sanitized() {
    if [ ! -f "$MOSTRADOR_SANITIZE_BUILD/build.ninja" ]; then
        say "Configuring the sanitizer build in $MOSTRADOR_SANITIZE_BUILD"
        CC=clang CXX=clang++ cmake -S "$MOSTRADOR_ROOT" -B "$MOSTRADOR_SANITIZE_BUILD" -G Ninja \
            -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
            -DMOSTRADOR_WERROR=ON -DMOSTRADOR_SANITIZE=ON -DMOSTRADOR_FUZZ=ON >/dev/null \
            || fail "CMake could not configure the sanitizer build (see the messages above)."
    fi
    say "Building with AddressSanitizer and UndefinedBehaviorSanitizer"
    cmake --build "$MOSTRADOR_SANITIZE_BUILD" --parallel "$(nproc)" ${1:+--target "$@"} \
        || fail "The sanitizer build failed (see the compiler messages above)."
}
