/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * The echo demo's protocol over a shared-memory link (not Warden's ABI:
 * Warden only maps the memory and rings the doorbells). The root program
 * (tools/warden-shm-ping.c) writes a request, the echo inmate
 * (inmates/demos/echo.c) writes the answer: the request upper-cased.
 *
 * Each side writes its text first, then its sequence number, then rings:
 * a reader that sees a new sequence number sees the text that goes with
 * it. The inmate runs with its MMU off (Device memory), the root maps the
 * region non-cacheable, so neither side needs cache maintenance.
 * Documented in Documentation/ivshmem.md.
 */
#ifndef WARDEN_SHM_ECHO_H
#define WARDEN_SHM_ECHO_H

#include <warden/config.h>

#define WD_ECHO_LINK 1
#define WD_ECHO_TEXT_MAX 240

/* request_flags */
#define WD_ECHO_FAIL 1u /* test hook: the inmate fails on purpose */

struct wd_echo_shm {
	wd_u32 request_seq; /* root: written after request[] */
	wd_u32 request_len;
	wd_u32 request_flags; /* WD_ECHO_* */
	wd_u32 answer_seq; /* inmate: written after answer[], = request_seq */
	wd_u32 answer_len;
	wd_u32 reserved;
	/*
	 * Inmate: instructions its CPU ran at EL2 so far (PMU event 0x08
	 * filtered to EL2), written with each answer; 0 if the PMU cannot
	 * count instructions (QEMU counts them only with -icount).
	 */
	wd_u64 echo_el2_insns;
	char request[WD_ECHO_TEXT_MAX];
	char answer[WD_ECHO_TEXT_MAX];
};

#endif
