#!/usr/bin/env bash
# Builds speaker-comparison populations from the most realistic speech this machine can have, one folder per
# condition, one sub-folder per speaker (the layout 'exhibit voice calibrate --population' reads):
#
#   real recorded voices   Debian asterisk-core-sounds-{en,es,fr}-g722: "Allison" (en_US and es_MX: one woman)
#                          and "June" (fr_CA). Two real people. (Other Asterisk packages and asterisk-prompt-*
#                          are kept for evaluation and are NOT used.)
#   TTS voices             Debian flite: kal16, awb, rms, slt (each built from one real speaker's recordings;
#                          synthetic speech)
#   perturbation speakers  every base voice pitch-shifted by sox by +300 and -300 cents (formants move with it):
#                          "speakers" made by signal processing, i.e. synthetic
#
# Recordings of one speaker use disjoint prompts/sentences from those of its perturbation speakers.
# Conditions: clean (16 kHz), telephone (300-3400 Hz, 8 kHz, G.711 mu-law), mp3 (32 kbit/s), noise (white
# noise, about 10-15 dB SNR), mixed (half clean, half telephone per speaker).
#
# Needs: apt-get install asterisk-core-sounds-en-g722 asterisk-core-sounds-es-g722 asterisk-core-sounds-fr-g722
#        ffmpeg sox flite
# Usage: scripts/voice/make-population.sh OUT [RECORDINGS_PER_SPEAKER]
set -euo pipefail
out=${1:?usage: make-population.sh OUT [N]}
n=${2:-6}
per=4            # prompts concatenated per real-voice recording (about 5-8 s)
snd=/usr/share/asterisk/sounds
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"/{clean,telephone,mp3,noise,mixed}

g722() { ffmpeg -nostdin -v error -y -i "$1" -ar 16000 -ac 1 -sample_fmt s16 "$2"; }

# one base voice: writes $tmp/base/<speaker>/<k>.wav for k = 0 .. 3n-1 (3 disjoint sets: base, +300, -300)
real_voice() { # speaker dir...
  local spk=$1; shift
  mkdir -p "$tmp/base/$spk"
  find "$@" -name '*.g722' | LC_ALL=C sort > "$tmp/$spk.list"
  local total; total=$(wc -l < "$tmp/$spk.list")
  for k in $(seq 0 $((3 * n - 1))); do
    local parts=()
    for j in $(seq 0 $((per - 1))); do
      # spread the prompts over the whole list so every recording mixes topics (and, for Allison, languages)
      local idx=$(( (k * per + j) * 7919 % total + 1 ))
      local f; f=$(sed -n "${idx}p" "$tmp/$spk.list")
      g722 "$f" "$tmp/$spk-$k-$j.wav"
      parts+=("$tmp/$spk-$k-$j.wav")
    done
    sox "${parts[@]}" "$tmp/base/$spk/$k.wav"
  done
}

tts_voice() { # voice
  local v=$1
  mkdir -p "$tmp/base/flite-$v"
  for k in $(seq 0 $((3 * n - 1))); do
    local a b
    a=$(sed -n "$(( (2 * k) % lines + 1 ))p" "$tmp/sentences.txt")
    b=$(sed -n "$(( (2 * k + 1) % lines + 1 ))p" "$tmp/sentences.txt")
    flite -voice "$v" -t "$a $b" -o "$tmp/fl.wav"
    sox "$tmp/fl.wav" -r 16000 -c 1 -b 16 "$tmp/base/flite-$v/$k.wav"
  done
}

# sentences for the TTS voices: the prompt texts of the English core sounds
zcat /usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz | sed -n 's/^[^:;]*: *//p' \
  | awk 'length($0) > 25' | head -200 > "$tmp/sentences.txt"
lines=$(wc -l < "$tmp/sentences.txt")

real_voice allison "$snd/en_US_f_Allison" "$snd/es_MX_f_Allison"
real_voice june "$snd/fr_CA_f_June"
for v in kal16 awb rms slt; do tts_voice "$v"; done

# speakers: base (recordings 0..n-1), +300 cents (n..2n-1), -300 cents (2n..3n-1)
for d in "$tmp"/base/*/; do
  s=$(basename "$d")
  for variant in base p300 m300; do
    case $variant in base) off=0; fx=();; p300) off=$n; fx=(pitch 300);; m300) off=$((2 * n)); fx=(pitch -300);; esac
    name=$s; [ "$variant" = base ] || name=$s-$variant
    for c in clean telephone mp3 noise mixed; do mkdir -p "$out/$c/$name"; done
    for i in $(seq 0 $((n - 1))); do
      src="$d/$((off + i)).wav"
      sox "$src" "$tmp/x.wav" "${fx[@]}" gain -n -3
      cp "$tmp/x.wav" "$out/clean/$name/$i.wav"
      sox "$tmp/x.wav" -r 8000 "$tmp/t.wav" sinc 300-3400
      sox "$tmp/t.wav" -e u-law -t wav "$tmp/u.wav"
      sox "$tmp/u.wav" -e signed -b 16 "$out/telephone/$name/$i.wav"
      ffmpeg -nostdin -v error -y -i "$tmp/x.wav" -codec:a libmp3lame -b:a 32k "$out/mp3/$name/$i.mp3"
      sox "$tmp/x.wav" -p synth whitenoise vol 0.05 > "$tmp/n.sox"
      sox -m "$tmp/x.wav" "$tmp/n.sox" "$out/noise/$name/$i.wav"
      if [ $((i % 2)) -eq 0 ]; then cp "$out/clean/$name/$i.wav" "$out/mixed/$name/$i.wav";
      else cp "$out/telephone/$name/$i.wav" "$out/mixed/$name/$i.wav"; fi
    done
  done
done
echo "wrote $(find "$out" -type f | wc -l) files under $out"
