package io.pyvider.application.component.timedtoken;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.List;

/** The schema of {@code pyvider_timed_token}, version 2 (the Python provider wrote version 1). */
final class TimedTokenSchema {

  static final String TYPE_NAME = "pyvider_timed_token";
  static final long VERSION = 2;

  static final String NAME = "name";
  static final String ID = "id";
  static final String TOKEN = "token";
  static final String EXPIRES_AT = "expires_at";
  static final String LIFETIME = "lifetime";
  static final String ROTATE_BEFORE = "rotate_before";
  static final String KEEPERS = "keepers";
  static final String READY_FOR_ROTATION = "ready_for_rotation";

  static final String DEFAULT_LIFETIME = "1h";

  private TimedTokenSchema() {
  }

  static final Schema SCHEMA = new Schema(VERSION, Block.of(
      "A time-limited token with automatic expiration management. The token is generated when the resource is "
          + "created, sealed in Terraform's private state, and re-issued by a normal replacement once it has "
          + "expired or is within `rotate_before` of expiring.",
      List.of(
          Attribute.builder(NAME, CtyType.STRING).required()
              .description("A human-readable name for the token. Changing it renames the token in place; the "
                  + "secret and expiry are kept.").build(),
          Attribute.builder(ID, CtyType.STRING).computed()
              .description("Unique token identifier, `timed-token-id-{uuid}`, generated at apply.").build(),
          Attribute.builder(TOKEN, CtyType.STRING).computed().sensitive()
              .description("The secret token value, `token-{uuid}` (a random version-4 UUID), generated at apply. "
                  + "Sensitive: Terraform masks it in plans and output, but it is stored in the state like any "
                  + "attribute, so protect the state.").build(),
          Attribute.builder(EXPIRES_AT, CtyType.STRING).computed()
              .description("When the token expires: ISO 8601 in UTC with microseconds, "
                  + "`YYYY-MM-DDTHH:MM:SS.ffffff+00:00`. Not sensitive, so outputs may show it.").build(),
          Attribute.builder(LIFETIME, CtyType.STRING).optional().computed()
              .description("How long a token lives once issued, as a duration such as `\"30s\"`, `\"90m\"`, "
                  + "`\"1h\"`, `\"1h30m\"` or `\"7d\"` (whole seconds). Defaults to `\"1h\"`. Changing it "
                  + "issues a new token.").build(),
          Attribute.builder(ROTATE_BEFORE, CtyType.STRING).optional()
              .description("Re-issue the token this long before it expires (a duration, shorter than "
                  + "`lifetime`). Without it the token is re-issued once it has expired.").build(),
          Attribute.builder(KEEPERS, CtyType.mapOf(CtyType.STRING)).optional()
              .description("Arbitrary strings; any change to them issues a new token, the way `random_password` "
                  + "keepers do.").build(),
          Attribute.builder(READY_FOR_ROTATION, CtyType.BOOL).computed()
              .description("True once a refresh found the token expired or inside its `rotate_before` window; "
                  + "the next plan then replaces the token (`-/+`, compatible with `create_before_destroy`).")
              .build())));
}
