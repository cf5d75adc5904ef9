package io.pyvider.application.port.in;

import io.pyvider.domain.terraform.diag.Diagnostics;

/** List resources ({@code terraform query}): validate a list block's configuration, stream what it selects. */
public interface ListResourceUseCase {

  Diagnostics validate(Commands.ValidateConfig command);

  /** Streams events into {@code sink} until the listing ends, the limit is reached or the sink gives up. */
  void list(Commands.ListResources command, EventSink sink);

  /** Where events go, one at a time, as the client can take them. */
  interface EventSink {

    /** Sends one event, waiting while the client is not ready; {@code false} once it will take no more. */
    boolean send(Outcomes.ListEvent event);

    /** Whether the client went away (Terraform cancels the stream once it has its limit). */
    boolean cancelled();
  }
}
