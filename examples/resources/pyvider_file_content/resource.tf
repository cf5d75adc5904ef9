resource "pyvider_timed_token" "api" {
  name = "api-integration-token"
}

# Relative paths resolve against the directory Terraform runs in.
resource "pyvider_file_content" "api_config" {
  filename = "${path.module}/generated/api_config.json"
  content = jsonencode({
    authentication = {
      token_id   = pyvider_timed_token.api.id
      expires_at = pyvider_timed_token.api.expires_at
    }
    api_endpoint = "https://api.example.com/v1"
  })
}

output "config_sha256" {
  value = pyvider_file_content.api_config.content_hash
}

# A secret goes through the write-only content_wo (Terraform 1.11 and later): written to the file, never to the
# state or plan. Its value here is ephemeral, so it is not stored anywhere else either.
ephemeral "pyvider_timed_token" "session" {
  name = "session"
}

resource "pyvider_file_content" "session_token" {
  filename           = "${path.module}/generated/session.token"
  content_wo         = ephemeral.pyvider_timed_token.session.token
  content_wo_version = 1 # increase to write a new token to the file
}
