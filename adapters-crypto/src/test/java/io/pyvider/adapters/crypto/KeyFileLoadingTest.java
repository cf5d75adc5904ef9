package io.pyvider.adapters.crypto;

import static io.pyvider.adapters.crypto.Sealing.TIMED_TOKEN;
import static io.pyvider.adapters.crypto.Sealing.TOKEN_STATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.UnsealResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key file is looked at once per ring (one Terraform run), whatever it held, however many seals and unseals run
 * at Terraform's parallelism: never again on every operation under the ring's lock.
 */
class KeyFileLoadingTest {

  private static final int TERRAFORM_PARALLELISM = 10;
  private static final int OPERATIONS_PER_WORKER = 20;

  @TempDir
  Path home;

  private final CountingKeyFileAccess access = new CountingKeyFileAccess();

  private Path keyFile() {
    return home.resolve(".config/pyvider/private-state.key");
  }

  private StateSealer sealer(Map<String, String> variables) {
    KeyRing ring = new KeyRing(Environment.of(variables), home, new SecureRandom(), access);
    return new PrivateStateSealer(ring, new SecureRandom());
  }

  /** Each worker seals, opens its blob and tries a blob of an unknown key (which lists every key of the ring). */
  private static List<Object> sealAndUnsealConcurrently(StateSealer sealer) throws Exception {
    byte[] foreign = Sealing.seal(Sealing.sealerWithSecret("a key this ring does not hold"), TOKEN_STATE);
    ExecutorService pool = Executors.newFixedThreadPool(TERRAFORM_PARALLELISM);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Callable<List<Object>>> workers = new ArrayList<>();
      for (int w = 0; w < TERRAFORM_PARALLELISM; w++) {
        workers.add(() -> {
          start.await();
          List<Object> results = new ArrayList<>();
          for (int i = 0; i < OPERATIONS_PER_WORKER; i++) {
            SealResult sealed = sealer.seal(TOKEN_STATE, TIMED_TOKEN);
            results.add(sealed);
            if (sealed instanceof SealResult.Sealed blob) {
              results.add(sealer.unseal(blob.blob(), TIMED_TOKEN));
            }
            results.add(sealer.unseal(foreign, TIMED_TOKEN));
          }
          return results;
        });
      }
      List<Future<List<Object>>> futures = new ArrayList<>();
      for (Callable<List<Object>> worker : workers) {
        futures.add(pool.submit(worker));
      }
      start.countDown();
      List<Object> all = new ArrayList<>();
      for (Future<List<Object>> future : futures) {
        all.addAll(future.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMissingKeyFileBesideASharedSecretIsLookedForOnce() throws Exception {
    StateSealer sealer = sealer(Map.of("HOME", home.toString(), KeyRing.SHARED_SECRET, "the team's shared secret"));
    List<Object> results = sealAndUnsealConcurrently(sealer);
    assertTrue(results.stream().noneMatch(r -> r instanceof SealResult.Failed), results::toString);
    assertEquals(1, access.looks(), "looks at the missing key file");
  }

  @Test
  void anExistingKeyFileIsReadOnceForEverySealAndUnseal() throws Exception {
    Files.createDirectories(keyFile().getParent());
    Files.writeString(keyFile(), KeyRing.newSecret(new SecureRandom()) + "\n");
    Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-------"));
    List<Object> results = sealAndUnsealConcurrently(sealer(Map.of("HOME", home.toString())));
    assertTrue(results.stream().anyMatch(r -> r instanceof UnsealResult.Opened), "nothing opened");
    assertTrue(results.stream().noneMatch(r -> r instanceof SealResult.Failed), results::toString);
    assertEquals(1, access.looks(), "looks at the key file");
    assertEquals(1, access.reads(), "reads of the key file");
  }

  @Test
  void aKeyFileThisRingCreatedIsNeverReadBack() throws Exception {
    List<Object> results = sealAndUnsealConcurrently(sealer(Map.of("HOME", home.toString())));
    assertTrue(results.stream().noneMatch(r -> r instanceof SealResult.Failed), results::toString);
    assertTrue(Files.isRegularFile(keyFile()));
    assertEquals(1, access.looks(), "looks at the key file (the one that found it absent)");
    assertEquals(0, access.reads(), "reads of the key file");
  }

  @Test
  void anUnusableKeyFileIsLookedAtOnceAndEverySealSaysWhy() throws Exception {
    Files.createDirectories(keyFile().getParent());
    Files.writeString(keyFile(), "\n");
    List<Object> results = sealAndUnsealConcurrently(sealer(Map.of("HOME", home.toString())));
    for (Object result : results) {
      if (result instanceof SealResult seal) {
        assertTrue(assertInstanceOf(SealResult.Failed.class, seal).detail().contains("is empty"), seal::toString);
      }
    }
    assertEquals(1, access.looks(), "looks at the key file");
  }
}
