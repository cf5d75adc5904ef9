package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import java.util.List;

/**
 * The SPI a provider function implements (Terraform 1.8): pure, deterministic computation. Terraform calls
 * functions on a provider it has not configured and needs the same answer at plan and apply, so a function reads no
 * clock, environment or file: everything it needs arrives as an argument.
 */
public interface ProviderFunction {

  FunctionDeclaration declaration();

  /**
   * Computes the result for {@code arguments}, which the engine has decoded with the declared parameter types and
   * checked for null (unless allowed). Throwing is a bug; a bad argument is a {@link FunctionResult.Failed}.
   */
  FunctionResult call(List<Value> arguments);
}
