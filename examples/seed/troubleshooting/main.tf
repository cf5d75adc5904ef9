# Troubleshooting
#
# From the pyvider_timed_token documentation page, as the user wrote it. Changed only to make it run
# anywhere and pass `terraform plan` a second time with no changes:
#   - the two tokens the snippets refer to are declared.
#   - both outputs are marked sensitive, which Terraform requires for values derived from the token.
# Each change is marked "seed:" where it is made.

# seed: the Troubleshooting snippets refer to pyvider_timed_token.debug and pyvider_timed_token.example without
# declaring them; they are declared here so the snippets run.
resource "pyvider_timed_token" "debug" {
  name = "debug-token"
}

resource "pyvider_timed_token" "example" {
  name = "example-token"
}


# --- Token appears to be null or empty ---

# Debug token creation
output "token_debug" {
  sensitive = true # seed: added; `token != null` is derived from the sensitive token, so Terraform requires it
  value = {
    token_exists = pyvider_timed_token.debug.token != null
    id_exists = pyvider_timed_token.debug.id != null
    name = pyvider_timed_token.debug.name
  }
}

# --- Cannot access token value in outputs ---

# ✅ Correct way to check token
output "token_status" {
  sensitive = true # seed: added; `token != null` is derived from the sensitive token, so Terraform requires it
  value = {
    available = pyvider_timed_token.example.token != null
    has_expiration = pyvider_timed_token.example.expires_at != null
  }
}

# --- Token expiration time format confusion ---

# Parse expiration time
locals {
  expires_timestamp = pyvider_timed_token.example.expires_at
  # Format: "2024-01-15T14:30:00.000000+00:00"
}
