package org.exhibit.label;

import org.exhibit.io.InputException;
import org.exhibit.io.Limits;
import org.exhibit.io.container.Bmff;
import org.exhibit.io.container.ByteSource;
import org.exhibit.io.container.Bytes;
import org.exhibit.io.container.Container;
import org.exhibit.io.container.Flac;
import org.exhibit.io.container.Gif;
import org.exhibit.io.container.Id3v2;
import org.exhibit.io.container.Jpeg;
import org.exhibit.io.container.Ogg;
import org.exhibit.io.container.Png;
import org.exhibit.io.container.Problem;
import org.exhibit.io.container.Riff;
import org.exhibit.io.container.Tiff;
import org.exhibit.io.container.Webp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Picks the carrier reader by the file's leading bytes (not its name) and runs it: the container is walked by
 * {@code org.exhibit.io.container} under {@link Limits}, then {@link ImageLabels}, {@link AudioLabels} or
 * {@link Mp4Labels} pick the items that can hold a label; documents go to {@link DocumentCarriers}.
 */
public final class Carriers {

    private Carriers() {
    }

    /** The container format as the readers know it: png, jpeg, webp, gif, tiff, wav, mp3, flac, ogg, mp4, pdf, ooxml, text. */
    public static String format(byte[] head) {
        if (Png.READER.accepts(head)) {
            return "png";
        }
        if (Jpeg.READER.accepts(head)) {
            return "jpeg";
        }
        if (Webp.isWebp(head)) {
            return "webp";
        }
        if (Riff.READER.accepts(head) && Bytes.startsWith(head, 8, "WAVE")) {
            return "wav";
        }
        if (Gif.READER.accepts(head)) {
            return "gif";
        }
        if (Tiff.READER.accepts(head)) {
            return "tiff";
        }
        if (Id3v2.READER.accepts(head) || head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0) {
            return "mp3";
        }
        if (Flac.READER.accepts(head)) {
            return "flac";
        }
        if (Ogg.READER.accepts(head)) {
            return "ogg";
        }
        if (Bmff.READER.accepts(head)) {
            return "mp4";
        }
        if (Bytes.startsWith(head, 0, "%PDF")) {
            return "pdf";
        }
        if (Bytes.startsWith(head, 0, "PK\3\4")) {
            return "ooxml";
        }
        return "text";
    }

    public static CarrierScan scan(Path file, Limits limits) throws InputException {
        try (ByteSource src = ByteSource.open(file)) {
            return scan(file, src, limits);
        } catch (IOException | RuntimeException e) {
            throw new InputException(file, "unreadable label carriers (" + e.getMessage() + ")", e);
        }
    }

    /** As {@link #scan(Path, Limits)}, on bytes already open; {@code file} is only for documents' libraries. */
    static CarrierScan scan(Path file, ByteSource src, Limits limits) throws IOException {
        CarrierScan scan = new CarrierScan(format(src.readUpTo(0, 16)));
        switch (scan.format) {
            case "png" -> ImageLabels.png(Png.read(src, limits), scan);
            case "jpeg" -> ImageLabels.jpeg(Jpeg.read(src, limits), scan);
            case "webp" -> ImageLabels.webp(Riff.read(src, limits), scan);
            case "gif" -> ImageLabels.gif(Gif.read(src, limits), scan);
            case "tiff" -> ImageLabels.tiff(Tiff.read(src, 0, src.size(), limits, "TIFF"), scan);
            case "wav" -> AudioLabels.wav(Riff.read(src, limits), scan);
            case "mp3" -> AudioLabels.mp3(Id3v2.read(src, limits), scan);
            case "flac" -> AudioLabels.flac(Flac.read(src, limits), scan);
            case "ogg" -> AudioLabels.ogg(Ogg.read(src, limits), scan);
            case "mp4" -> Mp4Labels.scan(Bmff.read(src, limits), scan);
            case "pdf" -> DocumentCarriers.pdf(file, src, limits, scan);
            case "ooxml" -> DocumentCarriers.ooxml(file, limits, scan);
            default -> DocumentCarriers.markdown(src, scan);
        }
        return scan;
    }

    /**
     * The container's problems that concern the structures label carriers sit in, as the scan's problems (each
     * becomes a "label.carrier-problem" finding). A bad CRC and bytes after the container's end are left out: they
     * do not hide a carrier.
     */
    static void problems(Container c, CarrierScan scan, Predicate<Problem> relevant) {
        for (Problem p : c.problems()) {
            if (p.kind() != Problem.Kind.CRC && p.kind() != Problem.Kind.TRAILING && relevant.test(p)) {
                String m = p.message();
                scan.problems.add(m.endsWith(".") ? m.substring(0, m.length() - 1) : m); // the finding goes on after it
            }
        }
    }
}
