package org.exhibit.sd;

import org.exhibit.fixtures.SdContainers;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's corpus: random generation records written in every format this package reads, each as the
 * generator writes it, plus files with no record (plain images, and text chunks that merely look similar).
 */
public final class SdCorpus {

    /** Formats written, in the order their variants are cycled. */
    enum Kind {
        A1111_PNG_TEXT, A1111_PNG_ITXT, A1111_PNG_ZTXT, A1111_JPEG_BE, A1111_JPEG_LE, A1111_WEBP, A1111_STEALTH_RGB,
        COMFYUI, NOVELAI, NOVELAI_STEALTH_ONLY, SWARMUI, INVOKEAI, FOOOCUS, EASYDIFFUSION, DRAWTHINGS,
        NONE_PLAIN_PNG, NONE_PLAIN_JPEG, NONE_DECOY_TEXT
    }

    /** One corpus file: its bytes, what it should read as (null for a file without a record), its kind. */
    record Item(Kind kind, byte[] bytes, GenerationRecord expected) {
    }

    private static final String[] WORDS = {"masterpiece", "best quality", "1girl", "hanfu", "city street", "night",
            "汉服", "テスト", "(smile:1.2)", "[blurry]", "portrait", "oil painting", "red lantern", "rain", "a cat"};
    private static final String[] SAMPLERS = {"Euler a", "DPM++ 2M", "DPM++ SDE", "DDIM", "UniPC"};
    private static final String[] COMFY_SAMPLERS = {"euler", "euler_ancestral", "dpmpp_2m", "ddim"};
    private static final String[] SCHEDULERS = {"karras", "normal", "exponential"};
    private static final double[] CFGS = {4.5, 5.0, 5.5, 6.0, 7.0, 7.5, 9.0};

    private SdCorpus() {
    }

    /** Writes the corpus as files NNNNN.png/.jpg/.webp into {@code dir} (to compare other tools on the same files). */
    public static List<java.nio.file.Path> writeTo(java.nio.file.Path dir, long seed, int count)
            throws java.io.IOException {
        List<java.nio.file.Path> files = new ArrayList<>();
        List<Item> items = build(seed, count);
        for (int i = 0; i < items.size(); i++) {
            byte[] b = items.get(i).bytes();
            String ext = b[0] == (byte) 0x89 ? "png" : b[0] == (byte) 0xFF ? "jpg" : "webp";
            java.nio.file.Path f = dir.resolve(String.format("%05d.%s", i, ext));
            java.nio.file.Files.write(f, b);
            files.add(f);
        }
        return files;
    }

    static List<Item> build(long seed, int count) {
        Random rnd = new Random(seed);
        List<Item> out = new ArrayList<>(count);
        Kind[] kinds = Kind.values();
        for (int i = 0; i < count; i++) {
            out.add(item(kinds[i % kinds.length], rnd));
        }
        return out;
    }

    private static Item item(Kind kind, Random rnd) {
        boolean a1111 = kind.name().startsWith("A1111");
        boolean comfy = kind == Kind.COMFYUI;
        GenerationRecord.Builder b = GenerationRecord.builder();
        StringBuilder prompt = new StringBuilder();
        int n = 2 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            prompt.append(i == 0 ? "" : rnd.nextInt(6) == 0 ? ",\n" : ", ").append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        int loras = kind == Kind.A1111_PNG_TEXT || kind == Kind.A1111_PNG_ITXT || kind == Kind.A1111_JPEG_BE
                || comfy || kind == Kind.SWARMUI || kind == Kind.INVOKEAI || kind == Kind.FOOOCUS ? rnd.nextInt(3) : 0;
        for (int i = 0; i < loras; i++) {
            String name = "lora-" + Integer.toHexString(rnd.nextInt(1 << 16));
            double w = Math.round((0.1 + rnd.nextDouble()) * 20) / 20.0;
            String hash = String.format("%012x", rnd.nextLong() & 0xFFFFFFFFFFFFL);
            if (a1111) {
                prompt.append(" <lora:").append(name).append(':').append(w).append('>');
            }
            b.lora(new Lora(name, w, comfy || a1111 ? Double.valueOf(w) : null, a1111 || kind == Kind.FOOOCUS
                    || kind == Kind.INVOKEAI ? hash : null, "lora", "corpus"));
        }
        if (kind == Kind.A1111_PNG_ZTXT) { // zTXt holds Latin-1 only
            String latin = prompt.toString().replaceAll("[^\\x00-\\xff]", "?");
            prompt.setLength(0);
            prompt.append(latin);
        }
        boolean novelAi = kind == Kind.NOVELAI || kind == Kind.NOVELAI_STEALTH_ONLY;
        int w = 64 * (4 + rnd.nextInt(12));
        int h = 64 * (4 + rnd.nextInt(12));
        b.prompt(prompt.toString()).negativePrompt(rnd.nextBoolean() ? "lowres, (worst quality:1.4), text" : "")
                .seed(comfy ? rnd.nextLong() & ((1L << 50) - 1) : rnd.nextLong() & 0xFFFFFFFFL)
                .steps(10 + rnd.nextInt(41)).cfgScale(CFGS[rnd.nextInt(CFGS.length)])
                .sampler(a1111 ? SAMPLERS[rnd.nextInt(SAMPLERS.length)] : COMFY_SAMPLERS[rnd.nextInt(4)])
                .scheduler(a1111 ? (rnd.nextBoolean() ? "Karras" : null) : SCHEDULERS[rnd.nextInt(3)])
                .width(w).height(h).model("model_" + Integer.toHexString(rnd.nextInt(1 << 20)))
                .modelHash(novelAi ? String.format("%08X", rnd.nextInt()) : String.format("%010x", rnd.nextLong() & 0xFFFFFFFFFFL))
                .clipSkip(a1111 || comfy ? 1 + rnd.nextInt(2) : null)
                .rngSource(a1111 ? (rnd.nextBoolean() ? "GPU" : "CPU") : null)
                .version(a1111 ? "v1.10.1" : "1.0");
        GenerationRecord r = b.build();
        BufferedImage image = image(rnd, kind == Kind.NOVELAI || kind == Kind.NOVELAI_STEALTH_ONLY
                || kind == Kind.A1111_STEALTH_RGB);
        return new Item(kind, write(kind, r, image), kind.name().startsWith("NONE") ? null : r);
    }

    private static byte[] write(Kind kind, GenerationRecord r, BufferedImage img) {
        List<SdContainers.Chunk> none = List.of();
        return switch (kind) {
            case A1111_PNG_TEXT -> SdContainers.png(img, List.of(SdContainers.Chunk.text("parameters",
                    SdFormats.infotext(r))));
            case A1111_PNG_ITXT -> SdContainers.png(img, List.of(SdContainers.Chunk.itxt("parameters",
                    SdFormats.infotext(r), false)));
            case A1111_PNG_ZTXT -> SdContainers.png(img, List.of(SdContainers.Chunk.ztxt("parameters",
                    SdFormats.infotext(r))));
            case A1111_JPEG_BE -> SdContainers.jpeg(img, SdContainers.exifUserComment(
                    SdContainers.unicodeUserComment(SdFormats.infotext(r), ByteOrder.BIG_ENDIAN), ByteOrder.BIG_ENDIAN));
            case A1111_JPEG_LE -> SdContainers.jpeg(img, SdContainers.exifUserComment(
                    SdContainers.unicodeUserComment(SdFormats.infotext(r), ByteOrder.LITTLE_ENDIAN),
                    ByteOrder.LITTLE_ENDIAN));
            case A1111_WEBP -> SdContainers.webp(SdContainers.exifUserComment(
                    SdContainers.unicodeUserComment(SdFormats.infotext(r), ByteOrder.BIG_ENDIAN), ByteOrder.BIG_ENDIAN));
            case A1111_STEALTH_RGB -> SdContainers.png(SdContainers.stealth(img, SdFormats.infotext(r), false, true),
                    none);
            case COMFYUI -> SdContainers.png(img, List.of(SdContainers.Chunk.text("prompt", SdFormats.comfyPrompt(r))));
            case NOVELAI -> SdContainers.png(SdContainers.stealth(img, SdFormats.novelAiStealth(r), true, true),
                    List.of(SdContainers.Chunk.text("Title", "NovelAI generated image"),
                            SdContainers.Chunk.itxt("Description", r.prompt(), false),
                            SdContainers.Chunk.text("Software", "NovelAI"),
                            SdContainers.Chunk.text("Source", r.model() + " " + r.modelHash()),
                            SdContainers.Chunk.text("Comment", SdFormats.novelAiComment(r))));
            case NOVELAI_STEALTH_ONLY -> SdContainers.png(SdContainers.stealth(img, SdFormats.novelAiStealth(r),
                    true, true), none);
            case SWARMUI -> SdContainers.png(img, List.of(SdContainers.Chunk.text("parameters", SdFormats.swarm(r))));
            case INVOKEAI -> SdContainers.png(img, List.of(SdContainers.Chunk.itxt("invokeai_metadata",
                    SdFormats.invokeAi(r), false)));
            case FOOOCUS -> SdContainers.png(img, List.of(SdContainers.Chunk.text("parameters", SdFormats.fooocus(r)),
                    SdContainers.Chunk.text("fooocus_scheme", "fooocus")));
            case EASYDIFFUSION -> SdContainers.jpeg(img, SdContainers.exifUserComment(
                    SdContainers.unicodeUserComment(SdFormats.easyDiffusion(r), ByteOrder.BIG_ENDIAN),
                    ByteOrder.BIG_ENDIAN));
            case DRAWTHINGS -> SdContainers.png(img, List.of(SdContainers.Chunk.itxt("XML:com.adobe.xmp",
                    SdFormats.drawThingsXmp(r), false)));
            case NONE_PLAIN_PNG -> SdContainers.png(img, none);
            case NONE_PLAIN_JPEG -> SdContainers.jpeg(img, SdContainers.exifUserComment(new byte[8], ByteOrder.BIG_ENDIAN));
            case NONE_DECOY_TEXT -> SdContainers.png(img, List.of(SdContainers.Chunk.text("Software", "GIMP 2.10"),
                    SdContainers.Chunk.text("Comment", "holiday photo, seed: none, steps: 3"),
                    SdContainers.Chunk.text("Title", "Negative prompt: none")));
        };
    }

    private static BufferedImage image(Random rnd, boolean large) {
        int s = large ? 64 : 16;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                img.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        return img;
    }
}
