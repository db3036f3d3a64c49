# Qt WebSockets: Qt HTTP Server needs it.
SDK_SOURCE=(qt6-websockets 6.4.2-1)
SDK_DEPENDS=(qtbase)
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    sdk_qt_cmake "$source"
}
sdk_check() {
    sdk_expect bin/Qt6WebSockets.dll
}
