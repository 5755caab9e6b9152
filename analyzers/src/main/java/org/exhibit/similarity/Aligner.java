package org.exhibit.similarity;

import boofcv.abst.feature.associate.AssociateDescription;
import boofcv.abst.feature.detdesc.DetectDescribePoint;
import boofcv.abst.feature.detect.interest.ConfigFastHessian;
import boofcv.abst.geo.h.HomographyTLS_to_Epipolar;
import boofcv.factory.feature.associate.ConfigAssociateGreedy;
import boofcv.factory.feature.associate.FactoryAssociation;
import boofcv.factory.feature.detdesc.FactoryDetectDescribe;
import boofcv.factory.geo.ConfigHomography;
import boofcv.factory.geo.ConfigRansac;
import boofcv.factory.geo.FactoryMultiView;
import boofcv.factory.geo.FactoryMultiViewRobust;
import boofcv.struct.feature.AssociatedIndex;
import boofcv.struct.feature.TupleDesc_F64;
import boofcv.struct.geo.AssociatedPair;
import boofcv.struct.image.GrayF32;
import georegression.struct.homography.Homography2D_F64;
import georegression.struct.point.Point2D_F64;
import org.ddogleg.fitting.modelset.ModelMatcher;
import org.ddogleg.struct.DogArray;
import org.ddogleg.struct.FastAccess;
import org.ejml.data.DMatrixRMaj;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where the accused image lies on the original: SURF keypoints (BoofCV's fast SURF, Bay et al. 2008) on
 * both images at a working scale of at most {@value #WORK_SIDE} px on the longer side, mutual nearest-neighbour
 * matching with Lowe's ratio test ({@value #RATIO}), then RANSAC (fixed seed, 3 px) for a homography, refitted by
 * total least squares on the inliers. The accused is also tried mirrored, since a flip defeats rotation-invariant
 * descriptors; the better of the two is kept. Deterministic: the same pixels give the same alignment.
 */
public final class Aligner {

    /** Longer side of the working images, in pixels: bounds time and memory for any input size. */
    public static final int WORK_SIDE = 640;
    /** Lowe's ratio: best / second-best descriptor distance must be below it. */
    public static final double RATIO = 0.8;
    /** RANSAC inlier distance at the working scale, in pixels. */
    public static final double INLIER_PX = 3.0;
    private static final int MAX_FEATURES = 1000;
    private static final long RANSAC_SEED = 0xE1B1L;

    private Aligner() {
    }

    public static Alignment align(BufferedImage original, BufferedImage accused) {
        return align(Gray.of(original), Gray.of(accused));
    }

    /** Aligns two luma images (full resolution); see the class comment. */
    public static Alignment align(Gray original, Gray accused) {
        // one common scale when it keeps both images usable: a crop then keeps the original's pixel size, which
        // makes keypoints land on the same pixels (an independent scale per image costs a few pixels of accuracy)
        int sideO = Math.max(original.width, original.height), sideA = Math.max(accused.width, accused.height);
        double common = Math.min(1.0, Math.min((double) WORK_SIDE / sideO, (double) WORK_SIDE / sideA));
        boolean shared = common * Math.min(sideO, sideA) >= WORK_SIDE / 2.0;
        Gray o = shared ? scaled(original, common) : original.downscaleTo(WORK_SIDE);
        Gray a = shared ? scaled(accused, common) : accused.downscaleTo(WORK_SIDE);
        Features fo = Features.detect(o);
        Features fa = Features.detect(a);
        Result direct = match(fo, fa);
        Result best = direct;
        boolean mirrored = false;
        if (direct.inliers.size() < 2 * Alignment.GOOD_INLIERS || direct.inliers.size() < 0.5 * direct.matches) { // a mirror image matches poorly: try it flipped
            Result flipped = match(fo, Features.detect(mirror(a)));
            best = flipped.inliers.size() > direct.inliers.size() + 4 ? flipped : direct;
            mirrored = best == flipped;
        }

        // work-scale homography → full resolution: original_full ← original_work ← accused_work ← accused_full
        Homography h = null;
        List<Alignment.Pair> pairs = new ArrayList<>();
        double so = (double) o.width / original.width, sa = (double) a.width / accused.width;
        Homography toWorkA = Homography.pixelScale(sa);
        if (mirrored) {
            toWorkA = Homography.mirror(a.width).after(toWorkA);
        }
        Homography fromWorkO = Homography.pixelScale(so).inverse();
        Homography fromWorkA = toWorkA.inverse();
        if (best.model != null) {
            h = fromWorkO.after(best.model).after(toWorkA);
        }
        for (AssociatedPair p : best.inliers) {
            double[] po = fromWorkO.map(p.p2.x, p.p2.y);
            double[] pa = fromWorkA.map(p.p1.x, p.p1.y);
            pairs.add(new Alignment.Pair(po[0], po[1], pa[0], pa[1]));
        }
        int matches = best.matches;
        int inliers = best.inliers.size();
        double ratio = matches == 0 ? 0 : (double) inliers / matches;
        Alignment.Quality q = quality(h, inliers, ratio, original, accused);
        // a mirror can also be matched directly (symmetric details): the homography's orientation tells
        boolean reflected = h != null && h.get(0, 0) * h.get(1, 1) - h.get(0, 1) * h.get(1, 0) < 0;
        return new Alignment(h, original.width, original.height, accused.width, accused.height, fo.size(),
                fa.size(), matches, inliers, ratio, reflected, q, pairs);
    }

    private static Alignment.Quality quality(Homography h, int inliers, double ratio, Gray original, Gray accused) {
        if (h == null || inliers < Alignment.WEAK_INLIERS || !saneGeometry(h, accused)) {
            return Alignment.Quality.NONE;
        }
        boolean good = inliers >= Alignment.GOOD_INLIERS && ratio >= Alignment.GOOD_RATIO
                || inliers >= Alignment.FEW_INLIERS && ratio >= Alignment.CLEAN_RATIO;
        return good ? Alignment.Quality.GOOD : Alignment.Quality.WEAK;
    }

    /** The accused's outline must map to a convex quadrilateral of plausible size (no fold, no blow-up). */
    static boolean saneGeometry(Homography h, Gray accused) {
        double[] c = {0, 0, accused.width - 1, 0, accused.width - 1, accused.height - 1, 0, accused.height - 1};
        double[] p = new double[8];
        for (int i = 0; i < 4; i++) {
            double[] q = h.map(c[2 * i], c[2 * i + 1]);
            if (Double.isNaN(q[0])) {
                return false;
            }
            p[2 * i] = q[0];
            p[2 * i + 1] = q[1];
        }
        int sign = 0;
        double area = 0;
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4, k = (i + 2) % 4;
            double cross = (p[2 * j] - p[2 * i]) * (p[2 * k + 1] - p[2 * j + 1])
                    - (p[2 * j + 1] - p[2 * i + 1]) * (p[2 * k] - p[2 * j]);
            int s = (int) Math.signum(cross);
            if (s == 0 || (sign != 0 && s != sign)) {
                return false;
            }
            sign = s;
            area += p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1];
        }
        double scale = Math.abs(area / 2) / ((double) accused.width * accused.height);
        return scale > 1.0 / 64 && scale < 64;
    }

    private static Gray scaled(Gray g, double s) {
        return s >= 1.0 ? g : g.resizeArea(Math.max(1, (int) Math.round(g.width * s)), Math.max(1, (int) Math.round(g.height * s)));
    }

    private static Gray mirror(Gray g) {
        float[] d = new float[g.data.length];
        for (int y = 0; y < g.height; y++) {
            for (int x = 0; x < g.width; x++) {
                d[y * g.width + x] = g.data[y * g.width + g.width - 1 - x];
            }
        }
        return new Gray(g.width, g.height, d);
    }

    private record Result(Homography model, int matches, List<AssociatedPair> inliers) {
    }

    private static Result match(Features original, Features accused) {
        AssociateDescription<TupleDesc_F64> associate = FactoryAssociation.greedy(
                new ConfigAssociateGreedy(true, RATIO), FactoryAssociation.scoreEuclidean(TupleDesc_F64.class, false));
        associate.setSource(accused.descriptions);
        associate.setDestination(original.descriptions);
        associate.associate();
        FastAccess<AssociatedIndex> found = associate.getMatches();
        List<AssociatedPair> pairs = new ArrayList<>();
        for (int i = 0; i < found.size; i++) {
            AssociatedIndex m = found.get(i);
            pairs.add(new AssociatedPair(accused.points.get(m.src), original.points.get(m.dst), true));
        }
        if (pairs.size() < 4) {
            return new Result(null, pairs.size(), List.of());
        }
        ConfigRansac cr = new ConfigRansac(1000, INLIER_PX);
        cr.randSeed = RANSAC_SEED;
        ModelMatcher<Homography2D_F64, AssociatedPair> ransac =
                FactoryMultiViewRobust.homographyRansac(new ConfigHomography(true), cr);
        if (!ransac.process(pairs)) {
            return new Result(null, pairs.size(), List.of());
        }
        List<AssociatedPair> inliers = new ArrayList<>(ransac.getMatchSet());
        Homography model = toHomography(ransac.getModelParameters());
        // refit on the inliers, then tighten: keypoint positions err by a pixel or so, RANSAC's 4-point model more
        HomographyTLS_to_Epipolar tls = FactoryMultiView.homographyTLS();
        for (double tol : new double[]{INLIER_PX, 2.0, 1.5}) {
            List<AssociatedPair> close = within(model, pairs, tol);
            DMatrixRMaj refined = new DMatrixRMaj(3, 3);
            if (close.size() < Math.max(8, inliers.size() / 2) || !tls.process(close, refined)) {
                break;
            }
            model = new Homography(refined.data.clone());
            if (tol == INLIER_PX) {
                inliers = close;
            }
        }
        return new Result(model, pairs.size(), inliers);
    }

    private static List<AssociatedPair> within(Homography h, List<AssociatedPair> pairs, double tol) {
        List<AssociatedPair> out = new ArrayList<>();
        for (AssociatedPair p : pairs) {
            double[] q = h.map(p.p1.x, p.p1.y);
            if (Math.hypot(q[0] - p.p2.x, q[1] - p.p2.y) <= tol) {
                out.add(p);
            }
        }
        return out;
    }

    private static Homography toHomography(Homography2D_F64 h) {
        return new Homography(new double[]{h.a11, h.a12, h.a13, h.a21, h.a22, h.a23, h.a31, h.a32, h.a33});
    }

    /** Keypoints and their SURF descriptors at the working scale. */
    private record Features(List<Point2D_F64> points, DogArray<TupleDesc_F64> descriptions) {
        int size() {
            return points.size();
        }

        static Features detect(Gray g) {
            GrayF32 img = new GrayF32(g.width, g.height);
            System.arraycopy(g.data, 0, img.data, 0, g.data.length);
            ConfigFastHessian cfg = new ConfigFastHessian();
            cfg.maxFeaturesAll = MAX_FEATURES;
            DetectDescribePoint<GrayF32, TupleDesc_F64> dd = FactoryDetectDescribe.surfFast(cfg, null, null, GrayF32.class);
            dd.detect(img);
            List<Point2D_F64> pts = new ArrayList<>();
            DogArray<TupleDesc_F64> descs = new DogArray<>(dd::createDescription);
            for (int i = 0; i < dd.getNumberOfFeatures(); i++) {
                pts.add(dd.getLocation(i).copy());
                descs.grow().setTo(dd.getDescription(i));
            }
            return new Features(pts, descs);
        }
    }
}
