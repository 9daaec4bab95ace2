// SPDX-License-Identifier: GPL-2.0
/*
 * I/O port partition: each cell's I/O permission map (a set bit makes the
 * port exit). A cell's map intercepts every port it does not own.
 */
#include <arch.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/cell.h>
#include <wd/paging.h>
#include <wd/string.h>

/* Cells that own no port: every access exits (and fails the cell). */
static u8 iopm_none[IOPM_SIZE] __attribute__((aligned(4096)));

u64 x86_iopm_of(const struct cell *cell)
{
	(void)cell;
	if (!iopm_none[0])
		memset(iopm_none, 0xff, sizeof(iopm_none));
	return paging_pa(iopm_none);
}
