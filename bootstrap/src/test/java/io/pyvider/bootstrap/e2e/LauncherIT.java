package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
    for (String kind : List.of(".jsa", ".aot")) {
      Files.createFile(cache.resolve("pyvider-" + stamp + kind));
      Files.writeString(cache.resolve("pyvider-" + stamp + kind + ".size"), "0\n"); // whole: as long as written
    }
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
      assertEquals(4, leftovers.count(), "the test must not have started a training run");
    }
  }

  @Test
  void a_truncated_class_data_archive_is_discarded_before_the_jvm_maps_it() throws Exception {
    Path installed = install(home.resolve("plugins"));
    String javaHome = System.getProperty("java.home");
    Path cache = Files.createDirectories(home.resolve("cache"));
    Path archive = archive(installed, cache, javaHome);
    byte[] damaged = "a class-data archive cut short by a full disk".getBytes(StandardCharsets.UTF_8);
    Files.write(archive, damaged);
    Files.writeString(archive.resolveSibling(archive.getFileName() + ".size"), "7659520\n");
    holdTraining(archive);

    try (ProviderProcess provider = ProviderProcess.start(direct(installed, cache, javaHome), "truncated")) {
      assertTrue(String.valueOf(provider.handshakeLine()).matches(HANDSHAKE), provider::stderrTail);
      assertTrue(provider.connect().healthy());
    }
    assertTrue(!Files.exists(archive), "the damaged archive is still in place");
  }

  @Test
  void an_archive_a_jvm_crashed_with_is_discarded_and_its_crash_report_kept_out_of_the_working_directory()
      throws Exception {
    Path installed = install(home.resolve("plugins"));
    String javaHome = System.getProperty("java.home");
    Path cache = Files.createDirectories(home.resolve("cache"));
    Path archive = archive(installed, cache, javaHome);
    Files.createFile(archive);
    Files.writeString(archive.resolveSibling(archive.getFileName() + ".size"), "0\n");
    Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    Path report = Files.writeString(cache.resolve("hs_err_pid4242.log"), "# SIGBUS (0x7) ... (shared archive)\n");
    Path workingDirectory = Files.createDirectories(home.resolve("terraform-run"));
    holdTraining(archive);

    try (ProviderProcess provider = ProviderProcess.start(direct(installed, cache, javaHome).in(workingDirectory),
        "after-crash")) {
      assertTrue(String.valueOf(provider.handshakeLine()).matches(HANDSHAKE), provider::stderrTail);
    }
    assertTrue(Files.exists(cache.resolve("hs_err_pid4242.log.seen")), "the crash report was not set aside");
    assertTrue(!Files.exists(report), "the same crash would discard every new archive");
    assertTrue(!Files.exists(archive), "the archive the JVM crashed with is still in place");
    try (var files = Files.list(workingDirectory)) {
      assertEquals(List.of(), files.toList(), "nothing may be written into Terraform's working directory");
    }
  }

  @Test
  void a_jvm_that_crashes_on_its_archive_is_started_again_without_it_and_its_banner_never_reaches_stdout()
      throws Exception {
    Path installed = install(home.resolve("plugins"));
    String javaHome = System.getProperty("java.home");
    Path cache = Files.createDirectories(home.resolve("cache"));
    Path archive = archive(installed, cache, javaHome);
    Path size = archive.resolveSibling(archive.getFileName() + ".size");
    try (ProviderProcess first = ProviderProcess.start(direct(installed, cache, javaHome), "trains")) {
      assertTrue(first.connect().healthy(), first::stderrTail);
    }
    awaitTraining(archive);
    // Damaged after its checks: cut in half, with a size record that matches, so only the JVM can notice (SIGBUS).
    long half = Files.size(archive) / 2;
    archive.toFile().setWritable(true, true);
    try (var channel = java.nio.channels.FileChannel.open(archive, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(half);
    }
    Files.writeString(size, half + "\n");
    holdTraining(archive);
    Path workingDirectory = Files.createDirectories(home.resolve("terraform-run"));

    try (ProviderProcess provider = ProviderProcess.start(direct(installed, cache, javaHome).in(workingDirectory),
        "crashes-once")) {
      assertTrue(String.valueOf(provider.handshakeLine()).matches(HANDSHAKE),
          () -> "stdout must hold the handshake line first" + provider.stderrTail());
      assertTrue(provider.connect().healthy());
      assertEquals(List.of(), provider.stdoutAfterHandshake());
      assertTrue(provider.stderrLines().stream().anyMatch(line -> line.contains("A fatal error has been detected")),
          () -> "the crash banner belongs on stderr" + provider.stderrTail());
      assertTrue(provider.stderrLines().stream().anyMatch(line -> line.contains("starting without it")),
          provider::stderrTail);
    }
    assertTrue(!Files.exists(archive), "the archive the JVM crashed with is still in place");
    try (var files = Files.list(workingDirectory)) {
      assertEquals(List.of(), files.toList(), "nothing may be written into Terraform's working directory");
    }
  }

  @Test
  void when_terraform_kills_the_launcher_that_stayed_as_parent_the_jvm_ends_too() throws Exception {
    Path installed = install(home.resolve("plugins"));
    String javaHome = System.getProperty("java.home");
    Path cache = Files.createDirectories(home.resolve("cache"));
    Path archive = archive(installed, cache, javaHome);
    Files.createFile(archive); // an archive in use keeps the launcher as the JVM's parent (to retry a crash)
    Files.writeString(archive.resolveSibling(archive.getFileName() + ".size"), "0\n");
    holdTraining(archive);

    try (ProviderProcess provider = ProviderProcess.start(direct(installed, cache, javaHome), "launcher-killed")) {
      assertTrue(provider.connect().healthy(), provider::stderrTail);
      ProcessHandle jvm = provider.process().children().findFirst().orElseThrow(
          () -> new AssertionError("the launcher should be the JVM's parent while an archive is mapped"));
      provider.process().destroyForcibly(); // go-plugin's Kill() after its grace period: SIGKILL, the launcher only
      assertTrue(jvm.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS) != null);
      assertTrue(!jvm.isAlive(), "the JVM outlived the launcher Terraform killed");
    }
  }

  @Test
  void pyvider_java_opts_are_split_into_words_but_never_matched_against_files_in_the_working_directory()
      throws Exception {
    Path installed = install(home.resolve("plugins"));
    Path workingDirectory = Files.createDirectories(home.resolve("terraform-run"));
    // Were the option a pattern, it would match this file and turn into a second garbage collector, which the JVM
    // refuses beside the launcher's own (-XX:+UseSerialGC); as written, it is an unknown option the JVM ignores.
    Files.createFile(workingDirectory.resolve("-XX:+UseG1GC"));
    ProcessBuilder builder = new ProcessBuilder(installed.toString(), "version").directory(workingDirectory.toFile())
        .redirectErrorStream(false);
    builder.environment().clear();
    builder.environment().putAll(ProviderLaunch.binary(home).environment());
    builder.environment().put("PYVIDER_JAVA_OPTS", "-XX:+IgnoreUnrecognizedVMOptions -XX:+UseG1G?");
    Process version = builder.start();
    String stdout = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(version.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, version.waitFor(), () -> "PYVIDER_JAVA_OPTS was expanded against the working directory: " + stderr);
    assertTrue(stdout.startsWith("terraform-provider-pyvider "), stdout);
  }

  /** Waits for the background training run the first start began (the JVM writes the archive as it exits). */
  private static void awaitTraining(Path archive) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
    Path size = archive.resolveSibling(archive.getFileName() + ".size");
    Path lock = archive.resolveSibling(archive.getFileName() + ".lock");
    while (!(Files.exists(archive) && Files.exists(size) && !Files.exists(lock))) {
      assertTrue(System.nanoTime() < deadline, "no archive trained within 3 minutes: " + archive);
      Thread.sleep(100);
    }
  }

  /**
   * Takes the training lock a run holds while it trains a replacement archive, so none starts here: the launch's
   * decision about the old archive is then all there is to see, and no background JVM outlives the test.
   */
  private static void holdTraining(Path archive) throws IOException {
    Files.createDirectory(archive.resolveSibling(archive.getFileName() + ".lock"));
  }

  /** Where the launcher keeps the direct start's archive for {@code installed} in {@code cache}. */
  private static Path archive(Path installed, Path cache, String javaHome) throws Exception {
    return cache.resolve("pyvider-" + archiveStamp(installed.resolveSibling("terraform-provider-pyvider.jar"),
        javaHome) + archiveExtension());
  }

  /** The launcher's archive kind for the JDK running the tests: a CDS archive before 25, an AOT cache from 25 on. */
  private static String archiveExtension() {
    return Runtime.version().feature() >= 25 ? ".aot" : ".jsa";
  }

  /** A direct start (no daemon) of {@code installed} with class-data archives in {@code cache}. */
  private ProviderLaunch direct(Path installed, Path cache, String javaHome) {
    return new ProviderLaunch(List.of(installed.toString()), ProviderLaunch.binary(home).environment(), Set.of(), null)
        .without("PYVIDER_NO_ARCHIVE").with("PYVIDER_CACHE_DIR", cache.toString())
        .with("PYVIDER_JAVA_HOME", javaHome).with("PYVIDER_DAEMON", "off");
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
    return out + "-v"; // archives written with a checksum
  }
}
