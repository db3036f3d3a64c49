# Google's libphonenumber: numbers as people type them. RE2 for its regular expressions, the
# standard library for threads and maps (no Boost), ICU's common library for characters, Abseil
# as Debian's build has it; the metadata as Debian ships it. A static library: its shared build
# is off with RE2 (its CMake takes RE2's import library for a static one) and uses an ELF-only
# linker script. Programs link it with protobuf's DLL (PROTOBUF_USE_DLLS), RE2, ICU and Abseil's
# static libraries (cmake/FindPhoneNumber.cmake).
SDK_SOURCE=(libphonenumber 8.12.57+ds-3)
SDK_DEPENDS=(protobuf re2 abseil googletest icu)
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    # Its RE2 adapter does not compile in 8.12.57 (Debian builds with ICU's regexps and never
    # compiles it): RE2's StringPiece named unqualified, and a stray parenthesis in Match() (both
    # mended upstream later).
    sed -i -e '0,/^namespace phonenumbers {$/s//namespace phonenumbers {\nusing re2::StringPiece;/' \
        -e 's/matched_string, NULL, NULL), NULL, NULL, NULL);/matched_string, NULL, NULL, NULL, NULL, NULL);/' \
        "$source/cpp/src/phonenumbers/regexp_adapter_re2.cc"
    # Its default target builds its own tests as well (it needs GoogleTest's headers to configure):
    # only the library is built.
    SDK_TARGETS=phonenumber sdk_cmake "$source/cpp" -DCMAKE_CXX_FLAGS=-DPROTOBUF_USE_DLLS -DUSE_BOOST=OFF -DUSE_STDMUTEX=ON -DUSE_ICU_REGEXP=OFF -DUSE_RE2=ON \
        -DUSE_STD_MAP=ON -DBUILD_GEOCODER=OFF -DREGENERATE_METADATA=OFF -DBUILD_TESTING=OFF \
        -DBUILD_STATIC_LIB=ON -DPROTOBUF_INCLUDE_DIR="$SDK_PREFIX/include" \
        -DPROTOBUF_LIB="$SDK_PREFIX/lib/libprotobuf.dll.a" -DPROTOC_BIN=/usr/bin/protoc \
        -DRE2_INCLUDE_DIR="$SDK_PREFIX/include" -DRE2_LIB="$SDK_PREFIX/lib/libre2.dll.a" \
        -DICU_UC_INCLUDE_DIR="$SDK_PREFIX/include" -DICU_UC_LIB="$SDK_PREFIX/lib/libicuuc.dll.a" \
        -DCMAKE_CXX_STANDARD=17 -Dabsl_DIR="$SDK_PREFIX/lib/cmake/absl"
}
sdk_check() {
    sdk_expect include/phonenumbers/phonenumberutil.h lib/libphonenumber.a
    sdk_links '#include <phonenumbers/phonenumberutil.h>
int main() { return i18n::phonenumbers::PhoneNumberUtil::GetInstance() == nullptr; }' -DPROTOBUF_USE_DLLS -DI18N_PHONENUMBERS_USE_STDMUTEX \
        -lphonenumber -lprotobuf -lre2 -licuuc -Wl,--start-group "$SDK_PREFIX"/lib/libabsl_*.a -Wl,--end-group
}
