"""bridgehub: a regular platform for cross-border start-up exchanges."""
