package io.pyvider.adapters.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code keygen}: a new secret for PYVIDER_PRIVATE_STATE_SHARED_SECRET in the provider's own format (32 random bytes,
 * base64url without padding). Only the secret goes to stdout, so {@code $(… keygen)} captures exactly it; the advice
 * goes to stderr.
 */
@Command(name = "keygen", sortOptions = false,
    description = {"Print a new secret for PYVIDER_PRIVATE_STATE_SHARED_SECRET.",
        "",
        "The secret is 32 bytes from a secure "
        + "random source, base64url without padding (43 characters, no comma, so it can also be listed in "
        + "PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS).",
        "",
        "Only the secret is printed on stdout; how to use it goes to stderr (unless --quiet):",
        "",
        "  export PYVIDER_PRIVATE_STATE_SHARED_SECRET=\"$(" + Cli.NAME + " keygen --quiet)\""})
final class KeygenCommand implements Callable<Integer> {

  static final String SHARED_SECRET = "PYVIDER_PRIVATE_STATE_SHARED_SECRET";
  static final String PREVIOUS_SECRETS = "PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS";
  private static final int SECRET_BYTES = 32;

  @Mixin
  CommonOptions common;

  @Option(names = {"-q", "--quiet"}, description = "Print only the secret, without the advice on stderr.")
  boolean quiet;

  @Option(names = "--json", description = "Print {\"variable\": …, \"secret\": …} as JSON.")
  boolean json;

  private final Context context;
  private final SecureRandom random;

  KeygenCommand(Context context) {
    this(context, new SecureRandom());
  }

  KeygenCommand(Context context, SecureRandom random) {
    this.context = context;
    this.random = random;
  }

  @Override
  public Integer call() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    if (json) {
      ObjectNode document = context.object();
      document.put("variable", SHARED_SECRET);
      document.put("secret", secret);
      context.printJson(document);
    } else {
      context.out().println(secret);
    }
    if (!quiet && !json) {
      context.out().flush();
      advise();
    }
    return ExitCodes.OK;
  }

  private void advise() {
    var err = context.err();
    err.println();
    err.println("Set this secret as " + SHARED_SECRET + " everywhere Terraform runs with this state (every");
    err.println("workstation and CI job; keep it in your CI's secret store, never in the configuration):");
    err.println("  export " + SHARED_SECRET + "='<the secret above>'");
    boolean current = context.environment.get(SHARED_SECRET).filter(s -> !s.isEmpty()).isPresent();
    if (current) {
      err.println("A shared secret is already set here. To rotate, keep the old one readable until every state has");
      err.println("been refreshed (the provider re-seals private state with the new secret as it writes it):");
      err.println("  export " + PREVIOUS_SECRETS + "='<the old secret>'   (comma-separated for several)");
    } else {
      err.println("Private state sealed so far with the per-user key file still opens while that file exists, and");
      err.println("is sealed again with the shared secret whenever the provider next writes it.");
    }
  }
}
