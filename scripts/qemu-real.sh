#!/usr/bin/env bash
# Real-QEMU test of `xbzrle qemu-ram`: capture live-migration streams from a real QEMU
# (../shared/tools/qemu-stream-capture.sh: a tiny TCG guest dirtying memory, migrated with
# xbzrle on into stream.bin, its exact RAM block saved as ram-backend.bin), rebuild the RAM
# with `xbzrle qemu-ram --verify --json`, and require
#   * every XBZRLE payload re-encodes byte for byte (--verify),
#   * the rebuilt pc.ram.bin equals ram-backend.bin (cmp),
#   * the record counts agree with QEMU's own statistics (migrate-stats.json):
#       ram.duplicate == ZERO records, ram.normal == PAGE records,
#       xbzrle-cache.bytes == XBZRLE record bytes (all but the be64 header word)
#                             + 4096 * xbzrle-cache.overflow,
#       xbzrle-cache.pages >= XBZRLE records + overflow (QEMU also counts the pages it
#                             skipped as unchanged, which are not in the stream).
# Ends with "N passed, M failed". Exits 0 with a SKIP line when QEMU cannot be installed.
#
#   scripts/qemu-real.sh                 # sparse seed 1, dense seed 2
#   QEMU_REAL_CASES="medium:3" scripts/qemu-real.sh
set -uo pipefail
cd "$(dirname "$0")/.."
CAPTURE=${QEMU_CAPTURE:-../shared/tools/qemu-stream-capture.sh}
CASES=${QEMU_REAL_CASES:-"sparse:1 dense:2"}

if [ ! -f "$CAPTURE" ]; then
    echo "qemu-real: SKIP: capture tool $CAPTURE not found"
    exit 0
fi
if ! command -v qemu-system-x86_64 >/dev/null; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        echo "qemu-real: SKIP: qemu-system-x86_64 missing and cannot be installed (need root and apt-get)"
        exit 0
    fi
    export DEBIAN_FRONTEND=noninteractive
    { timeout 300 apt-get install -y -qq qemu-system-x86 ||
      { timeout 120 apt-get update -qq && timeout 300 apt-get install -y -qq qemu-system-x86; }; } >/dev/null 2>&1
    if ! command -v qemu-system-x86_64 >/dev/null; then
        echo "qemu-real: SKIP: QEMU could not be installed from the package archive (apt-get install qemu-system-x86 failed)"
        exit 0
    fi
fi

cargo build --release -q -p xbzrle-cli || { echo "qemu-real: build failed"; echo "0 passed, 1 failed"; exit 1; }
BIN=$(pwd)/target/release/xbzrle
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
for c in $CASES; do
    mode=${c%%:*} seed=${c##*:}
    dir=$TMP/$mode-$seed
    t0=$(date +%s)
    if ! bash "$CAPTURE" "$dir" "$mode" "$seed" >"$TMP/$mode-$seed.log" 2>&1; then
        echo "qemu-real: $mode seed $seed: capture FAILED; log:"
        tail -20 "$TMP/$mode-$seed.log"
        fail=$((fail + 1)); continue
    fi
    t1=$(date +%s)
    if ! "$BIN" qemu-ram "$dir/stream.bin" -o "$dir/out" --verify --json >"$dir/report.json"; then
        echo "qemu-real: $mode seed $seed: xbzrle qemu-ram --verify FAILED"
        fail=$((fail + 1)); continue
    fi
    t2=$(date +%s)
    ok=1
    if cmp "$dir/out/pc.ram.bin" "$dir/ram-backend.bin"; then
        echo "qemu-real: $mode seed $seed: pc.ram.bin == ram-backend.bin ($(stat -c %s "$dir/ram-backend.bin") bytes)"
    else
        echo "qemu-real: $mode seed $seed: pc.ram.bin differs from ram-backend.bin"; ok=0
    fi
    python3 - "$dir/report.json" "$dir/migrate-stats.json" "$mode" "$seed" "$((t1 - t0))" "$((t2 - t1))" <<'PY' || ok=0
import json, sys
rep = json.load(open(sys.argv[1])); st = json.load(open(sys.argv[2]))
mode, seed, tcap, tread = sys.argv[3:7]
t, r, x = rep["total"], st["ram"], st["xbzrle-cache"]
checks = [
    ("duplicate", t["duplicate"], r["duplicate"], t["duplicate"] == r["duplicate"]),
    ("normal", t["normal"], r["normal"], t["normal"] == r["normal"]),
    ("xbzrle bytes (+4096*overflow)", t["xbzrle_bytes"] + 4096 * x["overflow"], x["bytes"],
     t["xbzrle_bytes"] + 4096 * x["overflow"] == x["bytes"]),
    ("xbzrle pages (+overflow, <= QEMU)", t["xbzrle_pages"] + x["overflow"], x["pages"],
     t["xbzrle_pages"] + x["overflow"] <= x["pages"]),
    ("verify mismatches", rep["verify"]["mismatches"], 0, rep["verify"]["mismatches"] == 0),
    ("xbzrle pages > 0", t["xbzrle_pages"], ">0", t["xbzrle_pages"] > 0),
]
print(f"qemu-real: {mode} seed {seed}: capture {tcap}s, qemu-ram --verify {tread}s "
      f"({rep['seconds']:.2f}s inside), stream {rep['stream_bytes']} bytes, "
      f"{len(rep['rounds'])} rounds, QEMU dirty-sync-count {r['dirty-sync-count']}")
print(f"qemu-real: {mode} seed {seed}: records duplicate={t['duplicate']} normal={t['normal']} "
      f"xbzrle-pages={t['xbzrle_pages']} xbzrle-bytes={t['xbzrle_bytes']} | QEMU duplicate={r['duplicate']} "
      f"normal={r['normal']} xbzrle pages={x['pages']} bytes={x['bytes']} overflow={x['overflow']} "
      f"cache-miss={x['cache-miss']}; verified {rep['verify']['checked']} XBZRLE payloads")
bad = [c for c in checks if not c[3]]
for name, ours, qemu, _ in bad:
    print(f"qemu-real: {mode} seed {seed}: MISMATCH {name}: stream {ours}, QEMU {qemu}")
sys.exit(1 if bad else 0)
PY
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
