"""The figures behind the Overview charts: plain data, no Qt. The window draws them and shows
the same figures as a table and in words."""
