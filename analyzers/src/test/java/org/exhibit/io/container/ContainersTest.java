package org.exhibit.io.container;

import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Labels;
import org.exhibit.fixtures.Mp4Builder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One reader per format, chosen by the leading bytes; every reader lists items that lie inside the file. */
class ContainersTest {

    @Test
    void eachFormatFindsItsReaderAndItsItemsLieInTheFile() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(Png.FORMAT, PngBuilder.rgb(Pictures.scene(8, 8, 1)).text("k", "v").build());
        files.put(Jpeg.FORMAT, JpegBuilder.of(Pictures.scene(8, 8, 1)).ascii(0x0131, "x").build());
        files.put(Riff.FORMAT, Audio.wav(Audio.tone(440, 0.01, 8000, 0.1), 8000));
        files.put(Gif.FORMAT, Labels.gifWithXmp(Pictures.scene(8, 8, 1), Labels.xmp(null, null)));
        files.put(Tiff.FORMAT, Labels.tiffDescription("hello there"));
        files.put(Id3v2.FORMAT, Labels.mp3("k", "v"));
        files.put(Flac.FORMAT, Labels.flac("k", "v"));
        files.put(Ogg.FORMAT, Labels.ogg("k", "v"));
        files.put(Bmff.FORMAT, Mp4Builder.audio().build());
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            byte[] b = e.getValue();
            ContainerReader<?> r = Containers.readerFor(Arrays.copyOf(b, 16));
            assertEquals(e.getKey(), r.format());
            Container c = Containers.read(ByteSource.of(b), Limits.DEFAULT);
            assertEquals(e.getKey(), c.format());
            assertEquals(java.util.List.of(), c.problems(), e.getKey());
            assertTrue(!c.items().isEmpty(), e.getKey());
            for (Item i : c.items()) {
                assertTrue(i.offset() >= 0 && i.end() <= b.length, e.getKey() + " " + i);
                assertTrue(i.dataOffset() >= i.offset() && i.dataOffset() + i.dataLength() <= b.length, e.getKey() + " " + i);
            }
        }
        assertNull(Containers.readerFor("%PDF-1.7".getBytes()));
    }
}
