# Qt's base modules for Windows, with Debian's own Qt 6.4.2 as the host Qt (moc, rcc, uic…).
# Debian's tarball leaves out src/3rdparty/sqlite (the SQLite step gives the DLL instead) and
# src/3rdparty/wintab (tablet support is off: a shop's PC has no drawing tablet to serve).
# OpenGL stays on: without it 6.4.2's Windows platform plugin does not compile. TLS through
# Windows' own Schannel; QtDBus is built (it loads libdbus at run time, absent on Windows) so that
# the same code links on both systems.
SDK_SOURCE=(qt6-base 6.4.2+dfsg-10)
SDK_DEPENDS=(zlib sqlite libpq)
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    sdk_cmake "$source" \
        -DQT_HOST_PATH=/usr -DQT_HOST_PATH_CMAKE_DIR="$SDK_HOST_QT_CMAKE_DIR" \
        -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF -DBUILD_SHARED_LIBS=ON \
        -DFEATURE_tabletevent=OFF -DFEATURE_dbus=ON -DFEATURE_dbus_linked=OFF \
        -DFEATURE_openssl=OFF -DFEATURE_schannel=ON \
        -DFEATURE_system_zlib=ON -DFEATURE_system_sqlite=ON -DFEATURE_sql_sqlite=ON -DFEATURE_sql_psql=ON \
        -DFEATURE_sql_odbc=OFF -DFEATURE_sql_mysql=OFF -DFEATURE_sql_oci=OFF -DFEATURE_sql_ibase=OFF \
        -DFEATURE_sql_db2=OFF -DFEATURE_sql_mimer=OFF \
        -DFEATURE_system_pcre2=OFF -DFEATURE_system_harfbuzz=OFF -DFEATURE_system_freetype=OFF \
        -DFEATURE_system_png=OFF -DFEATURE_system_jpeg=OFF -DFEATURE_system_doubleconversion=OFF \
        -DFEATURE_freetype=ON -DFEATURE_fontconfig=OFF \
        -DZLIB_ROOT="$SDK_PREFIX" -DSQLite3_ROOT="$SDK_PREFIX" -DPostgreSQL_ROOT="$SDK_PREFIX"
}
sdk_check() {
    local module
    for module in Core Gui Widgets Network Sql Concurrent PrintSupport Test DBus OpenGL OpenGLWidgets; do
        sdk_expect "bin/Qt6$module.dll"
    done
    sdk_expect plugins/platforms/qwindows.dll plugins/platforms/qoffscreen.dll \
        plugins/sqldrivers/qsqlite.dll plugins/sqldrivers/qsqlpsql.dll plugins/tls/qschannelbackend.dll \
        plugins/styles/qwindowsvistastyle.dll lib/cmake/Qt6/qt.toolchain.cmake
    sdk_links '#include <QCoreApplication>
#include <QSqlDatabase>
int main(int argc, char **argv) { QCoreApplication app(argc, argv); return QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")) ? 0 : 1; }' \
        -I"$SDK_PREFIX/include/QtCore" -I"$SDK_PREFIX/include/QtSql" -lQt6Core -lQt6Sql
}
