package io.pyvider.adapters.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code doctor}: checks this machine (Java, versions, key configuration, the provider binary, the daemon, where
 * Terraform will find it), times a cold and a warm launch, then launches the provider binary exactly as Terraform
 * would and walks a timed token from create to destroy over the real protocol, one line per step with its time.
 */
@Command(name = "doctor",
    description = {"Check this machine, then drive a timed token through the real provider binary.",
        "",
        "Checks that the provider works on this machine: the Java runtime and versions, the private-state "
        + "key configuration, the provider binary, the provider daemon and where Terraform will find the provider; "
        + "times a cold launch (PYVIDER_DAEMON=off: a new JVM) against a warm one (through the daemon, started "
        + "first if none runs); then launches the provider binary exactly as Terraform does (go-plugin handshake, "
        + "mutual TLS, plugin protocol 6) and creates, refreshes, re-plans and destroys a timed token through the "
        + "real protocol, printing each step and its time.",
        "",
        "Exit 0 when every check passed, 1 when any failed. Warnings (such as a provider not installed yet) do not "
            + "fail."})
final class DoctorCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  private final Context context;
  private int failures;

  DoctorCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = context.out();
    long started = System.nanoTime();
    out.println(context.style.bold(Cli.NAME + " doctor"));
    ProviderSmokeTest.Steps steps = new ProviderSmokeTest.Steps() {
      @Override
      public void step(String name, boolean ok, String detail) {
        DoctorCommand.this.step(ok ? "ok" : "fail", name, detail);
      }

      @Override
      public void warn(String name, String detail) {
        DoctorCommand.this.step("warn", name, detail);
      }
    };
    step("ok", "Provider", context.distribution.version() + ", " + context.distribution.address() + ", protocol "
        + String.join("/", context.distribution.protocolVersions()) + ", " + context.distribution.platform());
    boolean ready = context.smokeTest.checkEnvironment(steps);
    pluginDirectory();
    if (ready) {
      context.smokeTest.walk(steps);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (failures == 0 && ready) {
      out.println(context.style.green("All checks passed: the provider works end to end on this machine.")
          + context.style.dim(" (" + millis + " ms)"));
      return ExitCodes.OK;
    }
    out.println(context.style.red(Math.max(failures, 1) + " check(s) failed.") + context.style.dim(" (" + millis
        + " ms)"));
    return ExitCodes.ERROR;
  }

  private void pluginDirectory() {
    PluginDirectories dirs = new PluginDirectories(context.environment, context.distribution);
    Optional<Path> installed = dirs.installed();
    if (dirs.devOverride()) {
      step("ok", "Plugin directory", "dev_overrides for " + dirs.distributionSource() + " in "
          + dirs.cliConfig().map(Path::toString).orElse("the CLI configuration"));
    } else if (installed.isPresent()) {
      step("ok", "Plugin directory", "installed in " + installed.get()
          + (dirs.explicitInstallation() ? " (a provider_installation block exists: it must list this directory "
              + "as a filesystem_mirror)" : ""));
    } else {
      step("warn", "Plugin directory", "not installed where Terraform looks (" + dirs.implied().stream()
          .map(Path::toString).findFirst().orElse("no HOME") + " and the other implied mirrors): run `" + Cli.NAME
          + " install`, or set a dev override");
    }
  }

  private void step(String outcome, String name, String detail) {
    String label = switch (outcome) {
      case "ok" -> context.style.green("ok  ");
      case "warn" -> context.style.yellow("warn");
      default -> context.style.red("FAIL");
    };
    if ("fail".equals(outcome)) {
      failures++;
    }
    context.out().printf("  %s %-28s %s%n", label, Printable.escape(name), Printable.escape(detail));
    context.out().flush();
  }
}
