# The Windows side of the two programs: icon and version information in each .exe, the icon
# drawn from resources/icons/mostrador.svg at build time (rsvg-convert and ImageMagick on the
# build machine), and the programs' run-time folder beside the DLLs (scripts/windows deploys them).
find_program(RSVG_CONVERT rsvg-convert REQUIRED)
find_program(IMAGEMAGICK_CONVERT convert REQUIRED)
set(MOSTRADOR_ICO ${CMAKE_CURRENT_BINARY_DIR}/mostrador.ico)
set(icon_sizes 16 24 32 48 64 128 256)
set(icon_pngs)
foreach(size IN LISTS icon_sizes)
    list(APPEND icon_pngs ${CMAKE_CURRENT_BINARY_DIR}/icon-${size}.png)
endforeach()
set(icon_commands)
foreach(size IN LISTS icon_sizes)
    list(APPEND icon_commands COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} ${PROJECT_SOURCE_DIR}/resources/icons/mostrador.svg
         -o ${CMAKE_CURRENT_BINARY_DIR}/icon-${size}.png)
endforeach()
add_custom_command(OUTPUT ${MOSTRADOR_ICO}
    ${icon_commands}
    COMMAND ${IMAGEMAGICK_CONVERT} ${icon_pngs} ${MOSTRADOR_ICO}
    DEPENDS ${PROJECT_SOURCE_DIR}/resources/icons/mostrador.svg
    COMMENT "Drawing mostrador.ico")
add_custom_target(mostrador_windows_icon DEPENDS ${MOSTRADOR_ICO})

# mostrador_add_windows_resources(TARGET DESCRIPTION)
function(mostrador_add_windows_resources target description)
    set(MOSTRADOR_RC_FILE ${target})
    set(MOSTRADOR_RC_DESCRIPTION ${description})
    configure_file(${CMAKE_CURRENT_SOURCE_DIR}/windows/program.rc.in ${CMAKE_CURRENT_BINARY_DIR}/${target}.rc @ONLY)
    target_sources(${target} PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/${target}.rc)
    set_source_files_properties(${CMAKE_CURRENT_BINARY_DIR}/${target}.rc PROPERTIES OBJECT_DEPENDS ${MOSTRADOR_ICO})
    add_dependencies(${target} mostrador_windows_icon)
endfunction()

mostrador_add_windows_resources(mostrador "Mostrador — WhatsApp helpdesk for shops")
mostrador_add_windows_resources(mostrador-server "Mostrador server and command-line tools")
