package org.exhibit.sd;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One image generation as recorded by any generator, normalised to the same fields. A field the generator did
 * not record is null (never a guessed default). Every key/value the generator wrote is kept verbatim in
 * {@link #parameters()} in the order written; those that no typed field holds are {@link #otherParameters()}.
 * Built with {@link #builder()}; immutable.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"generator", "format", "model", "modelHash", "vae", "vaeHash", "loras", "prompt",
        "negativePrompt", "seed", "subseed", "subseedStrength", "steps", "sampler", "scheduler", "cfgScale", "width",
        "height", "denoise", "hires", "clipSkip", "rngSource", "version", "emphasis", "otherParameters", "source", "rawText"})
public final class GenerationRecord {

    private final String generator;
    private final String format;
    private final String model;
    private final String modelHash;
    private final String vae;
    private final String vaeHash;
    private final List<Lora> loras;
    private final String prompt;
    private final String negativePrompt;
    private final Long seed;
    private final Long subseed;
    private final Double subseedStrength;
    private final Integer steps;
    private final String sampler;
    private final String scheduler;
    private final Double cfgScale;
    private final Integer width;
    private final Integer height;
    private final Double denoise;
    private final HiresFix hires;
    private final Integer clipSkip;
    private final String rngSource;
    private final String version;
    @com.fasterxml.jackson.annotation.JsonIgnore
    private final List<Param> parameters;
    @JsonProperty("otherParameters")
    private final List<Param> otherParameters;
    private final List<PromptSyntax.Weighted> emphasis;
    private final Source source;
    private final String rawText;

    private GenerationRecord(Builder b) {
        generator = b.generator;
        format = b.format;
        model = b.model;
        modelHash = b.modelHash;
        vae = b.vae;
        vaeHash = b.vaeHash;
        loras = List.copyOf(b.loras);
        prompt = b.prompt;
        negativePrompt = b.negativePrompt;
        seed = b.seed;
        subseed = b.subseed;
        subseedStrength = b.subseedStrength;
        steps = b.steps;
        sampler = b.sampler;
        scheduler = b.scheduler;
        cfgScale = b.cfgScale;
        width = b.width;
        height = b.height;
        denoise = b.denoise;
        hires = b.hires;
        clipSkip = b.clipSkip;
        rngSource = b.rngSource;
        version = b.version;
        parameters = List.copyOf(b.parameters);
        List<Param> other = new ArrayList<>();
        for (Param p : parameters) {
            if (!b.mappedKeys.contains(p.key())) {
                other.add(p);
            }
        }
        otherParameters = List.copyOf(other);
        // NovelAI's {} / [] emphasis differs from the A1111 syntax the others share
        emphasis = "novelai".equals(b.format) ? List.of() : PromptSyntax.emphasised(b.prompt);
        source = b.source;
        rawText = b.rawText;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder().generator(generator).format(format).model(model).modelHash(modelHash).vae(vae)
                .vaeHash(vaeHash).prompt(prompt).negativePrompt(negativePrompt).seed(seed).subseed(subseed)
                .subseedStrength(subseedStrength).steps(steps).sampler(sampler).scheduler(scheduler)
                .cfgScale(cfgScale).width(width).height(height).denoise(denoise).hires(hires).clipSkip(clipSkip)
                .rngSource(rngSource).version(version).source(source).rawText(rawText);
        loras.forEach(b::lora);
        parameters.forEach(b::param);
        for (Param p : parameters) {
            if (!otherParameters.contains(p)) {
                b.mapped(p.key());
            }
        }
        return b;
    }

    /** Which program wrote it, e.g. "AUTOMATIC1111 stable-diffusion-webui", "Forge", "ComfyUI", "NovelAI". */
    public String generator() { return generator; }

    /** The metadata format read: "a1111-infotext", "comfyui-prompt", "novelai-comment", "invokeai"... */
    public String format() { return format; }

    /** Checkpoint name as recorded (A1111: file name without extension; ComfyUI: file name). */
    public String model() { return model; }

    /** Checkpoint hash as recorded (A1111 "Model hash": AutoV2 = 10 hex, or the old 8-hex AutoV1). */
    public String modelHash() { return modelHash; }

    public String vae() { return vae; }

    public String vaeHash() { return vaeHash; }

    public List<Lora> loras() { return loras; }

    public String prompt() { return prompt; }

    public String negativePrompt() { return negativePrompt; }

    public Long seed() { return seed; }

    /** Variation seed (A1111 "Variation seed"). */
    public Long subseed() { return subseed; }

    /** Variation seed strength. */
    public Double subseedStrength() { return subseedStrength; }

    public Integer steps() { return steps; }

    public String sampler() { return sampler; }

    /** Noise schedule (A1111 "Schedule type", ComfyUI scheduler, NovelAI noise_schedule). */
    public String scheduler() { return scheduler; }

    public Double cfgScale() { return cfgScale; }

    /** First-pass width (A1111 "Size"); the file may be larger when {@link #hires()} is set. */
    public Integer width() { return width; }

    public Integer height() { return height; }

    /** Denoising strength (img2img / hires second pass / ComfyUI denoise). */
    public Double denoise() { return denoise; }

    public HiresFix hires() { return hires; }

    public Integer clipSkip() { return clipSkip; }

    /** Where the initial noise came from: A1111 "RNG" (GPU when absent, which is A1111's default), "CPU", "NV". */
    public String rngSource() { return rngSource; }

    /** Generator version as recorded (A1111 "Version", NovelAI "Source"...). */
    public String version() { return version; }

    /** Prompt terms with an attention weight other than 1 ("(word:1.3)", "((word))", "[word]"), in order. */
    public List<PromptSyntax.Weighted> emphasis() { return emphasis; }

    /** Every key/value pair as written, in order. */
    public List<Param> parameters() { return parameters; }

    /** The pairs no typed field holds, verbatim, in order. */
    public List<Param> otherParameters() { return otherParameters; }

    /** First value recorded under {@code key}, or null. */
    public String parameter(String key) {
        for (Param p : parameters) {
            if (p.key().equals(key)) {
                return p.value();
            }
        }
        return null;
    }

    /** {@link #parameters()} as a map (the first value of a repeated key), in order. */
    public Map<String, String> parameterMap() {
        Map<String, String> m = new LinkedHashMap<>();
        parameters.forEach(p -> m.putIfAbsent(p.key(), p.value()));
        return m;
    }

    public Source source() { return source; }

    /** The text exactly as stored (after decompression / decoding), the record's primary evidence. */
    public String rawText() { return rawText; }

    /** The file offset of parameter {@code key}'s text, or null when the text is compressed or not located. */
    public Long fileOffsetOf(String key) {
        for (Param p : parameters) {
            if (p.key().equals(key) && p.textOffset() >= 0 && source != null && rawText != null) {
                return source.fileOffset(rawText, p.textOffset());
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "GenerationRecord[" + generator + ", " + model + ", seed " + seed + ", " + source + "]";
    }

    /** Collects a record's fields; unknown ones stay null. */
    public static final class Builder {
        private String generator;
        private String format;
        private String model;
        private String modelHash;
        private String vae;
        private String vaeHash;
        private final List<Lora> loras = new ArrayList<>();
        private String prompt;
        private String negativePrompt;
        private Long seed;
        private Long subseed;
        private Double subseedStrength;
        private Integer steps;
        private String sampler;
        private String scheduler;
        private Double cfgScale;
        private Integer width;
        private Integer height;
        private Double denoise;
        private HiresFix hires;
        private Integer clipSkip;
        private String rngSource;
        private String version;
        private final List<Param> parameters = new ArrayList<>();
        private final Set<String> mappedKeys = new java.util.HashSet<>();
        private Source source;
        private String rawText;

        private Builder() {
        }

        public Builder generator(String v) { generator = v; return this; }
        public Builder format(String v) { format = v; return this; }
        public Builder model(String v) { model = v; return this; }
        public Builder modelHash(String v) { modelHash = v; return this; }
        public Builder vae(String v) { vae = v; return this; }
        public Builder vaeHash(String v) { vaeHash = v; return this; }
        public Builder lora(Lora v) { loras.add(v); return this; }
        public Builder clearLoras() { loras.clear(); return this; }
        public Builder prompt(String v) { prompt = v; return this; }
        public Builder negativePrompt(String v) { negativePrompt = v; return this; }
        public Builder seed(Long v) { seed = v; return this; }
        public Builder subseed(Long v) { subseed = v; return this; }
        public Builder subseedStrength(Double v) { subseedStrength = v; return this; }
        public Builder steps(Integer v) { steps = v; return this; }
        public Builder sampler(String v) { sampler = v; return this; }
        public Builder scheduler(String v) { scheduler = v; return this; }
        public Builder cfgScale(Double v) { cfgScale = v; return this; }
        public Builder width(Integer v) { width = v; return this; }
        public Builder height(Integer v) { height = v; return this; }
        public Builder denoise(Double v) { denoise = v; return this; }
        public Builder hires(HiresFix v) { hires = v; return this; }
        public Builder clipSkip(Integer v) { clipSkip = v; return this; }
        public Builder rngSource(String v) { rngSource = v; return this; }
        public Builder version(String v) { version = v; return this; }
        public Builder source(Source v) { source = v; return this; }
        public Builder rawText(String v) { rawText = v; return this; }

        /** Adds a verbatim key/value pair (in the order written). */
        public Builder param(Param p) { parameters.add(p); return this; }

        /** Marks a key as held by a typed field, so it is not repeated among {@link #otherParameters()}. */
        public Builder mapped(String key) { mappedKeys.add(key); return this; }

        public List<Param> params() { return parameters; }

        public GenerationRecord build() {
            return new GenerationRecord(this);
        }
    }
}
