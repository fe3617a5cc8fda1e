"""Start an installed Jupyter kernel N times, one after another, and check each start's three loops.

    python kernel_starts.py 300                      # the installed `aelab` kernelspec
    python kernel_starts.py 60 --unpatched           # rapaio as shipped (a temporary kernelspec, see below)
    python kernel_starts.py 20 --kernel NAME --json out.json

Per start it reports:
  ready    seconds from launch until kernel_info_request was answered on the shell channel
           (jupyter_client's wait_for_ready), or "-" when no answer came within --timeout;
  hb       whether the heartbeat socket echoed a ping within 2 s;
  control  whether a shutdown_request sent on the control channel ended the kernel process within
           --exit-seconds (a dead control loop leaves it running, and Kernel -> Interrupt would do nothing).
A start fails when any of the three fails. Prints one line per start and a summary; exit code 1 when a
start failed, 0 otherwise (2 on bad usage).

--unpatched installs, into a temporary Jupyter data directory, a copy of the installed kernelspec that
starts rapaio's jar as shipped (`java -jar`, without the project's replacement classes), to show that
the check catches the start race the replacement classes fix.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

TOOLS = os.path.dirname(os.path.abspath(__file__))


def fail(message):
    print(f"kernel_starts: {message}", file=sys.stderr)
    sys.exit(2)


def unpatched_spec(kernel, data_dir):
    """Installs `<kernel>-unpatched` into data_dir from the installed rapaio kernelspec `kernel`."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    try:
        spec = KernelSpecManager().get_kernel_spec(kernel)
    except NoSuchKernel:
        fail(f"no kernelspec '{kernel}' is installed: run `make setup`")
    jar = os.path.join(spec.resource_dir, "rapaio-jupyter-kernel.jar")
    classpath = spec.env.get("RJK_CLASSPATH")
    if not os.path.isfile(jar) or not classpath:
        fail(f"kernelspec '{kernel}' ({spec.resource_dir}) is not the rapaio backend: --unpatched needs its jar "
             f"and RJK_CLASSPATH")
    listing = os.path.join(data_dir, "classpath.txt")
    with open(listing, "w", encoding="utf-8") as out:
        out.write(classpath)
    name = kernel + "-unpatched"
    env = dict(os.environ, JUPYTER_DATA_DIR=data_dir)
    done = subprocess.run([sys.executable, os.path.join(TOOLS, "kernelspec.py"), "--backend", "rapaio",
                           "--classpath-file", listing, "--kernel-jar", jar, "--unpatched", "--name", name],
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"could not install the unpatched kernelspec: {done.stdout}{done.stderr}")
    return name


def heartbeat_answers(client, seconds=2.0):
    """Sends one ping to the kernel's heartbeat socket and waits for the echo."""
    import zmq
    context = zmq.Context.instance()
    socket = context.socket(zmq.REQ)
    socket.linger = 0
    try:
        socket.connect(f"{client.transport}://{client.ip}:{client.hb_port}")
        socket.send(b"ping")
        return socket.poll(int(seconds * 1000)) != 0 and socket.recv() == b"ping"
    finally:
        socket.close()


def one_start(kernel, timeout, exit_seconds, output):
    """Starts the kernel once (its stdout and stderr to `output`); returns a dict with ready, hb, control."""
    from jupyter_client.manager import KernelManager
    manager = KernelManager(kernel_name=kernel)
    result = {"ready": None, "hb": False, "control": False, "error": None}
    started = time.monotonic()
    manager.start_kernel(stdout=output, stderr=subprocess.STDOUT)
    client = manager.client()
    client.start_channels()
    try:
        try:
            client.wait_for_ready(timeout=timeout)
            result["ready"] = round(time.monotonic() - started, 2)
        except RuntimeError as error:
            result["error"] = str(error).splitlines()[0]
        result["hb"] = heartbeat_answers(client)
        client.control_channel.send(client.session.msg("shutdown_request", {"restart": False}))
        deadline = time.monotonic() + exit_seconds
        while time.monotonic() < deadline and manager.is_alive():
            time.sleep(0.05)
        result["control"] = not manager.is_alive()
    finally:
        client.stop_channels()
        if manager.is_alive():
            manager.shutdown_kernel(now=True)
        manager.cleanup_resources()
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("starts", type=int)
    parser.add_argument("--kernel", default="aelab", help="installed kernelspec (default aelab)")
    parser.add_argument("--unpatched", action="store_true",
                        help="check a temporary copy of --kernel that runs rapaio's jar as shipped")
    parser.add_argument("--timeout", type=float, default=20, help="seconds to wait for kernel_info (default 20)")
    parser.add_argument("--exit-seconds", type=float, default=5,
                        help="seconds a shutdown_request on control may take to end the process (default 5)")
    parser.add_argument("--json", help="also write every start's result to this file")
    parser.add_argument("--kernel-output", default=os.devnull,
                        help="file that collects the kernels' own output (default: discarded)")
    args = parser.parse_args()
    if args.starts <= 0:
        fail(f"the number of starts must be positive, got {args.starts}")

    with tempfile.TemporaryDirectory(prefix="kernel-starts-") as data_dir:
        kernel = args.kernel
        if args.unpatched:
            kernel = unpatched_spec(args.kernel, data_dir)
            os.environ["JUPYTER_DATA_DIR"] = data_dir
        results = []
        output = open(args.kernel_output, "ab")
        for index in range(1, args.starts + 1):
            output.write(f"==== start {index}\n".encode())
            output.flush()
            result = one_start(kernel, args.timeout, args.exit_seconds, output)
            result["ok"] = result["ready"] is not None and result["hb"] and result["control"]
            results.append(result)
            print(f"start {index:4d}: ready {result['ready'] if result['ready'] is not None else '-':>5} s"
                  f"  kernel_info {'yes' if result['ready'] is not None else 'NO '}"
                  f"  hb {'yes' if result['hb'] else 'NO '}"
                  f"  control {'yes' if result['control'] else 'NO '}"
                  f"  {'ok' if result['ok'] else 'FAIL'}", flush=True)
        output.close()

    ready = [r["ready"] for r in results if r["ready"] is not None]
    failed = sum(1 for r in results if not r["ok"])
    summary = (f"{kernel}: {len(results)} starts, {failed} failed: "
               f"{sum(1 for r in results if r['ready'] is None)} without a kernel_info answer, "
               f"{sum(1 for r in results if not r['hb'])} with a dead heartbeat, "
               f"{sum(1 for r in results if not r['control'])} with a dead control channel; "
               + (f"ready in {min(ready):.2f}-{max(ready):.2f} s (median {sorted(ready)[len(ready) // 2]:.2f} s)"
                  if ready else "none ready"))
    print(summary)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"kernel": kernel, "summary": summary, "starts": results}, out, indent=1)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
