// SPDX-License-Identifier: GPL-2.0
/*
 * The table of non-root cells, and the lock that serialises everything the
 * root does to cells (create, load, start, shutdown, destroy, queries).
 * Only root CPUs take that lock: a cell's own CPUs never wait for it, so a
 * root CPU holding it may wait for them (to park) without a deadlock.
 */
#include <wd/cell.h>
#include <wd/spinlock.h>
#include <wd/string.h>

static struct {
	spinlock_t lock;
	u32 next_id;
	bool used[WD_MAX_CELLS];
	struct cell cells[WD_MAX_CELLS];
} table;

void cell_mgmt_lock(void)
{
	spin_lock(&table.lock);
}

void cell_mgmt_unlock(void)
{
	spin_unlock(&table.lock);
}

/* A zeroed cell with a fresh id; ids are not reused while enabled. */
struct cell *cell_alloc(void)
{
	unsigned int i;

	for (i = 0; i < WD_MAX_CELLS; i++) {
		if (table.used[i])
			continue;
		memset(&table.cells[i], 0, sizeof(table.cells[i]));
		table.used[i] = true;
		table.cells[i].id = ++table.next_id;
		table.cells[i].row = i + 1;
		return &table.cells[i];
	}
	return NULL;
}

void cell_free(struct cell *cell)
{
	table.used[cell_slot(cell)] = false;
}

unsigned int cell_slot(const struct cell *cell)
{
	return (unsigned int)(cell - table.cells);
}

struct cell *cell_find(u64 id)
{
	struct cell *c = NULL;

	if (id == root_cell.id)
		return &root_cell;
	while ((c = cell_next(c)))
		if (c->id == id)
			return c;
	return NULL;
}

struct cell *cell_next(const struct cell *prev)
{
	unsigned int i = prev ? cell_slot(prev) + 1 : 0;

	for (; i < WD_MAX_CELLS; i++)
		if (table.used[i])
			return &table.cells[i];
	return NULL;
}

unsigned int cell_count(void)
{
	const struct cell *c = NULL;
	unsigned int n = 1;

	while ((c = cell_next(c)))
		n++;
	return n;
}
