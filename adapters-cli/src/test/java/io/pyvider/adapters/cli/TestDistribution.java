package io.pyvider.adapters.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A provider package of two small files in a temporary directory: a launcher script and a jar. */
final class TestDistribution implements ProviderDistribution {

  final Path launcher;
  final Path jar;
  boolean packaged = true;

  TestDistribution(Path temporary) {
    try {
      Path dist = Files.createDirectories(temporary.resolve("dist"));
      launcher = Files.writeString(dist.resolve("terraform-provider-pyvider"), "#!/bin/sh\necho launcher\n");
      jar = Files.write(dist.resolve("terraform-provider-pyvider.jar"), new byte[] {'P', 'K', 3, 4});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String version() {
    return "0.1.0";
  }

  @Override
  public String hostname() {
    return "registry.terraform.io";
  }

  @Override
  public String namespace() {
    return "provide-io";
  }

  @Override
  public String type() {
    return "pyvider";
  }

  @Override
  public String platform() {
    return "linux_amd64";
  }

  @Override
  public List<String> protocolVersions() {
    return List.of("6.0");
  }

  @Override
  public List<PackageFile> packageFiles() {
    if (!packaged) {
      throw new IllegalStateException("the provider package was not found: run install through the "
          + "terraform-provider-pyvider launcher");
    }
    return List.of(new PackageFile("terraform-provider-pyvider_v0.1.0", launcher, true),
        new PackageFile("lib/terraform-provider-pyvider.jar", jar, false));
  }
}
