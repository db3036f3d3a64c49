# Google's libphonenumber (Debian: libphonenumber-dev), which ships no CMake or pkg-config file.
# Defines PhoneNumber::PhoneNumber.
find_path(PhoneNumber_INCLUDE_DIR phonenumbers/phonenumberutil.h)
find_library(PhoneNumber_LIBRARY phonenumber)
# Its classes derive from protobuf's: code that checks dynamic types (UndefinedBehaviorSanitizer)
# links protobuf itself (libphonenumber-dev depends on libprotobuf-dev).
find_library(PhoneNumber_PROTOBUF_LIBRARY protobuf)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(PhoneNumber REQUIRED_VARS PhoneNumber_LIBRARY PhoneNumber_INCLUDE_DIR)
if(PhoneNumber_FOUND AND NOT TARGET PhoneNumber::PhoneNumber)
    add_library(PhoneNumber::PhoneNumber UNKNOWN IMPORTED)
    set_target_properties(PhoneNumber::PhoneNumber PROPERTIES
        IMPORTED_LOCATION "${PhoneNumber_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${PhoneNumber_INCLUDE_DIR}")
    if(PhoneNumber_PROTOBUF_LIBRARY)
        set_target_properties(PhoneNumber::PhoneNumber PROPERTIES INTERFACE_LINK_LIBRARIES "${PhoneNumber_PROTOBUF_LIBRARY}")
    endif()
    if(WIN32)
        # The Windows SDK's libphonenumber is a static library (packaging/windows/sdk/steps):
        # what it uses comes along — protobuf's DLL, RE2, ICU's common library, Abseil.
        find_library(PhoneNumber_RE2_LIBRARY re2)
        find_library(PhoneNumber_ICU_LIBRARY icuuc)
        get_filename_component(phonenumber_libdir "${PhoneNumber_LIBRARY}" DIRECTORY)
        file(GLOB phonenumber_absl "${phonenumber_libdir}/libabsl_*.a")
        set_property(TARGET PhoneNumber::PhoneNumber APPEND PROPERTY INTERFACE_LINK_LIBRARIES
            ${PhoneNumber_RE2_LIBRARY} ${PhoneNumber_ICU_LIBRARY} "-Wl,--start-group" ${phonenumber_absl} "-Wl,--end-group")
        set_property(TARGET PhoneNumber::PhoneNumber APPEND PROPERTY INTERFACE_COMPILE_DEFINITIONS PROTOBUF_USE_DLLS I18N_PHONENUMBERS_USE_STDMUTEX)
    endif()
endif()
