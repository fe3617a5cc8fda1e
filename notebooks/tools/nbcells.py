"""Tiny helpers to write an aelab notebook from a list of cells (used by the gen_0N.py scripts).

    md("# Title"), code("int x = 1;", tags=["parameters"]), write(path, cells, aelab_metadata)
"""
import json


def _lines(text):
    text = text.strip("\n")
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + [lines[-1]]


def md(text):
    return {"cell_type": "markdown", "metadata": {}, "source": _lines(text)}


def code(text, tags=None):
    return {"cell_type": "code", "execution_count": None, "metadata": {"tags": tags} if tags else {},
            "outputs": [], "source": _lines(text)}


def write(path, cells, aelab):
    nb = {"cells": cells,
          "metadata": {"aelab": aelab,
                       "kernelspec": {"display_name": "Java (aelab)", "language": "java", "name": "aelab"},
                       "language_info": {"name": "java"}},
          "nbformat": 4, "nbformat_minor": 4}
    with open(path, "w", encoding="utf-8") as out:
        json.dump(nb, out, indent=1, ensure_ascii=False)
        out.write("\n")
