# Qt Charts: the reports.
SDK_SOURCE=(qt6-charts 6.4.2-3)
SDK_DEPENDS=(qtbase)
sdk_build() { sdk_qt_module; }
sdk_check() {
    sdk_expect bin/Qt6Charts.dll
}
