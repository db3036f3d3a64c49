# macOS disk image (cpack -G DragNDrop). Not buildable on the Debian build machines; kept here
# so a macOS build with macdeployqt has the settings ready.
set(CPACK_DMG_VOLUME_NAME "Mostrador")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_BUNDLE_NAME Mostrador)
