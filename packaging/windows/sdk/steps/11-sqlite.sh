# SQLite as one DLL shared by Qt's QSQLITE driver and Mostrador's own prepared statements (they
# must be the same library: Mostrador runs statements on the connection Qt opened). Built from
# Debian's source with the options of Debian's debian/rules, plus FTS5 (Mostrador's search).
SDK_SOURCE=(sqlite3 3.40.1-2+deb12u2)
SDK_DEPENDS=()
sdk_build() {
    local source build=$SDK_WORK/build/sqlite
    source=$(sdk_source "${SDK_SOURCE[@]}")
    # The amalgamation (sqlite3.c) is generated on the build machine with tclsh.
    rm -rf "$build" && mkdir -p "$build"
    (cd "$build" && "$source/configure" --disable-tcl >/dev/null && make sqlite3.c sqlite3.h >/dev/null)
    "$SDK_CC" -O2 -shared -o "$build/sqlite3.dll" "$build/sqlite3.c" \
        -Wl,--out-implib,"$build/libsqlite3.dll.a" \
        -DSQLITE_API='__declspec(dllexport)' \
        -DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS3 \
        -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_FTS4 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE=1 \
        -DSQLITE_SOUNDEX=1 -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_OMIT_LOOKASIDE=1 -DSQLITE_ENABLE_DBSTAT_VTAB \
        -DSQLITE_ALLOW_ROWID_IN_VIEW -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1 -DSQLITE_ENABLE_LOAD_EXTENSION \
        -DSQLITE_ENABLE_JSON1 -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_THREADSAFE=1 \
        -DSQLITE_USE_URI=1 -DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_ENABLE_PREUPDATE_HOOK -DSQLITE_ENABLE_SESSION \
        -DSQLITE_ENABLE_STMTVTAB -DSQLITE_MAX_VARIABLE_NUMBER=250000
    mkdir -p "$SDK_PREFIX/bin" "$SDK_PREFIX/lib/pkgconfig" "$SDK_PREFIX/include"
    cp "$build/sqlite3.dll" "$SDK_PREFIX/bin/"
    cp "$build/libsqlite3.dll.a" "$SDK_PREFIX/lib/"
    cp "$build/sqlite3.h" "$source/src/sqlite3ext.h" "$SDK_PREFIX/include/" 2>/dev/null \
        || cp "$build/sqlite3.h" "$build/sqlite3ext.h" "$SDK_PREFIX/include/"
    printf 'prefix=%s\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: SQLite\nDescription: SQL database engine\nVersion: 3.40.1\nLibs: -L${libdir} -lsqlite3\nCflags: -I${includedir}\n' \
        "$SDK_PREFIX" >"$SDK_PREFIX/lib/pkgconfig/sqlite3.pc"
}
sdk_check() {
    sdk_expect bin/sqlite3.dll lib/libsqlite3.dll.a include/sqlite3.h
    sdk_links '#include <sqlite3.h>
int main() { return sqlite3_libversion_number() < 3040000 || !sqlite3_compileoption_used("ENABLE_FTS5"); }' -lsqlite3
}
