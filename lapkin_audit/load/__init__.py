"""Reading files into the model: manifests, SOP and calendar files, discovery, attachments."""
