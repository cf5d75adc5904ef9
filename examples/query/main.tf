# The configuration that `terraform query` lists for and that the import blocks in imported.tf bring files into.
terraform {
  required_version = ">= 1.14" # list blocks and terraform query
  required_providers {
    pyvider = {
      source = "provide-io/pyvider"
    }
  }
}

provider "pyvider" {}
