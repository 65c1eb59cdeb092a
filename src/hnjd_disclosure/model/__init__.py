"""Immutable attrs classes for every part of an annual information-disclosure report.

The modules of the classes do not use ``from __future__ import annotations``: their field
annotations are evaluated when each class is created, so that the loader need not resolve
them from strings (that cost about 2 ms of every command-line start).
"""

from .checklist import Checklist, ChecklistEntry, DisclosureStatus, InstitutionKind
from .overview import Initiative, MediaFigures, Overview
from .parts import (
    Assessment,
    Complaints,
    Contact,
    Improvement,
    OtherMatters,
    RequestCounts,
    RequestDisclosure,
)
from .proactive import (
    Admissions,
    Domain,
    Employment,
    FinanceDomain,
    ItemList,
    ProactiveDisclosure,
    Procurement,
    StudentAffairsDomain,
    TeachingDomain,
)
from .report import AnnualReport, LegalBasis, Period

__all__ = [
    "Admissions",
    "AnnualReport",
    "Assessment",
    "Checklist",
    "ChecklistEntry",
    "Complaints",
    "Contact",
    "DisclosureStatus",
    "Domain",
    "Employment",
    "FinanceDomain",
    "Improvement",
    "Initiative",
    "InstitutionKind",
    "ItemList",
    "LegalBasis",
    "MediaFigures",
    "OtherMatters",
    "Overview",
    "Period",
    "ProactiveDisclosure",
    "Procurement",
    "RequestCounts",
    "RequestDisclosure",
    "StudentAffairsDomain",
    "TeachingDomain",
]
