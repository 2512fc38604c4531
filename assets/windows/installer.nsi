; The Windows installer of Mediation Atlas (NSIS 3; scripts/package.sh windows builds it with
; Debian's makensis). It installs for the current user only, without administrator rights:
;   - the program in %LOCALAPPDATA%\Programs\Mediation Atlas,
;   - a Start-menu entry (and, if asked, one on the desktop),
;   - .atlas lesson packs opening by double-click (HKCU\Software\Classes),
;   - an uninstaller listed under "Apps & features".
; The uninstaller removes only what this installer put there: the user's library
; (%APPDATA%\Mediation Atlas\mediation-atlas) is never touched.
;
; makensis -DVERSION=0.1.0 -DEXE=path\to\mediation-atlas.exe -DICON=path\to\icon.ico
;          -DOUTFILE=path\to\setup.exe installer.nsi

; The program is 64-bit, and so is the installer (it then runs on 64-bit Windows only).
Target amd64-unicode
!include "MUI2.nsh"

!define APP "Mediation Atlas"
!define PROGID "MediationAtlas.LessonPack"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MediationAtlas"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} Setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\mediation-atlas.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The interface's languages; the installer follows the system's.
!insertmacro MUI_LANGUAGE "German"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Russian"

LangString DESKTOP ${LANG_GERMAN} "Verknüpfung auf dem Desktop"
LangString DESKTOP ${LANG_ENGLISH} "Shortcut on the desktop"
LangString DESKTOP ${LANG_RUSSIAN} "Ярлык на рабочем столе"
LangString LESSON ${LANG_GERMAN} "Mediation-Atlas-Lektion"
LangString LESSON ${LANG_ENGLISH} "Mediation Atlas lesson"
LangString LESSON ${LANG_RUSSIAN} "Урок Mediation Atlas"

Section "-${APP}"
    SetOutPath "$INSTDIR"
    File "/oname=mediation-atlas.exe" "${EXE}"
    WriteUninstaller "$INSTDIR\uninstall.exe"
    WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"

    CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\mediation-atlas.exe"

    ; Lesson packs open with the atlas by double-click.
    WriteRegStr HKCU "Software\Classes\.atlas" "" "${PROGID}"
    WriteRegStr HKCU "Software\Classes\.atlas" "Content Type" "application/x-mediation-atlas-lesson"
    WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(LESSON)"
    WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\mediation-atlas.exe,0"
    WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\mediation-atlas.exe" "%1"'

    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\mediation-atlas.exe,0"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
    SectionGetSize 0 $0
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0

    ; SHCNE_ASSOCCHANGED: Explorer shows the new icon of .atlas files at once.
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section /o "$(DESKTOP)"
    CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\mediation-atlas.exe"
SectionEnd

Section "Uninstall"
    Delete "$INSTDIR\mediation-atlas.exe"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    Delete "$SMPROGRAMS\${APP}.lnk"
    Delete "$DESKTOP\${APP}.lnk"
    ; The association goes only if it is still ours.
    ReadRegStr $0 HKCU "Software\Classes\.atlas" ""
    StrCmp $0 "${PROGID}" 0 +2
        DeleteRegKey HKCU "Software\Classes\.atlas"
    DeleteRegKey HKCU "Software\Classes\${PROGID}"
    DeleteRegKey HKCU "Software\${APP}"
    DeleteRegKey HKCU "${UNINSTALL_KEY}"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
