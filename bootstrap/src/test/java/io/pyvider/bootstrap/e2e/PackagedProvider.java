package io.pyvider.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * The packaged provider (target/dist: the launcher and the jar beside it), copied once per test run into a private
 * directory, as Terraform runs providers from its own plugin directory. Other builds on this machine may repackage
 * target/dist while the tests run; a JVM whose jar is rewritten under it fails with NoClassDefFoundError.
 */
final class PackagedProvider {

  private static Path directory;

  private PackagedProvider() {
  }

  static Path binary() {
    return copy().resolve("terraform-provider-pyvider");
  }

  static Path jar() {
    return copy().resolve("terraform-provider-pyvider.jar");
  }

  /**
   * One daemon directory for the whole test run (each test has its own HOME, but Terraform's user has one daemon),
   * so every launch after the first is served warm, as on a user's machine. The run's daemons are stopped at exit.
   */
  static Path daemonDirectory() {
    return copy().resolve("daemons");
  }

  /** A new directory {@code name} under {@code parent}, mode 0700, as daemon directories must be. */
  static Path ownerOnlyDirectory(Path parent, String name) throws IOException {
    return Files.createDirectory(parent.resolve(name), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
  }

  /** Stops every daemon under {@code directory} (SIGTERM: each removes its files) and waits for them to exit. */
  static void stopDaemons(Path directory) {
    try (java.util.stream.Stream<Path> keys = Files.list(directory)) {
      for (Path key : keys.toList()) {
        Path port = key.resolve("port");
        if (!Files.isRegularFile(port)) {
          continue;
        }
        String[] fields = Files.readString(port).trim().split(" ");
        ProcessHandle.of(Long.parseLong(fields[fields.length - 1])).ifPresent(daemon -> {
          daemon.destroy();
          try {
            daemon.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
          } catch (Exception stillRunning) {
            daemon.destroyForcibly();
          }
        });
      }
    } catch (IOException | RuntimeException nothingToStop) {
      // No daemon was started, or it is gone already.
    }
  }

  private static synchronized Path copy() {
    if (directory != null) {
      return directory;
    }
    Path binary = Path.of(ProviderLaunch.property("pyvider.provider.binary"));
    Path jar = Path.of(ProviderLaunch.property("pyvider.provider.jar"));
    try {
      Path target = Files.createTempDirectory("pyvider-e2e-dist");
      Files.copy(binary, target.resolve("terraform-provider-pyvider"), StandardCopyOption.COPY_ATTRIBUTES);
      for (int attempt = 1; ; attempt++) {
        Files.copy(jar, target.resolve("terraform-provider-pyvider.jar"), StandardCopyOption.REPLACE_EXISTING);
        try (JarFile whole = new JarFile(target.resolve("terraform-provider-pyvider.jar").toFile())) {
          whole.getManifest(); // a jar copied while being rewritten does not open
          break;
        } catch (IOException torn) {
          if (attempt == 5) {
            throw torn;
          }
          Thread.sleep(5000);
        }
      }
      Files.createDirectory(target.resolve("daemons"), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stopDaemons(target.resolve("daemons"));
        try {
          TestFiles.deleteTree(target);
        } catch (IOException ignored) {
          // A temp directory left behind is harmless.
        }
      }));
      directory = target;
      return target;
    } catch (IOException failed) {
      throw new UncheckedIOException("cannot copy the packaged provider from " + binary.getParent(), failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }
}
