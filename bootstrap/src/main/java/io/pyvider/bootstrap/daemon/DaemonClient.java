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
    Optional<String> portFile = directory.readPrivate(DaemonDirectory.PORT_FILE);
    Optional<String> authFile = directory.readPrivate(DaemonDirectory.AUTH_FILE);
    if (portFile.isEmpty() || authFile.isEmpty()) {
      return Optional.empty();
    }
    int port;
    try {
      port = Integer.parseInt(portFile.get().trim().split(" ")[0]);
    } catch (NumberFormatException malformed) {
      throw new IOException("the daemon's port file is malformed");
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
