# Quick Start
#
# From the pyvider_timed_token documentation page, as the user wrote it. Changed only to make it run
# anywhere and pass `terraform plan` a second time with no changes:
#   - file paths: under var.output_dir instead of /tmp.
# Each change is marked "seed:" where it is made.

# Generate a simple timed token
resource "pyvider_timed_token" "api_access" {
  name = "temporary-api-token"
}

# Use the token in other resources
resource "pyvider_file_content" "api_config" {
  filename = "${var.output_dir}/api_config.json" # seed: was "/tmp/api_config.json"
  content = jsonencode({
    api_token = pyvider_timed_token.api_access.token
    expires_at = pyvider_timed_token.api_access.expires_at
  })
}
