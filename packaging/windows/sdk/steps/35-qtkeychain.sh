# QtKeychain: the shop's secrets in Windows' Credential Manager.
SDK_SOURCE=(qtkeychain 0.13.2-5)
SDK_DEPENDS=(qtbase)
sdk_build() {
    local source
    source=$(sdk_source "${SDK_SOURCE[@]}")
    sdk_cmake "$source" -DCMAKE_TOOLCHAIN_FILE="$SDK_PREFIX/lib/cmake/Qt6/qt.toolchain.cmake" \
        -DBUILD_WITH_QT6=ON -DBUILD_TRANSLATIONS=OFF -DBUILD_TEST_APPLICATION=OFF -DUSE_CREDENTIAL_STORE=ON
}
sdk_check() {
    sdk_expect bin/libqt6keychain.dll lib/cmake/Qt6Keychain/Qt6KeychainConfig.cmake
}
