# Helpers for the Windows SDK's recipe (packaging/windows/sdk/steps/*.sh). Sourced by
# scripts/windows-sdk, never run alone.
#
# Every library comes from Debian's own source package (apt-get source, bookworm, the version
# pinned in the step), is cross-compiled with Debian's MinGW-w64 and installed into $SDK_PREFIX.

SDK_TRIPLE=x86_64-w64-mingw32
SDK_CC=$SDK_TRIPLE-gcc-posix
SDK_CXX=$SDK_TRIPLE-g++-posix
SDK_JOBS=${SDK_JOBS:-$(nproc)}
SDK_TOOLCHAIN=$MOSTRADOR_ROOT/packaging/windows/toolchain-mingw64.cmake
# Debian's own Qt 6.4.2 gives the host tools (moc, rcc, uic, lrelease) to the cross-built Qt.
SDK_HOST_QT_CMAKE_DIR=/usr/lib/$(gcc -print-multiarch)/cmake

# Our own deb-src list, made from the machine's Debian entries: the system's apt configuration
# is left as it was.
sdk_apt() {
    local apt_root=$SDK_CACHE/apt
    if [ ! -f "$apt_root/sources.list.d/debian-src.sources" ]; then
        mkdir -p "$apt_root/sources.list.d" "$apt_root/lists/partial" "$apt_root/cache/archives/partial"
        python3 "$MOSTRADOR_ROOT/packaging/windows/sdk/debsrc.py" /etc/apt/sources.list /etc/apt/sources.list.d \
            >"$apt_root/sources.list.d/debian-src.sources" || fail "Could not read the machine's Debian sources."
    fi
    apt-get -o APT::Sandbox::User=root -o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts="$apt_root/sources.list.d" \
        -o Dir::State::Lists="$apt_root/lists" -o Dir::Cache="$apt_root/cache" "$@"
}

# Where a package mirror has Debian's .dsc but not the tarballs it names (seen: a mirror that
# answered 404 for qt6-svg, qt6-websockets, qt6-httpserver, qt6-charts and qtkeychain), the
# tarballs may be put in MOSTRADOR_WINDOWS_SOURCES (default: ../shared/windows/sources beside the
# checkout). They are taken only when they match the SHA-256 sums of Debian's .dsc, which
# dpkg-source checks again when unpacking.
sdk_local_source() {
    local downloads=$1 dsc=$2 folder=${MOSTRADOR_WINDOWS_SOURCES:-$MOSTRADOR_ROOT/../shared/windows/sources}
    [ -f "$dsc" ] || fail "Could not download Debian's description of $(basename "$dsc")."
    local sum size name missing=()
    while read -r sum size name; do
        if [ -f "$folder/$name" ] && [ "$(sha256sum "$folder/$name" | cut -d' ' -f1)" = "$sum" ]; then
            cp "$folder/$name" "$downloads/"
        else
            missing+=("$name")
        fi
    done < <(sed -n '/^Checksums-Sha256:/,/^[^ ]/{/^ /p}' "$dsc")
    [ ${#missing[@]} -eq 0 ] && return 0
    fail "This machine's package mirror does not have Debian's source of $(basename "$dsc" .dsc) (${missing[*]}). Put those files, as Debian publishes them, in $folder and run this again."
}

# sdk_source PACKAGE VERSION: unpacks Debian's source package, its patches applied, into
# $SDK_WORK/src and prints the folder. Downloads are kept in the cache for the next build.
sdk_source() {
    local package=$1 version=$2 downloads=$SDK_CACHE/sources/$1
    local dsc=$downloads/${package}_${version#*:}.dsc
    if [ ! -f "$dsc" ]; then
        mkdir -p "$downloads"
        [ -f "$SDK_CACHE/apt/updated" ] || { sdk_apt update -qq >&2 && touch "$SDK_CACHE/apt/updated"; } \
            || fail "apt-get could not read the source lists."
        (cd "$downloads" && sdk_apt source --download-only -qq "$package=$version" >&2) || sdk_local_source "$downloads" "$dsc"
    fi
    local folder=$SDK_WORK/src/$package
    rm -rf "$folder"
    mkdir -p "$SDK_WORK/src"
    dpkg-source --no-check -x "$dsc" "$folder" >/dev/null || fail "Could not unpack $dsc."
    echo "$folder"
}

# sdk_cmake SOURCE_DIR [CMAKE ARGS...]: configures, builds and installs a CMake project for Windows.
sdk_cmake() {
    local source=$1 build=$SDK_WORK/build/$SDK_STEP target
    shift
    rm -rf "$build"
    # pkg-config answers for Windows' libraries, never the build machine's.
    PKG_CONFIG_LIBDIR=$SDK_PREFIX/lib/pkgconfig:$SDK_PREFIX/share/pkgconfig PKG_CONFIG_PATH= \
    cmake -S "$source" -B "$build" -G Ninja -Wno-dev \
        -DCMAKE_TOOLCHAIN_FILE="$SDK_TOOLCHAIN" \
        -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_INSTALL_PREFIX="$SDK_PREFIX" \
        -DCMAKE_PREFIX_PATH="$SDK_PREFIX" \
        "$@"
    # SDK_TARGETS: only these targets (a project whose default builds its own tests too).
    local target_args=()
    for target in ${SDK_TARGETS:-}; do target_args+=(--target "$target"); done
    cmake --build "$build" --parallel "$SDK_JOBS" "${target_args[@]}"
    cmake --install "$build"
}

# sdk_qt_cmake SOURCE_DIR [ARGS...]: the same for a Qt module, against the SDK's Qt.
sdk_qt_cmake() {
    local source=$1
    shift
    sdk_cmake "$source" -DCMAKE_TOOLCHAIN_FILE="$SDK_PREFIX/lib/cmake/Qt6/qt.toolchain.cmake" \
        -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF "$@"
}

# sdk_qt_module: builds the step's SDK_SOURCE as a Qt module with no options of its own.
sdk_qt_module() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    sdk_qt_cmake "$source"
}

# sdk_expect FILE...: each must exist in the prefix.
sdk_expect() {
    local file
    for file in "$@"; do
        [ -e "$SDK_PREFIX/$file" ] || fail "$SDK_STEP: $file is missing from the SDK."
    done
}

# sdk_links 'C++ SOURCE' COMPILER-ARGS...: a small program must compile and link against the
# step's libraries (it is not run: that needs Wine and every DLL; scripts/windows does that).
sdk_links() {
    local code=$1 dir=$SDK_WORK/check/$SDK_STEP
    shift
    rm -rf "$dir" && mkdir -p "$dir"
    printf '%s\n' "$code" >"$dir/check.cpp"
    "$SDK_CXX" -std=c++17 -o "$dir/check.exe" "$dir/check.cpp" -I"$SDK_PREFIX/include" -L"$SDK_PREFIX/lib" "$@" \
        || fail "$SDK_STEP: a small program does not link against what was built."
}

# The SDK's folder: one per toolchain (the toolchain file, MinGW's compiler and the host Qt).
# Steps inside it are rebuilt one by one when their own recipe changes.
sdk_locate() {
    local key
    # Works on a machine without MinGW too (./scripts/test only asks whether the SDK is there).
    key=$( { cat "$SDK_TOOLCHAIN"; "$SDK_CXX" --version 2>/dev/null | head -n 1 || true
             dpkg-query -W -f='${Version}' qt6-base-dev 2>/dev/null || true; } | sha256sum | cut -c1-12)
    SDK_CACHE=${MOSTRADOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mostrador}/windows-sdk
    SDK_ROOT=$SDK_CACHE/$key
    SDK_PREFIX=$SDK_ROOT/prefix
    SDK_WORK=$SDK_ROOT/work
}

# sdk_is_built: every step of the recipe is built with its current recipe.
sdk_is_built() {
    [ -f "$SDK_ROOT/complete" ] && [ "$(cat "$SDK_ROOT/complete")" = "$(sdk_recipe_hash)" ]
}

sdk_recipe_hash() {
    cat "$MOSTRADOR_ROOT"/packaging/windows/sdk/steps/*.sh | sha256sum | cut -c1-16
}
