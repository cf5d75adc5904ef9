package io.pyvider.bootstrap;

import io.pyvider.adapters.cli.DaemonControl;
import io.pyvider.adapters.cli.DaemonStatus;
import io.pyvider.bootstrap.daemon.DaemonClient;
import io.pyvider.bootstrap.daemon.DaemonDirectory;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The daemon of this build as the launcher finds it: the directory it passes as {@code -Dpyvider.daemon.dir} (the one
 * its launches use, keyed by build and JVM), checked like the daemon checks it, and the daemon's own authenticated
 * status and stop requests.
 */
final class LauncherDaemonControl implements DaemonControl {

  private final Optional<String> directory;

  /** {@code directory}: the daemon's directory ({@code -Dpyvider.daemon.dir}), if the launcher could compute one. */
  LauncherDaemonControl(Optional<String> directory) {
    this.directory = directory.filter(path -> !path.isEmpty());
  }

  @Override
  public Optional<String> directory() {
    return directory;
  }

  @Override
  public Optional<DaemonStatus> status() throws IOException {
    Optional<DaemonDirectory> checked = checkedDirectory();
    if (checked.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> answer = request(checked.get(), "status");
    return answer.isEmpty() ? Optional.empty() : Optional.of(DaemonStatus.parseJson(answer.get()));
  }

  @Override
  public Optional<DaemonStatus> stop() throws IOException {
    Optional<DaemonDirectory> checked = checkedDirectory();
    if (checked.isEmpty()) {
      return Optional.empty();
    }
    // The status first, so the user learns what was stopped; the stop answer adds the sessions still open.
    Optional<String> status = request(checked.get(), "status");
    if (status.isEmpty()) {
      return Optional.empty();
    }
    DaemonStatus before = DaemonStatus.parseJson(status.get());
    Optional<String> stopped = request(checked.get(), "stop");
    if (stopped.isEmpty()) {
      return Optional.empty(); // it went away by itself (idle timeout) in between
    }
    return Optional.of(before.stopping(stopped.get()));
  }

  /** The directory, checked; empty when it does not exist yet (no launch has started a daemon there). */
  private Optional<DaemonDirectory> checkedDirectory() throws IOException {
    String location = directory.orElseThrow(() -> new IOException("the daemon's directory is unknown: run this "
        + "command through the terraform-provider-pyvider launcher, which passes it as -Dpyvider.daemon.dir"));
    Path path;
    try {
      path = Path.of(location);
    } catch (InvalidPathException unusable) {
      throw new IOException("the daemon directory " + location + " is not a usable path: " + unusable.getReason());
    }
    if (Files.notExists(path, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(DaemonDirectory.checked(path));
    } catch (IOException refused) {
      throw new IOException("the daemon directory is refused: " + refused.getMessage(), refused);
    }
  }

  private static Optional<String> request(DaemonDirectory directory, String verb) throws IOException {
    try {
      return DaemonClient.request(directory, verb);
    } catch (SocketTimeoutException | SocketException silent) {
      throw new IOException("the daemon in " + directory.path() + " did not answer " + verb + ": "
          + silent.getMessage(), silent);
    }
  }
}
