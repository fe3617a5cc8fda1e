"""Write the Jupyter kernelspec `aelab` ("Java (aelab)") whose classpath is org.aelab:aelab and its
dependencies as resolved from the local Maven repository.

    python kernelspec.py --backend rapaio --classpath-file notebook-dev/target/kernel/classpath.txt \
                         --kernel-jar notebook-dev/target/kernel/rapaio-jupyter-kernel.jar
    python kernelspec.py --backend ijava|jjava --classpath-file ...

The spec goes to the user's Jupyter data directory (JUPYTER_DATA_DIR if set, else
~/.local/share/jupyter). A kernel reads its classpath when it starts, so after `make setup` has
reinstalled the library a kernel restart picks up the change.

rapaio:  java -cp <kernel dir>/patch:<kernel dir>/rapaio-jupyter-kernel.jar <its Main-Class> {connection_file};
         classpath in RJK_CLASSPATH (';'). <kernel dir>/patch holds the project's own replacements for a few
         rapaio classes (notebook-dev/kernel/src, compiled here with javac against the rapaio jar); they come
         first on the class path, so they are loaded instead of rapaio's. --unpatched leaves them out
         (`java -jar`, as rapaio ships), to measure what they fix.
ijava:   classpath in IJAVA_CLASSPATH (os.pathsep). With --kernel-dir (a kernel built by java_kernels.py) its
         jar is copied into the kernelspec and started with `java -jar`; without, the argv of an installed
         IJava kernelspec is reused.
jjava:   classpath in JJAVA_CLASSPATH (os.pathsep). With --kernel-dir its jars are copied into the kernelspec
         and jjava.jar is started directly with the JVM options JJava's launcher would give it (the launcher
         only starts that second JVM: started directly, an interrupt or a kill reaches the kernel itself);
         without, the argv of an installed JJava kernelspec is reused.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

from jupyter_client.kernelspec import KernelSpecManager

NAME = "aelab"
PATCH_SOURCES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "kernel", "src")
DISPLAY_NAME = "Java (aelab)"
BACKENDS = ("rapaio", "ijava", "jjava")
# For IJava/JJava: how to recognise their kernelspec, and the variable their kernel reads.
FOREIGN = {
    "ijava": (re.compile(r"ijava", re.I), "IJAVA_CLASSPATH"),
    "jjava": (re.compile(r"jjava", re.I), "JJAVA_CLASSPATH"),
}


def fail(message):
    print(f"kernelspec: {message}", file=sys.stderr)
    sys.exit(2)


def read_classpath(path):
    if not os.path.isfile(path):
        fail(f"classpath file {path} is missing: run `make setup` (it runs mvn install first)")
    entries = [e for e in open(path, encoding="utf-8").read().strip().split(";") if e]
    missing = [e for e in entries if not os.path.exists(e)]
    if not entries:
        fail(f"classpath file {path} is empty")
    if missing:
        fail(f"classpath entries do not exist: {missing}; run `make setup` again")
    return entries


def java_executable():
    home = os.environ.get("JAVA_HOME")
    if home and os.path.isfile(os.path.join(home, "bin", "java")):
        return os.path.join(home, "bin", "java")
    found = shutil.which("java")
    if not found:
        fail("no `java` on PATH and JAVA_HOME is not set: install a JDK 17 or newer")
    return os.path.realpath(found)


def main_class(jar):
    """The Main-Class named in the jar's manifest."""
    with zipfile.ZipFile(jar) as archive:
        manifest = archive.read("META-INF/MANIFEST.MF").decode("utf-8")
    for line in manifest.splitlines():
        if line.startswith("Main-Class:"):
            return line.split(":", 1)[1].strip()
    fail(f"{jar} names no Main-Class in its manifest")


def compile_patch(kernel_jar, classes):
    """Compiles the project's replacement classes for the rapaio kernel into the directory `classes`."""
    sources = sorted(os.path.join(d, f) for d, _, files in os.walk(PATCH_SOURCES) for f in files if f.endswith(".java"))
    if not sources:
        fail(f"no kernel patch sources in {PATCH_SOURCES}")
    javac = os.path.join(os.path.dirname(java_executable()), "javac")
    if not os.path.isfile(javac):
        javac = shutil.which("javac")
    if not javac:
        fail("no `javac` next to `java` or on PATH: install a JDK 17 or newer (a JRE is not enough)")
    done = subprocess.run([javac, "--release", "17", "-nowarn", "-encoding", "UTF-8", "-cp", kernel_jar,
                           "-d", classes, *sources], capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"javac failed on the kernel patch ({PATCH_SOURCES}):\n{done.stdout}{done.stderr}")
    return len(sources)


def rapaio_spec(entries, kernel_jar, staging, name=NAME, patched=True):
    if not os.path.isfile(kernel_jar):
        fail(f"rapaio kernel jar {kernel_jar} is missing: run `make setup`")
    shutil.copy(kernel_jar, os.path.join(staging, "rapaio-jupyter-kernel.jar"))
    installed = os.path.join(KernelSpecManager().user_kernel_dir, name)
    installed_jar = os.path.join(installed, "rapaio-jupyter-kernel.jar")
    if patched:
        compile_patch(kernel_jar, os.path.join(staging, "patch"))
        launch = ["-cp", os.pathsep.join([os.path.join(installed, "patch"), installed_jar]), main_class(kernel_jar)]
    else:
        launch = ["-jar", installed_jar]
    return {
        "argv": [java_executable(),
                 # dev.ludovic.netlib can use the Vector API when no native BLAS is found.
                 "--add-modules", "jdk.incubator.vector",
                 *launch, "{connection_file}"],
        "display_name": DISPLAY_NAME if patched else DISPLAY_NAME + " unpatched",
        "language": "java",
        "interrupt_mode": "message",
        "env": {"RJK_CLASSPATH": ";".join(entries)},
        "metadata": {"aelab": {"backend": "rapaio", "patched": patched}},
    }


def built_spec(backend, entries, kernel_dir, staging, name=NAME):
    """The kernelspec of a kernel built by java_kernels.py into `kernel_dir` (jars and its own kernel.json)."""
    source = os.path.join(kernel_dir, "kernel.json")
    if not os.path.isfile(source):
        fail(f"{kernel_dir} holds no kernel.json: build the kernel first "
             f"(python notebook-dev/tools/java_kernels.py {backend} --sources … --out …)")
    with open(source, encoding="utf-8") as spec_file:
        own = json.load(spec_file)
    jars = [os.path.basename(arg) for arg in own["argv"] if arg.endswith(".jar")]
    if not jars or not os.path.isfile(os.path.join(kernel_dir, jars[-1])):
        fail(f"{source} names no jar that {kernel_dir} holds: {own['argv']}")
    kernel_jar = jars[-1]  # JJava: [launcher, kernel]; IJava: [kernel]
    shutil.copy(os.path.join(kernel_dir, kernel_jar), staging)
    kernel_jar = os.path.join(KernelSpecManager().user_kernel_dir, name, kernel_jar)
    jvm_options = ["--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED"] if backend == "jjava" else []
    _, variable = FOREIGN[backend]
    return {
        "argv": [java_executable(), "--add-modules", "jdk.incubator.vector", *jvm_options,
                 "-jar", kernel_jar, "{connection_file}"],
        "display_name": DISPLAY_NAME,
        "language": "java",
        "interrupt_mode": own.get("interrupt_mode", "message"),
        "env": {variable: os.pathsep.join(entries)},
        "metadata": {"aelab": {"backend": backend, "built_from": own.get("metadata", {}).get("source", kernel_dir)}},
    }


def foreign_spec(backend, entries):
    pattern, variable = FOREIGN[backend]
    specs = KernelSpecManager().get_all_specs()
    for name, found in sorted(specs.items()):
        spec = found["spec"]
        if name == NAME:
            continue
        if any(pattern.search(arg) for arg in spec.get("argv", [])):
            env = dict(spec.get("env", {}))
            env[variable] = os.pathsep.join(entries)
            return {
                # the installed kernel's own files stay where they are: {resource_dir} would name aelab's
                "argv": [arg.replace("{resource_dir}", found["resource_dir"]) for arg in spec["argv"]],
                "display_name": DISPLAY_NAME,
                "language": spec.get("language", "java"),
                "interrupt_mode": spec.get("interrupt_mode", "signal"),
                "env": env,
                "metadata": {"aelab": {"backend": backend, "based_on": found["resource_dir"]}},
            }
    listed = ", ".join(f"{n} ({s['resource_dir']})" for n, s in sorted(specs.items())) or "none"
    fail(f"no {'IJava' if backend == 'ijava' else 'JJava'} kernel is installed: no kernelspec has "
         f"'{backend}' in its argv (installed kernelspecs: {listed}). Install it first "
         f"({'IJava: unzip its release and run `python3 install.py --user`' if backend == 'ijava' else 'JJava: `pip install jjava` into this Jupyter environment'}), "
         f"or use the default: make kernel KERNEL=rapaio")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", default="rapaio")
    parser.add_argument("--classpath-file")
    parser.add_argument("--kernel-jar", help="rapaio-jupyter-kernel jar (rapaio backend)")
    parser.add_argument("--kernel-dir", help="ijava/jjava: a kernel built by java_kernels.py (else an installed one)")
    parser.add_argument("--unpatched", action="store_true",
                        help="rapaio as shipped, without the project's replacement classes (to measure what they fix)")
    parser.add_argument("--name", default=NAME, help=f"kernelspec name (default {NAME})")
    parser.add_argument("--show", metavar="NAME", help="print the installed kernelspec NAME as JSON and exit")
    args = parser.parse_args()
    if args.show:
        try:
            spec = KernelSpecManager().get_kernel_spec(args.show)
        except Exception:
            fail(f"no kernelspec '{args.show}' is installed: run `make setup`")
        print(json.dumps(spec.to_dict(), indent=1))
        return
    if not args.classpath_file:
        fail("--classpath-file is required")
    if args.backend not in BACKENDS:
        fail(f"unknown kernel '{args.backend}'; choices: {', '.join(BACKENDS)} (e.g. make kernel KERNEL=rapaio)")

    entries = read_classpath(args.classpath_file)
    with tempfile.TemporaryDirectory() as staging:
        if args.backend == "rapaio":
            spec = rapaio_spec(entries, args.kernel_jar or "", staging, args.name, patched=not args.unpatched)
        elif args.kernel_dir:
            spec = built_spec(args.backend, entries, args.kernel_dir, staging, args.name)
        else:
            spec = foreign_spec(args.backend, entries)
        with open(os.path.join(staging, "kernel.json"), "w", encoding="utf-8") as out:
            json.dump(spec, out, indent=1)
        where = KernelSpecManager().install_kernel_spec(staging, args.name, user=True)
    print(f"kernelspec '{args.name}' ({DISPLAY_NAME}, {args.backend}) -> {where}; classpath: {len(entries)} entries, "
          f"first {entries[0]}")


if __name__ == "__main__":
    main()
