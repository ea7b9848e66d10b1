#!/usr/bin/env bash
# Before/after proof for a refactoring (issue 12): the lint's JSON report on a book and
# the built site must be the same at two commits, except where a decision says otherwise.
#
#   bash scripts/compare/before-after.sh BEFORE [AFTER] [BOOK]
#
# BEFORE, AFTER: commits (AFTER defaults to HEAD); BOOK: a folder of Markdown to lint
# (defaults to $LLMBOOK_CORPUS or ../shared/corpus/llm-books-gitbook). Each commit is
# checked out into a temp worktree sharing this checkout's node_modules, built with
# `npm run build`, and linted from source with `--no-cache --threads 0 --format json`.
# Built files are compared byte for byte, after replacing webpack/rspack asset names
# (`<id>.<hash>.js`, whose ids derive from the checkout's path) with a placeholder;
# lint reports after replacing each worktree's path. Exit 0 when both are the same.
set -euo pipefail
root=$(git rev-parse --show-toplevel)
before=$(git -C "$root" rev-parse "${1:?usage: before-after.sh BEFORE [AFTER] [BOOK]}")
after=$(git -C "$root" rev-parse "${2:-HEAD}")
book=${3:-${LLMBOOK_CORPUS:-$root/../shared/corpus/llm-books-gitbook}}
[ -d "$book" ] || { echo "no book to lint at $book (give one as the third argument)" >&2; exit 2; }
book=$(cd "$book" && pwd)
work=$(mktemp -d)
cleanup() {
  for name in before after; do git -C "$root" worktree remove --force "$work/$name" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for name in before after; do
  commit=$before; [ "$name" = after ] && commit=$after
  git -C "$root" worktree add -q --detach "$work/$name" "$commit"
  ln -s "$root/node_modules" "$work/$name/node_modules"
  echo "== $name: $(git -C "$root" log -1 --format='%h %s' "$commit" | cut -c1-80)"
  (cd "$work/$name" && node --import tsx lint-rules/engine/cli.ts --no-cache --threads 0 --format json "$book" > "$work/$name.lint.json") || [ $? -eq 1 ]
  (cd "$work/$name" && DOCUSAURUS_NO_PERSISTENT_CACHE=1 npm run build > "$work/$name.build.log" 2>&1) || { tail -20 "$work/$name.build.log"; exit 2; }
done

status=0
if cmp -s "$work/before.lint.json" "$work/after.lint.json"; then
  echo "lint report: identical ($(wc -c < "$work/after.lint.json") bytes)"
else
  echo "lint report: DIFFERENT"; diff <(tr ',' '\n' < "$work/before.lint.json") <(tr ',' '\n' < "$work/after.lint.json") | head -40; status=1
fi

normalise() { sed -E 's#[A-Za-z0-9~_-]+\.[0-9a-f]{8}\.(js|css)#ASSET.\1#g; s#"[0-9]+"\]#"ID"]#g' "$1"; }
differ=0
while IFS= read -r file; do
  if [ ! -f "$work/after/build/$file" ]; then echo "only before: $file"; differ=$((differ + 1)); continue; fi
  if ! cmp -s <(normalise "$work/before/build/$file") <(normalise "$work/after/build/$file"); then echo "differs: $file"; differ=$((differ + 1)); fi
done < <(cd "$work/before/build" && find . -type f ! -path './assets/js/*' | sort)
extra=$(comm -13 <(cd "$work/before/build" && find . -type f ! -path './assets/js/*' | sort) <(cd "$work/after/build" && find . -type f ! -path './assets/js/*' | sort) | wc -l)
[ "$extra" -gt 0 ] && { echo "$extra files only after"; differ=$((differ + extra)); }
if [ "$differ" -eq 0 ]; then echo "built site: identical ($(cd "$work/after/build" && find . -name '*.html' | wc -l) HTML pages and every other file outside assets/js)"; else echo "built site: $differ files differ"; status=1; fi
exit $status
