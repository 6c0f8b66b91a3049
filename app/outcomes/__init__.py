"""Outcomes: what the person wants from their support, in their own words, tied to an area in
law and to the support-plan lines that pay for it, rated over time and set beside the money."""
