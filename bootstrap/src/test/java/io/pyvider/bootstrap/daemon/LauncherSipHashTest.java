package io.pyvider.bootstrap.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * The launcher's pure-bash SipHash-2-4 (src/main/dist/siphash.bash), with which it proves that a running daemon knows
 * the key without starting another process, against the SipHash paper's vectors and Bouncy Castle's SipHash. Each
 * test runs one bash under {@code set -eu}, as the launcher does; on a Mac that is /bin/bash 3.2.
 */
class LauncherSipHashTest {

  private static final Path SCRIPT = Path.of("src/main/dist/siphash.bash");
  private static final HexFormat HEX = HexFormat.of();
  private static final String REFERENCE_KEY = "000102030405060708090a0b0c0d0e0f";
  /** Reads "KEYHEX MSGHEX" lines (MSGHEX may be empty) and prints one MAC per line. */
  private static final String MAC_PER_LINE = "set -eu; source \"$1\"; "
      + "while read -r k m; do pyvider_siphash \"$k\" \"$m\"; printf '%s\\n' \"$pyvider_mac\"; done";

  @Test
  void matches_the_siphash_papers_vectors_for_messages_of_0_to_63_bytes() throws Exception {
    StringBuilder lines = new StringBuilder();
    List<String> bouncyCastle = new ArrayList<>();
    for (int length = 0; length < 64; length++) {
      byte[] message = new byte[length];
      for (int i = 0; i < length; i++) {
        message[i] = (byte) i;
      }
      lines.append(REFERENCE_KEY).append(' ').append(HEX.formatHex(message)).append('\n');
      bouncyCastle.add(bouncyCastleMac(HEX.parseHex(REFERENCE_KEY), message));
    }
    Bash run = Bash.run(MAC_PER_LINE, lines.toString());
    assertEquals(0, run.status(), run::stderr);
    List<String> macs = run.stdout().lines().toList();
    // vectors.h of the SipHash reference implementation: key 00..0f, message 00 01 .. (length-1), output bytes.
    String[][] paper = {{"0", "310e0edd47db6f72"}, {"1", "fd67dc93c539f874"}, {"7", "37d1018bf50002ab"},
        {"8", "6224939a79f5f593"}, {"15", "e545be4961ca29a1"}, {"16", "db9bc2577fcc2a3f"},
        {"63", "724506eb4c328a95"}};
    for (String[] vector : paper) {
      int length = Integer.parseInt(vector[0]);
      assertEquals(vector[1], bouncyCastle.get(length), "Bouncy Castle, " + length + " bytes");
      assertEquals(vector[1], macs.get(length), "bash, " + length + " bytes");
    }
    assertEquals(bouncyCastle, macs);
  }

  @Test
  void matches_bouncy_castle_on_random_keys_and_messages_of_0_to_40_bytes() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    StringBuilder lines = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      byte[] key = new byte[16];
      random.nextBytes(key);
      byte[] message = new byte[n <= 40 ? n : random.nextInt(41)];
      random.nextBytes(message);
      lines.append(HEX.formatHex(key)).append(' ').append(HEX.formatHex(message)).append('\n');
      expected.add(HEX.formatHex(key) + " " + HEX.formatHex(message) + " -> " + bouncyCastleMac(key, message));
    }
    Bash run = Bash.run(MAC_PER_LINE, lines.toString());
    assertEquals(0, run.status(), run::stderr);
    List<String> macs = run.stdout().lines().toList();
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      String input = expected.get(i).substring(0, expected.get(i).indexOf(" -> "));
      actual.add(input + " -> " + (i < macs.size() ? macs.get(i) : "(none)"));
    }
    assertEquals(expected, actual, "seed " + seed);
  }

  @Test
  void malformed_input_stops_a_set_e_script_with_no_mac() throws Exception {
    String[][] malformed = {
        {REFERENCE_KEY.substring(1), "00"}, // 31 hex digits
        {REFERENCE_KEY + "0", "00"}, // 33
        {"", ""},
        {REFERENCE_KEY.toUpperCase(), "00"},
        {REFERENCE_KEY, "000"}, // odd length
        {REFERENCE_KEY, "0g"}, // not hex
        {REFERENCE_KEY, "00 1"},
        {REFERENCE_KEY.substring(2) + "-1", "00"},
        {"0x" + REFERENCE_KEY.substring(2), "00"},
    };
    for (String[] input : malformed) {
      Bash run = Bash.run("set -eu; source \"$1\"; pyvider_siphash \"$2\" \"$3\"; printf '%s\\n' \"$pyvider_mac\"",
          "", input[0], input[1]);
      String what = "key '" + input[0] + "', message '" + input[1] + "'";
      assertNotEquals(0, run.status(), what);
      assertEquals("", run.stdout(), what);
      assertEquals("", run.stderr(), what);
    }
    // Where the caller tests the status: 1, and no MAC left over from an earlier call. Missing arguments are
    // malformed too, not an unbound-variable error under set -u.
    Bash run = Bash.run("set -eu; source \"$1\"; pyvider_siphash \"$2\" 00; "
        + "s=0; pyvider_siphash \"$2\" 000 || s=$?; printf '%s [%s]\\n' $s \"$pyvider_mac\"; "
        + "s=0; pyvider_siphash || s=$?; printf '%s [%s]\\n' $s \"$pyvider_mac\"", "", REFERENCE_KEY);
    assertEquals("1 []\n1 []\n", run.stdout(), run::stderr);
  }

  @Test
  void sets_no_variable_but_pyvider_mac_and_keeps_the_callers_locale() throws Exception {
    Bash run = Bash.run("set -eu; source \"$1\"; pyvider_mac= before= after=; locale=${LC_ALL-unset}; "
        + "before=$(compgen -v); pyvider_siphash \"$2\" 0001020304050607; after=$(compgen -v); "
        + "[ \"$before\" = \"$after\" ] && [ \"${LC_ALL-unset}\" = \"$locale\" ] && printf '%s\\n' \"$pyvider_mac\"",
        "", REFERENCE_KEY);
    assertEquals("6224939a79f5f593\n", run.stdout(), run::stderr);
  }

  private static String bouncyCastleMac(byte[] key, byte[] message) {
    SipHash mac = new SipHash(2, 4);
    mac.init(new KeyParameter(key));
    mac.update(message, 0, message.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return HEX.formatHex(out);
  }

  private record Bash(int status, String stdout, String stderr) {

    static Bash run(String script, String stdin, String... args) throws IOException, InterruptedException {
      assertTrue(Files.isRegularFile(SCRIPT), SCRIPT.toAbsolutePath() + " is missing");
      List<String> command = new ArrayList<>(List.of("bash", "-c", script, "bash", SCRIPT.toAbsolutePath().toString()));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).start();
      CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.US_ASCII));
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("bash did not finish in 60 s");
      }
      return new Bash(process.exitValue(), stdout.join(), stderr.join());
    }

    private static String read(InputStream stream) {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
