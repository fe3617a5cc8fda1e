"""Print the summary of `make test`: tests per module from the Surefire reports, the notebook report,
and a closing line `N passed, N failed`. Exit 1 if no test ran or any failed."""
import argparse
import glob
import os
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def kernel_description():
    """The backend of the installed `aelab` kernelspec, as kernelspec.py recorded it."""
    try:
        from jupyter_client.kernelspec import KernelSpecManager
        spec = KernelSpecManager().get_kernel_spec("aelab")
    except Exception as error:
        return f"no aelab kernelspec ({type(error).__name__})"
    aelab = spec.metadata.get("aelab", {})
    built = aelab.get("built_from") or aelab.get("based_on")
    return f"aelab -> {aelab.get('backend', 'unknown')}" + (f" ({built})" if built else "")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, help="wall time of the test run")
    args = parser.parse_args()
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    print("\n== aelab test summary ==")
    print(f"kernel: {kernel_description()}")
    reasons = []
    for module in ("lib", "notebook-dev"):
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for report in glob.glob(os.path.join(ROOT, module, "target", "surefire-reports", "TEST-*.xml")):
            suite = ET.parse(report).getroot()
            for key in counts:
                counts[key] += int(suite.get(key, 0))
            for case in suite.iter("testcase"):
                for skipped in case.iter("skipped"):
                    reason = skipped.get("message") or (skipped.text or "").strip().split("\n")[0]
                    reason = reason.split("Assumption failed: ", 1)[-1] or "no reason given"
                    reasons.append(f"skipped {case.get('classname', '').split('.')[-1]}.{case.get('name')}: {reason}")
        failed = counts["failures"] + counts["errors"]
        passed = counts["tests"] - failed - counts["skipped"]
        totals["passed"] += passed
        totals["failed"] += failed
        totals["skipped"] += counts["skipped"]
        print(f"{module:12s} {counts['tests']:4d} tests: {passed} passed, {failed} failed, {counts['skipped']} skipped")
    for reason in reasons:
        print(reason)
    report = os.path.join(ROOT, "notebook-dev", "target", "report.md")
    if os.path.exists(report):
        print("\n" + open(report, encoding="utf-8").read().rstrip())
    if args.seconds is not None:
        print(f"\nmvn verify wall time: {args.seconds} s")
    line = f"{totals['passed']} passed, {totals['failed']} failed"
    if totals["skipped"]:
        line += f", {totals['skipped']} skipped"
    print(line)
    ran = totals["passed"] + totals["failed"]
    sys.exit(0 if ran > 0 and totals["failed"] == 0 else 1)


if __name__ == "__main__":
    main()
