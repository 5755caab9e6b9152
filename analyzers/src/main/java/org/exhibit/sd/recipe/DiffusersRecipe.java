package org.exhibit.sd.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.HiresFix;
import org.exhibit.sd.Lora;


/**
 * A short Python script that renders a record with Hugging Face diffusers. The settings sit in one JSON block
 * ({@code PARAMS}) that {@link #parse} reads back; the code below it maps A1111 sampler names to diffusers
 * schedulers, loads LoRAs, applies clip skip and seeds a torch generator on the record's noise device. diffusers
 * draws noise and weights prompts differently from A1111, so the script reproduces the settings, not the pixels.
 */
public final class DiffusersRecipe {

    private static final String OPEN = "PARAMS = json.loads(r'''";
    private static final String CLOSE = "''')";

    /** A1111 sampler → diffusers scheduler class and constructor arguments (diffusers docs, "A1111 equivalents"). */
    private static final String SCHEDULERS = """
            SCHEDULERS = {
                "Euler a": ("EulerAncestralDiscreteScheduler", {}),
                "Euler": ("EulerDiscreteScheduler", {}),
                "LMS": ("LMSDiscreteScheduler", {}),
                "Heun": ("HeunDiscreteScheduler", {}),
                "DPM2": ("KDPM2DiscreteScheduler", {}),
                "DPM2 a": ("KDPM2AncestralDiscreteScheduler", {}),
                "DPM++ 2M": ("DPMSolverMultistepScheduler", {}),
                "DPM++ 2M SDE": ("DPMSolverMultistepScheduler", {"algorithm_type": "sde-dpmsolver++"}),
                "DPM++ SDE": ("DPMSolverSDEScheduler", {}),
                "DDIM": ("DDIMScheduler", {}),
                "PLMS": ("PNDMScheduler", {}),
                "UniPC": ("UniPCMultistepScheduler", {}),
                "LCM": ("LCMScheduler", {}),
            }
            """;

    private DiffusersRecipe() {
    }

    public static String script(GenerationRecord r) {
        RecipeFields f = RecipeFields.of(r);
        ObjectNode p = A1111Recipe.JSON.createObjectNode();
        p.put("checkpoint", f.model() == null ? null : f.model() + ".safetensors");
        p.put("vae", f.vae());
        ArrayNode loras = p.putArray("loras");
        for (RecipeFields.LoraUse l : f.loras()) {
            ObjectNode o = loras.addObject();
            o.put("name", l.name()).put("file", l.name() + ".safetensors").put("weight", l.weight());
            if (l.clipWeight() != null) {
                o.put("clip_weight", l.clipWeight());
            }
        }
        p.put("prompt", f.prompt()).put("negative_prompt", f.negativePrompt());
        p.put("seed", f.seed()).put("subseed", f.subseed()).put("subseed_strength", f.subseedStrength());
        p.put("steps", f.steps()).put("cfg_scale", f.cfgScale()).put("width", f.width()).put("height", f.height());
        p.put("sampler", f.sampler()).put("scheduler", f.scheduler()).put("clip_skip", f.clipSkip());
        p.put("noise_device", "GPU".equals(f.rngSource()) ? "cuda" : "cpu").put("rng_source", f.rngSource());
        if (f.hires() != null) {
            p.set("hires", A1111Recipe.JSON.valueToTree(f.hires()));
        }
        String json;
        try {
            json = A1111Recipe.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return "# Reproduction recipe for a " + (r.generator() == null ? "Stable Diffusion" : r.generator())
                + " generation, written by exhibit.\n"
                + "# Needs: pip install diffusers transformers torch safetensors; the checkpoint and LoRA files.\n"
                + "# diffusers draws noise and weights (word:1.2) emphasis differently from A1111: this reproduces\n"
                + "# the settings, not necessarily the pixels. Variation seeds and hires fix are not applied.\n"
                + "import json\nimport torch\nimport diffusers\n\n" + OPEN + json.replace("'''", "\\u0027\\u0027\\u0027")
                + CLOSE + "\n\n" + SCHEDULERS + BODY;
    }

    private static final String BODY = """

            pipe = diffusers.StableDiffusionPipeline.from_single_file(PARAMS["checkpoint"], torch_dtype=torch.float16)
            if PARAMS["vae"]:
                pipe.vae = diffusers.AutoencoderKL.from_single_file(PARAMS["vae"] + ".safetensors")
            name, kwargs = SCHEDULERS.get(PARAMS["sampler"], ("EulerDiscreteScheduler", {}))
            if PARAMS["scheduler"] == "Karras":
                kwargs = dict(kwargs, use_karras_sigmas=True)
            pipe.scheduler = getattr(diffusers, name).from_config(pipe.scheduler.config, **kwargs)
            for lora in PARAMS["loras"]:
                pipe.load_lora_weights(lora["file"], adapter_name=lora["name"])
            if PARAMS["loras"]:
                pipe.set_adapters([l["name"] for l in PARAMS["loras"]], [l["weight"] for l in PARAMS["loras"]])
            pipe = pipe.to("cuda")
            generator = torch.Generator(PARAMS["noise_device"]).manual_seed(PARAMS["seed"])
            image = pipe(prompt=PARAMS["prompt"], negative_prompt=PARAMS["negative_prompt"],
                         num_inference_steps=PARAMS["steps"], guidance_scale=PARAMS["cfg_scale"],
                         width=PARAMS["width"], height=PARAMS["height"], generator=generator,
                         clip_skip=(PARAMS["clip_skip"] - 1) if PARAMS["clip_skip"] else None).images[0]
            image.save("reproduced.png")
            """;

    /** The record a script's PARAMS block asks for (generator "diffusers recipe"). */
    public static GenerationRecord parse(String script) {
        int start = script.indexOf(OPEN);
        int end = start < 0 ? -1 : script.indexOf(CLOSE, start + OPEN.length());
        if (end < 0) {
            throw new IllegalArgumentException("no PARAMS block in the script");
        }
        JsonNode p;
        try {
            p = A1111Recipe.JSON.readTree(script.substring(start + OPEN.length(), end));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("PARAMS block is not JSON: " + e.getOriginalMessage());
        }
        GenerationRecord.Builder b = GenerationRecord.builder().generator("diffusers recipe").format("diffusers-script")
                .model(text(p, "checkpoint")).vae(text(p, "vae")).prompt(text(p, "prompt"))
                .negativePrompt(text(p, "negative_prompt")).sampler(text(p, "sampler")).scheduler(text(p, "scheduler"))
                .rngSource(text(p, "rng_source"));
        for (JsonNode l : p.path("loras")) {
            b.lora(new Lora(text(l, "name"), l.path("weight").asDouble(),
                    l.has("clip_weight") ? l.get("clip_weight").asDouble() : l.path("weight").asDouble(),
                    null, "lora", "diffusers recipe"));
        }
        b.seed(number(p, "seed") == null ? null : number(p, "seed").longValue());
        b.subseed(number(p, "subseed") == null ? null : number(p, "subseed").longValue());
        b.subseedStrength(number(p, "subseed_strength") == null ? null : number(p, "subseed_strength").doubleValue());
        b.steps(number(p, "steps") == null ? null : number(p, "steps").intValue());
        b.cfgScale(number(p, "cfg_scale") == null ? null : number(p, "cfg_scale").doubleValue());
        b.width(number(p, "width") == null ? null : number(p, "width").intValue());
        b.height(number(p, "height") == null ? null : number(p, "height").intValue());
        b.clipSkip(number(p, "clip_skip") == null ? null : number(p, "clip_skip").intValue());
        if (p.hasNonNull("hires")) {
            b.hires(A1111Recipe.JSON.convertValue(p.get("hires"), HiresFix.class));
        }
        return b.build();
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Number number(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.numberValue();
    }
}
