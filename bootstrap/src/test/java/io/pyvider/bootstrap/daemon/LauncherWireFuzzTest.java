package io.pyvider.bootstrap.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pyvider.adapters.grpc.plugin.PluginEnvironment;
import io.pyvider.application.fuzz.HostileInput;
import io.pyvider.application.port.out.Environment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * What the daemon reads from a connection, as any local process can send it (LauncherWireFuzzTestInputs/ holds
 * requests as the launcher writes them): the greeting, the token, the verb and a session request are read, or the
 * connection is dropped with an {@link IOException} (a {@link LauncherWire.ProtocolException} or end of input); never
 * another exception, never more memory than the request's size warrants. A session's environment then reads as
 * go-plugin's handshake environment without throwing.
 */
class LauncherWireFuzzTest {

  @FuzzTest
  void read(byte[] connection) throws Exception {
    ByteArrayOutputStream acknowledgements = new ByteArrayOutputStream();
    LauncherWire wire = new LauncherWire(
        LauncherWire.acknowledging(new ByteArrayInputStream(connection), acknowledgements));
    Optional<SessionRequest> request = HostileInput.decodeOrRefuse(connection.length, IOException.class, () -> {
      assertEquals(LauncherWire.CHALLENGE_BYTES, wire.readGreeting().length);
      wire.readField(); // the token
      return "session".equals(wire.readField()) ? Optional.of(wire.readSession()) : Optional.<SessionRequest>empty();
    }).flatMap(session -> session);
    assertTrue(acknowledgements.toString().chars().allMatch(c -> c == '\n'));
    if (request.isPresent()) {
      SessionRequest session = request.get();
      assertTrue(session.arguments().size() <= LauncherWire.MAX_ARGUMENTS);
      assertTrue(session.environment().size() <= LauncherWire.MAX_VARIABLES);
      assertFalse(session.environment().containsKey(""));
      PluginEnvironment.read(Environment.of(session.environment())).toString();
    }
  }
}
