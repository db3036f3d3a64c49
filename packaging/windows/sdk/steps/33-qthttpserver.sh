# Qt HTTP Server: the webhook receiver, the team server and the sandbox.
SDK_SOURCE=(qt6-httpserver 6.4.2-1)
SDK_DEPENDS=(qtbase qtwebsockets)
sdk_build() { sdk_qt_module; }
sdk_check() {
    sdk_expect bin/Qt6HttpServer.dll
    sdk_links '#include <QHttpServer>
int main() { QHttpServer server; return 0; }' -I"$SDK_PREFIX/include/QtCore" -I"$SDK_PREFIX/include/QtNetwork" \
        -I"$SDK_PREFIX/include/QtHttpServer" -lQt6HttpServer -lQt6Network -lQt6Core
}
