# Windows installer (cpack -G NSIS). Not buildable on the Debian build machines; kept here so a
# Windows build with windeployqt has the settings ready.
set(CPACK_NSIS_DISPLAY_NAME "Mostrador")
set(CPACK_NSIS_PACKAGE_NAME "Mostrador ${PROJECT_VERSION}")
set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\mostrador.exe)
set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_CREATE_ICONS_EXTRA
    "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Mostrador.lnk' '$INSTDIR\\\\bin\\\\mostrador.exe'")
set(CPACK_NSIS_DELETE_ICONS_EXTRA
    "Delete '$SMPROGRAMS\\\\$START_MENU\\\\Mostrador.lnk'")
# The installer icon (CPACK_NSIS_MUI_ICON) is to be made from resources/icons/mostrador.svg on
# the Windows build machine; no .ico is committed.
