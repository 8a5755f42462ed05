"""Helping people write: the dossier skeleton of `init`, and the rule documentation."""
