data "pyvider_env_variables" "app" {
  prefix         = "APP_"
  transform_keys = "lower"
  # Masked in Terraform's output, but stored in the state like every data source result: to keep a secret out of the
  # state, read it with the ephemeral pyvider_env_variables instead.
  sensitive_keys = ["APP_API_TOKEN"]
}

data "pyvider_env_variables" "ci" {
  keys = ["CI", "GITHUB_SHA", "GITHUB_REF_NAME"]
}

resource "pyvider_file_content" "app_env" {
  filename = "${path.module}/generated/app.env"
  content  = join("\n", [for name, value in data.pyvider_env_variables.app.values : "${name}=${value}"])
}

output "commit" {
  value = lookup(data.pyvider_env_variables.ci.values, "GITHUB_SHA", "unknown")
}
