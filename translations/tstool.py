#!/usr/bin/env python3
"""Small helper for Mostrador's Qt Linguist files (no Linguist GUI needed).

  tstool.py unfinished FILE.ts          list source texts still waiting for a translation (JSON)
  tstool.py apply FILE.ts MAP.json      fill translations from {"source": "translation"} or,
                                        for %n plurals, {"source": ["singular", "plural"]};
                                        "Context|source" keys apply to one context only
  tstool.py fill-en mostrador_en.ts     English is the source language: copy each source text
                                        (plurals need an entry in MAP.json via `apply`)

Run `cmake --build build --target update_translations` first so the .ts files know every string.
"""
import json
import sys
import xml.etree.ElementTree as ET


def load(path):
    tree = ET.parse(path)
    return tree, tree.getroot().iter("message")


def contexts(tree):
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def save(tree, path):
    ET.indent(tree, space="    ")
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")


def is_unfinished(message):
    translation = message.find("translation")
    return translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete")


def set_translation(message, value):
    translation = message.find("translation")
    for child in list(translation):
        translation.remove(child)
    translation.text = None
    if message.get("numerus") == "yes":
        forms = value if isinstance(value, list) else [value, value]
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        if isinstance(value, list):
            raise SystemExit(f"not a plural message: {message.findtext('source')!r}")
        translation.text = value
    translation.attrib.pop("type", None)


def main(argv):
    if len(argv) < 3:
        raise SystemExit(__doc__)
    command, path = argv[1], argv[2]
    tree, messages = load(path)
    if command == "unfinished":
        pending = [m.findtext("source") for m in messages if is_unfinished(m)]
        print(json.dumps(pending, ensure_ascii=False, indent=1))
        return
    if command == "apply":
        mapping = json.load(open(argv[3], encoding="utf-8"))
        for context, message in contexts(tree):
            source = message.findtext("source")
            specific = context + "|" + source
            if specific in mapping:
                set_translation(message, mapping[specific])
            elif source in mapping:
                set_translation(message, mapping[source])
    elif command == "fill-en":
        for message in messages:
            if is_unfinished(message) and message.get("numerus") != "yes":
                set_translation(message, message.findtext("source"))
    else:
        raise SystemExit(__doc__)
    save(tree, path)
    left = sum(1 for m in load(path)[1] if is_unfinished(m))
    print(f"{path}: {left} unfinished")


if __name__ == "__main__":
    main(sys.argv)
