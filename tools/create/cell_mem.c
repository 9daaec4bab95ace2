// SPDX-License-Identifier: GPL-2.0
/* CPUs and memory for a new cell, from what the configs leave free. */
#include <stdio.h>

#include <wd/config_check.h>

#include "../warden.h"
#include "cell.h"

static wd_u64 cells_cpus(const struct blob *in, unsigned int n)
{
	wd_u64 taken = 0;
	unsigned int i;

	for (i = 1; i < n; i++)
		taken |= wd_config_cell(in[i].data)->cpu_set;
	return taken;
}

/* The highest free CPUs; CPU 0 stays the root's (Linux boots on it). */
int plan_cpus(const struct blob *in, unsigned int n, wd_u64 want,
	      struct cell_plan *p)
{
	const struct wd_system *sys = wd_config_system(in[0].data);
	wd_u64 taken = cells_cpus(in, n), got = 0;
	int cpu;

	/* num_cpus is not checked yet (check_plan() runs the checker) */
	int top = sys->platform.num_cpus > WD_MAX_CPUS ? WD_MAX_CPUS
						       : sys->platform.num_cpus;

	for (cpu = top - 1; cpu > 0 && got < want; cpu--)
		if (!(taken >> cpu & 1)) {
			p->cpu_set |= 1ull << cpu;
			got++;
		}
	if (got < want || !want)
		return fail("the cell does not fit: %llu CPUs asked, %llu free "
			    "(CPU 0 stays the root's)",
			    (unsigned long long)want, (unsigned long long)got);
	return 0;
}

static void add_used(struct used *u, wd_u64 base, wd_u64 size)
{
	if (u->n < MAX_USED)
		u->r[u->n++] = (struct range){base, size};
}

static void cell_used(const struct wd_cell *c, struct used *u)
{
	const struct wd_mem_region *m = wd_cell_mem(c);
	const struct wd_device *d = wd_cell_devices(c);
	unsigned int i;

	for (i = 0; i < c->num_mem_regions; i++)
		add_used(u, m[i].phys_start, m[i].size);
	for (i = 0; i < c->num_devices; i++)
		add_used(u, d[i].mmio_start, d[i].mmio_size);
}

void collect_used(const struct blob *in, unsigned int n, struct used *u)
{
	const struct wd_system *sys = wd_config_system(in[0].data);
	unsigned int i;

	u->n = 0;
	add_used(u, sys->hypervisor.start, sys->hypervisor.size);
	cell_used(wd_config_root(in[0].data), u);
	for (i = 1; i < n; i++)
		cell_used(wd_config_cell(in[i].data), u);
}

/* The used range overlapping [base, base + size), or NULL. */
static const struct range *clash(const struct used *u, wd_u64 base, wd_u64 size)
{
	unsigned int i;

	for (i = 0; i < u->n; i++)
		if (ranges_overlap(u->r[i], (struct range){base, size}))
			return &u->r[i];
	return NULL;
}

/* First fit from the pool's start, 2 MiB aligned when it is that big. */
static wd_u64 first_fit(wd_u64 start, wd_u64 end, wd_u64 size,
			const struct used *u)
{
	wd_u64 align = size >= 0x200000 ? 0x200000 : WD_PAGE_SIZE;
	wd_u64 at = (start + align - 1) & ~(align - 1);
	const struct range *c;

	while (at + size <= end && (c = clash(u, at, size)))
		at = (c->base + c->size + align - 1) & ~(align - 1);
	return at + size <= end ? at : ~0ull;
}

/* The comm page: the highest free page of the pool. */
static wd_u64 last_page(wd_u64 start, wd_u64 end, const struct used *u)
{
	wd_u64 at = end - WD_PAGE_SIZE;
	const struct range *c;

	while (at >= start && (c = clash(u, at, WD_PAGE_SIZE))) {
		if (c->base < start + WD_PAGE_SIZE)
			return ~0ull;
		at = (c->base - WD_PAGE_SIZE) & ~(WD_PAGE_SIZE - 1);
	}
	return at >= start ? at : ~0ull;
}

int plan_memory(const struct wd_system *sys, const struct used *u, wd_u64 ram,
		struct cell_plan *p)
{
	wd_u64 s = sys->cell_pool.start, e = s + sys->cell_pool.size;
	struct used more = *u;
	wd_u64 at, comm;

	ram = (ram + WD_PAGE_SIZE - 1) & ~(WD_PAGE_SIZE - 1);
	at = ram ? first_fit(s, e, ram, u) : ~0ull;
	if (at == ~0ull)
		return fail(
			"the cell does not fit: no free 0x%llx bytes in the "
			"cell pool 0x%llx-0x%llx",
			(unsigned long long)ram, (unsigned long long)s,
			(unsigned long long)e - 1);
	add_used(&more, at, ram);
	comm = last_page(s, e, &more);
	if (comm == ~0ull)
		return fail("the cell does not fit: no free page in the cell "
			    "pool for its comm region");
	p->mem[0] = (struct wd_mem_region){
		at, CELL_GUEST_RAM, ram,
		WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC | WD_MEM_LOADABLE, 0};
	p->mem[1] = (struct wd_mem_region){
		comm, CELL_GUEST_COMM, WD_PAGE_SIZE,
		WD_MEM_READ | WD_MEM_WRITE | WD_MEM_COMM, 0};
	return 0;
}
