variable "output_dir" {
  description = "Directory the example writes its files to (the documentation wrote to /tmp). A relative path is resolved against the directory Terraform runs in."
  type        = string
  default     = "./out"
}

variable "token_file_version" {
  description = "Passed to content_wo_version. Terraform opens a new token in every plan and apply, but the file keeps the token of the apply that last wrote it; change this number (-var token_file_version=2) to write a freshly opened token."
  type        = number
  default     = 1
}
