package org.exhibit.io.container;

import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.exhibit.io.container.Build.ascii;
import static org.exhibit.io.container.Build.box;
import static org.exhibit.io.container.Build.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JumbfTest {

    static byte[] description(String label) {
        return box("jumd", new byte[16], new byte[]{0x03}, ascii(label + "\0"));
    }

    static byte[] superbox(String label, byte[]... content) {
        return box("jumb", description(label), concat(content));
    }

    @Test
    void superboxesLabelsAndContent() throws Exception {
        byte[] cbor = box("cbor", new byte[]{(byte) 0xA0});
        byte[] store = superbox("c2pa", superbox("urn:uuid:1", superbox("c2pa.claim.v2", cbor)));
        Jumbf.Store s = Jumbf.read(store, Limits.DEFAULT);
        assertEquals(List.of(), s.problems());
        Jumbf.Box top = s.boxes().get(0);
        assertEquals("c2pa", top.label());
        Jumbf.Box claim = top.children().get(0).child("c2pa.claim.v2");
        assertArrayEquals(new byte[]{(byte) 0xA0}, claim.content().payload());
        assertNull(claim.content().label());
        assertEquals(store.length, top.length());
        assertArrayEquals(java.util.Arrays.copyOfRange(store, 8, store.length), top.payload());
    }

    @Test
    void nestingPastTheDepthLimitIsAProblem() throws Exception {
        byte[] b = box("cbor", new byte[1]);
        for (int i = 0; i < 40; i++) {
            b = superbox("level" + i, b);
        }
        Jumbf.Store s = Jumbf.read(b, Limits.DEFAULT);
        assertEquals(Problem.Kind.TOO_DEEP, s.problems().get(0).kind());
    }

    @Test
    void boxOverrunningTheStore() throws Exception {
        byte[] store = superbox("c2pa", box("cbor", new byte[10]));
        store[store.length - 15] = 30; // the cbor box's size, past its superbox
        assertEquals(Problem.Kind.TRUNCATED, Jumbf.read(store, Limits.DEFAULT).problems().get(0).kind());
        byte[] two = concat(store, box("free", new byte[40]));
        assertEquals(Problem.Kind.OUT_OF_BOUNDS, Jumbf.read(two, Limits.DEFAULT).problems().get(0).kind());
    }
}
