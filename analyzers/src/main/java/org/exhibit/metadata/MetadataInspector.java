package org.exhibit.metadata;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.xmp.XmpDirectory;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPIterator;
import com.adobe.internal.xmp.properties.XMPPropertyInfo;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Verdict;
import org.exhibit.io.Images;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;
import org.exhibit.io.container.ByteSource;
import org.exhibit.io.container.Problem;
import org.exhibit.io.container.UserComment;
import org.xml.sax.SAXException;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads every metadata item of a file: metadata-extractor for images (EXIF, XMP, IPTC, ICC, PNG text chunks,
 * WebP, HEIF...), Apache Tika for audio, video, PDF and Office. Reads only; never decodes pixels. The container
 * layer reads the file first and decides what the libraries may see ({@link BoundedInput}), so a decompression bomb
 * or a length field past the end of the file is a listed problem, not an exhausted heap.
 */
public final class MetadataInspector {

    public static final String ANALYZER = "metadata";
    public static final Method METHOD = new Method("Metadata inventory", "1",
            "metadata-extractor 2.19 (images), Apache Tika 3.2 (other types)");
    /** Values longer than this are cut in the inventory (the full text stays in the file, at its offset). */
    static final int MAX_VALUE_CHARS = 65_536;

    /** Tika's parser registry is built once, on first use (it is thread-safe and costly to build per file). */
    private static final class Holder {
        static final AutoDetectParser PARSER = new AutoDetectParser();
    }

    private MetadataInspector() {
    }

    public static Finding inspect(Exhibit exhibit, Path file, Limits limits) throws InputException {
        Read read = exhibit.mediaType().startsWith("image/") ? image(file, limits) : tika(file, exhibit.mediaType(), limits);
        Inventory inv = read.inventory();
        Finding.Builder b = Finding.builder(ANALYZER, "metadata.inventory", METHOD)
                .statement(describe(exhibit, inv))
                .evidence(EvidencePointer.bytes(exhibit, "whole file", 0, exhibit.size()))
                .data("inventory", inv);
        if (inv.width() != null) {
            b.measure("width", inv.width(), "px").measure("height", inv.height(), "px");
        }
        if (inv.duration() != null) {
            b.measure("duration", inv.duration(), "s");
        }
        if (inv.pages() != null) {
            b.measure("pages", inv.pages(), "pages");
        }
        b.measure("metadata items", inv.items().size(), "items");
        if (!read.problems().isEmpty()) {
            b.measure("container problems", read.problems().size(), "problems").data("containerProblems", read.problems());
            for (Problem p : read.problems()) {
                if (p.offset() >= 0) {
                    b.evidence(EvidencePointer.bytes(exhibit, read.format() + " " + p.scope(), p.offset(), p.length()));
                }
            }
            if (read.problems().stream().anyMatch(Problem::limitReached)) {
                b.verdict(Verdict.INCONCLUSIVE).limitation("A bound of the input limits stopped the container reader"
                        + " (see containerProblems); what lies beyond it was not read.");
            }
        }
        return b.build();
    }

    /** An inventory and the problems the container layer found on the way. */
    record Read(Inventory inventory, String format, List<Problem> problems) {
    }

    static Read image(Path file, Limits limits) throws InputException {
        Images.Size size = Images.size(file);
        Images.checkPixels(file, size, limits);
        List<MetadataItem> items = new ArrayList<>();
        BoundedInput input;
        String reader = "metadata-extractor";
        try (ByteSource src = ByteSource.open(file)) {
            input = BoundedInput.of(src, limits);
            if (input.refused != null) {
                reader = "metadata-extractor not run: " + input.refused;
            } else {
                Metadata metadata;
                try (InputStream in = input.stream()) {
                    metadata = ImageMetadataReader.readMetadata(in, input.length());
                } catch (ImageProcessingException | IOException | RuntimeException e) {
                    throw new InputException(file, "unreadable image metadata (" + e.getMessage() + ")", e);
                }
                items.addAll(items(metadata));
            }
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
        items.addAll(problemItems(input));
        return new Read(new Inventory(size.width(), size.height(), null, null, reader, List.copyOf(items)),
                input.format, input.problems);
    }

    private static List<MetadataItem> items(Metadata metadata) {
        List<MetadataItem> items = new ArrayList<>();
        for (Directory d : metadata.getDirectories()) {
            for (Tag t : d.getTags()) {
                String value = t.getTagType() == ExifDirectoryBase.TAG_USER_COMMENT && d instanceof ExifDirectoryBase
                        && d.getByteArray(t.getTagType()) != null
                        ? UserComment.decode(d.getByteArray(t.getTagType())) : t.getDescription();
                items.add(new MetadataItem(d.getName(), t.getTagName(), cut(value)));
            }
            if (d instanceof XmpDirectory xmp) {
                items.addAll(xmpProperties(xmp));
            }
            for (String error : d.getErrors()) {
                items.add(new MetadataItem(d.getName(), "reader error", cut(error)));
            }
        }
        return items;
    }

    /** The container's problems as inventory items: group "FORMAT container", tag the kind of problem. */
    private static List<MetadataItem> problemItems(BoundedInput input) {
        List<MetadataItem> out = new ArrayList<>();
        for (Problem p : input.problems) {
            out.add(new MetadataItem(input.format + " container", p.kind().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' '), cut(p.message())));
        }
        return out;
    }

    /** metadata-extractor lists only a count for XMP; the properties themselves are what people look for. */
    private static List<MetadataItem> xmpProperties(XmpDirectory xmp) {
        List<MetadataItem> out = new ArrayList<>();
        try {
            for (XMPIterator it = xmp.getXMPMeta().iterator(); it.hasNext(); ) {
                XMPPropertyInfo p = (XMPPropertyInfo) it.next();
                if (p.getPath() != null && p.getValue() != null && !p.getOptions().isCompositeProperty()) {
                    out.add(new MetadataItem("XMP", p.getPath(), cut(p.getValue())));
                }
            }
        } catch (XMPException e) {
            out.add(new MetadataItem("XMP", "reader error", cut(e.getMessage())));
        }
        return out;
    }

    static Read tika(Path file, String mediaType, Limits limits) throws InputException {
        BoundedInput input;
        try (ByteSource src = ByteSource.open(file)) {
            input = BoundedInput.of(src, limits);
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
        if (input.refused != null) { // a bound was reached in a container Tika would read without one
            return new Read(new Inventory(null, null, null, null, "Apache Tika not run: " + input.refused,
                    List.copyOf(problemItems(input))), input.format, input.problems);
        }
        org.apache.tika.metadata.Metadata md = new org.apache.tika.metadata.Metadata();
        // body text is not wanted, only metadata: a tiny write limit stops Tika early on large documents
        BodyContentHandler discard = new BodyContentHandler(1);
        try (InputStream in = Files.newInputStream(file)) {
            Holder.PARSER.parse(in, discard, md, new ParseContext());
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new InputException(file, "unreadable " + mediaType + " (" + e.getMessage() + ")", e);
            }
        } catch (TikaException | IOException | RuntimeException e) {
            throw new InputException(file, "unreadable " + mediaType + " (" + e.getMessage() + ")", e);
        }
        String[] names = md.names();
        Arrays.sort(names);
        List<MetadataItem> items = new ArrayList<>();
        for (String name : names) {
            for (String v : md.getValues(name)) {
                items.add(new MetadataItem("Tika", name, cut(v)));
            }
        }
        items.addAll(problemItems(input));
        Double duration = mediaType.startsWith("audio/") ? audioDuration(file, md) : null;
        String pages = md.get("xmpTPg:NPages");
        return new Read(new Inventory(null, null, duration, pages == null ? null : Integer.valueOf(pages),
                "Apache Tika (" + md.get(TikaCoreProperties.TIKA_PARSED_BY_FULL_SET) + ")", List.copyOf(items)),
                input.format, input.problems);
    }

    private static Double audioDuration(Path file, org.apache.tika.metadata.Metadata md) {
        try {
            AudioFileFormat f = AudioSystem.getAudioFileFormat(file.toFile());
            if (f.getFrameLength() > 0 && f.getFormat().getFrameRate() > 0) {
                return f.getFrameLength() / (double) f.getFormat().getFrameRate();
            }
        } catch (UnsupportedAudioFileException | IOException e) {
            // not a format javax.sound reads (MP3, FLAC...): fall back to what Tika found
        }
        String d = md.get("xmpDM:duration");
        try {
            return d == null ? null : Double.valueOf(d);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS) + "… [" + s.length() + " chars]";
    }

    private static String describe(Exhibit e, Inventory inv) {
        StringBuilder s = new StringBuilder(e.path()).append(" is ").append(e.mediaType());
        if (inv.width() != null) {
            s.append(", ").append(inv.width()).append("×").append(inv.height()).append(" pixels");
        }
        if (inv.duration() != null) {
            s.append(", ").append(org.exhibit.report.Numbers.format(inv.duration())).append(" s");
        }
        if (inv.pages() != null) {
            s.append(", ").append(inv.pages()).append(inv.pages() == 1 ? " page" : " pages");
        }
        return s.append(", with ").append(inv.items().size()).append(" metadata items.").toString();
    }
}
