"""Build a notebook (.ipynb, no outputs) from a Java script in percent format, or back.

    python nbbuild.py notebook-dev/notebook-sources/NN-topic.java  -o notebooks/NN-topic.ipynb
    python nbbuild.py --extract notebooks/NN-topic.ipynb -o /tmp/NN-topic.java

Format: cells start with a marker line.
    //%% markdown          following lines are Markdown, each written as "// text"
    //%% code              a Java code cell
    //%% code parameters   a Java code cell tagged `parameters` (any further words are more tags)
    //%% metadata          a JSON object stored as the notebook's metadata.aelab
Anything before the first marker is ignored.
"""
import argparse
import json
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--extract", action="store_true")
    args = parser.parse_args()
    if args.extract:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(extract(nbformat.read(args.source, as_version=4)))
    else:
        nb = build(open(args.source, encoding="utf-8").read())
        nbformat.validate(nb)
        nbformat.write(nb, args.output)


if __name__ == "__main__":
    main()
