// SPDX-License-Identifier: GPL-2.0
/* The root cell's RAM and IO regions (root_map.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../warden.h"
#include "root_map.h"

#define PAGE_MASK (WD_PAGE_SIZE - 1)

unsigned int gic_frames_of(const struct board *b, struct range *out)
{
	out[0] = (struct range){b->gicd, 0x10000};
	if (b->gic_version == 3) {
		out[1] = (struct range){b->gicr, b->num_cpus * 0x20000ull};
		out[2] = (struct range){b->gits, 0x10000};
		return b->gits ? 3 : 2;
	}
	out[1] = (struct range){b->gicc, 0x2000};
	out[2] = (struct range){b->gich, 0x1000};
	out[3] = (struct range){b->gicv, 0x2000};
	return 4;
}

static void add_ram(struct root_map *m, wd_u64 base, wd_u64 end)
{
	struct map_region *r;

	if (end <= base)
		return;
	r = &m->ram[m->num_ram++];
	r->r = (struct range){base, end - base};
	snprintf(r->note, NOTE_LEN, "RAM");
}

/* Each bank, with Warden's memory cut out of the bank that holds it. */
static void ram_regions(const struct board *b, struct root_map *m)
{
	wd_u64 w0 = b->warden.base, w1 = w0 + b->warden.size;
	unsigned int i;

	for (i = 0; i < b->num_ram; i++) {
		wd_u64 s = b->ram[i].base, e = s + b->ram[i].size;

		if (!ranges_overlap(b->ram[i], b->warden)) {
			add_ram(m, s, e);
			continue;
		}
		add_ram(m, s, w0);
		add_ram(m, w1, e);
	}
}

/* May root IO cover r? Not over RAM nor a GIC frame. */
static const char *forbidden(const struct board *b, struct range r)
{
	struct range gic[4];
	unsigned int i, n = gic_frames_of(b, gic);

	for (i = 0; i < b->num_ram; i++)
		if (ranges_overlap(r, b->ram[i]))
			return "RAM";
	for (i = 0; i < n; i++)
		if (ranges_overlap(r, gic[i]))
			return "a GIC frame";
	return NULL;
}

static int by_base(const void *a, const void *b)
{
	const struct map_region *x = a, *y = b;

	return x->r.base < y->r.base ? -1 : x->r.base > y->r.base;
}

static int add_io(const struct board *b, const struct dt_mmio *d,
		  struct root_map *m)
{
	wd_u64 s = d->r.base & ~PAGE_MASK;
	wd_u64 e = (d->r.base + d->r.size + PAGE_MASK) & ~PAGE_MASK;
	struct map_region *r;
	const char *why;

	if (b->gits &&
	    s == b->gits) /* the ITS: its control frame is Warden's */
		s += 0x10000;
	if (s >= e)
		return 0;
	r = &m->io[m->num_io++];

	r->r = (struct range){s, e - s};
	r->num_devs = 1;
	if (d->spi)
		snprintf(r->note, NOTE_LEN, "%s (INTID %u)", d->path, d->spi);
	else
		snprintf(r->note, NOTE_LEN, "%s", d->path);
	why = forbidden(b, r->r);
	if (why)
		return fail("%s: MMIO 0x%llx (size 0x%llx) overlaps %s",
			    d->path, (unsigned long long)d->r.base,
			    (unsigned long long)d->r.size, why);
	return 0;
}

/* Joins io[i + 1] into io[i] (covering the gap between them). */
static void join(struct root_map *m, unsigned int i)
{
	struct map_region *a = &m->io[i], *n = &m->io[i + 1];
	wd_u64 end = n->r.base + n->r.size;
	size_t len = strlen(a->note);

	if (end > a->r.base + a->r.size)
		a->r.size = end - a->r.base;
	if (a->num_devs < 3 && !strstr(a->note, n->note) &&
	    len + 2 + strlen(n->note) < NOTE_LEN) {
		memcpy(a->note + len, ", ", 2);
		strcpy(a->note + len + 2, n->note);
	}
	a->num_devs += n->num_devs;
	memmove(n, n + 1, (m->num_io - i - 2) * sizeof(*n));
	m->num_io--;
}

static void merge_touching(struct root_map *m)
{
	unsigned int i = 0;

	while (i + 1 < m->num_io)
		if (m->io[i + 1].r.base <= m->io[i].r.base + m->io[i].r.size)
			join(m, i);
		else
			i++;
}

/* The smallest gap that may be covered; -1 if none. */
static int smallest_gap(const struct board *b, const struct root_map *m)
{
	wd_u64 best = ~0ull;
	unsigned int i;
	int at = -1;

	for (i = 0; i + 1 < m->num_io; i++) {
		wd_u64 s = m->io[i].r.base + m->io[i].r.size;
		struct range gap = {s, m->io[i + 1].r.base - s};

		if (gap.size < best && !forbidden(b, gap)) {
			best = gap.size;
			at = i;
		}
	}
	return at;
}

static int fit(const struct board *b, unsigned int budget, struct root_map *m)
{
	int at;

	while (m->num_io > budget) {
		at = smallest_gap(b, m);
		if (at < 0)
			return fail("the devices need %u IO regions, the root "
				    "has room for %u",
				    m->num_io, budget);
		join(m, at);
	}
	return 0;
}

int root_map_build(const struct board *b, unsigned int budget,
		   struct root_map *m)
{
	unsigned int i;

	memset(m, 0, sizeof(*m));
	ram_regions(b, m);
	for (i = 0; i < b->num_mmio; i++)
		if (add_io(b, &b->mmio[i], m))
			return -1;
	qsort(m->io, m->num_io, sizeof(m->io[0]), by_base);
	merge_touching(m);
	if (m->num_ram >= budget)
		return fail("%u RAM regions leave no room for IO", m->num_ram);
	return fit(b, budget - m->num_ram, m);
}
