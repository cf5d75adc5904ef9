package io.pyvider.application.component.timedtoken;

import static io.pyvider.application.component.timedtoken.TimedTokenSchema.DEFAULT_LIFETIME;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.EXPIRES_AT;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.ID;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.LIFETIME;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.NAME;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.TOKEN;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.List;

/** The schema of the ephemeral {@code pyvider_timed_token}: the managed token's values, minus rotation. */
final class TimedTokenEphemeralSchema {

  private TimedTokenEphemeralSchema() {
  }

  static final Schema SCHEMA = new Schema(0, Block.of(
      "A time-limited token that is never stored: Terraform opens a fresh one in each phase that needs it (plan, "
          + "apply) and forgets it at the end of that phase, so it appears in neither the state nor the plan file. "
          + "Use it where the token only has to reach something else during the run, such as a file written "
          + "through `pyvider_file_content`'s write-only `content_wo`, a provider block or another ephemeral "
          + "value.",
      List.of(
          Attribute.builder(NAME, CtyType.STRING).required()
              .description("A human-readable name for the token.").build(),
          Attribute.builder(LIFETIME, CtyType.STRING).optional().computed()
              .description("How long the token lives once opened, as a duration such as `\"30s\"`, `\"90m\"` or "
                  + "`\"1h30m\"` (whole seconds). Defaults to `\"" + DEFAULT_LIFETIME + "\"`.").build(),
          Attribute.builder(ID, CtyType.STRING).computed()
              .description("Token identifier, `timed-token-id-{uuid}`, new at every open.").build(),
          Attribute.builder(TOKEN, CtyType.STRING).computed().sensitive()
              .description("The secret, `token-{uuid}` (a random version-4 UUID), new at every open. It exists "
                  + "only in Terraform's memory for the phase that opened it.").build(),
          Attribute.builder(EXPIRES_AT, CtyType.STRING).computed()
              .description("When the token expires: ISO 8601 in UTC with microseconds, "
                  + "`YYYY-MM-DDTHH:MM:SS.ffffff+00:00`. Terraform asks the provider to renew the token at that "
                  + "time; a run still going then gets a warning that the token has expired.").build())));
}
