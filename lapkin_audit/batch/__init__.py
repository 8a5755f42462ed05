"""Running many dossiers: the run, worker processes, the result cache."""
