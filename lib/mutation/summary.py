"""Killed share of PIT's mutants per package and overall, from its XML report.

    python3 lib/mutation/summary.py lib/target/pit-reports/mutations.xml [--survivors] [--package org.aelab.nn]

A mutant counts as killed when a test detected it (PIT's KILLED, TIMED_OUT, MEMORY_ERROR, RUN_ERROR), and
as alive when it SURVIVED or no test ran its code (NO_COVERAGE). --survivors lists the live ones by class
and line, with PIT's description of the change.
"""
import argparse
import collections
import sys
import xml.etree.ElementTree as ET

DETECTED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR", "NON_VIABLE"}


def package_of(cls):
    return cls.rsplit(".", 1)[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report")
    parser.add_argument("--survivors", action="store_true", help="list every mutant that no test killed")
    parser.add_argument("--package", help="only this package (with --survivors)")
    args = parser.parse_args()
    try:
        mutations = ET.parse(args.report).getroot().findall("mutation")
    except (OSError, ET.ParseError) as e:
        sys.exit(f"cannot read PIT report {args.report}: {e}")
    if not mutations:
        sys.exit(f"PIT report {args.report} holds no mutation")

    counts = collections.defaultdict(collections.Counter)
    alive = []
    for m in mutations:
        cls = m.findtext("mutatedClass")
        status = m.get("status")
        package = package_of(cls)
        counts[package][status] += 1
        if status not in DETECTED:
            alive.append((package, cls, int(m.findtext("lineNumber")), status, m.findtext("mutatedMethod"),
                          m.findtext("description")))

    print(f"{'package':<20} {'mutants':>7} {'killed':>7} {'survived':>8} {'no cover':>8} {'killed %':>8}")
    total = collections.Counter()
    for package in sorted(counts):
        c = counts[package]
        total.update(c)
        print(row(package, c))
    print(row("overall", total))

    if args.survivors:
        print()
        for package, cls, line, status, method, description in sorted(alive):
            if args.package and package != args.package:
                continue
            print(f"{cls.rsplit('.', 1)[1]}:{line} {method} {status}: {description}")


def row(name, c):
    n = sum(c.values())
    killed = sum(c[s] for s in DETECTED)
    return (f"{name:<20} {n:>7} {killed:>7} {c['SURVIVED']:>8} {c['NO_COVERAGE']:>8} "
            f"{100.0 * killed / n:>7.1f}%")


if __name__ == "__main__":
    main()
