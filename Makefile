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

# The release wasm (dist/) only: std is rebuilt for size, on stable Rust with RUSTC_BOOTSTRAP=1 (as `make fuzz`
# does) from the rust-src component, and a panic aborts at once (web/boot.js shows the panic panel). docs/build.md.
# clippy, cargo test, wasm-test and fuzz never see these; a bare `trunk build --release` makes the same app, bigger.
RELEASE_BUILD := RUSTC_BOOTSTRAP=1 \
	CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none' \
	trunk build --release --offline

.PHONY: help tools dist single serve test fmt-check clippy clippy-wasm cargo-test wasm-test fuzz size e2e bench bench-browser clean

help:
	@echo "make serve          install missing tools, build the release app, serve it on http://127.0.0.1:$(PORT)"
	@echo "make test           install missing tools, then fmt, clippy (native + wasm32), cargo test, dist, size budget, e2e"
	@echo "make dist           release build into dist/ (trunk build --release --offline, std rebuilt for size)"
	@echo "make single         one self-contained HTML file (dist-single/grouplab.html) that works from disk, offline"
	@echo "make e2e            end-to-end tests in headless Chromium (builds dist/ if it is missing)"
	@echo "make bench          criterion benchmarks of the model"
	@echo "make fuzz           fuzz the model (command sequences, scenario JSON, links, imported text), FUZZ_SECONDS per target"
	@echo "make bench-browser  load and frame-time benchmark in headless Chromium (not part of make test)"

tools:
	scripts/install-tools.sh

dist: tools
	$(RELEASE_BUILD)

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
	$(RELEASE_BUILD)

e2e-only:
	node --test --test-reporter=spec e2e/
