#!/usr/bin/env bash
# Builds ICU's common library (libicuuc) for WebAssembly from Debian's ICU source package, once,
# into a cache outside the source tree keyed by ICU version and flags; prints the install prefix.
#
# The core uses only ICU's compiled-in character properties and case mapping (no break
# iterators, no locale data), so no ICU data file is built or linked: the wasm stays small.
# Steps (see ../shared/notes/toolchain.md): enable deb-src, `apt-get source icu`, a native host
# build for the cross tools, then `emconfigure` + `emmake` of the common library.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ICU_VERSION=$(dpkg-query -W -f='${Version}' libicu-dev 2>/dev/null | sed 's/-.*//')
[ -n "$ICU_VERSION" ] || { ensure_packages libicu-dev; ICU_VERSION=$(dpkg-query -W -f='${Version}' libicu-dev | sed 's/-.*//'); }
FLAGS="-Oz -fwasm-exceptions"
KEY=$(printf '%s %s %s' "$ICU_VERSION" "$FLAGS" "$(emcc --version | head -1)" | sha256sum | cut -c1-12)
PREFIX="$BELGI_CACHE/icu-wasm-$ICU_VERSION-$KEY"

if [ -f "$PREFIX/lib/libicuuc.a" ] && [ -f "$PREFIX/include/unicode/uchar.h" ]; then
  echo "$PREFIX"
  exit 0
fi

ensure_packages dpkg-dev emscripten build-essential
WORK="$BELGI_CACHE/icu-src-$ICU_VERSION"
if [ ! -d "$WORK/source" ]; then
  if ! ls /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | xargs grep -qs 'deb-src'; then
    log "enabling Debian source packages"
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
        > /etc/apt/sources.list.d/belgi-deb-src.sources
    else
      grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' > /etc/apt/sources.list.d/belgi-deb-src.list
    fi
    apt-get update -qq
  fi
  log "fetching Debian's ICU $ICU_VERSION source"
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -qq --download-only "icu=$(dpkg-query -W -f='${Version}' libicu-dev)" >/dev/null \
     && dpkg-source -x icu_*.dsc src >/dev/null)
  rm -rf "$WORK" && mkdir -p "$BELGI_CACHE" && mv "$tmp/src" "$WORK" && rm -rf "$tmp"
fi

log "ICU host build (cross tools)"
HOST="$WORK/build-host"
mkdir -p "$HOST"
(cd "$HOST" && [ -f config.status ] || "$WORK/source/configure" --disable-tests --disable-samples >/dev/null)
(cd "$HOST" && make -s config/icucross.mk config/icucross.inc >/dev/null)

log "ICU cross build for wasm (a few minutes, once)"
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
CROSS="$WORK/build-wasm-$KEY"
rm -rf "$CROSS" && mkdir -p "$CROSS/lib" "$CROSS/data/out/tmp"
(cd "$CROSS" && CFLAGS="$FLAGS" CXXFLAGS="$FLAGS" emconfigure "$WORK/source/configure" \
   --host=wasm32-unknown-linux --with-cross-build="$HOST" --enable-static --disable-shared \
   --disable-tools --disable-tests --disable-samples --disable-extras --disable-layoutex \
   --disable-icuio --with-data-packaging=static >/dev/null)
(cd "$CROSS/common" && emmake make -s -j "$(nproc)" >/dev/null)
(cd "$CROSS/stubdata" && emmake make -s >/dev/null)

tmpp="$PREFIX.tmp"
rm -rf "$tmpp" && mkdir -p "$tmpp/lib" "$tmpp/include"
cp "$CROSS/lib/libicuuc.a" "$tmpp/lib/"
cp "$CROSS/stubdata/libicudata.a" "$tmpp/lib/"
cp -r "$WORK/source/common/unicode" "$tmpp/include/"
rm -rf "$PREFIX" && mv "$tmpp" "$PREFIX"
echo "$PREFIX"
