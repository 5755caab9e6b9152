#!/usr/bin/python3
"""Reference values for exhibit's Kaldi fbank front end (org.exhibit.voice.KaldiFbank).

Run once with Debian's python3-torchaudio (apt-get install python3-torchaudio); the output is committed as
analyzers/src/test/resources/org/exhibit/voice/kaldi-fbank-reference.json, so the tests need no Python.

The test signal is made with integer arithmetic only (saw tooth + square + LCG noise, 16-bit), so Java
regenerates exactly the same samples (KaldiFbankTest.signal).
Settings are WeSpeaker's: 80 mel bins, 25/10 ms, dither 0, samples x32768, povey window, pre-emphasis 0.97,
remove DC, snip edges, use_energy false, low 20 Hz, high = Nyquist.
"""
import json
import sys

import torch
import torchaudio
import torchaudio.compliance.kaldi as kaldi

N = 8000  # 0.5 s at 16 kHz


def signal():
    out = []
    state = 12345
    for n in range(N):
        saw = ((n * 220 * 65536) // 16000) % 65536 - 32768          # 220 Hz saw tooth, full scale
        square = 6000 if ((n * 2 * 1330) // 16000) % 2 == 0 else -6000  # 1330 Hz square
        state = (state * 1103515245 + 12345) % 2147483648
        noise = (state >> 16) % 4096 - 2048
        env = (n % 4000) if (n % 4000) < 2000 else 4000 - (n % 4000)  # triangle envelope 0..2000
        v = (saw // 4) * env // 2000 + square * (2000 - env) // 2000 + noise
        out.append(max(-32768, min(32767, v)))
    return out


def main(path):
    s = signal()
    def fbank(dtype):
        wav = torch.tensor(s, dtype=dtype).unsqueeze(0) / 32768.0
        return kaldi.fbank(wav * 32768, num_mel_bins=80, frame_length=25, frame_shift=10, dither=0.0,
                           energy_floor=0.0, sample_frequency=16000, window_type="povey", use_energy=False)

    # float64 input runs the same torchaudio code in double precision (the log floor stays float32 eps); the
    # float32 run differs from it by float32 rounding in weak (pre-emphasis-attenuated) bins, recorded below
    feats = fbank(torch.float64)
    f32 = fbank(torch.float32).double()
    frames = [0, 1, 10, 23, feats.shape[0] - 1]
    ref = {
        "generator": "scripts/voice/kaldi_fbank_reference.py",
        "torch": torch.__version__,
        "torchaudio": torchaudio.__version__,
        "call": "torchaudio.compliance.kaldi.fbank(wav*32768, num_mel_bins=80, frame_length=25, frame_shift=10, "
                "dither=0.0, energy_floor=0.0, sample_frequency=16000, window_type='povey', use_energy=False)",
        "samples": N,
        "numFrames": feats.shape[0],
        "dtype": "float64 (torch.float32 input gives the same values within float32MaxDifference)",
        "float32MaxDifference": float((f32 - feats).abs().max()),
        "frames": frames,
        "values": [[round(float(v), 6) for v in feats[f]] for f in frames],
        "firstSamples": s[:8],
    }
    with open(path, "w") as f:
        json.dump(ref, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
