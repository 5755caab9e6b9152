package org.exhibit.ocr;

import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.algorithm.MinimumAreaRectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the DB text detector's probability map into boxes, following PaddleOCR/RapidOCR's DBPostProcess with
 * RapidOCR's defaults (thresh 0.3, 2×2 dilation, box_thresh 0.5, unclip_ratio 1.6, fast score): binarise, take
 * each 8-connected region (OpenCV takes its contour; the convex hull is the same), minimum-area rectangle,
 * mean probability inside it, expand by area × ratio / perimeter (JTS round-join buffer in place of
 * pyclipper), minimum-area rectangle again, scale to the image.
 */
final class DbPostProcess {

    static final double THRESH = 0.3;
    static final double BOX_THRESH = 0.5;
    static final double UNCLIP_RATIO = 1.6;
    static final int MIN_SIZE = 3;
    static final int MAX_CANDIDATES = 1000;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private DbPostProcess() {
    }

    /** Boxes in the destination image's pixel grid, in reading order (top to bottom, then left to right). */
    static List<Quad> boxes(float[] prob, int width, int height, int destWidth, int destHeight) {
        boolean[] mask = dilate(prob, width, height);
        List<Quad> boxes = new ArrayList<>();
        for (Coordinate[] outline : regions(mask, width, height)) {
            if (boxes.size() >= MAX_CANDIDATES) {
                break;
            }
            Rect r = minAreaRect(GEOMETRY.createMultiPointFromCoords(outline));
            if (r == null || r.shortSide < MIN_SIZE) {
                continue;
            }
            double score = meanInside(prob, width, height, r.corners);
            if (score < BOX_THRESH) {
                continue;
            }
            Polygon poly = GEOMETRY.createPolygon(closed(r.corners));
            double distance = poly.getArea() * UNCLIP_RATIO / poly.getLength();
            Rect expanded = minAreaRect(poly.buffer(distance));
            if (expanded == null || expanded.shortSide < MIN_SIZE + 2) {
                continue;
            }
            double[] pts = new double[8];
            for (int i = 0; i < 4; i++) {
                pts[2 * i] = clamp(Math.round(expanded.corners[i].x / width * destWidth), destWidth);
                pts[2 * i + 1] = clamp(Math.round(expanded.corners[i].y / height * destHeight), destHeight);
            }
            Quad q = new Quad(pts);
            if ((int) q.topWidth() <= 3 || (int) q.leftHeight() <= 3) {
                continue;
            }
            boxes.add(q);
        }
        return readingOrder(boxes);
    }

    /** Binarise at THRESH, then dilate with a 2×2 kernel anchored at its centre as OpenCV does. */
    private static boolean[] dilate(float[] prob, int w, int h) {
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean on = false;
                for (int dy = -1; dy <= 0 && !on; dy++) {
                    for (int dx = -1; dx <= 0 && !on; dx++) {
                        int xx = x + dx, yy = y + dy;
                        on = xx >= 0 && yy >= 0 && prob[yy * w + xx] > THRESH;
                    }
                }
                out[y * w + x] = on;
            }
        }
        return out;
    }

    /** Outline pixels of each 8-connected foreground region, regions in raster order of their first pixel. */
    private static List<Coordinate[]> regions(boolean[] mask, int w, int h) {
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        List<Coordinate[]> out = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            next++;
            List<Coordinate> outline = new ArrayList<>();
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            while (top > 0) {
                int i = stack[--top];
                int x = i % w, y = i / w;
                boolean edge = false;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx, yy = y + dy;
                        if (xx < 0 || yy < 0 || xx >= w || yy >= h || !mask[yy * w + xx]) {
                            edge = true;
                            continue;
                        }
                        int j = yy * w + xx;
                        if (label[j] == 0) {
                            label[j] = next;
                            stack[top++] = j;
                        }
                    }
                }
                if (edge) {
                    outline.add(new Coordinate(x, y));
                }
            }
            out.add(outline.toArray(new Coordinate[0]));
        }
        return out;
    }

    /** A minimum-area rectangle with corners ordered top-left, top-right, bottom-right, bottom-left. */
    private record Rect(Coordinate[] corners, double shortSide) {
    }

    private static Rect minAreaRect(Geometry g) {
        Geometry rect = MinimumAreaRectangle.getMinimumRectangle(new ConvexHull(g).getConvexHull());
        if (!(rect instanceof Polygon p) || p.getCoordinates().length < 5) {
            return null; // a line or a point: no area, no text
        }
        Coordinate[] c = Arrays.copyOf(p.getCoordinates(), 4);
        double s1 = c[0].distance(c[1]), s2 = c[1].distance(c[2]);
        Coordinate[] byX = c.clone();
        Arrays.sort(byX, Comparator.comparingDouble((Coordinate k) -> k.x));
        Coordinate tl = byX[1].y > byX[0].y ? byX[0] : byX[1];
        Coordinate bl = tl == byX[0] ? byX[1] : byX[0];
        Coordinate tr = byX[3].y > byX[2].y ? byX[2] : byX[3];
        Coordinate br = tr == byX[2] ? byX[3] : byX[2];
        return new Rect(new Coordinate[]{tl, tr, br, bl}, Math.min(s1, s2));
    }

    /** Mean probability over the pixels whose centres lie in the (convex) quad: box_score_fast. */
    private static double meanInside(float[] prob, int w, int h, Coordinate[] q) {
        int minX = w, minY = h, maxX = 0, maxY = 0;
        for (Coordinate c : q) {
            minX = Math.min(minX, (int) Math.floor(c.x));
            maxX = Math.max(maxX, (int) Math.ceil(c.x));
            minY = Math.min(minY, (int) Math.floor(c.y));
            maxY = Math.max(maxY, (int) Math.ceil(c.y));
        }
        minX = Math.max(0, minX);
        minY = Math.max(0, minY);
        maxX = Math.min(w - 1, maxX);
        maxY = Math.min(h - 1, maxY);
        double sum = 0;
        int n = 0;
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                if (inside(q, x, y)) {
                    sum += prob[y * w + x];
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static boolean inside(Coordinate[] q, double x, double y) {
        boolean pos = false, neg = false;
        for (int i = 0; i < 4; i++) {
            Coordinate a = q[i], b = q[(i + 1) % 4];
            double cross = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
            pos |= cross > 1e-6;
            neg |= cross < -1e-6;
        }
        return !(pos && neg);
    }

    private static Coordinate[] closed(Coordinate[] c) {
        return new Coordinate[]{c[0], c[1], c[2], c[3], c[0]};
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /** PaddleOCR's sorted_boxes: by top, then left-to-right among boxes whose tops differ by under 10 px. */
    static List<Quad> readingOrder(List<Quad> boxes) {
        List<Quad> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(Quad::top).thenComparingDouble(Quad::left));
        for (int i = 0; i < sorted.size() - 1; i++) {
            for (int j = i; j >= 0; j--) {
                Quad a = sorted.get(j), b = sorted.get(j + 1);
                if (Math.abs(b.top() - a.top()) < 10 && b.left() < a.left()) {
                    sorted.set(j, b);
                    sorted.set(j + 1, a);
                } else {
                    break;
                }
            }
        }
        return sorted;
    }
}
