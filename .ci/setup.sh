#!/usr/bin/env bash
# Installs every tool the build and the tests need, and only what is missing, so it is cheap to run
# again. CI and new machines start bare; nothing here downloads a prebuilt binary from outside the
# package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

# The CLI must match the wasm-bindgen library version exactly: read it from Cargo.toml's `=x.y.z` pin.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# The Rust release rust-toolchain.toml pins. A machine whose installed `stable` is that very
# release gets it under the pinned name, as a link beside it (rustup keeps each toolchain as a
# folder), rather than have rustup download the same compiler again; any other machine has rustup
# install it, with the components and target the file lists. Checked before any rustup command in
# this folder, which would start that download.
PINNED=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
TOOLCHAINS=${RUSTUP_HOME:-$HOME/.rustup}/toolchains
if ! compgen -G "$TOOLCHAINS/$PINNED-*" >/dev/null; then
  stable=$(compgen -G "$TOOLCHAINS/stable-*" | head -n 1 || true)
  if [ -n "$stable" ] && [ "$("$stable/bin/rustc" -V | cut -d' ' -f2)" = "$PINNED" ]; then
    say "naming the installed stable toolchain $PINNED, the release rust-toolchain.toml pins"
    ln -s "${stable##*/}" "$TOOLCHAINS/$PINNED-${stable##*/stable-}"
  else
    say "installing Rust $PINNED, which rust-toolchain.toml pins"
    rustup toolchain install
  fi
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  # Not --locked: the registry mirror here lacks one crate pinned in the CLI's own lock file.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# binaryen's wasm-opt from npm (v132): Debian's wasm-opt 108 emits modules that break at run time.
# esbuild bundles and minifies the visitor widget's scripts and stylesheet; terser minifies
# wasm-bindgen's JS glue, and the bundle once more.
# playwright-core drives Debian's Chromium and puppeteer-core Debian's Firefox ESR (24.x: 25 needs
# Node 22); neither downloads a browser of its own. axe-core is injected
# into the pages by the accessibility test; vnu-jar is the Nu HTML checker's jar, run with Debian's
# Java. --ignore-scripts: vnu-jar's install script would download a JDK from GitHub when it finds no
# Java; esbuild's only checks its platform binary (@esbuild/linux-x64, an optional dependency npm
# installs anyway), and none of the other tools has one.
if [ ! -x .ci/node_modules/.bin/wasm-opt ] || [ ! -x .ci/node_modules/.bin/terser ] \
  || [ ! -x .ci/node_modules/.bin/esbuild ] \
  || [ ! -f .ci/node_modules/vnu-jar/build/dist/vnu.jar ] \
  || [ .ci/package-lock.json -nt .ci/node_modules/.package-lock.json ]; then
  say "installing npm tools into .ci/node_modules"
  npm ci --prefix .ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver) # the wasm render tests (make test-wasm)
command -v brotli >/dev/null || need_apt+=(brotli)
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils) # the staff page's printout, as PNG and text
command -v java >/dev/null || need_apt+=(default-jre-headless) # runs the Nu HTML checker (make test-html)
# The browser tests' two other engines (tests/browser/README.md): WebKit (Safari's), whose driver
# starts MiniBrowser, which has no headless mode, so under Xvfb; and Firefox ESR.
command -v WebKitWebDriver >/dev/null || need_apt+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || need_apt+=(xvfb)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
