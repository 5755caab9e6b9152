package org.exhibit.label;

import org.exhibit.io.InputException;
import org.exhibit.io.Limits;

import java.io.IOException;
import java.nio.file.Path;

/** Picks the carrier reader by the file's leading bytes (not its name) and runs it. */
public final class Carriers {

    private Carriers() {
    }

    /** The container format as the readers know it: png, jpeg, webp, gif, tiff, wav, mp3, flac, ogg, mp4, pdf, ooxml, text. */
    public static String format(byte[] head) {
        if (Bin.startsWith(head, 0, "\u0089PNG")) {
            return "png";
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (Bin.startsWith(head, 0, "RIFF") && Bin.startsWith(head, 8, "WEBP")) {
            return "webp";
        }
        if (Bin.startsWith(head, 0, "RIFF") && Bin.startsWith(head, 8, "WAVE")) {
            return "wav";
        }
        if (Bin.startsWith(head, 0, "GIF87a") || Bin.startsWith(head, 0, "GIF89a")) {
            return "gif";
        }
        if (Bin.startsWith(head, 0, "II*\0") || Bin.startsWith(head, 0, "MM\0*")) {
            return "tiff";
        }
        if (Bin.startsWith(head, 0, "ID3") || head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0) {
            return "mp3";
        }
        if (Bin.startsWith(head, 0, "fLaC")) {
            return "flac";
        }
        if (Bin.startsWith(head, 0, "OggS")) {
            return "ogg";
        }
        for (String box : new String[]{"ftyp", "moov", "mdat", "wide", "free", "skip"}) {
            if (Bin.startsWith(head, 4, box)) {
                return "mp4";
            }
        }
        if (Bin.startsWith(head, 0, "%PDF")) {
            return "pdf";
        }
        if (Bin.startsWith(head, 0, "PK\3\4")) {
            return "ooxml";
        }
        return "text";
    }

    public static CarrierScan scan(Path file, Limits limits) throws InputException {
        try (Source src = Source.open(file)) {
            CarrierScan scan = new CarrierScan(format(src.readUpTo(0, 16)));
            switch (scan.format) {
                case "png" -> ImageCarriers.png(src, limits, scan);
                case "jpeg" -> ImageCarriers.jpeg(src, scan);
                case "webp" -> ImageCarriers.webp(src, scan);
                case "gif" -> ImageCarriers.gif(src, scan);
                case "tiff" -> ImageCarriers.tiff(src, scan);
                case "wav" -> AudioCarriers.wav(src, scan);
                case "mp3" -> AudioCarriers.mp3(src, scan);
                case "flac" -> AudioCarriers.flac(src, scan);
                case "ogg" -> AudioCarriers.ogg(src, scan);
                case "mp4" -> IsoBmff.scan(src, scan);
                case "pdf" -> DocumentCarriers.pdf(file, src, limits, scan);
                case "ooxml" -> DocumentCarriers.ooxml(file, limits, scan);
                default -> DocumentCarriers.markdown(src, scan);
            }
            return scan;
        } catch (IOException | RuntimeException e) {
            throw new InputException(file, "unreadable label carriers (" + e.getMessage() + ")", e);
        }
    }
}
