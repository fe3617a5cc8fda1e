"""Screenshots of every Plotly figure of executed notebooks, drawn two ways, for a person to compare:
JupyterLab's Plotly extension (the notebook opened in JupyterLab, as a student reopens it) and the
HTML export (the page run_notebook.py / make book write, plotly.js inlined).

    python plot_screens.py OUT_DIR/01-one-hot-8-3-8.ipynb [...] --out notebook-dev/target/plot-screens

Each NAME.ipynb needs its export NAME.html beside it (run_notebook.py writes both). Writes
OUT/NAME/lab-K.png and OUT/NAME/html-K.png for figure K, and prints per notebook how many figures
each view drew. Needs Playwright for Python and a Chromium (system `chromium`, or AELAB_CHROMIUM).
JupyterLab runs on 127.0.0.1 on a free port, on a copy of the notebooks, with news and update
checks off; it is stopped at the end.
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
LAB_CONFIG = """c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
"""


def chromium():
    configured = os.environ.get("AELAB_CHROMIUM")
    found = configured or shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not found:
        sys.exit("plot_screens: no chromium on PATH (notebook-dev/tools/system-deps.sh installs it) "
                 "and AELAB_CHROMIUM is not set")
    return found


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_lab(root, workdir):
    port, token = free_port(), uuid.uuid4().hex
    config = os.path.join(workdir, "jupyter_lab_config.py")
    with open(config, "w") as out:
        out.write(LAB_CONFIG)
    # every cell in the page (no windowing), so each figure can be scrolled to and taken
    settings = os.path.join(workdir, "user-settings", "@jupyterlab", "notebook-extension")
    os.makedirs(settings)
    with open(os.path.join(settings, "tracker.jupyterlab-settings"), "w") as out:
        out.write('{"windowingMode": "none"}')
    log = open(os.path.join(workdir, "lab.log"), "w")
    lab = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
                            f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
                            f"--ServerApp.root_dir={root}", f"--config={config}", "--allow-root",
                            f"--LabApp.user_settings_dir={os.path.join(workdir, 'user-settings')}",
                            f"--LabApp.workspaces_dir={os.path.join(workdir, 'workspaces')}"],
                           stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            return lab, url, token
        except OSError:
            if lab.poll() is not None:
                sys.exit(f"plot_screens: JupyterLab exited; see {log.name}")
            time.sleep(0.5)
    lab.terminate()
    sys.exit(f"plot_screens: JupyterLab did not answer within 60 s; see {log.name}")


def shoot(locator, count, prefix):
    for k in range(count):
        element = locator.nth(k)
        try:
            element.scroll_into_view_if_needed(timeout=15_000)
            element.screenshot(path=f"{prefix}-{k + 1}.png", timeout=15_000)
        except Exception as error:  # reported, and the others are still taken
            print(f"  {prefix}-{k + 1}: not taken: {str(error).splitlines()[0]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="aelab-screens-")
    root = os.path.join(workdir, "notebooks")
    os.makedirs(root)
    for path in args.notebooks:
        shutil.copy(path, root)
    lab, url, token = start_lab(root, workdir)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            for path in args.notebooks:
                name = os.path.splitext(os.path.basename(path))[0]
                out = os.path.join(args.out, name)
                os.makedirs(out, exist_ok=True)
                page.goto(f"{url}/lab/tree/{name}.ipynb?token={token}")
                # the notebook's own tab: earlier notebooks' tabs stay open, hidden
                page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedPlotly .main-svg",
                                       timeout=60_000)
                time.sleep(3)
                news = page.locator(".jp-Notification-Toast button:has-text('No')")
                if news.count():  # JupyterLab's "notified about official Jupyter news?" prompt covers outputs
                    news.first.click()
                lab_figures = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedPlotly")
                lab_count = lab_figures.count()
                shoot(lab_figures, lab_count, os.path.join(out, "lab"))
                page.goto("file://" + os.path.abspath(os.path.splitext(path)[0] + ".html"))
                page.wait_for_load_state("load")
                time.sleep(2)
                html_figures = page.locator(".js-plotly-plot")
                html_count = html_figures.count()
                shoot(html_figures, html_count, os.path.join(out, "html"))
                print(f"{name}: {lab_count} figure(s) in JupyterLab, {html_count} in the HTML export -> {out}")
            browser.close()
    finally:
        lab.terminate()
        lab.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
