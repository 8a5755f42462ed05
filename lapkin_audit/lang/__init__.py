"""Every word a person reads, in Indonesian and English."""
