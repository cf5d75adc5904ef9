package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a step of an ordered end-to-end test needs from the steps before it. A step whose predecessor failed fails too,
 * naming that predecessor. It is never skipped: an assumption would turn one failed apply into one failure and a row
 * of skips, and a summary that counts only failures would read that as a run in which almost everything passed.
 */
public final class OrderedSteps {

  private OrderedSteps() {
  }

  /**
   * Fails unless {@code done}: the predecessor (named as a reader finds it, e.g. "the apply walk
   * (the_apply_walk_writes_exactly_what_terraform_would_write)") failed, or was not run because only this test was
   * selected.
   */
  public static void needs(boolean done, String predecessor) {
    if (!done) {
      fail("cannot run: " + predecessor + " did not complete. Its own failure says why (or it was not selected: "
          + "these steps build on each other, run the whole class).");
    }
  }
}
