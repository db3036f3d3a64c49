# libzip: customers' data exports and WhatsApp's chat exports are ZIP files.
SDK_SOURCE=(libzip 1.7.3-1)
SDK_DEPENDS=(zlib)
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    sdk_cmake "$source" -DBUILD_SHARED_LIBS=ON -DENABLE_COMMONCRYPTO=OFF -DENABLE_GNUTLS=OFF \
        -DENABLE_MBEDTLS=OFF -DENABLE_OPENSSL=OFF -DENABLE_WINDOWS_CRYPTO=ON -DENABLE_BZIP2=OFF \
        -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF \
        -DBUILD_DOC=OFF -DZLIB_ROOT="$SDK_PREFIX"
}
sdk_check() {
    sdk_expect bin/libzip.dll lib/pkgconfig/libzip.pc include/zip.h
    sdk_links '#include <zip.h>
int main() { return zip_libzip_version()[0] == 0; }' -lzip
}
