# Compile options shared by every Mostrador target: strict warnings, Qt's safety macros.
function(mostrador_set_compile_options target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
        -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
    # The same rule in each compiler's words (clang builds the sanitizer and fuzzing build).
    if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        target_compile_options(${target} PRIVATE -Wshadow-uncaptured-local)
    else()
        target_compile_options(${target} PRIVATE -Wshadow=local)
    endif()
    if(MOSTRADOR_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_CONTEXTLESS_CONNECT
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_USE_QSTRINGBUILDER
        QT_DISABLE_DEPRECATED_UP_TO=0x060400)
endfunction()

# Records a target's sources so that translations/ can hand every translatable file to
# qt_add_translations (which otherwise scans only its own target).
function(mostrador_collect_translatable_sources target)
    get_target_property(sources ${target} SOURCES)
    get_target_property(source_dir ${target} SOURCE_DIR)
    set(absolute)
    foreach(source IN LISTS sources)
        if(source MATCHES "\\.(cpp|h)$")
            cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${source_dir} OUTPUT_VARIABLE path)
            list(APPEND absolute ${path})
        endif()
    endforeach()
    set_property(GLOBAL APPEND PROPERTY MOSTRADOR_TRANSLATABLE_SOURCES ${absolute})
endfunction()
