package org.exhibit.similarity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * A plane projective transform: a 3×3 matrix, row-major, acting on pixel coordinates (origin top-left, pixel
 * centres at integer coordinates). {@code map(x, y)} = (h0·x + h1·y + h2, h3·x + h4·y + h5) / (h6·x + h7·y + h8).
 * Immutable; normalised so that h8 = 1 where possible.
 */
public final class Homography {

    private final double[] m;

    @JsonCreator
    public Homography(double[] rowMajor) {
        if (rowMajor.length != 9) {
            throw new IllegalArgumentException("a homography has 9 entries, got " + rowMajor.length);
        }
        double[] c = rowMajor.clone();
        if (Math.abs(c[8]) > 1e-12) {
            double s = c[8];
            for (int i = 0; i < 9; i++) {
                c[i] /= s;
            }
        }
        this.m = c;
    }

    public static Homography identity() {
        return new Homography(new double[]{1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    /** x' = sx·x + tx, y' = sy·y + ty. */
    public static Homography scaleTranslate(double sx, double sy, double tx, double ty) {
        return new Homography(new double[]{sx, 0, tx, 0, sy, ty, 0, 0, 1});
    }

    /** The nine entries, row-major (a copy). */
    @JsonValue
    public double[] matrix() {
        return m.clone();
    }

    public double get(int row, int col) {
        return m[row * 3 + col];
    }

    /** Maps a point; returns {x', y'} (NaN when the point maps to infinity). */
    public double[] map(double x, double y) {
        double w = m[6] * x + m[7] * y + m[8];
        if (Math.abs(w) < 1e-12) {
            return new double[]{Double.NaN, Double.NaN};
        }
        return new double[]{(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w};
    }

    /** this ∘ other: first {@code other}, then this. */
    public Homography after(Homography other) {
        double[] a = m, b = other.m, c = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                c[r * 3 + k] = a[r * 3] * b[k] + a[r * 3 + 1] * b[3 + k] + a[r * 3 + 2] * b[6 + k];
            }
        }
        return new Homography(c);
    }

    public double determinant() {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    public Homography inverse() {
        double d = determinant();
        if (Math.abs(d) < 1e-15) {
            throw new ArithmeticException("singular homography");
        }
        double[] i = {
                (m[4] * m[8] - m[5] * m[7]) / d, (m[2] * m[7] - m[1] * m[8]) / d, (m[1] * m[5] - m[2] * m[4]) / d,
                (m[5] * m[6] - m[3] * m[8]) / d, (m[0] * m[8] - m[2] * m[6]) / d, (m[2] * m[3] - m[0] * m[5]) / d,
                (m[3] * m[7] - m[4] * m[6]) / d, (m[1] * m[6] - m[0] * m[7]) / d, (m[0] * m[4] - m[1] * m[3]) / d};
        return new Homography(i);
    }

    /** Maps a pixel grid scaled by {@code s} (x_scaled = (x + 0.5)·s − 0.5): the centre-aligned resampling map. */
    static Homography pixelScale(double s) {
        return scaleTranslate(s, s, 0.5 * s - 0.5, 0.5 * s - 0.5);
    }

    /** Mirror about the vertical axis of an image {@code width} pixels wide: x' = width − 1 − x. */
    static Homography mirror(int width) {
        return new Homography(new double[]{-1, 0, width - 1, 0, 1, 0, 0, 0, 1});
    }

    @Override
    public String toString() {
        return Arrays.toString(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Homography h && Arrays.equals(h.m, m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }
}
