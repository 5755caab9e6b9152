package org.exhibit.sd.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.recipe.ComfyRecipe;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * ComfyUI API: {@code POST /prompt} with the graph, poll {@code GET /history/{prompt_id}} until the outputs are
 * there, fetch the first image with {@code GET /view}. ComfyUI validates the graph before queueing it: a
 * checkpoint or LoRA it does not have comes back as a node error ("value_not_in_list"), reported as a missing model.
 */
final class ComfyServer extends GeneratorServer {

    private static final Duration SHORT = Duration.ofSeconds(30);

    ComfyServer(URI base, Duration timeout, Duration pollInterval) {
        super(base, timeout, pollInterval);
    }

    @Override
    public Rendered render(GenerationRecord record, ReplayProgress progress) throws ReplayException {
        ObjectNode graph = ComfyRecipe.graph(record).graph();
        ObjectNode body = JSON.createObjectNode();
        body.set("prompt", graph);
        body.put("client_id", "exhibit-replay");
        String request;
        try {
            request = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<byte[]> queued = send(post("prompt", request), SHORT);
        JsonNode answer = json(queued, "/prompt");
        if (queued.statusCode() != 200) {
            throw new ReplayException(refusal(queued.statusCode(), answer));
        }
        String id = answer.path("prompt_id").asText("");
        if (id.isEmpty()) {
            throw new ReplayException("ComfyUI queued the graph without a prompt_id: " + answer);
        }
        progress.update("queued as " + id, 0);
        long deadline = System.nanoTime() + timeout.toNanos();
        long started = System.nanoTime();
        while (true) {
            JsonNode history = json(send(get("history/" + enc(id)), SHORT), "/history").path(id);
            if (!history.isMissingNode()) {
                String status = history.path("status").path("status_str").asText("");
                if (status.equals("error")) {
                    throw new ReplayException("ComfyUI failed to render the graph: " + history.path("status")
                            .path("messages"));
                }
                JsonNode image = firstImage(history.path("outputs"));
                if (image != null) {
                    progress.update("fetching " + image.path("filename").asText(), 1);
                    return new Rendered(view(image), modelOf(graph), request);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new ReplayException("ComfyUI did not finish prompt " + id + " within " + timeout.toSeconds()
                        + " s (--timeout)");
            }
            progress.update("rendering (" + (System.nanoTime() - started) / 1_000_000_000L + " s)", -1);
            sleep();
        }
    }

    private byte[] view(JsonNode image) throws ReplayException {
        String q = "view?filename=" + enc(image.path("filename").asText()) + "&subfolder="
                + enc(image.path("subfolder").asText("")) + "&type=" + enc(image.path("type").asText("output"));
        HttpResponse<byte[]> r = send(get(q), SHORT);
        if (r.statusCode() != 200) {
            throw new ReplayException("ComfyUI would not return the image (HTTP " + r.statusCode() + ")");
        }
        return r.body();
    }

    private static JsonNode firstImage(JsonNode outputs) {
        for (JsonNode node : outputs) {
            for (JsonNode image : node.path("images")) {
                if (image.hasNonNull("filename")) {
                    return image;
                }
            }
        }
        return null;
    }

    /** A validation error in words; a missing checkpoint/LoRA/VAE is named as such. */
    static String refusal(int status, JsonNode answer) {
        StringBuilder missing = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.path("node_errors").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (JsonNode err : e.getValue().path("errors")) {
                if (err.path("type").asText().equals("value_not_in_list")) {
                    missing.append(missing.length() == 0 ? "" : "; ").append(e.getValue().path("class_type").asText())
                            .append(" node ").append(e.getKey()).append(": ").append(err.path("details").asText());
                }
            }
        }
        if (missing.length() > 0) {
            return "model missing on the server: " + missing;
        }
        return "ComfyUI refused the graph (HTTP " + status + "): " + answer.path("error").path("message")
                .asText(answer.toString());
    }

    private static String modelOf(JsonNode graph) {
        for (JsonNode n : graph) {
            if (n.path("inputs").has("ckpt_name")) {
                return n.path("inputs").path("ckpt_name").asText();
            }
        }
        return null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
