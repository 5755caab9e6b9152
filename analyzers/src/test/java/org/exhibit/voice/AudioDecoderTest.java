package org.exhibit.voice;

import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.Flac;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioDecoderTest {

    @TempDir
    Path dir;

    private Pcm decode(Path p) throws Exception {
        return AudioDecoder.decode(p, Inputs.detect(p));
    }

    @Test
    void stereoWavIsAveragedToMono() throws Exception {
        // left +0.5, right -0.25 → mono +0.125
        int rate = 22050;
        ByteBuffer b = ByteBuffer.allocate(rate * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rate; i++) {
            b.putShort((short) 16384).putShort((short) -8192);
        }
        AudioFormat fmt = new AudioFormat(rate, 16, 2, true, false);
        Path p = dir.resolve("stereo.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b.array()), fmt, rate),
                AudioFileFormat.Type.WAVE, p.toFile());
        Pcm pcm = decode(p);
        assertEquals(rate, pcm.sampleRate());
        assertEquals(2, pcm.sourceChannels());
        assertEquals(rate, pcm.samples().length);
        assertEquals(0.125, pcm.samples()[100], 1e-4);
    }

    @Test
    void aiffAndFlacDecodeToTheSameSamplesAsWav() throws Exception {
        short[] s = Audio.tone(440, 0.5, 16000, 0.4);
        Path wav = dir.resolve("t.wav");
        Files.write(wav, Audio.wav(s, 16000));
        Path flac = dir.resolve("t.flac");
        Files.write(flac, Flac.mono16(s, 16000));
        Path aiff = dir.resolve("t.aiff");
        byte[] be = new byte[s.length * 2];
        ByteBuffer.wrap(be).order(ByteOrder.BIG_ENDIAN).asShortBuffer().put(s);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(be), new AudioFormat(16000, 16, 1, true, true),
                s.length), AudioFileFormat.Type.AIFF, aiff.toFile());
        float[] ref = decode(wav).samples();
        for (Path p : new Path[]{flac, aiff}) {
            Pcm pcm = decode(p);
            assertEquals(16000, pcm.sampleRate(), p.toString());
            assertEquals(ref.length, pcm.samples().length, p.toString());
            for (int i = 0; i < ref.length; i++) {
                assertEquals(ref[i], pcm.samples()[i], 1e-6, p + " sample " + i);
            }
        }
        assertTrue(decode(flac).decoder().contains("FLAC"), decode(flac).decoder());
    }

    @Test
    void corruptHeaderIsAnInputError() throws Exception {
        byte[] wav = Audio.wav(Audio.tone(440, 0.5, 16000, 0.4), 16000);
        // claim a 0-channel format: the header no longer describes a playable stream
        wav[22] = 0;
        wav[23] = 0;
        Path p = dir.resolve("corrupt.wav");
        Files.write(p, wav);
        InputException e = assertThrows(InputException.class, () -> decode(p));
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
    }

    @Test
    void notAudioAndUnsupportedCodecsSayWhy() throws Exception {
        Path txt = dir.resolve("notes.txt");
        Files.writeString(txt, "hello");
        InputException e = assertThrows(InputException.class, () -> decode(txt));
        assertTrue(e.problem().contains("not an audio recording"), e.problem());
        // an MP4 box header with nothing playable inside: javax.sound cannot read it, ffmpeg (if any) fails
        Path m4a = dir.resolve("clip.m4a");
        Files.write(m4a, new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0, 0, 0,
                'M', '4', 'A', ' ', 'i', 's', 'o', 'm'});
        InputException u = assertThrows(InputException.class, () -> AudioDecoder.decode(m4a, "audio/mp4"));
        assertTrue(u.problem().contains("ffmpeg"), u.problem());
    }
}
