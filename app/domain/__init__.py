"""Plain domain types and the rules on them. No storage, no Qt."""
