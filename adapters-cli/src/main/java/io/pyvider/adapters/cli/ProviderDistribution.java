package io.pyvider.adapters.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The installed provider as the composition root knows it: its version, its registry address, the platform it runs on
 * and the files of its package, so {@code install} and {@code version} need no knowledge of the launcher or the jar.
 */
public interface ProviderDistribution {

  /** The provider's version, such as {@code 0.1.0}. */
  String version();

  /** The registry host, such as {@code registry.terraform.io}. */
  String hostname();

  /** The registry namespace, such as {@code provide-io}. */
  String namespace();

  /** The provider type, {@code pyvider}. */
  String type();

  /** Terraform's name for this machine's platform, such as {@code linux_amd64}. */
  String platform();

  /** The plugin protocol versions the provider speaks, such as {@code 6.0}. */
  List<String> protocolVersions();

  /**
   * The files of the provider package, by their path inside the package directory; the executable is the one Terraform
   * starts. Throws {@link IllegalStateException} with a message for the user when the package cannot be found (for
   * example when the CLI runs from classes rather than from the launcher).
   */
  List<PackageFile> packageFiles();

  /** The source address users put in {@code required_providers}: {@code namespace/type}. */
  default String source() {
    return namespace() + "/" + type();
  }

  /** The full provider address: {@code hostname/namespace/type}. */
  default String address() {
    return hostname() + "/" + namespace() + "/" + type();
  }

  /** One file of the package: where it is now, and its path relative to the package directory. */
  record PackageFile(String relativePath, Path source, boolean executable) {
  }
}
