package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;

/** ReadResource as a component sees it: the stored state and its private state. */
public record ReadRequest(Value.ObjectVal current, PrivateState privateState, ProviderContext provider) {
}
