package io.pyvider.bootstrap.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the daemon accepts from a connection before and after the token check, and what it refuses. */
class LauncherWireTest {

  private static final String CHALLENGE = "00112233445566778899aabbccddeeff";

  private static LauncherWire wire(String text) {
    return new LauncherWire(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void a_launcher_request_carries_newlines_and_equals_signs_in_values_unchanged() throws IOException {
    String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    LauncherWire wire = wire("PYVIDER-DAEMON 1 " + CHALLENGE + "\n" + "token\0session\0key-1\0/work/dir\0" + "0\0"
        + "3\0PLUGIN_CLIENT_CERT=" + pem + "\0EMPTY=\0WITH_EQUALS=a=b\0");
    assertArrayEquals(HexFormat.of().parseHex(CHALLENGE), wire.readGreeting());
    assertEquals("token", wire.readField());
    assertEquals("session", wire.readField());
    SessionRequest request = wire.readSession();
    assertEquals("key-1", request.buildKey());
    assertEquals("/work/dir", request.workingDirectory());
    assertEquals(List.of(), request.arguments());
    assertEquals(Map.of("PLUGIN_CLIENT_CERT", pem, "EMPTY", "", "WITH_EQUALS", "a=b"), request.environment());
  }

  @Test
  void the_request_never_prints_the_environment() throws IOException {
    SessionRequest request = new SessionRequest("k", "/d", List.of(), Map.of("AWS_SECRET_ACCESS_KEY", "hunter2"));
    assertFalse(request.toString().contains("hunter2"));
    assertTrue(request.toString().contains("1 environment variable"));
  }

  @Test
  void anything_but_the_greeting_is_refused_before_a_byte_more_is_read() {
    for (String greeting : List.of("GET / HTTP/1.1\r\n", "PYVIDER-DAEMON 2 " + CHALLENGE + "\n",
        "PYVIDER-DAEMON 1 " + CHALLENGE.toUpperCase() + "\n", "PYVIDER-DAEMON 1 0011\n",
        "PYVIDER-DAEMON 1 " + CHALLENGE + "ff\n")) {
      assertThrows(LauncherWire.ProtocolException.class, () -> wire(greeting).readGreeting(), greeting);
    }
  }

  @Test
  void counts_fields_and_the_whole_request_are_bounded() {
    assertThrows(LauncherWire.ProtocolException.class,
        () -> wire("k\0/d\0" + "99999\0").readSession(), "argument count over the bound");
    assertThrows(LauncherWire.ProtocolException.class,
        () -> wire("k\0/d\0" + "0\0" + "-1\0").readSession(), "negative variable count");
    assertThrows(LauncherWire.ProtocolException.class,
        () -> wire("k\0/d\0" + "0\0" + "1\0" + "NO_EQUALS_SIGN\0").readSession(), "entry without a name");
    assertThrows(LauncherWire.ProtocolException.class,
        () -> wire("k\0/d\0" + "0\0" + "1\0" + "=value\0").readSession(), "empty name");
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }
    };
    assertThrows(LauncherWire.ProtocolException.class, () -> new LauncherWire(endless).readField(),
        "a field without its NUL ends at the bound, not at memory's end");
    assertThrows(EOFException.class, () -> wire("k\0/d\0" + "0\0" + "2\0A=1\0").readSession(),
        "a request cut short");
  }

  @Test
  void while_reading_a_request_the_daemon_acknowledges_each_wait_for_more_bytes() throws IOException {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    InputStream chunks = new InputStream() {
      private final byte[][] parts = {"tok".getBytes(StandardCharsets.US_ASCII),
          "en\0".getBytes(StandardCharsets.US_ASCII)};
      private int next;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (next == parts.length) {
          return -1;
        }
        byte[] part = parts[next++];
        System.arraycopy(part, 0, buffer, offset, part.length);
        return part.length;
      }
    };
    LauncherWire wire = new LauncherWire(LauncherWire.acknowledging(chunks, sent));
    assertEquals("token", wire.readField());
    assertEquals("\n", sent.toString(StandardCharsets.US_ASCII), "one empty line before the second wait only");
  }
}
