package io.pyvider.bootstrap.examples;

import io.pyvider.bootstrap.examples.Hcl.Pos;

/** Scopes that are not a Terraform walk. */
final class Scopes {

  private Scopes() {
  }

  /** For arguments Terraform evaluates without any references (an output's {@code sensitive}, a provider source). */
  static final Evaluator.Scope NONE = new Evaluator.Scope() {
    @Override
    public Ev variable(String name, Pos pos) {
      throw refused(pos);
    }

    @Override
    public Ev local(String name, Pos pos) {
      throw refused(pos);
    }

    @Override
    public Ev path(String name, Pos pos) {
      throw refused(pos);
    }

    @Override
    public Ev countIndex(Pos pos) {
      throw refused(pos);
    }

    @Override
    public Ev resource(String type, String name, Pos pos) {
      throw refused(pos);
    }

    @Override
    public Ev dataSource(String type, String name, Pos pos) {
      throw refused(pos);
    }

    @Override
    public Ev ephemeralResource(String type, String name, Pos pos) {
      throw refused(pos);
    }
  };

  private static Cty.ConfigError refused(Pos pos) {
    return Evaluator.error(pos, "Variables not allowed: references are not allowed here");
  }
}
