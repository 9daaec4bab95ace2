/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic types for inmates. Only the headers a freestanding compiler must
 * provide (stdint, stddef, stdbool, stdarg) are used: there is no libc.
 */
#ifndef INMATE_TYPES_H
#define INMATE_TYPES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int64_t s64;

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define BIT(n) (1ul << (n))

#define __noreturn __attribute__((noreturn))
#define __printf(a, b) __attribute__((format(printf, a, b)))

#endif
