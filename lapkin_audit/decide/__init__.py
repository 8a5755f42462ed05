"""The engine that turns violations into findings and a verdict, and the rule catalogue it applies."""
