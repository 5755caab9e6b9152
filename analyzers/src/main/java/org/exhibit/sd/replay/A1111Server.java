package org.exhibit.sd.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.recipe.A1111Recipe;
import org.exhibit.sd.recipe.RecipeFields;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * AUTOMATIC1111 / Forge API ({@code --api}): {@code POST /sdapi/v1/txt2img} with the recipe, polling
 * {@code GET /sdapi/v1/progress} meanwhile. A1111 answers an unknown {@code sd_model_checkpoint} by rendering with
 * whatever model is loaded, so the returned {@code info} (sd_model_name, sd_model_hash, all_seeds) is checked.
 */
final class A1111Server extends GeneratorServer {

    A1111Server(URI base, Duration timeout, Duration pollInterval) {
        super(base, timeout, pollInterval);
    }

    @Override
    public Rendered render(GenerationRecord record, ReplayProgress progress) throws ReplayException {
        String payload;
        try {
            payload = JSON.writeValueAsString(A1111Recipe.payload(record));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(post("sdapi/v1/txt2img", payload)
                .timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
        progress.update("sent to " + base + "sdapi/v1/txt2img", 0);
        while (!call.isDone()) {
            sleep();
            if (!call.isDone()) {
                progress.update("rendering", pollProgress());
            }
        }
        HttpResponse<byte[]> response = result(call);
        JsonNode body = json(response, "txt2img");
        if (response.statusCode() == 404) {
            throw new ReplayException("no A1111 API at " + base + " (HTTP 404): start the webui with --api");
        }
        if (response.statusCode() != 200) {
            throw new ReplayException("the server refused the payload (HTTP " + response.statusCode() + "): "
                    + firstText(body, "detail", "error", "errors"));
        }
        JsonNode images = body.path("images");
        if (!images.isArray() || images.isEmpty()) {
            throw new ReplayException("the server answered without an image");
        }
        JsonNode info = parseInfo(body.path("info"));
        String used = info.path("sd_model_name").asText(null);
        checkModel(record, used, info.path("sd_model_hash").asText(null));
        JsonNode seeds = info.path("all_seeds");
        if (record.seed() != null && seeds.isArray() && !seeds.isEmpty() && seeds.get(0).asLong() != record.seed()) {
            throw new ReplayException("the server rendered seed " + seeds.get(0).asLong() + ", not " + record.seed());
        }
        progress.update("received the image", 1);
        byte[] png;
        try {
            String b64 = images.get(0).asText();
            png = Base64.getDecoder().decode(b64.substring(b64.indexOf(',') + 1));
        } catch (IllegalArgumentException e) {
            throw new ReplayException("the server's image is not base64", e);
        }
        return new Rendered(png, used, payload);
    }

    /** The server's own progress, 0..1, or -1 when it does not say (progress is a courtesy, never a failure). */
    private double pollProgress() {
        try {
            HttpResponse<byte[]> r = send(get("sdapi/v1/progress?skip_current_image=true"), Duration.ofSeconds(5));
            return r.statusCode() == 200 ? JSON.readTree(r.body()).path("progress").asDouble(-1) : -1;
        } catch (ReplayException | IOException e) {
            return -1;
        }
    }

    private static void checkModel(GenerationRecord record, String usedName, String usedHash) throws ReplayException {
        String wanted = RecipeFields.of(record).model();
        if (wanted == null || usedName == null) {
            return;
        }
        boolean nameMatches = wanted.toLowerCase(Locale.ROOT).equals(usedName.toLowerCase(Locale.ROOT));
        String hash = record.modelHash();
        boolean hashMatches = hash != null && usedHash != null && !usedHash.isEmpty()
                && (hash.toLowerCase(Locale.ROOT).startsWith(usedHash.toLowerCase(Locale.ROOT))
                || usedHash.toLowerCase(Locale.ROOT).startsWith(hash.toLowerCase(Locale.ROOT)));
        if (!nameMatches && !hashMatches) {
            throw new ReplayException("model missing on the server: the record asks for '" + wanted + "'"
                    + (hash == null ? "" : " (hash " + hash + ")") + " but the server rendered with '" + usedName
                    + "'" + (usedHash == null ? "" : " (hash " + usedHash + ")") + "; A1111 ignores an unknown "
                    + "checkpoint silently, so the image would not be a reproduction");
        }
    }

    private static JsonNode parseInfo(JsonNode info) throws ReplayException {
        if (info.isTextual()) {
            try {
                return JSON.readTree(info.asText());
            } catch (IOException e) {
                throw new ReplayException("the server's info is not JSON", e);
            }
        }
        return info;
    }

    private HttpResponse<byte[]> result(CompletableFuture<HttpResponse<byte[]>> call) throws ReplayException {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while waiting for " + base, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof java.net.http.HttpTimeoutException) {
                throw new ReplayException("the server at " + base + " did not finish within " + timeout.toSeconds()
                        + " s (--timeout)", c);
            }
            if (c instanceof java.net.ConnectException) {
                throw new ReplayException("cannot reach the server at " + base + " (connection refused or no route): "
                        + "is the generator running with its API enabled?", c);
            }
            throw new ReplayException("cannot talk to the server at " + base + ": " + oneLine(c), c);
        }
    }

    static String firstText(JsonNode body, String... keys) {
        for (String k : keys) {
            if (body.hasNonNull(k)) {
                return body.get(k).isTextual() ? body.get(k).asText() : body.get(k).toString();
            }
        }
        return body.toString();
    }
}
