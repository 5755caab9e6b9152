package org.exhibit.voice;

import org.exhibit.io.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One analysed stretch of audio that a comparison uses: an input file, or one channel of it, or the part
 * between --start and --end. Stereo files whose channels carry different content are never averaged silently.
 *
 * @param input    the file
 * @param label    the file's path, with the channel and part when they apply
 * @param analysis what was measured
 * @param offset   seconds from the start of the file to the start of the analysed part
 * @param notes    what the decoder and the channel check found, in words (truncation, channels)
 */
public record Recording(VoiceComparison.Input input, String label, ClipAnalysis analysis, double offset,
                        List<String> notes) {

    /** A part of a file: from start to end seconds (end ≤ 0: to its end). */
    public record Window(double start, double end) {
        public static final Window WHOLE = new Window(0, 0);

        public boolean whole() {
            return start <= 0 && end <= 0;
        }

        String words() {
            return whole() ? "" : String.format(Locale.ROOT, " [%.2f-%s s]", start,
                    end > 0 ? String.format(Locale.ROOT, "%.2f", end) : "end");
        }
    }

    /** What to do with a file whose channels differ: take one (1-based), or split into one recording each. */
    public enum Split { REFUSE, EACH }

    /**
     * Decodes, cuts and analyses (wideband) a file.
     *
     * @param channel 1-based channel to take when the channels differ, or 0
     * @param split   what to do when they differ and no channel is given
     * @param role    "reference", "suspect", … for the message that asks to pick a channel
     */
    public static List<Recording> load(VoiceComparison.Input in, Window w, int channel, Split split, String role)
            throws InputException {
        Decoded d = AudioDecoder.decodeChannels(in.file(), in.exhibit().mediaType());
        if (!w.whole()) {
            double seconds = d.frames() / (double) d.sampleRate();
            if (w.start() >= seconds) {
                throw new InputException(in.file(), String.format(Locale.ROOT, "--start %.2f s is past its end "
                        + "(%.2f s)", w.start(), seconds));
            }
            if (w.end() > 0 && w.end() <= w.start()) {
                throw new InputException(in.file(), "--end must be after --start");
            }
            d = d.part(w.start(), w.end());
        }
        if (d.frames() == 0) {
            throw new InputException(in.file(), "decodes to no audio samples");
        }
        List<String> notes = new ArrayList<>(d.warnings());
        int n = d.channels().length;
        List<Recording> out = new ArrayList<>();
        String path = in.exhibit().path() + w.words();
        if (channel > 0) {
            if (channel > n) {
                throw new InputException(in.file(), "has " + n + " channel(s); channel " + channel + " was asked for");
            }
            notes.add("channel " + channel + " of " + n + " analysed, as asked");
            out.add(new Recording(in, n > 1 ? path + " (channel " + channel + ")" : path,
                    ClipAnalysis.of(d.channel(channel - 1)), Math.max(0, w.start()), List.copyOf(notes)));
            return out;
        }
        if (!d.channelsDiffer()) {
            if (n > 1) {
                notes.add(n + " channels carrying the same content (within 1 % of power), averaged");
            }
            out.add(new Recording(in, path, ClipAnalysis.of(d.downmix()), Math.max(0, w.start()), List.copyOf(notes)));
            return out;
        }
        if (split == Split.REFUSE) {
            throw new InputException(in.file(), "its " + n + " channels carry different content (e.g. two sides of "
                    + "a call); " + (role.equals("reference") ? "say which one holds the reference speaker with "
                    + "--reference-channel N" : "give one channel per file (e.g. sox in.wav out.wav remix 1)"));
        }
        for (int c = 0; c < n; c++) {
            List<String> cn = new ArrayList<>(notes);
            cn.add("channel " + (c + 1) + " of " + n + ": the channels carry different content, so each is "
                    + "analysed and reported on its own (never averaged)");
            out.add(new Recording(in, path + " (channel " + (c + 1) + " of " + n + ")", ClipAnalysis.of(d.channel(c)),
                    Math.max(0, w.start()), List.copyOf(cn)));
        }
        return out;
    }

    /** The same recording measured in another band. */
    public Recording inBand(Channel.Band band) {
        return new Recording(input, label, analysis.inBand(band), offset, notes);
    }
}
