package org.exhibit.label;

/**
 * OpenCV's 8-bit BGR↔YUV conversion (cv::COLOR_BGR2YUV / COLOR_YUV2BGR, integer path, 14-bit fixed point,
 * round half up, saturated), so the watermark decoder sees the same U values as the Python library.
 */
final class OpenCvYuv {

    private static final int SHIFT = 14;
    private static final int HALF = 1 << (SHIFT - 1);
    private static final int R2Y = 4899;
    private static final int G2Y = 9617;
    private static final int B2Y = 1868;
    private static final int B2U = 8061;
    private static final int R2V = 14369;
    private static final int U2B = 33292;
    private static final int U2G = -6472;
    private static final int V2G = -9519;
    private static final int V2R = 18678;
    private static final int DELTA = 128 << SHIFT;

    private OpenCvYuv() {
    }

    static int y(int b, int g, int r) {
        return (b * B2Y + g * G2Y + r * R2Y + HALF) >> SHIFT;
    }

    static int u(int b, int g, int r) {
        return sat(((b - y(b, g, r)) * B2U + DELTA + HALF) >> SHIFT);
    }

    static int[] fromBgr(int b, int g, int r) {
        int y = y(b, g, r);
        return new int[]{sat(y), sat(((b - y) * B2U + DELTA + HALF) >> SHIFT), sat(((r - y) * R2V + DELTA + HALF) >> SHIFT)};
    }

    static int[] toBgr(int y, int u, int v) {
        int uu = u - 128;
        int vv = v - 128;
        return new int[]{sat(y + ((uu * U2B + HALF) >> SHIFT)), sat(y + ((vv * V2G + uu * U2G + HALF) >> SHIFT)),
                sat(y + ((vv * V2R + HALF) >> SHIFT))};
    }

    private static int sat(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
