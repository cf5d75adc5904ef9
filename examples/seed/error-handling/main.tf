# Error Handling
#
# From the pyvider_timed_token documentation page, as the user wrote it. Changed only to make it run
# anywhere and pass `terraform plan` a second time with no changes:
#   - file paths: under var.output_dir instead of /config and /tmp.
#   - timestamp() is unknown during every plan and new at every apply, so a file using it would be rewritten on
#     every run and a second plan would never be empty; var.generated_at (variables.tf) stands in for it.
# Each change is marked "seed:" where it is made.

# --- Token Access Validation ---

resource "pyvider_timed_token" "api_token" {
  name = "service-integration"
}

# Validate token is available before use
locals {
  token_valid = (
    pyvider_timed_token.api_token.token != null &&
    pyvider_timed_token.api_token.expires_at != null
  )
}

# Conditional resource creation
resource "pyvider_file_content" "api_config" {
  count = local.token_valid ? 1 : 0

  filename = "${var.output_dir}/config/api_credentials.json" # seed: was "/config/api_credentials.json"
  content = jsonencode({
    token = pyvider_timed_token.api_token.token
    expires_at = pyvider_timed_token.api_token.expires_at
    last_updated = var.generated_at # seed: was timestamp()
  })
}

# --- Expiration Handling ---

resource "pyvider_timed_token" "time_sensitive" {
  name = "batch-job-token"
}

# Create expiration warning file
resource "pyvider_file_content" "expiration_notice" {
  filename = "${var.output_dir}/token_expiration_notice.txt" # seed: was "/tmp/token_expiration_notice.txt"
  content = join("\n", [
    "Token Expiration Notice",
    "=====================",
    "Token Name: ${pyvider_timed_token.time_sensitive.name}",
    "Token ID: ${pyvider_timed_token.time_sensitive.id}",
    "Expires At: ${pyvider_timed_token.time_sensitive.expires_at}",
    "",
    "⚠️  This token will expire automatically.",
    "⚠️  Plan for token rotation before expiration.",
    "⚠️  Monitor application logs for authentication failures.",
    "",
    "Generated: ${var.generated_at}" # seed: was ${timestamp()}
  ])
}
