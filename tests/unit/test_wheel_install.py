"""The wheel stands on its own: `make dist`, run in a copy of the source tree, builds an
sdist and a wheel; the wheel is installed into a fresh virtual environment and run from
there, with the copy deleted and the current folder elsewhere: `qari outline` and `qari
export` work on the sample article the wheel carries.

Installing PySide6 and the other dependencies again would take minutes, so the wheel goes in
with ``--no-deps`` and the fresh environment sees this one's site-packages through a ``.pth``
line. That line only appends a folder to ``sys.path``: the editable install's finder (a
``.pth`` file of its own) is not run there, and the fresh environment's site-packages comes
first, so ``reader`` and its data can only come from the wheel; the tests check that they do.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader import paths
from reader.model import load_article

from .test_export_support import fidelity, pdftotext

ROOT = Path(__file__).resolve().parents[2]
_SKIP = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis",
    "tests", "benchmarks",
)


@dataclass(frozen=True)
class Installed:
    wheel: Path
    sdist: Path
    venv: Path
    site_packages: Path
    work: Path  # an empty folder to run in, outside any source tree

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["QT_QPA_PLATFORM"] = "offscreen"
        return subprocess.run(
            [str(self.venv / "bin" / args[0]), *args[1:]], cwd=self.work, env=env,
            capture_output=True, text=True, timeout=120,
        )


def _check(cmd: list[str], cwd: Path | None = None) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"{' '.join(cmd)}:\n{proc.stdout}{proc.stderr}"


def _make_dist(src: Path) -> None:
    """`make dist` in ``src`` with this virtual environment as the Makefile's VENV."""
    if sys.prefix == sys.base_prefix or not (Path(sys.prefix) / "bin" / "python").exists():
        pytest.fail("run the tests from a virtual environment (make test uses .venv)")
    make = shutil.which("make")
    if make is None:
        pytest.fail("make is missing (apt-get install make)")
    _check([make, "-s", "dist", f"VENV={sys.prefix}"], cwd=src)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(ROOT, src, ignore=_SKIP)
    _make_dist(src)
    dist = tmp / "dist"
    shutil.move(src / "dist", dist)
    shutil.rmtree(src)  # from here on there is no source tree to fall back on
    (wheel,) = dist.glob("qari-*.whl")
    (sdist,) = dist.glob("qari-*.tar.gz")

    venv = tmp / "venv"
    _check([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    _check([sys.executable, "-m", "pip", "-q", "--python", str(venv / "bin" / "python"),
            "install", "--no-deps", "--no-index", str(wheel)])
    site = Path(sysconfig.get_path("purelib", vars={"base": str(venv), "platbase": str(venv)}))
    assert site.is_dir(), site
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    work = tmp / "work"
    work.mkdir()
    return Installed(wheel, sdist, venv, site, work)


def _bundled_sample(inst: Installed) -> Path:
    return inst.site_packages / "reader" / "articles" / paths.SAMPLE_NAME


def test_wheel_carries_the_articles_and_resources(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    shipped = [p for p in (ROOT / "articles").iterdir() if p.suffix in {".txt", ".md", ".html"}]
    shipped += [p for p in (ROOT / "resources").rglob("*") if p.is_file()]
    missing = [str(p.relative_to(ROOT)) for p in shipped
               if f"reader/{p.relative_to(ROOT).as_posix()}" not in names]
    assert shipped and not missing, missing
    assert "reader/py.typed" in names
    assert not any(n.startswith(("tests/", "benchmarks/")) for n in names)


def test_sdist_carries_what_the_wheel_is_built_from(installed: Installed) -> None:
    with tarfile.open(installed.sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"pyproject.toml", "README.md", "reader/cli.py", "reader/paths.py"} <= names
    assert f"articles/{paths.SAMPLE_NAME}" in names and "resources/icons/qari.svg" in names


def test_code_and_data_come_from_the_fresh_environment(installed: Installed) -> None:
    proc = installed.run(
        "python", "-c",
        "import json, reader, reader.paths as p; print(json.dumps([reader.__file__,"
        " str(p.sample_article()), str(p.icon_path()), reader.__version__]))",
    )
    assert proc.returncode == 0, proc.stderr
    module, sample, icon, version = json.loads(proc.stdout)
    assert Path(module).is_relative_to(installed.site_packages)
    assert Path(sample) == _bundled_sample(installed) and Path(sample).is_file()
    assert Path(icon).is_relative_to(installed.site_packages) and Path(icon).is_file()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert version == pyproject["project"]["version"]


def test_installed_qari_outline_prints_the_sample_sections(installed: Installed) -> None:
    expected = load_article(paths.sample_article())
    proc = installed.run("qari", "outline", "--json", str(_bundled_sample(installed)))
    assert proc.returncode == 0, proc.stderr
    outline = json.loads(proc.stdout)
    assert outline["title"] == expected.title
    assert [s["heading"] for s in outline["sections"]] == [
        s.heading for s in expected.sections
    ]

    plain = installed.run("qari", "outline", str(_bundled_sample(installed)))
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.splitlines()[0] == expected.title


def test_installed_qari_exports_the_sample_to_a_faithful_pdf(installed: Installed) -> None:
    out = installed.work / "sample.pdf"
    proc = installed.run("qari", "export", str(_bundled_sample(installed)), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    source = _bundled_sample(installed).read_text(encoding="utf-8-sig")
    recall, pair_order = fidelity(source, pdftotext(out))
    assert recall >= 0.99 and pair_order >= 0.98, (recall, pair_order)


def test_installed_qari_reports_a_missing_file_in_one_line(installed: Installed) -> None:
    proc = installed.run("qari", "outline", str(installed.work / "no-such-article.txt"))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
