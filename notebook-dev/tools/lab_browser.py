"""Use aelab notebooks in JupyterLab the way a student does, in a real Chromium driven by Playwright.

    python lab_browser.py --out notebook-dev/target/lab-browser \\
        --case notebooks/01-one-hot-8-3-8.ipynb "epochs = 5_000;" "BCE after 5000 epochs"

Starts a JupyterLab server as `make lab` does (127.0.0.1, token authentication, the project's Lab settings
from the environment) on a free port, serving OUT/root/: each notebook is copied there in quick mode (its
metadata.aelab.quick lines in a cell tagged injected-parameters after the parameters cell, as
run_notebook.py does). OUT/root/ lies inside the repository, so the MNIST notebooks find data/mnist in a
parent directory; nothing is written to notebooks/. Then, per --case NOTEBOOK EDIT TEXT:

  open      open the notebook from its URL; the kernel must report Idle within KERNEL_READY_SECONDS
  run-all   Run > Run All Cells; wait until no cell is queued and the kernel is idle; count outputs
  edit      type EDIT as a new last line of the injected-parameters cell in its editor
  rerun     Run All Cells again; TEXT must now appear in the outputs (and did not before)
  save      File > Save; read the saved file back
  reopen    close the tab, reopen the notebook from the file browser, count outputs (no kernel involved)
  reload    reload the page, run the last cell that drew a plot again, see its plot

Outputs are counted in the page: Plotly figures (.js-plotly-plot) and those that drew their SVG
(.main-svg), decoded images, error outputs. Afterwards the kernel is shut down and its memory noted; at
the end the Jupyter news pop-up is looked for and the server's resident memory (the jupyter-lab process
and its children other than kernels) is measured. A screenshot of each step goes to
OUT/NOTEBOOK/NN-step.png.

Writes OUT/result.json with everything seen; the caller (LabBrowserTest) judges it. Exit code 0 whenever
result.json was written, 2 on bad usage, 1 when the browser or server could not be started.
"""
import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import nbformat
from nbformat.sign import NotebookNotary

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_notebook import inject_parameters, quick_lines  # noqa: E402

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
# A healthy aelab kernel answers in 1-2 s; one that has not reported Idle after this long never will.
KERNEL_READY_SECONDS = 30
SERVER_START_SECONDS = 60
RENDER_SECONDS = 30
NEWS_QUESTION = "Would you like to get notified about official Jupyter news?"

# Facts about the current notebook panel, computed in the page.
PAGE_STATE = """() => {
  const panel = document.querySelector('#jp-main-dock-panel .jp-NotebookPanel:not(.lm-mod-hidden)');
  const kernel = document.querySelector('#jp-main-statusbar [title^="Change kernel"]');
  if (!panel) return {open: false, kernel: kernel ? kernel.textContent : null};
  const cells = Array.from(panel.querySelectorAll('.jp-Notebook .jp-Cell'));
  const prompts = Array.from(panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')).map(p => p.textContent.trim());
  return {
    open: true,
    loading: !!panel.querySelector('.jp-Spinner') || cells.length === 0,
    kernel: kernel ? kernel.textContent : null,
    dirty: !!document.querySelector('.lm-TabBar-tab.jp-mod-dirty'),
    cells: cells.length,
    prompts: prompts,
    dialog: (document.querySelector('.jp-Dialog') || {}).innerText || null,
  };
}"""

# What one code cell shows. A Plotly output is one drawn by JupyterLab's Plotly renderer (.jp-RenderedPlotly) or
# by scripts in HTML (.js-plotly-plot); it shows its figure live (the SVG drawn: .main-svg) or, in a notebook
# opened from disk, as the PNG snapshot the renderer stored in the output when it first drew it
# (img.plot-img; the live figure replaces it when the pointer enters it). Images are the other <img>s;
# `pending` counts what is still being drawn or decoded.
CELL_STATE = """cell => {
  const decoded = i => i.complete && i.naturalWidth > 0;
  const outputs = Array.from(cell.querySelectorAll('.jp-OutputArea-output'));
  const plotly = outputs.filter(o => o.matches('.jp-RenderedPlotly, .js-plotly-plot')
      || o.querySelector('.js-plotly-plot'));
  const live = plotly.filter(o => o.querySelector('.main-svg'));
  const snapshot = plotly.filter(o => !o.querySelector('.main-svg')
      && Array.from(o.querySelectorAll('img.plot-img')).some(i => decoded(i) && i.style.display !== 'none'));
  const images = Array.from(cell.querySelectorAll('.jp-OutputArea-output img:not(.plot-img)'));
  const broken = images.filter(i => i.complete && i.naturalWidth === 0);
  const errors = outputs.filter(o => o.getAttribute('data-mime-type') === 'application/vnd.jupyter.stderr');
  return {
    plotly_outputs: plotly.length, plotly_live: live.length, plotly_snapshot: snapshot.length,
    plotly_shown: live.length + snapshot.length,
    images_decoded: images.filter(decoded).length, images_broken: broken.length,
    error_outputs: errors.map(e => e.innerText.slice(0, 500)),
    pending: plotly.length - live.length - snapshot.length + images.length - images.filter(decoded).length
        - broken.length,
  };
}"""

CURRENT = "#jp-main-dock-panel .jp-NotebookPanel:not(.lm-mod-hidden)"
# The text of each code cell's outputs (scripts and styles left out), cell by cell.
OUTPUT_TEXT = """() => {
  const text = element => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let out = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const tag = node.parentElement.tagName;
      if (tag !== 'SCRIPT' && tag !== 'STYLE') out += node.data;
    }
    return out;
  };
  return Array.from(document.querySelectorAll(
      '#jp-main-dock-panel .jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')).map(
      c => Array.from(c.querySelectorAll('.jp-OutputArea-output')).map(text).join('\\n'));
}"""


class StepFailed(Exception):
    """A step of the scenario could not go on (a wait ran out); the message says what was seen."""


def fail_usage(message):
    print(f"lab_browser: {message}", file=sys.stderr)
    sys.exit(2)


def chromium_path(configured):
    """--chromium, $AELAB_CHROMIUM, or the first Chromium/Chrome on PATH."""
    for candidate in (configured, os.environ.get("AELAB_CHROMIUM")):
        if candidate:
            return candidate
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    print(f"lab_browser: no Chromium or Chrome on PATH (looked for {', '.join(CHROMIUM_NAMES)}); install `chromium`"
          " (`make setup` does as root on Debian/Ubuntu) or set AELAB_CHROMIUM=/path/to/chrome", file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """`jupyter lab` as `make lab` starts it, serving ROOT on a free port with a fresh token."""

    def __init__(self, root, out, kernel_env):
        self.root, self.out = root, out
        self.port, self.token = free_port(), secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        lab = os.path.join(os.path.dirname(sys.executable), "jupyter-lab")
        command = [lab, "--ServerApp.ip=127.0.0.1", "--no-browser", f"--ServerApp.port={self.port}",
                   "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
                   f"--ServerApp.root_dir={root}"]
        if hasattr(os, "getuid") and os.getuid() == 0:
            command.append("--allow-root")
        env = dict(os.environ, **kernel_env)
        # The user's own Lab settings and saved workspaces stay out of the test; the project's settings
        # (overrides in the environment's share/jupyter/lab/settings) apply as they do for `make lab`.
        env["JUPYTERLAB_SETTINGS_DIR"] = os.path.join(out, "user-settings")
        env["JUPYTERLAB_WORKSPACES_DIR"] = os.path.join(out, "workspaces")
        self.log_path = os.path.join(out, "jupyter-lab.log")
        self.log = open(self.log_path, "w", encoding="utf-8")
        self.process = subprocess.Popen(command, cwd=root, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.wait_ready()

    def api(self, path, method="GET"):
        request = urllib.request.Request(f"{self.base}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            return json.loads(body) if body else None

    def wait_ready(self):
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.process.returncode}; log: {self.log_path}")
            try:
                self.api("/api/status")
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.25)
        raise RuntimeError(f"jupyter lab did not answer on port {self.port} within {SERVER_START_SECONDS} s;"
                           f" log: {self.log_path}")

    def url(self, path):
        return f"{self.base}{path}?token={self.token}"

    def memory(self):
        """Resident memory in bytes of the server process with its non-kernel children, and of its kernels."""
        import psutil
        server = psutil.Process(self.process.pid)
        own, kernels = server.memory_info().rss, []
        for child in server.children(recursive=True):
            try:
                command = " ".join(child.cmdline())
                rss = child.memory_info().rss
            except psutil.Error:
                continue
            if "kernel-" in command and ".json" in command:  # a kernel: its connection file is on the command line
                kernels.append({"pid": child.pid, "rss": rss, "command": command[:200]})
            else:
                own += rss
        return {"server_pid": self.process.pid, "server_rss": own, "kernels": kernels}

    def wait_no_kernels(self):
        deadline = time.monotonic() + 30
        while self.api("/api/kernels") or self.memory()["kernels"]:
            if time.monotonic() > deadline:
                raise RuntimeError(f"kernels still running 30 s after their shutdown: {self.api('/api/kernels')}")
            time.sleep(0.25)

    def stop(self):
        try:
            self.api("/api/shutdown", method="POST")
            self.process.wait(timeout=30)
        except Exception:  # the server did not stop by itself: end it and anything it started
            try:
                import psutil
                for child in psutil.Process(self.process.pid).children(recursive=True):
                    child.kill()
            except Exception:
                pass
            self.process.kill()
            self.process.wait()
        self.log.close()


def prepare(notebook, root, kernel):
    """Copy NOTEBOOK into ROOT in quick mode for KERNEL; returns (file name, notebook node, injected cell index)."""
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata.setdefault("kernelspec", {})["name"] = kernel
    lines = quick_lines(nb, notebook)
    if lines:
        inject_parameters(nb, notebook, lines)
    else:  # still give the edit a cell of its own, as quick mode would
        inject_parameters(nb, notebook, ["// parameters changed for this run"])
    index = next(i for i, c in enumerate(nb.cells) if "injected-parameters" in c.metadata.get("tags", []))
    if nb.nbformat_minor < 5:  # cell ids came with nbformat 4.5; JupyterLab rejects them in older files
        for cell in nb.cells:
            cell.pop("id", None)
    name = os.path.basename(notebook)
    nbformat.write(nb, os.path.join(root, name))
    return name, nb, index


class Scenario:
    """One notebook's steps in one browser page; every fact seen goes into self.result."""

    def __init__(self, context, server, out, notebook, edit, expect_text, kernel):
        self.context, self.server = context, server
        self.page = None
        self.name, self.nb, self.injected = prepare(notebook, server.root, kernel)
        self.stem = os.path.splitext(self.name)[0]
        self.shots = os.path.join(out, self.stem)
        os.makedirs(self.shots, exist_ok=True)
        self.edit, self.expect_text = edit, expect_text
        expects = self.nb.metadata.get("aelab", {}).get("expects", {})
        self.expect_plots, self.expect_images = int(expects.get("plotly", 0)), int(expects.get("png", 0))
        self.code_cells = sum(1 for c in self.nb.cells if c.cell_type == "code")
        self.result = {"notebook": self.name, "expects": {"plotly": self.expect_plots, "png": self.expect_images},
                       "edit": edit, "expect_text": expect_text, "steps": {}, "failure": None}
        self.shot_count = 0

    # --- page helpers -------------------------------------------------------------------------------------
    def state(self):
        return self.page.evaluate(PAGE_STATE)

    def screenshot(self, step, element=None):
        """A screenshot of ELEMENT, or of the page scrolled to its first figure (or image) if it has one."""
        if self.page is None or self.page.is_closed():
            return None
        if element is None:
            figure = self.page.locator(f"{CURRENT} .jp-RenderedPlotly, {CURRENT} .js-plotly-plot,"
                                       f" {CURRENT} .jp-OutputArea-output img")
            if figure.count():
                figure.first.scroll_into_view_if_needed()
        self.shot_count += 1
        path = os.path.join(self.shots, f"{self.shot_count:02d}-{step}.png")
        (element or self.page).screenshot(path=path)
        return os.path.relpath(path, os.path.dirname(self.shots))

    def wait_for(self, what, predicate, seconds):
        """Polls the page state until predicate(state) holds; StepFailed with the last state otherwise."""
        deadline = time.monotonic() + seconds
        while True:
            state = self.state()
            if state.get("dialog"):
                raise StepFailed(f"{what}: JupyterLab shows a dialog: {state['dialog'][:300]!r}")
            if predicate(state):
                return state
            if time.monotonic() > deadline:
                raise StepFailed(f"{what}: not within {seconds} s; kernel status {state.get('kernel')!r},"
                                 f" prompts {state.get('prompts')}")
            self.page.wait_for_timeout(200)

    def wait_notebook_ready(self, what):
        """The panel shows all cells, the page is connected to the kernel and the kernel has answered the
        server's kernel_info_request (the server then reports it idle or busy; a hung start stays 'starting')."""
        self.wait_for(f"{what}: notebook panel with {len(self.nb.cells)} cells",
                      lambda s: s["open"] and not s["loading"] and s["cells"] == len(self.nb.cells), 60)
        try:
            return self.wait_for(f"{what}: kernel ready", lambda s: kernel_connected(s) and self.kernel_state()
                                 in ("idle", "busy"), KERNEL_READY_SECONDS)["kernel"]
        except StepFailed as error:
            raise StepFailed(f"the kernel did not answer within {KERNEL_READY_SECONDS} s of opening the notebook (a"
                             f" hung kernel start; the server reports it {self.kernel_state()!r}); {error}") from None

    def kernel_state(self):
        """The server's execution_state of this notebook's kernel, or None while it has no session."""
        for session in self.server.api("/api/sessions"):
            if session.get("path", "").endswith(self.name) and session.get("kernel"):
                return session["kernel"].get("execution_state")
        return None

    def survey(self):
        """Scrolls each code cell into view, as a reader does (JupyterLab draws cells and outputs as they come
        into view), waits until what it shows has drawn (all cells together within RENDER_SECONDS) and adds
        up what the cells show."""
        totals = {"plotly_outputs": 0, "plotly_live": 0, "plotly_snapshot": 0, "plotly_shown": 0,
                  "images_decoded": 0, "images_broken": 0, "error_outputs": [], "pending": 0}
        deadline = time.monotonic() + RENDER_SECONDS
        cells = self.page.locator(f"{CURRENT} .jp-Notebook .jp-CodeCell")
        for i in range(cells.count()):
            cell = cells.nth(i)
            cell.scroll_into_view_if_needed()
            shown = cell.evaluate(CELL_STATE)
            while shown["pending"] and time.monotonic() < deadline:
                self.page.wait_for_timeout(100)
                shown = cell.evaluate(CELL_STATE)
            for key, value in shown.items():
                totals[key] += value
        return totals

    def menu(self, top, item):
        self.page.locator(".lm-MenuBar-itemLabel", has_text=top).first.click()
        self.page.locator(".lm-Menu-itemLabel").get_by_text(item, exact=True).click()

    def run_all(self, limit):
        before = self.state()["prompts"]
        self.menu("Run", "Run All Cells")
        # Cells are queued at once ([*]); wait until none is, the kernel idles and every code cell shows a new count.
        self.wait_for("Run All Cells", lambda s: s["prompts"] != before and not any(p == "[*]:" for p in s["prompts"])
                      and kernel_idle(s), limit)
        prompts = self.state()["prompts"]
        ran = sum(1 for old, new in zip(before, prompts) if new != old and new[1:-2].isdigit())
        return dict(self.survey(), cells_ran=ran, code_cells=self.code_cells)

    def cell(self, index):
        return self.page.locator(f"{CURRENT} .jp-Notebook .jp-Cell").nth(index)

    def record(self, step, started, **facts):
        facts["seconds"] = round(time.monotonic() - started, 1)
        facts["server_rss"] = self.server.memory()["server_rss"]
        self.result["steps"][step] = facts

    # --- the scenario -------------------------------------------------------------------------------------
    def run(self, limit):
        steps = [self.open, lambda: self.run_all_step(limit), self.edit_step, lambda: self.rerun_step(limit),
                 self.save_step, self.reopen_step, self.reload_step]
        started = time.monotonic()
        try:
            for step in steps:
                step()
        except StepFailed as error:
            self.result["failure"] = str(error)
            self.screenshot("failure")
        except Exception as error:  # Playwright timeouts and the like: report, keep the other notebooks going
            self.result["failure"] = f"{type(error).__name__}: {error}"[:2000]
            self.screenshot("failure")
        self.result["seconds"] = round(time.monotonic() - started, 1)
        return self.result

    def open(self):
        started = time.monotonic()
        self.page = self.context.new_page()
        self.page.goto(self.server.url(f"/lab/tree/{self.name}") + "&reset")  # no tabs restored from before
        shown = self.wait_notebook_ready("open")
        self.record("open", started, kernel_shown=shown, screenshot=self.screenshot("open"))

    def run_all_step(self, limit):
        started = time.monotonic()
        facts = self.run_all(limit)
        self.text_before = self.page.evaluate(OUTPUT_TEXT)
        facts["screenshot"] = self.screenshot("run-all")
        figure = self.page.locator(f"{CURRENT} .js-plotly-plot").first
        if facts["plotly_live"]:
            facts["figure_screenshot"] = self.screenshot("run-all-figure", figure)
        self.record("run-all", started, **facts)

    def edit_step(self):
        started = time.monotonic()
        editor = self.cell(self.injected).locator(".cm-content")
        editor.click()
        self.page.keyboard.press("Control+End")
        self.page.keyboard.press("Enter")
        self.page.keyboard.type(self.edit)
        self.page.keyboard.press("Escape")
        source = editor.inner_text()
        self.record("edit", started, cell=self.injected, source=source, typed=self.edit in source,
                    screenshot=self.screenshot("edit", self.cell(self.injected)))

    def rerun_step(self, limit):
        started = time.monotonic()
        facts = self.run_all(limit)
        after = self.page.evaluate(OUTPUT_TEXT)
        for label, texts in (("before", self.text_before), ("after", after)):
            with open(os.path.join(self.shots, f"outputs-{label}-edit.txt"), "w", encoding="utf-8") as file:
                file.write("\n".join(f"--- code cell {i}\n{t}" for i, t in enumerate(texts)))
        facts["changed_cells"] = [i for i, (a, b) in enumerate(zip(self.text_before, after)) if a != b]
        facts["expect_text_before"] = any(self.expect_text in t for t in self.text_before)
        facts["expect_text_after"] = any(self.expect_text in t for t in after)
        facts["screenshot"] = self.screenshot("rerun")
        self.record("rerun", started, **facts)

    def save_step(self):
        started = time.monotonic()
        self.menu("File", "Save Notebook")
        self.wait_for("save", lambda s: not s["dirty"], 30)
        path = os.path.join(self.server.root, self.name)
        saved = nbformat.read(path, as_version=4)
        outputs = [o for c in saved.cells if c.cell_type == "code" for o in c.outputs]
        plot_cells = [i for i, c in enumerate(saved.cells) if c.cell_type == "code" and any(is_plotly(o) for o in c.outputs)]
        self.plot_cell = plot_cells[-1] if plot_cells else None
        self.record("save", started, bytes=os.path.getsize(path), plot_cell=self.plot_cell,
                    plotly_mime_outputs=sum(1 for o in outputs if "application/vnd.plotly.v1+json" in o.get("data", {})),
                    error_outputs=[f"{o.get('ename')}: {o.get('evalue')}"[:300] for o in outputs
                                   if o.output_type == "error"],
                    executed_cells=sum(1 for c in saved.cells if c.cell_type == "code" and c.execution_count))

    def reopen_step(self):
        started = time.monotonic()
        self.page.locator(".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabCloseIcon").first.click()
        self.wait_for("close", lambda s: not s["open"], 30)
        closed = self.screenshot("closed")
        # Come back as a student does another day: a new page (no plotly.js left in it) and a notebook that
        # is not trusted (as one executed elsewhere), so no script stored in an output runs.
        NotebookNotary().unsign(nbformat.read(os.path.join(self.server.root, self.name), as_version=4))
        self.page.close()
        self.page = self.context.new_page()
        self.page.goto(self.server.url("/lab") + "&reset")
        self.page.locator(".jp-DirListing-item", has_text=self.name).first.dblclick()
        self.wait_for("reopen", lambda s: s["open"] and not s["loading"] and s["cells"] == len(self.nb.cells), 60)
        facts = self.survey()
        facts.update(closed_screenshot=closed, screenshot=self.screenshot("reopen"), untrusted=True)
        snapshot = self.page.locator(f"{CURRENT} .jp-RenderedPlotly img.plot-img").first
        if facts["plotly_snapshot"]:
            facts["figure_screenshot"] = self.screenshot("reopen-figure", snapshot)
            # The pointer on a snapshot makes the renderer draw the live figure in its place.
            output = snapshot.locator("xpath=..")
            snapshot.dispatch_event("mouseenter")  # as a pointer does; it may already be live if one passed by
            deadline = time.monotonic() + RENDER_SECONDS
            while not output.locator(".main-svg").count() and time.monotonic() < deadline:
                self.page.wait_for_timeout(200)
            facts["hover_draws_live"] = output.locator(".main-svg").count() > 0
            facts["hover_screenshot"] = self.screenshot("reopen-figure-hover", output)
        self.record("reopen", started, **facts)

    def reload_step(self):
        started = time.monotonic()
        self.page.reload()
        self.wait_notebook_ready("reload")
        shown = self.survey()
        index = self.plot_cell
        if index is None:
            raise StepFailed("reload: no cell of the saved notebook has a Plotly figure to run again")
        cell = self.cell(index)
        cell.scroll_into_view_if_needed()  # JupyterLab draws a cell's contents once it comes into view
        deadline = time.monotonic() + 10
        while not self.prompt(index) and time.monotonic() < deadline:
            self.page.wait_for_timeout(100)
        prompt = self.prompt(index)
        cell.locator(".cm-content").click()
        self.page.keyboard.press("Control+Enter")
        self.wait_for(f"reload: cell {index} runs again",
                      lambda s: kernel_idle(s) and self.prompt(index) not in (prompt, "[*]:"), 120)
        drawn = self.wait_cell_plot(cell)
        self.record("reload", started, after_reload=shown, cell=index, prompt_before=prompt,
                    prompt_after=self.prompt(index), cell_plotly_drawn=drawn,
                    cell_errors=cell.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count(),
                    screenshot=self.screenshot("reload-rerun-cell", cell))

    def prompt(self, index):
        return self.cell(index).locator(".jp-InputPrompt").inner_text().strip()

    def wait_cell_plot(self, cell):
        """The number of this cell's Plotly outputs that drew, once none is pending (or RENDER_SECONDS passed)."""
        deadline = time.monotonic() + RENDER_SECONDS
        cell.scroll_into_view_if_needed()
        shown = cell.evaluate(CELL_STATE)
        while (shown["pending"] or not shown["plotly_live"]) and time.monotonic() < deadline:
            self.page.wait_for_timeout(200)
            shown = cell.evaluate(CELL_STATE)
        return shown["plotly_live"]

    def close(self):
        """Notes the memory with the kernel running, closes every tab and shuts the kernel down."""
        self.result["memory_with_kernel"] = self.server.memory()
        if self.page is None:
            return
        self.result["news_popup"] = self.page.get_by_text(NEWS_QUESTION).count() > 0
        try:
            self.menu("File", "Close All Tabs")
            deadline = time.monotonic() + 30
            while self.state()["open"] and time.monotonic() < deadline:
                discard = self.page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-warn")  # unsaved after a failure
                if discard.count():
                    discard.first.click()
                self.page.wait_for_timeout(200)
        except Exception as error:
            self.result.setdefault("cleanup", f"closing the tabs: {error}"[:500])
        for session in self.server.api("/api/sessions"):
            self.server.api(f"/api/sessions/{session['id']}", method="DELETE")
        self.page.close()


def is_plotly(output):
    """An output with a Plotly figure: the Plotly MIME bundle, or HTML that draws one with plotly.js."""
    data = output.get("data", {})
    return "application/vnd.plotly.v1+json" in data or "Plotly.newPlot" in data.get("text/html", "")


def kernel_connected(state):
    """The status bar names the kernel and no longer says it is starting or connecting."""
    shown = state.get("kernel") or ""
    return "|" in shown and not any(word in shown for word in ("No Kernel", "Initializing", "Starting", "Connecting"))


def kernel_idle(state):
    return bool(state.get("kernel")) and state["kernel"].strip().endswith("| Idle")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="results, screenshots and the served copies go here")
    parser.add_argument("--case", nargs=3, action="append", required=True, metavar=("NOTEBOOK", "EDIT", "TEXT"),
                        help="a notebook, a Java line typed into its injected-parameters cell, and a text the"
                             " outputs must show after the edit")
    parser.add_argument("--kernel", default="aelab", help="the kernelspec the notebooks run on")
    parser.add_argument("--kernel-env", action="append", default=[], metavar="NAME=VALUE",
                        help="extra environment for the server and its kernels")
    parser.add_argument("--run-limit", type=int, default=240, help="seconds one Run All may take")
    parser.add_argument("--chromium")
    parser.add_argument("--headed", action="store_true", help="show the browser window")
    args = parser.parse_args()

    for notebook, _, _ in args.case:
        if not os.path.isfile(notebook):
            fail_usage(f"--case: no notebook {notebook}")
    kernel_env = {}
    for pair in args.kernel_env:
        if "=" not in pair:
            fail_usage(f"--kernel-env expects NAME=VALUE, got {pair!r}")
        kernel_env.update([pair.split("=", 1)])
    chromium = chromium_path(args.chromium)
    out = os.path.abspath(args.out)
    shutil.rmtree(out, ignore_errors=True)
    root = os.path.join(out, "root")
    os.makedirs(root)

    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    result = {"chromium": chromium, "notebooks": [], "memory": None}
    server = LabServer(root, out, kernel_env)
    try:
        result["server_seconds"] = round(time.monotonic() - started, 1)
        notification = server.api("/lab/api/settings/@jupyterlab/apputils-extension:notification")
        result["fetch_news_default"] = notification["schema"]["properties"]["fetchNews"]["default"]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS,
                                                 headless=not args.headed)
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            for notebook, edit, text in args.case:
                scenario = Scenario(context, server, out, notebook, edit, text, args.kernel)
                print(f"lab_browser: {scenario.name} ...", flush=True)
                result["notebooks"].append(scenario.run(args.run_limit))
                scenario.close()
                print(f"lab_browser: {scenario.name}: {scenario.result['failure'] or 'done'}"
                      f" in {scenario.result['seconds']} s", flush=True)
            browser.close()
        server.wait_no_kernels()
        result["memory"] = server.memory()
    finally:
        server.stop()
    result["seconds"] = round(time.monotonic() - started, 1)
    with open(os.path.join(out, "result.json"), "w", encoding="utf-8") as file:
        json.dump(result, file, indent=1)
    memory = result["memory"]
    print(f"lab_browser: {len(result['notebooks'])} notebook(s) in {result['seconds']} s; jupyter-lab server RSS"
          f" {memory['server_rss'] / 2**20:.0f} MiB (pid {memory['server_pid']}, kernels excluded)")


if __name__ == "__main__":
    main()
