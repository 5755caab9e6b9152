package org.exhibit.similarity;

import java.awt.image.BufferedImage;

/**
 * The slot for a learned image embedding (CLIP, DINOv2, SSCD copy-detection descriptors...), which would measure
 * semantic and stylistic similarity that pixel and keypoint methods miss (a re-drawn or re-generated picture).
 * No implementation ships: no package reachable from this build carries such weights (see the project's
 * models notes), and the analyzer says so in its limitations rather than pretending. An implementation would
 * load its ONNX file through {@code org.exhibit.models}, state its model in the report's {@code models}, and
 * have its threshold measured by the similarity benchmark like every other method.
 */
public interface EmbeddingSimilarity {

    /** Stable id of the model and its version, as the report names it. */
    String model();

    /** A unit-length embedding of the image. */
    float[] embed(BufferedImage image);

    /** Cosine similarity of two embeddings from {@link #embed}. */
    default double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }
}
