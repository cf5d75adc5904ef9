package io.pyvider.adapters.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What the provider daemon says about itself ({@code daemon status}): the JVM that serves Terraform's launches for this
 * build. {@code rssKilobytes} is -1 where the daemon cannot measure it (no /proc). {@code warmUp} is where its JIT
 * warm-up stands (none, pending, running, done, stopped, failed). Parsed here, where Jackson is, from the one-line JSON
 * the daemon answers.
 */
public record DaemonStatus(long pid, int port, long uptimeSeconds, String buildKey, long sessionsServed,
    int sessionsOpen, int maxSessions, long idleTimeoutSeconds, long rssKilobytes, String directory, String warmUp) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses the daemon's status answer; fails with a message naming what is missing or wrong. */
  public static DaemonStatus parseJson(String json) throws IOException {
    JsonNode root = object(json, "status");
    return new DaemonStatus(integer(root, "pid"), (int) integer(root, "port"), integer(root, "uptime_s"),
        text(root, "build_key"), integer(root, "sessions_served"), (int) integer(root, "sessions_open"),
        (int) integer(root, "max_sessions"), integer(root, "idle_timeout_s"), integer(root, "rss_kb"),
        text(root, "directory"), root.path("warm_up").isTextual() ? root.get("warm_up").textValue() : "unknown");
  }

  /**
   * This status updated with the daemon's answer to {@code stop} ({@code {"stopping":true,"sessions_open":N}}): the
   * sessions still open, which the daemon lets finish before it exits.
   */
  public DaemonStatus stopping(String stopAnswerJson) throws IOException {
    JsonNode root = object(stopAnswerJson, "stop");
    if (!root.path("stopping").asBoolean(false)) {
      throw new IOException("the daemon did not agree to stop: " + stopAnswerJson.strip());
    }
    return new DaemonStatus(pid, port, uptimeSeconds, buildKey, sessionsServed, (int) integer(root, "sessions_open"),
        maxSessions, idleTimeoutSeconds, rssKilobytes, directory, warmUp);
  }

  private static JsonNode object(String json, String verb) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(json == null ? "" : json);
    } catch (JsonProcessingException malformed) {
      throw new IOException("the daemon's " + verb + " answer is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new IOException("the daemon's " + verb + " answer is not a JSON object");
    }
    return root;
  }

  private static long integer(JsonNode root, String field) throws IOException {
    JsonNode value = root.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IOException("the daemon's answer has no whole number \"" + field + "\"");
    }
    return value.longValue();
  }

  private static String text(JsonNode root, String field) throws IOException {
    JsonNode value = root.get(field);
    if (value == null || !value.isTextual()) {
      throw new IOException("the daemon's answer has no string \"" + field + "\"");
    }
    return value.textValue();
  }
}
