# huiwen: two commands on a fresh Debian or Ubuntu machine: `make docs`, then `make test`.
SWIFT ?= swift
DEB_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev cmark-gfm pkg-config
# Only the tests need these: Chromium prints the pages (`--to pdf`), LibreOffice prints the
# .docx files and saves test workbooks
# (scripts/make_test_workbooks.py; its Python bridge saves the password-protected one),
# openpyxl writes the other workbooks, pdfminer measures the PDFs and poppler reads their pages
# and metadata, xmllint checks the Office
# Open XML against its schemas, the CJK fonts stand in for the standard's
# (scripts/fontconfig/gbt9704-fonts.conf). `make docs` installs none of them.
TEST_DEB_PACKAGES := chromium libreoffice-writer-nogui libreoffice-calc-nogui python3-uno python3-openpyxl \
  python3-pdfminer poppler-utils libxml2-utils fonts-noto-cjk fonts-arphic-ukai
RELEASE_BIN := .build/release/huiwen
# `make fuzz`: how long each fuzz target runs, in seconds.
FUZZ_SECONDS ?= 60

.PHONY: deps build-deps test-deps install-packages build docs test bench fuzz check clean

# Installs every Debian package the project needs, the tests' included (Chromium, poppler,
# LibreOffice, …), only those missing. Without root and without sudo it prints the exact
# command and stops.
deps: build-deps
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(TEST_DEB_PACKAGES)"

# Only what building huiwen needs: `make build` and `make docs` stay lean.
build-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(DEB_PACKAGES)"

# (The earlier name of `deps`.)
test-deps: deps

install-packages:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "missing Debian packages:$$missing"; \
	if [ "$$(id -u)" = 0 ]; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	  sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	else \
	  echo "run as root (no sudo here):"; \
	  echo "  apt-get update && apt-get install -y$$missing"; \
	  exit 1; \
	fi

build: build-deps
	$(SWIFT) build -c release --product huiwen

# Builds the example project (templates/ and data/ of this repository) into output/.
docs: build
	$(RELEASE_BIN) build

test: deps
	$(SWIFT) test

# Issue 14's throughput benchmark (scripts/bench-throughput.sh): batches of ~8 KB per-recipient
# notices at N = 200, 2,000 and 20,000; huiwen (--jobs 1 and 2: cold, unchanged, one row changed,
# --check) beside the cmark-gfm command, cp -r, the Python pipeline and pandoc; prints a table for
# BENCHMARKS.md and the targets with PASS/FAIL. Writes nothing in the repository (work files in a
# temp dir; KEEP=1 keeps them). SIZES, RUNS, LARGE_RUNS, PANDOC_N, TARGET_N are passed through.
bench: build
	SKIP_BUILD=1 scripts/bench-throughput.sh

# libFuzzer targets (Fuzz/, a package of its own) built with the fuzzer and address sanitizer
# into .build-fuzz, so the main build is unaffected; each runs FUZZ_SECONDS (Fuzz/run.sh).
fuzz: build-deps
	cd Fuzz && $(SWIFT) build -c release --scratch-path ../.build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh

clean:
	rm -rf .build .build-fuzz
