package org.exhibit.sd;

import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PromptTagsTest {

    /** The webui's own pattern (modules/extra_networks.py), the reference for the one-pass scan. */
    private static final Pattern WEBUI = Pattern.compile("<(\\w+):([^>]+)>", Pattern.UNICODE_CHARACTER_CLASS);

    @TempDir
    Path dir;

    @Test
    void findsWhatTheWebuiPatternFinds() {
        Random rnd = new Random(7);
        String alphabet = "<>:lora_ab1 ,=.é(";
        for (int n = 0; n < 3000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = rnd.nextInt(40); i > 0; i--) {
                b.append(rnd.nextInt(4) == 0 ? "<lora:" : String.valueOf(alphabet.charAt(rnd.nextInt(alphabet.length()))));
            }
            String s = b.toString();
            List<String> expected = new ArrayList<>();
            Matcher m = WEBUI.matcher(s);
            while (m.find()) {
                expected.add(m.start() + "-" + m.end() + " " + m.group(1) + " " + m.group(2));
            }
            List<String> got = PromptTags.tags(s).stream()
                    .map(t -> t.start() + "-" + t.end() + " " + t.kind() + " " + t.args()).toList();
            assertEquals(expected, got, s);
            assertEquals(WEBUI.matcher(s).replaceAll(""), PromptTags.strip(s), s);
        }
    }

    @Test
    void aFloodOfUnclosedTagsIsReadInLinearTime() throws Exception {
        // 300 KB of "<lora:" with no ">": the webui's regex, tried at each "<", rescans to the end every time
        String flood = "masterpiece " + "<lora:".repeat(50_000) + "\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1";
        Path f = dir.resolve("flood.png");
        Files.write(f, PngBuilder.rgb(Pictures.scene(16, 16, 1)).text("parameters", flood).build());
        List<GenerationRecord> records = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> SdMetadata.read(f, Limits.DEFAULT));
        assertEquals(1, records.size());
        assertEquals(List.of(), records.get(0).loras());
    }
}
