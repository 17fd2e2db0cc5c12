"""Nothing outside the demo app imports it: the other apps must run without it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Packages that may import demo: demo itself, the benchmark, and the tests.
ALLOWED = {"demo", "bench", "tests"}


def imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Every module an import statement in the file names, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = path.relative_to(root).parent.parts
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            names.add(".".join([*base, *filter(None, [node.module])]))
    return names


def app_sources() -> list[Path]:
    packages = [
        folder
        for folder in ROOT.iterdir()
        if (folder / "__init__.py").exists() and folder.name not in ALLOWED
    ]
    return [path for folder in packages for path in folder.rglob("*.py")]


def test_the_other_apps_find_their_sources():
    folders = {path.relative_to(ROOT).parts[0] for path in app_sources()}
    assert {"ltoreview", "partnerships", "reviews"} <= folders


def test_no_other_app_imports_demo():
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in app_sources()
        for name in imported_modules(path)
        if name == "demo" or name.startswith("demo.")
    ]
    assert offenders == []


def test_the_import_scan_sees_absolute_and_relative_imports(tmp_path):
    source = tmp_path / "reviews" / "views" / "x.py"
    source.parent.mkdir(parents=True)
    source.write_text("import demo.scale\nfrom .. import demo\nfrom demo import x\n")

    names = imported_modules(source, root=tmp_path)

    assert names == {"demo.scale", "reviews", "demo"}
