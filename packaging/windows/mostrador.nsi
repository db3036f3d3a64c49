; Mostrador's Windows installer (NSIS 3, Unicode, 64-bit). Made by scripts/windows:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with the programs and their DLLs>
;            -DICON=<mostrador.ico> -DOUTFILE=<…setup.exe> mostrador.nsi
;
; A shop's PC has no IT department: it installs for the user who runs it, without administrator
; rights, into that user's programs folder (%LOCALAPPDATA%\Programs\Mostrador). The shop's data
; (%LOCALAPPDATA%\Mostrador\Mostrador: the store, the customers' files, backups) is never in
; the programs' folder: installing a newer version over an older one keeps it, and uninstalling
; keeps it unless the person asks for it to go. /S installs (and uninstalls) silently.

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define PRODUCT "Mostrador"
!define PUBLISHER "The Mostrador team"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Mostrador"
!define DATA_FOLDER "$LOCALAPPDATA\Mostrador\Mostrador"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Mostrador"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} ${VERSION} setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\mostrador.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${STAGE}\docs\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The installer speaks Spanish on a Spanish Windows, English on any other.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Spanish"

LangString RemoveDataQuestion ${LANG_ENGLISH} "Also delete the shop's data on this PC (conversations, customers, their files and backups in ${DATA_FOLDER})?$\r$\n$\r$\nChoose No to keep it for a later installation."
LangString RemoveDataQuestion ${LANG_SPANISH} "¿Borrar también los datos de la tienda en este PC (conversaciones, clientes, sus archivos y copias de seguridad en ${DATA_FOLDER})?$\r$\n$\r$\nElija No para conservarlos para una instalación posterior."
LangString ServerShortcut ${LANG_ENGLISH} "Mostrador server (command line)"
LangString ServerShortcut ${LANG_SPANISH} "Servidor de Mostrador (línea de comandos)"
LangString GuideShortcut ${LANG_ENGLISH} "Mostrador guide"
LangString GuideShortcut ${LANG_SPANISH} "Guía de Mostrador"

Function .onInit
    SetShellVarContext current
FunctionEnd

Function un.onInit
    SetShellVarContext current
FunctionEnd

Section "Mostrador"
    ; A newer version replaces the programs of the older one; the data folder is elsewhere.
    RMDir /r "$INSTDIR\platforms"
    RMDir /r "$INSTDIR\styles"
    RMDir /r "$INSTDIR\imageformats"
    RMDir /r "$INSTDIR\iconengines"
    RMDir /r "$INSTDIR\sqldrivers"
    RMDir /r "$INSTDIR\tls"
    RMDir /r "$INSTDIR\networkinformation"
    Delete "$INSTDIR\*.dll"
    SetOutPath "$INSTDIR"
    File /r "${STAGE}\*.*"
    WriteUninstaller "$INSTDIR\uninstall.exe"

    CreateDirectory "$SMPROGRAMS\Mostrador"
    CreateShortCut "$SMPROGRAMS\Mostrador\Mostrador.lnk" "$INSTDIR\mostrador.exe" "" "$INSTDIR\mostrador.exe" 0
    CreateShortCut "$SMPROGRAMS\Mostrador\$(ServerShortcut).lnk" "$SYSDIR\cmd.exe" \
        '/k "cd /d "$INSTDIR" && mostrador-server.exe --help"' "$INSTDIR\mostrador-server.exe" 0
    StrCmp $LANGUAGE ${LANG_SPANISH} 0 +3
    CreateShortCut "$SMPROGRAMS\Mostrador\$(GuideShortcut).lnk" "$INSTDIR\docs\guide-es.md"
    Goto +2
    CreateShortCut "$SMPROGRAMS\Mostrador\$(GuideShortcut).lnk" "$INSTDIR\docs\guide-en.md"
    CreateShortCut "$DESKTOP\Mostrador.lnk" "$INSTDIR\mostrador.exe" "" "$INSTDIR\mostrador.exe" 0

    ; Listed in Settings ▸ Apps & features, for this user.
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\mostrador.exe,0"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
    Delete "$DESKTOP\Mostrador.lnk"
    RMDir /r "$SMPROGRAMS\Mostrador"
    RMDir /r "$INSTDIR"
    DeleteRegKey HKCU "${UNINSTALL_KEY}"
    ; The shop's data stays unless the person asks for it to go (never in silent mode).
    IfSilent keep
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(RemoveDataQuestion)" IDNO keep
    RMDir /r "${DATA_FOLDER}"
    keep:
SectionEnd
