package io.pyvider.adapters.host;

import dagger.Module;
import dagger.Provides;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.WorkingDirectory;
import java.nio.file.Path;
import javax.inject.Singleton;

/**
 * The host's clock, environment and working directory: the only code that reads process-global state. The clock and
 * environment are handed to each component instance by its factory (so tests and future multi-run hosting choose
 * them); the working directory is bound here.
 */
@Module
public abstract class HostModule {

  private HostModule() {
  }

  @Provides
  @Singleton
  static WorkingDirectory workingDirectory() {
    return processWorkingDirectory();
  }

  /** The process environment, read once. */
  public static Environment processEnvironment() {
    return Environment.of(System.getenv());
  }

  public static WorkingDirectory processWorkingDirectory() {
    return new ProcessWorkingDirectory(Path.of(""));
  }

  public static Clock systemClock() {
    return new SystemClock();
  }
}
