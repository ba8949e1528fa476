# sitrep: `make demo` and `make test` work on a fresh Debian machine with Swift.
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= debug
BIN := .build/$(CONFIG)/sitrep
BENCH_BIN := .build/$(CONFIG)/sitrep-bench
DEMO_DIR ?= $(CURDIR)/demo
APT_PACKAGES := libncursesw5-dev libsqlite3-dev libcmark-dev tmux sqlite3 pkg-config postgresql curl openssl prometheus-alertmanager python3 chromium

.PHONY: deps build release demo test bench fuzz soak sanitize lint clean

## deps: install the Debian packages sitrep builds and tests with (only the missing ones)
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

## build: the sitrep binary, and sitrep-bench (benchmarks, data generators, demo services; not shipped)
build: deps
	$(SWIFT) build -c $(CONFIG) --product sitrep
	$(SWIFT) build -c $(CONFIG) --product sitrep-bench

## release: one self-contained binary (Swift runtime and Foundation linked in: faster start-up)
release: deps
	$(SWIFT) build -c release --product sitrep --static-swift-stdlib
	$(SWIFT) build -c release --product sitrep-bench --static-swift-stdlib

## demo: a throwaway database with a realistic incident in progress, then show it
demo: build
	@bash scripts/demo.sh "$(BIN)" "$(DEMO_DIR)" "$(BENCH_BIN)"

## test: every test, from a clean checkout; the store and CLI tests run again on a throwaway PostgreSQL
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	bash scripts/with-postgres.sh $(SWIFT) test --skip-build --filter 'IncidentCoreTests|SitrepCLITests'

## bench: speed figures beside a peer measured in the same run (release build)
bench: release
	@bash scripts/bench.sh .build/release/sitrep

## fuzz: every libFuzzer target for FUZZ_RUNS (1,000,000) executions under ASan; new corpus and crashes land in Tests/FuzzingTests/Corpus
fuzz: deps
	bash scripts/fuzz.sh

## soak: the fault-injection tests at full length (1,000 kill -9, a 1 GiB flood, 2 minutes of hostile endpoints)
soak: deps
	$(SWIFT) build --build-tests
	SITREP_SOAK=1 $(SWIFT) test --skip-build --filter 'FaultInjectionTests|CrashSoakTests|HostileHealthTests|RunbookExecutorTests'

## sanitize: the whole suite under AddressSanitizer, then ThreadSanitizer (SANITIZERS="address thread")
SANITIZERS ?= address thread
sanitize: deps
	@for s in $(SANITIZERS); do \
	  echo "== $$s"; \
	  $(SWIFT) build --build-tests --scratch-path .build-$$s --sanitize=$$s || exit 1; \
	  SWIFT_BACKTRACE=enable=no $(SWIFT) test --skip-build --scratch-path .build-$$s --sanitize=$$s || exit 1; \
	done

lint:
	$(SWIFT) format lint -r Sources Tests

clean:
	rm -rf .build demo
