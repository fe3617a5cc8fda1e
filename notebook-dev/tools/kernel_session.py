"""Drive an installed kernel over the Jupyter protocol, as JupyterLab does, and report what it did as JSON.

    python kernel_session.py interrupt notebooks/01-one-hot-8-3-8.ipynb --set "epochs = 500_000;" --after 2
    python kernel_session.py stop-on-error

interrupt: runs the notebook's code cells in order (quick mode's lines, then the --set lines, in a cell
  after the one tagged `parameters`, as run_notebook.py does) up to the first cell whose source contains
  --match; --after seconds after sending that one, sends interrupt_request on the control channel and
  measures the seconds until that cell's execute_reply. Then runs a probe cell in the same kernel. Reports the
  interrupted cell's index, reply status, output text (streams and error), the latency, whether an
  interrupt_reply came back on the control channel, and the probe's status and output.
live: runs a cell that shows a live output (org.aelab.viz.Viz.live) and updates it three times, as
  Progress.auto() does during training. Reports each display message of that cell: its type
  (display_data, update_display_data), display_id, MIME types and text/markdown.
stop-on-error: sends three execute_requests at once, the second of which throws, first with
  stop_on_error true (the protocol's default) and then, in a new kernel, with stop_on_error false on the
  second; then one more request after the replies. Reports each request's reply status and output; then
  (stop_on_error true) --rounds times a failing cell and, sent as soon as its reply is in, one more.

Prints the JSON report (also written to --out). Exit code 0 when the report was produced, 2 on bad usage.
"""
import argparse
import json
import os
import queue
import subprocess
import sys
import time

import nbformat
from jupyter_client.manager import KernelManager

PROBE = 'System.out.println("KERNEL-ALIVE " + (6 * 7) + " interrupted=" + Thread.currentThread().isInterrupted());'


def fail(message):
    print(f"kernel_session: {message}", file=sys.stderr)
    sys.exit(2)


class Session:
    """A started kernel and a client; collects every iopub message by the request it answers."""

    def __init__(self, kernel, cwd, output):
        self.manager = KernelManager(kernel_name=kernel)
        self.manager.start_kernel(cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)
        self.outputs = {}
        self.displays = {}

    def close(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)
        self.manager.cleanup_resources()

    def send(self, code, stop_on_error=True):
        return self.client.execute(code, stop_on_error=stop_on_error, allow_stdin=False)

    def drain_iopub(self, timeout=0.05):
        while True:
            try:
                message = self.client.get_iopub_msg(timeout=timeout)
            except queue.Empty:
                return
            parent = message.get("parent_header", {}).get("msg_id")
            kind, content = message["msg_type"], message["content"]
            text = None
            if kind == "stream":
                text = content.get("text", "")
            elif kind == "error":
                text = f"{content.get('ename')}: {content.get('evalue')}\n" + "\n".join(content.get("traceback", []))
            elif kind in ("execute_result", "display_data"):
                text = content.get("data", {}).get("text/plain", "")
            if text is not None and parent:
                self.outputs.setdefault(parent, []).append(text)
            if kind in ("display_data", "update_display_data") and parent:
                self.displays.setdefault(parent, []).append({
                    "type": kind, "display_id": content.get("transient", {}).get("display_id"),
                    "mime_types": sorted(content.get("data", {})),
                    "markdown": content.get("data", {}).get("text/markdown", "")})

    def reply(self, msg_id, timeout):
        """Waits up to `timeout` s for the execute_reply to msg_id; None if it did not come."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                message = self.client.get_shell_msg(timeout=min(left, 0.05))
            except queue.Empty:
                self.drain_iopub(timeout=0)
                continue
            if message["parent_header"].get("msg_id") == msg_id:
                self.drain_iopub()
                return message

    def output(self, msg_id):
        self.drain_iopub()
        return "".join(self.outputs.get(msg_id, []))


def notebook_cells(path, lines):
    nb = nbformat.read(path, as_version=4)
    quick = nb.metadata.get("aelab", {}).get("quick", [])
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cells.append(cell.source)
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            cells.append("\n".join(list(quick) + list(lines)))
    return cells


def interrupt(args):
    path = os.path.abspath(args.notebook)
    if not os.path.isfile(path):
        fail(f"notebook {args.notebook} does not exist")
    cells = notebook_cells(path, args.set)
    session = Session(args.kernel, os.path.dirname(path), args.output)
    report = {"notebook": os.path.basename(path), "set": args.set, "after": args.after, "interrupted_cell": None}
    try:
        for index, source in enumerate(cells):
            msg_id = session.send(source)
            target = args.match in source
            reply = session.reply(msg_id, args.after if target else args.give_up)
            if reply is not None:
                if reply["content"]["status"] != "ok" or target:
                    report.update(failed_cell=index, failed_output=session.output(msg_id)[-3000:],
                                  failed_status=reply["content"]["status"] if reply else "no reply")
                    break
                continue
            if not target:
                report.update(failed_cell=index, failed_status=f"no reply within {args.give_up} s")
                break
            session.client.control_channel.send(session.client.session.msg("interrupt_request", {}))
            sent = time.monotonic()
            reply = session.reply(msg_id, 30)
            latency = time.monotonic() - sent
            try:
                control = session.client.get_control_msg(timeout=1)
                interrupt_reply = control["msg_type"] == "interrupt_reply"
            except queue.Empty:
                interrupt_reply = False
            report.update(interrupted_cell=index, latency=round(latency, 3) if reply else None,
                          status=reply["content"]["status"] if reply else "no reply",
                          output=session.output(msg_id)[-3000:], interrupt_reply=interrupt_reply)
            break
        probe_id = session.send(PROBE)
        probe = session.reply(probe_id, 60)
        report.update(probe_status=probe["content"]["status"] if probe else "no reply",
                      probe_output=session.output(probe_id))
    finally:
        session.close()
    return report


STOP_ON_ERROR_CELLS = [
    'System.out.println("first ran");',
    'if (true) throw new IllegalStateException("second fails");',
    'System.out.println("third ran");',
]


def stop_on_error(args):
    report = {}
    for stop in (True, False):
        session = Session(args.kernel, os.getcwd(), args.output)
        try:
            ids = [session.send(code, stop_on_error=stop) for code in STOP_ON_ERROR_CELLS]
            requests = []
            for code, msg_id in zip(STOP_ON_ERROR_CELLS, ids):
                reply = session.reply(msg_id, 60)
                requests.append({"code": code, "status": reply["content"]["status"] if reply else "no reply"})
            for request, msg_id in zip(requests, ids):
                request["output"] = session.output(msg_id)
            after_id = session.send('System.out.println("fourth ran");')
            after = session.reply(after_id, 60)
            requests.append({"code": "fourth", "status": after["content"]["status"] if after else "no reply",
                             "output": session.output(after_id)})
            if stop:
                report["sent_after_the_error_reply"] = after_error_reply(session, args.rounds)
        finally:
            session.close()
        report["stop_on_error" if stop else "continue_on_error"] = requests
    return report


def after_error_reply(session, rounds):
    """A cell that throws, then, as soon as its error reply is in, the next cell (as a user running the next cell
    by hand, or a test's probe): that one was not queued behind the error, so it must run. Statuses by round."""
    statuses = []
    for _ in range(rounds):
        failing = session.send(STOP_ON_ERROR_CELLS[1])
        session.reply(failing, 60)
        next_id = session.send('System.out.println("next ran");')
        reply = session.reply(next_id, 60)
        ran = "next ran" in session.output(next_id)
        statuses.append((reply["content"]["status"] if reply else "no reply") + ("" if ran else ", no output"))
    return statuses


LIVE_CELL = """
org.aelab.viz.LiveOutput live = org.aelab.viz.Viz.live("live step 0");
for (int step = 1; step <= 3; step++) {
    Thread.sleep(200);
    live.update("live step " + step);
}
System.out.println("live output " + live.displayId());
"""


def live(args):
    session = Session(args.kernel, os.getcwd(), args.output)
    try:
        msg_id = session.send(LIVE_CELL)
        reply = session.reply(msg_id, 60)
        output = session.output(msg_id)
        return {"status": reply["content"]["status"] if reply else "no reply", "output": output,
                "displays": session.displays.get(msg_id, [])}
    finally:
        session.close()


def control_info(args):
    """kernel_info_request on the control channel while a cell runs on the shell channel (what a Jupyter server
    does when a browser connects): the control channel must answer it, and the cell's reply and output must
    still go to the cell."""
    session = Session(args.kernel, os.getcwd(), args.output)
    trials = []
    try:
        for trial in range(3):
            cell_id = session.send('Thread.sleep(1500); System.out.println("cell ran " + (6 * 7));')
            time.sleep(0.3)
            request = session.client.session.msg("kernel_info_request", {})
            session.client.control_channel.send(request)
            try:
                answer = session.client.control_channel.get_msg(timeout=10)
                control = answer["msg_type"] if answer["parent_header"].get("msg_id") == request["header"]["msg_id"] \
                    else "reply to another request"
            except queue.Empty:
                control = "no reply"
            reply = session.reply(cell_id, 20)  # the cell needs 1.5 s
            trials.append({"control": control, "cell": reply["content"]["status"] if reply else "no reply",
                           "cell_output": session.output(cell_id)})
    finally:
        session.close()
    return {"trials": trials}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernel", default="aelab")
    parser.add_argument("--out", help="also write the JSON report here")
    parser.add_argument("--kernel-output", default=os.devnull, help="file for the kernel's own output")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("interrupt")
    run.add_argument("notebook")
    run.add_argument("--set", action="append", default=[], help="Java line added after the quick lines")
    run.add_argument("--match", required=True, help="interrupt the first code cell whose source contains this")
    run.add_argument("--after", type=float, default=2, help="seconds after sending that cell to interrupt it")
    run.add_argument("--give-up", type=float, default=120, help="seconds to wait for any other reply")
    stop = commands.add_parser("stop-on-error")
    stop.add_argument("--rounds", type=int, default=30, help="failing cells each followed at once by another")
    commands.add_parser("control-info")
    commands.add_parser("live")
    args = parser.parse_args()
    args.output = open(args.kernel_output, "ab")
    report = {"interrupt": interrupt, "stop-on-error": stop_on_error, "control-info": control_info, "live": live}[args.command](args)
    text = json.dumps(report, indent=1)
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as out:
            out.write(text)
    print(text)


if __name__ == "__main__":
    main()
