package io.pyvider.adapters.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pyvider.application.port.out.DirectoryRead;
import io.pyvider.application.port.out.FileKind;
import io.pyvider.application.port.out.FileProblem;
import io.pyvider.application.port.out.FileRead;
import io.pyvider.application.port.out.FileRemoval;
import io.pyvider.application.port.out.FileWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The java.nio file store on a real temporary directory. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LocalFileStoreTest {

  @TempDir
  Path dir;

  private final LocalFileStore store = new LocalFileStore();

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** Root ignores permission bits, so permission failures cannot be produced with chmod. */
  private boolean permissionsApply() throws IOException {
    Path probe = Files.createDirectory(dir.resolve("probe"));
    Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("r-xr-xr-x"));
    boolean applies = !Files.isWritable(probe);
    Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwxr-xr-x"));
    return applies;
  }

  private List<String> leftovers(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
    }
  }

  // --- write --------------------------------------------------------------------------------------------------

  @Test
  void a_write_creates_missing_parents_and_the_file_with_exact_bytes() throws IOException {
    Path target = dir.resolve("a/b/c/file.txt");

    FileWrite written = store.write(target, utf8("grüße\n"));

    assertEquals(new FileWrite.Written(true), written);
    assertArrayEquals(utf8("grüße\n"), Files.readAllBytes(target));
    assertEquals(List.of(), leftovers(target.getParent()));
  }

  @Test
  void a_write_replaces_an_existing_file_and_reports_it_was_not_created() throws IOException {
    Path target = Files.writeString(dir.resolve("f.txt"), "old content that is longer");

    assertEquals(new FileWrite.Written(false), store.write(target, utf8("new")));
    assertEquals("new", Files.readString(target));
    assertEquals(List.of(), leftovers(dir));
  }

  @Test
  void an_existing_files_permissions_are_kept() throws IOException {
    assumeTrue(posix());
    Path target = Files.writeString(dir.resolve("secret.txt"), "x");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));

    store.write(target, utf8("y"));

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }

  @Test
  void a_new_file_gets_the_processs_default_permissions() throws IOException {
    assumeTrue(posix());
    Path reference = Files.createFile(dir.resolve("reference"));
    Path target = dir.resolve("new.txt");

    store.write(target, utf8("y"));

    assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(target));
  }

  @Test
  void a_symbolic_link_is_written_through_and_stays_a_link() throws IOException {
    Path real = Files.writeString(dir.resolve("real.txt"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);

    store.write(link, utf8("new"));

    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
  }

  @Test
  void writing_onto_a_directory_fails_with_is_a_directory_and_changes_nothing() throws IOException {
    Path target = Files.createDirectory(dir.resolve("d"));

    FileWrite written = store.write(target, utf8("x"));

    assertEquals(FileProblem.IS_A_DIRECTORY, assertInstanceOf(FileWrite.Failed.class, written).problem());
    assertTrue(Files.isDirectory(target));
  }

  @Test
  void a_parent_that_is_a_file_fails_with_parent_not_a_directory() throws IOException {
    Files.writeString(dir.resolve("plain"), "x");

    FileWrite written = store.write(dir.resolve("plain/child.txt"), utf8("x"));

    assertEquals(FileProblem.PARENT_NOT_A_DIRECTORY, assertInstanceOf(FileWrite.Failed.class, written).problem());
  }

  @Test
  void a_name_too_long_for_the_file_system_fails_with_invalid_path() {
    FileWrite written = store.write(dir.resolve("n".repeat(300) + ".txt"), utf8("x"));

    FileWrite.Failed failed = assertInstanceOf(FileWrite.Failed.class, written);
    assertEquals(FileProblem.INVALID_PATH, failed.problem());
    assertTrue(failed.detail().toLowerCase().contains("too long"), failed.detail());
  }

  @Test
  void a_directory_name_too_long_fails_with_invalid_path_too() {
    FileWrite written = store.write(dir.resolve("d".repeat(300)).resolve("file.txt"), utf8("x"));

    assertEquals(FileProblem.INVALID_PATH, assertInstanceOf(FileWrite.Failed.class, written).problem());
  }

  @Test
  void a_parent_that_is_not_writable_fails_with_permission_denied_and_leaves_no_temporary_file()
      throws IOException {
    assumeTrue(posix());
    assumeTrue(permissionsApply(), "running as root: permission bits are not enforced");
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      FileWrite written = store.write(locked.resolve("file.txt"), utf8("x"));

      assertEquals(FileProblem.PERMISSION_DENIED, assertInstanceOf(FileWrite.Failed.class, written).problem());
      assertEquals(List.of(), leftovers(locked));
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  // --- read and kind ------------------------------------------------------------------------------------------

  @Test
  void read_returns_the_bytes_exactly() throws IOException {
    byte[] bytes = {0, (byte) 0xFF, 'a', '\n'};
    Path target = Files.write(dir.resolve("bin"), bytes);

    assertArrayEquals(bytes, assertInstanceOf(FileRead.Content.class, store.read(target)).bytes());
  }

  @Test
  void read_tells_missing_from_not_a_regular_file() throws IOException {
    Path directory = Files.createDirectory(dir.resolve("d"));
    Files.writeString(dir.resolve("plain"), "x");

    assertEquals(new FileRead.Missing(), store.read(dir.resolve("nothing")));
    assertEquals(new FileRead.Missing(), store.read(dir.resolve("plain/below")));
    assertEquals(new FileRead.NotRegularFile(FileKind.DIRECTORY), store.read(directory));
  }

  @Test
  void an_unreadable_file_fails_with_permission_denied() throws IOException {
    assumeTrue(posix());
    assumeTrue(permissionsApply(), "running as root: permission bits are not enforced");
    Path target = Files.writeString(dir.resolve("hidden"), "x");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("---------"));

    assertEquals(FileProblem.PERMISSION_DENIED,
        assertInstanceOf(FileRead.Failed.class, store.read(target)).problem());
  }

  @Test
  void kind_follows_links_and_names_what_is_there() throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "x");
    Path directory = Files.createDirectory(dir.resolve("d"));
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));

    assertEquals(FileKind.REGULAR_FILE, store.kind(file));
    assertEquals(FileKind.DIRECTORY, store.kind(directory));
    assertEquals(FileKind.MISSING, store.kind(dir.resolve("nothing")));
    assertEquals(FileKind.MISSING, store.kind(dangling));
    assertEquals(FileKind.DIRECTORY, store.kind(Files.createSymbolicLink(dir.resolve("dl"), directory)));
  }

  // --- remove -------------------------------------------------------------------------------------------------

  @Test
  void remove_deletes_a_file_and_is_fine_with_nothing_there() throws IOException {
    Path target = Files.writeString(dir.resolve("f"), "x");

    assertEquals(new FileRemoval.Removed(), store.remove(target));
    assertFalse(Files.exists(target));
    assertEquals(new FileRemoval.Absent(), store.remove(target));
  }

  @Test
  void remove_never_deletes_a_directory() throws IOException {
    Path directory = Files.createDirectory(dir.resolve("d"));

    assertEquals(new FileRemoval.NotRegularFile(FileKind.DIRECTORY), store.remove(directory));
    assertTrue(Files.isDirectory(directory));
  }

  // --- failure mapping ----------------------------------------------------------------------------------------

  @Test
  void operating_system_reasons_map_to_problems() {
    assertEquals(FileProblem.PERMISSION_DENIED, LocalFileStore.problemOf(new AccessDeniedException("/x")));
    assertEquals(FileProblem.PARENT_NOT_A_DIRECTORY,
        LocalFileStore.problemOf(new FileAlreadyExistsException("/x")));
    assertEquals(FileProblem.IS_A_DIRECTORY,
        LocalFileStore.problemOf(new FileSystemException("/x", null, "Is a directory")));
    assertEquals(FileProblem.READ_ONLY_FILE_SYSTEM,
        LocalFileStore.problemOf(new FileSystemException("/x", null, "Read-only file system")));
    assertEquals(FileProblem.INVALID_PATH,
        LocalFileStore.problemOf(new FileSystemException("/x", null, "File name too long")));
    assertEquals(FileProblem.IO_ERROR,
        LocalFileStore.problemOf(new FileSystemException("/x", null, "No space left on device")));
    assertEquals("permission denied", LocalFileStore.detailOf(new AccessDeniedException("/x")));
  }

  // --- listing ----------------------------------------------------------------------------------------------

  @Test
  void a_listing_names_each_entry_with_its_own_kind_and_never_follows_a_link() throws IOException {
    Path listed = Files.createDirectory(dir.resolve("listed"));
    Files.writeString(listed.resolve("file.txt"), "x");
    Files.createDirectory(listed.resolve("child"));
    Files.createSymbolicLink(listed.resolve("to-file"), listed.resolve("file.txt"));
    Files.createSymbolicLink(listed.resolve("to-outside"), dir);

    DirectoryRead read = store.list(listed);

    Map<String, FileKind> kinds = new TreeMap<>();
    ((DirectoryRead.Entries) read).entries().forEach(entry -> kinds.put(entry.name(), entry.kind()));
    assertEquals(Map.of("file.txt", FileKind.REGULAR_FILE, "child", FileKind.DIRECTORY,
        "to-file", FileKind.OTHER, "to-outside", FileKind.OTHER), kinds);
  }

  @Test
  void listing_what_is_not_a_directory_says_so() throws IOException {
    Path file = Files.writeString(dir.resolve("plain.txt"), "x");
    assertEquals(new DirectoryRead.Missing(), store.list(dir.resolve("absent")));
    assertEquals(new DirectoryRead.NotADirectory(FileKind.REGULAR_FILE), store.list(file));
  }
}
