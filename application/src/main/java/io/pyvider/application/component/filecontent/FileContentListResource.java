package io.pyvider.application.component.filecontent;

import static io.pyvider.application.component.Attributes.knownBool;
import static io.pyvider.application.component.Attributes.knownString;

import io.pyvider.application.component.ImportResult;
import io.pyvider.application.component.ListResource;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.port.out.DirectoryRead;
import io.pyvider.application.port.out.FileKind;
import io.pyvider.application.port.out.FileStore;
import io.pyvider.application.port.out.WorkingDirectory;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The list resource {@code pyvider_file_content} ({@code terraform query}): the regular files of a directory that
 * match a pattern, optionally recursively, in path order. Directories are read one at a time, names only; a file's
 * content is read only when its object is asked for, just before it is sent, so the listing of a huge directory never
 * holds more than one file in memory. Symbolic links are skipped: a listing cannot be led out of its directory.
 */
public final class FileContentListResource implements ListResource {

  static final String DIRECTORY = "directory";
  static final String PATTERN = "pattern";
  static final String RECURSIVE = "recursive";
  static final String DEFAULT_PATTERN = "*";

  static final Schema SCHEMA = new Schema(0, Block.of(
      "Finds existing files to bring under Terraform: every regular file of `directory` whose name matches "
          + "`pattern`, in path order, each with its identity, ready for an `import` block.",
      List.of(
          Attribute.builder(DIRECTORY, CtyType.STRING).required()
              .description("The directory to list; a relative path is resolved against the directory Terraform "
                  + "runs in.").build(),
          Attribute.builder(PATTERN, CtyType.STRING).optional()
              .description("Which files to list (default `\"*\"`): `*` and `?` match within one path segment and "
                  + "`[...]` one character, never `/`. A pattern without `/` is matched against the file name, one "
                  + "with `/` against the path relative to `directory`, e.g. `\"conf/*.yaml\"`.").build(),
          Attribute.builder(RECURSIVE, CtyType.BOOL).optional()
              .description("Also list the files of subdirectories (default `false`). Symbolic links, to files or "
                  + "directories, are never followed.").build())));

  private final FileStore files;
  private final WorkingDirectory workingDirectory;
  private final FileContentResource resource;

  public FileContentListResource(FileStore files, WorkingDirectory workingDirectory, FileContentResource resource) {
    this.files = files;
    this.workingDirectory = workingDirectory;
    this.resource = resource;
  }

  @Override
  public String typeName() {
    return FileContentSchema.TYPE_NAME;
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    List<Diagnostic> problems = new ArrayList<>();
    knownString(config, DIRECTORY).filter(String::isBlank).ifPresent(blank -> problems.add(Diagnostic.error(
        AttributePath.attribute(DIRECTORY), "Invalid directory", "directory must not be empty.")));
    knownString(config, PATTERN).ifPresent(pattern -> {
      try {
        FilePattern.compile(pattern);
      } catch (IllegalArgumentException invalid) {
        problems.add(Diagnostic.error(AttributePath.attribute(PATTERN), "Invalid pattern", invalid.getMessage()
            + "."));
      }
    });
    return Diagnostics.of(problems);
  }

  @Override
  public Diagnostics list(Value.ObjectVal config, boolean includeResourceObject, ProviderContext provider,
      Sink sink) {
    String directory = knownString(config, DIRECTORY).orElse("");
    FilePattern pattern = FilePattern.compile(knownString(config, PATTERN).orElse(DEFAULT_PATTERN));
    boolean recursive = knownBool(config, RECURSIVE).orElse(false);
    Path root;
    try {
      root = workingDirectory.resolve(directory);
    } catch (InvalidPathException rejected) {
      return Diagnostics.of(Diagnostic.error(AttributePath.attribute(DIRECTORY), "Invalid directory",
          "The operating system rejects the path: " + rejected.getReason() + "."));
    }
    DirectoryRead top = files.list(root);
    if (!(top instanceof DirectoryRead.Entries entries)) {
      return Diagnostics.of(Diagnostic.error(AttributePath.attribute(DIRECTORY), "Cannot list directory",
          "\"" + directory + "\" cannot be listed: " + why(top) + "."));
    }
    List<Diagnostic> notes = new ArrayList<>();
    Deque<Level> pending = new ArrayDeque<>();
    pending.push(new Level("", sorted(entries)));
    while (!pending.isEmpty()) {
      if (provider.cancellation().isCancelled()) {
        return Diagnostics.of(notes);
      }
      Level level = pending.peek();
      if (!level.entries().hasNext()) {
        pending.pop();
        continue;
      }
      DirectoryRead.Entry entry = level.entries().next();
      String relative = level.prefix() + entry.name();
      if (entry.kind() == FileKind.DIRECTORY && recursive) {
        DirectoryRead below = files.list(root.resolve(relative));
        if (below instanceof DirectoryRead.Entries found) {
          pending.push(new Level(relative + "/", sorted(found)));
        } else {
          notes.add(Diagnostic.warning(AttributePath.attribute(DIRECTORY), "Directory skipped",
              "\"" + relative + "\" was not listed: " + why(below) + "."));
        }
      } else if (entry.kind() == FileKind.REGULAR_FILE && pattern.matches(relative)) {
        Optional<ListResource.Listed> listed = listed(root.resolve(relative), relative, includeResourceObject,
            provider);
        if (listed.isPresent() && !sink.accept(listed.get())) {
          return Diagnostics.of(notes);
        }
      }
    }
    return Diagnostics.of(notes);
  }

  /** One file as a listed object; empty when it vanished or stopped being readable since the directory was read. */
  private Optional<ListResource.Listed> listed(Path path, String relative, boolean includeObject,
      ProviderContext provider) {
    String filename = path.toString();
    Value.ObjectVal identity = Value.ObjectVal.of(Map.of(FileContentSchema.FILENAME, Value.string(filename)));
    if (!includeObject) {
      return Optional.of(new ListResource.Listed(relative, identity, Optional.empty(), Diagnostics.NONE));
    }
    ImportResult imported = resource.importState(filename, provider);
    if (imported.state().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ListResource.Listed(relative, identity,
        Optional.of((Value.ObjectVal) imported.state().get()), imported.diagnostics()));
  }

  /**
   * Entries in the order their paths sort in: a directory sorts as its name plus "/", so {@code sub.txt} comes
   * before the files inside {@code sub/}, exactly as the full relative paths compare.
   */
  private static Iterator<DirectoryRead.Entry> sorted(DirectoryRead.Entries entries) {
    List<DirectoryRead.Entry> ordered = new ArrayList<>(entries.entries());
    ordered.sort(Comparator.comparing(entry -> entry.kind() == FileKind.DIRECTORY ? entry.name() + "/"
        : entry.name()));
    return ordered.iterator();
  }

  private static String why(DirectoryRead read) {
    if (read instanceof DirectoryRead.Missing) {
      return "it does not exist";
    }
    if (read instanceof DirectoryRead.NotADirectory other) {
      return "it is not a directory (it is " + FileContentResource.describe(other.kind()) + ")";
    }
    DirectoryRead.Failed failed = (DirectoryRead.Failed) read;
    return failed.problem().explanation() + " (" + failed.detail() + ")";
  }

  /** A directory being walked: the relative path of its entries, and those not visited yet. */
  private record Level(String prefix, Iterator<DirectoryRead.Entry> entries) {
  }
}
