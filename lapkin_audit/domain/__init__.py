"""Facts of the domain, free of files and formats: people and NIPs, citations, working time, the timeline."""
