"""Build IJava or JJava from their source archives, for running the notebooks under them.

    python java_kernels.py ijava|jjava --sources ../shared/kernels --out notebook-dev/target/kernels \
                           [--mvn "mvn -B"]

Neither kernel's runnable form comes from a package registry, so the test tooling builds it from the
source archives kept beside the project (`IJava-*-src.tar.gz`, `jjava-*-src.tar.gz`). Their code is
third-party: it is unpacked and built under --out (a git-ignored build directory), never copied into
the project.

ijava:  IJava 1.3.0 ships a Gradle build whose wrapper downloads Gradle. It is built here with a Maven
        POM written by this script (release 11; the shade plugin makes one runnable jar with
        io.github.spencerpark.ijava.IJava as main class; its resources' @version@/@project@ tokens
        filtered), from the dependencies its build.gradle declares.
jjava:  JJava's own Maven build (`mvn package -DskipTests`); its kernelspec zip holds jjava.jar and
        jjava-launcher.jar.

The result is --out/<kernel>/: the kernel's jar(s) and `kernel.json` with the kernel's own command line
(paths as `{resource_dir}/…`), which kernelspec.py --kernel-dir turns into the `aelab` kernelspec. A build
is reused while the archive it came from is unchanged (a stamp holds the archive's SHA-256).
"""
import argparse
import glob
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tarfile
import zipfile

ARCHIVES = {"ijava": "IJava-*-src.tar.gz", "jjava": "jjava-*-src.tar.gz"}

# What IJava 1.3.0's build.gradle declares (its `shade` configuration) and how it packages the jar.
IJAVA_POM = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by aelab's notebook-dev/tools/java_kernels.py from IJava's build.gradle. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.github.spencerpark</groupId>
  <artifactId>ijava</artifactId>
  <version>{version}</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>11</maven.compiler.release>
    <!-- the @version@ and @project@ tokens of its resources -->
    <version>{version}</version>
    <project>ijava</project>
  </properties>
  <dependencies>
    <dependency><groupId>io.github.spencerpark</groupId><artifactId>jupyter-jvm-basekernel</artifactId><version>2.3.0</version></dependency>
    <dependency><groupId>org.apache.ivy</groupId><artifactId>ivy</artifactId><version>2.5.0-rc1</version></dependency>
    <dependency><groupId>org.apache.maven</groupId><artifactId>maven-model-builder</artifactId><version>3.6.0</version></dependency>
  </dependencies>
  <build>
    <resources>
      <resource><directory>src/main/resources</directory><filtering>true</filtering></resource>
    </resources>
    <plugins>
      <plugin>
        <artifactId>maven-compiler-plugin</artifactId><version>3.11.0</version>
        <configuration><compilerArgs><arg>-nowarn</arg></compilerArgs></configuration>
      </plugin>
      <plugin>
        <artifactId>maven-resources-plugin</artifactId><version>3.3.1</version>
        <configuration>
          <delimiters><delimiter>@</delimiter></delimiters>
          <useDefaultDelimiters>false</useDefaultDelimiters>
        </configuration>
      </plugin>
      <plugin>
        <artifactId>maven-shade-plugin</artifactId><version>3.5.1</version>
        <executions><execution><phase>package</phase><goals><goal>shade</goal></goals>
          <configuration>
            <finalName>ijava</finalName>
            <transformers>
              <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer">
                <mainClass>io.github.spencerpark.ijava.IJava</mainClass>
              </transformer>
              <transformer implementation="org.apache.maven.plugins.shade.resource.ServicesResourceTransformer"/>
            </transformers>
            <filters><filter><artifact>*:*</artifact><excludes>
              <exclude>META-INF/*.SF</exclude><exclude>META-INF/*.DSA</exclude><exclude>META-INF/*.RSA</exclude>
            </excludes></filter></filters>
          </configuration>
        </execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
"""

# IJava's kernel.json as its Gradle installer writes it (build.gradle's `jupyter { … }` block).
IJAVA_KERNEL = {
    "argv": ["java", "-jar", "{resource_dir}/ijava.jar", "{connection_file}"],
    "display_name": "Java",
    "language": "java",
    "interrupt_mode": "message",
    "env": {},
}


def fail(message):
    print(f"java_kernels: {message}", file=sys.stderr)
    sys.exit(2)


def archive_for(kernel, sources):
    if not os.path.isdir(sources):
        fail(f"kernel sources directory {sources} does not exist. The {kernel} backend is built from "
             f"{ARCHIVES[kernel]} there (the project keeps it beside the repository as ../shared/kernels); "
             f"set KERNEL_SOURCES=<dir>, or install the kernel yourself (README, Kernels) and run "
             f"`make kernel KERNEL={kernel} KERNEL_SOURCES=`")
    found = sorted(glob.glob(os.path.join(sources, ARCHIVES[kernel])))
    if len(found) != 1:
        fail(f"expected one {ARCHIVES[kernel]} in {sources}, found {len(found) or 'none'}: {found}")
    return found[0]


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def unpack(archive, into):
    """Unpacks the archive into `into` and returns its single top-level directory."""
    shutil.rmtree(into, ignore_errors=True)
    os.makedirs(into)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    tops = os.listdir(into)
    if len(tops) != 1:
        fail(f"{archive} should hold one top-level directory, holds {tops}")
    return os.path.join(into, tops[0])


def maven(mvn, directory, log, *goals):
    command = [*shlex.split(mvn), "-q", *goals]
    print(f"java_kernels: {' '.join(command)} in {directory} (log: {log})", flush=True)
    with open(log, "w", encoding="utf-8") as out:
        done = subprocess.run(command, cwd=directory, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        tail = open(log, encoding="utf-8", errors="replace").read().splitlines()[-30:]
        fail(f"the Maven build in {directory} failed (exit {done.returncode}); last lines of {log}:\n" + "\n".join(tail))


def gradle_version(source):
    for line in open(os.path.join(source, "build.gradle"), encoding="utf-8"):
        if line.strip().startswith("version ="):
            return line.split("=", 1)[1].strip().strip("'\"")
    fail(f"{source}/build.gradle names no version")


def build_ijava(source, result, mvn, log):
    version = gradle_version(source)
    with open(os.path.join(source, "pom.xml"), "w", encoding="utf-8") as pom:
        pom.write(IJAVA_POM.format(version=version))
    maven(mvn, source, log, "package", "-DskipTests")
    shutil.copy(os.path.join(source, "target", "ijava.jar"), os.path.join(result, "ijava.jar"))
    return dict(IJAVA_KERNEL, metadata={"kernel": "IJava", "version": version})


def build_jjava(source, result, mvn, log):
    maven(mvn, source, log, "package", "-DskipTests")
    zips = glob.glob(os.path.join(source, "jjava-distro", "target", "*-kernelspec.zip"))
    if len(zips) != 1:
        fail(f"JJava's build made no single kernelspec zip in {source}/jjava-distro/target: {zips}")
    with zipfile.ZipFile(zips[0]) as kernelspec:
        for name in kernelspec.namelist():
            if name.endswith((".jar", "kernel.json")) and not name.endswith("/"):
                with kernelspec.open(name) as data, open(os.path.join(result, os.path.basename(name)), "wb") as out:
                    shutil.copyfileobj(data, out)
    with open(os.path.join(result, "kernel.json"), encoding="utf-8") as spec:
        kernel = json.load(spec)
    kernel["metadata"] = {"kernel": "JJava", "version": os.path.basename(zips[0]).split("-kernelspec")[0]}
    return kernel


def build(kernel, sources, out, mvn):
    archive = archive_for(kernel, sources)
    result = os.path.join(out, kernel)
    stamp = os.path.join(result, "source.sha256")
    digest = sha256(archive)
    if os.path.isfile(stamp) and open(stamp).read().strip() == digest:
        print(f"java_kernels: {kernel} already built from {os.path.basename(archive)} in {result}")
        return result
    shutil.rmtree(result, ignore_errors=True)
    os.makedirs(result)
    source = unpack(archive, os.path.join(out, kernel + "-src"))
    log = os.path.join(out, kernel + "-build.log")
    spec = (build_ijava if kernel == "ijava" else build_jjava)(source, result, mvn, log)
    spec["metadata"]["source"] = os.path.basename(archive)
    with open(os.path.join(result, "kernel.json"), "w", encoding="utf-8") as out_spec:
        json.dump(spec, out_spec, indent=1)
    with open(stamp, "w") as out_stamp:
        out_stamp.write(digest + "\n")
    print(f"java_kernels: built {kernel} from {os.path.basename(archive)} -> {result}")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kernel", choices=sorted(ARCHIVES))
    parser.add_argument("--sources", required=True, help="directory holding the kernels' source archives")
    parser.add_argument("--out", required=True, help="build directory (git-ignored)")
    parser.add_argument("--mvn", default="mvn -B", help="Maven command line (e.g. with -Dmaven.repo.local=…)")
    args = parser.parse_args()
    build(args.kernel, os.path.abspath(args.sources), os.path.abspath(args.out), args.mvn)


if __name__ == "__main__":
    main()
