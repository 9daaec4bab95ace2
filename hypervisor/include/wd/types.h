/* SPDX-License-Identifier: GPL-2.0 */
/* Fixed-width types for the freestanding hypervisor. */
#ifndef WD_TYPES_H
#define WD_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <warden/config.h>

typedef wd_u8 u8;
typedef wd_u16 u16;
typedef wd_u32 u32;
typedef wd_u64 u64;
typedef long long s64;
typedef int s32;

#define BIT(n) (1ull << (n))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a) (((x) + (a)-1) & ~((u64)(a)-1))
#define IS_ALIGNED(x, a) (((x) & ((u64)(a)-1)) == 0)
#define MIN(a, b) ((a) < (b) ? (a) : (b))

#define PAGE_SIZE 0x1000ull
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define READ_ONCE(x) (*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile typeof(x) *)&(x) = (v))

#endif
