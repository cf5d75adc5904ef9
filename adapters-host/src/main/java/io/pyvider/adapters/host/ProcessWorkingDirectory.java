package io.pyvider.adapters.host;

import io.pyvider.application.port.out.WorkingDirectory;
import java.nio.file.Path;

/** The directory the provider process was started in, which Terraform sets to the configuration's directory. */
final class ProcessWorkingDirectory implements WorkingDirectory {

  private final Path path;

  ProcessWorkingDirectory(Path path) {
    this.path = path.toAbsolutePath().normalize();
  }

  @Override
  public Path path() {
    return path;
  }
}
