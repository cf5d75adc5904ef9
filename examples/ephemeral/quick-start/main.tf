# Quick Start, with an ephemeral token
#
# The documentation's Quick Start (../../seed/quick-start) with the token kept out of the state and the plan:
#   - the token is an ephemeral block: Terraform opens a new one in each plan and apply and forgets it afterwards.
#   - the file receives it through the write-only content_wo. Terraform accepts a value derived from an ephemeral
#     resource only in write-only arguments, so content = jsonencode(...) would be refused ("Invalid use of
#     ephemeral value").
#   - content_wo_version says when the file is written: Terraform cannot see a write-only value change, so the file
#     is rewritten (with the token of that apply) only when the version changes.

# Generate a simple timed token, for this run only
ephemeral "pyvider_timed_token" "api_access" {
  name = "temporary-api-token"
}

# Use the token in other resources
resource "pyvider_file_content" "api_config" {
  filename = "${var.output_dir}/api_config.json"
  content_wo = jsonencode({
    api_token  = ephemeral.pyvider_timed_token.api_access.token
    expires_at = ephemeral.pyvider_timed_token.api_access.expires_at
  })
  content_wo_version = var.token_file_version
}
