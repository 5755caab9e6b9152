package org.exhibit.voice;

/**
 * The two propositions every voice finding weighs. A likelihood ratio means nothing without them: Hd names the
 * population the "different speaker" is drawn from, and that population is the one the calibration describes.
 *
 * @param prosecution Hp, in words
 * @param defence     Hd, in words
 */
public record Propositions(String prosecution, String defence) {

    public static Propositions of(String suspect, String population) {
        return new Propositions("Hp: " + suspect + " is of the speaker heard in the reference recordings.",
                "Hd: " + suspect + " is of a different speaker, drawn from " + population + ".");
    }

    /** "Hp: …; Hd: …" on one line. */
    public String sentence() {
        return prosecution + " " + defence;
    }
}
