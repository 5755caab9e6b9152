#!/usr/bin/env bash
# Measures the voice comparison on the populations of make-population.sh, one condition at a time, with
# 'exhibit voice calibrate' (leave-one-speaker-out cross-validation; bootstrap and Clopper-Pearson intervals),
# and writes one line per condition into SUMMARY (JSON lines) and each calibration file and report under OUT.
# "before": the build's default (synthetic-voice) calibration applied to the same trials, i.e. what exhibit
# reported before case calibrations existed.
# Usage: scripts/voice/eval-populations.sh POPULATIONS OUT [EXTRA exhibit OPTIONS...]
set -euo pipefail
pop=${1:?usage: eval-populations.sh POPULATIONS OUT}
out=${2:?}
shift 2
here=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
desc="2 real recorded voices (Asterisk prompts: Allison en_US/es_MX, June fr_CA), 4 flite TTS voices (kal16, awb, rms, slt), and +/-300-cent sox pitch-shifted copies of each: 18 'speakers', 12 of them made by signal processing"
for c in ${CONDITIONS:-clean telephone mp3 noise mixed real-only}; do
  dir=$pop/$c
  if [ "$c" = real-only ]; then
    dir=$out/real-only-pop; rm -rf "$dir"; mkdir -p "$dir"
    for s in "$pop"/clean/allison* "$pop"/clean/june*; do cp -r "$s" "$dir/"; done
  fi
  [ -d "$dir" ] || continue
  "$here/bin/exhibit" voice calibrate --population "$dir" --description "$desc" --conditions "$c (see make-population.sh)" \
    --write "$out/$c.json" --format json --out "$out/$c-report.json" "$@" 2> "$out/$c.log"
  python3 - "$c" "$out/$c.json" >> "$out/summary.jsonl" <<'PY'
import json, sys
c, f = sys.argv[1], sys.argv[2]
d = json.load(open(f))
p = d["performance"]
print(json.dumps({"condition": c, "band": d["band"], "speakers": p["speakers"], "recordings": p["recordings"],
                  "targets": d["targetTrials"], "nonTargets": d["nonTargetTrials"], "cllr": p["cllr"],
                  "minCllr": p["minCllr"], "eer": p["eer"], "eerCounts": p["eerCounts"],
                  "before": p.get("defaultCalibrationOnThisPopulation"), "errorRates": d["errorRates"],
                  "scorer": d["scorer"]}))
PY
  echo "$c done"
done
