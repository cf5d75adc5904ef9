package io.pyvider.domain.terraform.schema;

import io.pyvider.domain.terraform.cty.CtyType;
import java.util.Objects;

/**
 * One attribute of a schema block: its type, how configuration and provider share it (required, optional,
 * computed), and how Terraform must treat its value (sensitive, write-only). Build with {@link #builder}.
 */
public record Attribute(
    String name,
    CtyType type,
    String description,
    boolean required,
    boolean optional,
    boolean computed,
    boolean sensitive,
    boolean writeOnly,
    boolean deprecated) {

  public Attribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
    if (required && (optional || computed)) {
      throw new IllegalArgumentException(name + ": a required attribute is neither optional nor computed");
    }
    if (!required && !optional && !computed) {
      throw new IllegalArgumentException(name + ": an attribute must be required, optional or computed");
    }
    if (writeOnly && computed) {
      throw new IllegalArgumentException(name + ": a write-only attribute cannot be computed");
    }
  }

  /** Computed and not settable from configuration: only the provider decides its value. */
  public boolean computedOnly() {
    return computed && !optional;
  }

  public static Builder builder(String name, CtyType type) {
    return new Builder(name, type);
  }

  /** Fluent construction, so schemas read like declarations. */
  public static final class Builder {
    private final String name;
    private final CtyType type;
    private String description = "";
    private boolean required;
    private boolean optional;
    private boolean computed;
    private boolean sensitive;
    private boolean writeOnly;
    private boolean deprecated;

    private Builder(String name, CtyType type) {
      this.name = name;
      this.type = type;
    }

    public Builder description(String text) {
      this.description = text;
      return this;
    }

    public Builder required() {
      this.required = true;
      return this;
    }

    public Builder optional() {
      this.optional = true;
      return this;
    }

    public Builder computed() {
      this.computed = true;
      return this;
    }

    public Builder sensitive() {
      this.sensitive = true;
      return this;
    }

    public Builder writeOnly() {
      this.writeOnly = true;
      return this;
    }

    public Builder deprecated() {
      this.deprecated = true;
      return this;
    }

    public Attribute build() {
      return new Attribute(name, type, description, required, optional, computed, sensitive, writeOnly, deprecated);
    }
  }
}
