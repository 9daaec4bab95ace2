/* SPDX-License-Identifier: GPL-2.0 */
/* Fake arch (host tests): the arch part of the per-CPU data. */
#ifndef ARCH_PERCPU_H
#define ARCH_PERCPU_H

#include <wd/types.h>

struct percpu;

struct arch_percpu {
	u64 mpidr;
};

/* The CPU the test pretends to run on (arch/fake.h). */
struct percpu *arch_this_cpu(void);

#endif
