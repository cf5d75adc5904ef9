package io.pyvider.bootstrap.daemon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The two secrets of one daemon's life, written to its owner-only {@code auth} file. The daemon proves it knows the
 * first (SipHash-2-4 of the launcher's random challenge, which a bash launcher can check with builtins) before the
 * launcher reveals anything; the launcher then proves it can read the file by sending the second. So a foreign
 * process listening on a stale port learns nothing, and one that reached the daemon learns nothing it can replay.
 */
final class DaemonAuth {

  private static final HexFormat HEX = HexFormat.of();
  private final byte[] macKey;
  private final byte[] token;

  private DaemonAuth(byte[] macKey, byte[] token) {
    this.macKey = macKey;
    this.token = token;
  }

  static DaemonAuth generate(SecureRandom random) {
    byte[] macKey = new byte[16];
    byte[] token = new byte[32];
    random.nextBytes(macKey);
    random.nextBytes(token);
    return new DaemonAuth(macKey, token);
  }

  /** Reads the file's two lines, as a client (the CLI's {@code daemon status}) does. */
  static DaemonAuth parse(String fileContent) {
    String[] lines = fileContent.strip().split("\n");
    if (lines.length != 2 || !lines[0].matches("[0-9a-f]{32}") || !lines[1].matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("the daemon's auth file is malformed");
    }
    return new DaemonAuth(HEX.parseHex(lines[0]), HEX.parseHex(lines[1]));
  }

  String fileContent() {
    return HEX.formatHex(macKey) + "\n" + HEX.formatHex(token) + "\n";
  }

  /** SipHash-2-4 of the challenge, as 16 hex digits of its eight output bytes. */
  String proof(byte[] challenge) {
    SipHash mac = new SipHash(2, 4);
    mac.init(new KeyParameter(macKey));
    mac.update(challenge, 0, challenge.length);
    byte[] out = new byte[8];
    mac.doFinal(out, 0);
    return HEX.formatHex(out);
  }

  /** Constant-time: the comparison's duration says nothing about how much of a guess was right. */
  boolean acceptsToken(String presented) {
    return MessageDigest.isEqual(HEX.formatHex(token).getBytes(StandardCharsets.US_ASCII),
        presented.getBytes(StandardCharsets.US_ASCII));
  }

  String token() {
    return HEX.formatHex(token);
  }

  @Override
  public String toString() {
    return "DaemonAuth[secrets not shown]";
  }
}
