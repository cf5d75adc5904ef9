package io.pyvider.adapters.cli;

import io.pyvider.adapters.cli.docs.RegistryDocs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code docs generate [--check]}: writes the registry pages from the live schema and examples/, or (with --check)
 * compares them byte for byte and lists the stale ones. It owns docs/index.md and the directories of
 * {@link RegistryDocs#ownedDirectories()}: pages there that no component produces are removed (or, with --check,
 * reported). It never writes through a symbolic link, since a link at a page's path would let the repository's text
 * overwrite a file anywhere the user can write.
 */
@Command(name = "generate", sortOptions = false,
    description = {"Write docs/ for the Terraform Registry from the live schema and examples/ (--check: verify).",
        "",
        "Writes the Terraform Registry documentation from the live provider schema and the examples: "
        + "docs/index.md, docs/resources/<name>.md, docs/data-sources/<name>.md, "
        + "docs/ephemeral-resources/<name>.md, docs/list-resources/<name>.md, docs/actions/<name>.md and "
        + "docs/functions/<function>.md (front matter, description, example usage, and the full schema: "
        + "Required, Optional and Read-Only attributes with their types, descriptions, sensitivity and write-only "
        + "arguments; a function's signature and arguments; a resource's identity schema).",
        "",
        "Examples come from examples/provider/provider.tf, examples/resources/<type>/resource.tf, "
            + "examples/data-sources/<type>/data-source.tf, "
            + "examples/ephemeral-resources/<type>/ephemeral-resource.tf, "
            + "examples/list-resources/<type>/list-resource.tfquery.hcl, examples/actions/<type>/action.tf and "
            + "examples/functions/<function>/function.tf when they exist. A resource's Import section comes from "
            + "import-by-identity.tf, import-by-string-id.tf and import.sh beside its example. Prose a schema "
            + "cannot hold goes beside them, in Markdown: overview.md (after the description), guide.md (before "
            + "the schema) and reference.md (after it).",
        "",
        "The command owns docs/index.md, docs/resources/, docs/data-sources/, docs/ephemeral-resources/, "
            + "docs/list-resources/, docs/actions/ and docs/functions/: a page there that no component produces is "
            + "removed. Other files in docs/ are left alone. It refuses to write through a symbolic link at docs/, "
            + "at one of these directories or at a page.",
        "",
        "With --check nothing is written: the command fails (exit 1) and lists every stale page when docs/ "
            + "differs from what it would write. CI runs it."})
final class DocsGenerateCommand implements Callable<Integer> {

  private static final List<String> OWNED_DIRECTORIES = RegistryDocs.ownedDirectories();

  @Mixin
  CommonOptions common;

  @Option(names = "--check", description = "Write nothing; exit 1 and list the stale pages if docs/ is not up to "
      + "date.")
  boolean check;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", converter = NonBlankPathConverter.class,
      description = "The repository directory holding docs/ and examples/ (default: the current directory).")
  Path dir;

  private final Context context;

  DocsGenerateCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!Files.isDirectory(dir)) {
      throw new CliException("--dir " + dir + " is not a directory");
    }
    Path examples = dir.resolve("examples");
    Path docs = dir.resolve("docs");
    if (!Files.isDirectory(examples)) {
      context.err().println("Note: " + Printable.escape(examples.toString())
          + " does not exist, so the pages have no example usage");
    }
    RegistryDocs registry =
        new RegistryDocs("pyvider", context.schemas.schemas(), relative -> example(examples, relative));
    registry.unusedExamples().forEach(unused -> context.err().println("Note: " + Printable.escape(unused)));
    Map<String, String> pages = registry.pages();
    List<String> links = links(docs, pages.keySet());
    List<String> orphans = orphans(docs, pages);
    return check ? check(docs, pages, links, orphans) : write(docs, pages, links, orphans);
  }

  private int check(Path docs, Map<String, String> pages, List<String> links, List<String> orphans) {
    List<String> stale = new ArrayList<>();
    links.forEach(link -> stale.add(link + ": a symbolic link, which docs generate will not write through"));
    pages.forEach((relative, content) -> {
      if (links.stream().anyMatch(link -> ("docs/" + relative).startsWith(link))) {
        return; // reported as a link: comparing would read through it
      }
      Optional<byte[]> existing = read(docs.resolve(relative));
      if (existing.isEmpty()) {
        stale.add("docs/" + relative + ": missing");
      } else if (!Arrays.equals(existing.get(), content.getBytes(StandardCharsets.UTF_8))) {
        stale.add("docs/" + relative + ": differs from what the schema and examples give");
      }
    });
    orphans.forEach(relative -> stale.add("docs/" + relative + ": no component of the schema produces it"));
    if (stale.isEmpty()) {
      context.out().println("docs/ is up to date: " + pages.size() + " pages match the schema and examples.");
      return ExitCodes.OK;
    }
    PrintWriter err = context.err();
    stale.forEach(line -> err.println("  stale: " + Printable.escape(line)));
    throw new CliException("docs/ is stale (" + stale.size() + " page" + (stale.size() == 1 ? "" : "s")
        + "): run `" + RegistryDocs.GENERATOR + "` and commit the result");
  }

  private int write(Path docs, Map<String, String> pages, List<String> links, List<String> orphans) {
    if (!links.isEmpty()) {
      throw new CliException("refusing to write through symbolic links (" + String.join(", ", links)
          + "): docs generate writes regular files inside docs/ only; remove the links and run it again");
    }
    int written = 0;
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Path target = docs.resolve(page.getKey());
      byte[] content = page.getValue().getBytes(StandardCharsets.UTF_8);
      if (read(target).filter(existing -> Arrays.equals(existing, content)).isPresent()) {
        continue;
      }
      try {
        Files.createDirectories(target.getParent());
        // A link made since the check above still fails the write instead of being followed.
        Files.write(target, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        throw new CliException("cannot write " + target + ": " + PlainWords.of(e));
      }
      context.out().println("wrote   docs/" + Printable.escape(page.getKey()));
      written++;
    }
    for (String orphan : orphans) {
      try {
        Files.deleteIfExists(docs.resolve(orphan));
      } catch (IOException e) {
        throw new CliException("cannot remove " + docs.resolve(orphan) + ": " + PlainWords.of(e));
      }
      context.out().println("removed docs/" + Printable.escape(orphan) + " (no component of the schema produces it)");
    }
    context.out().println(pages.size() + " pages: " + written + " written, " + (pages.size() - written)
        + " unchanged, " + orphans.size() + " removed.");
    return ExitCodes.OK;
  }

  /** docs/ itself, the owned directories and the pages, wherever one of them is a symbolic link. */
  private static List<String> links(Path docs, Collection<String> pages) {
    List<String> links = new ArrayList<>();
    if (Files.isSymbolicLink(docs)) {
      return List.of("docs/");
    }
    OWNED_DIRECTORIES.stream().filter(directory -> Files.isSymbolicLink(docs.resolve(directory)))
        .forEach(directory -> links.add("docs/" + directory + "/"));
    pages.stream().filter(page -> Files.isSymbolicLink(docs.resolve(page)))
        .forEach(page -> links.add("docs/" + page));
    return List.copyOf(links);
  }

  /**
   * Markdown pages in the owned directories that the schema does not produce; a link there counts (removing it
   * removes only the link). A linked directory is not looked into.
   */
  private static List<String> orphans(Path docs, Map<String, String> pages) {
    TreeSet<String> found = new TreeSet<>();
    if (Files.isSymbolicLink(docs)) {
      return List.of();
    }
    for (String directory : OWNED_DIRECTORIES) {
      Path owned = docs.resolve(directory);
      if (!Files.isDirectory(owned, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (Stream<Path> files = Files.list(owned)) {
        files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
            .map(p -> directory + "/" + p.getFileName())
            .filter(name -> name.endsWith(".md") && !pages.containsKey(name)).forEach(found::add);
      } catch (IOException e) {
        throw new CliException("cannot list " + owned + ": " + PlainWords.of(e));
      }
    }
    return List.copyOf(found);
  }

  /** Example files larger than this are not examples: refused rather than pasted into a page. */
  private static final long MAX_EXAMPLE_BYTES = 1 << 20;

  private static Optional<String> example(Path examples, String relative) {
    Path file = examples.resolve(relative);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      // A link may point within examples/ (a shared snippet), never out of it: the page would publish whatever
      // file it leads to (a key, a state) with the repository's authority.
      if (!file.toRealPath().startsWith(examples.toRealPath())) {
        throw new CliException("the example " + Printable.escape(file.toString()) + " is a symbolic link leading out of "
            + Printable.escape(examples.toString()) + "; replace it with the file itself");
      }
      if (Files.size(file) > MAX_EXAMPLE_BYTES) {
        throw new CliException("the example " + Printable.escape(file.toString()) + " is larger than 1 MiB");
      }
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CliException("cannot read the example " + file + ": " + PlainWords.of(e));
    }
  }

  private static Optional<byte[]> read(Path file) {
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + PlainWords.of(e));
    }
  }
}
