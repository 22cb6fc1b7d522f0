"""Errors of the claims package.

    ClaimsError
    └── KnowledgeBaseError   the knowledge-base records are invalid (each problem listed)
"""


class ClaimsError(Exception):
    """Base of every error raised by `claims`."""


class KnowledgeBaseError(ClaimsError):
    """Invalid knowledge-base records. `problems` lists each one with where it is."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))
