"""Execute one aelab notebook headless and export it to HTML.

    python run_notebook.py notebooks/01-one-hot-8-3-8.ipynb --out notebook-dev/target/executed --mode quick

Quick mode inserts, right after the code cell tagged `parameters`, a code cell tagged
`injected-parameters` holding the Java lines of the notebook's `metadata.aelab.quick` (papermill's
convention). Full mode runs the notebook as written. `--inject FILE` adds the lines of a JSON list
after the quick ones (used by the bad-input test).

Cells run in order in one kernel, with the notebook's directory as working directory; execution
stops at the first cell that fails. `--probe` then runs one more cell in the same kernel to show that
the kernel survived the error. Writes OUT/NAME.ipynb, OUT/NAME.html and OUT/NAME.run.json:
    {"notebook", "mode", "seconds", "status": ok|cell-error|timeout|kernel-died|no-kernel,
     "failed_cell", "message", "probe": text printed by the probe cell or null}
Exit code 0 whenever those files were written (the caller judges the outcome), 2 on bad usage.
"""
import argparse
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

TOOLS = os.path.dirname(os.path.abspath(__file__))
# Seconds for a new kernel to answer kernel_info (healthy ones answered in 1-8 s on a busy 2-core machine).
# A kernel that does not answer is not started again: the notebook fails with status no-kernel.
STARTUP_SECONDS = 60
PROBE_SOURCE = 'System.out.println("KERNEL-ALIVE " + (6 * 7));'


def fail(message):
    print(f"run_notebook: {message}", file=sys.stderr)
    sys.exit(2)


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def inject_parameters(nb, path, lines):
    """Insert a cell tagged injected-parameters after the one tagged parameters."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "parameters" in tags(cell):
            injected = nbformat.v4.new_code_cell("\n".join(lines))
            injected.metadata["tags"] = ["injected-parameters"]
            nb.cells.insert(index + 1, injected)
            return
    fail(f"{path}: no code cell is tagged 'parameters' (every aelab notebook needs one; see README)")


def quick_lines(nb, path):
    quick = nb.metadata.get("aelab", {}).get("quick")
    if quick is None:
        return []
    if not isinstance(quick, list) or not all(isinstance(line, str) for line in quick):
        fail(f"{path}: metadata.aelab.quick must be a list of Java source lines, got {quick!r}")
    return quick


PLOTLY_MIME = "application/vnd.plotly.v1+json"


def notebook_title(nb, path):
    """The notebook's first Markdown heading, else its file name without extension."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return os.path.splitext(os.path.basename(path))[0]


def has_plotly(nb):
    return any(PLOTLY_MIME in output.get("data", {})
               for cell in nb.cells if cell.cell_type == "code" for output in cell.get("outputs", []))


def plotly_js():
    """plotly.min.js from the Python plotly package: the plotly.js that JupyterLab's Plotly extension
    (the same package) draws with, so the export and Lab show the same figures."""
    try:
        from plotly.offline import get_plotlyjs
    except ImportError:
        fail("the Python package plotly is missing (pip install -r notebook-dev/requirements.txt): "
             "the HTML export inlines its plotly.js")
    return get_plotlyjs()


def export_html(nb, html_path, source_path=None):
    """A self-contained page: titled after the notebook, plotly.js inlined once when a figure needs
    it (each figure's text/html output draws its JSON with window.Plotly), no MathJax, nothing
    fetched from the network."""
    exporter = HTMLExporter(template_name="aelab", extra_template_basedirs=[os.path.join(TOOLS, "templates")])
    resources = {"metadata": {"name": notebook_title(nb, source_path or html_path)},
                 "aelab_plotly_js": plotly_js() if has_plotly(nb) else ""}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    with open(html_path, "w", encoding="utf-8") as out:
        out.write(body)


def run_cells(nb, args, timeout, path, result):
    """Runs the cells in a new kernel, recording the outcome in `result`."""
    client = NotebookClient(nb, kernel_name=args.kernel, timeout=timeout, allow_errors=False,
                            startup_timeout=STARTUP_SECONDS, coalesce_streams=True, record_timing=True, resources={"metadata": {"path": os.path.dirname(path)}})
    try:
        with client.setup_kernel():
            info = client.wait_for_reply(client.kc.kernel_info())
            if info:
                nb.metadata["language_info"] = info["content"].get("language_info", {})
            for index, cell in enumerate(nb.cells):
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as error:
                    result.update(status="cell-error", failed_cell=index, message=str(error)[-4000:])
                    break
                except CellTimeoutError as error:
                    result.update(status="timeout", failed_cell=index,
                                  message=f"cell {index} ran longer than {timeout} s: {str(error)[-1000:]}")
                    break
                except DeadKernelError as error:
                    result.update(status="kernel-died", failed_cell=index, message=str(error)[-2000:])
                    break
            if args.probe and result["status"] != "kernel-died":
                probe = nbformat.v4.new_code_cell(PROBE_SOURCE)
                probe.metadata["tags"] = ["kernel-probe"]
                nb.cells.append(probe)
                try:
                    client.execute_cell(probe, len(nb.cells) - 1)
                    result["probe"] = "".join(o.get("text", "") for o in probe.outputs if o.output_type == "stream")
                except Exception as error:  # the kernel did not survive: the caller reports it
                    result["probe"] = f"probe failed: {type(error).__name__}: {error}"
    except Exception as error:  # kernel could not start (no kernelspec, java missing, no answer, ...)
        if result["status"] == "ok":
            result.update(status="no-kernel", message=f"{type(error).__name__}: {error}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebook")
    parser.add_argument("--out", required=True)
    parser.add_argument("--mode", choices=("quick", "full"), default="quick")
    parser.add_argument("--kernel", default="aelab")
    parser.add_argument("--cell-timeout", type=int, default=None,
                        help="seconds per cell (default 300 in quick mode, 3600 in full mode)")
    parser.add_argument("--inject", help="JSON file: list of Java lines to add to the injected cell")
    parser.add_argument("--probe", action="store_true")
    args = parser.parse_args()

    path = os.path.abspath(args.notebook)
    name = os.path.splitext(os.path.basename(path))[0]
    nb = nbformat.read(path, as_version=4)
    lines = quick_lines(nb, path) if args.mode == "quick" else []
    if args.inject:
        lines = lines + json.load(open(args.inject, encoding="utf-8"))
    if lines:
        inject_parameters(nb, path, lines)
    timeout = args.cell_timeout if args.cell_timeout is not None else (300 if args.mode == "quick" else 3600)

    result = {"notebook": os.path.basename(path), "mode": args.mode, "status": "ok",
              "failed_cell": None, "message": None, "probe": None}
    started = time.monotonic()
    run_cells(nb, args, timeout, path, result)
    result["seconds"] = round(time.monotonic() - started, 2)

    os.makedirs(args.out, exist_ok=True)
    nbformat.write(nb, os.path.join(args.out, name + ".ipynb"))
    export_html(nb, os.path.join(args.out, name + ".html"), args.notebook)
    with open(os.path.join(args.out, name + ".run.json"), "w", encoding="utf-8") as out:
        json.dump(result, out, indent=1)
    print(f"{name}: {result['status']} in {result['seconds']} s ({args.mode})")


if __name__ == "__main__":
    main()
