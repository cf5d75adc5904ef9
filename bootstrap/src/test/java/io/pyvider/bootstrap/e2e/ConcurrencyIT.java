package io.pyvider.bootstrap.e2e;

import static io.pyvider.bootstrap.e2e.TimedTokens.TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terraform walks its graph with up to 10 resource instances in flight at once, all served by one provider process.
 * Twenty tokens planned, applied, refreshed and destroyed that way must each come out whole and distinct.
 */
class ConcurrencyIT {

  private static final int TOKENS = 20;
  /** Terraform's default -parallelism. */
  private static final int PARALLELISM = 10;

  @TempDir
  Path home;

  @Test
  void twenty_tokens_walked_ten_at_a_time_through_one_process_per_walk_are_whole_and_distinct() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM);
    try (TerraformSimulator terraform =
        new TerraformSimulator(ProviderLaunch.binary(home).with("TF_LOG_PROVIDER", "DEBUG"))) {
      ResourceSchema schema = terraform.resource(TYPE);
      List<Change> plans;
      try (Walk walk = terraform.walk("plan")) {
        plans = all(pool, i -> () -> walk.plan(TYPE, null, TimedTokens.config(schema, "parallel-" + i)));
      }
      Instant applied = Instant.now();
      List<ResourceState> states;
      try (Walk walk = terraform.walk("apply")) {
        states = all(pool, i -> () -> walk.apply(plans.get(i), null));
      }
      Set<String> ids = new HashSet<>();
      Set<String> tokens = new HashSet<>();
      for (int i = 0; i < TOKENS; i++) {
        ResourceState state = states.get(i);
        assertEquals("parallel-" + i, state.string("name"), "answers were mixed up between concurrent requests");
        TimedTokens.assertIssued(state, applied.plus(Duration.ofHours(1)));
        ids.add(state.string("id"));
        tokens.add(state.string("token"));
      }
      assertEquals(TOKENS, ids.size(), "ids are not unique");
      assertEquals(TOKENS, tokens.size(), "tokens are not unique");
      List<ResourceState> refreshed;
      try (Walk walk = terraform.walk("refresh")) {
        refreshed = all(pool, i -> () -> walk.refresh(states.get(i)).state());
        assertEquals(List.of(), walk.warnings());
      }
      for (int i = 0; i < TOKENS; i++) {
        assertEquals(states.get(i).value(), refreshed.get(i).value(), "refresh changed token " + i);
      }
      List<Change> destroys;
      try (Walk walk = terraform.walk("plan -destroy")) {
        destroys = all(pool, i -> () -> walk.planDestroy(refreshed.get(i)));
      }
      try (Walk walk = terraform.walk("apply -destroy")) {
        List<ResourceState> gone = all(pool, i -> () -> walk.apply(destroys.get(i), refreshed.get(i)));
        assertTrue(gone.stream().allMatch(ResourceState::isNull));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> List<T> all(ExecutorService pool, IntFunction<Callable<T>> task) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < TOKENS; i++) {
      futures.add(pool.submit(task.apply(i)));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      try {
        results.add(future.get());
      } catch (java.util.concurrent.ExecutionException failed) {
        if (failed.getCause() instanceof AssertionError assertion) {
          throw assertion;
        }
        throw failed;
      }
    }
    return results;
  }
}
