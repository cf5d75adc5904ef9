package io.pyvider.adapters.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyvider.adapters.cli.state.ResourceInstance;
import io.pyvider.adapters.cli.state.Selection;
import io.pyvider.adapters.cli.state.StateFile;
import io.pyvider.adapters.cli.tokens.TokenAudit;
import io.pyvider.adapters.cli.tokens.TokenStatus;
import io.pyvider.domain.token.ExpiryTimestamp;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tokens audit}: every pyvider_timed_token in a state file with its expiry and status, never the token; the exit
 * code tells cron and CI whether to alert.
 */
@Command(name = "audit", sortOptions = false,
    description = {"Audit the expiry of every timed token in a state file; the exit code says the worst.",
        "",
        "Lists every pyvider_timed_token instance in a Terraform state file (format version 4: every "
        + "module, count and for_each instance, and deposed objects) with its address, name, id, expires_at, "
        + "remaining time and status: valid, expiring (within --warn-before or the token's own rotate_before), "
        + "expired, or unreadable (no usable expires_at). The token itself is never printed, and no key is needed.",
        "",
        "The exit code says the worst status found, so a cron job or CI step can alert before a token expires:",
        "",
        "  terraform state pull | " + Cli.NAME + " tokens audit --state - || alert"})
final class TokensAuditCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--state", required = true, paramLabel = "FILE", converter = StateFiles.SourceConverter.class,
      description = "The state file: a terraform.tfstate, or - for standard input (terraform state pull).")
  String state;

  @Option(names = "--warn-before", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
      description = "Report a token as expiring when less than this remains (default: ${DEFAULT-VALUE}), such as "
          + "30s, 15m, 1h30m or 7d. A token's own rotate_before counts too, when longer.")
  Duration warnBefore;

  @Option(names = "--json", description = "Print the audit as JSON (tokens, summary and exit code).")
  boolean json;

  private final Context context;

  TokensAuditCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    StateFile file = StateFiles.read(context, state, Selection.managed(TokenAudit.TYPE));
    Instant now = context.clock.now();
    List<TokenAudit.Finding> findings = TokenAudit.audit(file.instances(), now, warnBefore);
    int exitCode = TokenAudit.exitCode(findings);
    if (json) {
      context.printJson(json(file, now, findings, exitCode));
    } else {
      table(file, now, findings);
    }
    return exitCode;
  }

  private ObjectNode json(StateFile file, Instant now, List<TokenAudit.Finding> findings, int exitCode) {
    ObjectNode root = context.object();
    root.put("state", file.name());
    root.put("checked_at", ExpiryTimestamp.format(now));
    root.put("warn_before", Durations.format(warnBefore));
    root.put("warn_before_seconds", warnBefore.getSeconds());
    ArrayNode tokens = root.putArray("tokens");
    for (TokenAudit.Finding finding : findings) {
      ResourceInstance instance = finding.instance();
      ObjectNode token = tokens.addObject();
      token.put("address", instance.address());
      token.put("module", instance.module().isEmpty() ? null : instance.module());
      token.put("resource", instance.resourceAddress());
      if (instance.indexKey() instanceof Number number) {
        token.put("index_key", number.longValue());
      } else {
        token.put("index_key", (String) instance.indexKey());
      }
      token.put("deposed", instance.deposed());
      token.put("schema_version", instance.schemaVersion());
      token.put("name", finding.name().orElse(null));
      token.put("id", finding.id().orElse(null));
      token.put("expires_at", finding.expiresAt().orElse(null));
      if (finding.remaining().isPresent()) {
        token.put("remaining_seconds", finding.remaining().get().getSeconds());
        token.put("remaining", remaining(finding));
      } else {
        token.putNull("remaining_seconds");
        token.putNull("remaining");
      }
      token.put("status", finding.status().word());
      token.put("detail", finding.detail().isEmpty() ? null : finding.detail());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("total", findings.size());
    counts(findings).forEach((status, count) -> summary.put(status.word(), count));
    root.put("exit_code", exitCode);
    return root;
  }

  private void table(StateFile file, Instant now, List<TokenAudit.Finding> findings) {
    PrintWriter out = context.out();
    if (findings.isEmpty()) {
      out.println("No pyvider_timed_token in " + Printable.escape(file.name()) + ".");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ADDRESS", "NAME", "ID", "EXPIRES AT", "REMAINING", "STATUS", "DETAIL"});
    for (TokenAudit.Finding finding : findings) {
      rows.add(Stream.of(finding.instance().displayAddress(), finding.name().orElse("-"), finding.id().orElse("-"),
          finding.expiresAt().orElse("-"), finding.remaining().isPresent() ? remaining(finding) : "-",
          finding.status().word(), finding.detail()).map(Printable::escape).toArray(String[]::new));
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        String cell = c == row.length - 1 ? row[c] : pad(row[c], widths[c]);
        if (r == 0) {
          cell = context.style.bold(cell);
        } else if (c == 5) {
          cell = paint(findings.get(r - 1).status(), cell);
        }
        line.append(c == 0 ? "" : "  ").append(cell);
      }
      out.println(line.toString().stripTrailing());
    }
    out.println();
    List<String> parts = new ArrayList<>();
    counts(findings).forEach((status, count) -> {
      if (count > 0) {
        parts.add(paint(status, count + " " + status.word()));
      }
    });
    out.println(findings.size() + " token" + (findings.size() == 1 ? "" : "s") + " in "
        + Printable.escape(file.name()) + " at "
        + ExpiryTimestamp.format(now) + " (warning " + Durations.format(warnBefore) + " before expiry): "
        + String.join(", ", parts) + ".");
  }

  private static String remaining(TokenAudit.Finding finding) {
    Duration remaining = finding.remaining().orElseThrow();
    return remaining.isNegative() || remaining.isZero() ? Durations.approximate(remaining) + " ago"
        : Durations.approximate(remaining);
  }

  private String paint(TokenStatus status, String text) {
    return switch (status) {
      case VALID -> context.style.green(text);
      case EXPIRING -> context.style.yellow(text);
      case UNREADABLE -> context.style.magenta(text);
      case EXPIRED -> context.style.red(text);
    };
  }

  private static Map<TokenStatus, Integer> counts(List<TokenAudit.Finding> findings) {
    Map<TokenStatus, Integer> counts = new EnumMap<>(TokenStatus.class);
    for (TokenStatus status : TokenStatus.values()) {
      counts.put(status, 0);
    }
    findings.forEach(finding -> counts.merge(finding.status(), 1, Integer::sum));
    return counts;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
