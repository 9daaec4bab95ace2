#!/usr/bin/env python3
# Mutation check of the config checker's unit tests: removes one
# violation() call of hypervisor/config.c at a time, rebuilds the cmocka
# tests against that mutant and requires at least one of them to fail.
# A mutant that survives is a rule no test notices. `make test-mutation`;
# `tests/unit/mutation.py LINE...` tries only the calls on those lines.
import re
import subprocess
import sys
import tempfile

TESTS = ['layout', 'platform', 'cell', 'set', 'links', 'colour',
         'gic_windows']
COMMON = ('tests/unit/builder.c tests/unit/recorder.c '
          'tests/unit/rule_cases.c')


def call_sites(src):
    """(start, end) of every `violation(ck, ...)` call statement."""
    for m in re.finditer(r'\bviolation\(\s*&?ck,', src):
        depth, i = 0, m.end() - len(m.group(0)) + len('violation')
        while True:
            depth += {'(': 1, ')': -1}.get(src[i], 0)
            if depth == 0:
                break
            i += 1
        yield m.start(), i + 1


def killed(mutant, workdir):
    path = f'{workdir}/config.c'
    with open(path, 'w') as f:
        f.write(mutant)
    for test in TESTS:
        build = subprocess.run(
            f'gcc -std=c11 -w -Iinclude -Ihypervisor/include -Itests/unit '
            f'-O1 -o {workdir}/t tests/unit/test_{test}.c {COMMON} {path} '
            f'-lcmocka', shell=True, capture_output=True)
        if build.returncode:
            sys.exit(f'mutant does not build:\n{build.stderr.decode()}')
        if subprocess.run(f'{workdir}/t', capture_output=True).returncode:
            return True
    return False


def main():
    src = open('hypervisor/config.c').read()
    only = {int(arg) for arg in sys.argv[1:]}
    sites = [(start, end) for start, end in call_sites(src)
             if not only or src.count('\n', 0, start) + 1 in only]
    survivors = []
    with tempfile.TemporaryDirectory() as workdir:
        for start, end in sites:
            line = src.count('\n', 0, start) + 1
            if not killed(src[:start] + '((void)0)' + src[end:], workdir):
                survivors.append(line)
                print(f'SURVIVED: config.c:{line}', flush=True)
    print(f'mutation: {len(sites) - len(survivors)} of {len(sites)} '
          f'violation() calls are caught by a test')
    return 1 if survivors else 0


if __name__ == '__main__':
    sys.exit(main())
