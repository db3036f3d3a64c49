#!/usr/bin/env python3
"""Checks that the code keeps its layers (docs/architecture.md).

- core/ never includes ui/ or app/, nor a Qt Widgets or Qt Gui header;
- ui/ never includes app/;
- each folder of core/ includes only the folders below it in the rules here (at least: db/, the
  database itself, includes no feature; api includes no db/);
- the folders of core/ include each other without a cycle;
- a folder is a feature: there is no core/store/ holding every feature's SQL; Qt SQL (any QSql
  name) appears only in core/db/ and in a feature's store class (a file named *store.cpp);
- tests/ mirrors the tree: every folder of tests/core, tests/ui and tests/app names a folder of
  core/, ui/ or app/.

Prints every problem with the file and line, and exits 1 when there is any.
"""

import os
import re
import sys
from pathlib import Path

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2])
QT_INCLUDE = Path(os.environ.get("QT_INCLUDE_DIR", "/usr/include/x86_64-linux-gnu/qt6"))

# What each folder of core/ may include besides itself. A folder not listed may include any
# core folder that does not make a cycle; these are the foundations others build on.
MAY_INCLUDE = {
    "common": set(),
    "messaging": set(),
    "secrets": set(),
    "i18n": set(),
    "identity": {"messaging"},
    "api": {"common", "messaging"},
    "db": {"common", "messaging"},
    "conversations": {"common", "db", "messaging"},
    "customers": {"common", "db", "messaging"},
    "privacy": {"commerce", "common", "conversations", "db", "messaging"},
    "reports": {"automation", "commerce", "common", "conversations", "db", "identity", "messaging"},
    "import": {"common", "conversations", "customers", "db", "identity", "messaging"},
    "commerce": {"api", "common", "conversations", "db", "messaging", "outbox"},
    "campaigns": {"api", "commerce", "common", "conversations", "db", "identity", "messaging", "outbox", "reports"},
}
# Said outright, so the message names the rule the issue asked for.
MUST_NOT_INCLUDE = {
    "api": {"db", "webhook", "outbox", "automation", "services", "team"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCE_SUFFIXES = {".h", ".cpp"}


def sources(folder):
    for path in sorted((ROOT / folder).rglob("*")):
        if path.suffix in SOURCE_SUFFIXES and path.is_file():
            yield path


def includes(path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = INCLUDE.match(line)
        if match:
            yield number, match.group(1), match.group(2)


def is_gui_header(name):
    return any((QT_INCLUDE / module / name).exists() for module in ("QtWidgets", "QtGui")) or \
        name.startswith(("QtWidgets/", "QtGui/"))


def core_folder_of(path):
    relative = path.relative_to(ROOT / "core")
    return relative.parts[0] if len(relative.parts) > 1 else None


def resolve(including, name):
    """Which tree a quoted include lands in: core, ui or app (or None for generated files)."""
    beside = including.parent / name
    if beside.exists():
        return beside
    for tree in ("core", "ui", "app/desktop", "app/server"):
        candidate = ROOT / tree / name
        if candidate.exists():
            return candidate
    return None


def find_cycle(graph):
    state = {}
    stack = []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for following in sorted(graph.get(node, ())):
            if state.get(following) == "open":
                return stack[stack.index(following):] + [following]
            if following not in state:
                cycle = visit(following)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def main():
    problems = []
    graph = {}
    for path in sources("core"):
        folder = core_folder_of(path)
        for number, kind, name in includes(path):
            where = f"{path.relative_to(ROOT)}:{number}"
            if kind == "<":
                if is_gui_header(name):
                    problems.append(f"{where}: core includes the GUI header <{name}>")
                continue
            target = resolve(path, name)
            if target is None:
                continue
            tree = target.relative_to(ROOT).parts[0]
            if tree in ("ui", "app"):
                problems.append(f"{where}: core includes {tree}/ ({name})")
                continue
            target_folder = core_folder_of(target)
            if not folder or not target_folder or target_folder == folder:
                continue
            graph.setdefault(folder, set()).add(target_folder)
            if target_folder in MUST_NOT_INCLUDE.get(folder, ()):
                problems.append(f"{where}: {folder}/ must not include {target_folder}/ ({name})")
            elif folder in MAY_INCLUDE and target_folder not in MAY_INCLUDE[folder]:
                problems.append(f"{where}: {folder}/ may include only {sorted(MAY_INCLUDE[folder]) or 'nothing else'}, "
                                f"not {target_folder}/ ({name})")
    for path in sources("ui"):
        for number, kind, name in includes(path):
            target = resolve(path, name) if kind == '"' else None
            if target is not None and target.relative_to(ROOT).parts[0] == "app":
                problems.append(f"{path.relative_to(ROOT)}:{number}: ui includes app/ ({name})")

    cycle = find_cycle(graph)
    if cycle:
        problems.append("core has a folder cycle: " + " -> ".join(cycle))

    if (ROOT / "core" / "store").exists():
        problems.append("core/store/ is back: a store class lives in its feature's folder, the database in core/db/")
    for tree in ("core", "ui", "app"):
        for path in sources(tree):
            relative = path.relative_to(ROOT)
            if relative.parts[:2] == ("core", "db") or path.name.endswith("store.cpp"):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if re.search(r"\bQSql\w*", line):
                    problems.append(f"{relative}:{number}: Qt SQL outside core/db/ and the store classes ({line.strip()})")

    for tree in ("core", "ui", "app"):
        for folder in sorted(path for path in (ROOT / "tests" / tree).rglob("*") if path.is_dir()):
            mirrored = ROOT / folder.relative_to(ROOT / "tests")
            if not mirrored.is_dir() and not folder.name.endswith("_autogen"):
                problems.append(f"{folder.relative_to(ROOT)}/ mirrors no folder ({mirrored.relative_to(ROOT)}/ does not exist)")

    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} layer problem(s); see docs/architecture.md")
        return 1
    print(f"layers kept: {len(graph)} core folders, no cycle, Qt SQL only in core/db/ and *store.cpp, tests mirror the tree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
