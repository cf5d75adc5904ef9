package io.pyvider.application.component.filecontent;

import static io.pyvider.application.component.Attributes.knownString;
import static io.pyvider.application.component.filecontent.FileContentSchema.*;

import io.pyvider.application.component.ApplyRequest;
import io.pyvider.application.component.ApplyResult;
import io.pyvider.application.component.ImportResult;
import io.pyvider.application.component.ManagedResource;
import io.pyvider.application.component.PlanRequest;
import io.pyvider.application.component.PlanResult;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.component.ReadRequest;
import io.pyvider.application.component.ReadResult;
import io.pyvider.application.port.out.FileKind;
import io.pyvider.application.port.out.FileProblem;
import io.pyvider.application.port.out.FileRead;
import io.pyvider.application.port.out.FileRemoval;
import io.pyvider.application.port.out.FileStore;
import io.pyvider.application.port.out.FileWrite;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.WorkingDirectory;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.Schema;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pyvider_file_content}: a local file with the configured content, written atomically through the {@link
 * FileStore} port. Refresh reports the file as it is on disk (drift), a vanished file leaves the state, a new
 * {@code filename} replaces the resource so the old file never stays behind.
 */
public final class FileContentResource implements ManagedResource {

  private static final AttributePath FILENAME_PATH = AttributePath.attribute(FILENAME);

  static final IdentitySchema IDENTITY = new IdentitySchema(0, List.of(new IdentitySchema.IdentityAttribute(
      FILENAME, CtyType.STRING, true, false, "The file's absolute path. Import by identity reads the file as "
          + "import by id does.")));

  private final FileStore files;
  private final WorkingDirectory workingDirectory;

  public FileContentResource(FileStore files, WorkingDirectory workingDirectory) {
    this.files = files;
    this.workingDirectory = workingDirectory;
  }

  @Override
  public String typeName() {
    return TYPE_NAME;
  }

  /** Reads, writes, fsyncs and removes files: a slow or hung file system must stall only this call. */
  @Override
  public boolean waitsOnHost() {
    return true;
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  // --- validation -------------------------------------------------------------------------------------------------

  @Override
  public Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    List<Diagnostic> problems = new ArrayList<>();
    knownString(config, FILENAME).flatMap(this::filenameProblem).ifPresent(problems::add);
    contentProblem(config).ifPresent(problems::add);
    return Diagnostics.of(problems);
  }

  /** Exactly one of content and content_wo; a version only with content_wo. Unknown values may still be either. */
  private static Optional<Diagnostic> contentProblem(Value.ObjectVal config) {
    Value content = config.get(CONTENT);
    Value writeOnly = config.get(CONTENT_WO);
    if (content.isKnown() && writeOnly.isKnown()) {
      if (!content.isNull() && !writeOnly.isNull()) {
        return Optional.of(Diagnostic.error(AttributePath.attribute(CONTENT_WO), "Conflicting content",
            "content and content_wo are both set. Set content for content Terraform may store, or content_wo "
                + "(with content_wo_version) for a secret it must not."));
      }
      if (content.isNull() && writeOnly.isNull()) {
        return Optional.of(Diagnostic.error(AttributePath.attribute(CONTENT), "Missing content",
            "Set either content, or content_wo (write-only, for a secret) with content_wo_version."));
      }
    }
    if (writeOnly.isKnown() && writeOnly.isNull() && !config.get(CONTENT_WO_VERSION).isNull()) {
      return Optional.of(Diagnostic.error(AttributePath.attribute(CONTENT_WO_VERSION), "content_wo_version without "
          + "content_wo", "content_wo_version says when to rewrite content_wo, but content_wo is not set."));
    }
    return Optional.empty();
  }

  /** A file written from content_wo: the state holds no content and nothing derived from it. */
  private static boolean writeOnly(Value.ObjectVal config) {
    return !config.get(CONTENT_WO).isNull();
  }

  /** Why a configured filename cannot name a file, before touching the disk. */
  private Optional<Diagnostic> filenameProblem(String filename) {
    if (filename.isEmpty()) {
      return Optional.of(Diagnostic.error(FILENAME_PATH, "Invalid filename", "filename must not be empty."));
    }
    if (filename.endsWith("/")) {
      return Optional.of(Diagnostic.error(FILENAME_PATH, "Invalid filename", "filename \"" + shown(filename)
          + "\" ends with \"/\", so it names a directory. Give the name of a file, e.g. \"" + shown(filename)
          + "file.txt\"."));
    }
    return locate(filename).problem();
  }

  /** The absolute path a filename names, or the diagnostic for a name the operating system rejects. */
  private Location locate(String filename) {
    try {
      return new Location(Optional.of(workingDirectory.resolve(filename)), Optional.empty());
    } catch (InvalidPathException rejected) {
      return new Location(Optional.empty(), Optional.of(Diagnostic.error(FILENAME_PATH, "Invalid filename",
          "The operating system rejects the path \"" + shown(filename) + "\": " + rejected.getReason() + ".")));
    }
  }

  private record Location(Optional<Path> path, Optional<Diagnostic> problem) {
  }

  // --- plan -------------------------------------------------------------------------------------------------------

  @Override
  public PlanResult plan(PlanRequest request) {
    if (request.isDestroy()) {
      return new PlanResult(Value.nullOf(SCHEMA.block().impliedType()), PrivateData.EMPTY, List.of(),
          Diagnostics.NONE);
    }
    Value.ObjectVal config = (Value.ObjectVal) request.config();
    Value contentHash = writeOnly(config) ? Value.nullOf(CtyType.STRING)
        : knownString(config, CONTENT).map(FileContentResource::hashOfText).map(Value::string)
            .orElse(Value.unknown(CtyType.STRING, Refinements.notNull()));
    Value.ObjectVal planned = ((Value.ObjectVal) request.proposed())
        .with(EXISTS, Value.bool(true))
        .with(CONTENT_HASH, contentHash);
    Optional<String> filename = knownString(config, FILENAME);
    Optional<Path> target = Optional.empty();
    if (filename.isPresent()) {
      Optional<Diagnostic> problem = filenameProblem(filename.get());
      if (problem.isPresent()) {
        return PlanResult.failed(request.prior(), Diagnostics.of(problem.get()));
      }
      target = locate(filename.get()).path();
      if (target.isPresent() && files.kind(target.get()) == FileKind.DIRECTORY) {
        return PlanResult.failed(request.prior(), Diagnostics.of(isDirectory(filename.get())));
      }
    }
    List<AttributePath> replace = new ArrayList<>();
    if (!request.isCreate() && !sameFile(priorPath((Value.ObjectVal) request.prior()), target)) {
      replace.add(FILENAME_PATH);
    }
    return new PlanResult(planned, PrivateData.EMPTY, replace, Diagnostics.NONE);
  }

  private Optional<Path> priorPath(Value.ObjectVal prior) {
    return knownString(prior, FILENAME).flatMap(name -> locate(name).path());
  }

  /** Whether two resolved names certainly name the same file; an unknown name never does. */
  private static boolean sameFile(Optional<Path> before, Optional<Path> after) {
    return before.isPresent() && after.isPresent() && before.get().equals(after.get());
  }

  // --- apply ------------------------------------------------------------------------------------------------------

  @Override
  public ApplyResult apply(ApplyRequest request) {
    if (request.isDestroy()) {
      return delete((Value.ObjectVal) request.prior());
    }
    Value.ObjectVal planned = (Value.ObjectVal) request.planned();
    Value unchanged = request.prior();
    String filename = knownString(planned, FILENAME).orElse("");
    // Write-only content is null in the plan: Terraform passes it in the configuration of the apply only.
    boolean secret = request.config() instanceof Value.ObjectVal config && writeOnly(config);
    String content = secret ? knownString((Value.ObjectVal) request.config(), CONTENT_WO).orElse("")
        : knownString(planned, CONTENT).orElse("");
    Optional<Diagnostic> problem = filenameProblem(filename);
    if (problem.isPresent()) {
      return new ApplyResult(unchanged, PrivateData.EMPTY, Diagnostics.of(problem.get()));
    }
    Path target = locate(filename).path().orElseThrow();
    FileWrite written = files.write(target, content.getBytes(StandardCharsets.UTF_8));
    if (written instanceof FileWrite.Failed failed) {
      return new ApplyResult(unchanged, PrivateData.EMPTY, Diagnostics.of(writeFailed(filename, target, failed)));
    }
    List<Diagnostic> notes = new ArrayList<>();
    if (!request.isCreate()) {
      // Replacement deletes the old file in its own step; this covers a name that stopped resolving to the same file
      // between plan and apply, so the old file is never left behind.
      Optional<Path> old = priorPath((Value.ObjectVal) request.prior());
      if (old.isPresent() && !old.get().equals(target)) {
        removalNote(knownString((Value.ObjectVal) request.prior(), FILENAME).orElse(""), files.remove(old.get()))
            .ifPresent(notes::add);
      }
    }
    Value.ObjectVal applied = planned
        .with(EXISTS, Value.bool(true))
        .with(CONTENT_HASH, secret ? Value.nullOf(CtyType.STRING) : Value.string(hashOfText(content)));
    return new ApplyResult(applied, PrivateData.EMPTY, Diagnostics.of(notes));
  }

  private ApplyResult delete(Value.ObjectVal prior) {
    Value gone = Value.nullOf(SCHEMA.block().impliedType());
    Optional<String> filename = knownString(prior, FILENAME);
    Optional<Path> path = filename.flatMap(name -> locate(name).path());
    if (path.isEmpty()) {
      return new ApplyResult(gone, PrivateData.EMPTY, Diagnostics.NONE);
    }
    FileRemoval removal = files.remove(path.get());
    if (removal instanceof FileRemoval.Failed failed) {
      return new ApplyResult(prior, PrivateData.EMPTY, Diagnostics.of(Diagnostic.error(FILENAME_PATH,
          "Cannot delete file", "The file \"" + shown(filename.get()) + "\" could not be deleted: "
              + failed.problem().explanation() + " (" + failed.detail() + ")." + advice(failed.problem(),
              path.get()))));
    }
    return new ApplyResult(gone, PrivateData.EMPTY, Diagnostics.of(removalNote(filename.get(), removal).stream()
        .toList()));
  }

  /** A warning when an old file could not be removed as expected; nothing when it is gone. */
  private static Optional<Diagnostic> removalNote(String filename, FileRemoval removal) {
    if (removal instanceof FileRemoval.NotRegularFile other) {
      return Optional.of(Diagnostic.warning(FILENAME_PATH, "File not deleted", "\"" + shown(filename)
          + "\" is no longer a regular file (it is " + describe(other.kind()) + "), so it was left in place and "
          + "the resource was removed from the state."));
    }
    if (removal instanceof FileRemoval.Failed failed) {
      return Optional.of(Diagnostic.warning(FILENAME_PATH, "Old file not deleted", "The previous file \""
          + shown(filename) + "\" could not be deleted: " + failed.problem().explanation() + " ("
          + failed.detail() + "). Delete it by hand."));
    }
    return Optional.empty();
  }

  private static Diagnostic writeFailed(String filename, Path target, FileWrite.Failed failed) {
    if (failed.problem() == FileProblem.IS_A_DIRECTORY) {
      return isDirectory(filename);
    }
    return Diagnostic.error(FILENAME_PATH, "Cannot write file", "The file \"" + shown(filename)
        + "\" could not be written: " + failed.problem().explanation() + " (" + failed.detail() + ")."
        + advice(failed.problem(), target));
  }

  private static String advice(FileProblem problem, Path target) {
    Path parent = target.getParent();
    return switch (problem) {
      case PERMISSION_DENIED -> " The user running Terraform needs write permission on the directory \""
          + shown(String.valueOf(parent)) + "\" (and on the file, if it exists).";
      case PARENT_NOT_A_DIRECTORY -> " A component of \"" + shown(String.valueOf(parent))
          + "\" is an existing file, so no directory can be created there.";
      case INVALID_PATH -> " Check the path's length (each name at most 255 bytes on most file systems) and "
          + "characters.";
      case READ_ONLY_FILE_SYSTEM -> " Choose a path on a writable file system.";
      case IS_A_DIRECTORY, IO_ERROR -> "";
    };
  }

  private static Diagnostic isDirectory(String filename) {
    return Diagnostic.error(FILENAME_PATH, "filename is a directory", "\"" + shown(filename)
        + "\" is an existing directory, so it cannot be written as a file. Name a file inside it instead, e.g. \""
        + shown(filename) + "/file.txt\".");
  }

  // --- read and import --------------------------------------------------------------------------------------------

  @Override
  public ReadResult read(ReadRequest request) {
    Value.ObjectVal current = request.current();
    Value gone = Value.nullOf(SCHEMA.block().impliedType());
    Optional<String> filename = knownString(current, FILENAME);
    Optional<Path> path = filename.flatMap(name -> locate(name).path());
    if (path.isEmpty()) {
      return new ReadResult(gone, PrivateData.EMPTY, Diagnostics.NONE);
    }
    if (current.get(CONTENT).isNull() && current.get(CONTENT_HASH).isNull()) {
      return readWriteOnly(current, filename.get(), path.get());
    }
    FileRead read = files.read(path.get());
    if (read instanceof FileRead.Content content) {
      OnDisk onDisk = OnDisk.of(content.bytes());
      Value.ObjectVal refreshed = current.with(CONTENT, Value.string(onDisk.text()))
          .with(EXISTS, Value.bool(true)).with(CONTENT_HASH, Value.string(onDisk.hash()));
      return new ReadResult(refreshed, PrivateData.EMPTY,
          onDisk.validUtf8() ? Diagnostics.NONE : Diagnostics.of(notUtf8(filename.get())));
    }
    if (read instanceof FileRead.Failed failed) {
      // The content cannot be compared: report it as unknown-to-us (null), so the next plan rewrites the file
      // instead of pretending it is empty.
      Value.ObjectVal unreadable = current.with(CONTENT, Value.nullOf(CtyType.STRING))
          .with(EXISTS, Value.bool(true)).with(CONTENT_HASH, Value.nullOf(CtyType.STRING));
      return new ReadResult(unreadable, PrivateData.EMPTY, Diagnostics.of(Diagnostic.warning(FILENAME_PATH,
          "Cannot read file", "\"" + shown(filename.get()) + "\" exists but could not be read: "
              + failed.problem().explanation() + " (" + failed.detail() + "). Its content is unknown, so the "
              + "next apply writes the configured content again.")));
    }
    // Missing, or no longer a regular file: the object is gone; the next plan creates it again.
    return new ReadResult(gone, PrivateData.EMPTY, Diagnostics.NONE);
  }

  /**
   * A file whose content the state does not hold (written from content_wo, or unreadable at the last refresh): only
   * whether it is still there can be checked; its bytes are never read into the state.
   */
  private ReadResult readWriteOnly(Value.ObjectVal current, String filename, Path path) {
    FileKind kind = files.kind(path);
    if (kind == FileKind.REGULAR_FILE) {
      return new ReadResult(current.with(EXISTS, Value.bool(true)), PrivateData.EMPTY, Diagnostics.NONE);
    }
    if (kind == FileKind.INACCESSIBLE) {
      return new ReadResult(current, PrivateData.EMPTY, Diagnostics.of(Diagnostic.warning(FILENAME_PATH,
          "Cannot check file", "Whether \"" + shown(filename) + "\" still exists could not be checked; the state "
              + "is kept as it was.")));
    }
    return new ReadResult(Value.nullOf(SCHEMA.block().impliedType()), PrivateData.EMPTY, Diagnostics.NONE);
  }

  @Override
  public Optional<IdentitySchema> identitySchema() {
    return Optional.of(IDENTITY);
  }

  /**
   * The file's absolute, normalised path: a respelling that names the same file ({@code ./a.txt} for {@code a.txt})
   * is an in-place update and must keep the identity. Unknown while the filename is.
   */
  @Override
  public Optional<Value.ObjectVal> identityOf(Value.ObjectVal state) {
    Value filename = state.get(FILENAME);
    Value identity = filename instanceof Value.Str name
        ? Value.string(locate(name.value()).path().map(Path::toString).orElse(name.value())) : filename;
    return Optional.of(Value.ObjectVal.of(Map.of(FILENAME, identity)));
  }

  @Override
  public ImportResult importByIdentity(Value.ObjectVal identity, ProviderContext provider) {
    return importState(knownString(identity, FILENAME).orElse(""), provider);
  }

  @Override
  public ImportResult importState(String id, ProviderContext provider) {
    Optional<Diagnostic> problem = filenameProblem(id);
    if (problem.isPresent()) {
      return ImportResult.refused(problem.get());
    }
    FileRead read = files.read(locate(id).path().orElseThrow());
    if (read instanceof FileRead.Content content) {
      OnDisk onDisk = OnDisk.of(content.bytes());
      Value.ObjectVal state = SCHEMA.block().emptyValue()
          .with(FILENAME, Value.string(id))
          .with(CONTENT, Value.string(onDisk.text()))
          .with(EXISTS, Value.bool(true))
          .with(CONTENT_HASH, Value.string(onDisk.hash()));
      return new ImportResult(Optional.of(state), PrivateData.EMPTY,
          onDisk.validUtf8() ? Diagnostics.NONE : Diagnostics.of(notUtf8(id)));
    }
    String why = read instanceof FileRead.NotRegularFile other ? "it is " + describe(other.kind())
        : read instanceof FileRead.Failed failed ? failed.problem().explanation() + " (" + failed.detail() + ")"
        : "no such file";
    return ImportResult.refused(Diagnostic.error("Cannot import pyvider_file_content",
        "The import id is the file's path; \"" + shown(id) + "\" cannot be imported: " + why + "."));
  }

  private static Diagnostic notUtf8(String filename) {
    return Diagnostic.warning(FILENAME_PATH, "File is not valid UTF-8", "\"" + shown(filename) + "\" holds bytes "
        + "that are not valid UTF-8. Its content is shown with U+FFFD replacement characters and content_hash is "
        + "the hash of the bytes on disk, so the next apply writes the configured content again.");
  }

  /** A file's bytes as the state shows them. */
  private record OnDisk(String text, String hash, boolean validUtf8) {
    static OnDisk of(byte[] bytes) {
      String hash = hashOf(bytes);
      try {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        return new OnDisk(text, hash, true);
      } catch (CharacterCodingException notUtf8) {
        return new OnDisk(new String(bytes, StandardCharsets.UTF_8), hash, false);
      }
    }
  }

  // --- helpers ----------------------------------------------------------------------------------------------------

  static String hashOfText(String content) {
    return hashOf(content.getBytes(StandardCharsets.UTF_8));
  }

  static String hashOf(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java platform provides SHA-256", impossible);
    }
  }

  static String describe(FileKind kind) {
    return switch (kind) {
      case DIRECTORY -> "a directory";
      case OTHER -> "a device, socket or pipe";
      case MISSING -> "missing";
      case REGULAR_FILE -> "a regular file";
      case INACCESSIBLE -> "inaccessible";
    };
  }

  /** A path for a message: control characters (a NUL, a newline) escaped so the message stays one readable line. */
  private static String shown(String path) {
    StringBuilder out = new StringBuilder(path.length());
    path.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
