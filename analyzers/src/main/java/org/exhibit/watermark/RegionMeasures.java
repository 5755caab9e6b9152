package org.exhibit.watermark;

import org.exhibit.evidence.Region;
import org.exhibit.similarity.Gray;
import org.exhibit.similarity.Homography;

import java.util.Arrays;

/**
 * What the accused holds where the original has its mark, measured on the original's pixel grid after the
 * accused is warped onto it. "Stroke pixels" are the mark's strongest detail in the original (top quarter of
 * band-pass magnitude inside the mark's box); the "ring" is a band around the box, the untouched surroundings
 * the inside is compared with.
 *
 * @param coverage        fraction of the mark's box that lies inside the accused frame
 * @param structure       correlation of band-pass detail, original vs accused, over the stroke pixels
 *                        (near 1: the mark's strokes are still there; near 0: gone)
 * @param ringStructure   the same over the ring (how much detail alignment and re-encoding alone keep)
 * @param residual        mean absolute luma difference inside the box (0..255)
 * @param ringResidual    the same over the ring
 * @param noiseRatio      median |Laplacian| of the accused at the stroke pixels / in the ring (below 1: smoothed)
 * @param changed         fraction of the box whose pixels differ from the original beyond re-encoding noise
 *                        (more than 2.5 × the ring's mean difference + 3 levels): the altered patch
 * @param density         altered pixels / the area of their bounding box (a blurred or filled rectangle is
 *                        dense; an inpainted text mask is sparse)
 * @param smoothed        fraction of the altered pixels whose fine detail is under a quarter of the ring's
 *                        typical level (fill, blur, inpainting smooth; a clone keeps texture)
 * @param ringNoise       median |Laplacian| of the accused in the ring (0: the surroundings have no fine texture)
 * @param flatness        luma standard deviation of the accused over the altered pixels
 * @param lowPass         correlation of coarse luma (σ = 3 px × scale), original vs accused, inside the box
 * @param cloneMatch      best normalised correlation between the accused's fine detail inside the box and the
 *                        same-size patch at any other place nearby (near 1: copied from there)
 * @param cloneOffsetX    where that best patch lies, x offset in original pixels
 * @param cloneOffsetY    y offset
 * @param scale           original pixels per accused pixel at the mark
 * @param residualMap     |original − accused| over the window, NaN outside the accused (for the heat map)
 * @param window          the window the maps cover
 */
record RegionMeasures(double coverage, double structure, double ringStructure, double residual, double ringResidual,
                      double noiseRatio, double changed, double density, double smoothed, double ringNoise, double flatness, double lowPass, double cloneMatch, int cloneOffsetX,
                      int cloneOffsetY, double scale, float[] residualMap, Region window) {

    static RegionMeasures measure(Gray original, Gray accused, Homography accusedToOriginal, Region mark) {
        int ring = Math.max(8, Math.min(mark.height(), mark.width()) / 2);
        Region window = clip(new Region(mark.x() - ring, mark.y() - ring, mark.width() + 2 * ring,
                mark.height() + 2 * ring), original);
        Plane o = Plane.of(original, window);
        Plane a = Plane.warped(accused, accusedToOriginal, window);
        double scale = scaleAt(accusedToOriginal, mark);
        Plane af = a.filledFrom(o);
        double k = Math.max(1, scale);

        int inside = 0, covered = 0;
        for (int i = 0; i < a.v.length; i++) {
            if (a.in(i, mark)) {
                inside++;
                covered += a.valid(i) ? 1 : 0;
            }
        }
        double coverage = (double) covered / Math.max(1, inside);

        Plane bo = o.bandPass(0.7 * k, 2.5 * k), ba = af.bandPass(0.7 * k, 2.5 * k);
        boolean[] strokes = strokes(bo, a, mark);
        boolean[] ringSet = new boolean[a.v.length], box = new boolean[a.v.length];
        for (int i = 0; i < a.v.length; i++) {
            box[i] = a.valid(i) && a.in(i, mark);
            ringSet[i] = a.valid(i) && !a.in(i, mark);
        }
        Plane lo = o.gaussian(3 * k), la = af.gaussian(3 * k);
        Plane lap = af.laplacian();
        float[] residualMap = new float[a.v.length];
        for (int i = 0; i < residualMap.length; i++) {
            residualMap[i] = a.valid(i) ? Math.abs(o.v[i] - a.v[i]) : Float.NaN;
        }
        double noiseRing = medianAbs(lap.v, ringSet);
        double ringResidual = meanAbsDiff(o.v, a.v, ringSet);
        boolean[] altered = new boolean[a.v.length];
        int nBox = 0, nAltered = 0, ax0 = Integer.MAX_VALUE, ay0 = Integer.MAX_VALUE, ax1 = -1, ay1 = -1;
        for (int i = 0; i < a.v.length; i++) {
            if (box[i]) {
                nBox++;
                if (residualMap[i] > 2.5 * ringResidual + 3) {
                    altered[i] = true;
                    nAltered++;
                    ax0 = Math.min(ax0, i % a.width);
                    ax1 = Math.max(ax1, i % a.width);
                    ay0 = Math.min(ay0, i / a.width);
                    ay1 = Math.max(ay1, i / a.width);
                }
            }
        }
        double density = nAltered == 0 ? 0 : (double) nAltered / ((ax1 - ax0 + 1) * (ay1 - ay0 + 1));
        Clone clone = Clone.search(original, accused, accusedToOriginal, mark, k);
        return new RegionMeasures(coverage, correlation(bo.v, ba.v, strokes), correlation(bo.v, ba.v, ringSet),
                meanAbsDiff(o.v, a.v, box), ringResidual,
                medianAbs(lap.v, strokes) / Math.max(0.5, noiseRing), (double) nAltered / Math.max(1, nBox), density,
                fractionBelow(lap.v, altered, 0.25 * noiseRing), noiseRing,
                std(a.v, altered), correlation(lo.v, la.v, box), clone.match(), clone.dx(), clone.dy(), scale,
                residualMap, window);
    }

    /** The top quarter of band-pass magnitude inside the box, among pixels the accused covers. */
    private static boolean[] strokes(Plane bandOriginal, Plane accused, Region mark) {
        int n = 0;
        float[] mags = new float[bandOriginal.v.length];
        for (int i = 0; i < mags.length; i++) {
            if (accused.valid(i) && accused.in(i, mark)) {
                mags[n++] = Math.abs(bandOriginal.v[i]);
            }
        }
        boolean[] out = new boolean[mags.length];
        if (n == 0) {
            return out;
        }
        float[] sorted = Arrays.copyOf(mags, n);
        Arrays.sort(sorted);
        float cut = sorted[(int) (0.75 * (n - 1))];
        for (int i = 0; i < out.length; i++) {
            out[i] = accused.valid(i) && accused.in(i, mark) && Math.abs(bandOriginal.v[i]) >= cut;
        }
        return out;
    }

    static double scaleAt(Homography accusedToOriginal, Region mark) {
        double cx = mark.x() + mark.width() / 2.0, cy = mark.y() + mark.height() / 2.0;
        double[] p = accusedToOriginal.inverse().map(cx, cy);
        double[] a = accusedToOriginal.map(p[0], p[1]);
        double[] bx = accusedToOriginal.map(p[0] + 1, p[1]);
        double[] by = accusedToOriginal.map(p[0], p[1] + 1);
        return Math.sqrt(Math.abs((bx[0] - a[0]) * (by[1] - a[1]) - (bx[1] - a[1]) * (by[0] - a[0])));
    }

    static Region clip(Region r, Gray image) {
        int x0 = Math.max(0, r.x()), y0 = Math.max(0, r.y());
        int x1 = Math.min(image.width(), r.x() + r.width()), y1 = Math.min(image.height(), r.y() + r.height());
        return new Region(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    static double correlation(float[] a, float[] b, boolean[] use) {
        double sa = 0, sb = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (use[i]) {
                sa += a[i];
                sb += b[i];
                n++;
            }
        }
        if (n < 8) {
            return 0;
        }
        double ma = sa / n, mb = sb / n, cov = 0, va = 0, vb = 0;
        for (int i = 0; i < a.length; i++) {
            if (use[i]) {
                cov += (a[i] - ma) * (b[i] - mb);
                va += (a[i] - ma) * (a[i] - ma);
                vb += (b[i] - mb) * (b[i] - mb);
            }
        }
        return va < 1e-9 || vb < 1e-9 ? 0 : cov / Math.sqrt(va * vb);
    }

    private static double meanAbsDiff(float[] a, float[] b, boolean[] use) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (use[i]) {
                s += Math.abs(a[i] - b[i]);
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    private static double medianAbs(float[] v, boolean[] use) {
        float[] vals = new float[v.length];
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (use[i]) {
                vals[n++] = Math.abs(v[i]);
            }
        }
        if (n == 0) {
            return 0;
        }
        float[] s = Arrays.copyOf(vals, n);
        Arrays.sort(s);
        return s[n / 2];
    }

    private static double fractionBelow(float[] v, boolean[] use, double limit) {
        int n = 0, below = 0;
        for (int i = 0; i < v.length; i++) {
            if (use[i]) {
                n++;
                below += Math.abs(v[i]) < limit ? 1 : 0;
            }
        }
        return n == 0 ? 0 : (double) below / n;
    }

    private static double std(float[] v, boolean[] use) {
        double s = 0, s2 = 0;
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (use[i]) {
                s += v[i];
                s2 += (double) v[i] * v[i];
                n++;
            }
        }
        return n == 0 ? 0 : Math.sqrt(Math.max(0, s2 / n - (s / n) * (s / n)));
    }
}
