"""Everything about the package is in setup.cfg, except the list of packages.

``find:`` in setup.cfg sees only folders with an ``__init__.py``; the bundled rules
live in the top-level ``rules/`` folder (data, edited by offices) and are installed
inside the package as ``lapkin_audit.bundled_rules`` (``package_dir`` in setup.cfg).
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["lapkin_audit", "lapkin_audit.*"]), "lapkin_audit.bundled_rules"])
