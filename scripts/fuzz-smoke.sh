#!/usr/bin/env bash
# Fuzz smoke test for CI: builds every cargo-fuzz target and runs each one for a bounded
# time from the checked-in seeds, failing on any crash, panic, leak or timeout.
#
#   scripts/fuzz-smoke.sh                      # 60 s per target
#   FUZZ_SECONDS=10 scripts/fuzz-smoke.sh      # shorter
#   FUZZ_TARGETS="decode kernels" scripts/fuzz-smoke.sh
#
# Environment:
#   FUZZ_SECONDS      run time of each target, seconds (default 60)
#   FUZZ_TARGETS      targets to run (default: every target, `cargo fuzz list`)
#   FUZZ_TOOLCHAIN    toolchain for cargo-fuzz (default nightly)
#   FUZZ_SKIP_TESTS   set to 1 to skip the fuzz crate's own tests (models, seeds)
#
# Needs the nightly toolchain (`rustup toolchain install nightly`; without it, falls back to
# stable with RUSTC_BOOTSTRAP=1 and says so); installs cargo-fuzz
# with `cargo install --locked cargo-fuzz` when it is missing. The fuzzers work on a
# temporary copy of the seeds, so the repository is not written to (except the build
# directory fuzz/target, which git ignores). Crash inputs are kept and printed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

seconds="${FUZZ_SECONDS:-60}"
toolchain="${FUZZ_TOOLCHAIN:-nightly}"
case "$seconds" in
    '' | *[!0-9]*) echo "fuzz-smoke: FUZZ_SECONDS must be a whole number of seconds" >&2; exit 2 ;;
esac

if ! cargo "+$toolchain" --version >/dev/null 2>&1; then
    if [[ -z "${FUZZ_TOOLCHAIN:-}" ]] && cargo +stable --version >/dev/null 2>&1; then
        # No nightly here (none can be downloaded on a machine without rustup's servers):
        # cargo-fuzz's -Z flags are accepted by the stable compiler with RUSTC_BOOTSTRAP.
        echo "fuzz-smoke: WARNING: no $toolchain toolchain; using stable with RUSTC_BOOTSTRAP=1" >&2
        toolchain=stable
        export RUSTC_BOOTSTRAP=1
    else
        echo "fuzz-smoke: the $toolchain toolchain is missing (rustup toolchain install $toolchain)" >&2
        exit 1
    fi
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz-smoke: installing cargo-fuzz"
    cargo install --locked cargo-fuzz
fi
cargo fuzz --version

if [[ "${FUZZ_SKIP_TESTS:-0}" != 1 ]]; then
    echo "fuzz-smoke: fuzz crate tests (models vs docs/format.md §4, seeds up to date)"
    cargo test -q --manifest-path fuzz/Cargo.toml --lib
fi

echo "fuzz-smoke: building every target"
cargo "+$toolchain" fuzz build

targets="${FUZZ_TARGETS:-$(cargo "+$toolchain" fuzz list | tr '\n' ' ')}"
work="$(mktemp -d "${TMPDIR:-/tmp}/xbzrle-fuzz-smoke.XXXXXX")"
failed=()
for t in $targets; do
    corpus="$work/corpus/$t"
    artifacts="$work/artifacts/$t"
    mkdir -p "$corpus" "$artifacts"
    if compgen -G "fuzz/corpus/$t/seed-*" >/dev/null; then
        cp fuzz/corpus/"$t"/seed-* "$corpus/"
    fi
    echo "fuzz-smoke: $t for ${seconds}s ($(ls "$corpus" | wc -l) seeds)"
    log="$work/$t.log"
    # -max_len: decode needs room for a 16 KiB literal run after its 7-byte page header;
    # the other targets read at most 5 + 7 + 256 * 6 bytes.
    max_len=2048
    if [[ "$t" == decode ]]; then max_len=17000; fi
    # qemu_stream: room for a few 4 KiB raw pages after the stream and RAM headers.
    if [[ "$t" == qemu_stream ]]; then max_len=20000; fi
    # image_delta: a few frames of small pages (the seeds are diffs of 1 KB images).
    if [[ "$t" == image_delta ]]; then max_len=20000; fi
    # receive: a chunk payload with a few raw 4 KiB pages (the seeds reach 12 KiB).
    if [[ "$t" == receive ]]; then max_len=20000; fi
    if cargo "+$toolchain" fuzz run "$t" "$corpus" -- \
        -max_total_time="$seconds" -max_len="$max_len" -dict=fuzz/dict/xbzrle.dict \
        -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1; then
        grep -E '^(#[0-9]+.*(DONE|cov:)|stat::number_of_executed_units)' "$log" | tail -2 || true
    else
        echo "fuzz-smoke: $t FAILED; last lines of its log ($log):" >&2
        tail -40 "$log" >&2
        for a in "$artifacts"/*; do
            [[ -e "$a" ]] || continue
            echo "fuzz-smoke: crash input $a ($(wc -c <"$a") bytes), first 256 bytes:" >&2
            head -c 256 "$a" | od -An -tx1 >&2
            echo "fuzz-smoke: reproduce: cargo +$toolchain fuzz run $t $a" >&2
        done
        failed+=("$t")
    fi
done

if ((${#failed[@]})); then
    echo "fuzz-smoke: FAILED: ${failed[*]} (work dir kept: $work)" >&2
    exit 1
fi
rm -rf "$work"
echo "fuzz-smoke: all targets ran ${seconds}s without a crash: $targets"
