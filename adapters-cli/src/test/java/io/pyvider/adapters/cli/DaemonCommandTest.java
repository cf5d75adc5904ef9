package io.pyvider.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonCommandTest {

  @TempDir
  Path temporary;

  private static JsonNode json(CliHarness.Result result) throws IOException {
    return new ObjectMapper().readTree(result.out());
  }

  @Test
  void status_prints_the_running_daemon() {
    CliHarness.Result result = new CliHarness(temporary).run("daemon", "status");

    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertEquals("", result.err());
    assertEquals("""
        The provider daemon is running for this build.
          pid           4242 (127.0.0.1:40123)
          uptime        5m12s
          build         ac17be29f00d4a51-6c9bbc01
          sessions      57 served, 1 open (at most 32 at once)
          memory        90 MB resident
          warm-up       done
          idle timeout  1h (it exits after that long without a session)
          directory     /run/user/1000/pyvider/ac17be29f00d4a51-6c9bbc01
        """, result.out());
  }

  @Test
  void status_json_has_every_field() throws IOException {
    CliHarness.Result result = new CliHarness(temporary).run("daemon", "status", "--json");

    assertEquals(ExitCodes.OK, result.code(), result.err());
    JsonNode document = json(result);
    assertTrue(document.get("running").asBoolean());
    assertEquals(4242, document.get("pid").asLong());
    assertEquals(40123, document.get("port").asInt());
    assertEquals(312, document.get("uptime_seconds").asLong());
    assertEquals("5m12s", document.get("uptime").asText());
    assertEquals("ac17be29f00d4a51-6c9bbc01", document.get("build_key").asText());
    assertEquals(57, document.get("sessions_served").asLong());
    assertEquals(1, document.get("sessions_open").asInt());
    assertEquals(32, document.get("max_sessions").asInt());
    assertEquals(3600, document.get("idle_timeout_seconds").asLong());
    assertEquals("1h", document.get("idle_timeout").asText());
    assertEquals(92_160, document.get("rss_kilobytes").asLong());
    assertEquals(ScriptedDaemon.DIRECTORY, document.get("directory").asText());
    assertEquals("done", document.get("warm_up").asText());
  }

  @Test
  void status_with_none_running_says_the_next_launch_starts_one_and_succeeds() {
    CliHarness cli = new CliHarness(temporary);
    cli.daemon.status = null;
    CliHarness.Result result = cli.run("daemon", "status");

    assertEquals(ExitCodes.OK, result.code());
    assertEquals("No daemon is running for this build (directory " + ScriptedDaemon.DIRECTORY + "); the next "
        + "Terraform launch starts one.\n", result.out());
    assertEquals("", result.err());
  }

  @Test
  void status_with_none_running_and_the_daemon_switched_off_says_launches_start_directly() {
    CliHarness cli = new CliHarness(temporary);
    cli.daemon.status = null;
    cli.environment.put("PYVIDER_DAEMON", "off");
    assertTrue(cli.run("daemon", "status").out().contains("PYVIDER_DAEMON=off is set here, so launches from this "
        + "environment start the JVM directly."));
  }

  @Test
  void status_json_with_none_running_is_running_false() throws IOException {
    CliHarness cli = new CliHarness(temporary);
    cli.daemon.status = null;
    CliHarness.Result result = cli.run("daemon", "status", "--json");

    assertEquals(ExitCodes.OK, result.code());
    JsonNode document = json(result);
    assertFalse(document.get("running").asBoolean());
    assertEquals(ScriptedDaemon.DIRECTORY, document.get("directory").asText());
    assertEquals(2, document.size(), result.out());
  }

  @Test
  void unknown_memory_is_said_so() throws IOException {
    CliHarness cli = new CliHarness(temporary);
    DaemonStatus s = ScriptedDaemon.running();
    cli.daemon.status = new DaemonStatus(s.pid(), s.port(), s.uptimeSeconds(), s.buildKey(), s.sessionsServed(),
        s.sessionsOpen(), s.maxSessions(), s.idleTimeoutSeconds(), -1, s.directory(), s.warmUp());
    assertTrue(cli.run("daemon", "status").out().contains("  memory        unknown"));
    assertTrue(json(cli.run("daemon", "status", "--json")).get("rss_kilobytes").isNull());
  }

  @Test
  void stop_stops_the_running_daemon() {
    CliHarness cli = new CliHarness(temporary);
    CliHarness.Result result = cli.run("daemon", "stop");

    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertEquals(1, cli.daemon.stopRequests);
    assertEquals("Stopped the provider daemon (pid 4242, up 5m12s, 57 sessions served).\n"
        + "The next Terraform launch starts a new one.\n", result.out());
    assertEquals("", result.err());
  }

  @Test
  void stop_with_open_sessions_says_they_finish_first() {
    CliHarness cli = new CliHarness(temporary);
    cli.daemon.openWhenStopped = 2;
    CliHarness.Result result = cli.run("daemon", "stop");
    assertEquals(ExitCodes.OK, result.code());
    assertTrue(result.out().startsWith("Asked the provider daemon (pid 4242, up 5m12s, 57 sessions served) to "
        + "stop: it accepts no new sessions and exits when its 2 open sessions end.\n"), result.out());
  }

  @Test
  void stop_json_says_what_was_stopped() throws IOException {
    CliHarness.Result result = new CliHarness(temporary).run("daemon", "stop", "--json");
    JsonNode document = json(result);
    assertTrue(document.get("stopped").asBoolean());
    assertEquals(4242, document.get("pid").asLong());
    assertEquals(0, document.get("sessions_open").asInt());
  }

  @Test
  void stop_with_none_running_has_nothing_to_do_and_succeeds() throws IOException {
    CliHarness cli = new CliHarness(temporary);
    cli.daemon.status = null;
    CliHarness.Result result = cli.run("daemon", "stop");
    assertEquals(ExitCodes.OK, result.code());
    assertEquals("No daemon is running for this build (directory " + ScriptedDaemon.DIRECTORY + "); nothing to "
        + "stop.\n", result.out());

    JsonNode document = json(cli.run("daemon", "stop", "--json"));
    assertFalse(document.get("stopped").asBoolean());
    assertEquals(ScriptedDaemon.DIRECTORY, document.get("directory").asText());
  }

  @Test
  void an_unknown_directory_is_a_one_line_error() {
    for (String verb : new String[] {"status", "stop"}) {
      CliHarness cli = new CliHarness(temporary);
      cli.daemon.directory = Optional.empty();
      CliHarness.Result result = cli.run("daemon", verb, "--json");
      assertEquals(ExitCodes.ERROR, result.code());
      assertEquals("", result.out());
      TokensAuditCommandTest.assertOneLine(result.err());
      assertTrue(result.err().startsWith("Error: the daemon's directory is unknown: run this command through the "
          + "terraform-provider-pyvider launcher"), result.err());
      assertEquals(0, cli.daemon.stopRequests);
    }
  }

  @Test
  void a_refused_directory_or_a_stranger_on_the_port_is_a_one_line_error() {
    for (String problem : new String[] {"the daemon directory is refused: /run/user/1000/pyvider/x has mode "
        + "rwxr-xr-x; it must be rwx------ (0700)", "the process on port 40123 is not this user's daemon"}) {
      for (String verb : new String[] {"status", "stop"}) {
        CliHarness cli = new CliHarness(temporary);
        cli.daemon.failure = new IOException(problem);
        CliHarness.Result result = cli.run("daemon", verb);
        assertEquals(ExitCodes.ERROR, result.code());
        assertEquals("", result.out());
        assertEquals("Error: " + problem + "\n", result.err());
      }
    }
  }

  @Test
  void a_failure_without_a_message_is_still_plain_words() {
    for (IOException failure : List.of(new IOException(), new ConnectException(),
        new IOException(new SocketTimeoutException("Read timed out")))) {
      CliHarness cli = new CliHarness(temporary);
      cli.daemon.failure = failure;
      CliHarness.Result result = cli.run("daemon", "status");
      assertEquals(ExitCodes.ERROR, result.code());
      TokensAuditCommandTest.assertOneLine(result.err());
    }
  }

  @Test
  void help_documents_the_daemon_exit_codes() {
    CliHarness.Result result = new CliHarness(temporary).run("daemon", "status", "--help");
    assertTrue(result.out().contains("also when no daemon is running"), result.out());
    assertTrue(new CliHarness(temporary).run("daemon", "--help").out().contains("  stop "));
  }

  @Test
  void the_daemon_command_alone_is_a_usage_error() {
    CliHarness.Result result = new CliHarness(temporary).run("daemon", "restart");
    assertEquals(ExitCodes.USAGE, result.code());
    TokensAuditCommandTest.assertOneLine(result.err());
  }

  @Test
  void the_status_answer_parses_and_malformed_answers_are_named() throws IOException {
    DaemonStatus status = DaemonStatus.parseJson("{\"pid\":123,\"port\":40000,\"uptime_s\":12,\"build_key\":"
        + "\"ac17-6c9bbc01\",\"sessions_served\":5,\"sessions_open\":1,\"max_sessions\":32,\"idle_timeout_s\":3600,"
        + "\"rss_kb\":90000,\"directory\":\"/path\",\"warm_up\":\"running\",\"added_later\":true}");
    assertEquals(new DaemonStatus(123, 40000, 12, "ac17-6c9bbc01", 5, 1, 32, 3600, 90000, "/path", "running"), status);
    // A daemon that says nothing of its warm-up (an older build's) is still shown.
    assertEquals("unknown", DaemonStatus.parseJson("{\"pid\":1,\"port\":2,\"uptime_s\":3,\"build_key\":\"k\","
        + "\"sessions_served\":0,\"sessions_open\":0,\"max_sessions\":1,\"idle_timeout_s\":1,\"rss_kb\":1,"
        + "\"directory\":\"/d\"}").warmUp());
    assertEquals(0, status.stopping("{\"stopping\":true,\"sessions_open\":0}").sessionsOpen());

    for (String garbled : List.of("{\"pid\":", "{\"pid\": x}", "{,}")) {
      String message = assertThrows(IOException.class, () -> DaemonStatus.parseJson(garbled)).getMessage();
      assertTrue(message.startsWith("the daemon's status answer is not JSON"), message);
      TokensAuditCommandTest.assertPlainWords(message);
    }
    assertEquals("the daemon's status answer is not a JSON object",
        assertThrows(IOException.class, () -> DaemonStatus.parseJson("[1]")).getMessage());
    assertEquals("the daemon's answer has no whole number \"pid\"",
        assertThrows(IOException.class, () -> DaemonStatus.parseJson("{\"pid\":\"123\"}")).getMessage());
    assertTrue(assertThrows(IOException.class, () -> status.stopping("{\"stopping\":false}")).getMessage()
        .startsWith("the daemon did not agree to stop"));
  }
}
