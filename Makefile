# GroupLab: build, serve, test.  `make serve` and `make test` work on a fresh machine: both first run
# scripts/install-tools.sh, which installs only what is missing.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# Steps run in the order written, even under `make -j`.
.NOTPARALLEL:

# Tools from npm (wasm-opt, from binaryen) and from cargo install (trunk, wasm-bindgen).
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR ?= never

PORT ?= 8080
WASM := wasm32-unknown-unknown

.PHONY: help tools dist single serve test fmt-check clippy clippy-wasm cargo-test wasm-test fuzz size e2e bench bench-browser clean

help:
	@echo "make serve          install missing tools, build the release app, serve it on http://127.0.0.1:$(PORT)"
	@echo "make test           install missing tools, then fmt, clippy (native + wasm32), cargo test, dist, size budget, e2e"
	@echo "make dist           release build into dist/ (trunk build --release --offline)"
	@echo "make single         one self-contained HTML file (dist-single/grouplab.html) that works from disk, offline"
	@echo "make e2e            end-to-end tests in headless Chromium (builds dist/ if it is missing)"
	@echo "make bench          criterion benchmarks of the model"
	@echo "make fuzz           fuzz the model (command sequences, scenario JSON, links, imported text), FUZZ_SECONDS per target"
	@echo "make bench-browser  load and frame-time benchmark in headless Chromium (not part of make test)"

tools:
	scripts/install-tools.sh

dist: tools
	trunk build --release --offline

single: dist
	node scripts/single-file.mjs

serve: dist
	node scripts/serve.mjs --port $(PORT)

test: tools
	@$(MAKE) --no-print-directory fmt-check clippy clippy-wasm cargo-test wasm-test
	@$(MAKE) --no-print-directory dist-only size e2e-only

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings

clippy-wasm:
	cargo clippy --workspace --all-targets --target $(WASM) -- -D warnings

cargo-test:
	cargo test --workspace

# The model's history digest in wasm (wasm-bindgen-test in Node.js) must equal the native one.
wasm-test:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
		cargo test -p grouplab-model --target $(WASM) --test determinism

size:
	node scripts/size-check.mjs

e2e: tools
	@if [ ! -f dist/index.html ]; then $(MAKE) --no-print-directory dist-only; fi
	@$(MAKE) --no-print-directory e2e-only

bench:
	cargo bench -p grouplab-model

# Fuzz the model for FUZZ_SECONDS per target (cargo-fuzz on stable Rust: RUSTC_BOOTSTRAP, no sanitizer).
FUZZ_SECONDS ?= 600
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
	cd fuzz && for target in commands scenario link import; do \
		mkdir -p corpus/$$target; \
		RUSTC_BOOTSTRAP=1 cargo fuzz run $$target --sanitizer none -O -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 || exit 1; \
	done

bench-browser: dist
	node scripts/browser-bench.mjs

clean:
	cargo clean
	rm -rf dist dist-single e2e/screenshots e2e/results

# Internal targets without the tools step (used once `tools` has run).
.PHONY: dist-only e2e-only
dist-only:
	trunk build --release --offline

e2e-only:
	node --test --test-reporter=spec e2e/
