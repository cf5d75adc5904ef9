package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;
import java.util.Objects;

/**
 * What every component call may know about the provider instance serving it: the provider configuration (null until
 * ConfigureProvider), whether test-only components are enabled, and whether Terraform asked us to stop.
 */
public record ProviderContext(Value providerConfig, boolean testMode, Cancellation cancellation) {

  public ProviderContext {
    Objects.requireNonNull(cancellation, "cancellation");
  }

  /** Cooperative cancellation: long-running work checks it and gives up early after StopProvider. */
  public interface Cancellation {
    boolean isCancelled();

    Cancellation NEVER = () -> false;
  }
}
