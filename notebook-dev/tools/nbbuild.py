"""Build a notebook (.ipynb, no outputs) from a Java script in percent format, or back.

    python nbbuild.py notebook-dev/notebook-sources/NN-topic.java  -o notebooks/NN-topic.ipynb
    python nbbuild.py --extract notebooks/NN-topic.ipynb -o /tmp/NN-topic.java
    python nbbuild.py --check notebook-dev/notebook-sources notebooks

--check rebuilds every notebook from its source in memory and exits 1, naming each notebook and its first
differing cell, when a committed .ipynb is not exactly what its source builds (or a source or notebook lacks
its counterpart).

Format: cells start with a marker line.
    //%% markdown          following lines are Markdown, each written as "// text"
    //%% code              a Java code cell
    //%% code parameters   a Java code cell tagged `parameters` (any further words are more tags)
    //%% metadata          a JSON object stored as the notebook's metadata.aelab
Anything before the first marker is ignored.
"""
import argparse
import json
import os
import sys

import nbformat

KERNELSPEC = {"name": "aelab", "display_name": "Java (aelab)", "language": "java"}


def build(text):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = {"name": "java"}
    kind, words, lines = None, [], []

    def flush():
        body = "\n".join(lines).strip("\n")
        if kind == "markdown":
            body = "\n".join(l[3:] if l.startswith("// ") else l[2:] if l.startswith("//") else l
                             for l in body.split("\n"))
            nb.cells.append(nbformat.v4.new_markdown_cell(body))
        elif kind == "code":
            cell = nbformat.v4.new_code_cell(body)
            if words:
                cell.metadata["tags"] = list(words)
            nb.cells.append(cell)
        elif kind == "metadata":
            nb.metadata["aelab"] = json.loads(body)

    for line in text.split("\n"):
        if line.startswith("//%%"):
            flush()
            parts = line[4:].split()
            if not parts or parts[0] not in ("markdown", "code", "metadata"):
                sys.exit(f"nbbuild: bad marker line {line!r}: use //%% markdown, //%% code [tags...] or //%% metadata")
            kind, words, lines = parts[0], parts[1:], []
        else:
            lines.append(line)
    flush()
    for cell in nb.cells:  # stable ids keep diffs small
        cell.pop("id", None)
    nb.nbformat_minor = 4
    return nb


def extract(nb):
    out = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            out.append("//%% markdown")
            out.extend(("// " + l).rstrip() for l in cell.source.split("\n"))
        elif cell.cell_type == "code":
            out.append(" ".join(["//%% code"] + cell.metadata.get("tags", [])))
            out.append(cell.source)
    if "aelab" in nb.metadata:
        out.append("//%% metadata")
        out.append(json.dumps(nb.metadata["aelab"], indent=1))
    return "\n".join(out) + "\n"


def text_of(nb):
    """The text nbformat.write writes for nb."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def first_difference(built, committed_text):
    """Where the committed notebook's text first departs from the built notebook: a cell, the metadata, or layout."""
    try:
        committed = json.loads(committed_text)
    except json.JSONDecodeError as e:
        return f"it is not valid JSON ({e})"
    expected = json.loads(text_of(built))
    cells, got = expected["cells"], committed.get("cells", [])
    for i in range(max(len(cells), len(got))):
        if i >= len(got):
            more = len(cells) - i - 1
            return (f"cell {i + 1} ({cells[i]['cell_type']}, {first_line(cells[i])!r})"
                    + (f" and the {more} after it are" if more else " is") + " missing")
        if i >= len(cells):
            return f"cell {i + 1} ({got[i].get('cell_type')}, {first_line(got[i])!r}) is not in the source"
        if cells[i] != got[i]:
            keys = sorted(k for k in set(cells[i]) | set(got[i]) if cells[i].get(k) != got[i].get(k))
            detail = ", ".join(keys)
            if "source" in keys:
                detail = f"source {line_difference(cells[i]['source'], got[i].get('source', ''))}"
            return f"cell {i + 1} ({cells[i]['cell_type']}, {first_line(cells[i])!r}) differs in {detail}"
    for key in sorted(set(expected) | set(committed)):
        if key != "cells" and expected.get(key) != committed.get(key):
            return f"the notebook's {key} differs"
    return f"the layout differs (same content), {line_difference(text_of(built), committed_text)}"


def first_line(cell):
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else source
    return source.split("\n", 1)[0]


def line_difference(expected, got):
    expected = "".join(expected) if isinstance(expected, list) else expected
    got = "".join(got) if isinstance(got, list) else got
    a, b = expected.split("\n"), got.split("\n")
    for k in range(max(len(a), len(b))):
        left = a[k] if k < len(a) else "<end>"
        right = b[k] if k < len(b) else "<end>"
        if left != right:
            return f"at line {k + 1}: the source builds {left!r}, the notebook has {right!r}"
    return "nowhere visible"


def check(source_dir, notebook_dir):
    """One message per notebook that is not exactly what its source builds, or that lacks a counterpart."""
    sources = {f[:-len(".java")] for f in os.listdir(source_dir) if f.endswith(".java")}
    notebooks = {f[:-len(".ipynb")] for f in os.listdir(notebook_dir) if f.endswith(".ipynb")}
    problems = []
    for name in sorted(notebooks - sources):
        problems.append(f"{os.path.join(notebook_dir, name)}.ipynb has no source {os.path.join(source_dir, name)}.java")
    for name in sorted(sources - notebooks):
        problems.append(f"{os.path.join(source_dir, name)}.java has no notebook {os.path.join(notebook_dir, name)}.ipynb")
    for name in sorted(sources & notebooks):
        source = os.path.join(source_dir, name + ".java")
        notebook = os.path.join(notebook_dir, name + ".ipynb")
        with open(source, encoding="utf-8") as f:
            built = build(f.read())
        with open(notebook, encoding="utf-8") as f:
            committed = f.read()
        if committed != text_of(built):
            problems.append(f"{notebook} is not what {source} builds: {first_difference(built, committed)}"
                            f" (rebuild: python {sys.argv[0]} {source} -o {notebook})")
    return problems, len(sources & notebooks)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", help="a percent-format .java file; with --check, the folder of them")
    parser.add_argument("notebooks", nargs="?", help="with --check: the folder of the .ipynb files")
    parser.add_argument("-o", "--output")
    parser.add_argument("--extract", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        if not args.notebooks:
            parser.error("--check needs the sources' folder and the notebooks' folder")
        problems, compared = check(args.source, args.notebooks)
        for problem in problems:
            print(problem)
        print(f"nbbuild --check: {compared} notebooks compared with their sources, {len(problems)} problems")
        sys.exit(1 if problems else 0)
    if not args.output or args.notebooks:
        parser.error("give one source and -o OUTPUT (or --check SOURCES NOTEBOOKS)")
    if args.extract:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(extract(nbformat.read(args.source, as_version=4)))
    else:
        nb = build(open(args.source, encoding="utf-8").read())
        nbformat.validate(nb)
        nbformat.write(nb, args.output)


if __name__ == "__main__":
    main()
