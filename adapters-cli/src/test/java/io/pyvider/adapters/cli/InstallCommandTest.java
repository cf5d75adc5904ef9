package io.pyvider.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstallCommandTest {

  @TempDir
  Path temporary;

  private static final String LAYOUT = "registry.terraform.io/provide-io/pyvider/0.1.0/linux_amd64";

  @Test
  void installs_the_launcher_and_its_jar_in_the_filesystem_mirror_layout() throws IOException {
    CliHarness cli = new CliHarness(temporary);
    Path mirror = temporary.resolve("mirror");

    CliHarness.Result result = cli.run("install", "--dir", mirror.toString());

    assertEquals(ExitCodes.OK, result.code(), result.err());
    Path dir = mirror.resolve(LAYOUT);
    Path launcher = dir.resolve("terraform-provider-pyvider_v0.1.0");
    assertArrayEquals(Files.readAllBytes(cli.distribution.launcher), Files.readAllBytes(launcher));
    assertArrayEquals(Files.readAllBytes(cli.distribution.jar),
        Files.readAllBytes(dir.resolve("lib/terraform-provider-pyvider.jar")));
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(launcher)));
    assertTrue(result.out().contains("terraform-provider-pyvider_v0.1.0   (Terraform executes this)"), result.out());
  }

  @Test
  void prints_the_required_providers_and_provider_installation_snippets() {
    Path mirror = temporary.resolve("mirror").toAbsolutePath();
    String out = new CliHarness(temporary).run("install", "--dir", mirror.toString()).out();
    assertTrue(out.contains("""
        terraform {
          required_providers {
            pyvider = {
              source  = "provide-io/pyvider"
              version = "0.1.0"
            }
          }
        }
        """), out);
    assertTrue(out.contains("""
        provider_installation {
          filesystem_mirror {
            path    = "%s"
            include = ["registry.terraform.io/provide-io/pyvider"]
          }
          direct {
            exclude = ["registry.terraform.io/provide-io/pyvider"]
          }
        }
        """.formatted(mirror)), out);
  }

  @Test
  void the_default_is_the_users_implied_mirror_which_needs_no_cli_configuration() {
    CliHarness cli = new CliHarness(temporary);
    cli.environment.put("HOME", temporary.resolve("home").toString());
    CliHarness.Result result = cli.run("install");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertTrue(Files.isRegularFile(temporary.resolve("home/.terraform.d/plugins").resolve(LAYOUT)
        .resolve("terraform-provider-pyvider_v0.1.0")));
    assertTrue(result.out().contains("is one of Terraform's implied local mirrors, so no CLI configuration is "
        + "needed"), result.out());
  }

  @Test
  void installing_again_replaces_the_package_and_removes_files_terraform_would_execute_instead() throws IOException {
    CliHarness cli = new CliHarness(temporary);
    Path dir = temporary.resolve("mirror").resolve(LAYOUT);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("terraform-provider-pyvider.jar"), "an old layout's jar, which sorts first");
    assertEquals(ExitCodes.OK, cli.run("install", "--dir", temporary.resolve("mirror").toString()).code());
    assertEquals(ExitCodes.OK, cli.run("install", "--dir", temporary.resolve("mirror").toString()).code());
    assertFalse(Files.exists(dir.resolve("terraform-provider-pyvider.jar")));
  }

  @Test
  void without_home_or_dir_it_asks_for_dir() {
    CliHarness.Result result = new CliHarness(temporary).run("install");
    assertEquals(ExitCodes.ERROR, result.code());
    TokensAuditCommandTest.assertOneLine(result.err());
    assertTrue(result.err().contains("pass --dir"), result.err());
  }

  @Test
  void outside_the_launcher_it_says_the_package_was_not_found() {
    CliHarness cli = new CliHarness(temporary);
    cli.distribution.packaged = false;
    CliHarness.Result result = cli.run("install", "--dir", temporary.resolve("mirror").toString());
    assertEquals(ExitCodes.ERROR, result.code());
    TokensAuditCommandTest.assertOneLine(result.err());
    assertTrue(result.err().contains("the provider package was not found"), result.err());
  }

  @ParameterizedTest(name = "--dir \"{0}\"")
  @ValueSource(strings = {"", " ", "\t"})
  void an_empty_or_blank_dir_is_refused_instead_of_meaning_the_current_directory(String blank) throws IOException {
    Path workingDirectory = Path.of("").toAbsolutePath();
    List<String> before = listing(workingDirectory);

    CliHarness.Result result = new CliHarness(temporary).run("install", "--dir", blank);

    assertEquals(ExitCodes.USAGE, result.code(), result.out());
    TokensAuditCommandTest.assertOneLine(result.err());
    assertTrue(result.err().contains("--dir"), result.err());
    assertTrue(result.err().contains("is empty"), result.err());
    assertEquals("", result.out());
    assertEquals(before, listing(workingDirectory), "nothing was installed into the working directory");
  }

  private static List<String> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(Path::toString).sorted().toList();
    }
  }

  @Test
  void a_mirror_that_cannot_be_written_is_one_line() throws IOException {
    Path file = Files.writeString(temporary.resolve("a-file"), "not a directory");
    CliHarness.Result result = new CliHarness(temporary).run("install", "--dir", file.toString());
    assertEquals(ExitCodes.ERROR, result.code());
    TokensAuditCommandTest.assertOneLine(result.err());
    assertTrue(result.err().startsWith("Error: cannot install into "), result.err());
    assertTrue(result.err().endsWith(": " + file + " is a file, not a directory\n"), result.err());
  }
}
