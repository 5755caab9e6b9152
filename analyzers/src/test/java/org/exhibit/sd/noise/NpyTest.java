package org.exhibit.sd.noise;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {

    @Test
    void writesVersion1HeaderAlignedTo64BytesThenLittleEndianFloats() {
        byte[] npy = Npy.float32(new float[]{1.5f, -2f, 0f, 3.25f, 7f, 8f}, 1, 2, 3);
        assertEquals((byte) 0x93, npy[0]);
        assertEquals("NUMPY", new String(npy, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, npy[6]);
        assertEquals(0, npy[7]);
        int headerLength = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        assertEquals(0, (10 + headerLength) % 64);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 3), }"), header);
        assertTrue(header.endsWith("\n"));
        ByteBuffer body = ByteBuffer.wrap(npy, 10 + headerLength, 24).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1.5f, body.getFloat());
        assertEquals(-2f, body.getFloat());
        assertEquals(npy.length, 10 + headerLength + 24);
    }

    @Test
    void oneDimensionalShapeIsAPythonOneTuple() {
        byte[] npy = Npy.float32(new float[]{1f}, 1);
        assertTrue(new String(npy, 10, 60, StandardCharsets.US_ASCII).contains("'shape': (1,)"));
    }

    @Test
    void refusesAShapeThatDoesNotHoldTheData() {
        assertThrows(IllegalArgumentException.class, () -> Npy.float32(new float[3], 2, 2));
    }
}
