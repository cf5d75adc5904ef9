variable "output_dir" {
  description = "Directory the example writes its files to (the documentation wrote to /tmp). A relative path is resolved against the directory Terraform runs in."
  type        = string
  default     = "./out"
}

variable "token_file_version" {
  description = "Passed to every content_wo_version. Terraform opens new tokens in every plan and apply, but each file keeps the tokens of the apply that last wrote it; change this number (-var token_file_version=2) to write freshly opened tokens."
  type        = number
  default     = 1
}
