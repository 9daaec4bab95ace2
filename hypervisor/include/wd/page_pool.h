/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page pool: the hypervisor's only allocator. Page tables and cell
 * bookkeeping come from here, never from Linux.
 */
#ifndef WD_PAGE_POOL_H
#define WD_PAGE_POOL_H

#include <wd/types.h>

#define PAGE_POOL_MAX_PAGES (64 * 1024) /* 256 MiB, bitmap is 8 KiB */

int page_pool_init(u64 base, u64 size);
void *page_alloc(void); /* one zeroed page, or NULL */
void page_free(void *page);
u64 page_pool_used(void); /* bytes */
u64 page_pool_size(void); /* bytes */

#endif
