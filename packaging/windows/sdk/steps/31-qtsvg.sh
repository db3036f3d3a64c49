# Qt SVG: the product's icons are SVG files.
SDK_SOURCE=(qt6-svg 6.4.2-2)
SDK_DEPENDS=(qtbase)
sdk_build() { sdk_qt_module; }
sdk_check() {
    sdk_expect bin/Qt6Svg.dll plugins/imageformats/qsvg.dll plugins/iconengines/qsvgicon.dll
}
