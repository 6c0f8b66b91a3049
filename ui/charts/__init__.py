"""Charts drawn with QPainter, each with a table of the same figures and the figures in words."""
