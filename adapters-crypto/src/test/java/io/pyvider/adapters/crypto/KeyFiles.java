package io.pyvider.adapters.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Test helpers: where the key file of a home lives, and key files written with a given content and mode. */
final class KeyFiles {

  private KeyFiles() {}

  /** {@code $HOME/.config/pyvider/private-state.key}, where a ring over {@code HOME=home} alone looks. */
  static Path defaultLocation(Path home) {
    return home.resolve(".config/pyvider/private-state.key");
  }

  static Path write(Path file, String content, String mode) throws IOException {
    return write(file, content.getBytes(UTF_8), mode);
  }

  /** Writes {@code file} (creating its directory 0700) and sets its mode, e.g. {@code rw-------}. */
  static Path write(Path file, byte[] content, String mode) throws IOException {
    Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    Files.write(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }
}
