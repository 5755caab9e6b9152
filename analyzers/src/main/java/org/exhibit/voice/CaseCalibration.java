package org.exhibit.voice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.exhibit.evidence.Hashing;
import org.exhibit.io.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A score-to-LR calibration for a population and recording conditions the user described, written by
 * {@code exhibit voice calibrate} ({@link VoiceCalibrator}). Only a comparison given such a file reports a
 * likelihood ratio; the report cites the file's SHA-256, its population and conditions, and its
 * cross-validated performance.
 *
 * @param format          {@link #FORMAT}
 * @param tool            tool version that wrote it
 * @param population      the population, in the user's words (who the "different speaker" of Hd is)
 * @param conditions      recording conditions, in the user's words (channel, device, language, style, length)
 * @param scorer          {@link SpeakerScorer#id()} of the system the scores came from
 * @param scorerMethod    that system in words
 * @param band            {@link Channel.Band} name the population was measured in
 * @param minimumSnrDb    below this SNR a comparison using the file claims nothing beyond inconclusive
 * @param speakers        speaker folder → recordings used (file name → SHA-256)
 * @param slope           ln LR = slope · score + offset
 * @param offset          see slope
 * @param minLog10Lr      lowest log10 LR reported (bounded by the number of speakers)
 * @param maxLog10Lr      highest log10 LR reported (bounded by the number of different-speaker pairs of speakers)
 * @param targetTrials    same-speaker trials (pairs of recordings)
 * @param nonTargetTrials different-speaker trials
 * @param targetScores    101 quantiles of the same-speaker scores
 * @param nonTargetScores 101 quantiles of the different-speaker scores
 * @param targetLog10Lr   101 quantiles of the cross-validated same-speaker log10 LRs (Tippett plot)
 * @param nonTargetLog10Lr 101 quantiles of the cross-validated different-speaker log10 LRs
 * @param performance     measured performance: name → {value, low, high} or counts
 * @param errorRates      cross-validated false-positive / false-negative rates at log10 LR thresholds
 * @param sha256          SHA-256 of the file as read (not written into it)
 */
@JsonPropertyOrder({"format", "tool", "population", "conditions", "scorer", "scorerMethod", "band", "minimumSnrDb",
        "slope", "offset", "minLog10Lr", "maxLog10Lr", "targetTrials", "nonTargetTrials", "performance",
        "errorRates", "speakers", "targetScores", "nonTargetScores", "targetLog10Lr", "nonTargetLog10Lr"})
public record CaseCalibration(String format, String tool, String population, String conditions, String scorer,
                              String scorerMethod, String band, double minimumSnrDb,
                              Map<String, Map<String, String>> speakers, double slope, double offset,
                              double minLog10Lr, double maxLog10Lr, int targetTrials, int nonTargetTrials,
                              double[] targetScores, double[] nonTargetScores, double[] targetLog10Lr,
                              double[] nonTargetLog10Lr, Map<String, Object> performance,
                              List<RateAt> errorRates, @JsonIgnore String sha256) {

    public static final String FORMAT = "exhibit-voice-calibration/1";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * Cross-validated error rates when "log10 LR ≥ threshold" (or "&gt; 0" for threshold 0) is read as "same
     * speaker", with 95 % Clopper-Pearson intervals on the trial counts.
     */
    @JsonPropertyOrder({"threshold", "falsePositiveRate", "falsePositiveInterval", "falseNegativeRate",
            "falseNegativeInterval", "targets", "nonTargets"})
    public record RateAt(double threshold, double falsePositiveRate, double[] falsePositiveInterval,
                         double falseNegativeRate, double[] falseNegativeInterval, int targets, int nonTargets) {
    }

    public Channel.Band bandValue() {
        return Channel.Band.valueOf(band);
    }

    /** ln LR of a score, then log10, bounded as the file says. */
    public double log10Lr(double score) {
        double l = (slope * score + offset) / Math.log(10);
        return Math.max(minLog10Lr, Math.min(maxLog10Lr, l));
    }

    /** The rates at the highest threshold at or below |log10 LR| (same-speaker side), or null. */
    public RateAt ratesAt(double threshold) {
        RateAt best = null;
        for (RateAt r : errorRates) {
            if (r.threshold() <= threshold && (best == null || r.threshold() > best.threshold())) {
                best = r;
            }
        }
        return best;
    }

    public byte[] toJson() throws IOException {
        return (MAPPER.writeValueAsString(this) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static CaseCalibration read(Path file) throws InputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage(), e);
        }
        CaseCalibration c;
        try {
            c = MAPPER.readValue(bytes, CaseCalibration.class);
        } catch (IOException e) {
            throw new InputException(file, "is not a voice calibration file (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (!FORMAT.equals(c.format())) {
            throw new InputException(file, "is not a voice calibration file (format " + c.format() + ", expected "
                    + FORMAT + ")");
        }
        if (c.population() == null || c.population().isBlank() || c.conditions() == null
                || c.conditions().isBlank()) {
            throw new InputException(file, "does not describe its population and conditions");
        }
        try {
            c.bandValue();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InputException(file, "names an unknown band " + c.band());
        }
        if (c.scorer() == null || c.speakers() == null || c.errorRates() == null || c.performance() == null
                || c.targetLog10Lr() == null || c.nonTargetLog10Lr() == null || c.targetScores() == null
                || c.nonTargetScores() == null || !Double.isFinite(c.slope()) || !Double.isFinite(c.offset())
                || !(c.minLog10Lr() < c.maxLog10Lr())) {
            throw new InputException(file, "is an incomplete voice calibration file (scorer, speakers, calibration, "
                    + "bounds, quantiles, performance and error rates are all required)");
        }
        return new CaseCalibration(c.format, c.tool, c.population, c.conditions, c.scorer, c.scorerMethod, c.band,
                c.minimumSnrDb, c.speakers, c.slope, c.offset, c.minLog10Lr, c.maxLog10Lr, c.targetTrials,
                c.nonTargetTrials, c.targetScores, c.nonTargetScores, c.targetLog10Lr, c.nonTargetLog10Lr,
                c.performance, c.errorRates, Hashing.sha256Hex(bytes));
    }

    /** One line for a report: population, conditions, file hash. */
    public String cite() {
        return "calibration " + sha256.substring(0, 16) + "… (population: " + population + "; conditions: "
                + conditions + "; " + speakers.size() + " speakers, " + targetTrials + " same-speaker and "
                + nonTargetTrials + " different-speaker trials)";
    }
}
