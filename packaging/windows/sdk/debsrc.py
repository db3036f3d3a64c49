#!/usr/bin/env python3
"""Prints a deb-src list (deb822) for the Debian archives this machine already uses.

The Windows SDK fetches Debian's source packages with its own list so that the system's apt
configuration is left untouched. Reads one-line lists (sources.list, *.list) and deb822 files
(*.sources); keeps only Debian's own archives (those signed by debian-archive-keyring or whose
suites are bookworm's).
"""
import pathlib
import sys


def stanzas_from_deb822(text):
    for block in text.split("\n\n"):
        fields = {}
        for line in block.splitlines():
            if line.startswith("#") or ":" not in line or line.startswith(" "):
                continue
            key, value = line.split(":", 1)
            fields[key.strip()] = value.strip()
        if fields:
            yield fields


def stanzas_from_one_line(text):
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        words = line.split()
        if len(words) < 4 or words[0] != "deb":
            continue
        options = {}
        rest = words[1:]
        if rest[0].startswith("["):
            while True:
                option = rest.pop(0).strip("[]")
                if "=" in option:
                    key, value = option.split("=", 1)
                    options[key] = value
                if not rest or "]" in option or not rest[0] or rest[0].startswith("http") or rest[0].startswith("file"):
                    break
        fields = {"Types": "deb", "URIs": rest[0], "Suites": rest[1], "Components": " ".join(rest[2:])}
        if "signed-by" in options:
            fields["Signed-By"] = options["signed-by"]
        yield fields


def is_debian(fields):
    signed = fields.get("Signed-By", "")
    suites = fields.get("Suites", "")
    return "debian-archive-keyring" in signed or "bookworm" in suites


def main(paths):
    stanzas = []
    for path in map(pathlib.Path, paths):
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        for file in files:
            if not file.is_file():
                continue
            text = file.read_text(errors="replace")
            if file.suffix == ".sources":
                stanzas += stanzas_from_deb822(text)
            elif file.suffix == ".list" or file.name == "sources.list":
                stanzas += stanzas_from_one_line(text)
    written = 0
    for fields in stanzas:
        if "deb" not in fields.get("Types", "").split() or not is_debian(fields):
            continue
        print("Types: deb-src")
        for key in ("URIs", "Suites", "Components", "Signed-By"):
            if key in fields:
                print(f"{key}: {fields[key]}")
        print()
        written += 1
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
