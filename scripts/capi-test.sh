#!/usr/bin/env bash
# Tests of the C ABI (libxbzrle, capi/), run by .ci/run after `cargo test`:
#
#   * builds the release libraries and installs them into a scratch prefix
#     (scripts/capi-install.sh: cargo-c layout, xbzrle.pc); checks the soname and a
#     DESTDIR staging install
#   * exported symbols: `nm -D --defined-only` of the .so is exactly capi/xbzrle.symbols;
#     the .a defines no other unmangled symbol (compiler builtins aside), and no uleb128_*
#     (a QEMU build replacing migration/xbzrle.c must not get duplicate symbols; a program
#     defining QEMU's uleb128 helpers links against both libraries)
#   * the header alone as C99/C11/C17 and C++11/17/20, -Wall -Wextra -Werror -pedantic,
#     and a C++ program linked and run
#   * capi/tests/test_capi.c linked against the .so and against the .a, and built with
#     -fsanitize=address,undefined, each run
#   * capi/tests/differential.c: CASES generated cases (capi/examples/capi_cases.rs
#     writes the inputs with the Rust API's results) run through the C entry points, for
#     the .so, the .a and the sanitizer build
#   * the README's "Using it from C" example, compiled and run exactly as written, and
#     the same program linked statically through pkg-config
#
# Prints "capi: N passed, M failed" and exits non-zero on any failure.
# Environment: CC (default cc), CXX (default c++), CASES (default 4000).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
CC=${CC:-cc}
CXX=${CXX:-c++}
CASES=${CASES:-4000}
work="$root/target/capi-test"
prefix="$work/prefix"
rm -rf "$work"
mkdir -p "$work"

passed=0
failed=0
failures=()
# step NAME CMD...: runs CMD, output to $work/log/NAME.log (shown on failure)
mkdir -p "$work/log"
step() {
  local name=$1
  shift
  local log="$work/log/${name//[^A-Za-z0-9_.-]/_}.log"
  # a subshell, so that `set -e` applies inside the step functions
  (set -e; "$@") >"$log" 2>&1
  if [ $? -eq 0 ]; then
    passed=$((passed + 1))
    printf 'capi: ok    %s\n' "$name"
    grep -h -E '^(test_capi|differential|cxx_header|capi_cases|libxbzrle|refused):' "$log" | sed 's/^/      /' || true
  else
    failed=$((failed + 1))
    failures+=("$name")
    printf 'capi: FAIL  %s\n' "$name"
    sed 's/^/      | /' "$log" | tail -n 40
  fi
}

if ! command -v pkg-config >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends pkg-config >/dev/null
  fi
fi

WARN=(-Wall -Wextra -Werror -pedantic)
pcflags() { PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config "$@" xbzrle; }
static_libs=(-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc)

# ---- build and install -------------------------------------------------------------
build() {
  cargo build --release -p xbzrle-capi &&
    cargo build --release -p xbzrle-capi --example capi_cases &&
    NO_BUILD=1 scripts/capi-install.sh "$prefix"
}
step "build + install (cargo build --release -p xbzrle-capi; capi-install.sh)" build
if [ ! -f "$prefix/lib/libxbzrle.so" ]; then
  echo "capi: 0 passed, $((failed)) failed (build failed, nothing else can run)"
  exit 1
fi
so="$prefix/lib/libxbzrle.so"
a="$prefix/lib/libxbzrle.a"

check_layout() {
  set -e
  readelf -d "$so" | grep 'Library soname: \[libxbzrle.so.0\]' >/dev/null
  [ "$(readlink "$prefix/lib/libxbzrle.so")" = libxbzrle.so.0 ]
  [ -f "$prefix/lib/$(readlink "$prefix/lib/libxbzrle.so.0")" ]
  [ -f "$prefix/include/xbzrle/xbzrle.h" ]
  cmp "$prefix/include/xbzrle/xbzrle.h" capi/include/xbzrle.h
  [ "$(pcflags --modversion)" = "$(sed -n 's/^version = "\(.*\)"$/\1/p' capi/Cargo.toml | head -n1)" ]
  # (pkg-config ends its output with a space)
  [ "$(echo $(pcflags --cflags))" = "-I$prefix/include/xbzrle" ]
  [ "$(echo $(pcflags --libs))" = "-L$prefix/lib -lxbzrle" ]
  # staging install, as packagers do
  DESTDIR="$work/stage" LIBDIR=lib64 NO_BUILD=1 scripts/capi-install.sh /usr/local
  [ -L "$work/stage/usr/local/lib64/libxbzrle.so.0" ]
  grep -qx 'prefix=/usr/local' "$work/stage/usr/local/lib64/pkgconfig/xbzrle.pc"
  grep -qx 'libdir=${exec_prefix}/lib64' "$work/stage/usr/local/lib64/pkgconfig/xbzrle.pc"
  echo "libxbzrle: soname libxbzrle.so.0, layout and xbzrle.pc as documented"
}
step "install layout, soname, pkg-config, DESTDIR" check_layout

# ---- symbols -----------------------------------------------------------------------
check_dynamic_symbols() {
  nm -D --defined-only "$so" | awk '{print $NF}' | sort >"$work/exported.txt"
  if ! diff -u capi/xbzrle.symbols "$work/exported.txt"; then
    echo "exported symbols differ from capi/xbzrle.symbols (- listed, + exported)"
    return 1
  fi
  echo "libxbzrle: exports exactly the $(wc -l <"$work/exported.txt") symbols of capi/xbzrle.symbols"
}
step "nm -D --defined-only libxbzrle.so == capi/xbzrle.symbols" check_dynamic_symbols

check_static_symbols() {
  # global symbols the archive defines: ours, Rust-mangled ones (_ZN, _R), compiler
  # builtins (__*), the personality reference; anything else is unexpected
  nm -g --defined-only "$a" 2>/dev/null | awk 'NF == 3 {print $3}' | sort -u >"$work/static.txt"
  local unexpected
  unexpected=$(grep -v -E '^(_ZN|_R|__|DW\.ref\.rust_eh_personality$)' "$work/static.txt" |
    grep -v -x -F -f capi/xbzrle.symbols || true)
  if [ -n "$unexpected" ]; then
    echo "libxbzrle.a defines unexpected global symbols:"
    echo "$unexpected"
    return 1
  fi
  if grep -i uleb128 "$work/static.txt"; then
    echo "libxbzrle.a defines a uleb128 symbol (QEMU's util/cutils.c has them)"
    return 1
  fi
  for s in $(cat capi/xbzrle.symbols); do
    grep -q -x "$s" "$work/static.txt" || { echo "libxbzrle.a lacks $s"; return 1; }
  done
  echo "libxbzrle: libxbzrle.a defines the listed symbols, no other unmangled one, no uleb128_*"
}
step "libxbzrle.a symbols (no uleb128_*, nothing unexpected)" check_static_symbols

# A program that, like QEMU, defines its own uleb128 helpers and calls the QEMU entry
# points: links against the .so and, statically, against the .a.
cat >"$work/qemu_like.c" <<'EOF'
#include <stdint.h>
#include <stdio.h>
#include <string.h>
/* QEMU's migration/xbzrle.h prototypes */
int xbzrle_encode_buffer(uint8_t *old_buf, uint8_t *new_buf, int slen, uint8_t *dst, int dlen);
int xbzrle_decode_buffer(uint8_t *src, int slen, uint8_t *dst, int dlen);
/* what QEMU's util/cutils.c defines (our own trivial versions) */
int uleb128_encode_small(uint8_t *out, uint32_t n);
int uleb128_decode_small(const uint8_t *in, uint32_t *n);
int uleb128_encode_small(uint8_t *out, uint32_t n)
{
    if (n < 0x80) { *out = (uint8_t)n; return 1; }
    out[0] = (uint8_t)(n | 0x80); out[1] = (uint8_t)(n >> 7); return 2;
}
int uleb128_decode_small(const uint8_t *in, uint32_t *n)
{
    if (!(in[0] & 0x80)) { *n = in[0]; return 1; }
    if (in[1] & 0x80) return -1;
    *n = (uint32_t)((in[0] & 0x7f) | (in[1] << 7)); return 2;
}
int main(void)
{
    static uint8_t a[4096], b[4096], enc[4096];
    uint8_t tmp[2];
    uint32_t v = 0;
    int len;
    b[4095] = 1;
    len = xbzrle_encode_buffer(a, b, 4096, enc, 4096);
    if (len != uleb128_encode_small(tmp, 4095) + 2 || uleb128_decode_small(enc, &v) != 2 || v != 4095)
        return 1;
    if (xbzrle_decode_buffer(enc, len, a, 4096) != 4096 || memcmp(a, b, 4096) != 0)
        return 1;
    puts("libxbzrle: a QEMU-like program with its own uleb128_* links and runs");
    return 0;
}
EOF
qemu_like() {
  set -e
  "$CC" -std=c99 "${WARN[@]}" "$work/qemu_like.c" -L"$prefix/lib" -lxbzrle \
    -Wl,-rpath,"$prefix/lib" -o "$work/qemu_like_so"
  "$work/qemu_like_so"
  "$CC" -std=c99 "${WARN[@]}" "$work/qemu_like.c" "$a" "${static_libs[@]}" -o "$work/qemu_like_a"
  "$work/qemu_like_a"
}
step "QEMU-like program (own uleb128_*) links against .so and .a" qemu_like

# ---- header ------------------------------------------------------------------------
header_c() {
  set -e
  for std in c99 c11 c17; do
    "$CC" -std=$std "${WARN[@]}" -Wstrict-prototypes -Wmissing-prototypes -Wshadow \
      -Wconversion -fsyntax-only -x c capi/include/xbzrle.h
  done
}
step "xbzrle.h as C99/C11/C17 (-Wall -Wextra -Werror -pedantic)" header_c
header_cxx() {
  set -e
  for std in c++11 c++17 c++20; do
    "$CXX" -std=$std "${WARN[@]}" -fsyntax-only -x c++ capi/include/xbzrle.h
    "$CXX" -std=$std "${WARN[@]}" capi/tests/cxx_header.cpp $(pcflags --cflags --libs) \
      -Wl,-rpath,"$prefix/lib" -o "$work/cxx_header"
    "$work/cxx_header"
  done
}
step "xbzrle.h as C++11/17/20, C++ program linked and run" header_cxx

# ---- C tests -----------------------------------------------------------------------
CFLAGS_T=(-std=c99 "${WARN[@]}" -O2 -Icapi/tests)
build_so() { "$CC" "${CFLAGS_T[@]}" "$1" $(pcflags --cflags --libs) -Wl,-rpath,"$prefix/lib" -o "$2"; }
build_a() { "$CC" "${CFLAGS_T[@]}" "$1" $(pcflags --cflags) "$a" "${static_libs[@]}" -o "$2"; }
build_san() {
  "$CC" -std=c99 "${WARN[@]}" -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
    -fno-sanitize-recover=all -Icapi/tests "$1" $(pcflags --cflags) "$a" "${static_libs[@]}" -o "$2"
}
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

so_linked() {
  ldd "$1" | grep "libxbzrle.so.0 => $prefix/lib/libxbzrle.so.0" >/dev/null
}
static_linked() { ! ldd "$1" | grep libxbzrle >/dev/null; }

t_so() { set -e; build_so capi/tests/test_capi.c "$work/test_capi_so"; so_linked "$work/test_capi_so"; "$work/test_capi_so"; }
t_a() { set -e; build_a capi/tests/test_capi.c "$work/test_capi_a"; static_linked "$work/test_capi_a"; "$work/test_capi_a"; }
t_san() { set -e; build_san capi/tests/test_capi.c "$work/test_capi_san"; "$work/test_capi_san"; }
step "test_capi against libxbzrle.so" t_so
step "test_capi against libxbzrle.a" t_a
step "test_capi, -fsanitize=address,undefined" t_san

cases() {
  set -e
  "$root/target/release/examples/capi_cases" "$work/cases.bin" "$CASES" 1
}
step "generate $CASES differential cases (Rust API results)" cases
d_so() { set -e; build_so capi/tests/differential.c "$work/diff_so"; "$work/diff_so" "$work/cases.bin"; }
d_a() { set -e; build_a capi/tests/differential.c "$work/diff_a"; "$work/diff_a" "$work/cases.bin"; }
d_san() { set -e; build_san capi/tests/differential.c "$work/diff_san"; "$work/diff_san" "$work/cases.bin"; }
step "differential C vs Rust, libxbzrle.so" d_so
step "differential C vs Rust, libxbzrle.a" d_a
step "differential C vs Rust, -fsanitize=address,undefined" d_san

# ---- the README example ------------------------------------------------------------
# The block after the marker line "<!-- capi-test: NAME -->" in README.md.
readme_block() {
  awk -v m="<!-- capi-test: $1 -->" '
    $0 == m { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' README.md
}
readme_example() {
  set -e
  readme_block app.c >"$work/app.c"
  readme_block commands >"$work/commands.sh"
  readme_block output >"$work/expected.txt"
  [ -s "$work/app.c" ] && [ -s "$work/commands.sh" ] && [ -s "$work/expected.txt" ]
  if [ -e app.c ] || [ -e app ]; then
    echo "app.c or app exists in the repository root: move it away (the README example writes them)"
    return 1
  fi
  cp "$work/app.c" app.c
  trap 'rm -f "$root/app.c" "$root/app"' EXIT
  echo "+ README commands:"
  cat "$work/commands.sh"
  bash -euo pipefail "$work/commands.sh" >"$work/output.txt"
  cat "$work/output.txt"
  diff -u "$work/expected.txt" "$work/output.txt"
}
step "README 'Using it from C' example, exactly as written" readme_example
readme_static() {
  set -e
  # the same program, statically linked through pkg-config (docs/c-api.md)
  "$CC" -std=c99 "${WARN[@]}" "$work/app.c" $(pcflags --cflags) \
    "$(pcflags --variable=libdir)/libxbzrle.a" $(pcflags --static --libs-only-l | sed 's/-lxbzrle//') \
    -o "$work/app_static"
  static_linked "$work/app_static"
  "$work/app_static" >"$work/output_static.txt"
  diff -u "$work/expected.txt" "$work/output_static.txt"
}
step "README example linked statically (pkg-config --static)" readme_static

# ---- the Python snippet of docs/c-api.md (when python3 exists) -----------------------
docs_block() {
  awk -v m="<!-- capi-test: $1 -->" '
    $0 == m { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' docs/c-api.md
}
python_snippet() {
  docs_block python >"$work/ctypes_example.py"
  [ -s "$work/ctypes_example.py" ]
  XBZRLE_LIB="$prefix/lib/libxbzrle.so.0" python3 "$work/ctypes_example.py" | tee "$work/ctypes.txt"
  grep -x 'refused: invalid run length at byte 1' "$work/ctypes.txt" >/dev/null
}
if command -v python3 >/dev/null; then
  step "docs/c-api.md ctypes snippet (python3)" python_snippet
else
  echo "capi: skip  docs/c-api.md ctypes snippet (no python3)"
fi

echo "capi: $passed passed, $failed failed"
if [ "$failed" -ne 0 ]; then
  printf 'capi: failed: %s\n' "${failures[@]}"
  exit 1
fi
