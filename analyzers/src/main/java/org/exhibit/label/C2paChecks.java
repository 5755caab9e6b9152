package org.exhibit.label;

import java.util.ArrayList;
import java.util.List;

/** Collects one manifest's validation statuses while it is checked (c2pa-rs's StatusTracker, in small). */
final class C2paChecks {

    final List<C2paStatus> success = new ArrayList<>();
    final List<C2paStatus> informational = new ArrayList<>();
    final List<C2paStatus> failure = new ArrayList<>();

    void pass(String code, String url, String explanation) {
        success.add(new C2paStatus(code, url, explanation));
    }

    void info(String code, String url, String explanation) {
        informational.add(new C2paStatus(code, url, explanation));
    }

    void fail(String code, String url, String explanation) {
        failure.add(new C2paStatus(code, url, explanation));
    }

    boolean failed(String code) {
        return failure.stream().anyMatch(s -> s.code().equals(code));
    }

    /** Tampered when a performed cryptographic check failed; could-not-validate for any other failure but trust. */
    String outcome() {
        if (failure.stream().anyMatch(s -> C2paStatus.TAMPER_CODES.contains(s.code()))) {
            return C2paManifest.TAMPERED;
        }
        if (failure.stream().anyMatch(s -> !C2paStatus.TRUST_CODES.contains(s.code()))) {
            return C2paManifest.COULD_NOT_VALIDATE;
        }
        return C2paManifest.VALID;
    }
}
