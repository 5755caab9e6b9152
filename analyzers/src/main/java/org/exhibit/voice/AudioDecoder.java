package org.exhibit.voice;

import org.exhibit.io.InputException;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Decodes an audio file to mono PCM. WAV and AIFF through javax.sound; FLAC (jFLAC), MP3 (MP3SPI/JLayer) and
 * Ogg Vorbis (VorbisSPI/JOrbis) through their javax.sound providers from Maven Central; anything else
 * (M4A/AAC, Opus, video containers) through the {@code ffmpeg} program when it is on PATH. Channels are
 * averaged. The file is only read.
 */
public final class AudioDecoder {

    /** Longest recording decoded: an hour of speech is far more than a comparison needs. */
    public static final double MAX_SECONDS = 3600;

    private static final List<String> JAVA_SOUND_TYPES = List.of("audio/vnd.wave", "audio/wav", "audio/x-wav",
            "audio/x-aiff", "audio/aiff", "audio/x-flac", "audio/flac", "audio/mpeg", "audio/vorbis", "audio/ogg",
            "audio/x-ogg");

    private AudioDecoder() {
    }

    /**
     * @param file      the recording
     * @param mediaType its type as detected by content (the exhibit's media type)
     */
    public static Pcm decode(Path file, String mediaType) throws InputException {
        return decodeChannels(file, mediaType).downmix();
    }

    /**
     * Every channel at the file's own sample rate. WAV is read by {@link WavReader} (a damaged header is a
     * corrupt file, never handed to another provider); MP3 and Ogg streams are checked for a cut-off end
     * ({@link Truncation}), reported in {@link Decoded#warnings()}.
     */
    public static Decoded decodeChannels(Path file, String mediaType) throws InputException {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        boolean audioLike = type.startsWith("audio/") || type.startsWith("video/") || type.equals("application/ogg");
        if (!audioLike) {
            throw new InputException(file, "is " + mediaType + ", not an audio recording");
        }
        if (type.contains("wav")) {
            try {
                return WavReader.read(file);
            } catch (InputException e) {
                if (!e.problem().startsWith("WAV with codec")) {
                    throw e;
                }
                return withWarnings(decodeWithFfmpeg(file, mediaType), file, type); // e.g. ADPCM, G.711 in WAV
            }
        }
        if (JAVA_SOUND_TYPES.contains(type)) {
            try {
                Decoded d = type.contains("flac") ? FlacReader.readChannels(file) : decodeJavaSound(file, type);
                return withWarnings(d, file, type);
            } catch (UnsupportedAudioFileException e) {
                // e.g. Ogg Opus: ffmpeg may still read it
            } catch (IOException | RuntimeException e) {
                throw new InputException(file, "corrupt or truncated " + mediaType + " (" + oneLine(e) + ")", e);
            }
        }
        return withWarnings(decodeWithFfmpeg(file, mediaType), file, type);
    }

    private static Decoded withWarnings(Decoded d, Path file, String type) {
        var cut = Truncation.check(file, type);
        if (cut.isEmpty()) {
            return d;
        }
        List<String> w = new java.util.ArrayList<>(d.warnings());
        w.add(cut.get());
        return new Decoded(d.channels(), d.sampleRate(), d.decoder(), List.copyOf(w));
    }

    static Decoded decodeJavaSound(Path file, String type) throws UnsupportedAudioFileException, IOException,
            InputException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             AudioInputStream source = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat in = source.getFormat();
            int channels = Math.max(1, in.getChannels());
            float rate = in.getSampleRate();
            if (!(rate >= 4000 && rate <= 384000)) {
                throw new InputException(file, "has an implausible sample rate of " + rate + " Hz");
            }
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, 16, channels, 2 * channels,
                    rate, false);
            try (AudioInputStream decoded = in.matches(pcm) ? source : AudioSystem.getAudioInputStream(pcm, source)) {
                long maxBytes = (long) (MAX_SECONDS * rate) * 2 * channels;
                byte[] bytes = readAtMost(decoded, maxBytes, file);
                AudioFileFormat.Type read = AudioSystem.getAudioFileFormat(file.toFile()).getType();
                boolean expected = type.contains("aiff") ? read.toString().toUpperCase(Locale.ROOT).startsWith("AIFF")
                        : !type.contains("mpeg") || in.getEncoding().toString().toUpperCase(Locale.ROOT).contains("MPEG");
                if (!expected) {
                    throw new InputException(file, "corrupt " + type + ": javax.sound reads it only as " + read
                            + " " + in.getEncoding());
                }
                return toChannels(bytes, channels, Math.round(rate), in.getEncoding() + " via javax.sound ("
                        + read + ")");
            }
        }
    }

    private static byte[] readAtMost(InputStream in, long maxBytes, Path file) throws IOException, InputException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) != -1; ) { // VorbisSPI may return 0 before its first page is decoded
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw new InputException(file, "is longer than " + (int) MAX_SECONDS + " s; cut the part to compare");
            }
        }
        return out.toByteArray();
    }

    private static Decoded toChannels(byte[] bytes, int channels, int rate, String decoder) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int frames = bytes.length / (2 * channels);
        float[][] out = new float[channels][frames];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                out[c][i] = b.getShort((i * channels + c) * 2) / 32768f;
            }
        }
        return new Decoded(out, rate, decoder, List.of());
    }

    /** ffmpeg decodes to 16-bit WAV at the stream's own rate and channels, read back by {@link WavReader}. */
    static Decoded decodeWithFfmpeg(Path file, String mediaType) throws InputException {
        String ffmpeg = findOnPath("ffmpeg");
        if (ffmpeg == null) {
            throw new InputException(file, "is " + mediaType + "; decoding it needs the ffmpeg program, which is "
                    + "not on PATH (Debian: apt-get install ffmpeg)");
        }
        try {
            Path tmp = Files.createTempFile("exhibit-voice", ".wav");
            try {
                Process p = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-i", file.toString(), "-map",
                        "0:a:0", "-t", String.valueOf((int) MAX_SECONDS), "-f", "wav", "-acodec", "pcm_s16le",
                        "-y", tmp.toString())
                        .redirectErrorStream(true).start();
                byte[] messages = p.getInputStream().readAllBytes();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new InputException(file, "ffmpeg did not finish decoding within 10 minutes");
                }
                if (p.exitValue() != 0) {
                    String why = new String(messages, java.nio.charset.StandardCharsets.UTF_8).strip();
                    throw new InputException(file, "unsupported or corrupt audio (" + mediaType + "): ffmpeg says "
                            + (why.isEmpty() ? "exit " + p.exitValue() : oneLine(why)));
                }
                Decoded d = WavReader.parse(file, Files.readAllBytes(tmp));
                return new Decoded(d.channels(), d.sampleRate(), "ffmpeg (" + mediaType + ")", d.warnings());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new InputException(file, "cannot run ffmpeg: " + oneLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(file, "interrupted while decoding");
        }
    }

    static String findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static String oneLine(Object o) {
        String s = o instanceof Throwable t ? (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
                : String.valueOf(o);
        s = s.replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
