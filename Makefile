# The one task file. `make serve` and `make test` are the two commands in the README; .ci/run calls
# `make test`. Every target that needs tools runs the idempotent setup first.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
PORT ?= 8000
WASM_TARGET := wasm32-unknown-unknown
CRATE := amnion_estimator
PKG := www/pkg
SPANISH_PKG := www/pkg-es
BOTH_PKG := www/pkg-en-es
comma := ,
STAFF_PKG := www/pkg-staff
DIST := www/dist
STAFF_DIST := www/dist-staff
NODE_BIN := .ci/node_modules/.bin
export PATH := $(HOME)/.cargo/bin:$(PATH)
# wasm tests run in Node through wasm-bindgen's runner.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner

.PHONY: setup build serve test lint test-native test-wasm test-html test-browser size bench fuzz check-price-book setup-screenshots clean

setup:
	@bash .ci/setup.sh

# One optimized module and its JS glue: $(1) the output folder, $(2) extra cargo flags. wasm-opt -O2
# rather than -Oz: its output is larger but smaller after brotli, which is what visitors download
# (docs/performance.md); --converge runs its passes until the module stops shrinking (0.3 KB
# brotli off the visitor's, for a few seconds); the custom sections only wasm-opt reads are
# dropped. The glue is minified: wasm-bindgen copies every export's doc comment into it.
define wasm_module
	cargo rustc --lib --release --target $(WASM_TARGET) --crate-type cdylib $(2)
	wasm-bindgen --target web --no-typescript --out-dir $(1) target/$(WASM_TARGET)/release/$(CRATE).wasm
	$(NODE_BIN)/wasm-opt -O2 --converge --strip-producers --strip-target-features $(1)/$(CRATE)_bg.wasm -o $(1)/$(CRATE)_bg.wasm
	$(NODE_BIN)/terser $(1)/$(CRATE).js --module --compress --mangle --output $(1)/$(CRATE).min.js
	mv $(1)/$(CRATE).min.js $(1)/$(CRATE).js
endef

## The optimized modules: the visitor's in three, one per language its words are in (DESIGN.md,
## "Why a visitor's module per language?"): English in www/pkg, Spanish in www/pkg-es (feature
## `spanish`), both in www/pkg-en-es, all with the same JS glue, which the build checks; the staff
## page's (feature `staff`: quotes and Good Faith Estimates too) in www/pkg-staff. Then the visitor
## widget as a clinic copies it to its site, in www/dist: its scripts and the module's glue bundled
## into one minified estimator.js (esbuild, then terser, which shaves a little more), its stylesheet
## minified, and beside them its markup (widget.html, and widget-es.html written from it and
## es.json, both by .ci/widget-markup.mjs), the three modules and the sample price book (minified JSON:
## the visitor's module embeds no book, so a widget without a `price-book` attribute fetches it).
## index.html embeds that folder, so what is measured is what ships. The staff page likewise, in
## www/dist-staff: staff.html as it is, beside one bundled staff.js, its two stylesheets minified,
## the Spanish words, the icon and the staff module; and the price-book editor beside it
## (editor.html, one bundled editor.js, editor.css, and the widget's markup for its preview, which
## runs on the staff module).
build: setup
	$(call wasm_module,$(PKG),)
	$(call wasm_module,$(SPANISH_PKG),--features spanish)
	$(call wasm_module,$(BOTH_PKG),--features english$(comma)spanish)
	@for pkg in $(SPANISH_PKG) $(BOTH_PKG); do cmp -s $(PKG)/$(CRATE).js $$pkg/$(CRATE).js || { echo "$$pkg: the visitor's modules need different JS glue, and estimator.js loads each with one (DESIGN.md)"; exit 1; }; done
	$(call wasm_module,$(STAFF_PKG),--features staff)
	rm -rf $(DIST) && mkdir -p $(DIST)
	$(NODE_BIN)/esbuild www/estimator.js --bundle --format=esm --minify --log-level=warning --outfile=$(DIST)/bundle.js
	$(NODE_BIN)/terser $(DIST)/bundle.js --module --compress --mangle --output $(DIST)/estimator.js
	rm $(DIST)/bundle.js
	$(NODE_BIN)/esbuild www/style.css --minify --log-level=warning --outfile=$(DIST)/style.css
	cp $(PKG)/$(CRATE)_bg.wasm $(DIST)/
	cp $(SPANISH_PKG)/$(CRATE)_bg.wasm $(DIST)/$(CRATE)_es_bg.wasm
	cp $(BOTH_PKG)/$(CRATE)_bg.wasm $(DIST)/$(CRATE)_en_es_bg.wasm
	node .ci/widget-markup.mjs www/widget.html www/es.json $(DIST)/estimator.js $(DIST)
	node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2], JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1], "utf8"))))' src/price_book/default.json $(DIST)/sample-price-book.json
	rm -rf $(STAFF_DIST) && mkdir -p $(STAFF_DIST)
	for page in staff editor; do $(NODE_BIN)/esbuild www/$$page.js --bundle --format=esm --minify --log-level=warning --outfile=$(STAFF_DIST)/$$page.js; done
	for css in style staff editor editor-preview; do $(NODE_BIN)/esbuild www/$$css.css --minify --log-level=warning --outfile=$(STAFF_DIST)/$$css.css; done
	cp www/staff.html www/editor.html www/widget.html www/es.json www/favicon.svg $(STAFF_PKG)/$(CRATE)_bg.wasm $(STAFF_DIST)/

## Builds, then serves www/ on 127.0.0.1 with the sample price book.
serve: build
	@echo "Serving the estimator at http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

## Every tier: format, lints, native tests, wasm tests, HTML check, browser tests, then the size report.
test: setup lint test-native test-wasm test-html build test-browser size

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) --features spanish -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) --features english,spanish -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) --features staff -- -D warnings

test-native:
	cargo test

## The boundary's tests: in Node, and the render path in headless Chromium (chromedriver).
test-wasm:
	cargo test --target $(WASM_TARGET) --features staff --test wasm --test wasm_payment
	CHROMEDRIVER=/usr/bin/chromedriver cargo test --target $(WASM_TARGET) --features staff --test wasm_render

## The Nu HTML checker (vnu.jar from npm, on Debian's Java) on every page in www/, new ones too:
## any error fails. Called with java directly: the npm wrapper would fetch a JDK if none is found.
test-html: setup
	@pages=$$(find www -name '*.html' -not -path 'www/pkg/*' -not -path 'www/pkg-es/*' -not -path 'www/pkg-en-es/*' -not -path 'www/pkg-staff/*' -not -path 'www/dist/*' -not -path 'www/dist-staff/*' | sort); echo "Nu HTML checker:" $$pages; \
	java -jar .ci/node_modules/vnu-jar/build/dist/vnu.jar --errors-only $$pages

test-browser:
	node --test tests/browser/

## Raw, gzip and brotli bytes of every file a visitor downloads, then of the staff page.
size:
	@bash .ci/size-report.sh

## Figures, not pass/fail: the size report, then load and update times in headless Chromium, then
## the register's (tests/browser/bench-register.mjs: a first load and a change, of 200 and 1,000 records).
## `make bench BEFORE=<git revision>` also builds that revision and measures its updates in the same run.
bench: build size
	$(if $(BEFORE),bash .ci/build-before.sh $(BEFORE))
	$(if $(BEFORE),BEFORE_WWW=target/bench-before/www) node tests/browser/bench.mjs
	$(if $(BEFORE),BEFORE_WWW=target/bench-before/www) node tests/browser/bench-register.mjs

## A long fuzz run, on demand (not part of `make test`): every fuzz target (tests/fuzz.rs,
## tests/fuzz_documents.rs) with CASES cases each, in release (the `fuzz` profile: release, but
## unwinding, as tests do), one target at a time so each one's
## cases per second is its own; each prints its count, time and rate. make fuzz CASES=1000000
## (docs/reliability.md). A failure is shrunk and its seed saved in tests/*.proptest-regressions.
CASES ?= 100000
fuzz:
	FUZZ_CASES=$(CASES) cargo test --profile fuzz --test fuzz --test fuzz_documents -- --nocapture --test-threads=1

## The screenshots of docs/setup.md, from the editor as built (look at them before committing).
setup-screenshots: build
	node tests/browser/setup-screenshots.mjs

## Checks a clinic's price book before it is published: make check-price-book FILE=prices.json
check-price-book:
	cargo run --quiet --bin check-price-book -- $(FILE)

clean:
	cargo clean
	rm -rf $(PKG) $(SPANISH_PKG) $(BOTH_PKG) $(STAFF_PKG) $(DIST) $(STAFF_DIST)
