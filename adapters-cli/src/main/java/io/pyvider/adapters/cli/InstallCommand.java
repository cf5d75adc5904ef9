package io.pyvider.adapters.cli;

import io.pyvider.adapters.cli.state.Addresses;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code install}: puts this provider where Terraform finds it, in the unpacked filesystem-mirror layout
 * {@code <dir>/registry.terraform.io/<namespace>/pyvider/<version>/<os>_<arch>/}, and prints the configuration
 * snippets. The launcher goes in as {@code terraform-provider-pyvider_v<version>} and the jar under {@code lib/}: a
 * jar beside the launcher would itself match Terraform's executable pattern and, sorting first, be executed.
 */
@Command(name = "install", sortOptions = false,
    description = {"Install the provider where Terraform finds it and print the configuration snippets.",
        "",
        "Installs into the filesystem mirror layout "
        + "<dir>/registry.terraform.io/provide-io/pyvider/<version>/<os>_<arch>/ (the launcher plus its jar in "
        + "lib/), then prints the required_providers and provider_installation snippets.",
        "",
        "The default directory, ~/.terraform.d/plugins, is one of Terraform's implied local mirrors: with no "
            + "provider_installation block in the CLI configuration, terraform init finds the provider there "
            + "without further setup."})
final class InstallCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--dir", paramLabel = "DIR", converter = NonBlankPathConverter.class,
      description = "The mirror directory to install into (default: ~/.terraform.d/plugins).")
  Path dir;

  private final Context context;

  InstallCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ProviderDistribution distribution = context.distribution;
    PluginDirectories dirs = new PluginDirectories(context.environment, distribution);
    Path mirror = dir != null ? dir : dirs.userDirectory().orElseThrow(() ->
        new CliException("HOME is not set, so there is no default plugin directory: pass --dir"));
    List<ProviderDistribution.PackageFile> files;
    try {
      files = distribution.packageFiles();
    } catch (IllegalStateException notPackaged) {
      throw new CliException(notPackaged.getMessage());
    }
    Path target = dirs.packageDirectory(mirror).toAbsolutePath().normalize();
    copy(files, target);
    Path executable = dirs.executableIn(target).orElseThrow(() ->
        new CliException("installed into " + target + ", but no file there is what Terraform executes"));
    report(distribution, mirror.toAbsolutePath().normalize(), target, files, executable, dirs);
    return ExitCodes.OK;
  }

  private void copy(List<ProviderDistribution.PackageFile> files, Path target) {
    // Creating the directories would fail below a file with "not a directory" for a path that is not the culprit.
    Path nearest = target;
    while (nearest != null && !Files.exists(nearest)) {
      nearest = nearest.getParent();
    }
    if (nearest != null && !Files.isDirectory(nearest)) {
      throw new CliException("cannot install into " + target + ": " + nearest + " is a file, not a directory");
    }
    try {
      Files.createDirectories(target);
      Set<String> ours = files.stream().map(ProviderDistribution.PackageFile::relativePath).collect(Collectors.toSet());
      // Terraform executes the first file named terraform-provider-pyvider*: remove leftovers of other layouts.
      try (Stream<Path> existing = Files.list(target)) {
        for (Path stale : existing.filter(Files::isRegularFile)
            .filter(p -> p.getFileName().toString().startsWith("terraform-provider-" + context.distribution.type()))
            .filter(p -> !ours.contains(p.getFileName().toString())).toList()) {
          Files.delete(stale);
        }
      }
      for (ProviderDistribution.PackageFile file : files) {
        Path destination = target.resolve(file.relativePath()).normalize();
        if (!destination.startsWith(target)) {
          throw new CliException("package file " + file.relativePath() + " would land outside " + target);
        }
        Files.createDirectories(destination.getParent());
        Files.copy(file.source(), destination, StandardCopyOption.REPLACE_EXISTING);
        if (Files.getFileAttributeView(destination, PosixFileAttributeView.class) != null) {
          Files.setPosixFilePermissions(destination,
              PosixFilePermissions.fromString(file.executable() ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    } catch (IOException e) {
      throw new CliException("cannot install into " + target + ": " + PlainWords.of(e));
    }
  }

  private void report(ProviderDistribution distribution, Path mirror, Path target,
      List<ProviderDistribution.PackageFile> files, Path executable, PluginDirectories dirs) {
    PrintWriter out = context.out();
    Style style = context.style;
    out.println(style.green("Installed") + " " + Cli.NAME + " " + distribution.version() + " ("
        + distribution.platform() + ") in");
    out.println("  " + Printable.escape(target.toString()));
    files.forEach(file -> out.println("    " + Printable.escape(file.relativePath())
        + (target.resolve(file.relativePath()).equals(executable) ? "   (Terraform executes this)" : "")));
    out.println();
    out.println("In the Terraform configuration:");
    out.println();
    out.println("terraform {");
    out.println("  required_providers {");
    out.println("    " + distribution.type() + " = {");
    out.println("      source  = \"" + distribution.source() + "\"");
    out.println("      version = \"" + distribution.version() + "\"");
    out.println("    }");
    out.println("  }");
    out.println("}");
    out.println();
    boolean implied = dirs.implied().stream().anyMatch(d -> d.toAbsolutePath().normalize().equals(mirror));
    if (implied && !dirs.explicitInstallation()) {
      out.println(Printable.escape(mirror.toString()) + " is one of Terraform's implied local mirrors, so no CLI "
          + "configuration is needed.");
      out.println("If you ever add a provider_installation block to ~/.terraformrc, include this in it:");
    } else {
      out.println("In the Terraform CLI configuration (~/.terraformrc, or the file TF_CLI_CONFIG_FILE names):");
    }
    out.println();
    out.println("provider_installation {");
    out.println("  filesystem_mirror {");
    out.println("    path    = " + Printable.escape(Addresses.quote(mirror.toString())));
    out.println("    include = [\"" + distribution.address() + "\"]");
    out.println("  }");
    out.println("  direct {");
    out.println("    exclude = [\"" + distribution.address() + "\"]");
    out.println("  }");
    out.println("}");
    out.println();
    out.println("Then run `terraform init` (add -upgrade when a lock file pins another version).");
  }
}
