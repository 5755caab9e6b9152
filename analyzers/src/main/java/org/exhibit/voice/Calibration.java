package org.exhibit.voice;

/**
 * Linear logistic-regression calibration of scores to log likelihood ratios, as in the BOSARIS toolkit and
 * FoCal (Brümmer): ln LR = slope·score + offset, fitted by Newton's method with same-speaker and
 * different-speaker trials weighted to equal total weight (prior 0.5), so the fitted log-odds are log LRs.
 *
 * @param slope  per unit of score
 * @param offset at score 0
 */
public record Calibration(double slope, double offset) {

    public double lnLr(double score) {
        return slope * score + offset;
    }

    public static Calibration fit(double[] targets, double[] nonTargets) {
        if (targets.length == 0 || nonTargets.length == 0) {
            throw new IllegalArgumentException("calibration needs both same- and different-speaker trials");
        }
        double wt = 0.5 / targets.length;
        double wn = 0.5 / nonTargets.length;
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 100; iter++) {
            // gradient and Hessian of the weighted cross-entropy
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (int pass = 0; pass < 2; pass++) {
                double[] s = pass == 0 ? targets : nonTargets;
                double y = pass == 0 ? 1 : 0;
                double w = pass == 0 ? wt : wn;
                for (double x : s) {
                    double p = 1 / (1 + Math.exp(-(a * x + b)));
                    double r = w * (p - y);
                    ga += r * x;
                    gb += r;
                    double h = w * p * (1 - p);
                    haa += h * x * x;
                    hab += h * x;
                    hbb += h;
                }
            }
            double ridge = 1e-9;
            double det = (haa + ridge) * (hbb + ridge) - hab * hab;
            if (det <= 0) {
                break;
            }
            double da = ((hbb + ridge) * ga - hab * gb) / det;
            double db = ((haa + ridge) * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-12) {
                break;
            }
        }
        return new Calibration(a, b);
    }
}
