#!/usr/bin/env bash
# regen.sh - regenerate the kernel disassemblies in asm-notes/ from a release build of
# examples/kernel_timing.rs (which links every kernel), and check that each kernel's
# generic code was inlined into its #[target_feature] wrapper: the only calls allowed
# inside a kernel are memcpy (exact-size copies on the rare no-room paths) and the
# panic/assert paths.
#
# Usage: asm-notes/regen.sh [x86|aarch64|all]   (aarch64 needs ../shared/tools/cargo-aarch64,
# see scripts/test-emulated.sh, and aarch64-linux-gnu-objdump)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=${XBZRLE_TOOLS:-$REPO/../shared/tools}
OUT=$REPO/asm-notes
WHAT=${1:-all}
cd "$REPO"
DIS=$(mktemp)
trap 'rm -f "$DIS"' EXIT

# extract <objdump> <binary> <symbol substring> <file>
extract() {
  local od=$1 bin=$2 sym=$3 file=$4
  [ "${DIS_BIN:-}" = "$bin" ] || { "$od" -d --no-show-raw-insn -C "$bin" > "$DIS"; DIS_BIN=$bin; }
  awk -v s="$sym" 'index($0, s) && /^[0-9a-f]+ <.*>:$/ {p=1} p && /^$/ {exit} p {print}' "$DIS" \
    | sed -E 's/^ +[0-9a-f]+:\t//' > "$file"
  [ -s "$file" ] || { echo "regen: symbol $sym not found in $bin" >&2; exit 1; }
  printf '%-20s %5d instructions, %d calls (memcpy on exact-copy paths, panics)\n' \
    "$(basename "$file")" "$(wc -l < "$file")" "$(grep -cE '\b(call|bl)\b' "$file" || true)"
}

# Inlining check: the only functions of src/arch/ that may exist out of line are the
# #[target_feature] wrappers (and the AVX2 clones of is_zero_page and decode) and the portable test
# instantiation. Any other symbol
# (generic::encode, Emitter::pair, push, masks256, eq_mask64, ...) would mean generic
# code compiled WITHOUT the kernel's target features and called from the wrapper.
check_inlined() {
  local nm=$1 bin=$2 bad
  bad=$("$nm" -C "$bin" | grep -E 'xbzrle::arch::' \
        | grep -vE 'encode_(sse2|avx2|avx512|neon)$|arch::portable::encode$|arch::scalar::encode$|is_zero_page_avx2$|decode(_non_atomic)?_avx2$|cpuid_' || true)
  if [ -n "$bad" ]; then
    echo "WARNING: out-of-line generic kernel code in $bin:" >&2
    echo "$bad" >&2
    return 1
  fi
  echo "inlining check: only the target_feature wrappers are out of line in $(basename "$bin")"
}

if [ "$WHAT" = x86 ] || [ "$WHAT" = all ]; then
  cargo build -q --release --example kernel_timing --features unstable
  BIN=target/release/examples/kernel_timing
  extract objdump "$BIN" '<xbzrle::arch::scalar::encode>' "$OUT/scalar.x86_64.s"
  extract objdump "$BIN" 'sse2::encode_sse2>' "$OUT/sse2.s"
  extract objdump "$BIN" 'avx2::encode_avx2>' "$OUT/avx2.s"
  extract objdump "$BIN" 'avx512::encode_avx512>' "$OUT/avx512.s"
  extract objdump "$BIN" 'avx2::decode_avx2>' "$OUT/decode_avx2.s"
  check_inlined nm "$BIN"
fi
if [ "$WHAT" = aarch64 ] || [ "$WHAT" = all ]; then
  "$TOOLS/cargo-aarch64" build -q --release --target-dir target/aarch64 --example kernel_timing --features unstable
  BIN=target/aarch64/aarch64-unknown-linux-gnu/release/examples/kernel_timing
  extract aarch64-linux-gnu-objdump "$BIN" 'neon::encode_neon>' "$OUT/neon.s"
  extract aarch64-linux-gnu-objdump "$BIN" '<xbzrle::arch::scalar::encode>' "$OUT/scalar.aarch64.s"
  check_inlined aarch64-linux-gnu-nm "$BIN"
fi
