package io.pyvider.adapters.crypto;

import static io.pyvider.adapters.crypto.Sealing.TIMED_TOKEN;
import static io.pyvider.adapters.crypto.Sealing.TOKEN_STATE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.UnsealResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whatever is wrong with a key file, everything the adapter says about it (seal and unseal failures, the notices the
 * log gets, doctor's check, toString) names the file and never holds the key, nor a line of it.
 */
class KeyMaterialStaysHiddenTest {

  @TempDir
  Path home;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "readable by others      | CANARY-exposed-0123456789abcdefghijklmn     | rw-r--r--",
      "writable by the group   | CANARY-replaceable-0123456789abcdefghijk  | rw--w----",
      "too weak to seal with   | CANARY7                                    | rw-------",
      "short                   | CANARY-short-01234567                     | rw-------",
      "binary garbage          | \u0000\u0001CANARY-garbage-0123456789abcdef | rw-------",
      "two lines               | CANARY-line-one-0123456789\\nCANARY-line-two-0123456789 | rw-------",
      "larger than any key     | CANARY-big-                               | rw-------"})
  void noMessageAboutAProblemKeyFileHoldsTheKey(String problem, String key, String mode) throws Exception {
    String content = key.replace("\\n", "\n");
    if (problem.startsWith("larger")) {
      content = key.repeat(500);
    }
    Path file = home.resolve(".config/pyvider/private-state.key");
    Files.createDirectories(file.getParent());
    Files.write(file, content.getBytes(UTF_8));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

    List<String> said = everythingSaidAbout(Map.of("HOME", home.toString()), file);
    assertTrue(said.stream().anyMatch(text -> text.contains(file.toString())), "nothing names the key file: " + said);
    for (String text : said) {
      // Every key of the cases holds CANARY, and so does every line of the two-line one.
      assertFalse(text.contains("CANARY"), () -> problem + ": the key is in \"" + text + "\"");
    }
  }

  /** Every text the adapter gives out about one ring over this environment. */
  private static List<String> everythingSaidAbout(Map<String, String> variables, Path file) throws Exception {
    List<String> said = new ArrayList<>();
    KeyRing ring = new KeyRing(Environment.of(variables), Path.of("/"), new SecureRandom());
    PrivateStateSealer sealer = Sealing.sealer(ring);
    SealResult sealed = sealer.seal(TOKEN_STATE, TIMED_TOKEN);
    said.add(sealed.toString());
    if (sealed instanceof SealResult.Failed failed) {
      said.add(failed.detail());
    }
    byte[] foreign = Sealing.seal(Sealing.sealerWithSecret("some other secret entirely"), TOKEN_STATE);
    UnsealResult unsealed = sealer.unseal(foreign, TIMED_TOKEN);
    said.add(unsealed.toString());
    if (unsealed instanceof UnsealResult.Failed failed) {
      said.add(failed.detail());
    }
    ring.takeKeyNotices().ifPresent(said::add);
    said.add(ring.check().detail());
    said.add(ring.toString());
    said.add(sealer.toString());
    said.add(new KeyFile(file, KeyFileAccess.local()).read().toString());
    return said;
  }
}
