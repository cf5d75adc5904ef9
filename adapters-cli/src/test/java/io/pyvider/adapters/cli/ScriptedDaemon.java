package io.pyvider.adapters.cli;

import java.io.IOException;
import java.util.Optional;

/** A daemon for the CLI's tests: a directory, a scripted status (null: none runs) or a scripted failure. */
final class ScriptedDaemon implements DaemonControl {

  static final String DIRECTORY = "/run/user/1000/pyvider/ac17be29f00d4a51-6c9bbc01";

  static DaemonStatus running() {
    return new DaemonStatus(4242, 40123, 312, "ac17be29f00d4a51-6c9bbc01", 57, 1, 32, 3600, 92_160, DIRECTORY, "done");
  }

  Optional<String> directory = Optional.of(DIRECTORY);
  DaemonStatus status = running();
  int openWhenStopped;
  IOException failure;
  int stopRequests;

  @Override
  public Optional<String> directory() {
    return directory;
  }

  @Override
  public Optional<DaemonStatus> status() throws IOException {
    if (failure != null) {
      throw failure;
    }
    return Optional.ofNullable(status);
  }

  @Override
  public Optional<DaemonStatus> stop() throws IOException {
    if (failure != null) {
      throw failure;
    }
    stopRequests++;
    Optional<DaemonStatus> stopped = Optional.ofNullable(status).map(s -> new DaemonStatus(s.pid(), s.port(),
        s.uptimeSeconds(), s.buildKey(), s.sessionsServed(), openWhenStopped, s.maxSessions(), s.idleTimeoutSeconds(),
        s.rssKilobytes(), s.directory(), s.warmUp()));
    status = null;
    return stopped;
  }
}
