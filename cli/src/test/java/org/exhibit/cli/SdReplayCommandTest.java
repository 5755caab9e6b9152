package org.exhibit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.SdInfotext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay against an in-test server speaking A1111's API shape: no real generator runs on CI. */
class SdReplayCommandTest {

    @TempDir
    Path dir;

    @Test
    void replaysAgainstAnA1111ApiAndWritesTheReportWithItsFigure() throws Exception {
        byte[] image = PngBuilder.rgb(Pictures.scene(64, 96, 5)).build();
        Path claimed = dir.resolve("00012-2692150200.png");
        Files.write(claimed, PngBuilder.rgb(Pictures.scene(64, 96, 5))
                .text("parameters", SdInfotext.liVLiu().text()).build());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ObjectMapper json = new ObjectMapper();
        server.createContext("/sdapi/v1/txt2img", ex -> {
            var req = json.readTree(ex.getRequestBody());
            boolean ok = req.path("override_settings").path("sd_model_checkpoint").asText().equals("AsiaFacemix-pruned-fix")
                    && req.path("seed").asLong() == 2692150200L;
            String info = "{\"sd_model_name\":\"AsiaFacemix-pruned-fix\",\"sd_model_hash\":\"6ea5e0b5f9\",\"all_seeds\":["
                    + req.path("seed").asLong() + "]}";
            byte[] body = ok ? ("{\"images\":[\"" + Base64.getEncoder().encodeToString(image) + "\"],\"info\":"
                    + json.writeValueAsString(info) + "}").getBytes(StandardCharsets.UTF_8)
                    : "{\"detail\":\"unexpected request\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(ok ? 200 : 422, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            Path reports = dir.resolve("replay");
            var run = CliTestSupport.run("sd", "replay", claimed.toString(), "--server",
                    "http://127.0.0.1:" + server.getAddress().getPort(), "--format", "json", "--out",
                    reports.resolve("report.json").toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("exhibit: replay: rendering the recorded settings"), run.err());
            assertTrue(Files.exists(reports.resolve("figures/sd-replay.png")));
            String report = Files.readString(reports.resolve("report.json"));
            assertTrue(report.contains("\"rule\" : \"sd.replay\""), report);
            assertTrue(report.contains("pixel for pixel"), report);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unreachableServerIsOneLineAndExitCode3() throws Exception {
        Path claimed = dir.resolve("a.png");
        Files.write(claimed, PngBuilder.rgb(Pictures.scene(64, 96, 5)).text("parameters", SdInfotext.liVLiu().text()).build());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var run = CliTestSupport.run("sd", "replay", claimed.toString(), "--server", "http://127.0.0.1:" + port);
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("exhibit: replay: cannot reach the server"), run.err());
        assertEquals(2, CliTestSupport.run("sd", "replay", claimed.toString(), "--server", "ftp://x").exitCode());
    }
}
