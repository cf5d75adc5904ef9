package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script Terraform executes, where users install it: behind a symlink (Terraform's plugin cache), in
 * directories with spaces, and on a second run, when the class-data archive made after the first run exists.
 */
class LauncherIT {

  private static final String HANDSHAKE = "^1\\|6\\|tcp\\|127\\.0\\.0\\.1:\\d+\\|grpc\\|[A-Za-z0-9+/]+$";

  @TempDir
  Path home;

  @Test
  void launched_through_a_symlink_in_a_directory_with_a_space_it_finds_its_jar_and_serves() throws Exception {
    Path installed = install(home.resolve("My Projects").resolve("plugins"));
    Path linked = Files.createDirectories(home.resolve("cache dir")).resolve("terraform-provider-pyvider_v0.1.0");
    Files.createSymbolicLink(linked, installed);
    ProviderLaunch viaLink = new ProviderLaunch(List.of(linked.toString()),
        ProviderLaunch.binary(home).environment(), Set.of(), null);
    try (ProviderProcess provider = ProviderProcess.start(viaLink, "symlink")) {
      assertTrue(String.valueOf(provider.handshakeLine()).matches(HANDSHAKE), provider::stderrTail);
      assertTrue(provider.connect().healthy());
    }
  }

  @Test
  void with_a_space_in_home_it_still_starts_once_the_class_data_archive_exists() throws Exception {
    // HOME="/Users/John Doe": the first run trains the archive in ~/.cache/pyvider in the background, every later
    // run starts with it. The archive is put in place here (an empty one, which the JVM ignores), so no training
    // runs during the test.
    Path spacedHome = Files.createDirectories(home.resolve("John Doe"));
    Path installed = install(home.resolve("plugins"));
    String javaHome = System.getProperty("java.home");
    Path cache = Files.createDirectories(spacedHome.resolve(".cache").resolve("pyvider"));
    String stamp = archiveStamp(installed.resolveSibling("terraform-provider-pyvider.jar"), javaHome);
    Files.createFile(cache.resolve("pyvider-" + stamp + ".jsa"));
    Files.createFile(cache.resolve("pyvider-" + stamp + ".aot"));
    ProviderLaunch secondRun = new ProviderLaunch(List.of(installed.toString()),
        ProviderLaunch.binary(spacedHome).environment(), Set.of(), null)
        .without("PYVIDER_NO_ARCHIVE").without("PYVIDER_CACHE_DIR").without("XDG_CACHE_HOME")
        .with("PYVIDER_JAVA_HOME", javaHome).with("PYVIDER_DAEMON", "off"); // the direct start's archive
    try (ProviderProcess provider = ProviderProcess.start(secondRun, "space-in-home")) {
      String line = provider.handshakeLine();
      assertTrue(String.valueOf(line).matches(HANDSHAKE),
          () -> "no handshake with HOME=" + spacedHome + " once the archive exists" + provider.stderrTail());
      assertTrue(provider.connect().healthy());
    }
    try (var leftovers = Files.list(cache)) {
      assertEquals(2, leftovers.count(), "the test must not have started a training run");
    }
  }

  /** Installs a copy of the packaged launcher and jar in {@code directory}; returns the launcher. */
  private static Path install(Path directory) throws Exception {
    Files.createDirectories(directory);
    Files.copy(PackagedProvider.jar(), directory.resolve("terraform-provider-pyvider.jar"));
    Path launcher = directory.resolve("terraform-provider-pyvider");
    Files.copy(PackagedProvider.binary(), launcher, StandardCopyOption.COPY_ATTRIBUTES);
    return launcher;
  }

  /** The launcher's archive stamp: the checksum of `ls -lL` of the jar and the JDK's modules file. */
  private static String archiveStamp(Path jar, String javaHome) throws Exception {
    Process stamp = new ProcessBuilder("sh", "-c", "ls -lL \"$1\" \"$2/lib/modules\" 2>/dev/null | cksum | cut -d' ' -f1",
        "stamp", jar.toString(), javaHome).redirectErrorStream(true).start();
    String out = new String(stamp.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, stamp.waitFor(), out);
    return out;
  }
}
