"""Open data, by choice: one person's figures as an anonymised Frictionless data package, and
many people's packages combined (docs/open-data.md says what each field is and why)."""
