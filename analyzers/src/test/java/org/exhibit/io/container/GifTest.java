package org.exhibit.io.container;

import org.exhibit.fixtures.Labels;
import org.exhibit.fixtures.Pictures;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GifTest {

    @Test
    void blocksAndTheXmpPacket() throws Exception {
        String xmp = Labels.xmp("{}", null);
        byte[] b = Labels.gifWithXmp(Pictures.scene(16, 16, 4), xmp);
        Gif.File f = Gif.read(ByteSource.of(b), Limits.DEFAULT);
        assertEquals(List.of(), f.problems());
        assertEquals("header", f.blocks().get(0).type());
        assertEquals("trailer", f.blocks().get(f.blocks().size() - 1).type());
        assertEquals(b.length - 1, f.blocks().get(f.blocks().size() - 1).offset());
        for (int i = 1; i < f.blocks().size(); i++) {
            assertEquals(f.blocks().get(i - 1).end(), f.blocks().get(i).offset());
        }
        Gif.Block app = f.blocks().stream().filter(x -> "XMP DataXMP".equals(x.application())).findFirst().orElseThrow();
        assertEquals(app.offset() + 14, app.dataOffset());
        String packet = new String(f.xmpPacket(app), StandardCharsets.UTF_8);
        assertTrue(packet.contains("<x:xmpmeta") && packet.endsWith("?>"), packet);
    }

    @Test
    void truncatedGif() throws Exception {
        byte[] b = Labels.gifWithXmp(Pictures.scene(16, 16, 4), Labels.xmp(null, null));
        Gif.File f = Gif.read(ByteSource.of(Arrays.copyOf(b, b.length - 20)), Limits.DEFAULT);
        assertEquals(Problem.Kind.TRUNCATED, f.problems().get(0).kind());
        assertTrue(f.blocks().get(f.blocks().size() - 1).truncated());
    }
}
