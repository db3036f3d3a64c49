# PostgreSQL 15's client library, for Qt's QPSQL driver (team mode). Only libpq and the headers
# are built: src/port and src/common, which it links, then src/interfaces/libpq.
SDK_SOURCE=(postgresql-15 15.18-0+deb12u1)
SDK_DEPENDS=()
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    (cd "$source" && ./configure --host="$SDK_TRIPLE" --prefix="$SDK_PREFIX" CC="$SDK_CC" \
        --without-readline --without-zlib --without-icu --without-openssl --without-gssapi --without-ldap \
        --without-llvm >/dev/null)
    make -C "$source/src/port" -j"$SDK_JOBS" >/dev/null
    make -C "$source/src/common" -j"$SDK_JOBS" >/dev/null
    make -C "$source/src/interfaces/libpq" -j"$SDK_JOBS" install >/dev/null
    make -C "$source/src/include" install >/dev/null
}
sdk_check() {
    sdk_expect bin/libpq.dll include/libpq-fe.h
    sdk_links '#include <libpq-fe.h>
int main() { return PQlibVersion() < 150000; }' -lpq
}
