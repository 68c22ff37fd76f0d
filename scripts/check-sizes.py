#!/usr/bin/env python3
"""Checks the house limits on code size: no source file over 450 lines and no function over 60
lines in core/, cli/, wasm/ and web/ (generated tables aside). Prints each excess with its place
and exits 1 if there is one (a CTest runs it); --list prints the longest functions too.

A function is found by its header: a line ending in '{' whose text before the brace has a
parameter list and does not start with a control keyword; its end is the matching brace (braces
in strings, characters, regular expressions and comments are skipped well enough for our code).

usage: scripts/check-sizes.py [--list N]
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
FOLDERS = ['core', 'cli', 'wasm', 'web']
SUFFIXES = {'.cpp', '.h', '.js', '.mjs'}
GENERATED = {'web/sample.js', 'web/types.js'}
MAX_FILE, MAX_FUNCTION = 450, 60
CONTROL = re.compile(r'^\s*(}\s*)?(if|for|while|switch|catch|else|do|try|return|namespace|struct|'
                     r'class|enum|union|extern)\b')
HEADER = re.compile(r'\)\s*(const)?\s*(noexcept)?\s*(override)?\s*(->\s*[\w:<>,\s*&]+)?\s*(=>)?\s*\{$')


def sources():
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob('*')):
            rel = path.relative_to(ROOT).as_posix()
            if path.suffix in SUFFIXES and 'node_modules' not in rel and rel not in GENERATED:
                yield rel, path.read_text(encoding='utf-8').splitlines()


def code_only(line, state):
    """The line with strings, characters and comments blanked; state carries a block comment."""
    out, i, quote = [], 0, None
    while i < len(line):
        c = line[i]
        if state['comment']:
            if line.startswith('*/', i):
                state['comment'] = False
                i += 1
        elif quote:
            if c == '\\':
                i += 1
            elif c == quote:
                quote = None
        elif line.startswith('//', i):
            break
        elif line.startswith('/*', i):
            state['comment'] = True
            i += 1
        elif c in '"\'`':
            quote = c
        else:
            out.append(c)
        i += 1
    return ''.join(out)


def functions(lines):
    """(first line number, length, header) of each function."""
    state = {'comment': False}
    code = [code_only(l, state) for l in lines]
    found = []
    for i, text in enumerate(code):
        stripped = text.strip()
        if not stripped.endswith('{') or CONTROL.match(stripped) or not HEADER.search(stripped):
            continue
        depth, j = 0, i
        while j < len(code):
            depth += code[j].count('{') - code[j].count('}')
            if depth <= 0:
                break
            j += 1
        found.append((i + 1, j - i + 1, lines[i].strip()))
    return found


def main():
    listing = int(sys.argv[2]) if len(sys.argv) == 3 and sys.argv[1] == '--list' else 0
    excess, all_functions = [], []
    for rel, lines in sources():
        if len(lines) > MAX_FILE:
            excess.append(f'{rel}: {len(lines)} lines (limit {MAX_FILE})')
        for line, length, header in functions(lines):
            all_functions.append((length, f'{rel}:{line}', header))
            if length > MAX_FUNCTION:
                excess.append(f'{rel}:{line}: function of {length} lines (limit {MAX_FUNCTION}): {header[:70]}')
    for length, where, header in sorted(all_functions, reverse=True)[:listing]:
        print(f'{length:4d}  {where}  {header[:70]}')
    print('\n'.join(excess) if excess else 'sizes: every file and function within the limits')
    sys.exit(1 if excess else 0)


if __name__ == '__main__':
    main()
