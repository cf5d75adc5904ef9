# The provider this example uses. Terraform finds it through a dev override or a filesystem mirror:
# see ../../seed/README.md ("Running the examples").
terraform {
  # Ephemeral resources need Terraform 1.10, write-only arguments such as content_wo 1.11 (OpenTofu: 1.11).
  required_version = ">= 1.11"

  required_providers {
    pyvider = {
      source = "provide-io/pyvider"
    }
  }
}
