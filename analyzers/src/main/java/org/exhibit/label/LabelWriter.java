package org.exhibit.label;

import org.exhibit.io.container.Bytes;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.SerializeOptions;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;
import org.exhibit.io.container.ByteSource;
import org.exhibit.io.container.Id3v2;
import org.exhibit.io.container.Jpeg;
import org.exhibit.io.container.Png;
import org.exhibit.io.container.Riff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a GB 45438 implicit label into a copy of a file (the input is only read): PNG iTXt "AIGC"; JPEG, WebP and
 * WAV XMP {@code TC260:AIGC} (merged into an existing packet); MP3 ID3v2 TXXX "AIGC"; MP4/MOV
 * {@code moov.udta.meta} (see {@link Mp4LabelWriter}). Media data is copied byte for byte. Where to write is found
 * by walking the input with {@code org.exhibit.io.container}; this class only splices.
 */
public final class LabelWriter {

    /** The new file's bytes and where the label went. */
    public record Written(String format, String carrier, byte[] bytes) {
    }

    private LabelWriter() {
    }

    public static Written write(Path input, String fieldsJson) throws InputException {
        try {
            long size = Files.size(input);
            if (size > Integer.MAX_VALUE - 64) {
                throw new InputException(input, "is too large to copy in memory (" + size + " bytes)");
            }
            byte[] in = Files.readAllBytes(input);
            String format = Carriers.format(java.util.Arrays.copyOf(in, Math.min(in.length, 16)));
            return switch (format) {
                case "png" -> new Written(format, "PNG iTXt AIGC", png(in, fieldsJson));
                case "jpeg" -> new Written(format, "JPEG APP1 XMP TC260:AIGC", jpeg(in, fieldsJson));
                case "webp" -> new Written(format, "WebP XMP TC260:AIGC", WebpWriter.withXmp(in, xmp(xmpIn(in, format), fieldsJson)));
                case "wav" -> new Written(format, "WAV _PMX XMP TC260:AIGC", wav(in, fieldsJson));
                case "mp3" -> new Written(format, "ID3v2 TXXX AIGC", mp3(in, fieldsJson));
                case "mp4" -> new Written(format, "MP4 moov.udta.meta AIGC", Mp4LabelWriter.write(in, fieldsJson));
                default -> throw new InputException(input, "writing a label into " + format + " files is not supported "
                        + "(PNG, JPEG, WebP, WAV, MP3, MP4/MOV are)");
            };
        } catch (IOException | XMPException e) {
            throw new InputException(input, "cannot write a label into it: " + e.getMessage(), e);
        }
    }

    /** iTXt "AIGC" (UTF-8, uncompressed) right after IHDR. */
    static byte[] png(byte[] in, String json) throws IOException {
        List<Png.Chunk> chunks = Png.read(ByteSource.of(in), Limits.DEFAULT).chunks();
        if (chunks.isEmpty() || !chunks.get(0).type().equals("IHDR") || chunks.get(0).truncated()) {
            throw new IOException("the PNG does not start with an IHDR chunk");
        }
        int ihdrEnd = (int) chunks.get(0).end();
        byte[] body = PngChunk.concat("AIGC".getBytes(StandardCharsets.ISO_8859_1), new byte[]{0, 0, 0, 0, 0},
                json.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(in, 0, ihdrEnd);
        o.writeBytes(PngChunk.chunk("iTXt", body));
        o.write(in, ihdrEnd, in.length - ihdrEnd);
        return o.toByteArray();
    }

    /** The existing XMP packet of a JPEG/WebP/WAV, or null. */
    static byte[] xmpIn(byte[] in, String format) throws IOException {
        CarrierScan scan = new CarrierScan(format);
        ByteSource src = ByteSource.of(in);
        switch (format) {
            case "jpeg" -> ImageLabels.jpeg(Jpeg.read(src, Limits.DEFAULT), scan);
            case "webp" -> ImageLabels.webp(Riff.read(src, Limits.DEFAULT), scan);
            default -> AudioLabels.wav(Riff.read(src, Limits.DEFAULT), scan);
        }
        return scan.xmp.isEmpty() ? null : scan.xmp.get(0).bytes();
    }

    /** A packet with TC260:AIGC set: the existing one merged (refused if it declares a DTD), or a new one. */
    static byte[] xmp(byte[] existing, String json) throws XMPException, IOException {
        XMPMetaFactory.getSchemaRegistry().registerNamespace(XmpLabels.TC260_NS, "TC260");
        if (existing != null && new String(existing, StandardCharsets.UTF_8).contains("<!DOCTYPE")) {
            throw new IOException("its XMP packet declares a DTD; refusing to parse or rewrite it");
        }
        XMPMeta meta = existing == null ? XMPMetaFactory.create() : XMPMetaFactory.parseFromBuffer(existing);
        meta.setProperty(XmpLabels.TC260_NS, "AIGC", json);
        return XMPMetaFactory.serializeToBuffer(meta, new SerializeOptions().setPadding(64).setUseCompactFormat(false));
    }

    /** APP1 XMP: replaces an existing XMP segment, else goes after the leading APP0/APP1 segments. */
    static byte[] jpeg(byte[] in, String json) throws IOException, XMPException {
        byte[] existing = xmpIn(in, "jpeg");
        byte[] packet = xmp(existing, json);
        byte[] payload = PngChunk.concat(Jpeg.XMP_HEADER, packet);
        if (payload.length + 2 > 0xFFFF) {
            throw new IOException("the XMP packet would not fit one APP1 segment");
        }
        int insertAt = 2;
        int skipFrom = -1;
        int skipTo = -1;
        for (Jpeg.Segment seg : Jpeg.read(ByteSource.of(in), Limits.DEFAULT).segments()) {
            if (seg.offset() == 0) {
                continue; // SOI
            }
            if (seg.marker() == 0xDA || seg.marker() == 0xD9 || seg.truncated()) {
                break;
            }
            if (seg.isApp(1) && Jpeg.XMP_ID.equals(seg.identifier())) {
                skipFrom = (int) seg.offset();
                skipTo = (int) seg.end();
            }
            if ((seg.isApp(0) || seg.isApp(1)) && insertAt == seg.offset()) {
                insertAt = (int) seg.end();
            }
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int at = skipFrom >= 0 ? skipFrom : insertAt;
        o.write(in, 0, at);
        o.write(0xFF);
        o.write(0xE1);
        o.write((payload.length + 2) >> 8);
        o.write((payload.length + 2) & 0xFF);
        o.writeBytes(payload);
        int rest = skipFrom >= 0 ? skipTo : at;
        o.write(in, rest, in.length - rest);
        return o.toByteArray();
    }

    /** WAV: the _PMX (XMP) chunk replaced or appended, RIFF size updated. */
    static byte[] wav(byte[] in, String json) throws IOException, XMPException {
        byte[] packet = xmp(xmpIn(in, "wav"), json);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(in, 0, 12);
        for (Riff.Chunk c : Riff.read(ByteSource.of(in), Limits.DEFAULT).chunks()) {
            long total = 8 + c.dataLength() + (c.dataLength() & 1);
            if (!c.id().equals("_PMX")) {
                o.write(in, (int) c.offset(), (int) Math.min(total, in.length - c.offset()));
            }
        }
        byte[] chunk = new byte[8 + packet.length + (packet.length & 1)];
        System.arraycopy("_PMX".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 4);
        Bytes.putLe32(chunk, 4, packet.length);
        System.arraycopy(packet, 0, chunk, 8, packet.length);
        o.writeBytes(chunk);
        byte[] out = o.toByteArray();
        Bytes.putLe32(out, 4, out.length - 8);
        return out;
    }

    /** MP3: a TXXX "AIGC" frame (UTF-8) first in an existing ID3v2.3/2.4 tag, or a new ID3v2.3 tag. */
    static byte[] mp3(byte[] in, String json) throws IOException {
        byte[] body = PngChunk.concat(new byte[]{3}, "AIGC\0".getBytes(StandardCharsets.US_ASCII),
                json.getBytes(StandardCharsets.UTF_8));
        boolean hasTag = Bytes.startsWith(in, 0, "ID3");
        int version = hasTag ? in[3] : 3;
        if (hasTag && (version < 3 || version > 4)) {
            throw new IOException("ID3v2." + version + " tags are not rewritten (2.3 and 2.4 are)");
        }
        if (hasTag && (in[5] & 0xC0) != 0) {
            throw new IOException("ID3v2 tags with unsynchronisation or an extended header are not rewritten");
        }
        byte[] frame = new byte[10 + body.length];
        System.arraycopy("TXXX".getBytes(StandardCharsets.US_ASCII), 0, frame, 0, 4);
        if (version == 4) {
            putSyncsafe(frame, 4, body.length);
        } else {
            Bytes.putBe32(frame, 4, body.length);
        }
        System.arraycopy(body, 0, frame, 10, body.length);
        int oldSize = hasTag ? (int) Id3v2.read(ByteSource.of(in), Limits.DEFAULT).tagSize() : 0;
        int tagEnd = hasTag ? 10 + oldSize : 0;
        byte[] header = hasTag ? java.util.Arrays.copyOf(in, 10) : new byte[]{'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0};
        putSyncsafe(header, 6, oldSize + frame.length);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(header);
        o.writeBytes(frame);
        if (hasTag) {
            o.write(in, 10, oldSize);
        }
        o.write(in, tagEnd, in.length - tagEnd);
        return o.toByteArray();
    }

    private static void putSyncsafe(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) ((v >> (21 - 7 * i)) & 0x7F);
        }
    }

    /** PNG chunk assembly (length, type, data, CRC-32 over type and data). */
    static final class PngChunk {
        private PngChunk() {
        }

        static byte[] chunk(String type, byte[] data) {
            byte[] out = new byte[12 + data.length];
            Bytes.putBe32(out, 0, data.length);
            byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(t, 0, out, 4, 4);
            System.arraycopy(data, 0, out, 8, data.length);
            CRC32 crc = new CRC32();
            crc.update(out, 4, 4 + data.length);
            Bytes.putBe32(out, 8 + data.length, crc.getValue());
            return out;
        }

        static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                o.writeBytes(p);
            }
            return o.toByteArray();
        }
    }
}
