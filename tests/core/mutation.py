#!/usr/bin/env python3
# Mutation check of the core tests (tests/core/, `make test-core`): each
# mutant below breaks one rule of hypervisor/ (the cell freeze, an undo
# step of create, a from_root() check, a bound...), the test that guards
# it is rebuilt and run, and must fail. A mutant that survives is a rule
# no test notices. `make test-core-mutation` (minutes, not in
# `make test`); `tests/core/mutation.py N...` tries only mutants N.
# The source is edited in place and always restored; the script refuses
# to run on a tree with changes under hypervisor/.
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
OUT = os.path.join(TOP, 'out/host/tests/core/')

# (file, text, replacement, test)
MUTANTS = [
 ('hypervisor/cell_cpu.c', '\tcell->power_frozen = true;\n', '', 'test_cell_cpu'),
 ('hypervisor/cell_cpu.c', ' || pc->power == CPU_POWER_ON_PENDING))', '))', 'test_cell_cpu'),
 ('hypervisor/cell_cpu.c', '(pc->cell != from || !pc->parked', '((from && 0) || !pc->parked', 'test_cell_cpu'),
 ('hypervisor/cell_cpu.c', 'on = pc->on_cell == pc->cell;', 'on = true;', 'test_cell_cpu'),
 ('hypervisor/cell_cpu.c', 'if (target->cell != cell || cell->power_frozen || cell_is_stopped(cell))', 'if (target->cell != cell || cell->power_frozen)', 'test_cell_cpu'),
 ('hypervisor/cell_cpu.c', 'if (now - asked > second / 1000) {', 'if (asked && 0) {', 'test_cell_cpu'),
 ('hypervisor/cell_cpu.c', '\t\t\tset_frozen(cell, false);\n\t\t\treturn -ETIMEDOUT;', '\t\t\treturn -ETIMEDOUT;', 'test_cell_cpu'),
 ('hypervisor/hypercall.c', 'return from_root(pc) ? cell_create(config, size) : -EPERM;', 'return (void)pc, cell_create(config, size);', 'test_hypercall'),
 ('hypervisor/hypercall.c', 'return from_root(pc) ? cell_destroy(id) : -EPERM;', 'return (void)pc, cell_destroy(id);', 'test_hypercall'),
 ('hypervisor/hypercall.c', '\tif (!from_root(pc))\n\t\treturn -EPERM;\n\treturn wd_disable_cpu(pc);', '\treturn wd_disable_cpu(pc);', 'test_hypercall'),
 ('hypervisor/hypercall.c', 'n >= WD_HC_COUNT || ', '', 'test_hypercall'),
 ('hypervisor/cell_fail.c', 'return ++b->count > per_second;', 'return ++b->count >= per_second;', 'test_hypercall'),
 ('hypervisor/cell_fail.c', '\tif (pc->cell == &root_cell)\n\t\treturn;\n\tif (flood', '\tif (flood', 'test_hypercall'),
 ('hypervisor/cell_create.c', '\troot_unmap_comm(cell);\n\tarch_stage2_flush(&root_cell);\n\tpaging_destroy', '\tarch_stage2_flush(&root_cell);\n\tpaging_destroy', 'test_lifecycle'),
 ('hypervisor/cell_create.c', '\t\tif (err)\n\t\t\tcell_cpus_move(cell->cpu_set, cell, &root_cell);', '', 'test_lifecycle'),
 ('hypervisor/cell_create.c', '\tif (err)\n\t\troot_take_back_devices(cell);', '', 'test_lifecycle'),
 ('hypervisor/cell_create.c', '\tpaging_destroy(&cell->stage2);\n\tcell_free(cell);', '\tcell_free(cell);', 'test_lifecycle'),
 ('hypervisor/cell_create.c', '\tif (ret < 0 && blob)\n\t\tpage_free(blob);', '', 'test_lifecycle'),
 ('hypervisor/cell_destroy.c', '\tscrub_memory(cell);\n', '\t(void)scrub_memory;\n', 'test_lifecycle'),
 ('hypervisor/cell_control.c', '\tif (!cell_cpus_parked(cell->cpu_set))\n\t\treturn -EBUSY;', '', 'test_lifecycle'),
 ('hypervisor/ivshmem.c', '\tif (maps_ram(&root_cell, pa, size))\n\t\treturn true;\n', '', 'test_ivshmem'),
 ('hypervisor/ivshmem.c', '\t\tif (c != cell && maps_ram(c, pa, size))', '\t\tif ((c != cell || cell) && maps_ram(c, pa, size))', 'test_ivshmem'),
 ('hypervisor/ivshmem.c', '\t\tif (!running(c))\n\t\t\tcontinue;\n', '\t\tif (!running(c) && 0)\n\t\t\tcontinue;\n', 'test_ivshmem'),
 ('hypervisor/ivshmem.c', '\tif (!cell_link(from, id))\n\t\treturn -ENOENT;\n\tspin_lock(&link_lock);\n\tp = visit_peers(from, id, target, true);', '\tspin_lock(&link_lock);\n\tp = visit_peers(from, id, target, true);', 'test_ivshmem'),
 ('hypervisor/ivshmem.c', '\tspin_unlock(&link_lock);\n\tring_peers(cell);\n}', '\tspin_unlock(&link_lock);\n}', 'test_ivshmem'),
 ('hypervisor/cell_state.c', '\tivshmem_cell_changed(cell); /* peers wake up and look */\n', '', 'test_ivshmem'),
 ('hypervisor/printk.c', 'if (o->len + 1 < o->size)', 'if (o->size)', 'test_printk'),
 ('hypervisor/printk.c', 'while (sp->width > n && n < sizeof(digits))', 'while (sp->width > n)', 'test_printk'),
 ('hypervisor/mmio.c', 'if (acc->addr - r->start < r->size)', 'if (acc->addr - r->start <= r->size)', 'test_printk'),
 ('hypervisor/mmio.c', 'if (cell->num_mmio >= MMIO_MAX_REGIONS)', 'if (cell->num_mmio > MMIO_MAX_REGIONS)', 'test_printk'),
 ('hypervisor/cell_root.c', '\terr = root_ram_pa(ipa, size, WD_MEM_READ, &pa);\n\tif (err || !plain_ram(pa, size))', '\terr = root_ram_pa(ipa, size, WD_MEM_READ, &pa);\n\tif (err)', 'test_ivshmem'),
 ('hypervisor/cell_root.c', '\tif (!size || ipa + size < ipa)\n\t\treturn -EFAULT;\n\terr = root_ram_pa(ipa, size, WD_MEM_READ, &pa);', '\terr = root_ram_pa(ipa, size, WD_MEM_READ, &pa);', 'test_lifecycle'),
 ('hypervisor/cell_root.c', 'if (!size || pa + size < pa || !plain_ram(pa, size))', 'if (!plain_ram(pa, size))', 'test_lifecycle'),
 ('hypervisor/cell_root.c', '\t\tif (pa - m[i].phys_start < m[i].size)\n\t\t\treturn true;\n\tfor', '\t\tif (pa - m[i].phys_start <= m[i].size)\n\t\t\treturn true;\n\tfor', 'test_lifecycle'),
 ('hypervisor/cell_destroy.c', '\tif (cell->state == WD_CELL_STATE_LOADING)\n\t\troot_unmap_loadable(cell);\n', '', 'test_lifecycle'),
 ('hypervisor/cell_console_write.c', '(m->flags & (WD_MEM_IO | WD_MEM_READ)) == WD_MEM_READ', '!(m->flags & WD_MEM_IO)', 'test_hypercall'),
 ('hypervisor/cell_console_write.c', '\tif (len > sizeof(buf))\n\t\treturn -EINVAL;\n', '\tif (len > sizeof(buf))\n\t\tlen = sizeof(buf);\n', 'test_hypercall'),
 ('hypervisor/cell.c', '\t\terr = check_root_region(sys, m) ?: cell_map_region(cell, m);', '\t\terr = (check_root_region(sys, m) & 0) ?: cell_map_region(cell, m);', 'test_lifecycle'),
]


def run(test):
    """True if the test binary fails (or hangs) on the mutant."""
    b = subprocess.run(['make', '-C', TOP, OUT + test],
                       capture_output=True, text=True)
    if b.returncode:
        sys.exit('build failed:\n' + b.stderr[-2000:])
    try:
        r = subprocess.run([OUT + test], capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return True
    return r.returncode != 0


def try_mutant(n, path, old, new, test):
    """True if caught; the file is restored whatever happens."""
    path = os.path.join(TOP, path)
    with open(path) as f:
        src = f.read()
    if src.count(old) != 1:
        sys.exit('mutant %d: text not found once in %s' % (n, path))
    try:
        with open(path, 'w') as f:
            f.write(src.replace(old, new))
        return run(test)
    finally:
        with open(path, 'w') as f:
            f.write(src)


def main():
    if subprocess.run(['git', '-C', TOP, 'diff', '--quiet', 'hypervisor']
                      ).returncode:
        sys.exit('hypervisor/ has changes: commit or stash them first')
    only = [int(a) for a in sys.argv[1:]]
    missed = 0
    for n, (path, old, new, test) in enumerate(MUTANTS):
        if only and n not in only:
            continue
        caught = try_mutant(n, path, old, new, test)
        missed += not caught
        print('%2d %s %s (%s)' % (n, 'caught' if caught else 'MISSED',
                                  path, test))
    for test in sorted({m[3] for m in MUTANTS}):
        subprocess.run(['make', '-C', TOP, OUT + test],
                       capture_output=True)
    print('core mutation: %s' % ('all caught' if not missed else
                                 '%d MISSED' % missed))
    return 1 if missed else 0


if __name__ == '__main__':
    sys.exit(main())
