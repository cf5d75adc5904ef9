package io.pyvider.adapters.host;

import dagger.Module;
import dagger.Provides;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.FileStore;
import io.pyvider.application.port.out.HttpTransport;
import io.pyvider.application.port.out.Sleeper;
import io.pyvider.application.port.out.WorkingDirectory;
import java.nio.file.Path;
import javax.inject.Singleton;

/**
 * The host's clock, environment, working directory, files and network: the only code that reads process-global
 * state. The clock, environment and working directory are handed to each component instance by its factory (a daemon
 * serves many Terraform runs, each from its own directory with its own environment); the file store, HTTP transport
 * and sleeper are bound here.
 */
@Module
public abstract class HostModule {

  private HostModule() {
  }

  @Provides
  @Singleton
  static FileStore fileStore() {
    return localFileStore();
  }

  @Provides
  @Singleton
  static HttpTransport httpTransport() {
    return jdkHttpTransport();
  }

  @Provides
  @Singleton
  static Sleeper sleeper() {
    return threadSleeper();
  }

  /** The process environment, read once. */
  public static Environment processEnvironment() {
    return Environment.of(System.getenv());
  }

  public static WorkingDirectory processWorkingDirectory() {
    return new ProcessWorkingDirectory(Path.of(""));
  }

  /** The directory one Terraform run started the provider in (a daemon session's, sent by its launcher). */
  public static WorkingDirectory workingDirectory(Path directory) {
    return new ProcessWorkingDirectory(directory);
  }

  public static Clock systemClock() {
    return new SystemClock();
  }

  /** The local file system: atomic writes, failures as values. */
  public static FileStore localFileStore() {
    return new LocalFileStore();
  }

  /** HTTP through the JDK's client (created on first request): HTTP/1.1, TLS verified, bounded redirects. */
  public static HttpTransport jdkHttpTransport() {
    return new JdkHttpTransport();
  }

  /** Real waiting, cut short by cancellation. */
  public static Sleeper threadSleeper() {
    return new ThreadSleeper();
  }
}
