#!/usr/bin/env bash
# Publish the site to an intranet web server (nginx; see deploy/intranet.md) with rsync over SSH.
#
#   deploy/rsync.sh USER@HOST:/srv/liangxiang/site/     check, test, build, then copy the site there
#   deploy/rsync.sh /srv/liangxiang/site/               the same on this machine (the server itself)
#
# Steps: the README's commands (./dev validate, ./dev test, ./dev build), then rsync. Nothing is
# copied unless all of them pass. The printables are also copied to printables/ next to this
# repository's site/ (a folder to hand to the print shop). Set LIANGXIANG_SKIP_TESTS=1 in a site
# started from this repository: its tests check the example content, not yours.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-${LIANGXIANG_DEPLOY_TARGET:-}}
if [ -z "$target" ]; then
  echo "用法：deploy/rsync.sh 用户@服务器:/srv/liangxiang/site/   （或设置 LIANGXIANG_DEPLOY_TARGET）" >&2
  exit 2
fi
case "$target" in */) ;; *) target="$target/" ;; esac  # rsync: copy the contents of site/, not the folder
if ! command -v rsync >/dev/null; then  # said now, not after the checks and the build (audit AS-AB L1)
  echo "这台电脑没有安装 rsync：先安装（Debian/Ubuntu：sudo apt-get install rsync），再运行一次" >&2
  exit 1
fi

./dev validate
if [ "${LIANGXIANG_SKIP_TESTS:-0}" != 1 ]; then
  ./dev test
fi
./dev build

rm -rf printables && cp -r site/print printables

# --delay-updates: files are swapped in at the end, so visitors never see a half-copied site;
# --delete: pages of removed records go away (alias redirects of archived zones are pages: they stay)
rsync -rlt --delete --delay-updates --chmod=D755,F644 --human-readable --stats site/ "$target"
echo "已发布到 $target；印刷品在 printables/"
