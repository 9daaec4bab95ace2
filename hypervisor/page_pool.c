// SPDX-License-Identifier: GPL-2.0
/*
 * Page pool: a bitmap over the pages of the hypervisor range that follow
 * the image. Allocation is rare (set-up, cell create), so a linear search
 * under one lock is enough.
 */
#include <wd/errno.h>
#include <wd/page_pool.h>
#include <wd/spinlock.h>
#include <wd/string.h>

static struct {
	spinlock_t lock;
	u64 base;
	u64 pages;
	u64 used;
	u64 next; /* search hint */
	u64 bitmap[PAGE_POOL_MAX_PAGES / 64];
} pool;

int page_pool_init(u64 base, u64 size)
{
	if (!IS_ALIGNED(base, PAGE_SIZE) || size < PAGE_SIZE)
		return -EINVAL;
	memset(&pool, 0, sizeof(pool));
	pool.base = base;
	pool.pages = MIN(size / PAGE_SIZE, (u64)PAGE_POOL_MAX_PAGES);
	return 0;
}

static bool page_taken(u64 n)
{
	return pool.bitmap[n / 64] & BIT(n % 64);
}

static s64 find_free(void)
{
	u64 i, n;

	for (i = 0; i < pool.pages; i++) {
		n = (pool.next + i) % pool.pages;
		if (!page_taken(n))
			return (s64)n;
	}
	return -ENOMEM;
}

void *page_alloc(void)
{
	s64 n;
	void *page = NULL;

	spin_lock(&pool.lock);
	n = find_free();
	if (n >= 0) {
		pool.bitmap[n / 64] |= BIT(n % 64);
		pool.used++;
		pool.next = (u64)n + 1;
		page = (void *)(unsigned long)(pool.base + (u64)n * PAGE_SIZE);
	}
	spin_unlock(&pool.lock);
	if (page)
		memset(page, 0, PAGE_SIZE);
	return page;
}

/* Pages outside the pool or already free are ignored: a double free is a
 * hypervisor bug, but must not corrupt the accounting. */
void page_free(void *page)
{
	u64 pa = (u64)(unsigned long)page, n;

	if (pa < pool.base || !IS_ALIGNED(pa, PAGE_SIZE))
		return;
	n = (pa - pool.base) / PAGE_SIZE;
	if (n >= pool.pages)
		return;
	spin_lock(&pool.lock);
	if (page_taken(n)) {
		pool.bitmap[n / 64] &= ~BIT(n % 64);
		pool.used--;
	}
	spin_unlock(&pool.lock);
}

u64 page_pool_used(void)
{
	return pool.used * PAGE_SIZE;
}

u64 page_pool_size(void)
{
	return pool.pages * PAGE_SIZE;
}
