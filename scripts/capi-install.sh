#!/usr/bin/env bash
# Builds libxbzrle (cargo build --release -p xbzrle-capi) and installs it in cargo-c's
# layout:
#
#   PREFIX/include/xbzrle/xbzrle.h
#   PREFIX/LIBDIR/libxbzrle.so.X.Y.Z, libxbzrle.so.0 -> it, libxbzrle.so -> libxbzrle.so.0
#   PREFIX/LIBDIR/libxbzrle.a
#   PREFIX/LIBDIR/pkgconfig/xbzrle.pc    (Cflags -I${includedir}/xbzrle, Libs -lxbzrle)
#
# usage: scripts/capi-install.sh PREFIX            e.g. /usr/local, or "$PWD/target/capi"
# environment: LIBDIR (default lib), DESTDIR (staging root, as in `make install`),
#              NO_BUILD=1 (use the existing target/release build), CARGO (default cargo).
# When installing into a system prefix as root (no DESTDIR), runs ldconfig.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 PREFIX   (e.g. /usr/local or \"\$PWD/target/capi\")" >&2
  exit 2
fi
prefix=$1
case $prefix in
  /*) ;;
  *) echo "capi-install: PREFIX must be an absolute path (it is written into xbzrle.pc)" >&2; exit 2 ;;
esac
prefix=${prefix%/}
libdir_rel=${LIBDIR:-lib}
destdir=${DESTDIR:-}

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' capi/Cargo.toml | head -n1)
major=${version%%.*}

if [ "${NO_BUILD:-0}" != 1 ]; then
  "${CARGO:-cargo}" build --release -p xbzrle-capi
fi
# where cargo put the libraries (CARGO_TARGET_DIR, or target/ when cargo is not on PATH,
# e.g. under sudo with NO_BUILD=1)
target_dir=
if command -v "${CARGO:-cargo}" >/dev/null; then
  target_dir=$("${CARGO:-cargo}" metadata --format-version 1 --no-deps 2>/dev/null |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p') || target_dir=
fi
target_dir=${target_dir:-${CARGO_TARGET_DIR:-target}}
so="$target_dir/release/libxbzrle.so"
a="$target_dir/release/libxbzrle.a"
for f in "$so" "$a"; do
  [ -f "$f" ] || { echo "capi-install: $f is missing (cargo build --release -p xbzrle-capi)" >&2; exit 1; }
done

inc="$destdir$prefix/include/xbzrle"
lib="$destdir$prefix/$libdir_rel"
install -d "$inc" "$lib/pkgconfig"
install -m 644 capi/include/xbzrle.h "$inc/xbzrle.h"
install -m 755 "$so" "$lib/libxbzrle.so.$version"
ln -sfn "libxbzrle.so.$version" "$lib/libxbzrle.so.$major"
ln -sfn "libxbzrle.so.$major" "$lib/libxbzrle.so"
install -m 644 "$a" "$lib/libxbzrle.a"
# Libs.private: what a static link needs besides libxbzrle.a (rustc's
# --print native-static-libs on Linux/glibc).
cat > "$lib/pkgconfig/xbzrle.pc" <<EOF
prefix=$prefix
exec_prefix=\${prefix}
libdir=\${exec_prefix}/$libdir_rel
includedir=\${prefix}/include

Name: xbzrle
Description: XBZRLE page-delta codec of QEMU live migration (C API of the xbzrle crate)
Version: $version
Libs: -L\${libdir} -lxbzrle
Libs.private: -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
Cflags: -I\${includedir}/xbzrle
EOF
chmod 644 "$lib/pkgconfig/xbzrle.pc"

if [ -z "$destdir" ] && [ "$(id -u)" = 0 ] && command -v ldconfig >/dev/null; then
  case $prefix in /usr | /usr/local) ldconfig ;; esac
fi
echo >&2 "capi-install: libxbzrle $version installed under $destdir$prefix (header include/xbzrle/xbzrle.h, $libdir_rel/libxbzrle.so.$major, $libdir_rel/libxbzrle.a, $libdir_rel/pkgconfig/xbzrle.pc)"
