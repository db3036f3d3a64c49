#!/usr/bin/env python3
"""Puts beside Mostrador's Windows programs every DLL and Qt plugin they need, and checks it.

  deploy.py copy  FOLDER --search DIR [--search DIR ...] [--qt-plugins DIR]
      Copies the Qt plugins Mostrador loads into FOLDER (platforms/, styles/, …), then every DLL
      that the programs and plugins in FOLDER import, found in the --search folders, until
      nothing imported is missing (what DLLs import is read from their import tables with
      objdump, as Windows' loader reads them).
  deploy.py check FOLDER
      Walks the imports of every .exe and .dll under FOLDER: each must be a DLL in FOLDER or one
      that Windows itself provides. Prints what is missing, by importer; exit 1 if anything is.
"""
import argparse
import pathlib
import re
import shutil
import subprocess
import sys

OBJDUMP = "x86_64-w64-mingw32-objdump"

# Qt's plugins that Mostrador loads (the folder beside the programs mirrors Qt's plugins/).
QT_PLUGINS = [
    "platforms/qwindows.dll",  # the Windows desktop
    "platforms/qoffscreen.dll",  # --screenshot and the tests without a display
    "styles/qwindowsvistastyle.dll",  # the native look of Windows 10 and 11
    "imageformats/qjpeg.dll",
    "imageformats/qgif.dll",
    "imageformats/qico.dll",
    "imageformats/qsvg.dll",
    "iconengines/qsvgicon.dll",
    "sqldrivers/qsqlite.dll",
    "sqldrivers/qsqlpsql.dll",  # team mode
    "tls/qschannelbackend.dll",  # HTTPS to Meta through Windows' own TLS
    "tls/qcertonlybackend.dll",
    "networkinformation/qnetworklistmanager.dll",
]

# DLLs that every Windows 10 and 11 has (the system's own, and the API sets it maps).
SYSTEM_DLLS = {
    name.lower()
    for name in """
    advapi32.dll authz.dll bcrypt.dll comctl32.dll comdlg32.dll crypt32.dll d3d11.dll d3d12.dll
    d3d9.dll dnsapi.dll dwmapi.dll dwrite.dll dxgi.dll gdi32.dll imm32.dll iphlpapi.dll kernel32.dll
    mpr.dll msvcrt.dll ncrypt.dll netapi32.dll ntdll.dll ole32.dll oleaut32.dll opengl32.dll
    rpcrt4.dll secur32.dll setupapi.dll shell32.dll shlwapi.dll user32.dll userenv.dll uxtheme.dll
    version.dll winmm.dll winspool.drv ws2_32.dll wtsapi32.dll normaliz.dll credui.dll
    shcore.dll cfgmgr32.dll dwmapi.dll wldap32.dll sspicli.dll propsys.dll ucrtbase.dll
    """.split()
}


def imports_of(binary):
    output = subprocess.run([OBJDUMP, "-p", str(binary)], capture_output=True, text=True, check=True).stdout
    return [match.group(1) for match in re.finditer(r"^\s*DLL Name: (\S+)", output, re.MULTILINE)]


def is_system(name):
    lower = name.lower()
    return lower in SYSTEM_DLLS or lower.startswith("api-ms-win-") or lower.startswith("ext-ms-")


def binaries_in(folder):
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".exe", ".dll") and p.is_file())


def copy(folder, search, plugins_dir):
    folder.mkdir(parents=True, exist_ok=True)
    if plugins_dir:
        for plugin in QT_PLUGINS:
            source = plugins_dir / plugin
            if not source.exists():
                sys.exit(f"deploy: the Qt plugin {plugin} is not in {plugins_dir}")
            (folder / plugin).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / plugin)
    by_name = {}
    for directory in search:
        for dll in directory.glob("*.dll"):
            by_name.setdefault(dll.name.lower(), dll)
    present = {p.name.lower() for p in folder.glob("*.dll")}
    pending = binaries_in(folder)
    while pending:
        binary = pending.pop()
        for name in imports_of(binary):
            lower = name.lower()
            if is_system(lower) or lower in present:
                continue
            if lower not in by_name:
                continue  # reported by check
            target = folder / by_name[lower].name
            shutil.copy2(by_name[lower], target)
            present.add(lower)
            pending.append(target)


def check(folder):
    present = {p.name.lower() for p in folder.glob("*.dll")}
    missing = {}
    binaries = binaries_in(folder)
    for binary in binaries:
        for name in imports_of(binary):
            if not is_system(name) and name.lower() not in present:
                missing.setdefault(name, []).append(str(binary.relative_to(folder)))
    for name, importers in sorted(missing.items()):
        print(f"missing {name}, imported by {', '.join(importers)}")
    print(f"{len(binaries)} programs and libraries checked, {len(missing)} DLL(s) missing")
    return 1 if missing else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["copy", "check"])
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--search", type=pathlib.Path, action="append", default=[])
    parser.add_argument("--qt-plugins", type=pathlib.Path)
    args = parser.parse_args()
    if args.action == "copy":
        copy(args.folder, args.search, args.qt_plugins)
        return check(args.folder)
    return check(args.folder)


if __name__ == "__main__":
    sys.exit(main())
