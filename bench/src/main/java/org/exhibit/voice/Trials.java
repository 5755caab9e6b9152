package org.exhibit.voice;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores of every same-speaker pair and every different-speaker pair of a labelled clip set.
 *
 * @param targets    cosine scores of same-speaker pairs
 * @param nonTargets cosine scores of different-speaker pairs
 */
public record Trials(double[] targets, double[] nonTargets) {

    public static Trials of(VoiceBackend backend, List<SyntheticCorpus.Clip> clips) {
        List<double[]> emb = new ArrayList<>();
        for (SyntheticCorpus.Clip c : clips) {
            emb.add(backend.embed(c.voiceprint()));
        }
        List<Double> t = new ArrayList<>();
        List<Double> n = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            for (int j = i + 1; j < clips.size(); j++) {
                double s = VoiceBackend.cosine(emb.get(i), emb.get(j));
                (clips.get(i).speaker() == clips.get(j).speaker() ? t : n).add(s);
            }
        }
        return new Trials(t.stream().mapToDouble(Double::doubleValue).toArray(),
                n.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
