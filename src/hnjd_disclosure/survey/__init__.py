"""Surveying a folder of institutions' reports: identity, structure, checklist coverage,
required figures, citations, arithmetic and reuse, scored with documented weights."""
