package org.exhibit.ocr;

import org.exhibit.evidence.Region;

/**
 * A detected text box: four corners top-left, top-right, bottom-right, bottom-left, as x0,y0,...,x3,y3 in the
 * pixel grid of the image that was read.
 */
record Quad(double[] points) {

    Quad {
        if (points.length != 8) {
            throw new IllegalArgumentException("a quad has 4 corners");
        }
        points = points.clone();
    }

    @Override
    public double[] points() {
        return points.clone();
    }

    double topWidth() {
        return Math.hypot(points[2] - points[0], points[3] - points[1]);
    }

    double bottomWidth() {
        return Math.hypot(points[4] - points[6], points[5] - points[7]);
    }

    double leftHeight() {
        return Math.hypot(points[6] - points[0], points[7] - points[1]);
    }

    double rightHeight() {
        return Math.hypot(points[4] - points[2], points[5] - points[3]);
    }

    /** The smallest pixel rectangle holding all four corners. */
    Region bounds() {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < 8; i += 2) {
            minX = Math.min(minX, points[i]);
            maxX = Math.max(maxX, points[i]);
            minY = Math.min(minY, points[i + 1]);
            maxY = Math.max(maxY, points[i + 1]);
        }
        int x = (int) Math.floor(minX), y = (int) Math.floor(minY);
        return new Region(x, y, (int) Math.ceil(maxX) - x, (int) Math.ceil(maxY) - y);
    }

    double top() {
        return points[1];
    }

    double left() {
        return points[0];
    }
}
