package org.exhibit.sd.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.sd.GenerationRecord;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A running generator reached over HTTP ({@link java.net.http.HttpClient}): renders a record and returns the PNG
 * with what the server says it did. Every failure becomes a {@link ReplayException} in plain words.
 */
public abstract class GeneratorServer {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The server's API. */
    public enum Api { A1111, COMFYUI }

    /**
     * @param png       the image the server returned
     * @param modelUsed the checkpoint the server reports having used (null when it does not say)
     * @param request   what was sent (JSON), for the report
     */
    public record Rendered(byte[] png, String modelUsed, String request) {
    }

    protected final URI base;
    protected final Duration timeout;
    protected final HttpClient http;
    protected final Duration pollInterval;

    protected GeneratorServer(URI base, Duration timeout, Duration pollInterval) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static GeneratorServer connect(Api api, URI base, Duration timeout) {
        return connect(api, base, timeout, Duration.ofSeconds(1));
    }

    static GeneratorServer connect(Api api, URI base, Duration timeout, Duration pollInterval) {
        String scheme = base.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("server URL must be http:// or https://, not " + base);
        }
        return api == Api.A1111 ? new A1111Server(base, timeout, pollInterval)
                : new ComfyServer(base, timeout, pollInterval);
    }

    /** Renders the record, checking that the server used the record's model. */
    public abstract Rendered render(GenerationRecord record, ReplayProgress progress) throws ReplayException;

    protected HttpResponse<byte[]> send(HttpRequest.Builder request, Duration limit) throws ReplayException {
        HttpRequest r = request.timeout(limit).build();
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ReplayException("the server at " + base + " did not answer " + r.uri().getPath() + " within "
                    + limit.toSeconds() + " s (--timeout)", e);
        } catch (ConnectException e) {
            throw new ReplayException("cannot reach the server at " + base + " (connection refused or no route): "
                    + "is the generator running with its API enabled?", e);
        } catch (IOException e) {
            throw new ReplayException("cannot talk to the server at " + base + ": " + oneLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while waiting for " + base, e);
        }
    }

    protected JsonNode json(HttpResponse<byte[]> response, String what) throws ReplayException {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ReplayException("the server's answer to " + what + " is not JSON (HTTP " + response.statusCode()
                    + "): is " + base + " really this kind of server?", e);
        }
    }

    protected HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    protected HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).GET();
    }

    protected void sleep() throws ReplayException {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while waiting for " + base, e);
        }
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.replaceAll("\\s+", " ");
    }
}
