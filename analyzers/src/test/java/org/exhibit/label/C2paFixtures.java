package org.exhibit.label;

import org.exhibit.fixtures.C2paBuilder;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Labels;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fixture per C2PA validation outcome, built in code; their c2pa-rs results are committed in
 * c2pa-reference.json. {@code -Dc2pa.dump=DIR} on C2paValidationTest writes them out to re-run the reference.
 */
final class C2paFixtures {

    static final String SRC = "http://cv.iptc.org/newscodes/digitalsourcetype/";
    static final String AI = SRC + "trainedAlgorithmicMedia";

    private C2paFixtures() {
    }

    static byte[] png(int seed) {
        return PngBuilder.rgb(Pictures.scene(40, 40, seed)).build();
    }

    static C2paBuilder gen() {
        return C2paBuilder.of("Exhibit Test Generator", AI);
    }

    /** File name (its extension is the format) to bytes. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put("valid.png", gen().png(png(1)));
        f.put("valid.jpg", gen().jpegSegment(700).jpeg(JpegBuilder.of(Pictures.scene(40, 40, 2)).build()));
        f.put("valid.webp", gen().webp(Labels.webpSimple()));
        byte[] pixels = gen().png(png(3));
        pixels[pixels.length - 20] ^= 0x01; // inside IDAT, outside the manifest
        f.put("pixel-changed.png", pixels);
        f.put("wrong-data-hash.png", gen().wrongDataHash().png(png(4)));
        f.put("wrong-assertion-hash.png", gen().wrongAssertionHash().png(png(5)));
        byte[] claim = gen().png(png(6));
        claim[LabelTestSupport.indexOf(claim, "exhibit test image")] = 'E'; // dc:title inside the signed claim
        f.put("claim-changed.png", claim);
        f.put("unsupported-alg.png", gen().coseAlgorithm(-65535).png(png(7)));
        f.put("expired-signer.png", gen().signer(C2paBuilder.Signer.ES256_EXPIRED).png(png(8)));
        f.put("no-eku-signer.png", gen().signer(C2paBuilder.Signer.ES256_NO_EKU).png(png(9)));
        f.put("ca-signer.png", gen().signer(C2paBuilder.Signer.ES256_CA).png(png(10)));
        f.put("self-signed-ed25519.png", gen().signer(C2paBuilder.Signer.ED25519_SELF_SIGNED).png(png(11)));
        f.put("unknown-claim-version.png", gen().claimLabel("c2pa.claim.v9").png(png(12)));
        f.put("ai-ingredient.png", C2paBuilder.of("Exhibit Photo Editor", null)
                .editOf("Exhibit Image Model", AI, null).png(png(13)));
        f.put("ai-composite-action.png", C2paBuilder.of("Exhibit Photo Editor", null)
                .editOf("Exhibit Camera", SRC + "digitalCapture", SRC + "compositeWithTrainedAlgorithmicMedia")
                .png(png(14)));
        return f;
    }

    static void dump(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : all().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(dir.resolve("trust.pem"), C2paBuilder.rootPem());
    }
}
