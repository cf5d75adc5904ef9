package io.pyvider.adapters.cli;

import io.pyvider.application.port.in.ProviderSchemaUseCase;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.StateSealer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The operations CLI: one picocli command line with a subcommand per task. It reaches everything outside this adapter
 * through ports (schemas, sealing, clock, environment) and the interfaces the composition root implements
 * ({@link ProviderSmokeTest}, {@link ProviderDistribution}, {@link DaemonControl}). Errors are one line on stderr with a documented exit code
 * ({@link ExitCodes}); a stack trace only with {@code --debug}.
 */
public final class Cli {

  /** The executable's name, as users type it. */
  public static final String NAME = "terraform-provider-pyvider";

  private final ProviderSchemaUseCase schemas;
  private final StateSealer sealer;
  private final Clock clock;
  private final Environment environment;
  private final ProviderSmokeTest smokeTest;
  private final ProviderDistribution distribution;
  private final DaemonControl daemon;

  @Inject
  public Cli(ProviderSchemaUseCase schemas, StateSealer sealer, Clock clock, Environment environment,
      ProviderSmokeTest smokeTest, ProviderDistribution distribution, DaemonControl daemon) {
    this.schemas = schemas;
    this.sealer = sealer;
    this.clock = clock;
    this.environment = environment;
    this.smokeTest = smokeTest;
    this.distribution = distribution;
    this.daemon = daemon;
  }

  /** Runs one command line and returns its exit code. */
  public int run(CliStreams streams, String... args) {
    CommandLine line = commandLine(streams);
    boolean debug = Arrays.asList(args).contains("--debug");
    line.setParameterExceptionHandler((problem, arguments) -> {
      CommandLine failed = problem.getCommandLine();
      String suggestion = "";
      if (problem instanceof CommandLine.UnmatchedArgumentException unmatched
          && !unmatched.getSuggestions().isEmpty()) {
        suggestion = "; did you mean " + String.join(" or ", unmatched.getSuggestions().stream().limit(3).toList())
            + "?";
      }
      streams.err().println(Printable.escape("Usage error: " + oneLine(problem.getMessage()) + suggestion
          + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')"));
      streams.err().flush();
      return ExitCodes.USAGE;
    });
    line.setExecutionExceptionHandler((problem, failed, parsed) -> {
      if (problem instanceof CliException expected) {
        // Escaped, not joined into one line: a line break in it came from a path or the state, and shows as \n.
        streams.err().println("Error: " + Printable.escape(expected.getMessage().strip()));
        streams.err().flush();
        return expected.exitCode();
      }
      streams.err().println(Printable.escape("Error: " + failed.getCommandSpec().qualifiedName()
          + " failed unexpectedly: " + oneLine(PlainWords.of(problem))
          + (debug ? "" : " (run again with --debug for the stack trace)")));
      if (debug) {
        problem.printStackTrace(streams.err());
      }
      streams.err().flush();
      return ExitCodes.ERROR;
    });
    int code = line.execute(args);
    streams.out().flush();
    streams.err().flush();
    return code;
  }

  /** The command tree with the streams of one run; package-private for tests of the help text. */
  CommandLine commandLine(CliStreams streams) {
    Context context = new Context(schemas, sealer, clock, environment, smokeTest, distribution, daemon,
        streams);
    CommandLine root = new CommandLine(new RootCommand());
    root.getCommandSpec().versionProvider(() -> new String[] {NAME + " " + distribution.version()});
    root.addSubcommand(new CommandLine(new SchemaCommand(context)));
    root.addSubcommand(new CommandLine(new DocsCommand())
        .addSubcommand(new CommandLine(new DocsGenerateCommand(context))));
    root.addSubcommand(new CommandLine(new TokensCommand())
        .addSubcommand(new CommandLine(new TokensAuditCommand(context))));
    root.addSubcommand(new CommandLine(new StateCommand())
        .addSubcommand(new CommandLine(new StateUnsealCommand(context))));
    root.addSubcommand(new CommandLine(new KeygenCommand(context)));
    root.addSubcommand(new CommandLine(new DoctorCommand(context)));
    root.addSubcommand(new CommandLine(new DaemonCommand())
        .addSubcommand(new CommandLine(new DaemonStatusCommand(context)))
        .addSubcommand(new CommandLine(new DaemonStopCommand(context))));
    root.addSubcommand(new CommandLine(new InstallCommand(context)));
    root.addSubcommand(new CommandLine(new VersionCommand(context)));
    root.addSubcommand(new CommandLine(new CommandLine.HelpCommand()));
    exitCodes(root);
    root.setOut(streams.out());
    root.setErr(streams.err());
    root.setColorScheme(Help.defaultColorScheme(streams.colour() ? Help.Ansi.ON : Help.Ansi.OFF));
    root.setCaseInsensitiveEnumValuesAllowed(true);
    return root;
  }

  /** Every command documents its exit codes; tokens audit and the daemon commands have their own. */
  private static void exitCodes(CommandLine line) {
    CommandSpec spec = line.getCommandSpec();
    Object command = spec.userObject();
    String[] codes = command instanceof TokensAuditCommand ? ExitCodes.AUDIT
        : command instanceof DaemonStatusCommand || command instanceof DaemonStopCommand ? ExitCodes.DAEMON
        : ExitCodes.GENERAL;
    Map<String, String> list = new LinkedHashMap<>();
    for (String code : codes) {
      int colon = code.indexOf(':');
      list.put(code.substring(0, colon), code.substring(colon + 1));
    }
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
    for (CommandLine sub : List.copyOf(line.getSubcommands().values())) {
      if (sub.getCommandSpec().parent() == spec) {
        exitCodes(sub);
      }
    }
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
