# The two commands of the README: `make site` builds the site into public/, `make test` runs every check.
# Both install what they need on a fresh Debian machine (run as root, or with sudo available).

SWIFT ?= swift
CNMM_RELEASE := .build/release/cnmm
CORPUS := ../shared/corpus/cartografos-v3

.PHONY: site test deps lint build-release check-content check-corpus

site: deps
	$(SWIFT) build -c release --product cnmm
	$(CNMM_RELEASE) build

test: deps
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) lint
	$(MAKE) check-content check-corpus

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

# Builds content/ into a temporary folder, failing on any error or warning.
check-content:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  .build/debug/cnmm build --strict --output "$$tmp/public"

# Builds the real site's content tree with the default theme, when it is beside the project.
check-corpus:
	@if [ -d "$(CORPUS)" ]; then \
	  tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  .build/debug/cnmm build --source "$(CORPUS)" --theme "$(CURDIR)/themes/default" --output "$$tmp/public"; \
	else echo "check-corpus: $(CORPUS) not found, skipped"; fi

# Installs the Debian packages cmark-gfm comes from, when they are missing.
deps:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -e /usr/include/cmark-gfm-core-extensions.h ]; then \
	  echo "Installing libcmark-gfm-dev and libcmark-gfm-extensions-dev"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config; \
	fi
