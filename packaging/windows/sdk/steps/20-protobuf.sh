# protobuf's runtime, which libphonenumber's metadata classes derive from. protoc is the build
# machine's (Debian's protobuf-compiler, the same version).
SDK_SOURCE=(protobuf 3.21.12-3+deb12u1)
SDK_DEPENDS=()
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    sdk_cmake "$source" -Dprotobuf_BUILD_TESTS=OFF -Dprotobuf_BUILD_PROTOC_BINARIES=OFF \
        -Dprotobuf_BUILD_SHARED_LIBS=ON -Dprotobuf_WITH_ZLIB=OFF -Dprotobuf_BUILD_LIBPROTOC=OFF
}
sdk_check() {
    sdk_expect bin/libprotobuf.dll include/google/protobuf/message_lite.h
    sdk_links '#include <google/protobuf/stubs/common.h>
int main() { return GOOGLE_PROTOBUF_VERSION < 3021000; }' -lprotobuf
}
