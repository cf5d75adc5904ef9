package io.pyvider.application.component.envvariables;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.List;

/** The schema of the {@code pyvider_env_variables} data source. */
final class EnvVariablesSchema {

  static final String TYPE_NAME = "pyvider_env_variables";
  static final long VERSION = 1;

  static final String KEYS = "keys";
  static final String PREFIX = "prefix";
  static final String REGEX = "regex";
  static final String EXCLUDE_EMPTY = "exclude_empty";
  static final String CASE_SENSITIVE = "case_sensitive";
  static final String TRANSFORM_KEYS = "transform_keys";
  static final String TRANSFORM_VALUES = "transform_values";
  static final String SENSITIVE_KEYS = "sensitive_keys";
  static final String VALUES = "values";
  static final String SENSITIVE_VALUES = "sensitive_values";
  static final String ALL_VALUES = "all_values";
  static final String ALL_ENVIRONMENT = "all_environment";
  static final String INCLUDE_ALL_ENVIRONMENT = "include_all_environment";

  static final List<String> FILTERS = List.of(KEYS, PREFIX, REGEX);

  private EnvVariablesSchema() {
  }

  private static final CtyType STRINGS = CtyType.listOf(CtyType.STRING);
  private static final CtyType STRING_MAP = CtyType.mapOf(CtyType.STRING);

  private static final String SELECTION = "Select variables with at most one of `keys`, `prefix` or `regex` (none "
      + "selects every variable). The provider's own secrets and plugin plumbing are never returned: "
      + "`PYVIDER_PRIVATE_STATE_*`, `PLUGIN_*`, `TF_PLUGIN_MAGIC_COOKIE` and `TF_REATTACH_PROVIDERS` (names compared "
      + "ignoring case).";

  /** What selects and shapes the variables: the same for the data source and the ephemeral resource. */
  private static final List<Attribute> SELECTION_ATTRIBUTES = List.of(
          Attribute.builder(KEYS, STRINGS).optional()
              .description("Exact names of the variables to read. Names that are not set are skipped. With "
                  + "`case_sensitive = false` a name matches regardless of case.").build(),
          Attribute.builder(PREFIX, CtyType.STRING).optional()
              .description("Read every variable whose name starts with this prefix (ignoring case when "
                  + "`case_sensitive = false`).").build(),
          Attribute.builder(REGEX, CtyType.STRING).optional()
              .description("Read every variable whose whole name matches this Java regular expression (a full "
                  + "match: `API` matches only `API`, use `API.*` for a prefix). Ignores case when "
                  + "`case_sensitive = false`. An invalid expression is a validation error.").build(),
          Attribute.builder(EXCLUDE_EMPTY, CtyType.BOOL).optional().computed()
              .description("Leave out variables whose value is the empty string. Defaults to `true`.").build(),
          Attribute.builder(CASE_SENSITIVE, CtyType.BOOL).optional().computed()
              .description("Whether `keys`, `prefix` and `regex` compare names case-sensitively. Defaults to "
                  + "`true`.").build(),
          Attribute.builder(TRANSFORM_KEYS, CtyType.STRING).optional()
              .description("`\"upper\"` or `\"lower\"`: convert the names in the results. When two names become "
                  + "equal, the first in sorted order of the original names is kept and a warning says so.")
              .build(),
          Attribute.builder(TRANSFORM_VALUES, CtyType.STRING).optional()
              .description("`\"upper\"` or `\"lower\"`: convert the values in `values`, `sensitive_values` and "
                  + "`all_values`.").build(),
          Attribute.builder(SENSITIVE_KEYS, STRINGS).optional()
              .description("Names of variables whose values are secret: they go to `sensitive_values` instead of "
                  + "`values`. A variable is sensitive when its original or its transformed name equals an entry, "
                  + "ignoring case (so a transform cannot move a secret into `values`).").build());

  private static final List<Attribute> RESULT_ATTRIBUTES = List.of(
          Attribute.builder(VALUES, STRING_MAP).computed()
              .description("The selected variables that are not listed in `sensitive_keys`, by (transformed) "
                  + "name.").build(),
          Attribute.builder(SENSITIVE_VALUES, STRING_MAP).computed().sensitive()
              .description("The selected variables listed in `sensitive_keys`, by (transformed) name. "
                  + "Sensitive.").build(),
          Attribute.builder(ALL_VALUES, STRING_MAP).computed().sensitive()
              .description("`values` and `sensitive_values` together. Always sensitive: a schema cannot change "
                  + "per read, and it may hold secrets.").build());

  static final Schema SCHEMA = new Schema(VERSION, Block.of(
      "Reads environment variables of the provider process (the environment Terraform runs with). " + SELECTION
          + " Like every data source, its results are stored in the state in plain text: to read a secret without "
          + "storing it, use the ephemeral resource `pyvider_env_variables` instead.",
      concat(SELECTION_ATTRIBUTES, List.of(
          Attribute.builder(INCLUDE_ALL_ENVIRONMENT, CtyType.BOOL).optional().computed()
              .description("Also fill `all_environment` with the whole environment. Defaults to `false`. Think "
                  + "twice: the whole environment usually holds credentials (CI tokens, cloud keys), and a data "
                  + "source's results are stored in the state in plain text.").build()),
          RESULT_ATTRIBUTES, List.of(
          Attribute.builder(ALL_ENVIRONMENT, STRING_MAP).computed().sensitive()
              .description("Only with `include_all_environment = true` (null otherwise): every variable of the "
                  + "provider process, unfiltered and untransformed (empty values included), except the "
                  + "provider's own secrets and plugin plumbing. Sensitive, because it holds whatever credentials "
                  + "the environment holds; like every attribute it is stored in the state in plain text.")
              .build()))));

  static final Schema EPHEMERAL_SCHEMA = new Schema(0, Block.of(
      "Reads environment variables of the provider process without storing them: the values exist only in "
          + "Terraform's memory during the phase that opened them, never in the state or plan file. " + SELECTION,
      concat(SELECTION_ATTRIBUTES, RESULT_ATTRIBUTES)));

  @SafeVarargs
  private static List<Attribute> concat(List<Attribute>... parts) {
    List<Attribute> all = new java.util.ArrayList<>();
    for (List<Attribute> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }
}
