#!/usr/bin/env python3
"""Reads the GoogleTest XML reports of the Windows suites run under Wine and prints, per suite,
how many tests passed, failed and were skipped, with each failure's first line and each skip's
reason; then one closing line with the totals.

  gtest_summary.py SUITE=REPORT.xml [SUITE=REPORT.xml ...]

A suite whose report is missing (the program crashed or never started) counts as one failure.
Exit status 0 when nothing failed.
"""
import sys
import xml.etree.ElementTree as ElementTree


def summarise(suite, path):
    passed, failed, skipped = 0, [], []
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        return 0, [f"{suite}: no report ({error}); the program crashed or did not start"], []
    for case in root.iter("testcase"):
        name = f"{case.get('classname')}.{case.get('name')}"
        failure = case.find("failure")
        skip = case.find("skipped")
        if failure is not None:
            message = (failure.get("message") or failure.text or "").strip().splitlines()
            failed.append(f"{name}: {message[0] if message else 'failed'}")
        elif skip is not None or case.get("result") == "skipped":
            reason = ((skip.get("message") if skip is not None else "") or "").strip()
            reason = reason.splitlines()[-1] if reason else "no reason given"
            skipped.append(f"{name}: {reason}")
        elif case.get("status", "run") == "run":
            passed += 1
    return passed, failed, skipped


def main(arguments):
    total_passed = total_failed = total_skipped = 0
    for argument in arguments:
        suite, path = argument.split("=", 1)
        passed, failed, skipped = summarise(suite, path)
        print(f"{suite}: {passed} passed, {len(failed)} failed, {len(skipped)} skipped")
        for line in failed:
            print(f"  FAILED  {line}")
        for line in skipped:
            print(f"  skipped {line}")
        total_passed += passed
        total_failed += len(failed)
        total_skipped += len(skipped)
    print(f"windows: {total_passed} passed, {total_failed} failed, {total_skipped} skipped")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
