# zlib: libzip and Qt use it.
SDK_SOURCE=(zlib 1:1.2.13.dfsg-1)
SDK_DEPENDS=()
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    # Debian's tarball has no win32/ folder (its makefile and the DLL's version resource): zlib's
    # own CMake build, which names the DLL libzlib1.dll, with a version resource of our own in its place.
    mkdir -p "$source/win32"
    printf '1 VERSIONINFO\nFILEVERSION 1,2,13,0\nBEGIN\nBLOCK "StringFileInfo"\nBEGIN\nBLOCK "040904E4"\nBEGIN\nVALUE "FileDescription", "zlib data compression library"\nVALUE "FileVersion", "1.2.13"\nEND\nEND\nEND\n' \
        >"$source/win32/zlib1.rc"
    sdk_cmake "$source" -DBUILD_SHARED_LIBS=ON
}
sdk_check() {
    sdk_expect bin/libzlib1.dll lib/libzlib.dll.a include/zlib.h
    sdk_links '#include <zlib.h>
int main() { return zlibVersion()[0] == 0; }' -lzlib
}
