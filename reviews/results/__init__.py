"""The results path: a review read, analysed, and drawn as charts, tables, pages."""
