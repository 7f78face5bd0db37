"""The mutation-testing report of `make mutation`, after `mutmut run`.

For each core module (``[tool.mutmut] only_mutate`` in pyproject.toml): how many mutants
mutmut made, how many the tests killed, and the share killed. Then each surviving mutant
with its diff, and the equivalent mutants: lines marked ``# pragma: no mutate`` in the
core modules, each with the reason written next to it. mutmut mutates the bodies of
functions; the tables of data (the sanitiser's allow-lists, the registration state
machine) are stated independently in the tests (tests/chamber/toolkit/test_sanitizer.py,
tests/events/test_workflow.py).
"""

import re
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTMUT = str(Path(sys.executable).parent / "mutmut")
RESULT = re.compile(r"^\s*(?P<name>\S+): (?P<status>.+)$")


def core_modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["mutmut"]["only_mutate"]


def module_of(mutant: str) -> str:
    """``events.services.x_register__mutmut_3`` -> ``events/services.py``."""
    dotted = re.split(r"\.x[_ǁ]", mutant, maxsplit=1)[0]
    return dotted.replace(".", "/") + ".py"


def results() -> dict[str, Counter]:
    output = subprocess.run(
        [MUTMUT, "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    by_module: dict[str, Counter] = defaultdict(Counter)
    survivors = []
    for line in output.splitlines():
        match = RESULT.match(line)
        if not match:
            continue
        status = match["status"].strip()
        by_module[module_of(match["name"])][status] += 1
        if status == "survived":
            survivors.append(match["name"])
    return by_module, survivors


def equivalents(modules: list[str]) -> list[str]:
    found = []
    for module in modules:
        for number, line in enumerate((ROOT / module).read_text().splitlines(), start=1):
            if "pragma: no mutate" in line:
                found.append(f"{module}:{number}: {line.strip()}")
    return found


def main() -> None:
    modules = core_modules()
    by_module, survivors = results()
    print(
        f"{'module':34} {'mutants':>8} {'killed':>7} {'survived':>9} {'other':>6} {'killed %':>9}"
    )
    total = Counter()
    for module in modules:
        counts = by_module.get(module, Counter())
        made = sum(counts.values())
        killed = counts["killed"]
        other = made - killed - counts["survived"]
        total.update(counts)
        share = f"{100 * killed / made:.1f}" if made else "-"
        print(f"{module:34} {made:>8} {killed:>7} {counts['survived']:>9} {other:>6} {share:>9}")
    made = sum(total.values())
    print(f"{'all':34} {made:>8} {total['killed']:>7} {total['survived']:>9} "
          f"{made - total['killed'] - total['survived']:>6} "
          f"{100 * total['killed'] / max(made, 1):>9.1f}")  # fmt: skip
    print(
        "\nOther statuses:",
        dict(total - Counter(killed=total["killed"], survived=total["survived"])),
    )
    print(f"\nSurviving mutants ({len(survivors)}):")
    for name in survivors:
        diff = subprocess.run([MUTMUT, "show", name], cwd=ROOT, capture_output=True, text=True)
        print(diff.stdout.rstrip() or name)
    marked = equivalents(modules)
    print(f"\nEquivalent mutants, left out with '# pragma: no mutate' ({len(marked)}):")
    for line in marked:
        print("  " + line)


if __name__ == "__main__":
    main()
