"""pre-commit hooks and CI recipes: they parse, and the commands they run exist and work."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import REPO


def load(path: str):
    return yaml.safe_load((REPO / path).read_text(encoding="utf-8"))


def console_scripts() -> dict[str, str]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]


# pre-commit -------------------------------------------------------------------------------

def test_hooks_for_other_repositories():
    hooks = load(".pre-commit-hooks.yaml")
    hook = next(h for h in hooks if h["id"] == "liangxiang-validate")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    program, *args = shlex.split(hook["entry"])
    assert program in console_scripts() and console_scripts()[program] == "liangxiang.cli:main"
    assert args == ["validate"]
    files = re.compile(hook["files"])
    for path in ("members.yaml", "content/org.yaml", "content/zones/a.yaml", "content/photos/members/a.jpg",
                 "content/stories/a.md", "mkdocs.yml"):
        assert files.search(path), path
    for path in ("README.md", "plugins/liangxiang/cli.py", "tests/test_cli.py", "old/members.yaml.bak"):
        assert not files.search(path), path


def test_hooks_of_this_repository_run():
    config = load(".pre-commit-config.yaml")
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert {"liangxiang-validate", "liangxiang-schemas"} <= set(hooks)
    shared = next(h for h in load(".pre-commit-hooks.yaml") if h["id"] == "liangxiang-validate")
    assert hooks["liangxiang-validate"]["files"] == shared["files"]
    for hook in hooks.values():
        program, *args = shlex.split(hook["entry"])
        assert program == ".venv/bin/liangxiang"  # what ./dev sets up
        installed = Path(sys.executable).parent / "liangxiang"  # the same program in the environment under test
        result = subprocess.run([str(installed), *args], cwd=REPO, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, (hook["id"], result.stdout, result.stderr)


# CI recipes ---------------------------------------------------------------------------------

README_COMMANDS = ("./dev validate", "./dev test", "./dev build")


def run_lines(steps) -> list[str]:
    return [line.strip() for step in steps for line in str(step.get("run", "")).splitlines() if line.strip()]


def test_github_pages_workflow():
    workflow = load(".github/workflows/pages.yml")
    assert workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = run_lines(build["steps"])
    assert runs == list(README_COMMANDS)
    uses = {step.get("uses", "").split("@")[0]: step for step in build["steps"]}
    assert uses["actions/upload-artifact"]["with"]["path"] == "site/print/"
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site/"
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert build["container"].startswith("python:3.11-bookworm")  # Debian's chromium for the browser tests


def test_gitlab_pages_pipeline(tmp_path):
    pipeline = load(".gitlab-ci.yml")
    script = pipeline[".check"]
    assert script[:3] == list(README_COMMANDS) and "cp -r site/print printables" in script
    pages = pipeline["pages"]
    assert pages["script"][0] == script and pages["script"][1] == "mv site public"  # GitLab flattens nested lists
    # and the .gz GitLab Pages sends in place of each text file (it compresses nothing itself, audit AR 3)
    [compress] = pages["script"][2:]
    public = tmp_path / "public"
    (public / "assets").mkdir(parents=True)
    for name in ("index.html", "assets/search-0.json", "photo.webp", "sitemap.xml", "sitemap.xml.gz"):
        (public / name).write_bytes(b"<p>" * 100)
    # as a build leaves them (audit AS-AB H1: the job failed on every real build): a page hard-linked
    # into the cache, which gzip skips unforced, and MkDocs' own sitemap.xml.gz, which it will not overwrite
    (tmp_path / "cached.html").write_bytes(b"<p>cached</p>" * 50)
    (public / "cached.html").hardlink_to(tmp_path / "cached.html")
    subprocess.run(["bash", "-ec", compress], cwd=tmp_path, check=True)
    import gzip

    assert gzip.decompress((public / "assets/search-0.json.gz").read_bytes()) == (public / "assets/search-0.json").read_bytes()
    assert (public / "index.html.gz").is_file() and not (public / "photo.webp.gz").exists()
    assert gzip.decompress((public / "cached.html.gz").read_bytes()) == b"<p>cached</p>" * 50
    assert (tmp_path / "cached.html").read_bytes() == b"<p>cached</p>" * 50 and (public / "cached.html").stat().st_nlink == 2
    assert gzip.decompress((public / "sitemap.xml.gz").read_bytes()) == b"<p>" * 100
    assert "public/" in pages["artifacts"]["paths"] and "printables/" in pages["artifacts"]["paths"]
    assert pipeline["check"]["script"] == script and pipeline["check"]["artifacts"]["paths"] == ["printables/"]
    assert pipeline["image"].startswith("python:3.11-bookworm")


def test_intranet_recipe():
    script = (REPO / "deploy/rsync.sh").read_text(encoding="utf-8")
    assert (REPO / "deploy/rsync.sh").stat().st_mode & 0o111
    order = [script.index(f"\n{c}") if f"\n{c}" in script else script.index(f"  {c}") for c in README_COMMANDS]
    assert order == sorted(order) and script.index("rsync -rlt") > order[-1]
    assert subprocess.run(["bash", "-n", str(REPO / "deploy/rsync.sh")]).returncode == 0
    usage = subprocess.run(["bash", str(REPO / "deploy/rsync.sh")], capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin"})
    assert usage.returncode == 2 and "用法" in usage.stderr  # no target: nothing is built or copied
    guide = (REPO / "deploy/intranet.md").read_text(encoding="utf-8")
    block = re.search(r"```nginx\n(.*?)```", guide, re.S).group(1)
    assert "root /srv/liangxiang/site;" in block and "error_page 404 /404.html;" in block
    assert block.count("{") == block.count("}")


def test_readme_commands_exist():
    dev = (REPO / "dev").read_text(encoding="utf-8")
    for command in README_COMMANDS:
        assert re.search(rf"^\s*{command.split()[1]}\)", dev, re.M), command
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in README_COMMANDS:
        assert command in readme, command


@pytest.mark.skipif(not Path("/usr/sbin/nginx").exists() and not os.environ.get("CI"), reason="nginx is not installed (./dev test installs it; under CI its absence fails)")
@pytest.mark.skipif(not Path("/usr/sbin/nginx").exists() and not os.environ.get("CI"), reason="nginx is not installed (./dev test installs it; under CI its absence fails)")
@pytest.mark.parametrize("variant, prefix", [(0, "/"), (1, "/dangjian/liangxiang/")], ids=["root", "sub-path"])
def test_nginx_serves_the_site_as_the_guide_sets_it_up(tmp_path, variant, prefix):
    """Audit AS-AB H2: the sub-path variant, pasted as the guide said, answered 404 at every
    address (its regex locations took .html and .css to nginx's own folder), and `nginx -t`
    passed. Each server block of the guide is started and asked for a page, a style sheet, a
    PDF and an address that does not exist."""
    import socket
    import urllib.error
    import urllib.request

    site = tmp_path / "site"
    for path, body in {"index.html": "<p>首页</p>", "zones/garden/index.html": "<p>花园</p>", "css/a.css": "p{}",
                       "print/signboards/garden.pdf": "%PDF-1.4", "404.html": "<p>没有这个页面</p>"}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(body, encoding="utf-8")
    guide = (REPO / "deploy/intranet.md").read_text(encoding="utf-8")
    block = re.findall(r"```nginx\n(.*?)```", guide, re.S)[variant]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    block = block.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("/srv/liangxiang/site", str(site))
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"user root;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n{block}\n}}\n", encoding="utf-8")
    subprocess.run(["/usr/sbin/nginx", "-c", str(conf), "-p", str(tmp_path)], check=True, capture_output=True)
    try:
        def get(path: str) -> tuple[int, str, str]:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{prefix}{path}", timeout=10) as answer:
                    return answer.status, answer.read().decode(), answer.headers.get("Cache-Control", "")
            except urllib.error.HTTPError as error:
                return error.code, error.read().decode(), ""

        assert get("")[:2] == (200, "<p>首页</p>")
        assert get("zones/garden/")[:2] == (200, "<p>花园</p>")
        assert get("css/a.css") == (200, "p{}", "max-age=3600")
        assert get("print/signboards/garden.pdf")[0] == 200
        assert get("zones/nope/")[:2] == (404, "<p>没有这个页面</p>")  # the site's own 404 page
        import http.client

        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", f"{prefix}zones/garden")  # a slash left off: sent on by its path alone,
        moved = connection.getresponse()  # not to http:// and the port behind an HTTPS proxy (audit AS-AB L3)
        assert moved.status == 301 and moved.getheader("Location") == f"{prefix}zones/garden/", moved.getheaders()
        connection.close()
    finally:
        subprocess.run(["/usr/sbin/nginx", "-c", str(conf), "-p", str(tmp_path), "-s", "stop"], capture_output=True)


def test_nginx_accepts_the_server_block(tmp_path):
    guide = (REPO / "deploy/intranet.md").read_text(encoding="utf-8")
    block = re.search(r"```nginx\n(.*?)```", guide, re.S).group(1)
    block = block.replace("listen 80;", "listen 127.0.0.1:8099;").replace("/srv/liangxiang/site", str(tmp_path))
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n{block}\n}}\n", encoding="utf-8")
    result = subprocess.run(["/usr/sbin/nginx", "-t", "-c", str(conf), "-p", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
