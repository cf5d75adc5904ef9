# Read a secret that the environment running Terraform provides (a CI secret, for example) without storing it:
# unlike the data source, nothing it reads reaches the state or the plan file.
ephemeral "pyvider_env_variables" "database" {
  keys           = ["DATABASE_PASSWORD"]
  sensitive_keys = ["DATABASE_PASSWORD"] # masked in Terraform's output as well
}

resource "pyvider_file_content" "database_password" {
  filename = "${path.module}/secrets/database.password"
  # Every run that reads this configuration (destroy included) needs DATABASE_PASSWORD set and not empty: without
  # it the index fails, rather than an empty file being written.
  content_wo = ephemeral.pyvider_env_variables.database.sensitive_values["DATABASE_PASSWORD"]

  # Increase after rotating the password, to write the new value to the file.
  content_wo_version = 1
}
