package io.pyvider.adapters.cli;

import io.pyvider.application.port.out.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where Terraform looks for providers without a registry: its implied local mirror directories (Terraform's CLI
 * configuration docs, "Implied Local Mirror Directories") and dev overrides in the CLI configuration file.
 */
final class PluginDirectories {

  private final Environment environment;
  private final ProviderDistribution distribution;

  PluginDirectories(Environment environment, ProviderDistribution distribution) {
    this.environment = environment;
    this.distribution = distribution;
  }

  /** The user's implied mirror directory that {@code install} uses by default: ~/.terraform.d/plugins. */
  Optional<Path> userDirectory() {
    return home().map(home -> home.resolve(".terraform.d").resolve("plugins"));
  }

  /** Every implied local mirror directory, in Terraform's order (./terraform.d/plugins aside). */
  List<Path> implied() {
    List<Path> dirs = new ArrayList<>();
    userDirectory().ifPresent(dirs::add);
    if (distribution.platform().startsWith("darwin_")) {
      home().ifPresent(home -> dirs.add(home.resolve("Library/Application Support/io.terraform/plugins")));
      dirs.add(Path.of("/Library/Application Support/io.terraform/plugins"));
      return dirs;
    }
    Optional<Path> dataHome = environment.get("XDG_DATA_HOME").filter(s -> !s.isEmpty()).map(Path::of)
        .or(() -> home().map(home -> home.resolve(".local/share")));
    dataHome.ifPresent(d -> dirs.add(d.resolve("terraform/plugins")));
    String dataDirs = environment.get("XDG_DATA_DIRS").filter(s -> !s.isEmpty()).orElse("/usr/local/share:/usr/share");
    for (String dir : dataDirs.split(":")) {
      if (!dir.isEmpty()) {
        dirs.add(Path.of(dir).resolve("terraform/plugins"));
      }
    }
    return dirs;
  }

  /** The package directory of this version and platform inside a mirror directory (Terraform's unpacked layout). */
  Path packageDirectory(Path mirror) {
    return mirror.resolve(distribution.hostname()).resolve(distribution.namespace()).resolve(distribution.type())
        .resolve(distribution.version()).resolve(distribution.platform());
  }

  /** The first implied mirror holding an executable of this version and platform. */
  Optional<Path> installed() {
    for (Path mirror : implied()) {
      Path dir = packageDirectory(mirror);
      if (executableIn(dir).isPresent()) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /**
   * The file Terraform would execute in a package directory: the first (by name) regular file whose name is
   * {@code terraform-provider-<type>} or continues with {@code _} or {@code .} (TF providercache ExecutableFile).
   */
  Optional<Path> executableIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    String prefix = "terraform-provider-" + distribution.type();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).filter(p -> {
        String name = p.getFileName().toString();
        return name.equals(prefix) || name.startsWith(prefix + "_") || name.startsWith(prefix + ".");
      }).sorted().findFirst();
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  /** The CLI configuration file Terraform reads, if it exists. */
  Optional<Path> cliConfig() {
    Optional<Path> configured = environment.get("TF_CLI_CONFIG_FILE").filter(s -> !s.isEmpty()).map(Path::of);
    Optional<Path> file = configured.or(() -> home().map(home -> home.resolve(".terraformrc")));
    return file.filter(Files::isRegularFile);
  }

  /** Whether the CLI configuration names this provider in a dev_overrides block. */
  boolean devOverride() {
    return cliConfig().map(file -> {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.contains("dev_overrides") && text.contains(distribution.source());
      } catch (IOException unreadable) {
        return false;
      }
    }).orElse(false);
  }

  /** Whether the CLI configuration has a provider_installation block (then implied mirrors are not used). */
  boolean explicitInstallation() {
    return cliConfig().map(file -> {
      try {
        return Files.readString(file, StandardCharsets.UTF_8).contains("provider_installation");
      } catch (IOException unreadable) {
        return false;
      }
    }).orElse(false);
  }

  /** The provider's source address, namespace/type. */
  String distributionSource() {
    return distribution.source();
  }

  private Optional<Path> home() {
    return environment.get("HOME").filter(s -> !s.isEmpty()).map(Path::of);
  }
}
