// SPDX-License-Identifier: GPL-2.0
/* Per-CPU areas, laid out by the linker script after the image data. */
#include <wd/percpu.h>

extern u8 wd_percpu_area[];

struct percpu *percpu_of(unsigned int cpu_id)
{
	return (struct percpu *)(wd_percpu_area +
				 (unsigned long)cpu_id * WD_PERCPU_SIZE);
}
