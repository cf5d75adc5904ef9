package io.pyvider.application.port.out;

/**
 * Where the engine reports a component's crash (an exception where a result was due): the diagnostic Terraform shows
 * names only the kind of failure, since an exception's message may hold any value it was built from; the full
 * message and stack go here, to the provider log, for the bug report.
 */
@FunctionalInterface
public interface CrashReport {

  void crashed(String where, RuntimeException crash);

  CrashReport NONE = (where, crash) -> {
  };
}
