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
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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
