# Debian package (cpack -G DEB). shlibdeps finds the libraries the binaries link; it cannot see
# what Qt loads at run time as plugins, so those packages are declared by hand.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qt6-qpa-plugins, libqt6sql6-sqlite, libqt6svg6, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, libqt6sql6-psql")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"WhatsApp helpdesk for small shops
 Mostrador puts a shop's WhatsApp customer chats in one fast desktop inbox on
 the official WhatsApp Business Cloud API, with the history kept locally, ready
 answers, automatic replies outside opening hours and a clear view of the
 24-hour reply window.")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
