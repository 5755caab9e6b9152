package org.exhibit.watermark;

import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Pictures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DQT tables written by the JDK's libjpeg-derived encoder, read back and matched to the IJG quality. */
class JpegTablesTest {

    @Test
    void readsTheTablesTheEncoderWroteAndTheirQuality() {
        for (int q : new int[]{50, 75, 90}) {
            byte[] jpeg = JpegBuilder.of(Pictures.scene(64, 48, 1)).quality(q / 100f).build();
            List<JpegTables.Table> tables = JpegTables.read(jpeg);
            assertEquals(2, tables.size(), "luminance and chrominance");
            assertArrayEquals(new int[]{q, 0}, JpegTables.ijgQuality(tables.get(0).natural()), "quality " + q);
        }
    }

    @Test
    void quality50IsTheStandardTableAndScalingFollowsLibjpeg() {
        assertArrayEquals(JpegTables.STD_LUMA, JpegTables.scaled(50));
        // libjpeg jcparam.c: quality 90 → scale 20 → (16·20 + 50)/100 = 3; quality 10 → scale 500 → 80
        assertEquals(3, JpegTables.scaled(90)[0]);
        assertEquals(80, JpegTables.scaled(10)[0]);
    }

    @Test
    void aPngHasNoTables() {
        assertTrue(JpegTables.read(new byte[]{(byte) 0x89, 'P', 'N', 'G'}).isEmpty());
    }
}
