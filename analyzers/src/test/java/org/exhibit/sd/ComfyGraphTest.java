package org.exhibit.sd;

import org.exhibit.fixtures.SdContainers;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ComfyUI API graphs built by hand (as ComfyUI's SaveImage writes them into tEXt "prompt"). */
class ComfyGraphTest {

    @TempDir
    Path dir;

    private SdReading read(String prompt) throws Exception {
        Path f = dir.resolve("c.png");
        Files.write(f, SdContainers.png(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB),
                List.of(SdContainers.Chunk.text("prompt", prompt), SdContainers.Chunk.text("workflow", "{}"))));
        return SdMetadata.scan(f, Limits.DEFAULT);
    }

    /** Base pass + latent upscale + second KSampler; LoRA chain; prompt through a string concatenation. */
    static final String TWO_PASS = """
            {"1":{"class_type":"CheckpointLoaderSimple","inputs":{"ckpt_name":"AsiaFacemix-pruned-fix.safetensors"}},
             "2":{"class_type":"LoraLoader","inputs":{"lora_name":"lora-hanfugirl-v1-5.safetensors","strength_model":0.75,
                  "strength_clip":0.5,"model":["1",0],"clip":["1",1]}},
             "3":{"class_type":"LoraLoaderModelOnly","inputs":{"lora_name":"add_detail.safetensors","strength_model":0.4,
                  "model":["2",0]}},
             "10":{"class_type":"StringConcatenate","inputs":{"string_a":"1girl, hanfu","string_b":["11",0],"delimiter":", "}},
             "11":{"class_type":"PrimitiveString","inputs":{"value":"red lantern"}},
             "12":{"class_type":"PrimitiveInt","inputs":{"value":2692150200}},
             "4":{"class_type":"CLIPTextEncode","inputs":{"text":["10",0],"clip":["2",1]}},
             "5":{"class_type":"CLIPTextEncode","inputs":{"text":"lowres","clip":["2",1]}},
             "6":{"class_type":"EmptyLatentImage","inputs":{"width":512,"height":768,"batch_size":1}},
             "7":{"class_type":"KSampler","inputs":{"seed":["12",0],"steps":33,"cfg":9,"sampler_name":"dpmpp_2m",
                  "scheduler":"karras","denoise":1,"model":["3",0],"positive":["4",0],"negative":["5",0],"latent_image":["6",0]}},
             "8":{"class_type":"LatentUpscaleBy","inputs":{"upscale_method":"nearest-exact","scale_by":1.5,"samples":["7",0]}},
             "9":{"class_type":"KSampler","inputs":{"seed":2692150199,"steps":15,"cfg":9,"sampler_name":"euler",
                  "scheduler":"normal","denoise":0.5,"model":["3",0],"positive":["4",0],"negative":["5",0],"latent_image":["8",0]}},
             "13":{"class_type":"VAELoader","inputs":{"vae_name":"vae-ft-mse-840000.safetensors"}},
             "14":{"class_type":"VAEDecode","inputs":{"samples":["9",0],"vae":["13",0]}},
             "15":{"class_type":"SaveImage","inputs":{"images":["14",0],"filename_prefix":"ComfyUI"}}}
            """;

    @Test
    void twoSamplersGiveTwoRecordsWithTracedInputs() throws Exception {
        SdReading r = read(TWO_PASS);
        assertEquals(2, r.records().size());
        GenerationRecord base = r.records().get(0);
        GenerationRecord hires = r.records().get(1);
        assertEquals(2692150200L, base.seed());
        assertEquals("1girl, hanfu, red lantern", base.prompt());
        assertEquals("lowres", base.negativePrompt());
        assertEquals("AsiaFacemix-pruned-fix.safetensors", base.model());
        assertEquals(List.of(new Lora("lora-hanfugirl-v1-5.safetensors", 0.75, 0.5, null, "lora", "LoraLoader node 2"),
                new Lora("add_detail.safetensors", 0.4, null, null, "lora", "LoraLoaderModelOnly node 3")), base.loras());
        assertEquals(512, base.width());
        assertEquals(768, base.height());
        assertEquals(33, base.steps());
        assertEquals(9.0, base.cfgScale());
        assertEquals("7", base.parameter("sampler node"));
        assertEquals(2692150199L, hires.seed());
        assertEquals(768, hires.width());
        assertEquals(1152, hires.height());
        assertEquals(0.5, hires.denoise());
        assertEquals("7", hires.parameter("latent from sampler node"));
        assertEquals("vae-ft-mse-840000.safetensors", hires.vae());
        assertEquals(List.of(), r.anomalies());
    }

    @Test
    void cyclicGraphIsReportedNotLooped() throws Exception {
        String cyclic = """
                {"1":{"class_type":"LoraLoader","inputs":{"lora_name":"a","strength_model":1,"strength_clip":1,
                      "model":["2",0],"clip":["2",1]}},
                 "2":{"class_type":"LoraLoader","inputs":{"lora_name":"b","strength_model":1,"strength_clip":1,
                      "model":["1",0],"clip":["1",1]}},
                 "3":{"class_type":"CLIPTextEncode","inputs":{"text":["4",0],"clip":["1",1]}},
                 "4":{"class_type":"StringConcatenate","inputs":{"string_a":["4",0],"string_b":"x"}},
                 "5":{"class_type":"KSampler","inputs":{"seed":1,"steps":2,"cfg":3,"sampler_name":"euler",
                      "scheduler":"normal","denoise":1,"model":["1",0],"positive":["3",0],"negative":["3",0],
                      "latent_image":["5",0]}}}
                """;
        SdReading r = read(cyclic);
        assertEquals(1, r.records().size());
        assertEquals(1L, r.records().get(0).seed());
        assertTrue(r.anomalies().stream().allMatch(a -> a.rule().equals("sd.comfyui-cycle")), r.anomalies().toString());
        assertTrue(r.anomalies().size() >= 2, r.anomalies().toString());
        assertEquals(41, r.anomalies().get(0).offset());
    }

    @Test
    void nonJsonPromptChunkIsAFinding() throws Exception {
        SdReading r = read("{\"3\": {\"class_type\": \"KSampler\", \"inputs\": {");
        assertEquals(List.of(), r.records());
        assertEquals("sd.comfyui-not-json", r.anomalies().get(0).rule());
    }
}
