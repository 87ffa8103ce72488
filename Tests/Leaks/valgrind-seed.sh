#!/usr/bin/env bash
# Builds the seed site under valgrind and fails on any definitely or indirectly lost block:
# the cmark-gfm wrapper must free every parser, node and iterator it creates.
# Usage: Tests/Leaks/valgrind-seed.sh path/to/release/roadmap
set -euo pipefail
binary=${1:?usage: $0 ROADMAP_BINARY}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the DWARF 5 that Swift's toolchain emits: check a copy without it.
cp "$binary" "$work/roadmap"
strip --strip-debug "$work/roadmap"
# The binary runs on mimalloc (Package.swift): --soname-synonyms tells valgrind to replace
# mimalloc's malloc and free as it does glibc's, so every block is still tracked.
# Twice: the second build replaces the first site (FolderRemoval reads its directory entries).
for build in first second; do
  valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect \
    --errors-for-leak-kinds=definite,indirect --error-exitcode=9 \
    --soname-synonyms='somalloc=libmimalloc.so*' \
    "$work/roadmap" build --output "$work/site" --quiet
done
echo "valgrind: no leaks or memory errors building the seed site, and building it again over itself"
