package org.exhibit.voice;

import org.exhibit.evidence.Finding;
import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.SpeechSynth;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelTest {

    private static final int FIRST = 600_000;

    @TempDir
    Path dir;

    private static float[] speech(int speaker, long sentence, int rate) {
        SpeechSynth.Conditions c = SpeechSynth.Conditions.CLEAN;
        float[] x = SpeechSynth.utterance(SpeechSynth.speaker(1, FIRST + speaker), sentence, 2.5, c);
        return rate == 16000 ? x : Resampler.resample(x, 16000, rate);
    }

    private VoiceComparison.Input wav(String name, float[] x, int rate) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, Audio.wav(Audio.pcm16(x), rate));
        return new VoiceComparison.Input(Inputs.open(p, "input", Limits.DEFAULT), p);
    }

    private VoiceComparison.Input stereo(String name, float[] left, float[] right) throws Exception {
        int n = Math.min(left.length, right.length);
        ByteBuffer b = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putShort((short) Math.round(left[i] * 32767)).putShort((short) Math.round(right[i] * 32767));
        }
        Path p = dir.resolve(name);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b.array()), new AudioFormat(16000, 16, 2,
                true, false), n), AudioFileFormat.Type.WAVE, p.toFile());
        return new VoiceComparison.Input(Inputs.open(p, "input", Limits.DEFAULT), p);
    }

    private static List<Finding> rule(List<Finding> fs, String rule) {
        return fs.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void narrowbandSideMakesBothComparedInTheTelephoneBand() throws Exception {
        var ref = wav("ref.wav", speech(1, 1, 16000), 16000);
        var sus = wav("phone.wav", speech(1, 2, 8000), 8000);
        var r = VoiceComparison.compare(List.of(ref), List.of(sus));
        Finding f = rule(r.findings(), "voice.same-speaker").get(0);
        assertEquals(Channel.Band.TELEPHONE.words(), f.data().get("band"));
        assertTrue(f.statement().contains("telephone band") && f.statement().contains("sampled at 8000 Hz"),
                f.statement());
        // the telephone band has its own LDA backend (same recipe, training clips measured in the band)
        ClassicalScorer cs = ClassicalScorer.shipped();
        assertTrue(cs.backend(Channel.Band.TELEPHONE).trainedOn().contains("telephone band"));
        assertTrue(cs.id().contains(" telephone sha256:"), cs.id());
        for (Finding rec : rule(r.findings(), "voice.recording")) {
            assertEquals(Channel.Band.TELEPHONE.words(), rec.data().get("band"));
        }
        // a 16 kHz file with nothing above 3.4 kHz is narrowband too, by its energy
        Pcm limited = new Pcm(Channel.bandPass(speech(2, 1, 16000), Channel.Band.TELEPHONE), 16000, 1, "t");
        ClipAnalysis a = ClipAnalysis.of(limited);
        assertTrue(a.bandwidth().narrowband(), a.bandwidth().why());
        assertFalse(ClipAnalysis.of(new Pcm(speech(2, 1, 16000), 16000, 1, "t")).bandwidth().narrowband());
    }

    @Test
    void snrEstimateFollowsAddedNoise() {
        float[] clean = speech(3, 1, 16000);
        double p = 0;
        for (float v : clean) {
            p += v * v / clean.length;
        }
        Random rnd = new Random(2);
        for (double want : new double[]{5, 20}) {
            float[] x = clean.clone();
            double sd = Math.sqrt(p / Math.pow(10, want / 10));
            for (int i = 0; i < x.length; i++) {
                x[i] += (float) (sd * rnd.nextGaussian());
            }
            double got = ClipAnalysis.of(new Pcm(x, 16000, 1, "t")).snrDb();
            System.out.println("SNR " + want + " dB (whole clip) estimated " + got + " dB");
            // the estimate is speech-frame power over pause power, so it reads a little above whole-clip SNR
            assertEquals(want + 2, got, 4, "SNR at " + want + " dB");
        }
    }

    @Test
    void stereoWithDifferentSpeakersIsReportedPerChannelNeverAveraged() throws Exception {
        var ref = wav("ref.wav", speech(4, 1, 16000), 16000);
        var call = stereo("call.wav", speech(4, 2, 16000), speech(5, 2, 16000));
        var r = VoiceComparison.compare(List.of(ref), List.of(call));
        List<Finding> same = rule(r.findings(), "voice.same-speaker");
        assertEquals(2, same.size());
        assertTrue(same.get(0).statement().contains("(channel 1 of 2)"), same.get(0).statement());
        assertTrue(same.get(1).statement().contains("(channel 2 of 2)"), same.get(1).statement());
        assertTrue(same.get(0).measurement("score") > same.get(1).measurement("score"));
        InputException e = assertThrows(InputException.class, () -> VoiceComparison.compare(List.of(call),
                List.of(ref)));
        assertTrue(e.problem().contains("--reference-channel"), e.problem());
        var o = new VoiceComparison.Options(null, null, Recording.Window.WHOLE, Recording.Window.WHOLE, 2, 0);
        assertEquals(1, rule(VoiceComparison.compare(List.of(call), List.of(ref), o).findings(),
                "voice.same-speaker").size());
        // identical channels are averaged, and the report says so
        float[] one = speech(4, 3, 16000);
        var dual = stereo("dual.wav", one, one);
        Finding rec = rule(VoiceComparison.compare(List.of(ref), List.of(dual)).findings(), "voice.recording").get(1);
        assertTrue(rec.statement().contains("same content"), rec.statement());
    }

    @Test
    void startAndEndChooseAPartAndEvidenceTimesStayInTheFile() throws Exception {
        float[] a = speech(6, 1, 16000);
        float[] b = speech(6, 2, 16000);
        float[] x = new float[a.length + b.length];
        System.arraycopy(a, 0, x, 0, a.length);
        System.arraycopy(b, 0, x, a.length, b.length);
        var in = wav("long.wav", x, 16000);
        double start = a.length / 16000.0;
        var o = new VoiceComparison.Options(null, null, Recording.Window.WHOLE, new Recording.Window(start, 0), 0, 0);
        var r = VoiceComparison.compare(List.of(wav("ref.wav", a, 16000)), List.of(in), o);
        Finding rec = rule(r.findings(), "voice.recording").get(1);
        assertEquals(start, rec.measurement("part starts at"), 1e-9);
        assertEquals(b.length / 16000.0, rec.measurement("duration"), 0.01);
        assertTrue(rec.evidence().stream().allMatch(p -> p.start() >= start - 1e-9), rec.evidence().toString());
        assertThrows(InputException.class, () -> VoiceComparison.compare(List.of(in), List.of(in),
                new VoiceComparison.Options(null, null, Recording.Window.WHOLE, new Recording.Window(99, 0), 0, 0)));
    }

    @Test
    void damagedWavHeaderIsACorruptFileNotMpegSilence() throws Exception {
        Path p = dir.resolve("bad.wav");
        Files.write(p, new byte[]{'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ', 9});
        InputException e = assertThrows(InputException.class, () -> AudioDecoder.decode(p, Inputs.detect(p)));
        assertTrue(e.problem().contains("corrupt WAV"), e.problem());
        byte[] wav = Audio.wav(Audio.tone(440, 0.5, 16000, 0.4), 16000);
        wav[32] = 7; // block align no longer matches channels × bits
        Files.write(p, wav);
        e = assertThrows(InputException.class, () -> AudioDecoder.decode(p, Inputs.detect(p)));
        assertTrue(e.problem().contains("block align"), e.problem());
        assertFalse(e.problem().contains("MPEG"), e.problem());
        // a cut-off data chunk is read as far as it goes and flagged
        byte[] whole = Audio.wav(Audio.tone(440, 1, 16000, 0.4), 16000);
        Files.write(p, java.util.Arrays.copyOf(whole, whole.length / 2));
        Decoded d = AudioDecoder.decodeChannels(p, Inputs.detect(p));
        assertTrue(d.warnings().get(0).startsWith("truncated"), d.warnings().toString());
    }

    @Test
    void truncatedMp3AndOggAreFlagged() {
        // MPEG-1 layer III, 128 kbit/s, 44.1 kHz, no padding: 417-byte frames
        byte[] frame = new byte[417];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        frame[2] = (byte) 0x90;
        frame[3] = 0x00;
        byte[] three = new byte[417 * 3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(frame, 0, three, 417 * i, 417);
        }
        assertTrue(Truncation.mp3(three).isEmpty());
        assertTrue(Truncation.mp3(java.util.Arrays.copyOf(three, 417 * 2 + 200)).orElseThrow().startsWith("truncated"));
        byte[] ogg = oggPage(0x02, 30);
        byte[] last = oggPage(0x04, 50);
        byte[] both = new byte[ogg.length + last.length];
        System.arraycopy(ogg, 0, both, 0, ogg.length);
        System.arraycopy(last, 0, both, ogg.length, last.length);
        assertTrue(Truncation.ogg(both).isEmpty());
        assertTrue(Truncation.ogg(ogg).orElseThrow().contains("end-of-stream"));
        assertTrue(Truncation.ogg(java.util.Arrays.copyOf(both, both.length - 10)).orElseThrow()
                .startsWith("truncated"));
    }

    /** With ffmpeg (skipped without it): real Vorbis and MP3 streams decode, and cut-off copies are flagged. */
    @Test
    void realOggAndMp3DecodeAndTheirCutOffCopiesAreFlagged() throws Exception {
        String ffmpeg = AudioDecoder.findOnPath("ffmpeg");
        org.junit.jupiter.api.Assumptions.assumeTrue(ffmpeg != null, "ffmpeg not on PATH: skipped");
        Path wav = dir.resolve("s.wav");
        Files.write(wav, Audio.wav(Audio.pcm16(speech(7, 1, 16000)), 16000));
        for (String ext : new String[]{"ogg", "mp3"}) {
            Path enc = dir.resolve("s." + ext);
            Process p = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-y", "-i", wav.toString(), "-c:a",
                    ext.equals("ogg") ? "libvorbis" : "libmp3lame", enc.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "ffmpeg cannot encode " + ext);
            Decoded whole = AudioDecoder.decodeChannels(enc, Inputs.detect(enc));
            assertTrue(whole.frames() > 16000, ext + " decodes: " + whole.frames());
            assertTrue(whole.warnings().isEmpty(), whole.warnings().toString());
            byte[] b = Files.readAllBytes(enc);
            Path cut = dir.resolve("cut." + ext);
            Files.write(cut, java.util.Arrays.copyOf(b, b.length * 2 / 3 + 1));
            Decoded part = AudioDecoder.decodeChannels(cut, Inputs.detect(cut));
            assertTrue(part.warnings().stream().anyMatch(w -> w.startsWith("truncated")), ext + " " + part.warnings());
        }
    }

    private static byte[] oggPage(int flags, int body) {
        byte[] p = new byte[27 + 1 + body];
        p[0] = 'O';
        p[1] = 'g';
        p[2] = 'g';
        p[3] = 'S';
        p[5] = (byte) flags;
        p[26] = 1;
        p[27] = (byte) body;
        return p;
    }
}
