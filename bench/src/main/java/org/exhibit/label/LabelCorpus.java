package org.exhibit.label;

import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.Documents;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Labels;
import org.exhibit.fixtures.Mp4Builder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark's files: the same label (or a look-alike that is not one) in every carrier, with random producers,
 * ids and label values, drawn from a seed.
 */
final class LabelCorpus {

    static final String[] CARRIERS = {"png-itxt", "png-text", "png-ztxt", "png-xmp", "jpeg-xmp", "jpeg-description",
            "jpeg-usercomment", "webp-xmp", "gif-xmp", "tiff-description", "wav-chunk", "mp3-txxx", "flac-vorbis",
            "ogg-vorbis", "mp4-keys", "pdf-info", "ooxml-custom", "markdown"};
    private static final String[] PRODUCERS = {"示例科技有限公司", "Example AI Ltd", "91110108MA01XXXX0X", "某某智能"};

    /** A file and whether it carries a label. */
    record Item(String name, byte[] bytes, boolean positive) {
    }

    private LabelCorpus() {
    }

    static String randomLabel(SplittableRandom r) {
        return Labels.aigc(String.valueOf(1 + r.nextInt(3)), PRODUCERS[r.nextInt(PRODUCERS.length)],
                "ID-" + Long.toHexString(r.nextLong()));
    }

    /**
     * Negatives hold text that a careless reader could take for a label: a prompt mentioning "AIGC", a JSON comment
     * with other keys, an XMP packet with other properties, in the same carrier and key positions.
     */
    static String lookAlike(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> "a poster reading AIGC Label 1, ContentProducer, masterpiece, best quality";
            case 1 -> "{\"prompt\":\"city at night\",\"seed\":" + r.nextInt(1 << 30) + ",\"Label\":\"cat\"}";
            default -> "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: " + r.nextInt(1 << 30);
        };
    }

    static Item item(String carrier, boolean positive, SplittableRandom r, int index) {
        String text = positive ? randomLabel(r) : lookAlike(r);
        String key = positive ? "AIGC" : "Comment";
        var scene = Pictures.scene(48, 40, r.nextLong());
        String xmp = positive ? Labels.xmp(text, null) : Labels.xmp(null, null).replace("</rdf:Description>",
                "<dc:source xmlns:dc=\"http://purl.org/dc/elements/1.1/\">" + text.replace("\"", "&quot;")
                        + "</dc:source></rdf:Description>");
        byte[] b = switch (carrier) {
            case "png-itxt" -> PngBuilder.rgb(scene).internationalText(key, text, false).build();
            case "png-text" -> PngBuilder.rgb(scene).textUtf8(key, text).build();
            case "png-ztxt" -> PngBuilder.rgb(scene).compressedText(key, positive ? text.replaceAll("[^\\x00-\\x7F]", "X") : text).build();
            case "png-xmp" -> PngBuilder.rgb(scene).internationalText("XML:com.adobe.xmp", xmp, false).build();
            case "jpeg-xmp" -> JpegBuilder.of(scene).segment(0xE1, Labels.jpegXmp(xmp)).build();
            case "jpeg-description" -> JpegBuilder.of(scene).ascii(0x010E, positive ? "{\"AIGC\":" + text + "}" : text).build();
            case "jpeg-usercomment" -> JpegBuilder.of(scene).userCommentUnicode(positive ? "{\"AIGC\":" + text + "}" : text).build();
            case "webp-xmp" -> Labels.webp(List.of(Audio.riffChunk("XMP ", xmp.getBytes(StandardCharsets.UTF_8))));
            case "gif-xmp" -> Labels.gifWithXmp(scene, xmp);
            case "tiff-description" -> Labels.tiffDescription(positive ? "{\"AIGC\":" + text + "}" : text);
            case "wav-chunk" -> Audio.wav(Audio.tone(220 + r.nextInt(600), 0.05, 8000, 0.3), 8000,
                    Audio.riffChunk(positive ? "AIGC" : "ICMT", text.getBytes(StandardCharsets.UTF_8)));
            case "mp3-txxx" -> Labels.mp3(key, text);
            case "flac-vorbis" -> Labels.flac(key, text);
            case "ogg-vorbis" -> Labels.ogg(key, text);
            case "mp4-keys" -> Mp4Builder.audio().moovFirst(r.nextBoolean()).key(key, text).build();
            case "pdf-info" -> Documents.pdf(1, "doc " + index, "a", Map.of(key, text));
            case "ooxml-custom" -> Labels.ooxml(key, text);
            case "markdown" -> ("---\ntitle: note " + index + "\n" + key + ": '" + text.replace("'", "''") + "'\n---\n# Text\n")
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(carrier);
        };
        return new Item(carrier + "-" + index + extension(carrier), b, positive);
    }

    private static String extension(String carrier) {
        String head = carrier.contains("-") ? carrier.substring(0, carrier.indexOf("-")) : carrier;
        return switch (head) {
            case "markdown" -> ".md";
            case "ooxml" -> ".docx";
            case "tiff" -> ".tif";
            default -> "." + head;
        };
    }

    /** A label with one defect the validator must catch, or (negative) a clean one. */
    static String validationCase(boolean defective, SplittableRandom r) {
        String good = randomLabel(r);
        if (!defective) {
            return good;
        }
        return switch (r.nextInt(5)) {
            case 0 -> good.replaceFirst("\"Label\":\"\\d\"", "\"Label\":\"" + (4 + r.nextInt(5)) + "\"");
            case 1 -> good.replaceFirst("\"ContentProducer\":\"[^\"]*\"", "\"ContentProducer\":\"\"");
            case 2 -> good.replaceFirst(",\"ProduceID\":\"[^\"]*\"", "");
            case 3 -> good.replaceFirst("\"Label\":\"(\\d)\"", "\"Label\":$1");
            default -> good.replaceFirst("\"ContentPropagator\":\"\"", "\"ContentPropagator\":\"某平台\"");
        };
    }
}
