package io.pyvider.bootstrap.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** The operations side of the launcher's protocol: {@code daemon status} and {@code daemon stop}. */
public final class DaemonClient {

  private DaemonClient() {
  }

  /**
   * Sends {@code verb} ("status" or "stop") to the daemon whose files are in {@code directory}; empty when none runs
   * there. Fails when something answers that cannot prove it is the daemon.
   */
  public static Optional<String> request(DaemonDirectory directory, String verb) throws IOException {
    Optional<Published> published = published(directory);
    return published.isEmpty() ? Optional.empty() : request(directory, published.get().port(), verb);
  }

  /** The daemon the port file names now: its port and pid. */
  public record Published(int port, long pid) {
  }

  /** What the port file says, if there is one; fails on a malformed one. */
  public static Optional<Published> published(DaemonDirectory directory) throws IOException {
    Optional<String> portFile = directory.readPrivate(DaemonDirectory.PORT_FILE);
    if (portFile.isEmpty()) {
      return Optional.empty();
    }
    String[] fields = portFile.get().trim().split(" ");
    try {
      return Optional.of(new Published(Integer.parseInt(fields[0]), Long.parseLong(fields[fields.length - 1])));
    } catch (NumberFormatException malformed) {
      throw new IOException("the daemon's port file is malformed");
    }
  }

  /**
   * As {@link #request(DaemonDirectory, String)}, to the daemon on {@code port} (one the port file no longer names, as
   * a successor does to the daemon it takes over from); empty when nothing listens there.
   */
  public static Optional<String> request(DaemonDirectory directory, int port, String verb) throws IOException {
    Optional<String> authFile = directory.readPrivate(DaemonDirectory.AUTH_FILE);
    if (authFile.isEmpty()) {
      return Optional.empty();
    }
    DaemonAuth auth;
    try {
      auth = DaemonAuth.parse(authFile.get());
    } catch (IllegalArgumentException malformed) {
      throw new IOException(malformed.getMessage());
    }
    byte[] challenge = new byte[LauncherWire.CHALLENGE_BYTES];
    new SecureRandom().nextBytes(challenge);
    try (Socket socket = new Socket()) {
      try {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
      } catch (IOException nothingListens) {
        return Optional.empty(); // a stale port file: the daemon is gone
      }
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out.write((LauncherWire.GREETING + HexFormat.of().formatHex(challenge) + "\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String proof = in.readLine();
      if (!auth.proof(challenge).equals(proof)) {
        throw new IOException("the process on port " + port + " is not this user's daemon");
      }
      out.write((auth.token() + "\0" + verb + "\0").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = in.readLine();
      while (answer != null && answer.isEmpty()) {
        answer = in.readLine(); // the daemon's acknowledgements while it reads
      }
      if (answer == null || !answer.startsWith("S ")) {
        throw new IOException("the daemon refused: " + answer);
      }
      return Optional.of(answer.substring(2));
    }
  }
}
