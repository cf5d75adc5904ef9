package io.pyvider.application.port.out;

/**
 * Seals and opens private state (authenticated encryption with the resource type as associated data). Sealing always
 * uses the current key; opening tries every key of the ring and the formats older providers wrote.
 */
public interface StateSealer {

  /** Seals {@code data}; empty data seals to an empty blob, which Terraform stores as "no private state". */
  SealResult seal(PrivateData data, SealingContext context);

  /** Opens a blob; an empty blob opens to {@link PrivateData#EMPTY}. */
  UnsealResult unseal(byte[] blob, SealingContext context);
}
