# Qt WebSockets: Qt HTTP Server needs it.
SDK_SOURCE=(qt6-websockets 6.4.2-1)
SDK_DEPENDS=(qtbase)
sdk_build() { sdk_qt_module; }
sdk_check() {
    sdk_expect bin/Qt6WebSockets.dll
}
