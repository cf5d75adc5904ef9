package io.pyvider.bootstrap.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who can read the daemon's directory decides who can reach the daemon: only an owner-only directory is used. */
class DaemonDirectoryTest {

  @TempDir
  Path parent;

  private Path directory(String mode) throws IOException {
    Path dir = Files.createDirectory(parent.resolve("d-" + mode.replace('-', '_')));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
    return dir;
  }

  @Test
  void an_owner_only_directory_is_accepted_and_its_files_are_owner_only() throws IOException {
    DaemonDirectory checked = DaemonDirectory.checked(directory("rwx------"));
    checked.writePrivate("auth", "secret\n");
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(checked.path().resolve("auth"))));
    assertEquals(Optional.of("secret\n"), checked.readPrivate("auth"));
    assertEquals(Optional.empty(), checked.readPrivate("port"));
  }

  @Test
  void a_directory_others_can_enter_or_a_symlink_is_refused_with_the_reason() throws IOException {
    IOException open = assertThrows(IOException.class, () -> DaemonDirectory.checked(directory("rwxr-x---")));
    assertTrue(open.getMessage().contains("rwx------"), open.getMessage());
    Path link = Files.createSymbolicLink(parent.resolve("link"), directory("rwx------"));
    IOException linked = assertThrows(IOException.class, () -> DaemonDirectory.checked(link));
    assertTrue(linked.getMessage().contains("symlink"), linked.getMessage());
  }

  @Test
  void a_port_file_is_removed_only_by_the_daemon_it_names() throws IOException {
    DaemonDirectory checked = DaemonDirectory.checked(directory("rwx------"));
    checked.writePrivate("port", "40000 111\n");
    checked.removePortFileOf(40000, 222);
    assertTrue(Files.exists(checked.path().resolve("port")), "a newer daemon's port file stays");
    checked.removePortFileOf(40001, 111);
    assertTrue(Files.exists(checked.path().resolve("port")), "so does one of a daemon on another port");
    checked.removePortFileOf(40000, 111);
    assertTrue(Files.notExists(checked.path().resolve("port")));
  }

  @Test
  void a_symlinked_file_is_never_read_through() throws IOException {
    DaemonDirectory checked = DaemonDirectory.checked(directory("rwx------"));
    Path elsewhere = Files.writeString(parent.resolve("elsewhere"), "planted");
    Files.createSymbolicLink(checked.path().resolve("auth"), elsewhere);
    assertEquals(Optional.empty(), checked.readPrivate("auth"));
  }
}
