# RE2: libphonenumber's regular expressions (instead of ICU's, which would need ICU's 30 MB of data).
SDK_SOURCE=(re2 20220601+dfsg-1)
SDK_DEPENDS=()
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    # Debian's tarball leaves out the generated tables: made again here as debian/rules does, from
    # Debian's unicode-data.
    (cd "$source" && perl re2/make_perl_groups.pl >re2/perl_groups.cc \
        && python3 re2/make_unicode_casefold.py >re2/unicode_casefold.cc \
        && python3 re2/make_unicode_groups.py >re2/unicode_groups.cc)
    sdk_cmake "$source" -DBUILD_SHARED_LIBS=ON -DRE2_BUILD_TESTING=OFF
}
sdk_check() {
    sdk_expect bin/libre2.dll include/re2/re2.h
    sdk_links '#include <re2/re2.h>
int main() { return !RE2::FullMatch("300 555 1234", "[0-9 ]+"); }' -lre2
}
