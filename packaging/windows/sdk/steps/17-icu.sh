# ICU's common library, which libphonenumber needs for character properties (is this a digit?)
# and UTF-8 strings. Those properties are compiled into the library itself, so it is built with
# ICU's stub data instead of the 30 MB data library: nothing Mostrador runs asks ICU for data.
# ICU's own build needs a second, native ICU for its tools; the common library alone is 200
# files, built here from its sources.txt with a CMake project of our own.
SDK_SOURCE=(icu 72.1-3+deb12u1)
SDK_DEPENDS=()
sdk_build() {
    local source project=$SDK_WORK/icu-project
    source=$(sdk_source "${SDK_SOURCE[@]}")
    mkdir -p "$project"
    cat >"$project/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.16)
project(icuuc VERSION 72.1 LANGUAGES C CXX)
set(CMAKE_CXX_STANDARD 17)
file(STRINGS "$source/source/common/sources.txt" names)
list(TRANSFORM names PREPEND "$source/source/common/")
add_library(icuuc SHARED \${names} "$source/source/stubdata/stubdata.cpp")
target_include_directories(icuuc PRIVATE "$source/source/common")
target_compile_definitions(icuuc PRIVATE U_COMMON_IMPLEMENTATION U_ATTRIBUTE_DEPRECATED= U_STATIC_IMPLEMENTATION_DATA)
target_link_libraries(icuuc PRIVATE advapi32)
install(TARGETS icuuc RUNTIME DESTINATION bin ARCHIVE DESTINATION lib)
install(DIRECTORY "$source/source/common/unicode" DESTINATION include)
CMAKE
    sdk_cmake "$project"
    mkdir -p "$SDK_PREFIX/lib/pkgconfig"
    printf 'prefix=%s\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: icu-uc\nDescription: ICU common library (stub data)\nVersion: 72.1\nLibs: -L${libdir} -licuuc\nCflags: -I${includedir}\n' \
        "$SDK_PREFIX" >"$SDK_PREFIX/lib/pkgconfig/icu-uc.pc"
}
sdk_check() {
    sdk_expect bin/libicuuc.dll lib/libicuuc.dll.a include/unicode/uchar.h
    sdk_links '#include <unicode/uchar.h>
#include <unicode/unistr.h>
int main() { std::string out; icu::UnicodeString::fromUTF8("٣").toUTF8String(out); return !u_isdigit(0x0663) || out.empty(); }' -licuuc
}
