/*
 * Does retraining the classical voice backend (CMVN + LDA) on the most realistic speech available here help on
 * voices it never saw? Run after make-population.sh, with the fat jar on the class path (Java 17 source launch):
 *
 *   java -cp cli/target/exhibit-all.jar scripts/voice/RetrainExperiment.java POPULATIONS OUT.json
 *
 * Models (per band; the telephone band is 300-3400 Hz, as exhibit compares narrowband recordings):
 *   shipped      analyzers/.../backend.json: LDA on 80 synthetic SpeechSynth speakers x 6 (wideband)
 *   synthetic    the same recipe refitted on the same synthetic corpus measured in the band (telephone only)
 *   synth+real   the synthetic corpus plus the population's speakers of the OTHER base voices, every wideband
 *                condition (clean, mp3, noise) or the telephone condition, as extra training speakers
 *   real only    only those population speakers
 * Held out: a trial between voices of base voices b1, b2 (a base voice = a recorded or TTS voice and its two
 * pitch-shifted copies) is scored by models trained without b1 and b2. EER and minCllr (calibration-free) get
 * 95 % bootstrap intervals over the 18 speakers; Cllr uses leave-one-speaker-out logistic calibration.
 * Not product code: the product only uses the backend.json it ships.
 *
 *   java -cp cli/target/exhibit-all.jar scripts/voice/RetrainExperiment.java --write-telephone-backend OUT.json
 *
 * writes the shipped telephone-band backend (backend-telephone.json): the "synthetic" model above, i.e. the
 * shipped recipe (80 synthetic speakers x 6 for the LDA, 40 other synthetic speakers x 5 for the calibration
 * quantiles that place a score among the default population), every clip measured in 300-3400 Hz.
 */

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.exhibit.fixtures.SpeechSynth;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.exhibit.voice.Calibration;
import org.exhibit.voice.Channel;
import org.exhibit.voice.ClipAnalysis;
import org.exhibit.voice.Pcm;
import org.exhibit.voice.Performance;
import org.exhibit.voice.Recording;
import org.exhibit.voice.VoiceBackend;
import org.exhibit.voice.VoiceComparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

public class RetrainExperiment {

    record Item(String speaker, String base, double[] vp) {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--write-telephone-backend")) {
            writeTelephoneBackend(Path.of(args[1]));
            return;
        }
        Path pop = Path.of(args[0]);
        int synthSpeakers = args.length > 2 ? Integer.parseInt(args[2]) : 80;
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> wideConditions = List.of("clean", "mp3", "noise");
        Map<String, List<Item>> byCondition = new TreeMap<>();
        for (String c : List.of("clean", "mp3", "noise", "telephone")) {
            Channel.Band band = c.equals("telephone") ? Channel.Band.TELEPHONE : Channel.Band.WIDE;
            byCondition.put(c, load(pop.resolve(c), band));
            System.err.println("analysed " + c + ": " + byCondition.get(c).size());
        }
        Map<Channel.Band, List<Item>> synth = new TreeMap<>();
        for (Channel.Band band : Channel.Band.values()) {
            synth.put(band, synthetic(synthSpeakers, 6, band));
            System.err.println("synthetic " + band + ": " + synth.get(band).size());
        }
        VoiceBackend shipped = VoiceBackend.shipped();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String c : List.of("clean", "mp3", "noise", "telephone")) {
            Channel.Band band = c.equals("telephone") ? Channel.Band.TELEPHONE : Channel.Band.WIDE;
            List<String> trainConds = band == Channel.Band.WIDE ? wideConditions : List.of("telephone");
            List<Item> test = byCondition.get(c);
            Map<String, Model> models = new LinkedHashMap<>();
            models.put("shipped", held -> shipped);
            if (band == Channel.Band.TELEPHONE) {
                VoiceBackend s = fit(synth.get(band));
                models.put("synthetic", held -> s);
            }
            Map<Set<String>, VoiceBackend> cacheSr = new java.util.HashMap<>();
            Map<Set<String>, VoiceBackend> cacheR = new java.util.HashMap<>();
            models.put("synth+real", held -> cacheSr.computeIfAbsent(held, h -> {
                List<Item> train = new ArrayList<>(synth.get(band));
                train.addAll(realTrain(byCondition, trainConds, h));
                return fit(train);
            }));
            models.put("real only", held -> cacheR.computeIfAbsent(held, h -> fit(realTrain(byCondition, trainConds, h))));
            for (Map.Entry<String, Model> m : models.entrySet()) {
                Map<String, Object> row = evaluate(test, m.getValue());
                row.put("condition", c);
                row.put("band", band.name());
                row.put("model", m.getKey());
                rows.add(row);
                System.out.printf(java.util.Locale.ROOT, "%-9s %-11s EER %s  minCllr %s  Cllr %s%n", c, m.getKey(),
                        row.get("eer"), row.get("minCllr"), row.get("cllr"));
            }
        }
        out.put("generator", "java -cp cli/target/exhibit-all.jar scripts/voice/RetrainExperiment.java " + args[0]
                + " " + args[1]);
        out.put("rows", rows);
        Files.writeString(Path.of(args[1]), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(out) + "\n");
    }

    interface Model {
        VoiceBackend forHeldOut(Set<String> heldOutBases);
    }

    static List<Item> realTrain(Map<String, List<Item>> byCondition, List<String> conds, Set<String> held) {
        List<Item> train = new ArrayList<>();
        for (String c : conds) {
            for (Item i : byCondition.get(c)) {
                if (!held.contains(i.base())) {
                    train.add(new Item("real:" + i.speaker(), i.base(), i.vp()));
                }
            }
        }
        return train;
    }

    static String base(String speaker) {
        return speaker.replaceAll("-(p|m)300$", "");
    }

    static List<Item> load(Path dir, Channel.Band band) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Item[] items = new Item[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(k -> {
            Path f = files.get(k);
            try {
                var in = new VoiceComparison.Input(Inputs.open(f, "population", Limits.DEFAULT), f);
                Recording r = Recording.load(in, Recording.Window.WHOLE, 0, Recording.Split.REFUSE, "population")
                        .get(0).inBand(band);
                String spk = f.getParent().getFileName().toString();
                items[k] = new Item(spk, base(spk), r.analysis().voiceprint());
            } catch (Exception e) {
                throw new RuntimeException(f + ": " + e.getMessage(), e);
            }
        });
        return List.of(items);
    }

    static void writeTelephoneBackend(Path file) throws Exception {
        Channel.Band band = Channel.Band.TELEPHONE;
        VoiceBackend raw = fit(synthetic(80, 6, band));
        List<Item> cal = synthetic(100_000, 40, 5, band);
        List<Double> t = new ArrayList<>();
        List<Double> n = new ArrayList<>();
        for (int i = 0; i < cal.size(); i++) {
            for (int j = i + 1; j < cal.size(); j++) {
                (cal.get(i).speaker().equals(cal.get(j).speaker()) ? t : n).add(raw.score(cal.get(i).vp(),
                        cal.get(j).vp()));
            }
        }
        double[] ts = t.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ns = n.stream().mapToDouble(Double::doubleValue).toArray();
        Calibration c = Calibration.fit(ts, ns);
        String what = "synthetic source-filter speakers (SpeechSynth, population seed 1), 4 s sentences under "
                + "varied pitch, tempo, channel tilt, noise (SNR 15-45 dB) and sample rate, every clip measured in "
                + "the telephone band (300-3400 Hz); projection from 80 speakers × 6 clips, calibration from 40 "
                + "other speakers × 5 clips (scripts/voice/RetrainExperiment.java --write-telephone-backend)";
        VoiceBackend b = new VoiceBackend(raw.mean(), raw.scale(), raw.projection(), raw.centre(), c, ts.length,
                ns.length, what, null, null);
        double[] tl = Arrays.stream(ts).map(b::log10Lr).toArray();
        double[] nl = Arrays.stream(ns).map(b::log10Lr).toArray();
        VoiceBackend out = new VoiceBackend(b.mean(), b.scale(), b.projection(), b.centre(), c, ts.length, ns.length,
                what, round(quantiles(tl, 101)), round(quantiles(nl, 101)));
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(out) + "\n");
        System.err.println("wrote " + file);
    }

    static double[] quantiles(double[] values, int n) {
        double[] s = values.clone();
        Arrays.sort(s);
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = s.length == 0 ? 0 : s[(int) Math.round((double) i / (n - 1) * (s.length - 1))];
        }
        return q;
    }

    static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 1e4) / 1e4).toArray();
    }

    /** The shipped recipe's training corpus (seed 1, speakers 0.., 4 s), measured in the band. */
    static List<Item> synthetic(int speakers, int clips, Channel.Band band) {
        return synthetic(0, speakers, clips, band);
    }

    static List<Item> synthetic(int first, int speakers, int clips, Channel.Band band) {
        Item[] out = new Item[speakers * clips];
        IntStream.range(0, out.length).parallel().forEach(i -> {
            int id = first + i / clips;
            int take = i % clips;
            long clipSeed = 7919L + (long) id * 131 + take;
            SpeechSynth.Conditions c = SpeechSynth.conditions(clipSeed);
            float[] audio = SpeechSynth.utterance(SpeechSynth.speaker(1, id), clipSeed, 4, c);
            ClipAnalysis a = ClipAnalysis.of(new Pcm(audio, c.sampleRate(), 1, "synthetic")).inBand(band);
            out[i] = new Item("synth:" + id, "synth", a.voiceprint());
        });
        return List.of(out);
    }

    static Map<String, Object> evaluate(List<Item> test, Model model) {
        List<String> speakers = test.stream().map(Item::speaker).distinct().sorted().toList();
        List<Double> sc = new ArrayList<>();
        List<Boolean> tg = new ArrayList<>();
        List<Integer> aa = new ArrayList<>();
        List<Integer> bb = new ArrayList<>();
        Map<Set<String>, List<double[]>> emb = new java.util.HashMap<>();
        for (int i = 0; i < test.size(); i++) {
            for (int j = i + 1; j < test.size(); j++) {
                Item x = test.get(i);
                Item y = test.get(j);
                Set<String> held = new TreeSet<>(List.of(x.base(), y.base()));
                VoiceBackend b = model.forHeldOut(held);
                sc.add(b.score(x.vp(), y.vp()));
                tg.add(x.speaker().equals(y.speaker()));
                int a = speakers.indexOf(x.speaker());
                int c = speakers.indexOf(y.speaker());
                aa.add(Math.min(a, c));
                bb.add(Math.max(a, c));
            }
        }
        int m = sc.size();
        double[] score = sc.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] target = new boolean[m];
        int[] sa = new int[m];
        int[] sb = new int[m];
        for (int k = 0; k < m; k++) {
            target[k] = tg.get(k);
            sa[k] = aa.get(k);
            sb[k] = bb.get(k);
        }
        int n = speakers.size();
        double[] cv = new double[m];
        for (int s = 0; s < n; s++) {
            List<Double> t = new ArrayList<>();
            List<Double> nt = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                if (sa[k] != s && sb[k] != s) {
                    (target[k] ? t : nt).add(score[k]);
                }
            }
            Calibration cal = Calibration.fit(t.stream().mapToDouble(Double::doubleValue).toArray(),
                    nt.stream().mapToDouble(Double::doubleValue).toArray());
            for (int k = 0; k < m; k++) {
                if (sa[k] == s) {
                    cv[k] = cal.lnLr(score[k]) / Math.log(10);
                }
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("eer", iv(Performance.bootstrap(w -> Performance.eer(score, target, w).rate(), sa, sb, n, 300, 3)));
        row.put("minCllr", iv(Performance.bootstrap(w -> Performance.minCllr(score, target, w), sa, sb, n, 300, 2)));
        row.put("cllr", iv(Performance.bootstrap(w -> Performance.cllr(cv, target, w), sa, sb, n, 300, 1)));
        row.put("targets", (int) IntStream.range(0, m).filter(k -> target[k]).count());
        row.put("nonTargets", (int) IntStream.range(0, m).filter(k -> !target[k]).count());
        return row;
    }

    static List<Double> iv(Performance.Interval i) {
        return List.of(r(i.value()), r(i.low()), r(i.high()));
    }

    static double r(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** CMVN + LDA + centring, as BackendTrainer.fitProjection (which is package-private). */
    static VoiceBackend fit(List<Item> clips) {
        int d = clips.get(0).vp().length;
        int n = clips.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (Item c : clips) {
            for (int i = 0; i < d; i++) {
                mean[i] += c.vp()[i] / n;
            }
        }
        for (Item c : clips) {
            for (int i = 0; i < d; i++) {
                double v = c.vp()[i] - mean[i];
                scale[i] += v * v / n;
            }
        }
        for (int i = 0; i < d; i++) {
            scale[i] = Math.sqrt(scale[i]) + 1e-9;
        }
        TreeMap<String, List<double[]>> bySpeaker = new TreeMap<>();
        for (Item c : clips) {
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = (c.vp()[i] - mean[i]) / scale[i];
            }
            bySpeaker.computeIfAbsent(c.speaker(), k -> new ArrayList<>()).add(z);
        }
        double[][] sw = new double[d][d];
        double[][] sbm = new double[d][d];
        for (List<double[]> group : bySpeaker.values()) {
            double[] mu = new double[d];
            for (double[] z : group) {
                for (int i = 0; i < d; i++) {
                    mu[i] += z[i] / group.size();
                }
            }
            for (double[] z : group) {
                outer(sw, z, mu, 1.0 / n);
            }
            outer(sbm, mu, new double[d], (double) group.size() / n);
        }
        for (int i = 0; i < d; i++) {
            sw[i][i] += 1e-3;
            for (int j = 0; j < i; j++) {
                sw[i][j] = sw[j][i] = 0.5 * (sw[i][j] + sw[j][i]);
            }
        }
        EigenDecomposition w = new EigenDecomposition(new Array2DRowRealMatrix(sw));
        double[] ev = w.getRealEigenvalues();
        double[][] dm = new double[d][d];
        for (int i = 0; i < d; i++) {
            dm[i][i] = Math.pow(Math.max(ev[i], 1e-12), -0.5);
        }
        RealMatrix whiten = w.getV().multiply(new Array2DRowRealMatrix(dm));
        RealMatrix sbw = whiten.transpose().multiply(new Array2DRowRealMatrix(sbm)).multiply(whiten);
        EigenDecomposition b = new EigenDecomposition(sbw.add(sbw.transpose()).scalarMultiply(0.5));
        double[] values = b.getRealEigenvalues();
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]) != 0
                ? Double.compare(values[y], values[x]) : Integer.compare(x, y));
        int k = Math.min(40, Math.min(d, bySpeaker.size() - 1));
        double[][] projection = new double[k][];
        for (int r = 0; r < k; r++) {
            double[] dir = whiten.operate(b.getEigenvector(order[r]).toArray());
            int big = 0;
            for (int i = 1; i < d; i++) {
                big = Math.abs(dir[i]) > Math.abs(dir[big]) ? i : big;
            }
            if (dir[big] < 0) {
                for (int i = 0; i < d; i++) {
                    dir[i] = -dir[i];
                }
            }
            projection[r] = dir;
        }
        double[] centre = new double[k];
        for (Item c : clips) {
            for (int r = 0; r < k; r++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += projection[r][i] * (c.vp()[i] - mean[i]) / scale[i];
                }
                centre[r] += s / n;
            }
        }
        return new VoiceBackend(mean, scale, projection, centre, new Calibration(1, 0), 1, 1, "experiment", null,
                null);
    }

    static void outer(double[][] m, double[] a, double[] mu, double w) {
        for (int i = 0; i < a.length; i++) {
            double ai = a[i] - mu[i];
            for (int j = 0; j < a.length; j++) {
                m[i][j] += w * ai * (a[j] - mu[j]);
            }
        }
    }
}
