# aelab — the only commands a user needs.
#   make lab     set up, then JupyterLab on notebooks/ (localhost, token auth)
#   make test    set up, then unit tests, every notebook executed (quick mode), the browser check; KERNEL=… as for make kernel
#   make book    set up, then every notebook in full mode -> build/book/*.ipynb, *.html, index.html
#   make bench   benchmarks (JMH and the PyTorch comparison)
#   make fuzz    the file readers' property tests with FUZZ_TRIES cases each, in a 256 MB heap
#   make mutation  PIT mutation testing of nn, train, model: the killed share per package
#   make setup   system packages (Debian/Ubuntu as root), Jupyter, mvn install, the `aelab` kernelspec
#   make kernel KERNEL=rapaio|ijava|jjava   (re)write the `aelab` kernelspec for that Java kernel (IJava/JJava built from KERNEL_SOURCES)

SHELL := /bin/bash
.DEFAULT_GOAL := help

KERNEL ?= rapaio
KERNELS := rapaio ijava jjava
MVN ?= mvn -B
PIP_FLAGS ?= --retries 0
FUZZ_TRIES ?= 60000
# IJava and JJava are built from their source archives here when the directory exists (else an installed one is used).
KERNEL_SOURCES ?= ../shared/kernels
KERNEL_BUILD := notebook-dev/target/kernels

# Jupyter: an active conda env made from environment.yml, else the project's .venv.
ifneq ($(and $(CONDA_PREFIX),$(wildcard $(CONDA_PREFIX)/bin/jupyter-lab)),)
  PYBIN := $(CONDA_PREFIX)/bin
  VENV_STAMP :=
else
  PYBIN := $(CURDIR)/.venv/bin
  VENV_STAMP := .venv/.aelab-requirements
endif
PYTHON := $(PYBIN)/python
export PATH := $(PYBIN):$(PATH)

.PHONY: help setup system jupyter lab-settings install kernel kernel-choice lab test book bench fuzz mutation

help:
	@sed -n '2,10p' Makefile | sed 's/^# *//'

setup: system jupyter lab-settings install kernel

system:
	@bash notebook-dev/tools/system-deps.sh

jupyter: $(VENV_STAMP)
	@$(PYTHON) -c "import jupyterlab, nbclient, nbconvert, nbformat" \
	  || { echo "Jupyter in $(PYBIN) lacks jupyterlab/nbclient/nbconvert/nbformat: see environment.yml or delete .venv"; exit 1; }

.venv/.aelab-requirements: notebook-dev/requirements.txt
	@command -v python3 >/dev/null || { echo "python3 is needed for Jupyter (or activate the conda env from environment.yml)"; exit 1; }
	@test -x .venv/bin/python || python3 -m venv .venv
	.venv/bin/pip install -q $(PIP_FLAGS) -r notebook-dev/requirements.txt
	@touch $@

# The project's JupyterLab settings (no news pop-up) as defaults of the environment's JupyterLab, where
# `make lab` and the browser test read them; a user's own settings still win.
lab-settings: jupyter
	@dir=$$($(PYTHON) -c "from jupyterlab.commands import get_app_dir; print(get_app_dir())")/settings/overrides.d; \
	  mkdir -p "$$dir" && cp notebook-dev/lab/overrides.json "$$dir/aelab.json"

# Build and install org.aelab:aelab into the local Maven repository. Tests run in `make test`.
install:
	$(MVN) -q install -DskipTests

kernel: kernel-choice jupyter install
	$(MVN) -q -f notebook-dev/pom.xml dependency:build-classpath@kernel-classpath dependency:copy@kernel-jar
	@if [ "$(KERNEL)" != rapaio ] && [ -n "$(KERNEL_SOURCES)" ]; then \
	  if [ -d "$(KERNEL_SOURCES)" ]; then \
	    $(PYTHON) notebook-dev/tools/java_kernels.py $(KERNEL) --sources "$(KERNEL_SOURCES)" --out $(KERNEL_BUILD) --mvn "$(MVN)" || exit; \
	  else echo "kernel: $(KERNEL_SOURCES) (the kernels' source archives) is absent: using an installed $(KERNEL) kernelspec instead"; fi; fi
	$(PYTHON) notebook-dev/tools/kernelspec.py --backend $(KERNEL) \
	  --classpath-file notebook-dev/target/kernel/classpath.txt \
	  --kernel-jar notebook-dev/target/kernel/rapaio-jupyter-kernel.jar \
	  $(if $(and $(filter-out rapaio,$(KERNEL)),$(KERNEL_SOURCES),$(wildcard $(KERNEL_SOURCES))),--kernel-dir $(KERNEL_BUILD)/$(KERNEL))

kernel-choice:
	@case " $(KERNELS) " in *" $(KERNEL) "*) ;; \
	  *) echo "unknown KERNEL=$(KERNEL); choices: $(KERNELS) (default rapaio)"; exit 2;; esac

# Localhost only, token authentication on (the default); root (containers) needs --allow-root.
lab: setup
	cd notebooks && jupyter lab --ServerApp.ip=127.0.0.1 --no-browser $(if $(filter 0,$(shell id -u)),--allow-root)

test: setup
	@start=$$(date +%s); rc=0; \
	$(MVN) verify -Daelab.python=$(PYTHON) || rc=$$?; \
	$(PYTHON) notebook-dev/tools/summary.py --seconds $$(( $$(date +%s) - start )) || { [ $$rc -ne 0 ] || rc=1; }; \
	exit $$rc

book: setup
	$(PYTHON) notebook-dev/tools/book.py --out build/book

bench:
	./lib/bench/run

# Damaged MNIST and model files: each case must load correctly or fail with an IOException naming the file.
fuzz:
	set -o pipefail; $(MVN) -pl lib test -Dtest='*Properties' -Daelab.fuzz.tries=$(FUZZ_TRIES) -DargLine=-Xmx256m \
	  | grep -a -E -A40 '^FUZZ|outcome = |Tests run:|BUILD|ERROR'

# PIT mutates nn, train and model (configuration in lib/pom.xml) and runs the unit tests against every mutant;
# the HTML report is lib/target/pit-reports/index.html.
mutation:
	$(MVN) -pl lib test-compile org.pitest:pitest-maven:mutationCoverage
	python3 lib/mutation/summary.py lib/target/pit-reports/mutations.xml
