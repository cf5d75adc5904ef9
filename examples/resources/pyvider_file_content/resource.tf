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
