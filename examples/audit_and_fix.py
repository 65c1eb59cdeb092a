"""Audit a report and fix its finding: the 2022 admission rate, truncated instead of rounded.

The audit recomputes every rate from its counts (四舍五入 at the printed decimals). The 2022
report prints 录取率 99.90%, but 5295 / 5300 rounds half-up to 99.91%. The published report
stays as published; the fix goes into a corrected data file for the next edition.

Run: python examples/audit_and_fix.py   (writes report-2022-corrected.toml)
"""

from __future__ import annotations

from typing import Any

import attrs

import hnjd_disclosure as hd
from hnjd_disclosure.audit import audit
from hnjd_disclosure.render.findings import findings_text


def replace_at(obj: Any, path: str, value: object) -> Any:
    """A copy of ``obj`` with the field at the dotted ``path`` replaced (validated again)."""
    name, _, rest = path.partition(".")
    new = replace_at(getattr(obj, name), rest, value) if rest else value
    return attrs.evolve(obj, **{name: new})


def main() -> None:
    report = hd.builtin_report(2022)
    findings = audit(report)
    print(findings_text(findings), end="")

    for finding in findings:
        if finding.rule == "rate-matches-counts" and finding.computed is not None:
            fixed = hd.StatedPercent.parse(finding.computed)
            report = replace_at(report, finding.path, fixed)
            print(f"已更正 {finding.path}: {finding.published} → {finding.computed}")

    print(findings_text(audit(report)), end="")
    hd.save(report, "report-2022-corrected.toml", force=True)
    print("已写入 report-2022-corrected.toml")


if __name__ == "__main__":
    main()
