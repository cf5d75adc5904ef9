# What the list block in find-configs.tfquery.hcl leads to for the two sample files of README.md: an import block by
# identity and a resource for each, named after the list block (configs_0, configs_1) as
# `terraform query -generate-config-out=imported.tf` names them. The content arguments are the files' content as
# the sample commands write it.

import {
  to       = pyvider_file_content.configs_0
  provider = pyvider
  identity = {
    filename = "existing/app.conf"
  }
}

resource "pyvider_file_content" "configs_0" {
  provider = pyvider
  filename = "existing/app.conf"
  content  = "listen = 8080\n"
}

import {
  to       = pyvider_file_content.configs_1
  provider = pyvider
  identity = {
    filename = "existing/db.conf"
  }
}

resource "pyvider_file_content" "configs_1" {
  provider = pyvider
  filename = "existing/db.conf"
  content  = "pool_size = 5\n"
}
