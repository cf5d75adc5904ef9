package io.pyvider.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.adapters.host.HostModule;
import io.pyvider.application.port.out.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's own threads for calls that wait on the host end with the run: nothing of a daemon session stays. */
class ProviderRunTest {

  @TempDir
  Path workingDirectory;

  private ProviderRun start() {
    ProviderRun.Inputs inputs = new ProviderRun.Inputs(Environment.of(Map.of()), workingDirectory,
        HostModule.systemClock(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), true,
        Runnable::run);
    ProviderRun.Start start = ProviderRun.start(inputs);
    assertTrue(start instanceof ProviderRun.Serving, start.toString());
    return ((ProviderRun.Serving) start).run();
  }

  @Test
  void eachRunHasItsOwnHostWorkPoolAndStoppingTheRunStopsIt() throws Exception {
    ProviderRun first = start();
    ProviderRun second = start();
    try {
      assertNotSame(first.hostWork(), second.hostWork());
      first.hostWork().execute(() -> { });

      first.stop();

      assertTrue(first.hostWork().awaitTermination(10, TimeUnit.SECONDS), "the stopped run's pool still runs");
      assertFalse(second.hostWork().isShutdown(), "stopping one run stopped another's pool");
    } finally {
      first.stop();
      second.stop();
    }
  }
}
