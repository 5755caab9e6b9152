package org.exhibit.sd.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * In-test HTTP servers that speak the documented A1111 and ComfyUI API shapes (no real generator runs on CI):
 * they validate each request and answer with an image the test chooses.
 */
final class FakeGenerators implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpServer server;
    final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger progressPolls = new AtomicInteger();

    private FakeGenerators(HttpServer server) {
        this.server = server;
        // handlers on their own (daemon) threads, so progress is answered while txt2img is still rendering
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-generator");
            t.setDaemon(true);
            return t;
        }));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static byte[] png(long seed) {
        return PngBuilder.rgb(Pictures.scene(64, 64, seed)).build();
    }

    /**
     * An A1111 API: txt2img answers after {@code delayMs}; {@code image} maps the request to the PNG returned;
     * {@code modelLoaded} is what it reports in info (A1111 renders with the loaded model whatever was asked).
     */
    static FakeGenerators a1111(Function<JsonNode, byte[]> image, String modelLoaded, long delayMs) throws IOException {
        FakeGenerators f = new FakeGenerators(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        f.server.createContext("/sdapi/v1/txt2img", ex -> {
            JsonNode req = JSON.readTree(ex.getRequestBody());
            f.requests.add(req);
            if (!ex.getRequestMethod().equals("POST") || !req.path("prompt").isTextual() || !req.has("seed")
                    || !req.path("override_settings").has("sd_model_checkpoint") || !req.has("sampler_name")) {
                reply(ex, 422, "{\"detail\":\"field required\"}");
                return;
            }
            sleep(delayMs);
            ObjectNode info = JSON.createObjectNode();
            info.put("sd_model_name", modelLoaded).put("sd_model_hash", "0000000000");
            info.putArray("all_seeds").add(req.get("seed").asLong());
            ObjectNode body = JSON.createObjectNode();
            body.putArray("images").add(Base64.getEncoder().encodeToString(image.apply(req)));
            body.set("parameters", req);
            body.put("info", JSON.writeValueAsString(info));
            reply(ex, 200, JSON.writeValueAsString(body));
        });
        f.server.createContext("/sdapi/v1/progress", ex -> {
            f.progressPolls.incrementAndGet();
            reply(ex, 200, "{\"progress\":0.5,\"eta_relative\":1.0}");
        });
        f.server.start();
        return f;
    }

    /** A ComfyUI API with {@code available} checkpoints; history is empty for the first poll, as when queued. */
    static FakeGenerators comfy(Function<JsonNode, byte[]> image, List<String> available) throws IOException {
        FakeGenerators f = new FakeGenerators(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        List<byte[]> outputs = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger polls = new AtomicInteger();
        f.server.createContext("/prompt", ex -> {
            JsonNode req = JSON.readTree(ex.getRequestBody());
            f.requests.add(req);
            JsonNode graph = req.path("prompt");
            boolean sampler = false;
            for (var it = graph.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode in = e.getValue().path("inputs");
                if (!e.getValue().has("class_type")) {
                    reply(ex, 400, "{\"error\":{\"type\":\"invalid_prompt\",\"message\":\"Cannot execute because a node is missing the class_type property.\"},\"node_errors\":{}}");
                    return;
                }
                sampler |= e.getValue().path("class_type").asText().equals("KSampler") && in.has("seed");
                if (in.has("ckpt_name") && !available.contains(in.get("ckpt_name").asText())) {
                    reply(ex, 400, "{\"error\":{\"type\":\"prompt_outputs_failed_validation\",\"message\":\"Prompt outputs failed validation\"},"
                            + "\"node_errors\":{\"" + e.getKey() + "\":{\"errors\":[{\"type\":\"value_not_in_list\",\"message\":\"Value not in list\","
                            + "\"details\":\"ckpt_name: '" + in.get("ckpt_name").asText() + "' not in " + available + "\"}],"
                            + "\"class_type\":\"CheckpointLoaderSimple\"}}}");
                    return;
                }
            }
            if (!sampler) {
                reply(ex, 400, "{\"error\":{\"type\":\"prompt_no_outputs\",\"message\":\"Prompt has no outputs\"},\"node_errors\":{}}");
                return;
            }
            outputs.add(image.apply(graph));
            reply(ex, 200, "{\"prompt_id\":\"p" + outputs.size() + "\",\"number\":0,\"node_errors\":{}}");
        });
        f.server.createContext("/history/", ex -> {
            String id = ex.getRequestURI().getPath().substring("/history/".length());
            if (polls.incrementAndGet() % 2 == 1) {
                reply(ex, 200, "{}");
                return;
            }
            reply(ex, 200, "{\"" + id + "\":{\"outputs\":{\"9\":{\"images\":[{\"filename\":\"exhibit-replay_" + id
                    + ".png\",\"subfolder\":\"\",\"type\":\"output\"}]}},\"status\":{\"status_str\":\"success\",\"completed\":true}}}");
        });
        f.server.createContext("/view", ex -> {
            String q = ex.getRequestURI().getQuery();
            int n = Integer.parseInt(q.replaceAll(".*exhibit-replay_p(\\d+)\\.png.*", "$1"));
            ex.sendResponseHeaders(200, outputs.get(n - 1).length);
            ex.getResponseBody().write(outputs.get(n - 1));
            ex.close();
        });
        f.server.start();
        return f;
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
