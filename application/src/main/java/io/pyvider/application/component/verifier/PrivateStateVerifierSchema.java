package io.pyvider.application.component.verifier;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.List;

/** The schema of {@code pyvider_private_state_verifier}, version 1 as the Python provider wrote it. */
final class PrivateStateVerifierSchema {

  static final String TYPE_NAME = "pyvider_private_state_verifier";
  static final long VERSION = 1;

  static final String INPUT_VALUE = "input_value";
  static final String DECRYPTED_TOKEN = "decrypted_token";

  /** The private-state field the Python provider used. */
  static final String PRIVATE_SECRET_TOKEN = "secret_token";
  static final String SECRET_PREFIX = "SECRET_FOR_";

  private PrivateStateVerifierSchema() {
  }

  static final Schema SCHEMA = new Schema(VERSION, Block.of(
      "Test-only: proves that sealed private state travels from plan to apply. The plan derives a secret from "
          + "`input_value` and puts it only into the sealed private state; the apply reads it back from there "
          + "into `decrypted_token`. Served only in test mode (`PYVIDER_TESTMODE=true` or `pyvider_testmode = "
          + "true` in the provider block).",
      List.of(
          Attribute.builder(INPUT_VALUE, CtyType.STRING).required()
              .description("Any string. Changing it replaces the resource, so `decrypted_token` is derived and "
                  + "carried through private state again.").build(),
          Attribute.builder(DECRYPTED_TOKEN, CtyType.STRING).computed()
              .description("`SECRET_FOR_` followed by `input_value` in upper case, read at apply from the sealed "
                  + "private state the plan produced (never computed at apply from `input_value`). Apply fails "
                  + "with \"private state was not received\" when the private state did not arrive.").build())));
}
