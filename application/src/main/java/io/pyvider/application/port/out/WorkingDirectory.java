package io.pyvider.application.port.out;

import java.nio.file.Path;

/** The directory Terraform runs in; relative paths in configuration resolve against it. */
public interface WorkingDirectory {
  Path path();

  default Path resolve(String maybeRelative) {
    return path().resolve(maybeRelative).normalize();
  }
}
