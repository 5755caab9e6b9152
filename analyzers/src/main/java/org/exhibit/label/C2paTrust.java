package org.exhibit.label;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A C2PA trust list the user gives: PEM files of trust anchors (root or intermediate certificates, or signer
 * certificates themselves). A signer whose chain reaches one is reported {@code signingCredential.trusted}; without
 * a list, trust is "not checked". The C2PA Trust List itself is not built in: the user chooses whom to trust.
 */
public final class C2paTrust {

    private C2paTrust() {
    }

    public static List<X509Certificate> load(List<Path> pemFiles) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        for (Path p : pemFiles) {
            out.addAll(parse(Files.readString(p, StandardCharsets.US_ASCII), p.toString()));
        }
        return out;
    }

    public static List<X509Certificate> parse(String pem, String where) throws IOException {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException(where + ": no PEM certificate in it");
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IOException(where + ": not a PEM certificate file (" + e.getMessage() + ")", e);
        }
    }
}
