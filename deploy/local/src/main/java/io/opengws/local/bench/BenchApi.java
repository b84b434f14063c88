package io.opengws.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The provisioning calls a benchmark needs, through the public API as an operator makes them. */
final class BenchApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String origin;

    BenchApi(String origin) {
        this.origin = origin;
    }

    /** {@code --name value} pairs over {@code defaults}; an unknown name is refused with the known ones. */
    static Map<String, Integer> integerOptions(java.util.List<String> arguments, Map<String, Integer> defaults) {
        Map<String, Integer> values = new java.util.LinkedHashMap<>(defaults);
        for (int i = 0; i + 1 < arguments.size(); i += 2) {
            String name = arguments.get(i).replaceFirst("^--", "");
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; options: " + values.keySet());
            }
            values.put(name, Integer.parseInt(arguments.get(i + 1)));
        }
        return values;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    JsonNode post(String path, String authorization, Map<String, Object> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200 || answer.path("statusCode").asInt(-1) != 0) {
            throw new IllegalStateException("POST " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return answer;
    }
}
