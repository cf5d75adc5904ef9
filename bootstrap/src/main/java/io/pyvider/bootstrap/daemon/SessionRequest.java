package io.pyvider.bootstrap.daemon;

import java.util.List;
import java.util.Map;

/**
 * What a launcher sends for one Terraform run: the build key it expects, Terraform's working directory, the
 * arguments and the whole environment. The environment holds secrets: this type never prints it.
 */
public record SessionRequest(String buildKey, String workingDirectory, List<String> arguments,
    Map<String, String> environment) {

  public SessionRequest {
    arguments = List.copyOf(arguments);
    environment = Map.copyOf(environment);
  }

  @Override
  public String toString() {
    return "SessionRequest[cwd=" + workingDirectory + ", " + arguments.size() + " argument(s), "
        + environment.size() + " environment variable(s), values not shown]";
  }
}
