package org.exhibit.sd.recipe;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sampler and scheduler names across generators. A1111 (since 1.9) names a sampler ("DPM++ 2M") and a schedule
 * type ("Karras") separately, older infotexts join them ("DPM++ 2M Karras"); ComfyUI uses k-diffusion's function
 * names ("dpmpp_2m", "karras"). The canonical form here is A1111's pair; names without a counterpart pass through.
 */
public final class SamplerNames {

    /** A1111 sampler name → ComfyUI sampler_name (webui modules/sd_samplers_kdiffusion.py; comfy/samplers.py). */
    private static final Map<String, String> COMFY_SAMPLER = new LinkedHashMap<>();
    /** A1111 schedule type → ComfyUI scheduler (webui modules/sd_schedulers.py). */
    private static final Map<String, String> COMFY_SCHEDULER = new LinkedHashMap<>();

    static {
        String[][] samplers = {{"Euler a", "euler_ancestral"}, {"Euler", "euler"}, {"LMS", "lms"}, {"Heun", "heun"},
                {"DPM2", "dpm_2"}, {"DPM2 a", "dpm_2_ancestral"}, {"DPM++ 2S a", "dpmpp_2s_ancestral"},
                {"DPM++ 2M", "dpmpp_2m"}, {"DPM++ SDE", "dpmpp_sde"}, {"DPM++ 2M SDE", "dpmpp_2m_sde"},
                {"DPM++ 3M SDE", "dpmpp_3m_sde"}, {"DPM fast", "dpm_fast"}, {"DPM adaptive", "dpm_adaptive"},
                {"LCM", "lcm"}, {"DDIM", "ddim"}, {"UniPC", "uni_pc"}, {"DDPM", "ddpm"}, {"Euler CFG++", "euler_cfg_pp"},
                {"IPNDM", "ipndm"}, {"DEIS", "deis"}};
        for (String[] s : samplers) {
            COMFY_SAMPLER.put(s[0], s[1]);
        }
        String[][] schedulers = {{"Karras", "karras"}, {"Exponential", "exponential"}, {"SGM Uniform", "sgm_uniform"},
                {"Simple", "simple"}, {"Normal", "normal"}, {"DDIM", "ddim_uniform"}, {"Beta", "beta"},
                {"KL Optimal", "kl_optimal"}, {"Uniform", "normal"}, {"Automatic", "normal"}};
        for (String[] s : schedulers) {
            COMFY_SCHEDULER.put(s[0], s[1]);
        }
    }

    /** Suffixes of A1111's pre-1.9 joined names ("DPM++ 2M Karras"), longest first. */
    private static final String[] JOINED_SCHEDULERS = {"SGM Uniform", "Exponential", "Polyexponential", "Karras",
            "Uniform", "Simple", "Normal", "Beta", "KL Optimal", "Align Your Steps"};

    /** An A1111 sampler with its schedule type (null when not stated). */
    public record Pair(String sampler, String scheduler) {
    }

    private SamplerNames() {
    }

    /** The A1111 pair for a record's sampler and scheduler, whichever generator named them. */
    public static Pair canonical(String sampler, String scheduler) {
        if (sampler == null) {
            return new Pair(null, a1111Scheduler(scheduler));
        }
        String comfyName = sampler.startsWith("k_") ? sampler.substring(2) : sampler; // NovelAI: "k_euler_ancestral"
        for (Map.Entry<String, String> e : COMFY_SAMPLER.entrySet()) {
            if (e.getValue().equals(comfyName)) {
                return new Pair(e.getKey(), a1111Scheduler(scheduler));
            }
        }
        if (scheduler == null || scheduler.isBlank()) {
            for (String suffix : JOINED_SCHEDULERS) {
                if (sampler.endsWith(" " + suffix) && sampler.length() > suffix.length() + 1) {
                    return new Pair(sampler.substring(0, sampler.length() - suffix.length() - 1), suffix);
                }
            }
        }
        return new Pair(sampler, a1111Scheduler(scheduler));
    }

    private static String a1111Scheduler(String scheduler) {
        if (scheduler == null || scheduler.isBlank()) {
            return null;
        }
        for (Map.Entry<String, String> e : COMFY_SCHEDULER.entrySet()) {
            if (e.getValue().equals(scheduler) && !e.getKey().equals("Uniform") && !e.getKey().equals("Automatic")) {
                return e.getKey();
            }
        }
        for (String known : COMFY_SCHEDULER.keySet()) {
            if (known.toLowerCase(Locale.ROOT).equals(scheduler.toLowerCase(Locale.ROOT))) {
                return known;
            }
        }
        return scheduler;
    }

    /** ComfyUI's sampler_name for an A1111 sampler, or null when ComfyUI has none. */
    public static String comfySampler(String a1111Sampler) {
        return a1111Sampler == null ? null : COMFY_SAMPLER.get(a1111Sampler);
    }

    /** ComfyUI's scheduler for an A1111 schedule type ("normal" when unstated), or null when ComfyUI has none. */
    public static String comfyScheduler(String a1111Scheduler) {
        return a1111Scheduler == null ? "normal" : COMFY_SCHEDULER.get(a1111Scheduler);
    }
}
