package io.pyvider.bootstrap;

import io.pyvider.adapters.cli.ProviderDistribution;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The provider package as built in {@code bootstrap/target/dist}: the launcher script Terraform executes and the shaded
 * jar it runs. Installed, the launcher is named {@code terraform-provider-pyvider_v<version>} and the jar goes to
 * {@code lib/} (the launcher looks beside itself, then in lib/): a jar beside the launcher would match Terraform's
 * executable pattern {@code terraform-provider-pyvider[._]*} and, sorting first, be the file Terraform executes.
 */
final class LauncherDistribution implements ProviderDistribution {

  static final String JAR = "terraform-provider-pyvider.jar";

  private final Optional<String> launcher;

  /** {@code launcher}: the launcher's path ({@code -Dpyvider.launcher}), if the JVM was started through it. */
  LauncherDistribution(Optional<String> launcher) {
    this.launcher = launcher.filter(path -> !path.isEmpty());
  }

  @Override
  public String version() {
    String version = ProviderMain.class.getPackage().getImplementationVersion();
    return version == null ? "0.0.0-dev" : version;
  }

  @Override
  public String hostname() {
    return part(0);
  }

  @Override
  public String namespace() {
    return part(1);
  }

  @Override
  public String type() {
    return part(2);
  }

  @Override
  public String platform() {
    return platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
  }

  @Override
  public List<String> protocolVersions() {
    return List.of("6.0");
  }

  @Override
  public List<PackageFile> packageFiles() {
    Path jar = jar().orElseThrow(() -> new IllegalStateException("the provider jar was not found: this command runs "
        + "from the packaged provider (bootstrap/target/dist/terraform-provider-pyvider after mvn package)"));
    Path script = launcher.map(Path::of).filter(Files::isRegularFile)
        .or(() -> Optional.of(jar.resolveSibling("terraform-provider-pyvider")).filter(Files::isRegularFile))
        .orElseThrow(() -> new IllegalStateException("the provider launcher was not found beside " + jar
            + ": run this command through the terraform-provider-pyvider launcher"));
    return List.of(new PackageFile("terraform-provider-" + type() + "_v" + version(), script, true),
        new PackageFile("lib/" + JAR, jar, false));
  }

  /** Terraform's platform name (Go's GOOS_GOARCH) for Java's os.name and os.arch. */
  static String platform(String osName, String osArch) {
    String name = osName.toLowerCase(Locale.ROOT);
    String os = name.startsWith("linux") ? "linux"
        : name.startsWith("mac") || name.startsWith("darwin") ? "darwin"
        : name.startsWith("windows") ? "windows"
        : name.startsWith("freebsd") ? "freebsd"
        : name.startsWith("openbsd") ? "openbsd"
        : name.startsWith("sunos") || name.startsWith("solaris") ? "solaris"
        : name.replaceAll("[^a-z0-9]", "");
    String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i486", "i586", "i686" -> "386";
      case "arm", "arm32" -> "arm";
      default -> osArch.toLowerCase(Locale.ROOT);
    };
    return os + "_" + arch;
  }

  private static String part(int index) {
    return ProviderMain.PROVIDER_ADDRESS.split("/")[index];
  }

  private static Optional<Path> jar() {
    try {
      CodeSource source = ProviderMain.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException unknown) {
      return Optional.empty();
    }
  }
}
