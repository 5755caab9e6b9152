package org.exhibit.ocr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Boxes from a synthetic probability map, against RapidOCR's DBPostProcess (OpenCV 4.6 findContours and
 * minAreaRect, pyclipper 1.2.1 unclip, shapely 1.8.5) run on the same map with RapidOCR's default settings:
 * an upright block, a rotated ellipse, a 2×2 speck (too small) and a weak region (mean 0.35, under box_thresh).
 */
class DbPostProcessTest {

    static final int W = 96, H = 64;

    static float[] probabilityMap() {
        float[] p = new float[W * H];
        double c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                float v = 0.05f;
                if (x >= 10 && x <= 50 && y >= 8 && y <= 20) {
                    v = 0.9f;
                }
                double u = ((x - 70) * c + (y - 40) * s) / 18.0, w = (-(x - 70) * s + (y - 40) * c) / 6.0;
                if (u * u + w * w <= 1) {
                    v = 0.8f;
                }
                if (x >= 5 && x <= 6 && y >= 50 && y <= 51) {
                    v = 0.95f;
                }
                if (x >= 20 && x <= 40 && y >= 40 && y <= 55) {
                    v = 0.35f;
                }
                p[y * W + x] = v;
            }
        }
        return p;
    }

    @Test
    void matchesRapidOcrOnASyntheticMap() {
        List<Quad> boxes = DbPostProcess.boxes(probabilityMap(), W, H, 192, 128);
        assertEquals(2, boxes.size());
        // Tolerance: one map pixel (2 image px). pyclipper truncates OpenCV's float32 corners to integers
        // (50.99999 becomes 50), which moves an edge by one map pixel; JTS works on the exact values.
        // reference: [[4, 0], [116, 0], [116, 56], [4, 56]]
        assertArrayEquals(new double[]{4, 0, 116, 0, 116, 56, 4, 56}, boxes.get(0).points(), 2.0);
        // reference: [[107, 32], [192, 77], [173, 128], [82, 83]]
        assertArrayEquals(new double[]{107, 32, 192, 77, 173, 128, 82, 83}, boxes.get(1).points(), 2.0);
    }

    @Test
    void readingOrderPutsBoxesOnOneLineLeftToRight() {
        Quad right = new Quad(new double[]{100, 12, 150, 12, 150, 30, 100, 30});
        Quad left = new Quad(new double[]{10, 15, 60, 15, 60, 33, 10, 33});
        Quad below = new Quad(new double[]{5, 60, 60, 60, 60, 80, 5, 80});
        assertEquals(List.of(left, right, below), DbPostProcess.readingOrder(List.of(below, right, left)));
    }
}
