# Qt Charts: the reports.
SDK_SOURCE=(qt6-charts 6.4.2-3)
SDK_DEPENDS=(qtbase)
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    sdk_qt_cmake "$source"
}
sdk_check() {
    sdk_expect bin/Qt6Charts.dll
}
