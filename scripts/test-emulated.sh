#!/usr/bin/env bash
# test-emulated.sh - run the test suite on CPUs this machine is not:
#   (a) x86-64 without AVX/AVX2 (qemu-x86_64 -cpu Westmere): every test must pass and the
#       automatic dispatch must pick "sse2" — proof that no AVX2/AVX-512 instruction leaks
#       into the default path (qemu raises SIGILL on instructions the model lacks);
#   (b) aarch64 (qemu-aarch64 user mode, Debian's rustc-web with its aarch64 std): every
#       test must pass and the dispatch must pick "neon".
# Doc-tests cannot run under a cargo runner, so both runs use `--lib --tests`.
#
# Usage: scripts/test-emulated.sh [x86|aarch64|all]   (default: all)
# Needs qemu-user. For (b) it uses the shared helpers setup-aarch64.sh (run once, as root;
# installs Debian packages) and cargo-aarch64, found in $XBZRLE_TOOLS, else
# <repo>/../shared/tools. Env: XBZRLE_TEST_SCALE (default 4 here) thins the big test sweeps;
# QEMU_X86_CPU (default Westmere); XBZRLE_EMU_X86_ARGS (default: -p xbzrle — the CLI's
# tests spawn the CLI binary, which the runner does not emulate: it would run natively
# and see other CPU features than the emulated test process);
# XBZRLE_EMU_AARCH64_ARGS (default: -p xbzrle — tests that spawn the CLI binary would
# need binfmt_misc for aarch64, see setup-aarch64.sh --binfmt).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=${XBZRLE_TOOLS:-$REPO/../shared/tools}
WHAT=${1:-all}
export XBZRLE_TEST_SCALE=${XBZRLE_TEST_SCALE:-4}
cd "$REPO"

log() { printf '[test-emulated] %s\n' "$*" >&2; }
secs() { echo $(( $(date +%s) - $1 )); }

run_x86() {
  local cpu=${QEMU_X86_CPU:-Westmere} t0
  t0=$(date +%s)
  command -v qemu-x86_64 >/dev/null || { log "qemu-x86_64 not found (apt-get install qemu-user)"; exit 1; }
  log "x86-64 under qemu-x86_64 -cpu $cpu (expect kernel sse2)"
  # Same target dir as native tests: the runner does not change what is built.
  # shellcheck disable=SC2086
  CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUNNER="qemu-x86_64 -cpu $cpu" \
  XBZRLE_EXPECT_KERNEL=sse2 \
    cargo test -q ${XBZRLE_EMU_X86_ARGS:--p xbzrle --features unstable} --lib --tests
  # and show what was picked (the run above already asserted it)
  CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUNNER="qemu-x86_64 -cpu $cpu" \
  XBZRLE_EXPECT_KERNEL=sse2 \
    cargo test -q -p xbzrle --features unstable --test kernels dispatch -- --nocapture 2>&1 | grep -E 'best kernel|skipping' >&2
  log "x86-64 (-cpu $cpu) passed in $(secs "$t0")s"
}

run_aarch64() {
  local t0
  t0=$(date +%s)
  [ -x "$TOOLS/cargo-aarch64" ] || { log "$TOOLS/cargo-aarch64 not found (set XBZRLE_TOOLS)"; exit 1; }
  if ! "$TOOLS/cargo-aarch64" --version >/dev/null 2>&1 \
     || [ ! -e /usr/lib/rustlib/aarch64-unknown-linux-gnu ]; then
    log "setting up the aarch64 toolchain (setup-aarch64.sh, needs root)"
    bash "$TOOLS/setup-aarch64.sh" --no-smoke
  fi
  log "aarch64 under qemu-aarch64 with $(/usr/bin/rustc --version) (expect kernel neon)"
  # shellcheck disable=SC2086
  XBZRLE_EXPECT_KERNEL=neon \
    "$TOOLS/cargo-aarch64" test -q --target-dir target/aarch64 ${XBZRLE_EMU_AARCH64_ARGS:--p xbzrle --features unstable} --lib --tests
  XBZRLE_EXPECT_KERNEL=neon \
    "$TOOLS/cargo-aarch64" test -q --target-dir target/aarch64 -p xbzrle --features unstable --test kernels dispatch -- --nocapture 2>&1 \
    | grep -E 'best kernel|skipping' >&2
  log "aarch64 passed in $(secs "$t0")s"
}

case "$WHAT" in
  x86) run_x86 ;;
  aarch64) run_aarch64 ;;
  all) run_x86; run_aarch64 ;;
  *) echo "usage: $0 [x86|aarch64|all]" >&2; exit 2 ;;
esac
