"""`make book`: execute every notebooks/*.ipynb in full mode (no quick overrides) and write each
executed notebook and its HTML export to build/book/, with an index.html linking them.
Exit 1 if any notebook did not run cleanly (it is still written, so its error can be read)."""
import argparse
import glob
import html
import json
import os
import subprocess
import sys

import nbformat

from run_notebook import notebook_title

TOOLS = os.path.dirname(os.path.abspath(__file__))
NOTEBOOKS = os.path.join(os.path.dirname(os.path.dirname(TOOLS)), "notebooks")


def title(path):
    return notebook_title(nbformat.read(path, as_version=4), path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--kernel", default="aelab")
    parser.add_argument("notebooks", nargs="*", help="default: every notebooks/*.ipynb")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    rows, failed = [], []
    for path in args.notebooks or sorted(glob.glob(os.path.join(NOTEBOOKS, "*.ipynb"))):
        name = os.path.splitext(os.path.basename(path))[0]
        subprocess.run([sys.executable, os.path.join(TOOLS, "run_notebook.py"), path, "--out", out,
                        "--mode", "full", "--kernel", args.kernel],
                       stdout=open(os.path.join(out, name + ".log"), "w"), stderr=subprocess.STDOUT, check=False)
        run_file = os.path.join(out, name + ".run.json")
        result = json.load(open(run_file)) if os.path.exists(run_file) else {"status": "runner failed", "seconds": 0}
        print(f"{name}: {result['status']} in {result['seconds']} s")
        if result["status"] != "ok":
            failed.append(name)
        rows.append((name, title(path), result))
    items = "\n".join(
        f'<tr><td><a href="{html.escape(n)}.html">{html.escape(t)}</a></td><td>{html.escape(r["status"])}</td>'
        f'<td>{r["seconds"]:.0f} s</td><td><a href="{html.escape(n)}.ipynb">{html.escape(n)}.ipynb</a></td></tr>'
        for n, t, r in rows)
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as index:
        index.write(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>aelab notebooks</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}td,th{{padding:.3em 1em;text-align:left}}</style>
</head><body><h1>aelab — Autoencoder Lab notebooks</h1>
<p>Executed in full mode by <code>make book</code>.</p>
<table><tr><th>notebook</th><th>status</th><th>run time</th><th>executed notebook</th></tr>
{items}
</table></body></html>
""")
    print(f"book: {len(rows)} notebook(s) -> {os.path.join(out, 'index.html')}")
    if failed:
        print(f"book: not clean: {', '.join(failed)} (see {out}/NAME.log and NAME.html)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
