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
import org.exhibit.io.Images;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;
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
 * WebP, HEIF...), Apache Tika for audio, video, PDF and Office. Reads only; never decodes pixels.
 */
public final class MetadataInspector {

    public static final String ANALYZER = "metadata";
    public static final Method METHOD = new Method("Metadata inventory", "1",
            "metadata-extractor 2.19 (images), Apache Tika 3.2 (other types)");
    /** Values longer than this are cut in the inventory (the full text stays in the file, at its offset). */
    static final int MAX_VALUE_CHARS = 65_536;

    private MetadataInspector() {
    }

    public static Finding inspect(Exhibit exhibit, Path file, Limits limits) throws InputException {
        Inventory inv = exhibit.mediaType().startsWith("image/") ? image(file, limits) : tika(file, exhibit.mediaType());
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
        return b.build();
    }

    static Inventory image(Path file, Limits limits) throws InputException {
        Images.Size size = Images.size(file);
        Images.checkPixels(file, size, limits);
        Metadata metadata;
        try (InputStream in = Files.newInputStream(file)) {
            metadata = ImageMetadataReader.readMetadata(in, Files.size(file));
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            throw new InputException(file, "unreadable image metadata (" + e.getMessage() + ")", e);
        }
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
        return new Inventory(size.width(), size.height(), null, null, "metadata-extractor", List.copyOf(items));
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

    static Inventory tika(Path file, String mediaType) throws InputException {
        org.apache.tika.metadata.Metadata md = new org.apache.tika.metadata.Metadata();
        // body text is not wanted, only metadata: a tiny write limit stops Tika early on large documents
        BodyContentHandler discard = new BodyContentHandler(1);
        try (InputStream in = Files.newInputStream(file)) {
            new AutoDetectParser().parse(in, discard, md, new ParseContext());
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
        Double duration = mediaType.startsWith("audio/") ? audioDuration(file, md) : null;
        String pages = md.get("xmpTPg:NPages");
        return new Inventory(null, null, duration, pages == null ? null : Integer.valueOf(pages),
                "Apache Tika (" + md.get(TikaCoreProperties.TIKA_PARSED_BY_FULL_SET) + ")", List.copyOf(items));
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
