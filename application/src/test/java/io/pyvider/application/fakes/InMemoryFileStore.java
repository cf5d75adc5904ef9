package io.pyvider.application.fakes;

import io.pyvider.application.port.out.DirectoryRead;
import io.pyvider.application.port.out.FileKind;
import io.pyvider.application.port.out.FileProblem;
import io.pyvider.application.port.out.FileRead;
import io.pyvider.application.port.out.FileRemoval;
import io.pyvider.application.port.out.FileStore;
import io.pyvider.application.port.out.FileWrite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A file system in memory for core tests: regular files, directories (a file's parents exist implicitly), and
 * failures a test arranges per path. Paths must be absolute, as the port promises.
 */
public final class InMemoryFileStore implements FileStore {

  private final Map<Path, byte[]> files = new HashMap<>();
  private final Set<Path> directories = new HashSet<>();
  private final Map<Path, FileProblem> writeFailures = new HashMap<>();
  private final Map<Path, FileProblem> readFailures = new HashMap<>();
  private final Map<Path, FileProblem> removeFailures = new HashMap<>();
  private final Set<Path> inaccessible = new java.util.HashSet<>();
  private final List<String> operations = new ArrayList<>();

  private static Path checked(Path path) {
    if (!path.isAbsolute()) {
      throw new AssertionError("the FileStore port takes absolute paths, got " + path);
    }
    return path;
  }

  // --- arranging ----------------------------------------------------------------------------------------------

  public InMemoryFileStore put(Path path, String content) {
    return put(path, content.getBytes(StandardCharsets.UTF_8));
  }

  public InMemoryFileStore put(Path path, byte[] content) {
    files.put(checked(path), content.clone());
    return this;
  }

  public InMemoryFileStore directory(Path path) {
    directories.add(checked(path));
    return this;
  }

  public InMemoryFileStore delete(Path path) {
    files.remove(checked(path));
    return this;
  }

  public InMemoryFileStore failWrites(Path path, FileProblem problem) {
    writeFailures.put(checked(path), problem);
    return this;
  }

  public InMemoryFileStore failReads(Path path, FileProblem problem) {
    readFailures.put(checked(path), problem);
    return this;
  }

  /** Makes whether anything exists at {@code path} impossible to tell, as behind a directory one may not search. */
  public InMemoryFileStore inaccessible(Path path) {
    inaccessible.add(path);
    return this;
  }

  public InMemoryFileStore failRemovals(Path path, FileProblem problem) {
    removeFailures.put(checked(path), problem);
    return this;
  }

  // --- inspecting ---------------------------------------------------------------------------------------------

  public Optional<String> text(Path path) {
    return Optional.ofNullable(files.get(checked(path))).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  public boolean exists(Path path) {
    return files.containsKey(checked(path));
  }

  public Set<Path> paths() {
    return Set.copyOf(files.keySet());
  }

  /** Every write and removal so far, as "write /path" or "remove /path". */
  public List<String> operations() {
    return List.copyOf(operations);
  }

  // --- the port -----------------------------------------------------------------------------------------------

  @Override
  public FileKind kind(Path path) {
    checked(path);
    if (inaccessible.contains(path)) {
      return FileKind.INACCESSIBLE;
    }
    if (files.containsKey(path)) {
      return FileKind.REGULAR_FILE;
    }
    if (directories.contains(path) || files.keySet().stream().anyMatch(f -> f.startsWith(path))) {
      return FileKind.DIRECTORY;
    }
    return FileKind.MISSING;
  }

  @Override
  public FileRead read(Path path) {
    FileKind kind = kind(path);
    if (readFailures.containsKey(path)) {
      return new FileRead.Failed(readFailures.get(path), readFailures.get(path).explanation());
    }
    return switch (kind) {
      case REGULAR_FILE -> new FileRead.Content(files.get(path));
      case MISSING -> new FileRead.Missing();
      default -> new FileRead.NotRegularFile(kind);
    };
  }

  @Override
  public FileWrite write(Path path, byte[] content) {
    operations.add("write " + checked(path));
    if (writeFailures.containsKey(path)) {
      return new FileWrite.Failed(writeFailures.get(path), "arranged by the test");
    }
    if (kind(path) == FileKind.DIRECTORY) {
      return new FileWrite.Failed(FileProblem.IS_A_DIRECTORY, null);
    }
    boolean created = !files.containsKey(path);
    files.put(path, content.clone());
    return new FileWrite.Written(created);
  }

  @Override
  public FileRemoval remove(Path path) {
    operations.add("remove " + checked(path));
    if (removeFailures.containsKey(path)) {
      return new FileRemoval.Failed(removeFailures.get(path), "arranged by the test");
    }
    FileKind kind = kind(path);
    if (kind == FileKind.MISSING) {
      return new FileRemoval.Absent();
    }
    if (kind != FileKind.REGULAR_FILE) {
      return new FileRemoval.NotRegularFile(kind);
    }
    files.remove(path);
    return new FileRemoval.Removed();
  }

  @Override
  public DirectoryRead list(Path directory) {
    FileKind kind = kind(directory);
    if (kind == FileKind.MISSING) {
      return new DirectoryRead.Missing();
    }
    if (kind != FileKind.DIRECTORY) {
      return new DirectoryRead.NotADirectory(kind);
    }
    if (readFailures.containsKey(directory)) {
      return new DirectoryRead.Failed(readFailures.get(directory), "arranged by the test");
    }
    // Children: files and directories directly below, including parents that exist only implicitly.
    Map<String, FileKind> children = new java.util.TreeMap<>();
    java.util.stream.Stream.concat(files.keySet().stream(), directories.stream())
        .filter(path -> path.startsWith(directory) && !path.equals(directory))
        .forEach(path -> {
          Path child = directory.resolve(directory.relativize(path).getName(0));
          children.put(child.getFileName().toString(), child.equals(path) && files.containsKey(path)
              ? FileKind.REGULAR_FILE : FileKind.DIRECTORY);
        });
    List<DirectoryRead.Entry> entries = new ArrayList<>();
    children.forEach((name, childKind) -> entries.add(new DirectoryRead.Entry(name, childKind)));
    java.util.Collections.reverse(entries); // the port promises no order: make sure nobody relies on one
    return new DirectoryRead.Entries(entries);
  }
}
