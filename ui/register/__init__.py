"""The register of care providers in the window: search, filters, provider page, choosing."""
