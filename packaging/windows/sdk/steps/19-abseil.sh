# Abseil: libphonenumber 8.12 uses its hash sets, strings and synchronization.
SDK_SOURCE=(abseil 20220623.1-1+deb12u2)
SDK_DEPENDS=()
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    sdk_cmake "$source" -DBUILD_SHARED_LIBS=OFF -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DBUILD_TESTING=OFF \
        -DABSL_PROPAGATE_CXX_STD=ON -DCMAKE_CXX_STANDARD=17
}
sdk_check() {
    sdk_expect lib/cmake/absl/abslConfig.cmake lib/libabsl_strings.a
    sdk_links '#include <absl/strings/str_cat.h>
int main() { return absl::StrCat("a", 1).size() != 2; }' -labsl_strings -labsl_strings_internal -labsl_int128 -labsl_throw_delegate -labsl_raw_logging_internal
}
