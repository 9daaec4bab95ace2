/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * Layout of warden.bin as the driver sees it, and of the console ring the
 * driver exposes as /dev/warden_console. Documented in
 * Documentation/hypervisor.md.
 *
 * warden.bin is copied to the start of the system config's hypervisor
 * range. Its first bytes are struct wd_image_header; the driver zeroes
 * [file size, percpu_offset + num_cpus * percpu_size) (num_cpus: the
 * system config's; the whole [file size, image_size) when percpu_size is
 * 0), copies the system config blob to config_offset and calls
 * entry_offset on every CPU through Linux's hyp stub. The per-CPU areas
 * of CPUs past num_cpus are left as they were: Warden clears what it
 * reads there itself.
 */
#ifndef WARDEN_HV_IMAGE_H
#define WARDEN_HV_IMAGE_H

/* Plain constants: also used by assembly and the linker script. */
#define WD_IMAGE_MAGIC 0x5648445775 /* "uWDHV" */
#define WD_IMAGE_ABI 1
/*
 * Enable entry, reached through the stub's HVC_SOFT_RESTART at EL2 with
 * the MMU off: x0 = logical CPU index in the config's platform.mpidr[],
 * x1 = WD_ENTRY_COOKIE, x2 = size of the hypervisor range. Returns to
 * EL1 with x0 = 0 or -errno.
 */
#define WD_ENTRY_COOKIE 0x776172642d656e61 /* "ane-draw" */
#define WD_CONSOLE_RING_MAGIC 0x474e4952 /* "RING" */
#define WD_X86_EARLY_PAGES 8

#ifndef __ASSEMBLY__
#include <warden/config.h>

struct wd_image_header {
	wd_u64 magic; /* WD_IMAGE_MAGIC */
	wd_u32 abi; /* WD_IMAGE_ABI */
	wd_u32 max_cpus; /* per-CPU areas in the image */
	wd_u64 image_size; /* file + zeroed data, page aligned */
	wd_u64 entry_offset; /* enable entry, see below */
	wd_u64 config_offset; /* where the system config goes */
	wd_u64 config_max; /* bytes reserved for it */
	wd_u64 console_offset; /* struct wd_console_ring, one page */
	wd_u64 percpu_offset; /* max_cpus areas up to image_size */
	wd_u64 percpu_size; /* bytes of one area; 0: zero the whole image */
	/*
	 * x86: offset of WD_X86_EARLY_PAGES zeroed pages where the driver
	 * builds the early page tables wd_entry starts on (the range
	 * identity mapped, the driver's trampoline page at its address:
	 * Documentation/x86.md). 0 on arm64.
	 */
	wd_u64 early_offset;
	wd_u64 reserved[6];
};

/*
 * One page written by the hypervisor only; mapped read-only into the root
 * cell. head counts every byte ever written: byte n lives at
 * buf[n % size] while n >= head - size.
 */
struct wd_console_ring {
	wd_u32 magic; /* WD_CONSOLE_RING_MAGIC once initialised */
	wd_u32 size; /* bytes in buf */
	wd_u64 head;
	char buf[];
};

#endif /* __ASSEMBLY__ */
#endif
