# Opened afresh in each plan and apply, and never written to the state or the plan file.
ephemeral "pyvider_timed_token" "deploy" {
  name     = "ci-deploy"
  lifetime = "15m" # longer than the run takes
}

# content_wo is write-only: the token reaches the file, the state records only content_wo_version.
resource "pyvider_file_content" "deploy_credentials" {
  filename = "${path.module}/secrets/deploy.json"
  content_wo = jsonencode({
    token      = ephemeral.pyvider_timed_token.deploy.token
    expires_at = ephemeral.pyvider_timed_token.deploy.expires_at
  })

  # Terraform cannot see a write-only value change: increase this to write a new token to the file.
  content_wo_version = 1
}
