# Google's libphonenumber: numbers as people type them. RE2 for its regular expressions, the
# standard library for threads and maps (no Boost), ICU's common library for characters, Abseil
# (linked in statically) as Debian's build has it; the metadata as Debian ships it.
SDK_SOURCE=(libphonenumber 8.12.57+ds-3)
SDK_DEPENDS=(protobuf re2 abseil googletest icu)
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    # Its default target builds its own tests as well (it needs GoogleTest's headers to configure):
    # only the DLL is built.
    SDK_TARGETS=phonenumber-shared sdk_cmake "$source/cpp" -DUSE_BOOST=OFF -DUSE_STDMUTEX=ON -DUSE_ICU_REGEXP=OFF -DUSE_RE2=ON \
        -DUSE_STD_MAP=ON -DBUILD_GEOCODER=OFF -DREGENERATE_METADATA=OFF -DBUILD_TESTING=OFF \
        -DBUILD_STATIC_LIB=OFF -DPROTOBUF_INCLUDE_DIR="$SDK_PREFIX/include" \
        -DPROTOBUF_LIB="$SDK_PREFIX/lib/libprotobuf.dll.a" -DPROTOC_BIN=/usr/bin/protoc \
        -DRE2_INCLUDE_DIR="$SDK_PREFIX/include" -DRE2_LIB="$SDK_PREFIX/lib/libre2.dll.a" \
        -DICU_UC_INCLUDE_DIR="$SDK_PREFIX/include" -DICU_UC_LIB="$SDK_PREFIX/lib/libicuuc.dll.a" \
        -DCMAKE_CXX_STANDARD=17 -Dabsl_DIR="$SDK_PREFIX/lib/cmake/absl"
}
sdk_check() {
    sdk_expect include/phonenumbers/phonenumberutil.h
    sdk_links '#include <phonenumbers/phonenumberutil.h>
int main() { return i18n::phonenumbers::PhoneNumberUtil::GetInstance() == nullptr; }' -lphonenumber -lprotobuf -lre2
}
