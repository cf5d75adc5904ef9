package io.pyvider.adapters.grpc.plugin;

import io.pyvider.application.port.out.CrashReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;

/**
 * Crashes go to the provider log for the bug report: the failure and its message at ERROR, the stack at DEBUG, both
 * scrubbed first. An exception's message is built from whatever the failing code held, so anything shaped like a
 * secret (a timed token, a long hex or base64 run such as a key or a hash) is replaced before it is written.
 */
public final class LoggedCrashes implements CrashReport {

  private static final Pattern TOKEN = Pattern.compile("token-[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}");
  private static final Pattern LONG_RUN = Pattern.compile("[A-Za-z0-9+/=_-]{32,}");

  private final HcLog log;

  public LoggedCrashes(HcLog log) {
    this.log = log;
  }

  @Override
  public void crashed(String where, RuntimeException crash) {
    log.error("component crashed", "where", where, "error", crash.getClass().getName(),
        "message", scrub(String.valueOf(crash.getMessage())));
    if (log.isDebugEnabled()) {
      log.debug("component crash stack", "where", where, "stack", stack(crash));
    }
  }

  /** Logs a failure that escaped to the RPC layer, the same way. */
  public void escaped(String rpc, Throwable bug) {
    log.error("RPC failed", "rpc", rpc, "error", bug.getClass().getName(),
        "message", scrub(String.valueOf(bug.getMessage())));
    if (log.isDebugEnabled()) {
      log.debug("RPC failure stack", "rpc", rpc, "stack", stack(bug));
    }
  }

  static String scrub(String text) {
    String withoutTokens = TOKEN.matcher(text).replaceAll("token-<redacted>");
    return LONG_RUN.matcher(withoutTokens).replaceAll("<redacted>");
  }

  private static String stack(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return scrub(out.toString());
  }
}
