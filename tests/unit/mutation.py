#!/usr/bin/env python3
# Mutation check of the config checker's unit tests: removes one
# violation() call of the checker (hypervisor/config.c and each arch's
# rules, arch/*/config_rules.c) at a time, rebuilds the cmocka tests
# against that mutant and requires at least one of them to fail.
# A mutant that survives is a rule no test notices. `make test-mutation`;
# `tests/unit/mutation.py LINE...` tries only the calls on those lines
# (of every file).
import re
import subprocess
import sys
import tempfile

TESTS = ['layout', 'platform', 'cell', 'set', 'links', 'colour',
         'gic_windows', 'streams', 'x86_rules']
COMMON = ('tests/unit/builder.c tests/unit/recorder.c '
          'tests/unit/rule_cases.c lib/config_text/config_text.c')
SOURCES = ['hypervisor/config.c', 'arch/arm64/config_rules.c',
           'arch/x86/config_rules.c', 'lib/config_rules/all.c']


def call_sites(src):
    """(start, end) of every `violation(ck, ...)` call statement."""
    for m in re.finditer(r'\b(?:wdc_)?violation\(\s*&?ck,', src):
        depth, i = 0, src.index('(', m.start())
        while True:
            depth += {'(': 1, ')': -1}.get(src[i], 0)
            if depth == 0:
                break
            i += 1
        yield m.start(), i + 1


def killed(source, mutant, workdir):
    path = f'{workdir}/mutant.c'
    with open(path, 'w') as f:
        f.write(mutant)
    others = ' '.join(s for s in SOURCES if s != source)
    for test in TESTS:
        build = subprocess.run(
            f'gcc -std=c11 -w -Iinclude -Ihypervisor/include -Itests/unit '
            f'-Ilib/config_text '
            f'-O1 -o {workdir}/t tests/unit/test_{test}.c {COMMON} {path} '
            f'{others} -lcmocka', shell=True, capture_output=True)
        if build.returncode:
            sys.exit(f'mutant does not build:\n{build.stderr.decode()}')
        if subprocess.run(f'{workdir}/t', capture_output=True).returncode:
            return True
    return False


def main():
    only = {int(arg) for arg in sys.argv[1:]}
    total, survivors = 0, []
    with tempfile.TemporaryDirectory() as workdir:
        for source in SOURCES:
            src = open(source).read()
            for start, end in call_sites(src):
                line = src.count('\n', 0, start) + 1
                if only and line not in only:
                    continue
                total += 1
                mutant = src[:start] + '((void)0)' + src[end:]
                if not killed(source, mutant, workdir):
                    survivors.append(f'{source}:{line}')
                    print(f'SURVIVED: {source}:{line}', flush=True)
    print(f'mutation: {total - len(survivors)} of {total} '
          f'violation() calls are caught by a test')
    return 1 if survivors else 0


if __name__ == '__main__':
    sys.exit(main())
