package io.pyvider.bootstrap.daemon;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warm-up gate of a successor daemon: open while its own gate is and the daemon it is to replace (still the one
 * serving Terraform's launches) has had no session for {@link Daemon#QUIET_BEFORE_WARMING}. Asks that daemon's status
 * at most every {@link #POLL}; a session that came and went between two looks shows in its count of sessions served.
 * Throws {@link Daemon.WarmUpAbandoned} once that daemon is gone (stopped, idle): nothing is left to take over.
 */
public final class PredecessorGate implements Daemon.WarmUpGate {

  static final Duration POLL = Duration.ofMillis(200);
  private static final Pattern OPEN = Pattern.compile("\"sessions_open\":(\\d+)");
  private static final Pattern SERVED = Pattern.compile("\"sessions_served\":(\\d+)");

  /** Asks the predecessor for its status; empty when it no longer answers. */
  @FunctionalInterface
  public interface StatusSource {
    Optional<String> status() throws IOException;
  }

  private final Daemon.WarmUpGate own;
  private final StatusSource predecessor;
  private long lookedNanos;
  private boolean looked;
  private long quietSinceNanos;
  private long lastServed = -1;
  private boolean open;

  public PredecessorGate(Daemon.WarmUpGate own, StatusSource predecessor) {
    this.own = own;
    this.predecessor = predecessor;
  }

  /** The gate of a successor to the daemon on {@code port} in {@code directory}. */
  public static PredecessorGate of(Daemon.WarmUpGate own, DaemonDirectory directory, int port) {
    return new PredecessorGate(own, () -> DaemonClient.request(directory, port, "status"));
  }

  @Override
  public synchronized boolean open() {
    if (!own.open()) {
      return false;
    }
    long now = System.nanoTime();
    if (looked && now - lookedNanos < POLL.toNanos()) {
      return open;
    }
    looked = true;
    lookedNanos = now;
    String status;
    try {
      status = predecessor.status().orElseThrow(() -> new Daemon.WarmUpAbandoned("the daemon to take over is gone"));
    } catch (IOException unanswered) {
      throw new Daemon.WarmUpAbandoned("the daemon to take over does not answer: " + unanswered.getMessage());
    }
    long served = number(SERVED, status);
    if (number(OPEN, status) != 0 || served != lastServed) {
      quietSinceNanos = now;
      lastServed = served;
    }
    open = now - quietSinceNanos >= Daemon.QUIET_BEFORE_WARMING.toNanos();
    return open;
  }

  private static long number(Pattern field, String status) {
    Matcher matcher = field.matcher(status);
    if (!matcher.find()) {
      throw new Daemon.WarmUpAbandoned("the daemon to take over answered no " + field.pattern());
    }
    return Long.parseLong(matcher.group(1));
  }
}
