package io.pyvider.bootstrap.daemon;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The launcher's side of a connection as the daemon reads it. A bash launcher writes it with builtins only:
 * <pre>
 *   PYVIDER-DAEMON 1 &lt;32 hex: challenge&gt;\n          (the daemon answers with its proof, then)
 *   token \0 verb \0 ...                                 (verb "session": build key \0 cwd \0 argc \0 args... \0
 *                                                          envc \0 NAME=value... \0; "status"; "stop")
 * </pre>
 * NUL-terminated fields carry any byte but NUL, which no argument or environment value can hold, so newlines in a
 * value (a PEM certificate) need no escaping. Every count and length is bounded: a connection is untrusted until its
 * token checks out, and a launcher's request is never larger than an exec's argument space.
 */
final class LauncherWire {

  static final String GREETING = "PYVIDER-DAEMON 1 ";
  static final int CHALLENGE_BYTES = 16;
  static final int MAX_FIELD_BYTES = 1 << 20;
  static final int MAX_REQUEST_BYTES = 8 << 20;
  static final int MAX_ARGUMENTS = 1024;
  static final int MAX_VARIABLES = 16384;

  private final InputStream in;
  private long consumed;

  LauncherWire(InputStream in) {
    this.in = in;
  }

  /**
   * The socket's input as the request is read: before each wait for more bytes it sends the launcher an empty line
   * (which the launcher skips). A bash launcher cannot turn off Nagle's algorithm, so the last segment of a request
   * larger than one write waits for our ACK, which Linux delays by 40 ms; any byte we send carries the ACK at once.
   */
  static InputStream acknowledging(InputStream raw, OutputStream out) {
    return new BufferedInputStream(new InputStream() {
      private boolean waitedBefore;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (waitedBefore && raw.available() == 0) {
          synchronized (out) {
            out.write('\n');
            out.flush();
          }
        }
        waitedBefore = true;
        return raw.read(buffer, offset, length);
      }
    }, 16 * 1024);
  }

  /** The challenge of the first line, or a {@link ProtocolException} for anything else. */
  byte[] readGreeting() throws IOException {
    String line = readUntil('\n', GREETING.length() + 2 * CHALLENGE_BYTES + 1);
    if (!line.startsWith(GREETING)) {
      throw new ProtocolException("not a pyvider launcher greeting");
    }
    String hex = line.substring(GREETING.length());
    if (!hex.matches("[0-9a-f]{" + 2 * CHALLENGE_BYTES + "}")) {
      throw new ProtocolException("malformed challenge");
    }
    return HexFormat.of().parseHex(hex);
  }

  String readField() throws IOException {
    return readUntil('\0', MAX_FIELD_BYTES);
  }

  /** The rest of a "session" request, after the token and verb. */
  SessionRequest readSession() throws IOException {
    String buildKey = readField();
    String cwd = readField();
    int argc = readCount(MAX_ARGUMENTS);
    List<String> arguments = new ArrayList<>(argc);
    for (int i = 0; i < argc; i++) {
      arguments.add(readField());
    }
    int envc = readCount(MAX_VARIABLES);
    Map<String, String> environment = new HashMap<>(envc * 2);
    for (int i = 0; i < envc; i++) {
      String entry = readField();
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new ProtocolException("environment entry " + (i + 1) + " is not NAME=value");
      }
      environment.put(entry.substring(0, equals), entry.substring(equals + 1));
    }
    return new SessionRequest(buildKey, cwd, arguments, environment);
  }

  private int readCount(int max) throws IOException {
    String text = readField();
    if (!text.matches("\\d{1,6}") || Integer.parseInt(text) > max) {
      throw new ProtocolException("count out of range");
    }
    return Integer.parseInt(text);
  }

  private String readUntil(char terminator, int maxBytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the launcher closed the connection mid-request");
      }
      if (++consumed > MAX_REQUEST_BYTES) {
        throw new ProtocolException("request larger than " + MAX_REQUEST_BYTES + " bytes");
      }
      if (b == terminator) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
      if (bytes.size() >= maxBytes) {
        throw new ProtocolException("field longer than " + maxBytes + " bytes");
      }
      bytes.write(b);
    }
  }

  /** A request that is not what a launcher of this build sends; the message never quotes the request. */
  static final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    ProtocolException(String message) {
      super(message);
    }
  }
}
