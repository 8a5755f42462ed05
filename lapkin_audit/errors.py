"""Exceptions that stop a whole run (as opposed to findings about one dossier)."""


class RulesError(Exception):
    """A rules file (SOP or calendar) is missing, malformed or inconsistent.

    The command cannot assess anything against broken rules, so this ends the run
    with exit status 2.
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message
